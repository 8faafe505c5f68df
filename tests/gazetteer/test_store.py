"""The SQLite store: a gazetteer written whole or not at all, read back as written, and a
clear StoreError for anything that is not a database of this schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rollcall.gazetteer import Store, StoreError, read_gazetteer, write_atomically
from rollcall.gazetteer.model import Country, Gazetteer, Name, Person, Post, Tenure
from rollcall.gazetteer import store_writer
from rollcall.gazetteer.store import SCHEMA_VERSION, read_meta
from rollcall.gazetteer.stored_index import load_name_index
from rollcall.resolvers import Query, match


def small_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    gaz.countries["RU"] = Country("RU", "Q159", [Name("Russia", "en")])
    gaz.countries["KG"] = Country("KG", "Q813", [Name("Kyrgyzstan", "en")])
    gaz.persons["Q58217"] = Person("Q58217", "Sergey Lavrov", "Q58217", "RU", "male", "1950-03-21",
                                   [Name("Сергей Лавров", "ru"), Name("Sergej Lawrow", "de")])
    gaz.persons["Q7390"] = Person("Q7390", "Sadyr Japarov", "Q7390", "KG", names=[Name("Садыр Жапаров", "ky")])
    gaz.persons["rc-lavrov-copy"] = Person("rc-lavrov-copy", "S. Lavrov")
    gaz.posts["ru-foreign-minister"] = Post("ru-foreign-minister", "Minister of Foreign Affairs of Russia",
                                            "foreign_minister", "RU", labels=[Name("министр иностранных дел", "ru")])
    gaz.posts["kg-head-of-state"] = Post("kg-head-of-state", "President of Kyrgyzstan", "head_of_state", "KG")
    gaz.tenures = [Tenure("Q58217", "ru-foreign-minister", start="2004-03-09"),
                   Tenure("Q7390", "kg-head-of-state", start="2021-01-28")]
    gaz.redirects = {"rc-old-lavrov": "Q58217"}
    return gaz


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    write_atomically(path, small_gazetteer(), {"source": "test"})
    return path


def test_what_is_written_is_read(db: Path) -> None:
    store = Store(db)
    assert store.meta()["schema"] == SCHEMA_VERSION and store.meta()["source"] == "test"
    lavrov = store.person("Q58217")
    assert lavrov is not None and lavrov.country == "RU" and lavrov.birth_date == "1950-03-21"
    assert [(n.name, n.lang, n.script) for n in lavrov.names] == [
        ("Сергей Лавров", "ru", "Cyrillic"), ("Sergej Lawrow", "de", "Latin")]
    assert store.person("rc-old-lavrov") == lavrov  # a redirect answers as its target
    assert store.resolve_id("rc-old-lavrov") == "Q58217" and store.person("Q404") is None
    assert [o.post_id for o in store.offices("Q58217", "2020-01-01")] == ["ru-foreign-minister"]
    assert store.offices("Q58217", "2003-12-31") == []
    assert store.wikidata_of(["Q58217", "rc-lavrov-copy"]) == {"Q58217": "Q58217"}
    assert len(store.matcher_persons()) == 3
    aliases = {(a.person_id, a.name) for a in store.matcher_aliases()}
    assert ("rc-lavrov-copy", "S. Lavrov") in aliases and ("Q58217", "Sergej Lawrow") in aliases


def test_the_stored_index_answers_queries(db: Path) -> None:
    index = load_name_index(Store(db))
    assert match(index, Query("Сергей Лавров", "ru")).candidates[0].person_id == "Q58217"
    answer = match(index, Query("Japarow", "de", date="2024-07-04", role="President"))
    assert answer.candidates[0].person_id == "Q7390"


def test_read_back_whole_equals_what_was_written(db: Path) -> None:
    back = read_gazetteer(db)
    written = small_gazetteer()
    assert back.persons["Q58217"].names[0].name == "Сергей Лавров"
    assert {p: (v.name, v.country, v.wikidata) for p, v in back.persons.items()} == \
        {p: (v.name, v.country, v.wikidata) for p, v in written.persons.items()}
    assert back.tenures == written.tenures and back.redirects == written.redirects
    assert set(back.posts) == set(written.posts)


def test_a_failed_write_leaves_the_old_database_and_no_temporary_file(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails after the tables are written (here: while the name index is
    stored) changes nothing."""
    before = db.read_bytes()

    def disk_full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_writer, "write_index", disk_full)
    bigger = small_gazetteer()
    bigger.persons["Q1"] = Person("Q1", "Someone Else")
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        write_atomically(db, bigger, {})
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir()] == [db.name]


def test_what_is_not_a_database_of_this_schema_is_a_clear_error(tmp_path: Path, db: Path) -> None:
    with pytest.raises(StoreError, match="no gazetteer database at .*rollcall gazetteer build"):
        Store(tmp_path / "missing.db")
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    with pytest.raises(StoreError, match="not a rollcall gazetteer"):
        Store(text)
    assert read_meta(text) is None and read_meta(tmp_path) is None
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table meta (key text, value text)")
        conn.execute("insert into meta values ('schema', '1')")
    with pytest.raises(StoreError, match="has schema 1, expected"):
        Store(other)
    assert read_meta(other) == {"schema": "1"}


def test_a_closed_store_says_so(db: Path) -> None:
    store = Store(db)
    store.close()
    with pytest.raises(StoreError, match="is closed"):
        store.person("Q58217")
