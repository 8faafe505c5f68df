"""Language tags and country codes: the one place that decides which are valid.

The matcher's query validation, the article reader's and the gazetteer's checks (curated
files, imports, edits) all ask here, so a tag or code accepted by one is accepted by all.
ICU's data decides what is known; no list is kept here.
"""

from __future__ import annotations

import re
from functools import lru_cache

import icu

__all__ = ["InvalidLanguageTag", "check_language_tag", "is_country_code"]

_MAX_TAG = 64  # longer is never a real tag; also bounds what the cache holds
_SUBTAG = re.compile(r"^[A-Za-z0-9]{1,8}$")
_VARIANT = re.compile(r"^([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3})$")
_SHAPE = "language[-Script][-REGION][-variant...], e.g. en, uz-Cyrl, zh-Hant-TW, und-Hani"


class InvalidLanguageTag(ValueError):
    pass


@lru_cache(maxsize=1)
def _iso_languages() -> frozenset[str]:
    return frozenset(icu.Locale.getISOLanguages())


@lru_cache(maxsize=1)
def _iso_countries() -> frozenset[str]:
    return frozenset(icu.Locale.getISOCountries())


def is_country_code(code: str) -> bool:
    """Whether `code` is a current ISO 3166-1 alpha-2 country code (any case), as ICU
    knows them."""
    return len(code) == 2 and code.isascii() and code.upper() in _iso_countries()


def _known_language(code: str) -> bool:
    code = code.lower()
    if code == "und" or code in _iso_languages():
        return True
    # Three-letter codes ICU has a name for (yue, cmn, ckb ...) are in the IANA registry
    # too; for an unknown code ICU's "display name" is the code itself.
    return icu.Locale(code).getDisplayLanguage(icu.Locale("en")).lower() != code


def _known_script(code: str) -> bool:
    return any(icu.Script(c).getShortName().lower() == code.lower() for c in icu.Script.getCode(code))


def _known_region(code: str) -> bool:
    try:
        return icu.Region.getInstance(code.upper()).getType() != icu.URegionType.UNKNOWN
    except icu.ICUError:
        return False


@lru_cache(maxsize=4096)
def _problem(tag: str) -> str | None:
    subtags = tag.split("-")
    if not all(_SUBTAG.match(s) for s in subtags):
        return f"expected {_SHAPE}"
    language, rest = subtags[0], subtags[1:]
    if not (2 <= len(language) <= 3 and language.isalpha()):
        return f"the language subtag {language!r} is not 2-3 letters ({_SHAPE})"
    if not _known_language(language):
        return f"unknown language {language!r}"
    if rest and len(rest[0]) == 4 and rest[0].isalpha():
        if not _known_script(rest[0]):
            return f"unknown script {rest[0]!r}"
        rest = rest[1:]
    if rest and ((len(rest[0]) == 2 and rest[0].isalpha()) or (len(rest[0]) == 3 and rest[0].isdigit())):
        if not _known_region(rest[0]):
            return f"unknown region {rest[0]!r}"
        rest = rest[1:]
    seen: set[str] = set()
    for variant in rest:
        if not _VARIANT.match(variant):
            return f"{variant!r} is not a script, region or variant subtag in that place ({_SHAPE})"
        if variant.lower() in seen:
            return f"variant {variant!r} given twice"
        seen.add(variant.lower())
    return None


def check_language_tag(tag: str) -> str:
    """Return `tag` if it is a well-formed BCP-47 tag of a known language (or `und`), with
    optional known script, known region and well-formed variants; else raise
    InvalidLanguageTag saying what is wrong. Case does not matter, as in BCP-47."""
    if len(tag) > _MAX_TAG:
        raise InvalidLanguageTag(f"language tag of {len(tag)} characters is not BCP-47 (at most {_MAX_TAG})")
    if (problem := _problem(tag)) is not None:
        raise InvalidLanguageTag(f"language {tag!r} is not BCP-47: {problem}")
    return tag
