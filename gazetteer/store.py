"""The SQLite store: writes a Gazetteer atomically, reads it back for the matcher and API.

Only this module touches the database file. Writes always go to a temporary file beside the
target which is renamed over it once complete, so a reader (or a crash) never sees half a
database.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from rollcall.resolvers import AliasRecord, NameIndex, PersonRecord, TenureRecord, detect_script, within
from rollcall.resolvers.articles import PostInfo, Vocabulary
from rollcall.resolvers.types import Office

from .country_names import icu_country_names
from .files import FileWriteError, staged
from .index_store import StoredNameIndex, write_index
from .model import Country, Cue, Gazetteer, Name, Organization, Person, Post, RoleWords, Tenure

__all__ = ["SCHEMA_VERSION", "StoreError", "Office", "Store", "write_atomically", "read_gazetteer", "read_meta", "load_name_index"]

SCHEMA_VERSION = "3"

log = logging.getLogger(__name__)


class StoreError(RuntimeError):
    """The database is missing, unreadable or of another schema."""


def _name_rows(owner_col: str, owner: str, names: list[Name]) -> list[dict]:
    return [
        {
            owner_col: owner,
            "name": n.name,
            "lang": n.lang,
            "script": n.script or detect_script(n.name),
            "kind": n.kind,
            "until": n.until,
        }
        for n in names
    ]


_NAME_COLUMNS = {"name": str, "lang": str, "script": str, "kind": str, "until": str}

# Table → (columns, primary key). Created up front so an empty table still exists.
_TABLES: dict[str, tuple[dict[str, type], str | None]] = {
    "meta": ({"key": str, "value": str}, "key"),
    "countries": ({"code": str, "wikidata": str}, "code"),
    "country_names": ({"code": str, "name": str, "lang": str, "kind": str}, None),
    "organizations": (
        {"id": str, "name": str, "classification": str, "wikidata": str, "country": str}, "id"),
    "organization_names": ({"organization_id": str, **_NAME_COLUMNS}, None),
    "posts": ({"id": str, "label": str, "role_type": str, "country": str,
               "organization_id": str, "wikidata": str}, "id"),
    "post_labels": ({"post_id": str, **_NAME_COLUMNS}, None),
    "persons": ({"id": str, "name": str, "wikidata": str, "country": str, "gender": str,
                 "birth_date": str}, "id"),
    "names": ({"person_id": str, **_NAME_COLUMNS}, None),
    "memberships": ({"person_id": str, "post_id": str, "organization_id": str,
                     "start_date": str, "end_date": str, "acting": int, "role": str,
                     "source": str}, None),
    "redirects": ({"from_id": str, "to_id": str}, "from_id"),
    "role_words": ({"role_type": str, "name": str, "lang": str}, None),
    "cues": ({"kind": str, "lang": str, "phrase": str}, None),
}

_INDEXES = (
    ("names", ["person_id"]),
    ("memberships", ["person_id"]),
    ("post_labels", ["post_id"]),
    ("persons", ["wikidata"]),
)


def _rows(gaz: Gazetteer, meta: dict[str, str]) -> dict[str, Iterable[dict]]:
    """Every table's rows, generated lazily so a large import is not held twice."""
    role_languages = {n.lang for r in gaz.roles for n in r.labels if n.lang}

    def country_names() -> Iterator[dict]:
        for c in gaz.countries.values():
            yield from ({"code": c.code, "name": n.name, "lang": n.lang, "kind": "name"}
                        for n in [*c.names, *icu_country_names(c.code, role_languages, c.names)])
            yield from ({"code": c.code, "name": n.name, "lang": n.lang, "kind": "demonym"}
                        for n in c.demonyms)

    return {
        "meta": ({"key": k, "value": v} for k, v in {"schema": SCHEMA_VERSION, **meta}.items()),
        "countries": ({"code": c.code, "wikidata": c.wikidata} for c in gaz.countries.values()),
        "country_names": country_names(),
        "organizations": (
            {"id": o.id, "name": o.name, "classification": o.classification,
             "wikidata": o.wikidata, "country": o.country}
            for o in gaz.organizations.values()),
        "organization_names": (r for o in gaz.organizations.values()
                               for r in _name_rows("organization_id", o.id, o.names)),
        "posts": (
            {"id": p.id, "label": p.label, "role_type": p.role_type, "country": p.country,
             "organization_id": p.organization_id, "wikidata": p.wikidata}
            for p in gaz.posts.values()),
        "post_labels": (r for p in gaz.posts.values()
                        for r in _name_rows("post_id", p.id, p.labels)),
        "persons": (
            {"id": p.id, "name": p.name, "wikidata": p.wikidata, "country": p.country,
             "gender": p.gender, "birth_date": p.birth_date}
            for p in gaz.persons.values()),
        "names": (r for p in gaz.persons.values() for r in _name_rows("person_id", p.id, p.names)),
        "memberships": (
            {"person_id": t.person_id, "post_id": t.post_id,
             "organization_id": t.organization_id, "start_date": t.start,
             "end_date": t.end, "acting": int(t.acting), "role": t.role, "source": t.source}
            for t in gaz.tenures),
        "redirects": ({"from_id": a, "to_id": b} for a, b in gaz.redirects.items()),
        "role_words": ({"role_type": r.role_type, "name": n.name, "lang": n.lang}
                       for r in gaz.roles for n in r.labels),
        "cues": ({"kind": c.kind, "lang": c.lang, "phrase": p} for c in gaz.cues for p in c.phrases),
    }


def _write(db: sqlite_utils.Database, gaz: Gazetteer, meta: dict[str, str]) -> None:
    rows = _rows(gaz, meta)
    for name, (columns, pk) in _TABLES.items():
        table = db.table(name)
        table.create(columns, pk=pk)
        table.insert_all(rows[name], batch_size=5000)
    for name, cols in _INDEXES:
        db.table(name).create_index(cols)


def write_atomically(path: Path, gaz: Gazetteer, meta: dict[str, str]) -> None:
    """Write `gaz` to a temporary database beside `path`, check it opens, then rename."""
    try:
        with staged(path) as tmp:
            conn = sqlite3.connect(tmp)
            # No journal and no sync per transaction: the file is new and private until
            # renamed, so a crash leaves only a temporary file; it is synced once, below.
            conn.execute("pragma journal_mode = off")
            conn.execute("pragma synchronous = off")
            try:
                db = sqlite_utils.Database(conn)
                with conn:
                    _write(db, gaz, meta)
                _write_name_index(conn, tmp)
                count = conn.execute("select count(*) from persons").fetchone()[0]
                if count != len(gaz.persons):
                    raise StoreError(f"wrote {count} persons, expected {len(gaz.persons)}")
                ok = conn.execute("pragma integrity_check").fetchone()[0]
                if ok != "ok":
                    raise StoreError(f"integrity check failed: {ok}")
            finally:
                conn.close()
            _sync(tmp)
    except FileWriteError as err:
        raise StoreError(str(err)) from None


def _sync(path: Path) -> None:
    """Flush a finished file to disk before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_name_index(conn: sqlite3.Connection, path: Path) -> None:
    """Build the name index from the data just written and store it beside the data."""
    reader = Store(path)
    try:
        index = NameIndex(reader.matcher_persons(), reader.matcher_aliases(), workers=os.cpu_count() or 1)
    finally:
        reader.close()
    with conn:
        write_index(conn, index)


def load_name_index(store: Store) -> NameIndex:
    """The database's stored name index when this code wrote it, else one built in memory
    (a database written by another version of rollcall still answers, it starts slower)."""
    persons = store.matcher_persons()
    if StoredNameIndex.usable(store, persons):
        return StoredNameIndex(store, persons)
    log.warning("%s: no name index for this version of rollcall; building it in memory "
                "(rebuild the database to start faster)", store.path)
    return NameIndex(persons, store.matcher_aliases())


class Store:
    """Read access to a built gazetteer database."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(
                f"no gazetteer database at {self.path}; build one with "
                f"'rollcall gazetteer build --db {self.path}'"
            )
        try:
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                         check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            row = self._conn.execute("select value from meta where key = 'schema'").fetchone()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} is not a rollcall gazetteer: {err}") from None
        if row is None or row[0] != SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema {row and row[0]}, expected {SCHEMA_VERSION}")
        # gRPC serves from a thread pool; one connection, used under a lock, is enough for
        # the few small reads an answer needs.
        self._lock = threading.Lock()
        self._closed = False
        self._wikidata: dict[str, str] | None = None

    def _query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            if self._closed:
                raise StoreError(f"{self.path} is closed")
            return self._conn.execute(sql, params).fetchall()

    def rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        """A read-only query, for reports (the connection is opened read-only)."""
        return self._query(sql, params)

    def close(self) -> None:
        """Close under the lock: a call still running on another thread (a server stopping
        mid-request, a reloaded gazetteer) gets a StoreError, never a closed connection."""
        with self._lock:
            self._closed = True
            self._conn.close()

    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self._query("select key, value from meta")}

    def matcher_persons(self) -> list[PersonRecord]:
        """Persons with their tenures, in id order (the order the name index numbers them)."""
        labels: dict[str, list[str]] = defaultdict(list)
        for r in self._query("select id, label from posts"):
            labels[r[0]].append(r[1])
        for r in self._query("select post_id, name from post_labels"):
            labels[r[0]].append(r[1])
        tenures: dict[str, list[TenureRecord]] = defaultdict(list)
        for r in self._query(
            "select person_id, post_id, start_date, end_date from memberships where post_id != ''"
        ):
            tenures[r[0]].append(TenureRecord(r[2] or "", r[3] or "", tuple(labels.get(r[1], ()))))
        return [PersonRecord(r[0], r[1], r[2] or "", tuple(tenures.get(r[0], ())))
                for r in self._query("select id, name, country from persons order by id")]

    def matcher_aliases(self) -> list[AliasRecord]:
        """Every name of every person, the primary name included, for the NameIndex."""
        aliases, named = [], set()
        for r in self._query("select person_id, name, lang, kind from names"):
            aliases.append(AliasRecord(r[0], r[1], r[2] or "", r[3] or ""))
            named.add((r[0], r[1]))
        for r in self._query("select id, name from persons order by id"):
            if (r[0], r[1]) not in named:
                aliases.append(AliasRecord(r[0], r[1], "", "primary"))
        return aliases

    def vocabulary(self) -> Vocabulary:
        """Role words, places, cues and posts with their holders, for documents."""
        roles = [(r["name"], r["role_type"]) for r in self._query("select role_type, name from role_words")]
        roles += [
            (r["name"], r["role_type"])
            for r in self._query(
                "select l.name, p.role_type from post_labels l join posts p on p.id = l.post_id "
                "where p.role_type != ''"
            )
        ]
        places = [(r["name"], "country:" + r["code"]) for r in self._query("select code, name from country_names")]
        places += [
            (r["name"], "org:" + r["organization_id"])
            for r in self._query(
                "select n.organization_id, n.name from organization_names n "
                "join organizations o on o.id = n.organization_id where o.classification != 'country'"
            )
        ]
        cues = [(r["phrase"], r["kind"]) for r in self._query("select kind, phrase from cues")]
        holders: dict[str, list[tuple[str, str, str, bool]]] = defaultdict(list)
        for r in self._query("select person_id, post_id, start_date, end_date, acting from memberships where post_id != ''"):
            holders[r["post_id"]].append((r["person_id"], r["start_date"] or "", r["end_date"] or "", bool(r["acting"])))
        posts = tuple(
            PostInfo(r["id"], r["label"], r["role_type"] or "", r["country"] or "",
                     r["organization_id"] or "", tuple(holders.get(r["id"], ())))
            for r in self._query("select * from posts where role_type != ''")
        )
        former_names = tuple(
            (r["person_id"], r["name"], r["lang"] or "", r["until"])
            for r in self._query("select person_id, name, lang, until from names where until != '' order by rowid")
        )
        return Vocabulary(tuple(roles), tuple(places), tuple(cues), posts, former_names)

    def resolve_id(self, person_id: str) -> str:
        """Follow merge redirects: an id once published keeps answering."""
        seen = set()
        while person_id not in seen:
            seen.add(person_id)
            rows = self._query("select to_id from redirects where from_id = ?", (person_id,))
            if not rows:
                return person_id
            person_id = rows[0][0]
        return person_id

    def person(self, person_id: str) -> Person | None:
        rows = self._query("select * from persons where id = ?", (self.resolve_id(person_id),))
        if not rows:
            return None
        row = rows[0]
        names = [
            Name(r["name"], r["lang"] or "", r["kind"] or "", r["script"] or "", r["until"] or "")
            for r in self._query(
                "select name, lang, kind, script, until from names where person_id = ? order by rowid",
                (row["id"],),
            )
        ]
        return Person(row["id"], row["name"], row["wikidata"] or "", row["country"] or "",
                      row["gender"] or "", row["birth_date"] or "", names)

    def wikidata(self, person_id: str) -> str:
        """The Wikidata id of a canonical person id ("" when none or unknown; the matcher's
        answers name canonical persons only)."""
        return self.wikidata_of([person_id]).get(person_id, "")

    def hold_wikidata(self) -> None:
        """Hold every person's Wikidata id in memory (for a server on a small gazetteer)."""
        self._wikidata = {r[0]: r[1] for r in self._query("select id, wikidata from persons where wikidata != ''")}

    def wikidata_of(self, person_ids: Sequence[str]) -> dict[str, str]:
        """The Wikidata ids of canonical person ids (those without one left out): one
        query for all the candidates of an answer, none once held."""
        if self._wikidata is not None:
            return {p: q for p in person_ids if (q := self._wikidata.get(p))}
        if not person_ids:
            return {}
        rows = self._query(f"select id, wikidata from persons where id in ({','.join('?' * len(person_ids))})"
                           " and wikidata != ''", tuple(person_ids))
        return {r[0]: r[1] for r in rows if r[1]}

    def offices(self, person_id: str, date: str | None = None) -> list[Office]:
        """The person's offices, oldest first; with `date`, only those held on it."""
        canonical = self.resolve_id(person_id)
        return self.offices_of([canonical], date).get(canonical, [])

    def offices_of(self, person_ids: Sequence[str], date: str | None = None) -> dict[str, list[Office]]:
        """Each canonical person's offices, oldest first; with `date`, only those held on
        it. One query for all the candidates of an answer (ids are not redirected: the
        matcher names canonical persons only)."""
        if not person_ids:
            return {}
        rows = self._query(
            f"""select m.person_id, m.post_id, coalesce(p.label, m.role, '') as label,
                      coalesce(p.role_type, '') as role_type,
                      coalesce(nullif(m.organization_id, ''), p.organization_id, '') as org,
                      coalesce(p.country, '') as country,
                      m.start_date, m.end_date, m.acting
               from memberships m left join posts p on p.id = m.post_id
               where m.person_id in ({','.join('?' * len(person_ids))}) and m.post_id != ''
               order by m.start_date, m.rowid""",
            tuple(person_ids),
        )
        offices: dict[str, list[Office]] = {}
        for r in rows:
            office = Office(r["post_id"], r["label"], r["role_type"], r["org"], r["country"],
                            r["start_date"] or "", r["end_date"] or "", bool(r["acting"]))
            if not date or within(date, office.start or None, office.end or None):
                offices.setdefault(r["person_id"], []).append(office)
        return offices


@contextmanager
def _readonly(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def _names_by(conn: sqlite3.Connection, table: str, owner_col: str) -> dict[str, list[Name]]:
    out: dict[str, list[Name]] = defaultdict(list)
    for r in conn.execute(f"select * from {table} order by rowid"):
        out[r[owner_col]].append(Name(r["name"], r["lang"] or "", r["kind"] or "", r["script"] or "", r["until"] or ""))
    return out


def read_meta(path: Path) -> dict[str, str] | None:
    """The meta table of a rollcall database of any schema version, or None when the file is
    not one (another SQLite file, a text file, a directory): a build must not overwrite it."""
    if not Path(path).is_file():
        return None
    try:
        with _readonly(path) as conn:
            return {r[0]: r[1] for r in conn.execute("select key, value from meta")
                    if isinstance(r[0], str)} or None
    except sqlite3.DatabaseError:
        return None


def read_gazetteer(path: Path) -> Gazetteer:
    """Load a whole database back into a Gazetteer, to extend it with an import."""
    Store(path).close()  # raises a clear StoreError for a missing or foreign file
    gaz = Gazetteer()
    with _readonly(path) as conn:
        cnames: dict[str, Country] = {}
        for r in conn.execute("select * from countries"):
            cnames[r["code"]] = Country(r["code"], r["wikidata"] or "")
        for r in conn.execute("select * from country_names order by rowid"):
            target = cnames[r["code"]].names if r["kind"] == "name" else cnames[r["code"]].demonyms
            target.append(Name(r["name"], r["lang"] or "", ""))
        gaz.countries = cnames
        org_names = _names_by(conn, "organization_names", "organization_id")
        for r in conn.execute("select * from organizations"):
            gaz.organizations[r["id"]] = Organization(
                r["id"], r["name"], r["classification"] or "", r["wikidata"] or "",
                r["country"] or "", org_names.get(r["id"], []))
        labels = _names_by(conn, "post_labels", "post_id")
        for r in conn.execute("select * from posts"):
            gaz.posts[r["id"]] = Post(r["id"], r["label"], r["role_type"] or "", r["country"] or "",
                                      r["organization_id"] or "", r["wikidata"] or "",
                                      labels.get(r["id"], []))
        names = _names_by(conn, "names", "person_id")
        for r in conn.execute("select * from persons order by rowid"):
            gaz.persons[r["id"]] = Person(r["id"], r["name"], r["wikidata"] or "", r["country"] or "",
                                          r["gender"] or "", r["birth_date"] or "",
                                          names.get(r["id"], []))
        gaz.redirects = {r["from_id"]: r["to_id"] for r in conn.execute("select * from redirects")}
        words: dict[str, list[Name]] = defaultdict(list)
        for r in conn.execute("select * from role_words order by rowid"):
            words[r["role_type"]].append(Name(r["name"], r["lang"] or "", ""))
        gaz.roles = [RoleWords(role, tuple(names)) for role, names in words.items()]
        phrases: dict[tuple[str, str], list[str]] = defaultdict(list)
        for r in conn.execute("select * from cues order by rowid"):
            phrases[(r["kind"], r["lang"] or "")].append(r["phrase"])
        gaz.cues = [Cue(kind, lang, tuple(ps)) for (kind, lang), ps in phrases.items()]
        for r in conn.execute("select * from memberships order by rowid"):
            gaz.tenures.append(Tenure(r["person_id"], r["post_id"] or "", r["organization_id"] or "",
                                      r["start_date"] or "", r["end_date"] or "", bool(r["acting"]),
                                      r["role"] or "", r["source"] or ""))
    return gaz
