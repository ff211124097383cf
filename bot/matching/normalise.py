"""Text normalisation and tokenisation shared by the index and the questions.

Both sides of every comparison go through these same functions, so a quote style, a
mention or a plural can never make two equal things look different.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from ..typography import fold_styles

MAX_QUESTION_CHARS = 500  # longer input is cut before matching (the reply says so)

_COMMAND = re.compile(r"^\s*/[a-z0-9_]+(@[a-z0-9_]+)?\b", re.IGNORECASE)  # /ask, /ask@SomeBot
_MENTION = re.compile(r"(?<!\w)@[a-z0-9_]{3,}", re.IGNORECASE)
_APOSTROPHE_S = re.compile(r"'s\b")
# "what's" is "what is" (the model reads the question), but "Russia's" stays a possessive.
_IS_CONTRACTION = re.compile(r"\b(what|who|where|when|how|why|that|it|there|here|he|she)'s\b")
_CONTRACTIONS = ((re.compile(r"\bwon't\b"), "will not"), (re.compile(r"\bcan't\b"), "can not"),
                 (re.compile(r"n't\b"), " not"), (re.compile(r"'re\b"), " are"), (re.compile(r"'ve\b"), " have"),
                 (re.compile(r"'ll\b"), " will"), (re.compile(r"\bi'm\b"), "i am"), (re.compile(r"'d\b"), " would"))
_NOT_WORD = re.compile(r"[^\w]+")  # punctuation, symbols, control and zero-width characters
_UNDERSCORE = re.compile(r"_+")
# "tl;dr" is one word, not the letters "tl" and "dr"; so is "too long, didn't read" (contractions expanded).
_TLDR = re.compile(r"\btl\W{0,2}dr\b|\btoo long\W+did not read\b")
_DRAWN_OUT = re.compile(r"([^\W\d_])\1{2,}")  # "soooo", "whyyy", "дааа": a letter held, not a new word
_THRICE = re.compile(r"(.)\1\1")  # any character three times: a quick test, 5x cheaper than the one above
# How briefly to answer is not what to answer about ("what is it about, in short"); "short" alone
# stays a word ("short-lived").
_BRIEFLY = frozenset("""
short brief nutshell word words sentence sentences line lines terms english language словах слов чертах предложении
словами языком
""".split())
_IN_SHORT = re.compile(r"\b(?:in short|in brief|in a nutshell|in (?:one|two|three|a few) (?:sentences?|lines?|words?)"
                       r"|в двух словах|в паре слов|в общих чертах|в одном предложении"
                       # ... or plainly: "in plain words", "in layman's terms", "простыми словами"
                       r"|in (?:plain|simple|everyday|layman|laymans|lay) (?:words|terms|english|language)"
                       r"|(?:простыми|понятными|своими) словами|(?:простым|понятным|человеческим) языком"
                       # "short version: will it last" (not "the short version of this essay": what it says)
                       r"|(?:the |a )?(?:short|shorter|brief|quick|one line|two line) version (?!of\b)(?=\w+ \w+)"
                       r")\b")
# A reader saying who they are after the question asks nothing by it: "who wrote it, beekeeper asking",
# "what's the gist (nurse here)", "is nato expanding - asking for a friend". Read with its punctuation:
# "what is russia asking" asks what Russia asks.
# ... or before it, set off by punctuation: "veterinarian asking: what does it conclude", "nurse here - is it long".
# ... and where they are: "trucker on the m-4 here, what's the takeaway".
_WHERE = r" (?:from|on|in|at|near|off) "
_ASKER_BEFORE = re.compile(rf"^\s*(?:an? )?[^\W\d_]+(?: [^\W\d_]+)?(?:{_WHERE}(?:the )?[\w-]+(?: [\w-]+)?)?"
                           r" (?:asking|here|speaking)\s*[:,;-]\s*(?=\w)")
# ... or where they are from or work, set off by a stop, a colon or a comma: "vet from kaliningrad: has europe been
# left alone", "lift mechanic from norilsk. what is the main point", "ferry captain on baikal, what is the claim". A
# person, by the ending or the word ("sanctions from washington - were there any" and "which leader from europe: ..."
# ask about what they name; "-ment" names a thing: "agreement in minsk - that failed why"). Where may take two steps,
# and the question may go on with "this" or "that": "cook on a trawler off kamchatka - that 'outcast' tag, ...".
_QUESTION_OPENING = (r"(?:what|who|whom|whose|which|why|how|when|where|is|are|do|does|did|can|could|was|were|has|have"
                     r"|will|would")
_PERSON = (r"(?:[^\W\d_]+(?:er|or|ist|ian|man|woman|ess|ant|(?<!m)ent|eer|ier|ic)|vet|nurse|guide|cook|chef|clerk|monk"
           r"|nun|mum|mom|dad|retiree|pensioner|granny|grandma|grandpa|guy|girl|lady|kid|teen|undergrad|captain|pilot"
           r"|skipper|surgeon|priest|shepherd|coach|poet|goalie|acrobat|athlete|barista|intern|architect|astronaut"
           r"|cosmonaut|artisan|nanny|[^\W\d_]*(?:guard|smith|wife|mason))")
# Not an office, which is asked about: "the ambassador in moscow, who was it", "us envoy in kyiv: what did he do".
_OFFICE = (r"(?:ambassador|envoy|president|minister|secretary|chancellor|leader|senator|lawmaker|commander|officer"
           r"|diplomat|negotiator|spokesman|ruler|premier|governor|mayor|official)s?")
# A calling may have a word before it, joined by a hyphen too ("bell-ringer from rostov: ...").
_ASKER_FROM = re.compile(rf"^\s*(?!{_QUESTION_OPENING}|the)\b)(?:i am )?(?:an? )?(?:[^\W\d_]+[ -])?(?!{_OFFICE}\b)"
                         rf"{_PERSON}(?:{_WHERE}(?:the |lake |an? )?[^\W\d_]+(?:[ -][^\W\d_]+)?){{1,2}}\s*[,:.;—–-]\s*"
                         rf"(?={_QUESTION_OPENING}|should|so|and|but|that|this)\b)")
_SAYS_WHERE = re.compile(_WHERE)
_ASKER_AFTER = re.compile(r"\s*[,;:(-]\s*(?:(?:just |only )?(?:an? )?[^\W\d_]+(?: [^\W\d_]+)? (?:asking|here|speaking)"
                          r"|asking (?:as an? [^\W\d_]+(?: [^\W\d_]+)?|for a friend))\W*$")


# Chat spellings of function words: unknown to the base, "wat" would count as a rare word the
# article never uses and sink the answer ("wat is atlanticism"). Only forms that are no word of
# their own in a question about politics ("wen" is left out: Wen is a Chinese name).
_CHAT_SPELLINGS = {
    "wat": "what", "wut": "what", "wht": "what", "waht": "what", "whta": "what", "hwo": "how", "hw": "how",
    "whne": "when", "wher": "where", "whre": "where", "wich": "which", "whihc": "which",
    "teh": "the", "hte": "the", "da": "the", "dis": "this", "tht": "that", "abt": "about", "abut": "about",
    "bout": "about", "abot": "about", "cuz": "because", "coz": "because", "bc": "because", "bcz": "because",
    "becuase": "because", "becasue": "because", "tho": "though", "thru": "through", "ur": "your", "im": "i am",
    "ive": "i have", "shud": "should", "cud": "could", "wud": "would", "dunno": "do not know", "thier": "their",
    "gimme": "give me", "lemme": "let me",
    # ... and chat shorthand for content words, which the base writes in full.
    "uni": "university", "govt": "government", "admin": "administration", "prez": "president",
    "intl": "international", "natl": "national", "ppl": "people", "doc": "document", "docs": "documents",
    "buddy": "friend", "buddies": "friends", "pal": "friend", "pals": "friends", "bestie": "friend",
    "besties": "friends", "bff": "friend", "bffs": "friends", "chum": "friend", "chums": "friends",
}
# Plain words for which an article writes another of the same sense: a "quarrel" is a dispute, a "foe" an adversary.
_ARTICLE_WORDS = {"quarrel": "dispute", "quarrels": "disputes", "foe": "adversary", "foes": "adversaries",
                  "battlefield": "military conflict", "battlefields": "military conflicts"}

# Decades as the article writes them: "the 90s" and "the nineties" are its "1990s". Not the 10s or
# 20s, which are as often ages ("in his 20s") or this century's.
_DECADE_WORDS = "thirties forties fifties sixties seventies eighties nineties".split()
_DECADES = {f"{d}0s": f"19{d}0s" for d in range(3, 10)} | {"00s": "2000s", "noughties": "2000s"} | {
    word: f"19{d}0s" for d, word in enumerate(_DECADE_WORDS, 3)}
# The same in Russian: "девяностые", "в девяностых", "90-е", "1990-х" are the 1990s; "нулевые" and
# "двухтысячные" the 2000s.
_DECADE_STEMS_RU = {"тридцат": "1930s", "сороков": "1940s", "пятидесят": "1950s", "шестидесят": "1960s",
                    "семидесят": "1970s", "восьмидесят": "1980s", "девяност": "1990s", "двухтысячн": "2000s",
                    "нулев": "2000s"}
_DECADES_RU = {stem + ending: decade for stem, decade in _DECADE_STEMS_RU.items()
               for ending in ("ые", "ых", "ым", "ыми")}
_DECADE_DIGITS_RU = re.compile(r"\b(19[3-9]0|[3-9]0|2000) (?:е|х|ые|ых|ым|ыми)\b")
_RESPELLINGS = _CHAT_SPELLINGS | _ARTICLE_WORDS | _DECADES | _DECADES_RU
# A year cut to two digits, as articles never write one: "'93" is 1993, "'08" is 2008.
_SHORT_YEAR = re.compile(r"(?<![\w'])'(\d\d)\b(?!')")
# ... and without the apostrophe when its leading zero says it is one: "back in 08", "since 03", "spring 02"
# (not after "may", a verb as often).
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
_YEAR_BEFORE = "|".join("in since from by until till of around circa spring summer autumn fall winter".split()
                         + [month for month in MONTH_NAMES if month != "may"])
_ZERO_YEAR = re.compile(rf"\b({_YEAR_BEFORE}) 0(\d)\b")
# ... or a year of the nineties that ends the question or a clause ("what did they call each other in
# 93", "in 98 and after"), not a count of something ("in 90 days").
_NINETIES_YEAR = re.compile(rf"\b({_YEAR_BEFORE}) 9(\d)(?= (?:and|or|but|when|what|who|how|did|was|were)\b|$)")
# Chat idioms that only ask to hear about something: "what's the deal with new start" asks about
# New START, not about a deal (a word the article does use, of a new treaty).
_WHAT_ABOUT = re.compile(r"\b(?:what is|whats) (?:the (?:deal|story)|up|going on) with\b")

# Saying something to the reader, and where such a phrase ends: the question, or what it is said about.
_CONVEY = r"(?:say|tell|convey|communicate|get across|put across|express|get at)"
_TO_READERS = r"(?: (?:us|me|readers|the readers?|people))?(?= (?:about|on|with|in|here|by)\b|$)"


def _asked_as_a_question(asked: re.Match[str]) -> str:
    """The question within "tell me ...": "what the author thinks" is "what does the author think"."""
    return f"{asked['wh']} does {asked['who']} {asked['verb'][:-1]}" if asked["wh"] else ""


# The text itself, by any of its names: "what is the essay about" asks what the article is about.
TEXT_NOUNS = frozenset("""
article paper piece essay text report study analysis commentary publication
статья статье статьи статью текст текста тексте записка записки записке записку эссе доклад доклада докладе
работа работы работе работу исследование исследования исследовании публикация публикации публикацию
материал материала материале
""".split())
A_TEXT_NOUN = "(?:" + "|".join(sorted(TEXT_NOUNS)) + ")"  # "paper", "essay", "статья" ...


# Idioms whose words say nothing of what is asked: "out of the blue" is without warning (what an article
# would write), "these days" is now; "hang on", "for good" and "all along" only stress a question.
_SPAT = "(?:spat|bust up|dust up|slanging match)"  # a quarrel, where an office says which one
_IDIOMS = tuple((re.compile(pattern), plain) for pattern, plain in (
    (r"\b(?:out of (?:the blue|nowhere)|all of a sudden)\b", "without warning"),
    (r"\b(?:these days|nowadays)\b", "now"),
    (r"^(?:hang|hold) on\b|\b(?:for good|all along)$", ""),
    (r"\bdead in the water\b", "stalled"),
    (r"\brock bottom\b", "low"),
    # The idioms of chat about relations and how things went, in the words an article writes.
    # "will the thaw stick": last (not "carrot and stick", "stick to the plan"); "top villain": the main threat;
    # "mess it all up", "get burned by", "what broke up the friendship": spoil relations, get hurt, end.
    (r"\b(will|would|could|can|might|did|does|do) ((?:\w+ ){0,4}?)stick$", r"\1 \2last"),
    (r"\b(?:top|main|chief|biggest|number one) (?:villain|villains|bogeyman|bad guy|baddie)\b", "main threat"),
    (r"\b(?:mess|messes|messed|messing) (?:it |it all |things |everything |relations |ties )?up\b", "spoil relations"),
    (r"\b(get|gets|got|gotten|getting) burned\b", r"\1 hurt"),
    (r"\b(?:broke|break|breaks|breaking) up(?= (?:the|their|that|this) (?:\w+ ){0,3}?(?:friendship|partnership"
     r"|honeymoon|romance|bromance|alliance|thaw)\b)", "ended"),
    # "satisfied with trump's word on nato", "settle for his say-so": assurances; ties "sliding", a "downward slide":
    # declining, the downward spiral (not "deteriorating", the word of other falls in an article).
    (r"\b(satisfied with|content with|happy with|settle for|settles for|settled for|settling for|accept|accepts"
     r"|accepted|trust|trusts|trusted) ((?:\w+ ){0,2}?)(?:word|say so)\b", r"\1 \2assurances"),
    (r"\bdownward slide\b", "downward spiral"),
    (r"\b(?:sliding|slipping)\b(?! (?:scale|door|doors|window|windows)\b)", "declining"),
    # "what should i take away from this", "what does the professor want me to take away": its takeaway (not "take
    # away the weapons").
    (r"\b(?:should|do|can|must|could|would) (?:i|we|you|one|readers|a reader) take away(?= from\b|$)",
     "is the takeaway"),
    (r"\b(?:want|wants|wanted) (?:me|us|you|readers|the reader|the readers) to take away(?= from\b|$)", "takeaway"),
    # "what cover story does it use": its pretext; "put the brakes on kyiv": stopped it.
    (r"\bcover (?:story|stories)\b", "pretext"),
    (r"\b(?:put|puts|putting|slam|slams|slammed|slamming|hit|hits|hitting) the brakes on\b", "stopped"),
    (r"\b(?:throw|throws|threw|thrown|throwing) (?:\w+ )?under the bus\b|\bleft (?:out )?in the (?:cold|lurch)\b"
     r"|\b(?:hung|hang|hangs|hanging) (?:\w+ )?out to dry\b", "abandoned"),
    (r"\b(?:leave|leaves|left|leaving) ((?:\w+ )?)hanging\b", r"abandoned \1"),
    (r"\b(?:dress|dressed|dresses|dressing) up as\b", "under the guise of"),
    (r"\bsore (?:point|spot|subject)\b", "source of tension"),
    # The name on a text or under its title is its author's ("name on the article?"), not its title.
    (rf"^(?:(?:what|whose) )?(?:name|names) (?:is |are |appears |written )?(?:on|under|below|beneath|atop)"
     rf" (?:the |this |that )?(?:{A_TEXT_NOUN}|title|headline|byline)\b", "who is the author"),
    (r"\b(?:do|does|did|done|doing|pull|pulls|pulled|pulling|make|makes|made|making) "
     r"(?:a|an|the|this|that) (?:180|one eighty|u turn|about face)\b|\bflip (?:flop|flops|flopped|flopping)\b",
     "reversed course"),
    (r"\babout face\b", "reversal"),
    (r"\b(?:bury|buried|burying) the hatchet\b|\bkiss and make up\b", "reconcile"),
    (r"\bolive branch\b", "peace offer"),
    # "lower the temperature", "cool the rivalry", "calm things down": ease tensions (not "relations cooled").
    (r"\b(?:lower|lowers|lowered|lowering|reduce|reduces|reduced|reducing|bring down|brings down|brought down"
     r"|cool|cools|cooled|cooling|calm|calms|calmed|calming) (?:down )?(?:the )?(?:temperature|tempers|rivalry"
     r"|things(?: down)?)\b", "ease tensions"),
    # "was there ever a time moscow and washington got along": when (not "at the same time as").
    (r"\b(?:was there|has there(?: ever)? been|is there) (?:ever )?(?:a time|a period|a moment|an era)(?: when| that)?"
     r"(?= (?!of\b|for\b|to\b|limit\b)\w+)", "when"),
    (r"\bat loggerheads\b", "in conflict"),
    (r"\bbad blood\b", "hostility"),
    (r"\bon the rocks\b", "in trouble"),
    (r"\b(?:go|goes|went|gone|going) south\b|\b(?:hit|hits|hitting) the skids\b", "deteriorated"),
    (r"\b(?:fizzle|fizzles|fizzled|fizzling)(?: out)?\b"
     r"|\b(?:crash|crashed|crashing) and (?:burn|burned|burnt|burning)\b"
     r"|\b(?:go|goes|went|gone|going) belly up\b|\b(?:run|runs|ran|running) out of steam\b"
     r"|\b(?:lose|loses|lost|losing) (?:its |their )?(?:momentum|steam)\b|\b(?:peter|peters|petered|petering) out\b",
     "failed"),
    (r"\b(?:pan|pans|panned|panning) out\b", "turn out"),
    (r"\bback to square one\b", "back to the start"),
    (r"\bcold shoulder\b", "rejection"),
    (r"\b(?:warm|warms|warmed|warming) up to\b", "improve relations with"),
    (r"\b(?:cozy|cozies|cozied|cozying|cosy|cosies|cosied|cosying) up(?: to| with)?\b", "move closer to"),
    (r"\b(?:sticking point|bone of contention|thorn in (?:the|its|their|his|her) side|stumbling blocks?"
     r"|roadblock|roadblocks)\b", "obstacle"),
    # "what poisoned ties", "kosovo and chechnya as irritants": what soured them, disputes.
    (r"\b(?:poison|poisons|poisoned|poisoning) ((?:the |their |bilateral )?"
     r"(?:ties|relations|relationship|atmosphere))\b", r"soured \1"),
    (r"\b(?:irritant|irritants)\b", "disputes"),
    (r"\bon the same page\b", "in agreement"),
    (r"\b(a|any|no|some) heads up\b", r"\1 warning"),
    # "did anyone see the u-turn coming": was there warning of it (not "saw the train coming down the line").
    (r"\b(?:see|sees|saw|seen|seeing) ((?:\w+ ){1,5}?)coming\b(?! (?:down|up|back|home|to|from|in|out|over|along))",
     r"get warning of \1"),
    (r"\b(?:lovefest|love fest)\b|\blove ins?$", "honeymoon"),  # "the yeltsin-clinton love-in"
    # "the headline claim" is the main one ("what's the headline" asks the title).
    (r"\bheadline (claim|argument|point|message|takeaway|finding|idea|thesis)(s?)\b", r"main \1\2"),
    (r"\bboom and bust\b", "ups and downs"),
    (r"\b(?:on ice|on hold|on the back burner|(?:hit|hits|hitting) a (?:wall|dead end)"
     r"|(?:ground|grinds|grinding|grind) to a halt)\b", "stalled"),
    # "is that door closed": ruled out (not "the door was closed"; "closed the door on" is the base's own wording).
    (r"\b(is|was) (?:that|the) door (?:now |really |firmly )?(?:closed|shut)\b", r"\1 that ruled out"),
    (r"\b(?:patch|patches|patched|patching) (?:things|it|relations|ties) up\b|\b(?:mend|mends|mended|mending) fences\b",
     "restore relations"),
    (r"\bwhat (?:sank|sunk|torpedoed|scuttled|killed off)\b", "what ended"),
    # An alliance's growth is its expansion (not "economic growth"), its crumbling its disintegration; "the two
    # capitals" are the two countries (not "other capitals").
    (r"\b(nato|alliance|bloc|eastward) growth\b", r"\1 expansion"),
    (r"\bgrowth of (the |its )?(nato|alliance|bloc)\b", r"expansion of \1\2"),
    (r"\b(nato|alliance|bloc) ((?:\w+ )?)(?:crumble|crumbles|crumbled|crumbling)\b", r"\1 \2disintegrates"),
    (r"\b(?:the two|both|the) capitals\b", "the two countries"),
    # "the bigger worry for the pentagon": the bigger threat; "punitive measures" are sanctions.
    (r"\b(bigger|biggest|greater|greatest|less of a|more of a) (?:worry|worries)\b", r"\1 threat"),
    (r"\bpunitive (?:measures|steps|actions)\b", "sanctions"),
    # "the good mood", "bad vibes": how relations felt, in an article's words; "what killed the good mood" ended it.
    (r"\b(?:good|great|positive|warm|friendly|happy) (?:mood|vibe|vibes|feeling|feelings)\b", "warmth"),
    (r"\b(?:bad|sour|negative|hostile|frosty|cold) (?:mood|vibe|vibes|feeling|feelings)\b", "hostility"),
    (r"\b(?:mood|vibe|vibes)\b", "relations"),
    (r"\bwhat (?:wrecked|ruined|spoiled|spoilt|doomed)(?= (?:(?:the|their|that|this|all) )?(?:warmth|hostility"
     r"|relations|relationship|ties|friendship|thaw|honeymoon|rapprochement|reset|optimism|momentum|partnership|hopes?"
     r"|attempt)\b)", "what ended"),
    (r"\b(?:touchy|prickly|twitchy) (?:about|over)\b", "opposed to"),
    (r"\b(?:public )?enemy (?:(?:no|number) )?(?:1|one)\b|\bpublic enemy\b|\bthe big bad\b", "the main threat"),
    # "at the turn of the millennium": in 2000, the year an article writes (not "the turn of the 20th century").
    (r"\b(?:at |around |by |in )?the (?:turn|start|beginning|dawn) of the (?:new )?(?:millennium|century)\b",
     "in 2000"),
    # "how did europe take it": how it reacted, which the article must report.
    (r"\bhow (did|does|do|will|would) ((?:\w+ ){1,3}?)take (?:it|this|that|the news)\b", r"how \1 \2react"),
    # "what is the author trying to say", "what's this essay getting at", "что хочет сказать автор": what it
    # says (not "what is Russia trying to get": what it seeks).
    (rf"\b(?:is|are|was|were) ((?:\w+ ){{1,3}}?)(?:trying|attempting|hoping|aiming) to {_CONVEY}{_TO_READERS}",
     r"does \1say"),
    (rf"\b(?:want|wants|wanted|try|tries|tried|mean|means|meant) to {_CONVEY}{_TO_READERS}", "say"),
    (rf"\b(?:is|are|was|were) ((?:\w+ ){{1,3}}?)(?:getting|driving) at{_TO_READERS}", r"does \1argue"),
    (r"\b(?:хочет|хотел|хотела|хотят|хотели|пытается|пытался|пыталась|стремится) (?:нам |читателю |читателям )?"
     r"(?:сказать|донести|передать|выразить|доказать)\b", "говорит"),
    # "трамп и простыни — о чём речь", "что он имел в виду": asking what something is about, or what was meant.
    (r"\bо чем (?:тут |здесь |вообще |там )?речь\b|\bречь (?:идет|шла) о\b", "о"),
    (r"\bчто (?:он|она|они|автор) (?:имел|имела|имели|имеет|имеют) в виду\b", ""),
    # "what's the whole thing about": the text, as "it" is.
    (r"\b(?:the|this) whole thing(?= about\b)", "it"),
    # "tell us", "give us the gist": the readers, not the US (which "tell the US" would be).
    (r"\b(tell|tells|show|shows|help|helps|let|lets|remind|reminds|teach|teaches|give|gives|walk|walks) us\b"
     r"(?! (?:officials|president|envoys?|administration|government|leaders|diplomats|troops|forces|allies|side"
     r"|negotiators|delegation|congress|senate|military|army|intelligence|sanctions|aid|weapons|missiles)\b)",
     r"\1 me"),
    # "can you tell me what the author thinks about china", "i wonder why the reset failed": the question
    # asked, put as one ("what does the author think about china").
    (r"^(?:(?:(?:so |ok |and )?(?:can|could|would|will) you (?:please )?|please )?(?:tell|show|explain to) me"
     r"|i (?:wonder|am wondering|want to know|would like to know)|do you know|any idea) "
     r"(?:(?P<wh>what|how|why) (?P<who>(?:the |this |that )?[\w-]+) (?P<verb>thinks|says|argues|believes|claims"
     r"|means|predicts|expects|wants|sees|views|concludes|suggests|proposes|feels)\b"
     r"|(?=(?:what|how|why|who|when|where|whether|if|which)\b))", _asked_as_a_question),
    # "pharmacist here, what's the gist": a reader introducing themselves asks nothing by it.
    # "keeper of a lighthouse here, no politics background, in two lines ...": nor by what they lack.
    (r"^(?!(?:what|who|why|how|when|where|which|is|are|do|does|did|can|could|was|were|so|and|but|the|this|it)\b)"
     r"(?:\w+ ){1,4}(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )here (?:(?:with )?no (?:\w+ )?background )?"
     r"(?=\w+ \w+)", ""),
    # "what does this scholar argue", "where does the commentator teach": a writer of commentary called by
    # what they do is the author (not "the expert panel", nor "experts").
    (r"\b(?:the|this|that) (?:analyst|scholar|academic|commentator|researcher|essayist|columnist|pundit"
     r"|expert)\b(?! (?:community|panel|panels|group|groups|circles|opinion|level|consensus)\b)", "the author"),
    # ... or opening a question, its possessive dropped ("essayist's full name pls"); not "academic sanctions".
    (r"^(?:analyst|scholar|commentator|researcher|essayist|columnist|pundit)\b(?= \w)", "the author"),
    # "the author of the valdai paper" is the author: the text named once more says nothing new.
    (r"\b(author|writer)s? of (?:the|this|that) (?:\w+ )?(?:paper|article|piece|essay|text|report|study|analysis)\b"
     r"(?! (?:on|about)\b)", r"\1"),  # "the author of the piece on the reset": the text described, read as such
    # "what institution employs the author": where they work.
    (r"\b(?:who|what|which(?: \w+){0,2}) (?:employs|employed) ((?:\w+ ){0,5}?\w+)$", r"where does \1 work"),
    # "caught everyone off guard", "blindsided": a surprise, as an article writes it.
    (r"\b(?:caught|catch|catches|catching) (?:\w+ )?(?:off guard|by surprise|unawares|napping)\b"
     r"|\b(?:take|takes|took|taken|taking) (?:everyone|everybody|anyone|anybody|people|observers|analysts|experts"
     r"|many|(?:the )?world|us|them|him|her|me|allies|(?:the )?europeans?) by surprise\b"
     r"|\b(?:blindside|blindsided|blindsides|blindsiding)\b", "surprised"),  # not "took crimea by surprise": seized it
    # "want it on paper", "in black and white": in writing; "take him at his word": a verbal promise.
    (r"\b(it|this|that|something|everything|them|promises?|guarantees?) on paper\b", r"\1 in writing"),
    (r"\bin black and white\b", "in writing"),
    (r"\bat (?:his|her|their|its) word\b", "on a verbal promise"),
    (r"\bon a collision course\b", "in conflict"),
    # "how america deals with the world": its foreign policy.
    (r"\bhow ((?:\w+ ){1,3}?)(?:deals|deal|dealt|engages|engage|engaged|interacts|interact|interacted) with the "
     r"(?:rest of the )?(?:world|other countries)\b", r"\1foreign policy"),
    # "exporting democracy", "preaching liberal values": promoting them.
    (r"\b(?:export|exports|exported|exporting|preach|preaches|preached|preaching) "
     r"((?:its |their |liberal |western |american ){0,2}(?:democracy|values|liberalism|human rights))\b",
     r"promoting \1"),
    (r"\b(?:on|in) the cards\b", "likely"),
    (r"\bbrothers in arms\b", "comrades in arms"),
    # "trump's first stint", "trump round one": a first term (the base's own "first presidency" is left as
    # written); "penalties on" a country: sanctions.
    (r"\b(?:first|initial|1st) (?:stint|time in office|spell in office)\b|\bround (?:one|1)\b",
     "first term"),
    (r"\bpenalties (on|against)\b", r"sanctions \1"),
    (r"\b(?:lobby|lobbies|lobbied|lobbying) (?:hard )?for\b", "pushed for"),
    # "is china scarier than russia for washington": a bigger threat (not "is it scarier to fly or drive").
    (r"\b(?:scarier|more frightening|more dangerous|more threatening)\b(?=.*\b(?:than|for)\b)", "a bigger threat"),
    # "relations swung back and forth", "from friends to enemies and back": ups and downs.
    (r"\b(?:swing|swings|swung|swinging|gone|go|goes|went|going|flip|flips|flipped|flipping|lurch|lurched|lurching)"
     r" back and forth\b|\bfrom (?:friends|allies|partners) to (?:enemies|foes|rivals|adversaries) and back\b",
     "had ups and downs"),
    # "swung between warmth and hostility", "alternated between thaws and freezes": ups and downs too (not "swung
    # between europe and asia").
    (r"\b(?:swing|swings|swung|swinging|oscillate|oscillates|oscillated|oscillating|alternate|alternates|alternated"
     r"|alternating|seesawed|seesawing) between (?:\w+ )?(?:warmth|hostility|friendship|enmity|cooperation"
     r"|confrontation|thaws?|freezes?|détente|detente|tension|rivalry|partnership|hope|disappointment|optimism"
     r"|pessimism|hot|cold|highs|lows|good|bad|love|hate) and (?:\w+ )?\w+\b", "had ups and downs"),
    # "have these two been up and down a lot": ups and downs too (not "up and down the country").
    (r"\b(?:(?:been|gone|go|goes|went|going) )?up and down\b(?! the\b)", "had ups and downs"),
    # "the bush-putin bromance": their friendship; "dead set against": vehemently opposed; "just trump's word":
    # a verbal promise only.
    (r"\b(?:bromance|bromances)\b", "friendship"),
    (r"\bdead set against\b", "vehemently opposed to"),
    (r"\b(?:just|only|merely) (?:(?:the |a |his |her |their |its )?(?!the\b|a\b)\w+ )?word\b", "only a verbal promise"),
    # A "jubilee" summit is an anniversary one; a "proclamation" a declaration; "estrangement" a rift; "bedding"
    # sheets; "the main engine of" expansion its driver.
    (r"\bjubilee\b", "anniversary"),
    (r"\b(?:proclamation|proclamations)\b", "declaration"),
    (r"\bestrangement\b", "rift"),
    (r"\b(?:bedding|bed linen|linens|bedsheets|bed sheets)\b", "sheets"),
    (r"\b(?:engine|engines|motor) of\b", "driver of"),
    # "nato in pieces", "in tatters": fragmented; a "home institution" or an "employer" is the institution; an
    # "oval office spat" a heated exchange; "the nineteen-nineties" the 1990s.
    (r"\b(?:in|into|to) (?:pieces|tatters|shreds)\b", "fragmented"),
    (r"\bhome (institution|institutions|university|universities|institute|department|faculty)\b", r"\1"),
    (r"\b(?:employer|employers)\b", "institution"),
    # ... a quarrel in or at an office (not "europe's spat with us").
    (rf"\b{_SPAT}\b(?= in the (?:\w+ )?office\b)|(?<=\boffice ){_SPAT}\b", "heated exchange"),
    (r"\bnineteen (19[3-9]0s)\b", r"\1"),
    # "once trump moved into the white house", "won the white house": became president.
    (r"\b(?:(?:moved|moves|move|moving|got|gets|get|getting|made it) (?:in)?to|entered|enters|enter|entering|won|wins"
     r"|win|winning) the (?:white house|oval office)"
     r"(?=$| (?:in|after|for|and|when|once|again|the|then|with|what|how|did|was|were|is)\b| \d)",
     "became president"),  # not "got into the white house garden"
    # "which treaty did they initial": sign (not "the initial hopes").
    (r"\b(?:initialled|initialed|initialling|initialing)\b", "signed"),
    (r"\b(did|do|does|will|would|to) ((?:\w+ ){0,3}?)initial(?= (?:the|a|an|this|that|their|its|any|during|in|at|on"
     r"|with|when|after|before)\b|$)", r"\1 \2sign"),
    # "containing two rivals at once", "одновременное сдерживание": dual containment, as policy writing calls it.
    (r"\b(?:contain|contains|containing|containment of) (?:two|both) (?:\w+ )?(?:rivals|powers|adversaries|enemies"
     r"|competitors|countries|foes|opponents|great powers)(?: (?:at once|simultaneously|at the same time))?\b"
     r"|\b(?:simultaneous|double) containment\b", "dual containment"),
    (r"\b(?:одновременное|одновременного|одновременному|одновременным|одновременном) сдерживани[еяюм]\b"
     r"|\bсдерживани[еяюм] (?:сразу )?двух (?:держав|соперников|противников|стран|конкурентов)\b",
     "двойное сдерживание"),
    # "what does the essay hinge on", "the claim the whole paper rests on": its main argument.
    (r"\bwhat (?:does|do) (?:the |this |its )?(?:whole )?(essay|paper|article|piece|text|analysis|argument)"
     r" (?:rest|hinge|turn|stand) on\b", r"what is the main argument of the \1"),
    (r"\bwhat (claim|argument|idea|point|premise) (?:is|does) (?:the |this |its )?(?:whole )?(essay|paper|article"
     r"|piece|text|analysis) (?:based|built|rest|hinge|turn|stand) on\b", r"what is the main \1 of the \2"),
    (r"\b(claim|argument|idea|point|premise) (?:that )?(?:the |this |its )?(?:whole )?(essay|paper|article|piece|text"
     r"|analysis) (?:rests|hinges|is based|is built|turns|stands) on\b", r"main \1 of the \2"),
    # An institution's ("75th") birthday meeting is its anniversary one (a person's birthday is left alone).
    (r"\b((?:\d+(?:st|nd|rd|th) )?)birthday (summit|meeting|gathering|conference|session|celebration)",
     r"\1anniversary \2"),
    # Admitting or adding new members is an alliance's enlargement ("the main force behind admitting new members").
    (r"\b(?:admit|admits|admitted|admitting|add|adds|added|adding|taking in|take in|takes in|took in)"
     r" (?:more |new |further )?members\b(?! of\b)", "enlargement"),  # not "add members of congress to a list"
    # ... in Russian too: "вступление новых членов", "приём новых членов".
    (r"\b(?:вступлени[еяюи]м?|прием[ауе]?|приемом|приняти[еяюи]м?|добавлени[еяюи]м?) (?:в \w+ )?(?:новых|еще) членов\b",
     "расширение"),
))
_IDIOM_WORDS = frozenset("""
blue nowhere sudden days nowadays hang hold good along water bottom bus 180 eighty turn face flop flops flopped
flopping hatchet kiss olive loggerheads blood rocks south skids out burn burned burnt burning belly square
shoulder warm warms warmed warming cozy cozies cozied cozying cosy cosies cosied cosying sticking contention thorn
page birthday cold lurch dry dress dressed dresses dressing sore heads lovefest fest boom ice hold burner wall end
halt patch patches patched patching fences sank sunk torpedoed scuttled killed touchy prickly twitchy enemy big bad
coming millennium century take here time period moment era employs employed author writer love temperature tempers
rivalry things trying attempting hoping aiming want wants wanted try tries tried mean means meant getting driving
хочет хотел хотела хотят хотели пытается пытался пыталась стремится
tell tells show shows help helps let lets remind reminds teach teaches give gives walk walks wonder wondering know idea
analyst scholar academic commentator researcher essayist columnist pundit expert речь виду
mood vibe vibes feeling feelings wrecked ruined spoiled spoilt doomed growth crumble crumbles crumbled crumbling
capitals worry worries punitive whole fizzle fizzles fizzled fizzling steam momentum peter peters petered petering
guard surprise unawares napping blindside blindsided blindsides blindsiding paper black word collision world countries
export exports exported exporting preach preaches preached preaching cards brothers hanging stint office round
penalties lobby lobbies lobbied lobbying scarier frightening dangerous threatening forth enemies foes rivals
adversaries jubilee proclamation proclamations estrangement bedding linen linens bedsheets sheets engine engines
motor bromance bromances dead stumbling roadblock roadblocks poison poisons poisoned poisoning irritant irritants
pieces tatters shreds home employer employers spat bust dust slanging nineteen rest rests hinge hinges stand stands
turns based built initialled initialed initialling initialing initial moved moves move moving got gets get getting
made entered enters enter entering won wins win winning oscillate oscillates oscillated oscillating alternate
alternates alternated alternating seesawed seesawing swing swings swung swinging contain contains containing
containment simultaneous double
одновременное одновременного одновременному одновременным одновременном двух
admit admits admitted admitting add adds added adding taking take takes took headline cover brakes
stick villain villains bogeyman guy baddie mess messes messed messing broke break breaks breaking
say slide sliding slipping down членов name names door
""".split())
# Each idiom is tried only on a question holding one of its words: some are common ("big", "out").
_IDIOM_TRIGGERS = tuple(frozenset(w for w in _IDIOM_WORDS if re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", written))
                        for written in (idiom.pattern.replace(r"\b", " ") for idiom, _ in _IDIOMS))
assert all(_IDIOM_TRIGGERS), "every idiom needs one of its words in _IDIOM_WORDS"
# ... looked up by word: a question is tried on the idioms its words trigger, in their order, not on all of them.
_IDIOMS_BY_WORD: dict[str, tuple[int, ...]] = {
    word: tuple(k for k, triggers in enumerate(_IDIOM_TRIGGERS) if word in triggers) for word in _IDIOM_WORDS}
# A word is found in a pattern only as written whole: "blindsid(?:e|ed)" would never be tried on "blindsided".
assert all(_IDIOMS_BY_WORD.values()), "every word of _IDIOM_WORDS must be written whole in an idiom"


def _expand_contractions(text: str) -> str:
    if "'" not in text:
        return text
    text = _IS_CONTRACTION.sub(r"\1 is", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


# The interjections and discourse markers of chat ("ok so lol", "tbh", "hmm wait"): nothing of what
# a question asks, and for the embedding model a register that pulls it away from the curated questions.
INTERJECTIONS = frozenset("""
hmm hm huh oh ah um uh eh wait lol lmao omg tbh imo idk ngl iirc afaik fwiw smh rn lmk fr ofc yep yup
nope nah ya bruh yo hey hi hello ok okay so basically actually honestly literally seriously anyway anyways
alright dude bro guys thanks thank thx cheers спасибо благодарю
""".split())

# Function words and the filler of chat questions (with the interjections above): they say how a
# question is asked, not what it is about. "us" is left out on purpose: after case-folding it is also the US.
STOP_WORDS = frozenset("""
a about above after again against all also am an and any anyone anything are aren around as at
be because been before being below between both but by can cannot could couldn did didn do does doesn
doing don done down during each else even ever every few for from further get gets getting give go
goes going gonna got had has have having he her here hers herself him himself his how i if in into
is isn it its itself just know let like ll me mean meant might more most much must my myself no
nor not now of off on once one only or other ought our ours ourselves out over own please pls
plz re really s said say says shall she should some such t tell than that the their theirs them
themselves then there these they thing things this those through thus to too u under until up upon
ve very vs want wanna was wasn way we well were weren what whats whether which while
whom whose why will with won would wouldn y yeah yes yet you your yours yourself yourselves
whos wheres hows dont doesnt isnt wasnt arent cant wont didnt
explain describe anybody someone somebody guess think thoughts opinion view views take
author's authors paper's whole stuff exactly kind sort
kinda sorta guy btw
according briefly
characterise characterize characterises characterizes portray portrays depict depicts saying remind clarify
toward towards regarding concerning alongside among amongst amid amidst across along despite onto per via
within though although however whereas whilst
""".split()) | frozenset("""
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до
его ее ей ему если есть еще ж же за зачем здесь и из или им их к как какая какие каким какими какое
какой каков какова каковы когда кого ком кому который которые кто ли либо мне мной мы на над нам нас
не него нее нет ни них но ну о об обо однако он она они оно от очень по под при про с со так также
такой там те тем то того тоже той только том ты у уж уже хотя чего чей чем что чтобы чье чья эта эти
это этого этой этом этот эту я ли ль разве неужели почему отчего зачем сколько можно нужно надо
расскажи расскажите скажи скажите объясни объясните опиши подскажи подскажите пожалуйста плз пж
думает считает пишет пишут говорит мнение сказано говорится написано тут
привет здравствуйте вообще вкратце кратко коротко просто типа ну-ка какой-то что-то
блин короче ладно слушай кстати вроде ага ок окей чувак
делать делает делают делал делала делали сделать сделал сделала сделали занимается занимаются
""".split()) | INTERJECTIONS

# Number words as digits, so "thirty years" meets "30 years". Units are left alone: a lone
# digit is not a term, and "one" or "two" are rarely what a question is about.
NUMBER_WORDS = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
    "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100",
}

_english = snowballstemmer.stemmer("english")
_russian = snowballstemmer.stemmer("russian")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")


def is_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of one lower-case word, Russian for Cyrillic words (cached: the vocabulary is small)."""
    return (_russian if _CYRILLIC.search(word) else _english).stemWord(word)


def language(text: str) -> str:
    """"ru" when a text has more Cyrillic than Latin letters, else "en" (emoji and digits say nothing)."""
    folded = text.casefold()
    cyrillic = len(_CYRILLIC.findall(folded))
    return "ru" if cyrillic and cyrillic >= len(_LATIN.findall(folded)) else "en"


def without_address(text: str) -> str:
    """The text without a leading bot command ("/ask") or @mentions, its case kept."""
    return _MENTION.sub(" ", _COMMAND.sub(" ", text, count=1))


def normalise(text: str) -> str:
    """NFKC, case-fold, one quote and dash style, no command/mention, words separated by one space."""
    text = fold_styles(unicodedata.normalize("NFKC", text).casefold()).replace("ё", "е")
    # Zero-width and direction marks (category Cf) vanish, so they cannot split a word.
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _expand_contractions(without_address(text))
    if "'" in text:
        text = _SHORT_YEAR.sub(lambda m: ("19" if int(m.group(1)) >= 30 else "20") + m.group(1), text)
    text = _APOSTROPHE_S.sub("", text)
    text = _TLDR.sub("tldr", text)
    if "asking" in text or "here" in text or "speaking" in text:
        text = _ASKER_BEFORE.sub("", _ASKER_AFTER.sub("", text), count=1)
    if _SAYS_WHERE.search(text):  # a quick test before the long pattern
        text = _ASKER_FROM.sub("", text, count=1)
    if _THRICE.search(text):
        text = _DRAWN_OUT.sub(r"\1", text)
    words = _UNDERSCORE.sub(" ", _NOT_WORD.sub(" ", text)).split()
    # Both checks look up words first: normalising runs over every text of a base at start-up.
    if not _RESPELLINGS.keys().isdisjoint(words):
        words = " ".join(_RESPELLINGS.get(w, w) for w in words).split()
    text = " ".join(words)
    if " 0" in text:
        text = _ZERO_YEAR.sub(r"\1 200\2", text)
    if " 9" in text:
        text = _NINETIES_YEAR.sub(r"\1 199\2", text)
    if not text.isascii():
        text = _DECADE_DIGITS_RU.sub(lambda m: ("19" if len(m.group(1)) == 2 else "") + m.group(1) + "s", text)
    if not _IDIOM_WORDS.isdisjoint(words):
        for k in sorted({k for word in _IDIOM_WORDS.intersection(words) for k in _IDIOMS_BY_WORD[word]}):
            idiom, plain = _IDIOMS[k]
            text = idiom.sub(plain, text)
        text = " ".join(text.split())
    if "with" in words and ("what" in words or "whats" in words):
        text = _WHAT_ABOUT.sub("what about", text)
    if not _BRIEFLY.isdisjoint(words):
        # Asked for nothing but brevity ("in a nutshell?"), the question asks for the short version.
        text = " ".join(_IN_SHORT.sub(" ", text).split()) or "briefly"
    return text


class Synonyms:
    """Folds each listed variant (a word or a phrase) to the first word of its group."""

    def __init__(self, groups: tuple[tuple[str, ...], ...]):
        table: dict[str, str] = {}
        for group in groups:
            canonical = normalise(group[0])
            for variant in group[1:]:
                table[normalise(variant)] = canonical
        self._table = table
        # Longest variants first, so "united states" wins over "united".
        alternatives = sorted((re.escape(v) for v in table if v), key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b") if alternatives else None

    def fold(self, normalised: str) -> str:
        if self._pattern is None:
            return normalised
        return self._pattern.sub(lambda m: self._table[m.group(0)], normalised)


# "What does the author think about China" asks about China: every claim in the base is the
# author's, so the writer named as the one who thinks, says or argues is framing, not topic.
# ("Where does the author work" keeps its author.)
FRAMING_NOUNS = TEXT_NOUNS | frozenset("author writer автор автора автору".split())
OPINION_WORDS = frozenset("""
think thinks thought say says said argue argues argued believe believes claim claims write writes wrote
feel feels view views see sees make makes predict predicts expect expects suggest suggests conclude
concludes reckon reckons propose proposes consider considers mention mentions discuss discusses
describe describes explain explains opinion position stance perspective take thoughts according per
characterise characterize characterises characterizes portray portrays depict depicts saying arguing
thinking claiming believing suggesting
думает считает пишет писал говорит говорил полагает оценивает видит утверждает мнение мнению взгляд
взгляды доказывает позиция позицию
""".split())
# Words that only point at a noun ("the gist of this essay", "эта статья").
DETERMINERS = frozenset("the a an this that these those your his her its their эта этот это эти".split())
_LOCATING = frozenset("of in from within throughout в из".split())
_GLUE = frozenset("the this that to of in a an does do did really actually also".split()) | FRAMING_NOUNS


def _framing(words: list[str]) -> set[int]:
    """Positions of framing nouns: a writer or text next to a word of opinion ("the author thinks",
    "according to the article", "по мнению автора"), looking past articles and the like."""
    def neighbour(i: int, step: int) -> str:
        i += step
        while 0 <= i < len(words) and words[i] in _GLUE:
            i += step
        return words[i] if 0 <= i < len(words) else ""

    return {i for i, w in enumerate(words) if w in FRAMING_NOUNS
            and (neighbour(i, -1) in OPINION_WORDS or neighbour(i, 1) in OPINION_WORDS or _where(words, i))}


def _where(words: list[str], i: int) -> bool:
    """Whether the text noun at i says only where ("the gist of this essay", "in the paper"): the
    text is the one the chat is about, so that says nothing about what is asked."""
    if words[i] not in TEXT_NOUNS:
        return False
    before = words[max(0, i - 2): i]
    if before[-1:] and before[-1] in DETERMINERS:
        before = before[:-1]
    return bool(before) and before[-1] in _LOCATING


# A noun that names which side of a topic is wanted ("kosovo war impact", "merkel role", "yeltsin
# era?"): in a bare topic, with no question around it, the topic is what the reader asks about.
_ASPECTS = frozenset("""era impact effect effects role legacy significance importance consequence consequences outcome
fallout aftermath repercussions implications""".split())
_ASKING = frozenset("""what whats how why who when where which whom whose is are was were do does did can
could will would should has have had""".split())
_BARE_TOPIC_WORDS = 5  # a bare topic is this many content words at most


def _bare_topic_aspects(words: list[str], kept: list[tuple[int, str]]) -> set[int]:
    """Positions of aspect nouns in a bare topic ("kosovo war impact"), if it names more than them."""
    if len(kept) > _BARE_TOPIC_WORDS or not _ASKING.isdisjoint(words):
        return set()
    aspects = {i for i, w in kept if w in _ASPECTS}
    return aspects if len(aspects) < len(kept) else set()


# "What event in 2003 ended ...", "which factors led to ...": the noun after the question word only
# says that something is asked for; what it asks about follows.
_ASKED_FOR = frozenset("event events development developments factor factors incident incidents occurrence".split())


def content_words(normalised: str, synonyms: Synonyms) -> list[tuple[str, str]]:
    """(word, stem) for each word that carries meaning, in order, synonyms folded."""
    words = [NUMBER_WORDS.get(w, w) for w in synonyms.fold(normalised).split()]
    # A lone letter or digit ("2", "x") says nothing about what is asked.
    kept = [(i, w) for i, w in enumerate(words) if len(w) > 1 and w not in STOP_WORDS]
    aside = _framing(words)  # what frames the question, not what it is about
    if len(words) > 2 and words[0] in ("what", "which") and words[1] in _ASKED_FOR:
        aside.add(1)
    if not _ASPECTS.isdisjoint(words):
        aside |= _bare_topic_aspects(words, kept)
    if any(i not in aside for i, _ in kept):  # "what does the article say" keeps its only word
        kept = [(i, w) for i, w in kept if i not in aside]
    return [(w, stem(w)) for _, w in kept]


def content_terms(normalised: str, synonyms: Synonyms) -> list[str]:
    """The stems of the words that carry meaning, in order, synonyms folded."""
    return [s for _, s in content_words(normalised, synonyms)]
