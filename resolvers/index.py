"""Candidate retrieval: an inverted index from name keys to aliases.

Every alias is romanised once at build time (several readings per alias) and filed under
the keys of its tokens (forms.lookup_keys: phonetic key, consonant skeleton, consonant
classes and their bigrams, given-name groups). A query looks up its own keys and gets the
aliases that share the most and rarest of them, so a query never scans the gazetteer. The
build stores the result in the database (gazetteer/index_store.py).
"""

from __future__ import annotations

import math
import multiprocessing
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from sys import intern

from .retrieve import retrieval_plan, retrieve_held, top_aliases
from .forms import NameForm, alias_language, lookup_keys, name_forms
from .normalize import clean, normalize
from .score import Reading, WeightedForm, pack, weigh
from .types import AliasRecord, PersonRecord

__all__ = ["NameIndex", "IndexedAlias", "NameForm", "name_forms", "alias_language", "lookup_keys", "COUNT_BUDGET"]

# A key shared by more aliases than this share of the index is too common to retrieve by
# (unless nothing rarer matches).
_COMMON_SHARE = 0.05
_MIN_COMMON = 50
# Postings counted per query at most (after the _MIN_KEYS rarest keys): bounds the work of
# a query on a large gazetteer, where given-name keys are filed under many aliases.
COUNT_BUDGET = 30_000
_MIN_KEYS = 3
# Reading aliases in several processes pays from this many on, in chunks of _CHUNK.
_PARALLEL_FROM = 50_000
_CHUNK = 5_000


@dataclass(frozen=True, slots=True)
class IndexedAlias:
    person: int  # position in NameIndex.persons
    record: AliasRecord
    normalized: str
    # The readings as pack_forms writes them: as NameForm objects, the readings of a million
    # aliases took about 1.5 KB each, most of the memory of a large build.
    packed: str

    @property
    def forms(self) -> tuple[NameForm, ...]:
        return unpack_forms(self.packed)


_FIELD, _FORM = "\x1f", "\x1e"  # control characters: clean() leaves none in a reading


def pack_forms(forms: Iterable[NameForm]) -> str:
    """Readings as one string: per reading its tokens, keys, skeletons, classes and classes
    with every r, each space-separated."""
    return _FORM.join(
        _FIELD.join(" ".join(field) for field in (f.tokens, f.keys, f.skeletons, f.classes, f.classes_r))
        for f in forms
    )


def unpack_forms(packed: str) -> tuple[NameForm, ...]:
    """The readings pack_forms wrote (the joined keys are the keys joined, as name_forms makes them)."""
    out = []
    for part in packed.split(_FORM) if packed else ():
        tokens, keys, skeletons, classes, classes_r = (tuple(field.split(" ")) for field in part.split(_FIELD))
        out.append(NameForm(tokens, keys, skeletons, classes, classes_r, "".join(keys), "".join(classes)))
    return tuple(out)


def _read(job: tuple[str, str, str]) -> tuple[str, str, tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """An alias's normalised form, packed readings, the phonetic keys of each reading's
    tokens (for the token counts) and index keys, from (name, language tag, the person's
    country). Plain strings and tuples: cheap to pickle, and compact to hold."""
    name, lang, country = job
    cleaned = clean(name)
    normalized = normalize(cleaned)
    if not normalized:
        return "", "", (), ()
    forms = name_forms(cleaned, alias_language(lang, country, cleaned))
    keys: set[str] = set()
    for form in forms:
        keys |= lookup_keys(form)
    return normalized, pack_forms(forms), tuple(f.keys for f in forms), tuple(sorted(keys))


def _read_chunk(jobs: list[tuple[str, str, str]]) -> list:
    return list(map(_read, jobs))


def _read_all(
    jobs: list[tuple[str, str, str]], workers: int
) -> Iterator[tuple[str, str, tuple[tuple[str, ...], ...], tuple[str, ...]]]:
    """_read over all jobs, in order; in `workers` fresh processes when there are enough
    jobs to pay for starting them (spawned, not forked: the caller may have threads)."""
    if workers <= 1 or len(jobs) < _PARALLEL_FROM:
        yield from map(_read, jobs)
        return
    chunks = [jobs[i : i + _CHUNK] for i in range(0, len(jobs), _CHUNK)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for chunk in pool.map(_read_chunk, chunks):
            for normalized, packed, reading_keys, keys in chunk:
                # Interned: unpickled, each alias would hold its own copy of keys that
                # thousands of aliases share.
                yield normalized, packed, reading_keys, tuple(map(intern, keys))


class NameIndex:
    """Aliases of all persons with an inverted index over their keys. Immutable once built.

    Built here in memory from records; gazetteer.StoredNameIndex reads the same structures
    from the database instead (the data-access methods below are what it overrides)."""

    def __init__(self, persons: Iterable[PersonRecord], aliases: Iterable[AliasRecord], workers: int = 1):
        """`workers` > 1 reads the aliases in that many processes (for large gazetteers;
        the build uses it, a server never forks)."""
        self.persons: list[PersonRecord] = list(persons)
        self._person_pos = {p.id: i for i, p in enumerate(self.persons)}
        built: list[IndexedAlias] = []
        self.aliases: Sequence[IndexedAlias] = built
        # Posting lists grow as arrays of 4-byte ids: as lists of int objects, a million
        # aliases' forty million postings alone took over a gigabyte.
        postings: dict[str, array[int]] = defaultdict(lambda: array("I"))
        exact: dict[str, list[int]] = defaultdict(list)
        key_counts = array("H")
        self._key_counts: Sequence[int] = key_counts
        token_counts: Counter[str] = Counter()
        records = [(r, pos) for r in aliases if (pos := self._person_pos.get(r.person_id)) is not None]
        jobs = [(r.name, r.lang, self.persons[pos].country) for r, pos in records]
        for (record, pos), (normalized, packed, reading_keys, keys) in zip(records, _read_all(jobs, workers)):
            if not normalized:
                continue
            alias_id = len(built)
            built.append(IndexedAlias(pos, record, normalized, packed))
            exact[normalized].append(alias_id)
            for form_keys in reading_keys:
                token_counts.update(set(form_keys))
            for key in keys:
                postings[key].append(alias_id)
            key_counts.append(min(len(keys), 65535))
        self._posting_lists: dict[str, array[int]] = dict(postings)
        self._exact = dict(exact)
        self.token_counts: dict[str, int] = dict(token_counts)
        self._set_totals(len(built))
        self._weighted: list[tuple[WeightedForm, ...] | None] = [None] * len(built)
        self._readings: list[tuple[Reading, ...] | None] = [None] * len(built)

    def _set_totals(self, n_aliases: int) -> None:
        self._total = max(n_aliases, 1)
        self.max_idf = math.log(1 + self._total)

    # -- data access (overridden by the stored index) ---------------------------------------

    def exact(self, normalized: str) -> Sequence[int]:
        return self._exact.get(normalized, ())

    def weighted(self, alias_id: int) -> tuple[WeightedForm, ...]:
        """The alias's readings weighed by this index's token rarities (computed on first use)."""
        found = self._weighted[alias_id]
        if found is None:
            found = self._weighted[alias_id] = self.weigh(self.aliases[alias_id].forms)
        return found

    def readings(self, alias_id: int) -> tuple[Reading, ...]:
        """The alias's readings packed for scoring (packed on first use)."""
        found = self._readings[alias_id]
        if found is None:
            found = self._readings[alias_id] = tuple(pack(w) for w in self.weighted(alias_id))
        return found

    def first_readings(self, alias_ids: Sequence[int]) -> list[Reading]:
        """The primary reading of each alias, packed."""
        return [self.readings(a)[0] for a in alias_ids]

    def readings_of(self, alias_ids: Sequence[int]) -> list[tuple[Reading, ...]]:
        """The packed readings of each alias."""
        return [self.readings(a) for a in alias_ids]

    def person_of(self, alias_id: int) -> int:
        """Position in `persons` of the alias's person."""
        return self.aliases[alias_id].person

    def persons_of(self, alias_ids: Sequence[int]) -> list[int]:
        """person_of each alias."""
        return [self.person_of(a) for a in alias_ids]

    def record_of(self, alias_id: int) -> AliasRecord:
        return self.aliases[alias_id].record

    def token_counts_of(self, keys: Iterable[str]) -> dict[str, int]:
        """Aliases having a token with each of these phonetic keys (keys of none left out)."""
        return {k: n for k in keys if (n := self.token_counts.get(k, 0))}

    def posting_sizes(self, keys: Iterable[str]) -> dict[str, int]:
        """How many aliases each key is filed under (keys under none are left out)."""
        return {k: len(p) for k in keys if (p := self._posting_lists.get(k))}

    def postings_of(self, keys: Iterable[str]) -> dict[str, array[int]]:
        """The aliases filed under each key (keys under none left out)."""
        return {k: p for k in keys if (p := self._posting_lists.get(k))}

    def held_postings(self) -> dict[str, array[int]] | None:
        """Every posting list, when all are in memory (else None: read them as needed)."""
        return self._posting_lists

    def posting_items(self) -> Iterator[tuple[str, Sequence[int]]]:
        return iter(self._posting_lists.items())

    def key_count(self, alias_id: int) -> int:
        return self._key_counts[alias_id]

    def prefetch(self, alias_ids: Sequence[int]) -> None:
        """A hint that these aliases are about to be read (the stored index reads them in
        one query)."""

    def warm(self) -> bool:
        """Read up front what queries would read on first use, when that is cheap (a stored
        index of a small gazetteer; an index built in memory holds everything already).
        True when the index is now all in memory."""
        return True

    # -- derived --------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.aliases)

    def weigh(self, forms: tuple[NameForm, ...]) -> tuple[WeightedForm, ...]:
        counts = self.token_counts_of({k for f in forms for k in f.keys})
        return tuple(weigh(f, lambda key: self._idf(counts.get(key, 0)), self.max_idf) for f in forms)

    def person(self, person_id: str) -> PersonRecord | None:
        pos = self._person_pos.get(person_id)
        return None if pos is None else self.persons[pos]

    def idf(self, key: str) -> float:
        """Rarity of a token key (inverse document frequency: a rare surname says more than
        "muhammad"); unseen keys count as rare."""
        return self._idf(self.token_counts_of((key,)).get(key, 0))

    def _idf(self, count: int) -> float:
        return math.log(1 + self._total / count) if count else self.max_idf

    def person_pos(self, person_id: str) -> int:
        return self._person_pos[person_id]

    def aliases_of(self, person_id: str) -> list[int]:
        pos = self._person_pos.get(person_id)
        return [i for i, a in enumerate(self.aliases) if a.person == pos] if pos is not None else []

    def retrieve(self, forms: tuple[NameForm, ...], limit: int) -> list[int]:
        """Aliases sharing keys with the query, the ones sharing more and rarer keys first.

        A rare key is counted more than once, up to four times. Keys are taken rarest first
        until COUNT_BUDGET postings have been counted, so a query costs about the same on a
        large gazetteer as on a small one."""
        keys: set[str] = set()
        for form in forms:
            keys |= lookup_keys(form)
        common = max(_MIN_COMMON, int(self._total * _COMMON_SHARE))
        held = self.held_postings()
        if held is not None:  # the same plan as below, with the lists at hand
            return retrieve_held(keys, held, self._key_counts, common, COUNT_BUDGET, _MIN_KEYS, limit * 5, limit)
        plan = retrieval_plan(self.posting_sizes(keys), common, COUNT_BUDGET, _MIN_KEYS)
        postings = self.postings_of([key for key, _ in plan])
        # Counted in C. Aliases with many readings have many keys and would win on raw
        # counts: the best-counted ones are ranked again by count over the square root of
        # their number of keys. Ties go to the first counted: deterministic.
        counted = [(postings[key], repeat) for key, repeat in plan if key in postings]
        return top_aliases(counted, self._key_counts, limit * 5, limit)
