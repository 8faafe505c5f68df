"""The Reconciliation API's services beside matching (0.2, as OpenRefine calls them): suggest
(entities in any script, types, properties), data extension with its property proposals,
and the view link; answers validated against the Community Group's schemas."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.service.reconciliation_http import V02, api, call, examples, load, root_of, valid

__all__ = ["api"]  # the fixture, used by name


def suggest(api: str, kind: str, **params: str) -> tuple[int, Any]:
    _, _, manifest = call(api, method="GET")
    service = manifest["suggest"][kind]
    status, _, doc = call(service["service_url"] + service["service_path"], method="GET", params=params)
    return status, doc


@pytest.mark.parametrize("typed, lang", [("Lawr", "de"), ("Лавр", ""), ("لاورو", "fa"), ("Sergej Law", "de"),
                                         ("lavrov", "")])
def test_a_prefix_in_any_script_suggests_the_person(api: str, typed: str, lang: str) -> None:
    status, doc = suggest(api, "entity", prefix=typed, **({"lang": lang} if lang else {}))
    assert status == 200 and valid("suggest-entities-response.json", doc) == []
    first = doc["result"][0]
    assert (first["id"], first["name"]) == ("Q58217", "Sergey Lavrov")
    assert first["notable"] == [{"id": "Q5", "name": "human"}]
    assert first["description"] == "Minister of Foreign Affairs of Russia: 2004-03-09 – now"


def test_a_prefix_spelled_with_the_right_letters_comes_first(api: str) -> None:
    # "Scho" and "Sok" share a phonetic key: the one it begins letter for letter ranks first.
    _, doc = suggest(api, "entity", prefix="Olaf Sch")
    assert [r["name"] for r in doc["result"]] == ["Olaf Scholz"]
    _, doc = suggest(api, "entity", prefix="Шол")
    assert doc["result"][0]["name"] == "Olaf Scholz"


def test_suggestions_page_on_with_the_cursor(api: str) -> None:
    _, everything = suggest(api, "entity", prefix="Ma", limit="20")
    _, first = suggest(api, "entity", prefix="Ma", limit="5")
    _, second = suggest(api, "entity", prefix="Ma", limit="5", cursor="5")
    assert len(everything["result"]) == 20
    assert first["result"] + second["result"] == everything["result"][:10]


@pytest.mark.parametrize("typed", ["", "x", "   ", "\u200b\u200b", "!!!"])
def test_too_little_typed_suggests_nothing(api: str, typed: str) -> None:
    status, doc = suggest(api, "entity", prefix=typed)
    assert status == 200 and doc == {"result": []}


@pytest.mark.parametrize("params, message", [
    ({"prefix": "Lav", "cursor": "-1"}, "cursor"), ({"prefix": "Lav", "limit": "ten"}, "limit"),
    ({"prefix": "Lav", "lang": "not a tag!"}, "language"), ({"prefix": "L" * 1001}, "limit is 1000"),
])
def test_bad_suggest_parameters_are_a_400(api: str, params: dict[str, str], message: str) -> None:
    status, doc = suggest(api, "entity", **params)
    assert status == 400 and message in doc["error"]


def test_types_and_properties_are_suggested(api: str) -> None:
    for typed in ("hu", "Pers", "Q5"):
        status, doc = suggest(api, "type", prefix=typed)
        assert status == 200 and valid("suggest-types-response.json", doc) == [] and doc["result"][0]["id"] == "Q5"
    assert suggest(api, "type", prefix="building")[1] == {"result": []}
    status, doc = suggest(api, "property", prefix="pos")
    assert status == 200 and valid("suggest-properties-response.json", doc) == []
    assert [p["id"] for p in doc["result"]] == ["P39"]
    _, everything = suggest(api, "property", prefix="")
    ids = [p["id"] for p in everything["result"]]
    assert {"P27", "P39", "P585", "language", "wikidata", "P569", "names"} <= set(ids) and len(ids) == len(set(ids))


def proposals(api: str, **params: str) -> tuple[int, Any]:
    _, _, manifest = call(api, method="GET")
    service = manifest["extend"]["propose_properties"]
    status, _, doc = call(service["service_url"] + service["service_path"], method="GET", params=params)
    return status, doc


def test_properties_are_proposed_for_persons(api: str) -> None:
    status, doc = proposals(api, type="Q5")
    assert status == 200 and valid("data-extension-property-proposal.json", doc) == []
    assert [p["id"] for p in doc["properties"]] == ["wikidata", "P27", "P569", "P39", "names"]
    assert len(proposals(api, type="Q5", limit="2")[1]["properties"]) == 2
    status, doc = proposals(api, type="Q515")
    assert status == 400 and "Q515" in doc["error"]


def extend(api: str, query: Any) -> tuple[int, Any]:
    status, _, doc = call(api, queries=query, field="extend")
    return status, doc


def test_data_extension_fetches_every_property(api: str) -> None:
    status, doc = extend(api, {"ids": ["Q58217", "rc-abdullah-bin-zayed-al-nahyan"], "properties": [
        {"id": "wikidata"}, {"id": "P27"}, {"id": "P569"}, {"id": "P39", "settings": {"date": "2020-01-01"}},
        {"id": "names", "settings": {"lang": "de", "limit": 2}}]})
    assert status == 200 and valid("data-extension-response.json", doc) == []
    assert [m["id"] for m in doc["meta"]] == ["wikidata", "P27", "P569", "P39", "names"]
    lavrov, abdullah = doc["rows"]["Q58217"], doc["rows"]["rc-abdullah-bin-zayed-al-nahyan"]
    assert lavrov["wikidata"] == [{"str": "Q58217"}] and abdullah["wikidata"] == []
    assert lavrov["P27"] == [{"str": "RU"}] and abdullah["P27"] == [{"str": "AE"}]
    assert lavrov["P569"] == [{"date": "1950-03-21T00:00:00+00:00"}]
    assert lavrov["P39"] == [{"str": "Minister of Foreign Affairs of Russia: 2004-03-09 – now"}]
    assert lavrov["names"] == [{"str": "Sergej Lawrow"}, {"str": "Sergei Lawrow"}]


def test_offices_on_a_date_and_names_in_a_language(api: str) -> None:
    def values(prop: dict[str, Any]) -> list[str]:
        _, doc = extend(api, {"ids": ["Q58217"], "properties": [prop]})
        return [v["str"] for v in doc["rows"]["Q58217"][prop["id"]]]

    assert values({"id": "P39", "settings": {"date": "2003-01-01"}}) == []  # before he took office
    assert "Сергей Лавров" in values({"id": "names", "settings": {"lang": "ru"}})
    assert len(values({"id": "names"})) > len(values({"id": "names", "settings": {"lang": "ru"}}))


@pytest.mark.parametrize("query, message", [
    ({"ids": ["Q58217"], "properties": [{"id": "P999"}]}, "unknown property 'P999'"),
    ({"ids": ["Q58217"], "properties": [{"id": "P39", "settings": {"date": "2020-02-30"}}]}, "P39"),
    ({"ids": ["Q58217"], "properties": [{"id": "names", "settings": {"lang": "xx-!!"}}]}, "names"),
    ({"ids": ["Q58217"], "properties": [{"id": "names", "settings": {"colour": "red"}}]}, "unknown setting"),
    ({"ids": ["Q58217"], "properties": [{"id": "names", "settings": {"limit": -1}}]}, "negative"),
    ({"ids": ["Q404404404"], "properties": [{"id": "P27"}]}, "no person with id 'Q404404404'"),
    ({"ids": ["Q58217"], "properties": []}, "at least one property"),
    ({"ids": ["Q58217"], "properties": [{"id": "P39"}, {"id": "P39", "settings": {"date": "2020-01-01"}}]}, "twice"),
    ({"ids": "Q58217", "properties": [{"id": "P27"}]}, '{"ids": [...]'),
    ({"ids": ["Q1"] * 1001, "properties": [{"id": "P27"}]}, "limit is 1000"),
    ("{nope", "not valid JSON"),
])
def test_bad_extension_queries_are_a_400(api: str, query: Any, message: str) -> None:
    status, doc = extend(api, query)
    assert status == 400 and message in doc["error"]


@pytest.mark.parametrize("example", examples(V02, "data-extension-query", "valid"), ids=lambda p: p.name)
def test_the_specification_extension_examples_are_answered(api: str, example: Path) -> None:
    # Its examples ask another service (the GND) for its own properties: a well-formed query
    # for properties rollcall does not have is refused by name, not misread.
    query = load(example)
    status, doc = extend(api, query)
    assert status == 400 and f"unknown property {query['properties'][0]['id']!r}" in doc["error"]


def test_the_manifest_announces_suggest_extend_and_a_view_for_every_id(api: str) -> None:
    _, _, manifest = call(api, method="GET")
    assert valid("manifest.json", manifest) == []
    assert {s["name"] for s in manifest["extend"]["property_settings"]} == {"date", "lang", "limit"}
    view = manifest["view"]["url"]
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(view.replace("{{id}}", "Q58217"), timeout=30)
    assert redirect.value.code == 302 and redirect.value.headers["location"] == "https://www.wikidata.org/wiki/Q58217"
    # A person curated without a Wikidata id has no Wikidata page: the view shows its card.
    with urllib.request.urlopen(view.replace("{{id}}", "rc-abdullah-bin-zayed-al-nahyan"), timeout=30) as r:
        assert "<h1>Abdullah bin Zayed Al Nahyan</h1>" in r.read().decode("utf-8")
    assert call(f"{root_of(api)}view", method="GET", params={"id": "Q404404404"})[0] == 404


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_post_forms_carry_extension_queries_as_openrefine_sends_them(api: str) -> None:
    status, _, doc = call(api, queries=json.dumps({"ids": ["Q58217"], "properties": [{"id": "P27"}]}),
                          field="extend", method="GET")
    assert status == 200 and doc["rows"]["Q58217"]["P27"] == [{"str": "RU"}]
