"""Which writing system a name is in; it decides how to romanise it."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

__all__ = ["detect_script", "char_script", "LATIN", "CJK_SCRIPTS"]

LATIN = "Latin"
# Chinese, Japanese and Korean: a character is a syllable (two make a word), and words run
# together without spaces, so word lists count them in segments.
CJK_SCRIPTS = frozenset({"Han", "Katakana", "Hiragana", "Hangul"})

# Unicode character-name prefixes → script. Checked in order; names the first word of.
_PREFIXES = {
    "LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic",
    "CJK": "Han",
    "HIRAGANA": "Hiragana",
    "KATAKANA": "Katakana",
    "HANGUL": "Hangul",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "GURMUKHI": "Gurmukhi",
    "GUJARATI": "Gujarati",
    "ORIYA": "Oriya",
    "TAMIL": "Tamil",
    "TELUGU": "Telugu",
    "KANNADA": "Kannada",
    "MALAYALAM": "Malayalam",
    "SINHALA": "Sinhala",
    "THAI": "Thai",
    "LAO": "Lao",
    "KHMER": "Khmer",
    "MYANMAR": "Myanmar",
    "TIBETAN": "Tibetan",
    "MONGOLIAN": "Mongolian",
    "ETHIOPIC": "Ethiopic",
    "SYRIAC": "Syriac",
    "THAANA": "Thaana",
}


@lru_cache(maxsize=8192)
def char_script(ch: str) -> str | None:
    """Script of one character, or None for digits, punctuation and spaces."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if not name:
        return "Unknown"
    first = name.split(" ", 1)[0]
    if first == "HALFWIDTH" and "KATAKANA" in name:
        return "Katakana"
    if first == "KATAKANA-HIRAGANA":
        return "Katakana"
    return _PREFIXES.get(first, "Other")


def detect_script(text: str) -> str:
    """The dominant script of `text` ("Latin", "Cyrillic", "Han", ...), "Unknown" if none.

    Japanese names written in Katakana with a Kanji or two count as Katakana: the Kana
    decide the romanisation.
    """
    if text.isascii():  # every ASCII letter is Latin
        return LATIN if any(map(str.isalpha, text)) else "Unknown"
    scripts = [s for s in map(char_script, text) if s]
    if scripts and scripts[0] != "Hiragana" and scripts.count(scripts[0]) == len(scripts):
        return scripts[0]  # one script only, as most names are (Hiragana is read as Kana, below)
    counts = Counter(scripts)
    if not counts:
        return "Unknown"
    if counts.get("Katakana") or counts.get("Hiragana"):
        kana = counts.get("Katakana", 0) + counts.get("Hiragana", 0)
        if kana >= counts.get("Han", 0):
            return "Katakana"
    return counts.most_common(1)[0][0]
