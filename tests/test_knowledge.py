"""The shipped knowledge base is sound, and every kind of defect a curator can make is caught."""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.engine import Engine
from bot.knowledge import MIN_QUESTIONS, KnowledgeError, comparable, coverage, load

SOURCE = "Title line\n25.03.2025\n\nFirst paragraph says “alpha” — beta.\n\nSecond paragraph says gamma.\n"
GOOD = """\
article:
  title: Title line
  author: A. Author
  affiliation: Somewhere
  series: Papers
  publisher: Club
  date: 2025-03-25
  source: source.txt
sections:
  - id: one
    title: Part one
    summary: The first part.
facts:
  - id: alpha
    section: one
    answer: The author says alpha.
    quote: First paragraph says "alpha" - beta.
    questions: ["What about alpha?", alpha, tell me alpha]
    related: [gamma]
  - id: gamma
    section: one
    answer: The author says gamma.
    quote: Second paragraph says gamma.
    questions: ["What about gamma?", gamma, tell me gamma]
"""


def write(tmp_path: Path, text: str, source: str = SOURCE) -> Path:
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    path = tmp_path / "article.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load(path)
    return [str(p) for p in caught.value.problems]


# --- the shipped knowledge base ----------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    return load()


def test_shipped_knowledge_passes_check(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and "paragraphs cited: 16/16" in out


def test_shipped_knowledge_meets_the_size_targets(shipped):
    assert len(shipped.facts) >= 45
    assert 6 <= len([s for s in shipped.sections if s.id != "about"]) <= 10
    assert all(len(f.questions) >= MIN_QUESTIONS for f in shipped.facts)


def test_every_quote_is_verbatim_in_the_source(shipped):
    source = comparable(shipped.article.source.read_text(encoding="utf-8"))
    missing = [f.id for f in shipped.facts if comparable(f.quote) not in source]
    assert missing == []


def test_every_body_paragraph_is_cited(shipped):
    report = coverage(shipped)
    assert report.paragraph_count == 16
    assert report.uncited_paragraphs == ()


def test_source_text_leaves_out_page_furniture_and_personal_data(shipped):
    source = shipped.article.source.read_text(encoding="utf-8")
    for furniture in ("zhaohs845", "13636659215", "Handan Road", "ORCID", "AUTHOR IDs", "Subscribe",
                      "Rein Müllerson", "Lukyanov", "Karaganov", "Gorbachev", "More\n"):
        assert furniture not in source


FURNITURE = ("zhaohs845@outlook.com", "+86-13636659215", "Handan Road", "0009-0009-5920-1329",
             "Missionary zeal", "missionary zeal", "end conflicts but not resolve them",
             "Argumenty Nedeli", "Andrei Uglanov", "Subscribe to our distribution list")


@pytest.mark.parametrize("question", [
    "What is the author's e-mail?", "author phone number", "Where does Zhao Huasheng live, what's his address?",
    "What does Karaganov say about globalism?", "Lukyanov Trump 2.0", "Müllerson missionary zeal",
    "Is Trump more like Gorbachev or Deng?", "How can I subscribe?", "contacts",
])
def test_no_answer_ever_contains_furniture_or_contact_details(question):
    text = Engine.load().reply(question).plain()
    assert not any(f in text for f in FURNITURE)


def test_no_fact_quotes_or_answers_from_the_furniture(shipped):
    for f in shipped.facts:
        for piece in shipped.related_reading:
            assert piece.author not in f.answer + f.quote
        assert not any(x in f.answer + f.quote for x in FURNITURE)


def test_questions_about_related_reading_say_it_is_another_piece():
    engine = Engine.load()
    for question in ("Why is American globalism a disease?", "Karaganov interview"):
        reply = engine.reply(question)
        assert not reply.answered
        assert "another piece, not this article" in reply.plain()


# --- each kind of defect, caught with file and line ---------------------------------------------


def test_a_small_sound_fixture_loads(tmp_path):
    kb = load(write(tmp_path, GOOD))
    assert [f.id for f in kb.facts] == ["alpha", "gamma"]
    assert coverage(kb).uncited_paragraphs == ()


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path, GOOD.replace("    summary: The first part.", "    summary: [unclosed"))
    (found,) = problems(path)
    assert found.startswith(f"{path}:") and "malformed YAML" in found
    assert int(found.split(":")[1]) > 0


def test_missing_field_is_reported_with_line(tmp_path):
    path = write(tmp_path, GOOD.replace("    answer: The author says gamma.\n", ""))
    assert any(":20:" in p and "fact gamma: missing field 'answer'" in p for p in problems(path)), problems(path)


def test_unknown_field_is_reported_with_its_line(tmp_path):
    path = write(tmp_path, GOOD.replace("    related: [gamma]", "    related: [gamma]\n    colour: red"))
    assert any(":20:" in p and "unknown field 'colour'" in p for p in problems(path)), problems(path)


def test_duplicate_ids_are_reported(tmp_path):
    path = write(tmp_path, GOOD.replace("  - id: gamma", "  - id: alpha").replace("related: [gamma]", "related: []"))
    assert any("duplicate id 'alpha'" in p for p in problems(path))


def test_unknown_section_is_reported(tmp_path):
    path = write(tmp_path, GOOD.replace("    section: one\n    answer: The author says gamma.",
                                        "    section: two\n    answer: The author says gamma."))
    assert any("section 'two' does not exist" in p for p in problems(path))


def test_unknown_related_id_is_reported(tmp_path):
    path = write(tmp_path, GOOD.replace("related: [gamma]", "related: [delta]"))
    assert any(":19:" in p and "related fact 'delta' does not exist" in p for p in problems(path)), problems(path)


def test_a_question_both_answered_and_not_answered_is_reported(tmp_path):
    def listing(question: str) -> str:
        return GOOD.replace("    related: [gamma]\n", f"    related: [gamma]\n    not_answered: [\"{question}\"]\n")

    listed = load(write(tmp_path, listing("When was alpha born?"))).fact("alpha")
    assert listed.not_answered == ("When was alpha born?",)
    contradiction = listing("what about GAMMA")
    found = problems(write(tmp_path, contradiction))
    assert any(":20:" in p and "not_answered 'what about GAMMA' is also a question of fact gamma" in p
               for p in found), found


def test_the_articles_list_of_questions_it_does_not_answer_loads_and_is_checked_line_by_line(tmp_path):
    listed = GOOD.replace("  source: source.txt\n", "  source: source.txt\n  not_answered: not_answered.yaml\n")
    path = write(tmp_path, listed)
    (tmp_path / "not_answered.yaml").write_text("# asked, never answered\n- When was alpha born?\n- Кто такой альфа?\n",
                                                encoding="utf-8")
    assert load(path).not_answered == ("When was alpha born?", "Кто такой альфа?")
    # Each bad entry is named at its own line of that file: not a text, and one a fact answers.
    (tmp_path / "not_answered.yaml").write_text("- When was alpha born?\n- [nested]\n- what about GAMMA\n",
                                                encoding="utf-8")
    found = problems(path)
    assert any(p.startswith(f"{tmp_path / 'not_answered.yaml'}:2:") and "must be a question" in p for p in found)
    assert any(":3:" in p and "'what about GAMMA' is also a question of fact gamma" in p for p in found), found
    (tmp_path / "not_answered.yaml").unlink()
    assert any(":9:" in p and "cannot read" in p for p in problems(path))


def test_quote_not_in_source_is_reported(tmp_path):
    path = write(tmp_path, GOOD.replace("Second paragraph says gamma.", "Second paragraph says delta."))
    assert any("quote not found verbatim" in p for p in problems(path))


def test_quote_matching_ignores_whitespace_and_quote_style(tmp_path):
    path = write(tmp_path, GOOD.replace('quote: First paragraph says "alpha" - beta.',
                                        "quote: |-\n      First   paragraph\n      says “alpha” — beta."))
    assert load(path).fact("alpha")


def test_too_few_questions_are_reported(tmp_path):
    path = write(tmp_path, GOOD.replace('["What about gamma?", gamma, tell me gamma]', '["What about gamma?"]'))
    assert any("needs at least 3 questions, has 1" in p for p in problems(path))


def test_all_problems_are_reported_at_once(tmp_path):
    text = GOOD.replace("related: [gamma]", "related: [delta]").replace("section: one\n    answer: The author says g",
                                                                          "section: two\n    answer: The author says g")
    assert len(problems(write(tmp_path, text))) == 2


TOPICS = """\
topics:
  - id: letters
    names: [greek letters, letters]
    facts: [gamma, alpha]
"""


def test_topics_load_with_their_facts_in_order(tmp_path):
    topic, = load(write(tmp_path, GOOD + TOPICS)).topics
    assert (topic.id, topic.names, topic.facts) == ("letters", ("greek letters", "letters"), ("gamma", "alpha"))


def test_a_topic_naming_an_unknown_fact_or_another_topics_name_is_reported(tmp_path):
    broken = GOOD + TOPICS.replace("[gamma, alpha]", "[gamma, delta]") + (
        "  - id: more\n    names: [Letters]\n    facts: [alpha]\n")
    found = problems(write(tmp_path, broken))
    assert any(":28: topic letters: unknown fact 'delta'" in p for p in found), found
    assert any(":30: topic more: name 'Letters' also names topic letters" in p for p in found), found


def test_check_command_exits_2_and_lists_problems(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace("related: [gamma]", "related: [delta]"))
    assert main(["check", str(path)]) == 2
    assert f"{path}:19:" in capsys.readouterr().out


def test_check_tells_whether_the_base_answers_questions_about_the_whole_article(tmp_path, capsys):
    # The shipped base sums itself up; the fixture lists no such question, and its curator is told which.
    assert main(["check"]) == 0
    assert "whole-article questions: answered" in capsys.readouterr().out
    assert main(["check", str(write(tmp_path, GOOD))]) == 0
    assert "whole-article questions not answered: “what is the article about”" in capsys.readouterr().out


def test_check_counts_the_questions_listed_as_not_answered_and_says_when_too_few_to_weigh(tmp_path, capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    listed = re.search(r"questions listed as not answered: (\d+) for the article, (\d+) by facts", out)
    assert listed and int(listed[1]) >= 300 and "too few" not in out, out
    assert main(["check", str(write(tmp_path, GOOD))]) == 0
    assert "too few for the decision to weigh how close a question comes to them" in capsys.readouterr().out


def test_check_reports_uncited_paragraphs(tmp_path, capsys):
    path = write(tmp_path, GOOD, source=SOURCE + "\nA third paragraph nobody quotes.\n")
    assert main(["check", str(path)]) == 0
    assert "uncited paragraph 3" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["ask", "anything"], ["chat"], ["run"]])
def test_every_command_refuses_a_broken_knowledge_base_with_exit_2(tmp_path, capsys, command, monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:x")
    path = write(tmp_path, GOOD.replace("    summary: The first part.", "    summary: [unclosed"))
    assert main(["--knowledge", str(path), *command]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "malformed YAML" in err and "Traceback" not in err


def test_missing_knowledge_file_is_a_clear_error(tmp_path, capsys):
    assert main(["--knowledge", str(tmp_path / "nope.yaml"), "ask", "x"]) == 2
    assert "knowledge file not found" in capsys.readouterr().err


def test_a_partly_translated_base_is_reported_with_lines(tmp_path):
    path = write(tmp_path, GOOD.replace("    related: [gamma]",
                                        "    related: [gamma]\n    answer_ru: Автор говорит об альфе.\n"
                                        "    questions_ru: [\"что такое альфа?\", альфа, расскажи про альфу]"))
    found = problems(path)
    assert any("fact alpha: needs at least 4 questions_ru, has 3" in p for p in found), found
    assert any("fact gamma: missing 'answer_ru'" in p and ":22:" in p for p in found), found
    assert any("section one: missing 'title_ru'" in p for p in found), found
    assert any("missing 'description_ru'" in p for p in found), found


def test_a_base_without_russian_loads_and_answers_in_english(tmp_path):
    kb = load(write(tmp_path, GOOD))
    assert not any(f.answer_ru for f in kb.facts)


def test_an_alias_bomb_is_refused_with_its_line(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8))
    path = write(tmp_path, GOOD.replace("  - id: gamma\n", "  - id: *i\n", 1).replace("facts:\n", bomb + "facts:\n"))
    (found,) = problems(path)
    assert "aliases expand to more than 1000 nodes" in found and f"{path}:" in found


def test_deep_nesting_is_refused_not_a_crash(tmp_path):
    path = write(tmp_path, GOOD + "extra: " + "[" * 300 + "]" * 300 + "\n")
    (found,) = problems(path)
    assert "nested deeper than 50 levels" in found or "malformed YAML" in found


def test_a_source_that_is_not_a_regular_file_is_refused(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    path = write(tmp_path, GOOD.replace("source: source.txt", f"source: {fifo}"))
    assert any("not a regular file" in p for p in problems(path)), problems(path)


def test_an_oversized_knowledge_file_is_refused_unread(tmp_path):
    path = write(tmp_path, GOOD + "# " + "x" * (6 * 2**20) + "\n")
    (found,) = problems(path)
    assert "larger than 5 MB" in found


def test_a_quote_across_removed_page_furniture_is_refused(tmp_path):
    cut = SOURCE.replace("Second paragraph", "[…]\n\nSecond paragraph")
    path = write(tmp_path, GOOD.replace("quote: Second paragraph says gamma.",
                                        "quote: 'beta. Second paragraph says gamma.'"), source=cut)
    found = problems(path)
    assert any("quote spans page furniture removed from the source" in p for p in found), found


def test_the_shipped_publisher_quote_is_contiguous_on_the_page(shipped):
    assert shipped.fact("publisher").quote == "Valdai Papers"
