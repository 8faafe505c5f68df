"""Context: which of a query's country, date and role hints hold for a candidate.

Each hint that holds adds its fitted logit (params.json, score.context) to the candidate's
score: context decides between namesakes ("Japarow" the president or the prime minister).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from .dates import within
from .normalize import fold
from .types import PersonRecord, Query

__all__ = ["CONTEXT_HINTS", "context_hints"]

# Each hint, and when it holds.
CONTEXT_HINTS = {
    "country": "the person is of the query's country",
    "tenure": "the person held an office on the query's date",
    "role": "an office the person held (on the date, when given) matches the query's role phrase",
}


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


def context_hints(person: PersonRecord, query: Query, role_match_ratio: float) -> tuple[str, ...]:
    """The CONTEXT_HINTS that hold for `person`, in that order. `role_match_ratio`: token
    similarity (0-100) at which a word of the role phrase and one of a post label are the
    same word."""
    out = []
    if query.country and person.country.upper() == query.country.upper():
        out.append("country")
    tenures = person.tenures
    if query.date:
        tenures = tuple(t for t in tenures if within(query.date, t.start or None, t.end or None))
        if tenures:
            out.append("tenure")
    if query.role and (role := _words(query.role)):
        if any(_role_matches(role, _words(label), role_match_ratio) for t in tenures for label in t.labels):
            out.append("role")
    return tuple(out)
