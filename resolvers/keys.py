"""Keys that fold the noise transliteration adds, so that spellings of one name meet.

`phonetic_key` folds the letters romanisation conventions disagree on (w/v, j/y/zh/dzh,
sch/sh/š, tsch/ch/č, kh/h/x, doubled letters, -ow/-off/-ev endings); `skeleton_key` keeps
only consonants, for abjad scripts (Arabic, Persian, Urdu, Hebrew) that omit short vowels.
Both take one lower-case ASCII token.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["phonetic_key", "skeleton_key"]

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


@lru_cache(maxsize=262144)
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


@lru_cache(maxsize=262144)
def skeleton_key(token: str) -> str:
    """Consonants of the phonetic key, first letter kept: what an abjad writes."""
    key = phonetic_key(token)
    if not key:
        return key
    return key[0] + _VOWELS.sub("", key[1:])
