"""Knowledge base: YAML -> validated, immutable dataclasses.

Every problem found is reported with its file and line, all at once, so that a curator can
fix a file in one pass. Loading is the only place that reads the knowledge files.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .typography import fold_styles

DEFAULT_FILE = "article.yaml"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")  # short: ids travel in 64-byte callback data
MIN_QUESTIONS = 3
CUT = "[…]"  # a line of the source text where page furniture was removed: no quote may span it
MAX_FILE_BYTES = 5 * 2**20  # a knowledge or source file larger than this is refused, unread
MAX_ALIAS_NODES = 1000
MAX_DEPTH = 50
MIN_QUESTIONS_RU = 4  # once a knowledge base is translated, every fact needs this many Russian questions

_TOP_FIELDS = {"article", "sections", "facts", "synonyms", "related_reading", "topics"}
_ARTICLE_REQUIRED = {"title", "author", "affiliation", "series", "publisher", "date", "source"}
# not_answered: a file (beside the YAML) of questions readers may ask that the article does not answer.
_ARTICLE_FIELDS = _ARTICLE_REQUIRED | {"description_ru", "not_answered"}
_SECTION_REQUIRED = {"id", "title", "summary"}
_SECTION_FIELDS = _SECTION_REQUIRED | {"title_ru", "summary_ru", "overview"}
_FACT_REQUIRED = {"id", "section", "answer", "quote", "questions"}
_FACT_FIELDS = _FACT_REQUIRED | {"keywords", "related", "answer_ru", "questions_ru", "not_answered"}
_TOPIC_REQUIRED = {"id", "names", "facts"}
_TOPIC_FIELDS = _TOPIC_REQUIRED
_READING_REQUIRED = {"title", "author"}
_READING_FIELDS = _READING_REQUIRED | {"keywords"}


@dataclass(frozen=True)
class Article:
    title: str
    author: str
    affiliation: str
    series: str
    publisher: str
    date: dt.date
    source: Path
    description_ru: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    summary: str
    title_ru: str = ""
    summary_ru: str = ""
    overview: str = ""  # id of the fact that gives the article's overview of this topic


@dataclass(frozen=True)
class Fact:
    id: str
    section: str
    answer: str
    quote: str
    questions: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    answer_ru: str = ""  # the answer in Russian; the quote stays the article's English original
    questions_ru: tuple[str, ...] = ()
    # Questions readers asked about this fact's topic that the article does not answer (any
    # language): asked again, verbatim or nearly, they are refused. The curator's fix for a wrong answer.
    not_answered: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """A subject the article touches in several sections ("Ukraine", "Trump"): asked about by name
    alone, it is answered with its first fact, the others offered as buttons."""

    id: str
    names: tuple[str, ...]  # how readers name it, in any language ("ukraine", "kyiv", "украина")
    facts: tuple[str, ...]  # fact ids, the overview first


@dataclass(frozen=True)
class RelatedReading:
    """A piece shown beside the article on the web page: not the article, never an answer."""

    title: str
    author: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Knowledge:
    article: Article
    sections: tuple[Section, ...]
    facts: tuple[Fact, ...]
    related_reading: tuple[RelatedReading, ...] = ()
    topics: tuple[Topic, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()
    paragraphs: tuple[str, ...] = ()  # the source's body paragraphs, in order
    # Questions about the article's names and topics that it does not answer, and unrelated ones (the
    # article's `not_answered` file): the decision is fitted to refuse them and weighs how close a
    # reader's question comes to one; asked verbatim, or nearly, they are refused.
    not_answered: tuple[str, ...] = ()
    path: Path = field(default=Path(DEFAULT_FILE), compare=False)

    @cached_property
    def all_not_answered(self) -> tuple[str, ...]:
        """Every question listed as not answered: the article's list, then each fact's."""
        return (*self.not_answered, *(q for f in self.facts for q in f.not_answered))

    def fact(self, fact_id: str) -> Fact | None:
        return self._facts_by_id.get(fact_id)

    def section(self, section_id: str) -> Section | None:
        return self._sections_by_id.get(section_id)

    def facts_in(self, section_id: str) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.section == section_id)

    @cached_property
    def opening_facts(self) -> tuple[Fact, ...]:
        """The first fact of each section, in article order: a tour of the argument."""
        first: dict[str, Fact] = {}
        for fact in self.facts:
            first.setdefault(fact.section, fact)
        return tuple(first[s.id] for s in self.sections if s.id in first)

    def place_of(self, fact_id: str) -> tuple[int, int, int] | None:
        """Where a fact's quote stands in the source: (body paragraph index, start, end) in that
        paragraph's comparable() text; None without a source or for an unknown fact."""
        return self._places.get(fact_id)

    @cached_property
    def _places(self) -> dict[str, tuple[int, int, int]]:
        texts = [comparable(p) for p in self.paragraphs]
        places = {}
        for fact in self.facts:
            quote = comparable(fact.quote)
            for n, text in enumerate(texts):
                start = text.find(quote) if quote else -1
                if start != -1:
                    places[fact.id] = (n, start, start + len(quote))
                    break
        return places

    # cached_property writes the instance __dict__ directly, so it works on a frozen dataclass.
    @cached_property
    def _facts_by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    @cached_property
    def _sections_by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.sections}


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base cannot be used; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Coverage:
    facts_per_section: dict[str, int]
    uncited_paragraphs: tuple[int, ...]  # 1-based paragraph numbers
    paragraph_count: int
    quote_count: int
    quoted_share: float  # share of the body text's characters that some quote cites


def resolve_path(path: str | Path | None) -> Path:
    """A knowledge file, or a folder holding article.yaml; None means the bundled one."""
    if path is None:
        path = Path(__file__).resolve().parent.parent / "knowledge"
        if not path.exists():  # installed wheel: knowledge/ ships inside as bot/knowledge_data
            path = Path(__file__).resolve().parent / "knowledge_data"
    path = Path(path)
    return path / DEFAULT_FILE if path.is_dir() else path


def load(path: str | Path | None = None) -> Knowledge:
    """Read, validate and freeze a knowledge base; raise KnowledgeError listing every problem."""
    file = resolve_path(path)
    knowledge, problems = _parse(file)
    if problems or knowledge is None:
        raise KnowledgeError(problems)
    return knowledge


def coverage(knowledge: Knowledge) -> Coverage:
    """How the facts spread over sections, and which source paragraphs no quote cites."""
    per_section = {s.id: 0 for s in knowledge.sections}
    for f in knowledge.facts:
        per_section[f.section] = per_section.get(f.section, 0) + 1
    quotes = [comparable(f.quote) for f in knowledge.facts]
    cited_paragraphs = {place[0] for f in knowledge.facts if (place := knowledge.place_of(f.id))}
    uncited = tuple(n for n in range(1, len(knowledge.paragraphs) + 1) if n - 1 not in cited_paragraphs)
    body = comparable("\n\n".join(knowledge.paragraphs))
    cited = bytearray(len(body))
    for q in quotes:
        start = body.find(q) if q else -1
        while start != -1:
            cited[start:start + len(q)] = b"\x01" * len(q)
            start = body.find(q, start + 1)
    share = sum(cited) / len(body) if body else 0.0
    return Coverage(per_section, uncited, len(knowledge.paragraphs), len(quotes), share)


def read_limited(file: Path) -> str:
    """A regular file's text, refusing devices, FIFOs and files over MAX_FILE_BYTES (ValueError)."""
    info = file.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"{file} is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise ValueError(f"{file} is larger than {MAX_FILE_BYTES // 2**20} MB")
    with file.open("rb") as raw:
        return raw.read(MAX_FILE_BYTES + 1).decode("utf-8")


def comparable(text: str) -> str:
    """Whitespace- and quote-style-insensitive form used to compare quotes with the source."""
    return " ".join(fold_styles(text).split())


# --- parsing -------------------------------------------------------------------------------


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping and of each of its keys.

    It also refuses what no knowledge base needs and an attacker would use: aliases that
    expand to more than MAX_ALIAS_NODES nodes in all (an "alias bomb" of a few lines expands
    to billions) and nesting deeper than MAX_DEPTH (which would exhaust the recursion limit).
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._expanded = 0
        self._depth = 0
        self._sizes: dict[int, int] = {}

    def _size(self, node: yaml.Node) -> int:
        """How many nodes a node stands for once its aliases are expanded (memoised, so linear)."""
        if id(node) not in self._sizes:
            if isinstance(node, yaml.SequenceNode):
                size = 1 + sum(self._size(n) for n in node.value)
            elif isinstance(node, yaml.MappingNode):
                size = 1 + sum(self._size(k) + self._size(v) for k, v in node.value)
            else:
                size = 1
            self._sizes[id(node)] = size
        return self._sizes[id(node)]

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) and event.anchor in self.anchors:
            self._expanded += self._size(self.anchors[event.anchor])
            if self._expanded > MAX_ALIAS_NODES:
                raise yaml.composer.ComposerError(None, None, f"aliases expand to more than {MAX_ALIAS_NODES} nodes",
                                                  event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nested deeper than {MAX_DEPTH} levels",
                                                  event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=True)
        lines = {}
        for key_node, _ in node.value:
            lines[getattr(key_node, "value", None)] = key_node.start_mark.line + 1
        return _Located(mapping, node.start_mark.line + 1, lines)


# Plain (non-generator) construction, so every mapping, the top level included, is a _Located.
_LineLoader.add_constructor("tag:yaml.org,2002:map", lambda loader, node: loader.construct_mapping(node))


class _Located(dict):
    def __init__(self, mapping: dict, line: int, key_lines: dict[Any, int]):
        super().__init__(mapping)
        self.line = line
        self.key_lines = key_lines

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _parse(file: Path) -> tuple[Knowledge | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(file, line, message))

    try:
        text = read_limited(file)
    except FileNotFoundError:
        return None, [Problem(file, 0, "knowledge file not found")]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return None, [Problem(file, 0, f"cannot read knowledge file: {exc}")]
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except (RecursionError, MemoryError) as exc:
        return None, [Problem(file, 0, f"malformed YAML: {exc.__class__.__name__}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 0
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(file, line, f"malformed YAML: {reason}")]
    if not isinstance(data, _Located):
        return None, [Problem(file, 1, "the knowledge file must be a mapping with article, sections and facts")]

    _check_fields(data, _TOP_FIELDS, {"article", "sections", "facts"}, "top level", problem)
    article, paragraphs, source_text = _article(data.get("article"), data, file, problem)
    sections = _sections(data.get("sections"), data, problem)
    section_ids = {s.id for s in sections}
    facts = _facts(data.get("facts"), data, section_ids, source_text, problem)
    reading = _reading(data.get("related_reading"), data, problem)
    synonyms = _synonyms(data.get("synonyms"), data, problem)
    topics = _topics(data.get("topics"), data, {f.id for f in facts}, problem)
    _check_overviews(sections, facts, data, problem)
    _check_translation(article, sections, facts, data, problem)
    not_answered = _not_answered_file(data.get("article"), file, facts, problems)
    if article is None or problems:
        return None, problems
    return Knowledge(article, tuple(sections), tuple(facts), tuple(reading), tuple(topics), synonyms, paragraphs,
                     not_answered, file), []


def _check_fields(item: Any, allowed: set[str], required: set[str], what: str, problem) -> bool:
    if not isinstance(item, _Located):
        return False
    for key in item:
        if key not in allowed:
            problem(item.line_of(key), f"{what}: unknown field {key!r} (allowed: {', '.join(sorted(allowed))})")
    for key in sorted(required - set(item)):
        problem(item.line, f"{what}: missing field {key!r}")
    return True


def _text(item: _Located, key: str, what: str, problem) -> str:
    value = item.get(key)
    if key in item and (not isinstance(value, str) or not value.strip()):
        problem(item.line_of(key), f"{what}: {key!r} must be non-empty text")
        return ""
    return value.strip() if isinstance(value, str) else ""


def _texts(item: _Located, key: str, what: str, problem) -> tuple[str, ...]:
    value = item.get(key, [])
    # A bare year such as 2008 is read by YAML as a number; it is meant as text.
    value = [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value] \
        if isinstance(value, list) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problem(item.line_of(key), f"{what}: {key!r} must be a list of non-empty texts")
        return ()
    return tuple(v.strip() for v in value)


def _list(value: Any, data: _Located, key: str, problem, required: bool = True) -> list:
    if value is None and not required:
        return []
    if not isinstance(value, list) or (required and not value):
        problem(data.line_of(key), f"{key!r} must be a non-empty list")
        return []
    return value


def _article(item: Any, data: _Located, file: Path, problem) -> tuple[Article | None, tuple[str, ...], str]:
    if "article" in data and not _check_fields(item, _ARTICLE_FIELDS, _ARTICLE_REQUIRED, "article", problem):
        problem(data.line_of("article"), "'article' must be a mapping")
    if not isinstance(item, _Located):
        return None, (), ""
    texts = {k: _text(item, k, "article", problem) for k in _ARTICLE_REQUIRED - {"date"}}
    date = item.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            date = None
    if "date" in item and not isinstance(date, dt.date):
        problem(item.line_of("date"), "article: 'date' must be a date like 2025-03-25")
    source = (file.parent / texts["source"]) if texts["source"] else file.parent
    source_text, paragraphs = "", ()
    if texts["source"]:
        try:
            source_text = read_limited(source)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            problem(item.line_of("source"), f"article: cannot read source text {source}: {exc}")
        # The first block is the front matter (title, date, author); the rest are body paragraphs.
        blocks = [b.strip() for b in re.split(r"\n\s*\n", source_text) if b.strip() and b.strip() != CUT]
        paragraphs = tuple(blocks[1:])
    if not isinstance(date, dt.date) or not all(texts.values()):
        return None, paragraphs, source_text
    texts["source"] = source
    return Article(date=date, description_ru=_text(item, "description_ru", "article", problem), **texts), \
        paragraphs, source_text


def _sections(value: Any, data: _Located, problem) -> list[Section]:
    sections: list[Section] = []
    seen: dict[str, int] = {}
    for item in _list(value, data, "sections", problem):
        if not _check_fields(item, _SECTION_FIELDS, _SECTION_REQUIRED, "section", problem):
            problem(data.line_of("sections"), "each section must be a mapping")
            continue
        sid = _id(item, "section", seen, problem)
        title, summary = _text(item, "title", "section", problem), _text(item, "summary", "section", problem)
        extra = {k: _text(item, k, f"section {sid or '?'}", problem) for k in ("title_ru", "summary_ru", "overview")}
        if sid and title and summary:
            sections.append(Section(sid, title, summary, **extra))
    return sections


def _id(item: _Located, what: str, seen: dict[str, int], problem) -> str:
    value = item.get("id")
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        if "id" in item:
            problem(item.line_of("id"), f"{what}: id {value!r} must be 1-40 characters of a-z, 0-9 and '-'")
        return ""
    if value in seen:
        problem(item.line_of("id"), f"{what}: duplicate id {value!r} (first at line {seen[value]})")
        return ""
    seen[value] = item.line_of("id")
    return value


def _facts(value: Any, data: _Located, section_ids: set[str], source_text: str, problem) -> list[Fact]:
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    pending_related: list[tuple[_Located, str, tuple[str, ...]]] = []
    listed: list[tuple[_Located, Fact]] = []
    source = comparable(source_text)
    for item in _list(value, data, "facts", problem):
        label = f"fact {item.get('id')}" if isinstance(item, dict) and item.get("id") else "fact"
        if not _check_fields(item, _FACT_FIELDS, _FACT_REQUIRED, label, problem):
            problem(data.line_of("facts"), "each fact must be a mapping")
            continue
        fid = _id(item, "fact", seen, problem)
        where = f"fact {fid or '?'}"
        section = _text(item, "section", where, problem)
        if section and section not in section_ids:
            problem(item.line_of("section"), f"{where}: section {section!r} does not exist")
        answer, quote = _text(item, "answer", where, problem), _text(item, "quote", where, problem)
        if quote and source and comparable(quote) not in source:
            joined = comparable(source_text.replace(CUT, " "))
            problem(item.line_of("quote"), f"{where}: quote spans page furniture removed from the source "
                    f"(a {CUT} line marks the cut); quote one side of it" if comparable(quote) in joined
                    else f"{where}: quote not found verbatim in the source text")
        questions = _texts(item, "questions", where, problem)
        if "questions" in item and len(questions) < MIN_QUESTIONS:
            problem(item.line_of("questions"),
                    f"{where}: needs at least {MIN_QUESTIONS} questions, has {len(questions)}")
        keywords, related = _texts(item, "keywords", where, problem), _texts(item, "related", where, problem)
        answer_ru, questions_ru = _text(item, "answer_ru", where, problem), _texts(item, "questions_ru", where, problem)
        not_answered = _texts(item, "not_answered", where, problem)
        pending_related.append((item, where, related))
        if fid:
            facts.append(Fact(fid, section, answer, quote, questions, keywords, related, answer_ru, questions_ru,
                              not_answered))
            listed.append((item, facts[-1]))
    for item, where, related in pending_related:
        for rid in related:
            if rid not in seen:
                problem(item.line_of("related"), f"{where}: related fact {rid!r} does not exist")
    _check_not_answered(listed, problem)
    return facts


def _check_not_answered(listed: list[tuple[_Located, Fact]], problem) -> None:
    """A question listed as not answered must not also be a curated question of some fact."""
    curated = _curated_by_words([f for _, f in listed])
    for item, fact in listed:
        for question in fact.not_answered:
            if _words(question) in curated:
                problem(item.line_of("not_answered"), f"fact {fact.id}: not_answered {question!r} is also a "
                        f"question of fact {curated[_words(question)]}")


def _not_answered_file(item: Any, file: Path, facts: list[Fact], problems: list[Problem]) -> tuple[str, ...]:
    """The questions of the article's `not_answered` file (a YAML list of texts beside the knowledge
    file), none of them a curated question of a fact; problems are reported at that file's lines."""
    name = item.get("not_answered") if isinstance(item, _Located) else None
    if name is None:
        return ()
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(file, item.line_of("not_answered"), "article: 'not_answered' must name a file"))
        return ()
    listed = file.parent / name.strip()
    try:
        node = yaml.compose(read_limited(listed), Loader=_LineLoader)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        problems.append(Problem(file, item.line_of("not_answered"), f"article: cannot read {listed}: {exc}"))
        return ()
    except (yaml.YAMLError, RecursionError, MemoryError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(listed, mark.line + 1 if mark else 0, f"malformed YAML: {exc.__class__.__name__}"))
        return ()
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        problems.append(Problem(listed, node.start_mark.line + 1, "not_answered: must be a list of questions"))
        return ()
    curated = _curated_by_words(facts)
    questions = []
    for entry in node.value:
        line = entry.start_mark.line + 1
        if not isinstance(entry, yaml.ScalarNode) or not str(entry.value).strip():
            problems.append(Problem(listed, line, "not_answered: each entry must be a question (non-empty text)"))
        elif _words(entry.value) in curated:
            problems.append(Problem(listed, line, f"not_answered {entry.value!r} is also a question of fact "
                                    f"{curated[_words(entry.value)]}"))
        else:
            questions.append(str(entry.value).strip())
    return tuple(questions)


def _curated_by_words(facts: list[Fact]) -> dict[str, str]:
    """Each curated question's words (case and punctuation aside) -> the id of its fact."""
    return {_words(q): f.id for f in facts for q in (*f.questions, *f.questions_ru)}


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _check_overviews(sections: list[Section], facts: list[Fact], data: _Located, problem) -> None:
    section_of = {f.id: f.section for f in facts}
    for item in data.get("sections") or []:
        if isinstance(item, _Located) and isinstance(item.get("overview"), str):
            fid = item["overview"].strip()
            if fid and section_of.get(fid) != item.get("id"):
                problem(item.line_of("overview"),
                        f"section {item.get('id')}: overview {fid!r} is not a fact of this section")


def _check_translation(article: Article | None, sections: list[Section], facts: list[Fact], data: _Located,
                       problem) -> None:
    """A base with no Russian at all is fine (it answers in English); a partly translated one is not."""
    translated = any(f.answer_ru or f.questions_ru for f in facts) or any(s.title_ru for s in sections)
    if not translated:
        return
    lines = {(key, item.get("id")): item for key in ("sections", "facts") for item in (data.get(key) or [])
             if isinstance(item, _Located)}
    if article is not None and not article.description_ru:
        problem(data.line_of("article"), "article: missing 'description_ru' (the base has Russian elsewhere)")
    for s in sections:
        if not s.title_ru:
            problem(lines["sections", s.id].line,
                    f"section {s.id}: missing 'title_ru' (the base has Russian elsewhere)")
    for f in facts:
        if not f.answer_ru:
            problem(lines["facts", f.id].line, f"fact {f.id}: missing 'answer_ru' (the base has Russian elsewhere)")
        if len(f.questions_ru) < MIN_QUESTIONS_RU:
            problem(lines["facts", f.id].line_of("questions_ru"),
                    f"fact {f.id}: needs at least {MIN_QUESTIONS_RU} questions_ru, has {len(f.questions_ru)}")


def _reading(value: Any, data: _Located, problem) -> list[RelatedReading]:
    pieces = []
    for item in _list(value, data, "related_reading", problem, required=False):
        if not _check_fields(item, _READING_FIELDS, _READING_REQUIRED, "related_reading", problem):
            problem(data.line_of("related_reading"), "each related_reading entry must be a mapping")
            continue
        title = _text(item, "title", "related_reading", problem)
        author = _text(item, "author", "related_reading", problem)
        keywords = _texts(item, "keywords", "related_reading", problem)
        if title and author:
            pieces.append(RelatedReading(title, author, keywords))
    return pieces


def _topics(value: Any, data: _Located, fact_ids: set[str], problem) -> list[Topic]:
    topics: list[Topic] = []
    named: dict[str, str] = {}
    for item in _list(value, data, "topics", problem, required=False):
        if not _check_fields(item, _TOPIC_FIELDS, _TOPIC_REQUIRED, "topic", problem):
            problem(data.line_of("topics"), "each topics entry must be a mapping with id, names and facts")
            continue
        tid = _text(item, "id", "topic", problem)
        names = _texts(item, "names", f"topic {tid}", problem)
        facts = _texts(item, "facts", f"topic {tid}", problem)
        for fid in facts:
            if fid not in fact_ids:
                problem(item.line_of("facts"), f"topic {tid}: unknown fact {fid!r}")
        for name in names:
            if _words(name) in named:
                problem(item.line_of("names"), f"topic {tid}: name {name!r} also names topic {named[_words(name)]}")
            named[_words(name)] = tid
        if tid and names and facts:
            topics.append(Topic(tid, names, facts))
        elif tid:
            problem(item.line, f"topic {tid}: needs at least one name and one fact")
    return topics


def _synonyms(value: Any, data: _Located, problem) -> tuple[tuple[str, ...], ...]:
    groups = []
    for group in _list(value, data, "synonyms", problem, required=False):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
            problem(data.line_of("synonyms"), "each synonyms entry must be a list of two or more words")
            continue
        groups.append(tuple(w.strip() for w in group))
    return tuple(groups)
