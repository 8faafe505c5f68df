"""The JSON shape of an answer, shared by `lookup --json`, `match` and `eval`
(the contract in design.md: {"id", "candidates": [{"id", "name", "confidence", ...}], "match"})."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rollcall.resolvers.document import DocumentResult

from .engine import Answer

__all__ = ["answer_json", "document_json"]


def answer_json(answer: Answer, query_id: Any = None, with_id: bool = False) -> dict:
    """The JSON shape shared by `lookup --json` and `match` (design.md's contract)."""
    out: dict[str, Any] = {"id": query_id} if with_id else {}
    out["candidates"] = [
        {
            "id": rc.candidate.person_id,
            "name": rc.candidate.name,
            "confidence": rc.candidate.confidence,
            "wikidata": rc.wikidata or None,
            "matched_alias": rc.candidate.matched_alias,
            "matched_alias_language": rc.candidate.matched_alias_lang,
            "offices": [
                {"post_id": o.post_id, "post": o.post, "country": o.country,
                 "organization": o.organization, "start_date": o.start or None,
                 "end_date": o.end or None, "acting": o.acting}
                for o in rc.offices
            ],
            "explanation": rc.candidate.explanation,
        }
        for rc in answer.candidates
    ]
    out["match"] = answer.result.match
    algo = answer.result.algorithm
    out["algorithm"] = f"{algo.name}/{algo.version}"
    return out


def document_json(result: DocumentResult, wikidata: Callable[[str], str]) -> dict:
    """The `attendees --json` shape; field for field the ReconcileDocument response."""
    people = []
    for p in result.people:
        person: dict[str, Any] = {"id": p.id, "name": p.name}
        if qid := wikidata(p.id):
            person["wikidata"] = qid
        person["confidence"] = round(p.confidence, 4)
        person["attending"] = p.attending
        if p.office:
            o = p.office
            person["office"] = {"post": o.post, "organization": o.organization or None,
                                "country": o.country or None, "start_date": o.start or None,
                                "end_date": o.end or None}
        person["mentions"] = [{"start": m.start, "end": m.end, "text": m.text} for m in p.mentions]
        people.append(person)
    unresolved = []
    for u in result.unresolved:
        item: dict[str, Any] = {"start": u.start, "end": u.end, "text": u.text}
        if u.role:
            item["role"] = u.role
        if u.country:
            item["country"] = u.country
        unresolved.append(item)
    return {"people": people, "unresolved": unresolved}
