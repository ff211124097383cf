"""The one engine behind every door: knowledge + matcher + reply builder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import replies
from .knowledge import Knowledge, load
from .matcher import Decision, Matcher


@dataclass(frozen=True)
class Engine:
    knowledge: Knowledge
    matcher: Matcher

    @classmethod
    def load(cls, path: str | Path | None = None) -> Engine:
        """Load and validate the knowledge base and build the index (raises KnowledgeError)."""
        knowledge = load(path)
        return cls(knowledge, Matcher(knowledge))

    def decide(self, question: str) -> Decision:
        return self.matcher.decide(question)

    def reply(self, question: str) -> replies.Reply:
        """The reply to one question, ready to render for any door."""
        return self.answer(question)[1]

    def answer(self, question: str) -> tuple[Decision, replies.Reply]:
        """The matcher's decision and the reply built from it (the decision is for logging)."""
        decision = self.matcher.decide(question)
        return decision, replies.for_decision(decision, self.knowledge)
