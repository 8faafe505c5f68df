"""Names in scripts written without spaces between words, whose readers know syllables:
read also cut in two, since news writes a foreign name there as one word."""

from __future__ import annotations

from collections.abc import Callable

from . import myanmar
from .script import detect_script

__all__ = ["cut_in_two", "is_cut_in_two"]

# Scripts that put no space between words, whose news writes most foreign names as one word
# (ဂျိုးဘိုင်ဒန်, Joe Biden): a one-word name is also read cut in two at each syllable, one
# cut being between given name and family name. On the Burmese of
# service/lab/data/rare-script-names.jsonl, top-1 0.745 → 0.851 on the 47 names the rule was
# written with, 0.738 → 0.810 on 42 gathered after it. Tibetan (a tsheg after every
# syllable, no space) gained as many of its 25 names as it lost: it is not cut.
_SYLLABLES_OF_ONE_WORD: dict[str, Callable[[str], list[str]]] = {"Myanmar": myanmar.one_word_syllables}
# A name has rarely more syllables than this, and each cut is a reading more to score.
_MAX_CUT_SYLLABLES = 10


def cut_in_two(script: str, text: str) -> tuple[str, ...]:
    """A one-word name written in `script` cut in two at each syllable ("jo baindan",
    "jobain dan"); nothing for other scripts, names of several words or one syllable."""
    syllables = _SYLLABLES_OF_ONE_WORD[script](text) if script in _SYLLABLES_OF_ONE_WORD else []
    if not 1 < len(syllables) <= _MAX_CUT_SYLLABLES:
        return ()
    return tuple("".join(syllables[:k]) + " " + "".join(syllables[k:]) for k in range(1, len(syllables)))


def is_cut_in_two(text: str) -> bool:
    """Whether translit.romanize() also reads a name cut in two at a guess: as far as the
    confidence goes, it is still one word."""
    return bool(cut_in_two(detect_script(text), text))
