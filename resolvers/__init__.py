"""Pure matching: normalise, detect script, romanise, key, index, score, confidence, and
the reading of whole articles.

No I/O here: the index is built from plain records handed in by the gazetteer package.
"""

from .dates import InvalidDate, check_date, within
from . import readings_codec
from .index import NameIndex
from .index_data import IndexData
from .index_memory import build_name_index
from .matcher import MAX_LIMIT, NAME_MATCHER, InvalidQuery, MatcherConfig, match, validate_language, validate_query
from .normalize import MAX_NAME_CHARS, normalize
from .script import detect_script
from .tags import InvalidLanguageTag, check_language_tag, is_country_code
from .translit import romanize
from .types import (
    AliasRecord,
    Algorithm,
    Candidate,
    MatchResult,
    PersonRecord,
    Query,
    TenureRecord,
)

__all__ = [
    "MAX_LIMIT",
    "MAX_NAME_CHARS",
    "AliasRecord",
    "Algorithm",
    "Candidate",
    "IndexData",
    "InvalidDate",
    "InvalidLanguageTag",
    "InvalidQuery",
    "MatchResult",
    "MatcherConfig",
    "NAME_MATCHER",
    "NameIndex",
    "PersonRecord",
    "Query",
    "TenureRecord",
    "build_name_index",
    "check_date",
    "check_language_tag",
    "detect_script",
    "is_country_code",
    "match",
    "normalize",
    "readings_codec",
    "romanize",
    "validate_language",
    "validate_query",
    "within",
]
