import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rollcall.resolvers.normalize import clean, fold, normalize, normalize_reading, strip_diacritics, strip_invisible


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Sergej  Lawrow", "sergej lawrow"),
        ("LAVROV, Sergei", "sergei lavrov"),
        ("António Guterres", "antonio guterres"),
        ("Kassym-Jomart Tokayev", "kassym jomart tokayev"),
        ("Mr. Wang Yi", "wang yi"),
        ("H.E. Sergey Lavrov", "sergey lavrov"),  # His Excellency, with its dots
        ("He Lifeng", "he lifeng"),  # the family name He (何立峰), no honorific
        ("Präsident Putin", "putin"),
        ("سراج\u200cالدین", "سراج الدین".replace(" ", "")),  # ZWNJ dropped
        ("علي", "علی"),  # Arabic yeh → Persian yeh
        ("كريم", "کریم"),  # Arabic kaf → keheh
        ("\u202eLavrov\u202c", "lavrov"),  # bidi controls
        ("Ｌａｖｒｏｖ", "lavrov"),  # fullwidth
        ("Лавро\u0301в", "лавров"),  # stress mark
        # The dots pages type between the parts of a foreign name in Chinese or Japanese.
        ("弗拉基米尔·普京", "弗拉基米尔 普京"),
        ("弗拉基米尔∙普京", "弗拉基米尔 普京"),  # bullet operator
        ("弗拉基米尔⋅普京", "弗拉基米尔 普京"),  # dot operator
        ("ウラジーミル･プーチン", "ウラジーミル プーチン"),  # half-width katakana middle dot
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("John Hutton, Baron Hutton of Furness", "john hutton"),
        ("Colin Moynihan, 4th Baron Moynihan", "colin moynihan"),
        ("Мэнсон, Рой, барон Барнсли", "рой мэнсон"),
        # The title in the encyclopaedias' own languages (written for this test).
        ("John Hutton, Barão Hutton de Furness", "john hutton"),
        ("John Hutton, Arglwydd Hutton", "john hutton"),
        ("Hutton, John, barón Hutton de Furness", "john hutton"),
        ("Бёрнэм, Эндрю", "эндрю бёрнэм"),  # an inverted name back in reading order
        ("John Wells (politician)", "john wells"),
        ("Bülent Ecevit", "bülent ecevit"),  # clean keeps diacritics for respelling
        ("ゴードン・ブラウン", "ゴードン ブラウン"),  # and Kana voicing marks
    ],
)
def test_clean_removes_titles_and_disambiguators(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_title_alone_is_kept() -> None:
    # A lone title is not stripped to nothing; the caller decides what an empty name means.
    assert normalize("President") == "president"


def test_fold_keeps_titles_for_role_phrases() -> None:
    assert fold("President of Kyrgyzstan") == "president of kyrgyzstan"


def test_strip_invisible_turns_newlines_into_spaces() -> None:
    assert strip_invisible("Wang\nYi") == "Wang Yi"


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_normalize_never_raises_and_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=2000, deadline=None)
@given(st.text())
def test_clean_is_idempotent(text: str) -> None:
    # normalize() relies on it: it cleans a name again only when stripping diacritics
    # changed something.
    once = clean(text)
    assert clean(once) == once
    assert normalize(text) == clean(strip_diacritics(once))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_normalize_folds_ascii_case(text: str) -> None:
    # translit._clean lower-cases romanised (ASCII) readings before normalize_reading() to
    # take its fast path, which clean() has too; that must not change the result.
    assert normalize(text.lower()) == normalize(text)
    assert normalize_reading(text.lower()) == normalize_reading(text)


def test_a_reading_keeps_a_first_word_that_spells_a_title() -> None:
    # Titles go from the name as written (clean()); a reading's words are all the name's.
    assert normalize("mr dynchr") == "dynchr"
    assert normalize_reading("mr dynchr") == "mr dynchr"
    assert normalize_reading("dr. o'neil") == fold("dr. o'neil")
