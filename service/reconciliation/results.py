"""A rollcall answer as the API's candidates: id (the canonical id: a Wikidata Q-id where
the gazetteer has one, else a local rc-... id), name, type, score 0-100 (the calibrated
confidence), match (the auto-accept decision, first candidate only) and features (the
explanation's feature scores)."""

from __future__ import annotations

from typing import Any

from ..engine import Answer

__all__ = ["PERSON_TYPE", "candidates_json"]

# Every entity rollcall knows is a person: Wikidata's "human".
PERSON_TYPE = {"id": "Q5", "name": "human"}


def candidates_json(answer: Answer) -> list[dict[str, Any]]:
    out = []
    for i, rc in enumerate(answer.candidates):
        c = rc.candidate
        out.append({
            "id": c.person_id,
            "name": c.name,
            "type": [PERSON_TYPE],
            "score": round(c.confidence * 100, 2),
            "match": i == 0 and answer.result.match,
            "features": [{"id": name, "value": value} for name, value in c.features.items()],
        })
    return out
