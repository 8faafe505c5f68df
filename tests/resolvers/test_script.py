from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rollcall.resolvers.script import char_script, detect_script


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


def test_kana_decide_over_a_few_han() -> None:
    assert detect_script("ひらがな") == "Katakana"  # Hiragana alone is read as Kana too
    assert detect_script("山田タロウ") == "Katakana"
    assert detect_script("山田太郎タ") == "Han"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aZ1 -.ひらカタ漢字Жж한글αβـ\u200c", max_size=10))
def test_fast_paths_agree_with_counting(text: str) -> None:
    # ASCII and single-script names skip the count; the answer must be the count's.
    counts = Counter(s for s in map(char_script, text) if s)
    if not counts:
        want = "Unknown"
    elif counts["Katakana"] + counts["Hiragana"] and counts["Katakana"] + counts["Hiragana"] >= counts["Han"]:
        want = "Katakana"
    else:
        want = counts.most_common(1)[0][0]
    assert detect_script(text) == want
