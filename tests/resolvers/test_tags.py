"""The one rule for language tags and country codes (rollcall.resolvers.tags)."""

import json
from pathlib import Path

import pytest

from rollcall.gazetteer import DEFAULT_SOURCES
from rollcall.resolvers import InvalidLanguageTag, check_language_tag, is_country_code


def _tags(obj: object) -> set[str]:
    """Every "lang" value anywhere in a JSON document."""
    if isinstance(obj, dict):
        found = {obj["lang"]} if isinstance(obj.get("lang"), str) and obj["lang"] else set()
        return found.union(*(_tags(v) for v in obj.values()))
    if isinstance(obj, list):
        return set().union(*(_tags(v) for v in obj))
    return set()


@pytest.mark.parametrize(
    "tag",
    ["en", "ru", "zh-Hant", "uz-Cyrl", "be-Latn", "und", "und-Hani", "und-Jpan", "und-Latn",
     "zh-Hant-TW", "ar-001", "sr-Latn-RS", "de-DE-1996", "yue", "ckb", "EN", "en-us", "lbe", "diq", "tyv"],
)
def test_well_formed_tags_pass(tag: str) -> None:
    assert check_language_tag(tag) == tag


@pytest.mark.parametrize(
    "tag, message",
    [
        ("!!", "not BCP-47"),
        ("xx-!!", "not BCP-47"),
        ("en-", "not BCP-47"),
        ("not_a_tag", "not BCP-47"),
        ("Russian", "not 2-3 letters"),
        ("xx", "unknown language 'xx'"),
        ("xyz", "unknown language 'xyz'"),
        ("en-Abcd", "unknown script 'Abcd'"),
        ("en-AA", "unknown region 'AA'"),
        ("en-x", "not BCP-47"),
        ("en-x-toolongsubtag", "not BCP-47"),
        ("ru-" + "a" * 80, "at most 64"),
    ],
)
def test_malformed_or_unknown_tags_say_why(tag: str, message: str) -> None:
    with pytest.raises(InvalidLanguageTag, match=message):
        check_language_tag(tag)


@pytest.mark.parametrize("tag", ["en-x-private", "de-x-formal", "sr-Latn-x-ijekavsk"])
def test_private_use_subtags_pass(tag: str) -> None:
    assert check_language_tag(tag) == tag


@pytest.mark.parametrize(
    "code, bcp47",
    [("sr-el", "sr-Latn"), ("SR-EC", "sr-Cyrl"), ("simple", "en-simple"), ("be-x-old", "be-tarask"),
     ("zh-min-nan", "nan"), ("zh-yue", "yue"), ("roa-rup", "rup"), ("bat-smg", "sgs"), ("fiu-vro", "vro")],
)
def test_wikimedia_codes_are_read_as_their_bcp47_tags(code: str, bcp47: str) -> None:
    """Wikidata labels carry MediaWiki's codes; a pipeline passing one along is understood."""
    assert check_language_tag(code) == bcp47


def test_a_name_query_with_a_wikimedia_code_is_answered() -> None:
    from rollcall.resolvers import Query, validate_query

    assert validate_query(Query(name="Aleksandar Vučić", lang="sr-el")) == validate_query(Query(name="Aleksandar Vučić"))


def test_every_tag_of_the_curated_files_is_valid() -> None:
    tags = set().union(*(_tags(json.loads(p.read_text(encoding="utf-8"))) for p in DEFAULT_SOURCES.glob("*.json")))
    assert {"en", "ru", "zh-Hant", "uz-Cyrl"} <= tags
    for tag in sorted(tags):
        check_language_tag(tag)


def test_every_tag_of_the_popolo_imports_is_valid(shared_data: Path) -> None:
    for path in shared_data.glob("*/*.popolo.json"):
        tags = _tags(json.loads(path.read_text(encoding="utf-8")))
        for tag in sorted(tags):
            check_language_tag(tag)
    assert "und-Hani" in _tags(json.loads((shared_data / "officials-2022" / "officials.popolo.json").read_text()))


@pytest.mark.parametrize("code, valid", [("RU", True), ("kz", True), ("XK", True), ("XX", False), ("EU", False),
                                         ("UK", False), ("R", False), ("RUS", False), ("", False)])
def test_country_codes_are_icu_iso_codes(code: str, valid: bool) -> None:
    assert is_country_code(code) is valid
