"""Writing a gazetteer database: every table, then the name index, into a temporary file
beside the target which is renamed over it once complete and checked, so a reader (or a
crash) never sees half a database.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import sqlite_utils

from rollcall.resolvers import detect_script
from rollcall.resolvers.index_memory import MemoryIndexData

from .country_names import icu_country_names
from .files import FileWriteError, staged
from .model import Gazetteer, Name
from .store import SCHEMA_VERSION, Store, StoreError
from .stored_index import write_index

__all__ = ["write_atomically"]


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
        persons = reader.matcher_persons()
        data = MemoryIndexData(persons, reader.matcher_aliases(), workers=os.cpu_count() or 1)
    finally:
        reader.close()
    with conn:
        write_index(conn, data, len(persons))
