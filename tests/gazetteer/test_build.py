"""Building from curated files: validation, atomic writes, and the curated content."""

import json
import sqlite3
from pathlib import Path

import pytest

from rollcall.gazetteer import BuildError, SourceError, Store, build_curated

GOOD = {
    "countries": [{"code": "RU", "names": [{"name": "Russia", "lang": "en"}]}],
    "posts": [{"id": "ru-foreign-minister", "role_type": "foreign_minister", "country": "RU",
               "labels": [{"name": "Minister of Foreign Affairs of Russia", "lang": "en"}]}],
    "persons": [{"id": "Q58217", "name": "Sergey Lavrov", "wikidata": "Q58217", "country": "RU",
                 "names": [{"name": "Сергей Лавров", "lang": "ru", "kind": "native"}],
                 "tenures": [{"post": "ru-foreign-minister", "start": "2004-03-09"}]}],
}


def write_sources(directory: Path, doc: dict | str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    text = doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False, indent=2)
    (directory / "ru.json").write_text(text, encoding="utf-8")
    return directory


def test_build_writes_a_readable_database(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    build_curated(db, write_sources(tmp_path / "src", GOOD))
    store = Store(db)
    assert store.person("Q58217").name == "Sergey Lavrov"
    [office] = store.offices("Q58217", "2024-05-21")
    assert (office.post_id, office.start, office.end) == ("ru-foreign-minister", "2004-03-09", "")
    assert store.offices("Q58217", "2000-01-01") == []


def test_malformed_json_reports_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    text = json.dumps(GOOD, indent=2).replace('"Sergey Lavrov",', '"Sergey Lavrov"', 1)
    with pytest.raises(SourceError, match=r"ru\.json:\d+: invalid JSON"):
        build_curated(db, write_sources(tmp_path / "src", text))
    assert not db.exists()


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["persons"][0]["tenures"][0].update(start="2004-02-30"), "does not exist"),
        (lambda d: d["persons"][0]["tenures"][0].update(end="2001-01-01"), "ends .* before it starts"),
        (lambda d: d["persons"][0]["tenures"][0].update(post="ru-nothing"), "unknown post"),
        (lambda d: d["persons"][0]["names"][0].update(lang="Russian"), "not BCP-47"),
        (lambda d: d["persons"][0]["names"][0].update(kind="nickname"), "unknown kind"),
        (lambda d: d["persons"][0].update(wikidata="58217"), "not a Q-id"),
    ],
)
def test_invalid_content_stops_the_build(tmp_path: Path, mutate, message: str) -> None:
    doc = json.loads(json.dumps(GOOD))
    mutate(doc)
    with pytest.raises(BuildError, match=message):
        build_curated(tmp_path / "g.db", write_sources(tmp_path / "src", doc))


def test_a_failed_build_leaves_the_previous_database_untouched(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    build_curated(db, write_sources(tmp_path / "src", GOOD))
    before = db.read_bytes()
    bad = json.loads(json.dumps(GOOD))
    bad["persons"][0]["tenures"][0]["start"] = "not a date"
    with pytest.raises(BuildError):
        build_curated(db, write_sources(tmp_path / "src", bad))
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_person_in_two_files_is_merged(tmp_path: Path) -> None:
    src = write_sources(tmp_path / "src", GOOD)
    other = {"persons": [{"id": "Q58217", "name": "Sergey Lavrov",
                          "names": [{"name": "拉夫罗夫", "lang": "zh", "kind": "short"}]}]}
    (src / "zz.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    build_curated(tmp_path / "g.db", src)
    names = {n.name for n in Store(tmp_path / "g.db").person("Q58217").names}
    assert {"Сергей Лавров", "拉夫罗夫"} <= names


def test_the_curated_gazetteer_builds_and_covers_the_sco(curated_db: Path) -> None:
    conn = sqlite3.connect(curated_db)
    role_holders = dict(conn.execute(
        "select p.country || ':' || p.role_type, count(*) from memberships m "
        "join posts p on p.id = m.post_id group by 1"
    ).fetchall())
    for country in ("CN", "IN", "IR", "KZ", "KG", "PK", "RU", "TJ", "UZ", "BY"):
        assert role_holders.get(f"{country}:foreign_minister", 0) >= 1, country
        assert role_holders.get(f"{country}:head_of_state", 0) >= 1, country
        assert role_holders.get(f"{country}:head_of_government", 0) >= 1, country
    scripts = {r[0] for r in conn.execute("select distinct script from names")}
    assert {"Latin", "Cyrillic", "Arabic", "Han", "Devanagari"} <= scripts


@pytest.mark.parametrize(
    "person_id, date, post_id",
    [
        ("Q58217", "2024-05-21", "ru-foreign-minister"),
        ("Q66648657", "2024-05-21", "kz-foreign-minister"),
        ("Q3155254", "2024-05-21", "pk-foreign-minister"),
        ("Q18198123", "2021-07-14", "tj-foreign-minister"),
        ("Q5703610", "2024-07-04", "ir-president"),
    ],
)
def test_curated_offices_on_seed_dates(engine, person_id: str, date: str, post_id: str) -> None:
    assert post_id in {o.post_id for o in engine.store.offices(person_id, date)}


def test_a_person_twice_in_one_file_is_an_error(tmp_path: Path) -> None:
    doc = json.loads(json.dumps(GOOD))
    doc["persons"].append(dict(doc["persons"][0]))
    with pytest.raises(SourceError, match=r"ru\.json:\d+: Q58217: person defined twice"):
        build_curated(tmp_path / "g.db", write_sources(tmp_path / "src", doc))
