"""Normalisation: one canonical form of a name before any script-specific work.

Two levels: `clean` keeps the letters' diacritics (Turkish "ş" and "s" are different sounds,
and the language-specific respelling needs them); `normalize` also folds Latin, Greek and
Cyrillic diacritics away and is the key for exact matching. Both accept any Unicode string
and never raise.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .caches import READINGS_CACHED

__all__ = ["NAME_DOTS", "clean", "has_qualifier", "hyphened_words", "is_honorific", "is_title_word", "split_titles",
           "fold", "normalize", "normalize_reading", "strip_invisible", "strip_diacritics", "MAX_NAME_CHARS"]

MAX_NAME_CHARS = 1000

# Letters that Arabic, Persian and Urdu write differently for the same sound; folding them
# lets "علي" (Arabic) and "علی" (Persian) meet.
_ARABIC_VARIANTS = str.maketrans(
    {
        "ي": "ی",  # ARABIC YEH -> FARSI YEH
        "ى": "ی",  # ALEF MAKSURA
        "ئ": "ی",
        "ك": "ک",  # ARABIC KAF -> KEHEH
        "ة": "ه",  # TEH MARBUTA
        "ۀ": "ه",
        "ہ": "ه",  # Urdu HEH GOAL
        "ھ": "ه",  # Urdu DO CHASHMEE HEH
        "ے": "ی",  # Urdu YEH BARREE
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
    }
)

# Honorifics and titles that precede names in news text; they carry no identity. Not "he":
# that is the Chinese family name He (何, 贺: "He Lifeng", 贺维 "he wei") and every reading
# of one; His Excellency is "H.E.", which _HIS_EXCELLENCY removes with its dots.
_TITLES = frozenset(
    """
    mr mrs ms dr prof sir his excellency president minister
    herr frau präsident prasident praesident
    господин госпожа г-н президент министр
    آقای آقا خانم دکتر جناب
    mullah mulla molla mawlawi mowlawi maulvi maulana ملا الملا مولوي مولوی مولانا мулла
    """.split()
)

_HIS_EXCELLENCY = re.compile(r"^\s*H\.\s?E\.\s*(?=\w)", re.IGNORECASE)

# Apostrophes inside a word are elisions or transliteration marks ("O'Brien", Ukrainian
# "Г'юм", Uzbek "Oʻzbekiston" written with any of ʻ ‘ ’ ' `): drop them instead of splitting
# the word. After a Hebrew letter an apostrophe is the geresh ("ג'" = dzh), which the Hebrew
# romanisation reads.
_HEBREW_GERESH = re.compile(r"(?<=[\u05d0-\u05ea])['’ʼ`´]")
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’‘ʼʻ`´ʹ](?=\w)")
# Disambiguators of encyclopaedia titles: "John Wells (politician)".
_PARENTHESES = re.compile(r"\s*[(\[（][^)\]）]*[)\]）]")
# The dots that join the parts of a foreign name written in Chinese or Japanese (弗拉基米尔·
# 普京): the middle dot, the katakana one (full and half width), and the lookalikes pages
# type instead (bullet, hyphenation point, bullet and dot operators, Latin letter middle dot).
NAME_DOTS = "·・･•‧∙⋅ꞏ"
_PUNCT_TO_SPACE = re.compile(rf"[\s\-‐‑‒–—―_{NAME_DOTS},;:/\\()\[\]{{}}\"'`´‘’“”«»„‚‹›!?¡¿.=＝+&*#@|~^<>（）、，]+")
# Vowel points (harakat, niqqud) of Arabic and Hebrew, which news text rarely writes.
_POINT_RANGES = ((0x0591, 0x05C7), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
_STRESS_MARKS = "\u0300\u0301"


def _is_point(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _POINT_RANGES)


# The nukta of Indic scripts marks sounds borrowed from Persian and English (ज़ z, फ़ f); writers
# leave it out as often as not, as Latin accents: the exact key drops both.
_NUKTAS = frozenset("\u093c\u09bc\u0a3c\u0abc\u0b3c")


def _strip_marks(text: str, *, latin: bool) -> str:
    """Remove vowel points and stress marks; with `latin`, also Latin and Greek accents and
    Indic nuktas. Marks other letters need (Cyrillic й, Indic vowel signs, Kana voicing)
    stay."""
    if text.isascii():
        return text  # no marks; NFD and NFC leave ASCII as it is
    out: list[str] = []
    base = ""
    for ch in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(ch):
            base = ch
            out.append(ch)
            continue
        if _is_point(ch) or not base.isalpha():
            continue  # a mark on nothing, or on a space or digit, marks nothing
        name = unicodedata.name(base, "")
        if ch in _STRESS_MARKS and name.startswith(("CYRILLIC", "GREEK", "LATIN")):
            continue
        if latin and name.startswith(("LATIN", "GREEK")) and 0x0300 <= ord(ch) <= 0x036F:
            continue
        if latin and ch in _NUKTAS:
            continue  # "कज़ाख़िस्तान" is as often written "कजाखिस्तान"
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def strip_invisible(text: str) -> str:
    """Drop format and control characters (ZWNJ, RLM, BOM, tatweel...); newlines and tabs
    become spaces."""
    if text.isascii() and text.isprintable():
        return text  # printable ASCII has no format or control characters
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cf", "Cc", "Cs", "Co", "Cn") or ch == "ـ":
            if ch in "\t\n\r":
                out.append(" ")
            continue
        out.append(ch)
    return "".join(out)


def strip_diacritics(text: str) -> str:
    """Remove Latin and Greek accents, stress marks and vowel points."""
    return _strip_marks(text, latin=True)


def fold(text: str) -> str:
    """NFKC, case-folded, invisible characters gone, Arabic letter variants unified,
    punctuation turned into single spaces; diacritics kept. For any text: names, titles,
    role phrases."""
    text = unicodedata.normalize("NFKC", strip_invisible(text)).casefold()
    text = text.translate(_ARABIC_VARIANTS)
    text = _HEBREW_GERESH.sub("\u05f3", text)
    text = _INNER_APOSTROPHE.sub("", text)
    return _PUNCT_TO_SPACE.sub(" ", text).strip()


# Words that open a peerage or courtesy title after a comma ("John Hutton, Baron Hutton of
# Furness", "Colin Moynihan, 4th Baron Moynihan", "Мэнсон, Рой, барон Барнсли"), in the
# languages whose encyclopaedias translate the title (French, Spanish, Portuguese, Italian,
# Dutch, Swedish, Welsh: "Barão Martin", "Arglwydd Walker"): the title is not part of the
# name that news prints.
_PEERAGE = frozenset(
    """
    baron baroness lord lady viscount viscountess earl countess count marquess marquis
    marchioness duke duchess baronet bt bart kt kg kbe cbe obe mbe qc kc pc mp
    graf gräfin freiherr freifrau fürst fürstin prinz prinzessin herzog herzogin
    baronne vicomte vicomtesse comte comtesse marquise duc duchesse
    barón baronesa vizconde vizcondesa conde condesa marqués marquesa duque duquesa
    barão visconde viscondessa marquês
    barone baronessa visconte viscontessa contessa marchese marchesa duca
    barones burggraaf graaf gravin hertog hertogin friherre friherrinna greve grevinna hertig
    barwn barwnes arglwydd iarll iarlles
    барон баронесса лорд леди граф графиня виконт маркиз герцог герцогиня баронет
    """.split()
)
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th|er|e|\.|-?й|-?я)?$")


def split_titles(text: str) -> tuple[str, str]:
    """(name, titles): the titles after commas apart from the name; a name left in two parts
    is the inverted form of library catalogues and encyclopaedias ("Lavrov, Sergei"), put
    back in reading order."""
    parts = [p.strip() for p in text.split(",")]
    kept: list[str] = [parts[0]]
    titles: list[str] = []
    for part in filter(None, parts[1:]):
        first = part.split(" ", 1)[0].casefold()
        (titles if first in _PEERAGE or _ORDINAL.match(first) else kept).append(part)
    if len(kept) == 2:
        kept.reverse()
    return " ".join(kept), " ".join(titles)


def is_honorific(word: str) -> bool:
    """Whether a word is an honorific clean() takes off the front of a name ("Mr", "Dr",
    "جناب", the Afghan religious titles "ملا" Mullah and "مولوي" Mawlawi)."""
    return fold(word) in _TITLES


def is_title_word(word: str) -> bool:
    """Whether a folded word is one of the words that open a title ("baron") or an ordinal
    ("4th"): it says nothing of whose title it is."""
    return word in _PEERAGE or bool(_ORDINAL.match(word))


def has_qualifier(text: str) -> bool:
    """Whether the name carries a parenthetical disambiguator ("Mustafa Yılmaz
    (Malatyalı)"): a sign that namesakes exist."""
    return bool(_PARENTHESES.search(text))


# Lowercase ASCII words separated by single spaces: what clean() leaves such a text as it is,
# unless its first word is an honorific. Romanised readings are mostly this.
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")


@lru_cache(maxsize=READINGS_CACHED)
def clean(text: str) -> str:
    """A name ready for romanisation: parenthetical disambiguators, titles after a comma and
    leading honorifics removed, then fold(). Diacritics kept."""
    if _PLAIN.fullmatch(text) and text.partition(" ")[0] not in _TITLES:
        return text
    words = fold(_strip_marks(_name_part(text), latin=False)).split()
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    return " ".join(words)


def _name_part(text: str) -> str:
    """The name without "H. E.", parenthetical disambiguators and titles after a comma."""
    text = _HIS_EXCELLENCY.sub("", unicodedata.normalize("NFKC", text))
    return split_titles(_PARENTHESES.sub(" ", text))[0]


# The hyphens that join the parts of one name ("Hans-Peter", "Benedix-Engler").
_NAME_HYPHEN = re.compile(r"[-‐‑]")


def hyphened_words(text: str) -> tuple[bool, ...]:
    """For each word of clean(text), whether a hyphen joins it to the next ("Hans-Peter
    Müller": True, False, False); all False when the words do not line up with clean()'s."""
    words = clean(text).split()
    if not _NAME_HYPHEN.search(text):  # most names
        return (False,) * len(words)
    parts: list[str] = []
    joined: list[bool] = []
    for chunk in _name_part(text).split():
        pieces = [fold(_strip_marks(p, latin=False)).split() for p in _NAME_HYPHEN.split(chunk)]
        for k, piece in enumerate(pieces):
            parts += piece
            joined += [False] * len(piece)
            if piece and k < len(pieces) - 1:
                joined[-1] = True
    # clean() drops leading honorifics: its words are the last of these.
    if not words or parts[len(parts) - len(words):] != words:
        return (False,) * len(words)
    return tuple(joined[len(parts) - len(words):])


def normalize_reading(latin: str) -> str:
    """A romanised reading (ASCII) folded as normalize() folds a name, with all its words: the
    name's titles went before it was read, and a first word that spells one is the name's
    own (one reading of عمر, Omar, is "mr")."""
    return latin if _PLAIN.fullmatch(latin) else fold(latin)


@lru_cache(maxsize=READINGS_CACHED)
def normalize(text: str) -> str:
    """The exact-match key of a name: clean() without diacritics. Idempotent."""
    cleaned = clean(text)
    stripped = strip_diacritics(cleaned)
    # clean() is idempotent (tested): a name without diacritics to strip, as most non-Latin
    # names are, is not cleaned a second time.
    return cleaned if stripped == cleaned else clean(stripped)
