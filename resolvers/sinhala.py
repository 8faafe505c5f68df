"""Sinhala letters as Latin ones: ICU has no transform for the script, and unidecode reads
each consonant bare, without the vowel it carries ("එඩ්වර්ඩ්", Edward, "eddvrdd"). The
rules (ICU syntax; translit.py compiles them) read Sinhala as the abugida it is: a
consonant says a unless a vowel sign follows (ි i, ු u, ෙ e, ො o, ...) or the al-lakuna ්
silences it. Retroflex and dental consonants are one letter each (ඩ and ද are d), as
names are written in Latin letters; ැ and ෑ, the vowel of English "cat" (කැමරන් Cameron,
මිලිබෑන්ඩ් Miliband), are a.
"""

from __future__ import annotations

__all__ = ["SINHALA_RULES"]

# Each consonant, with its inherent vowel as the placeholder A for the second pass.
_CONSONANTS = {
    "ක": "k", "ඛ": "kh", "ග": "g", "ඝ": "gh", "ඞ": "ng", "ඟ": "ng", "ච": "ch", "ඡ": "ch", "ජ": "j", "ඣ": "jh",
    "ඤ": "ny", "ඥ": "gny", "ඦ": "nj", "ට": "t", "ඨ": "th", "ඩ": "d", "ඪ": "dh", "ණ": "n", "ඬ": "nd", "ත": "t",
    "ථ": "th", "ද": "d", "ධ": "dh", "න": "n", "ඳ": "nd", "ප": "p", "ඵ": "ph", "බ": "b", "භ": "bh", "ම": "m",
    "ඹ": "mb", "ය": "y", "ර": "r", "ල": "l", "ව": "v", "ශ": "sh", "ෂ": "sh", "ස": "s", "හ": "h", "ළ": "l",
    "ෆ": "f",
}
# Vowels written as letters of their own (a word's first), and the signs after a consonant.
_VOWELS = {
    "අ": "a", "ආ": "a", "ඇ": "a", "ඈ": "a", "ඉ": "i", "ඊ": "i", "උ": "u", "ඌ": "u", "ඍ": "ri", "එ": "e",
    "ඒ": "e", "ඓ": "ai", "ඔ": "o", "ඕ": "o", "ඖ": "au", "ං": "n", "ඃ": "h",
}
_SIGNS = {
    "්": "", "ා": "a", "ැ": "a", "ෑ": "a", "ි": "i", "ී": "i", "ු": "u", "ූ": "u", "ෘ": "ru", "ෲ": "ru",
    "ෙ": "e", "ේ": "e", "ෛ": "ai", "ො": "o", "ෝ": "o", "ෞ": "au",
}


def _rules(pairs: dict[str, str], after: str = "") -> str:
    return " ".join(f"{after}{letter} > {latin} ;" for letter, latin in pairs.items())


SINHALA_RULES = " ".join((
    ":: NFC ;",
    _rules({letter: f"{latin}A" for letter, latin in _CONSONANTS.items()}),
    _rules(_VOWELS),
    ":: Null ;",
    _rules(_SIGNS, after="A "),  # a sign replaces the inherent vowel
    "A > a ;",
    _rules(_SIGNS),  # a sign after anything else (a mistyped name) is still read
))
