"""One-word names that may be two words written without the space between them: in scripts
that mark no word breaks (Burmese, Tibetan) read also cut in two at each syllable; in Urdu,
a query is also read cut after a letter that does not join the next."""

from __future__ import annotations

from collections.abc import Callable

from . import myanmar, tibetan
from .script import detect_script
from .tags import primary_language

__all__ = ["cut_in_two", "cut_where_a_space_is_left_out", "is_cut_in_two"]

# Scripts that put no space between words, whose news writes most foreign names as one word
# (ဂျိုးဘိုင်ဒန်, Joe Biden): a one-word name is also read cut in two at each syllable, one
# cut being between given name and family name. On the Burmese of
# service/lab/data/rare-script-names.jsonl, top-1 0.745 → 0.851 on the 47 names the rule was
# written with, 0.738 → 0.810 on 42 gathered after it. Tibetan (a tsheg after every
# syllable, no space) gained as many of its 25 names as it lost with 697 persons in the
# curated gazetteer; with 1,005, whose more names crowded the uncut readings out of the
# prescoring, it keeps 23 of 25 cut and 21 uncut.
# Per script: the syllables of a name written as one word, and the reading of a run of them.
_ONE_WORD_SYLLABLES: dict[str, tuple[Callable[[str], list[str]], Callable[[str], str]]] = {
    "Myanmar": (myanmar.one_word_syllables, myanmar.read_foreign_word),
    "Tibetan": (tibetan.one_word_syllables, tibetan.read_foreign_word),
}
# A name has rarely more than ten syllables (nine cuts), and each cut is a reading more to score.
_MAX_CUTS = 9


def cut_in_two(script: str, text: str) -> tuple[str, ...]:
    """A one-word name written in `script` read cut in two at each syllable ("jo baindan",
    "jobain dan"); nothing for other scripts, names of several words, of one syllable or of
    more than _MAX_CUTS + 1."""
    if script not in _ONE_WORD_SYLLABLES:
        return ()
    syllables_of, read = _ONE_WORD_SYLLABLES[script]
    syllables = syllables_of(text)
    if not 1 < len(syllables) <= _MAX_CUTS + 1:
        return ()
    # The cut is made in the script's text, so that the syllable before it is read as a
    # word's last.
    return tuple(read("".join(syllables[:at])) + " " + read("".join(syllables[at:])) for at in range(1, len(syllables)))


def is_cut_in_two(text: str, lang: str | None = None) -> bool:
    """Whether a name is also read cut in two at a guess (by translit.romanize() or, for a
    query, cut_where_a_space_is_left_out): as far as the confidence goes, it is still one word."""
    return bool(cut_in_two(detect_script(text), text) or cut_where_a_space_is_left_out(text, lang))


# Urdu writers leave out the space after a word that ends in a letter that does not join the
# next (ا د ر و ے ...): the gap shows anyway, so مارشا سنگھ (Marsha Singh) is often typed
# مارشاسنگھ. Shahmukhi Punjabi is written the same way. A one-word name asked for in these
# languages is also read cut after each such letter, two letters at least on each side. Only
# a name asked for alone: the article reader splits the words of running text itself
# (articles/mentions.py), and an alias is written with its spaces. The letters are those
# clean() leaves (آ أ إ are ا, ؤ is و); it makes ے the joining ی, so a word that ends in ے is
# not cut from the next.
_SPACE_AFTER_NON_JOINERS_LEFT_OUT = {"ur", "pnb"}
_NON_JOINING = frozenset("ادذرزڈڑژوۄۆۇۓ")


def cut_where_a_space_is_left_out(text: str, lang: str | None) -> tuple[str, ...]:
    """A one-word name in Urdu (`lang`) cut after each letter that does not join the next;
    nothing for other languages and names of several words."""
    if " " in text or primary_language(lang) not in _SPACE_AFTER_NON_JOINERS_LEFT_OUT:
        return ()
    return tuple(text[:i] + " " + text[i:] for i in range(2, len(text) - 1) if text[i - 1] in _NON_JOINING)
