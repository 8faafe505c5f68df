"""The properties the service knows: those a reconciliation query takes as context, and
those a data extension fetches. Named as Wikidata names them where it has a property
(P27 country of citizenship, P39 position held, P569 date of birth, P585 point in time),
else plainly; the plain names of the context properties are accepted too."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Property", "QUERY_PROPERTIES", "QUERY_FIELD", "EXTEND_PROPERTIES", "EXTEND_SETTINGS"]


@dataclass(frozen=True, slots=True)
class Property:
    id: str
    name: str
    description: str
    field: str = ""  # a context property: the Query field it sets


_COUNTRY = "an ISO 3166-1 alpha-2 code (RU) or the country's Wikidata id (Q159)"
_ROLE = 'a role or office phrase in any language ("foreign minister", "Außenminister")'
_DATE = "YYYY-MM-DD: offices held on that day count"
_LANGUAGE = "the BCP-47 language the name is written in (de, fa, zh-Hant)"

QUERY_PROPERTIES = (
    Property("P27", "country of citizenship", _COUNTRY, "country"),
    Property("country", "country", _COUNTRY, "country"),
    Property("P39", "position held", _ROLE, "role"),
    Property("role", "role", _ROLE, "role"),
    Property("office", "office", _ROLE, "role"),
    Property("P585", "point in time", _DATE, "date"),
    Property("date", "date", _DATE, "date"),
    Property("language", "language", _LANGUAGE, "lang"),
    Property("lang", "language", _LANGUAGE, "lang"),
)
# Property id → the Query field it sets.
QUERY_FIELD = {p.id: p.field for p in QUERY_PROPERTIES}

EXTEND_PROPERTIES = (
    Property("wikidata", "Wikidata id", "the person's Wikidata Q-id (none for a person curated without one)"),
    Property("P27", "country of citizenship", "the ISO 3166-1 alpha-2 code of the person's country"),
    Property("P569", "date of birth", "as a date when the day is known, else as text (1950 or 1950-03)"),
    Property("P39", "position held", "offices with their dates; setting `date`: only those held that day"),
    Property("names", "names", "the person's names; setting `lang`: only those in that language (de, zh)"),
)

# The settings an extension property takes (OpenRefine shows them in its dialog): name,
# label, type, default, help.
EXTEND_SETTINGS = (
    ("date", "Held on (YYYY-MM-DD)", "text", "", "position held: only the offices held on this day (empty: all)"),
    ("lang", "Language of names", "text", "", "names: only those in this BCP-47 language (empty: all)"),
    ("limit", "Limit", "number", 0, "most values per cell (0: no limit)"),
)
