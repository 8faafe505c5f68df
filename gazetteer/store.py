"""Read access to a built gazetteer database: what the matcher, the article reader and the
API read (the store_writer module writes databases, store_to_model reads one back whole).

Databases are written whole to a temporary file and renamed into place (store_writer), so
a reader never sees half a database; this module opens them read-only.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rollcall.resolvers import AliasRecord, PersonRecord, TenureRecord, within
from rollcall.resolvers.articles import PostInfo, Vocabulary
from rollcall.resolvers.types import Office

from .country_names import uncovered_country_names
from .model import Name, Person

__all__ = ["SCHEMA_VERSION", "StoreError", "Office", "Store", "read_meta", "readonly"]

SCHEMA_VERSION = "3"


class StoreError(RuntimeError):
    """The database is missing, unreadable or of another schema."""


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
        declared = [r["code"] for r in self._query("select code from countries")]
        role_langs = [r["lang"] for r in self._query("select distinct lang from role_words") if r["lang"]]
        uncovered = tuple((name, "country:" + code) for name, code in uncovered_country_names(declared, role_langs))
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
        return Vocabulary(tuple(roles), tuple(places), tuple(cues), posts, former_names, uncovered)

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

    def countries_by_wikidata(self) -> dict[str, str]:
        """The ISO 3166-1 code of each country the gazetteer knows, by its Wikidata id."""
        return {q: code for code, q in self._query("select code, wikidata from countries where wikidata != ''")}

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
def readonly(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def read_meta(path: Path) -> dict[str, str] | None:
    """The meta table of a rollcall database of any schema version, or None when the file is
    not one (another SQLite file, a text file, a directory): a build must not overwrite it."""
    if not Path(path).is_file():
        return None
    try:
        with readonly(path) as conn:
            return {r[0]: r[1] for r in conn.execute("select key, value from meta")
                    if isinstance(r[0], str)} or None
    except sqlite3.DatabaseError:
        return None
