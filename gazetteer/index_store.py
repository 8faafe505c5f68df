"""The name index, stored in the gazetteer database beside the data it indexes.

Romanising every alias is the slow part of loading a gazetteer (about 0.2 ms an alias), so
the build does it once and writes the result: each alias's weighed readings, the posting
lists of the retrieval keys, and the token counts the rarity weights come from. A server
then opens a gazetteer of any size in well under a second and holds in memory only what
queries touch (bounded caches, filled a query's worth at a time), not a million aliases.

The stored index is only valid for the code that wrote it: the database records a
fingerprint of the matcher modules that compute it and of the ICU and unidecode versions,
and a server running other code builds the index in memory instead (slower to start, same
answers).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib.metadata import version
from itertools import islice, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, cast, overload

import icu

from rollcall import resolvers
from rollcall.resolvers import AliasRecord, NameIndex, PersonRecord
from rollcall.resolvers.index import IndexedAlias, pack_forms
from rollcall.resolvers.forms import NameForm
from rollcall.resolvers._fastscore import Reading, readings_from_text
from rollcall.resolvers.score import WeightedForm, token_groups, token_particles

if TYPE_CHECKING:
    from .store import Store

__all__ = ["index_fingerprint", "write_index", "StoredNameIndex"]

# The layout of the index tables; bump on any change to them or to _encode.
_INDEX_FORMAT = "rollcall-index/2"

# Separators inside the stored readings of an alias (ASCII unit/record separators never
# occur in romanised tokens).
_FIELD, _FORM = "\x1f", "\x1e"

# Cache sizes: enough for the working set of a busy server, bounded for a 1M-alias one.
_ALIAS_CACHE = 200_000
_POSTINGS_CACHE = 20_000
_KEY_CACHE = 200_000
# A stored index of at most this many aliases is read whole by warm(): about 0.2 s and
# 40 MB for the 10k aliases of everypolitician-2015.
_WARM_ALIASES = 50_000
# Most keys or ids in one `in (...)` query.
_SQL_BATCH = 500
K = TypeVar("K")
V = TypeVar("V")


# The matcher modules whose output the index stores: readings and their keys (forms and
# what it calls), the token weights (score.weigh). Retrieval and scoring logic may change
# without invalidating stored indexes; a change to any of these invalidates them.
_INDEXED_BY = ("forms.py", "keys.py", "_keys.c", "keys_py.py", "translit.py", "respell.py", "normalize.py",
               "script.py", "given_names.py", "score.py", "rules.py", "data/given_names.txt")


@lru_cache(maxsize=1)
def index_fingerprint() -> str:
    """Changes whenever the code or libraries that compute the index may have changed."""
    digest = hashlib.sha256(_INDEX_FORMAT.encode())
    root = Path(resolvers.__file__).parent
    for name in _INDEXED_BY:
        digest.update(name.encode())
        digest.update((root / name).read_bytes())
    digest.update(f"icu {icu.ICU_VERSION} unidecode {version('unidecode')}".encode())
    return digest.hexdigest()[:16]


def _encode(forms: Iterable[WeightedForm]) -> str:
    """An alias's readings as text: the fields _fastscore.readings_from_text parses (a server
    reads them into packed Readings without making Python objects of every token)."""
    return _FORM.join(
        _FIELD.join((
            " ".join(w.form.tokens), " ".join(w.form.keys), " ".join(w.form.skeletons),
            " ".join(w.form.classes), " ".join(w.form.classes_r),
            " ".join(repr(x) for x in w.weights), repr(w.rarity),
            " ".join(",".join(map(str, g)) for g in token_groups(w.form)),
            "".join("1" if p else "0" for p in token_particles(w.form)),
        ))
        for w in forms
    )


def _decode(text: str) -> tuple[WeightedForm, ...]:
    """The readings of _encode as Python objects (for whole-gazetteer passes and checks;
    matching reads the packed ones)."""
    out = []
    for part in text.split(_FORM) if text else ():
        tokens, keys, skeletons, classes, classes_r, weights, rarity, _, _ = part.split(_FIELD)
        k, c = tuple(keys.split(" ")), tuple(classes.split(" "))
        form = NameForm(tuple(tokens.split(" ")), k, tuple(skeletons.split(" ")), c,
                        tuple(classes_r.split(" ")), "".join(k), "".join(c))
        out.append(WeightedForm(form, tuple(float(x) for x in weights.split(" ")), float(rarity)))
    return tuple(out)


def write_index(conn: sqlite3.Connection, index: NameIndex) -> None:
    """Write `index` (built in memory from the same database) into its index tables."""
    if isinstance(index, StoredNameIndex):
        raise TypeError("write_index needs an index built in memory (a stored one holds no token counts)")
    conn.execute("create table index_aliases (id integer primary key, person integer not null,"
                 " person_id text, name text, lang text, kind text, normalized text, forms text)")
    conn.execute("create table index_postings (key text primary key, n integer, ids blob) without rowid")
    conn.execute("create table index_tokens (key text primary key, n integer) without rowid")
    conn.execute("create table index_blobs (name text primary key, data blob)")
    conn.executemany(
        "insert into index_aliases values (?, ?, ?, ?, ?, ?, ?, ?)",
        ((i, a.person, a.record.person_id, a.record.name, a.record.lang, a.record.kind,
          a.normalized, _encode(index.weigh(a.forms))) for i, a in enumerate(index.aliases)),  # not kept
    )
    conn.execute("create index index_aliases_normalized on index_aliases(normalized)")
    conn.execute("create index index_aliases_person on index_aliases(person)")
    conn.executemany(
        "insert into index_postings values (?, ?, ?)",
        ((key, len(ids), array("I", ids).tobytes()) for key, ids in index.posting_items()),
    )
    conn.executemany("insert into index_tokens values (?, ?)", index.token_counts.items())
    key_counts = array("H", (index.key_count(i) for i in range(len(index))))
    conn.execute("insert into index_blobs values ('key_counts', ?)", (key_counts.tobytes(),))
    conn.executemany(
        "insert into meta (key, value) values (?, ?)",
        [("index_fingerprint", index_fingerprint()), ("index_aliases", str(len(index))),
         ("index_persons", str(len(index.persons)))],
    )


class _Cache(Generic[K, V]):
    """A bounded cache filled in batches: `load` reads every missing key in one query. When
    full, the older half is dropped (cheaper than an exact LRU, as good for a working set
    that fits)."""

    def __init__(self, size: int, load: Callable[[list[K]], dict[K, V]], default: V):
        self._size, self._load, self._default = size, load, default
        self._data: dict[K, V] = {}
        self._lock = threading.Lock()
        self.complete = False  # holds the whole table (hold_all): never read, never evict

    def get_many(self, keys: Sequence[K]) -> dict[K, V]:
        data = self._data
        if self.complete:
            default = self._default
            return {k: data.get(k, default) for k in keys}
        with self._lock:
            found = {k: data[k] for k in keys if k in data}
        missing = [k for k in keys if k not in found]
        if missing:
            loaded: dict[K, V] = {}
            for i in range(0, len(missing), _SQL_BATCH):
                loaded.update(self._load(missing[i : i + _SQL_BATCH]))
            with self._lock:
                if len(data) + len(missing) > self._size:
                    for k in list(islice(data, len(data) // 2)):
                        del data[k]
                for k in missing:
                    found[k] = data[k] = loaded.get(k, self._default)
        return found

    def hold_all(self, items: dict[K, V]) -> None:
        """Hold `items`, the whole table, from now on: no bound, and a key not among them
        is answered with the default without a query."""
        with self._lock:
            self._data = dict(items)
            self.complete = True

    def values(self, keys: Sequence[K]) -> list[V]:
        """The values of `keys`, in order."""
        if self.complete:
            return list(map(self._data.get, keys, repeat(self._default, len(keys))))
        found = self.get_many(keys)
        return [found[k] for k in keys]

    def held(self) -> dict[K, V] | None:
        """The whole table once held (hold_all), else None."""
        return self._data if self.complete else None

    def present(self, keys: Iterable[K]) -> dict[K, V]:
        """The entries of `keys` whose value is not the default (a hit on a held table is
        one dict lookup a key)."""
        if self.complete:
            data = self._data
            return {k: v for k in keys if (v := data.get(k))}
        return {k: v for k, v in self.get_many(list(keys)).items() if v}

    def get(self, key: K) -> V:
        # Fast path without the lock: a dict read is atomic, and a key evicted meanwhile is
        # just read again.
        try:
            return self._data[key]
        except KeyError:
            return self.get_many((key,))[key]


def _in(n: int) -> str:
    return ",".join("?" * n)


def _index_meta(store: Store) -> dict[str, str]:
    return {r[0]: r[1] for r in store.rows("select key, value from meta where key like 'index_%'")}


@dataclass(frozen=True, slots=True)
class _CachedAlias:
    """What matching needs of an alias: the packed readings, not their Python objects."""

    person: int
    record: AliasRecord
    readings: tuple[Reading, ...]


class _StoredAliases(Sequence[IndexedAlias]):
    """The aliases of a stored index, read on demand (what matching reads is cached)."""

    def __init__(self, store: Store, persons: list[PersonRecord], n: int):
        self._store, self._persons, self._n = store, persons, n
        self._cache: _Cache[int, _CachedAlias | None] = _Cache(_ALIAS_CACHE, self._load, None)

    def cached(self, alias_id: int) -> _CachedAlias:
        found = self._cache.get(alias_id)
        if found is None:
            raise IndexError(alias_id)
        return found

    def prefetch(self, alias_ids: Sequence[int]) -> None:
        if not self._cache.complete:
            self._cache.get_many(alias_ids)

    def cached_many(self, alias_ids: Sequence[int]) -> list[_CachedAlias]:
        found = self._cache.values(alias_ids)
        if None in found:
            raise IndexError(alias_ids[found.index(None)])
        return cast(list[_CachedAlias], found)

    def _load(self, alias_ids: list[int]) -> dict[int, _CachedAlias | None]:
        return self._read(f"where id in ({_in(len(alias_ids))})", tuple(alias_ids))

    def load_all(self) -> None:
        self._cache.hold_all(self._read("", ()))

    def _read(self, where: str, params: tuple) -> dict[int, _CachedAlias | None]:
        rows = self._store.rows(f"select id, person, person_id, name, lang, kind, forms from index_aliases {where}", params)
        return {row["id"]: _CachedAlias(row["person"], _record(row), readings_from_text(row["forms"])) for row in rows}

    def weighted(self, alias_id: int) -> tuple[WeightedForm, ...]:
        return _decode(self._row(alias_id)["forms"])

    def _row(self, alias_id: int) -> sqlite3.Row:
        rows = self._store.rows("select * from index_aliases where id = ?", (alias_id,))
        if not rows:
            raise IndexError(alias_id)
        return rows[0]

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> IndexedAlias: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[IndexedAlias]: ...
    def __getitem__(self, i: int | slice) -> IndexedAlias | Sequence[IndexedAlias]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        return _alias(self._row(i))

    def __iter__(self) -> Iterator[IndexedAlias]:
        """All aliases in id order, read in chunks (for whole-gazetteer passes)."""
        for start in range(0, self._n, 5000):
            for row in self._store.rows(
                "select * from index_aliases where id >= ? and id < ? order by id", (start, start + 5000)
            ):
                yield _alias(row)


def _record(row: sqlite3.Row) -> AliasRecord:
    return AliasRecord(row["person_id"], row["name"], row["lang"] or "", row["kind"] or "")


def _alias(row: sqlite3.Row) -> IndexedAlias:
    return IndexedAlias(row["person"], _record(row), row["normalized"], pack_forms(w.form for w in _decode(row["forms"])))


class StoredNameIndex(NameIndex):
    """A NameIndex read from the database's index tables instead of built in memory."""

    def __init__(self, store: Store, persons: list[PersonRecord]):
        meta = _index_meta(store)
        self.persons = persons
        self._person_pos = {p.id: i for i, p in enumerate(persons)}
        n = int(meta["index_aliases"])
        self._store = store
        self.aliases = self._aliases = _StoredAliases(store, persons, n)
        blob = store.rows("select data from index_blobs where name = 'key_counts'")[0][0]
        self._key_counts = array("H", blob)
        self.token_counts = {}  # not held: token_count reads the table
        self._set_totals(n)
        self._token_counts = _Cache(_KEY_CACHE, partial(self._read_counts, "index_tokens"), 0)
        self._sizes = _Cache(_KEY_CACHE, partial(self._read_counts, "index_postings"), 0)
        self._postings: _Cache[str, array[int]] = _Cache(_POSTINGS_CACHE, self._read_postings, array("I"))
        self._held_exact: dict[str, list[int]] | None = None  # once warm
        self._held_first: list[Reading] | None = None  # each alias's first reading, once warm

    @staticmethod
    def usable(store: Store, persons: list[PersonRecord]) -> bool:
        """Whether the database holds an index written by this code for these persons."""
        meta = _index_meta(store)
        return (meta.get("index_fingerprint") == index_fingerprint()
                and meta.get("index_persons") == str(len(persons)))

    def _read_counts(self, table: str, keys: list[str]) -> dict[str, int]:
        """The `n` column of index_tokens (aliases with the token key) or index_postings
        (aliases filed under the key)."""
        rows = self._store.rows(f"select key, n from {table} where key in ({_in(len(keys))})", tuple(keys))
        return {key: n for key, n in rows}

    def _read_postings(self, keys: list[str]) -> dict[str, array[int]]:
        rows = self._store.rows(f"select key, ids from index_postings where key in ({_in(len(keys))})", tuple(keys))
        return {key: array("I", ids) for key, ids in rows}

    def exact(self, normalized: str) -> Sequence[int]:
        if self._held_exact is not None:
            return self._held_exact.get(normalized, ())
        return [r[0] for r in self._store.rows(
            "select id from index_aliases where normalized = ? order by id", (normalized,))]

    def weighted(self, alias_id: int) -> tuple[WeightedForm, ...]:
        return self._aliases.weighted(alias_id)

    def readings(self, alias_id: int) -> tuple[Reading, ...]:
        return self._aliases.cached(alias_id).readings

    def first_readings(self, alias_ids: Sequence[int]) -> list[Reading]:
        if self._held_first is not None:
            return list(map(self._held_first.__getitem__, alias_ids))
        return [c.readings[0] for c in self._aliases.cached_many(alias_ids)]

    def readings_of(self, alias_ids: Sequence[int]) -> list[tuple[Reading, ...]]:
        return [c.readings for c in self._aliases.cached_many(alias_ids)]

    def person_of(self, alias_id: int) -> int:
        return self._aliases.cached(alias_id).person

    def persons_of(self, alias_ids: Sequence[int]) -> list[int]:
        return [c.person for c in self._aliases.cached_many(alias_ids)]

    def record_of(self, alias_id: int) -> AliasRecord:
        return self._aliases.cached(alias_id).record

    def token_counts_of(self, keys: Iterable[str]) -> dict[str, int]:
        return self._token_counts.present(keys)

    def posting_sizes(self, keys: Iterable[str]) -> dict[str, int]:
        return self._sizes.present(keys)

    def postings_of(self, keys: Iterable[str]) -> dict[str, array[int]]:
        return self._postings.present(keys)

    def held_postings(self) -> dict[str, array[int]] | None:
        return self._postings.held()

    def prefetch(self, alias_ids: Sequence[int]) -> None:
        self._aliases.prefetch(alias_ids)

    def warm(self) -> bool:
        """A gazetteer of at most _WARM_ALIASES aliases is read whole: queries then read
        nothing from the database."""
        if len(self._aliases) > _WARM_ALIASES:
            return False
        self._aliases.load_all()
        self._held_first = [c.readings[0] for c in self._aliases.cached_many(range(len(self._aliases)))]
        exact: dict[str, list[int]] = {}
        for alias_id, normalized in self._store.rows("select id, normalized from index_aliases order by id"):
            exact.setdefault(normalized, []).append(alias_id)
        self._held_exact = exact
        self._token_counts.hold_all({key: n for key, n in self._store.rows("select key, n from index_tokens")})
        rows = self._store.rows("select key, n, ids from index_postings")
        self._sizes.hold_all({key: n for key, n, _ in rows})
        self._postings.hold_all({key: array("I", ids) for key, _, ids in rows})
        return True

    def posting_items(self) -> Iterator[tuple[str, Sequence[int]]]:
        for key, blob in self._store.rows("select key, ids from index_postings order by key"):
            yield key, array("I", blob)

    def aliases_of(self, person_id: str) -> list[int]:
        pos = self._person_pos.get(person_id)
        if pos is None:
            return []
        return [r[0] for r in self._store.rows(
            "select id from index_aliases where person = ? order by id", (pos,))]
