"""The JSON shape of an answer, shared by `lookup --json`, `match` and `eval`
(the contract in design.md: {"id", "candidates": [{"id", "name", "confidence", ...}], "match"})."""

from __future__ import annotations

from typing import Any

from .engine import Answer

__all__ = ["answer_json"]


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
