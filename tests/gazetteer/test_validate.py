"""`gazetteer validate` on curated files with bad ids, country codes and language tags
(issue 12, item 8): each is reported, a bad id with its file and line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rollcall.gazetteer import DEFAULT_SOURCES, SourceError, load_sources
from rollcall.gazetteer.validate import check
from rollcall.gazetteer.sources import source_files

ROLLCALL = str(Path(sys.executable).parent / "rollcall")


def good() -> dict:
    return {
        "countries": [{"code": "KZ", "names": [{"name": "Kazakhstan", "lang": "en"}]}],
        "organizations": [{"id": "sco", "names": [{"name": "Shanghai Cooperation Organisation", "lang": "en"}]}],
        "posts": [
            {"id": "kz-foreign-minister", "role_type": "foreign_minister", "country": "KZ",
             "labels": [{"name": "Minister of Foreign Affairs of Kazakhstan", "lang": "en"}]},
            {"id": "sco-secretary-general", "role_type": "secretary_general", "organization": "sco",
             "labels": [{"name": "Secretary-General of the SCO", "lang": "en"}]},
        ],
        "persons": [
            {"id": "Q66648657", "name": "Murat Nurtleu", "country": "KZ",
             "names": [{"name": "Мурат Нуртлеу", "lang": "kk", "kind": "native"},
                       {"name": "努尔特列乌", "lang": "und-Hani"}],
             "tenures": [{"post": "kz-foreign-minister", "start": "2023-09-01"}]},
            {"id": "rc-aigerim-example", "name": "Aigerim Example", "country": "KZ", "tenures": []},
        ],
    }


def write(tmp_path: Path, doc: dict) -> Path:
    (tmp_path / "kz.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return tmp_path


def errors(tmp_path: Path, doc: dict) -> list[str]:
    found, _ = check(load_sources(source_files(write(tmp_path, doc))), "2026-01-01")
    return [str(p) for p in found]


def test_the_good_file_and_the_packaged_files_have_no_errors(tmp_path: Path) -> None:
    assert errors(tmp_path, good()) == []
    found, _ = check(load_sources(source_files(DEFAULT_SOURCES)))
    assert [str(p) for p in found] == []


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["persons"][1].update(id="bad id"), "person id 'bad id' is neither a Wikidata Q-id"),
        (lambda d: d["persons"][1].update(id="rc-Aigerim"), "rc-<slug>"),
        (lambda d: d["persons"][1].update(id="Q0123"), "person id 'Q0123'"),
        (lambda d: d["organizations"][0].update(id="SCO org"), "organization id 'SCO org'"),
        (lambda d: d["posts"][0].update(id="KZ Foreign Minister"), "post id 'KZ Foreign Minister'"),
        (lambda d: d["posts"][0].update(id="ru-foreign-minister"), "expected to start with kz-"),
        (lambda d: d["posts"][1].update(id="secretary-general"), "expected to start with sco-"),
    ],
)
def test_a_bad_id_is_reported_with_file_and_line(tmp_path: Path, mutate, message: str) -> None:
    doc = good()
    mutate(doc)
    write(tmp_path, doc)
    with pytest.raises(SourceError, match=message) as err:
        load_sources(source_files(tmp_path))
    location, _ = str(err.value).split(": ", 1)
    path, line = location.rsplit(":", 1)
    assert path == str(tmp_path / "kz.json")
    bad_id = str(err.value).split(": ")[1]
    assert json.dumps(bad_id) in (tmp_path / "kz.json").read_text(encoding="utf-8").splitlines()[int(line) - 1]


def test_validate_command_reports_a_bad_id_and_exits_nonzero(tmp_path: Path) -> None:
    doc = good()
    doc["persons"][1]["id"] = "bad id"
    write(tmp_path, doc)
    out = subprocess.run([ROLLCALL, "gazetteer", "validate", "--sources", str(tmp_path)],
                         capture_output=True, timeout=120)
    assert out.returncode != 0
    assert f"{tmp_path / 'kz.json'}:" in out.stderr.decode() and "'bad id'" in out.stderr.decode()


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["persons"][1].update(country="XX"), "person rc-aigerim-example: country 'XX' is not an ISO 3166-1"),
        (lambda d: d["persons"][1].update(country="DE"), "country 'DE' is not declared"),
        (lambda d: d["posts"][1].update(id="xx-secretary-general", country="XX"),
         "post xx-secretary-general: country 'XX' is not an ISO"),
        (lambda d: d["countries"].append({"code": "XX", "names": []}), "country XX: country 'XX' is not an ISO"),
        (lambda d: d["countries"][0].update(code="EU"), "country 'EU' is not an ISO"),
    ],
)
def test_unknown_or_undeclared_country_codes_are_errors(tmp_path: Path, mutate, message: str) -> None:
    doc = good()
    mutate(doc)
    assert any(message in e for e in errors(tmp_path, doc)), errors(tmp_path, doc)


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["persons"][1].setdefault("names", []).append({"name": "Aigerim", "lang": "!!"}),
         "language '!!' is not BCP-47"),
        (lambda d: d["persons"][0]["names"][1].update(lang="xx-!!"), "language 'xx-!!' is not BCP-47"),
        (lambda d: d["posts"][0]["labels"][0].update(lang="xx"), "unknown language 'xx'"),
        (lambda d: d["countries"][0]["names"][0].update(lang="en-Abcd"), "unknown script 'Abcd'"),
        (lambda d: d["organizations"][0]["names"][0].update(lang="english"), "not BCP-47"),
    ],
)
def test_bad_language_tags_are_errors_wherever_they_are(tmp_path: Path, mutate, message: str) -> None:
    doc = good()
    mutate(doc)
    assert any(message in e for e in errors(tmp_path, doc)), errors(tmp_path, doc)


def test_bad_language_of_a_cue_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, good())
    (tmp_path / "cues.json").write_text(json.dumps({"cues": [{"kind": "attending", "lang": "d!", "phrases": ["nahm teil"]}]}))
    found, _ = check(load_sources(source_files(tmp_path)), "2026-01-01")
    assert any("language 'd!' is not BCP-47" in str(p) for p in found)


@pytest.mark.parametrize("name, message", [
    ({"name": "Murat Example", "lang": "en", "until": "2020-13"}, "until:"),
    ({"name": "Murat Example", "lang": "en", "kind": "short", "until": "2020-01"}, "'until' is for former names only"),
])
def test_a_former_names_until_is_a_date_of_a_former_name(tmp_path: Path, name: dict, message: str) -> None:
    doc = good()
    doc["persons"][0]["names"].append(name)
    assert any(message in e for e in errors(tmp_path, doc))


def test_a_former_name_with_its_date_is_no_error(tmp_path: Path) -> None:
    doc = good()
    doc["persons"][0]["names"].append({"name": "Murat Example", "lang": "en", "kind": "former", "until": "2020-01"})
    assert errors(tmp_path, doc) == []
