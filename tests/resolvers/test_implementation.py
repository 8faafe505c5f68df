"""ROLLCALL_IMPLEMENTATION=python: the matcher runs the Python statement of the rules
(score_py, keys_py, retrieve_py) instead of the C, and answers the same, to the last bit of
every score and feature."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import islice
from pathlib import Path

from rollcall.gazetteer.store import Store
from rollcall.gazetteer.stored_index import load_name_index
from rollcall.resolvers import Query
from rollcall.resolvers.matcher import match
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[2]


def answers(db: str, n: int) -> dict:
    """Which modules computed, and for `n` dev names (every 7th) each candidate's person,
    score, confidence and features as exact floats; half read from a warm index (every
    posting list in memory), half from a cold one."""
    from rollcall.resolvers import index, keys, score

    out: dict = {"modules": [score.Scorer.__module__, keys.token_keys.__module__, index.top_aliases.__module__]}
    stores = [Store(db), Store(db)]
    cold, warm = (load_name_index(s) for s in stores)
    assert warm.data.warm()
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        for k, line in enumerate(islice(lines, 0, 7 * n, 7)):
            q = json.loads(line)
            result = match(warm if k % 2 else cold, Query(q["query"], q.get("lang") or None, limit=10))
            out[q["query"]] = [(c.person_id, c.score.hex(), c.confidence.hex(), c.matched_alias,
                                {f: v.hex() for f, v in c.features.items()}) for c in result.candidates]
    for s in stores:
        s.close()
    return out


def test_python_statement_answers_as_the_c(curated_db: Path) -> None:
    n = 300
    program = f"import json; from tests.resolvers.test_implementation import answers; print(json.dumps(answers({str(curated_db)!r}, {n})))"
    env = {**os.environ, "ROLLCALL_IMPLEMENTATION": "python"}
    run = subprocess.run([sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    python, c = json.loads(run.stdout), json.loads(json.dumps(answers(str(curated_db), n)))
    assert [m.rsplit(".", 1)[-1] for m in python.pop("modules")] == ["score_py", "keys_py", "retrieve_py"]
    assert [m.rsplit(".", 1)[-1] for m in c.pop("modules")] == ["_fastscore", "_keys", "_retrieve"]
    assert len(c) > 250 and sum(map(len, c.values())) > 1000
    for name in c:
        assert python[name] == c[name], name


def test_an_unknown_implementation_fails_at_import() -> None:
    env = {**os.environ, "ROLLCALL_IMPLEMENTATION": "fortran"}
    run = subprocess.run([sys.executable, "-c", "import rollcall.resolvers"], env=env, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode != 0 and "expected one of c, python" in run.stderr
