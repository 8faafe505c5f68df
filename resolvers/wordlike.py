"""Whether a word of running text is an ordinary word of its language rather than a name.

Articles are full of words that sound like surnames ("May", "Dar", "Devlet", "در"): the
gazetteer's keys match them, and only evidence beyond the spelling tells a person. Two
general signals stand here, each the statement of one rule:

- how common the word is in the language (wordfreq's Zipf scale: 6 is about once in a
  thousand words, 3 once in a million; below 3 counts as 0), for the 40-odd languages
  wordfreq covers, and for Thai, which it lacks, from the Thai National Corpus's counts
  that PyThaiNLP carries; another language gives 0 ("unknown"), and the other signals
  decide;
- case: in a script with case, a name is written with a capital letter.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from functools import lru_cache

from .caches import READINGS_CACHED
from .normalize import normalize
from .script import CJK_SCRIPTS, LATIN, detect_script
from .tags import primary_language
from .translit import transliterator

__all__ = ["ORDINARY_WORD", "ORDINARY_WORD_COMMONNESS", "WORDLIST", "commonness", "common_thai_words", "is_capitalised",
           "is_word_of_names", "knows_words", "script_has_case", "tells_names_from_words", "word_commonness"]


# wordfreq's small lists hold the words of Zipf 3 and above: every threshold the article
# reader uses is above that, so they decide as the large lists would, and load about ten
# times faster (some 35 ms a language) in a fraction of the memory.
WORDLIST = "small"


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    from wordfreq import available_languages  # loads its tables on first use, not at import

    return frozenset(available_languages(WORDLIST))


def tells_names_from_words(text: str, lang: str | None) -> bool:
    """Whether anything but the name itself can tell a name in `text` from words of `lang`:
    a word list of the language, or a capital letter in a script with case (Pashto and
    Georgian have neither)."""
    return knows_words(lang) or script_has_case(text)


def knows_words(lang: str | None) -> bool:
    """Whether commonness() can tell the words of `lang` (it has their frequencies)."""
    if not lang:
        return False
    primary = primary_language(lang)
    return primary == "th" or primary in _languages()


@lru_cache(maxsize=READINGS_CACHED)
def commonness(word: str, lang: str | None) -> float:
    """Zipf frequency of `word` in `lang` (primary subtag), 0.0 when unknown."""
    if not knows_words(lang):
        return 0.0
    primary = primary_language(lang)
    if primary == "th":
        return _thai_zipf().get(word, 0.0)
    from wordfreq import zipf_frequency

    if primary == "zh":
        _quiet_jieba()
    return zipf_frequency(word, primary, wordlist=WORDLIST)


@lru_cache(maxsize=1)
def _thai_zipf() -> dict[str, float]:
    """Thai words of Zipf 3 and above (as wordfreq's small lists), from the Thai National
    Corpus's word counts (33.5 million words counted; about 0.1 s to load)."""
    from pythainlp.corpus.tnc import word_freqs

    counts = word_freqs()
    per_billion = 1e9 / sum(n for _, n in counts)
    zipf = ((word, math.log10(n * per_billion)) for word, n in counts)
    return {word: z for word, z in zipf if z >= _RARE}


def common_thai_words(zipf: float) -> frozenset[str]:
    """The Thai words the Thai National Corpus counts at `zipf` or above (_thai_zipf)."""
    return frozenset(word for word, z in _thai_zipf().items() if z >= zipf)


@lru_cache(maxsize=1)
def _quiet_jieba() -> None:
    """wordfreq cuts Chinese into words with jieba, which logs loading its dictionary to
    stderr at DEBUG (set when it is imported): noise in the CLI's output and the server's log."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


# Below this Zipf frequency a word is rare enough to be anything, a name as well as a word
# (the small lists stop at 3).
_RARE = 3.0
# A lone word this common in its language (Zipf 5.5, about three in ten thousand
# words: "may", "river", "devlet", "drei") is an ordinary word, whoever it spells,
# unless it is a word of that person's own names. The news makes the names it reports
# common too, but less so: Πούτιν in Greek 4.2, Putyin in Hungarian 4.0, Erdoğan in
# Turkish 5.2. ORDINARY_WORD_COMMONNESS is the same level as word_commonness counts.
ORDINARY_WORD = 5.5
ORDINARY_WORD_COMMONNESS = ORDINARY_WORD - _RARE
# wordfreq counts Chinese, Japanese and Korean in segments (jieba, MeCab), so a common word
# of two characters is counted whole and often: of the words it ranks after the 350th, 734
# Chinese and 431 Japanese are of Zipf 5 to 5.5 (来自 "from", 人気 "popular", 认识 "know"),
# and 13 and 3 of them came back accepted as someone. The names the news reports most stay
# below 4.8 there (习近平 4.5, 安倍 4.7 ja, 문재인 4.7 ko; 毛泽东 5.0 is an alias wherever he
# is in a gazetteer): a word in these scripts (script.CJK_SCRIPTS) counts this much more
# common.
_SEGMENTED_OFFSET = 0.5


@lru_cache(maxsize=READINGS_CACHED)
def word_commonness(text: str, lang: str | None) -> float:
    """How far above rare a query written as one word is as a word of `lang`: its Zipf
    frequency less 3, at least 0; 0 for text of several words, or in a language wordfreq
    lacks or none given. A full name is not a word; one word ("None", 其实) may be either."""
    text = text.strip()
    if any(ch.isspace() for ch in text):
        return 0.0
    zipf = commonness(text.lower(), lang)
    if zipf and detect_script(text) in CJK_SCRIPTS:
        zipf += _SEGMENTED_OFFSET
    return max(0.0, zipf - _RARE)


def is_word_of_names(word: str, script: str, names: Iterable[str]) -> bool:
    """Whether `word` (in `script`) is a word of one of `names`, as written or letter for
    letter in the same script: Ukrainian "Путін" is Russian "Путин", both "putin" in Latin
    letters. The word lists count the names the news reports, so such a word alone is its
    bearer's name before it is a word. Not as said: English reads "Draghi" as "drai", as
    German reads "drei" ("three"); nor across scripts: Danish "børn" ("children") is no
    "Борн" (Borne). Every letter counts: Arabic باسم (Basim, "smiling") is not the بسم of
    Bismillah, though unidecode drops the alif; and a Latin word is compared as written, its
    accents aside, for đ, ł or ø are letters of their own: Vietnamese "đường" ("road") is no
    Duong."""
    word = normalize(word)
    letters = None if script == LATIN else _latin_letters(word)
    for name in names:
        for name_word in normalize(name).split():
            if name_word == word or (letters is not None and detect_script(name_word) == script
                                     and _latin_letters(name_word) == letters):
                return True
    return False


@lru_cache(maxsize=READINGS_CACHED)  # the same names' words, for each candidate of each query
def _latin_letters(word: str) -> str:
    """A word in Latin letters, one for each of its own (ICU's reading, accents dropped)."""
    return transliterator("Any-Latin").transliterate(word)


def script_has_case(word: str) -> bool:
    """Whether the word's letters have upper and lower case (Latin, Cyrillic, Greek,
    Armenian); not Georgian's (see _has_case)."""
    return any(map(_has_case, word))


def is_capitalised(word: str) -> bool:
    """First letter upper case (or no case at all: Arabic, Han, Devanagari, Georgian...)."""
    first = next((c for c in word if c.isalpha()), "")
    return not first or not _has_case(first) or first.isupper()


def _has_case(ch: str) -> bool:
    # Georgian (Mkhedruli, U+10D0-U+10FF) has no capitals in writing: Unicode 11 gave its
    # letters upper-case forms (Mtavruli, U+1C90-U+1CBF), used only for headings set all in
    # capitals, and Python's upper() maps to them, so its names would never count as
    # capitalised. Its older alphabets (U+10A0-U+10CF, U+2D00-U+2D2F) are as caseless.
    return ch.lower() != ch.upper() and not ("\u10a0" <= ch <= "\u10ff" or "\u1c90" <= ch <= "\u1cbf"
                                             or "\u2d00" <= ch <= "\u2d2f")
