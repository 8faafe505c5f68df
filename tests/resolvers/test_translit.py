import pytest

from resolvers.normalize import normalize
from resolvers.translit import romanize


@pytest.mark.parametrize(
    "name, lang, expected",
    [
        ("Сергей Лавров", "ru", "sergei lavrov"),
        ("Қасым-Жомарт Тоқаев", "kk", "qasym zhomart toqaev"),
        ("Садыр Жапаров", "ky", "sadyr japarov"),
        ("王毅", "zh", "wang yi"),
        ("习近平", None, "xi jin ping"),
        ("سراج الدین مهرالدین", "fa", "sraj aldyn mhraldyn"),  # unvowelled alef kept
        ("Ömürbek Tekebajew", "de", "omurbek tekebajew"),
    ],
)
def test_primary_romanisation(name: str, lang: str | None, expected: str) -> None:
    assert romanize(normalize(name), lang)[0] == expected


@pytest.mark.parametrize(
    "name, lang, one_of",
    [
        ("Қасым-Жомарт Тоқаев", None, "kasym zhomart tokaev"),  # no hint: generic Cyrillic too
        ("امامعلی رحمان", "fa", "amamly rhman"),
        ("ラブロフ", "ja", "rafurofu"),
        ("라브로프", "ko", "labeulopeu"),
        ("Σεργκέι Λαβρόφ", "el", "sergkei labroph"),
    ],
)
def test_several_romanisations(name: str, lang: str | None, one_of: str) -> None:
    assert one_of in romanize(normalize(name), lang)


def test_output_is_lowercase_ascii() -> None:
    for name in ("Лавров", "لاوروف", "拉夫罗夫", "ラブロフ", "ლავროვი", "Łukasz Żółć"):
        for form in romanize(normalize(name)):
            assert form.isascii() and form == form.lower()


def test_unknown_script_falls_back_without_raising() -> None:
    assert romanize(normalize("ꓡꓮꓦꓤꓳꓦ")) != ()
