"""A small logistic model: evidence about one candidate fact -> probability that it is the answer.

Fitted by bench/calibrate.py (Newton's method with an L2 penalty: deterministic, no library
beyond numpy) and shipped as JSON next to the code. One set of weights per mode: with the
semantic stage, and lexical-only for when the embedding model is not available.
"""

from __future__ import annotations

import json
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
        """P(candidate is the right answer) for each row of x (columns in `features` order)."""
        z = ((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit(x: np.ndarray, y: np.ndarray, features: tuple[str, ...], *, l2: float = 1.0,
        iterations: int = 50) -> LogisticModel:
    """L2-penalised logistic regression by Newton's method: the same data give the same weights."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a constant column (e.g. semantic features in lexical-only mode)
    z = np.c_[(x - mean) / scale, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
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
