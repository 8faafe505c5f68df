"""The synthetic gazetteer of the scale run: reproducible, realistic, and answerable."""

import json
import subprocess
import sys
from pathlib import Path

from rollcall.service.lab.scale import synthetic_gazetteer
from tests.conftest import SHARED


def test_the_synthetic_gazetteer_is_reproducible_and_written_in_four_scripts() -> None:
    gaz, queries = synthetic_gazetteer(SHARED, 4_000)
    again, queries_again = synthetic_gazetteer(SHARED, 4_000)
    assert gaz == again and queries == queries_again
    assert len(gaz.persons) == 1_000
    person = next(iter(gaz.persons.values()))
    assert [n.lang for n in person.names] == ["", "ru", "ar", "el"]
    assert all(q["expected"] in gaz.persons for q in queries)
    # queries are other spellings, never the stored Latin name itself
    assert not any(q["query"] == gaz.persons[q["expected"]].name for q in queries)


def test_scale_build_then_query_reports_figures(tmp_path: Path) -> None:
    db, queries = tmp_path / "scale.db", tmp_path / "q.jsonl"
    step = [sys.executable, "-m", "rollcall.service.lab.scale"]
    built = json.loads(subprocess.run([*step, "build", "--shared", str(SHARED), "--aliases", "4000",
                                       "--db", str(db), "--queries", str(queries)],
                                      check=True, capture_output=True, text=True).stdout)
    assert built["aliases"] == 4000 and built["db_mb"] >= 1
    served = json.loads(subprocess.run([*step, "query", "--db", str(db), "--queries", str(queries)],
                                       check=True, capture_output=True, text=True).stdout)
    assert served["queries"] == 1000
    assert served["top1"] > 0.8  # misspelled and Katakana names among 1,000 persons
    assert served["p50_ms"] <= served["p99_ms"]
