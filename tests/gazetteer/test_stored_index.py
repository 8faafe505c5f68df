"""The name index stored in the database answers exactly as one built in memory."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from rollcall.gazetteer import Store
from rollcall.gazetteer.stored_index import StoredIndexData, load_name_index
from rollcall.resolvers import MatcherConfig, NameIndex, Query, build_name_index, match
from rollcall.resolvers.index_memory import MemoryIndexData
from rollcall.resolvers.matcher import score_candidates
from rollcall.resolvers.normalize import normalize
from rollcall.resolvers.suggest import suggest_persons

# Names in several scripts, spelled as coverage spells them (not as the gazetteer does).
QUERIES = [
    Query("Sergej Lawrow", "de"), Query("Сергей Лавров", "ru"), Query("سرگئی لاوروف", "fa"),
    Query("拉夫罗夫", "zh"), Query("Lavrov"), Query("Xi Jinping"), Query("习近平", "zh"),
    Query("Schehbas Scharif", "de"), Query("Tokajew", "de"), Query("Nobody Atall"),
    Query("Mirziyoyev", date="2020-05-01"), Query("Erdoğan", "tr"), Query("Sadyr Japarov"),
]


def _answers(index: NameIndex) -> list[list[tuple[str, float, str]]]:
    return [[(c.person_id, c.score, c.matched_alias) for c in match(index, q).candidates] for q in QUERIES]


@pytest.fixture(scope="module")
def store(curated_db: Path) -> Store:
    return Store(curated_db)


@pytest.fixture(scope="module")
def built(store: Store) -> NameIndex:
    return build_name_index(store.matcher_persons(), store.matcher_aliases())


def test_the_build_stores_the_index_and_a_server_uses_it(store: Store) -> None:
    assert isinstance(load_name_index(store).data, StoredIndexData)


def test_stored_and_in_memory_index_give_the_same_answers(store: Store, built: NameIndex) -> None:
    stored = load_name_index(store)
    assert len(stored) == len(built) > 2000
    answers = _answers(stored)
    assert answers == _answers(built)
    assert answers[0][0][0] == answers[1][0][0] == answers[2][0][0]  # one Lavrov, three scripts


@pytest.mark.parametrize("warm", [False, True])
def test_stored_data_reads_as_the_built_data(store: Store, built: NameIndex, warm: bool) -> None:
    stored = load_name_index(store)
    if warm:  # read whole: answered from memory, the same
        assert stored.data.warm() and stored.data.held_postings() is not None
    assert isinstance(built.data, MemoryIndexData)
    n = len(built)
    assert list(stored.data.records()) == list(built.data.records())
    assert list(stored.data.all_forms()) == list(built.data.all_forms())
    some = list(range(0, n, 97)) + [n - 1]
    assert stored.data.persons_of(some) == built.data.persons_of(some)
    assert [stored.data.weighted(a) for a in some] == [built.data.weighted(a) for a in some]
    assert [[(r.size, r.total, r.rarity) for r in rs] for rs in stored.data.readings_of(some)] == \
        [[(r.size, r.total, r.rarity) for r in rs] for rs in built.data.readings_of(some)]
    name = built.data.record_of(5).name
    assert list(stored.data.exact(normalize(name))) == list(built.data.exact(normalize(name))) != []
    for bad in (n, n + 10):
        with pytest.raises(IndexError):
            stored.data.record_of(bad)
        with pytest.raises(IndexError):
            stored.data.weighted(bad)
    person = built.persons[5].id
    assert stored.aliases_of(person) == built.aliases_of(person) != []
    # the evaluation scores a person's aliases on request: same features either way
    extra = built.aliases_of(person)
    got = score_candidates(stored, QUERIES[0], MatcherConfig(), extra)
    want = score_candidates(built, QUERIES[0], MatcherConfig(), extra)
    assert [(s.person, s.alias_id, s.logit) for s in got] == [(s.person, s.alias_id, s.logit) for s in want]


def test_an_index_written_by_other_code_is_rebuilt_in_memory(
    curated_db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old = tmp_path / "old.db"
    shutil.copy(curated_db, old)
    with sqlite3.connect(old) as conn:
        conn.execute("update meta set value = 'other' where key = 'index_version'")
    with caplog.at_level(logging.WARNING):
        index = load_name_index(Store(old))
    assert isinstance(index.data, MemoryIndexData)
    assert "building it in memory" in caplog.text
    assert _answers(index) == _answers(load_name_index(Store(curated_db)))


@pytest.mark.parametrize("prefix", ["k:lav", "k:s", "k:sergejlav", "c:", "k:zzzz", "", "g:"])
def test_keys_with_a_prefix_are_the_same_stored_and_in_memory(store: Store, built: NameIndex, prefix: str) -> None:
    stored = load_name_index(store).data
    for limit in (1, 7, 400):
        keys = stored.keys_with_prefix(prefix, limit)
        assert keys == built.data.keys_with_prefix(prefix, limit)
        assert len(keys) <= limit and all(k.startswith(prefix) for k in keys)
        assert keys == sorted(keys, key=lambda k: (len(k), k))  # the shortest completions first
    every = set(built.data.keys_with_prefix(prefix, 10**6))
    assert every == {k for k in built.data.postings if k.startswith(prefix)}


def test_suggestions_are_the_same_stored_and_in_memory(store: Store, built: NameIndex) -> None:
    stored = load_name_index(store)
    for typed, lang in [("Lawr", "de"), ("Лавр", None), ("Ma", None), ("王", None), ("Olaf Sch", None), ("x", None)]:
        assert suggest_persons(stored, typed, lang) == suggest_persons(built, typed, lang)
