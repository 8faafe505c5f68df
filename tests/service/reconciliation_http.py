"""What the Reconciliation API tests share: the Community Group's schemas and examples
(../shared/reconciliation-api) per version, a server on a free port, and one HTTP call."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from rollcall.service.engine import Engine
from rollcall.service.http_server import HttpServer
from tests.conftest import SHARED

SPECS = SHARED / "reconciliation-api"
V02, V1 = "0.2", "1.0-draft"


def examples(version: str, kind: str, validity: str) -> list[Path]:
    """The specification's example documents of one kind ("valid" or "invalid")."""
    return sorted((SPECS / version / "examples" / kind / validity).glob("*.json"))


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _schemas(version: str) -> tuple[Registry, dict[str, dict]]:
    schemas = {p.name: load(p) for p in (SPECS / version / "schemas").glob("*.json")}
    # The files refer to each other by $id, and 1.0-draft's also by file name (lang.json),
    # relative to the referring file's $id: every file is registered beside every $id.
    bases = {doc["$id"].rsplit("/", 1)[0] for doc in schemas.values() if "$id" in doc}
    resources = [(doc["$id"], Resource.from_contents(doc, default_specification=DRAFT7))
                 for doc in schemas.values() if "$id" in doc]
    resources += [(f"{base}/{name}", Resource.from_contents(doc, default_specification=DRAFT7))
                  for base in bases for name, doc in schemas.items()]
    return Registry().with_resources(resources), schemas


def valid(schema: str, doc: Any, version: str = V02) -> list[str]:
    """The version's schema's complaints about `doc` (none: valid)."""
    registry, schemas = _schemas(version)
    validator = Draft7Validator(schemas[schema], registry=registry)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(doc)]


@pytest.fixture(scope="module")
def api(engine: Engine) -> Iterator[str]:
    """The 0.2 endpoint (http://127.0.0.1:<port>/reconcile) of a server on the curated
    gazetteer."""
    server = HttpServer(lambda: engine, "127.0.0.1", 0)
    server.start()
    yield server.url
    server.stop()


def root_of(api: str) -> str:
    """The service root (where 1.0-draft, the preview and the view live), ending in /."""
    return api.removesuffix("reconcile")


def call(url: str, *, queries: Any = None, method: str = "POST", headers: dict[str, str] | None = None,
         raw: bytes | None = None, field: str = "queries", params: dict[str, str] | None = None,
         body: Any = None) -> tuple[int, dict[str, str], Any]:
    """(status, headers, JSON body) of one request: `queries` as a form `field` (POST) or a
    GET parameter; `params` in the URL; `body` as a JSON body."""
    data = raw
    if params:
        url = f"{url}?{urllib.parse.urlencode(params)}"
    if queries is not None:
        encoded = urllib.parse.urlencode({field: queries if isinstance(queries, str) else json.dumps(queries)})
        if method == "GET":
            url = f"{url}{'&' if params else '?'}{encoded}"
        else:
            data = encoded.encode()
    if body is not None:
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json"} | (headers or {})
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None and "Content-Type" not in (headers or {}):
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), json.loads(err.read())
