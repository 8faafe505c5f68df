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

__all__ = ["phonetic_key", "skeleton_key", "class_key"]

# Longest patterns first: "tsch" must win over "sch" and "ch".
_DIGRAPHS = (
    ("dsch", "j"),
    ("tsch", "c"),
    ("shch", "s"),
    ("dzh", "j"),
    ("sch", "s"),
    ("tch", "c"),
    ("dj", "j"),
    ("zh", "j"),
    ("ch", "c"),
    ("sh", "s"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("iy", "i"),
    ("yi", "i"),
    ("ie", "i"),
)
_DIGRAPH_RE = re.compile("|".join(p for p, _ in _DIGRAPHS))
_DIGRAPH_MAP = dict(_DIGRAPHS)

_LETTERS = str.maketrans(
    {
        "w": "v",
        "y": "j",
        "x": "h",
        "q": "k",
        "z": "s",
        "c": "c",
    }
)
_ENDINGS = (("off", "ov"), ("ow", "ov"), ("ev", "ov"), ("ew", "ov"), ("jev", "ov"))
_DOUBLE = re.compile(r"(.)\1+")
# Russian ия/ие/ию: "iya" (English), "ija" (German), "ia" (French) are one sound.
_I_GLIDE = re.compile(r"i[jy](?=[aeou])")
_VOWELS = re.compile(r"[aeiouj]")


def phonetic_key(token: str) -> str:
    """Fold spelling variants of one romanised token: "lawrow" and "lavrov" → "lavrov"."""
    key = _I_GLIDE.sub("i", token)
    key = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group(0)], key)
    key = key.translate(_LETTERS)
    for ending, folded in _ENDINGS:
        if len(key) > len(ending) + 2 and key.endswith(ending):
            key = key[: -len(ending)] + folded
            break
    return _DOUBLE.sub(r"\1", key)


def skeleton_key(token: str) -> str:
    """Consonants of the phonetic key, first letter kept: what an abjad writes."""
    key = phonetic_key(token)
    if not key:
        return key
    return key[0] + _VOWELS.sub("", key[1:])


# Consonant classes: sounds that scripts and listeners exchange fall into one class
# (b/p/f/v: Korean and Japanese have no f or v, Hebrew ב is b or v; l/r: Chinese and
# Japanese merge them; s/z/sh/ch/j: Chinese x, q, j). h, w, y and vowels carry little.
_CLASS_DIGRAPHS = re.compile(r"dzh|tsch|sch|shch|zh|sh|ch|ts|tz|dz|kh|gh|ph|th|ng|ck|qu|x")
_CLASS_DIGRAPH_MAP = {
    "dzh": "s", "tsch": "s", "sch": "s", "shch": "s", "zh": "s", "sh": "s", "ch": "s",
    "ts": "s", "tz": "s", "dz": "s", "kh": "", "gh": "", "ph": "p", "th": "t", "ng": "n",
    "ck": "k", "qu": "k", "x": "ks",
}
_CLASS_LETTERS = str.maketrans(
    {"b": "p", "f": "p", "v": "p", "d": "t", "g": "k", "c": "k", "q": "k", "z": "s",
     "j": "s", "l": "r", "a": None, "e": None, "i": None, "o": None, "u": None, "y": None,
     "h": None, "w": None}
)
# An r after a vowel and before a consonant or the end is silent in English and German and
# absent from Chinese, Japanese and Korean renderings ("Gordon" → ゴードン, 戈登).
_POSTVOCALIC_R = re.compile(r"(?<=[aeiouy])r+(?=[^aeiouy]|$)")


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
