"""Particulars a question asks for that a fact must state, not merely mention.

- "What did Sarkozy say about Georgia?" meets a fact that names Sarkozy ("only opposition from ...
  Merkel and ... Sarkozy") on every word, yet the fact does not say what Sarkozy said: a fact
  answers it only when one of its sentences names the speaker and reports speech (said, declared,
  told ...). What someone the article never names thought ("what did Gorbachev think of ...") it
  cannot report either.
- "Who was NATO Secretary General at Bucharest?" meets the Bucharest fact, which names no Secretary
  General: a fact answers "who was the <office>" (or "which <calling> ...", "what was the name of the
  <office> ...") only when it names it.
- "Which agreements did Bush sign in 2002?" meets the fact on Bush's 2002 visit, which announces a
  partnership and reports no signing: a fact answers what was signed, or who signed it, only when it
  reports a signing (but "if they sign a new treaty" asks what would follow); so for a birth or a
  death ("when was Hegseth born" is not answered by the date of his speech), a vote, a founding, a
  treaty taking effect ("when did New START enter into force" is not answered by when it expires), or
  someone's coming to office ("when did Zelensky take office" is not answered by the date of a quarrel),
  or who followed someone ("who replaced Hegseth").
- "Which company builds new sleeper carriages?" meets the fact on rolling stock, which names no
  company: a "which <kind>" question is answered only by a fact that speaks of that kind or names
  something the question does not. Where the fact speaks of the kind, it must name one there:
  "which missiles did Trump give Ukraine" is not answered by "he had provided missiles".
- "When ..." needs a fact that gives a date, "how many ..." one that gives a number, "how long ..."
  one that gives a stretch of time (in any language of the question: the facts' text is English).
The office check reads English questions only. The speaker check, and whether a fact names one of
the kind asked for ("какие ракеты ..."), read Russian ones against the facts' Russian answers, which
write the names as a Russian reader does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .normalise import (
    A_TEXT_NOUN,
    DETERMINERS,
    FRAMING_NOUNS,
    MONTH_NAMES,
    NUMBER_WORDS,
    STOP_WORDS,
    normalise,
    stem,
    without_address,
)

# "what did the Kremlin say", "how did Merkel respond", "what has Lavrov promised": the one or two
# words between the auxiliary and the verb of speech are the speaker.
_ASKED = re.compile(
    r"\b(?P<wh>what|how)(?:\s+[\w'-]+){0,2}?\s+(?:did|does|do|has|have|had|will|would)\s+(?:the\s+)?"
    r"(?P<who>[\w'-]+(?:\s+[\w'-]+)?)\s+"
    # ... in the past too, after "has": "what has Lavrov promised", "what trade deals has Trump offered"
    r"(?P<verb>say|said|tell|told|repl(?:y|ied)|(?:answer|promise|announce|comment|retort|threaten|warn|pledge"
    r"|respond|react|explain|describe|offer|propose|demand|suggest|argue|(?P<judging>judge|assess|evaluate|rate))"
    r"(?:e?d)?)\b")
# The same asked of a reply by its noun ("what was Zelensky's comeback", "the Kremlin's reaction to
# ...") or as yes or no ("did Zelensky push back"): the possessive's "'s" is gone once normalised.
# A comeback dated or placed is a return to power ("Putin's comeback in 2012", "comeback to the Kremlin"); one
# asked of by a yes or no question is what it led to ("has Trump's comeback opened a chance for talks").
_ASKED_REPLY = re.compile(
    r"(?:\bwhat\s+(?:was|is|were|s)\s+|^)(?:the\s+)?(?!(?:the|a|an|has|have|had|did|does|do|is|was|will|would)\s)"
    r"(?P<who>[^\W\d][\w'-]*(?:\s+[^\W\d][\w'-]*)?)\s+"
    r"(?:response|reply|reaction|comeback(?!\s+(?:(?:in|of)\s+)?\d|\s+(?:to|as)\s+(?:the\s+)?(?:power|office|presidency"
    r"|kremlin|white house|president)\b)|retort|rebuttal|answer)s?\b(?!\s+(?:is|was)\b)"
    r"|^(?:and\s+|so\s+)?did\s+(?:the\s+)?(?P<asked>[\w'-]+(?:\s+[\w'-]+)?)\s+"
    r"(?:respond|reply|react|answer|retort|push back|hit back|say anything)\b")
# "how do bees tell the distance" is not about speech; "how did Kyiv react" (or answer), "how did Merkel explain
# her veto", "how did Merkel argue against it" and "how did Medvedev judge the reset" ask what they said
# or did about it.
_HOW_VERBS = frozenset(stem(w) for w in """
reply respond react answer retort explain describe argue judge assess evaluate rate
""".split())
_REPORTED = re.compile(
    r"\b(?:said|says|declar\w*|told|tells|stated|(?-i:states)|announc\w*|warn\w*|insist\w*|argu\w*|propos\w*"
    r"|claim\w*|call(?:s|ed)|promis\w*|repl(?:y|ied|ies)|respond(?:s|ed)?|wrote|writes|made it clear|label\w*"
    r"|brand\w*|pledg\w*|vow\w*|remark\w*|not(?:ed|es)|assert\w*|acknowledg\w*|criticiz\w*|reject\w*"
    r"|demand\w*|express\w*|speech\w*|statement\w*|describ\w*|offer\w*|suggest\w*|enshrined)\b", re.IGNORECASE)
_REPORTED_RU = re.compile(
    r"(?<!\w)(?:заявил\w*|сказал\w*|объявил\w*|пообещал\w*|обещал\w*|ответил\w*|говорил\w*|предупредил\w*"
    r"|назвал\w*|подчеркнул\w*|отметил\w*|настаива\w*|утвержда\w*|предложил\w*|описал\w*|провозгласил\w*|дал\w* понять"
    r"|заклеймил\w*|потребовал\w*|выступил\w* против)(?!\w)", re.IGNORECASE)
# Not after an initial or a title ("George W. Bush Jr. visited Russia and announced": one sentence).
_SENTENCE_END = re.compile(r"(?<=[.!?;:])(?<!\b[A-Z]\.)(?<!\b(?:Jr|Sr|Dr|Mr|Ms|St)\.)(?<!\bMrs\.)\s+")
# Who is spoken to or with is not who speaks: "an exchange with Zelensky ..., Trump declared".
_ADDRESSEE = re.compile(r"\b(?:with|to)\s+(?:[A-Z][\w'-]*\s*){1,3}")
# Nor who is named in a clause setting the scene: "after Obama and Medvedev took office, optimism
# led the Obama administration to propose" reports no word of Medvedev's.
_SCENE = re.compile(r"\b(?:after|before|when|while|once|since|following|during|as soon as)\b[^,]*,", re.IGNORECASE)
_ADDRESSEE_RU = re.compile(r"(?<!\w)(?:с|со|к|ко)\s+(?:[А-ЯЁ][\w-]*\s*){1,3}")
_SCENE_RU = re.compile(r"(?<!\w)(?:после|когда|пока|до того как|во время|с тех пор как)(?!\w)[^,]*,", re.IGNORECASE)
# No speaker or office the article could fail to name: the article itself, a part of it, or a
# pronoun that points back into the conversation.
_NOT_SOMEONE = FRAMING_NOUNS | frozenset("""
conclusion introduction section summary abstract title he she they it you we i him them his her their
""".split())


def _someone(who: str | None) -> str | None:
    """The words asked about as someone, unless they are the article, a part of it or a pronoun."""
    return who if who and _NOT_SOMEONE.isdisjoint(who.split()) else None


# "что Меркель сказала Бушу", "что сказал Трамп", "как ответил Кремль", "о чём говорил Путин": the one
# or two words before the verb of speech, or the one word after it (the next is whom it was said to),
# or two joined by "и" ("о чём говорили Трамп и Зеленский": a conversation).
_SPEECH_RU = (r"(?:сказал|заявил|говорил|ответил|пообещал|обещал|объявил|предупредил|отреагировал|сообщил"
              r"|пригрозил|предложил|потребовал|описал)(?:а|и|о)?")
_ASKED_RU = re.compile(
    rf"\b(?:что|как|о чем)\s+(?:(?P<who>[\w-]+(?:\s+[\w-]+)?)\s+{_SPEECH_RU}|{_SPEECH_RU}\s+(?P<after>[\w-]+"
    r"(?:\s+и\s+[\w-]+)?))\b")


# A speaker named by office rather than by name ("the US president", "the German chancellor"): a
# fact may well name the holder instead ("George W. Bush ... announced").
_ROLES = frozenset("""
president presidents chancellor secretary minister premier leader leaders ambassador envoy spokesman
spokeswoman spokesperson official officials chief chiefs head heads boss
""".split())


# "what did Gorbachev think of NATO expansion", "what did Zhao write about Europe": a view, held by someone
# the article may never name.
_ASKED_VIEW = {
    "en": re.compile(r"\bwhat\s+(?:did|does|do|would)\s+(?:the\s+)?(?P<who>[\w'-]+(?:\s+[\w'-]+)?)\s+"
                     r"(?:think|thought|believe|feel|write|wrote)\s*(?:(?:of|about)\b|$)"),  # "what does zhao think"
    # "что думает Чжао о Китае", "что пишет автор о НАТО"
    "ru": re.compile(r"(?<!\w)(?:что|как)\s+(?:думает|считает|пишет|говорит|оценивает)\s+"
                     r"(?P<who>[\w-]+(?:\s+(?!о\b|об\b|про\b)[\w-]+)?)"),
}


# "what is China's position on the war", "where does Beijing stand": a stance, asked of its holder by
# name (the possessive's "'s" is gone once normalised).
_ASKED_STANCE = re.compile(
    r"\b(?:what|how)\s+(?:is|was|are|were|s)\s+(?:the\s+)?(?P<who>[\w'-]+(?:\s+[\w'-]+)?)\s+"
    r"(?:(?:official|current|own|real)\s+)?(?:position|stance|attitude|views?)\s*(?:(?:on|of|about|to|toward|towards)\b|$)"
    r"|\bwhere\s+(?:does|do|did)\s+(?:the\s+)?(?P<stands>[\w'-]+(?:\s+[\w'-]+)?)\s+stand\b")


def asked_holder(normalised: str, lang: str = "en") -> str | None:
    """Whose view a question asks ("what did Gorbachev think of ..." -> "gorbachev", "what is China's
    position on ..." -> "china", "what does Zhao think" -> "zhao"), or None."""
    found = _ASKED_VIEW[lang].search(normalised)
    stance = _ASKED_STANCE.search(normalised) if lang == "en" and not found else None
    who = found.group("who") if found else stance and (stance.group("who") or stance.group("stands"))
    return _someone(who)


# A view a fact reports someone holding: "Russia vehemently opposes NATO's expansion, viewing it as a
# threat, while NATO insists ...", "only opposition from Merkel and Sarkozy thwarted it"; not of whom a
# view is held ("China is considered a comprehensive threat", "Russia is seen as an acute threat").
_ACTIVE = r"(?<!is )(?<!are )(?<!was )(?<!were )(?<!been )(?<!be )"  # a verb not after "be": not the passive voice
_HOLDING = re.compile(
    rf"\b{_ACTIVE}(?:oppos(?:es|ed)|views|viewed|insist(?:s|ed)"
    r"|sees|saw|consider(?:s|ed)|regard(?:s|ed)|believ(?:es|ed)|want(?:s|ed)|seek(?:s)?|sought|fear(?:s|ed)"
    r"|support(?:s|ed)|welcom(?:es|ed)|reject(?:s|ed)|prefer(?:s|red)|favou?r(?:s|ed)|hop(?:es|ed)"
    r"|expect(?:s|ed)|perceives|demand(?:s|ed)|object(?:s|ed)|push(?:es|ed) for"
    # ... or an attitude: "Trump is notoriously dismissive of ideology", "Europe was reluctant".
    r"|(?:is|are|was|were) (?:\w+ly )?(?:dismissive|sympathetic|hostile|skeptical|sceptical|wary|critical|supportive"
    r"|indifferent|opposed|suspicious|receptive|keen|eager|reluctant|willing|unwilling))\b")
_HELD_BY = re.compile(r"\b(?:opposition|objections?|resistance|support)\s+(?:from|by)\s+((?:[\w'-]+\s*){1,8})")


def holders_text(text: str) -> list[str]:
    """Where a fact's text names who holds a view: each sentence's words before its verbs of holding
    one, and who an opposition or support is from."""
    parts = []
    for sentence in _SENTENCE_END.split(text):
        held = list(_HOLDING.finditer(sentence))
        if held:
            parts.append(_SCENE.sub(" ", sentence[:held[-1].start()]))
        parts += [m.group(1) for m in _HELD_BY.finditer(sentence)]
    return parts


# Who threatens whom. "does Russia feel threatened by NATO", "why does Moscow see the alliance's growth as
# dangerous": the one asked about perceives a threat. Active verbs only ("Russia is seen as a threat" is
# the other way round).
_THREAT = r"(?:threat|threats|danger|dangers|dangerous|menace|menacing|threatening|adversary|enemy)"
_ASKED_PERCEIVER = re.compile(
    r"\b(?P<who>[\w'-]+(?: [\w'-]+)?) (?:(?:actually|really|still|now|truly|genuinely|even|so) )?"
    r"(?:feel|feels|felt|see|sees|saw|view|views|regard|regards|consider|considers|perceive|perceives) "
    r"(?:(?:itself|themselves) )?"
    rf"(?:threatened\b|(?:[\w'-]+ ){{0,6}}?as (?:a |an |the )?(?:[\w'-]+ ){{0,2}}?{_THREAT}\b)"
    # ... or asked what threatens them: "the main threat for the kremlin", "dangers facing moscow"
    rf"|\b{_THREAT} (?:for|to|facing) (?:the )?(?P<target>[\w'-]+)\b")
# A fact's text, normalised: what is seen as a threat, in either voice ("Russia is seen as an acute threat",
# "the US long viewed Russia as a threat").
_PERCEIVED = (r"(?:view|views|viewed|viewing|see|sees|saw|seen|seeing|regard|regards|regarded|consider|considers"
              r"|considered|perceive|perceives|perceived|treat|treats|treated|define|defines|defined|cast|casts"
              r"|label|labels|labeled|labelled)")
_SEEN_AS_THREAT = re.compile(
    rf"\b(?P<passive>\w+(?: \w+)?) (?:is|are|was|were|be|been|being) (?:\w+ ){{0,3}}?{_PERCEIVED}(?: as)? "
    rf"(?:a |an |the )?(?:\w+ ){{0,4}}?{_THREAT}\b"
    rf"|\b{_PERCEIVED} (?P<object>\w+(?: \w+)?) (?:\w+ ){{0,2}}?as (?:a |an |the )?(?:\w+ ){{0,4}}?{_THREAT}\b")
# ... whose threat it is, in the text as written ("Russia's security threat", "Russia's perceived threat")
_WHOSE_THREAT = re.compile(r"\b([\w-]+)['’]s (?:[\w-]+ ){0,2}?threat\b")
# ... and who, in the active voice, perceives or plays one down ("Trump downplays", "Russia vehemently
# opposes"; not a participle's: "..., viewing it as a threat" has its subject further back).
_PERCEIVING = re.compile(rf"\b((?:\w+ ){{1,3}}){_ACTIVE}"
                         r"(?:views|viewed|sees|saw|regards|regarded|considers|considered|perceives|opposes|opposed"
                         r"|fears|feared|downplays|downplayed)\b")


# The same in Russian: "отчего Кремль видит угрозу в ...", "считает ли Москва США угрозой"; in a fact's
# Russian answer, whose threat ("угрозу России", "угроза со стороны России"), who is seen as one ("считали
# Россию угрозой") and who sees or plays one down ("США долго считали", "Трамп преуменьшает").
_SEEING_RU = r"(?:видит|видят|видел\w*|считает|считают|считал\w*|воспринимает|воспринимают|чувствует|ощущает)"
_ASKED_PERCEIVER_RU = re.compile(
    rf"(?:(?<!\w)(?P<who>[\w-]+)\s+(?:(?:действительно|реально|по-прежнему|теперь)\s+)?{_SEEING_RU}"
    rf"|(?<!\w){_SEEING_RU}\s+ли\s+(?P<asked>[\w-]+))\s+(?:[\w-]+\s+){{0,4}}?угроз\w*")
_THREAT_OF_RU = re.compile(r"(?<!\w)угроз\w*\s+(?:со\s+стороны\s+)?([\w-]+)"
                           r"|(?<!\w)(?:считал\w*|считают|считает|видит|видят)\s+([\w-]+)\s+(?:[\w-]+\s+){0,2}?угроз")
_PERCEIVING_RU = re.compile(r"(?<!\w)((?:[\w-]+\s+){1,2})(?:считал\w*|считают|считает|видит|видят|воспринима\w*"
                            r"|преуменьша\w*|выступа\w*\s+против)(?!\w)")


def asked_perceiver(normalised: str, lang: str = "en") -> str | None:
    """Who a question asks to perceive a threat ("does Russia feel threatened by NATO" -> "russia"), or None."""
    found = (_ASKED_PERCEIVER_RU if lang == "ru" else _ASKED_PERCEIVER).search(normalised)
    asked = found and next(filter(None, found.groupdict().values()))  # the one alternative that matched
    who = asked and " ".join(w for w in asked.split() if w not in STOP_WORDS | FRAMING_NOUNS)
    return who or None


def threats_text(text: str, lang: str = "en") -> tuple[list[str], list[str]]:
    """Where a fact's text names what is seen as a threat, and who sees one: (threat parts, perceiver parts)."""
    normalised = normalise(text)
    if lang == "ru":
        threats = [m.group(1) or m.group(2) for m in _THREAT_OF_RU.finditer(normalised)]
        return threats, [m.group(1) for m in _PERCEIVING_RU.finditer(normalised)]
    threats = [m.group("passive") or m.group("object") for m in _SEEN_AS_THREAT.finditer(normalised)]
    threats += _WHOSE_THREAT.findall(text)
    return threats, [m.group(1) for m in _PERCEIVING.finditer(normalised)]


def names_a_role(speaker: str) -> bool:
    """Whether a speaker (as asked_speaker gives it) is an office, not a name: "us president"."""
    return speaker.split()[-1] in _ROLES


def asks_a_judgement(normalised: str) -> bool:
    """Whether a question asks how someone judged something ("how did Medvedev assess the reset"):
    of a country, a position the article may state without a word of speech ("the US has long viewed")."""
    found = _ASKED.search(normalised)
    return found is not None and found.group("judging") is not None


def asked_speaker(normalised: str, lang: str = "en") -> str | None:
    """The speaker a question asks about ("the kremlin" -> "kremlin"), or None when it asks no such thing."""
    if lang == "ru":
        found = _ASKED_RU.search(normalised)
        asked = [(found.group("who") or found.group("after")) if found else None]
    else:
        found = _ASKED.search(normalised)
        reply = _ASKED_REPLY.search(normalised)
        asked = [found.group("who") if found and (found.group("wh") != "how" or stem(found.group("verb")) in _HOW_VERBS)
                 else None, (reply.group("who") or reply.group("asked")) if reply else None]
    # "did Zelensky push back ..., and what did he say": the name, not the pronoun.
    return next(filter(None, map(_someone, asked)), None)


# "who was (the) NATO Secretary General at ...": the office runs up to the first preposition or clause.
_ASKED_OFFICE = re.compile(
    r"\bwho\s+(?:is|was|were|are|s|has been|had been)\s+(?P<article>(?:the|a|an)\s+)?"
    r"(?P<office>[\w'-]+(?:\s+[\w'-]+){0,3}?)"
    r"(?:\s+(?:at|in|during|of|for|on|when|before|after|under|to|behind|back|then|now|and|that|who|with|from"
    r"|by|about|over|since|there|here|today)\b.*)?$")
# "what was the name of Obama's ambassador" asks who the ambassador was.
_NAME_OF = re.compile(r"^what (?:is|was|s|are|were) the names? of (?=(?:the|a|an|his|her|their|its|\w+) )")
_VERB_FORM = re.compile(r"..(?:ed|ing)$")
_PLACING = frozenset("in at on behind".split())
# "who is more aggressive, A or B" names no office ...
_COMPARING_WORDS = "more|most|less|least|or"
_COMPARING = re.compile(rf"\b({_COMPARING_WORDS})\b")
# ... nor does it ask for someone the question does not name ("who pushed harder, the US or Europe").
_CHOICE = re.compile(rf"\b(?:{_COMPARING_WORDS}|than|или|чем|больше|меньше)\b")
# "who did ..." asks for someone; "who is X" about X.
_WHO_DID = {"en": re.compile(r"^who (?!(?:is|was|are|were|s|has been|had been)\b)"),
            "ru": re.compile(r"^кто (?!(?:такой|такая|такие|такое|это|был|была|были|является|являются|есть)\b)")}


# "which Deutsche Bahn executive decided ...", "which activist coined ...": a person asked for by a
# calling. Not "leader" or "president", which a fact answers by naming the holder ("President Bush"),
# nor a calling past the verb ("what did the defence minister say" asks what was said).
CALLINGS = frozenset("""
executive activist diplomat ambassador envoy senator lawmaker politician adviser advisor aide founder ceo chairman
director manager negotiator spokesman journalist economist commander officer minister secretary dean rector provost
""".split())
# A byline's titles in Russian: "что сказал профессор" asks what the author says.
TITLES_RU = {"professor": "профессор", "scholar": "ученый", "academic": "ученый", "analyst": "аналитик",
             "researcher": "исследователь", "journalist": "журналист", "economist": "экономист"}
# Kinds of person, callings or not: no country is one.
PERSONS = CALLINGS | frozenset("""
oligarch leader official president chancellor scholar colleague expert person individual businessman billionaire
analyst author writer academic professor
""".split())
_WHICH_CALLING = re.compile(
    r"^(?:which|what)\s+(?:(?!(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\b)[\w'-]+\s+)"
    rf"{{0,3}}?(?P<calling>{'|'.join(sorted(CALLINGS))})s?\b")


# "Which company builds ...", "which French cities lost ...": the kind of thing a question asks to be
# named, by its first word not written as a name. Read on the question as typed, after a greeting
# ("hey @ArticleBot, which ...").
_WHICH = r"^\W*(?:(?:hey|hi)\W+)?[Ww]hich\s+(?:[A-Z][\w'-]*\s+){0,2}"  # up to the first word not written as a name
_WHICH_KIND = re.compile(_WHICH + r"(?P<kind>[a-z][\w'-]*)")


# ... the next word, unless a verb follows the name ("which chancellor opposed", "which report did").
_NEXT_WORD = re.compile(r"\s+(?!(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\b)"
                        r"(?P<kind>[a-z][\w'-]*)\b(?<!ed)(?<!ing)")


def asked_kind(question: str, is_name: Callable[[str], bool] = lambda word: False) -> str | None:
    """The kind of thing a "which ..." question asks to be named ("company"), or None; past up to
    two words typed in lower case that are names (`is_name`: "which western politicians")."""
    found = _WHICH_KIND.match(question := without_address(question))
    for _ in range(2):
        following = _NEXT_WORD.match(question, found.end()) if found and is_name(found.group("kind")) else None
        if following is None:
            break
        found = following
    return found.group("kind") if found else None


# A people's adjective names its country ("which French cities" asks about France): an instance of a
# kind is no more new where the fact writes the country.
DEMONYMS = dict(pair.split(":") for pair in """
american:america british:britain english:england scottish:scotland welsh:wales irish:ireland french:france
german:germany dutch:netherlands belgian:belgium swiss:switzerland austrian:austria italian:italy spanish:spain
portuguese:portugal swedish:sweden norwegian:norway danish:denmark finnish:finland polish:poland czech:czechia
slovak:slovakia hungarian:hungary romanian:romania bulgarian:bulgaria greek:greece turkish:turkey serbian:serbia
croatian:croatia slovenian:slovenia lithuanian:lithuania latvian:latvia estonian:estonia belarusian:belarus
ukrainian:ukraine russian:russia moldovan:moldova georgian:georgia armenian:armenia azerbaijani:azerbaijan
kazakh:kazakhstan chechen:chechnya kosovar:kosovo chinese:china japanese:japan korean:korea taiwanese:taiwan
indian:india pakistani:pakistan afghan:afghanistan iranian:iran iraqi:iraq syrian:syria israeli:israel
egyptian:egypt libyan:libya saudi:arabia canadian:canada mexican:mexico brazilian:brazil cuban:cuba
venezuelan:venezuela australian:australia european:europe
""".split())
CONTINENTS = frozenset({"europe"})  # of the places above, those whose leaders are their countries'
# Verbs in the past that do not end in "-ed": "which movement made people ashamed of flying".
_IRREGULAR_PAST = ("made|took|gave|got|went|came|saw|said|told|kept|left|brought|sent|won|lost|led|held|began|became"
                   "|drove|threw|sought|built|bought|fought|found|meant|met|paid|sold|spent|stood|struck|taught|thought"
                   "|wrote|broke|chose|grew|knew|rose|spoke|wore")
# "Which missiles did Trump give ...", "which colour revolutions does the author name ...": the words
# from "which" to the verb or preposition after them, when there is one within three words, are the
# kind asked for ("colour revolutions"). Without one the question's shape is not clear enough.
_WHICH_INSTANCES = re.compile(
    _WHICH + r"(?P<kind>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)(?:\s+(?:exactly|precisely|specifically))?"
    r"\s+(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|of|in|on|at|to|for|from|with"
    r"|under|toward|towards|against|during|after|before|about|between|besides|that|who|\w{3,}ed|" + _IRREGULAR_PAST
    + r")\b")
# "What missiles (exactly) did Trump send" asks the same of a plural noun after "what", when an
# auxiliary follows it ("what drives value-based diplomacy" asks no such thing).
_WHAT_INSTANCES = re.compile(
    r"^\W*(?:(?:hey|hi)\W+)?[Ww]hat\s+(?!(?:this|does|was|has|its|his|hers|yes|perhaps|always|did|do|is|are|were|have|had|will"
    r"|would|can|could|should|might|must|may)\b)"
    r"(?P<kind>(?:[a-z][\w'-]*\s+)?[a-z][\w'-]*[a-rt-z]s)(?:\s+(?:exactly|precisely|specifically))?"
    r"\s+(?:did|does|do|are|were|have|had|will|would|can|could|should)\b")

INSTANCE_REACH = 6  # words either side of a kind word where the instance is named ("the Kosovo War")
# "value-based diplomacy, a traditional pillar ...", "one of the most contentious issues", "labeled
# Russia an authoritarian state": the fact says what something is an instance of.
_INSTANCE_OF = frozenset({"a", "an", "one", "один", "одна", "одно", "одним", "одной", "одного", "одну"})
_INSTANCE_OF_BEFORE, _INSTANCE_OF_AFTER = 5, 3
_PREPOSITIONS = frozenset("on in at to for with from by about into under over of в на о об с по к".split())
_NOT_NAMING = frozenset("new old other such same another any some each every next last".split())  # "a new treaty"
_WORDS = re.compile(r"[\w'’-]+")
_VERB_FORM_OR_ADVERB = re.compile(r"(?:ed|ing|ly)$")
# "a tax on kerosene", "disputes over Iran", "the direction of the food", "споры об Иране"
_OF = frozenset({"of", "on", "over", "for", "на", "о", "об", "над", "против"})


# "какие ракеты Трамп передал Украине", "какие цветные революции упоминает автор": the lower-case
# words after "какой" (one or two), up to a name or a verb.
_WHICH_INSTANCES_RU = re.compile(r"^\W*(?:(?:а|и|ну|так)\s+)?как(?:ой|ая|ое|ие|их|им|ую|ими|ого|ому|ом)\s+"
                                 r"(?P<kind>[а-яё-]+(?:\s+[а-яё-]+)?)")
_VERB_RU = re.compile(r"(?:л|ла|ло|ли|ет|ит|ют|ят|ут|ат|ся|сь)$")
_NOT_A_KIND_RU = frozenset({"образом"})  # "каким образом" asks how
# A short adjective is the predicate, as a verb is: "какие гарантии нужны Москве" asks which guarantees.
_PREDICATIVE_RU = frozenset("нужен нужна нужно нужны должен должна должно должны необходим необходима необходимо "
                            "необходимы важен важна важно важны возможен возможна возможно возможны".split())


def asked_instances(question: str, lang: str = "en") -> str | None:
    """The kind whose instances a "which ..." question asks to be named ("colour revolutions"), or None."""
    if lang != "ru":
        question = without_address(question)
        found = _WHICH_INSTANCES.match(question) or _WHAT_INSTANCES.match(question)
        return found.group("kind") if found else None
    found = _WHICH_INSTANCES_RU.match(without_address(question))
    if not found:
        return None
    kind = []
    for word in found.group("kind").split():
        # A verb or a predicate ends the kind ("какие города посетил", "какие гарантии нужны").
        if _VERB_RU.search(word) or word in _NOT_A_KIND_RU or word in _PREDICATIVE_RU:
            break
        kind.append(word)
    return " ".join(kind) or None


@lru_cache(maxsize=1024)  # the texts are a base's facts: read again for every such question
def _sentence_words(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_WORDS.findall(sentence)) for sentence in _SENTENCE_END.split(text))


# A word and the quoted words right after it: "стратегию «перезагрузки»".
_QUOTED_AFTER = re.compile(r"(?P<word>[\w'-]+)\s+[«\"“](?P<quoted>[^»\"”]+)[»\"”]")


def _names_another(words: tuple[str, ...], k: int, is_kind: Callable[[str], bool]) -> bool:
    """Whether the name at `k` qualifies a common noun after it, another thing than the kind: "the
    Russia-Ukraine conflict" is no treaty ("negotiations on a new treaty"), "the New START Treaty" is one.
    English only: a Russian verb may follow its subject in any form ("Трамп отошёл от ...")."""
    after = words[k + 1] if k + 1 < len(words) else ""
    return (after.isascii() and after.isalpha() and after.islower() and after not in STOP_WORDS
            and not _VERB_FORM_OR_ADVERB.search(after) and not is_kind(after))


def names_an_instance(text: str, is_kind: Callable[[str], bool], is_head: Callable[[str], bool],
                      is_new: Callable[[str], bool]) -> bool | None:
    """Whether a text names an instance of the kind it speaks of, near a kind word (`is_kind`) in one
    sentence: a name or number not asked about (`is_new`) within INSTANCE_REACH words; a word the
    question does not use right before the kind's last word (`is_head`: "national interests" when
    asked "which interests"; not "new" or "other", which name none) or after it and "of", "on" ...
    ("a tax on kerosene"); or "a"/"one" saying what is one (not after a preposition: "negotiations
    on a new treaty"); or words in quotation marks right after it ("стратегию «перезагрузки»", "the
    label 'outcast'"). None when the text never speaks of the kind."""
    for found in _QUOTED_AFTER.finditer(text):
        if is_kind(found.group("word")) and any(is_new(w) for w in _WORDS.findall(found.group("quoted"))):
            return True
    spoken = None
    for words in _sentence_words(text):
        for at, word in enumerate(words):
            if not is_kind(word):
                continue
            spoken = False
            start = max(0, at - _INSTANCE_OF_BEFORE)
            around = [(k, w) for k, w in enumerate(words[start:at + 1 + _INSTANCE_OF_AFTER], start) if k != at]
            # ... but not "on a new treaty": the object of a preposition is only one of the kind.
            if any(w.lower() in _INSTANCE_OF and not (k and words[k - 1].lower() in _PREPOSITIONS) for k, w in around):
                return True
            if is_head(word):
                before = words[at - 1] if at and words[at - 1].lower() not in _NOT_NAMING else ""
                of = at + 1 < len(words) and words[at + 1].lower() in _OF
                after = next((w for w in words[at + 2:at + 4] if w.lower() not in DETERMINERS), "") if of else ""
                if any(w and not _VERB_FORM_OR_ADVERB.search(w) and is_new(w) for w in (before, after)):
                    return True
            near = [*range(max(0, at - INSTANCE_REACH), at), *range(at + 1, at + 1 + INSTANCE_REACH)]
            # A name is written capitalised inside the sentence (its first word may be any word).
            if any(((words[k][0].isupper() and k > 0) or words[k][0].isdigit()) and is_new(words[k])
                   and not _names_another(words, k, is_kind) for k in near if k < len(words)):
                return True
    return spoken


# Words either side of a kind word where whose it is is said ("French President", "president of France").
WHOSE_REACH = 3


def kind_of_whom(text: str, is_head: Callable[[str], bool], is_whose: Callable[[str], bool]) -> bool | None:
    """Whether a text, where it speaks of a kind (`is_head`), says it is the one asked about (`is_whose`
    within WHOSE_REACH words: "French President Nicolas Sarkozy" for "which French president"); None
    when it never speaks of the kind."""
    spoken = None
    for words in _sentence_words(text):
        for at, word in enumerate(words):
            if is_head(word):
                spoken = False
                if any(is_whose(w) for w in words[max(0, at - WHOSE_REACH):at + 1 + WHOSE_REACH]):
                    return True
    return spoken


def asks_for_someone(normalised: str, lang: str) -> bool:
    """Whether a question asks who did something ("who sponsors the series"), not who someone is
    ("who is Hegseth") nor which of those it names ("who pushed harder, the US or Europe")."""
    return _WHO_DID[lang].match(normalised) is not None and _CHOICE.search(normalised) is None


# How something turned out (idioms are read first: "pan out" is "turn out", "fizzle out" "failed").
_OUTCOME = re.compile(r"\b(?:turn(?:ed|s)? out|went wrong|go(?:es)? wrong|flop(?:ped|s)?|failed|fail|dashed|confounded"
                      r"|belied|unfulfilled|came to naught"
                      r"|c[oa]me to nothing|fell (?:through|flat)"
                      r"|what happened (?:next|then|after)|how did (?:it|that|this) end|what (?:came|became) of"
                      r"|what (?:followed|came (?:next|after)|(?:then )?set in(?! motion))"
                      r"|(?:was|is) (?:that|it|this) (?:just |all )?(?:a myth|hype)"
                      r"|what (?:was|were) the (?:outcome|result|upshot)s? of"
                      # "X was supposed to be friendly, what (actually) happened": asked after what was expected.
                      r"|(?<=\w )what (?:actually |really )?happened$"
                      r"|come of (?:it|that)|did (?:it|that) (?:work|last)|end(?:ed)? up|surviv(?:e|ed)"
                      r"|(?:go|goes|went|gone|going) the other way|(?:the )?opposite happened"
                      # ... or whether it still holds: the passage after tells if it changed.
                      r"|still|any ?more|any longer|no longer|these days|nowadays|fading)\b"
                      r"|(?<!\w)(?:разошл\w*|рассорил\w*|чем (?:это |все |всё )?(?:закончил|кончил|обернул)\w*"
                      r"|что пошло не так|не сложил\w*|почему .*(?:за)?кончил\w*)(?!\w)")


# What things were like before something ("relations before the u-turn", "что было до этого разворота"):
# not "has it happened before", "like before".
_BEFORE = re.compile(r"\b(?:before|prior to|in the run up to|leading up to) "
                     r"(?!(?:with|like|and|or|then|now|too|either)\b)"
                     r"|(?<!\w)до (?:этого|того|разворота|поворота|смены|прихода|возвращения)(?!\w)")


def asks_what_came_before(normalised: str) -> bool:
    """Whether a question asks what things were like before something ("ties before trump's return")."""
    return _BEFORE.search(normalised) is not None


def asks_an_outcome(normalised: str) -> bool:
    """Whether a question asks how something turned out ("how did that pan out", "what went wrong")."""
    return _OUTCOME.search(normalised) is not None


# A question may open with a conjunction ("so who chaired it", "а кто вступил"): still its first words.
_OPENING = r"^(?:(?:so|and|but|ok)\s+)?"
_OPENING_RU = r"^(?:(?:а|и|так)\s+)?"


# "кто был послом США при перезагрузке", "как звали американского посла": an office, by a word that
# names one; Russian inflects it, so each is a pattern of its forms ("посл" alone would be "после").
_OFFICES_RU = tuple(re.compile(rf"(?<![\w-])(?:{forms})", re.IGNORECASE) for forms in (
    "посол|посла|послу|послом|послы|послов|послам|послами|послах", "министр", "госсекретар", "канцлер", "генсек",
    r"генеральн\w*\s+секретар", "премьер", "спикер", "советник", "председател", "командующ", "губернатор", "мэр",
    "директор", "посланник"))
_ASKED_OFFICE_RU = re.compile(
    rf"{_OPENING_RU}(?:кто\s+(?:был\w*|является|являлся|являлась|занима\w+\s+(?:пост|должность)|стал\w*)"
    r"|как\s+(?:звали|зовут)|кем\s+был\w*)\s+(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)")  # the office within three words


def asked_office_ru(normalised: str) -> re.Pattern[str] | None:
    """The forms of the office whose holder a Russian question asks for ("министр"), or None."""
    found = _ASKED_OFFICE_RU.search(normalised)
    if found is None:
        return None
    return next((office for office in _OFFICES_RU if office.search(found.group("words"))), None)


# "кто был президентом украины": the office asked for, and of whom (the word after it).
_OFFICE_OF_RU = re.compile(r"(?<![\w-])(?:президент|канцлер|премьер|министр)\w*\s+([\w-]+)", re.IGNORECASE)


def asked_office_of_ru(normalised: str) -> str | None:
    """Of whom a Russian question asks an office holder ("кто был президентом украины" -> "украины"), or None."""
    found = _ASKED_OFFICE_RU.search(normalised)
    whose = _OFFICE_OF_RU.search(found.group(0)) if found else None
    return whose.group(1) if whose else None


def offices_held_ru(text: str) -> list[str]:
    """The words right after each office a Russian text names ("президента Франции" -> "Франции")."""
    return _OFFICE_OF_RU.findall(text)


def asked_office(normalised: str) -> str | None:
    """The office whose holder a question asks for ("secretary general"), by its last word, or None."""
    normalised = _NAME_OF.sub("who is ", normalised, count=1)
    calling = _WHICH_CALLING.search(normalised)
    if calling:
        return calling.group("calling")
    found = _ASKED_OFFICE.search(normalised)
    if not found or _COMPARING.search(normalised):
        return None
    words = found.group("office").split()
    # An office is a noun: "who is supposed to defend Europe", "who is going to pay", "who was pushing
    # hardest to ..." name none (but "who is Zhao married to" still asks for what the fact must state,
    # and "who was the acting president" names one); nor does a state: "who was in charge", "in power",
    # "at the helm" asks for whoever led (but "in charge of the Pentagon" for the holder of an office).
    progressive = not found.group("article") and words[0].endswith("ing")
    led = words[0] in _PLACING and not normalised.startswith(" of ", found.end("office"))
    if (any(w in _NOT_SOMEONE for w in words) or progressive or led
            or (len(words) == 1 and _VERB_FORM.search(words[0]))):
        return None
    return words[-1]


_MONTH = rf"(?:{'|'.join(month.capitalize() for month in MONTH_NAMES)})"  # capitalised: "may" is a verb too
_NUMERIC_DATE = r"\d{1,2}\.\d{1,2}\.\d{2,4}"  # "25.03.2025"
_DATE = re.compile(rf"\b(?:1[5-9]\d\d|20\d\d|{_NUMERIC_DATE}|\d{{4}}s|{_MONTH})\b")
# A share is a number too: "roughly a tenth" says how much less.
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
                     r"|fifty|hundred|thousand|million|billion|dozens?|half|percent|tenths?|quarters?|twice|double)\b",
                     re.IGNORECASE)
# Nor is a rank: "NATO's 75th anniversary" says nothing of how many members voted.
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
# The day of a written date ("February 28, 2025", "28 February 2025") is no count either.
_DAY_OF_MONTH = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b")


def gives_a_date(text: str) -> bool:
    """Whether a fact's text dates anything: a year, a decade, a month or a written date."""
    return _DATE.search(text) is not None


# A day asked for ("on what day did Bush arrive", "the exact date", "в какой день"), not merely when. Not
# "what date" nor "какого числа" alone: "до какого числа действует СНВ-3" is answered by "February 2026".
ASKS_A_DAY = re.compile(r"\b(?:exact|precise) (?:date|day)\b|\b(?:what|which) day\b|^what (?:is|was) the date\b"
                        r"|(?<!\w)в какой день|(?<!\w)точн\w* дат")
_A_DAY = re.compile(rf"{_DAY_OF_MONTH.pattern}|\b{_NUMERIC_DATE}\b")


def gives_a_day(text: str) -> bool:
    """Whether a fact's text writes a day of a month: "February 28, 2025", "25.03.2025"."""
    return _A_DAY.search(text) is not None


# A time of day asked for ("what time did the talks start", "в котором часу"), which a date does not give. Not "what
# time frame" or "period"; "во сколько" only of a start or an end ("во сколько обошлось" is what it cost).
ASKS_AN_HOUR = re.compile(r"^(?:(?:at|by|from|until) )?(?:what|which) (?:time|hour)\b"
                          r"(?! (?:frame|period|span|scale|line))"
                          r"|(?<!\w)в котором часу|(?<!\w)в какое время суток"
                          r"|(?<!\w)во сколько (?:часов|начал|закончил|стартовал|открыл|закрыл|прибыл|уехал|вылетел"
                          r"|прилетел|отправил|отходит|приходит)")
_AN_HOUR = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\b\d{1,2}:\d{2}\b"
                      r"|\b(?:noon|midnight|o'clock|morning|afternoon|evening|night|overnight)\b"
                      r"|(?<!\w)(?:утр|вечер|ноч|полдн|полноч)\w*|\b\d{1,2} час", re.IGNORECASE)


def gives_an_hour(text: str) -> bool:
    """Whether a fact's text gives a time of day: "at 10 a.m.", "14:30", "in the evening", "overnight"."""
    return _AN_HOUR.search(text) is not None


# A stretch of time: "three decades", "30 years", "a few months", "for weeks". Not "short-lived" or
# "did not last long": a fact saying that of its optimism does not say how long the Kosovo War lasted.
_DURATION = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|few|several|many|some|for)"
    r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))\b", re.IGNORECASE)


# ... or in words: "this optimism was short-lived", "did not last long".
_LASTED = re.compile(r"\b(?:short-lived|(?:not|never|n't) last(?:ed)? (?:very )?long|long-lasting"
                     r"|(?:for )?a long time)\b", re.IGNORECASE)
_ASKS_HOW_LONG = frozenset(stem(w) for w in "how long last lasted lasts persist persisted endure endured".split())


def gives_a_duration(text: str, question: str) -> bool:
    """Whether a fact's text says how long something lasted or took. In words ("this optimism was
    short-lived. Due to ... the Kosovo War ..."), only of what the question asks about: what it names
    must not come after those words, to the end of the next sentence (they are said of what came
    before them: "how long did the Kosovo War last" is not answered)."""
    if _DURATION.search(text):
        return True
    said_of = [" ".join(_SENTENCE_END.split(text[found.end():])[:2]) for found in _LASTED.finditer(text)]
    asked = {stem(w) for w in question.split() if w not in STOP_WORDS} - _ASKS_HOW_LONG if said_of else set()
    return any(asked.isdisjoint(stem(w) for w in normalise(after).split()) for after in said_of)


# A stretch reaching back to now: "over the past three decades", "for the last 30 years".
_COUNTED = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9} | {
    word: int(digits) for word, digits in NUMBER_WORDS.items()}
_LOOKING_BACK = re.compile(rf"\b(?:past|last)\s+(\d+|{'|'.join(_COUNTED)})\s+(years|decades)\b", re.IGNORECASE)


def years_looked_back(text: str) -> int | None:
    """How many years a fact's text looks back from its writing ("over the past three decades": 30),
    or None: such a fact dates the stretch since then, as the text's own date places it."""
    if (found := _LOOKING_BACK.search(text)) is None:
        return None
    count = int(found.group(1)) if found.group(1).isdigit() else _COUNTED[found.group(1).lower()]
    return count * (10 if found.group(2).lower() == "decades" else 1)


# "which line is the busiest", "what was the largest ...": one ranked first among others.
_NOT_SUPERLATIVE = ("best", "rest", "west", "test", "interest", "request", "protest", "suggest", "harvest", "forest",
                    "honest", "modest", "latest", "contest", "invest", "arrest", "guest", "quest", "manifest", "digest",
                    "chest", "nest", "pest", "vest", "crest", "earnest")
_DONE = r"(?:\w+ed|came|went|began|took|made|got|fell|left)"  # a verb in the past
_SUPERLATIVE = rf"(?!(?:{'|'.join(_NOT_SUPERLATIVE)})\b)[a-z]{{2,}}est"
_ASKS_THE_FIRST_OF = re.compile(rf"\b(?:which|what) (?:[\w-]+ ){{1,4}}(?:is|was|are|were) (?:the )?"
                                rf"(?:most \w+|{_SUPERLATIVE})\b"
                                # ... or first in time: "which flights were cancelled first", "which president
                                # first asked to join" (not "which documents from Trump's first term").
                                rf"|^(?:which|who)\b(?:\s+[\w'-]+){{0,5}}?\s+"
                                rf"(?:first\s+(?:{_DONE}|sought)|{_DONE}\s+first)\b")
# ... which a text answers only where it ranks something: a superlative, "most", "main", "leading", "first".
_RANKS = re.compile(r"\b(?:\w{2,}est|most|least|best|worst|main|primary|chief|top|leading|foremost|first)\b",
                    re.IGNORECASE)


def asks_the_first_of(normalised: str) -> bool:
    """Whether a question asks which thing is first by some measure ("which Nightjet line is the
    busiest")."""
    return _ASKS_THE_FIRST_OF.search(normalised) is not None


def ranks(text: str) -> bool:
    """Whether a fact's text ranks something ("the largest operator", "the most significant obstacle")."""
    return _RANKS.search(text) is not None


def gives_a_number(text: str) -> bool:
    """Whether a fact's text states a number, in digits or in words, other than a year or a date:
    "how many members backed Ukraine's bid at Bucharest" is not answered by "the 2008 summit"."""
    return _NUMBER.search(_ORDINAL.sub(" ", _DATE.sub(" ", _DAY_OF_MONTH.sub(" ", text)))) is not None


# A count of time: "how many years", "сколько лет". Any other count is not answered by a stretch of
# time ("how many countries are in NATO" by "over the past 30 years").
_TIME_UNIT = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))\b"
                        r"|(?<!\w)(?:лет|год\w*|месяц\w*|недел\w*|дн(?:я|ей|и)|час\w*|десятилети\w*|век\w*)(?!\w)")


# What something cost ("how much did the visit cost", "сколько стоил визит", "во сколько обошлось") is
# a sum of money: not answered by "the two countries" nor by a year.
_ASKS_COST = re.compile(r"\b(?:cost|costs|costly|expensive|prices?|priced)\b"
                        r"|(?<!\w)(?:стои\w*|обошл\w*|цен[аеуы])(?!\w)")
_SUM = re.compile(r"[$€£¥₽]|\b\d[\d,.]*\s*(?:k|m|bn|thousand|million|billion|trillion|dollars?|euros?|pounds?|roubles?"
                  r"|rubles?|yuan)\b|(?<!\w)(?:доллар|евро|рубл|юан)\w*")


# How many times something happened, asked of a text that says only "numerous", "repeatedly": it says how
# often, in words ("how many times have relations swung": "numerous ups and downs"), as "short-lived" says how long.
_ASKS_HOW_OFTEN = re.compile(r"\bhow (?:many times|often)\b|(?<!\w)сколько раз(?!\w)")
_OFTEN = re.compile(r"\b(?:numerous|repeatedly|many times|time and again|countless)\b", re.IGNORECASE)
# How far something goes ("how much would a new treaty ease tensions") is told by a degree in words:
# "a significant positive impact". Not an amount ("how much gas does Europe buy"), asked of a thing.
_ASKS_HOW_FAR = re.compile(r"^how much (?:would|will|could|can|did|does|do|has|have|had|is|was|are|were)\b")
_DEGREE = re.compile(r"\b(?:significant|dramatic|profound|slight|considerabl|substantial|marginal|fundamental|sharp"
                     r"|rapid)\w*", re.IGNORECASE)
# "The two countries", "these two sides" are those already named: how many of them only when they are what
# is counted ("how many operators": "the two operators"), not how popular Yeltsin was.
_THE_TWO = re.compile(r"\b(?:the|these|those)\s+two\s+(?P<what>\w+)", re.IGNORECASE)


def gives_a_count(text: str, question: str) -> bool:
    """Whether a fact's text states a number that can answer the question's "how many": a stretch of
    time only when it counts time, a sum of money when it asks what something cost, "numerous" when it
    asks how many times, a degree in words when it asks how far something goes."""
    if _ASKS_COST.search(question):
        return _SUM.search(text) is not None
    if _ASKS_HOW_OFTEN.search(question) and _OFTEN.search(text):
        return True
    if _ASKS_HOW_FAR.search(question) and _DEGREE.search(text):
        return True
    if _THE_TWO.search(text):
        counted = {stem(word) for word in question.split()}
        text = _THE_TWO.sub(lambda two: two[0] if stem(two["what"].lower()) in counted else " ", text)
    return gives_a_number(text if _TIME_UNIT.search(question) else _DURATION.sub(" ", text))


# Events a fact must report, not merely sit next to: a signing ("did Bush sign", "has Trump signed",
# "who signed", "что подписали"), a birth or a death ("when was Hegseth born", "когда он родился"), a
# vote or a ratification ("which member voted against"), a founding ("who founded European Sleeper").
# Not one that might happen: "if they sign a new treaty", "will they sign", "если подпишут"; nor an
# approval ("the documents signed off in 2017").
# Not "the birth of a new era", "born out of", "the death of the reset", "why did night trains die
# out": figures of speech.
# "Who signed this paper" asks who wrote it; "signed off" approved something.
_NOT_BYLINE = rf"(?!\s+(?:off\b|this\s*$|(?:this|the)\s+{A_TEXT_NOUN}\b))"
_ASKED_BIRTH_OR_DEATH = re.compile(
    r"\bborn\b(?!\s+(?:out|of|from)\b)|\b(?:birthday|birthplace|hometown)\b"
    r"|\bnative\s+(?:city|town|village)\b"
    r"|(?<!\w)(?:родом|уроженец|уроженка)(?!\w)"
    r"|(?:\bdied|\bdid\b(?:\s+[\w'-]+){1,3}?\s+die)\b(?!\s+(?:out|down|off|away))"
    r"|(?<!\w)(?:родил(?:ся|ась|ись)|рождени[яе]|умер(?:ла|ли)?|погиб\w*|смерт[ьи])(?!\w)")
# What someone wrote or said elsewhere, asked of and cited alike ("Medvedev's memoir verdict on the reset").
_WRITTEN_ELSEWHERE = re.compile(r"\b(?:memoir\w*|autobiograph\w*|diar(?:y|ies)|tweet\w*|blog\w*|op-?eds?"
                                r"|podcast\w*)\b|(?<!\w)(?:мемуар\w*|дневник\w*|твит\w*)", re.IGNORECASE)
# "what did <someone> do", "что <someone> делал": the word after it says before or after what.
_DID = r"^what\s+(?:did|has|had)\s+(?:[\w'-]+\s+){1,3}?do\s+"
_DID_RU = r"^(?:а\s+)?что\s+(?:[\w-]+\s+){0,2}?(?:делал|делала|делали)\s+(?:[\w-]+\s+){0,2}?"
# ... or what they were: "what was Hegseth's job before the Pentagon" (the possessive's "'s" normalised away).
_WAS = r"^what\s+(?:was|were)\s+(?:[\w'-]+\s+){1,3}?(?:job|jobs|career|occupation|profession)\s+"
# Who followed someone, or something, or will, or came before ("who replaced Hegseth as Secretary of
# Defense", "who will succeed Zhao at Fudan", "who chaired the Contact Group before Hegseth" are not
# answered by what Hegseth said, nor by where Zhao works).
_SUCCESSION = (
    re.compile(r"^who\s+(?:(?:will|would|is going to|might|could)\s+)?(?:replace|replaced|replaces|succeed|succeeded"
               r"|succeeds)\b|^кто\s+(?:сменил|заменил|сменит|заменит|будет\s+преемником)\w*(?!\w)"
               r"|^who\b(?:\s+[\w'-]+){1,8}?\s+before\s+(?!(?:the|a|an|this|that|it|he|she|they|then|now)\b)[a-z][\w'-]*$"
               r"|\bpredecessors?\b|(?<!\w)предшественни\w*"),
    re.compile(r"\b(?:replac\w*|succe(?:ed|ss)\w*|successor\w*|predecessor\w*|preced\w*)\b", re.IGNORECASE))
# "who/which ... <verb>", within a few words: who played a part or backed something.
_WHO_THEN = rf"{_OPENING}(?:who|whom|which)\b(?:\s+[\w'-]+){{0,6}}?\s+"
_EVENTS = (
    (re.compile(rf"\b(?:did|do|does|has|have|had|will|would)\b(?:\s+[\w'-]+){{1,4}}?\s+sign\b{_NOT_BYLINE}"
                rf"|\bsigned\b{_NOT_BYLINE}"
                r"|(?<!\w)подписа(?:л|ли|ла|ло|н|на|но|ны)(?!\w)"),
     re.compile(r"\bsign(?:ed|s|ing|ature|atures|atory|atories)?\b", re.IGNORECASE)),
    (_ASKED_BIRTH_OR_DEATH,
     re.compile(r"\b(?:born|birth\w*|died|dies|death\w*|killed|fatalit\w*|casualt\w*)\b", re.IGNORECASE)),
    (re.compile(r"\b(?:vot(?:e|ed|es|ing)|ratif\w*|referend\w*)\b|(?<!\w)(?:про)?голосова\w*|ратифициров\w*"
                r"|(?<!\w)референдум\w*"),
     re.compile(r"\b(?:vot(?:e|ed|es|ing)|ballot\w*|ratif\w*|referend\w*)\b", re.IGNORECASE)),
    # A treaty or law taking effect: "when did New START enter into force" is not answered by when it expires.
    (re.compile(r"\b(?:enter(?:s|ed|ing)?|come|comes|came|coming|go|goes|went)\s+into\s+(?:force|effect)\b"
                r"|\b(?:take|takes|took|taken|taking)\s+effect\b|(?<!\w)вступ\w*\s+в\s+(?:силу|действие)(?!\w)"),
     re.compile(r"\binto\s+(?:force|effect)\b|\bin\s+force\b|\b(?:took|takes|take|taken)\s+effect\b"
                r"|\bratif\w*", re.IGNORECASE)),
    # Not "what is the policy founded on", "the established order".
    (re.compile(r"\b(?:co-?)?founders?\b|\bwho\s+(?:co-?)?(?:founded|established|set up)\b"
                r"|\b(?:was|were)\b(?:\s+[\w'-]+){1,7}?\s+(?:(?:co-?)?founded|established|set up)\b"
                r"(?!\s+(?:on|upon)\b)"
                r"|(?<!\w)(?:основал\w*|основан\w*|учредил\w*|создал\w*)(?!\w)"),
     re.compile(r"\b(?:found(?:ed|er|ers|ing)|co-?found\w*|establish\w*|set up|creat(?:ed|ion))\b", re.IGNORECASE)),
    # The part someone played ("who chaired the Bucharest summit", "which official accompanied Hegseth",
    # "кто переводил Трампу"), or how they greeted something ("which allies welcomed the pivot"): a fact
    # naming others who were there does not say who played it.
    # Not presiding over a time ("which presidents presided over the honeymoon period"): in office during it; nor
    # running a piece ("which think-tank series ran it"): publishing it.
    (re.compile(rf"{_WHO_THEN}(?:chaired"
                r"|presided(?!\s+over\s+(?:the\s+|that\s+|this\s+)?(?:[\w'-]+\s+)?(?:period|era|years|decade|time"
                r"|honeymoon|thaw|reset|rapprochement)\b)"
                rf"|moderated|ran(?!\s+(?:it|this|that|the\s+(?:{A_TEXT_NOUN}|story)))"
                r"|represented|interpreted|translated|accompanied|co[ -]?authored|co[ -]?wrote|coined"
                r"|welcomed|praised|applauded|condemned|critici[sz]ed)\b"
                rf"|{_OPENING_RU}(?:кто|какой|какая|какие)(?:\s+[\w-]+){{0,6}}?\s+(?:председательствовал"
                r"|представлял|переводил|сопровождал|придумал)\w*(?!\w)"),
     re.compile(r"\b(?:chair\w*|presid(?:ed|es|ing)|moderat\w*|ran|run\w*|represent\w*|interpret\w*|translat\w*"
                r"|accompan\w*|co-?author\w*|co-?wr(?:ote|itten|iting)|coin\w*|welcom\w*|prais\w*|applau\w*"
                r"|condemn\w*|critici\w*)\b", re.IGNORECASE)),
    # ... or who backed it ("which capitals backed the pivot"): a fact that says no one supported, pushed for,
    # drove or proposed it does not say who.
    (re.compile(rf"{_WHO_THEN}(?:backed|endorsed)\b"),
     re.compile(r"\b(?:back(?:ed|ing|ers?)|endors\w*|support\w*|push\w*|driv\w*|propos\w*|advocat\w*|champion\w*)\b",
                re.IGNORECASE)),
    # Who joined something ("which country joined NATO most recently", "кто вступил в альянс последним"): not
    # answered by a fact where someone may join or was pushed to.
    (re.compile(rf"{_OPENING}(?:who|which|what)\b(?:\s+[\w'-]+){{0,4}}?\s+joined\b"
                rf"|{_OPENING_RU}(?:кто|какая|какие|какой)(?:\s+[\w-]+){{0,4}}?\s+(?:вступил|вступила|вступили"
                r"|присоединил\w*)(?!\w)"),
     re.compile(r"\b(?:joined|admitted|became (?:a )?members?)\b|(?<!\w)вступил\w*(?!\w)", re.IGNORECASE)),
    # An apology or a resignation ("did Zelensky apologise to Trump", "ушёл ли Хегсет в отставку"): not answered
    # by a fact about the quarrel or the office that does not report one.
    (re.compile(r"\bapologi[sz](?:e|es|ed|ing)\b|\b(?:say|says|said) sorry\b|(?<!\w)(?:извинил|извиня|извинит)\w*"
                r"|(?<!\w)прощения(?!\w)"),
     re.compile(r"\bapolog\w*|\bsorry\b|\bregrett?\w*|(?<!\w)извин\w*|(?<!\w)прощени\w*", re.IGNORECASE)),
    # What someone wrote or said elsewhere ("Medvedev's memoir verdict on the reset", "did Trump tweet about it"):
    # a fact that does not cite the memoir or the tweet does not say what is in it.
    (_WRITTEN_ELSEWHERE, _WRITTEN_ELSEWHERE),
    (re.compile(r"\bresign(?:s|ed|ing|ation)?\b|\bstep(?:s|ped|ping)? down\b|(?<!\w)отставк\w*"),
     re.compile(r"\bresign\w*|\bstep(?:s|ped|ping)? (?:down|aside)\b|(?<!\w)отставк\w*", re.IGNORECASE)),
    # What someone did before or after something ("what did Hegseth do before he became Secretary of
    # Defense", "что делал Медведев после президентства"): the fact must say what came before or after.
    (re.compile(rf"(?:{_DID}|{_WAS})(?:before|prior to)\b|{_DID_RU}до\b"),
     re.compile(r"\b(?:before|prior|previously|earlier|formerly|former)\b"
                r"|(?<!\w)(?:до|прежде|раньше|ранее|бывш\w*)(?!\w)", re.IGNORECASE)),
    (re.compile(rf"(?:{_DID}|{_WAS})(?:after|following|since)\b|{_DID_RU}после\b"),
     re.compile(r"\b(?:after|following|later|since|subsequently|afterwards)\b"
                r"|(?<!\w)(?:после|позже|затем|потом|впоследствии)(?!\w)", re.IGNORECASE)),
    _SUCCESSION,
    # When someone came to office: asked for itself ("when did Zelensky become president"), not as
    # the time of something else ("why did ties worsen after Trump took office", "what did people
    # expect when Trump became president"): the question begins with "when".
    (re.compile(rf"{_OPENING}(?:when|(?:in\s+)?(?:what|which)\s+year)\b(?:\s+[\w'-]+){{1,5}}?\s+"
                r"(?:(?:become|became)\s+(?:the\s+)?"
                r"(?:[\w-]+\s+)?(?:president|chancellor|leader|prime minister|secretary|minister|head)"
                r"|elected|inaugurated|sworn in|take office|took office|come to power|came to power)\b"
                rf"|{_OPENING_RU}(?:когда|в каком году)(?:\s+[\w-]+){{1,4}}?\s+"
                r"(?:стал\w*\s+(?:президентом|канцлером|премьер\w*|министром|главой|лидером)|избран\w*"
                r"|вступил\w*\s+в\s+должность|пришл?\w*\s+к\s+власти)(?!\w)"),
     re.compile(r"\b(?:bec[oa]mes?|elect\w*|inaugurat\w*|sworn|took office|taking office|assum\w+ office"
                r"|return\w* to (?:office|the kremlin|power)|came to power|presidential transitions?)\b",
                re.IGNORECASE)),
)
_HYPOTHETICAL = re.compile(r"\b(?:if|would|will|were to|once|should|could|can|might|expect\w*|если|бы)\b")
# ... but "when will the new treaty be signed" asks the date of one planned, which the fact must report.
_WHEN_PLANNED = re.compile(r"^(?:(?:so|and|but)\s+)?when\s+(?:will|would|might|could|is|are)\b")


# "why the reset died", "why did the honeymoon die so fast": what dies is a thing the fact writes
# of in lower case (no name, no person), so it dies in a figure of speech, which the fact reports. An
# adverb before the verb is not what dies ("when did obama's reset actually die").
_ADVERB = r"(?:\s+(?:[\w'-]+ly|just|ever))?"
_DYING = re.compile(rf"\b([\w'-]+){_ADVERB}\s+died\b|\bdid\b(?:\s+[\w'-]+){{0,2}}?\s+([\w'-]+){_ADVERB}\s+die\b")
_SOMEONE = _ROLES | FRAMING_NOUNS | frozenset("he she they who i you we".split())


def _dies_in_a_figure(normalised: str, text: str) -> bool:
    dying = _DYING.search(normalised)
    if dying is None:
        return False
    thing = dying.group(1) or dying.group(2)
    return thing in ("it", "this", "that") or (
        thing not in _SOMEONE and re.search(rf"(?<![\w-]){re.escape(thing)}(?![\w-])", text) is not None)


def unreported_event(normalised: str, text: str) -> bool:
    """Whether a question asks about an event that took place (a signing, a birth or a death, a vote,
    a founding, someone coming to office) which a fact's text does not report."""
    # "What if they signed" asks of no event that took place; a successor is asked of either way.
    hypothetical = _HYPOTHETICAL.search(normalised) is not None and _WHEN_PLANNED.search(normalised) is None
    return any(
        (not hypothetical or asked is _SUCCESSION[0]) and asked.search(normalised)
        and not reported.search(text)
        and not (asked is _ASKED_BIRTH_OR_DEATH and _dies_in_a_figure(normalised, text)) for asked, reported in _EVENTS)


# "what did Zhao Huasheng write in his previous paper", "what has he published on the SCO", "which
# other papers has he written", "has he written other papers": content written, which a fact made of names (the
# byline) never gives.
_ASKED_WRITINGS = re.compile(r"^(?:what|which)\s+(?:[\w'-]+\s+){0,3}?(?:did|does|do|has|have|had)\s+"
                             r"(?:[\w'-]+\s+){1,3}?(?:write|written|publish|published|author|authored)\b"
                             # "has the author written other papers", "did he publish anything else"
                             r"|^(?:has|have|did|does|do)\s+(?:[\w'-]+\s+){1,3}?(?:write|written|publish|published"
                             r"|authored)\s+(?:any\s+|many\s+|much\s+)?(?:other|more|another|anything|else|books?"
                             r"|papers?|articles?)\b")


def asks_for_writings(normalised: str) -> bool:
    """Whether a question asks what someone wrote or published."""
    return _ASKED_WRITINGS.search(normalised) is not None


def speakers_text(text: str, lang: str = "en") -> list[str]:
    """Where a fact's text names who speaks: each sentence that reports speech, up to its last word
    of speech (what follows is what was said: "Hegseth stated that the focus would shift from
    Europe" is not Europe speaking; in Russian up to its first), without those spoken to or those
    named where the scene is set."""
    reported, addressee, scene = (_REPORTED_RU, _ADDRESSEE_RU, _SCENE_RU) if lang == "ru" else (
        _REPORTED, _ADDRESSEE, _SCENE)
    parts = []
    for sentence in _SENTENCE_END.split(text):
        said = list(reported.finditer(sentence))
        if said:
            # Russian puts the speaker before the first verb ("Запад назвал Россию ..., выступил против").
            end = said[0 if lang == "ru" else -1].start()
            parts.append(addressee.sub(" ", scene.sub(" ", sentence[:end])))
    return parts
