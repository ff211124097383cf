"""A decision -> a reply, rendered as Telegram HTML or plain text.

This is the one place where text is escaped and split. A reply is built once as a list of
typed blocks plus buttons; every door (Telegram, inline mode, terminal, JSON) renders the
same blocks, so they cannot drift apart.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from . import texts
from .knowledge import Fact, Knowledge, Section
from .matcher import Decision, Kind
from .text import MAX_QUESTION_CHARS

MAX_MESSAGE_CHARS = 4096  # Telegram's limit for one message
_TAG = re.compile(r"</?(b|i|blockquote)>")


class Style(StrEnum):
    TEXT = "text"
    BOLD = "bold"
    QUOTE = "quote"
    NOTE = "note"  # secondary: the section line, hints
    ITEM = "item"  # one line of a list


@dataclass(frozen=True)
class Button:
    label: str
    data: str  # callback data, <= 64 bytes: "f:<fact id>", "m:<fact id>" or "s:<section id>"


@dataclass(frozen=True)
class Reply:
    blocks: tuple[tuple[Style, str], ...]
    buttons: tuple[tuple[Button, ...], ...] = ()  # rows
    answered: bool = False
    fact: Fact | None = None
    section: Section | None = None
    score: int = 0
    suggestions: tuple[str, ...] = field(default=())  # fact ids offered

    def plain(self) -> str:
        return render_plain(self)

    def html(self) -> list[str]:
        return render_html(self)


def fact_button(fact: Fact) -> Button:
    return Button(label(fact), f"f:{fact.id}")


def label(fact: Fact) -> str:
    """A fact as a user would ask it: its first curated question."""
    return fact.questions[0]


def _when(knowledge: Knowledge) -> str:
    return knowledge.article.date.strftime("%d %B %Y").lstrip("0")


def citation_fields(knowledge: Knowledge) -> dict[str, str]:
    a = knowledge.article
    return {"title": a.title, "author": a.author, "publisher": a.publisher, "series": a.series,
            "date": _when(knowledge), "affiliation": a.affiliation}


# --- builders --------------------------------------------------------------------------------


def for_decision(decision: Decision, knowledge: Knowledge) -> Reply:
    """The reply to a question, whatever the matcher decided."""
    notes = ((Style.NOTE, texts.TRUNCATED.format(limit=MAX_QUESTION_CHARS)),) if decision.truncated else ()
    if decision.answered and decision.best:
        reply = for_fact(decision.best.fact, knowledge, score=decision.score, alternatives=decision.alternatives)
        return replace(reply, blocks=notes + reply.blocks)
    if decision.kind is Kind.OTHER_PIECE and decision.reading:
        r = decision.reading
        text = texts.OTHER_PIECE.format(title=r.title, author=r.author, article_title=knowledge.article.title,
                                        article_author=knowledge.article.author)
        return Reply((*notes, (Style.TEXT, text)))
    if decision.kind is Kind.EMPTY:
        example = label(knowledge.opening_facts[0])
        return Reply((*notes, (Style.TEXT, texts.EMPTY.format(example=example))),
                     _rows(decision.alternatives), suggestions=tuple(f.id for f in decision.alternatives))
    closest = decision.alternatives
    blocks = [(Style.TEXT, texts.NOT_COVERED)]
    if closest:
        blocks.append((Style.BOLD, texts.CLOSEST_TOPICS))
        blocks += [(Style.ITEM, label(f)) for f in closest]
    return Reply(notes + tuple(blocks), _rows(closest), score=decision.score,
                 suggestions=tuple(f.id for f in closest))


def for_fact(fact: Fact, knowledge: Knowledge, *, score: int = 100, alternatives: tuple[Fact, ...] = ()) -> Reply:
    """The answer card of one fact: claim, verbatim quote, section; related and alternatives as buttons."""
    section = knowledge.section(fact.section)
    blocks = [(Style.TEXT, fact.answer), (Style.QUOTE, fact.quote)]
    if section:
        blocks.append((Style.NOTE, texts.SOURCE_LINE.format(section=section.title)))
    if alternatives:
        blocks.append((Style.BOLD, texts.DID_YOU_MEAN))
        blocks += [(Style.ITEM, label(f)) for f in alternatives]
    rows = list(_rows(alternatives))
    if fact.related or section:
        rows.append((Button(texts.MORE_ON_THIS, f"m:{fact.id}"),))
    return Reply(tuple(blocks), tuple(rows), True, fact, section, score, tuple(f.id for f in alternatives))


def for_more(fact: Fact, knowledge: Knowledge) -> Reply:
    """What to read next after a fact: its related facts, else the rest of its section."""
    related = [knowledge.fact(r) for r in fact.related]
    options = [f for f in related if f] or [f for f in knowledge.facts_in(fact.section) if f.id != fact.id]
    blocks = ((Style.BOLD, texts.RELATED_HEADING), *((Style.ITEM, label(f)) for f in options))
    return Reply(blocks, _rows(options), suggestions=tuple(f.id for f in options))


def for_section(section: Section, knowledge: Knowledge) -> Reply:
    """A section: its title, summary, and its facts as buttons."""
    facts = knowledge.facts_in(section.id)
    blocks = ((Style.BOLD, section.title), (Style.TEXT, section.summary), (Style.NOTE, texts.SECTION_FACTS),
              *((Style.ITEM, label(f)) for f in facts))
    return Reply(blocks, _rows(facts), section=section, suggestions=tuple(f.id for f in facts))


def for_sections(knowledge: Knowledge) -> Reply:
    """The list of sections, one button each."""
    blocks = ((Style.BOLD, texts.SECTIONS_HEADING),
              *((Style.ITEM, f"{n}. {s.title}") for n, s in enumerate(knowledge.sections, 1)))
    rows = tuple((Button(s.title, f"s:{s.id}"),) for s in knowledge.sections)
    return Reply(blocks, rows)


def for_start(knowledge: Knowledge, examples: int = 3) -> Reply:
    """Welcome: what the bot is, the article, and example questions as buttons."""
    picks = knowledge.opening_facts[:examples]
    blocks = ((Style.TEXT, texts.INTRO.format(**citation_fields(knowledge))), (Style.BOLD, texts.EXAMPLES_HEADING),
              *((Style.ITEM, label(f)) for f in picks))
    return Reply(blocks, _rows(picks), suggestions=tuple(f.id for f in picks))


def for_help(knowledge: Knowledge, commands: tuple[tuple[str, str], ...], username: str | None = None) -> Reply:
    lines = "\n".join(f"/{name} - {description}" for name, description in commands)
    blocks = [(Style.TEXT, texts.HELP.format(example=label(knowledge.opening_facts[0]), commands=lines))]
    if username:
        blocks.append((Style.NOTE, texts.INLINE_HINT.format(username=username)))
    return Reply(tuple(blocks))


def for_about(knowledge: Knowledge) -> Reply:
    return Reply(((Style.TEXT, texts.ABOUT.format(**citation_fields(knowledge))),))


def notice(text: str) -> Reply:
    return Reply(((Style.TEXT, text),))


def _rows(facts) -> tuple[tuple[Button, ...], ...]:
    return tuple((fact_button(f),) for f in facts)


# --- rendering -------------------------------------------------------------------------------


def _paragraphs(reply: Reply, fmt) -> list[str]:
    """Blocks formatted by `fmt`, consecutive list items kept together in one paragraph."""
    parts: list[str] = []
    previous = None
    for style, text in reply.blocks:
        if style is Style.ITEM and previous is Style.ITEM:
            parts[-1] += "\n" + fmt(style, text)
        else:
            parts.append(fmt(style, text))
        previous = style
    return parts


def _plain_block(style: Style, text: str) -> str:
    if style is Style.QUOTE:
        return f"“{text}”"
    return f"• {text}" if style is Style.ITEM else text


def render_plain(reply: Reply) -> str:
    """Plain text: quotes in typographic quotation marks, list items bulleted."""
    return "\n\n".join(_paragraphs(reply, _plain_block))


def _html_block(style: Style, text: str) -> str:
    escaped = html.escape(text, quote=False)
    return {
        Style.TEXT: escaped,
        Style.BOLD: f"<b>{escaped}</b>",
        Style.QUOTE: f"<blockquote>{escaped}</blockquote>",
        Style.NOTE: f"<i>{escaped}</i>",
        Style.ITEM: f"• {escaped}",
    }[style]


def render_html(reply: Reply, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Telegram HTML, escaped, split into messages of at most `limit` characters on block boundaries."""
    return split_messages(_paragraphs(reply, _html_block), limit, render=lambda part: _html_block(Style.TEXT, part))


def split_messages(blocks: list[str], limit: int, render) -> list[str]:
    """Join blocks with blank lines into messages <= limit; a block too long alone is cut as text."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        pieces = [block] if len(block) <= limit else _cut(block, limit, render)
        for piece in pieces:
            candidate = f"{current}\n\n{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
            else:
                messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return messages


def _cut(block: str, limit: int, render) -> list[str]:
    # Only reachable for a block longer than a whole message: drop its markup and cut the
    # unescaped text on whitespace, so no tag or entity is ever split in half.
    raw = html.unescape(_strip_tags(block))
    pieces, current = [], ""
    for word in raw.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(render(candidate)) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(render(current))
        while len(render(word)) > limit:  # a single enormous "word"
            size = limit // 6  # worst case: every character escapes to 5-6 characters
            pieces.append(render(word[:size]))
            word = word[size:]
        current = word
    if current:
        pieces.append(render(current))
    return pieces


def _strip_tags(block: str) -> str:
    return _TAG.sub("", block)


def for_button(data: str, knowledge: Knowledge) -> Reply | None:
    """What a pressed button shows; None for data that is unknown or stale."""
    kind, _, ident = data.partition(":")
    if kind == "f" and (fact := knowledge.fact(ident)):
        return for_fact(fact, knowledge)
    if kind == "m" and (fact := knowledge.fact(ident)):
        return for_more(fact, knowledge)
    if kind == "s" and (section := knowledge.section(ident)):
        return for_section(section, knowledge)
    return None
