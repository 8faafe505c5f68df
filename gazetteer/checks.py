"""Content checks of the curated gazetteer, beyond what a build needs to be well-formed:
offices held by two people at once, dates in the future, persons of a country no curated
file declares, names in a script their language does not use, and one alias on two persons
(an ambiguity to review, not an error). `rollcall gazetteer validate` runs these and
validate.validate(), which checks the language tags and country codes themselves (by the
rules of rollcall.resolvers.tags)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache

import icu

from rollcall.resolvers import InvalidLanguageTag, check_language_tag, detect_script, is_country_code, normalize

from .model import Gazetteer, Name, Tenure
from .validate import Problem, validate

__all__ = ["check", "SINGLE_HOLDER_ROLES"]

# Offices with one holder at a time (acting holders aside).
SINGLE_HOLDER_ROLES = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister",
     "secretary_general", "director"}
)
# detect_script() names → ISO 15924 codes ICU gives as a language's likely script.
_ISO15924 = {
    "Latin": {"Latn"}, "Cyrillic": {"Cyrl"}, "Arabic": {"Arab"}, "Han": {"Hans", "Hant", "Hani", "Jpan", "Kore"},
    "Devanagari": {"Deva"}, "Hangul": {"Kore", "Hang"}, "Katakana": {"Jpan", "Kana"}, "Hiragana": {"Jpan", "Hira"},
    "Greek": {"Grek"}, "Hebrew": {"Hebr"}, "Georgian": {"Geor"}, "Armenian": {"Armn"}, "Thai": {"Thai"},
    "Khmer": {"Khmr"}, "Bengali": {"Beng"}, "Tamil": {"Taml"}, "Sinhala": {"Sinh"}, "Gurmukhi": {"Guru"},
    "Mongolian": {"Mong"}, "Ethiopic": {"Ethi"}, "Tibetan": {"Tibt"}, "Myanmar": {"Mymr"},
}


@lru_cache(maxsize=1024)
def _script(tag: str) -> str:
    """The ISO 15924 script of a valid tag: its own, or ICU's likely one for its language;
    "" for a tag that is not valid (validate() reports those: check_language_tag decides)."""
    try:
        check_language_tag(tag)
        locale = icu.Locale.forLanguageTag(tag)
    except (InvalidLanguageTag, icu.ICUError):
        return ""
    return locale.getScript() or icu.Locale.addLikelySubtags(locale).getScript()


def _overlap(a: Tenure, b: Tenure) -> bool:
    """Whether two tenures share more than a day (handovers often share one)."""
    a_start, b_start = a.start or "0000", b.start or "0000"
    a_end, b_end = a.end or "9999", b.end or "9999"
    if len(a_end) < 10 or len(b_start) < 10 or len(b_end) < 10 or len(a_start) < 10:
        # Partial dates: compare at the shared precision; a month or year shared at the
        # handover is not an overlap.
        n = min(len(a_start), len(a_end), len(b_start), len(b_end))
        return a_start[:n] < b_end[:n] and b_start[:n] < a_end[:n]
    first_end = min(dt.date.fromisoformat(a_end), dt.date.fromisoformat(b_end))
    last_start = max(dt.date.fromisoformat(a_start), dt.date.fromisoformat(b_start))
    return (first_end - last_start).days > 1


def _name_problems(where: str, name: Name) -> list[Problem]:
    if not name.lang:
        return []
    script = _script(name.lang)
    detected = detect_script(name.name)
    if script and detected in _ISO15924 and script not in _ISO15924[detected]:
        return [Problem(where, f"name {name.name!r} is in {detected} script, not the "
                               f"{script} of language {name.lang!r}")]
    return []


def check(gaz: Gazetteer, today: str | None = None) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of the whole gazetteer."""
    today = today or dt.date.today().isoformat()
    errors = list(validate(gaz))
    warnings: list[Problem] = []
    for person in gaz.persons.values():
        for name in person.names:
            errors += _name_problems(f"person {person.id}", name)
        if person.country and person.country not in gaz.countries and is_country_code(person.country):
            errors.append(Problem(f"person {person.id}", f"country {person.country!r} is not declared by any "
                                  "curated 'countries' entry; declare the country first"))
        if person.birth_date and person.birth_date[: len(today)] > today:
            errors.append(Problem(f"person {person.id}", f"birth date {person.birth_date} is in the future"))
    for post in gaz.posts.values():
        for label in post.labels:
            errors += _name_problems(f"post {post.id}", label)
    by_post: dict[str, list[Tenure]] = defaultdict(list)
    for t in gaz.tenures:
        where = f"tenure of {t.person_id} in {t.post_id or t.organization_id}"
        for which, value in (("start", t.start), ("end", t.end)):
            if value and value > today[: len(value)]:
                errors.append(Problem(where, f"{which} {value} is in the future"))
        if t.post_id and not t.acting:
            by_post[t.post_id].append(t)
    for post_id, tenures in by_post.items():
        known_post = gaz.posts.get(post_id)
        if known_post is None or known_post.role_type not in SINGLE_HOLDER_ROLES:
            continue
        tenures.sort(key=lambda t: t.start or "")
        for i, a in enumerate(tenures):
            for b in tenures[i + 1 :]:
                if a.person_id != b.person_id and _overlap(a, b):
                    errors.append(Problem(
                        f"post {post_id}",
                        f"{a.person_id} ({a.start or '?'}–{a.end or 'now'}) and {b.person_id} "
                        f"({b.start or '?'}–{b.end or 'now'}) hold it at the same time",
                    ))
    owners: dict[str, set[str]] = defaultdict(set)
    for person in gaz.persons.values():
        for name in [Name(person.name), *person.names]:
            if key := normalize(name.name):
                owners[key].add(person.id)
    for key, ids in sorted(owners.items()):
        if len(ids) > 1:
            warnings.append(Problem(f"alias {key!r}", f"names {len(ids)} persons: {', '.join(sorted(ids))}"))
    return errors, warnings
