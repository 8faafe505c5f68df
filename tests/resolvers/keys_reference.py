"""The keys of resolvers/keys.py stated with regular expressions, as Python applies them:
what resolvers/_keys.c must compute, letter for letter (tests/resolvers/test_keys.py).

Keys that fold the noise transliteration adds, so that spellings of one name meet.

`phonetic_key` folds the letters romanisation conventions disagree on (w/v, j/y/zh/dzh,
sch/sh/š, tsch/ch/č, kh/h/x, doubled letters, -ow/-off/-ev endings); `skeleton_key` keeps
only consonants, for abjad scripts (Arabic, Persian, Urdu, Hebrew) that omit short vowels;
`class_key` keeps consonant classes only, for scripts that re-syllabify a foreign name
(Chinese, Japanese, Korean add vowels, merge l and r, drop an r after a vowel).
All take one lower-case ASCII token.
"""

from __future__ import annotations

import re

from rollcall.resolvers.rules import (
    CLASS_DIGRAPHS, CLASS_LETTERS, DIGRAPHS, ENDING_MIN_STEM, ENDINGS, GLIDE_BEFORE, LETTERS, R_VOWELS, SKELETON_VOWELS,
)

__all__ = ["phonetic_key", "skeleton_key", "class_key"]

_DIGRAPH_RE = re.compile("|".join(p for p, _ in DIGRAPHS))
_DIGRAPH_MAP = dict(DIGRAPHS)
_LETTERS = str.maketrans(dict(LETTERS))
_DOUBLE = re.compile(r"(.)\1+")
_I_GLIDE = re.compile(f"i[jy](?=[{GLIDE_BEFORE}])")
_VOWELS = re.compile(f"[{SKELETON_VOWELS}]")


def phonetic_key(token: str) -> str:
    """Fold spelling variants of one romanised token: "lawrow" and "lavrov" → "lavrov"."""
    key = _I_GLIDE.sub("i", token)
    key = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group(0)], key)
    key = key.translate(_LETTERS)
    for ending, folded in ENDINGS:
        if len(key) > len(ending) + ENDING_MIN_STEM and key.endswith(ending):
            key = key[: -len(ending)] + folded
            break
    return _DOUBLE.sub(r"\1", key)


def skeleton_key(token: str) -> str:
    """Consonants of the phonetic key, first letter kept: what an abjad writes."""
    key = phonetic_key(token)
    if not key:
        return key
    return key[0] + _VOWELS.sub("", key[1:])


_CLASS_DIGRAPHS = re.compile("|".join(p for p, _ in CLASS_DIGRAPHS))
_CLASS_DIGRAPH_MAP = dict(CLASS_DIGRAPHS)
_CLASS_LETTERS = str.maketrans(dict(CLASS_LETTERS))
_POSTVOCALIC_R = re.compile(f"(?<=[{R_VOWELS}])r+(?=[^{R_VOWELS}]|$)")


# m before b or p is heard and written as n by many scripts (Japanese ン, Chinese 林布).
_NASAL_BEFORE_LABIAL = re.compile(r"m(?=[bp])")


def class_key(token: str, *, keep_r: bool = False) -> str:
    """Consonant classes of a token: "gordon" and "godeun" (Korean) → "ktn". An r after a
    vowel is dropped unless `keep_r` (Japanese keeps the r of German names: ゲルハルト)."""
    key = token if keep_r else _POSTVOCALIC_R.sub("", token)
    key = _NASAL_BEFORE_LABIAL.sub("n", key)
    key = _CLASS_DIGRAPHS.sub(lambda m: _CLASS_DIGRAPH_MAP[m.group(0)], key)
    key = key.translate(_CLASS_LETTERS)
    return _DOUBLE.sub(r"\1", key)
