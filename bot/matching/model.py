"""A small conditional-logit model: the evidence about a question's candidate facts -> for each
candidate, the probability that it is the right answer, the rest being "none of them".

The candidates of one question compete: each gets a score (a weighted sum of its evidence) and
the probabilities are a softmax over those scores plus a "none" option scored 0, so they add up
to at most 1 and a question that no candidate answers can say so. Fitted by bench/calibrate.py
(Newton's method with Fisher scoring and an L2 penalty: deterministic, no library beyond numpy)
and shipped as JSON next to the code. One set of weights per mode: with the semantic stage, and
lexical-only for when the embedding model is not available.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "decision.json"


@dataclass(frozen=True)
class LogisticModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float  # answer when the best candidate's probability reaches this

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """P(candidate is the right answer) for each row of x: the candidates of ONE question."""
        z = ((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.weights) + self.bias
        return _softmax_with_none(np.clip(z, -30, 30))


def _softmax_with_none(scores: np.ndarray) -> np.ndarray:
    top = max(0.0, float(scores.max())) if len(scores) else 0.0
    e = np.exp(scores - top)
    return e / (e.sum() + np.exp(-top))


def fit(x: np.ndarray, y: np.ndarray, features: tuple[str, ...], groups: Sequence[tuple[int, int]], *,
        l2: float = 10.0, iterations: int = 50) -> LogisticModel:
    """Fit on rows x (one per candidate), labels y (1: a right answer) and groups (first row, row
    count) of each question; a group with no right row is a question to refuse. Same data, same weights."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a constant column (e.g. semantic features in lexical-only mode)
    z = np.c_[(x - mean) / scale, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    for _ in range(iterations):
        gradient, fisher = penalty * w, np.diag(penalty)
        for start, count in groups:
            if not count:
                continue
            rows = z[start:start + count]
            p = _softmax_with_none(rows @ w)
            right = y[start:start + count]
            # The likelihood is that of "one of the right rows" (or "none" when there is none).
            target = p * right / (p * right).sum() if right.any() else np.zeros(count)
            gradient = gradient + rows.T @ (p - target)
            fisher = fisher + rows.T @ ((np.diag(p) - np.outer(p, p)) @ rows)
        step = np.linalg.solve(fisher, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return LogisticModel(features, tuple(map(float, mean)), tuple(map(float, scale)),
                         tuple(float(v) for v in w[:-1]), float(w[-1]), 0.5)


def save(models: dict[str, LogisticModel], file: Path = MODEL_FILE) -> None:
    data = {mode: asdict(m) for mode, m in models.items()}
    file.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def load(file: Path = MODEL_FILE) -> dict[str, LogisticModel]:
    data = json.loads(file.read_text(encoding="utf-8"))
    return {mode: LogisticModel(**{k: tuple(v) if isinstance(v, list) else v for k, v in m.items()})
            for mode, m in data.items()}
