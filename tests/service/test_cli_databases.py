"""What `rollcall gazetteer build/import-popolo/export-popolo` do to the files a user points
them at: imports survive a rebuild, foreign files are never overwritten, bad paths are errors."""

import json
import os
import stat
import sqlite3
from pathlib import Path

import pytest

from tests.service.runner import rollcall

POPOLO = {
    "persons": [
        {"id": "p1", "name": "Aigerim Importova", "identifiers": [{"scheme": "wikidata", "identifier": "Q999999901"}]},
        {"id": "p2", "name": "Bolat Importov"},
    ],
    "organizations": [], "posts": [], "memberships": [],
}


@pytest.fixture()
def popolo(tmp_path: Path) -> Path:
    path = tmp_path / "extra.popolo.json"
    path.write_text(json.dumps(POPOLO), encoding="utf-8")
    return path


def persons(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("select name from persons")}


def test_build_keeps_what_was_imported_into_the_database(tmp_path: Path, popolo: Path) -> None:
    db = tmp_path / "g.db"
    imported = {"Aigerim Importova", "Bolat Importov"}
    assert rollcall("gazetteer", "build", "--db", str(db)).returncode == 0
    assert rollcall("gazetteer", "import-popolo", str(popolo), "--db", str(db)).returncode == 0
    assert imported <= persons(db) and "Sergey Lavrov" in persons(db)

    rebuilt = rollcall("gazetteer", "build", "--db", str(db))
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert imported <= persons(db) and "Sergey Lavrov" in persons(db)
    assert f"with {popolo}: 2 persons added" in rebuilt.stdout

    dropped = rollcall("gazetteer", "build", "--drop-imports", "--db", str(db))
    assert dropped.returncode == 0
    assert not imported & persons(db) and "Sergey Lavrov" in persons(db)


def test_build_refuses_when_an_imported_file_is_gone(tmp_path: Path, popolo: Path) -> None:
    db = tmp_path / "g.db"
    assert rollcall("gazetteer", "build", "--with", str(popolo), "--db", str(db)).returncode == 0
    before = db.read_bytes()
    popolo.unlink()
    out = rollcall("gazetteer", "build", "--db", str(db))
    assert out.returncode == 2
    assert "--drop-imports" in out.stderr and str(popolo) in out.stderr
    assert db.read_bytes() == before


def test_build_never_overwrites_a_file_that_is_not_a_gazetteer(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    out = rollcall("gazetteer", "build", "--db", str(notes))
    assert out.returncode == 2 and "not a rollcall gazetteer" in out.stderr
    assert notes.read_text() == "my notes\n"


@pytest.mark.parametrize("command", ["build", "import-popolo", "export-popolo"])
@pytest.mark.parametrize("where", ["directory", "unwritable"])
def test_bad_paths_are_errors_not_tracebacks(tmp_path: Path, curated_db: Path, popolo: Path,
                                             command: str, where: str) -> None:
    (tmp_path / "adir").mkdir()
    # /proc refuses new files even to root, which a read-only directory does not.
    bad = tmp_path / "adir" if where == "directory" else Path("/proc/rollcall-test/g.db")
    args = {"build": ["build", "--db", str(bad)],
            "import-popolo": ["import-popolo", str(popolo), "--db", str(bad)],
            "export-popolo": ["export-popolo", str(bad), "--db", str(curated_db)]}[command]
    out = rollcall("gazetteer", *args)
    err = out.stderr
    assert out.returncode == 2 and err.startswith("rollcall: error:"), err
    assert str(bad) in err and "Traceback" not in err


def test_a_new_database_gets_its_folders(tmp_path: Path, popolo: Path) -> None:
    db = tmp_path / "no" / "such" / "dir" / "g.db"
    out = rollcall("gazetteer", "import-popolo", str(popolo), "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert persons(db) == {"Aigerim Importova", "Bolat Importov"}


def test_export_creates_its_folder_and_a_readable_file(tmp_path: Path, curated_db: Path) -> None:
    target = tmp_path / "new" / "out.popolo.json"
    out = rollcall("gazetteer", "export-popolo", str(target), "--db", str(curated_db))
    assert out.returncode == 0, out.stderr
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert len(json.loads(target.read_text())["persons"]) > 300


def test_stats_counts_the_aliases_a_server_indexes(curated_db: Path) -> None:
    from rollcall.gazetteer import Store

    stats = json.loads(rollcall("gazetteer", "stats", "--json", "--db", str(curated_db)).stdout)
    store = Store(curated_db)
    assert stats["aliases"] == len(store.matcher_aliases())
    assert sum(stats["aliases_per_script"].values()) == stats["aliases"]
    store.close()
