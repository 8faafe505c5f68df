"""Keys that fold the noise transliteration adds, so that spellings of one name meet.

`phonetic_key` folds the letters romanisation conventions disagree on (w/v, j/y/zh/dzh,
sch/sh/š, tsch/ch/č, kh/h/x, doubled letters, -ow/-off/-ev endings); `skeleton_key` keeps
only consonants, for abjad scripts (Arabic, Persian, Urdu, Hebrew) that omit short vowels;
`class_key` keeps consonant classes only, for scripts that re-syllabify a foreign name
(Chinese, Japanese, Korean add vowels, merge l and r, drop an r after a vowel, hear m before
b or p as n). All take one lower-case ASCII token; `token_keys` gives the phonetic key, the
skeleton and the classes without and with every r, in one call.

The rules are computed in C (_keys.c); keys_py.py states them as regular expressions (and
computes them instead with ROLLCALL_IMPLEMENTATION=python), and the tests hold the two
equal; their tables are rules.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .implementation import IMPLEMENTATION

if TYPE_CHECKING or IMPLEMENTATION == "c":
    from ._keys import token_keys
else:
    from .keys_py import token_keys

__all__ = ["phonetic_key", "skeleton_key", "class_key", "token_keys"]


# One key each, for callers that need one (the given-name table, tests): the C code computes
# all four at once, which costs next to nothing more.
def phonetic_key(token: str) -> str:
    return token_keys(token)[0]


def skeleton_key(token: str) -> str:
    return token_keys(token)[1]


def class_key(token: str, *, keep_r: bool = False) -> str:
    return token_keys(token)[3 if keep_r else 2]
