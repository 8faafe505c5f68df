"""The name index, stored in the gazetteer database beside the data it indexes.

Romanising every alias is the slow part of loading a gazetteer (about 0.2 ms an alias), so
the build does it once and writes the result: each alias's weighed readings (encoded as
resolvers.readings_codec writes them), the posting lists of the retrieval keys, and the
token counts the rarity weights come from. A server then opens a gazetteer of any size in
well under a second and holds in memory only what queries touch (bounded caches, filled a
query's worth at a time), not a million aliases.

A stored index is only valid for the readings it was written with: the database records
the resolvers' INDEX_VERSION and the ICU and unidecode versions, and a server whose own
differ builds the index in memory instead (slower to start, same answers).
"""

from __future__ import annotations

import logging
import sqlite3
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from importlib.metadata import version
from typing import cast

import icu

from rollcall.resolvers import AliasRecord, NameIndex, build_name_index, readings_codec
from rollcall.resolvers.forms import NameForm
from rollcall.resolvers.index_data import prefix_end
from rollcall.resolvers.index_memory import MemoryIndexData
from rollcall.resolvers.readings_codec import INDEX_VERSION
from rollcall.resolvers.score import Reading, WeightedForm

from .batch_cache import BatchCache
from .store import Store

__all__ = ["stored_index_version", "write_index", "load_name_index", "StoredIndexData"]

log = logging.getLogger(__name__)

# The layout of the index tables; bump on any change to them.
_TABLES_VERSION = "rollcall-index/3"

# Cache sizes: enough for the working set of a busy server, bounded for a 1M-alias one.
_ALIAS_CACHE = 200_000
_POSTINGS_CACHE = 20_000
_KEY_CACHE = 200_000
# A stored index of at most this many aliases is read whole by warm(): about 0.2 s and
# 40 MB for the 10k aliases of everypolitician-2015.
_WARM_ALIASES = 50_000


def stored_index_version() -> str:
    """What a stored index must have been written with to be read by this code."""
    return f"{_TABLES_VERSION} readings {INDEX_VERSION} icu {icu.ICU_VERSION} unidecode {version('unidecode')}"


def write_index(conn: sqlite3.Connection, data: MemoryIndexData, n_persons: int) -> None:
    """Write an index built in memory (from the same database) into its index tables."""
    conn.execute("create table index_aliases (id integer primary key, person integer not null,"
                 " person_id text, name text, lang text, kind text, normalized text, forms text)")
    conn.execute("create table index_postings (key text primary key, n integer, ids blob) without rowid")
    conn.execute("create table index_tokens (key text primary key, n integer) without rowid")
    conn.execute("create table index_blobs (name text primary key, data blob)")
    conn.executemany(
        "insert into index_aliases values (?, ?, ?, ?, ?, ?, ?, ?)",
        ((i, person, r.person_id, r.name, r.lang, r.kind, normalized, data.weighed_text(i))
         for i, (person, r, normalized) in enumerate(zip(data.alias_person, data.alias_records, data.alias_normalized))),
    )
    conn.execute("create index index_aliases_normalized on index_aliases(normalized)")
    conn.execute("create index index_aliases_person on index_aliases(person)")
    conn.executemany(
        "insert into index_postings values (?, ?, ?)",
        ((key, len(ids), ids.tobytes()) for key, ids in data.postings.items()),
    )
    conn.executemany("insert into index_tokens values (?, ?)", data.token_counts.items())
    key_counts = array("H", data.key_counts)
    conn.execute("insert into index_blobs values ('key_counts', ?)", (key_counts.tobytes(),))
    conn.executemany(
        "insert into meta (key, value) values (?, ?)",
        [("index_version", stored_index_version()), ("index_aliases", str(len(data))),
         ("index_persons", str(n_persons))],
    )


def load_name_index(store: Store) -> NameIndex:
    """The database's stored name index when this code can read it, else one built in
    memory (a database written by another version of rollcall still answers, it starts
    slower)."""
    persons = store.matcher_persons()
    meta = _index_meta(store)
    if meta.get("index_version") == stored_index_version() and meta.get("index_persons") == str(len(persons)):
        return NameIndex(persons, StoredIndexData(store, int(meta["index_aliases"])))
    log.warning("%s: no name index for this version of rollcall; building it in memory "
                "(rebuild the database to start faster)", store.path)
    return build_name_index(persons, store.matcher_aliases())


def _index_meta(store: Store) -> dict[str, str]:
    return {r[0]: r[1] for r in store.rows("select key, value from meta where key like 'index_%'")}


def _in(n: int) -> str:
    return ",".join("?" * n)


@dataclass(frozen=True, slots=True)
class _CachedAlias:
    """What matching needs of an alias: the packed readings, not their Python objects."""

    person: int
    record: AliasRecord
    readings: tuple[Reading, ...]


def _record(row: sqlite3.Row) -> AliasRecord:
    return AliasRecord(row["person_id"], row["name"], row["lang"] or "", row["kind"] or "")


class StoredIndexData:
    """IndexData read from the database's index tables (what matching reads is cached)."""

    def __init__(self, store: Store, n_aliases: int):
        self._store, self._n = store, n_aliases
        blob = store.rows("select data from index_blobs where name = 'key_counts'")[0][0]
        self._key_counts = array("H", blob)
        self._aliases: BatchCache[int, _CachedAlias | None] = BatchCache(_ALIAS_CACHE, self._load_aliases, None)
        self._token_counts = BatchCache(_KEY_CACHE, partial(self._read_counts, "index_tokens"), 0)
        self._sizes = BatchCache(_KEY_CACHE, partial(self._read_counts, "index_postings"), 0)
        self._postings: BatchCache[str, array[int]] = BatchCache(_POSTINGS_CACHE, self._read_postings, array("I"))
        self._held_exact: dict[str, list[int]] | None = None  # once warm
        self._held_first: list[Reading] | None = None  # each alias's first reading, once warm

    def __len__(self) -> int:
        return self._n

    @property
    def key_counts(self) -> Sequence[int]:
        return self._key_counts

    # -- reading the tables -----------------------------------------------------------------

    def _load_aliases(self, alias_ids: list[int]) -> dict[int, _CachedAlias | None]:
        return self._read_aliases(f"where id in ({_in(len(alias_ids))})", tuple(alias_ids))

    def _read_aliases(self, where: str, params: tuple) -> dict[int, _CachedAlias | None]:
        rows = self._store.rows(f"select id, person, person_id, name, lang, kind, forms from index_aliases {where}", params)
        return {row["id"]: _CachedAlias(row["person"], _record(row), readings_codec.parse(row["forms"])) for row in rows}

    def _cached(self, alias_ids: Sequence[int]) -> list[_CachedAlias]:
        found = self._aliases.values(alias_ids)
        # all() and not `None in found`: `in` would call each alias's dataclass __eq__.
        if not all(found):
            raise IndexError(alias_ids[found.index(None)])
        return cast(list[_CachedAlias], found)

    def _read_counts(self, table: str, keys: list[str]) -> dict[str, int]:
        """The `n` column of index_tokens (aliases with the token key) or index_postings
        (aliases filed under the key)."""
        rows = self._store.rows(f"select key, n from {table} where key in ({_in(len(keys))})", tuple(keys))
        return {key: n for key, n in rows}

    def _read_postings(self, keys: list[str]) -> dict[str, array[int]]:
        rows = self._store.rows(f"select key, ids from index_postings where key in ({_in(len(keys))})", tuple(keys))
        return {key: array("I", ids) for key, ids in rows}

    # -- what matching reads ------------------------------------------------------------------

    def exact(self, normalized: str) -> Sequence[int]:
        if self._held_exact is not None:
            return self._held_exact.get(normalized, ())
        return [r[0] for r in self._store.rows(
            "select id from index_aliases where normalized = ? order by id", (normalized,))]

    def readings_of(self, alias_ids: Sequence[int]) -> list[tuple[Reading, ...]]:
        return [c.readings for c in self._cached(alias_ids)]

    def first_readings(self, alias_ids: Sequence[int]) -> list[Reading]:
        if self._held_first is not None:
            return list(map(self._held_first.__getitem__, alias_ids))
        return [c.readings[0] for c in self._cached(alias_ids)]

    def persons_of(self, alias_ids: Sequence[int]) -> list[int]:
        return [c.person for c in self._cached(alias_ids)]

    def record_of(self, alias_id: int) -> AliasRecord:
        found = self._aliases.get(alias_id)
        if found is None:
            raise IndexError(alias_id)
        return found.record

    def prefetch(self, alias_ids: Sequence[int]) -> None:
        if not self._aliases.complete:
            self._aliases.get_many(alias_ids)

    def token_counts_of(self, keys: Iterable[str]) -> dict[str, int]:
        return self._token_counts.present(keys)

    def posting_sizes(self, keys: Iterable[str]) -> dict[str, int]:
        return self._sizes.present(keys)

    def postings_of(self, keys: Iterable[str]) -> dict[str, array[int]]:
        return self._postings.present(keys)

    def held_postings(self) -> dict[str, array[int]] | None:
        return self._postings.held()

    def keys_with_prefix(self, prefix: str, limit: int) -> list[str]:
        # A range over the table's primary key.
        rows = self._store.rows("select key from index_postings where key >= ? and key < ?"
                                " order by length(key), key limit ?", (prefix, prefix_end(prefix), limit))
        return [r[0] for r in rows]

    def warm(self) -> bool:
        """A gazetteer of at most _WARM_ALIASES aliases is read whole: queries then read
        nothing from the database."""
        if self._n > _WARM_ALIASES:
            return False
        self._aliases.hold_all(self._read_aliases("", ()))
        self._held_first = [c.readings[0] for c in self._cached(range(self._n))]
        exact: dict[str, list[int]] = {}
        for alias_id, normalized in self._store.rows("select id, normalized from index_aliases order by id"):
            exact.setdefault(normalized, []).append(alias_id)
        self._held_exact = exact
        self._token_counts.hold_all({key: n for key, n in self._store.rows("select key, n from index_tokens")})
        rows = self._store.rows("select key, n, ids from index_postings")
        self._sizes.hold_all({key: n for key, n, _ in rows})
        self._postings.hold_all({key: array("I", ids) for key, _, ids in rows})
        return True

    # -- whole-gazetteer passes ---------------------------------------------------------------

    def _all_rows(self, columns: str) -> Iterator[sqlite3.Row]:
        """Every alias's row in id order, read in chunks."""
        for start in range(0, self._n, 5000):
            yield from self._store.rows(
                f"select {columns} from index_aliases where id >= ? and id < ? order by id", (start, start + 5000))

    def records(self) -> Iterator[AliasRecord]:
        return map(_record, self._all_rows("person_id, name, lang, kind"))

    def all_forms(self) -> Iterator[tuple[NameForm, ...]]:
        return (readings_codec.decode_forms(row["forms"]) for row in self._all_rows("forms"))

    def weighted(self, alias_id: int) -> tuple[WeightedForm, ...]:
        rows = self._store.rows("select forms from index_aliases where id = ?", (alias_id,))
        if not rows:
            raise IndexError(alias_id)
        return readings_codec.decode(rows[0]["forms"])

    def aliases_of(self, person: int) -> list[int]:
        return [r[0] for r in self._store.rows("select id from index_aliases where person = ? order by id", (person,))]
