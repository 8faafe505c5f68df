"""Thai writes no space between the words of a phrase: a space ends a phrase, and a role word
is joined to the name after it ("ประธานาธิบดีวลาดิมีร์": President Vladimir), a place or a
cue to the word before it ("แห่งอินเดียไม่ได้เข้าร่วม": of India did not attend). A Thai
word is cut where PyThaiNLP's dictionary segmenter finds the article vocabulary's words
(roles, places, cues) and Thai function words (its stop-word list) in it; what lies between
them stays whole, for a foreign name is no Thai word and the segmenter would cut it into
syllables that are ("วลาดิมีร์" into ว ลา ดิ มีร์)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from ..script import char_script

if TYPE_CHECKING:
    from pythainlp.util import Trie

__all__ = ["ThaiWords"]


def _is_thai(word: str) -> bool:
    """Whether the word begins with a Thai letter."""
    return bool(word) and char_script(word[0]) == "Thai"


class ThaiWords:
    """Cuts Thai words at the vocabulary's Thai words and at function words next to them."""

    def __init__(self, vocabulary_phrases: Iterable[str]):
        # A phrase with spaces is found word by word in the text's own spaces.
        self._known = frozenset(w for p in vocabulary_phrases for w in p.split() if _is_thai(w))

    @cached_property
    def _function_words(self) -> frozenset[str]:
        from pythainlp.corpus import thai_stopwords

        return frozenset(thai_stopwords()) - self._known

    @cached_property
    def _dictionary(self) -> Trie:
        from pythainlp.util import Trie

        return Trie(self._known | self._function_words)

    def cut(self, word: str) -> list[tuple[int, int]]:
        """(start, end) of the parts of one Thai word (text between spaces), in order; the
        whole word when nothing known is in it. A function word stands apart only next to a
        known word ("ไม่ได้เข้าร่วม"), as it does in a phrase; elsewhere it may be a syllable
        of a name (อัน of แอร์โดอัน, Erdoğan) and stays with what it is joined to."""
        from pythainlp.tokenize import word_tokenize

        pieces = word_tokenize(word, custom_dict=self._dictionary, engine="newmm", keep_whitespace=False)
        if len(pieces) < 2 or "".join(pieces) != word:
            return [(0, len(word))]
        known = [p in self._known for p in pieces]
        apart = [known[i] or (pieces[i] in self._function_words
                              and any(known[j] for j in (i - 1, i + 1) if 0 <= j < len(pieces)))
                 for i in range(len(pieces))]
        parts: list[tuple[int, int]] = []
        start = 0
        for i, piece in enumerate(pieces):
            end = start + len(piece)
            # Pieces not apart run together, unless all are function words ("โดยมี").
            if parts and not apart[i] and not apart[i - 1] and not (
                    pieces[i - 1] in self._function_words and piece in self._function_words):
                parts[-1] = (parts[-1][0], end)
            else:
                parts.append((start, end))
            start = end
        return parts
