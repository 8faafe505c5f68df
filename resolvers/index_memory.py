"""The name index built in memory from records: what the build writes into the database,
and what a server uses when a database holds no index it can use.

Reading an alias (romanising it into several readings and keying them) is the slow part,
about 0.2 ms an alias; from _PARALLEL_FROM aliases on it runs in several processes.
"""

from __future__ import annotations

import multiprocessing
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from sys import intern

from . import readings_codec
from .score import Reading
from .forms import NameForm, alias_language, lookup_keys, name_forms
from .index import NameIndex, weigh_readings
from .index_data import prefix_end
from .normalize import clean, normalize
from .score import WeightedForm
from .types import AliasRecord, PersonRecord

__all__ = ["MemoryIndexData", "build_name_index"]

# Reading aliases in several processes pays from this many on, in chunks of _CHUNK.
_PARALLEL_FROM = 50_000
_CHUNK = 5_000

# What reading one alias gives: its normalised form, its readings (encoded, not yet
# weighed), the phonetic keys of each reading's tokens (for the token counts) and its
# retrieval keys. Plain strings and tuples: cheap to pickle, and compact to hold.
_Read = tuple[str, str, tuple[tuple[str, ...], ...], tuple[str, ...]]


def build_name_index(persons: Iterable[PersonRecord], aliases: Iterable[AliasRecord], workers: int = 1) -> NameIndex:
    """A NameIndex over these persons' aliases (aliases of unknown persons are left out).
    `workers` > 1 reads the aliases in that many processes (for large gazetteers; the build
    uses it, a server never forks)."""
    persons = list(persons)
    return NameIndex(persons, MemoryIndexData(persons, aliases, workers))


def _read(job: tuple[str, str, str]) -> _Read:
    """One alias, from (name, language tag, the person's country)."""
    name, lang, country = job
    cleaned = clean(name)
    normalized = normalize(cleaned)
    if not normalized:
        return "", "", (), ()
    forms = name_forms(cleaned, alias_language(lang, country, cleaned))
    keys: set[str] = set()
    for form in forms:
        keys |= lookup_keys(form)
    return normalized, readings_codec.encode_unweighed(forms), tuple(f.keys for f in forms), tuple(sorted(keys))


def _read_chunk(jobs: list[tuple[str, str, str]]) -> list[_Read]:
    return list(map(_read, jobs))


def _read_all(jobs: list[tuple[str, str, str]], workers: int) -> Iterator[_Read]:
    """_read over all jobs, in order; in `workers` fresh processes when there are enough
    jobs to pay for starting them (spawned, not forked: the caller may have threads)."""
    if workers <= 1 or len(jobs) < _PARALLEL_FROM:
        yield from map(_read, jobs)
        return
    chunks = [jobs[i : i + _CHUNK] for i in range(0, len(jobs), _CHUNK)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for chunk in pool.map(_read_chunk, chunks):
            for normalized, encoded, reading_keys, keys in chunk:
                # Interned: unpickled, each alias would hold its own copy of keys that
                # thousands of aliases share.
                yield normalized, encoded, reading_keys, tuple(map(intern, keys))


class MemoryIndexData:
    """IndexData held in memory. Immutable once built."""

    def __init__(self, persons: Sequence[PersonRecord], aliases: Iterable[AliasRecord], workers: int = 1):
        person_pos = {p.id: i for i, p in enumerate(persons)}
        records = [(r, pos) for r in aliases if (pos := person_pos.get(r.person_id)) is not None]
        jobs = [(r.name, r.lang, persons[pos].country) for r, pos in records]
        # Per alias: its person, record, normalised name and readings (encoded, not weighed:
        # weights need every token counted, and are computed when first read). Posting lists
        # grow as arrays of 4-byte ids: as lists of int objects, a million aliases' forty
        # million postings alone took over a gigabyte.
        self.alias_person: array[int] = array("I")
        self.alias_records: list[AliasRecord] = []
        self.alias_normalized: list[str] = []
        self.alias_unweighed: list[str] = []
        postings: dict[str, array[int]] = defaultdict(lambda: array("I"))
        exact: dict[str, list[int]] = defaultdict(list)
        self._key_counts = array("H")
        token_counts: Counter[str] = Counter()
        for (record, pos), (normalized, encoded, reading_keys, keys) in zip(records, _read_all(jobs, workers)):
            if not normalized:
                continue
            alias_id = len(self.alias_records)
            self.alias_person.append(pos)
            self.alias_records.append(record)
            self.alias_normalized.append(normalized)
            self.alias_unweighed.append(encoded)
            exact[normalized].append(alias_id)
            for form_keys in reading_keys:
                token_counts.update(set(form_keys))
            for key in keys:
                postings[key].append(alias_id)
            self._key_counts.append(min(len(keys), 65535))
        self.postings: dict[str, array[int]] = dict(postings)
        self._exact = dict(exact)
        self.token_counts: dict[str, int] = dict(token_counts)
        # Parsed for scoring on first use (as NameForm objects, the readings of a million
        # aliases took about 1.5 KB each; weighed text, about twice the unweighed).
        self._readings: list[tuple[Reading, ...] | None] = [None] * len(self.alias_unweighed)
        self._sorted_keys: list[str] | None = None

    def __len__(self) -> int:
        return len(self.alias_records)

    @property
    def key_counts(self) -> Sequence[int]:
        return self._key_counts

    def exact(self, normalized: str) -> Sequence[int]:
        return self._exact.get(normalized, ())

    def weighed_text(self, alias_id: int) -> str:
        """The alias's readings weighed, encoded as the database stores them."""
        return readings_codec.encode(self.weighted(alias_id))

    def _parsed(self, alias_id: int) -> tuple[Reading, ...]:
        found = self._readings[alias_id]
        if found is None:
            found = self._readings[alias_id] = readings_codec.parse(self.weighed_text(alias_id))
        return found

    def readings_of(self, alias_ids: Sequence[int]) -> list[tuple[Reading, ...]]:
        return [self._parsed(a) for a in alias_ids]

    def first_readings(self, alias_ids: Sequence[int]) -> list[Reading]:
        return [self._parsed(a)[0] for a in alias_ids]

    def persons_of(self, alias_ids: Sequence[int]) -> list[int]:
        return [self.alias_person[a] for a in alias_ids]

    def record_of(self, alias_id: int) -> AliasRecord:
        return self.alias_records[alias_id]

    def prefetch(self, alias_ids: Sequence[int]) -> None:
        pass  # everything is in memory

    def token_counts_of(self, keys: Iterable[str]) -> dict[str, int]:
        return {k: n for k in keys if (n := self.token_counts.get(k, 0))}

    def posting_sizes(self, keys: Iterable[str]) -> dict[str, int]:
        return {k: len(p) for k in keys if (p := self.postings.get(k))}

    def postings_of(self, keys: Iterable[str]) -> dict[str, array[int]]:
        return {k: p for k in keys if (p := self.postings.get(k))}

    def held_postings(self) -> dict[str, array[int]] | None:
        return self.postings

    def keys_with_prefix(self, prefix: str, limit: int) -> list[str]:
        if self._sorted_keys is None:  # sorted on first use: only the suggest service asks
            self._sorted_keys = sorted(self.postings)
        keys = self._sorted_keys
        start = bisect_left(keys, prefix)
        end = bisect_left(keys, prefix_end(prefix), lo=start)
        return sorted(keys[start:end], key=lambda k: (len(k), k))[:limit]

    def warm(self) -> bool:
        return True

    def records(self) -> Iterator[AliasRecord]:
        return iter(self.alias_records)

    def all_forms(self) -> Iterator[tuple[NameForm, ...]]:
        return map(readings_codec.decode_forms, self.alias_unweighed)

    def weighted(self, alias_id: int) -> tuple[WeightedForm, ...]:
        forms = readings_codec.decode_forms(self.alias_unweighed[alias_id])
        return weigh_readings(forms, self.token_counts_of, len(self.alias_unweighed))

    def aliases_of(self, person: int) -> list[int]:
        return [i for i, p in enumerate(self.alias_person) if p == person]
