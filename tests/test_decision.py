"""The decision carries over: both matching modes, another (tiny) article, a deterministic fit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.engine import Engine
from bot.matching import FEATURES, Gap, Kind
from bot.matching import model as model_file
from bot.matching.particulars import gives_a_count


@pytest.fixture(scope="module")
def tiny_article():
    # The README's "your own article" example: a two-fact base about something else entirely.
    return Path(__file__).resolve().parent.parent / "examples" / "honeybees"


@pytest.fixture(scope="module", params=["semantic", "lexical"])
def tiny_engine(request, tiny_article):
    engine = Engine.load(tiny_article, embedder=None) if request.param == "lexical" else Engine.load(tiny_article)
    assert engine.mode == request.param
    return engine


PARAPHRASES = {
    # The semantic stage understands paraphrases; the lexical one needs shared words.
    "semantic": [("In which direction is the food, according to the dance?", "waggle-direction"),
                 ("how do the bees communicate how far the food is", "waggle-distance")],
    "lexical": [("which direction do bees fly to find flowers", "waggle-direction"),
                ("how far away is the food from the hive", "waggle-distance")],
}


@pytest.mark.parametrize("which", [0, 1])
def test_another_article_answers_its_own_paraphrased_questions(tiny_engine, which):
    question, fact = PARAPHRASES[tiny_engine.mode][which]
    decision = tiny_engine.decide(question)
    assert decision.answered and fact in (decision.best.fact.id, decision.also and decision.also.id), decision
    # The reply quotes the passage that answers. (The two facts quote neighbouring passages, shown
    # together when both fit: which of them the model puts first for "how far" is a coin toss, 1.93
    # against 1.91 with the coefficients fitted on one CPU, 1.79 against 1.82 on another.)
    assert tiny_engine.knowledge.fact(fact).quote in tiny_engine.reply(question).plain()


@pytest.mark.parametrize("question", ["Who won the football world cup?", "How do I cook pasta?",
                                      "What is the capital of Peru?"])
def test_another_article_refuses_unrelated_questions(tiny_engine, question):
    assert not tiny_engine.decide(question).answered


@pytest.mark.parametrize("question", ["what is this essay about?", "summarize", "о чём это вообще"])
def test_a_base_that_does_not_sum_itself_up_shows_its_parts_when_asked_about_the_whole(tiny_engine, question):
    # Its curator listed no "what is the article about": matched on "essay" or "article" alone, the
    # question would get a fact, or "not covered"; the reader gets the article's parts instead.
    reply = tiny_engine.reply(question)
    assert tiny_engine.decide(question).kind is Kind.OUTLINE and not reply.answered
    assert "The waggle dance: How a forager tells her sisters where the food is." in reply.plain()
    assert reply.suggestions == ("waggle-direction",)


@pytest.fixture(scope="module")
def second_article():
    # A second worked example, written as a new curator would (3 questions a fact, English only).
    return Engine.load(Path(__file__).resolve().parent.parent / "examples" / "night-trains")


@pytest.mark.parametrize(("question", "kind", "fact"), [
    ("Why did the German rail company drop its sleepers?", Kind.ANSWER, "db-withdrew"),
    ("flying?", Kind.ANSWER, "emissions"),  # its topic's overview, the other facts on it as buttons
    ("why did sleeper services nearly die out in europe", Kind.ANSWER, "db-withdrew"),  # no death to report
    ("How many staff does Nightjet employ?", Kind.ABSTAIN, None),
    ("how much cleaner is a sleeper than a plane", Kind.ANSWER, "emissions"),  # "roughly a tenth" is a number
    # Met on its name alone, but a fact that tells a story may answer in other words ("abandoned its plans").
    ("Why did Midnight Trains give up on its scheme?", Kind.ANSWER, "midnight-trains"),
    ("is high-speed rail the future?", Kind.OTHER_PIECE, None),  # the related-reading box
    ("how do I bake sourdough bread", Kind.ABSTAIN, None),
    ("by whom?", Kind.ANSWER, "author"),  # who wrote it, as any base answers "who wrote the article"
    ("what is the third section about", Kind.ANSWER, "rolling-stock"),  # its overview (refused at 0.04)
    # Which line is the busiest: the network fact ranks none (answered at 0.54); the largest operator is ranked.
    ("which of the nightjet lines is the busiest", Kind.ABSTAIN, None),
    ("which operator is the largest in europe", Kind.ANSWER, "nightjet-largest"),
    # Which came first in time: the ban's fact gives no order (answered at 0.46).
    ("which domestic routes were banned first in france", Kind.ABSTAIN, None),
])
def test_the_engine_carries_over_to_a_second_article(second_article, question, kind, fact):
    decision = second_article.decide(question)
    assert decision.kind is kind and (decision.best.fact.id if decision.answered else None) == fact, (
        decision.kind, decision.best and decision.best.fact.id, decision.confidence)


@pytest.mark.parametrize(("question", "section"), [
    ("what's the last part about", "trump-foreign-policy"),  # got the publisher's series (0.40) ...
    ("what is part 4 about", "nato-enlargement"),  # ... at 0.91: "part" met "What series is this paper part of?"
    ("summarize section 3", "why-different"),  # refused at 0.25
    ("о чём первая часть", "sudden-shift"),
])
def test_a_part_named_by_its_place_gets_its_overview(engine, question, section):
    decision = engine.decide(question)
    overview = next(s.overview for s in engine.knowledge.sections if s.id == section)
    assert decision.answered and decision.best.fact.id == overview, decision
    assert {f.id for f in decision.more} == {f.id for f in engine.knowledge.facts_in(section)} - {overview}


@pytest.mark.parametrize(("question", "not_section"), [
    ("what does the last part say about nato", "trump-foreign-policy"),  # asks about NATO in it
    ("who wrote the last part", "trump-foreign-policy"),
    ("what is part 0 about", "trump-foreign-policy"),  # no part: not counted back from the end
])
def test_something_else_asked_of_a_part_is_still_asked(engine, question, not_section):
    decision = engine.decide(question)
    assert not (decision.answered and decision.best.fact.section == not_section and decision.confidence == 1.0)


@pytest.mark.parametrize(("question", "lang"), [
    ("table of contents", "en"), ("how is the article structured", "en"), ("what are the sections", "en"),
    ("из каких частей состоит статья", "ru"),
])
def test_asking_for_the_articles_parts_lists_them_in_order(engine, question, lang):
    # Refused (0.11-0.14) or given the publisher's series ("what are the parts of the article", 0.86).
    plain = engine.reply(question).plain()
    assert engine.decide(question).kind is Kind.OUTLINE
    titles = [s.title_ru if lang == "ru" else s.title for s in engine.knowledge.sections if s.id != "about"]
    assert all(t in plain for t in titles)
    assert [plain.index(t) for t in titles] == sorted(plain.index(t) for t in titles)


def test_the_structure_of_something_else_is_no_outline(engine):
    assert engine.decide("what is the structure of nato").kind is not Kind.OUTLINE


@pytest.mark.parametrize("prefix", ["", "/ask ", "hey @ArticleBot, "])
def test_which_of_a_kind_is_answered_only_by_a_fact_that_speaks_of_it_or_names_one(second_article, prefix):
    # The rolling-stock fact names no factory, nor anything the question does not (0.71).
    question = prefix + "Which factory is building the new sleeper carriages?"
    assert not second_article.decide(question).answered
    assert "does not say which" in second_article.reply(question).plain()
    # "French" is France, which the ban fact names: no union either (answered at 0.93 as "backed": that now meets the
    # check that the fact reports no one backing it, and says so first).
    question = "Which French unions opposed the flight ban?"
    assert not second_article.decide(question).answered
    assert "does not say which" in second_article.reply(question).plain()
    assert "does not report that" in second_article.reply("Which French unions backed the flight ban?").plain()
    # "The Swedish 'flight shame' movement": the fact speaks of the movement it names.
    decision = second_article.decide("Which Swedish movement made people ashamed of flying?")
    assert decision.answered and decision.best.fact.id == "flight-shame"


def test_who_did_something_is_answered_only_by_a_fact_that_names_someone_not_asked_about(engine):
    # The expiry fact names the treaty and a month, no one who announced anything (answered at 0.94).
    question = "Who announced that New START would expire in 2026?"
    assert not engine.decide(question).answered
    assert "does not say who" in engine.reply(question).plain()
    decision = engine.decide("who abandoned ukraine")  # "... abandoned by the United States"
    assert decision.answered and decision.best.fact.id == "ukraine-abandoned"
    # In Russian, against the Russian answer: "Джордж Буш-младший посетил Россию" (answered at 0.75).
    question = "кто сопровождал буша в поездке в россию в мае 2002"
    assert not engine.decide(question).answered
    assert "кто это был" in engine.reply(question).plain()


def test_someone_of_a_country_the_fact_never_mentions_is_no_one_it_names(engine):
    # The restart fact names Trump, Russia and the United States, not China (answered at 0.68); the
    # Bucharest fact mentions Georgia.
    refused_then_answered(engine, ("who would sit at the table for china if strategic arms talks restarted",
                                   "who pushed for georgia to join nato"), "bucharest-2008", says="does not say who")


def test_who_of_those_the_question_names_is_no_question_of_someone_else(engine):
    # "the US or Europe": the fact names both, and says which (with "the United States" read as "us",
    # as a name run it is asked about).
    decision = engine.decide("who pushed for nato enlargement more, the americans or the europeans?")
    assert decision.answered and decision.best.fact.id == "us-drove-expansion", (decision.best, decision.confidence)


def test_a_longer_form_of_a_name_asked_about_is_nothing_new_the_fact_names(engine):
    # "George W. Bush Jr." is the Bush asked about: the visit fact names no city (answered at 0.62).
    question = "Which city in Russia hosted Bush in May 2002?"
    assert not engine.decide(question).answered
    assert "does not say which" in engine.reply(question).plain()
    # ... nor is the month it names ("In May 2002, ..."), asked or not (answered at 0.59-0.93).
    for question in ("Which Kremlin officials welcomed Bush on his 2002 trip?",
                     "Which aides travelled with Bush to Russia in 2002?"):
        assert not engine.decide(question).answered, question


def test_the_articles_setting_is_no_instance_of_a_kind_asked_for_unless_a_place_is_asked(engine):
    # The visit fact names Russia, which most facts name: no city, no present (answered at 0.92, 0.63).
    for question in ("which city did bush visit in 2002",
                     "Which presents did Putin receive from Bush during the 2002 visit?"):
        assert not engine.decide(question).answered, question
    decision = engine.decide("which country did bush visit in may 2002")
    assert decision.answered and decision.best.fact.id == "bush-visit-2002"
    # The kind is the head noun: "which persistent issue" asks for an issue ("one of the most contentious issues").
    decision = engine.decide("which lasting issue has the new us stance helped to ease")
    assert decision.answered and decision.best.fact.id == "nato-issue-eased", (decision.best, decision.confidence)


@pytest.mark.parametrize(("asked", "answered"), [
    # The 1993 declaration names two presidents and no place (answered at 0.89, 0.38); the summit is
    # "in Bucharest".
    (("in which city did the us and russia declare themselves strategic partners in 1993",
      "at which city did bush press for ukraine's membership"), "bucharest-2008"),
    (("in what city did yeltsin and clinton declare a strategic partnership in 1993",
      "in which chinese city does zhao huasheng teach"), "affiliation"),
    # Hegseth's remarks name Europe and the Asia-Pacific, no city, and are dated "in December" (answered at 0.84).
    (("in which city did hegseth say the us focus would shift to asia",
      "at which city did bush press for ukraine's membership"), "bucharest-2008"),
])
def test_a_city_asked_for_is_a_place_the_fact_puts_something_in(engine, asked, answered):
    refused_then_answered(engine, asked, answered, says="does not say which")


def test_a_year_is_no_instance_of_a_kind_asked_for_unless_a_kind_of_time(engine):
    # The inaugurations fact names the year 2000 and no present (answered at 0.58).
    refused_then_answered(engine, ("What presents did Putin give Bush after they took office?",
                                   "which year did bush and putin take office"), "bush-putin-2000",
                          says="does not say which")


@pytest.mark.parametrize(("asked", "says"), [
    # The Bucharest fact's presidents are "President George W. Bush" and "French President Nicolas
    # Sarkozy": no Ukrainian one (answered at 0.90); the French one is answered.
    (("which ukrainian president asked to join nato in 2008",
      "which french president opposed ukraine joining nato in 2008"), "does not say which"),
    # ... asked as an office of a country too (answered at 0.60); the article's setting aside, the
    # American president is "President George W. Bush".
    (("who was the president of georgia in 2008",
      "which american president pushed for ukraine and georgia to join nato"), "does not say who"),
    # A leader is whatever office the fact writes: none of its offices is Georgia's or Ukraine's
    # (answered at 0.92 and 0.94); its German chancellor and French president are European leaders.
    (("which georgian leader asked for nato membership in 2008",
      "who were the european leaders against membership for ukraine and georgia in 2008"), "does not say which"),
    (("who was ukraine's leader when bush pushed it toward nato", "who was france's leader at bucharest"),
     "does not say who"),
])
def test_a_kind_or_office_asked_of_a_people_needs_a_fact_that_says_it_is_theirs(engine, asked, says):
    refused_then_answered(engine, asked, "bucharest-2008", says=says)


@pytest.mark.parametrize(("question", "kept"), [
    # The cold-peace fact names NATO, asked of, and only countries besides (Iran, Iraq, Chechnya, the
    # Kosovo War): no official (answered at 0.85); asked for countries, it names some.
    ("which nato officials turned the nineties into a cold peace",
     "which countries were disputes over in the nineties"),
    # The first-term fact names Ukraine: no expert (answered at 0.37).
    ("which russian experts did trump's first administration sanction",
     "what did trump's first administration begin sending to ukraine"),
])
def test_no_country_is_the_person_a_which_question_asks_for(engine, question, kept):
    assert not engine.decide(question).answered, question
    assert "does not say which" in engine.reply(question).plain()
    assert engine.decide(kept).answered, kept


def test_a_name_typed_in_lower_case_or_a_word_made_from_it_is_not_the_kind_asked_for(engine):
    # "russian city": the kind is the city, which the visit fact does not name (answered at 0.96);
    # "western politicians": "the West" is what "Western" names, nothing new (answered at 0.94); and
    # the fact writes no politician, a calling asked for, so the reply says it does not say who.
    for question, says in (("which russian city did bush visit in may 2002", "does not say which"),
                           ("which western politicians branded russia an outcast", "does not say who")):
        assert not engine.decide(question).answered, question
        assert says in engine.reply(question).plain()
    decision = engine.decide("which western values does russia reject")  # "opposing its values"
    assert decision.answered and decision.best.fact.id == "russia-outcast"


@pytest.mark.parametrize(("article", "question"), [
    # The facts speak of the kind, and name none: "orchestrating color revolutions", "he had provided
    # missiles", "every border crossing means another set of rules".
    ("this", "Which color revolutions are meant in the article?"),
    ("this", "Which missiles did Trump boast about giving Ukraine?"),
    ("second", "Which border crossing has the worst rail rules?"),
    # "along with a series of conflicts and sanctions", "negotiations on a new treaty": what a
    # preposition introduces is only one of the kind, and "new" names none (answered at 0.82 and 0.91).
    ("this", "Which sanctions were placed on Russia after the Ukraine crisis?"),
    ("this", "Which new treaty are Russia and the US negotiating?"),
    # ... nor is a name qualifying another noun one: "the Russia-Ukraine conflict" is no treaty (0.99).
    ("this", "which new treaty is being negotiated"),
    # ... asked with "what" and a plural, "exactly" or not (answered at 0.99 and 0.92).
    ("this", "what missiles did trump give ukraine"),
    ("this", "what weapons exactly did the us supply to kyiv under trump"),
    # In Russian, against the fact's Russian answer ("а он — ракеты"; "организации «цветных революций»").
    ("this", "какие ракеты Трамп передал Украине?"),
    ("this", "какие цветные революции упоминает автор?"),
])
def test_which_of_a_kind_is_not_answered_by_a_fact_that_speaks_of_the_kind_but_names_none(
        engine, second_article, article, question):
    chosen = engine if article == "this" else second_article
    assert not chosen.decide(question).answered
    assert any(says in chosen.reply(question).plain() for says in ("does not say which", "не сказано, какой"))


@pytest.mark.parametrize(("article", "question", "fact"), [
    ("this", "Which war in the Balkans soured relations with Moscow?", "cold-peace"),  # "the Kosovo War"
    ("this", "Which strategy documents called Russia a threat?", "threat-documents"),  # "including the National ..."
    # The fact says what is one: "value-based diplomacy, a traditional pillar", "one of the most contentious issues".
    ("this", "Which pillar of American foreign policy did Trump drop?", "value-diplomacy-dropped"),
    ("this", "Which contentious issue has the new US policy eased?", "nato-issue-eased"),
    ("second", "Which operator is the biggest in Europe?", "nightjet-largest"),  # "Nightjet is the largest ..."
    # A word the question does not use next to the kind: "color revolutions", "no tax on kerosene".
    ("this", "Which revolutions does the US orchestrate?", "color-revolutions"),
    ("second", "Which taxes do airlines avoid?", "fares"),
    ("this", "какая война охладила отношения в 2003 году?", "iraq-war-2003"),  # "войну в Ираке"
    ("this", "какие документы называли Россию угрозой?", "threat-documents"),  # "Стратегии национальной ..."
    ("this", "какую стратегию предложил обама", "obama-reset"),  # quoted after it: "стратегию «перезагрузки»"
    # A predicate ends the kind, as a verb does ("нужны" was taken for it: refused at 0.93).
    ("this", "какие гарантии нужны кремлю насчёт украины и нато", "russia-guarantees"),  # "формальных гарантиях"
    ("this", "what sanctions did trump impose in his first term", "trump-first-term"),  # "additional sanctions"
    ("this", "which conflict stalled the treaty talks", "talks-stalled"),  # "the Russia-Ukraine conflict"
    # The question names the options, the fact both of them: "the United States ... than Europe".
    ("this", "which party, washington or the europeans, drove nato enlargement harder", "us-drove-expansion"),
])
def test_which_of_a_kind_is_answered_by_a_fact_that_names_one(engine, second_article, article, question, fact):
    decision = (engine if article == "this" else second_article).decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.kind, decision.best and decision.best.fact.id)


def test_a_person_asked_for_by_a_calling_must_be_named_by_it(second_article, engine):
    # The flight-shame fact names no activist; the Bucharest fact names the leaders by office.
    question = "Which activist started the flight shame idea?"
    assert not second_article.decide(question).answered
    assert "does not say who" in second_article.reply(question).plain()
    decision = engine.decide("Which two European leaders stood in Bush's way at Bucharest?")
    assert decision.answered and decision.best.fact.id == "bucharest-2008"
    # The affiliation fact names no dean (answered at 0.52).
    assert not engine.decide("which dean oversees the fudan institute where zhao teaches").answered
    # A calling past the verb names the speaker, not the person asked for.
    decision = engine.decide("What did the defence minister Hegseth say about Europe?")
    assert decision.answered and decision.best.fact.id == "hegseth-asia-pacific"


def test_a_base_without_russian_answers_a_russian_question_about_one_of_its_names(second_article):
    # Every Russian word is unknown to an English-only base: that is no sign the question asks
    # something else about the name ("what is Nightjet" was refused, "такое" taken for the unknown word).
    decision = second_article.decide("что такое Nightjet")
    assert decision.answered and decision.best.fact.id == "nightjet-network", (decision.kind, decision.missing)


def test_a_base_without_russian_answers_does_not_claim_in_russian_that_no_one_is_reported_speaking(tiny_engine):
    # The speaker check reads Russian questions against the facts' Russian answers; this base has none.
    decision = tiny_engine.decide("что Джейн Доу сказала о танце пчёл?")
    assert decision.gap is not Gap.SAID


def test_lexical_only_mode_still_answers_and_refuses(tmp_path):
    engine = Engine.load(embedder=None)
    assert engine.mode == "lexical"
    assert engine.decide("When does New START expire?").best.fact.id == "new-start-expiry"
    assert not engine.decide("how do I reset my router").answered
    # Met on its names alone, with a word the base never uses: without the model to read the other
    # words, any fact is suspect, not only one made of names.
    decision = engine.decide("How often does the Ukraine defence contact group convene?")
    assert not decision.answered and "convene" in decision.missing


@pytest.mark.parametrize("question", ["who manufactures ÖBB's new nightjet carriages",
                                      "who makes the nightjet coaches"])
def test_one_curated_question_close_by_chance_does_not_make_a_fact_the_answer(second_article, question):
    # The article names no builder. The network fact's curated "Nightjet network" comes close on the name
    # alone (0.92), its other questions do not (0.75-0.84): judged by its best curated question, it was
    # the answer (0.37, 0.39); by the mean of its three best, it is not.
    decision = second_article.decide(question)
    assert not decision.answered, (decision.best.fact.id, decision.confidence)
    assert second_article.decide("why do track access charges hurt cross-border night trains").best.fact.id == (
        "track-charges")


def test_semantic_stage_finds_a_paraphrase_with_no_shared_word(engine):
    # "row", "arms deliveries": the fact says "heated exchange", "missiles".
    decision = engine.decide("What did the Oval Office row between Trump and Zelensky reveal about arms deliveries?")
    assert engine.mode == "semantic" and decision.answered and decision.best.fact.id == "sheets-missiles"


@pytest.mark.parametrize(("question", "fact"), [
    ("who blocked tbilisi's nato bid in 2008", "bucharest-2008"),
    ("what happened after the twin towers fell", "post-9-11"),
    ("what did the 2003 march on baghdad do to ties with moscow", "iraq-war-2003"),  # refused at 0.12
    ("what did moscow do when the towers fell", "post-9-11"),  # "the towers fell" too (refused at 0.01)
    # ... and in Russian, in any case (refused at 0.25 and 0.18).
    ("улучшились ли связи москвы и вашингтона после удара по башням-близнецам", "post-9-11"),
    ("что стало с отношениями после разрушения башен-близнецов", "post-9-11"),
])
def test_the_model_reads_a_name_the_base_never_writes_in_the_base_words(engine, question, fact):
    # The curator lists "Tbilisi" and "twin towers" as Georgia and September 11; the embedding model
    # knows them as a city and a building (0.25 and 0.05), so it reads the question in the base's words.
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.best and decision.best.fact.id)


@pytest.mark.parametrize(("question", "plainly", "fact"), [
    ("ok so basically what are the chances this thaw lasts", "what are the chances this thaw lasts",
     "prospects-question"),
    ("so uh who is this author anyway", "who is this author", "author"),
])
def test_the_interjections_of_chat_do_not_lower_the_confidence(engine, question, plainly, fact):
    # The embedding model reads "ok so basically" as a register far from the curated questions:
    # it reads the question without them, as if it were asked plainly.
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.best and decision.best.fact.id)
    assert decision.confidence >= 0.9 * engine.decide(plainly).confidence


@pytest.mark.parametrize("question", [
    "When did Finland join NATO?",  # an event the article never mentions, with its names
    "How many warheads does Russia deploy under New START?",  # a number it never gives
    "What did Pete Hegseth say about Greenland?",  # a name it uses, a place it does not
])
def test_near_scope_questions_are_refused_and_say_what_is_missing(engine, question):
    decision = engine.decide(question)
    assert decision.kind is Kind.ABSTAIN, (decision.best and decision.best.fact.id, decision.confidence)
    text = engine.reply(question).plain()
    assert "does not" in text and "Closest topics it does cover" in text


@pytest.mark.parametrize(("asked", "answered"), [
    # The same names, a different predicate: only the second is something the fact says.
    (("What was Pete Hegseth's job before the Pentagon?", "What did Hegseth tell the contact group about Europe?"),
     "hegseth-asia-pacific"),
    (("Which books has Medvedev written?", "Why did the Obama-Medvedev reset fall apart?"), "reset-failed"),
    # What the author wrote elsewhere is content the byline does not give (it was answered, 0.79);
    # what he writes here is the article's.
    (("what has Zhao Huasheng written on Central Asia", "what does Zhao Huasheng write about nato expansion"),
     "nato-obstacle"),
    # ... asked with the kind of writing between "what" and the verb (answered at 0.92).
    (("what other papers has zhao huasheng written", "what does zhao huasheng write about nato expansion"),
     "nato-obstacle"),
    # ... or asked yes or no (the byline at 0.86 and 0.82).
    (("has the author written other papers", "what does zhao huasheng write about nato expansion"), "nato-obstacle"),
    (("does the professor write articles", "what does zhao huasheng write about nato expansion"), "nato-obstacle"),
])
def test_a_question_that_meets_a_fact_only_on_its_names_is_refused(engine, asked, answered):
    refused_then_answered(engine, asked, answered)


def test_names_with_the_facts_own_year_ask_about_its_event(engine):
    # Every word it shares with the Bucharest fact is a name or a number, but 2008 is the fact's own
    # year: it asks what happened there, not something else about Merkel (refused in round 4, 0.31).
    decision = engine.decide("what did merkel and sarkozy do in 2008?")
    assert decision.answered and decision.best.fact.id == "bucharest-2008", decision.confidence


def refused_then_answered(engine, asked: tuple[str, str], answered: str, says: str = "") -> None:
    """The first question is refused (saying `says`), the second answered with the fact `answered`."""
    refused, kept = (engine.decide(q) for q in asked)
    assert not refused.answered, (refused.best.fact.id, refused.confidence)
    assert says in engine.reply(asked[0]).plain()
    assert kept.answered and kept.best.fact.id == answered, (kept.best and kept.best.fact.id, kept.confidence)


@pytest.mark.parametrize(("asked", "answered"), [
    # The fact names Putin and Bush but reports only Bush speaking ("announced").
    (("What did Putin say about Bush's visit?", "What did Bush announce when he visited Russia?"), "bush-visit-2002"),
    # Europe is what Hegseth spoke about ("shift from Europe"), not someone who spoke; a speaker of
    # two words needs only one of them to be a name the base uses.
    (("What did European governments say when Hegseth announced the pivot?",
      "What did Hegseth announce about Europe's security?"), "hegseth-asia-pacific"),
    # Zelensky is the one spoken to; Trump is the one who speaks.
    (("How did Zelensky respond to Trump in the Oval Office?", "What did Trump tell Zelensky in the Oval Office?"),
     "sheets-missiles"),
    # Medvedev is named only where the scene is set ("after Obama and Medvedev took office"), and the
    # "United States" in the sentence before is no word of speech.
    (("What did Medvedev promise during the reset?", "What did the Obama administration propose?"), "obama-reset"),
    # A speaker asked by office: the fact may name the holder instead ("Bush ... announced"), but it
    # must report someone speaking (the Bucharest fact reports none; the author's "argues" is no one's).
    (("What did the French president say about Georgia?", "What did the US president announce in Moscow in 2002?"),
     "bush-visit-2002"),
    # ... by any word for one ("chief", "head", "boss"), and whether or not the base writes the rest of
    # it as a name: "NATO" in capitals is none (the Bucharest fact was answered, 0.72), "Pentagon" is
    # (Hegseth's statement was refused, 0.95).
    (("What did the NATO chief say at Bucharest?", "What did the Pentagon chief say about Asia?"),
     "hegseth-asia-pacific"),
    # ... and of whom, where the base names them: the Hegseth fact names Europe but reports Hegseth
    # speaking (0.52), the Oval Office fact names Ukraine but reports Trump (0.58); an American
    # president may be reported by name alone, as the article's setting is the US and Russia.
    (("What did European leaders say about the US pivot to the Asia-Pacific?",
      "What did the American defence secretary say about the Asia-Pacific?"), "hegseth-asia-pacific"),
    (("What did the Ukrainian president say in the Oval Office?",
      "What did the American president say in the Oval Office?"), "sheets-missiles"),
    # How someone reacted or explained themselves is what they said about it: the fact names
    # Germany's opposition, not its reasons (0.98), and reports no reply of Zelensky's (0.71).
    (("How did Germany explain its opposition to Ukraine joining NATO in 2008?",
      "Who opposed Ukraine joining NATO in 2008?"), "bucharest-2008"),
    (("How did Zelensky react to Trump's sheets remark?", "What did Trump tell Zelensky about sheets?"),
     "sheets-missiles"),
    # ... or answered it (0.88; "how did trump answer zelensky" is what Trump declared)
    (("how did zelensky answer trump's sheets comment in the oval office", "how did trump answer zelensky"),
     "sheets-missiles"),
    # ... asked by the reply's noun, or as yes or no (a pronoun later in the question is not the
    # speaker): each was answered with Trump's words (0.36-0.83).
    (("What was Zelensky's retort to the sheets line?", "What was Trump's reply to Zelensky?"), "sheets-missiles"),
    (("Zelensky's reaction to the missiles boast", "Trump's sheets and missiles boast"), "sheets-missiles"),
    (("Did Zelensky hit back at Trump in the Oval Office, and what did he say?",
      "What did Trump boast of giving Ukraine?"), "sheets-missiles"),
    # How someone described something, what they suggested or offered is what they said: the summit fact
    # names Sarkozy, the visit fact Putin, reporting neither speaking (answered at 0.78 and 0.71).
    (("how did sarkozy describe bush's push for ukraine at bucharest",
      "how did trump describe what biden gave ukraine"), "sheets-missiles"),
    (("what did putin suggest to bush in 2002", "what did the obama team propose to moscow"), "obama-reset"),
    # ... and how they argued: the summit fact reports Sarkozy's opposition, not his arguments (0.59);
    # the author's arguments are the article's.
    (("How did Sarkozy argue against Georgia joining NATO?", "how does the author argue that the reset is different"),
     "thesis"),
    # ... asked after "has", with the participle (answered at 0.33).
    (("what has merkel said about the bucharest summit since", "what has hegseth announced about europe"),
     "hegseth-asia-pacific"),
])
def test_what_someone_said_is_answered_only_by_a_fact_that_reports_them_speaking(engine, asked, answered):
    refused_then_answered(engine, asked, answered, says="does not report what was said")


@pytest.mark.parametrize("question", ["what did bush jr announce in moscow", "what did bush junior announce in russia"])
def test_a_speaker_named_with_initials_and_a_suffix_is_reported_speaking(engine, question):
    # "George W. Bush Jr. visited Russia and announced ...": one sentence, "W." and "Jr." end none, so
    # Bush Jr. is the one who announced (refused as not reported speaking at 0.92 before).
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == "bush-visit-2002", (decision.gap, decision.confidence)


@pytest.mark.parametrize(("question", "quoted"), [
    ("what does zhao say about nato expansion", "expansion"),  # refused: Zhao is never reported speaking
    ("how does the professor describe nato expansion", "expansion"),  # the byline's title
    ("what did zhao huasheng write about europe", "Europe"),  # got the byline, on the name
    ("что говорит чжао хуашэн о расширении нато", "expansion"),  # ... in Russian too
    ("что сказал профессор о расширении нато", "expansion"),  # the byline's title in Russian
])
def test_what_the_author_says_by_name_is_the_articles_view(engine, question, quoted):
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id != "author", (decision.gap, decision.best)
    assert quoted in decision.best.fact.quote


@pytest.mark.parametrize("question", ["what does zhao think", "what does the professor think",
                                      "what is the professor's view", "what is zhao's position"])
def test_the_authors_view_asked_by_name_alone_is_the_articles_argument(engine, question):
    # Nothing asked after the view: got the byline (0.53-0.57), naming him and his university only.
    decision, plain = engine.decide(question), engine.decide("what does the author think")
    assert decision.answered and decision.best.fact == plain.best.fact != engine.decide("who wrote it").best.fact


@pytest.mark.parametrize("question", ["putin comeback in 2012, what did it mean for the reset",
                                      "the kremlin comeback of 2012 and obama's reset"])
def test_a_comeback_dated_is_a_return_to_power_not_a_reply(engine, question):
    # "Zelensky's comeback" is his reply, but a comeback in a year is Putin's return: both were
    # refused as asking what Putin (or the Kremlin) said, at 0.69 and 0.66.
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == "reset-failed", (decision.gap, decision.confidence)


@pytest.mark.parametrize(("asked", "answered", "says"), [
    # A name the article never writes cannot be reported speaking, as in Russian, whatever its letters
    # ("Søren" and "Müller" were no names: answered at 0.43 and 0.42). The reply names an unknown word.
    (("What did Søren say about color revolutions?", "What are color revolutions used for?"), "color-revolutions",
     "does not mention “søren”"),
    (("What did Müller say about NATO enlargement?", "Why does Russia oppose NATO enlargement?"), "nato-obstacle",
     "does not report what was said"),  # a surname general German knows is no unknown word
    # ... nor one typed in lower case, a single word the article never uses and no plural ("experts"):
    # Hegseth's statement was answered (0.44, and 0.60 in Russian).
    (("what did lavrov say about hegseth", "what did hegseth say about europe"), "hegseth-asia-pacific",
     "does not report what was said"),
    (("что ответил песков на заявление хегсета", "что заявил хегсет о европе"), "hegseth-asia-pacific",
     "не приводятся эти слова"),
])
def test_what_someone_the_article_never_names_said_is_refused(engine, asked, answered, says):
    refused_then_answered(engine, asked, answered, says=says)


@pytest.mark.parametrize("question", ["What did Deng think of NATO's eastward expansion?",
                                      "What did Lukyanov think about NATO enlargement toward Ukraine?"])
def test_the_view_of_someone_the_article_never_names_is_refused(engine, question):
    # Deng and Lukyanov appear only in the page's "related reading" boxes, not in the article: the
    # Russia-opposes-enlargement fact was answered (0.75, 0.60).
    assert not engine.decide(question).answered
    assert "does not report what was said" in engine.reply(question).plain()


@pytest.mark.parametrize(("asked", "answered"), [
    # The threat-ranking fact names China as the US ranks it, holding no view of its own (0.72, 0.33) ...
    (("what does china think about the war in ukraine", "what did merkel think of ukraine joining nato"),
     "bucharest-2008"),  # ... the Bucharest fact reports her opposition
    (("what is beijing's view of the war", "what is russia's position on nato expansion"), "nato-obstacle"),
])
def test_the_view_of_someone_the_article_names_needs_a_fact_reporting_it(engine, asked, answered):
    refused_then_answered(engine, asked, answered, says="does not report what was said")


def test_an_attitude_a_fact_reports_is_a_view_it_reports(engine):
    # "Trump is notoriously dismissive of ideology": his stance on it (refused as unreported at 0.92).
    decision = engine.decide("what is trump's stance on ideology")
    assert decision.answered and decision.best.fact.id == "trump-pragmatism", decision.confidence


@pytest.mark.parametrize(("asked", "answered"), [
    # Trump views Russia as a threat to Europe (answered at 0.63); the US documents call Russia an adversary (0.79):
    # in both Russia is the threat, not the one who feels it ...
    (("does moscow feel threatened by the west", "does the us still see russia as a threat"),
     "trump-downplays-threat"),
    (("does russia regard the us as an enemy", "how did the us long view russia in its strategy documents"),
     "threat-documents"),
    # ... and in Russian, read against the Russian answers ("Трамп преуменьшает угрозу России"; answered at 0.64).
    (("считает ли москва сша угрозой", "видит ли трамп в россии угрозу"), "trump-downplays-threat"),
    # ... or asked what threatens them (answered at 0.74)
    (("threats facing russia today", "is russia a threat to europe"), "trump-downplays-threat"),
])
def test_who_feels_a_threat_is_not_answered_by_a_fact_where_they_are_the_threat(engine, asked, answered):
    refused_then_answered(engine, asked, answered)


def test_a_byline_met_on_its_names_and_a_peoples_adjective_does_not_answer_something_else_of_them(engine):
    # "Chinese" is the byline's "China": with a ministry the article never names, the affiliation was answered (0.41).
    assert not engine.decide("Is Zhao Huasheng a member of the Chinese parliament?").answered
    decision = engine.decide("which chinese university is zhao from")
    assert decision.answered and decision.best.fact.id == "affiliation"


def test_how_someone_named_judged_something_needs_a_fact_reporting_their_judgement(engine):
    # The reset's failure is the author's account, not Putin's verdict (answered at 0.81) ...
    assert not engine.decide("how did putin rate the obama reset").answered
    assert "does not report what was said" in engine.reply("how did putin rate the obama reset").plain()
    # ... but a country's position the article states without a word of speech ("the US has long viewed").
    decision = engine.decide("how does washington assess the russian threat")
    assert decision.answered and decision.best.fact.id == "trump-downplays-threat", decision.best


@pytest.mark.parametrize(("asked", "answered", "says"), [
    # Read against the Russian answers: the Bucharest one names Sarkozy as opposing, not as speaking.
    (("что Саркози говорил о Грузии?", "что объявил Буш, когда приехал в Россию?"), "bush-visit-2002",
     "не приводятся эти слова"),
    # A name the article never writes cannot be reported speaking (the reply names it); the speaker
    # may also follow the verb.
    (("что Шольц сказал о Хегсете?", "что заявил Хегсет о Европе?"), "hegseth-asia-pacific", "шольц"),
    # "о чём говорил X" asks what X said (Putin's words were answered with the 2000 inaugurations, 0.80);
    # of two who talked, one must be reported speaking and the other named.
    (("о чем говорил путин во время визита буша в 2002", "о чем говорили зеленский и трамп в овальном кабинете"),
     "sheets-missiles", "не приводятся эти слова"),
    # A name in another case than the answer's: the reader's "Медведев" is the answer's "Медведева",
    # named where the scene is set, not speaking (answered at 0.67).
    (("что обещал медведев во время перезагрузки", "что предложила администрация обамы в 2008 году"), "obama-reset",
     "не приводятся эти слова"),
    # What someone offered or demanded is what they said (the inaugurations fact was given, 0.83).
    (("что предложил путин бушу в 2002 году", "что объявил буш во время визита в россию в 2002 году"),
     "bush-visit-2002", "не приводятся эти слова"),
])
def test_what_someone_said_is_checked_in_russian_too(engine, asked, answered, says):
    refused_then_answered(engine, asked, answered, says=says)


@pytest.mark.parametrize(("asked", "answered"), [
    # The Bucharest fact names a president and a chancellor, and no head of NATO.
    (("Who was the NATO chief when Bush pushed Ukraine and Georgia at Bucharest?",
      "Who was the US Secretary of Defense in December 2024?"), "hegseth-asia-pacific"),
    (("Who was Obama's national security adviser during the reset?", "Who were the presidents behind the reset?"),
     "obama-reset"),
    # ... asked as "what was the name of" the holder (answered at 0.71 and 0.69).
    (("What was the name of the Obama aide who designed the reset?", "Who were the presidents behind the reset?"),
     "obama-reset"),
    (("What is the name of the NATO chief who hosted the Bucharest summit?",
      "Who opposed Ukraine joining NATO in 2008?"), "bucharest-2008"),
    # A calling, not its stem: the stalled-talks fact speaks of negotiations and names no negotiator
    # (answered at 0.86).
    (("who was the american negotiator in the stalled treaty talks", "why have the treaty negotiations stalled"),
     "talks-stalled"),
    # ... asked as "which <calling>": the Bucharest fact writes no secretary (answered at 0.69).
    (("which nato secretary general hosted the bucharest summit", "which leaders blocked bush at bucharest"),
     "bucharest-2008"),
])
def test_who_held_an_office_is_answered_only_by_a_fact_that_names_the_office(engine, asked, answered):
    refused_then_answered(engine, asked, answered, says="does not say who")


def test_who_held_an_office_is_checked_in_russian_too(engine):
    # Against the Russian answers: the reset's names no ambassador (answered at 0.73); the Bucharest
    # fact's names "президент Джордж Буш", whatever the case the question puts the office in. (Not "кто
    # был канцлером германии на бухарестском саммите" any more: the questions the article does not
    # answer hold "кто сейчас канцлер германии", 0.94 close in meaning, and the model refuses it at 0.05.)
    asked = ("кто был послом сша при обаме", "кто был президентом сша на саммите в бухаресте")
    refused_then_answered(engine, asked, "bucharest-2008", says="кто это был")


@pytest.mark.parametrize(("question", "word"), [("Is Zhao Huasheng married?", "“married”"),
                                              ("Which hobbies does Zhao Huasheng have?", "“hobbies”"),
                                              # on the names its Russian answer writes
                                              ("какие награды получил Чжао Хуашэн", "«награды»"),
                                              # a fact that tells a story: refused on its probability
                                              ("Is Sarkozy married?", "“married”")])
def test_a_question_meeting_a_fact_on_its_names_alone_with_a_word_the_article_never_uses_is_refused(
        engine, question, word):
    # The byline meets these on the author's name only: the reply says what the article lacks.
    reply = engine.reply(question)
    assert not reply.answered and word in reply.plain()
    assert engine.reply("Who is Zhao Huasheng?").fact.id == "author"  # the name alone is the byline's


def test_a_year_the_question_names_must_be_one_the_answer_states(engine):
    # The first-term fact says the US supplied weapons to Ukraine, not that it did so in 2022.
    assert not engine.decide("Which weapons did the US send Ukraine in 2022?").answered
    decision = engine.decide("What did Bush push for at the 2008 summit?")  # the summit's own year
    assert decision.answered and decision.best.fact.id == "bucharest-2008"
    # A decade is stated by a year in it: the reset was abandoned in 2012.
    decision = engine.decide("How did Obama's reset end in the 2010s?")
    assert decision.answered and decision.best.fact.id == "reset-failed"
    # ... or by the sentence before the fact's, which sets its time ("... returned to the Kremlin in
    # 2012. The Ukraine crisis followed"): refused at 0.75.
    decision = engine.decide("what sank relations to a new low after 2012")
    assert decision.answered and decision.best.fact.id == "ukraine-crisis-low"


@pytest.mark.parametrize("question", ["the biggest obstacle between washington and moscow since the early 90s",
                                      "главное препятствие в отношениях с 90-х годов"])
def test_a_year_asked_since_is_stated_by_a_fact_looking_back_to_it(engine, question):
    # "Over the past 30 years", in a paper of 2025, reaches back to the 1990s: refused at 0.83 and 0.67.
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == "nato-obstacle"
    # ... not to the 2010s, nor is a year asked other than "since" stated by it.
    assert not engine.decide("what has been the main obstacle since 2015").answered
    assert not engine.decide("what was the biggest obstacle in 2010").answered


@pytest.mark.parametrize(("question", "fact"), [
    # "supposed", "hardest" were taken for offices the facts must name, and the answers refused (0.91).
    ("who is supposed to take care of europe's defence now?", "hegseth-asia-pacific"),
    ("who was pushing hardest for ukraine to join nato in 2008", "bucharest-2008"),
    # "charge" was taken for an office the honeymoon fact must name, and Yeltsin and Clinton refused (0.62).
    ("so who was in charge when relations were a honeymoon", "honeymoon-1990s"),
])
def test_who_is_doing_something_asks_for_no_office(engine, question, fact):
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, decision.best


def test_who_was_at_the_head_of_something_still_needs_a_fact_naming_its_head(engine):
    # The Bucharest fact names a president, a chancellor and a president, no head of NATO.
    assert not engine.decide("who was at the helm of nato in 2008").answered


@pytest.mark.parametrize(("question", "fact"), [
    ("if moscow and washington sign a new arms deal, what happens", "new-treaty-impact"),
    # ... or expected (refused as asking what was signed, 0.56).
    ("what good does the author expect from a follow-on deal being signed", "new-treaty-impact"),
    # "signed off" is approved: heldout30 asked it so, and the answer was refused (0.94).
    ("Which strategy documents signed off in 2017 named Russia a threat?", "threat-documents"),
    # Nor is what something is founded on, or an established view, a founding.
    ("what is value-based diplomacy founded on", "value-diplomacy-dropped"),
    ("is the established view that russia is a threat changing", "trump-downplays-threat"),
    # Nor is a figurative death (it was refused, 0.38 before the "event" was read).
    ("what led to the death of the reset", "reset-failed"),
    # ... nor a thing the fact writes of that dies ("died" was read as a death and refused, 0.64-0.96),
    ("how did the reset die", "reset-failed"), ("why did the 1990s optimism die", "cold-peace"),
    # ... past an adverb ("eventually" was taken for what died: refused at 0.72)
    ("why did the reset eventually die", "reset-failed"),
])
def test_an_event_that_might_happen_or_a_word_that_only_looks_like_one_is_asked_about_as_usual(engine, question, fact):
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, decision.best


@pytest.mark.parametrize("question", ["what was trump's rapprochement with moscow born out of",
                                      "why has the old cycle died down", "who signed off on the 2018 strategy",
                                      # a coming to office that only says when something else happened
                                      "why did ties sour after Trump took office in 2017"])
def test_an_idiom_is_no_event_to_report(engine, question):
    assert engine.decide(question).gap is not Gap.EVENT


@pytest.mark.parametrize("question", ["when did yeltsin die", "how did Merkel die", "did the president die in 2008",
                                      "when did yeltsin finally die"])
def test_a_person_who_died_is_an_event_the_answer_must_report(engine, question):
    decision = engine.decide(question)
    assert not decision.answered


@pytest.mark.parametrize(("question", "says"), [
    # The arms-talks fact says talks could restart, not when; the author fact gives no count.
    ("When will Russia and America restart strategic arms reduction talks?", "gives no date"),
    ("How many papers has Zhao Huasheng published with the Valdai Club?", "does not give that number"),
    # The Bucharest fact dates its summit: a year is no count.
    ("How many allies supported Georgia's membership at the Bucharest summit?", "does not give that number"),
    # "Over the past 30 years" counts years, not members (but answers "how many years").
    ("how many countries does nato have", "does not give that number"),
    ("сколько государств в НАТО", "нет этой цифры"),
    # What something cost is asked for as a number however the question is put (0.82).
    ("what did the missiles trump sent to ukraine cost", "does not give that number"),
    # A quantity asked by name, in Russian too (the series fact was given, 0.85).
    ("какой тираж у Валдайских записок", "нет этой цифры"),
    # Nor is the day of a date, written either way ("on 28 February 2025").
    ("How many missiles did Trump give Ukraine in his first term?", "does not give that number"),
    # Nor is a rank: "NATO's 75th anniversary" counts no one.
    ("How many countries were at the Washington summit that called Ukraine's path irreversible?",
     "does not give that number"),
    # A quantity asked by name is a number too.
    ("What is the total cost of the US weapons given to Ukraine under Trump?", "does not give that number"),
    # ... put before the verb as well ("what size of army does ... have"; the conflict fact was given, 0.52).
    ("what size of army does ukraine have", "does not give that number"),
    # ... and a rate or a rating (the reset fact was given, 0.43).
    ("what was the inflation rate when obama proposed the reset", "does not give that number"),
    # ... or a ceiling: the expiry fact's "February 2026" caps nothing (0.82).
    ("what is the launcher cap in the treaty that lapses in 2026", "does not give that number"),
    # What it cost is a number too, however the question begins.
    ("во сколько обошлись санкции против России", "нет этой цифры"),
    # The visit fact gives its month and year, not how long it took.
    ("How long did the Bush visit to Russia take?", "does not say how long"),
    # "this optimism was short-lived. Due to ... Iran ...": said of what came before, not of Iran.
    ("how long did the disputes over iran go on", "does not say how long"),
    # An event asked about as having happened must be one the fact reports.
    # The visit fact announces a partnership (0.48): it reports nothing signed.
    ("which treaty did putin and bush sign in 2002", "does not report that"),
    ("что подписали Буш и Путин в 2002 году", "об этом не сообщается"),
    # The Hegseth fact dates his speech, not his birth.
    ("когда родился Хегсет", "нет даты"),
    # The series fact names the club (0.47): it does not say who founded it.
    ("кто основал Валдайский клуб", "кто это был"),
    # The summit declared the path irreversible (0.81): it reports no vote.
    ("who voted against ukraine's membership path being irreversible", "does not say who"),
    # The Oval Office fact dates a quarrel with Zelensky (0.58), not his coming to office.
    ("when did Zelensky take office?", "gives no date"),
    # ... nor the author's affiliation when he took it up, asked "since which year" (answered at 0.58).
    ("since which year has the author been a professor", "gives no date"),
    # What someone did before or after something: the fact must say what came before or after. The
    # reset's failure ends with Putin's return (0.70); Hegseth's fact is his speech as Secretary (0.86).
    ("what did putin do after returning to the kremlin", "does not report that"),
    ("что делал Хегсет до назначения", "об этом не сообщается"),
    # ... or what they were: the fact is what Hegseth said as Secretary. Without the check this was
    # refused only for want of confidence (0.15), saying nothing of what is missing, and "what was
    # Pete Hegseth's job before the Pentagon" was answered (0.32).
    ("what was Hegseth's career before he became defence secretary", "does not report that"),
    # Who followed someone: the Hegseth fact is his speech as Secretary (0.37).
    ("who replaced hegseth as the us defense secretary", "does not say who"),
    # ... or will (0.63, 0.94): a successor to come is asked of too, though "will" is no event yet.
    ("who will replace hegseth", "does not say who"),
    ("кто сменит хегсета", "кто это был"),
    # ... or came before someone (0.65, 0.56).
    ("who was defence secretary before hegseth", "does not say who"),
    ("кто был предшественником хегсета", "не упоминается «предшественником»"),
    # A treaty taking effect is an event: the expiry fact gives a date, but not that one (0.42, 0.66).
    ("when did new start come into force", "gives no date"),
    ("когда договор СНВ-3 вступил в силу", "нет даты"),
    # A day asked for is not given by a month: the expiry fact says "February 2026" (0.99), the visit
    # fact "May 2002" (0.82).
    ("the exact date new start runs out", "does not give the exact day"),
    # ... nor a time of day: the visit fact says "May 2002" (answered at 0.84), the Oval Office fact "February 28,
    # 2025" (refused, but for want of a number).
    ("at what time did bush arrive in russia in 2002", "does not give the time of day"),
    ("во сколько закончилась встреча трампа и зеленского", "в котором часу"),
    ("в какой день буш прилетел в россию в 2002 году", "не указан точный день"),
    # What something cost is a sum of money, not "the two countries" of the visit fact (answered at 0.6-0.8).
    ("how much did bush's trip to russia cost the taxpayer", "does not give that number"),
    ("во сколько обошлась поездка буша в россию", "нет этой цифры"),
    # The part someone played: the Bucharest fact names Bush, Merkel and Sarkozy, none presiding or
    # representing Georgia (answered at 0.7-0.9); the Oval Office fact names no interpreter (0.5).
    ("who presided over the alliance meeting in romania in 2008", "does not say who"),
    ("who represented georgia when bush pushed its membership in 2008", "does not say who"),
    ("кто переводил на встрече трампа и зеленского", "кто это был"),
    # An office of a country the fact names, held there by no one: the Bucharest fact names Ukraine, and the
    # presidents of France and (by name) the US (answered at 0.86).
    ("как звали президента украины на бухарестском саммите нато", "кто это был"),
    # ... ran it (answered, 0.6), or greeted what was said there (refused only for want of confidence).
    ("who ran the 2008 alliance summit in romania", "does not say who"),
    ("which capitals welcomed the pentagon chief's shift to the pacific", "does not report that"),
    # ... or backed it: the Hegseth fact reports no one backing the shift (answered at 0.32 and 0.74), while a fact
    # saying who pushed for or drove something answers (test_who_backed_something_is_answered_by_who_pushed_for_it).
    ("which allies backed hegseth's move to the asia-pacific", "does not report that"),
    ("which countries backed hegseth's asia-pacific focus", "does not report that"),
    # Who joined: the facts say only who might join or was pushed to (answered at 0.45-0.5).
    ("which state joined the north atlantic alliance last", "does not report that"),
    # An apology or a resignation: the Oval Office fact reports a quarrel, the Hegseth fact an office (0.51-0.57).
    ("did trump apologize to zelensky", "does not report that"), ("ушёл ли хегсет в отставку", "не сообщается"),
])
def test_when_how_many_how_long_and_events_need_a_fact_that_states_them(engine, question, says):
    assert not engine.decide(question).answered
    assert says in engine.reply(question).plain()


@pytest.mark.parametrize(("question", "fact"), [("which countries backed nato expansion", "us-drove-expansion"),
                                                ("which leaders backed the reset", "obama-reset")])
def test_who_backed_something_is_answered_by_who_pushed_for_it(engine, question, fact):
    # "the primary driver of NATO's expansion", "the Obama administration ... propose a 'reset' strategy".
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.gap, decision.confidence)


def test_how_many_times_is_answered_by_a_fact_that_says_numerous(engine):
    # "numerous ups and downs" says how often, in words (refused at 0.65 for want of a count); a count of
    # anything else still needs a number.
    decision = engine.decide("how many times have relations had ups and downs")
    assert decision.answered and decision.best.fact.id == "ups-and-downs"
    assert not engine.decide("how many times did nato expand after 1991").answered


def test_how_far_something_goes_is_answered_by_a_degree_in_words(engine):
    # "warmed rapidly", "profoundly impacted" say how much (both refused for want of a number before).
    for question, fact in [("how much did relations improve after 9/11", "post-9-11"),
                           ("how much has trump changed american foreign policy", "summary-overview")]:
        decision = engine.decide(question)
        assert decision.answered and decision.best.fact.id == fact, (question, decision.confidence)


def test_the_two_already_named_are_no_count_of_something_else(engine):
    # "led the two countries into a honeymoon period" says nothing of Yeltsin's age (answered at 0.76 before).
    assert not engine.decide("how old was yeltsin during the honeymoon").answered
    assert not gives_a_count("The two operators sell tickets on the line.", "how popular are night trains")


def test_whether_a_country_joined_is_no_event_to_report(engine):
    # Asked whether it joined, not who did: the fact saying Ukraine is unlikely to join answers.
    decision = engine.decide("did ukraine join nato")
    assert decision.answered and decision.best.fact.id == "ukraine-nato-ruled-out", decision.confidence


def test_what_someone_did_after_something_is_answered_by_a_fact_that_says_what_followed(engine):
    # "Following the September 11 terrorist attacks in 2001, US-Russian relations warmed rapidly".
    decision = engine.decide("what did bush do after the terrorist attacks")
    assert decision.answered and decision.best.fact.id == "post-9-11"

def test_the_office_of_a_country_the_fact_names_holding_it_is_answered(engine):
    # "президента Франции Николя Саркози": the Russian answer names who held it.
    decision = engine.decide("кто был президентом франции во время саммита в бухаресте")
    assert decision.answered and decision.best.fact.id == "bucharest-2008", decision.confidence


def test_a_coming_to_office_that_only_says_when_is_no_event_to_report(engine):
    # "when Trump became president" dates what is asked: the first-term fact (imposed sanctions) answers.
    decision = engine.decide("what happened to sanctions when Trump became president")
    assert decision.answered and decision.best.fact.id == "trump-first-term", (decision.gap, decision.confidence)


def test_a_day_asked_for_is_answered_by_a_fact_that_writes_one(engine):
    decision = engine.decide("what day was the paper published")  # "25.03.2025"
    assert decision.answered and decision.best.fact.id == "date", decision.best


def test_a_stretch_of_time_answers_how_many_years(engine):
    decision = engine.decide("how many years has nato expansion been the main obstacle")
    assert decision.answered and decision.best.fact.id == "nato-obstacle", decision.best


def test_what_something_cost_is_answered_by_a_sum_of_money():
    question = "how much does a sleeper ticket cost"
    assert gives_a_count("Tickets from Vienna to Paris start at €29.", question)
    assert gives_a_count("The line cost 3 billion dollars to build.", question)
    assert not gives_a_count("The two operators sell tickets on the line.", question)
    assert gives_a_count("The two operators sell tickets on the line.", "how many operators sell tickets")


@pytest.mark.parametrize(("question", "fact"), [
    ("When does the New START Treaty expire?", "new-start-expiry"),
    ("in which month does the new start treaty run out", "new-start-expiry"),  # "February 2026"
    ("How many years have US-Russia relations had ups and downs?", "ups-and-downs"),  # "three decades"
    ("how long has nato expansion been a problem", "nato-obstacle"),  # "over the past 30 years"
    # ... but not the importance of something: "how high are the stakes", "the value of arms control".
    ("what is the value of arms control for the relationship", "arms-control-cornerstone"),
    # Time left is answered by the date it runs out (it asked for a number, and the fact gives none).
    ("how much longer until the new start treaty runs out", "new-start-expiry"),
    ("сколько осталось до конца договора о стратегических вооружениях", "new-start-expiry"),
    # How long, in words: "this optimism was short-lived", in the passage shown beside the honeymoon's (0.60).
    ("how long did the 1990s honeymoon last", "honeymoon-1990s"),
])
def test_when_how_many_and_how_long_are_answered_by_a_fact_that_gives_them(engine, question, fact):
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.best and decision.best.fact.id)


def test_what_a_non_name_says_is_not_taken_for_an_unreported_speaker(engine):
    # "experts" is no one the article could fail to quote: the reader wants the article's view.
    decision = engine.decide("what do experts say about the New START treaty expiring")
    assert decision.answered and decision.best.fact.id == "new-start-expiry"


def test_a_refusal_names_the_decisive_word_the_article_never_uses(engine):
    assert "The article does not mention “skripal”" in engine.reply("What did the author say about Skripal?").plain()


def test_a_common_word_written_as_a_name_the_article_never_uses_is_decisive(engine):
    # "India" is an everyday word by frequency, but written as a name inside the sentence.
    decision = engine.decide("What did Zhao Huasheng write about India?")
    assert decision.kind is Kind.ABSTAIN and "india" in decision.missing
    # A misspelt name the article does use is still a typo, not a new name.
    assert engine.decide("What did Hegsteh say about Europe?").best.fact.id == "hegseth-asia-pacific"
    assert engine.decide("What did Hegsteh say about Europe?").answered


@pytest.mark.parametrize(("question", "fact"), [
    ("How are the threats from China and Russia categorised by Washington?", "china-vs-russia-threat"),
    ("Which leaders were keenest to stop Ukraine joining NATO in 2008?", "bucharest-2008"),
    # "bromance", "fizzle": rare words of English, not names (the table lists 60,000 words).
    ("did the bush putin bromance fizzle after iraq", "iraq-war-2003"),
    # "-able" and "un-" forms of words it has.
    ("is the obstacle of nato expansion unfixable", "nato-obstacle"),
])
def test_an_uncommon_form_of_an_everyday_word_is_not_taken_for_a_name(engine, question, fact):
    # "categorised", "keenest": forms the frequency table lacks, of words it has.
    decision = engine.decide(question)
    assert not decision.missing and decision.answered and decision.best.fact.id == fact


def test_the_fit_is_deterministic():
    # 200 questions of 4 candidates each: the right one (if any) is the one columns 0 and 3 favour.
    rng = np.random.default_rng(7)
    x = rng.normal(size=(800, len(FEATURES)))
    signal = x[:, 0] + 0.5 * x[:, 3] + rng.normal(scale=0.5, size=800)
    y = np.zeros(800)
    groups = [(start, 4) for start in range(0, 800, 4)]
    for start, count in groups:
        best = start + int(np.argmax(signal[start:start + count]))
        y[best] = float(signal[best] > 1.0)  # a question whose best candidate is weak has no answer
    first, second = model_file.fit(x, y, FEATURES, groups), model_file.fit(x, y, FEATURES, groups)
    assert first == second
    assert first.weights[0] > 0 and first.weights[3] > 0  # the informative columns get positive weights
    assert abs(first.weights[1]) < first.weights[0] / 3  # an uninformative one gets little
    probabilities = first.probabilities(x[:4])
    assert probabilities.sum() < 1 and (probabilities > 0).all()  # the rest is "none of them"


def test_shipped_coefficients_load_for_both_modes():
    models = model_file.load()
    assert set(models) == {"semantic", "lexical"}
    for m in models.values():
        assert m.features == FEATURES and 0 < m.threshold < 1


class CountingEmbedder:
    """Deterministic stand-in for the model that counts what it is asked to embed."""

    name = "counting-embedder"

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def _vectors(self, texts: list[str]) -> np.ndarray:
        self.embedded += texts
        rows = np.array([[hash(t) % 97, len(t), 1.0] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    queries = passages = _vectors

    def query_tokens(self, text: str) -> int:
        return len(text.split())


@pytest.mark.parametrize("semantic", [True, False])
def test_a_question_the_curator_lists_as_not_answered_is_refused(tiny_article, tmp_path, semantic):
    # The curator's fix for a wrong answer: "how fast do bees fly" got the distance fact.
    import shutil

    folder = tmp_path / "bees"
    shutil.copytree(tiny_article, folder)
    text = (folder / "article.yaml").read_text(encoding="utf-8")
    (folder / "article.yaml").write_text(text.replace(
        "    keywords: [distance, length, far]\n",
        "    keywords: [distance, length, far]\n    not_answered:\n      - How fast do bees fly to the flowers?\n"),
        encoding="utf-8")
    engine = Engine.load(folder) if semantic else Engine.load(folder, embedder=None)
    assert engine.knowledge.fact("waggle-distance").not_answered == ("How fast do bees fly to the flowers?",)
    refused = engine.decide("how fast do bees fly to the flowers")  # the same words
    assert refused.kind is Kind.ABSTAIN and "waggle-distance" in [f.id for f in refused.alternatives]
    if semantic:  # nearly the same in meaning
        assert not engine.decide("How fast do the bees fly to the flowers?").answered
    assert engine.decide("How do bees tell the distance to food?").best.fact.id == "waggle-distance"
    assert engine.decide("How do bees tell the distance to food?").answered


def test_a_question_like_one_the_article_does_not_answer_is_refused(engine):
    # The article's list of questions it does not answer (knowledge/not_answered.yaml) holds ones about
    # joining NATO that it never answers: this one, no closer in meaning to any curated question of the
    # Ukraine-NATO fact than to them, was answered with it at 0.46 before the decision weighed that.
    assert len(engine.knowledge.not_answered) >= 300
    decision = engine.decide("Which countries have applied to join NATO this year?")
    assert not decision.answered, decision.confidence
    assert engine.decide("Is Ukraine going to join NATO soon?").answered  # its own question stays answered


def test_a_base_that_lists_too_few_unanswered_questions_is_decided_as_usual(tiny_article):
    # The two-fact base lists none: the closeness to such questions is taken at its usual value, so its
    # own questions are answered as confidently as before the decision weighed it.
    engine = Engine.load(tiny_article)
    assert not engine.knowledge.not_answered
    assert engine.decide("In which direction is the food, according to the dance?").confidence >= 0.8


def test_the_embedding_cache_reembeds_only_what_an_edit_changed(tiny_article, tmp_path):
    from dataclasses import replace

    from bot.knowledge import load
    from bot.matching.semantic import SemanticIndex

    knowledge, embedder = load(tiny_article), CountingEmbedder()
    SemanticIndex(knowledge, embedder, tmp_path)
    first = len(embedder.embedded)
    SemanticIndex(knowledge, embedder, tmp_path)
    assert len(embedder.embedded) == first  # unchanged base: read from the cache
    fact = knowledge.facts[0]
    edited = replace(knowledge, facts=(replace(fact, questions=(*fact.questions, "a new way to ask")),
                                       *knowledge.facts[1:]))
    SemanticIndex(edited, embedder, tmp_path)
    assert embedder.embedded[first:] == ["a new way to ask"]


def test_a_long_question_is_read_without_its_lightest_words_and_keeps_every_other(tiny_article, tmp_path):
    # The model's time grows with each token it reads: a rambling question is cut to the budget
    # by dropping its function words, never its content.
    from bot.knowledge import load
    from bot.matching.semantic import QUERY_TOKEN_BUDGET, SemanticIndex

    embedder = CountingEmbedder()  # one token a word
    index = SemanticIndex(load(tiny_article), embedder, tmp_path)
    question = ("So tell me, is it the case that the bees of the hive do a dance in the dark to show "
                "the others of the colony the way to the flowers and the distance to the food?")
    index.embed_question(question)
    read = embedder.embedded[-1].split()
    assert len(read) <= QUERY_TOKEN_BUDGET
    for word in "tell me case bees hive dance dark show others colony way flowers distance food".split():
        assert word in read
    short = "How do bees tell the distance to food?"
    index.embed_question(short)
    assert embedder.embedded[-1] == "how do bees tell the distance to food"  # within budget: as asked

def test_the_embedding_cache_keeps_only_the_newest_files(tiny_article, tmp_path):
    import os

    from bot.knowledge import load
    from bot.matching.semantic import CACHES_KEPT, SemanticIndex

    for n in range(CACHES_KEPT + 4):  # caches left by earlier edits, oldest first
        old = tmp_path / f"embeddings-{n:032x}.npz"
        old.write_bytes(b"stale")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    SemanticIndex(load(tiny_article), CountingEmbedder(), tmp_path)
    left = sorted(tmp_path.glob("embeddings-*.npz"), key=lambda f: f.stat().st_mtime)
    assert len(left) == CACHES_KEPT
    assert left[0].name == f"embeddings-{CACHES_KEPT + 4 - (CACHES_KEPT - 1):032x}.npz"  # the newest old ones stay
    assert not any(f.name.endswith(".tmp.npz") for f in tmp_path.iterdir())


@pytest.mark.timeout(900)
def test_the_threshold_rises_past_the_wrong_answers_it_can_avoid_and_no_further():
    from bench.calibrate import choose_threshold

    # (probability, answered at threshold 0, right if answered, a question to refuse)
    outcomes = ([(0.9, True, True, False)] * 88  # right, confidently
                + [(0.95, True, False, False)] * 3  # wrong, confidently: no threshold avoids them
                + [(0.3, True, False, True)] * 5  # wrong, unsure: a threshold above 0.3 refuses them
                + [(0.5, True, True, False)] * 4)  # right, less sure: a threshold above 0.5 loses them
    threshold, figures = choose_threshold(outcomes)
    assert 0.3 < threshold <= 0.5 and figures["validation_accuracy"] == 0.97


def test_when_one_in_fifty_cannot_be_kept_a_wrong_answer_costs_two_refusals():
    from bench.calibrate import choose_threshold

    # 10 confident wrong answers keep the model above 1 in 50 (as lexical-only matching is). Refusing
    # the unsure band avoids 6 wrong answers and loses 4 right ones: fewer right outcomes, but worth it.
    outcomes = ([(0.9, True, True, False)] * 100 + [(0.95, True, False, False)] * 10
                + [(0.4, True, False, False)] * 6 + [(0.4, True, True, False)] * 4)
    threshold, figures = choose_threshold(outcomes)
    assert 0.4 < threshold <= 0.9 and figures["validation_accuracy"] == 100 / 120


def test_one_validation_question_does_not_move_the_threshold_far():
    from bench.calibrate import choose_threshold

    # Two near-equal peaks of the value: refusing the wrong answers at 0.2 (a narrow one, as right
    # answers at 0.24 are lost above it), or also the one at 0.34 (a broad one, up to the right answers
    # at 0.5). One right answer more at 0.34 used to move the operating point from 0.35 to 0.21;
    # averaged over its neighbours, the value peaks in the broad band either way.
    outcomes = ([(0.9, True, True, False)] * 300 + [(0.95, True, False, False)] * 10
                + [(0.2, True, False, True)] * 2 + [(0.24, True, True, False)] * 2
                + [(0.34, True, False, True)] + [(0.5, True, True, False)] * 3)
    without, with_one_more = (choose_threshold(outcomes + extra)[0] for extra in ([], [(0.34, True, True, False)]))
    assert without == with_one_more and 0.34 < without <= 0.5


def test_the_threshold_keeps_a_margin_of_one_wrong_answer_on_the_validation_sets():
    from bench.calibrate import choose_threshold

    # 3 wrong in 152 answers is just under 1 in 50, and one wrong answer more would break it: a single
    # validation question must not decide the operating point, so it rises past the 2 it can avoid.
    outcomes = ([(0.9, True, True, False)] * 148 + [(0.9, True, False, False)]
                + [(0.3, True, False, True)] * 2 + [(0.5, True, True, False)])
    threshold, figures = choose_threshold(outcomes)
    assert threshold == 0.31 and figures["wrong_per_answered"] == 1 / 150


def test_the_shipped_coefficients_are_what_calibration_gives_today():
    # Re-fits both modes from the knowledge base and the training files (about 30 s): a base or
    # training edit without `python -m bench.calibrate` fails here instead of drifting silently.
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-m", "bench.calibrate", "--check"], cwd=root, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0 and "shipped coefficients match" in result.stdout, result.stdout + result.stderr


def test_a_question_between_two_neighbouring_passages_is_answered_with_both(tiny_article, tmp_path):
    # "what do the bees learn from the waggle run": the way, or the distance? The base's two facts
    # quote two neighbouring paragraphs, so the reply shows both, in the article's order, quoted
    # verbatim. With another paragraph between them, they are no longer one passage: one is answered.
    import shutil

    question = "what do the bees learn from the waggle run"
    engine = Engine.load(tiny_article)
    together = engine.decide(question)
    assert together.answered and {together.best.fact.id, together.also.id} == {"waggle-direction", "waggle-distance"}
    text = engine.reply(question).plain()
    assert text.index("“The angle of the waggle run") < text.index("“The longer the waggle run")

    folder = tmp_path / "bees"
    shutil.copytree(tiny_article, folder)
    source = (folder / "source.txt").read_text(encoding="utf-8")
    (folder / "source.txt").write_text(source.replace(
        "to the flowers.\n\nThe longer", "to the flowers.\n\nA colony keeps its honey in wax cells.\n\nThe longer"),
        encoding="utf-8")
    apart = Engine.load(folder).decide(question)
    assert apart.answered and apart.also is None
    assert together.confidence > apart.confidence  # either of the two is the answer



def test_asked_the_outcome_of_something_the_reply_shows_what_came_of_it(engine):
    # "what was the result of the hopes for trump in 2017" got the hopes alone (0.94): the passage after
    # them tells what became of them.
    decision = engine.decide("what was the result of the hopes for trump in 2017")
    assert decision.answered and decision.best.fact.id == "trump-2017-hopes", decision
    assert decision.also is not None and decision.also.id == "trump-first-term", decision


def test_two_neighbouring_passages_do_not_count_as_each_others_rival(engine):
    # "washington and moscow in the early 90s, good or bad": the honeymoon, or how it soured? Each of
    # the two neighbouring passages was rated unsure because the other came close; the margins to the
    # runner-up leave out the facts a reply shows together (counted as rivals, the reply shows one: 0.60).
    decision = engine.decide("washington and moscow in the early 90s, good or bad")
    assert decision.answered, decision
    assert {decision.best.fact.id, decision.also.id} == {"honeymoon-1990s", "cold-peace"}

def test_a_question_two_facts_of_different_sections_answer_alike_is_answered_with_both(engine):
    # "did trump give up both atlanticism and value diplomacy": the value-diplomacy section's claim
    # and the summary's (which names both) come out nearly as likely (0.42 and 0.39). Picking one
    # would leave out Atlanticism; the reply shows both claims and quotes, and names both sections.
    question = "did trump give up both atlanticism and value diplomacy"
    decision = engine.decide(question)
    assert decision.answered and decision.also is not None, decision
    assert decision.best.fact.section != decision.also.section
    text = engine.reply(question).plain()
    for fact in (decision.best.fact, decision.also):
        assert fact.quote in text and engine.knowledge.section(fact.section).title in text
    assert "Atlanticism" in text


def test_a_question_the_curator_lists_is_answered_with_its_fact_alone(engine):
    # A listed question is its fact's (probability 1): no neighbour is shown with it, and the
    # confidence stays a probability.
    for fact in engine.knowledge.facts:
        decision = engine.decide(fact.questions[0])
        assert decision.best.fact.id == fact.id and decision.also is None, (fact.id, decision.also)
        assert 0 <= decision.confidence <= 1


def test_a_comeback_asked_of_by_yes_or_no_is_what_it_led_to_not_a_reply(engine):
    # "did trump's comeback bring ..." was read as asking Trump's reply (as "what was Zelensky's comeback"
    # is), which no fact reports him making: refused at 0.85.
    decision = engine.decide("did trump's comeback bring a chance of new nuclear talks?")
    assert decision.answered and decision.best.fact.id == "arms-talks-restart", (decision.gap, decision.confidence)


def test_the_answer_naming_the_article_the_paper_is_no_paper_asked_for(engine):
    # "which papers ...": the answer's "according to the paper" was read as a paper it speaks of without
    # naming one, so the documents it lists did not count (refused at 0.99).
    decision = engine.decide("which papers from the biden years cast russia as an adversary?")
    assert decision.answered and decision.best.fact.id == "threat-documents", (decision.gap, decision.confidence)


@pytest.mark.parametrize("question", ["when will a successor to new start be signed",
                                      "when will washington and moscow sign the next new start"])
def test_when_a_treaty_will_be_signed_is_not_answered_by_when_the_old_one_expires(engine, lexical_engine, question):
    # The article reports no signing planned; both got the date New START expires (0.72 and 0.43).
    for deciding in (engine, lexical_engine):
        decision = deciding.decide(question)
        assert not decision.answered and decision.gap in (Gap.WHEN, Gap.EVENT), decision
    assert engine.decide("when will new start expire").answered


def test_a_quantity_named_first_needs_a_fact_that_gives_a_number(engine):
    # "number of ...?" asks how many as "what is the number of" does: it got the Oval Office fact (0.64),
    # which gives a date and no count of missiles.
    decision = engine.decide("number of missiles trump sent to kyiv?")
    assert not decision.answered and decision.gap is Gap.HOW_MANY, decision


@pytest.mark.parametrize("question", ["how popular was trump among russians in 2017?",
                                      "what was the popularity of the reset among americans",
                                      "какой был рейтинг обамы во время перезагрузки", "какова популярность обамы"])
def test_how_popular_someone_was_asks_a_measure_the_article_does_not_give(engine, question):
    # Popularity is a rating: these got the hopes placed in Trump (0.74) and the reset (0.50, 0.98, 0.81).
    decision = engine.decide(question)
    assert not decision.answered and decision.gap is Gap.HOW_MANY, decision


def test_a_byline_places_no_one_in_a_city_it_does_not_name(engine, lexical_engine):
    # "in Moscow" was the article's setting, which no fact need name: this got his university in Shanghai
    # (0.65), a yes it never says.
    for deciding in (engine, lexical_engine):
        assert not deciding.decide("did zhao huasheng ever work in moscow?").answered
    assert engine.decide("does zhao huasheng work in shanghai").answered


@pytest.mark.parametrize(("question", "after"), [
    ("trump as moscow's friend in 2017 - was that just a myth?", "trump-first-term"),
    ("the bush-putin partnership of 2002, was it all hype", "iraq-war-2003")])
def test_whether_something_was_a_myth_is_how_it_turned_out(engine, question, after):
    # The hopes alone were shown (the Bush visit with the inaugurations before it): whether they were a myth is
    # told in the passage after them.
    decision = engine.decide(question)
    assert decision.answered and decision.also is not None and decision.also.id == after


def test_what_set_in_after_something_is_the_passage_after_it(engine):
    # The partnership of 1993 alone was shown; what set in after it is the next passage (the "cold peace").
    decision = engine.decide("the 1993 strategic partnership: what set in afterwards")
    assert decision.answered and decision.also is not None and decision.also.id == "cold-peace"


def test_where_someone_comes_from_is_a_birth_the_article_does_not_report(engine):
    # "откуда родом" (where is he from by birth) got his university in Shanghai (0.70).
    decision = engine.decide("откуда родом профессор чжао")
    assert not decision.answered and decision.gap is Gap.EVENT, decision
    assert engine.decide("где работает профессор чжао").answered


@pytest.mark.parametrize(("question", "fact", "still_refused"), [
    # An arrangement, an option or an outcome is described ("a new strategic partnership"), not named: each was
    # refused (0.78-0.89) as asking which one without the fact naming any.
    ("which arrangement did bush announce on his 2002 trip to russia?", "bush-visit-2002",
     "which options did merkel propose at bucharest?"),
    ("what two options does the paper see for the future of us-russia ties?", "prospects-question",
     "which options did merkel propose at bucharest?"),
    ("which outcome of the iraq war does the author describe for us-russian relations?", "iraq-war-2003",
     "which options did merkel propose at bucharest?"),
    # So is a principle ("value-based diplomacy, a traditional pillar"); a word is named by quoting it ("an
    # 'outcast'"), an event by its date ("the September 11 terrorist attacks"): all three were refused (0.65-0.98).
    ("which principle of american liberal diplomacy has trump largely set aside?", "value-diplomacy-dropped",
     "which principle did putin invoke in his munich speech?"),
    ("which word does the paper say the west has branded russia with?", "russia-outcast",
     "which word did merkel use about ukraine at bucharest"),
    ("which event in 2001 let relations warm so quickly?", "post-9-11",
     "which event in 2002 did putin attend in texas?"),
    # Who signed the essay wrote it; a birthday summit marks an anniversary: both were refused for want of a
    # signing or a birth (0.89, 0.87), while a birthday itself still is.
    ("which scholar signed this essay?", "author", "when is hegseth's birthday"),
    ("what did the nato birthday summit promise ukraine", "irreversible-path", "when is hegseth's birthday")])
def test_a_question_read_as_it_is_meant_is_answered_and_its_near_miss_still_refused(
        engine, question, fact, still_refused):
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.gap, decision.confidence)
    assert not engine.decide(still_refused).answered


def test_a_british_doubled_l_is_no_unknown_name(engine):
    # "quarrelling" is not in the word table ("quarreling" is not either, "quarrel" is): it was taken for a
    # name the article never uses and refused the transatlantic rift (0.68).
    decision = engine.decide("are the americans and the europeans quarrelling now?")
    assert decision.answered and decision.best.fact.id == "us-eu-rift", (decision.missing, decision.confidence)


def test_a_referendum_is_a_vote_the_fact_must_report(engine):
    # The article reports no referendum: this got Ukraine's membership being ruled out (0.57).
    assert not engine.decide("did ukraine ever hold a referendum on nato membership").answered


def test_hopes_belied_ask_how_they_turned_out(engine):
    # How the 2017 hopes were belied is told in the passage after them (the constraints that strained ties
    # further): the reply showed the hopes alone.
    decision = engine.decide("how were the expectations of trump in 2017 belied?")
    assert decision.answered and decision.also is not None and decision.also.id == "trump-first-term"


@pytest.mark.parametrize(("question", "fact"), [("pundit's name and employer", "author"),
                                                ("which leaders presided over the 1990s thaw", "honeymoon-1990s")])
def test_a_writer_opening_a_question_is_the_author_and_presiding_over_a_time_is_being_in_office(
        engine, question, fact):
    # "pundit's" (its possessive dropped) was a word the article never uses: refused at 0.04. Presiding over
    # a thaw was read as chairing a meeting, which the fact does not report: refused at 0.83.
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == fact, (decision.gap, decision.confidence)
    assert not engine.decide("who presided over the bucharest summit").answered


@pytest.mark.parametrize("question", ["which publication series ran it", "which organisation ran this paper"])
def test_the_series_that_ran_a_piece_published_it(engine, question):
    # Running a piece was read as running a meeting, which the publisher fact does not report: refused at 0.84
    # and 0.65. Who ran a summit still asks who chaired it.
    decision = engine.decide(question)
    assert decision.answered and decision.best.fact.id == "publisher", (decision.gap, decision.confidence)
    assert not engine.decide("who ran the bucharest summit").answered


def test_what_someone_wrote_in_a_memoir_the_article_does_not_cite_is_refused(engine):
    # The article cites no memoir: this got the Bucharest summit (0.42), Merkel's veto told in the paper's words.
    decision = engine.decide("что пишет меркель в мемуарах о бухаресте")
    assert not decision.answered and decision.gap is Gap.EVENT, decision
