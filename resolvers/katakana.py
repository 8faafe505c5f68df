"""Katakana names read back towards the spelling of the language they came from: Japanese
writes a foreign name with a vowel after every consonant, and its small kana mark sounds
Japanese syllables lack."""

from __future__ import annotations

import re
from functools import lru_cache

import icu

__all__ = ["katakana_readbacks", "small_kana_vowels"]


@lru_cache(maxsize=1)
def _hepburn() -> icu.Transliterator:
    """Katakana in Hepburn with its long vowels marked (ū), which ASCII would lose."""
    return icu.Transliterator.createInstance("Katakana-Latin; Lower")


# Katakana writes a foreign name with a vowel after every consonant (Hepburn "mirujiyoefu"
# for Mirziyoyev, "rafumon" for Rahmon, "pūchin" for Putin): read back as the source
# language wrote it, the vowel Japanese adds between consonants and after a final
# consonant goes, -fu at the end is Russian -v, chi is ti, and f before a consonant is the
# h (kh) Japanese has no other letter for.
_CONSONANT = "bcdfghjklmnpqrstvwxz"
_KANA_READBACK = (
    (re.compile(r"fu\b"), "v"),
    (re.compile(rf"(?<=[{_CONSONANT}])u(?=[{_CONSONANT}])"), ""),
    (re.compile(r"chi"), "ti"),
)
# Alternatives: t and d before a consonant (ト, ド: "batotoruga" Battulga, but "tokaefu"
# Tokayev), f as h, and a final su as the English th Japanese writes with the s row
# (スミス "sumisu" Smith, エリザベス Elizabeth, キース Keith).
_KANA_ALTERNATIVES = ((re.compile(rf"(?<=[td])o(?=[{_CONSONANT}])"), ""), (re.compile(rf"f(?=[{_CONSONANT}])"), "h"),
                      (re.compile(r"(?<=[aeiouāēīōū])su\b"), "th"))


# ICU writes a small vowel kana after a syllable as "~" and the vowel (ヴィ "vu~i", ツァ
# "tsu~a", ウォ "u~o"), which would split the word: the small vowel takes the syllable's
# vowel's place ("vi", "tsa"); after no consonant, u~ is w and i~ is y (ウォ "wo", イェ "ye").
_SMALL_KANA = (
    (re.compile(r"(?<![b-df-hj-np-tv-z])u~"), "w"),
    (re.compile(r"(?<![b-df-hj-np-tv-z])i~"), "y"),
    (re.compile(r"[aeiouāēīōū]~"), ""),
)


def small_kana_vowels(latin: str) -> str:
    for pattern, replacement in _SMALL_KANA:
        latin = pattern.sub(replacement, latin)
    return latin


def katakana_readbacks(katakana: str) -> list[str]:
    """The source-language spellings a Katakana name may stand for, read back from its
    Hepburn reading (with its long vowels marked: only a short vowel is one Japanese adds)."""
    back = small_kana_vowels(_hepburn().transliterate(katakana))
    for pattern, replacement in _KANA_READBACK:
        back = pattern.sub(replacement, back)
    return [back] + [pattern.sub(replacement, back) for pattern, replacement in _KANA_ALTERNATIVES]
