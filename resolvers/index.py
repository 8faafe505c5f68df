"""Candidate retrieval: an inverted index from name keys to aliases.

Every alias is romanised once at build time (several forms per alias) and each token is
filed under its phonetic key, its consonant skeleton and a short prefix of the key. A query
looks up its own keys and gets the aliases that share at least one, ranked by how rare the
shared keys are, so a query never scans the whole gazetteer.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .keys import phonetic_key, skeleton_key
from .normalize import normalize
from .translit import romanize
from .types import AliasRecord, PersonRecord

__all__ = ["NameIndex", "IndexedAlias", "NameForm", "name_forms"]

_PREFIX = 3


@dataclass(frozen=True, slots=True)
class NameForm:
    """One romanised reading of a name: its tokens and their keys."""

    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    skeletons: tuple[str, ...]

    @property
    def joined_key(self) -> str:
        return "".join(self.keys)


@dataclass(frozen=True, slots=True)
class IndexedAlias:
    person: int  # position in NameIndex.persons
    record: AliasRecord
    normalized: str
    forms: tuple[NameForm, ...]


def name_forms(normalized: str, lang: str | None) -> tuple[NameForm, ...]:
    """Romanised readings of a normalised name, each tokenised and keyed."""
    forms = []
    for latin in romanize(normalized, lang):
        toks = tuple(t for t in latin.split() if t)
        if not toks:
            continue
        keys = tuple(phonetic_key(t) for t in toks)
        forms.append(NameForm(toks, keys, tuple(skeleton_key(t) for t in toks)))
    return tuple(forms)


def _lookup_keys(form: NameForm) -> set[str]:
    out: set[str] = set()
    for key, skel in zip(form.keys, form.skeletons):
        if len(key) >= 2:
            out.add("k:" + key)
            out.add("p:" + key[:_PREFIX])
        if len(skel) >= 2:
            out.add("s:" + skel)
    joined = form.joined_key
    if len(form.keys) > 1 and len(joined) >= 4:
        out.add("k:" + joined)
    return out


class NameIndex:
    """Aliases of all persons with an inverted index over their keys. Immutable once built."""

    def __init__(self, persons: Iterable[PersonRecord], aliases: Iterable[AliasRecord]):
        self.persons: list[PersonRecord] = list(persons)
        self._person_pos = {p.id: i for i, p in enumerate(self.persons)}
        self.aliases: list[IndexedAlias] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._exact: dict[str, list[int]] = defaultdict(list)
        token_counts: Counter[str] = Counter()
        for record in aliases:
            pos = self._person_pos.get(record.person_id)
            if pos is None:
                continue
            normalized = normalize(record.name)
            if not normalized:
                continue
            forms = name_forms(normalized, record.lang or None)
            alias_id = len(self.aliases)
            self.aliases.append(IndexedAlias(pos, record, normalized, forms))
            self._exact[normalized].append(alias_id)
            keys: set[str] = set()
            for form in forms:
                keys |= _lookup_keys(form)
                token_counts.update(set(form.keys))
            for key in keys:
                self._postings[key].append(alias_id)
        self._postings = dict(self._postings)
        self._exact = dict(self._exact)
        total = max(len(self.aliases), 1)
        # Inverse document frequency of token keys: a rare surname says more than "muhammad".
        self._idf = {k: math.log(1 + total / c) for k, c in token_counts.items()}
        self._max_idf = math.log(1 + total)

    def __len__(self) -> int:
        return len(self.aliases)

    def person(self, person_id: str) -> PersonRecord | None:
        pos = self._person_pos.get(person_id)
        return None if pos is None else self.persons[pos]

    def idf(self, key: str) -> float:
        """Rarity of a token key; unseen keys count as rare."""
        return self._idf.get(key, self._max_idf)

    def exact(self, normalized: str) -> list[int]:
        return self._exact.get(normalized, [])

    def retrieve(self, forms: tuple[NameForm, ...], limit: int) -> list[int]:
        """Aliases sharing keys with the query, the ones sharing rarer keys first."""
        weights: dict[int, float] = defaultdict(float)
        for form in forms:
            for key in _lookup_keys(form):
                postings = self._postings.get(key)
                if not postings:
                    continue
                kind, _, value = key.partition(":")
                w = self.idf(value) if kind == "k" else self.idf(value) * 0.5
                for alias_id in postings:
                    weights[alias_id] += w
        ranked = sorted(weights.items(), key=lambda kv: -kv[1])
        return [alias_id for alias_id, _ in ranked[:limit]]
