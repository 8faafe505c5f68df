"""One input row → its answer, as a JSON object: what `rollcall match` writes for a line of
JSONL, and what `rollcall batch` writes for a row of any format (JSONL, CSV, Parquet). Both
go through here, so that a row gets the same answer, or the same error, either way.

A row that cannot be answered (not UTF-8, not JSON, a field of the wrong type, an invalid
query) answers `{"id": ..., "error": "<where>: <why>"}`; the why is the text the CLI and
gRPC give for that input (InvalidQuery's message)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rollcall.resolvers import InvalidQuery

from .answers import answer_json, document_json
from .engine import Engine, make_query

__all__ = ["ARTICLE_FIELDS", "NAME_FIELDS", "SYNONYMS", "answer_article", "answer_name", "match_line", "parse_line"]

# A name query's fields and their types, and an article's (`id` is any JSON value).
NAME_FIELDS: dict[str, type] = {"query": str, "lang": str, "date": str, "country": str, "role": str, "limit": int}
ARTICLE_FIELDS: dict[str, type] = {"text": str, "lang": str, "date": str}

# MatchNameRequest's field names → the JSONL names of design.md's contract: the gRPC
# request's spelling is accepted too, so that one request shape serves both.
SYNONYMS = {"name": "query", "language": "lang"}


def parse_line(raw: bytes, where: str) -> dict:
    """A JSONL line as its object, or an error answer (a dict with "error")."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return {"id": None, "error": f"{where}: not UTF-8 ({err.reason} at byte {err.start})"}
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        return {"id": None, "error": f"{where}: invalid JSON: {err.msg}"}
    if not isinstance(obj, dict):
        return {"id": None, "error": f"{where}: expected a JSON object"}
    return {"row": obj}


def _checked(obj: dict, fields: Mapping[str, type], where: str) -> dict | None:
    """An error answer when a field is given twice and differently (name and query) or has
    the wrong type; None when the row is well-formed (synonyms then renamed in place)."""
    qid = obj.get("id")
    for grpc_name, ours in SYNONYMS.items():
        if grpc_name in obj and (grpc_name != "name" or "query" in fields):
            if ours in obj and obj[ours] != obj[grpc_name]:
                return {"id": qid, "error": f"{where}: '{ours}' and '{grpc_name}' differ"}
            obj[ours] = obj.pop(grpc_name)
    for key, typ in fields.items():
        if key in obj and obj[key] is not None and not isinstance(obj[key], typ):
            return {"id": qid, "error": f"{where}: '{key}' must be a {typ.__name__}"}
    return None


def answer_name(engine: Engine, obj: dict, where: str) -> dict:
    """The `match` answer (with the row's id) for a row's fields, or its error."""
    if (error := _checked(obj, NAME_FIELDS, where)) is not None:
        return error
    qid = obj.get("id")
    if not isinstance(obj.get("query"), str):
        return {"id": qid, "error": f"{where}: 'query' (or 'name') is missing"}
    query = make_query(obj["query"], obj.get("lang") or None, obj.get("date") or None,
                       obj.get("country") or None, obj.get("role") or None, obj.get("limit") or None)
    try:
        return answer_json(engine.match(query), qid, with_id=True)
    except InvalidQuery as err:
        return {"id": qid, "error": f"{where}: {err}"}


def answer_article(engine: Engine, obj: dict, where: str) -> dict:
    """The `attendees --json` answer, with the row's id first, for an article's fields
    (text, lang, date), or its error."""
    if (error := _checked(obj, ARTICLE_FIELDS, where)) is not None:
        return error
    qid = obj.get("id")
    if not isinstance(obj.get("text"), str):
        return {"id": qid, "error": f"{where}: 'text' is missing"}
    try:
        result = engine.reconcile_document(obj["text"], obj.get("lang") or None, obj.get("date") or None)
    except InvalidQuery as err:
        return {"id": qid, "error": f"{where}: {err}"}
    answer: dict[str, Any] = {"id": qid}
    answer.update(document_json(result, engine.wikidata))
    return answer


def match_line(engine: Engine, raw: bytes, lineno: int) -> dict:
    """`rollcall match`'s answer to line `lineno` of its input."""
    parsed = parse_line(raw, f"line {lineno}")
    return answer_name(engine, parsed["row"], f"line {lineno}") if "row" in parsed else parsed
