"""Checks that a gazetteer is internally consistent before it is written."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rollcall.resolvers import InvalidDate, InvalidLanguageTag, check_date, check_language_tag, is_country_code

from .model import NAME_KINDS, ROLE_MODIFIERS, ROLE_TYPES, Gazetteer, Name

__all__ = ["Problem", "validate", "person_id_problem", "post_id_problem", "organization_id_problem"]

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
