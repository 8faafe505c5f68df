"""Tokens and sentences of running text, with offsets in code points of the input.

Words are runs of letters, digits and in-word marks; each Chinese, Japanese Kanji or Kana
character is a token of its own, since those scripts put no spaces between words and names
are found by matching character sequences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import normalize
from .script import char_script

__all__ = ["Token", "tokenize", "sentence_spans", "quotations"]

# A word: letters/digits/marks, joined by an apostrophe inside ("O'Brien", "Dışişleri
# Bakanı'nın", Uzbek "O‘zbekiston" with any of its apostrophe marks); the zero-width
# non-joiner of Persian stays inside a word. The Indic blocks' letters and signs are word
# characters, their full stops (danda ।, double danda ॥) not; so are the vowel signs and
# other marks of Thai, Lao, Tibetan, Myanmar and Khmer (\w takes their letters only, and
# cut "ปูติน", Putin, at its vowel sign), not their punctuation (Tibetan tsheg and shad,
# Myanmar ၊ ။, Khmer ។). Hebrew's geresh (׳, or an apostrophe: ג׳ is j, "ג׳ינפינג") and
# gershayim (״, or a double quote between letters: an abbreviation, "מזכ"ל") stay inside
# a word.
_HEBREW_GERSHAYIM = r'(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])'
_WORD = re.compile(r"[\w\u0300-\u036f\u064b-\u065f\u0670\u200c\u0900-\u0963\u0966-\u0dff\u0e01-\u0e4e"
                   r"\u0e81-\u0ece\u0f18\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0fbc\u1000-\u1049\u104c-\u109f"
                   rf"\u1780-\u17d3]+(?:(?:['’‘ʼ`´׳״]|{_HEBREW_GERSHAYIM})[\w]+)*")
# Full stops: Latin, Arabic question mark, Chinese and Japanese, Urdu (۔), Devanagari (।),
# Armenian (։), Ethiopic (።, typed also as two word separators ፡፡, and its question mark ፧),
# Myanmar (။), Khmer (។).
_SENTENCE_END = re.compile(r"(?:[.!?؟。！？۔।॥։።፧။។]|፡፡)+[\"'»”]?(?=\s|$)|\n\s*\n|\n")
_CJK_SCRIPTS = {"Han", "Katakana", "Hiragana"}


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str  # normalize(text)


def _token(start: int, end: int, text: str) -> Token:
    return Token(start, end, text, normalize(text))


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in _WORD.finditer(text):
        word, start = m.group(0), m.start()
        if not any(char_script(c) in _CJK_SCRIPTS for c in word):
            tokens.append(_token(start, m.end(), word))
            continue
        run_start = None  # a run of non-CJK characters inside the match
        for i, ch in enumerate(word):
            if char_script(ch) in _CJK_SCRIPTS:
                if run_start is not None:
                    tokens.append(_token(start + run_start, start + i, word[run_start:i]))
                    run_start = None
                tokens.append(_token(start + i, start + i + 1, ch))
            elif run_start is None:
                run_start = i
        if run_start is not None:
            tokens.append(_token(start + run_start, m.end(), word[run_start:]))
    return tokens


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences (ends of sentences, line breaks)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# Quotation marks of the languages read, each opening one with its closing one.
_QUOTED = re.compile(r'«([^«»]*)»|„([^„“”]*)[“”]|“([^“”]*)”|"([^"]*)"|「([^「」]*)」|『([^『』]*)』|‹([^‹›]*)›')


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the text inside paired quotation marks (the marks left out)."""
    out = []
    # A gershayim is no quotation mark: put in its own sign (the same length) to pair the rest.
    for m in _QUOTED.finditer(re.sub(_HEBREW_GERSHAYIM, "״", text)):
        group = next(g for g in range(1, 8) if m.group(g) is not None)
        out.append((m.start(group), m.end(group)))
    return out
