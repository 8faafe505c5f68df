"""Queries the confidence model learns from beyond the labelled names (lab.fitting): names
of nobody (made-up names, also written in other scripts, and the commonest words of each
language) and each labelled name's family name alone. Each is reproducible."""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from itertools import islice

import icu
from wordfreq import available_languages, top_n_list

from rollcall.resolvers.index import NameIndex
from rollcall.resolvers.normalize import clean, normalize
from rollcall.resolvers.script import CJK_SCRIPTS, detect_script
from rollcall.resolvers.wordlike import WORDLIST

__all__ = ["alias_words", "held_out_ordinary_words", "in_other_scripts", "made_up_names", "one_word_queries",
           "ordinary_words"]

_MADE_UP_SEED = 20261205
# The commonest words of each language taken as names of nobody (ordinary_words).
_ORDINARY_WORDS = 100
# How far down each language's list of words to look for them.
_LIST_LENGTH = 2000


def made_up_names(names: Sequence[tuple[str, str]], count: int, seed: int = _MADE_UP_SEED) -> list[tuple[str, str]]:
    """`count` names nobody holds, each with the id of the name it was made from ("" for
    none). Half are (id, name) pairs drawn from `names` with the letters of each word
    shuffled ("Jan Korte" -> "Naj Terko": a gazetteer's letters, nobody's name); half are
    letters drawn at random, as a typed made-up name is ("Qwerty Zxvu")."""
    rng = random.Random(seed)
    pool = [(pid, name) for pid, name in names if any(len(set(w)) > 1 for w in name.split())]
    out: list[tuple[str, str]] = []
    while pool and len(out) < count:
        if len(out) % 2:
            words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))
                     for _ in range(rng.randint(1, 3))]
            out.append((" ".join(w.capitalize() for w in words), ""))
            continue
        pid, name = rng.choice(pool)
        words = []
        for word in name.split():
            letters = list(word.lower())
            for _ in range(10):
                rng.shuffle(letters)
                if "".join(letters) != word.lower() or len(set(letters)) < 2:
                    break
            words.append("".join(letters).capitalize())
        out.append((" ".join(words), pid))
    return out


# ICU's transforms that write a Latin made-up name in the other scripts queries come in;
# Arabic and Hebrew lose the vowel points that their names are written without.
_OTHER_SCRIPTS = (
    "Latin-Cyrillic", "Latin-Arabic; [:Mn:] Remove", "Latin-Hebrew; [:Mn:] Remove", "Latin-Greek",
    "Latin-Katakana", "Latin-Hangul", "Latin-Georgian", "Latin-Armenian", "Latin-Devanagari",
    "Latin-Bengali", "Latin-Tamil", "Latin-Malayalam", "Latin-Thai", "Latin-Ethiopic",
)


def in_other_scripts(made: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The made-up names written in other scripts, each in one (in turn), with its source:
    a name of nobody is as often a name of nobody written in Cyrillic or Katakana, and across
    scripts a match has only its sound to go by."""
    transforms = [icu.Transliterator.createInstance(t) for t in _OTHER_SCRIPTS]
    return [(transforms[i % len(transforms)].transliterate(name.lower()), source)
            for i, (name, source) in enumerate(made)]


def one_word_queries(queries: Sequence[dict]) -> list[dict]:
    """Each labelled query's family name alone, labelled with the same person: the last
    word of the name as the matcher reads it (clean(): "Lavrov, Sergei" in reading order, a
    disambiguator in parentheses dropped). The labelled names are nearly all full names, so
    without these the confidence model learns names of one word from made-up names alone,
    and holds a real surname at a few per cent. Names written without spaces (Chinese,
    Japanese) and words of fewer than three letters are left out; a family name written
    first ("Wang Yi") gives its given name, which the label then counts as a miss, as a
    user who meant that person would."""
    out = []
    for q in queries:
        words = clean(q["query"]).split()
        if q.get("expected") and len(words) > 1 and sum(ch.isalpha() for ch in words[-1]) >= 3:
            out.append({**q, "id": f"one-word:{q['id']}", "query": words[-1]})
    return out


def alias_words(index: NameIndex) -> set[str]:
    """Every word of every alias of `index`, normalized: what ordinary_words leaves out."""
    return {w for i in range(len(index)) for w in normalize(index.data.record_of(i).name).split()}


def ordinary_words(alias_words: set[str], per_language: int = _ORDINARY_WORDS) -> list[tuple[str, str]]:
    """The commonest words of each language wordfreq lists, as (word, language): names of
    nobody, so that one word which only sounds like a surname ("дар", "gift", like Ishaq Dar's
    "Dar") is not taken for the person, as the family names alone would teach. Words written
    as a word of some alias (`alias_words`, normalized: Brown, May) are left out: alone,
    they may well mean that person. Words of fewer than three letters (two in Chinese,
    Japanese or Korean) are left out too."""
    return _words_of_each_language(alias_words, 0, per_language)


def held_out_ordinary_words(alias_words: set[str], per_language: int) -> list[tuple[str, str]]:
    """The next `per_language` words of each language after those ordinary_words gives the
    fit, chosen alike: ordinary words to measure the confidence on, none of them learned from."""
    return _words_of_each_language(alias_words, _ORDINARY_WORDS, _ORDINARY_WORDS + per_language)


def _words_of_each_language(alias_words: set[str], start: int, stop: int) -> list[tuple[str, str]]:
    out = []
    for lang in sorted(available_languages(WORDLIST)):
        words = (w for w in top_n_list(lang, _LIST_LENGTH, wordlist=WORDLIST)
                 if sum(ch.isalpha() for ch in w) >= (2 if detect_script(w) in CJK_SCRIPTS else 3)
                 and normalize(w) not in alias_words)
        out += [(word, lang) for word in islice(words, start, stop)]
    return out
