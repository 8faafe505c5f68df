"""`rollcall gazetteer stats` as a curator reads it: coverage per country and office type,
vacancies and gaps, on a small gazetteer with planted holes."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from wcwidth import wcswidth

from rollcall.gazetteer import Store, build_curated
from rollcall.gazetteer.stats import coverage_report

ROLLCALL = str(Path(sys.executable).parent / "rollcall")
DATE = "2024-05-21"


def _person(pid: str, name: str, country: str, *tenures: dict) -> dict:
    return {"id": pid, "name": name, "country": country, "names": [{"name": name, "lang": "en"}],
            "tenures": [{"source": "test", **t} for t in tenures]}


def _post(pid: str, role_type: str, label: str, **where: str) -> dict:
    return {"id": pid, "role_type": role_type, **where, "labels": [{"name": label, "lang": "en"}]}


KZ = {
    "countries": [{"code": "KZ", "names": [{"name": "Kazakhstan", "lang": "en"}]}],
    "posts": [
        _post("kz-head-of-state", "head_of_state", "President of Kazakhstan", country="KZ"),
        _post("kz-foreign-minister", "foreign_minister", "Minister of Foreign Affairs of Kazakhstan", country="KZ"),
        _post("kz-defence-minister", "defence_minister", "Minister of Defence of Kazakhstan", country="KZ"),
    ],
    "persons": [
        # A handover of three days (2019-03-19 → 2019-03-23) is no gap.
        _person("rc-kz-president-one", "President One", "KZ", {"post": "kz-head-of-state", "end": "2019-03-19"}),
        _person("rc-kz-president-two", "President Two", "KZ", {"post": "kz-head-of-state", "start": "2019-03-23"}),
        # The planted gap: nobody from 2016-01-01 to 2016-03-15.
        _person("rc-kz-fm-one", "Minister One", "KZ",
                {"post": "kz-foreign-minister", "start": "2014-09", "end": "2015-12-31"}),
        _person("rc-kz-fm-two", "Minister Two", "KZ", {"post": "kz-foreign-minister", "start": "2016-03-16"}),
        # The planted vacancy: the office is empty on DATE until 2024-09-01.
        _person("rc-kz-dm-one", "Defender One", "KZ",
                {"post": "kz-defence-minister", "start": "2015-01-01", "end": "2023-12-31"}),
        _person("rc-kz-dm-two", "Defender Two", "KZ", {"post": "kz-defence-minister", "start": "2024-09-01"}),
    ],
}
RU = {
    "countries": [{"code": "RU", "names": [{"name": "Russia", "lang": "en"}]}],
    "posts": [_post("ru-foreign-minister", "foreign_minister", "Minister of Foreign Affairs of Russia", country="RU")],
    "persons": [_person("Q58217", "Sergey Lavrov", "RU", {"post": "ru-foreign-minister", "start": "2004-03-09"})],
}
SCO = {
    "organizations": [{"id": "sco", "classification": "international_organization",
                       "names": [{"name": "Shanghai Cooperation Organisation", "lang": "en"}]}],
    "posts": [_post("sco-secretary-general", "secretary_general", "Secretary-General of the SCO",
                    organization="sco")],
    "persons": [_person("rc-sco-sg", "Secretary General", "RU", {"post": "sco-secretary-general", "start": "2022-01-01"})],
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("stats") / "src"
    src.mkdir()
    for name, doc in (("kz", KZ), ("ru", RU), ("international", SCO)):
        (src / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    path = src.parent / "g.db"
    build_curated(path, src)
    return path


def stats(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([ROLLCALL, "gazetteer", "stats", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def cells(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


def rows_after(text: str, heading: str) -> list[str]:
    """The table under the line starting with `heading`: its header row ("area ...") first."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    header = next(i for i in range(start, len(lines)) if lines[i].startswith("area"))
    end = next((i for i in range(header, len(lines)) if not lines[i].strip()), len(lines))
    return lines[header:end]


def test_coverage_table_shows_first_holder_coverage_and_the_gap(db: Path) -> None:
    out = stats(db, "--date", DATE)
    assert out.returncode == 0, out.stderr
    table = rows_after(out.stdout, f"coverage on {DATE}")
    assert cells(table[0]) == ["area", "persons", "all posts", "office type", "posts", "held",
                               "first held", "covered since", "gaps since 2015"]
    assert [cells(r) for r in table[1:4]] == [
        ["KZ", "6", "3", "head of state", "1", "1", "?", "?", "-"],
        ["foreign minister", "1", "1", "2014-09", "2016-03-16", "2016-01-01..2016-03-15"],
        ["defence minister", "1", "0", "2015-01-01", "-", "-"],
    ]
    assert cells(table[4]) == ["RU", "2", "1", "foreign minister", "1", "1", "2004-03-09", "2004-03-09", "-"]
    # An international post is counted under its organization; its persons are its holders.
    assert cells(table[5]) == ["sco", "1", "1", "secretary general", "1", "1", "2022-01-01", "2022-01-01", "-"]


def test_coverage_columns_line_up(db: Path) -> None:
    table = rows_after(stats(db, "--date", DATE).stdout, f"coverage on {DATE}")
    starts = {wcswidth(line[: line.index(word)]) for line, word in zip(
        table, ["office type", "head of state", "foreign minister", "defence minister", "foreign minister"])}
    assert len(starts) == 1, table


def test_vacancy_says_when_the_office_was_last_and_is_next_held(db: Path) -> None:
    out = stats(db, "--date", DATE).stdout
    assert f"offices with no holder on {DATE}: 1" in out
    [header, row] = rows_after(out, "offices with no holder")
    assert cells(header) == ["area", "office type", "post", "last held until", "next from", "label"]
    assert cells(row) == ["KZ", "defence minister", "kz-defence-minister", "2023-12-31", "2024-09-01",
                          "Minister of Defence of Kazakhstan"]


def test_gaps_list_names_the_post_and_its_length(db: Path) -> None:
    out = stats(db, "--date", DATE).stdout
    assert "gaps of more than 7 days between holders since 2015-01-01: 1" in out
    [_, row] = rows_after(out, "gaps of more than")
    assert cells(row) == ["KZ", "foreign minister", "kz-foreign-minister", "2016-01-01", "2016-03-15", "75",
                          "Minister of Foreign Affairs of Kazakhstan"]


def test_the_vacancy_is_filled_on_a_later_date(db: Path) -> None:
    out = stats(db, "--date", "2024-10-01", "--country", "KZ").stdout
    assert "offices with no holder on 2024-10-01: none" in out
    # Once filled, the vacancy is a gap behind the new holder, and coverage starts with them.
    assert ["defence minister", "1", "1", "2015-01-01", "2024-09-01", "2024-01-01..2024-08-31"] in [
        cells(r) for r in out.splitlines()]


def test_one_country_json_has_the_tables_content(db: Path) -> None:
    out = stats(db, "--date", DATE, "--country", "kz", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert (doc["date"], doc["gap_days"], doc["gaps_since"]) == (DATE, 7, "2015-01-01")
    [kz] = doc["coverage"]
    assert (kz["area"], kz["kind"], kz["persons"], kz["posts"]) == ("KZ", "country", 6, 3)
    fm = next(o for o in kz["offices"] if o["role_type"] == "foreign_minister")
    gap = {"post_id": "kz-foreign-minister", "from": "2016-01-01", "to": "2016-03-15", "days": 75}
    assert fm == {"role_type": "foreign_minister", "posts": 1, "held": 1, "first_held": "2014-09",
                  "covered_since": "2016-03-16", "gaps": [gap]}
    assert doc["vacancies"] == [{"area": "KZ", "role_type": "defence_minister", "post_id": "kz-defence-minister",
                                 "label": "Minister of Defence of Kazakhstan", "last_held_until": "2023-12-31",
                                 "next_held_from": "2024-09-01"}]
    assert doc["gaps"] == [{"area": "KZ", "role_type": "foreign_minister",
                            "label": "Minister of Foreign Affairs of Kazakhstan", **gap}]


def test_whole_gazetteer_json_keeps_the_totals(db: Path) -> None:
    doc = json.loads(stats(db, "--date", DATE, "--json").stdout)
    assert (doc["persons"], doc["posts"], doc["today"], doc["date"]) == (8, 5, DATE, DATE)
    assert doc["current_holders"]["without_holder"] == ["kz-defence-minister (Minister of Defence of Kazakhstan)"]
    assert [a["area"] for a in doc["coverage"]] == ["KZ", "RU", "sco"]


def test_one_country_shows_only_that_country(db: Path) -> None:
    out = stats(db, "--date", DATE, "--country", "RU").stdout
    assert "persons 8" not in out and "aliases per script" not in out
    table = rows_after(out, f"coverage on {DATE}")
    assert [cells(r)[0] for r in table] == ["area", "RU"]
    assert "offices with no holder on 2024-05-21: none" in out


def test_an_organization_is_a_country_for_this_option(db: Path) -> None:
    doc = json.loads(stats(db, "--date", DATE, "--country", "SCO", "--json").stdout)
    assert [(a["area"], a["kind"]) for a in doc["coverage"]] == [("sco", "organization")]


def test_today_is_the_old_name_of_date(db: Path) -> None:
    assert stats(db, "--today", DATE, "--json").stdout == stats(db, "--date", DATE, "--json").stdout


@pytest.mark.parametrize("args, message", [
    (("--date", "2024-13-01"), "does not exist"),
    (("--date", "2024-02-30"), "does not exist"),
    (("--date", "21.05.2024"), "not an ISO date"),
    (("--today", "2024-05"), "not an ISO date"),
    (("--country", "XX"), "no persons or posts of 'XX'"),
], ids=["month-13", "feb-30", "german-order", "month-only", "unknown-country"])
def test_bad_input_is_an_error_not_a_traceback(db: Path, args: tuple[str, ...], message: str) -> None:
    out = stats(db, *args)
    assert out.returncode == 2
    assert out.stderr.startswith("rollcall: error: ") and message in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


@pytest.mark.parametrize("tenures, covered_since, gaps", [
    ([("2015-01-01", "2015-12"), ("2016-01-05", "")], "2015-01-01", []),  # a month end covers the month
    ([("2015", "2016"), ("2017-02-01", "")], "2017-02-01", [("2017-01-01", "2017-01-31")]),
    ([("", "2016-07-22"), ("2016-07-23", "")], "?", []),  # held since an unrecorded date
    ([("2010-01-01", "2014-06-30"), ("2014-09-01", "")], "2014-09-01", []),  # before 2015: out of scope
    ([("2015-01-01", "2020-12-31"), ("2016-01-01", "2016-02-01"), ("2021-03-01", "")],
     "2021-03-01", [("2021-01-01", "2021-02-28")]),  # an overlapping acting holder changes nothing
], ids=["month-end", "year-end", "no-start", "before-2015", "overlap"])
def test_chains_read_partial_and_missing_dates_as_the_matcher_does(
        tmp_path: Path, tenures: list[tuple[str, str]], covered_since: str, gaps: list[tuple[str, str]]) -> None:
    doc = {"countries": KZ["countries"], "posts": [KZ["posts"][1]], "persons": [
        _person(f"rc-holder-{i}", f"Holder {chr(65 + i)}", "KZ",
                {"post": "kz-foreign-minister", **({"start": s} if s else {}), **({"end": e} if e else {}),
                 **({"acting": True} if i == 1 and len(tenures) == 3 else {})})
        for i, (s, e) in enumerate(tenures)]}
    (tmp_path / "kz.json").write_text(json.dumps(doc), encoding="utf-8")
    build_curated(tmp_path / "g.db", tmp_path)
    store = Store(tmp_path / "g.db")
    [office] = coverage_report(store, DATE, "KZ")["coverage"][0]["offices"]
    store.close()
    assert office["covered_since"] == covered_since
    assert [(g["from"], g["to"]) for g in office["gaps"]] == gaps
