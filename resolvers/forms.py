"""Readings of a name: each romanisation of it, tokenised, with the keys retrieval and
scoring compare (phonetic key, consonant skeleton, consonant classes), and the keys an
alias is filed under in the index. What this computes is what the stored name index holds
(bump readings_codec.INDEX_VERSION when what it computes changes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .caches import READINGS_CACHED
from .given_names import name_groups
from .keys import token_keys
from .normalize import hyphened_words
from .respell import LANGUAGE_OF_COUNTRY
from .script import LATIN, detect_script
from .translit import romanize

__all__ = ["NameForm", "PHONETIC_KEY", "name_forms", "alias_language", "lookup_keys", "words_kept"]

# The prefix of an index key filed from a token's (or a reading's joined) phonetic key; the
# other kinds: s: skeleton, c: consonant classes, b: their bigrams, g: given-name group.
PHONETIC_KEY = "k:"


@dataclass(frozen=True, slots=True)
class NameForm:
    """One romanised reading of a name: its tokens and their keys."""

    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    skeletons: tuple[str, ...]
    classes: tuple[str, ...]
    classes_r: tuple[str, ...]  # the same with every r kept
    joined_key: str
    joined_class: str


@lru_cache(maxsize=4096)  # a query's forms are asked for again by the confidence model (matcher.is_one_word)
def name_forms(cleaned: str, lang: str | None) -> tuple[NameForm, ...]:
    """Romanised readings of a cleaned name (normalize.clean), each tokenised and keyed."""
    forms = []
    for latin in romanize(cleaned, lang):
        toks = tuple(latin.split())
        if not toks:
            continue
        keys, skeletons, classes, classes_r = zip(*map(_token_keys, toks))
        forms.append(NameForm(toks, keys, skeletons, classes, classes_r, "".join(keys), "".join(classes)))
    return tuple(forms)


@lru_cache(maxsize=READINGS_CACHED)
def _token_keys(token: str) -> tuple[str, str, str, str]:
    """A token's phonetic key, skeleton and consonant classes (without and with every r)."""
    return token_keys(token)


def alias_language(tag: str, country: str, cleaned: str) -> str | None:
    """The language to read an alias in: its own `tag`, else, for a Latin-script name, the
    language of the person's `country` (English when unknown: most untagged names are
    English labels)."""
    if tag:
        return tag
    if detect_script(cleaned) == LATIN:
        return LANGUAGE_OF_COUNTRY.get(country.upper(), "en")
    return None


def lookup_keys(form: NameForm) -> set[str]:
    """Index keys of one reading: exact token keys, and consonant-class bigrams so that a
    spelling one class off ("trnpr" for "trmpr") still shares most keys."""
    out: set[str] = set()
    for token in form.tokens:
        out |= _token_lookup_keys(token)
    if len(form.keys) > 1:
        if len(form.joined_key) >= 4:
            out.add(PHONETIC_KEY + form.joined_key)
        if len(form.joined_class) >= 3:
            out.add("c:" + form.joined_class)
    return out


@lru_cache(maxsize=READINGS_CACHED)
def _token_lookup_keys(token: str) -> frozenset[str]:
    """The index keys of one token (all derived from the token: computed once per word)."""
    out: set[str] = set()
    key, skel, cls, cls_r = _token_keys(token)
    if len(key) >= 2:
        out.add(PHONETIC_KEY + key)
    if len(skel) >= 2:
        out.add("s:" + skel)
    out.update(f"g:{group}" for group in name_groups(key))
    for c in {cls, cls_r}:
        if len(c) >= 2:
            out.add("c:" + c)
            padded = f"^{c}$"
            out.update("b:" + padded[i : i + 2] for i in range(len(padded) - 1))
    return frozenset(out)


# Scripts whose own names put the family name first (何立峰: He Lifeng; 윤석열: Yoon Suk Yeol).
_FAMILY_NAME_FIRST = frozenset({"Han", "Hangul"})


def family_name_first(name: str) -> bool:
    """Whether `name` is in a script whose names put the family name first."""
    return detect_script(name) in _FAMILY_NAME_FIRST


def words_kept(name: str, forms: Sequence[NameForm]) -> list[tuple[bool, ...]]:
    """For each reading in `forms` of the query `name`, whether each of its tokens is no
    given name an alias may leave out (score_py.align): both parts of a hyphened given name
    ("Hans-Peter" is not Hans and then Peter, as "Hans Peter" may be), and the first word of
    a name in a script whose names put the family name first (何立峰 read "he li feng" is no
    Li Feng)."""
    hyphened = hyphened_words(name)
    parts = [h or (i > 0 and hyphened[i - 1]) for i, h in enumerate(hyphened)]
    first_is_family = family_name_first(name)
    out = []
    for form in forms:
        kept = list(parts) if len(parts) == len(form.tokens) else [False] * len(form.tokens)
        if kept and first_is_family:
            kept[0] = True
        out.append(tuple(kept))
    return out
