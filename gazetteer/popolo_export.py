"""Export of a gazetteer database as Popolo JSON (the format import-popolo reads back)."""

from __future__ import annotations

import json
from pathlib import Path

from .files import FileWriteError, staged
from .store import StoreError
from .store_to_model import read_gazetteer

__all__ = ["export_popolo"]


def export_popolo(db: Path, target: Path) -> dict[str, int]:
    """Write `db` to `target` atomically; return the counts written."""
    gaz = read_gazetteer(db)
    doc: dict[str, list[dict]] = {
        "persons": [
            {
                "id": p.id, "name": p.name,
                "other_names": [{"name": n.name, "lang": n.lang} | ({"note": n.kind} if n.kind else {})
                                for n in p.names],
                "identifiers": [{"scheme": "wikidata", "identifier": p.wikidata}] if p.wikidata else [],
                **({"gender": p.gender} if p.gender else {}),
                **({"birth_date": p.birth_date} if p.birth_date else {}),
                **({"country": p.country} if p.country else {}),
            }
            for p in gaz.persons.values()
        ],
        "organizations": [
            {"id": o.id, "name": o.name, "classification": o.classification,
             "other_names": [{"name": n.name, "lang": n.lang} for n in o.names],
             "identifiers": [{"scheme": "wikidata", "identifier": o.wikidata}] if o.wikidata else []}
            for o in gaz.organizations.values()
        ],
        "posts": [
            {"id": p.id, "label": p.label, "role": p.role_type, "organization_id": p.organization_id,
             "country": p.country, "other_labels": [{"name": n.name, "lang": n.lang} for n in p.labels],
             "identifiers": [{"scheme": "wikidata", "identifier": p.wikidata}] if p.wikidata else []}
            for p in gaz.posts.values()
        ],
        "memberships": [
            {"person_id": t.person_id, **({"post_id": t.post_id} if t.post_id else {}),
             **({"organization_id": t.organization_id} if t.organization_id else {}),
             **({"start_date": t.start} if t.start else {}), **({"end_date": t.end} if t.end else {}),
             **({"role": t.role} if t.role else {})}
            for t in gaz.tenures
        ],
    }
    try:
        with staged(target) as tmp:
            tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    except FileWriteError as err:
        raise StoreError(str(err)) from None
    return {k: len(v) for k, v in doc.items()}
