"""The gazetteer's posts and who held them when: the holders of an office on a date, and the
office a person held."""

from __future__ import annotations

from collections import defaultdict

from ..dates import within
from ..types import Office
from .types import Descriptor
from .types import PostInfo

__all__ = ["Offices"]

_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "secretary_general": 3}


class Offices:
    def __init__(self, posts: tuple[PostInfo, ...]):
        self._posts = posts
        self._of_person: dict[str, list[tuple[PostInfo, str, str, bool]]] = defaultdict(list)
        for post in posts:
            for person_id, start, end, acting in post.holders:
                self._of_person[person_id].append((post, start, end, acting))

    def holders(self, d: Descriptor, date: str | None) -> set[str]:
        """Who held the descriptor's office on the date; for a former one ("the former
        president"), who held it before the date and no longer."""
        out: set[str] = set()
        for post in self._posts:
            if post.role_type not in d.roles:
                continue
            if not ((post.country and post.country in d.countries) or (post.organization and post.organization in d.orgs)):
                continue
            for person_id, start, end, _ in post.holders:
                if _fits(d, date, start, end):
                    out.add(person_id)
        return out

    def held_role(self, person_id: str, d: Descriptor | None, date: str | None) -> bool:
        """Whether the person held one of the descriptor's roles on the date (any country:
        the article may name it in words the vocabulary lacks). True without a date."""
        if d is None or not date:
            return True
        return any(post.role_type in d.roles and _fits(d, date, s, e)
                   for post, s, e, _ in self._of_person.get(person_id, ()))

    def holds_office(self, person_id: str, date: str) -> bool:
        return any(within(date, s or None, e or None) for _, s, e, _ in self._of_person.get(person_id, ()))

    def office_on(self, person_id: str, date: str | None, roles: set[str]) -> Office | None:
        held = [
            (post, s, e, a) for post, s, e, a in self._of_person.get(person_id, [])
            if date is None or within(date, s or None, e or None)
        ]
        if not held:
            return None
        held.sort(key=lambda h: (h[0].role_type not in roles, _RANK.get(h[0].role_type, 9), h[1]))
        post, s, e, a = held[0]
        return Office(post.id, post.label, post.role_type, post.organization, post.country, s, e, a)


def _fits(d: Descriptor, date: str | None, start: str, end: str) -> bool:
    """Whether a tenure from `start` to `end` is the one the descriptor speaks of on `date`."""
    if date is None:
        return True
    held_on_date = within(date, start or None, end or None)
    if d.former:
        return bool(end) and end < date and not held_on_date  # "2022" as an end covers 2022
    return held_on_date
