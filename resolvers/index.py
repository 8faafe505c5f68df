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

from .forms import NameForm, name_forms
from .given_names import name_groups
from .normalize import clean, normalize
from .respell import LANGUAGE_OF_COUNTRY
from .score import WeightedForm, weigh
from .script import LATIN, detect_script
from .types import AliasRecord, PersonRecord

__all__ = ["NameIndex", "IndexedAlias", "NameForm", "name_forms", "alias_language"]

# A key shared by more aliases than this share of the index is too common to retrieve by
# (unless nothing rarer matches).
_COMMON_SHARE = 0.05
_MIN_COMMON = 50


@dataclass(frozen=True, slots=True)
class IndexedAlias:
    person: int  # position in NameIndex.persons
    record: AliasRecord
    normalized: str
    forms: tuple[NameForm, ...]


def alias_language(record: AliasRecord, person: PersonRecord, cleaned: str) -> str | None:
    """The language to read an alias in: its own tag, else, for a Latin-script name, the
    language of the person's country (English when unknown: most untagged names are
    English labels)."""
    if record.lang:
        return record.lang
    if detect_script(cleaned) == LATIN:
        return LANGUAGE_OF_COUNTRY.get(person.country.upper(), "en")
    return None


def _lookup_keys(form: NameForm) -> set[str]:
    """Index keys of one reading: exact token keys, and consonant-class bigrams so that a
    spelling one class off ("trnpr" for "trmpr") still shares most keys."""
    out: set[str] = set()
    for key, skel, cls, cls_r in zip(form.keys, form.skeletons, form.classes, form.classes_r):
        if len(key) >= 2:
            out.add("k:" + key)
        if len(skel) >= 2:
            out.add("s:" + skel)
        out.update(f"g:{group}" for group in name_groups(key))
        for c in {cls, cls_r}:
            if len(c) >= 2:
                out.add("c:" + c)
                padded = f"^{c}$"
                out.update("b:" + padded[i : i + 2] for i in range(len(padded) - 1))
    if len(form.keys) > 1:
        if len(form.joined_key) >= 4:
            out.add("k:" + form.joined_key)
        if len(form.joined_class) >= 3:
            out.add("c:" + form.joined_class)
    return out


class NameIndex:
    """Aliases of all persons with an inverted index over their keys. Immutable once built."""

    def __init__(self, persons: Iterable[PersonRecord], aliases: Iterable[AliasRecord]):
        self.persons: list[PersonRecord] = list(persons)
        self._person_pos = {p.id: i for i, p in enumerate(self.persons)}
        self.aliases: list[IndexedAlias] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._key_counts: list[int] = []
        token_counts: Counter[str] = Counter()
        for record in aliases:
            pos = self._person_pos.get(record.person_id)
            if pos is None:
                continue
            cleaned = clean(record.name)
            normalized = normalize(cleaned)
            if not normalized:
                continue
            forms = name_forms(cleaned, alias_language(record, self.persons[pos], cleaned))
            alias_id = len(self.aliases)
            self.aliases.append(IndexedAlias(pos, record, normalized, forms))
            self._exact[normalized].append(alias_id)
            keys: set[str] = set()
            for form in forms:
                keys |= _lookup_keys(form)
                token_counts.update(set(form.keys))
            for key in keys:
                self._postings[key].append(alias_id)
            self._key_counts.append(len(keys))
        self._postings = dict(self._postings)
        self._exact = dict(self._exact)
        total = self._total = max(len(self.aliases), 1)
        # Inverse document frequency of token keys: a rare surname says more than "muhammad".
        self._idf = {k: math.log(1 + total / c) for k, c in token_counts.items()}
        self.max_idf = math.log(1 + total)
        self._weighted: list[tuple[WeightedForm, ...] | None] = [None] * len(self.aliases)

    def __len__(self) -> int:
        return len(self.aliases)

    def weighted(self, alias_id: int) -> tuple[WeightedForm, ...]:
        """The alias's readings weighed by this index's token rarities (computed on first use)."""
        found = self._weighted[alias_id]
        if found is None:
            found = self._weighted[alias_id] = self.weigh(self.aliases[alias_id].forms)
        return found

    def weigh(self, forms: tuple[NameForm, ...]) -> tuple[WeightedForm, ...]:
        return tuple(weigh(f, self.idf, self.max_idf) for f in forms)

    def person(self, person_id: str) -> PersonRecord | None:
        pos = self._person_pos.get(person_id)
        return None if pos is None else self.persons[pos]

    def idf(self, key: str) -> float:
        """Rarity of a token key; unseen keys count as rare."""
        return self._idf.get(key, self.max_idf)

    def person_pos(self, person_id: str) -> int:
        return self._person_pos[person_id]

    def aliases_of(self, person_id: str) -> list[int]:
        pos = self._person_pos.get(person_id)
        return [i for i, a in enumerate(self.aliases) if a.person == pos] if pos is not None else []

    def exact(self, normalized: str) -> list[int]:
        return self._exact.get(normalized, [])

    def retrieve(self, forms: tuple[NameForm, ...], limit: int) -> list[int]:
        """Aliases sharing keys with the query, the ones sharing more and rarer keys first.

        Counting runs in C (Counter.update over posting lists); a rare key is counted more
        than once, up to four times, instead of weighting each count in Python."""
        keys: set[str] = set()
        for form in forms:
            keys |= _lookup_keys(form)
        # Sorted: set order varies between runs (hash seeds), answers must not.
        lists = [p for p in (self._postings.get(k) for k in sorted(keys)) if p]
        if not lists:
            return []
        common = max(_MIN_COMMON, int(self._total * _COMMON_SHARE))
        rare = [p for p in lists if len(p) <= common] or lists
        counts: Counter[int] = Counter()
        for postings in rare:
            repeat = 1 + min(3, int(math.log2(max(common / len(postings), 1.0))))
            for _ in range(repeat):
                counts.update(postings)
        # Aliases with many readings have many keys and would win on raw counts: rank the
        # best-counted ones again by count over the square root of their number of keys.
        # (most_common keeps first-counted order among ties: deterministic, keys are sorted.)
        top = counts.most_common(limit * 5)
        kc = self._key_counts
        top.sort(key=lambda kv: -kv[1] / math.sqrt(kc[kv[0]]))
        return [alias_id for alias_id, _ in top[:limit]]
