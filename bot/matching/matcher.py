"""Question -> decision: both retrievers propose facts, a calibrated model decides.

The lexical stage finds facts that share the question's words and says which of its words
the article never uses; the semantic stage finds facts close in meaning, in either language.
Each candidate fact gets a row of evidence (how much of the question it explains, how close it
is in meaning, its margin over the runner-up, whether both stages agree, how much of the
question is made of decisive words the article never uses, how much of what it covers is only
its names); the model scores the rows, and the candidates compete (with "none of them") for the
probability that answering with each is right.
The best candidate is answered only when that probability clears the threshold chosen at
calibration, so that a wrong answer stays rarer than a refusal, and when it states what the
question asks for: who spoke, who held an office, when, how many, how long (particulars.py).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from ..knowledge import Fact, Knowledge
from . import model as model_file
from . import whole
from .commonness import RARE_ZIPF, zipf
from .lexical import Hit, LexicalIndex, Term, Tuning
from .model import LogisticModel
from .normalise import (
    A_TEXT_NOUN,
    FRAMING_NOUNS,
    INTERJECTIONS,
    MAX_QUESTION_CHARS,
    MONTH_NAMES,
    Synonyms,
    content_terms,
    is_cyrillic,
    language,
    normalise,
)
from .particulars import (
    ASKS_A_DAY,
    ASKS_AN_HOUR,
    CALLINGS,
    CONTINENTS,
    DEMONYMS,
    PERSONS,
    TITLES_RU,
    asked_holder,
    asked_instances,
    asked_kind,
    asked_office,
    asked_office_of_ru,
    asked_office_ru,
    asked_perceiver,
    asked_speaker,
    asks_a_judgement,
    asks_an_outcome,
    asks_for_someone,
    asks_for_writings,
    asks_the_first_of,
    asks_what_came_before,
    gives_a_count,
    gives_a_date,
    gives_a_day,
    gives_a_duration,
    gives_an_hour,
    holders_text,
    kind_of_whom,
    names_a_role,
    names_an_instance,
    offices_held_ru,
    ranks,
    speakers_text,
    threats_text,
    unreported_event,
    years_looked_back,
)
from .parts import asked_part, asks_for_the_outline
from .result import Decision, Gap, Kind, Scored
from .semantic import Embedder, SemanticIndex

FEATURES = (
    "lex_score", "lex_coverage", "lex_evidence", "lex_top", "lex_margin", "lex_confident",
    "sem_question", "sem_nearest", "sem_answer", "sem_top", "sem_margin", "agree",
    "unknown_share", "unknown_max", "unknown_number", "terms", "russian",
    "uncovered_share", "uncovered_specific", "name_carried", "sem_not_answered",
)
SEMANTIC_FEATURES = frozenset({"sem_question", "sem_nearest", "sem_answer", "sem_top", "sem_margin", "agree",
                               "sem_not_answered"})
_SEM_QUESTION = FEATURES.index("sem_question")
_NAME_CARRIED = FEATURES.index("name_carried")
_NOT_ANSWERED = FEATURES.index("sem_not_answered")
# How close a question comes to the closest question the base lists as not answered says something
# only of a list long enough to stand for what readers ask (the bases fitted on list 72 and 390);
# below this many, the decision takes the average closeness of its training questions instead.
MIN_NOT_ANSWERED = 50
# A question this close in meaning (cosine) to one of a fact's curated questions is that fact's:
# of the 21 held-out curated questions this close to a curated question of some fact when fitting,
# all 21 belonged to that fact, and no refusal example came this close to any (bench/calibrate.py).
NEAR_DUPLICATE = 0.98
NEAR_DUPLICATE_CONFIDENCE = 0.95
SETTING_SHARE = 1 / 3  # a name this share of the facts name is the article's setting ("Russia": 82% here)
SEMANTIC_CANDIDATES = 5  # nearest facts by meaning added to the lexical shortlist
DID_YOU_MEAN_SHARE = 0.5  # other candidates at least this share of the best's probability are offered
# A refusal whose best candidate has at least this share of the threshold asks "did you mean", not
# "not covered": on heldout9-32, such candidates (0.2-0.34) were the right fact 58 times in 87.
CLOSE_SHARE = 0.6
# A fact quoting a passage next to the best's, at least this share of its probability, is shown with
# it (see _neighbour). Chosen on the validation sets (bench/calibrate.py): 0.1 and 0 did the same there.
PASSAGE_SHARE = 0.1
# A runner-up at least this share of the best's probability, from anywhere in the article, is shown
# with it: the model cannot tell the two apart, and one claim picked at random would be a wrong answer
# as often as not. It only joins the reply (no verification or decision counts it). On the validation
# sets 0.5-0.7 did the same (+1 right); 0.5 is where other candidates are offered as "did you mean".
TIE_SHARE = 0.5
NAMES_ONLY_SHARE = 0.8  # a fact whose quote is at least this share names (a byline) says who, no more
NAME_TYPO_CUTOFF = 75.0  # a written name this close to one of the base's names is taken for a misspelling

# Quantities asked for by name ("what was Obama's approval rating", "what top speed does it reach").
_QUANTITIES = ("profit|revenue|price|budget|population|salary|size|length|distance|age|percentage|amount|total|toll"
               "|speed|weight|height|capacity|rating|turnout|rate|gdp|inflation|unemployment|ceiling|cap|popularity")
# The curator's answer names the article itself ("according to the paper"): no paper it speaks of ("which
# Biden-era papers named Russia a threat" is answered by the documents the answer lists).
_THE_TEXT_ITSELF = re.compile(rf"\b(?:the|this)\s+{A_TEXT_NOUN}\b", re.IGNORECASE)
# What a fact's text must state to answer a question asking when (or on what day, at what time), how many or how long.
_STATES = {Gap.WHEN: lambda text, _: gives_a_date(text), Gap.DAY: lambda text, _: gives_a_day(text),
           Gap.HOUR: lambda text, _: gives_an_hour(text),
           Gap.HOW_MANY: gives_a_count, Gap.HOW_LONG: gives_a_duration}
_GAPS = (
    # "what was the date of Bush's arrival", "on which day did they meet", "the exact date of ...": a month
    # does not say it.
    (ASKS_A_DAY, Gap.DAY),
    # ... nor does a date the time of day: "what time did the talks start", "в котором часу".
    (ASKS_AN_HOUR, Gap.HOUR),
    # ... "since what year", "in which month", "by what date".
    (re.compile(r"^(when|since when|((in|since|from|by|until|till|as of|during) )?(what|which) (year|month|date)"
                r"|когда|в каком году|какого числа)\b"), Gap.WHEN),
    # Time left is answered by the date it runs out: "how much longer will New START last" (not "сколько
    # ещё стран вступит", how many more).
    (re.compile(r"^(how much longer|how long (until|till|before)|сколько (еще )?осталось|сколько еще (продлится"
                r"|продержится|проживет|просуществует|будет действовать|действует|ждать))\b"), Gap.WHEN),
    (re.compile(r"^(how long|for how long|как долго|сколько времени)\b"), Gap.HOW_LONG),
    # "во сколько обошлось": what something cost is a number too.
    (re.compile(r"^(how many|how much|сколько|во сколько|на сколько)\b"), Gap.HOW_MANY),
    # A quantity asked by name ("what is ÖBB's annual profit", "how large is the budget", "what does a
    # ticket cost") is a number too. Not "how high are the stakes", "how big a deal", "the value of arms
    # control": words of importance too.
    (re.compile(r"^(what (percentage|share|proportion)|how (large|tall|old|expensive|costly|popular)"
                # ... or named first: "length of the Oval Office row in minutes?", "cost of the Iraq war" (not
                # "size of the rift": how deep)
                rf"|(the )?(exact |total )?(?!size )({_QUANTITIES}|cost|number|duration) of"
                rf"|what (is|was|are|were) (the |its |their )?(\w+ ){{0,3}}(cost|number|{_QUANTITIES})s?"
                # "what top speed does the train reach", "what size of army does Ukraine have"
                rf"|what (\w+ )?({_QUANTITIES})s? (of \w+ )?(does|do|did|will|would|can|could)"
                # "what does a ticket from Brussels to Berlin cost"
                r"|what (does|do|did|will|would) (\w+ ){1,8}cost$"
                # "каков бюджет клуба", "какой тираж у журнала", "какова численность армии"
                # ... "какой сейчас рейтинг у трампа"
                r"|как(?:ой|ая|ое|ов|ова|ово) (?:(?:сейчас|теперь|был|была|было) )?(?:у \w+ )?(?:бюджет|тираж"
                r"|численность|население|стоимость|цена|зарплата|доход|прибыль|выручка|возраст|процент|доля|объем"
                r"|сумма|количество|число|размер|рейтинг|популярность)\w*)\b"),
     Gap.HOW_MANY),
    (re.compile(r"^(who|кто)\b"), Gap.WHO),
)


# The words around a topic named alone ("so, what about Ukraine?", "а что насчёт Украины").
_TOPIC_FILLER = frozenset("""
what whats about and so ok okay well hmm tell me more on regarding re the a an is there anything of also how
again then now pls please in between of with to
а и что насчет про о об как там ну расскажи расскажите еще на в между с со у по
""".split())


@dataclass(frozen=True)
class Evidence:
    """Everything the decision looks at for one question."""

    question: str
    lang: str
    terms: tuple[Term, ...]
    hits: tuple[Hit, ...]
    candidates: tuple[int, ...]  # fact indices
    rows: np.ndarray  # (candidates, FEATURES)
    normalised: str = ""  # the question as normalise() leaves it
    names: frozenset[str] = frozenset()  # its words written as names (capitalised inside the sentence)
    not_answered: float = 0.0  # cosine with the closest question the base lists as not answered


class Matcher:
    """Both indexes over one knowledge base and the decision model; immutable, safe to share."""

    def __init__(self, knowledge: Knowledge, embedder: Embedder | None = None, *, cache: Path | None = None,
                 semantic: SemanticIndex | None = None, models: dict[str, LogisticModel] | None = None,
                 tuning: Tuning | None = None):
        self.knowledge = knowledge
        self.lexical = LexicalIndex(knowledge, tuning)
        self.semantic = semantic or (SemanticIndex(knowledge, embedder, cache) if embedder else None)
        self.mode = "semantic" if self.semantic else "lexical"
        self.model = (models or model_file.load())[self.mode]
        facts = knowledge.facts
        self._index_of = {f.id: i for i, f in enumerate(facts)}
        self._max_alternatives = self.lexical.tuning.max_alternatives
        self._fallback = knowledge.opening_facts[: self._max_alternatives]  # offered when nothing matched
        self._parts = self._parts_in_order(knowledge)
        # A curated question, normalised -> its fact (None: two facts list it); so is a rare word the
        # curator gave one fact as a keyword, asked on its own ("gist?"), unless it is a question too.
        self._curated = _owners((normalise(q), i) for i, f in enumerate(facts) for q in (*f.questions, *f.questions_ru))
        rare_keywords = _owners((k, i) for i, f in enumerate(facts) for k in map(normalise, f.keywords)
                                if k and " " not in k and zipf(k) <= RARE_ZIPF)
        self._curated = {**rare_keywords, **self._curated}
        self._not_answered = {normalise(q) for q in knowledge.all_not_answered}
        self._weighs_not_answered = len(self._not_answered) >= MIN_NOT_ANSWERED  # as weighs_not_answered()
        # ... else the closeness usual in training (the mean of the difference is the difference of the means).
        self._usual_not_answered = self.model.mean[_NOT_ANSWERED] + self.model.mean[_SEM_QUESTION]
        self._publisher = frozenset(normalise(f"{knowledge.article.publisher} {knowledge.article.series}").split())
        self._subject = frozenset(self.lexical.synonyms.fold(normalise(knowledge.article.title)).split())
        # ... in Russian, as terms (a reader's word forms vary) of the article's Russian description and of
        # the Russian answer of any fact quoting its title.
        titled = [f for f in facts if f.quote.strip() == knowledge.article.title.strip()]
        self._subject_ru = frozenset(content_terms(
            normalise(" ".join([knowledge.article.description_ru, *(f.answer_ru for f in titled)])),
            self.lexical.synonyms))
        self._has_title_fact = bool(titled)  # a base that quotes its title answers what the article is called
        self._in_base_words = _unwritten_variants(knowledge)
        # The year from which a fact looks back ("over the past three decades", written in 2025: 1995).
        self._looked_back_to = [None if (back := years_looked_back(f.quote)) is None
                                else knowledge.article.date.year - back for f in facts]
        # Whether a fact ranks something ("the largest operator"): it may say which one is the busiest.
        self._ranks = [ranks(f"{f.quote} {f.answer}") for f in facts]
        # What the "which <kind>" check reads: the quote and the answer, less the answer's own name for the text.
        self._kind_texts = [f"{f.quote} {_THE_TEXT_ITSELF.sub(' ', f.answer)}" for f in facts]
        # A topic asked about by name alone ("ukraine?", "what about trump"): its words -> its facts.
        self._topics = {
            terms: tuple(f for f in map(knowledge.fact, topic.facts) if f) for topic in knowledge.topics
            for terms in (frozenset(content_terms(normalise(n), self.lexical.synonyms)) for n in topic.names) if terms}
        written = [_names(f.quote) | _names(f.answer) for f in facts]
        self._base_names = frozenset().union(*written, *(_names(q) for f in facts for q in f.questions))
        # Each fact's names and numbers, as terms: what it is about, not what it says about them.
        self._fact_names = [{t for name in names for t in content_terms(name, self.lexical.synonyms)}
                            | set(re.findall(r"\d+", f.quote)) for f, names in zip(facts, written, strict=True)]
        # ... and each run of capitalised words that holds one, as terms: "George W. Bush Jr." is one
        # name, asked about when "Bush" is.
        self._months = frozenset(content_terms(" ".join(MONTH_NAMES), self.lexical.synonyms))
        self._name_runs = [self._runs_of(f"{f.quote} {f.answer}", names, _CAPITALISED_RUN)
                           for f, names in zip(facts, self._fact_names, strict=True)]
        # ... and those a fact places something in or at ("the summit in Bucharest"): where it happened.
        self._place_runs = [self._runs_of(f"{f.quote} {f.answer}", names, _PLACED_RUN)
                            for f, names in zip(facts, self._fact_names, strict=True)]
        # Names of one term the base never writes in lower case: "Russia", "the United States", but not
        # "treaty" (also "a new treaty"), nor "report" or "group", parts of longer names.
        lower_words = {w for f in facts for w in re.findall(r"\b[a-z][\w'-]*", f"{f.quote} {f.answer}")}
        lower = {t for w in lower_words for t in content_terms(w, self.lexical.synonyms)}
        single = (t for runs in self._name_runs for run in runs if len(run) == 1 for t in run)
        self._name_terms = frozenset(single) - lower
        self._fact_name_terms = frozenset().union(*self._fact_names)
        named = Counter(t for runs in self._name_runs for t in frozenset().union(*runs))
        self._setting = frozenset(t for t, count in named.items() if count >= SETTING_SHARE * len(facts))
        # Facts that are nothing but names (a byline, an affiliation, a date): they say who or what, no more.
        quoted = [set(content_terms(normalise(f.quote), self.lexical.synonyms)) for f in facts]
        self._quotes_words = [bool(_QUOTED_WORDS.search(f"{f.quote} {f.answer}")) for f in facts]
        self._names_only = [len(terms & names) >= NAMES_ONLY_SHARE * len(terms) > 0
                            for terms, names in zip(quoted, self._fact_names, strict=True)]
        # Who each fact reports speaking: the words of its sentences that say someone said something,
        # the article's author aside (who "argues" every answer, and is never the speaker asked about).
        authorial = {t for w in FRAMING_NOUNS for t in content_terms(w, self.lexical.synonyms)}
        self._speakers = [self._speaker_terms(f"{f.quote} {f.answer}", "en") - authorial for f in facts]
        # ... and who each reports holding a view, or speaking.
        self._holders = [self._terms_in(holders_text(f"{f.quote} {f.answer}")) | said
                         for f, said in zip(facts, self._speakers, strict=True)]
        # ... and what each says is seen as a threat, and who it says perceives one.
        # (a Russian question is read against the Russian answers)
        self._threats = {"en": [tuple(map(self._terms_in, threats_text(f"{f.quote} {f.answer}"))) for f in facts],
                         "ru": [tuple(map(self._terms_in, threats_text(f.answer_ru, "ru"))) for f in facts]}
        self._russian = any(f.questions_ru for f in facts)  # a base without Russian knows no Russian word
        # The same in Russian, from the Russian answers, which write the names as a Russian reader does.
        self._fact_names_ru = [{t for name in _names(f.answer_ru, _CYRILLIC_NAME)
                                for t in content_terms(name, self.lexical.synonyms)} for f in facts]
        self._base_names_ru = frozenset().union(*self._fact_names_ru)
        # The author, by name or by the titles the byline gives ("Professor"), in Russian by the names the
        # Russian answers of the facts quoting the byline write.
        article = knowledge.article
        titles = [w for w in normalise(article.affiliation).split() if w in PERSONS]
        self._author = frozenset(content_terms(" ".join([normalise(article.author), *titles]), self.lexical.synonyms))
        self._author_ru = frozenset().union(
            content_terms(" ".join(TITLES_RU[t] for t in titles if t in TITLES_RU), self.lexical.synonyms),
            *(self._fact_names_ru[i] for i, f in enumerate(facts) if article.author and article.author in f.quote))
        self._name_runs_ru = [self._runs_of(f.answer_ru, names, _CYRILLIC_RUN)
                              for f, names in zip(facts, self._fact_names_ru, strict=True)]
        self._speakers_ru = [self._speaker_terms(f.answer_ru, "ru") for f in facts]
        # Each fact's neighbouring passages: a reply shows them together, so they are no competitors
        # of it (the margins to the runner-up leave them out).
        self._beside = self._neighbours_of(facts)
        # A word of the base's texts -> its terms, kept: the instance check reads a fact's words often.
        self._word_terms = functools.cache(
            lambda word: frozenset(content_terms(normalise(word), self.lexical.synonyms)))
        # A people's adjective -> its country, as terms ("french" -> "franc").
        self._countries = {t: self._word_terms(country) for demonym, country in DEMONYMS.items()
                           for t in self._word_terms(demonym)}
        self._country_terms = frozenset().union(*self._countries.values())
        self._continent_terms = frozenset(t for place in CONTINENTS for t in self._word_terms(place))
        self._place_names = self._fact_name_terms | self._country_terms  # names a question may place things at
        # Names of someone or something a date is of (_another_time): not the setting, a month or a country.
        self._dated_names = (self._name_terms - self._months - self._setting
                             - frozenset(self._countries) - self._country_terms)
        self._person_kinds = frozenset(t for word in PERSONS for t in self._word_terms(word))

    def _runs_of(self, text: str, names: set[str], capitalised: re.Pattern[str]) -> tuple[frozenset[str], ...]:
        """The runs of capitalised words of a text that hold one of its names, each as its terms."""
        runs = (frozenset(content_terms(normalise(run), self.lexical.synonyms)) for run in capitalised.findall(text))
        return tuple(dict.fromkeys(run for run in runs if run & names))

    def _speaker_terms(self, text: str, lang: str) -> set[str]:
        """The terms of the words that name who speaks in a fact's text (particulars.speakers_text)."""
        return self._terms_in(speakers_text(text, lang))

    def _terms_in(self, parts: list[str]) -> set[str]:
        """The terms of the words of some parts of a fact's text."""
        return {t for s in parts for t in content_terms(normalise(s), self.lexical.synonyms)}

    # --- evidence ------------------------------------------------------------------------

    def evidence(self, question: str, exclude_rows: tuple[int, ...] = (),
                 terms: tuple[Term, ...] | None = None) -> Evidence:
        """The candidates for a question and a row of evidence for each (FEATURES order); `terms`
        are the lexical stage's reading of it, when the caller has it already."""
        question = question[:MAX_QUESTION_CHARS]
        normalised = normalise(question)
        lang = language(question)
        if terms is None:
            terms = tuple(self.lexical.terms(question))
        hits = tuple(self.lexical.ranked(list(terms)))
        n = len(self.knowledge.facts)
        lex_score, lex_cov, lex_ev = np.zeros(n), np.zeros(n), np.zeros(n)
        lex_order: list[int] = []
        for hit in hits:
            fact = self.lexical.fact_of(hit)
            if fact is not None:
                i = self._index_of[fact.id]
                lex_score[i], lex_cov[i], lex_ev[i] = hit.score / 100, hit.coverage, hit.evidence
                lex_order.append(i)
        sem_q, sem_near, sem_a = np.zeros(n), np.zeros(n), np.zeros(n)
        sem_order: list[int] = []
        not_answered = 0.0
        if self.semantic is not None and terms:
            # The model knows words, not typos: it reads the question with the lexical stage's fixes,
            # and without the interjections of chat.
            fixes = {t.word: t.meant for t in terms if t.meant}
            tokens = normalised.split()
            seen = question
            if fixes or not INTERJECTIONS.isdisjoint(tokens):
                seen = " ".join(fixes.get(w, w) for w in tokens if w not in INTERJECTIONS) or question
            # ... and in the base's own words where it never writes the reader's ("tbilisi": Georgia).
            plain = normalise(seen)
            if (folded := self._in_base_words.fold(plain)) != plain:
                seen = folded
            sims = self.semantic.similarities(self.semantic.embed_question(seen), exclude_rows, lang)
            sem_q, sem_near, sem_a = (sims.question.astype(float), sims.nearest.astype(float),
                                      sims.answer.astype(float))
            not_answered = sims.not_answered
            sem_order = [int(i) for i in np.argsort(-sem_q, kind="stable")[:SEMANTIC_CANDIDATES]]
        candidates = tuple(dict.fromkeys(lex_order + sem_order))
        rows = np.zeros((len(candidates), len(FEATURES)))
        if candidates:
            total = sum(t.weight for t in terms) or 1.0
            unknown = [t for t in terms if t.certainty == 0]
            question_level = {
                "unknown_share": sum(t.weight for t in unknown) / total,
                "unknown_max": max((t.weight for t in unknown), default=0.0) / total,
                "unknown_number": float(any(t.term.isdigit() for t in unknown)),
                "terms": float(np.log1p(sum(1 for t in terms if t.word))),
                "russian": float(lang == "ru"),
            }
            lex_top = lex_order[0] if lex_order else -1
            sem_top = sem_order[0] if sem_order else -1
            words = [t for t in terms if t.word]
            topic = len(normalised.split()) <= 3 or whole.ABOUT.search(normalised) is not None
            facts = self.knowledge.facts
            for r, i in enumerate(candidates):
                # Which of the question's own words this fact never uses: a fact about Hegseth does
                # not answer "how old is Hegseth", however close the two are in meaning. And how much
                # of what it does cover is only its names: "what did Hegseth do before" meets the
                # Hegseth fact on "Hegseth" and "Secretary of Defense" alone.
                has = [self.lexical.fact_has(facts[i], t.term) for t in words]
                covered = [t for t, known in zip(words, has, strict=True) if known]
                uncovered = [t.word for t, known in zip(words, has, strict=True) if not known]
                covered_weight = sum(t.weight for t in covered)
                named = sum(t.weight for t in covered if t.term in self._fact_names[i])
                other_lex = _best_other(lex_score, i, self._beside[i])
                other_sem = _best_other(sem_q, i, self._beside[i]) if sem_order else 0.0
                row = {
                    "lex_score": lex_score[i], "lex_coverage": lex_cov[i], "lex_evidence": np.log1p(lex_ev[i]),
                    "lex_top": float(i == lex_top), "lex_margin": lex_score[i] - other_lex,
                    "lex_confident": float(self.lexical.confident(100 * lex_score[i], lex_cov[i], lex_ev[i])),
                    "sem_question": sem_q[i], "sem_nearest": sem_near[i], "sem_answer": sem_a[i],
                    "sem_top": float(i == sem_top),
                    "sem_margin": sem_q[i] - other_sem if sem_order else 0.0,
                    "agree": float(i == lex_top and i == sem_top),
                    "uncovered_share": len(uncovered) / max(1, len(words)),
                    "uncovered_specific": max((self.lexical.specificity(w) for w in uncovered), default=0.0),
                    # ... unless the question asks about nothing else: "what about China?" is a topic,
                    # and "what did Merkel do in 2008" (the fact's own year) asks about its event.
                    "name_carried": named / covered_weight if covered_weight and (uncovered or not (
                        topic or any(t.term.isdigit() for t in covered))) else 0.0,
                    # A question nearer one the article does not answer ("how old is Hegseth") than any of
                    # the fact's own is likely one too.
                    "sem_not_answered": (not_answered if self._weighs_not_answered else self._usual_not_answered)
                    - sem_q[i],
                    **question_level,
                }
                rows[r] = [0.0 if self.semantic is None and f in SEMANTIC_FEATURES else row[f] for f in FEATURES]
        return Evidence(question, lang, terms, hits, candidates, rows, normalised, _names(question), not_answered)

    # --- decision ------------------------------------------------------------------------

    def decide(self, question: str) -> Decision:
        """Answer, answer with alternatives, abstain, or point to the other piece."""
        truncated = len(question) > MAX_QUESTION_CHARS
        # What needs no evidence is settled first, without embedding the question.
        read = question[:MAX_QUESTION_CHARS]
        normalised, lang = normalise(read), language(read)
        if whole.to_the_bot(normalised):
            return Decision(Kind.EMPTY, question, None, self._fallback, truncated=truncated, lang=lang)
        if whole.asks_the_time_now(normalised):
            return Decision(Kind.ABSTAIN, question, None, self._fallback, truncated=truncated, lang=lang)
        if (place := asked_part(normalised)) is not None and -len(self._parts) <= place < len(self._parts):
            # "what's the last part about": its overview, the rest of the part as buttons.
            part = tuple(Scored(f, 100.0) for f in self._parts[place])
            return Decision(Kind.ANSWER, question, part[0], confidence=1.0, lang=lang, truncated=truncated,
                            candidates=part, more=tuple(s.fact for s in part[1:]))
        if asks_for_the_outline(normalised):
            return Decision(Kind.OUTLINE, question, None, self._fallback, truncated=truncated, lang=lang)
        terms = tuple(self.lexical.terms(read))
        if ends := self._span_ends(normalised):  # the span is asked about by its known end
            terms = tuple(t for t in terms if t.word not in ends and ends.isdisjoint(t.term.split("+")))
        words = {t.word for t in terms if t.word}  # the words it is about, synonyms folded
        curated = normalised in self._curated  # the curator's own wording of a fact's question stays that fact's
        # "what is this about", "what does the author argue", "summarize": the whole article, as the
        # base answers its plain phrasing.
        meant = None if curated else (
            self._the_author(read, normalised, terms, lang)
            or whole.meant(normalised, words, lang, self._naming_the_text(words, lang, normalised),
                           self._subject_of(words, lang)))
        if meant == whole.TITLE_OF_THE_ARTICLE[lang] and not self._has_title_fact:
            meant = None  # matched as it comes: the base has no fact that gives the title
        if meant and normalised != meant:
            return replace(self.decide(meant), question=question, truncated=truncated, lang=lang)
        decision = self._weigh(question, terms, words, curated=curated, truncated=truncated)
        if meant and decision.kind is Kind.ABSTAIN:
            # The plain phrasing itself, which this base does not answer: matched on "article" alone it
            # would get the byline; the article's parts, in order, tell the reader more.
            return Decision(Kind.OUTLINE, question, None, self._fallback, truncated=truncated, lang=lang)
        return decision

    @staticmethod
    def _parts_in_order(knowledge: Knowledge) -> list[tuple[Fact, ...]]:
        """The article's parts as the text gives them: each section quoting the text's body (not the
        byline's), its facts in the text's order, its overview first."""
        parts = []
        for section in knowledge.sections:
            placed = sorted((place, f.id, f) for f in knowledge.facts_in(section.id)
                            if (place := knowledge.place_of(f.id)) is not None)
            if placed:
                facts = [f for _, _, f in placed]
                facts.sort(key=lambda f: f.id != section.overview)  # stable: the overview first
                parts.append((placed[0][0], tuple(facts)))
        return [facts for _, facts in sorted(parts, key=lambda part: part[0])]

    def _naming_the_text(self, words: set[str], lang: str, normalised: str) -> frozenset[str]:
        """The words that name the text by its publisher or series, or by its author ("zhao's paper",
        "статья Чжао Хуашэна"): asked who wrote it, when it appeared or what it is called, they say no
        more than "the article"."""
        by_author = self._words_whose_terms(words, lambda terms: all(self._is_author(t, lang) for t in terms))
        # ... the publisher's name as a reader writes it ("этой валдайской записки": this Valdai paper).
        as_written = self._words_whose_terms(set(normalised.split()) - self._publisher, self._publisher.issuperset)
        return self._publisher | by_author | as_written

    def _subject_of(self, words: set[str], lang: str) -> frozenset[str]:
        """The words that name the article's subject: its title's; in Russian, those of a question's
        words whose terms the article's Russian description, or the Russian answer quoting its title,
        writes."""
        if lang == "en":
            return self._subject
        return self._words_whose_terms(words, self._subject_ru.issuperset)

    def _words_whose_terms(self, words: set[str], test: Callable[[frozenset[str]], bool]) -> frozenset[str]:
        """The words that have terms, all of which pass `test` together."""
        return frozenset(w for w in words if (terms := self._word_terms(w)) and test(terms))

    def _the_author(self, question: str, normalised: str, terms: tuple[Term, ...], lang: str) -> str | None:
        """The question with the author asked about by name or title as "the author": "what does Zhao
        say about NATO", "how does the professor describe the reset" ask the article's view, not words
        it reports him saying. None when it asks no one's words or view, or someone else's. As written
        where it can be (a name in it stays a name: "what did Zhao write about India")."""
        if not any(self._is_author(t.term, lang) for t in terms):  # most questions: no need to look for a speaker
            return None
        who = asked_speaker(normalised, lang) or asked_holder(normalised, lang)
        said_by = content_terms(who, self.lexical.synonyms) if who else []
        if not said_by or not all(self._is_author(t, lang) for t in said_by):
            return None
        said = rf"\b{re.escape(who)}\b"
        author = "автор" if lang == "ru" else "the author"
        if re.search(said, question, re.IGNORECASE):
            return re.sub(said, author, question, count=1, flags=re.IGNORECASE)
        return re.sub(said, author, normalised, count=1)

    def _is_author(self, term: str, lang: str) -> bool:
        """Whether a term is the author's name or title; in Russian in any case form."""
        if lang == "en":
            return term in self._author
        return term in self._author_ru or not self._author_ru.isdisjoint(self._as_written_ru({term}))

    def _weigh(self, question: str, terms: tuple[Term, ...], words: set[str], *, curated: bool,
               truncated: bool) -> Decision:
        """The decision on the evidence: a topic's overview, the other piece, or the model's best
        candidate, answered or refused after verification."""
        ev = self.evidence(question, terms=terms)
        topic = self._topics.get(frozenset(t.term for t in ev.terms if t.word))
        if topic and not curated and self._only_names_a_topic(ev, words):
            # The curator's overview of a subject the article touches in several places, the rest as buttons.
            listed = tuple(Scored(f, 100.0) for f in topic)  # inline mode offers them all
            return Decision(Kind.ANSWER, question, listed[0], confidence=1.0, lang=ev.lang, truncated=truncated,
                            candidates=listed, more=topic[1:])
        common = {"truncated": truncated, "lang": ev.lang}
        if not ev.terms:
            return Decision(Kind.EMPTY, question, None, self._fallback, **common)
        top_hit = ev.hits[0] if ev.hits else None
        reading = self.lexical.reading_of(top_hit) if top_hit else None
        if reading is not None and self.lexical.confident(top_hit.score, top_hit.coverage, top_hit.evidence):
            return Decision(Kind.OTHER_PIECE, question, None, (), reading, **common)
        missing, asked = self._missing(ev), self._gap(ev.normalised)
        if not ev.candidates:
            return Decision(Kind.ABSTAIN, question, None, self._fallback, missing=missing, gap=asked, **common)
        probabilities = self._probabilities(ev)
        order = np.argsort(-probabilities, kind="stable")
        facts = self.knowledge.facts
        ranked = tuple(Scored(facts[ev.candidates[k]], 100 * float(probabilities[k])) for k in order)
        best, confidence = ranked[0], float(probabilities[order[0]])
        top = facts[ev.candidates[order[0]]]
        # The curator's question is one fact's. How something turned out is told in the passage after it,
        # what things were like before it in the passage before.
        neighbour = None if curated else (
            (self._passage_beside_best(ranked, after=True) if asks_an_outcome(ev.normalised) else None)
            or (self._passage_beside_best(ranked, after=False) if asks_what_came_before(ev.normalised) else None)
            or self._neighbour(ranked))
        # The candidates are exclusive ("this fact is the answer"), so a reply showing both is right
        # with the sum of their probabilities (at most 1: a near duplicate's is raised, not the rest cut).
        shown = min(1.0, confidence + (neighbour.score / 100 if neighbour else 0.0))
        shown_facts = (top, neighbour.fact) if neighbour else (top,)
        unreported = self._unreported_speaker(ev, top)
        unnamed = self._unnamed_office(ev, top)
        unidentified = self._unnamed_kind(ev, shown_facts) or (
            asks_the_first_of(ev.normalised) and not any(self._ranks[self._index_of[f.id]] for f in shown_facts))
        untold = unreported_event(ev.normalised, f"{top.quote} {top.answer}")
        # What a refusal says is missing: what the check that failed looked for, else what the question asks.
        gap = next(g for failed, g in ((unreported, Gap.SAID), (unnamed, Gap.WHO), (asked is not Gap.NONE, asked),
                                       (untold, Gap.EVENT), (unidentified, Gap.WHICH), (True, asked)) if failed)
        # The reply names what is missing.
        particular = (unreported or unnamed or untold or unidentified
                      or self._unstated(gap, shown_facts, ev.normalised) or self._names_no_one(ev, shown_facts)
                      or self._threat_turned(ev, top))
        elsewhere = self._met_on_names(ev, order[0], top)
        refused = (reading is not None or self._decisive(ev, missing) or self._listed_unanswered(ev)
                   or particular or self._about_something_else(elsewhere, top)
                   or (asks_for_writings(ev.normalised) and self._names_only[self._index_of[top.id]])
                   or self._placed_elsewhere(ev, top)
                   or self._another_time(ev, shown_facts, asked))
        missing = missing or (() if particular else elsewhere)  # what a refusal names
        if shown < self.model.threshold or refused:
            close = not (refused or missing) and shown >= CLOSE_SHARE * self.model.threshold
            return Decision(Kind.ABSTAIN, question, best, self._closest([s.fact for s in ranked]),
                            confidence=confidence, missing=missing, gap=gap, candidates=ranked, close=close, **common)
        also = neighbour.fact if neighbour else self._tied(ranked)
        floor = 100 * max(self.model.threshold / 2, confidence * DID_YOU_MEAN_SHARE)
        close = tuple(s.fact for s in ranked[1:] if s.score >= floor and s.fact is not also)
        kind = Kind.DID_YOU_MEAN if close else Kind.ANSWER
        answerable = tuple(s for s in ranked if s.score >= 100 * self.model.threshold)
        return Decision(kind, question, best, close[: self._max_alternatives], confidence=shown,
                        candidates=answerable, also=also, **common)

    def _neighbouring(self, fact: Fact, other: Fact) -> bool:
        """Whether two facts quote neighbouring passages of one section: another sentence of the same
        paragraph, or of the paragraph before or after it (overlapping quotes show the same words:
        such a fact adds nothing to the passage)."""
        place, there = self.knowledge.place_of(fact.id), self.knowledge.place_of(other.id)
        if place is None or there is None or other.section != fact.section or abs(there[0] - place[0]) > 1:
            return False
        return there[0] != place[0] or there[2] <= place[1] or place[2] <= there[1]

    def _neighbours_of(self, facts: tuple[Fact, ...]) -> list[np.ndarray]:
        """Per fact, the indices of the facts quoting a neighbouring passage (looked up by paragraph:
        a base of thousands of facts is not compared pair by pair)."""
        by_paragraph: dict[tuple[str, int], list[int]] = {}
        for j, fact in enumerate(facts):
            if (place := self.knowledge.place_of(fact.id)) is not None:
                by_paragraph.setdefault((fact.section, place[0]), []).append(j)
        beside = []
        for i, fact in enumerate(facts):
            place = self.knowledge.place_of(fact.id)
            near = [] if place is None else [
                j for n in (place[0] - 1, place[0], place[0] + 1) for j in by_paragraph.get((fact.section, n), ())
                if j != i and self._neighbouring(fact, facts[j])]
            beside.append(np.array(near, dtype=np.intp))
        return beside

    def _neighbour(self, ranked: tuple[Scored, ...]) -> Scored | None:
        """The most probable other candidate quoting a neighbouring passage, if it has at least
        PASSAGE_SHARE of the best's probability. A reader's question often falls between two
        neighbouring passages ("obama reset verdict": the proposal, or its failure?), and the model
        then splits its probability between them: the reply shows both, in article order."""
        beside = self._beside[self._index_of[ranked[0].fact.id]]
        for other in ranked[1:]:
            if other.score < PASSAGE_SHARE * ranked[0].score:
                break
            if self._index_of[other.fact.id] in beside:
                return other
        return None

    @staticmethod
    def _tied(ranked: tuple[Scored, ...]) -> Fact | None:
        """The runner-up, if it has at least TIE_SHARE of the best's probability ("if the alliance comes
        apart what happens to expansion": the obstacle it has been, or what its collapse would do?)."""
        return ranked[1].fact if len(ranked) > 1 and ranked[1].score >= TIE_SHARE * ranked[0].score else None

    def _passage_beside_best(self, ranked: tuple[Scored, ...], *, after: bool) -> Scored | None:
        """The candidate quoting the passage right after (or before) the best's, if any: asked how
        something turned out ("the 2017 hopes for Trump, how did that pan out"), a reader wants what the
        article says next (the hopes, then the constraints that dashed them), however improbable the
        model finds it; asked what things were like before it, what it says just before."""
        candidates = {self._index_of[s.fact.id]: s for s in ranked[1:]}
        return next((candidates[j] for j in self._passages_beside(ranked[0].fact, after=after) if j in candidates),
                    None)

    def _passages_beside(self, fact: Fact, *, after: bool) -> list[int]:
        """The facts quoting a neighbouring passage after (or before) this fact's, the nearest first."""
        here = self.knowledge.place_of(fact.id)
        if here is None:
            return []
        places = [(place[:2], j) for j in self._beside[self._index_of[fact.id]]
                  if (place := self.knowledge.place_of(self.knowledge.facts[j].id))]
        return [j for place, j in sorted(places, reverse=not after) if (place > here[:2]) == after]

    def _probabilities(self, ev: Evidence) -> np.ndarray:
        """The model's probability for each candidate, with the curator's own questions trusted."""
        probabilities = self.model.probabilities(ev.rows)
        listed = self._curated.get(ev.normalised)
        if listed in ev.candidates:
            # The curator's own wording of a fact's question is that fact's, whatever the evidence
            # says: the model never sees a curated question as asked (it is held out when fitting).
            return np.where(np.asarray(ev.candidates) == listed, 1.0, probabilities)
        if self.semantic is not None:
            # Nearly the same in meaning as a curated question ("what's this article about" for
            # "what is the article about?"): in calibration every such candidate was the right one.
            near = int(np.argmax(ev.rows[:, _SEM_QUESTION]))
            if ev.rows[near, _SEM_QUESTION] >= NEAR_DUPLICATE:
                probabilities = probabilities.copy()
                probabilities[near] = max(probabilities[near], NEAR_DUPLICATE_CONFIDENCE)
        return probabilities

    def _decisive(self, ev: Evidence, missing: tuple[str, ...]) -> list[str]:
        """Verification: a name, place or number the article never uses is something it cannot
        answer about, however close in meaning the rest of the question is ("what did Hegseth say
        about Greenland"). The model weighs such words; this makes them decisive. Latin script only:
        Russian word forms are too varied to tell a new word from a new ending. A word written as a
        name need only differ from the names the base uses ("India" is not "media"); any other word
        must not look like a typo of any word of the base."""
        return [w for w in missing if w.isascii() and not (
            self._resembles_name(w) if w in ev.names else self.lexical.resembles_known(w))]

    def _met_on_names(self, ev: Evidence, row: int, fact: Fact) -> tuple[str, ...]:
        """The words the article never uses of a question that meets the fact on its names alone ("is
        Zhao Huasheng married" meets the byline on the name only: "married"), or none. In Russian, on
        the names the Russian answer of a fact made of names writes. A base without Russian knows no
        Russian word: "что такое Nightjet" asks nothing else."""
        i = self._index_of[fact.id]
        if not (ev.rows[row, _NAME_CARRIED] >= 1.0
                or (self._names_only[i] and (self._names_alone_ru(ev, fact) or self._named_by_demonyms(ev, i)))):
            return ()
        return tuple(dict.fromkeys(t.word for t in ev.terms if t.word and t.certainty == 0
                                   and (self._russian or not is_cyrillic(t.word))))[:3]

    def _about_something_else(self, unknown: tuple[str, ...], fact: Fact) -> bool:
        """Verification: met on its names alone with words the article never uses (_met_on_names), a
        question about a fact made only of names asks something else about them ("which books has Zhao
        Huasheng published" of the byline). A fact that tells a story may well answer in other words
        ("why did Midnight Trains drop its project": "abandoned its plans"), which only the model reads:
        without it, any fact met on its names alone is suspect."""
        return bool(unknown) and (self._names_only[self._index_of[fact.id]] or self.semantic is None)

    def _named_by_demonyms(self, ev: Evidence, i: int) -> bool:
        """Whether a question meets fact `i` only on its names, a people's adjective counted as its country's
        name ("does Zhao Huasheng advise the Chinese foreign ministry" meets the byline's "China" on "Chinese"),
        and asks something more."""
        if ev.lang != "en":  # a Russian question is read against the Russian answers (_names_alone_ru)
            return False
        covered = self._covered(ev, self.knowledge.facts[i])
        names = self._fact_names[i]
        return (len(covered) < sum(1 for t in ev.terms if t.word)
                and all(t in names or not self._countries.get(t, frozenset()).isdisjoint(names) for t in covered))

    def _covered(self, ev: Evidence, fact: Fact) -> set[str]:
        """The terms of the question's own words that the fact has."""
        return {t.term for t in ev.terms if t.word and self.lexical.fact_has(fact, t.term)}

    def _names_alone_ru(self, ev: Evidence, fact: Fact) -> bool:
        """Whether a Russian question meets the fact only on names its Russian answer writes
        ("где родился Чжао Хуашэн" meets the byline on "Чжао Хуашэн")."""
        if ev.lang != "ru":
            return False
        covered = self._covered(ev, fact)
        return bool(covered) and covered <= self._fact_names_ru[self._index_of[fact.id]]

    def _another_time(self, ev: Evidence, shown: tuple[Fact, ...], asked: Gap) -> bool:
        """Verification: a year or decade the question names is one the reply must state too: "what
        sanctions did Biden impose in 2024" is not answered by a fact about Trump's first term. Asked "when",
        the date answers for the names the question gives: "when did Obama visit Moscow" is not answered by
        Bush's visit in May 2002 (names the base writes alone and never in lower case, "Obama", not "START" of
        "New START", which is also a verb; not the article's setting, a month, or a country, which a fact may
        name by its company or city: "when did the German railway stop ..." of Deutsche Bahn). The sentence
        before the fact's may state either: it often sets the fact's time."""
        years = [t.term for t in ev.terms if t.word and _YEAR.fullmatch(t.term)]
        names = ([t.term for t in ev.terms if t.word and t.term in self._dated_names]
                 if asked in (Gap.WHEN, Gap.DAY, Gap.HOUR) else [])
        if not years and not names:  # most questions: the passage before and "since" need not be looked up
            return False
        dated = (*shown, *self._set_before(shown[0]))
        since = frozenset(_SINCE.findall(ev.normalised)) if years else frozenset()
        return (any(not any(self._dates(f, year, year in since) for f in dated) for year in years)
                or any(not any(self.lexical.fact_has(f, name) for f in dated) for name in names))

    def _set_before(self, fact: Fact) -> tuple[Fact, ...]:
        """The fact quoting the sentence just before this fact's in its paragraph, which often sets
        its time ("... when Putin returned to the Kremlin in 2012. The Ukraine crisis followed ...")."""
        here, facts = self.knowledge.place_of(fact.id), self.knowledge.facts
        return tuple(facts[j] for j in self._passages_beside(fact, after=False)[:1]
                     if self.knowledge.place_of(facts[j].id)[0] == here[0])  # in its paragraph

    def _dates(self, fact: Fact, year: str, since: bool = False) -> bool:
        """Whether a fact names a year, or for a decade ("2010s") the decade or a year in it (2012);
        asked "since" then, whether the fact looks back to about then ("the biggest obstacle since the
        1990s": "over the past 30 years", written in 2025)."""
        years = [year[:3] + str(d) for d in range(10)] if year.endswith("0s") else []
        if any(self.lexical.fact_has(fact, y) for y in (year, *years)):
            return True
        start = self._looked_back_to[self._index_of[fact.id]] if since else None
        if start is None:
            return False
        if years:
            return str(start)[:3] == year[:3]
        return abs(start - int(year)) <= LOOKED_BACK_SLACK

    def _listed_unanswered(self, ev: Evidence) -> bool:
        """Whether the curator listed this question as one the article does not answer: verbatim, or
        nearer in meaning to such a question than to any curated one (and a near duplicate of it)."""
        if ev.normalised in self._not_answered:
            return True
        closest_curated = float(ev.rows[:, _SEM_QUESTION].max()) if len(ev.candidates) else 0.0
        return ev.not_answered >= max(NEAR_DUPLICATE, closest_curated)

    def _only_names_a_topic(self, ev: Evidence, topic_words: set[str]) -> bool:
        """Whether a question asks about nothing but its topic: "and what about ukraine?", not "what
        does america want" (whose "want", a stop word to matching, is what it asks)."""
        return all(w in topic_words or w in _TOPIC_FILLER for w in self.lexical.synonyms.fold(ev.normalised).split())

    @staticmethod
    def _unstated(gap: Gap, shown: tuple[Fact, ...], normalised: str) -> bool:
        """Verification: "when" is answered only by a fact that gives a date, "how many" only by one
        that gives a number (of time only if time is counted), "how long" by one that gives a stretch
        of time ("when will New START talks resume" is not answered by a fact that only says they might);
        or by the neighbouring passage shown with it ("how long did the honeymoon last": "this optimism
        was short-lived", in the next sentence)."""
        states = _STATES.get(gap)
        if gap is not Gap.HOW_LONG:  # a neighbour's date or number is of something else
            shown = shown[:1]
        return states is not None and not any(states(f"{f.quote} {f.answer}", normalised) for f in shown)

    def _threat_turned(self, ev: Evidence, fact: Fact) -> bool:
        """Verification: "does Russia feel threatened by NATO" is not answered by a fact where Russia is
        the threat and someone else perceives it ("Trump ... views Russia primarily as a threat to
        Europe"). A fact naming no one who perceives is left alone ("China is considered a threat"). A
        Russian question is read against the facts' Russian answers."""
        who = asked_perceiver(ev.normalised, ev.lang)
        if who is None:
            return False
        terms = self._terms_of(ev, who)
        threats, perceivers = self._threats[ev.lang][self._index_of[fact.id]]
        return bool(terms) and terms <= threats and bool(perceivers) and terms.isdisjoint(perceivers)

    def _unreported_speaker(self, ev: Evidence, fact: Fact) -> bool:
        """Verification: "what did Sarkozy say" is answered only by a fact that reports Sarkozy
        speaking, not by one that merely names him. Only for a speaker named as the base writes names
        ("European governments"); read with the lexical stage's synonyms ("the Kremlin" is Russia).
        A Russian question is read against the facts' Russian answers."""
        speaker = asked_speaker(ev.normalised, ev.lang)
        if speaker is None:
            # Whose view is asked: of someone the article never names, it cannot report one.
            holder = asked_holder(ev.normalised) if ev.lang == "en" else None
            if not holder:
                return False
            if not self._base_names.intersection(holder.split()):
                return self._unwritten(ev, holder)
            # Of someone it names, the fact must report that view ("what is China's position on the war" is
            # not answered by how the US ranks China), but a country of the setting's positions are its
            # whole subject, told without a verb of holding ("the US has been the primary driver").
            terms = self._terms_of(ev, holder)
            holders = self._holders[self._index_of[fact.id]]
            return bool(terms) and not terms <= self._setting and terms.isdisjoint(holders)
        terms = self._terms_of(ev, speaker)
        if ev.lang == "ru":
            if not fact.answer_ru:
                return False  # a base without Russian answers cannot say in Russian who speaks
            # Only its names: Russian word order puts other words next to the speaker ("что именно Трамп сказал").
            names = self._as_written_ru(terms)
            if not names:  # a name the article never writes cannot be reported speaking
                written = {normalise(n) for n in _names(ev.question, _CYRILLIC_NAME)}  # ё as е, like the speaker
                return not written.isdisjoint(speaker.split()) or self._unknown_someone(ev, speaker)
            speakers = self._speakers_ru[self._index_of[fact.id]]
            if " и " in speaker:  # two who talked ("о чем говорили Трамп и Зеленский"): one speaks, the other is named
                return not (names & speakers and names <= speakers | self._fact_names_ru[self._index_of[fact.id]])
            return not names <= speakers
        speakers = self._speakers[self._index_of[fact.id]]
        if names_a_role(speaker):  # "what did the US president announce": someone must be reported speaking,
            # and where the fact names whose role it is, as someone else than a speaker, not that one ("how did
            # European leaders react" is not answered by a fact that names Europe but reports Hegseth speaking;
            # "the Pentagon chief" may be "America's Secretary of Defense"). Of the article's setting, "the
            # American president", the fact may say who without saying where from ("Bush announced").
            whose = self._terms_of(ev, " ".join(speaker.split()[:-1])) & self._fact_names[self._index_of[fact.id]]
            return not speakers or not whose - self._setting <= speakers
        if not self._base_names.intersection(speaker.split()):
            # "what do experts say" may well mean the article's view: no name, no check. But a name the
            # article never writes cannot be reported speaking.
            return self._unwritten(ev, speaker)
        if asks_a_judgement(ev.normalised) and terms <= self._setting | self._country_terms:
            return False  # "how does Washington assess the threat": its positions are told without speech
        # Of "the Obama team", the name: the fact may say "the Obama administration".
        named = terms & self._fact_name_terms or terms
        return bool(named) and not named <= speakers

    def _as_written_ru(self, terms: set[str]) -> set[str]:
        """The names the Russian answers write that are these terms, in any case form: the answers'
        "Медведева" stems to "медведев", a reader's "медведев" to "медвед"."""
        tuning = self.lexical.tuning  # the lexical stage's measure of one word's stems in two cases
        return {name for t in terms for name in self._base_names_ru
                if t == name or (min(len(t), len(name)) >= tuning.inflection_min_stem
                                 and abs(len(t) - len(name)) <= tuning.inflection_max_extra
                                 and (name.startswith(t) or t.startswith(name)))}

    def _unwritten(self, ev: Evidence, who: str) -> bool:
        """Whether someone asked about is a name the article never writes, nor one like it (a
        misspelling): written as a name, or typed in lower case (_unknown_someone)."""
        return any(w in ev.names and not self._resembles_name(w) for w in who.split()) or self._unknown_someone(ev, who)

    def _unknown_someone(self, ev: Evidence, speaker: str) -> bool:
        """Whether a speaker is one person or body the base never writes, though not written as a name
        ("what did lavrov say", "что ответил лавров"): a single word the article never uses, nor one like
        it, and no plural ("what do experts say" may well mean the article's view)."""
        words = speaker.split()
        if len(words) != 1:
            return False
        unknown = {t.word for t in ev.terms if t.word and t.certainty == 0}
        return (words[0] in unknown and not names_a_role(speaker)
                and not _PLURAL.search(words[0]) and not self.lexical.resembles_known(words[0])
                and not self._resembles_name(words[0]))

    def _unnamed_office(self, ev: Evidence, fact: Fact) -> bool:
        """Verification: "who was NATO Secretary General" is answered only by a fact that names that
        office; the Bucharest summit fact names a president and a chancellor, not a secretary general.
        A Russian question is read against the fact's Russian answer ("как звали посла США")."""
        if ev.lang == "ru":
            office = asked_office_ru(ev.normalised)
            return bool(fact.answer_ru) and ((office is not None and office.search(fact.answer_ru) is None)
                                             or self._office_of_another_ru(ev, fact))
        office = asked_office(ev.normalised)
        terms = self._terms_of(ev, office) if office else set()
        if terms and not all(self.lexical.fact_has(fact, t) for t in terms):
            return True
        # A calling shares its stem with what its holder does ("negotiator" and "negotiations", "economist"
        # and "economic"): unless the base has a synonym for it, the fact must write the calling itself.
        if office in CALLINGS and self.lexical.synonyms.fold(office) == office and not re.search(
                rf"\b{office}s?\b", f"{fact.quote} {fact.answer}", re.IGNORECASE):
            return True
        # ... and of whom: "who was Georgia's president at Bucharest" is not answered by its American and
        # French presidents.
        return len(terms) == 1 and self._of_another(ev.normalised, next(iter(terms)), (fact,))

    def _office_of_another_ru(self, ev: Evidence, fact: Fact) -> bool:
        """"кто был президентом Украины" is not answered by a fact that names Ukraine and the presidents
        of others ("президента Франции"); of a country it never names, it says nothing either way."""
        whose = asked_office_of_ru(ev.normalised)
        asked = self._as_written_ru(self._terms_in([whose])) if whose else set()
        if not asked or not asked <= self._fact_names_ru[self._index_of[fact.id]]:
            return False
        return asked.isdisjoint(self._as_written_ru(self._terms_in(offices_held_ru(fact.answer_ru))))

    def _unnamed_kind(self, ev: Evidence, shown: tuple[Fact, ...]) -> bool:
        """Verification: "which company builds the carriages" is answered only by a fact that speaks
        of companies or names something the question does not (the rolling-stock fact does neither; a
        longer form of a name asked about is nothing new: "George W. Bush Jr." when asked of "Bush");
        "which missiles did Trump give Ukraine" only by one that, where it speaks of missiles, names
        some (the fact says "he had provided missiles", no more). `shown`: the facts the reply shows,
        the best first."""
        instances = asked_instances(ev.question, ev.lang)
        kinds = content_terms(normalise(instances), self.lexical.synonyms) if instances else []
        # The kind is the head noun of the words that name it, where they can be told ("which
        # persistent issue has ...": issues, not "persistent").
        if kinds and ev.lang == "en":
            terms = set(kinds[-1:])
        else:
            kind = asked_kind(ev.question, self._is_name)
            terms = set(content_terms(normalise(kind), self.lexical.synonyms)) if kind else set()
        if terms & _DESCRIBED_KINDS:
            return False
        asked = self._with_countries({t.term for t in ev.terms})
        top = shown[0]
        # A word or a label is named by quoting it ("which word casts Russia out": "an 'outcast'"). In Russian the
        # head noun comes first as often as last ("какой ярлык сша вешают на китай"): any of the words naming the kind.
        wording = terms if ev.lang == "en" else {*terms, *kinds}
        if wording & _WORDING_KINDS and self._quotes_words[self._index_of[top.id]]:
            return False
        if self._names_the_options(ev.normalised, top):
            return False
        i = self._index_of[top.id]
        numbers = {n for n in self._fact_names[i] if n.isdigit()}
        # The names of the article's setting (most of its facts name them: "Russia") are no instance of a
        # kind asked for, unless it is a kind of place or power ("which country did Bush visit").
        setting = frozenset() if terms & _PLACE_KINDS else self._setting
        # Nor is any country an instance of a kind of person ("which Russian oligarchs were sanctioned" is
        # not answered by a fact naming Ukraine).
        if terms & self._person_kinds:
            setting |= self._country_terms
        # A year or a count is no instance of a kind either ("what presents did Putin give Bush", of the
        # inaugurations "in 2000"), unless it is a kind of time or number ("which year") or an event, which a date
        # names.
        numbers_new = bool(numbers - asked) and bool(terms & _NUMBERED_KINDS)
        names_nothing_new = not numbers_new and self._names_nothing_new(self._name_runs[i], asked | setting)
        if terms and names_nothing_new and not any(self.lexical.fact_has(top, t) for t in terms):
            return True
        # A city is a place something is in or at: not a person, a country or a month ("in which city was
        # the 1993 partnership declared" is not answered by Presidents Yeltsin and Clinton declaring it).
        if self._places_no_settlement(ev, top, asked):
            return True
        if ev.lang == "en" and len(terms) == 1 and self._of_another(ev.normalised, next(iter(terms)), shown):
            return True
        if instances is None:
            return False
        word_terms = self._word_terms
        # A Russian question is read against the facts' Russian answers (a base may have none).
        named = [names_an_instance(text, lambda w: not word_terms(w).isdisjoint(kinds),
                                   lambda w: bool(kinds) and kinds[-1] in word_terms(w),
                                   lambda w: bool(word_terms(w)) and word_terms(w).isdisjoint(asked))
                 for f in shown
                 if (text := f.answer_ru if ev.lang == "ru" else self._kind_texts[self._index_of[f.id]])]
        # The first of them that speaks of the kind must name one ("he had provided missiles" beside the
        # first term's weapons, which speaks of none, does not say which).
        return next((n for n in named if n is not None), None) is False

    def _places_no_settlement(self, ev: Evidence, fact: Fact, asked: set[str]) -> bool:
        """Whether a question asks in which city (town, village, port) and the fact neither speaks of one
        nor places anything in or at a name the question does not give, a country or continent aside."""
        found = _SETTLEMENT_ASKED.search(ev.normalised) if ev.lang == "en" else None
        if found is None or self._writes(fact, found.group(1)):
            return False
        return self._names_nothing_new(self._place_runs[self._index_of[fact.id]],
                                       asked | self._country_terms | self._continent_terms)

    def _placed_elsewhere(self, ev: Evidence, fact: Fact) -> bool:
        """Verification: a fact of names alone (a byline, an affiliation) places no one in a place it does
        not name: "did Zhao Huasheng ever teach in Moscow" is not answered by his university in Shanghai."""
        if ev.lang != "en" or not self._names_only[self._index_of[fact.id]]:
            return False
        return any((terms := self._word_terms(place)) and terms <= self._place_names and not self._writes(fact, place)
                   for place in _PLACE_ASKED.findall(ev.normalised))

    def _names_the_options(self, normalised: str, fact: Fact) -> bool:
        """Whether the question offers a choice between things the fact both names ("which side,
        America or Europe, pushed harder": the fact names the two, and says which)."""
        return any(all(self._writes(fact, w) for w in found.groups()) for found in _OPTIONS.finditer(normalised))

    def _writes(self, fact: Fact, word: str) -> bool:
        """Whether a fact writes a word of the question (any of its terms)."""
        return any(self.lexical.fact_has(fact, t) for t in self._word_terms(word))

    def _of_another(self, normalised: str, kind: str, shown: tuple[Fact, ...]) -> bool:
        """Verification: "which Georgian president asked to join NATO" is not answered by a fact whose
        presidents are another country's ("President George W. Bush", "French President Nicolas
        Sarkozy"): where a country or its people's adjective says whose kind is asked, the fact must say
        so of it where it speaks of the kind. The article's setting aside ("which American president":
        "President Bush")."""
        words = normalised.split()
        at = next((k for k, w in enumerate(words) if kind in self._word_terms(w)), None)
        if at is None:
            return False
        # The words right before the kind word, or after it and "of": "which Georgian president",
        # "Georgia's president", "the president of Georgia".
        after = words[at + 2:at + 4] if words[at + 1:at + 2] == ["of"] else []
        whose = {c for w in (*words[max(0, at - 2):at], *after) for c in self._with_countries(self._word_terms(w))
                 if c in self._country_terms}
        whose -= self._setting
        # A leader, a head or a chief is whatever office the fact writes: "President George W. Bush" is
        # America's leader, no one is Georgia's; and a continent's are its countries' ("German
        # Chancellor Angela Merkel" is one of the European leaders).
        generic = kind in _GENERIC_ROLES
        if generic:
            whose -= self._continent_terms
        if not whose:
            return False
        said = (kind_of_whom(f"{f.quote} {f.answer}",
                             lambda w: kind in self._word_terms(w) or (generic and names_a_role(w.lower())),
                             lambda w: not whose.isdisjoint(self._with_countries(self._word_terms(w)))) for f in shown)
        return next((s for s in said if s is not None), None) is False

    def _with_countries(self, terms: Collection[str]) -> set[str]:
        """Terms with the country of each people's adjective among them: "French" and "France" alike."""
        return {*terms, *(c for t in terms for c in self._countries.get(t, ()))}

    def _names_no_one(self, ev: Evidence, shown: tuple[Fact, ...]) -> bool:
        """Verification: "who sponsors the Valdai Papers", "who announced that New START would expire"
        are answered only by a fact that names someone the question does not (a month is no one); the
        publisher fact and the treaty's expiry name only what is asked. Not "who is X", which asks
        about X, nor a choice between those it names ("who pushed harder, the US or Europe"). A Russian
        question is read against the facts' Russian answers ("кто возглавлял МИД во время визита
        Буша": the visit names Bush and Russia, no one else)."""
        russian = ev.lang == "ru"
        if not asks_for_someone(ev.normalised, ev.lang) or (russian and not self._russian):
            return False
        asked = {t.term for t in ev.terms}
        # Someone of a country the reply never mentions is no one it names: "who will negotiate for China"
        # is not answered by Trump's talks with Russia. The article's setting aside, and a continent, which
        # its countries stand for ("who in Europe blocked ..." the German chancellor).
        if not russian:
            countries = (self._with_countries(asked) & self._country_terms) - self._setting - self._continent_terms
            if any(not any(self.lexical.fact_has(f, c) for f in shown) for c in countries):
                return True
        runs = self._name_runs_ru if russian else self._name_runs
        return all(self._names_nothing_new(runs[self._index_of[f.id]], asked) for f in shown)

    def _is_name(self, word: str) -> bool:
        """Whether a word is one the base writes only as a name, or made from one, however typed ("western")."""
        return any(not self._name_terms.isdisjoint({t, *_stems_within(t)}) for t in self._word_terms(word))

    def _names_nothing_new(self, runs: tuple[frozenset[str], ...], asked: set[str]) -> bool:
        """Whether a fact's names (its runs of capitalised words) are all the question's, a month aside:
        a month is no one, nor an instance of anything ("In May 2002, George W. Bush Jr. visited ...").
        A word made from a name is the name: "Western" asks about the West."""
        within = {s for a in asked for s in _stems_within(a)}
        return all(run & asked or run <= self._months or run & within for run in runs)

    def _terms_of(self, ev: Evidence, part: str) -> set[str]:
        """The question's terms for the words of one part of it, as the lexical stage read them
        (typo fixes, synonyms: "the kremlin" is Russia's term)."""
        words = set(self.lexical.synonyms.fold(part).split())
        return {t.term for t in ev.terms if t.word in words}

    def _resembles_name(self, word: str) -> bool:
        """Whether a word is close in spelling to a name the base uses (a misspelt name, not a new one)."""
        return process.extractOne(word, self._base_names, scorer=fuzz.ratio, score_cutoff=NAME_TYPO_CUTOFF) is not None

    def _missing(self, ev: Evidence) -> tuple[str, ...]:
        """Decisive words of the question that the article never uses: names, places, numbers. A word
        is taken for a name when it is written as one, or when general English does not know it (not
        even by its base form): "Skripal", "borscht", but not "categorised" or "keenest"."""
        return tuple(dict.fromkeys(t.word for t in ev.terms if t.certainty == 0 and len(t.word) >= 3
                                   and (t.word.isdigit() or zipf(t.word) == 0 or t.word in ev.names)))[:3]

    def _span_ends(self, normalised: str) -> frozenset[str]:
        """The year the base never writes of a span the question gives from (or to) one it does:
        "2017-2020" asks about the span that begins in 2017, whose end the base need not name."""
        ends = set()
        for span in _SPAN.finditer(normalised):
            known = [year for year in span.groups() if self.lexical.is_known(year)]
            ends |= set(span.groups()) - set(known) if len(known) == 1 else set()
        return frozenset(ends)

    @staticmethod
    def _gap(normalised: str) -> Gap:
        return next((gap for pattern, gap in _GAPS if pattern.search(normalised)), Gap.NONE)

    def _closest(self, ranked: list[Fact]) -> tuple[Fact, ...]:
        """Topics to offer instead of an answer: the nearest facts, then their related facts."""
        picks = dict.fromkeys(ranked[: self._max_alternatives])
        for related in (self.knowledge.fact(r) for f in ranked[:1] for r in f.related):
            if related and len(picks) < self._max_alternatives:
                picks.setdefault(related)
        for fact in self._fallback:
            if len(picks) < self._max_alternatives:
                picks.setdefault(fact)
        return tuple(picks)


_OPTIONS = re.compile(r"\b([\w'-]+) or (?:the )?([\w'-]+)\b")  # "america or europe", "us or the eu"
# Kinds of which a setting name may be the one asked for.
_PLACE_KINDS = frozenset("countri nation state power capit govern side place region".split())  # stems
_PLACE_ASKED = re.compile(r"\b(?:in|at|from) ([a-z][\w'-]*)")  # "did he teach in moscow"
# "in which city", "what russian town": a kind of place within a country.
_SETTLEMENT_ASKED = re.compile(r"\b(?:which|what) (?:[\w'-]+ )?(city|cities|towns?|villages?|ports?)\b")
# Kinds whose instances a fact describes rather than names ("which arrangement did Bush announce": "a new strategic
# partnership"; "what two options does the paper see"; "which principle": "value-based diplomacy, a traditional
# pillar"): stems. Not steps or measures, which a fact on another period describes as well.
_DESCRIBED_KINDS = frozenset("arrang consequ option outcom effect result lesson principl concept idea notion doctrin"
                             .split())
# Kinds of wording, which a fact names by quoting it: stems, English and Russian.
_WORDING_KINDS = frozenset("word term label phrase express nicknam epithet adject descript slogan metaphor name "
                           "слов термин ярлык выражен формулировк эпитет".split())
_QUOTED_WORDS = re.compile(r"[“\"«][^”\"»]{1,40}[”\"»]")  # a few words in quotation marks
_GENERIC_ROLES = frozenset("leader head chief boss".split())  # stems of offices any office is
# ... and of which a year or a count may be; or which a date names ("which event in 2001": "the September 11
# terrorist attacks").
_NUMBERED_KINDS = frozenset("year decad date month time period number figur amount sum count total percent percentag"
                            " event incid episod occurr happen".split())
# Latin letters with diacritics too: "Müllerson", "Zürich", "Šefčovič".
_LATIN_NAME = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]+)\b")
# A plural noun, in English or Russian ("experts", "эксперты", "критики"): a group, not someone named.
_PLURAL = re.compile(r"(?:s|ы|и)$")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'-]*\.?(?:\s+[A-Z][\w'-]*\.?)*")  # "George W. Bush Jr."
_PLACED_RUN = re.compile(rf"\b(?:in|at)\s+(?:the\s+)?({_CAPITALISED_RUN.pattern})")  # "in Bucharest"
_CYRILLIC_RUN = re.compile(r"[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*)*")  # "Джордж Буш-младший"
_CENTURY = r"(?:1[89]|20)\d"  # a year's first three digits
_YEAR = re.compile(rf"{_CENTURY}(?:\d|0s)")  # 2024, the 1990s
# A year or decade a question asks about "since" ("since the early 1990s", "с 1991 года").
_SINCE = re.compile(rf"\b(?:since|с|со)\s+(?:the\s+)?(?:(?:early|late|mid)\s+)?({_CENTURY}(?:\d|0s))\b")
# "The past 30 years" looks back roughly: to within this many years of the year asked "since".
LOOKED_BACK_SLACK = 5
_SPAN = re.compile(rf"\b({_CENTURY}\d) (?:to |until |till |through |and )?({_CENTURY}\d)\b")  # "2017-2020"
_CYRILLIC_NAME = re.compile(r"(?<![.?!]\s)(?<!^)(?<![\w«])([А-ЯЁ][а-яё]+)\b")


def _names(question: str, written: re.Pattern[str] = _LATIN_NAME) -> frozenset[str]:
    """Words written as names: capitalised inside a sentence ("what did he say about India")."""
    return frozenset(m.group(1).casefold() for m in written.finditer(question.strip()))


def _unwritten_variants(knowledge: Knowledge) -> Synonyms:
    """The curator's synonyms that the base never writes itself, each folded to its group's first
    word: the embedding model reads "Tbilisi" as a city, the base says "Georgia"."""
    written = " ".join(normalise(t) for f in knowledge.facts for t in (f.quote, f.answer, *f.questions))
    words = frozenset(written.split())  # a one-word variant is looked up, not searched for in the whole base

    def unwritten(variant: str) -> bool:
        plain = normalise(variant)
        return plain not in words if " " not in plain else re.search(rf"\b{re.escape(plain)}\b", written) is None

    return Synonyms(tuple((group[0], *filter(unwritten, group[1:])) for group in knowledge.synonyms))


def _stems_within(term: str) -> list[str]:
    """The shorter terms a term may be made from by an ending ("west" in "western"), none under 4 letters."""
    return [term[:k] for k in range(4, len(term))]


def weighs_not_answered(knowledge: Knowledge) -> bool:
    """Whether a base lists enough questions it does not answer for the decision to weigh closeness to them."""
    return len({normalise(q) for q in knowledge.all_not_answered}) >= MIN_NOT_ANSWERED


def _best_other(values: np.ndarray, i: int, beside: np.ndarray) -> float:
    """The highest value in `values` other than the one at index i and those at `beside` (0 when there is none).
    A fact whose only rivals are its neighbours (a base of two neighbouring passages) is compared with them:
    a margin over nothing would be as large as the similarity itself, far beyond any the model was fitted on."""
    if len(beside) and len(values) - len(beside) > 1:
        values = values.copy()
        values[beside] = 0.0
    if len(values) < 2:
        return 0.0
    first, second = np.argpartition(-values, 1)[:2]  # the largest, then the second largest
    return float(values[second] if first == i else values[first])


def _owners(pairs) -> dict[str, int | None]:
    """key -> the one fact index it comes with (None when it comes with several)."""
    found: dict[str, set[int]] = {}
    for key, i in pairs:
        found.setdefault(key, set()).add(i)
    return {key: next(iter(owners)) if len(owners) == 1 else None for key, owners in found.items()}
