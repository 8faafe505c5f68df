"""Golden: every person mention of the five seed articles resolves to the right person.

Mentions are as written in the articles (../shared/seeds/); a role hint is given only where
the article itself puts one next to a surname ("der kirgisische Präsident Japarow").
"""

import json
from pathlib import Path

import pytest

from rollcall.resolvers import Query

CASES = [json.loads(line) for line in (Path(__file__).parent / "seed_mentions.jsonl").open(encoding="utf-8")]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['seed']}:{c['mention']}" for c in CASES])
def test_seed_mention_resolves(engine, case: dict) -> None:
    answer = engine.match(Query(case["mention"], case["lang"], case["date"], role=case.get("role")))
    assert answer.candidates, "no candidates"
    top = answer.candidates[0]
    assert top.candidate.person_id == case["expected"], top.candidate.explanation


def test_full_names_in_seeds_are_auto_accepted(engine) -> None:
    full = [c for c in CASES if " " in c["mention"].strip()]
    accepted = [c["mention"] for c in full if engine.match(Query(c["mention"], c["lang"], c["date"])).result.match]
    assert len(accepted) / len(full) >= 0.9, sorted(set(c["mention"] for c in full) - set(accepted))
