"""Popolo import: the two shared files load, persons merge by Wikidata id, bad input fails."""

import json
import sqlite3
from pathlib import Path

import pytest

from rollcall.gazetteer import PopoloError, Store, build_curated, import_file


def count(db: Path, table: str) -> int:
    return sqlite3.connect(db).execute(f"select count(*) from {table}").fetchone()[0]


def test_officials_and_everypolitician_import_into_one_database(tmp_path: Path, shared_data: Path) -> None:
    db = tmp_path / "all.db"
    first = import_file(db, shared_data / "officials-2022" / "officials.popolo.json")
    assert first.persons_added == 16109 and count(db, "persons") == 16109
    assert first.tenures_added > 21000
    second = import_file(db, shared_data / "everypolitician-2015" / "gazetteer.popolo.json")
    # The two files share some persons (Wikidata ids): those merge instead of duplicating.
    assert second.persons_merged > 0
    assert count(db, "persons") == 16109 + second.persons_added
    assert second.persons_added + second.persons_merged == 9628
    # Putin's presidency from the officials data is there with its dates.
    store = Store(db)
    assert any(o.post == "President of Russia" for o in store.offices("Q7747", "2024-01-01"))


def test_curated_build_with_popolo_merges_by_wikidata(tmp_path: Path, shared_data: Path) -> None:
    db = tmp_path / "g.db"
    gaz, [(_, summary)] = build_curated(db, with_popolo=[shared_data / "officials-2022" / "officials.popolo.json"])
    assert summary.persons_merged >= 50  # curated officials with Q-ids absorb their imports
    store = Store(db)
    lavrov = store.person("Q58217")
    assert lavrov is not None and any(n.lang == "ru" for n in lavrov.names)
    # Imported posts with the curated post's Wikidata id land on the curated post.
    posts = {o.post_id for o in store.offices("Q58217")}
    assert "ru-foreign-minister" in posts


def test_reimport_adds_no_duplicate_tenures(tmp_path: Path) -> None:
    doc = {
        "persons": [{"id": "Q1", "name": "Anna Example", "identifiers": [{"scheme": "wikidata", "identifier": "Q1"}]}],
        "organizations": [{"id": "org1", "name": "Parliament", "classification": "legislature"}],
        "memberships": [{"person_id": "Q1", "organization_id": "org1", "start_date": "2015", "end_date": "2010s"}],
    }
    src = tmp_path / "p.json"
    src.write_text(json.dumps(doc))
    db = tmp_path / "g.db"
    assert import_file(db, src).tenures_added == 1
    again = import_file(db, src)
    assert (again.persons_merged, again.tenures_added, again.tenures_duplicate) == (1, 0, 1)
    assert count(db, "memberships") == 1
    # A decade end becomes the decade's last year.
    assert sqlite3.connect(db).execute("select end_date from memberships").fetchone()[0] == "2019"


@pytest.mark.parametrize("content", ["{not json", "[]", '{"persons": 5}', "\udcff"])
def test_not_popolo_is_an_error_and_writes_nothing(tmp_path: Path, content: str) -> None:
    src = tmp_path / "bad.json"
    src.write_bytes(content.encode("utf-8", "surrogateescape"))
    db = tmp_path / "g.db"
    with pytest.raises(PopoloError):
        import_file(db, src)
    assert not db.exists()
