"""One word of a name in an article: how many letters it has as read, and whether it alone
names a person (a family name, as a text names someone after naming them in full)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..forms import family_name_first, name_forms
from ..given_names import name_groups
from ..score import PARTICLES
from ..text import Token
from ..translit import romanize
from ..normalize import clean, normalize
from ..wordlike import commonness, script_has_case

__all__ = ["SURE_LETTERS", "begins_unknown_name", "initials_before", "is_another_given_name", "is_given_name",
           "is_name_like", "is_particle", "is_surname_of", "letters_read", "sounds_like_surname"]

# A word of this many letters (as read) is seldom both a common word and a name; a shorter
# one often is ("Sie" and Xi; Pashto شي, "becomes").
SURE_LETTERS = 5


def sounds_like_surname(word: str, lang: str | None, alias: str, alias_lang: str) -> bool:
    """Whether `word` reads (by phonetic key) as the family name of `alias`, its last word or
    its first in a script that puts it first (习近平 "xi jin ping": Xi, not Ping; Kazakh
    "Сиань", the city Xi'an, is not 贤 of Penny Wong's 黄英贤), or as the whole of it
    written as one word, as Korean writes a name (시진핑, Xi Jinping: 习近平)."""
    keys = {k for f in name_forms(clean(word), lang) for k in f.keys}
    family = 0 if family_name_first(alias) else -1
    return any(f.keys and (f.keys[family] in keys or "".join(f.keys) in keys)
               for f in name_forms(clean(alias), alias_lang or None))


def is_surname_of(word: str, lang: str | None, alias: str, alias_lang: str) -> bool:
    """Whether one word alone names the person of `alias`: it is the alias's last word (the
    family name) or the whole alias, as written, or read alike when the word is long enough
    not to be a common word that merely sounds like a name ("Sie" is not "Xi")."""
    words = normalize(alias).split()
    if not words:
        return False
    if normalize(word) in (words[-1], " ".join(words)):
        return True
    return letters_read(word, lang) >= SURE_LETTERS and sounds_like_surname(word, lang, alias, alias_lang)


def is_given_name(word: str, lang: str | None) -> bool:
    """Whether the word reads as a given name of the given-name data (given_names)."""
    return bool(_given_name_groups(word, lang))


def is_another_given_name(word: str, lang: str | None, names: Iterable[str]) -> bool:
    """Whether the word reads as a given name that no word of `names` (one person's names)
    is a form of: "Lawrence" before "Wong" begins another name than Penny Wong's."""
    groups = _given_name_groups(word, lang)
    return bool(groups) and not any(groups & _given_name_groups(w, None) for name in names for w in name.split())


def _given_name_groups(word: str, lang: str | None) -> frozenset[int]:
    return frozenset(g for f in name_forms(clean(word), lang) for k in f.keys for g in name_groups(k))


def begins_unknown_name(given: Token, after: Token, lang: str | None, common_level: float) -> bool:
    """Whether a given name and the capitalised word after it are the name of someone the
    gazetteer lacks when no name has that word (is_name_like): "Michel Haddad" is not
    Charles Michel, whose one-word alias "Michel" is."""
    return is_name_like(after.text, lang, common_level) and is_given_name(given.text, lang)


def is_name_like(word: str, lang: str | None, common_level: float) -> bool:
    """Whether a word is capitalised in a script with case and not common in the language
    (Zipf `common_level`), where capitals also begin sentences and nouns: a word of a name."""
    return script_has_case(word) and word[:1].isupper() and commonness(word, lang) < common_level


def letters_read(word: str, lang: str | None) -> int:
    """How many letters a word has: as written in an alphabet with case; as read in Latin
    letters in a script without (its shortest reading), where a Hangul syllable writes two
    or three (푸틴 is "putin") and an abjad leaves vowels out."""
    if script_has_case(word):
        return len(normalize(word))
    return min((len("".join(f.tokens)) for f in name_forms(clean(word), lang)), default=0)


def is_particle(word: str, lang: str | None) -> bool:
    """Whether a word is one of the particles names carry ("von", "der", "bin"), as written
    or as read: Greek "φον ντερ" and Russian "фон дер" of Ursula von der Leyen, which a
    text writes in lower case inside the name."""
    folded = normalize(word)
    return folded in PARTICLES or any(reading in PARTICLES for reading in romanize(clean(word), lang))


def initials_before(text: str, tokens: Sequence[Token], first: int) -> tuple[int, str]:
    """The initials written before the word at `first`, glued or spaced ("С.В.Лавров",
    "N. A. Nazarbayev"): the position of the first and their letters ("СВ"); (first, "")
    when there are none. An initial is a capital letter, or a Latin digraph for one sound
    ("Sh.", "Zh."), and a full stop."""
    letters = ""
    k = first
    while k > 0 and first - k < 3:
        tok = tokens[k - 1]
        between = text[tok.end : tokens[k].start]
        if not _is_initial(tok.text) or between.strip() != ".":
            break
        letters = tok.text[0] + letters
        k -= 1
    return k, letters


def _is_initial(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or (len(word) == 2 and word[1] == "h"))
