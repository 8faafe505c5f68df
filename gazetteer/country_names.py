"""Country names in languages the curated data does not spell them in, from ICU's locale data
(CLDR): "ロシア", "러시아", "ताजिकिस्तान". Role words make a descriptor only with a place beside
them, so a language with role words needs its country names too; the curated files give the
inflected forms (Russian genitives, Turkish suffixes) that CLDR lacks."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import icu

from .model import Name

__all__ = ["icu_country_names", "uncovered_country_names"]


def icu_country_names(code: str, langs: Iterable[str], have: Iterable[Name]) -> list[Name]:
    """CLDR's name of the country `code` in each of `langs`, unless `have` already has it."""
    known = {(n.lang, n.name.casefold()) for n in have}
    out = []
    for lang in sorted(set(langs)):
        name = _display_name(code, lang)
        if name and name != code and (lang, name.casefold()) not in known:
            out.append(Name(name, lang, "name"))
    return out


@lru_cache(maxsize=None)
def _display_name(code: str, lang: str) -> str:
    locale = icu.Locale.forLanguageTag(lang)
    if not locale.getLanguage():
        return ""
    return str(icu.Locale("", code).getDisplayCountry(locale))


# Chinese, Japanese and Korean write a country's name in syllables that also begin other
# words and names (马里 Mali, 马里奥 Mario): their names of countries the gazetteer lacks are
# left out.
_WITHOUT_UNCOVERED = frozenset({"zh", "ja", "ko"})


def uncovered_country_names(declared: Iterable[str], langs: Iterable[str]) -> list[tuple[str, str]]:
    """(CLDR's name, code) of each country ICU knows and `declared` lacks, in each of
    `langs`: an office of such a country ("Perdana Menteri Singapura") is held by nobody the
    gazetteer knows, and the descriptors say so."""
    known = set(declared)
    codes = [code for code in icu.Locale.getISOCountries() if code not in known]
    out = []
    for lang in sorted({lang for lang in langs if lang.split("-")[0] not in _WITHOUT_UNCOVERED}):
        for code in codes:
            name = _display_name(code, lang)
            if name and name != code:
                out.append((name, code))
    return out
