"""Country names in languages the curated files do not spell them in come from CLDR (ICU), so
that role words of those languages make descriptors: Japanese "タジキスタンのラフモン大統領"
names the president of Tajikistan."""

from rollcall.gazetteer.country_names import icu_country_names, uncovered_country_names
from rollcall.gazetteer.model import Name


def test_cldr_fills_the_languages_the_data_lacks() -> None:
    have = [Name("Tajikistan", "en"), Name("Таджикистан", "ru")]
    added = {n.lang: n.name for n in icu_country_names("TJ", ["en", "ru", "ja", "ko", "hi"], have)}
    assert added == {"ja": "タジキスタン", "ko": "타지키스탄", "hi": "ताजिकिस्तान"}


def test_an_unknown_language_tag_adds_nothing() -> None:
    assert icu_country_names("TJ", ["x-private"], []) == []


def test_japanese_descriptors_read_with_cldr_country_names(engine) -> None:
    text = "タジキスタンのラフモン大統領およびウズベキスタンのミルジヨエフ大統領が出席した。"
    people = engine.documents.reconcile(text, "ja", "2019-06-14").people
    assert {p.id: p.office.post_id if p.office else None for p in people} == {
        "Q57366": "tj-head-of-state", "Q57808": "uz-head-of-state"}


def test_the_countries_the_gazetteer_lacks_are_named_too_outside_chinese_and_japanese() -> None:
    names = uncovered_country_names(["TJ", "RU"], ["id", "en", "zh", "ja"])
    assert ("Singapura", "SG") in names and ("Singapore", "SG") in names
    assert not any(code in ("TJ", "RU") for _, code in names)
    # 马里 (Mali) begins 马里奥 (Mario): no Chinese or Japanese names of them.
    assert ("新加坡", "SG") not in names and ("马里", "ML") not in names


def test_the_store_reads_them_apart_from_the_covered_countries(engine) -> None:
    vocabulary = engine.store.vocabulary()
    assert ("Zambia", "country:ZM") in vocabulary.uncovered_places
    assert not any(place.endswith(":ZM") for _, place in vocabulary.places)
    # A country a file covers is no uncovered place, whichever name it goes by.
    covered = {place for _, place in vocabulary.places if place.startswith("country:")}
    assert ("Kazakhstan", "country:KZ") in vocabulary.places
    assert not covered & {place for _, place in vocabulary.uncovered_places}
