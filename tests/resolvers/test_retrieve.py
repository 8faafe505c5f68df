"""Retrieval's counting in C (resolvers/_retrieve.c) against the same rules stated in Python
(resolvers/retrieve_py.py), on the real plans of dev queries and on random ones."""

from __future__ import annotations

import json
import random
from array import array
from itertools import islice

import pytest

from rollcall.gazetteer.store import Store
from rollcall.gazetteer.stored_index import load_name_index
from rollcall.resolvers import _retrieve, retrieve_py
from rollcall.resolvers import index as index_module
from rollcall.resolvers.forms import lookup_keys, name_forms
from rollcall.resolvers.normalize import clean
from rollcall.service.engine import Engine
from tests.conftest import SHARED


def test_retrieval_counting_equals_the_python_statement(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real retrieval plans of 400 dev queries (and random ones, with many ties)."""
    plans = []
    original = _retrieve.top_aliases
    monkeypatch.setattr(index_module, "top_aliases", lambda *args: plans.append(args) or original(*args))
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        for line in islice(lines, 0, 2000, 5):
            query = json.loads(line)
            engine.index.retrieve(name_forms(clean(query["query"]), query.get("lang")), 50)
    assert len(plans) > 350
    for plan, key_counts, shortlist, limit in plans:
        assert original(plan, key_counts, shortlist, limit) == retrieve_py.top_aliases(plan, key_counts, shortlist, limit)
    rng = random.Random(5)
    key_counts = array("H", (rng.randint(1, 9) for _ in range(300)))
    for _ in range(500):
        plan = [(array("I", rng.sample(range(300), rng.randint(1, 120))), rng.randint(1, 4))
                for _ in range(rng.randint(0, 6))]
        shortlist = rng.randint(0, 80)
        limit = rng.randint(0, 30)
        assert _retrieve.top_aliases(plan, key_counts, shortlist, limit) == retrieve_py.top_aliases(
            plan, key_counts, shortlist, limit)


@pytest.mark.parametrize("impl", [_retrieve, retrieve_py], ids=["c", "python"])
def test_retrieval_counting_rejects_wrong_buffers(impl) -> None:
    key_counts = array("H", [1, 1, 1])
    with pytest.raises(TypeError, match="unsigned int"):
        impl.top_aliases([(array("d", [1.0]), 1)], key_counts, 5, 5)
    with pytest.raises(TypeError, match="unsigned short"):
        impl.top_aliases([(array("I", [1]), 1)], array("I", [1, 1]), 5, 5)
    with pytest.raises(ValueError, match="at least once"):
        impl.top_aliases([(array("I", [1]), 0)], key_counts, 5, 5)
    with pytest.raises(TypeError, match="unsigned int"):
        impl.retrieve_held({"k:lavrov"}, {"k:lavrov": array("d", [1.0])}, key_counts, 50, 100, 3, 5, 5)
    with pytest.raises(TypeError):
        impl.retrieve_held({"k:lavrov"}, {"k:lavrov": [1, 2]}, key_counts, 50, 100, 3, 5, 5)
    assert impl.retrieve_held({"k:lavrov", "k:x"}, {"k:lavrov": array("I", [2, 1])}, key_counts, 50, 100, 3, 5, 5) == [2, 1]


@pytest.mark.parametrize("budget", [30_000, 400, 60])
def test_retrieval_plan_equals_the_python_statement(engine: Engine, budget: int) -> None:
    """The keys counted for 740 dev queries, and how often, on the curated gazetteer (its
    common-key bound: 139 aliases) and with a bound low enough that no key is usable."""
    index = engine.index
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        for line in islice(lines, 0, 2220, 3):
            query = json.loads(line)
            keys: set[str] = set()
            for form in name_forms(clean(query["query"]), query.get("lang")):
                keys |= lookup_keys(form)
            sizes = index.data.posting_sizes(keys)
            for common in (139, 1):
                assert _retrieve.retrieval_plan(sizes, common, budget, 3) == retrieve_py.retrieval_plan(sizes, common, budget, 3)
    for impl in (_retrieve, retrieve_py):
        with pytest.raises(ValueError, match="at least 1"):
            impl.retrieval_plan({"k:lavrov": 0}, 50, 100, 3)


@pytest.mark.parametrize("budget", [30_000, 400, 60])
def test_retrieval_from_held_postings_equals_the_planned_reads(curated_db, budget, monkeypatch) -> None:
    """A warm server's index retrieves in one C call (retrieve_held); a large gazetteer's
    plans its reads in Python first. Both give the same aliases, in the same order, also
    when the counting budget stops them early."""
    monkeypatch.setattr(index_module, "COUNT_BUDGET", budget)

    cold_store, warm_store = Store(curated_db), Store(curated_db)
    cold, warm = load_name_index(cold_store), load_name_index(warm_store)
    assert warm.data.warm() and warm.data.held_postings() is not None and cold.data.held_postings() is None
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        for line in islice(lines, 0, 2220, 3):
            query = json.loads(line)
            forms = name_forms(clean(query["query"]), query.get("lang"))
            for limit in (50, 3):
                assert warm.retrieve(forms, limit) == cold.retrieve(forms, limit), query["query"]
    cold_store.close()
    warm_store.close()
