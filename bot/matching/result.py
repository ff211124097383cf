"""What the matcher decided about one question: the kinds of decision and their evidence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..knowledge import Fact, RelatedReading


class Kind(StrEnum):
    ANSWER = "answer"
    DID_YOU_MEAN = "did_you_mean"  # answered, with close alternatives offered
    ABSTAIN = "abstain"  # the article does not cover it
    OTHER_PIECE = "other_piece"  # about a related-reading piece, not this article
    EMPTY = "empty"  # nothing to match: blank, emoji only, only filler words
    OUTLINE = "outline"  # about the whole article, which the base does not sum up: its parts instead


class Gap(StrEnum):
    """What kind of detail a refused question asks for, when the question says so."""

    NONE = ""
    WHEN = "when"
    DAY = "day"  # the day of a month, when the article gives at most a month
    HOUR = "hour"  # the time of day, when the article gives at most a date
    HOW_MANY = "how_many"
    HOW_LONG = "how_long"
    WHO = "who"
    SAID = "said"  # what someone said, when the article does not report them speaking
    EVENT = "event"  # what was signed, or a birth or a death, when the article reports none
    WHICH = "which"  # which one of a kind, when the article names none


@dataclass(frozen=True)
class Scored:
    fact: Fact
    score: float  # 0-100


@dataclass(frozen=True)
class Decision:
    kind: Kind
    question: str
    best: Scored | None  # the fact answered, or the closest one when abstaining
    alternatives: tuple[Fact, ...] = ()  # did-you-mean options, or closest topics
    reading: RelatedReading | None = None
    truncated: bool = False  # the question was cut to MAX_QUESTION_CHARS before matching
    confidence: float = 0.0  # calibrated probability that `best` (or the neighbour shown with it) is right
    lang: str = "en"  # the language of the question: "en" or "ru"
    missing: tuple[str, ...] = ()  # decisive words of the question the article never uses
    gap: Gap = Gap.NONE
    # Facts considered, most probable first: when answered, those the bot would answer with
    # (inline mode lists them); when refused, every one (the closest topics come from them).
    candidates: tuple[Scored, ...] = ()
    more: tuple[Fact, ...] = ()  # for a topic asked about by name, its other facts (offered as buttons)
    also: Fact | None = None  # a fact quoting a passage next to `best`'s, or one as likely, shown with it
    # Refused for want of confidence alone, with the best candidate close to the threshold: the reply
    # asks whether that was meant rather than say the article does not cover it.
    close: bool = False

    @property
    def answered(self) -> bool:
        return self.kind in (Kind.ANSWER, Kind.DID_YOU_MEAN)

    @property
    def score(self) -> int:
        """The confidence in percent (of the answer shown, or of the closest fact when refused)."""
        return round(100 * self.confidence) if self.best else 0
