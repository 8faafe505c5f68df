"""Where the personal names are in Chinese and Japanese running text.

These scripts put no spaces between words, so a name cannot be found as a run of
capitalised words. A real segmenter finds the words and says which are names: jieba for
Chinese, with the gazetteer's own Han names and role and place words loaded as its user
dictionary (so "别尔德穆哈梅多夫" stays one word), and MeCab (IPAdic) for Japanese, where a
foreign name is a run of katakana ("イムラン・カーン"). Ordinary words never become name
candidates; what a candidate refers to is the matcher's question.

Both segmenters load their dictionaries on first use (about half a second), never at import.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from ..japanese import parsed
from ..normalize import NAME_DOTS
from ..script import char_script

__all__ = ["CjkNames", "is_cjk"]

_CJK = {"Han", "Katakana", "Hiragana"}
# jieba's tags of personal names: Chinese names, transliterated foreign names, Japanese names.
_NAME_TAGS = {"nr", "nrt", "nrfg", "nrj"}


def is_cjk(ch: str) -> bool:
    return char_script(ch) in _CJK


def _is_katakana_word(word: str) -> bool:
    return bool(word) and all(char_script(c) == "Katakana" or c in NAME_DOTS for c in word)


class CjkNames:
    """Name candidates (character spans) of a Chinese or Japanese text.

    `names`: the gazetteer's names written in Han characters (each whole, and each part of
    a foreign name between the joining dots: "谢尔达尔·别尔德穆哈梅多夫" gives the surname
    too); `words`: role and place phrases in Han characters, kept whole and never taken for
    names. `translit`: characters of Han renderings of foreign names (read off the same
    aliases): a run of them next to a name part belongs to the name (jieba often cuts an
    unknown foreign name into pieces, some tagged as other words)."""

    def __init__(self, names: Iterable[str], words: Iterable[str], translit: Iterable[str] = ()):
        self._names = sorted({part for n in names for part in _parts(n) if len(part) >= 2})
        self._words = sorted({w for w in words if len(w) >= 2 and all(is_cjk(c) for c in w)})
        self._translit = frozenset(translit)
        self._lock = threading.Lock()
        self._jieba: Any = None  # jieba.posseg.POSTokenizer, made on first use

    def spans(self, text: str, lang: str | None) -> list[tuple[int, int]]:
        """(start, end) character offsets of name candidates, in text order."""
        japanese = (lang or "").startswith("ja") or any(char_script(c) in ("Katakana", "Hiragana") for c in text)
        return list(_japanese_names(text) if japanese else self._chinese_names(text))

    def _segments(self, text: str) -> list[tuple[str, str]]:
        with self._lock:  # jieba's tokenizer is not safe to initialise from two threads
            if self._jieba is None:
                self._jieba = _load_jieba(self._names, self._words)
            tokenizer = self._jieba
        return [(w.word, w.flag) for w in tokenizer.cut(text, HMM=True)]

    def _chinese_names(self, text: str) -> Iterator[tuple[int, int]]:
        pos, run_start, run_end, has_name = 0, -1, -1, False
        names = set(self._names)
        for word, flag in self._segments(text) + [("", "x")]:
            is_name = flag in _NAME_TAGS or word in names
            continues = is_name or (run_start >= 0 and word and all(c in self._translit for c in word)
                                    and word not in self._words)
            if continues and word:
                if run_start < 0:
                    run_start = pos
                run_end = pos + len(word)
                has_name = has_name or is_name
            else:
                if run_start >= 0 and has_name and run_end - run_start >= 2:
                    yield run_start, run_end
                run_start, has_name = -1, False
            pos += len(word)


def _parts(name: str) -> list[str]:
    """A Han name and, for a foreign name written with joining dots, each of its parts."""
    if not name or not all(is_cjk(c) or c in NAME_DOTS for c in name):
        return []
    parts = [name]
    for joiner in NAME_DOTS:
        if joiner in name:
            parts += [p for p in name.split(joiner) if p]
    return parts


def _load_jieba(names: list[str], words: list[str]):  # -> jieba.posseg.POSTokenizer
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    # A high frequency keeps the gazetteer's words whole against jieba's own dictionary.
    for w in words:
        tokenizer.add_word(w, freq=100_000, tag="n")
    for n in names:
        tokenizer.add_word(n, freq=100_000, tag="nr")
    return jieba.posseg.POSTokenizer(tokenizer)


def _japanese_names(text: str) -> Iterator[tuple[int, int]]:
    """Runs of katakana words (foreign names, joined by "・") and words MeCab tags as
    personal names; places and organisations excluded."""
    nodes = parsed(text)
    pos, run_start, run_end = 0, -1, -1
    for surface, feature in nodes + [("", ["記号"])]:
        at = text.find(surface, pos) if surface else len(text)
        if at < 0:  # MeCab normalised something: skip to stay in step with the text
            continue
        proper = feature[0] == "名詞" and len(feature) > 2 and feature[1] == "固有名詞"
        person = proper and feature[2] == "人名"
        katakana = _is_katakana_word(surface) and not (proper and feature[2] in ("地域", "組織"))
        if surface and (person or katakana or (run_start >= 0 and surface in NAME_DOTS)):
            if run_start < 0:
                run_start = at
            run_end = at + len(surface)
        else:
            if run_start >= 0 and run_end - run_start >= 2:
                yield run_start, run_end
            run_start = -1
        pos = at + len(surface)
