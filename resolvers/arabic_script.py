"""How names in the Arabic script are read: the transforms for each language that writes
it, and the rules of our own that they use (ICU rule syntax; translit.py compiles them).

The BGN tables for Persian and Arabic expect vowel signs that news text never writes, and
then drop an unmarked alef ("الدین" → "ldyn"): every rule set here reads an alef as "a".
"""

from __future__ import annotations

__all__ = ["ARABIC_SCRIPT_RULES", "ARABIC_SCRIPT_TRANSFORMS", "arabic_script_transforms"]

# A language's first reading; the second is always rollcall/Arabic-Latin, and Arabic and
# its spoken varieties (Egyptian, Moroccan, Levantine) have a third, rollcall/Arabic-Latin-g.
# A language not listed is read as names in the Arabic script are without a language
# (translit._BY_SCRIPT).
_FIRST_READING = {
    "fa": "rollcall/Persian-Latin",
    "ur": "rollcall/Persian-Latin",
    "pnb": "rollcall/Persian-Latin",
    "ps": "Pashto-Latin/BGN",
    "ar": "rollcall/Arabic-Latin",
    "arz": "rollcall/Arabic-Latin",
    "ary": "rollcall/Arabic-Latin",
    "apc": "rollcall/Arabic-Latin",
    "ckb": "rollcall/Kurdish-Latin",
    "ku": "rollcall/Kurdish-Latin",
    "ug": "rollcall/Uyghur-Latin",
    "ky": "rollcall/Uyghur-Latin",  # Kyrgyz in China: Uyghur's letters for its vowels
    "kk": "rollcall/Kazakh-Arabic-Latin",
}

_WITH_G_READING = {"ar", "arz", "ary", "apc"}
# A letter of an Arabic-script word that is no vowel letter, as a rule's context sees it: the
# letters before are already read, so an alef is "a" there.
_CONSONANT = "[[:L:]-[اویيa]]"


# A word's first vowel where it begins with ayn before a consonant: Persian and Arabic
# write no vowel after it (عمر Omar, علی Ali, عثمان Osman), and BGN reads ع as an apostrophe,
# which leaves the word without its first syllable ("mr", "ly"). Read "a", the commonest
# (Ali, Abdullah): Omar and Osman then differ by a vowel, not by a syllable.
def _initial_ayn(consonant: str) -> str:
    return f"[^[:L:][:M:]] {{ ع }} {consonant} > a ; ^ ع }} {consonant} > a ;"


_INITIAL_AYN = _initial_ayn("[[:L:]-[اویي]]")

_ARABIC_LATIN = (f"{_INITIAL_AYN} ا > a ; {_CONSONANT} {{ [یي] و }} {_CONSONANT} > io ; "
                 f"{_CONSONANT} {{ و }} [^[:L:][:M:]] > u ; "
                 f"{_CONSONANT} {{ و }} {_CONSONANT} > u ; {_CONSONANT} {{ [یي] }} {_CONSONANT} > i ; "
                 ":: Arabic-Latin/BGN ;")

# Kurdish (Sorani, and Kurmanji where it is written in Arabic script), Uyghur and the
# Kazakh of China write every vowel, with letters of their own: ە e, ێ ې e, ۆ o (Kazakh: v),
# ۇ ۈ u, ى i, ۋ w, ڤ v, ڵ l, ڕ r, ڭ ng. ی is y, or the vowel i between consonants and after
# one at the end of a word (Uyghur's ى, which clean() folds into it: "بەكرى", Bekri). A word
# that begins with a vowel begins with the seat ئ, which clean() also leaves as ی: silent
# there ("ئەحمەد", Ehmed, not "yaehmaed"). The second reading (rollcall/Arabic-Latin) keeps
# it as y, for a name that does begin with one.
# Uyghur and Kazakh write w as ۋ, so their و is always the vowel o; Kurdish و is also w,
# and is read as Arabic reads it (_ARABIC_LATIN's rules). ٴ marks the front vowels of a
# Kazakh word: silent.
_VOWEL_LETTERS = "اەێېۆۇۈوى"
_VOWELLED_CONSONANT = f"[[:L:]-[{_VOWEL_LETTERS}یيaeiou]]"


def _vowelled_arabic(o: str, waw: str) -> str:
    """The rules of an Arabic-script alphabet that writes its vowels (`o`: its ۆ; `waw`:
    the rules for و)."""
    return (f"[^[:L:][:M:]] {{ ی }} [{_VOWEL_LETTERS}] > ; ^ ی }} [{_VOWEL_LETTERS}] > ; "
            f"{_initial_ayn(_VOWELLED_CONSONANT)} "
            f"ە > e ; ێ > e ; ې > e ; ۆ > {o} ; ۇ > u ; ۈ > u ; ى > i ; ۋ > w ; ڤ > v ; ڵ > l ; ڕ > r ; "
            f"ڭ > ng ; ٴ > ; ا > a ; {waw} {_VOWELLED_CONSONANT} {{ ی }} {_VOWELLED_CONSONANT} > i ; "
            f"{_VOWELLED_CONSONANT} {{ ی }} [^[:L:][:M:]] > i ; {_VOWELLED_CONSONANT} {{ ی }} $ > i ; "
            ":: Persian-Latin/BGN ;")


_KURDISH_WAW = (f"{_VOWELLED_CONSONANT} {{ و }} [^[:L:][:M:]] > u ; "
                f"{_VOWELLED_CONSONANT} {{ و }} {_VOWELLED_CONSONANT} > u ;")

ARABIC_SCRIPT_RULES = {
    "rollcall/Kurdish-Latin": _vowelled_arabic("o", _KURDISH_WAW),
    "rollcall/Uyghur-Latin": _vowelled_arabic("o", "و > o ;"),
    "rollcall/Kazakh-Arabic-Latin": _vowelled_arabic("v", "و > o ;"),
    "rollcall/Persian-Latin": f"{_INITIAL_AYN} ا > a ; :: Persian-Latin/BGN ;",
    # A word-final و after a consonant is a vowel far more often than a w in names: the
    # Turkish -oğlu "اوغلو", Persian خسرو "Khosrow", Arabic عمرو "Amr" (silent), foreign
    # names' final o and u (پابلو "Pablo", اندرو "Andrew"). Between two consonants و and ی
    # are the long vowels u and i (محمود "Mahmud", دونالد "Donald", میشل "Michel"): Arabic
    # has no cluster they could be consonants in; so is یو between them the io of foreign
    # names (پیوتر "Piotr", الیوت "Eliot"). The Persian reading keeps the consonants, so a
    # name that does have a w, v or y there is still read so (پیوند "Peyvand").
    "rollcall/Arabic-Latin": _ARABIC_LATIN,
    # Arabic has no letter for g: foreign names write it ج (Egyptian usage), غ or ق.
    "rollcall/Arabic-Latin-g": "ا > a ; ج > g ; غ > g ; ق > g ; :: Arabic-Latin/BGN ;",
}

ARABIC_SCRIPT_TRANSFORMS = frozenset({*_FIRST_READING.values(), *ARABIC_SCRIPT_RULES})


def arabic_script_transforms(language: str) -> tuple[str, ...]:
    """The transforms that read a name in the Arabic script written in `language` (a primary
    language subtag), first the best; () for a language of no rules of its own."""
    if language not in _FIRST_READING:
        return ()
    extra = ("rollcall/Arabic-Latin-g",) if language in _WITH_G_READING else ()
    return (_FIRST_READING[language], "rollcall/Arabic-Latin", *extra)
