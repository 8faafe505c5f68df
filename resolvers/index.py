"""Candidate retrieval and token weighting over an index of every alias's readings.

Every alias is romanised once at build time (several readings per alias) and filed under
the keys of its tokens (forms.lookup_keys: phonetic key, consonant skeleton, consonant
classes and their bigrams, given-name groups). A query looks up its own keys and gets the
aliases that share the most and rarest of them, so a query never scans the gazetteer.

The data lives behind the IndexData protocol (index_data.py): built in memory
(index_memory.py) or read from the database the build wrote (gazetteer/stored_index.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from .forms import NameForm, lookup_keys
from .index_data import IndexData
from .retrieve import retrieval_plan, retrieve_held, top_aliases
from .score import WeightedForm, weigh
from .types import PersonRecord

__all__ = ["NameIndex", "COUNT_BUDGET", "weigh_readings"]

# A key shared by more aliases than this share of the index is too common to retrieve by
# (unless nothing rarer matches).
_COMMON_SHARE = 0.05
_MIN_COMMON = 50
# Postings counted per query at most (after the _MIN_KEYS rarest keys): bounds the work of
# a query on a large gazetteer, where given-name keys are filed under many aliases.
COUNT_BUDGET = 30_000
_MIN_KEYS = 3


def weigh_readings(
    forms: Iterable[NameForm], token_counts_of: Callable[[Iterable[str]], dict[str, int]], n_aliases: int
) -> tuple[WeightedForm, ...]:
    """Readings weighed by the rarity of their tokens among `n_aliases` aliases (inverse
    document frequency: a rare surname says more than "muhammad"); a token key no alias has
    counts as rarest. The one rule for query and alias readings alike."""
    forms = tuple(forms)
    total = max(n_aliases, 1)
    max_idf = math.log(1 + total)
    counts = token_counts_of({k for f in forms for k in f.keys})

    def idf(key: str) -> float:
        count = counts.get(key, 0)
        return math.log(1 + total / count) if count else max_idf

    return tuple(weigh(f, idf, max_idf) for f in forms)


class NameIndex:
    """The persons, and retrieval and weighting over their aliases' data (IndexData)."""

    def __init__(self, persons: Sequence[PersonRecord], data: IndexData):
        self.persons: Sequence[PersonRecord] = persons
        self.data = data
        self._person_pos = {p.id: i for i, p in enumerate(persons)}
        self._total = max(len(data), 1)

    def __len__(self) -> int:
        return len(self.data)

    def weigh(self, forms: tuple[NameForm, ...]) -> tuple[WeightedForm, ...]:
        """A query's readings, weighed by this gazetteer's token rarities."""
        return weigh_readings(forms, self.data.token_counts_of, len(self.data))

    def person(self, person_id: str) -> PersonRecord | None:
        pos = self._person_pos.get(person_id)
        return None if pos is None else self.persons[pos]

    def person_pos(self, person_id: str) -> int:
        return self._person_pos[person_id]

    def aliases_of(self, person_id: str) -> list[int]:
        pos = self._person_pos.get(person_id)
        return self.data.aliases_of(pos) if pos is not None else []

    def retrieve(self, forms: tuple[NameForm, ...], limit: int) -> list[int]:
        """Aliases sharing keys with the query, the ones sharing more and rarer keys first.

        A rare key is counted more than once, up to four times. Keys are taken rarest first
        until COUNT_BUDGET postings have been counted, so a query costs about the same on a
        large gazetteer as on a small one."""
        keys: set[str] = set()
        for form in forms:
            keys |= lookup_keys(form)
        common = max(_MIN_COMMON, int(self._total * _COMMON_SHARE))
        data = self.data
        held = data.held_postings()
        if held is not None:  # the same plan as below, with the lists at hand
            return retrieve_held(keys, held, data.key_counts, common, COUNT_BUDGET, _MIN_KEYS, limit * 5, limit)
        plan = retrieval_plan(data.posting_sizes(keys), common, COUNT_BUDGET, _MIN_KEYS)
        postings = data.postings_of([key for key, _ in plan])
        # Counted in C. Aliases with many readings have many keys and would win on raw
        # counts: the best-counted ones are ranked again by count over the square root of
        # their number of keys. Ties go to the first counted: deterministic.
        counted = [(postings[key], repeat) for key, repeat in plan if key in postings]
        return top_aliases(counted, data.key_counts, limit * 5, limit)
