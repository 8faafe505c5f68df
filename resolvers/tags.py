"""Language tags and country codes: the one place that decides which are valid.

The matcher's query validation, the article reader's and the gazetteer's checks (curated
files, imports, edits) all ask here, so a tag or code accepted by one is accepted by all.
The IANA subtag registry (langcodes) decides which languages are known, ICU's data which
scripts and regions; no list is kept here but MediaWiki's few codes that are not BCP-47.
"""

from __future__ import annotations

import re
from functools import lru_cache

import icu
import langcodes

__all__ = ["InvalidLanguageTag", "check_language_tag", "is_country_code", "primary_language", "to_bcp47"]

_MAX_TAG = 64  # longer is never a real tag; also bounds what the cache holds
_SUBTAG = re.compile(r"^[A-Za-z0-9]{1,8}$")
_VARIANT = re.compile(r"^([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3})$")
_SHAPE = "language[-Script][-REGION][-variant...], e.g. en, uz-Cyrl, zh-Hant-TW, und-Hani"


class InvalidLanguageTag(ValueError):
    pass


# Wikidata labels and Wikipedia editions carry MediaWiki's language codes, a few of which are
# not BCP-47 (MediaWiki's LanguageCode::NON_STANDARD_LANGUAGE_CODE_MAPPING): a pipeline that
# passes a label's code along is read as the BCP-47 tag MediaWiki itself gives for it.
_WIKIMEDIA_CODES = {
    "als": "gsw",
    "bat-smg": "sgs",
    "be-x-old": "be-tarask",
    "cbk-zam": "cbk",
    "eml": "egl",
    "en-rtl": "en-x-rtl",
    "fiu-vro": "vro",
    "map-bms": "jv-x-bms",
    "nrm": "nrf",
    "roa-rup": "rup",
    "roa-tara": "nap-x-tara",
    "simple": "en-simple",
    "sr-ec": "sr-Cyrl",
    "sr-el": "sr-Latn",
    "zh-classical": "lzh",
    "zh-min-nan": "nan",
    "zh-yue": "yue",
}


def primary_language(tag: str | None) -> str:
    """A language tag's primary language subtag in lower case ("de-AT" → "de"), "" for none."""
    return (tag or "").split("-")[0].lower()


def to_bcp47(tag: str) -> str:
    """The BCP-47 tag for a MediaWiki language code that is not one ('sr-el' → 'sr-Latn');
    any other tag unchanged."""
    return _WIKIMEDIA_CODES.get(tag.lower(), tag)


@lru_cache(maxsize=1)
def _iso_countries() -> frozenset[str]:
    return frozenset(icu.Locale.getISOCountries())


def is_country_code(code: str) -> bool:
    """Whether `code` is a current ISO 3166-1 alpha-2 country code (any case), as ICU
    knows them."""
    return len(code) == 2 and code.isascii() and code.upper() in _iso_countries()


def _known_language(code: str) -> bool:
    # The IANA subtag registry (through langcodes) holds every ISO 639 code, Lak's "lbe" and
    # Zazaki's "diq" as well as "en"; ICU's own list has only the languages it has data for.
    return langcodes.tag_is_valid(code.lower())


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
    lowered = [r.lower() for r in rest]
    if "x" in lowered:  # private use: one or more subtags of any meaning after the singleton x
        if lowered[-1] == "x":
            return f"private use 'x' with nothing after it ({_SHAPE})"
        rest = rest[: lowered.index("x")]
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
    optional known script, known region, well-formed variants and private-use part, or its
    BCP-47 form if it is one of MediaWiki's own codes (to_bcp47); else raise
    InvalidLanguageTag saying what is wrong. Case does not matter, as in BCP-47."""
    if len(tag) > _MAX_TAG:
        raise InvalidLanguageTag(f"language tag of {len(tag)} characters is not BCP-47 (at most {_MAX_TAG})")
    tag = to_bcp47(tag)
    if (problem := _problem(tag)) is not None:
        raise InvalidLanguageTag(f"language {tag!r} is not BCP-47: {problem}")
    return tag
