"""Normalisation: one canonical form of a name before any script-specific work.

Everything downstream (script detection, romanisation, keys) assumes this ran first, so it
must accept any Unicode string and never raise.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "normalize", "strip_invisible", "tokens", "MAX_NAME_CHARS"]

MAX_NAME_CHARS = 1000

# Letters that Arabic, Persian and Urdu write differently for the same sound; folding them
# lets "علي" (Arabic) and "علی" (Persian) meet.
_ARABIC_VARIANTS = str.maketrans(
    {
        "ي": "ی",  # ARABIC YEH -> FARSI YEH
        "ى": "ی",  # ALEF MAKSURA
        "ئ": "ی",
        "ك": "ک",  # ARABIC KAF -> KEHEH
        "ة": "ه",  # TEH MARBUTA
        "ۀ": "ه",
        "ہ": "ه",  # Urdu HEH GOAL
        "ھ": "ه",  # Urdu DO CHASHMEE HEH
        "ے": "ی",  # Urdu YEH BARREE
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
    }
)

# Honorifics and titles that precede names in news text; they carry no identity.
_TITLES = frozenset(
    """
    mr mrs ms dr prof sir he his excellency president minister
    herr frau prasident praesident
    господин госпожа г-н президент министр
    آقای آقا خانم دکتر جناب سید
    """.split()
)

_PUNCT_TO_SPACE = re.compile(r"[\s\-‐‑‒–—―_·・•‧,;:/\\()\[\]{}\"'`´‘’“”«»„‚‹›!?¡¿]+")
_DROP = re.compile(r"[.]")


def strip_invisible(text: str) -> str:
    """Drop format and control characters (ZWNJ, RLM, BOM, tatweel...) and combining marks.

    Combining marks go because accents and Arabic short-vowel signs are written
    inconsistently; the base letters carry the name.
    """
    out = []
    for ch in unicodedata.normalize("NFD", text):
        cat = unicodedata.category(ch)
        if cat in ("Cf", "Cc", "Cs", "Co", "Cn", "Mn", "Me") or ch == "ـ":
            if cat == "Cc" and ch in "\t\n\r":
                out.append(" ")
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def fold(text: str) -> str:
    """NFKC, case-folded, invisible and combining marks gone, letter variants unified,
    punctuation turned into single spaces. For any text: names, titles, role phrases."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_invisible(text).casefold()
    text = text.translate(_ARABIC_VARIANTS)
    text = _DROP.sub(" ", text)
    return _PUNCT_TO_SPACE.sub(" ", text).strip()


def normalize(text: str) -> str:
    """Canonical form of a name: fold(), then leading titles removed. Idempotent."""
    words = fold(text).split()
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    return " ".join(words)


def tokens(text: str) -> list[str]:
    """Tokens of an already normalised name."""
    return text.split()
