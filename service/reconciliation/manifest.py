"""The service manifest (GET /reconcile): what OpenRefine reads when the service is added."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from rollcall.resolvers import NAME_MATCHER

from .preview import PREVIEW_SIZE
from .results import PERSON_TYPE

__all__ = ["BATCH_SIZE", "manifest"]

# Queries OpenRefine sends per request.
BATCH_SIZE = 50

# Candidates' ids are Wikidata's where the gazetteer has one (Q58217); persons it curates
# without one have local ids (rc-<slug>), which Wikidata's pages do not know.
IDENTIFIER_SPACE = "http://www.wikidata.org/entity/"
SCHEMA_SPACE = "http://www.wikidata.org/prop/direct/"


def manifest(base_url: str) -> dict[str, Any]:
    """The manifest of the service at `base_url` (ending in /)."""
    width, height = PREVIEW_SIZE
    return {
        "versions": ["0.2"],
        "name": f"rollcall: officials by name ({NAME_MATCHER.name}/{NAME_MATCHER.version})",
        "identifierSpace": IDENTIFIER_SPACE,
        "schemaSpace": SCHEMA_SPACE,
        "serviceVersion": version("rollcall"),
        "defaultTypes": [PERSON_TYPE],
        "view": {"url": "https://www.wikidata.org/wiki/{{id}}"},
        "preview": {"url": f"{base_url}preview?id={{{{id}}}}", "width": width, "height": height},
        "batchSize": BATCH_SIZE,
    }
