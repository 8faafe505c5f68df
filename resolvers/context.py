"""Context: country, date and role hints re-rank candidates whose names score alike.

The bonuses are small on purpose: context decides between namesakes ("Japarow" the
president or the prime minister), it never lifts a poor name match above a good one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .dates import within
from .normalize import fold
from .types import PersonRecord, Query

__all__ = ["ContextConfig", "context_features"]


@dataclass(frozen=True, slots=True)
class ContextConfig:
    # The person is of the hinted country.
    country_bonus: float = 0.03
    # The person held an office on the query's date.
    tenure_bonus: float = 0.02
    # An office held (on the date, when given) matches the role hint.
    role_bonus: float = 0.05
    # Token similarity (0-100) at which two words of a role phrase and a post label are the
    # same word; below 100 so inflections ("kirgisische"/"kirgisischer") still meet.
    role_match_ratio: float = 85.0


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def _role_matches(role: tuple[str, ...], label: tuple[str, ...], ratio: float) -> bool:
    """Every word of the shorter phrase appears (fuzzily) in the longer one: "Präsident"
    matches "der kirgisische Präsident", but not "Ministerpräsident"."""
    shorter, longer = sorted((role, label), key=len)
    return bool(shorter) and all(
        any(fuzz.ratio(w, v) >= ratio for v in longer) for w in shorter
    )


def context_features(person: PersonRecord, query: Query, config: ContextConfig) -> dict[str, float]:
    """The context bonuses that apply to `person` for `query`, by name."""
    out: dict[str, float] = {}
    if query.country and person.country.upper() == query.country.upper():
        out["country"] = config.country_bonus
    tenures = person.tenures
    if query.date:
        tenures = tuple(t for t in tenures if within(query.date, t.start or None, t.end or None))
        if tenures:
            out["tenure"] = config.tenure_bonus
    if query.role and (role := _words(query.role)):
        if any(
            _role_matches(role, _words(label), config.role_match_ratio)
            for t in tenures
            for label in t.labels
        ):
            out["role"] = config.role_bonus
    return out
