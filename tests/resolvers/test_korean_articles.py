"""Korean articles, which no development article is written in: Korean joins its particles
to the noun before them ("푸틴은"), writes a name before its role ("에르도안 튀르키예
대통령"), a Chinese leader's name as one word (시진핑) and the verb after its subject. The
sentences are made for these tests; the officials are curated ones, on a date inside their
tenures, none with a Korean alias but Korea's own."""

from __future__ import annotations

import pytest

from rollcall.resolvers.articles.inflection import is_korean_predicate, korean_stem_lengths
from rollcall.service.engine import Engine

PUTIN, XI, ERDOGAN = "Q7747", "Q15031", "Q39259"
MODI, JAISHANKAR = "Q1058", "Q16186720"
DATE = "2024-07-04"


def _people(engine: Engine, text: str) -> dict[str, tuple[bool, list[str]]]:
    return {p.id: (p.attending, [m.text for m in p.mentions])
            for p in engine.documents.reconcile(text, "ko", DATE).people}


def test_a_particle_is_no_part_of_the_name(engine: Engine) -> None:
    people = _people(engine, "블라디미르 푸틴 러시아 대통령과 시진핑 중국 국가주석은 정상회의에 참석했다. 푸틴은 연설했다.")
    assert people[PUTIN] == (True, ["푸틴", "푸틴"])
    assert people[XI] == (True, ["시진핑"])  # the whole name in one word: Xi Jinping's 习近平


def test_a_name_before_its_role_is_found_though_no_alias_writes_it_in_hangul(engine: Engine) -> None:
    # 튀르키예 (Türkiye) is a country the vocabulary lacks: the name is the words before it.
    people = _people(engine, "레제프 타이이프 에르도안 튀르키예 대통령도 회의에 참석했다.")
    assert people == {ERDOGAN: (True, ["레제프 타이이프 에르도안"])}


def test_the_role_after_a_name_is_its_own_and_absence_speaks_of_the_subject(engine: Engine) -> None:
    # "Prime Minister Modi did not attend, and Foreign Minister Jaishankar attended instead":
    # 총리는 ends Modi's phrase, and 불참했으며 ("did not attend, and") follows its subject.
    people = _people(engine, "모디 인도 총리는 불참했으며 수브라마니암 자이샨카르 외무장관이 대신 참석했다.")
    assert people[MODI] == (False, ["모디"])
    assert people[JAISHANKAR] == (True, ["수브라마니암 자이샨카르"])


@pytest.mark.parametrize("text", [
    "이번 회의에서 대통령은 연설했다.",  # "At this meeting the president spoke": nobody named
    "회의에 참석했던 대통령은 없었다.",  # a verb before the role is no name
    "오늘 정상회의가 열렸다.",
])
def test_ordinary_korean_words_are_nobody(engine: Engine, text: str) -> None:
    assert _people(engine, text) == {}


def test_a_word_before_a_name_written_as_an_alias_is_no_part_of_it(engine: Engine) -> None:
    # "방문 중인" is "on a visit": 중인 reads as a word of some name, and joined to the alias
    # after it, "중인 강경화" named Qin Gang, weakly, rather than Kang Kyung-wha.
    result = engine.documents.reconcile("도쿄를 방문 중인 강경화 외교부 장관은 23일 기자들과 만났다.", "ko", "2019-09-23")
    assert [(p.id, [m.text for m in p.mentions]) for p in result.people] == [("Q6362240", ["강경화"])]


def test_korean_inflection() -> None:
    assert korean_stem_lengths("대통령과") == [3] and korean_stem_lengths("푸틴은") == [2]
    assert korean_stem_lengths("총리") == [] and korean_stem_lengths("Putin") == [] and korean_stem_lengths("") == []
    assert is_korean_predicate("참석했다") and is_korean_predicate("불참했으며") and not is_korean_predicate("에르도안")
