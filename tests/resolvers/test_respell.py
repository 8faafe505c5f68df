import pytest

from rollcall.resolvers.respell import has_rules, respell


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("bülent ecevit", "tr", "bulent edzhevit"),
        ("qordon braun", "az", "gordon braun"),
        ("richard von weizsäcker", "de", "rikhard fon vaitsseker"),
        ("jürgen trittin", "de", "yurgen trittin"),
        ("łukasz żółć", "pl", "lukash zhulch"),
        ("václav klaus", "cs", "vátslav klaus"),
        ("džordž robertson", "sr-el", "dzhordzh robertson"),
        ("sergueï lavrov", "fr", "sergeï lavrov"),
        ("james white", "en", "dzhames wite"),
        ("ferenc gyurcsány", "hu", "ferents dyurchány"),
        ("christopher chope", "en", "kristofer chope"),  # ch is ch, but k before r or l
        ("richard burden", "en", "richard burden"),
        ("christine lambrecht", "de", "kristine lambrekht"),
    ],
)
def test_respelling_follows_the_language(text: str, lang: str, expected: str) -> None:
    assert respell(text, lang) == expected


def test_unknown_language_has_no_rules() -> None:
    assert not has_rules("xx") and respell("name", "xx") is None and respell("name", None) is None
