"""The suggest services (auto-completion in OpenRefine's dialogs): entities by a prefix of
their name in any script, the one type, and the properties a query or an extension can use.
The answers are the same in versions 0.2 and 1.0-draft."""

from __future__ import annotations

from typing import Any

from rollcall.gazetteer import Office

from ..engine import Engine
from ..render import office_text
from .properties import EXTEND_PROPERTIES, QUERY_PROPERTIES
from .results import PERSON_TYPE

__all__ = ["MAX_SUGGESTIONS", "entity_suggestions", "type_suggestions", "property_suggestions"]

# Suggestions one request lists at most (a `cursor` pages on through the next ones).
MAX_SUGGESTIONS = 50
_DEFAULT_SUGGESTIONS = 10
# Words that find the one type when typed (besides its id).
_TYPE_WORDS = ("human", "person", "official", "politician")


def entity_suggestions(engine: Engine, prefix: str, lang: str | None, cursor: int, limit: int | None) -> dict[str, Any]:
    """Persons whose names complete `prefix`, from the `cursor`-th on; each with the office
    held last as its description, to tell namesakes apart."""
    count = min(limit or _DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS)
    found = engine.suggest(prefix, lang, cursor + count)[cursor:]
    offices = engine.store.offices_of([s.person_id for s in found])
    return {"result": [
        {"id": s.person_id, "name": s.name, "notable": [PERSON_TYPE]}
        | ({"description": _latest(held)} if (held := offices.get(s.person_id)) else {})
        for s in found
    ]}


def _latest(offices: list[Office]) -> str:
    """The office begun last (offices come oldest first), with its dates."""
    return office_text(offices[-1], tenure=True)


def type_suggestions(prefix: str) -> dict[str, Any]:
    typed = prefix.strip().casefold()
    words = (PERSON_TYPE["id"].casefold(), *_TYPE_WORDS)
    return {"result": [PERSON_TYPE] if any(w.startswith(typed) for w in words) else []}


def property_suggestions(prefix: str) -> dict[str, Any]:
    """Properties whose id or name starts with `prefix` (any, for an empty one): those a
    query takes as context, then those an extension fetches."""
    typed = prefix.strip().casefold()
    seen, result = set(), []
    for prop in (*QUERY_PROPERTIES, *EXTEND_PROPERTIES):
        if prop.id not in seen and (prop.id.casefold().startswith(typed) or prop.name.casefold().startswith(typed)
                                    or any(w.startswith(typed) for w in prop.name.casefold().split())):
            seen.add(prop.id)
            result.append({"id": prop.id, "name": prop.name, "description": prop.description})
    return {"result": result}
