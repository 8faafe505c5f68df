"""Readings of a name: each romanisation of it, tokenised, with the keys retrieval and
scoring compare (phonetic key, consonant skeleton, consonant classes)."""

from __future__ import annotations

from dataclasses import dataclass

from .keys import class_key, phonetic_key, skeleton_key
from .translit import romanize

__all__ = ["NameForm", "name_forms"]


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


def name_forms(cleaned: str, lang: str | None) -> tuple[NameForm, ...]:
    """Romanised readings of a cleaned name (normalize.clean), each tokenised and keyed."""
    forms = []
    for latin in romanize(cleaned, lang):
        toks = tuple(t for t in latin.split() if t)
        if not toks:
            continue
        keys = tuple(phonetic_key(t) for t in toks)
        classes = tuple(class_key(t) for t in toks)
        forms.append(
            NameForm(
                toks, keys, tuple(skeleton_key(t) for t in toks), classes,
                tuple(class_key(t, keep_r=True) for t in toks), "".join(keys), "".join(classes),
            )
        )
    return tuple(forms)
