"""Thai writes no space between the words of a phrase: a space ends a phrase, and a role word
is joined to the name after it ("ประธานาธิบดีวลาดิมีร์": President Vladimir), a place or a
cue to the word before it ("แห่งอินเดียไม่ได้เข้าร่วม": of India did not attend). A Thai
word is cut where PyThaiNLP's dictionary segmenter finds the article vocabulary's words
(roles, places, cues) and Thai function words (its stop-word list) in it; the segmenter also
knows the common Thai words, so that no function word is cut out of one. What lies between
stays whole, for a foreign name is no Thai word and the segmenter cuts it into syllables
that are ("วลาดิมีร์" into ว ลา ดิ มีร์), which run together again."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from ..script import char_script
from ..wordlike import common_thai_words

if TYPE_CHECKING:
    from pythainlp.util import Trie

__all__ = ["ThaiWords"]

# Whether the part of a word from start to end reads as a name's word.
NameTest = Callable[[int, int], bool]
# How common (Zipf, in the Thai National Corpus) a Thai word is for the segmenter to know it:
# some 11,000 words. With Zipf 3 (18,000 words) the first Thai article took 0.7 s instead of
# 0.5, and the test articles came out alike.
_COMMON_WORD = 3.5
# The fewest letters of a run read as a name before a function word comes apart from it:
# "ปูติน" (Putin), not a syllable that happens to read as a name.
_NAME_LETTERS = 4


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

        # The common words of Thai besides: a function word is then not cut out of one
        # ("ต้อนรับ", welcome, is no ต้อน + รับ, "receive"), and they stay no known words.
        return Trie(self._known | self._function_words | common_thai_words(_COMMON_WORD))

    def cut(self, word: str, is_name: NameTest = lambda start, end: False) -> list[tuple[int, int]]:
        """(start, end) of the parts of one Thai word (text between spaces), in order; the
        whole word when nothing known is in it. A function word stands apart only next to a
        known word ("ไม่ได้เข้าร่วม"), as it does in a phrase, or beside a run of pieces that
        `is_name` (of its start and end in the word) reads as a name ("ปูตินได้": Putin
        has); elsewhere it may be a syllable of a name (อัน of แอร์โดอัน, Erdoğan) and stays
        with what it is joined to."""
        from pythainlp.tokenize import word_tokenize

        pieces = word_tokenize(word, custom_dict=self._dictionary, engine="newmm", keep_whitespace=False)
        if len(pieces) < 2 or "".join(pieces) != word:
            return [(0, len(word))]
        known = [p in self._known for p in pieces]
        apart = [known[i] or (pieces[i] in self._function_words
                              and any(known[j] for j in (i - 1, i + 1) if 0 <= j < len(pieces)))
                 for i in range(len(pieces))]
        self._apart_beside_names(pieces, apart, is_name)
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

    def _apart_beside_names(self, pieces: list[str], apart: list[bool], is_name: NameTest) -> None:
        """Sets apart each function word beside a run of other pieces (up to an apart piece
        or another function word) that reads as a name of _NAME_LETTERS letters or more."""
        starts = [0]
        for piece in pieces:
            starts.append(starts[-1] + len(piece))
        bounds = [apart[k] or pieces[k] in self._function_words for k in range(len(pieces))]
        for i, piece in enumerate(pieces):
            if apart[i] or piece not in self._function_words:
                continue
            before = i
            while before > 0 and not bounds[before - 1]:
                before -= 1
            after = i + 1
            while after < len(pieces) and not bounds[after]:
                after += 1
            runs = [(starts[before], starts[i]), (starts[i + 1], starts[after])]
            if any(end - start >= _NAME_LETTERS and is_name(start, end) for start, end in runs):
                apart[i] = True
