"""The JSON shapes of answers, shared by `lookup --json`, `match`, `entity --json`,
`attendees --json` and `eval`. Field for field they are the gRPC messages (MatchNameResponse,
Entity, ReconcileDocumentResponse; less client_id and the error fields of batches and streams),
so that a pipeline can move between the CLI and the API without remapping: the tests hold
the two equal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rollcall.gazetteer import Person
from rollcall.resolvers.articles import DocumentResult
from rollcall.resolvers.types import Algorithm, Office

from .engine import Answer

__all__ = ["algorithm_json", "answer_json", "document_json", "entity_json", "office_json"]


def algorithm_json(algo: Algorithm) -> dict[str, str]:
    return {"name": algo.name, "version": algo.version}


def office_json(o: Office) -> dict[str, Any]:
    """An office held, as every answer shows it (an acting holder says so)."""
    return {"post_id": o.post_id, "post": o.post, "role_type": o.role_type or None,
            "organization": o.organization or None, "country": o.country or None,
            "start_date": o.start or None, "end_date": o.end or None, "acting": o.acting}


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
            "offices": [office_json(o) for o in rc.offices],
            "explanation": rc.candidate.explanation,
        }
        for rc in answer.candidates
    ]
    out["match"] = answer.result.match
    out["algorithm"] = algorithm_json(answer.result.algorithm)
    return out


def entity_json(person: Person, offices: Sequence[Office]) -> dict[str, Any]:
    """The `entity --json` shape: one person with every name and every office held."""
    return {
        "id": person.id, "name": person.name, "wikidata": person.wikidata or None,
        "country": person.country or None, "birth_date": person.birth_date or None,
        "names": [{"name": n.name, "lang": n.lang, "script": n.script, "kind": n.kind}
                  for n in person.names],
        "offices": [office_json(o) for o in offices],
    }


def document_json(result: DocumentResult, wikidata: Callable[[str], str]) -> dict:
    """The `attendees --json` shape; field for field the ReconcileDocument response."""
    people = []
    for p in result.people:
        person: dict[str, Any] = {"id": p.id, "name": p.name, "wikidata": wikidata(p.id) or None,
                                  "confidence": round(p.confidence, 4), "attending": p.attending,
                                  "office": office_json(p.office) if p.office else None,
                                  "mentions": [{"start": m.start, "end": m.end, "text": m.text}
                                               for m in p.mentions]}
        people.append(person)
    unresolved = [{"start": u.start, "end": u.end, "text": u.text, "role": u.role or None,
                   "country": u.country or None} for u in result.unresolved]
    return {"people": people, "unresolved": unresolved, "algorithm": algorithm_json(result.algorithm)}
