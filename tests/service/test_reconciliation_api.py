"""The W3C Reconciliation API (0.2) over real HTTP, validated against the Community Group's
own schemas and examples (../shared/reconciliation-api), not against ourselves."""

from __future__ import annotations

import json
import socket
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from rollcall.service.engine import Engine
from rollcall.service.http_server import HttpServer
from rollcall.service.server import Server
from rollcall.service.settings import Settings
from tests.service.reconciliation_http import V02, api, call, examples, load, root_of, valid

__all__ = ["api"]  # the fixture, used by name


def test_the_manifest_is_valid_and_names_the_identifier_space(api: str) -> None:
    status, headers, doc = call(api, method="GET", headers={"Origin": "https://openrefine.example"})
    assert status == 200 and valid("manifest.json", doc) == []
    assert doc["versions"] == ["0.2"] and doc["identifierSpace"] == "http://www.wikidata.org/entity/"
    assert doc["defaultTypes"] == [{"id": "Q5", "name": "human"}] and doc["batchSize"] > 0
    assert headers.get("access-control-allow-origin") == "*"


@pytest.mark.parametrize("example", examples(V02, "reconciliation-query-batch", "valid"), ids=lambda p: p.name)
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_every_valid_example_batch_is_answered_validly(api: str, example: Path, method: str) -> None:
    queries = load(example)
    status, _, doc = call(api, queries=queries, method=method)
    assert status == 200, doc
    assert set(doc) == set(queries) and valid("reconciliation-result-batch.json", doc) == []


@pytest.mark.parametrize("example", examples(V02, "reconciliation-query-batch", "invalid"), ids=lambda p: p.name)
def test_every_invalid_example_batch_is_a_400_with_a_message(api: str, example: Path) -> None:
    status, headers, doc = call(api, queries=load(example))
    assert status == 400 and doc["error"]
    assert headers.get("access-control-allow-origin") == "*" or "access-control-allow-origin" not in headers


def test_a_column_in_several_scripts_is_reconciled(api: str) -> None:
    column = {"q0": "Sergej Lawrow", "q1": "Сергей Лавров", "q2": "王毅", "q3": "سراج الدین مهرالدین",
              "q4": "Zzyzx Qwerty"}
    queries: dict[str, Any] = {k: {"query": v} for k, v in column.items()}
    queries["q0"]["properties"] = [{"pid": "language", "v": "de"}]
    queries["q2"]["properties"] = [{"pid": "P585", "v": "2024-05-21"}, {"pid": "P27", "v": "CN"}]
    status, _, doc = call(api, queries=queries)
    assert status == 200 and valid("reconciliation-result-batch.json", doc) == []
    first = {k: doc[k]["result"][0] for k in column if doc[k]["result"]}
    assert first["q0"]["id"] == first["q1"]["id"] == "Q58217"
    assert first["q0"]["match"] and first["q1"]["match"]
    assert first["q2"]["name"] == "Wang Yi" and first["q2"]["match"]
    assert first["q3"]["name"].startswith("Sirojiddin")
    assert not any(c["match"] for c in doc["q4"]["result"])  # nobody holds this name
    candidate = first["q0"]
    assert 90 <= candidate["score"] <= 100 and candidate["type"] == [{"id": "Q5", "name": "human"}]
    assert {f["id"] for f in candidate["features"]} >= {"spelling", "sound", "score"}
    assert all(not c["match"] for c in doc["q0"]["result"][1:])


@pytest.mark.parametrize("queries, message", [
    ("{not json", "not valid JSON"),
    ("[]", "non-empty JSON object"),
    ({"q0": {"query": "Lavrov", "properties": [{"pid": "P585", "v": "2024-13-40"}]}}, "q0"),
    ({"q0": {"query": "Lavrov", "properties": [{"pid": "P27", "v": "Russia"}]}}, "country"),
    ({"q0": {"query": "Lavrov", "properties": [{"pid": "language", "v": "not a tag!"}]}}, "q0"),
    ({"q0": {"query": ""}}, "name is empty"),
    ({"q0": {"query": "Lavrov", "limit": 0}}, "limit"),
    ({"q0": {"query": "Lavrov", "properties": [{"pid": "P585", "v": ["2020-01-01", "2021-01-01"]}]}}, "one value"),
    ({f"q{i}": {"query": "Lavrov"} for i in range(1001)}, "limit is 1000"),
])
def test_bad_requests_are_400_with_a_json_message(api: str, queries: Any, message: str) -> None:
    status, _, doc = call(api, queries=queries)
    assert status == 400 and message in doc["error"]


def test_a_body_too_large_and_a_body_that_is_no_form(api: str) -> None:
    status, _, doc = call(api, raw=b"queries=" + b"x" * (5 * 1024 * 1024))
    assert status == 413 and "over" in doc["error"]
    status, _, doc = call(api, raw=b"\xff\xfe{{", headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert status == 400 and doc["error"]


def test_the_bearer_token_is_required_when_set(engine: Engine) -> None:
    server = HttpServer(lambda: engine, "127.0.0.1", 0, token="s3cret")
    server.start()
    try:
        assert call(server.url, method="GET")[0] == 401
        assert call(server.url, method="GET", headers={"Authorization": "Bearer wrong"})[0] == 401
        status, _, doc = call(server.url, queries={"q": {"query": "Lavrov"}},
                              headers={"Authorization": "Bearer s3cret"})
        assert status == 200 and doc["q"]["result"]
    finally:
        server.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_grpc_server_serves_the_api_too(curated_db: Path) -> None:
    server = Server(Settings(db=curated_db, port=0, http_port=_free_port(), reload_interval=0))
    server.start()
    try:
        assert server.http is not None
        status, _, doc = call(server.http.url, queries={"q": {"query": "Сергей Лавров"}}, method="GET")
        assert status == 200 and doc["q"]["result"][0]["id"] == "Q58217"
    finally:
        server.stop()
    taken = HttpServer(lambda: None, "127.0.0.1", 0)  # type: ignore[arg-type,return-value]
    with pytest.raises(OSError, match="cannot bind HTTP"):
        Server(Settings(db=curated_db, port=0, http_port=taken.port, reload_interval=0))
    taken.stop()


def test_the_preview_shows_name_link_and_offices(api: str) -> None:
    _, _, manifest = call(api, method="GET")
    url = manifest["preview"]["url"].replace("{{id}}", "Q58217")
    assert url.startswith(api.removesuffix("reconcile"))
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Origin": "https://x.example"}), timeout=30) as r:
        html = r.read().decode("utf-8")
        assert r.headers["content-type"].startswith("text/html") and r.headers["access-control-allow-origin"] == "*"
    assert "<h1>Sergey Lavrov</h1>" in html and 'href="https://www.wikidata.org/wiki/Q58217"' in html
    assert "Minister of Foreign Affairs of Russia: 2004-03-09 – now" in html
    base = api.removesuffix("reconcile")
    assert call(f"{base}preview?id=Q404404404", method="GET")[0] == 404
    status, _, doc = call(f"{base}preview", method="GET")
    assert status == 400 and "id" in doc["error"]


def test_a_closed_gazetteer_is_503_not_a_crash(curated_db: Path) -> None:
    closed = Engine(curated_db)
    closed.close()
    server = HttpServer(lambda: closed, "127.0.0.1", 0)
    server.start()
    try:
        status, _, doc = call(server.url, queries={"q": {"query": "Lavrov"}})
        assert status == 503 and "not available" in doc["error"]
        assert call(server.url.replace("reconcile", "preview") + "?id=Q58217", method="GET")[0] == 503
    finally:
        server.stop()


def test_a_country_may_be_its_wikidata_id(api: str) -> None:
    def first(country: Any) -> dict[str, Any]:
        query = {"query": "Japarov", "properties": [{"pid": "P27", "v": country}, {"pid": "P585", "v": "2024-07-04"}]}
        status, _, doc = call(api, queries={"q": query})
        assert status == 200, doc
        return doc["q"]["result"][0]

    by_code = first("KG")
    assert first({"id": "Q813", "name": "Kyrgyzstan"}) == by_code == first("Q813")  # Q813: Kyrgyzstan
    assert {f["id"]: f["value"] for f in by_code["features"]}["context_country"] == 1.0
    # A Wikidata country the gazetteer does not know (Q664: New Zealand) gives no hint.
    nowhere = call(api, queries={"q": {"query": "Japarov", "properties": [{"pid": "P27", "v": "Q664"}]}})[2]
    plain = call(api, queries={"q": {"query": "Japarov"}})[2]
    assert nowhere == plain
