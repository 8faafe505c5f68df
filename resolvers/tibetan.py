"""Names in Tibetan script read back into Latin letters, by the rules of Tibetan spelling.

ICU has no transform for Tibetan script, and unidecode reads its letters without their
vowels ("བ་རག་ཨོ་བ་མ", Barack Obama, came out "b rg ao b m"). Tibetan writes a foreign name
syllable by syllable, each syllable ended by a tsheg (་), and these rules read each one:

- a syllable's first letter is its root, with the letters subjoined to it (བྲ "br", སྐ "sk"),
  unless the second carries the vowel or a subjoined letter: then the first is a prefix,
  which is not said (བཀྲ "kr");
- the vowel signs are i ི ྀ, u ུ, e ེ, o ོ (ཻ ai, ཽ au); without one the vowel is a; ཱ (length)
  is not read, ཾ is m;
- the letters after the root close the syllable ("ནལ" "nal", "རག" "rag"); འ and ཨ carry a
  vowel and are not said;
- the letters take the values foreign names give them: the aspirated ཁ ཐ ཕ ཚ are k t p ts,
  and the reversed letters Tibetan keeps for foreign sounds (ཊ ཌ ཎ ཥ) are t d n sh; ཛ is the
  z of foreign names, བྷ (with Sanskrit's aspiration) b, ཧྥ f.

The words of a name are written apart by a space, a shad (།) or a middle dot. Two readings
come back: in the first, a syllable of a lone consonant (no vowel written, nothing closing
it) before another one is half of a cluster and has no vowel (ཊ་རམ "tram", Trump); in the
second it has the a that Tibetan says there ("taram"). Tibetan names, romanised by their
own conventions (Tashi, Dhondup), are not the aim: their prefixes and suffixes that change
a vowel ("bkra shis" is said "tashi") are read as letters.
"""

from __future__ import annotations

import re

from .normalize import NAME_DOTS

__all__ = ["one_word_syllables", "read_foreign_word", "read_tibetan"]

_LETTERS = {
    "ཀ": "k", "ཁ": "k", "ག": "g", "ང": "ng", "ཅ": "ch", "ཆ": "ch", "ཇ": "j", "ཉ": "ny", "ཏ": "t", "ཐ": "t",
    "ད": "d", "ན": "n", "པ": "p", "ཕ": "p", "བ": "b", "མ": "m", "ཙ": "ts", "ཚ": "ts", "ཛ": "z", "ཝ": "w",
    "ཞ": "zh", "ཟ": "z", "འ": "", "ཡ": "y", "ར": "r", "ལ": "l", "ཤ": "sh", "ས": "s", "ཧ": "h", "ཨ": "",
    "ཊ": "t", "ཋ": "t", "ཌ": "d", "ཎ": "n", "ཥ": "sh", "ཫ": "k", "ཬ": "r", "ཪ": "r",
}
# Subjoined letters (U+0F90-U+0FBC) read as their base letters 0x50 below, but for the
# fixed forms of wa, ya and ra, whose base letters are other letters.
_SUBJOINED_FORMS = {"\u0fba": "w", "\u0fbb": "y", "\u0fbc": "r"}
_VOWELS = {"\u0f72": "i", "\u0f80": "i", "\u0f74": "u", "\u0f7a": "e", "\u0f7c": "o", "\u0f7b": "ai", "\u0f7d": "au",
           "\u0f71": ""}
_ANUSVARA = ("\u0f7e", "\u0f83")
_PREFIXES = "གདབམའ"
_VOICED = ("g", "d", "b", "z", "j")
_WORD_BREAK = re.compile(f"[\\s\u0f0d\u0f0e\u0f14{NAME_DOTS}]+")
_SYLLABLE_BREAK = re.compile("[\u0f0b\u0f0c]+")
_SYLLABLE_WITH_TSHEG = re.compile("[^\u0f0b\u0f0c]+[\u0f0b\u0f0c]*")


def _subjoined(ch: str) -> str | None:
    """A subjoined letter's value, None for a character that is not one."""
    if ch in _SUBJOINED_FORMS:
        return _SUBJOINED_FORMS[ch]
    if "\u0f90" <= ch <= "\u0fbc":
        return _LETTERS.get(chr(ord(ch) - 0x50), "")
    return None


def _letter(group: list[str]) -> tuple[str, str, str]:
    """A base letter with what is written on or under it: (consonants, vowel or "", ཾ's m)."""
    consonants, vowel, nasal = _LETTERS[group[0]], "", ""
    for mark in group[1:]:
        if (value := _subjoined(mark)) is not None:
            # Subjoined ཧ after a voiced letter is Sanskrit's aspiration (བྷ "bh" for a
            # foreign b); under ཧ, ཕ is f (ཧྥ).
            if value == "h" and consonants in _VOICED:
                continue
            consonants = "f" if (consonants, value) == ("h", "p") else consonants + value
        elif mark in _VOWELS:
            vowel = vowel or _VOWELS[mark]
        elif mark in _ANUSVARA:
            nasal = "m"
    return consonants, vowel, nasal


def _read_syllable(syllable: str) -> tuple[str, str, str] | None:
    """(onset, vowel as written or "", closing letters) of one syllable; None if it has no
    letter."""
    letters: list[list[str]] = []  # each base letter with what is written on or under it
    for ch in syllable:
        if ch in _LETTERS:
            letters.append([ch])
        elif letters:
            letters[-1].append(ch)
    if not letters:
        return None
    root = 0
    if len(letters) > 1 and letters[0][0] in _PREFIXES and len(letters[0]) == 1 and len(letters[1]) > 1:
        root = 1  # the second letter carries the vowel or a subjoined one: the first is a prefix
    onset, vowel, nasal = _letter(letters[root])
    # A closing letter may carry a vowel of its own: འ with one adds that vowel (ཐའོ "tao",
    # ཧིའུ "hiu"); one with letters stacked under it begins a syllable of Sanskrit's kind,
    # with a vowel a if none is written (ནྡྲ "ndra" in ན་རེནྡྲ, Narendra).
    closing = ""
    for group in letters[root + 1:]:
        consonants, own_vowel, own_nasal = _letter(group)
        stacked = any(_subjoined(mark) is not None for mark in group[1:])
        closing += consonants + (own_vowel or ("a" if stacked else "")) + own_nasal
    return onset, vowel, nasal + closing


def _read_word(word: str, clusters: bool) -> str:
    syllables = [s for s in (_read_syllable(part) for part in _SYLLABLE_BREAK.split(word)) if s is not None]
    out = []
    for n, (onset, vowel, closing) in enumerate(syllables):
        # ཨ or འ alone is the vowel a, never half of a cluster.
        half_of_cluster = clusters and onset and not vowel and not closing and n + 1 < len(syllables)
        out.append(onset + ("" if half_of_cluster else vowel or "a") + closing)
    return "".join(out)


def read_tibetan(text: str) -> tuple[str, str]:
    """Two readings of a name in Tibetan script: lone consonants as halves of clusters, then
    with the vowel a said after them."""
    words = [w for w in _WORD_BREAK.split(text) if w]
    return (" ".join(_read_word(w, True) for w in words), " ".join(_read_word(w, False) for w in words))


def one_word_syllables(text: str) -> list[str]:
    """The syllables of a name written as one word, each with its tsheg, which together are
    the word; none for a name of several words. Tibetan marks syllables, not words, and
    often writes a foreign name's given name and family name without a break between them."""
    words = [w for w in _WORD_BREAK.split(text) if w]
    return _SYLLABLE_WITH_TSHEG.findall(words[0]) if len(words) == 1 else []


def read_foreign_word(word: str) -> str:
    """One word, a lone consonant before another syllable read as half of a cluster."""
    return _read_word(word, True)
