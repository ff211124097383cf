"""Replies render the same content as Telegram HTML and as plain text, escaped and split safely."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import replies
from bot.replies import Reply, Style

from .support.telegram_html import problems


def test_answer_card_has_claim_blockquote_section_and_buttons(engine):
    reply = engine.reply("why did the obama reset fail")
    (html,) = reply.html()
    assert html.startswith("The author argues")
    assert f"<blockquote>{reply.fact.quote}</blockquote>" in html
    assert "<i>Section: Three decades" in html
    assert ("More on this", f"m:{reply.fact.id}") in [(b.label, b.data) for row in reply.buttons for b in row]
    assert problems(html) == []


def test_knowledge_and_user_text_is_escaped(engine):
    fact = replace(engine.knowledge.facts[0], answer="<script>alert(1)</script> & co", quote="a < b > c")
    (html,) = replies.for_fact(fact, engine.knowledge).html()
    assert "&lt;script&gt;" in html and "&amp; co" in html and "a &lt; b &gt; c" in html
    assert problems(html) == []


def test_every_reply_of_every_kind_is_valid_telegram_html(engine):
    kb = engine.knowledge
    built = [replies.for_start(kb), replies.for_sections(kb), replies.for_about(kb),
             replies.for_help(kb, "en", "ArticleBot"), replies.for_help(kb, "ru", "ArticleBot", group=True)]
    built += [replies.for_fact(f, kb) for f in kb.facts] + [replies.for_more(f, kb) for f in kb.facts]
    built += [replies.for_section(s, kb) for s in kb.sections]
    built += [engine.reply(q) for q in ("nato", "router reset", "karaganov", "", "x" * 5000)]
    for reply in built:
        for message in reply.html():
            assert problems(message) == [], message


def test_every_button_fits_telegram_callback_data_and_resolves(engine):
    kb = engine.knowledge
    built = [replies.for_start(kb), replies.for_sections(kb)] + [replies.for_fact(f, kb) for f in kb.facts]
    for reply in built:
        for row in reply.buttons:
            for button in row:
                assert len(button.data.encode()) <= 64
                assert replies.for_button(button.data, kb) is not None


def test_unknown_or_stale_button_data_resolves_to_nothing(engine):
    for data in ("f:no-such-fact", "s:gone", "zz", "", "m:"):
        assert replies.for_button(data, engine.knowledge) is None


def test_long_replies_split_on_paragraph_boundaries_under_the_limit():
    blocks = tuple((Style.TEXT, f"Paragraph {n} " + "word " * 300) for n in range(12))
    messages = Reply(blocks).html()
    assert len(messages) > 1 and all(len(m) <= 4096 for m in messages)
    assert all(m.startswith("Paragraph") for m in messages)  # never cut inside a paragraph
    assert "".join(messages).count("Paragraph") == 12


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>&ab \"'\n"), min_size=0, max_size=9000))
def test_any_text_renders_to_valid_html_within_the_limit(text):
    for message in Reply(((Style.QUOTE, text or "x"), (Style.TEXT, text or "y"))).html():
        assert problems(message) == []



def test_the_readme_examples_are_what_the_bot_replies(engine):
    # The README opens with a conversation; it drifted once (a question the bot now refuses).
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    examples = readme.split("```")[1].strip().split("\n> ")
    assert len(examples) >= 3
    for example in examples:
        question, _, shown = example.removeprefix("> ").partition("\n")
        assert " ".join(engine.reply(question).plain().split()) == " ".join(shown.split()), question
