"""Data extension: property values of reconciled entities (OpenRefine's "add columns from
reconciled values"). The properties are properties.EXTEND_PROPERTIES; each takes the
settings EXTEND_SETTINGS declares (a day for offices, a language for names, a limit).

An id the gazetteer does not know is a 400 naming it (a merged person's old id still
answers, under the id asked for).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rollcall.gazetteer import Office, Person
from rollcall.resolvers import InvalidDate, InvalidLanguageTag, check_date, check_language_tag, within

from ..engine import Engine, UnknownEntity
from ..render import office_text
from .properties import EXTEND_PROPERTIES, EXTEND_SETTINGS
from .queries import MAX_QUERIES, BadRequest, parse_json
from .results import PERSON_TYPE

__all__ = ["ExtendQuery", "parse_extend", "extend", "proposed_properties"]

_PROPERTIES = {p.id: p for p in EXTEND_PROPERTIES}
_SETTINGS = {name: default for name, _, _, default, _ in EXTEND_SETTINGS}
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Value = dict[str, Any]
ExtendQuery = tuple[list[str], list[tuple[str, dict[str, Any]]]]  # ids, (property, settings)


def _settings(pid: str, given: Any) -> dict[str, Any]:
    """A property's settings, checked, with the defaults for those not given."""
    if given is None:
        given = {}
    if not isinstance(given, dict):
        raise BadRequest(f"property {pid!r}: settings must be an object")
    unknown = set(given) - set(_SETTINGS)
    if unknown:
        raise BadRequest(f"property {pid!r}: unknown setting(s) {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(_SETTINGS)}")
    settings = _SETTINGS | {k: v for k, v in given.items() if v not in (None, "")}
    try:
        settings["limit"] = int(settings["limit"])
    except (TypeError, ValueError):
        raise BadRequest(f"property {pid!r}: limit must be a whole number") from None
    if settings["limit"] < 0:
        raise BadRequest(f"property {pid!r}: limit must not be negative")
    try:
        if settings["date"]:
            check_date(str(settings["date"]))
        if settings["lang"]:
            check_language_tag(str(settings["lang"]))
    except (InvalidDate, InvalidLanguageTag) as err:
        raise BadRequest(f"property {pid!r}: {err}") from None
    return settings


def parse_extend(text: str | bytes) -> ExtendQuery:
    doc = parse_json(text, "the extension query")
    if not isinstance(doc, dict) or not isinstance(doc.get("ids"), list) or not isinstance(doc.get("properties"), list):
        raise BadRequest('the extension query must be {"ids": [...], "properties": [{"id": ...}, ...]}')
    ids, properties = doc["ids"], doc["properties"]
    if not all(isinstance(i, str) and i.strip() for i in ids):
        raise BadRequest("ids must be non-empty strings")
    if len(ids) > MAX_QUERIES:
        raise BadRequest(f"{len(ids)} ids in one extension query; the limit is {MAX_QUERIES}")
    if not properties:
        raise BadRequest("give at least one property")
    wanted: list[tuple[str, dict[str, Any]]] = []
    for prop in properties:
        pid = prop.get("id") if isinstance(prop, dict) else None
        if pid not in _PROPERTIES:
            raise BadRequest(f"unknown property {pid!r}; known: {', '.join(_PROPERTIES)}")
        if any(pid == seen for seen, _ in wanted):  # a row holds one list of values a property
            raise BadRequest(f"property {pid!r} is asked for twice")
        wanted.append((pid, _settings(pid, prop.get("settings"))))
    return ids, wanted


def extend(engine: Engine, query: ExtendQuery, *, v1: bool = False) -> dict[str, Any]:
    """The values of the wanted properties of each id: in 0.2's shape (rows by id, values by
    property) or, with `v1`, 1.0-draft's (lists of ids and properties, in query order, and
    a name's language beside it)."""
    ids, wanted = query
    entities = {}
    for person_id in dict.fromkeys(ids):
        try:
            entities[person_id] = engine.entity(person_id)
        except UnknownEntity:
            raise BadRequest(f"no person with id {person_id!r}") from None
    rows: dict[str, dict[str, list[Value]]] = {}
    for person_id, (person, offices) in entities.items():
        row = rows[person_id] = {}
        for pid, settings in wanted:
            values = _VALUES[pid](person, offices, settings)
            row[pid] = values[: settings["limit"]] if settings["limit"] else values
    meta = [{"id": pid, "name": _PROPERTIES[pid].name} for pid, _ in wanted]
    if v1:
        return {"meta": meta, "rows": [
            {"id": person_id, "properties": [{"id": pid, "values": values} for pid, values in row.items()]}
            for person_id, row in rows.items()]}
    # 0.2's values have no language.
    return {"meta": meta, "rows": {person_id: {pid: [{k: v for k, v in value.items() if k != "lang"} for value in values]
                                               for pid, values in row.items()} for person_id, row in rows.items()}}


def _wikidata(person: Person, offices: list[Office], settings: dict[str, Any]) -> list[Value]:
    return [{"str": person.wikidata}] if person.wikidata else []


def _country(person: Person, offices: list[Office], settings: dict[str, Any]) -> list[Value]:
    return [{"str": person.country}] if person.country else []


def _birth_date(person: Person, offices: list[Office], settings: dict[str, Any]) -> list[Value]:
    if not person.birth_date:
        return []
    if _FULL_DATE.fullmatch(person.birth_date):
        return [{"date": f"{person.birth_date}T00:00:00+00:00"}]
    return [{"str": person.birth_date}]  # a year, or a year and month


def _offices(person: Person, offices: list[Office], settings: dict[str, Any]) -> list[Value]:
    day = settings["date"]
    held = [o for o in offices if not day or within(day, o.start or None, o.end or None)]
    return [{"str": office_text(o, tenure=True)} for o in held]


def _names(person: Person, offices: list[Office], settings: dict[str, Any]) -> list[Value]:
    lang = str(settings["lang"]).lower()
    names: dict[str, str] = {}  # name → the language it is first given in
    for n in person.names:
        if n.name not in names and (not lang or n.lang.lower() == lang or n.lang.lower().startswith(lang + "-")):
            names[n.name] = n.lang
    return [{"str": name} | ({"lang": tag} if tag else {}) for name, tag in names.items()]


_VALUES: dict[str, Callable[[Person, list[Office], dict[str, Any]], list[Value]]] = {
    "wikidata": _wikidata, "P27": _country, "P569": _birth_date, "P39": _offices, "names": _names,
}


def proposed_properties(type_id: str | None, limit: int | None) -> dict[str, Any]:
    """The properties to propose for a type (only persons have any)."""
    if type_id not in (None, "", PERSON_TYPE["id"]):
        raise BadRequest(f"unknown type {type_id!r}; the service's one type is {PERSON_TYPE['id']} (human)")
    props = [{"id": p.id, "name": p.name, "description": p.description} for p in EXTEND_PROPERTIES]
    out: dict[str, Any] = {"type": PERSON_TYPE["id"], "properties": props[:limit] if limit else props}
    if limit:
        out["limit"] = limit
    return out
