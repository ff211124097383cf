"""A decision -> a reply: typed blocks and buttons, in the reader's language.

A reply is built once as a list of typed blocks plus buttons; every door (Telegram, inline
mode, terminal, JSON) renders the same blocks through bot/rendering.py, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import messages, rendering
from .knowledge import Fact, Knowledge, Section
from .matching import Decision, Gap, Kind
from .matching.normalise import MAX_QUESTION_CHARS

Style = rendering.Style  # re-exported: builders and doors speak of styles through this module


@dataclass(frozen=True)
class Button:
    label: str
    data: str  # callback data, <= 64 bytes: see button_data()


@dataclass(frozen=True)
class Reply:
    blocks: tuple[tuple[Style, str], ...]
    buttons: tuple[tuple[Button, ...], ...] = ()  # rows
    answered: bool = False
    fact: Fact | None = None
    section: Section | None = None
    score: int = 0
    suggestions: tuple[str, ...] = field(default=())  # fact ids offered
    confidence: float = 0.0  # the matcher's calibrated probability for the fact answered or closest
    lang: str = "en"

    def plain(self) -> str:
        return rendering.plain(self.blocks)

    def html(self) -> list[str]:
        return rendering.html(self.blocks)


def button_data(kind: str, ident: str, lang: str = "en") -> str:
    """Callback data: "f:<fact id>" (answer), "m:<fact id>" (more), "s:<section id>", then ":ru" for Russian."""
    return f"{kind}:{ident}" + (f":{lang}" if lang != "en" else "")


def parse_button_data(data: str) -> tuple[str, str, str]:
    """(kind, id, lang) from callback data; unknown parts come back empty."""
    kind, _, rest = data.partition(":")
    ident, _, lang = rest.partition(":")
    return kind, ident, lang if lang in messages.LANGUAGES else "en"


def fact_button(fact: Fact, lang: str = "en") -> Button:
    return Button(label(fact, lang), button_data("f", fact.id, lang))


def label(fact: Fact, lang: str = "en") -> str:
    """A fact as a user would ask it: its first curated question in that language."""
    return fact.questions_ru[0] if lang == "ru" and fact.questions_ru else fact.questions[0]


def answer_text(fact: Fact, lang: str = "en") -> str:
    return fact.answer_ru if lang == "ru" and fact.answer_ru else fact.answer


def section_title(section: Section, lang: str = "en") -> str:
    return section.title_ru if lang == "ru" and section.title_ru else section.title


def section_summary(section: Section, lang: str = "en") -> str:
    return section.summary_ru if lang == "ru" and section.summary_ru else section.summary


def _when(knowledge: Knowledge, lang: str) -> str:
    date = knowledge.article.date
    return date.strftime("%d.%m.%Y") if lang == "ru" else date.strftime("%d %B %Y").lstrip("0")


def citation_fields(knowledge: Knowledge, lang: str = "en") -> dict[str, str]:
    a = knowledge.article
    return {"title": a.title, "author": a.author, "publisher": a.publisher, "series": a.series,
            "date": _when(knowledge, lang), "affiliation": a.affiliation}


# --- builders --------------------------------------------------------------------------------


def for_decision(decision: Decision, knowledge: Knowledge, lang: str = "en") -> Reply:
    """The reply to a question, whatever the matcher decided."""
    m = messages.get(lang)
    notes = ((Style.NOTE, m.truncated.format(limit=MAX_QUESTION_CHARS)),) if decision.truncated else ()
    if decision.answered and decision.best:
        reply = for_fact(decision.best.fact, knowledge, lang, score=decision.score,
                         alternatives=decision.alternatives, more=decision.more, also=decision.also)
        return replace(reply, blocks=notes + reply.blocks, confidence=decision.confidence)
    if decision.kind is Kind.OTHER_PIECE and decision.reading:
        r = decision.reading
        text = m.other_piece.format(title=r.title, author=r.author, article_title=knowledge.article.title,
                                    article_author=knowledge.article.author)
        return Reply((*notes, (Style.TEXT, text)), lang=lang)
    if decision.kind is Kind.OUTLINE:
        reply = for_outline(knowledge, decision.alternatives, lang)
        return replace(reply, blocks=notes + reply.blocks)
    if decision.kind is Kind.EMPTY:
        example = label(knowledge.opening_facts[0], lang)
        return Reply((*notes, (Style.TEXT, m.empty.format(example=example))), _rows(decision.alternatives, lang),
                     suggestions=tuple(f.id for f in decision.alternatives), lang=lang)
    closest = decision.alternatives
    blocks = [(Style.TEXT, _refusal(decision, m))]
    if closest:
        blocks.append((Style.BOLD, m.did_you_mean if decision.close else m.closest_topics))
        blocks += [(Style.ITEM, label(f, lang)) for f in closest]
    return Reply(notes + tuple(blocks), _rows(closest, lang), score=decision.score,
                 suggestions=tuple(f.id for f in closest), confidence=decision.confidence, lang=lang)


def _refusal(decision: Decision, m: messages.Messages) -> str:
    """Why there is no answer, as precisely as the question allows: what it asks that the article lacks."""
    if decision.missing:
        return m.not_mentioned.format(words=", ".join(m.word.format(word=w) for w in decision.missing))
    if decision.close:
        return m.not_sure
    # Each gap's message is the field named after it: Gap.HOW_MANY ("how_many") is `gap_how_many`.
    return getattr(m, f"gap_{decision.gap.value}") if decision.gap is not Gap.NONE else m.not_covered


def for_fact(fact: Fact, knowledge: Knowledge, lang: str = "en", *, score: int = 100,
             alternatives: tuple[Fact, ...] = (), more: tuple[Fact, ...] = (), also: Fact | None = None) -> Reply:
    """The answer card of one fact: claim, verbatim quote, section; related and alternatives as buttons
    (`more`: the rest of a topic asked about by name). With `also` (a fact quoting a neighbouring
    passage, or one the matcher could not tell from `fact`), the card shows both claims and both
    quotes, in article order, and the section of each."""
    m = messages.get(lang)
    section = knowledge.section(fact.section)
    shown = sorted((fact, also), key=lambda f: knowledge.place_of(f.id) or ()) if also else [fact]
    blocks = [*((Style.TEXT, answer_text(f, lang)) for f in shown), (Style.NOTE, m.quote_label),
              *((Style.QUOTE, f.quote) for f in shown)]
    sections = [s for s in dict.fromkeys(knowledge.section(f.section) for f in shown) if s]
    if sections:
        titles = "; ".join(section_title(s, lang) for s in sections)
        blocks.append((Style.NOTE, m.source_line.format(section=titles)))
    if alternatives:
        blocks.append((Style.BOLD, m.did_you_mean))
        blocks += [(Style.ITEM, label(f, lang)) for f in alternatives]
    rows = list(_rows(alternatives, lang))
    if more:
        rows += _rows(more[:4], lang)
    elif section and section.overview == fact.id:
        # A topic's overview: the topic's other facts are the natural next questions.
        others = [f for f in knowledge.facts_in(section.id) if f.id != fact.id and f not in alternatives]
        rows += _rows(others[:4], lang)
    elif fact.related or section:
        rows.append((Button(m.more_on_this, button_data("m", fact.id, lang)),))
    return Reply(tuple(blocks), tuple(rows), True, fact, section, score, tuple(f.id for f in alternatives),
                 lang=lang)


def for_more(fact: Fact, knowledge: Knowledge, lang: str = "en") -> Reply:
    """What to read next after a fact: its related facts, else the rest of its section."""
    related = [knowledge.fact(r) for r in fact.related]
    options = [f for f in related if f] or [f for f in knowledge.facts_in(fact.section) if f.id != fact.id]
    blocks = ((Style.BOLD, messages.get(lang).related_heading), *((Style.ITEM, label(f, lang)) for f in options))
    return Reply(blocks, _rows(options, lang), suggestions=tuple(f.id for f in options), lang=lang)


def for_section(section: Section, knowledge: Knowledge, lang: str = "en") -> Reply:
    """A section: its title, summary, and its facts as buttons."""
    facts = knowledge.facts_in(section.id)
    blocks = ((Style.BOLD, section_title(section, lang)), (Style.TEXT, section_summary(section, lang)),
              (Style.NOTE, messages.get(lang).section_facts), *((Style.ITEM, label(f, lang)) for f in facts))
    return Reply(blocks, _rows(facts, lang), section=section, suggestions=tuple(f.id for f in facts), lang=lang)


def for_sections(knowledge: Knowledge, lang: str = "en") -> Reply:
    """The list of sections, one button each."""
    blocks = ((Style.BOLD, messages.get(lang).sections_heading),
              *((Style.ITEM, f"{n}. {section_title(s, lang)}") for n, s in enumerate(knowledge.sections, 1)))
    rows = tuple((Button(section_title(s, lang), button_data("s", s.id, lang)),) for s in knowledge.sections)
    return Reply(blocks, rows, lang=lang)


def for_outline(knowledge: Knowledge, picks: tuple[Fact, ...], lang: str = "en") -> Reply:
    """What the whole article covers, when the base does not sum it up: each section's title and
    summary, in article order, and questions to try (`picks`) as buttons."""
    m = messages.get(lang)
    parts = ((Style.ITEM, f"{section_title(s, lang)}: {section_summary(s, lang)}")
             for s in knowledge.sections if knowledge.facts_in(s.id))
    blocks = ((Style.TEXT, m.outline.format(**citation_fields(knowledge, lang))), *parts,
              (Style.BOLD, m.examples_heading), *((Style.ITEM, label(f, lang)) for f in picks))
    return Reply(blocks, _rows(picks, lang), suggestions=tuple(f.id for f in picks), lang=lang)


def for_start(knowledge: Knowledge, lang: str = "en", examples: int = 3) -> Reply:
    """Welcome: what the bot is, the article, and example questions as buttons."""
    m = messages.get(lang)
    picks = knowledge.opening_facts[:examples]
    blocks = ((Style.TEXT, m.intro.format(**citation_fields(knowledge, lang))), (Style.BOLD, m.examples_heading),
              *((Style.ITEM, label(f, lang)) for f in picks))
    return Reply(blocks, _rows(picks, lang), suggestions=tuple(f.id for f in picks), lang=lang)


def for_help(knowledge: Knowledge, lang: str = "en", username: str | None = None, *, group: bool = False) -> Reply:
    m = messages.get(lang)
    commands = m.group_commands if group else m.private_commands
    lines = "\n".join(f"/{name} - {description}" for name, description in commands)
    blocks = [(Style.TEXT, m.help.format(example=label(knowledge.opening_facts[0], lang), commands=lines))]
    if username:
        blocks.append((Style.NOTE, m.inline_hint.format(username=username)))
    return Reply(tuple(blocks), lang=lang)


def for_about(knowledge: Knowledge, lang: str = "en") -> Reply:
    blocks = [(Style.TEXT, messages.get(lang).about.format(**citation_fields(knowledge, lang)))]
    if lang == "ru" and knowledge.article.description_ru:
        blocks.append((Style.TEXT, knowledge.article.description_ru))
    return Reply(tuple(blocks), lang=lang)


def notice(text: str, lang: str = "en") -> Reply:
    return Reply(((Style.TEXT, text),), lang=lang)


def _rows(facts, lang: str = "en") -> tuple[tuple[Button, ...], ...]:
    return tuple((fact_button(f, lang),) for f in facts)


def for_button(data: str, knowledge: Knowledge) -> Reply | None:
    """What a pressed button shows, in the language it was offered in; None for unknown or stale data."""
    kind, ident, lang = parse_button_data(data)
    if kind == "f" and (fact := knowledge.fact(ident)):
        return for_fact(fact, knowledge, lang)
    if kind == "m" and (fact := knowledge.fact(ident)):
        return for_more(fact, knowledge, lang)
    if kind == "s" and (section := knowledge.section(ident)):
        return for_section(section, knowledge, lang)
    return None
