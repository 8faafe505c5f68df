import pytest

from rollcall.resolvers import AliasRecord, PersonRecord, Query, build_name_index, match
from rollcall.resolvers.forms import name_forms
from rollcall.resolvers.given_names import _DATA, name_groups
from rollcall.resolvers.keys import phonetic_key
from rollcall.resolvers.script import detect_script


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
    return {g for form in name_forms(name, "zh") if len(form.keys) == 1 for g in name_groups(form.keys[0])}


def _groups_of(written: str, lang: str | None) -> set[int]:
    """The given-name groups of a word in another script, in each of its readings."""
    return {g for form in name_forms(written, lang) for g in name_groups(form.keys[0])}


@pytest.mark.parametrize("chinese, latin", [
    ("约翰", "john"), ("約翰", "john"), ("大卫", "david"), ("戴維", "david"), ("埃德", "edward"),
    ("乔治", "george"), ("路德维希", "ludwig"), ("格哈特", "gerhard"), ("伊丽莎白", "elizabeth"),
    ("康拉德", "konrad"), ("谢尔盖", "sergei"), ("奥拉夫", "olaf"), ("埃马纽埃尔", "emmanuel"),
])
def test_chinese_renderings_of_a_given_name_are_that_name(chinese: str, latin: str) -> None:
    assert _groups_of_chinese(chinese) == set(name_groups(phonetic_key(latin)))


@pytest.mark.parametrize("written, lang, latin", [
    ("Эндрю", "ru", "andrew"), ("Уильям", "ru", "william"), ("Дэвид", "ru", "david"), ("Майкл", "ru", "michael"),
    ("Джеймс", "ru", "james"), ("Энтони", "ru", "tony"), ("Стивен", "ru", "steve"), ("Кэтрин", "ru", "kate"),
    ("Чарльз", "ru", "charles"), ("Гарри", "ru", "henry"),
    ("پیتر", "fa", "peter"), ("دیوید", "fa", "david"), ("جیمز", "fa", "james"), ("ویلیام", "fa", "william"),
    ("فریدریش", "fa", "fritz"),
])
def test_russian_and_persian_renderings_of_a_given_name_are_that_name(written: str, lang: str, latin: str) -> None:
    # Russian writes English names as they sound ("endryu" for Andrew, "devid" for David),
    # Persian without their short vowels ("pytr" for Peter): too far from the Latin
    # spelling for its keys.
    assert _groups_of(written, lang) == set(name_groups(phonetic_key(latin)))


def test_every_rendering_in_another_script_reads_into_its_own_line_only() -> None:
    """A reading that fell into another line's group too (a pinyin syllable string that
    spells another name) would tie two given names."""
    lines = [ln for ln in _DATA.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    written = [(number, v.strip()) for number, line in enumerate(lines) for v in line.split(",")
               if detect_script(v.strip()) != "Latin"]
    assert len(written) > 60
    for number, variant in written:
        groups = _groups_of_chinese(variant) if detect_script(variant) == "Han" else _groups_of(variant, None)
        assert groups == {number}, (variant, lines[number][:40])


def test_an_english_name_in_russian_finds_its_bearer_under_a_short_form() -> None:
    # "Дэвид Тёрнбулл" read "devid ternbull" came nearer a made-up David Ternby (0.66) than
    # to Dave Turnbull (0.29): Дэвид is David, Dave's name, and ёр before a consonant is
    # the ur of English (Тёрнер Turner).
    persons = [PersonRecord("QD", "Dave Turnbull", "GB"), PersonRecord("QE", "David Ternby", "GB"),
               PersonRecord("QF", "Dennis Turnbull", "GB")]
    index = build_name_index(persons, [AliasRecord(p.id, p.name, "en") for p in persons])
    assert match(index, Query("Дэвид Тёрнбулл", "ru")).candidates[0].person_id == "QD"


def test_a_persian_peter_is_not_a_petra() -> None:
    # پیتر, read "pytr", was as near Petra (0.58) as Peter (0.42); as Peter's name it is
    # another given name than Petra's.
    persons = [PersonRecord("QP", "Peter Lindner", "DE"), PersonRecord("QA", "Petra Lindner", "DE")]
    index = build_name_index(persons, [AliasRecord(p.id, p.name, "de") for p in persons])
    first = match(index, Query("پیتر لیندنر", "fa")).candidates[0]
    assert first.person_id == "QP" and first.confidence >= 0.9
