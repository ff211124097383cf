"""The lexical stage: which facts share the question's words, and how much of it they explain.

Two stages. Retrieval: every fact is a bag of word stems and adjacent-stem pairs (its
alternate questions and keywords count most, then its answer and quote, then its section
title), each weighted by how rare it is across the knowledge base (IDF), so "Bucharest"
outweighs "Russia". A question's coverage is the weighted share of its meaningful words that
a fact contains. Words the knowledge base has never seen count against every fact, in
proportion to how rare they are in English: that is what makes "how do I reset my router"
abstain while "signed" in a paraphrase does little harm. Misspellings are mapped to the
nearest knowledge-base word with rapidfuzz. Rerank: the best candidates are compared with
their curated questions by rapidfuzz. Everything is pure and synchronous; the index is built
once and never changes, so one index serves all threads.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process

from ..knowledge import Fact, Knowledge, RelatedReading
from .commonness import COMMON_ZIPF, FLOOR, RARE_ZIPF, specificity, zipf
from .normalise import (
    MAX_QUESTION_CHARS,
    STOP_WORDS,
    Synonyms,
    content_terms,
    content_words,
    is_cyrillic,
    normalise,
)

# Prefixes that keep a word's sense: "refocusing" is still "focusing" (a typo fix may add them).
_KEEPING_PREFIXES = frozenset("re un pre non co de dis mis over under anti counter".split())


@dataclass(frozen=True)
class Tuning:
    """Knobs of the lexical stage (the decision itself is the fitted model in data/decision.json)."""

    # A match is lexically confident (a feature of the decision; the rule for related reading)
    # at this score, with this share of the question's weight explained, and this much evidence.
    abstain_below: float = 42.0
    min_coverage: float = 0.35
    coverage_weight: float = 0.7  # final = coverage_weight * coverage + rest * question similarity
    rerank_depth: int = 12
    common_posting_limit: int = 500  # a word in more documents than this only re-scores candidates
    max_alternatives: int = 3
    # How strongly a word counts where it appears: curated questions and keywords, the
    # article's own words, the section it belongs to.
    curated_strength: float = 0.75
    text_strength: float = 0.6
    section_strength: float = 0.3
    unknown_word_weight: float = 1.2  # times the highest IDF: a word the base never uses
    typo_cutoff_long: float = 80.0  # rapidfuzz ratio to accept a correction, words of 6+ chars
    typo_cutoff_short: float = 85.0  # for 4-5 character words (shorter ones are not corrected)
    typo_max_zipf: float = 3.5  # words more common than this in English are taken as meant
    transposition_certainty: float = 0.9  # a word of the base with two neighbouring letters swapped
    rare_zipf: float = RARE_ZIPF  # English words this rare or rarer count fully (names, terms of art)
    common_zipf: float = COMMON_ZIPF  # words this common count only common_floor of their weight
    common_floor: float = FLOOR
    phrase_weight: float = 0.3  # times the IDF of a known pair of adjacent words
    known_softening: float = 0.5  # exponent on the English-commonness factor of known words
    min_evidence: float = 2.0  # matched weight below this is too little ("time in Moscow")
    # Russian stems of one word can differ in their last letters ("провал" -> "прова", "провалилась"
    # -> "провал"): an unknown Cyrillic stem this close to a known one (shared start) is that word.
    inflection_min_stem: int = 5
    inflection_max_extra: int = 2
    inflection_certainty: float = 0.9


class Term(NamedTuple):
    """One meaningful word (or adjacent pair) of a question, as the index understood it."""

    term: str  # stem, or "stem+stem" for a pair
    weight: float
    certainty: float  # 1 for a known word, < 1 for a typo fix, 0 for a word the base never uses
    word: str  # as written (after normalising); "" for a pair
    meant: str = ""  # for a typo fix, the knowledge base's word it was taken for


class Hit(NamedTuple):
    """One document the question's words point at."""

    doc: int
    score: float  # 0-100
    coverage: float  # share of the question's weight this document explains
    evidence: float  # that weight itself


@dataclass(frozen=True)
class _Doc:
    fact: Fact | None
    reading: RelatedReading | None
    questions: tuple[str, ...]  # prepared: content stems joined by spaces


_POSTING_MAP_MIN = 64  # long postings also get a dict, for re-scoring a few candidates quickly


def _pairs(stems: list[str]) -> list[str]:
    """Adjacent stems joined by '+': a token no single word can produce."""
    return [f"{a}+{b}" for a, b in itertools.pairwise(stems)]


class LexicalIndex:
    """An immutable word index over one knowledge base."""

    def __init__(self, knowledge: Knowledge, tuning: Tuning | None = None):
        self.knowledge = knowledge
        self.tuning = tuning or Tuning()
        zipf("a"), zipf("я")  # load the frequency tables now, not on the first question
        self._synonyms = Synonyms(knowledge.synonyms)
        self._surface: dict[str, str] = {}  # every word of the base as written -> its stem
        t = self.tuning
        docs: list[_Doc] = []
        strengths: list[dict[str, float]] = []
        for f in knowledge.facts:
            section = knowledge.section(f.section)
            terms: dict[str, float] = {}
            self._add(terms, [section.title] if section else [], t.section_strength)
            self._add(terms, [f.answer, f.quote], t.text_strength)
            self._add(terms, [*f.questions, *f.questions_ru, *f.keywords], t.curated_strength)
            docs.append(_Doc(f, None, self._prepared((*f.questions, *f.questions_ru))))
            strengths.append(terms)
        for r in knowledge.related_reading:
            terms = {}
            self._add(terms, [r.title, r.author, *r.keywords], t.curated_strength)
            docs.append(_Doc(None, r, self._prepared((r.title, *r.keywords))))
            strengths.append(terms)
        df: dict[str, int] = defaultdict(int)
        for terms in strengths:
            for term, strength in terms.items():
                # A section title repeated on all its facts would make its words look common.
                df[term] += strength > t.section_strength
        df = {term: max(1, count) for term, count in df.items()}
        n = len(docs)
        self._idf = {term: math.log(1 + n / count) for term, count in df.items()}
        self._unknown_weight = t.unknown_word_weight * math.log(1 + n)
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, terms in enumerate(strengths):
            for term, strength in terms.items():
                postings[term].append((i, strength))
        self._postings = {term: tuple(p) for term, p in postings.items()}
        self._doc_terms = tuple(frozenset(terms) for terms in strengths)
        self._doc_of_fact = {d.fact.id: i for i, d in enumerate(docs) if d.fact}
        self._posting_maps = {term: dict(p) for term, p in postings.items() if len(p) > _POSTING_MAP_MIN}
        self._docs = tuple(docs)
        # Typo correction compares the word as typed, and its stem, with the base's words as
        # written and their stems ("zelenksy" is closest to "zelensky", "expier" to "expir"),
        # and with the stop words, so a misspelt filler word ("dose" for "does") is dropped.
        for word in STOP_WORDS:
            self._surface.setdefault(word, word)
        for stem in list(self._surface.values()):  # stems too: "expier" is closest to "expir"
            self._surface.setdefault(stem, stem)
        spellings: dict[int, list[str]] = defaultdict(list)
        for word in sorted(self._surface):
            spellings[len(word)].append(word)
        self._spellings_by_length = {n: tuple(words) for n, words in spellings.items()}
        self._cyrillic_stems = tuple(sorted(term for term in self._postings if "+" not in term and is_cyrillic(term)))

    def _add(self, terms: dict[str, float], texts: list[str], strength: float) -> None:
        # Evidence from several fields adds up (a word in both a curated question and the
        # quote counts more than in either), but never past 1.
        found = set()
        for text in texts:
            words = content_words(normalise(text), self._synonyms)
            stems = [s for _, s in words]
            found.update(stems)
            found.update(_pairs(stems))
            self._surface.update(words)
        for term in found:
            terms[term] = 1 - (1 - terms.get(term, 0.0)) * (1 - strength)

    def _prepared(self, texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(" ".join(content_terms(normalise(q), self._synonyms)) for q in texts)

    # --- per question -------------------------------------------------------------------

    def terms(self, question: str) -> list[Term]:
        """(term, weight, certainty) for each meaningful word: certainty < 1 for typo fixes."""
        question = question[:MAX_QUESTION_CHARS]
        resolved = []
        seen = set()
        words = content_words(normalise(question), self._synonyms)
        for word, term in words:
            if term in seen:  # "blah blah blah" is one unknown word, not three
                continue
            seen.add(term)
            if term in self._postings:
                # Softened: a word the base uses to tell facts apart ("start" of New START)
                # keeps more of its weight than an unknown word equally common in English.
                weight = self._idf[term] * self._specificity(word) ** self.tuning.known_softening
                resolved.append(Term(term, weight, 1.0, word))
                continue
            inflected = self._inflection(term) if is_cyrillic(term) else None
            if inflected is not None:
                if inflected not in seen:  # "провал", "провала": one word
                    seen.add(inflected)
                    weight = self._idf[inflected] * self._specificity(word) ** self.tuning.known_softening
                    resolved.append(Term(inflected, weight, self.tuning.inflection_certainty, word))
                continue
            # Only a rare string can be a typo: "signed" is a word the base lacks, not a slip.
            fixed = self.correct(word, term) if zipf(word) < self.tuning.typo_max_zipf else None
            if fixed is None:
                resolved.append(Term(term, self._unknown_weight * self._specificity(word), 0.0, word))
            elif fixed[0] not in STOP_WORDS and fixed[0] not in seen:
                seen.add(fixed[0])
                resolved.append(Term(fixed[0], self._idf[fixed[0]], fixed[1], word, fixed[2]))
        # Adjacent words the base also has side by side ("cold peace", "national interests")
        # point at the facts that use the phrase; a pair the base never uses adds nothing.
        for pair in dict.fromkeys(_pairs([term for _, term in words])):
            if pair in self._postings:
                resolved.append(Term(pair, self._idf[pair] * self.tuning.phrase_weight, 1.0, ""))
        return resolved

    def _specificity(self, word: str) -> float:
        t = self.tuning
        return specificity(word, rare=t.rare_zipf, common=t.common_zipf, floor=t.common_floor)

    def _inflection(self, term: str) -> str | None:
        """The known stem that is this stem with a few letters more or fewer at the end, if any
        (the longest shared start wins; never a stem shorter than inflection_min_stem)."""
        t = self.tuning
        for k in range(len(term) - 1, max(t.inflection_min_stem, len(term) - t.inflection_max_extra) - 1, -1):
            if term[:k] in self._postings:  # the base's stem is shorter: "провал" -> "прова"
                return term[:k]
        if len(term) >= t.inflection_min_stem:  # the base's stem is longer: "прова" -> "провал"
            start = bisect.bisect_right(self._cyrillic_stems, term)
            for known in self._cyrillic_stems[start:start + 8]:
                if known.startswith(term) and len(known) - len(term) <= t.inflection_max_extra:
                    return known
        return None

    def correct(self, word: str, term: str) -> tuple[str, float, str] | None:
        """For a misspelt `word` (or its stem): the stem of the closest word of the base, the similarity (0-1)
        and that word as the base writes it."""
        if len(word) < 3 or not word.isalpha():
            return None
        # Two neighbouring letters swapped is the commonest slip ("teh", "abuot", "fial"); fuzzy
        # ratios count it as two edits and would prefer "final" for "fial", or nothing for "abuot".
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
            if swapped != word and swapped in self._surface:
                stem = self._surface[swapped]
                if stem in self._postings or stem in STOP_WORDS:
                    return stem, self.tuning.transposition_certainty, swapped
        if len(word) < 4:
            return None
        cutoff = self.tuning.typo_cutoff_long if len(word) >= 6 else self.tuning.typo_cutoff_short
        best = None
        for typed in dict.fromkeys((term, word)):  # the stem first: it wins a tie
            # fuzz.ratio is 200*common/(len1+len2): only words within these lengths can reach the cutoff.
            low = math.ceil(len(typed) * cutoff / (200 - cutoff))
            high = math.floor(len(typed) * (200 - cutoff) / cutoff)
            for length in range(low, high + 1):
                hit = process.extractOne(typed, self._spellings_by_length.get(length, ()), scorer=fuzz.ratio,
                                         processor=None, score_cutoff=best[1] if best else cutoff)
                if hit and (best is None or hit[1] > best[1]):
                    best = hit
        # A base word ending a longer one is another word, not a slip ("byline" is not "line"), unless
        # what comes before it is a prefix that keeps its sense ("refocusing" is still "focusing").
        if best is None or (word.endswith(best[0]) and word[:-len(best[0])] not in _KEEPING_PREFIXES
                            and len(word) - len(best[0]) >= 2):
            return None
        stem = self._surface[best[0]]
        return (stem, best[1] / 100, best[0]) if stem in self._postings or stem in STOP_WORDS else None

    def confident(self, score: float, coverage: float, evidence: float) -> bool:
        """Whether a match (score 0-100) is one the words alone would answer on."""
        t = self.tuning
        return score >= t.abstain_below and coverage >= t.min_coverage and evidence >= t.min_evidence

    def fact_of(self, hit: Hit) -> Fact | None:
        return self._docs[hit.doc].fact

    def reading_of(self, hit: Hit) -> RelatedReading | None:
        return self._docs[hit.doc].reading

    @property
    def synonyms(self) -> Synonyms:
        return self._synonyms

    def is_known(self, term: str) -> bool:
        return term in self._postings

    def fact_has(self, fact: Fact, term: str) -> bool:
        """Whether a fact's own texts (questions, keywords, answer, quote, section title) use the term."""
        return term in self._doc_terms[self._doc_of_fact[fact.id]]

    def resembles_known(self, word: str, cutoff: float = 70.0) -> bool:
        """Whether a word is close in spelling to some word of the base (a typo too far to correct)."""
        return any(process.extractOne(word, self._spellings_by_length.get(n, ()), scorer=fuzz.ratio, processor=None,
                                      score_cutoff=cutoff) for n in range(max(1, len(word) - 2), len(word) + 3))

    def specificity(self, word: str) -> float:
        """How specific a word is in general use: 1 for rare words and names, down to the floor for everyday ones."""
        return self._specificity(word)

    def ranked(self, terms: list[Term]) -> list[Hit]:
        """The documents the terms point at, best first (at most rerank_depth)."""
        total = sum(t.weight for t in terms)
        t = self.tuning
        covered: dict[int, float] = defaultdict(float)
        # Heaviest words first. Once documents are in hand, a word only re-scores them when
        # the words left could not lift a new document to the coverage gate, or when it is in
        # so many documents that it cannot tell them apart anyway.
        remaining = sum(t.weight * t.certainty for t in terms)
        for term, weight, certainty, *_ in sorted(terms, key=lambda x: -x.weight * x.certainty):
            postings = self._postings.get(term, ())
            if not covered or (remaining >= t.min_coverage * total and len(postings) <= t.common_posting_limit):
                for doc, strength in postings:
                    covered[doc] += weight * strength * certainty
            elif len(postings) > max(len(covered), _POSTING_MAP_MIN):
                lookup = self._posting_maps[term]
                for doc in list(covered):
                    covered[doc] += weight * lookup.get(doc, 0.0) * certainty
            else:
                for doc, strength in postings:
                    if doc in covered:
                        covered[doc] += weight * strength * certainty
            remaining -= weight * certainty
        if not covered:
            return []
        shortlist = heapq.nsmallest(t.rerank_depth, covered.items(), key=lambda kv: (-kv[1], kv[0]))
        query = " ".join(t.term for t in terms if t.certainty > 0 and "+" not in t.term)
        hits = []
        for doc, evidence in shortlist:
            coverage = min(1.0, evidence / total)
            hit = process.extractOne(query, self._docs[doc].questions, scorer=fuzz.token_sort_ratio, processor=None)
            similarity = hit[1] if hit else 0.0
            score = 100 * t.coverage_weight * coverage + (1 - t.coverage_weight) * similarity
            hits.append(Hit(doc, score, coverage, evidence))
        hits.sort(key=lambda h: (-h.score, h.doc))
        return hits
