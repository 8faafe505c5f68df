"""Reconciliation query batches read into rollcall Queries: version 0.2's (`queries`, an
object of queries by key, each with `query` and `properties`) and 1.0-draft's (a JSON body
with a list of queries, each with `conditions`).

Context properties (properties.QUERY_PROPERTIES) give the same context the gRPC call takes.
A value is a string, a number, or an object with an `id`; a country is an ISO 3166-1
alpha-2 code or a Wikidata id (a Wikidata country the gazetteer does not know gives no
hint: nobody in it is of that country).

Properties of other services (the specification's own examples send "affiliation" and
"uid") are not refused: OpenRefine sends what a user mapped, and rollcall matches on what
it knows. Malformed ones (no property id, no value, an empty list) are a 400.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rollcall.resolvers import MAX_LIMIT, InvalidQuery, Query, validate_query

from ..engine import make_query
from .properties import QUERY_FIELD

__all__ = ["BadRequest", "BatchQuery", "MAX_QUERIES", "parse_batch", "parse_json", "parse_match_batch"]

# Most queries in one batch (the 0.2 manifest's batchSize is what OpenRefine sends at once).
MAX_QUERIES = 1000

_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


class BadRequest(ValueError):
    """The request cannot be answered as sent; the message says why (HTTP 400)."""


@dataclass(frozen=True, slots=True)
class BatchQuery:
    key: str
    query: Query | None  # None: no name to match (an empty result, or only ids)
    ids: tuple[str, ...] = ()  # 1.0-draft "id" conditions: these entities are candidates


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


class _Context:
    """The context one query's properties give, collected as they are read."""

    def __init__(self, key: str, countries: Mapping[str, str]):
        self.key, self._countries, self.fields = key, countries, dict[str, str]()

    def add(self, pid: Any, value: Any) -> None:
        if not isinstance(pid, str) or not pid:
            raise BadRequest(f"query {self.key!r}: a property id must be a non-empty string")
        field = QUERY_FIELD.get(pid)
        if field is None:
            return  # another service's property
        text = _value(pid, value)
        if field == "country" and _WIKIDATA_ID.fullmatch(text.upper()):
            code = self._countries.get(text.upper())
            if code is None:
                return
            text = code
        self.fields[field] = text

    def query(self, name: str, limit: Any) -> Query:
        if not isinstance(name, str):
            raise BadRequest(f"query {self.key!r}: the name must be a string")
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, (int, float))
                                  or limit != int(limit) or limit < 1):
            raise BadRequest(f"query {self.key!r}: limit must be a positive integer")
        f = self.fields
        query = make_query(name, f.get("lang"), f.get("date"), f.get("country", "").upper() or None,
                           f.get("role"), min(int(limit), MAX_LIMIT) if limit else None)
        try:
            validate_query(query)
        except InvalidQuery as err:
            raise BadRequest(f"query {self.key!r}: {err}") from None
        return query


def _query_v02(key: str, doc: Any, countries: Mapping[str, str]) -> BatchQuery:
    if not isinstance(doc, dict):
        raise BadRequest(f"query {key!r}: expected an object")
    unknown = set(doc) - {"query", "type", "limit", "properties", "type_strict"}
    if unknown:
        raise BadRequest(f"query {key!r}: unknown field(s) {', '.join(sorted(unknown))}")
    properties = doc.get("properties", [])
    if not isinstance(properties, list) or ("properties" in doc and not properties):
        raise BadRequest(f"query {key!r}: properties must be a non-empty list")
    context = _Context(key, countries)
    for prop in properties:
        if not isinstance(prop, dict) or "pid" not in prop or "v" not in prop:
            raise BadRequest(f"query {key!r}: each property needs a pid and a v")
        context.add(prop["pid"], prop["v"])
    if doc.get("query") is None:
        if not properties:
            raise BadRequest(f"query {key!r}: give a query string or properties")
        return BatchQuery(key, None)  # rollcall matches names: nothing to match
    return BatchQuery(key, context.query(doc["query"], doc.get("limit")))


def parse_json(text: str | bytes, what: str) -> Any:
    """A JSON document of a request; BadRequest naming `what` when it is not one."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise BadRequest(f"{what} is not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})") from None
    except UnicodeDecodeError as err:
        raise BadRequest(f"{what} is not UTF-8 ({err.reason} at byte {err.start})") from None


def parse_batch(text: str, countries: Mapping[str, str]) -> list[BatchQuery]:
    """The queries of a 0.2 batch (`queries`), in its order; BadRequest for anything
    malformed. `countries`: ISO codes by Wikidata id."""
    doc = parse_json(text, "queries")
    if not isinstance(doc, dict) or not doc:
        raise BadRequest("queries must be a non-empty JSON object of queries by key")
    if len(doc) > MAX_QUERIES:
        raise BadRequest(f"{len(doc)} queries in one batch; the limit is {MAX_QUERIES}")
    return [_query_v02(str(key), q, countries) for key, q in doc.items()]


def _query_v1(i: int, doc: Any, countries: Mapping[str, str]) -> BatchQuery:
    key = f"queries[{i}]"
    if not isinstance(doc, dict):
        raise BadRequest(f"{key}: expected an object")
    unknown = set(doc) - {"type", "limit", "lang", "dir", "conditions"}
    if unknown:
        raise BadRequest(f"{key}: unknown field(s) {', '.join(sorted(unknown))}")
    if "type" in doc and not isinstance(doc["type"], str):
        raise BadRequest(f"{key}: type must be one type id (a string)")
    conditions = doc.get("conditions")
    if not isinstance(conditions, list) or not conditions:
        raise BadRequest(f"{key}: conditions must be a non-empty list")
    context = _Context(key, countries)
    if doc.get("lang") is not None:
        context.add("lang", doc["lang"])
    names: list[str] = []
    ids: list[str] = []
    for c in conditions:
        if not isinstance(c, dict) or "propertyValue" not in c:
            raise BadRequest(f"{key}: each condition needs a matchType and a propertyValue")
        kind = c.get("matchType")
        if kind == "name":
            names.append(_value("name", c["propertyValue"]))
        elif kind == "id":
            values = c["propertyValue"] if isinstance(c["propertyValue"], list) else [c["propertyValue"]]
            ids.extend(_value("id", v) for v in values)
        elif kind == "property":
            context.add(c.get("propertyId"), c["propertyValue"])
        else:
            raise BadRequest(f"{key}: matchType must be name, id or property, not {kind!r}")
    if len(names) > 1:
        raise BadRequest(f"{key}: give one name condition, not {len(names)}")
    query = context.query(names[0], doc.get("limit")) if names else None
    return BatchQuery(key, query, tuple(ids))


def parse_match_batch(body: bytes, countries: Mapping[str, str]) -> list[BatchQuery]:
    """The queries of a 1.0-draft batch (a JSON body {"queries": [...]}), in order."""
    doc = parse_json(body, "the request body")
    if not isinstance(doc, dict) or not isinstance(doc.get("queries"), list) or not doc["queries"]:
        raise BadRequest('the body must be a JSON object {"queries": [...]} with at least one query')
    queries = doc["queries"]
    if len(queries) > MAX_QUERIES:
        raise BadRequest(f"{len(queries)} queries in one batch; the limit is {MAX_QUERIES}")
    return [_query_v1(i, q, countries) for i, q in enumerate(queries)]
