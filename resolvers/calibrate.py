"""From score to confidence, and the auto-accept decision.

The mapping is a logistic curve over the name score and the margin to the runner-up. Its
parameters here are set by hand for the first version; they will be fitted on labelled data
with person-level cross-validation (the eval issue), and the fitted values will replace these.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["CalibrationConfig", "confidence", "auto_accept"]


@dataclass(frozen=True, slots=True)
class CalibrationConfig:
    # Logistic slope and midpoint over the name score.
    slope: float = 14.0
    midpoint: float = 0.78
    # Extra logit per unit of margin to the runner-up person: a clear winner is likelier right.
    margin_weight: float = 4.0
    # Auto-accept when the confidence reaches this and the runner-up is this far behind.
    accept_confidence: float = 0.9
    accept_margin: float = 0.05


def confidence(score: float, margin: float, config: CalibrationConfig) -> float:
    logit = config.slope * (score - config.midpoint) + config.margin_weight * (margin - 0.1)
    return 1.0 / (1.0 + math.exp(-logit))


def auto_accept(conf: float, margin: float, config: CalibrationConfig) -> bool:
    return conf >= config.accept_confidence and margin >= config.accept_margin
