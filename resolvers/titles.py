"""Titles after a comma ("William Ross, Baron Ross of Marnock"): the name matcher reads the
name without them, as the news prints it, but a title the query gives says which of two
namesakes it means (William Ross the MP, or Willie Ross, Baron Ross of Marnock).

A title is known by the words that name its place or family ("Marnock", "Selkirk",
"Douglas"), compared by their romanised phonetic keys, so that a title in another script
meets the alias's ("барон Селкирк из Дугласа" and "Baron Selkirk of Douglas").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .keys import phonetic_key
from .normalize import fold, is_title_word, split_titles
from .translit import romanize

__all__ = ["title_words", "titles_agree"]

# Words shorter than this are the joining words of titles in any language ("of", "iz",
# "de", "von"): they say nothing of whose title it is.
_MIN_WORD = 4
# Phonetic keys at least this similar are one word: "duglasa" and "uendovera" (Russian
# genitives of "Douglas" and "Wendover") are "duglas" and "vendover". Loose, as it only
# decides between persons the name itself fits about equally well.
_SAME_WORD = 0.75


@lru_cache(maxsize=1024)
def title_words(name: str, lang: str | None = None) -> frozenset[str]:
    """The phonetic keys of the words of a name's titles after a comma that name a place or
    a family other than the name's own: namesakes share a surname, and a title that only
    repeats it ("Colin Moynihan, Baron Moynihan") tells none of them apart. Empty when the
    name has no such title."""
    name_part, titles = split_titles(name)
    words = [w for w in fold(titles).split() if not is_title_word(w)]
    if not words:
        return frozenset()
    own = set(_keys(name_part, lang))
    return frozenset(k for k in _keys(" ".join(words), lang) if k not in own)


def _keys(text: str, lang: str | None) -> list[str]:
    return [phonetic_key(w) for w in romanize(fold(text), lang)[0].split() if len(w) >= _MIN_WORD]


def titles_agree(query_words: frozenset[str], alias_names: Iterable[str]) -> bool:
    """Whether one of the names carries a title that shares a word with the query's."""
    for name in alias_names:
        for a in title_words(name):
            if any(Levenshtein.normalized_similarity(q, a) >= _SAME_WORD for q in query_words):
                return True
    return False
