"""The service manifests: what OpenRefine (0.2, GET /reconcile) or a 1.0-draft client
(GET /) reads when the service is added."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from rollcall.resolvers import NAME_MATCHER

from .preview import PREVIEW_SIZE
from .properties import EXTEND_SETTINGS
from .results import PERSON_TYPE

__all__ = ["BATCH_SIZE", "manifest", "manifest_v1"]

# Queries OpenRefine sends per request.
BATCH_SIZE = 50

# Candidates' ids are Wikidata's where the gazetteer has one (Q58217); persons it curates
# without one have local ids (rc-<slug>), which Wikidata does not know: the view link is
# the service's own, sending a Q-id on to Wikidata and showing a local id's card itself.
IDENTIFIER_SPACE = "http://www.wikidata.org/entity/"
SCHEMA_SPACE = "http://www.wikidata.org/prop/direct/"
_NAME = f"rollcall: officials by name ({NAME_MATCHER.name}/{NAME_MATCHER.version})"


def manifest(base_url: str) -> dict[str, Any]:
    """The 0.2 manifest of the service at `base_url` (ending in /)."""
    width, height = PREVIEW_SIZE
    suggest_at = {"service_url": base_url.rstrip("/"), "service_path": ""}
    return {
        "versions": ["0.2"],
        "name": _NAME,
        "identifierSpace": IDENTIFIER_SPACE,
        "schemaSpace": SCHEMA_SPACE,
        "serviceVersion": version("rollcall"),
        "defaultTypes": [PERSON_TYPE],
        "view": {"url": f"{base_url}view?id={{{{id}}}}"},
        "preview": {"url": f"{base_url}preview?id={{{{id}}}}", "width": width, "height": height},
        "suggest": {kind: suggest_at | {"service_path": f"/reconcile/suggest/{kind}"}
                    for kind in ("entity", "type", "property")},
        "extend": {
            "propose_properties": suggest_at | {"service_path": "/reconcile/propose_properties"},
            "property_settings": [
                {"name": name, "label": label, "type": kind, "default": default, "help_text": help_text}
                for name, label, kind, default, help_text in EXTEND_SETTINGS
            ],
        },
        "batchSize": BATCH_SIZE,
    }


def manifest_v1(base_url: str) -> dict[str, Any]:
    """The 1.0-draft manifest of the service whose root is `base_url` (ending in /): its
    endpoints are /match, /suggest/{entity,type,property}, /preview, /extend and
    /extend/propose under that root."""
    width, height = PREVIEW_SIZE
    return {
        "versions": ["1.0-draft"],
        "name": _NAME,
        "serviceVersion": version("rollcall"),
        "defaultTypes": [PERSON_TYPE],
        "view": {"url": f"{base_url}view?id={{id}}"},
        "preview": {"width": width, "height": height},
        "suggest": {"entity": True, "type": True, "property": True},
        "extend": {
            "proposeProperties": True,
            "propertySettings": [
                {"id": name, "name": label, "type": kind, "default": default, "helpText": help_text}
                for name, label, kind, default, help_text in EXTEND_SETTINGS
            ],
        },
        "standardizedScore": True,
    }
