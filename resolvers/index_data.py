"""The contract between the name index and where its data lives.

A NameIndex (index.py) retrieves and weighs; what it reads about aliases comes through this
protocol. Two implementations: MemoryIndexData (index_memory.py) builds everything from
records in memory; gazetteer's StoredIndexData reads what the build wrote into the
database, a query's worth at a time. Aliases are numbered 0..len-1 and persons by their
position in the index's list of persons.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from .score import Reading
from .forms import NameForm
from .score import WeightedForm
from .types import AliasRecord

__all__ = ["IndexData", "prefix_end"]


def prefix_end(prefix: str) -> str:
    """The least key after every key that starts with `prefix`: those keys are the range
    [prefix, prefix_end(prefix)). Keys are ASCII, so "\x7f" is after all of them."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\x7f"


class IndexData(Protocol):
    def __len__(self) -> int:
        """Number of aliases."""
        ...

    # -- what matching reads, per query ---------------------------------------------------

    def exact(self, normalized: str) -> Sequence[int]:
        """Aliases whose normalised name is exactly this."""
        ...

    def readings_of(self, alias_ids: Sequence[int]) -> list[tuple[Reading, ...]]:
        """Each alias's weighed readings, packed for scoring."""
        ...

    def first_readings(self, alias_ids: Sequence[int]) -> list[Reading]:
        """Each alias's primary reading, packed."""
        ...

    def persons_of(self, alias_ids: Sequence[int]) -> list[int]:
        """Each alias's person (a position in the index's persons)."""
        ...

    def record_of(self, alias_id: int) -> AliasRecord:
        ...

    def prefetch(self, alias_ids: Sequence[int]) -> None:
        """A hint that these aliases are about to be read (a store reads them in one query)."""
        ...

    # -- what retrieval and weighing read -------------------------------------------------

    def token_counts_of(self, keys: Iterable[str]) -> dict[str, int]:
        """Aliases having a token with each of these phonetic keys (keys of none left out)."""
        ...

    def posting_sizes(self, keys: Iterable[str]) -> dict[str, int]:
        """How many aliases each key is filed under (keys under none left out)."""
        ...

    def postings_of(self, keys: Iterable[str]) -> dict[str, array[int]]:
        """The aliases filed under each key (keys under none left out)."""
        ...

    def held_postings(self) -> dict[str, array[int]] | None:
        """Every posting list, when all are in memory (else None: read them as needed)."""
        ...

    def keys_with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Retrieval keys that start with `prefix`, shortest first (then in key order), at
        most `limit`: the entity suggest service completes what a user has typed so far,
        and the shortest completions are the closest."""
        ...

    @property
    def key_counts(self) -> Sequence[int]:
        """Per alias, how many retrieval keys it is filed under."""
        ...

    def warm(self) -> bool:
        """Read up front what queries would read on first use, when that is cheap. True
        when everything is now in memory."""
        ...

    # -- whole-gazetteer passes (the article reader's vocabulary, duplicates, checks) ------

    def records(self) -> Iterator[AliasRecord]:
        """Every alias's record, in id order."""
        ...

    def all_forms(self) -> Iterator[tuple[NameForm, ...]]:
        """Every alias's readings (tokens and keys), in id order."""
        ...

    def weighted(self, alias_id: int) -> tuple[WeightedForm, ...]:
        """One alias's weighed readings as Python objects."""
        ...

    def aliases_of(self, person: int) -> list[int]:
        """The aliases of the person at this position, in id order."""
        ...
