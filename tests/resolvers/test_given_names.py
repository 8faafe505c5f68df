import pytest

from rollcall.resolvers.given_names import name_groups
from rollcall.resolvers.keys import phonetic_key


@pytest.mark.parametrize(
    "a, b",
    [("ioannes", "john"), ("hans", "jan"), ("gulielmus", "william"), ("andy", "andrew"),
     ("jurgen", "george"), ("mehmet", "muhammad"), ("yusuf", "joseph"), ("dzhon", "john"),
     ("heiner", "heinrich"), ("kurt", "konrad"), ("fyodor", "theodore"), ("dieter", "dietrich"),
     ("wladimir", "volodymyr")],
)
def test_forms_of_one_given_name_share_a_group(a: str, b: str) -> None:
    assert name_groups(phonetic_key(a)) & name_groups(phonetic_key(b))


@pytest.mark.parametrize("a, b", [("peter", "petra"), ("john", "james"), ("lavrov", "john"),
                                  ("christina", "christian"), ("sandra", "sandro"), ("michaela", "michael")])
def test_different_names_do_not(a: str, b: str) -> None:
    assert not name_groups(phonetic_key(a)) & name_groups(phonetic_key(b))


def _groups_of_chinese(name: str) -> set[int]:
    """The given-name groups of a Chinese word read whole, in each of its readings (a
    two- or three-character word is also read syllable by syllable, as a Chinese name: "安"
    "an" alone may be another name)."""
    from rollcall.resolvers.forms import name_forms

    return {g for form in name_forms(name, "zh") if len(form.keys) == 1 for g in name_groups(form.keys[0])}


@pytest.mark.parametrize("chinese, latin", [
    ("约翰", "john"), ("約翰", "john"), ("大卫", "david"), ("戴維", "david"), ("埃德", "edward"),
    ("乔治", "george"), ("路德维希", "ludwig"), ("格哈特", "gerhard"), ("伊丽莎白", "elizabeth"),
    ("康拉德", "konrad"), ("谢尔盖", "sergei"), ("奥拉夫", "olaf"), ("埃马纽埃尔", "emmanuel"),
])
def test_chinese_renderings_of_a_given_name_are_that_name(chinese: str, latin: str) -> None:
    assert _groups_of_chinese(chinese) == set(name_groups(phonetic_key(latin)))


def test_every_chinese_rendering_in_the_data_reads_into_its_own_line_only() -> None:
    """A reading that fell into another line's group too (a pinyin syllable string that
    spells another name) would tie two given names."""
    from rollcall.resolvers.given_names import _DATA

    lines = [ln for ln in _DATA.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    han = [(number, v.strip()) for number, line in enumerate(lines) for v in line.split(",") if not v.strip().isascii()]
    assert len(han) > 50
    for number, variant in han:
        assert _groups_of_chinese(variant) == {number}, (variant, lines[number][:40])
