"""Checks that a gazetteer is internally consistent before it is written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rollcall.resolvers import InvalidDate, check_date

from .model import NAME_KINDS, ROLE_TYPES, Gazetteer

__all__ = ["Problem", "validate"]

_LANG = re.compile(r"^(und|[a-z]{2,3})(-[A-Za-z0-9]{2,8})*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


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
            if name.lang and not _LANG.match(name.lang):
                add(Problem(where, f"name {name.name!r}: language {name.lang!r} is not BCP-47"))
            if name.kind and name.kind not in NAME_KINDS:
                add(Problem(where, f"name {name.name!r}: unknown kind {name.kind!r}"))
    for post in gaz.posts.values():
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
        if roles.role_type not in ROLE_TYPES:
            add(Problem(f"roles {roles.role_type}", "unknown role_type"))
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
