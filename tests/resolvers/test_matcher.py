"""The matcher on a small hand-made index: ranking, validation, context."""

import pytest

from rollcall.resolvers import (
    AliasRecord,
    InvalidQuery,
    NameIndex,
    build_name_index,
    PersonRecord,
    Query,
    TenureRecord,
    match,
)

PERSONS = [
    PersonRecord("Q58217", "Sergey Lavrov", "RU", (TenureRecord("2004-03-09", "", ("Minister of Foreign Affairs", "Außenminister")),)),
    PersonRecord("QALEINIK", "Sergei Aleinik", "BY", (TenureRecord("2022-12-13", "2024-06-27", ("Außenminister",)),)),
    PersonRecord("Q25597826", "Sadyr Japarov", "KG", (TenureRecord("2021-01-28", "", ("Präsident", "President")),)),
    PersonRecord("Q4060344", "Akylbek Japarov", "KG", (TenureRecord("2021-10-12", "2024-12-16", ("Ministerpräsident", "Chairman of the Cabinet")),)),
    PersonRecord("Q7747", "Vladimir Putin", "RU"),
    PersonRecord("Q18198123", "Sirojiddin Muhriddin", "TJ"),
]
ALIASES = [
    AliasRecord("Q58217", "Sergey Lavrov", "en"),
    AliasRecord("Q58217", "Сергей Викторович Лавров", "ru"),
    AliasRecord("QALEINIK", "Sergei Aleinik", "en"),
    AliasRecord("Q25597826", "Sadyr Japarov", "en"),
    AliasRecord("Q4060344", "Akylbek Japarov", "en"),
    AliasRecord("Q7747", "Vladimir Putin", "en"),
    AliasRecord("Q7747", "Владимир Путин", "ru"),
    AliasRecord("Q18198123", "Sirojiddin Muhriddin", "en"),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return build_name_index(PERSONS, ALIASES)


def first(index: NameIndex, **kw) -> str:
    return match(index, Query(**kw)).candidates[0].person_id


@pytest.mark.parametrize(
    "name, lang, expected",
    [
        ("Sergej Lawrow", "de", "Q58217"),
        ("Lavrov Sergei", "en", "Q58217"),  # any order
        ("S. Lavrov", "en", "Q58217"),  # initial
        ("Лавров", "ru", "Q58217"),  # surname only, other script
        ("Wladimir Putin", "de", "Q7747"),
        ("Путин, Владимир", "ru", "Q7747"),  # comma-inverted
        ("Sirojiddin Mukhriddin", "en", "Q18198123"),
        ("Sergej Aleinik", "de", "QALEINIK"),
    ],
)
def test_ranks_the_right_person_first(index: NameIndex, name: str, lang: str, expected: str) -> None:
    assert first(index, name=name, lang=lang) == expected


def test_a_clear_full_name_is_accepted_and_a_stranger_is_not(index: NameIndex) -> None:
    assert match(index, Query("Sergej Lawrow", "de")).match
    assert not match(index, Query("Angela Merkel", "de")).match


def test_confidence_is_a_probability_and_orders_candidates(index: NameIndex) -> None:
    cands = match(index, Query("Sergei Lavrov", limit=10)).candidates
    assert all(0.0 <= c.confidence <= 1.0 for c in cands)
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)


def test_role_and_date_separate_namesakes(index: NameIndex) -> None:
    president = first(index, name="Japarow", lang="de", date="2024-07-04", role="der kirgisische Präsident")
    premier = first(index, name="Japarow", lang="de", date="2024-07-04", role="Ministerpräsident")
    assert (president, premier) == ("Q25597826", "Q4060344")


def test_explanation_names_alias_and_features(index: NameIndex) -> None:
    cand = match(index, Query("Сергей Лавров", "ru")).candidates[0]
    assert cand.matched_alias in {"Сергей Викторович Лавров", "Sergey Lavrov"}
    assert repr(cand.matched_alias) in cand.explanation and "spelling=" in cand.explanation


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"name": ""}, "empty"),
        ({"name": "   "}, "empty"),
        ({"name": "x" * 1001}, "1001 characters"),
        ({"name": "Lavrov", "date": "2024-13-01"}, "does not exist"),
        ({"name": "Lavrov", "date": "21.05.2024"}, "not an ISO date"),
        ({"name": "Lavrov", "limit": 0}, "out of range"),
        ({"name": "Lavrov", "limit": 51}, "out of range"),
        ({"name": "Lavrov", "country": "Russia"}, "alpha-2"),
        ({"name": "Lavrov", "country": "XX"}, "alpha-2"),
        ({"name": "Lavrov", "lang": "xx-!!"}, "not BCP-47"),
        ({"name": "Lavrov", "lang": "!!"}, "not BCP-47"),
        ({"name": "Lavrov", "lang": "xx"}, "unknown language 'xx'"),
        ({"name": "\u200c\u200f\u2060"}, "no letters"),
    ],
)
def test_bad_queries_say_what_is_wrong(index: NameIndex, kw: dict, message: str) -> None:
    with pytest.raises(InvalidQuery, match=message):
        match(index, Query(**kw))


@pytest.mark.parametrize(
    "name",
    ["Лавров Lavrov لاوروف", "L\u0301\u0301\u0301\u0301avrov", "\u202eвортсаЛ", "🙂 Putin", "a", "١٢٣ ابن",
     # Titles after commas and hyphens with nothing, or nothing readable, beside them.
     "x, Baron -", "Sergey Lavrov, Baron of \u200b\u0007", "Lavrov, Sergey, 4th, ,", "-Sergey- -Lavrov-",
     "Sergey Lavrov, Baron of 岸田", "Ser\u00adgey-\u2011Lavrov"],
)
def test_odd_unicode_never_crashes(index: NameIndex, name: str) -> None:
    match(index, Query(name))


CROSS_SCRIPT = [
    PersonRecord("Q10648", "Gordon Brown", "GB"),
    PersonRecord("Q180589", "Boris Johnson", "GB"),
    PersonRecord("Q3033", "Bülent Ecevit", "TR"),
    PersonRecord("Q62206", "Egon Bahr", "DE"),
    PersonRecord("Q1", "Gordon Banks", "GB"),
    PersonRecord("Q2", "Boris Becker", "DE"),
]
CROSS_ALIASES = [AliasRecord(p.id, p.name) for p in CROSS_SCRIPT]


@pytest.mark.parametrize(
    "name, lang, expected",
    [
        ("Гордон Браун", "ru", "Q10648"),
        ("ゴードン・ブラウン", "ja", "Q10648"),
        ("고든 브라운", "ko", "Q10648"),
        ("戈登·布朗", "zh", "Q10648"),
        ("جوردون براون", "ar", "Q10648"),
        ("בוריס ג'ונסון", "he", "Q180589"),
        ("Μπόρις Τζόνσον", "el", "Q180589"),
        ("Бюлент Эджевит", "ru", "Q3033"),  # Turkish c read as j
        ("Эгон Бар", "ru", "Q62206"),
    ],
)
def test_cross_script_names_find_the_person(name: str, lang: str, expected: str) -> None:
    index = build_name_index(CROSS_SCRIPT, CROSS_ALIASES)
    assert first(index, name=name, lang=lang) == expected
