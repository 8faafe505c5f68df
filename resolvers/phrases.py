"""Finding known phrases in token sequences: a trie over normalised tokens.

Role words, country names, demonyms, organization names, cue phrases and names of the
gazetteer are all found the same way, longest match first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .text import Token, tokenize

__all__ = ["PhraseMatcher", "PhraseMatch", "phrase_tokens"]

T = TypeVar("T")


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The normalised tokens of a phrase, split as running text would be."""
    return tuple(t.norm for t in tokenize(phrase) if t.norm)


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    payloads: tuple[T, ...]


class PhraseMatcher(Generic[T]):
    """Phrases (token tuples) with payloads; finds the longest match at each position."""

    def __init__(self, phrases: Iterable[tuple[str, T]] = ()):
        self._root: dict = {}
        for phrase, payload in phrases:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        toks = phrase_tokens(phrase)
        if not toks:
            return
        node = self._root
        for tok in toks:
            node = node.setdefault(tok, {})
        node.setdefault(None, []).append(payload)

    def find(self, tokens: Sequence[Token]) -> list[PhraseMatch[T]]:
        """Non-overlapping longest matches, left to right."""
        out: list[PhraseMatch[T]] = []
        i = 0
        while i < len(tokens):
            node, best = self._root, None
            j = i
            while j < len(tokens) and tokens[j].norm in node:
                node = node[tokens[j].norm]
                if None in node:
                    best = (j, node[None])
                j += 1
            if best:
                out.append(PhraseMatch(i, best[0], tuple(dict.fromkeys(best[1]))))
                i = best[0] + 1
            else:
                i += 1
        return out
