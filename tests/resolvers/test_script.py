import pytest

from resolvers.script import detect_script


@pytest.mark.parametrize(
    "text, script",
    [
        ("Sergej Lawrow", "Latin"),
        ("Сергей Лавров", "Cyrillic"),
        ("سرگئی لاوروف", "Arabic"),
        ("شہباز شریف", "Arabic"),
        ("拉夫罗夫", "Han"),
        ("セルゲイ・ラブロフ", "Katakana"),
        ("세르게이 라브로프", "Hangul"),
        ("סרגיי לברוב", "Hebrew"),
        ("Σεργκέι Λαβρόφ", "Greek"),
        ("सर्गेई लावरोव", "Devanagari"),
        ("სერგეი ლავროვი", "Georgian"),
        ("Սերգեյ Լավրով", "Armenian"),
        ("123 !!", "Unknown"),
        ("", "Unknown"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_mixed_script_takes_the_majority() -> None:
    assert detect_script("Sergei Лавров Lavrov") == "Latin"
