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


# Words of a role phrase shorter than this are function words ("of", "der", "la"): they
# say nothing about the office.
_MIN_ROLE_WORD = 4


def _role_fits(role: tuple[str, ...], labels: tuple[str, ...], ratio: float) -> bool:
    """Every word of the role phrase that can say something (4 letters or more) appears,
    fuzzily, in one of the post's labels: "prime minister" fits "Prime Minister of
    Kyrgyzstan", "der kirgisische Präsident" fits a post labelled "kirgisischer Präsident";
    "Präsident" does not fit "Ministerpräsident", nor "Minister of Foreign Affairs of
    Pakistan" a British post whose labels say "Foreign Minister" but never "Pakistan"."""
    words = [w for w in role if len(w) >= _MIN_ROLE_WORD]
    label_words = {v for label in labels for v in _words(label)}
    return bool(words) and all(any(fuzz.ratio(w, v) >= ratio for v in label_words) for w in words)


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
        if any(_role_fits(role, t.labels, role_match_ratio) for t in tenures):
            out.append("role")
    return tuple(out)
