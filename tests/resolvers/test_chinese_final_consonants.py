"""A Chinese rendering of a foreign name writes a consonant that ends it with a syllable
whose vowel Chinese adds (德 de for d, 斯 si for s, 克 ke for k: 阿什福德 "ashifude",
Ashford); such a word is also read without that vowel. Made-up names."""

from rollcall.resolvers import AliasRecord, PersonRecord, Query, build_name_index, match

PERSONS = [PersonRecord("QASH", "Derek Ashford", "GB"), PersonRecord("QASF", "Dirk Asford", "GB"),
           PersonRecord("QSMI", "Gordon Smith", "GB"), PersonRecord("QZAS", "Stanislav Zas", "BY"),
           PersonRecord("QKEM", "Colin Kemp", "GB")]
ALIASES = [AliasRecord(p.id, p.name, "en") for p in PERSONS] + [AliasRecord("QZAS", "扎斯", "zh")]


def _index():
    return build_name_index(PERSONS, ALIASES)


def test_a_final_consonant_written_with_a_vowel_is_read_without_it() -> None:
    # Read only "delike ashifude", Derek Ashford came first at 0.73, not enough to accept.
    result = match(_index(), Query("德里克·阿什福德", "zh"))
    assert result.candidates[0].person_id == "QASH" and result.match


def test_a_word_of_two_characters_keeps_its_vowel() -> None:
    # 扎斯 read "dzhas" came near Turkish "yaz" and "yaş" (summer, age).
    for word in ("yaz", "yaş"):
        result = match(_index(), Query(word, "tr"))
        assert not result.candidates or result.candidates[0].confidence < 0.5, word
