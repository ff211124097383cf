"""Questions about the article as a whole, and questions to the bot itself.

A reader asks for the whole text in many words: "what's the essay about", "what does the author
argue", "core claim?", "summarize", "вкратце?". Each is read as one plain phrasing ("what is the
article about", "what is the main argument of the article", "summary"), which the knowledge base
answers like any other question, so any base works. Only when the question asks nothing more:
"what does the author think about China" is about China. "what day was this put online" (or "when
did Valdai put it out", its publisher named) asks when it was published, "by whom?" who wrote it.
"help" or "how does this work" is asked of the bot, not of the article.
"""

from __future__ import annotations

import re

from .normalise import A_TEXT_NOUN, DETERMINERS, FRAMING_NOUNS, OPINION_WORDS, TEXT_NOUNS

ABOUT = re.compile(r"\b(about|о|об|обо|про)\b")  # "what about X", "tell me about X", "что о X"

# In a question of filler words only that asks what something is about, "this" or "it" can only be
# the article ("what is this about").
_THE_ARTICLE = {"this": "the article", "it": "the article", "that": "the article",
                "это": "статья", "она": "статья", "оно": "статья", "эта": "статья"}
_POINTING = re.compile(r"\b(" + "|".join(_THE_ARTICLE) + r")\b")
_ABOUT_THE_ARTICLE = {"en": "what is the article about", "ru": "о чем статья"}
_ARGUMENT_OF_THE_ARTICLE = {"en": "what is the main argument of the article", "ru": "в чем главная мысль статьи"}
_SUMMARY_OF_THE_ARTICLE = "summary"  # the base's summary, whichever fact holds it, in either language
_WRITER_OF_THE_ARTICLE = {"en": "who wrote the article", "ru": "кто написал статью"}
# "by whom?", "written by?", "кем?": who wrote it, asked in words that are all stop words to matching.
_BY_WHOM = re.compile(r"(?:(?:written|authored) )?by (?:whom|who)|who by|(?:written|authored) by"
                      r"|кем(?: (?:написан[аоы]?|написали))?")


def plain_phrasings(lang: str) -> tuple[str, ...]:
    """The questions every way of asking about the whole article comes down to: a base answers them
    among its curated questions (python -m bot check reports any it does not)."""
    return (_ABOUT_THE_ARTICLE[lang], _ARGUMENT_OF_THE_ARTICLE[lang], _SUMMARY_OF_THE_ARTICLE,
            _WRITER_OF_THE_ARTICLE[lang])


# Words that ask what a writer holds (not what they describe, predict or conclude: those have facts of their own).
_ARGUING = frozenset("""
think thinks thought thinking say says said saying argue argues argued arguing believe believes claim claims
claiming feel feels reckon reckons
opinion position stance perspective take thoughts view views
думает считает говорит полагает утверждает доказывает мнение позиция позицию взгляд взгляды
""".split())
# What the writer expects: asked of the writer alone ("what does the author predict"), it is the
# article's argument about what comes next; asked about something, a fact of its own answers it.
_PREDICTING = frozenset("""
predict predicts prediction predictions expect expects expectation expectations foresee foresees forecast
forecasts anticipate anticipates прогноз прогнозирует предсказывает предвидит ожидает
""".split())
# "core claim?", "bottom line of the piece", "the big picture", "основная идея": the point of the text, whatever it
# is called.
_POINT = frozenset("""
point claim argument thesis idea message crux gist takeaway upshot essence line tldr thrust picture
claims arguments theses ideas messages takeaways
мысль идея идею суть смысл тезис посыл мысли идеи тезисы тезисов идей мыслей
""".split())
_QUALIFIERS = frozenset("""
main key core central chief principal basic overall big bottom whole brief short quick simply simple plain plainly
главная главный главное главную основная основной основное основную ключевая ключевой ключевое
центральная центральный краткое краткий краткая главные основные ключевые центральные
sentence sentences paragraph paragraphs tweet words предложении предложениях абзаце абзац словах одном двух трех
compressed condensed shortened abridged distilled
""".split())  # ... and how short: "in a sentence", "in one paragraph", "в двух словах"
# "summarize", "key points", "recap?", "перескажи статью": the short version of the whole text.
_SUMMARY = frozenset("""
summary summarize summarise summarized summarised summarizing summarising recap overview points highlights
eli5 explain simplify version conclusion conclusions conclude concludes nutshell
резюме пересказ перескажи изложи содержание итоги итог вывод выводы объясни
""".split())
# "boil it down", "sum it up", "the short of it": asking for the summary in a phrase whose one content
# word means little alone.
_SUMMARY_PHRASE = re.compile(rf"\b(?:(?:boil|sum) (?:it |this |(?:the |this |that )?{A_TEXT_NOUN} )?(?:down|up)"
                             r"|(?:the )?short of it)\b")  # "sum the paper up"
_BRIEFLY_ALONE = frozenset("кратко вкратце коротко briefly".split())  # filler words to matching
# "о чём тут пишут", "what does it say about": what is written, asked of nothing else, is what the text is about.
_TOLD = frozenset("say says said written пишут пишет написано говорится сказано".split())
# Every word that asks only what a text (or a part of it) says, maybe briefly: its point, a summary of it, how short.
SAYING = _POINT | _SUMMARY | _QUALIFIERS | _BRIEFLY_ALONE | _TOLD | FRAMING_NOUNS | OPINION_WORDS

_TO_THE_BOT = re.compile(
    r"(?:please |pls )?(?:help(?: me)?|what can you do|what do you do|who are you|what are you"
    r"|how does (?:this|it) work|how (?:do i|to|can i) use (?:this|you|it|the bot)|how to use|what is this bot"
    r"|помощь|помоги|что ты умеешь|что ты можешь|кто ты|что ты такое|как (?:тобой |этим )?пользоваться"
    r"|как это работает)")


# "what day was this put online", "when did it come out", "в какой день вышел текст": when the text
# appeared, asked in words that say nothing else.
_PUBLISHING = frozenset("""
published publish publication released release came come online posted post put appeared appear went go live
printed issued ran run
вышла вышел вышло вышли опубликована опубликован опубликовано опубликовали опубликовал опубликовала
напечатана напечатан
""".split())
_TIME_ASKED = frozenset("""
when date dated day month year дата день число месяц месяце год году exact precise specific точная точный точное
""".split())  # ... "exact day", "точная дата"
_APPEARING = _PUBLISHING | _TIME_ASKED
_WHICH_RU = frozenset("каком какой какого".split())  # "в каком месяце": a word matching keeps in Russian
_ASKS_WHEN = re.compile(r"\b(?:when|date|day|month|year|когда|дата|день|числа|месяце|году)\b")
_WHEN_PUBLISHED = {"en": "when was the article published", "ru": "когда вышла статья"}
# "where did the paper come out", "в каком журнале вышла статья": where it appeared, its publisher's series.
_OUTLETS = frozenset("""
outlet outlets journal journals magazine periodical where
издание издании издания журнал журнале журнала сборник сборнике издательство издательстве где
""".split())
_WHERE_PUBLISHED = {"en": "where did this article appear", "ru": "где опубликована статья"}
# "valdai paper headline", "what's it called, the valdai thing": the text's title.
_TITLE = frozenset("title titled headline called name named заголовок заголовка название называется".split())
TITLE_OF_THE_ARTICLE = {"en": "what is the title of the article", "ru": "как называется статья"}


# "what time is it in Moscow", "какое сегодня число": the clock or the calendar, which no article tells.
_NOW = re.compile(r"(?:what time is it|what is the time|what day is (?:it|today)|what is today date"
                  r"|which day is today|который час|сколько (?:сейчас )?времени|какое сегодня число|какой сегодня день)"
                  r"(?: now| right now| today)?(?: (?:in|at|в|во) [\w-]+)?")


_GREETING = re.compile(r"^(?:hi|hello|hey|hiya|yo|привет|здравствуйте|добрый день)\s+")


def _without_greeting(normalised: str) -> str:
    return _GREETING.sub("", normalised, count=1)


def asks_the_time_now(normalised: str) -> bool:
    """Whether a question asks the time or date of today, not anything an article says."""
    return _NOW.fullmatch(_without_greeting(normalised)) is not None


def to_the_bot(normalised: str) -> bool:
    """Whether a question is asked of the bot ("help", "что ты умеешь"), not of the article, after
    any greeting ("hey, how does this work" is not about where the author works)."""
    return _TO_THE_BOT.fullmatch(_without_greeting(normalised)) is not None


# "who wrote this valdai paper", "кто автор этой записки": who wrote it, asked of the text by any name.
_WHOSE = frozenset("whose чей чья чьё чье чьи".split())  # "чьё это эссе": whose it is, who wrote it
_WHO = _WHOSE | frozenset("who кто зовут имя фамилия".split())  # "как зовут автора"
_WRITING = frozenset("""
wrote written write writes penned authored author authors написал написала написан написана автор автора автором перо
signed behind подписал подписала подписан подписана сочинил сочинила составил составила
""".split())  # ... or signed it, or is behind it
_SOMEONE = frozenset("person man woman guy individual человек".split())  # "the person behind this article"
# "who wrote it and where is he from", "и в каком вузе преподаёт": the byline says where its author works.
_WHENCE = frozenset("""
where откуда university teach teaches work works вуз вузе вуза университет университета университете преподает работает
""".split())
# The words of each way of asking who wrote the text, or who put it out, besides the text's own names.
_ASKING_THE_WRITER = _WHO | _WRITING | _WHENCE | _WHICH_RU | _SOMEONE | TEXT_NOUNS
_ASKING_WHOSE = _WHO | TEXT_NOUNS
_ASKING_THE_PUBLISHER = _PUBLISHING | _OUTLETS | _WHO
_WHERE_OR_WHO = _OUTLETS | _WHO
_NAMING = _TITLE | _PUBLISHING


# "the piece on US-Russia relations", "the paper about the new reset": the text, described by its subject.
_DESCRIBED = re.compile(rf"\b{A_TEXT_NOUN}\s+(?:on|about|о|об|обо|про)\b")
_DEMONSTRATIVES = frozenset("this that эта этот эту этой этого".split())


def _named_by(said: list[str], names: frozenset[str]) -> bool:
    """Whether words of `names` (its publisher's, its author's) stand as the text's name: right after "this"
    or right before "paper" ("this valdai thing", "zhao's paper", "the valdai piece")."""
    for start, word in enumerate(said):
        if word not in names or (start and said[start - 1] in names):
            continue
        end = start
        while end + 1 < len(said) and said[end + 1] in names:
            end += 1
        before, after = said[start - 1] if start else "", said[end + 1] if end + 1 < len(said) else ""
        if before in _DEMONSTRATIVES or after in TEXT_NOUNS:
            return True
    return False


def meant(normalised: str, words: set[str], lang: str, publisher: frozenset[str] = frozenset(),
          subject: frozenset[str] = frozenset()) -> str | None:
    """The plain phrasing of a question about the whole article, or None when it asks anything else.
    `words` are the words it is about (matching's content words, synonyms folded); `publisher`, the
    words of the publisher's and series' names (and the author's), which say no more than "the article"
    when asked who wrote it or when it appeared ("when did valdai put this out") or when they name it
    ("what is this valdai paper about", "zhao's essay in brief"); `subject`, the words of its title,
    which say no more than the article when its author's view of them is asked ("what does the author
    predict for US-Russia relations") or when they describe it ("who wrote the piece on the new reset")."""
    tokens = normalised.split()
    said = set(tokens)
    if _DESCRIBED.search(normalised):  # its title's words say no more than "the article"
        words = words - (subject - TEXT_NOUNS)
    if _named_by(tokens, publisher):  # "what is this valdai paper about": nothing about Valdai
        words = words - publisher
    if _BY_WHOM.fullmatch(normalised):
        return _WRITER_OF_THE_ARTICLE[lang]
    if not words:  # "what is this about", "кратко?": filler words only
        # ... but "why is that" points back into a conversation the bot cannot see.
        if _POINTING.search(normalised) and ABOUT.search(normalised):
            return _POINTING.sub(lambda m: _THE_ARTICLE[m.group(0)], normalised)
        if ABOUT.search(normalised) and not said.isdisjoint(_TOLD):
            return _ABOUT_THE_ARTICLE[lang]
        return _SUMMARY_OF_THE_ARTICLE if not said.isdisjoint(_BRIEFLY_ALONE) else None
    if (not (said.isdisjoint(_WHO) or said.isdisjoint(_WRITING))
            and words - publisher <= _ASKING_THE_WRITER):
        return _WRITER_OF_THE_ARTICLE[lang]
    if not said.isdisjoint(_WHOSE) and words - publisher <= _ASKING_WHOSE:  # "whose essay is it"
        return _WRITER_OF_THE_ARTICLE[lang]
    # When or where the text appeared: a word of appearing, the text by any name, and when or where.
    the_text = _WHICH_RU | TEXT_NOUNS | publisher
    if not words.isdisjoint(_PUBLISHING):
        if words - the_text <= _APPEARING and _ASKS_WHEN.search(normalised):
            return _WHEN_PUBLISHED[lang]
        # ... or who put it out, its publisher
        if words - the_text <= _ASKING_THE_PUBLISHER and not said.isdisjoint(_WHERE_OR_WHO):
            return _WHERE_PUBLISHED[lang]
    # ... and under what title ("under what title was this text released").
    if (not said.isdisjoint(_TITLE) and said.isdisjoint(_WHO) and words - the_text <= _NAMING
            and (not said.isdisjoint(TEXT_NOUNS) or _POINTING.search(normalised))):  # not "what's the club called"
        return TITLE_OF_THE_ARTICLE[lang]
    # "what is the essay about"; the text named alone ("the article?", "the paper in a nutshell").
    if words <= TEXT_NOUNS and (ABOUT.search(normalised) or said <= TEXT_NOUNS | DETERMINERS):
        return _ABOUT_THE_ARTICLE[lang]
    # ... maybe asked for short ("quick version of what this paper argues").
    if (words - subject <= FRAMING_NOUNS | OPINION_WORDS | _PREDICTING | _QUALIFIERS | _SUMMARY
            and not said.isdisjoint(FRAMING_NOUNS)
            and not said.isdisjoint(_ARGUING | _PREDICTING)):
        return _ARGUMENT_OF_THE_ARTICLE[lang]
    # The text's summary or its point, by any name, maybe qualified ("key points", "main idea of the
    # essay", "the writer's bottom line").
    if len(words - TEXT_NOUNS) == 1 and _SUMMARY_PHRASE.search(normalised):
        return _SUMMARY_OF_THE_ARTICLE
    for nouns, phrasing in ((_SUMMARY, _SUMMARY_OF_THE_ARTICLE), (_POINT, _ARGUMENT_OF_THE_ARTICLE[lang])):
        if words <= nouns | _QUALIFIERS | FRAMING_NOUNS and not said.isdisjoint(nouns):  # "explain" is no content word
            return phrasing
    return None
