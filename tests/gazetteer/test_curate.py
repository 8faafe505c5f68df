"""Curating the source files: an edit is applied to a copy, the whole copy is validated, and
only then is the changed file renamed into place. A refused edit leaves every file as it was."""

import json
import shutil
from pathlib import Path

import pytest

from rollcall.gazetteer import DEFAULT_SOURCES, BuildError, Store, build_curated, load_sources
from rollcall.gazetteer.curate import CurationError, Curator, RebuildError, curate
from rollcall.gazetteer.sources import source_files


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_SOURCES, copy)
    return copy


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder, hidden ones too (a staged file left behind would show)."""
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def person(sources: Path, file: str, person_id: str) -> dict:
    doc = json.loads((sources / file).read_text(encoding="utf-8"))
    return next(p for p in doc["persons"] if p["id"] == person_id)


def test_a_failed_validation_leaves_every_file_untouched(sources: Path) -> None:
    before = snapshot(sources)
    # A second non-acting foreign minister of Russia while Lavrov holds the office.
    with pytest.raises(BuildError, match="same time"):
        Curator(sources).add_tenure("Q7747", "ru-foreign-minister", start="2020-01-01")
    assert snapshot(sources) == before


def test_a_refused_edit_writes_no_new_file(sources: Path) -> None:
    before = snapshot(sources)
    with pytest.raises(BuildError, match="not the Cyrl of"):  # a name in a script its language does not use
        Curator(sources).add_person("rc-anna-nowhere", "Anna Nowhere", country="KZ", lang="ru")
    with pytest.raises(BuildError, match="not an ISO 3166-1"):  # and no xx.json appears
        Curator(sources).add_person("rc-anna-nowhere", "Anna Nowhere", country="XX")
    assert snapshot(sources) == before


def test_an_edit_that_fails_half_way_writes_nothing(sources: Path) -> None:
    """merge edits two files and the redirects; the second edit finds nothing to merge."""
    before = snapshot(sources)
    with pytest.raises(CurationError, match="no person 'rc-nobody'"):
        Curator(sources).merge("Q58217", "rc-nobody")
    with pytest.raises(CurationError, match="exists already"):
        Curator(sources).add_person("Q58217", "Sergey Lavrov", country="RU")
    assert snapshot(sources) == before


def test_add_person_goes_to_the_country_file_sorted_and_valid(sources: Path) -> None:
    change = Curator(sources).add_person("rc-aigerim-test", "Aigerim Testova", country="kz", birth_date="1980")
    assert change.file == "kz.json"
    doc = json.loads((sources / "kz.json").read_text(encoding="utf-8"))
    ids = [p["id"] for p in doc["persons"]]
    assert "rc-aigerim-test" in ids and ids == sorted(ids)
    added = person(sources, "kz.json", "rc-aigerim-test")
    assert added["country"] == "KZ" and added["birth_date"] == "1980"
    assert added["names"] == [{"name": "Aigerim Testova", "lang": "en"}]
    assert (sources / "kz.json").read_text(encoding="utf-8").endswith("}\n")
    assert not [p for p in sources.iterdir() if p.name.startswith(".")]  # no staged file left
    gaz = load_sources(source_files(sources))
    assert "rc-aigerim-test" in gaz.persons


def test_a_person_without_a_country_goes_to_misc(sources: Path) -> None:
    assert not (sources / "misc.json").exists()
    assert Curator(sources).add_person("rc-no-country", "Nobody Special").file == "misc.json"
    assert person(sources, "misc.json", "rc-no-country")["name"] == "Nobody Special"


def test_add_and_remove_an_alias(sources: Path) -> None:
    curator = Curator(sources)
    change = curator.add_alias("Q58217", "  Сергей Лаврофф ", lang="ru", kind="transliteration")
    assert change.file == "ru.json" and change.detail["script"] == "Cyrillic"
    names = person(sources, "ru.json", "Q58217")["names"]
    assert {"name": "Сергей Лаврофф", "lang": "ru", "kind": "transliteration"} in names
    with pytest.raises(CurationError, match="already has the alias"):
        curator.add_alias("Q58217", "Сергей Лаврофф", lang="ru")
    with pytest.raises(CurationError, match="kind 'nickname'"):
        curator.add_alias("Q58217", "Serge", lang="en", kind="nickname")
    assert curator.remove_alias("Q58217", "Сергей Лаврофф").detail["count"] == 1
    assert person(sources, "ru.json", "Q58217")["names"] == [n for n in names if n["name"] != "Сергей Лаврофф"]
    with pytest.raises(CurationError, match="has no alias"):
        curator.remove_alias("Q58217", "Сергей Лаврофф")


def test_add_post_goes_to_its_organization_file(sources: Path) -> None:
    change = Curator(sources).add_post("sco-test-envoy", "Special Envoy of the SCO", role_type="official",
                                       organization="sco")
    assert change.file == "sco.json"
    doc = json.loads((sources / "sco.json").read_text(encoding="utf-8"))
    assert doc["posts"] == [{"id": "sco-test-envoy", "label": "Special Envoy of the SCO", "role_type": "official",
                             "organization": "sco", "labels": [{"name": "Special Envoy of the SCO", "lang": "en"}]}]
    with pytest.raises(CurationError, match="role type"):
        Curator(sources).add_post("kz-x", "X", role_type="king", country="KZ")


def test_a_tenure_added_then_ended(sources: Path) -> None:
    curator = Curator(sources)
    curator.add_person("rc-aigerim-test", "Aigerim Testova", country="KZ")
    curator.add_post("kz-test-envoy", "Special Envoy of Kazakhstan", role_type="official", country="KZ")
    curator.add_tenure("rc-aigerim-test", "kz-test-envoy", start="2024-03-01", acting=True, source="decree")
    assert person(sources, "kz.json", "rc-aigerim-test")["tenures"] == [
        {"post": "kz-test-envoy", "start": "2024-03-01", "acting": True, "source": "decree"}]
    curator.end_tenure("rc-aigerim-test", "kz-test-envoy", end="2025-06-30")
    assert person(sources, "kz.json", "rc-aigerim-test")["tenures"][0]["end"] == "2025-06-30"
    with pytest.raises(CurationError, match="0 open tenures"):
        curator.end_tenure("rc-aigerim-test", "kz-test-envoy", end="2025-07-01")
    with pytest.raises(CurationError, match="does not exist"):
        curator.add_tenure("rc-aigerim-test", "kz-test-envoy", start="2025-02-30")


def test_merge_moves_names_and_tenures_and_leaves_a_redirect(sources: Path) -> None:
    curator = Curator(sources)
    curator.add_person("rc-lavrov-dup", "S. V. Lavrov", country="KZ")  # another file than Q58217's
    tenures_before = len(person(sources, "ru.json", "Q58217")["tenures"])
    change = curator.merge("Q58217", "rc-lavrov-dup")
    assert change.detail["kept"] == "Q58217" and change.detail["retired"] == "rc-lavrov-dup"
    kept = person(sources, "ru.json", "Q58217")
    assert any(n["name"] == "S. V. Lavrov" for n in kept["names"]) and len(kept["tenures"]) == tenures_before
    doc = json.loads((sources / "kz.json").read_text(encoding="utf-8"))
    assert "rc-lavrov-dup" not in {p["id"] for p in doc["persons"]}
    redirects = json.loads((sources / "redirects.json").read_text(encoding="utf-8"))["redirects"]
    assert {"from": "rc-lavrov-dup", "to": "Q58217"} in redirects
    with pytest.raises(CurationError, match="into itself"):
        curator.merge("Q58217", "Q58217")


def test_curate_edits_then_rebuilds_the_database(sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    build_curated(db, sources)
    change = curate(Curator(sources), db, "add_alias", person_id="Q58217", name="Lavrov-Test", lang="en",
                    kind=None)  # None: the method's default
    assert change.action == "added alias" and "kind" not in change.detail
    store = Store(db)
    assert "Lavrov-Test" in {n.name for n in store.person("Q58217").names}
    store.close()


def test_curate_says_when_the_files_changed_but_the_rebuild_failed(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(RebuildError, match="added alias in ru.json.*but the rebuild of") as err:
        curate(Curator(sources), folder, "add_alias", person_id="Q58217", name="Lavrov-Test", lang="en")
    assert err.value.db == folder
    assert "Lavrov-Test" in (sources / "ru.json").read_text(encoding="utf-8")


def test_curate_accepts_only_edits(sources: Path, tmp_path: Path) -> None:
    with pytest.raises(CurationError, match="no such edit"):
        curate(Curator(sources), tmp_path / "g.db", "_commit")


def test_a_missing_folder_is_refused() -> None:
    with pytest.raises(CurationError, match="no such folder"):
        Curator(Path("/nonexistent/rollcall-sources"))
