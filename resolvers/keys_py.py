"""The key rules stated in Python, as regular expressions: what _keys.c computes, letter
for letter.

`phonetic_key` folds the letters romanisation conventions disagree on (w/v, j/y/zh/dzh,
sch/sh/š, tsch/ch/č, kh/h/x, doubled letters, -ow/-off/-ev endings); `skeleton_key` keeps
only consonants, for abjad scripts (Arabic, Persian, Urdu, Hebrew) that omit short vowels;
`class_key` keeps consonant classes only, for scripts that re-syllabify a foreign name
(Chinese, Japanese, Korean add vowels, merge l and r, drop an r after a vowel). All take
one lower-case ASCII token. The tables are rules.py's. The C code is the fast copy
(tests/resolvers/test_keys.py holds the two equal on every word of the shared gazetteers
and on random text); ROLLCALL_IMPLEMENTATION=python makes keys.py use this module.
"""

from __future__ import annotations

import re

from .rules import (
    CLASS_DIGRAPHS, CLASS_LETTERS, DIGRAPHS, ENDING_MIN_STEM, ENDINGS, GLIDE_BEFORE, LETTERS, R_VOWELS, SKELETON_VOWELS,
)

__all__ = ["phonetic_key", "skeleton_key", "class_key", "token_keys"]

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


def token_keys(token: str) -> tuple[str, str, str, str]:
    """(phonetic key, skeleton, class key, class key with every r kept) of a token."""
    if not isinstance(token, str):
        raise TypeError(f"token must be str, not {type(token).__name__}")
    return phonetic_key(token), skeleton_key(token), class_key(token), class_key(token, keep_r=True)
