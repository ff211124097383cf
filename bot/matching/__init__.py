"""Matching a question to the article: normalising, the lexical and semantic indexes, the decision."""

from .matcher import FEATURES, Evidence, Matcher, weighs_not_answered
from .result import Decision, Gap, Kind, Scored
from .semantic import load_embedder

__all__ = ["FEATURES", "Decision", "Evidence", "Gap", "Kind", "Matcher", "Scored", "load_embedder",
           "weighs_not_answered"]
