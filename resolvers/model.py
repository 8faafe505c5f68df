"""The fitted parameters of the matcher: how features become a score, and a score a
confidence. They live in params.json beside this module, written by `rollcall fit`
(make fit), which learns them on labelled queries with person-level cross-validation."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .score import FEATURES, PairFeatures

__all__ = ["ScoreModel", "ConfidenceModel", "Params", "default_params", "load_params", "PARAMS_PATH", "sigmoid"]

PARAMS_PATH = Path(__file__).with_name("params.json")
CONTEXT_FEATURES = ("country", "tenure", "role")


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(frozen=True, slots=True)
class ScoreModel:
    """Logistic model: P(alias names the person the query means | pair features)."""

    intercept: float
    weights: tuple[float, ...]  # one per FEATURES entry, in order
    context: dict[str, float]  # logit added per context feature that holds

    def logit(self, f: PairFeatures) -> float:
        return self.intercept + sum(w * x for w, x in zip(self.weights, f.vector()))


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Logistic model over the first candidate: P(it is the right person), from its score
    logit and its margin over the runner-up. `match` needs confidence ≥ accept_at."""

    intercept: float
    w_logit: float
    w_margin: float
    w_single_token: float
    accept_at: float

    def features(self, logit: float, runner_up: float | None, single_token: bool) -> tuple[float, float, float]:
        margin = min(logit - runner_up, 10.0) if runner_up is not None else 10.0
        return (logit, margin, 1.0 if single_token else 0.0)

    def confidence(self, logit: float, runner_up: float | None, single_token: bool) -> float:
        x = self.features(logit, runner_up, single_token)
        return sigmoid(self.intercept + self.w_logit * x[0] + self.w_margin * x[1] + self.w_single_token * x[2])


@dataclass(frozen=True, slots=True)
class Params:
    score: ScoreModel
    confidence: ConfidenceModel
    fitted_on: str = ""

    def to_json(self) -> dict:
        return {
            "fitted_on": self.fitted_on,
            "score": {
                "intercept": self.score.intercept,
                "weights": dict(zip(FEATURES, self.score.weights)),
                "context": self.score.context,
            },
            "confidence": {
                "intercept": self.confidence.intercept,
                "w_logit": self.confidence.w_logit,
                "w_margin": self.confidence.w_margin,
                "w_single_token": self.confidence.w_single_token,
                "accept_at": self.confidence.accept_at,
            },
        }

    @classmethod
    def from_json(cls, doc: dict) -> Params:
        s, c = doc["score"], doc["confidence"]
        return cls(
            ScoreModel(
                float(s["intercept"]),
                tuple(float(s["weights"][name]) for name in FEATURES),
                {k: float(s["context"].get(k, 0.0)) for k in CONTEXT_FEATURES},
            ),
            ConfidenceModel(
                float(c["intercept"]), float(c["w_logit"]), float(c["w_margin"]),
                float(c["w_single_token"]), float(c["accept_at"]),
            ),
            doc.get("fitted_on", ""),
        )


def default_params() -> Params:
    """Hand-set starting point, used to bootstrap a fit when no params.json exists."""
    return Params(
        ScoreModel(-9.0, (5.0, 3.0, 1.5, 1.5, 1.0, 2.0), {"country": 0.5, "tenure": 0.3, "role": 0.8}),
        ConfidenceModel(-1.0, 1.0, 0.5, -0.5, 0.9),
        "hand-set",
    )


@lru_cache(maxsize=4)
def load_params(path: Path = PARAMS_PATH) -> Params:
    if not path.is_file():
        return default_params()
    return Params.from_json(json.loads(path.read_text(encoding="utf-8")))
