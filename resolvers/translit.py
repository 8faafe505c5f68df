"""Romanisation: every alias and query becomes one or more lower-case ASCII Latin forms.

ICU does the work; the transform is chosen by script and, when known, by language (a Kazakh
name in Cyrillic is romanised by the Kazakh BGN table, a Persian name by the Persian one).
Several romanisations per string are returned when one convention alone misses spellings
seen in news. unidecode is only the fallback for scripts ICU has no transform for.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import icu
from unidecode import unidecode

from .normalize import normalize
from .script import detect_script

__all__ = ["romanize", "transliterator"]

# BCP-47 primary language → ICU BGN/PCGN transform for Cyrillic text.
_CYRILLIC_BY_LANG = {
    "ru": "Russian-Latin/BGN",
    "kk": "Kazakh-Latin/BGN",
    "ky": "Kirghiz-Latin/BGN",
    "uz": "Uzbek-Latin/BGN",
    "be": "Belarusian-Latin/BGN",
    "uk": "Ukrainian-Latin/BGN",
    "bg": "Bulgarian-Latin/BGN",
    "mk": "Macedonian-Latin/BGN",
    "sr": "Serbian-Latin/BGN",
    "mn": "Mongolian-Latin/BGN",
    "tk": "Turkmen-Latin/BGN",
    "az": "Azerbaijani-Latin/BGN",
}

_ARABIC_BY_LANG = {
    "fa": "rollcall/Persian-Latin",
    "ur": "rollcall/Persian-Latin",
    "ps": "Pashto-Latin/BGN",
    "ar": "rollcall/Arabic-Latin",
}

# Our own rule sets, for what the stock ICU transforms get wrong on names. The BGN tables
# for Persian and Arabic expect vowel signs that news text never writes, and then drop an
# unmarked alef ("الدین" → "ldyn"); reading every alef as "a" keeps it.
_RULES = {
    "rollcall/Persian-Latin": "ا > a ; :: Persian-Latin/BGN ;",
    "rollcall/Arabic-Latin": "ا > a ; :: Arabic-Latin/BGN ;",
}

# Script → transforms tried when the language gives no better choice. The first is the
# primary romanisation; the others add spellings other conventions produce.
_BY_SCRIPT = {
    "Cyrillic": ("Russian-Latin/BGN", "Cyrillic-Latin"),
    "Arabic": ("rollcall/Persian-Latin", "rollcall/Arabic-Latin"),
    "Han": ("Han-Latin/Names",),
    "Katakana": ("Katakana-Latin",),
    "Hiragana": ("Any-Latin",),
    "Hangul": ("Korean-Latin/BGN", "Hangul-Latin"),
    "Hebrew": ("Hebrew-Latin/BGN", "Hebrew-Latin"),
    "Greek": ("Greek-Latin/BGN",),
    "Georgian": ("Georgian-Latin/BGN",),
    "Armenian": ("Armenian-Latin/BGN",),
}


@lru_cache(maxsize=64)
def transliterator(transform_id: str) -> icu.Transliterator:
    """A cached ICU transliterator; ICU compiles rules on creation, so never per call."""
    if transform_id in _RULES:
        rules = f"{_RULES[transform_id]} :: Latin-ASCII ; :: Lower ;"
        return icu.Transliterator.createFromRules(
            transform_id, rules, icu.UTransDirection.FORWARD
        )
    return icu.Transliterator.createInstance(f"{transform_id}; Latin-ASCII; Lower")


def _transforms_for(script: str, lang: str | None) -> tuple[str, ...]:
    primary = (lang or "").split("-")[0].lower()
    if script == "Cyrillic" and primary in _CYRILLIC_BY_LANG:
        return (_CYRILLIC_BY_LANG[primary], "Cyrillic-Latin")
    if script == "Arabic" and primary in _ARABIC_BY_LANG:
        return (_ARABIC_BY_LANG[primary], "rollcall/Arabic-Latin")
    return _BY_SCRIPT.get(script, ("Any-Latin",))


def _clean(latin: str) -> str:
    # Transforms mark soft signs, ayn and stress with apostrophes and modifier letters;
    # normalize() would turn them into spaces and split a name, so drop them first.
    kept = "".join(
        ch for ch in latin if unicodedata.category(ch) not in ("Lm", "Sk")
    )
    ascii_text = unidecode(kept)
    for mark in "'`\"":
        ascii_text = ascii_text.replace(mark, "")
    return normalize(ascii_text.replace("-", " "))


@lru_cache(maxsize=65536)
def romanize(text: str, lang: str | None = None) -> tuple[str, ...]:
    """Distinct romanised forms of a normalised name, primary first. Never raises."""
    script = detect_script(text)
    if script == "Latin":
        return (_clean(text),)
    forms: list[str] = []
    for transform_id in _transforms_for(script, lang):
        try:
            latin = transliterator(transform_id).transliterate(text)
        except icu.ICUError:
            continue
        form = _clean(latin)
        if form and form not in forms:
            forms.append(form)
    fallback = _clean(text)
    if fallback and fallback not in forms:
        forms.append(fallback)
    return tuple(forms) or ("",)
