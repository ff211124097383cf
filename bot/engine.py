"""The one engine behind every door: knowledge + matcher + reply builder, one call per question."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import replies
from .knowledge import Knowledge, load
from .matching import Decision, Matcher, Scored, load_embedder
from .matching.normalise import MAX_QUESTION_CHARS, normalise
from .matching.semantic import Embedder, cache_dir

AUTO = "auto"


@dataclass(frozen=True)
class Answer:
    """Everything a door needs about one question."""

    decision: Decision
    reply: replies.Reply
    repeat_key: str  # the question as the matcher saw it: equal for repeats of the same question

    @property
    def candidates(self) -> tuple[Scored, ...]:
        return self.decision.candidates


@dataclass(frozen=True)
class Engine:
    knowledge: Knowledge
    matcher: Matcher

    @classmethod
    def load(cls, path: str | Path | None = None, embedder: Embedder | str | None = AUTO) -> Engine:
        """Load and validate the knowledge base and build both indexes (raises KnowledgeError).

        `embedder` AUTO loads the embedding model unless SEMANTIC=off (None: lexical only).
        """
        knowledge = load(path)
        model = load_embedder() if embedder == AUTO else embedder
        return cls(knowledge, Matcher(knowledge, model, cache=cache_dir()))

    @property
    def mode(self) -> str:
        """"semantic" (both stages) or "lexical" (the embedding model is not available)."""
        return self.matcher.mode

    def decide(self, question: str) -> Decision:
        return self.matcher.decide(question)

    def reply(self, question: str, lang: str | None = None) -> replies.Reply:
        """The reply to one question, ready to render for any door."""
        return self.answer(question, lang).reply

    def answer(self, question: str, lang: str | None = None) -> Answer:
        """Decide and build the reply, in `lang` if given, else in the question's language."""
        decision = self.matcher.decide(question)
        reply = replies.for_decision(decision, self.knowledge, lang or decision.lang)
        return Answer(decision, reply, normalise(question[:MAX_QUESTION_CHARS]))
