"""The engine finds the article's answer however a question is phrased, or says it is not there."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.eval import DEFAULT_QUESTIONS, evaluate, load_items, summarise
from bot.matching import Gap, Kind
from bot.matching.normalise import MAX_QUESTION_CHARS, normalise


def _dev_set() -> Path:
    if not DEFAULT_QUESTIONS.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the dev set {DEFAULT_QUESTIONS} is missing (set DEV_SET to its path)")
        pytest.skip(f"the dev set {DEFAULT_QUESTIONS} is missing (set DEV_SET to its path)")
    return DEFAULT_QUESTIONS


def test_dev_set_accuracy_stays_at_or_above_target(engine):
    s = summarise(evaluate(engine, load_items(_dev_set())))
    # Pinned at what semantic + lexical matching measures on the 85 English questions (83/85 and
    # 17/17 near-scope since round 10, whose fit also learns from a second article; 82/85 in rounds
    # 5-9; 81/85 in round 4; 78/85 in round 3; 76/89 lexical-only in round 1, with the 4 Russian
    # refusals counted).
    right, total = s.overall
    assert right / total >= 0.97, s
    for category in ("offtopic", "sidebar", "chat", "keywords", "typo"):
        ok, n = s.per_category[category]
        assert ok == n, (category, s.per_category[category])
    for category, floor in (("nearscope", 1.0), ("paraphrase", 0.85), ("short", 0.90)):
        ok, n = s.per_category[category]
        assert ok / n >= floor, (category, s.per_category[category])


def test_dev_set_russian_questions(engine):
    items = [i for i in load_items(_dev_set(), include_ru=True) if str(i.get("category")).startswith("ru")]
    s = summarise(evaluate(engine, items))
    # Measured 13/13 answered right (0/13 before the Russian base, 12/13 before Russian word forms
    # were matched by their shared start; the least confident right answer is at 0.67, threshold 0.41)
    # and 4/4 refused.
    assert s.per_category["ru"] == (13, 13) and s.per_category["ru_abstain"] == (4, 4), s


def test_held_out_sets_do_not_regress(engine):
    # Questions written apart from the knowledge base (bench/heldout*.yaml; each header says
    # how it was used). Together they guard against tuning that only helps the dev set. These are
    # the validation sets calibration chooses the threshold on, heldout.yaml to heldout25.yaml
    # (English items: 1,359/1,486 right and 425/447 refusals in round 18; 1,383/1,486 and 432/447 in
    # round 22, with the list of questions not answered); the later ones only measure.
    from bench.calibrate import VALIDATION

    s = summarise([o for path in VALIDATION for o in evaluate(engine, load_items(path))])
    assert s.overall[1] >= 1400 and s.overall[0] / s.overall[1] >= 0.92, s
    assert s.abstention[0] / s.abstention[1] >= 0.955, s


@pytest.mark.parametrize(("question", "fact"), [
    ("when dose new strat treaty expier", "new-start-expiry"),
    ("hegsith asia pasific", "hegseth-asia-pacific"),
    ("bukharest summit merkle", "bucharest-2008"),
    ("colour revolutoins", "color-revolutions"),
])
def test_single_word_typos_are_tolerated(engine, question, fact):
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact


def test_a_longer_word_ending_in_a_known_one_is_no_typo_of_it(engine):
    # "byline" was read as "line" (ratio 80) and "byline pls" got the summary's "bottom line"; a
    # prefix that keeps the sense still reads as the word ("refocusing" is "focusing").
    terms = {t.word: t.meant for t in engine.matcher.lexical.terms("byline pls")}
    assert terms.get("byline", "") == ""
    # ... and the byline is the author's (a keyword of that fact since round 14; it was refused).
    decision = engine.decide("byline pls")
    assert decision.answered and decision.best.fact.id == "author"
    assert not engine.matcher.lexical.correct("skyline", "skylin")


def test_two_swapped_letters_are_read_as_the_word_meant(engine):
    # Fuzzy ratios count a swap as two edits: "fial" came out as "final", "abuot" as an unknown word.
    terms = {t.word: t.meant for t in engine.matcher.lexical.terms("why did teh reset fial, waht was it abuot")}
    assert terms == {"reset": "", "fial": "fail"}  # "teh", "waht", "abuot" are filler once read right
    decision = engine.decide("why did the reset fial")
    assert decision.answered and decision.best.fact.id == "reset-failed"


@pytest.mark.parametrize(("question", "fact"), [
    ("wat is dual containment", "dual-containment"), ("wht r the prospects abt new start treaty", "new-start-expiry"),
    ("what uni does the writer work for", "affiliation"),  # chat shorthand for a word the base writes in full
    ("biden era strategy docs on russia", "threat-documents"),
    ("trump the kremlin's bff?", "trump-2017-hopes"),  # friends in chat: refused at 0.06
])
def test_chat_spellings_and_shorthand_are_not_taken_for_unknown_words(engine, question, fact):
    # "wat" counted as a rare word the article never uses, which sank the answer (0.13).
    assert not [t.word for t in engine.matcher.lexical.terms(question) if t.certainty == 0]
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.best and decision.best.fact.id)


@pytest.mark.parametrize("question", ["who were the presidents in the early 90s", "who led them in the '90s"])
def test_a_decade_written_short_is_the_decade_the_article_names(engine, question):
    # The article writes "the early 1990s": "90s" was an unknown word, decisive enough to refuse.
    assert not [t.word for t in engine.matcher.lexical.terms(question) if t.certainty == 0]
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == "honeymoon-1990s", (decision.best and decision.best.fact.id)


@pytest.mark.parametrize(("question", "fact"), [("strategic partners since '93?", "honeymoon-1990s"),
                                              ("the '03 iraq war and moscow", "iraq-war-2003"),
                                              # its leading zero says "08" is a year: refused at 0.05
                                              ("who stopped georgia from joining back in 08", "bucharest-2008"),
                                              # ... as after a season, and a nineties year ending a clause
                                              ("what did bush announce on the moscow trip of spring 02",
                                               "bush-visit-2002"),
                                              ("what did the two presidents declare themselves in 93",
                                               "honeymoon-1990s")])
def test_a_year_written_with_two_digits_is_the_year_the_article_names(engine, question, fact):
    # "'93" was an unknown number the article never uses, which sank the answer.
    assert not [t.word for t in engine.matcher.lexical.terms(question) if t.certainty == 0 and t.word.isdigit()]
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.best and decision.best.fact.id)


def test_the_year_readers_give_the_reset_is_not_taken_for_another_time(engine):
    # The article dates the reset by the 2008 transitions; readers call it "the 2009 reset" (its
    # launch), which the curator lists among the reset facts' keywords. Without it: refused at 0.32.
    decision = engine.decide("how did the 2009 reset end up")
    assert decision.answered and decision.best.fact.id == "reset-failed", decision.best


def test_a_date_of_someone_elses_visit_does_not_say_when_the_one_asked_about_came(engine):
    # Bush's visit in May 2002 was the answer (0.63): the date is of his visit, not Biden's.
    decision = engine.decide("When did Biden travel to Russia?")
    assert not decision.answered and decision.gap is Gap.WHEN, decision.best
    decision = engine.decide("when did bush go to russia")
    assert decision.answered and decision.best.fact.id == "bush-visit-2002", decision.best


def test_a_span_from_a_year_the_article_names_is_asked_about_by_that_year(engine):
    # "between 2017 and 2020": Trump's first term, which the article dates by 2017; 2020 was a year it
    # never names, and sank the answer (0.36, refused). A span whose years the article both names keeps both.
    decision = engine.decide("what did trump do about russia between 2017 and 2020")
    assert decision.answered and "trump-first-term" in (decision.best.fact.id, decision.also and decision.also.id)
    assert not engine.decide("What happened between Russia and America in 2019-2020?").answered
    decision = engine.decide("who did washington call a threat back in 2017 and 2018")  # the strategy papers
    assert decision.answered and decision.best.fact.id == "threat-documents", decision.best


def test_a_count_is_not_taken_for_a_year():
    assert normalise("talks within 90 days") == "talks within 90 days"
    assert normalise("summits in 93 countries") == "summits in 93 countries"


def test_typos_of_the_knowledge_base_names_are_corrected(engine):
    import random

    from bot.matching.normalise import content_words, stem

    matcher, rng = engine.matcher.lexical, random.Random(3)
    names = sorted({w for f in engine.knowledge.facts for k in f.keywords
                    for w, _ in content_words(normalise(k), matcher.synonyms) if len(w) >= 6 and w.isalpha()})

    def typo(word: str) -> str:  # one transposition, deletion or substitution inside the word
        i, kind = rng.randrange(1, len(word) - 1), rng.choice("tds")
        if kind == "t":
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return word[:i] + word[i + 1:] if kind == "d" else word[:i] + rng.choice("aeiourstln") + word[i + 1:]

    right = total = 0
    for name in names:
        misspelt = typo(name)
        if matcher.is_known(stem(misspelt)):  # the typo is itself a word of the base
            continue
        total += 1
        fixed = matcher.correct(misspelt, stem(misspelt))
        right += bool(fixed and fixed[0] == stem(name))
    assert total > 300 and right / total >= 0.95, (right, total)


@pytest.mark.parametrize("prefix", ["/ask ", "/ask@ArticleBot ", "@ArticleBot ", "hey @ArticleBot, "])
def test_commands_and_mentions_do_not_change_the_answer(engine, prefix):
    plain = engine.decide("who wrote the paper")
    addressed = engine.decide(prefix + "who wrote the paper")
    assert addressed.best.fact == plain.best.fact and addressed.answered and plain.answered


@pytest.mark.parametrize("question", [
    "how do I reset my router", "how do I reset my password", "what's the weather in Paris",
    "recipe for chicken kiev", "What sanctions were imposed after the Skripal poisoning?",
    "Why did the Black Sea grain deal collapse?", "write me a poem",
    # The clock and the calendar: "what time is it" got the prospects "this time" (0.69).
    "what time is it", "what's the time in washington right now", "который час",
])
def test_off_topic_questions_that_share_words_with_the_article_abstain(engine, question):
    decision = engine.decide(question)
    assert decision.kind is Kind.ABSTAIN
    assert 2 <= len(decision.alternatives) <= 3  # closest topics to offer


def test_abstention_reply_says_not_covered_and_offers_topics(engine):
    reply = engine.reply("how do I reset my router")
    assert not reply.answered and reply.fact is None
    assert "won't guess" in reply.plain() and len(reply.suggestions) >= 2
    assert "Closest topics it does cover" in reply.plain()


def test_a_refusal_just_short_of_the_threshold_asks_whether_the_closest_fact_was_meant(engine):
    # The conclusion's shift to the Chinese threat is the closest (0.21, below the 0.30 threshold):
    # the reply does not claim the article is silent, it offers that fact first.
    reply = engine.reply("why does washington see china as the enduring problem")
    assert not reply.answered and reply.suggestions[0] == "dual-containment"
    assert "not sure the article answers that as asked" in reply.plain() and "Did you mean" in reply.plain()
    assert "does not seem to cover" in engine.reply("how do I reset my router").plain()


def test_empty_and_filler_only_questions_are_not_answered(engine):
    for question in ("", "   ", "???", "🙂🙂", "what is it?", "why is that", "\u200b\u200f", "thanks!", "спасибо"):
        decision = engine.decide(question)
        assert decision.kind is Kind.EMPTY, (question, decision.kind)


@pytest.mark.parametrize("question", ["so what is it about", "о чём это вообще", "what's this article about"])
def test_asking_what_this_is_about_gets_the_article_overview(engine, question):
    # Only filler words, but in a chat about one article "this" or "it" is the article; and a
    # question nearly the same as a curated one ("what is the article about?") is that fact's.
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == "thesis", (decision.kind, decision.best)


def test_answers_attribute_the_claim_and_quote_the_article(engine):
    reply = engine.reply("why did the obama reset fail")
    text = reply.plain()
    assert reply.answered and reply.fact.id == "reset-failed"
    assert text.startswith(("The author", "According to the paper"))
    assert "“" + reply.fact.quote + "”" in text and "Section:" in text


@pytest.mark.parametrize("question", ["nato?", "and arms control?", "what about values"])
def test_a_bare_topic_gets_the_topic_overview_with_its_other_facts_as_buttons(engine, question):
    reply = engine.reply(question)
    section = engine.knowledge.section(reply.fact.section) if reply.fact else None
    assert reply.answered and section and section.overview == reply.fact.id
    offered = {b.data.split(":")[1] for row in reply.buttons for b in row}
    assert len(offered & {f.id for f in engine.knowledge.facts_in(section.id)}) >= 2


@pytest.mark.parametrize("question", ["tl;dr", "TL;DR?", "tl:dr pls", "gist?", "the gist of this essay",
                                      "too long, didn't read"])
def test_asking_for_the_gist_gets_the_articles_thesis(engine, question):
    # "tl;dr" used to split into the letters "tl" and "dr"; "gist", a keyword the curator gave the
    # thesis alone, was too short a question for the model to trust; "of this essay" only says where
    # (it was a word the question was about, and "the gist of this essay" was refused at 0.29).
    reply = engine.reply(question)
    assert reply.answered and reply.fact.id == "thesis", reply.plain()


@pytest.mark.parametrize(("question", "lang"), [
    ("what's the essay about?", "en"), ("so what is this text about, in a nutshell?", "en"),
    ("what's the piece about, briefly", "en"), ("о чём этот текст, в двух словах?", "ru"),
    ("о чём эта записка?", "ru"),  # a policy paper ("аналитическая записка") is the text too
    ("о чём эссе?", "ru"),  # an essay, as in English: it was refused on a word the base never uses
    # The text named alone, or with how briefly to answer: "the article in a nutshell" got the title.
    ("the article in a nutshell", "en"), ("this essay?", "en"), ("эта статья", "ru"),
    # What is written, asked of nothing else: "о чём тут пишут" was refused on "тут" and "пишут".
    ("о чём тут пишут?", "ru"), ("про что говорится?", "ru"), ("what is said about, in short?", "en"),
    # ... asked to be told plainly: refused on "plain words" (0.08), "layman", "простыми".
    ("what is the essay about in layman's terms", "en"), ("о чём статья простыми словами", "ru"),
])
def test_what_the_text_is_about_by_any_name_gets_what_the_article_is_about(engine, question, lang):
    # Any name of the text (essay, piece, текст) asked about is the article; how briefly to answer
    # ("in a nutshell", "в двух словах") is not a topic. These were refused or got the title.
    expected = engine.reply("what is the article about").fact
    reply = engine.reply(question)
    assert reply.answered and reply.fact == expected and reply.lang == lang, reply.plain()


@pytest.mark.parametrize(("question", "lang"), [
    ("so what does the writer argue?", "en"), ("what's the author's stance", "en"),
    ("what does the author believe", "en"), ("what's the writer arguing here", "en"),
    ("какова позиция автора?", "ru"), ("что доказывает автор", "ru"),
    # ... or its point, by any name: "core claim?" and "the crux?" were refused.
    ("the crux?", "en"), ("core claim of the essay", "en"), ("основная идея?", "ru"),
    # ... the writer's point too: "the writer's bottom line" got who the author is, below the threshold.
    ("the writer's bottom line?", "en"), ("ключевая мысль автора", "ru"),
    ("the central claim in a sentence", "en"), ("the point, distilled", "en"), ("the claim, condensed", "en"),
    # ... after a reader introduces themselves ("nurse here"), and its thrust (refused at 0.16, 0.17)
    ("nurse here, what's the big idea of the essay", "en"), ("the thrust of the paper?", "en"),
    # What the writer expects, asked of the writer alone: "what does the author predict" got what
    # "many predicted" of Trump in 2017.
    ("what does the author predict?", "en"), ("what's the author's forecast", "en"), ("что прогнозирует автор?", "ru"),
    # ... of the article's subject, the words of its title: "for US-Russia relations" kept it on 2017.
    ("what does the author predict for us-russia relations", "en"),
    ("what does the author think about the new reset", "en"),
    # ... asked for short (refused at 0.19); the big picture (refused at 0.13, the title on top).
    ("give me a quick version of what the essay argues", "en"), ("the essay's big picture?", "en"),
    # ... in the plural: "какие главные тезисы" was refused (0.97, "which theses"), "основные идеи статьи" led with
    # the byline (0.36).
    ("какие главные тезисы", "ru"), ("основные идеи статьи", "ru"), ("the main messages of the paper", "en"),
    # What it is trying to say, or getting at: these got the title (0.54) or the byline, or were refused.
    ("what's the essay trying to tell readers", "en"), ("what is the writer driving at", "en"),
    ("what does the piece want to say", "en"), ("что хочет донести автор", "ru"),
    # ... asked within "tell me": refused (0.16).
    ("could you tell me what zhao argues", "en"),
])
def test_asking_what_the_author_holds_or_the_point_gets_the_main_argument(engine, question, lang):
    # Nothing asked but the writer's view: these were refused, or got who the author is.
    expected = engine.reply("what is the main argument of the article").fact
    reply = engine.reply(question)
    assert reply.answered and reply.fact == expected and reply.lang == lang, reply.plain()
    assert engine.reply("who is the author").fact != expected


def test_what_someone_in_the_article_is_trying_to_tell_is_no_question_about_the_whole_text(engine):
    # Trying to tell someone, said of anyone but the text or its writer, stays about them.
    reply = engine.reply("what is trump trying to tell europe")
    assert reply.fact != engine.reply("what is the main argument of the article").fact, reply.plain()


@pytest.mark.parametrize(("question", "plain"), [
    # The writer called by what they do: the byline (0.88), refusals (0.21, 0.02).
    ("what does this scholar argue", "what is the main argument of the article"),
    ("where does the analyst teach", "where does the author work"),
    ("which university is the columnist from", "where does the author work"),
])
def test_the_writer_called_an_analyst_or_a_scholar_is_the_author(engine, question, plain):
    assert_read_as(engine, question, plain, "en")
    # ... but a panel of experts is no writer.
    assert not engine.decide("what does the expert panel say").answered


@pytest.mark.parametrize("question", ["what does the author think about china",
                                      # ... asked within "tell us": refused (0.08) on "us", read as the US
                                      "can you tell us what the author thinks about china"])
def test_the_authors_view_of_something_beside_the_articles_subject_is_that_topic(engine, question):
    # China is not in the title: its own fact answers, not the main argument.
    reply = engine.reply(question)
    assert reply.answered and reply.fact != engine.reply("what is the main argument of the article").fact
    assert "China" in reply.plain()


@pytest.mark.parametrize(("question", "lang"), [
    ("summarize pls", "en"), ("key points?", "en"), ("quick recap", "en"),
    ("вкратце?", "ru"), ("перескажи статью", "ru"),
    # "explain" is no content word to matching: "explain the piece to me" got the title, "eli5" nothing.
    ("can you explain the piece to me simply", "en"), ("eli5 pls", "en"), ("объясни эту статью", "ru"),
    ("gimme the short version", "en"),
    # Brevity asked for alone was stripped to nothing ("in a nutshell?", "в двух словах?": no reply);
    # "in two lines" was two words the article never uses; "sum it up", "boil it down", "the short of
    # it", "too long didn't read" and "conclusion" were matched on their words (the 1990s, or refused).
    ("in a nutshell?", "en"), ("в двух словах?", "ru"), ("summarise the piece in two lines", "en"),
    ("boil it down for me", "en"), ("what's the short of it", "en"), ("so what's the conclusion", "en"),
    ("какой главный вывод", "ru"),
    # ... with the text named in the phrase: "sum the article up" was refused (0.28).
    ("could you sum the article up", "en"), ("boil this essay down", "en"),
    # ... and how short, in so many sentences or paragraphs: refused (0.2-0.3).
    ("summarize in one paragraph", "en"), ("перескажи в одном абзаце", "ru"),
])
def test_asking_for_a_summary_by_any_name_gets_the_summary(engine, question, lang):
    # "summarize" was refused and "what are the key points" got the NATO fact; "кратко" was empty.
    assert_read_as(engine, question, "summary", lang)


@pytest.mark.parametrize(("question", "plain"), [
    ("who wrote this, a nurse asking", "who wrote this"),
    ("bus driver from omsk here, who wrote it", "who wrote it"),
    ("welder here, no economics background, who wrote this", "who wrote this"),
    ("short version: will the new thaw last?", "will the new thaw last"),
])
def test_a_reader_saying_who_they_are_or_how_briefly_is_asking_the_question_alone(engine, question, plain):
    # Who asks, after the question or in a longer introduction, and "short version:" are no topic:
    # "nurse" and "asking" were words the article never uses (refused, or "who" read as asking after the nurse).
    assert_read_as(engine, question, plain, "en")


def test_asking_whether_there_was_ever_a_time_asks_when(engine):
    # "a time" met "at the same time as" of another fact: "was there ever a time russia and america were on good
    # terms" got Trump's first term (0.30).
    assert_read_as(engine, "was there ever a time russia and america were on good terms",
                   "when were russia and america on good terms", "en")
    assert normalise("is there a time limit on new start") == "is there a time limit on new start"


def test_asking_of_what_someone_asks_keeps_the_word(engine):
    # Only a reader introduced after a comma or a dash is dropped: "what is russia asking" keeps its verb.
    assert normalise("what is russia asking for") == "what is russia asking for"
    assert normalise("who is the author - asking for a friend") == "who is the author"
    # ... or before the question, set off by a colon: "locksmith asking: ..." was refused (0.08).
    assert normalise("locksmith asking: who wrote it") == "who wrote it"
    assert_read_as(engine, "locksmith asking: briefly, what does the paper conclude", "summary", "en")


def assert_read_as(engine, question: str, plain: str, lang: str) -> None:
    """The question gets the fact its plain phrasing gets, and is answered in the reader's language."""
    expected = engine.decide(plain)
    decision = engine.decide(question)
    assert expected.answered and decision.answered and decision.best.fact == expected.best.fact
    assert decision.lang == lang


@pytest.mark.parametrize(("question", "lang"), [
    # Words of appearing were matched as words the article never uses: refused at 0.02-0.3.
    ("which day did this go online", "en"), ("the day this appeared online", "en"),
    ("when did this get released, which day", "en"), ("when was it put out, what day", "en"),
    ("какого числа вышел этот текст", "ru"),
    # ... and with the publisher named, which says no more than "the article" (0.28 and 0.41).
    ("on what day did the valdai club post this", "en"), ("when was the valdai paper put out online", "en"),
    # ... or by the year or month asked for (refused at 0.27; or answered with the publisher's series).
    ("in which year did the valdai paper come out", "en"), ("what month did the valdai paper appear", "en"),
    ("в каком месяце вышла валдайская записка", "ru"),
    # ... exactly: "exact day" was read as a word the article never uses (refused at 0.10).
    ("the exact day the valdai club posted it", "en"), ("точный день, когда вышла валдайская статья", "ru"),
])
def test_asking_when_the_text_appeared_gets_its_date(engine, question, lang):
    assert_read_as(engine, question, "when was the article published", lang)


@pytest.mark.parametrize(("question", "lang"), [
    # Where it appeared got the date (0.62-0.80): a place or an outlet asked with words of appearing.
    ("where did the paper come out", "en"), ("где вышла статья", "ru"), ("в каком журнале вышла статья", "ru"),
    # ... or who put it out: "who published this" got the date.
    ("who published this", "en"), ("who released the essay", "en"),
])
def test_asking_where_the_text_appeared_gets_its_publisher(engine, question, lang):
    assert_read_as(engine, question, "where did this article appear", lang)


def test_what_else_a_question_asks_of_the_publisher_is_not_the_date(engine):
    # The publisher named with words of appearing and something more: the club's founding is no date of the text.
    decision, date = engine.decide("when was the valdai club founded"), engine.decide("when was the article published")
    assert not (decision.answered and decision.best.fact == date.best.fact)


@pytest.mark.parametrize(("question", "lang"), [("by whom?", "en"), ("written by?", "en"), ("кем?", "ru")])
def test_asking_by_whom_alone_gets_who_wrote_the_article(engine, question, lang):
    # Stop words only to matching: "by whom" got nothing to match, "written by?" a did-you-mean.
    assert_read_as(engine, question, "who wrote the article", lang)
    assert engine.decide(question).kind is Kind.ANSWER


@pytest.mark.parametrize(("question", "lang"), [("кто автор этой валдайской записки", "ru"),
                                              ("who wrote this valdai essay", "en"),
                                              # ... by whose pen, or also asking where the writer is from
                                              ("чьё перо у этого валдайского доклада", "ru"),
                                              ("who is the author of the valdai essay and where is he from", "en"),
                                              # ... asked his name: the publisher (0.77) before
                                              ("как зовут автора этого валдайского доклада", "ru"),
                                              ("фамилия автора этой работы", "ru"),
                                              # ... who signed it, or is behind it: refused (0.69, 0.94)
                                              ("who signed this essay", "en"),
                                              ("who is the person behind this essay", "en"),
                                              # ... whose it is (refused at 0.13-0.24), or who composed it and
                                              # where he teaches
                                              ("чей это доклад", "ru"), ("чья публикация", "ru"),
                                              ("чей это валдайский доклад", "ru"),
                                              ("кто сочинил этот доклад и в каком университете преподаёт", "ru"),
                                              ("кто составил эту записку и где работает", "ru")])
def test_asking_who_wrote_the_text_named_by_its_publisher_gets_the_byline(engine, question, lang):
    # "валдайской" met the publisher fact (0.92), which names the club, not the writer.
    assert_read_as(engine, question, "who wrote the article", lang)


@pytest.mark.parametrize(("question", "plain", "lang"), [
    # The text described by its subject: the long-term relations fact (0.53), the Obama reset (0.23).
    ("who is the author of the piece on us russia relations", "who wrote the article", "en"),
    ("кто написал статью о новой перезагрузке", "кто написал статью", "ru"),
    ("when was the valdai paper on the reset published", "when was the article published", "en"),
    ("о чем статья про перезагрузку отношений россии и сша", "о чем статья", "ru"),
    # ... named by its publisher: the publisher fact, which names the series, not the title.
    ("the valdai essay's headline", "what is the title of the article", "en"),
    ("what's this valdai piece called", "what is the title of the article", "en"),
    # ... or by its author: the byline (0.37, 0.62) and a refusal (0.29) before.
    ("what's the title of zhao's paper", "what is the title of the article", "en"),
    # ... or asked what it is about: the publisher's series (0.98), the byline (0.83, 0.52) before.
    ("what is this valdai paper about", "what is the article about", "en"),
    ("what is zhao's paper about", "what is the article about", "en"),
    ("gist of zhao huasheng's piece", "what is the main argument of the article", "en"),
    ("main point of this valdai text", "what is the main argument of the article", "en"),
    # ... the publisher's name in a Russian reader's word forms: the publisher (0.99) before.
    ("о чём этот валдайский доклад", "о чем статья", "ru"),
    # ... asked "о чём речь" (what it is about), whose "речь" (speech) is no topic: the publisher (0.85).
    ("валдайская записка про перезагрузку — о чём речь", "о чем статья", "ru"),
    # ... and the title it came out under: "under what name was the piece put out" was refused.
    ("under what name was the piece put out", "what is the title of the article", "en"),
    ("как называется статья чжао хуашэна", "как называется статья", "ru"),
    ("when did zhao huasheng publish this", "when was the article published", "en"),
    # ... or by another word for a text: refused (0.2, 0.06), the affiliation ("работа" is also a job).
    ("what is the report about", "what is the article about", "en"),
    ("what's the commentary about", "what is the article about", "en"),
    ("о чем эта работа", "о чем статья", "ru"),
])
def test_the_text_described_by_its_subject_or_named_by_its_publisher_or_author_is_the_text(
        engine, question, plain, lang):
    assert_read_as(engine, question, plain, lang)


@pytest.mark.parametrize(("question", "not_fact"), [
    ("who wrote the piece on nato", "author"),  # NATO is no word of the title
    ("what's the valdai club called", "title"),  # the club's own name is not the text's
    ("is this a valdai paper", "thesis"),  # the publisher asked about, not naming the text
    ("what is this valdai club", "thesis"),
    ("when did zhao huasheng join fudan", "date"),  # asked of the author, not of the text
    ("who signed the new start treaty", "author"),  # a treaty signed, not the text
    ("who published the national security strategy", "publisher"),
])
def test_something_else_asked_of_the_subject_publisher_or_author_is_still_asked(engine, question, not_fact):
    decision = engine.decide(question)
    assert not (decision.answered and decision.best.fact.id == not_fact)


def test_by_whom_something_was_done_is_not_the_byline(engine):
    decision = engine.decide("by whom was new start signed")
    assert not (decision.answered and decision.best.fact.id == "author")


def test_when_something_else_appeared_is_not_the_date_of_the_text(engine):
    decision = engine.decide("when did the new start treaty come out")
    assert not (decision.answered and decision.best.fact.id == "date")


@pytest.mark.parametrize("question", ["help", "how does this work?", "who are you", "что ты умеешь?",
                                      # after a greeting: "hey, how does this work" got where the author works
                                      "hey, how does this work?", "hi! what is this bot?", "привет, что ты умеешь"])
def test_a_question_to_the_bot_gets_the_prompt_with_examples(engine, question):
    # "how does this work" got where the author works; "help" was "not covered".
    reply = engine.reply(question)
    assert not reply.answered and reply.buttons
    assert ("Send me a question" in reply.plain()) or ("Задайте вопрос" in reply.plain())


@pytest.mark.parametrize(("question", "topic", "lang"), [
    ("and what about ukraine?", "ukraine", "en"), ("trump??", "trump", "en"), ("украина?", "ukraine", "ru"),
    # "а что с ...", "что по ...": "what about ..." in Russian (these were answered with one fact, or refused).
    ("а что с Украиной?", "ukraine", "ru"), ("что по Трампу?", "trump", "ru"),
])
def test_a_topic_named_alone_gets_its_overview_and_its_other_facts_as_buttons(engine, question, topic, lang):
    # Ukraine and Trump run through several sections: no one fact is closest, so these were refused.
    facts = next(t for t in engine.knowledge.topics if t.id == topic).facts
    reply = engine.reply(question)
    assert reply.answered and reply.fact.id == facts[0] and reply.lang == lang, reply.plain()
    offered = {b.data.split(":")[1] for row in reply.buttons for b in row}
    assert len(offered & set(facts[1:])) >= 3, offered


@pytest.mark.parametrize(("question", "topic"), [
    ("iraq war impact", "iraq war"), ("yeltsin era?", "yeltsin"), ("hegseth's role", "hegseth"),
    ("kosovo aftermath", "kosovo"), ("9/11 repercussions", "9/11"),  # were refused at 0.12 and 0.03
])
def test_a_bare_topic_with_the_side_of_it_wanted_gets_what_the_topic_gets(engine, question, topic):
    # "impact", "era", "role" name which side of a topic is wanted; asked with no question around
    # them they counted as words the fact never uses, and "kosovo war impact" was refused at 0.19.
    expected = engine.decide(topic)
    decision = engine.decide(question)
    assert expected.answered and decision.answered and decision.best.fact == expected.best.fact


@pytest.mark.parametrize(("question", "fact"), [
    # Longer topics, counted by the words that carry meaning (refused at 0.25 and 0.29).
    ("the iraq invasion in 2003 and its fallout for moscow", "iraq-war-2003"),
    ("bush and merkel at bucharest, the outcome for kyiv", "bucharest-2008"),
])
def test_a_longer_bare_topic_with_the_side_of_it_wanted_is_answered(engine, question, fact):
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.best, decision.confidence)


@pytest.mark.parametrize(("question", "fact"), [
    ("did the us u-turn on russia come out of the blue", "sudden-u-turn"),  # got the US-EU rift
    ("are the new start talks dead in the water", "talks-stalled"),  # refused at 0.23
    ("was kyiv thrown under the bus by washington", "ukraine-abandoned"),  # refused at 0.09
    ("did america pull a u-turn on russia", "sudden-u-turn"),  # got the US-EU rift
    # refused at 0.03 (with Bush and Putin named it is now refused at 0.16: the questions the article
    # does not answer hold "where did Bush and Putin meet in 2001", as close in meaning as any of the fact's)
    ("did moscow and washington bury the hatchet after 9/11", "post-9-11"),
    ("did washington give any heads up before the shift", "sudden-u-turn"),  # refused at 0.17
    ("did the kremlin see the american shift coming", "sudden-u-turn"),  # refused at 0.15
    ("what new hopes appeared at the dawn of the millennium", "bush-putin-2000"),  # refused at 0.17: "in 2000"
    ("has it all been boom and bust between washington and moscow", "ups-and-downs"),  # refused at 0.04
    ("why are new start talks on ice", "talks-stalled"),  # refused at 0.22
    ("is the us mending fences with russia", "sudden-u-turn"),  # refused at 0.24
    ("did washington hang kyiv out to dry", "ukraine-abandoned"),  # refused at 0.06
    ("is moscow the big bad for trump now", "trump-downplays-threat"),  # got the downward spiral
    ("is russia still america's public enemy number one", "trump-downplays-threat"),  # got the documents first
    # an institution's birthday meeting is its anniversary one: refused at 0.68 (no such event)
    ("what did the alliance's 75th birthday summit say about kyiv", "irreversible-path"),
    # who employs someone is where they work; the author of the paper is its author (both got the byline, 0.39-0.49)
    ("who employs the author", "affiliation"), ("which university employs the writer of this essay", "affiliation"),
    # got the threat documents (0.76)
    ("is russia still washington's enemy number one", "trump-downplays-threat"),
    ("is russia still public enemy one for the white house", "trump-downplays-threat"),  # ... without "number"
    ("the boris and bill love-in", "honeymoon-1990s"),  # refused at 0.24
    # lowering the temperature is easing tensions: refused (0.20), the diminished threat (0.42), the talks (0.41)
    ("did washington's outreach cool tempers with the kremlin", "nato-issue-eased"),
    ("has the white house lowered the temperature with russia", "nato-issue-eased"),
    ("can a disarmament deal cool the rivalry", "new-treaty-impact"),
    # the mood between them is their relations, good vibes their warmth: refused (0.08-0.21)
    ("what spoiled the good vibes after 2001", "post-9-11"), ("the mood under yeltsin and clinton", "honeymoon-1990s"),
    ("what ruined the mood after the iraq invasion", "iraq-war-2003"),
    ("what is the whole thing about", "thesis"),  # the whole thing is the text: nothing to match before
    # an alliance's growth is its expansion, a foe an adversary, quarrels disputes, the two capitals the two
    # countries: refused (0.08-0.22)
    ("does moscow see alliance growth as a threat", "nato-obstacle"),
    ("was russia listed as a foe in the 2017 strategy", "threat-documents"),
    ("kosovo and iran quarrels", "cold-peace"), ("were the two capitals close after 2001", "post-9-11"),
    # the battlefield is military conflict: refused (0.26); punitive measures are sanctions: the fact at 0.38
    ("trading the battlefield for business in ukraine", "national-interests"),
    ("which punitive measures hit russia in trump's first term", "trump-first-term"),
    ("moscow less of a worry once the war ends?", "china-vs-russia-threat"),  # a bigger worry is a threat: 0.19
    # losing momentum, fizzling (without "out"): failing (refused at 0.02-0.18, or the U-turn)
    ("did the 2009 thaw lose steam", "reset-failed"),
    ("the medvedev thaw, why did it lose its momentum", "reset-failed"),
    ("obama's outreach to moscow just fizzled?", "reset-failed"),
    # caught off guard is a surprise; on paper, in black and white: in writing; at his word: a verbal promise;
    # how a country deals with the world: its foreign policy; preaching democracy: promoting it; left hanging:
    # abandoned; brothers in arms: comrades in arms (each refused at 0.06-0.18, or given another fact, as noted)
    ("was brussels caught off guard by the american shift", "sudden-u-turn"),
    ("did the kremlin get washington's nato promise in black and white", "russia-guarantees"),
    ("will moscow take trump at his word on ukraine staying out of nato", "russia-guarantees"),  # membership ruled out
    ("has trump changed how the united states deals with the world", "summary-overview"),  # the changed landscape
    ("is the us done preaching democracy to the kremlin", "value-diplomacy-dropped"),
    ("did the americans leave zelensky hanging", "ukraine-abandoned"),
    ("brothers in arms for a while, washington and moscow?", "post-9-11"),
    # a first stint, round one: a first term; penalties on a country: sanctions; lobbying for: pushing for;
    # from friends to rivals and back: ups and downs (refused, 0.05-0.23, or the rift)
    ("were there penalties against russia under trump before", "trump-first-term"),
    ("trump round one and russia, what happened", "trump-first-term"),
    ("was washington lobbying hard for kyiv at bucharest", "bucharest-2008"),
    ("have moscow and washington gone from friends to rivals and back many times", "ups-and-downs"),
    # a jubilee summit is an anniversary one, a proclamation a declaration, estrangement a rift, bedding sheets,
    # the engine of expansion its driver (refused, 0.08-0.25)
    ("jubilee summit wording about kyiv", "irreversible-path"),
    ("the 1993 proclamation by boris and bill", "honeymoon-1990s"),
    ("us-eu estrangement under trump", "atlanticism"),  # the rift it created
    ("trump's crack that biden sent kyiv bed linen", "sheets-missiles"),
    ("the engine of nato's growth", "us-drove-expansion"),  # got the obstacle
    # a bromance is a friendship (refused, 0.13); dead set against, vehemently opposed (got who drove it)
    ("the bush-putin bromance, how long did it go on", "iraq-war-2003"),
    ("was moscow always dead set against nato growing", "nato-obstacle"),
    # irritants are disputes (refused, 0.04); a stumbling block an obstacle (got the ups and downs)
    ("irritants under yeltsin", "cold-peace"), ("the stumbling block for thirty years", "nato-obstacle"),
    # ... in the singular too, and "blindsided" in any form (an idiom is tried only on the words it writes whole:
    # refused at 0.07, or the US-EU rift)
    ("the main irritant under yeltsin", "cold-peace"), ("was europe blindsided by the us shift", "sudden-u-turn"),
    # an alliance in tatters is fragmented (got the obstacle); a home institution or employer is the institution
    # (refused on "home", "employer"); an office spat is the heated exchange (refused, 0.13); the
    # nineteen-nineties are the 1990s (read as "nineteen 1990s", refused at 0.2)
    ("if the alliance ends up in tatters, what about the expansion dispute", "nato-disintegrate"),
    ("the professor's home institute", "affiliation"), ("who is the author's employer", "affiliation"),
    ("what was the oval office spat about", "sheets-missiles"),
    ("the nineteen-nineties partnership label", "honeymoon-1990s"),
    # what the essay hinges or rests on, the idea it is based on: its main argument (refused, 0.06-0.29)
    ("what does the essay hinge on", "thesis"), ("what idea is the paper based on", "thesis"),
    # swinging between two states of a relationship is its ups and downs (refused at 0.03, or got Trump's
    # pragmatism at 0.33: a wrong answer)
    ("have ties alternated between thaws and freezes", "ups-and-downs"),
    ("has the relationship seesawed between cooperation and confrontation", "ups-and-downs"),
    # a cover story is a pretext (refused, 0.15); putting the brakes on something stops it (0.30, just answered)
    ("what cover story do americans give for meddling abroad", "color-revolutions"),
    ("which leaders put the brakes on georgia joining the alliance", "bucharest-2008"),
    # a thaw that sticks lasts, what broke up a partnership ended it (both got Bush's visit that announced it);
    # the top villain is the main threat (refused, 0.20)
    ("did the bush-putin partnership stick", "iraq-war-2003"),
    ("what broke up the bush-putin partnership", "iraq-war-2003"),
    ("is china now america's top villain", "china-vs-russia-threat"),
    # someone's word is an assurance (refused, 0.11); ties sliding are declining (got the NATO obstacle at 0.16)
    ("is the kremlin content with washington's word about kyiv and nato", "russia-guarantees"),
    ("why have moscow-washington ties kept sliding", "downward-spiral"),
    # what to take away from it is its takeaway (got the move away from Atlanticism, 0.54: a wrong answer)
    ("what should i take away from this", "thesis"),
    # ties that have been up and down had ups and downs (refused at 0.35 and 0.20)
    ("has the relationship been up and down since 1991", "ups-and-downs"),
    ("moscow and washington keep going up and down, why", "ups-and-downs"),
    # a door that is shut is ruled out (got the Bucharest summit at 0.63)
    ("membership for georgia and ukraine - is that door now shut", "ukraine-nato-ruled-out"),
])
def test_an_idiom_is_read_for_what_it_means(engine, question, fact):
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, decision.best


@pytest.mark.parametrize("text", ["we walked back home", "the 180 mm gun", "turn out the lights",
                                  "putin 70th birthday", "in 0 5 seconds", "heads up display", "hold the line",
                                  "the end of the wall", "we saw the ferry coming into port",
                                  "the turn of the 20th century", "how long did it take", "i am new here",
                                  "the us here is the driver", "the author of many books",
                                  "relations cooled after iraq", "what temperature should i roast it at",
                                  "what ruined my cake", "economic growth in russia", "is the economy crumbling",
                                  "what did other capitals say", "is this whole thing bad news",
                                  "the army took crimea by surprise", "on paper the army is strong",
                                  "did he keep his word", "preaching to the choir", "export of russian gas",
                                  "what were the penalties for late payment", "is it scarier to fly or drive",
                                  "the first spell in the book", "he walked back and forth",
                                  "engine oil", "a car engine", "pieces of the puzzle", "the pieces of art",
                                  "back home", "the home front", "the spat with washington",
                                  "what is the reset based on", "what does the deal hinge on",
                                  "did us policy swing between europe and asia", "take in the view",
                                  "add members of congress to the list of speakers", "the cover of the book",
                                  "check the brakes on the car", "what was the carrot and stick",
                                  "stick to the plan", "we broke up the party", "after the soviet union broke up",
                                  "a sliding scale", "did he keep his word", "which word did he use",
                                  "can you take away the sanctions", "did trump take away the weapons",
                                  "he walked up and down the street", "the door was closed"])
def test_words_of_an_idiom_used_plainly_are_left_alone(text):
    assert normalise(text) == text


@pytest.mark.parametrize("question", ["what agreement did yeltsin and clinton initial in 1993",
                                      "what deal did the presidents initial during the 1993 visit"])
def test_initialling_a_treaty_is_signing_it(engine, question):
    # The article reports no signing: both got the 1993 declaration as partners (0.45, 0.61), a wrong answer.
    assert not engine.decide(question).answered
    assert normalise("what were the initial hopes") == "what were the initial hopes"


@pytest.mark.parametrize(("question", "fact"), [
    ("is the russian danger to the us fading, per the essay?", "trump-downplays-threat"),
    ("when was the obama reset given up for good, per the text", "reset-failed"),
])
def test_per_the_essay_is_according_to_it(lexical_engine, question, fact):
    # "essay", "text" after "per" were read as words the article never uses: refused at 0.24-0.26 lexical-only.
    assert all(t.word not in {"essay", "text"} for t in lexical_engine.matcher.lexical.terms(question))
    decision = lexical_engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact


def test_moving_into_the_white_house_is_becoming_president(lexical_engine):
    # Read as words, "won the white house" met nothing: refused at 0.13 lexical-only.
    decision = lexical_engine.decide("what did analysts think once trump won the white house in 2017")
    assert decision.answered and decision.best.fact.id == "trump-2017-hopes"
    assert normalise("they got into the white house garden") == "they got into the white house garden"


def test_containing_two_rivals_at_once_is_dual_containment(engine):
    # Got the shift being unprecedented (0.38): a wrong answer.
    decision = engine.decide("has washington given up containing two great powers simultaneously")
    assert decision.answered and decision.best.fact.id == "dual-containment"
    # ... in Russian too, as the base's Russian answer says it (answered at 0.42 lexical-only before)
    question = "трамп бросил сдерживание двух держав?"
    assert "двойное сдерживание" in normalise(question)
    assert engine.decide(question).best.fact.id == "dual-containment"
    assert normalise("does the treaty contain two clauses") == "does the treaty contain two clauses"


def test_only_someones_word_is_a_verbal_promise(engine):
    # "just trump's word" was read as a word of his; the promise asked about is a verbal one (0.32 before)
    question = "is only biden's word enough for moscow on nato"
    assert "only a verbal promise" in normalise(question)
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == "russia-guarantees" and decision.confidence > 0.5


def test_scarier_than_asks_which_is_the_bigger_threat(lexical_engine):
    # The model reads "scarier" as "threat"; matching alone did not (refused at 0.08-0.18).
    assert normalise("is china scarier than russia for the us") == "is china a bigger threat than russia for the us"
    for question in ("which rival is scarier for the americans",
                     "is beijing now scarier to the white house than moscow"):
        decision = lexical_engine.decide(question)
        # both facts compare the two threats: China's persistent, Russia's acute; the emphasis on China's
        assert decision.answered and decision.best.fact.id in {"china-vs-russia-threat", "dual-containment"}


def test_how_someone_took_something_asks_how_they_reacted(engine):
    # "how did brussels take the news" is how it reacted, which the article does not report: the US-EU
    # rift (relations deteriorated) was answered at 0.44, as "how did brussels react" is not.
    assert normalise("how would moscow take it") == "how would moscow react"
    question = "how did brussels take the news of the us shift"
    assert not engine.decide(question).answered
    assert "does not report what was said" in engine.reply(question).plain()


def test_a_topic_with_something_more_asked_is_matched_as_usual(engine):
    reply = engine.reply("ukraine and nato membership")
    assert reply.answered and reply.fact.id != "ukraine-abandoned", reply.plain()


@pytest.mark.parametrize("question", ["the 2017 predictions of a new era with trump, how did they turn out",
                                      "people hoped for a trump era of friendship with russia, what came of that",
                                      "надежды на трампа в 2017 году, чем это обернулось",
                                      # hopes dashed, a promise that came to nothing (shown alone before)
                                      "the hopes pinned on trump in 2017, dashed?",
                                      "trump's 2017 promise of a new era came to nothing?"])
def test_how_something_turned_out_shows_the_passage_after_it(engine, question):
    # The hopes of 2017 were shown alone; what came of them is the next sentence.
    reply = engine.reply(question)
    assert reply.answered and "domestic political constraints" in reply.plain(), reply.plain()


@pytest.mark.parametrize("question, outcome", [
    # what was expected, then "what (really) happened"; whether it survived; why it ended (were shown alone)
    ("the 2017 hopes for trump and russia, why did it go the other way", "domestic political constraints"),
    ("people predicted trump would warm up to putin in 2017, what really happened", "domestic political constraints"),
    ("did the clinton-yeltsin honeymoon survive past 1993", "cold peace"),
    ("почему партнёрство ельцина и клинтона закончилось", "cold peace"),
    ("what became of the hopes of 2017 for a new era with trump", "domestic political constraints"),
    # ... or what followed it (shown alone before)
    ("what followed the failure of the obama reset", "new low"), ("what followed the bush visit in 2002", "Iraq War")])
def test_what_came_after_an_expectation_or_a_friendship_shows_the_passage_after_it(engine, question, outcome):
    reply = engine.reply(question)
    assert reply.answered and outcome in reply.plain(), reply.plain()


@pytest.mark.parametrize("question", ["what was the relationship like before the overnight us policy change",
                                      "какими были отношения до разворота вашингтона"])
def test_what_things_were_like_before_something_shows_the_passage_before_it(engine, question):
    # The U-turn was shown alone; what came before it is the passage before: the downward spiral.
    reply = engine.reply(question)
    assert reply.answered and "downward spiral" in reply.plain(), reply.plain()


def test_whether_something_still_holds_shows_the_passage_after_it(engine):
    # The strategy documents that named Russia a threat were shown alone; whether they still hold is
    # the next passage: Trump now downplays the threat.
    reply = engine.reply("are the strategy papers calling russia an enemy still in force")
    assert reply.answered and "National Defense Strategy" in reply.plain(), reply.plain()
    assert "downplays" in reply.plain(), reply.plain()


def test_close_runners_up_are_offered_as_did_you_mean(engine):
    # What drives Trump abroad: national interests, shown with its neighbouring passage (Atlanticism),
    # and, nearly as likely, his move away from value-based diplomacy, offered as a button. (A
    # runner-up as likely as the best with no neighbour shown is shown with it instead: no button.)
    question = "ultimately what drives trump abroad"
    decision = engine.decide(question)
    assert decision.kind is Kind.DID_YOU_MEAN and decision.best.fact.id == "national-interests"
    assert decision.also is not None and decision.also not in decision.alternatives
    reply = engine.reply(question)
    other = decision.alternatives[0]
    assert "Did you mean:" in reply.plain() and f"• {other.questions[0]}" in reply.plain()
    assert f"f:{other.id}" in [b.data for row in reply.buttons for b in row]


def test_decisions_are_deterministic_and_thread_safe(engine):
    questions = [item["q"] for item in load_items(DEFAULT_QUESTIONS)] if DEFAULT_QUESTIONS.exists() else [
        "who wrote it", "new start", "reset my router"]
    first = [engine.decide(q) for q in questions]
    with ThreadPoolExecutor(8) as pool:
        again = list(pool.map(engine.decide, questions * 4))
    assert again == first * 4


def test_very_long_input_is_capped_and_the_reply_says_so(engine):
    question = "When does New START expire?" + "!" * 20_000
    decision = engine.decide(question)
    assert decision.truncated and decision.answered
    assert f"first {MAX_QUESTION_CHARS} characters" in engine.reply(question).plain()


def test_normalise_folds_quotes_dashes_case_and_mentions():
    assert normalise("/ask@Bot  What’s  “NATO”—Enlargement? @someone") == "what is nato enlargement"
    assert normalise("ＮＡＴＯ") == "nato"  # NFKC
    assert normalise("rus\u200bsia") == "russia"  # zero-width joiners do not split words


@pytest.mark.parametrize(("question", "terms"), [
    # The writer who thinks, says or argues frames the question; the topic is what follows.
    ("What does the author think about China?", ["china"]),
    ("According to the paper, is NATO falling apart?", ["nato", "falling", "apart"]),
    ("Что автор думает о Китае?", ["китае"]),
    ("How does the essay characterise the cold peace?", ["cold", "peace"]),
    # The text named only as where: "in the paper", "of this essay".
    ("what is the gist of this essay", ["gist"]),
    ("what is in the paper on arms control", ["arms", "control"]),
    # A question about the writer keeps them.
    ("Where does the author work?", ["where", "author", "work"]),
    ("who is the author", ["who", "author"]),
    ("what does the article say", ["article"]),
    # Chat filler says how a question is asked, not what it is about.
    ("hmm wait, is Europe kinda on its own tbh", ["europe"]),
    ("ngl is nato done rn or nah", ["nato"]),
    ("soooo whyyy did the reset fail", ["reset", "fail"]),  # a letter held is not a new word
    ("remind me, what is dual containment", ["dual", "containment"]),
    # Prepositions relate the words a question is about; they are none of them.
    ("what did it conclude regarding atlanticism", ["conclude", "atlanticism"]),
    ("the policy toward moscow, amid the war", ["policy", "moscow", "war"]),
    # "What's the deal with X" asks about X, not about a deal.
    ("whats the deal with new start", ["new", "start"]),
    # ... but in a question the side of a topic asked about is a word it is about.
    ("kosovo war impact", ["kosovo", "war"]), ("what was the impact of the kosovo war", ["impact", "kosovo", "war"]),
    ("what's up with europe", ["europe"]),
    # Idioms: "these days" is now, "hang on" and "for good" only stress the question.
    ("hang on, why is moscow less scary these days", ["moscow", "less", "scary"]),
    ("did the reset end for good", ["reset", "end"]),
    # The noun after "what" or "which" that only says something is asked for ("which incidents drove
    # ties to a new low in the 2010s" was refused, at 0.24, on "incidents"); not in the question's body.
    ("which incidents drove ties to a new low", ["drove", "ties", "new", "low"]),
    ("what event in 2003 cooled relations", ["2003", "cooled", "relations"]),
    ("did the summit become a major event", ["summit", "become", "major", "event"]),
])
def test_only_the_words_a_question_is_about_are_matched(question, terms):
    from bot.matching.normalise import Synonyms, content_words

    assert [w for w, _ in content_words(normalise(question), Synonyms(()))] == terms


def test_a_question_asking_which_incidents_is_matched_on_what_it_asks_about(engine):
    decision = engine.decide("which incidents drove ties to a new low in the 2010s")  # refused at 0.24
    assert decision.answered and decision.best.fact.id == "ukraine-crisis-low", (decision.best, decision.confidence)


@pytest.mark.parametrize("question", ["What does the author think about China?", "what does the writer say about china",
                                      "Что автор думает о Китае?"])
def test_asking_the_authors_view_of_a_topic_gets_the_topic_not_the_author(engine, question):
    # Reported by a reader: this got the author's affiliation (Shanghai, China).
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.section != "about", decision.best.fact.id
    assert "China" in decision.best.fact.quote


@pytest.mark.parametrize("question", ["which government was keenest on admitting new members",
                                      "who was most eager to add new members, america or europe?",
                                      "какая страна стояла за принятием новых членов в нато"])
def test_admitting_new_members_is_enlargement(engine, question):
    # Sharing little but "members" with the base, all were refused at 0.05 (one with the Bucharest summit
    # on top; in Russian at 0.04); the driver of NATO's expansion answers them.
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == "us-drove-expansion", decision.confidence


@pytest.mark.parametrize(("question", "fact"), [
    ("plumber from tver: what does the paper conclude?", "summary-overview"),
    ("crane operator from murmansk. did washington really drop ukraine?", "ukraine-abandoned"),
    # ... or where they work, before a comma: refused at 0.01 and 0.08.
    ("barge skipper on the volga, did washington really drop ukraine?", "ukraine-abandoned"),
    ("welder in magnitogorsk, what does the paper conclude?", "summary-overview"),
    # ... or where they are, then "here": the road's number was a number the article never gives (refused at 0.00).
    ("driver on the r-256 here, what's the central point?", "thesis"),
    # ... or where they work and where that is, or go on with "this" or "that": refused at 0.01 and 0.06.
    ("fisherman on a seiner off sakhalin - what is this paper about in a nutshell", "thesis"),
    ("geologist in yakutsk - that 'outcast' label for russia, who uses it", "russia-outcast"),
    # ... a guard of any kind is a person (refused at 0.13), a smith or a wife of any kind, a surgeon, a priest, a
    # coach (refused at 0.00, 0.11, 0.19 and 0.01).
    ("coastguard from sevastopol: who wrote this?", "author"),
    ("blacksmith in tula - what is the gist", "thesis"),
    ("midwife in tver, is nato expanding", "nato-obstacle"),
    ("surgeon in omsk - why did the reset fail", "reset-failed"),
    ("priest from suzdal: what does moscow want", "russia-guarantees"),
    # ... so is a goalie, or a mason of any kind (refused at 0.53 and 0.05)
    ("goalie from yaroslavl - when does new start expire", "new-start-expiry"),
    ("stonemason from pskov: who wrote this", "author"),
    # ... so is a calling with a word before it by a hyphen, and an acrobat, a cosmonaut, a barista (refused at 0.12
    # and 0.08).
    ("night-watchman in omsk: why did the reset fail", "reset-failed"),
    ("cosmonaut from star city - who wrote this", "author")])
def test_a_reader_saying_where_they_are_from_asks_nothing_by_it(engine, question, fact):
    # The town was a name the article never uses: refused at 0.04 and 0.17.
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, decision.confidence
    # What is named before the stop is asked about when it is no person, or an office.
    assert normalise("sanctions from washington - were there any") == "sanctions from washington were there any"
    assert normalise("the ambassador in moscow, who was it") == "the ambassador in moscow who was it"
    assert normalise("us envoy in kyiv: what did he do") == "us envoy in kyiv what did he do"
    # A word ending like a person's may name a thing: "-ment" does not.
    assert normalise("the settlement in paris - that came when") == "the settlement in paris that came when"
    assert normalise("agreement in minsk - that failed why") == "agreement in minsk that failed why"


def test_the_name_on_a_text_is_its_authors(engine):
    # Both got the title (1.00, 0.89): a name under the headline is the byline's; the name of the essay is its title.
    for question in ["name on the essay?", "what name appears under the headline"]:
        decision = engine.decide(question)
        assert decision.answered and decision.best.fact.id == "author", (question, decision.best)
    assert engine.decide("name of the essay?").best.fact.id == "title"


def test_the_headline_claim_is_the_main_one(engine):
    # "headline" made it the title (0.78); the title alone is still the headline.
    assert engine.decide("what's the headline point of the essay").best.fact.id == "thesis"
    assert engine.decide("what's the headline").best.fact.id == "title"


@pytest.mark.parametrize("question", ["the obama years in two words", "the reset in one word"])
def test_how_many_words_to_answer_in_is_not_what_is_asked(engine, question):
    # "in two words" was two words the article never uses: the Obama years were refused (0.13); "the reset in
    # one word" got its failure (0.35) rather than the reset.
    plain = question.rsplit(" in ", 1)[0]
    assert engine.reply(question).fact == engine.reply(plain).fact is not None
