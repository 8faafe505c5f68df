"""Validation of a gazetteer, in two depths.

validate(): what a build needs, checked before a database is written: well-formed ids,
language tags (by the rules of rollcall.resolvers.tags), country codes and dates, and
references that resolve.

check(): what `rollcall gazetteer validate` and every curation edit run: validate() and the
content beyond it: offices held by two people at once, dates in the future, persons of a
country no curated file declares, names in a script their language does not use (errors),
and one alias on two persons (an ambiguity to review: a warning).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

import icu

from rollcall.resolvers import (
    InvalidDate, InvalidLanguageTag, check_date, check_language_tag, detect_script, is_country_code, normalize,
)

from .model import NAME_KINDS, ROLE_MODIFIERS, ROLE_TYPES, Gazetteer, Name, Tenure

__all__ = ["Problem", "validate", "check", "SINGLE_HOLDER_ROLES", "person_id_problem", "post_id_problem",
           "organization_id_problem"]

_QID = re.compile(r"^Q[1-9][0-9]*$")
_PERSON_ID = re.compile(r"^(Q[1-9][0-9]*|rc-[a-z0-9]+(-[a-z0-9]+)*)$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# The id rules of the curated files (gazetteer/data/README.md). Imported Popolo records keep
# their own ids, so these are applied where curated files are read and edited, not here.

def person_id_problem(person_id: str) -> str | None:
    """Why `person_id` is not a curated person id (a Wikidata Q-id, or rc-<slug>), or None."""
    if _PERSON_ID.match(person_id):
        return None
    return (f"person id {person_id!r} is neither a Wikidata Q-id (Q58217) nor a local id "
            f"rc-<slug> of lower-case ASCII letters, digits and hyphens (rc-aigerim-example)")


def organization_id_problem(org_id: str) -> str | None:
    """Why `org_id` is not a curated organization id (a slug: sco, sco-rats), or None."""
    if _SLUG.match(org_id):
        return None
    return f"organization id {org_id!r} is not a slug of lower-case ASCII letters, digits and hyphens (sco, sco-rats)"


def post_id_problem(post_id: str, country: str, organization: str, organizations: Collection[str]) -> str | None:
    """Why `post_id` is not <country code>-<office> (its own country) or <organization>-<office>
    (its own organization or another curated one, as un-... for an office of OHCHR), or None."""
    prefixes = [p for p in (country.lower(), organization, *organizations) if p]
    if _SLUG.match(post_id) and any(post_id.startswith(p + "-") for p in prefixes):
        return None
    own = " or ".join(f"{p}-" for p in (country.lower(), organization) if p) or "a country code or organization id and -"
    return (f"post id {post_id!r} is not <country code>-<office> or <organization>-<office> of lower-case "
            f"ASCII letters, digits and hyphens (expected to start with {own})")


def _language_problems(where: str, names: Iterable[Name]) -> list[Problem]:
    problems = []
    for name in names:
        if name.lang:
            try:
                check_language_tag(name.lang)
            except InvalidLanguageTag as err:
                problems.append(Problem(where, f"name {name.name!r}: {err}"))
    return problems


def _country_problems(where: str, code: str) -> list[Problem]:
    if not code or is_country_code(code):
        return []
    return [Problem(where, f"country {code!r} is not an ISO 3166-1 alpha-2 code")]


@dataclass(frozen=True, slots=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _date_problem(value: str) -> str | None:
    try:
        check_date(value, partial=True)
    except InvalidDate as err:
        return str(err)
    return None


def validate(gaz: Gazetteer) -> list[Problem]:
    """Every error found; an empty list means the gazetteer may be written."""
    problems: list[Problem] = []
    add = problems.append
    for person in gaz.persons.values():
        where = f"person {person.id}"
        if not person.name.strip():
            add(Problem(where, "has no name"))
        if person.wikidata and not _QID.match(person.wikidata):
            add(Problem(where, f"wikidata {person.wikidata!r} is not a Q-id"))
        if person.birth_date and (msg := _date_problem(person.birth_date)):
            add(Problem(where, f"birth_date: {msg}"))
        for name in person.names:
            if not name.name.strip():
                add(Problem(where, "has an empty name"))
            if name.kind and name.kind not in NAME_KINDS:
                add(Problem(where, f"name {name.name!r}: unknown kind {name.kind!r}"))
            if name.until and name.kind != "former":
                add(Problem(where, f"name {name.name!r}: 'until' is for former names only"))
            if name.until and (msg := _date_problem(name.until)):
                add(Problem(where, f"name {name.name!r}: until: {msg}"))
        problems += _language_problems(where, person.names)
        problems += _country_problems(where, person.country)
    for code, country in gaz.countries.items():
        problems += _country_problems(f"country {code}", code)
        problems += _language_problems(f"country {code}", [*country.names, *country.demonyms])
    for org in gaz.organizations.values():
        problems += _country_problems(f"organization {org.id}", org.country)
        problems += _language_problems(f"organization {org.id}", org.names)
    for post in gaz.posts.values():
        problems += _country_problems(f"post {post.id}", post.country)
        problems += _language_problems(f"post {post.id}", post.labels)
        if post.role_type and post.role_type not in ROLE_TYPES:
            add(Problem(f"post {post.id}", f"unknown role_type {post.role_type!r}"))
        if post.organization_id and post.organization_id not in gaz.organizations:
            add(Problem(f"post {post.id}", f"unknown organization {post.organization_id!r}"))
    for retired, kept in gaz.redirects.items():
        if retired in gaz.persons:
            add(Problem(f"redirect {retired}", "the retired id is still a person"))
        if kept not in gaz.persons:
            add(Problem(f"redirect {retired}", f"points to unknown person {kept!r}"))
    for roles in gaz.roles:
        if roles.role_type not in ROLE_TYPES + ROLE_MODIFIERS:
            add(Problem(f"roles {roles.role_type}", "unknown role_type"))
        problems += _language_problems(f"roles {roles.role_type}", roles.labels)
    for cue in gaz.cues:
        if cue.lang:
            try:
                check_language_tag(cue.lang)
            except InvalidLanguageTag as err:
                add(Problem(f"cues {cue.kind} {list(cue.phrases[:2])}", str(err)))
    for t in gaz.tenures:
        where = f"tenure of {t.person_id} in {t.post_id or t.organization_id}"
        if t.person_id not in gaz.persons:
            add(Problem(where, "unknown person"))
        if t.post_id and t.post_id not in gaz.posts:
            add(Problem(where, f"unknown post {t.post_id!r}"))
        if t.organization_id and t.organization_id not in gaz.organizations:
            add(Problem(where, f"unknown organization {t.organization_id!r}"))
        if not t.post_id and not t.organization_id:
            add(Problem(where, "names neither a post nor an organization"))
        bad_dates = False
        for label, value in (("start", t.start), ("end", t.end)):
            if value and (msg := _date_problem(value)):
                add(Problem(where, f"{label}: {msg}"))
                bad_dates = True
        if not bad_dates and t.start and t.end:
            n = min(len(t.start), len(t.end))
            if t.end[:n] < t.start[:n]:
                add(Problem(where, f"ends ({t.end}) before it starts ({t.start})"))
    return problems


# -- check(): the content ------------------------------------------------------------

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
