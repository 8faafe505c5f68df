"""Japanese text through MeCab (IPAdic): one tagger for the process, behind a lock (a
tagger is not safe to share between threads), for the article reader's segmentation and for
the readings of names written in kanji."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

__all__ = ["parsed", "kana_reading"]

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _tagger() -> Any:  # MeCab.Tagger
    import ipadic
    import MeCab

    return MeCab.Tagger(ipadic.MECAB_ARGS)


def parsed(text: str) -> list[tuple[str, list[str]]]:
    """(surface, IPAdic features) of each word MeCab finds in `text`."""
    with _lock:
        node = _tagger().parseToNode(text)
        nodes = []
        while node is not None:
            if node.surface:
                nodes.append((node.surface, node.feature.split(",")))
            node = node.next
    return nodes


def kana_reading(name: str) -> str | None:
    """A name in kanji as Japanese reads it, in katakana, a space between MeCab's words
    (岸田文雄 "キシダ フミオ"); None when a word has no reading in the dictionary. Family
    names read well; a given name may read otherwise than its bearer's (晋三 "ススム サン" for
    Shinzō): the other readings of the name stay beside it."""
    words = []
    for surface, features in parsed(name):
        reading = features[7] if len(features) > 7 else "*"
        if reading == "*":
            return None
        words.append(reading)
    return " ".join(words) or None
