"""Curation through the CLI, on a copy of the curated files in a temporary folder."""

import json
import shutil
from pathlib import Path

import pytest

from rollcall.gazetteer import DEFAULT_SOURCES
from tests.service.runner import Result, rollcall


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_SOURCES, copy)
    return copy


def gz(sources: Path, *args: str) -> Result:
    db = sources.parent / "g.db"
    return rollcall("gazetteer", *args, "--sources", str(sources), "--db", str(db), "--json")


def lookup(sources: Path, name: str, *extra: str) -> dict:
    db = sources.parent / "g.db"
    return json.loads(rollcall("lookup", name, "--json", "--db", str(db), *extra).stdout)


def test_add_person_alias_post_and_tenure(sources: Path) -> None:
    before = (sources / "kz.json").read_text(encoding="utf-8")
    assert gz(sources, "add-person", "--id", "rc-aigerim-test", "--name", "Aigerim Testova", "--country", "KZ").returncode == 0
    out = gz(sources, "add-alias", "rc-aigerim-test", "Айгерим Тестова", "--lang", "kk", "--kind", "native")
    assert json.loads(out.stdout)["script"] == "Cyrillic"
    assert gz(sources, "add-post", "--id", "kz-test-envoy", "--label", "Special Envoy of Kazakhstan",
              "--role-type", "official", "--country", "KZ").returncode == 0
    assert gz(sources, "add-tenure", "rc-aigerim-test", "kz-test-envoy", "--start", "2024-03-01",
              "--source", "test").returncode == 0
    top = lookup(sources, "Айгерим Тестова", "--date", "2025-01-01")["candidates"][0]
    assert top["id"] == "rc-aigerim-test" and top["offices"][0]["post_id"] == "kz-test-envoy"
    assert gz(sources, "end-tenure", "rc-aigerim-test", "kz-test-envoy", "--end", "2025-06-30").returncode == 0
    assert lookup(sources, "Aigerim Testova", "--date", "2025-07-01")["candidates"][0]["offices"] == []
    # Minimal diff: the other records of the file are untouched, keys stay sorted.
    after = (sources / "kz.json").read_text(encoding="utf-8")
    assert after.startswith(before[:200]) and after.endswith("\n")


def test_remove_alias(sources: Path) -> None:
    assert gz(sources, "add-alias", "Q58217", "Lavrov-Test", "--lang", "en").returncode == 0
    assert lookup(sources, "Lavrov-Test")["candidates"][0]["matched_alias"] == "Lavrov-Test"
    out = gz(sources, "remove-alias", "Q58217", "Lavrov-Test")
    assert json.loads(out.stdout)["count"] == 1
    assert "Lavrov-Test" not in (sources / "ru.json").read_text(encoding="utf-8")


def test_merge_leaves_a_redirect(sources: Path) -> None:
    assert gz(sources, "add-person", "--id", "rc-lavrov-dup", "--name", "S. V. Lavrov", "--country", "RU").returncode == 0
    out = gz(sources, "merge", "Q58217", "rc-lavrov-dup")
    assert out.returncode == 0, out.stderr
    entity = rollcall("entity", "rc-lavrov-dup", "--json", "--db", str(sources.parent / "g.db"))
    doc = json.loads(entity.stdout)
    assert doc["id"] == "Q58217" and any(n["name"] == "S. V. Lavrov" for n in doc["names"])


@pytest.mark.parametrize(
    "args, message",
    [
        (["add-alias", "Q58217", "Sergei", "--lang", "not_a_tag"], "not BCP-47"),
        (["add-alias", "Q58217", "Сергей Лавров", "--lang", "en"], "Cyrillic script"),
        (["add-tenure", "Q58217", "ru-foreign-minister", "--start", "2030-01-01"], "in the future"),
        (["add-tenure", "Q58217", "no-such-post", "--start", "2020"], "unknown post"),
        (["add-tenure", "Q7747", "ru-foreign-minister", "--start", "2020-01-01"], "same time"),
        (["add-tenure", "Q58217", "ru-foreign-minister", "--start", "2020-02-30"], "does not exist"),
        (["end-tenure", "Q58217", "ru-head-of-state", "--end", "2020"], "0 open tenures"),
        (["add-alias", "Q0", "Nobody", "--lang", "en"], "no person 'Q0'"),
        (["merge", "Q58217", "Q58217"], "into itself"),
        # Issue 12 item 8: ids, country codes and language tags follow the documented rules.
        (["add-person", "--id", "bad id", "--name", "Bad Id", "--country", "KZ"], "person id 'bad id' is neither"),
        (["add-person", "--id", "q123", "--name", "Lower Q", "--country", "KZ"], "person id 'q123' is neither"),
        (["add-person", "--id", "rc-Upper", "--name", "Upper Case", "--country", "KZ"], "rc-<slug>"),
        (["add-person", "--id", "bad id", "--name", "Bad Id", "--country", "XX"], "person id 'bad id'"),
        (["add-person", "--id", "rc-nowhere", "--name", "No Where", "--country", "XX"],
         "country 'XX' is not an ISO 3166-1 alpha-2 code"),
        (["add-person", "--id", "rc-antarctic", "--name", "Anna Antarctic", "--country", "AQ"],
         "country 'AQ' is not declared"),
        (["add-person", "--id", "rc-kazakh", "--name", "Aigerim Tag", "--country", "KZ", "--lang", "xx-!!"],
         "language 'xx-!!' is not BCP-47"),
        (["add-alias", "Q58217", "Sergei", "--lang", "!!"], "language '!!' is not BCP-47"),
        (["add-alias", "Q58217", "Sergei", "--lang", "xx"], "unknown language 'xx'"),
        (["add-post", "--id", "Bad Post", "--label", "Envoy", "--role-type", "official", "--country", "KZ"],
         "post id 'Bad Post' is not <country code>-<office>"),
        (["add-post", "--id", "ru-envoy", "--label", "Envoy", "--role-type", "official", "--country", "KZ"],
         "expected to start with kz-"),
        (["add-post", "--id", "xx-envoy", "--label", "Envoy", "--role-type", "official", "--country", "XX"],
         "country 'XX' is not an ISO 3166-1 alpha-2 code"),
    ],
)
def test_wrong_edits_change_nothing(sources: Path, args: list, message: str) -> None:
    before = {p.name: p.read_bytes() for p in sources.iterdir()}
    out = gz(sources, *args)
    assert out.returncode == 2
    assert "nothing changed" in out.stderr and message in out.stderr
    assert {p.name: p.read_bytes() for p in sources.iterdir()} == before  # no file created either


def test_duplicates_finds_a_person_imported_twice(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    popolo = tmp_path / "extra.popolo.json"
    popolo.write_text(json.dumps({"persons": [
        {"id": "x-lavrov", "name": "Sergey Lavrov", "other_names": [{"name": "Сергей Лавров", "lang": "ru"}]},
        {"id": "x-other", "name": "Petra Unrelated"},
    ]}), encoding="utf-8")
    assert rollcall("gazetteer", "build", "--db", str(db), "--with", str(popolo)).returncode == 0
    out = rollcall("gazetteer", "duplicates", "--db", str(db), "--json")
    pairs = json.loads(out.stdout)
    assert {(p["a"], p["b"]) for p in pairs} >= {("Q58217", "x-lavrov")} or \
        {(p["b"], p["a"]) for p in pairs} >= {("Q58217", "x-lavrov")}
    assert not any("x-other" in (p["a"], p["b"]) for p in pairs)
