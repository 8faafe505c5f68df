import pytest

from rollcall.resolvers.respell import has_rules, respell, respell_spoken
from rollcall.resolvers.translit import romanize
from rollcall.service.engine import Engine, make_query


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
        ("ashraf ghani", "en", "ashraf gani"),  # gh is g at a word's start...
        ("edward leigh", "en", "edward lei"),  # ...and silent after a letter
        ("christine lambrecht", "de", "kristine lambrekht"),
    ],
)
def test_respelling_follows_the_language(text: str, lang: str, expected: str) -> None:
    assert respell(text, lang) == expected


def test_unknown_language_has_no_rules() -> None:
    assert not has_rules("xx") and respell("name", "xx") is None and respell("name", None) is None


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("rudolf ludwig", "de", "rudolf ludvikh"),  # -ig at the end of a word is said -ich
    ("hartwig könig", "de", "hartvikh konikh"),
    ("ignaz wigand", "nds", None),  # an ig not at the end of a word reads as spelled
    ("hans krieg", "de", None),
    ("ludwig", "de-AT", "ludvikh"),
    ("ludwig", "en", None),  # English has no such reading
    ("clive lansley", "en", "klaiv lansley"),  # an e after one consonant lengthens the vowel
    ("mike jane", "en", "maik dzhein"),
    ("rupert pope", "en", "rupert pop"),  # only an e that ends the word lengthens
    ("luke doe", "en", "lyuk do"),  # final oe is o
    ("andrew", "en", "andryu"),
    ("keith smith", "en", "keis smis"),  # a final th is s to scripts without the sound
    ("thomas martha", "en", None),  # only a final one
    ("andy burnham", "en", "andy burnam"),  # the h of a final -ham after a consonant is silent
    ("alex oldham", "en", "aleks oldam"),
    ("graham chatham", "en", None),  # not after a vowel, nor where it makes th, sh, ch or ph
    ("helen morris", "en", None),  # nothing said otherwise than spelled
])
def test_a_reading_as_the_language_says_what_it_does_not_spell(text: str, lang: str, spoken: str | None) -> None:
    assert respell_spoken(text, lang) == spoken


def test_the_spoken_reading_comes_after_the_spelled_one() -> None:
    # Russian and Tamil write Ludwig from its letters (Людвиг), Japanese from its sound
    # (ルートヴィヒ): both readings are kept, the spelled one first.
    assert romanize("ludwig hamm", "de") == ("ludvig hamm", "ludwig hamm", "ludvikh hamm")


@pytest.mark.parametrize(("query", "lang"), [("没有", "zh"), ("Mei You", "en"), ("Make", "en")])
def test_an_ordinary_word_said_otherwise_is_no_member(members_of_parliament: Engine, query: str, lang: str) -> None:
    # "ay" is not read as "ei": 没有 (méiyǒu, "have not") would otherwise be Theresa May.
    assert not members_of_parliament.match(make_query(query, lang)).result.match


@pytest.mark.parametrize(("query", "lang", "meant"), [
    # Written for this test: German names, then English ones.
    ("ダニエラ・ルートヴィヒ", "ja", "Daniela Ludwig"),
    ("다니엘라 루트비히", "ko", "Daniela Ludwig"),
    ("ハルトヴィヒ・フィッシャー", "ja", "Hartwig Fischer"),
    ("クライヴ・ルイス", "ja", "Clive Lewis"),
    ("마이크 케인", "ko", "Mike Kane"),
    ("Майк Кейн", "ru", "Mike Kane"),
    ("アンディ・バーナム", "ja", "Andy Burnham"),
    ("Энди Бёрнем", "ru", "Andy Burnham"),
])
def test_a_name_written_as_said_is_found(members_of_parliament: Engine, query: str, lang: str, meant: str) -> None:
    answer = members_of_parliament.match(make_query(query, lang))
    assert answer.candidates[0].candidate.name == meant and answer.result.match
