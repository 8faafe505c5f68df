"""Completing a name as it is typed, in any script: "Lawr", "Лавр" and "لاورو" all suggest
Sergey Lavrov.

What has been typed is read as a query is (romanised, several readings) and each of its
words is completed through the index's phonetic keys: a person is suggested when one of
their aliases has, for every typed word, a token (or the whole name run together) whose key
starts with that word's key. Keys fold the spelling differences of transliteration (w/v,
j/y, -ow/-ov), so a prefix in one convention completes a name written in another.

Keys fold a great deal ("Scho" and "Sok" share the key "so"), so suggestions are ranked
first by how many typed words begin a word of the alias letter for letter (in one of its
romanised readings: "Шол" is "shol", which begins "sholts"), then by how much of the
completed words' keys was typed (the closest completion first), then by how many of the
person's aliases complete it (a person known in many languages has many), then by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from .forms import PHONETIC_KEY, name_forms
from .index import NameIndex
from .index_data import IndexData
from .normalize import clean

__all__ = ["Suggestion", "suggest_persons", "MIN_PREFIX"]

# A typed word's key shorter than this is not completed alone: two letters already narrow a
# gazetteer to a few hundred keys; one would list most of it.
MIN_PREFIX = 2
# Keys read per typed word (the shortest completions first), and aliases ranked at most
# (the closest completions: reading their readings is the costly part).
_MAX_KEYS = 400
_MAX_ALIASES = 300
# Readings of what was typed that are tried (a query's first readings are its likeliest).
_MAX_READINGS = 3


@dataclass(frozen=True, slots=True)
class Suggestion:
    person_id: str
    name: str
    # Of the typed words, the share that begin a word of the alias letter for letter.
    literal: float
    # In (0, 1]: the share of the completed words' keys that was typed (1: typed in full).
    completeness: float


def suggest_persons(index: NameIndex, typed: str, lang: str | None = None, limit: int = 10) -> list[Suggestion]:
    """The persons whose names complete `typed`, best first, at most `limit`."""
    forms = name_forms(clean(typed), lang)[:_MAX_READINGS]
    completeness: dict[int, float] = {}  # alias → share of its completed keys typed
    for form in forms:
        for alias, share in _completing_aliases(index.data, form.keys).items():
            if share > completeness.get(alias, 0.0):
                completeness[alias] = share
    aliases = sorted(completeness, key=completeness.__getitem__, reverse=True)[:_MAX_ALIASES]
    data = index.data
    data.prefetch(aliases)
    # person → (literal share, completeness, aliases completing), the best alias's
    per_person: dict[int, tuple[float, float, int]] = {}
    for alias, person, readings in zip(aliases, data.persons_of(aliases), data.readings_of(aliases)):
        literal = max(_literal_share(f.tokens, r.tokens) for f in forms for r in readings)
        found = per_person.get(person, (0.0, 0.0, 0))
        per_person[person] = (*max(found[:2], (literal, completeness[alias])), found[2] + 1)
    order = sorted(per_person, key=lambda p: (tuple(-v for v in per_person[p]), index.persons[p].name))
    return [Suggestion(index.persons[p].id, index.persons[p].name, round(per_person[p][0], 4),
                       round(per_person[p][1], 4)) for p in order[:limit]]


def _literal_share(typed: tuple[str, ...], tokens: tuple[str, ...]) -> float:
    """The share of typed words that begin some word of `tokens` (or the words run
    together, for a name typed without spaces)."""
    joined = "".join(tokens)
    found = sum(1 for t in typed if joined.startswith(t) or any(tok.startswith(t) for tok in tokens))
    return found / len(typed)


def _completing_aliases(data: IndexData, typed_keys: tuple[str, ...]) -> dict[int, float]:
    """Aliases having a key that completes each typed word's key, with the mean share of
    the completions that was typed. Words with too short a key are not required, unless
    no word has a long enough one (then nothing is suggested)."""
    per_word: list[dict[int, float]] = []
    for typed in typed_keys:
        if len(typed) < MIN_PREFIX:
            continue
        completed: dict[int, float] = {}
        keys = data.keys_with_prefix(PHONETIC_KEY + typed, _MAX_KEYS)
        for key, aliases in data.postings_of(keys).items():
            share = len(typed) / (len(key) - len(PHONETIC_KEY))
            for alias in aliases:
                if share > completed.get(alias, 0.0):
                    completed[alias] = share
        per_word.append(completed)
    if not per_word:
        return {}
    common = set(per_word[0]).intersection(*per_word[1:])
    return {alias: sum(word[alias] for word in per_word) / len(per_word) for alias in common}
