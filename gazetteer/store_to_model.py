"""A whole gazetteer database read back into the data model, to extend it with an import
or to export it."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

from .model import Country, Cue, Gazetteer, Name, Organization, Person, Post, RoleWords, Tenure
from .store import Store, readonly

__all__ = ["read_gazetteer"]


def _names_by(conn: sqlite3.Connection, table: str, owner_col: str) -> dict[str, list[Name]]:
    out: dict[str, list[Name]] = defaultdict(list)
    for r in conn.execute(f"select * from {table} order by rowid"):
        out[r[owner_col]].append(Name(r["name"], r["lang"] or "", r["kind"] or "", r["script"] or "", r["until"] or ""))
    return out


def read_gazetteer(path: Path) -> Gazetteer:
    """Load a whole database back into a Gazetteer, to extend it with an import."""
    Store(path).close()  # raises a clear StoreError for a missing or foreign file
    gaz = Gazetteer()
    with readonly(path) as conn:
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
