"""`rollcall gazetteer duplicates` on the curated gazetteer with planted copies of curated
persons (in several scripts) and planted near-misses, through the CLI's JSON output."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rollcall.gazetteer import DEFAULT_SOURCES

ROLLCALL = str(Path(sys.executable).parent / "rollcall")
THRESHOLD = 0.5  # the command's default --min-score

# Copies of curated persons: (planted id, the curated person it copies).
DUPLICATES = {
    "rc-sergei-v-lavrov": "Q58217",  # the reported one: a middle initial, no Wikidata id
    "rc-shoigu-copy": "Q32024",  # Cyrillic only, surname first, with the patronymic
    "rc-araghchi-copy": "Q7459020",  # Persian script only
    "rc-zarif-copy": "Q10296812",  # "Mohammad J. Zarif": an initial for Javad
    "rc-wang-yi-copy": "Q701801",  # Chinese characters only
    "rc-peskov-copy": "rc-dmitry-peskov",  # same birth date and tenure
}
# Near-misses: (planted id, the curated person it must not be taken for).
NEAR_MISSES = {
    "rc-yang-ming": "rc-zhang-ming",  # 杨明 is not 张明 Zhang Ming (the phonetic key hears both as "jang ming")
    "rc-andrei-lavrov": "Q58217",  # same surname, same country
    "Q99999901": "Q7747",  # a namesake with another Wikidata id
    "rc-islam-karimov-1968": "Q57558",  # same name, born thirty years later
    "rc-mohammad-b-zarif": "rc-zarif-copy",  # middle initials disagree
}
PLANTED = [
    {"id": "rc-sergei-v-lavrov", "name": "Sergei V. Lavrov", "country": "RU"},
    {"id": "rc-shoigu-copy", "name": "Шойгу Сергей Кужугетович", "country": "RU", "birth_date": "1955-05-21",
     "names": [{"name": "Шойгу Сергей Кужугетович", "lang": "ru"}]},
    {"id": "rc-araghchi-copy", "name": "عباس عراقچی", "country": "IR", "names": [{"name": "عباس عراقچی", "lang": "fa"}]},
    {"id": "rc-zarif-copy", "name": "Mohammad J. Zarif", "country": "IR"},
    {"id": "rc-wang-yi-copy", "name": "王毅", "country": "CN", "names": [{"name": "王毅", "lang": "zh"}]},
    {"id": "rc-peskov-copy", "name": "Dmitriy Peskov", "country": "RU", "birth_date": "1967-10-17",
     "tenures": [{"post": "ru-presidential-press-secretary", "start": "2012-05-22", "source": "test"}]},
    {"id": "rc-yang-ming", "name": "杨明", "country": "CN", "names": [{"name": "杨明", "lang": "zh"}]},
    {"id": "rc-andrei-lavrov", "name": "Andrei Lavrov", "country": "RU"},
    {"id": "Q99999901", "name": "Vladimir Putin", "wikidata": "Q99999901", "country": "RU"},
    {"id": "rc-islam-karimov-1968", "name": "Islam Karimov", "country": "UZ", "birth_date": "1968-04-02"},
    {"id": "rc-mohammad-b-zarif", "name": "Mohammad B. Zarif", "country": "IR"},
]


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """Every pair the command scores (--min-score 0), best first."""
    tmp = tmp_path_factory.mktemp("duplicates")
    sources = tmp / "data"
    shutil.copytree(DEFAULT_SOURCES, sources)
    (sources / "planted.json").write_text(json.dumps({"persons": PLANTED}, ensure_ascii=False), encoding="utf-8")
    db = tmp / "g.db"
    built = subprocess.run([ROLLCALL, "gazetteer", "build", "--sources", str(sources), "--db", str(db)],
                           capture_output=True, timeout=300)
    assert built.returncode == 0, built.stderr.decode()
    out = subprocess.run([ROLLCALL, "gazetteer", "duplicates", "--db", str(db), "--json", "--min-score", "0",
                          "--limit", "100000"], capture_output=True, timeout=300)
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def _rank(pairs: list[dict], x: str, y: str) -> int | None:
    return next((i for i, p in enumerate(pairs) if {p["a"], p["b"]} == {x, y}), None)


def test_planted_duplicates_come_first(pairs: list[dict]) -> None:
    ranks = {copy: _rank(pairs, copy, person) for copy, person in DUPLICATES.items()}
    assert None not in ranks.values(), ranks
    assert all(pairs[r]["score"] >= THRESHOLD for r in ranks.values()), [pairs[r] for r in ranks.values()]
    # Above every pair involving a near-miss; the one with a birth date and a tenure first.
    near = [i for i, p in enumerate(pairs) if {p["a"], p["b"]} & NEAR_MISSES.keys()]
    assert max(ranks.values()) < min(near)
    assert min(ranks.values()) == ranks["rc-peskov-copy"]
    # The curated person, with its Wikidata id, is the one to keep: "merge a b".
    lavrov = pairs[ranks["rc-sergei-v-lavrov"]]
    assert (lavrov["a"], lavrov["b"]) == ("Q58217", "rc-sergei-v-lavrov")
    assert "same country RU" in lavrov["why"]


def test_near_misses_are_rejected(pairs: list[dict]) -> None:
    for planted, person in NEAR_MISSES.items():
        rank = _rank(pairs, planted, person)
        assert rank is None or pairs[rank]["score"] < THRESHOLD, pairs[rank]
    # Not 1.0 however alike the two sound: the surnames differ.
    zhang_yang = pairs[_rank(pairs, "rc-yang-ming", "rc-zhang-ming")]
    assert zhang_yang["score"] < 0.2 and "Chinese surnames differ" in zhang_yang["why"]
    # Never listed: two Wikidata ids, or births thirty years apart.
    assert _rank(pairs, "Q99999901", "Q7747") is None
    assert _rank(pairs, "rc-islam-karimov-1968", "Q57558") is None


def test_scores_rank_rather_than_saturate(pairs: list[dict]) -> None:
    scores = [pairs[_rank(pairs, copy, person)]["score"] for copy, person in DUPLICATES.items()]
    assert max(scores) < 1.0 and len(set(scores)) == len(scores)
