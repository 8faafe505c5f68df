"""A rollcall answer as the API's candidates: id (the canonical id: a Wikidata Q-id where
the gazetteer has one, else a local rc-... id), name, type, score 0-100 (the calibrated
confidence), match (the auto-accept decision, first candidate only), features (the
explanation's feature scores) and, when the query gave a date, the offices held that day
as the description."""

from __future__ import annotations

from typing import Any

from rollcall.resolvers import NAME_MATCHER

from ..engine import Answer
from ..render import office_text

__all__ = ["PERSON_TYPE", "candidates_json", "entity_candidate"]

# Every entity rollcall knows is a person: Wikidata's "human".
PERSON_TYPE = {"id": "Q5", "name": "human"}

# Feature id → its one-line doc (1.0-draft gives every feature a name).
_FEATURE_DOCS = {f.name: f.doc for f in NAME_MATCHER.features}


def candidates_json(answer: Answer, *, feature_names: bool = False) -> list[dict[str, Any]]:
    """`feature_names`: give each feature its `name` (1.0-draft requires one)."""
    out = []
    for i, rc in enumerate(answer.candidates):
        c = rc.candidate
        candidate = {
            "id": c.person_id,
            "name": c.name,
            "type": [PERSON_TYPE],
            "score": round(c.confidence * 100, 2),
            "match": i == 0 and answer.result.match,
            "features": [{"id": name, "value": value} | ({"name": _FEATURE_DOCS.get(name, name)} if feature_names else {})
                         for name, value in c.features.items()],
        }
        if rc.offices:
            candidate["description"] = "; ".join(office_text(o) for o in rc.offices)
        out.append(candidate)
    return out


def entity_candidate(person_id: str, name: str) -> dict[str, Any]:
    """A candidate given by its id (a 1.0-draft "id" condition): certain."""
    return {"id": person_id, "name": name, "type": [PERSON_TYPE], "score": 100.0, "match": True}
