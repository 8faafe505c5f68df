"""Hangul is read as the Revised Romanization spells it and as said: a word's first plain
stop or affricate (ㄱ ㄷ ㅂ ㅈ) is voiceless, as Korean names spell it in Latin letters (김
Kim, 조 Cho, 박 Park) and as the Korean spelling of Japanese names writes k, t and ch
(기시다 Kishida). Made-up names."""

import pytest

from rollcall.resolvers import AliasRecord, PersonRecord, Query, build_name_index, match
from rollcall.resolvers.translit import romanize

PERSONS = [PersonRecord("QKIM", "Kim Dong-su", "KR"), PersonRecord("QTAK", "Kenji Takemura", "JP"),
           PersonRecord("QTAN", "Dominik Tanner", "DE")]


@pytest.mark.parametrize("hangul, said", [("김동수", "kimdongsu"), ("조태열", "chotaeyeol"), ("기시다", "kisida"),
                                          ("박", "pag")])
def test_a_word_s_first_plain_consonant_is_read_voiceless(hangul: str, said: str) -> None:
    assert said in romanize(hangul, "ko")
    # The Revised Romanization's reading stays the first.
    assert romanize(hangul, "ko")[0][0] in "gjdb"


def test_korean_and_japanese_names_in_hangul_find_their_latin_spelling() -> None:
    index = build_name_index(PERSONS, [AliasRecord(p.id, p.name, "en") for p in PERSONS])
    # 김동수 was first at 0.01 when read only "gimdongsu".
    for query, meant in (("김동수", "QKIM"), ("다케무라 겐지", "QTAK"), ("도미니크 타너", "QTAN")):
        result = match(index, Query(query, "ko"))
        assert result.candidates[0].person_id == meant and result.match, query
