"""A reconciliation query batch (the `queries` parameter) read into rollcall Queries.

Properties give the same context the gRPC call takes, named as Wikidata names them where it
has a property (P27 country of citizenship, P39 position held, P585 point in time) or
plainly (country, role, office, date, language). A value is a string, or an object with an
`id`; a country is an ISO 3166-1 alpha-2 code.

Properties of other services (the specification's own examples send "affiliation" and
"uid") are not refused: OpenRefine sends what a user mapped, and rollcall matches on what
it knows. Malformed ones (no pid, no value, an empty list) are a 400.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rollcall.resolvers import MAX_LIMIT, InvalidQuery, Query, validate_query

from ..engine import make_query

__all__ = ["BadRequest", "BatchQuery", "MAX_QUERIES", "PROPERTIES", "parse_batch"]

# Most queries in one batch (the manifest's batchSize is what OpenRefine sends at once).
MAX_QUERIES = 1000

# Property id → the Query field it sets, and what it means (for the manifest and errors).
PROPERTIES: dict[str, tuple[str, str]] = {
    "P27": ("country", "country of citizenship (ISO 3166-1 alpha-2 code)"),
    "country": ("country", "country (ISO 3166-1 alpha-2 code)"),
    "P39": ("role", "position held (a role phrase in any language: \"foreign minister\")"),
    "role": ("role", "a role phrase in any language"),
    "office": ("role", "an office, as a role phrase"),
    "P585": ("date", "point in time (YYYY-MM-DD): offices held on it count"),
    "date": ("date", "date (YYYY-MM-DD)"),
    "language": ("lang", "BCP-47 language of the name (de, fa, zh-Hant)"),
    "lang": ("lang", "BCP-47 language of the name"),
}


class BadRequest(ValueError):
    """The request cannot be answered as sent; the message says why (HTTP 400)."""


@dataclass(frozen=True, slots=True)
class BatchQuery:
    key: str
    query: Query | None  # None: no query string, nothing to match (an empty result)


def _value(pid: str, v: Any) -> str:
    """A property value as text: a string, a number, or an object's id (or name)."""
    if isinstance(v, list):
        if len(v) != 1:
            raise BadRequest(f"property {pid!r}: give one value, not {len(v)}")
        v = v[0]
    if isinstance(v, dict):
        v = v.get("id") or v.get("name")
    if isinstance(v, bool) or not isinstance(v, (str, int, float)) or not str(v).strip():
        raise BadRequest(f"property {pid!r}: the value must be a non-empty string or an object with an id")
    return str(v).strip()


def _query(key: str, doc: Any) -> BatchQuery:
    if not isinstance(doc, dict):
        raise BadRequest(f"query {key!r}: expected an object")
    unknown = set(doc) - {"query", "type", "limit", "properties", "type_strict"}
    if unknown:
        raise BadRequest(f"query {key!r}: unknown field(s) {', '.join(sorted(unknown))}")
    limit = doc.get("limit")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit):
        raise BadRequest(f"query {key!r}: limit must be a positive integer")
    properties = doc.get("properties", [])
    if not isinstance(properties, list) or ("properties" in doc and not properties):
        raise BadRequest(f"query {key!r}: properties must be a non-empty list")
    context: dict[str, str] = {}
    for prop in properties:
        if not isinstance(prop, dict) or "pid" not in prop or "v" not in prop:
            raise BadRequest(f"query {key!r}: each property needs a pid and a v")
        pid = str(prop["pid"])
        if pid in PROPERTIES:
            context[PROPERTIES[pid][0]] = _value(pid, prop["v"])
    text = doc.get("query")
    if text is None:
        if not properties:
            raise BadRequest(f"query {key!r}: give a query string or properties")
        return BatchQuery(key, None)  # rollcall matches names: nothing to match
    if not isinstance(text, str):
        raise BadRequest(f"query {key!r}: query must be a string")
    query = make_query(text, context.get("lang"), context.get("date"), context.get("country", "").upper() or None,
                       context.get("role"), min(limit, MAX_LIMIT) if limit else None)
    try:
        validate_query(query)
    except InvalidQuery as err:
        raise BadRequest(f"query {key!r}: {err}") from None
    return BatchQuery(key, query)


def parse_batch(text: str) -> list[BatchQuery]:
    """The queries of a batch, in its order; BadRequest for anything malformed."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise BadRequest(f"queries is not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})") from None
    if not isinstance(doc, dict) or not doc:
        raise BadRequest("queries must be a non-empty JSON object of queries by key")
    if len(doc) > MAX_QUERIES:
        raise BadRequest(f"{len(doc)} queries in one batch; the limit is {MAX_QUERIES}")
    return [_query(str(key), q) for key, q in doc.items()]
