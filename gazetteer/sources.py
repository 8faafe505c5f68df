"""Reading the curated JSON source files (format: gazetteer/data/README.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rollcall.resolvers.articles.attendance import CUE_KINDS

from .model import Country, Cue, Gazetteer, Name, Organization, Person, Post, RoleWords, Tenure
from .validate import organization_id_problem, person_id_problem, post_id_problem

__all__ = ["SourceError", "DEFAULT_SOURCES", "load_sources", "source_files"]

DEFAULT_SOURCES = Path(__file__).parent / "data"


class SourceError(ValueError):
    """A curated file is malformed (bad JSON, a record of the wrong shape, an id not of the
    documented form); the message starts with file:line."""


def source_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.json") if p.is_file())


def _line_of(text: str, needle: str) -> int:
    pos = text.find(needle)
    return text.count("\n", 0, pos) + 1 if pos >= 0 else 1


def _names(items: Any, where: str) -> list[Name]:
    if not isinstance(items, list):
        raise ValueError(f"{where} must be a list")
    out = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ValueError(f"{where} holds an entry without a 'name' string: {item!r}")
        out.append(Name(item["name"], item.get("lang", ""), item.get("kind", ""), until=_str(item, "until")))
    return out


def _str(obj: dict, key: str) -> str:
    value = obj.get(key) or ""
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a string, not {value!r}")
    return value


def _read_file(path: Path, gaz: Gazetteer, post_files: dict[str, Path]) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceError(f"{path}:{err.lineno}: invalid JSON: {err.msg}") from None
    if not isinstance(doc, dict):
        raise SourceError(f"{path}:1: expected one JSON object with lists of records")
    for section in doc:
        if section not in ("countries", "organizations", "posts", "persons", "roles", "cues", "redirects"):
            raise SourceError(f"{path}:{_line_of(text, section)}: unknown section {section!r}")

    def fail(record: dict, problem: str) -> SourceError:
        key = record.get("id") or record.get("code") or ""
        return SourceError(f"{path}:{_line_of(text, json.dumps(key, ensure_ascii=False))}: {key}: {problem}")

    for rec in doc.get("countries", []):
        try:
            code = _str(rec, "code").upper()
            if code in gaz.countries:
                raise ValueError("country defined twice")
            gaz.countries[code] = Country(
                code,
                _str(rec, "wikidata"),
                _names(rec.get("names", []), "names"),
                _names(rec.get("demonyms", []), "demonyms"),
            )
        except ValueError as err:
            raise fail(rec, str(err)) from None
    for rec in doc.get("organizations", []):
        try:
            names = _names(rec.get("names", []), "names")
            org_id = _str(rec, "id")
            if problem := organization_id_problem(org_id):
                raise ValueError(problem)
            if org_id in gaz.organizations:
                raise ValueError("organization defined twice")
            gaz.organizations[org_id] = Organization(
                org_id,
                _str(rec, "name") or (names[0].name if names else org_id),
                _str(rec, "classification"),
                _str(rec, "wikidata"),
                _str(rec, "country").upper(),
                names,
            )
        except ValueError as err:
            raise fail(rec, str(err)) from None
    for rec in doc.get("posts", []):
        try:
            labels = _names(rec.get("labels", []), "labels")
            post_id = _str(rec, "id")
            if post_id in gaz.posts:
                raise ValueError("post defined twice")
            gaz.posts[post_id] = Post(
                post_id,
                _str(rec, "label") or (labels[0].name if labels else post_id),
                _str(rec, "role_type"),
                _str(rec, "country").upper(),
                _str(rec, "organization"),
                _str(rec, "wikidata"),
                labels,
            )
            post_files[post_id] = path
        except ValueError as err:
            raise fail(rec, str(err)) from None
    ids_here: set[str] = set()
    for rec in doc.get("persons", []):
        try:
            # One person may appear in several files (merged), but only once in a file.
            if isinstance(rec, dict) and rec.get("id") in ids_here:
                raise ValueError("person defined twice in this file")
            ids_here.add(str(rec.get("id")) if isinstance(rec, dict) else "")
            _add_person(rec, gaz)
        except ValueError as err:
            raise fail(rec, str(err)) from None
    for rec in doc.get("roles", []):
        try:
            gaz.roles.append(RoleWords(_str(rec, "role_type"), tuple(_names(rec.get("labels", []), "labels"))))
        except ValueError as err:
            raise fail(rec, str(err)) from None
    for rec in doc.get("redirects", []):
        if not isinstance(rec, dict) or not rec.get("from") or not rec.get("to"):
            raise SourceError(f"{path}:{_line_of(text, json.dumps(rec))}: a redirect needs 'from' and 'to'")
        gaz.redirects[str(rec["from"])] = str(rec["to"])
    for rec in doc.get("cues", []):
        phrases = rec.get("phrases", [])
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise fail(rec, "'phrases' must be a list of strings")
        if rec.get("kind") not in CUE_KINDS:
            raise fail(rec, f"cue kind {rec.get('kind')!r} is not one of {', '.join(CUE_KINDS)}")
        gaz.cues.append(Cue(rec["kind"], _str(rec, "lang"), tuple(phrases)))


def _add_person(rec: dict, gaz: Gazetteer) -> None:
    person_id = _str(rec, "id")
    if not person_id:
        raise ValueError("person without an id")
    if problem := person_id_problem(person_id):
        raise ValueError(problem)
    person = Person(
        person_id,
        _str(rec, "name"),
        _str(rec, "wikidata"),
        _str(rec, "country").upper(),
        _str(rec, "gender"),
        _str(rec, "birth_date"),
        _names(rec.get("names", []), "names"),
    )
    known = gaz.persons.get(person_id)
    if known is None:
        gaz.persons[person_id] = person
    else:
        # One person may appear in several files (a foreign minister who later led an
        # international body); the records must agree and their names are merged.
        for attr in ("name", "wikidata", "country", "gender", "birth_date"):
            mine, theirs = getattr(person, attr), getattr(known, attr)
            if mine and theirs and mine != theirs and attr != "country":
                raise ValueError(f"{attr} {mine!r} contradicts {theirs!r} given elsewhere")
            if mine and not theirs:
                setattr(known, attr, mine)
        known.names.extend(n for n in person.names if n not in known.names)
    tenures = rec.get("tenures", [])
    if not isinstance(tenures, list):
        raise ValueError("tenures must be a list")
    for t in tenures:
        if not isinstance(t, dict):
            raise ValueError(f"tenure must be an object, not {t!r}")
        acting = t.get("acting", False)
        if not isinstance(acting, bool):
            raise ValueError(f"tenure 'acting' must be true or false, not {acting!r}")
        gaz.tenures.append(
            Tenure(
                person_id,
                post_id=_str(t, "post"),
                organization_id=_str(t, "organization"),
                start=_str(t, "start"),
                end=_str(t, "end"),
                acting=acting,
                role=_str(t, "role"),
                source=_str(t, "source"),
            )
        )


def load_sources(paths: Iterable[Path]) -> Gazetteer:
    """Parse curated files into one Gazetteer; raises SourceError at the first bad record."""
    gaz = Gazetteer()
    post_files: dict[str, Path] = {}
    for path in paths:
        _read_file(path, gaz, post_files)
    # A post id may start with any curated organization's id: known once all files are read.
    for post in gaz.posts.values():
        if problem := post_id_problem(post.id, post.country, post.organization_id, gaz.organizations):
            path = post_files[post.id]
            line = _line_of(path.read_text(encoding="utf-8"), json.dumps(post.id, ensure_ascii=False))
            raise SourceError(f"{path}:{line}: {post.id}: {problem}")
    return gaz
