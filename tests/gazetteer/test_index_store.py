"""The name index stored in the database answers exactly as one built in memory."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from rollcall.gazetteer import Store
from rollcall.gazetteer.index_store import StoredNameIndex
from rollcall.gazetteer.store import load_name_index
from rollcall.resolvers import MatcherConfig, NameIndex, Query, match
from rollcall.resolvers.matcher import score_candidates

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


def test_the_build_stores_the_index_and_a_server_uses_it(store: Store) -> None:
    index = load_name_index(store)
    assert isinstance(index, StoredNameIndex)


def test_stored_and_in_memory_index_give_the_same_answers(store: Store) -> None:
    stored = load_name_index(store)
    built = NameIndex(store.matcher_persons(), store.matcher_aliases())
    assert len(stored) == len(built) > 2000
    answers = _answers(stored)
    assert answers == _answers(built)
    assert answers[0][0][0] == answers[1][0][0] == answers[2][0][0]  # one Lavrov, three scripts


def test_stored_aliases_read_like_a_list(store: Store) -> None:
    stored = load_name_index(store)
    built = NameIndex(store.matcher_persons(), store.matcher_aliases())
    assert list(stored.aliases) == list(built.aliases)
    assert stored.aliases[-1] == built.aliases[-1]
    assert stored.aliases[10:13] == built.aliases[10:13]
    with pytest.raises(IndexError):
        stored.aliases[len(built)]
    person = built.persons[5].id
    assert stored.aliases_of(person) == built.aliases_of(person) != []
    # the evaluation scores a person's aliases on request: same features either way
    q = QUERIES[0]
    extra = built.aliases_of(person)
    got = score_candidates(stored, q, MatcherConfig(), extra)
    want = score_candidates(built, q, MatcherConfig(), extra)
    assert [(s.person, s.alias_id, s.logit) for s in got] == [(s.person, s.alias_id, s.logit) for s in want]


def test_an_index_written_by_other_code_is_rebuilt_in_memory(
    curated_db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old = tmp_path / "old.db"
    shutil.copy(curated_db, old)
    with sqlite3.connect(old) as conn:
        conn.execute("update meta set value = 'other' where key = 'index_fingerprint'")
    with caplog.at_level(logging.WARNING):
        index = load_name_index(Store(old))
    assert not isinstance(index, StoredNameIndex)
    assert "building it in memory" in caplog.text
    assert _answers(index) == _answers(load_name_index(Store(curated_db)))
