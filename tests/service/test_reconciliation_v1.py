"""Version 1.0-draft of the Reconciliation API, at the service's root (POST /match, the new
manifest, suggest, extend): the same code as 0.2, validated against the 1.0-draft schemas
and examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.service.reconciliation_http import V1, api, call, examples, load, root_of, valid

__all__ = ["api"]  # the fixture, used by name


def match(api: str, body: Any) -> tuple[int, Any]:
    status, _, doc = call(f"{root_of(api)}match", body=body)
    return status, doc


def test_the_manifest_is_valid(api: str) -> None:
    status, headers, doc = call(root_of(api), method="GET", headers={"Origin": "https://x.example"})
    assert status == 200 and valid("manifest.json", doc, V1) == []
    assert doc["versions"] == ["1.0-draft"] and doc["suggest"] == {"entity": True, "type": True, "property": True}
    assert doc["standardizedScore"] is True and doc["extend"]["proposeProperties"] is True
    assert headers.get("access-control-allow-origin") == "*"


@pytest.mark.parametrize("example", examples(V1, "reconciliation-query-batch", "valid"), ids=lambda p: p.name)
def test_every_valid_example_batch_is_answered_validly(api: str, example: Path) -> None:
    batch = load(example)
    status, doc = match(api, batch)
    assert status == 200, doc
    assert valid("reconciliation-result-batch.json", doc, V1) == [] and len(doc["results"]) == len(batch["queries"])


@pytest.mark.parametrize("example", examples(V1, "reconciliation-query-batch", "invalid"), ids=lambda p: p.name)
def test_every_invalid_example_batch_is_a_400(api: str, example: Path) -> None:
    status, doc = match(api, load(example))
    assert status == 400 and doc["error"]


def test_a_column_in_several_scripts_with_conditions(api: str) -> None:
    def query(name: str, *conditions: dict[str, Any], **fields: Any) -> dict[str, Any]:
        return {"conditions": [{"matchType": "name", "propertyValue": name}, *conditions], **fields}

    status, doc = match(api, {"queries": [
        query("Sergej Lawrow", lang="de"),
        query("Сергей Лавров", {"matchType": "property", "propertyId": "P27", "propertyValue": {"id": "Q159"}}),
        query("王毅", {"matchType": "property", "propertyId": "P585", "propertyValue": "2024-05-21"}),
        query("سراج الدین مهرالدین"),
        query("Zzyzx Qwerty"),
        {"conditions": [{"matchType": "id", "propertyValue": "Q58217"}]},
    ]})
    assert status == 200 and valid("reconciliation-result-batch.json", doc, V1) == []
    firsts = [r["candidates"][0] if r["candidates"] else None for r in doc["results"]]
    assert firsts[0]["id"] == firsts[1]["id"] == "Q58217" and firsts[0]["match"] and firsts[1]["match"]
    assert firsts[2]["name"] == "Wang Yi" and "Minister of Foreign Affairs" in firsts[2]["description"]
    assert firsts[3]["name"].startswith("Sirojiddin")
    assert not any(c["match"] for c in doc["results"][4]["candidates"])
    assert firsts[5] == {"id": "Q58217", "name": "Sergey Lavrov", "type": [{"id": "Q5", "name": "human"}],
                         "score": 100.0, "match": True}
    # Every feature carries its name, as 1.0-draft requires.
    assert all(f["name"] and f["id"] for f in firsts[0]["features"])


@pytest.mark.parametrize("body, message", [
    ({"queries": [{"conditions": [{"matchType": "name", "propertyValue": "A"},
                                  {"matchType": "name", "propertyValue": "B"}]}]}, "one name"),
    ({"queries": [{"conditions": [{"matchType": "label", "propertyValue": "A"}]}]}, "matchType"),
    ({"queries": [{"conditions": [{"matchType": "name", "propertyValue": "Lavrov"},
                                  {"matchType": "property", "propertyId": "P585", "propertyValue": "2024-02-30"}]}]},
     "queries[0]"),
    ({"queries": [{"conditions": [{"matchType": "name", "propertyValue": "Lavrov"}], "limit": 1.5}]}, "limit"),
    ({"queries": [{"conditions": [{"matchType": "name", "propertyValue": "Lavrov"}]}] * 1001}, "limit is 1000"),
])
def test_bad_batches_are_a_400_naming_the_query(api: str, body: Any, message: str) -> None:
    status, doc = match(api, body)
    assert status == 400 and message in doc["error"]


def test_a_body_that_is_not_json_is_a_400(api: str) -> None:
    status, _, doc = call(f"{root_of(api)}match", raw=b"\xff{", headers={"Content-Type": "application/json"})
    assert status == 400 and "not UTF-8" in doc["error"] or "not valid JSON" in doc["error"]


def test_suggest_extend_and_proposals_at_the_root(api: str) -> None:
    root = root_of(api)
    status, _, doc = call(f"{root}suggest/entity", method="GET", params={"prefix": "Лавр"})
    assert status == 200 and valid("suggest-entities-response.json", doc, V1) == []
    assert doc["result"][0]["id"] == "Q58217"
    for kind, schema in (("type", "suggest-types-response.json"), ("property", "suggest-properties-response.json")):
        status, _, doc = call(f"{root}suggest/{kind}", method="GET", params={"prefix": "p"})
        assert status == 200 and valid(schema, doc, V1) == [] and doc["result"]
    status, _, doc = call(f"{root}extend", body={"ids": ["Q58217"], "properties": [
        {"id": "P27"}, {"id": "P569"}, {"id": "names", "settings": {"lang": "zh"}}]})
    assert status == 200 and valid("data-extension-response.json", doc, V1) == []
    assert doc["rows"][0]["id"] == "Q58217"
    values = {p["id"]: p["values"] for p in doc["rows"][0]["properties"]}
    assert values["P27"] == [{"str": "RU"}] and values["P569"] == [{"date": "1950-03-21T00:00:00+00:00"}]
    # 1.0-draft gives a name's language beside it.
    assert values["names"] and all(v["lang"].startswith("zh") for v in values["names"])
    status, _, doc = call(f"{root}extend/propose", method="GET", params={"type": "Q5"})
    assert status == 200 and valid("data-extension-property-proposal.json", doc, V1) == []
