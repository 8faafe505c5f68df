"""Likely duplicate persons: the same person imported twice under different ids, found by
matching each person's names against everyone else with the project's own matcher."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rollcall.resolvers import MatcherConfig, NameIndex, Query
from rollcall.resolvers.matcher import score_candidates

from .store import Store

__all__ = ["DuplicatePair", "find_duplicates"]


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    a: str
    b: str
    score: float
    name_a: str
    name_b: str
    alias_b: str
    why: str


def _profile(store: Store, person_id: str) -> tuple[str, str, str]:
    p = store.person(person_id)
    return (p.wikidata, p.birth_date, p.country) if p else ("", "", "")


def find_duplicates(store: Store, index: NameIndex, *, min_score: float = 0.95,
                    progress: Callable[[int, int], None] | None = None) -> list[DuplicatePair]:
    """Pairs whose names match closely, best first. Two persons with different Wikidata
    ids, or different birth dates, are different people and are not listed."""
    config = MatcherConfig(retrieve=20)
    seen: set[tuple[str, str]] = set()
    pairs: list[DuplicatePair] = []
    for n, (person, name, lang) in enumerate(_names(index)):
        if progress and n % 500 == 0:
            progress(n, len(index.aliases))
        try:
            scored = score_candidates(index, Query(name, lang or None, limit=5), config)
        except ValueError:
            continue
        for sp in scored[:5]:
            other = index.persons[sp.person].id
            key = tuple(sorted((person, other)))
            f = sp.features
            # Near-identical names: every word matched, and the whole of both names.
            score = min(f.spelling, f.sound, f.alias_coverage, f.weakest, f.whole)
            if other == person or key in seen or score < min_score:
                continue
            qid_a, born_a, country_a = _profile(store, person)
            qid_b, born_b, country_b = _profile(store, other)
            if (qid_a and qid_b and qid_a != qid_b) or (born_a and born_b and born_a != born_b):
                continue
            seen.add(key)  # type: ignore[arg-type]
            why = ", ".join(x for x in (
                f"same country {country_a}" if country_a and country_a == country_b else "",
                f"same birth date {born_a}" if born_a and born_a == born_b else "",
                "one has no Wikidata id" if not (qid_a and qid_b) else "",
            ) if x)
            pairs.append(DuplicatePair(person, other, round(score, 4), index.persons[index.person_pos(person)].name,
                                       index.persons[sp.person].name, index.record_of(sp.alias_id).name, why))
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return pairs


def _names(index: NameIndex) -> Iterator[tuple[str, str, str]]:
    """Each person's names, one query each."""
    for alias in index.aliases:
        yield index.persons[alias.person].id, alias.record.name, alias.record.lang
