"""Persons as the duplicate finder sees them, and whether the names of two agree beyond the
matcher's similarity: word for word, by Chinese surname, in their country's own spelling."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

import icu

from rollcall.resolvers import AliasRecord
from rollcall.resolvers.forms import NameForm
from rollcall.resolvers.given_names import name_groups
from rollcall.resolvers.keys import phonetic_key
from rollcall.resolvers.normalize import clean, normalize
from rollcall.resolvers.score import PARTICLES, Reading, token_groups, token_pair
from rollcall.resolvers.script import detect_script

__all__ = ["Person", "middle_positions", "without_middle", "word_for_word", "chinese_surnames", "native_spellings"]

_CHINESE_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG"})
_PATRONYMIC = re.compile(r"(vich|vna|ichna|uly|ogly|oglu|ogli|kyzy|qizi)$")
_QUALIFIER = re.compile(r"[(\[（]([^)\]）]*)[)\]）]")
# ISO 15924 codes (ICU's likely scripts) → resolvers.detect_script names.
_SCRIPT_NAMES = {
    "Latn": "Latin", "Cyrl": "Cyrillic", "Arab": "Arabic", "Hans": "Han", "Hant": "Han", "Grek": "Greek",
    "Armn": "Armenian", "Geor": "Georgian", "Hebr": "Hebrew", "Deva": "Devanagari", "Kore": "Hangul",
    "Sinh": "Sinhala", "Taml": "Tamil", "Khmr": "Khmer", "Thai": "Thai", "Beng": "Bengali", "Ethi": "Ethiopic",
}


class Person:
    """A person as the comparison sees it: what the database says of it, and its names,
    read for the persons compared only."""

    def __init__(self, pos: int, person_id: str, name: str):
        self.pos, self.id, self.name = pos, person_id, name
        self.wikidata = self.country = self.gender = self.birth = ""
        self.aliases: list[int] = []
        self.tenures: list[tuple[str, str, str]] = []  # (post, start, end)
        # Set by _read: every name with its readings; the names compared, (label, readings,
        # reduced), reduced ones without middle initials or patronymics; the aliases that
        # are full names (queries); first letters of middle initials and patronymics.
        self.read: list[tuple[AliasRecord, tuple[NameForm, ...]]] | None = None
        self.names: list[tuple[str, tuple[Reading, ...], bool]] = []
        self.queries: list[int] = []
        self.middle: frozenset[str] = frozenset()
        self.full_forms: list[NameForm] = []  # the readings of the full names (not "Lavrov")
        self.one_word = False

    @cached_property
    def edge_words(self) -> list[NameForm]:
        """First and last words of the names not in Chinese characters (one-word forms)."""
        assert self.read is not None
        return [_word(f, i) for record, forms in self.read if not _is_chinese_name(record.name, record.lang)
                for f in forms if len(f.tokens) >= 2 for i in (0, len(f.tokens) - 1)]

    @cached_property
    def han_surnames(self) -> list[NameForm]:
        """The surname syllables of the person's Chinese names. A short name in characters
        is this person's Chinese name only for a Chinese person, or one known by nothing
        else, and only if its surname is among the other names: 普京 is Putin in Chinese,
        not a Mr Pu."""
        assert self.read is not None
        if not (self.country in _CHINESE_COUNTRIES or not (self.country or self.edge_words)):
            return []
        found = []
        for record, forms in self.read:
            if _is_chinese_name(record.name, record.lang):
                chars = len(clean(record.name))  # the syllable-by-syllable reading has one word a character
                found += [_word(f, 0) for f in forms if len(f.tokens) == chars]
        return [s for s in found if not self.edge_words or any(_same_syllable(s, t) for t in self.edge_words)]

    @cached_property
    def spellings(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """Each name as (script, language, folded words)."""
        assert self.read is not None
        return [_spelling(record.name, record.lang) for record, _ in self.read]

    @cached_property
    def qualifiers(self) -> frozenset[str]:
        """Disambiguators in parentheses ("Mehmet Kahraman (Erzurumlu)")."""
        assert self.read is not None
        found = {" ".join(q.casefold().split()) for record, _ in self.read for q in _QUALIFIER.findall(record.name)}
        return frozenset(q for q in found if q)


def middle_positions(form: NameForm) -> list[int]:
    """Positions of the middle initials and patronymics of a reading of three or more words
    (a patronymic may also come last: "Lavrov Sergei Viktorovich")."""
    n = len(form.tokens)
    if n < 3:
        return []
    return [i for i, t in enumerate(form.tokens)
            if (0 < i < n - 1 and len(t) == 1) or (i > 0 and len(t) >= 6 and _PATRONYMIC.search(t))]


def without_middle(form: NameForm) -> NameForm | None:
    """The reading without its middle initials and patronymics (None when it has none, or
    fewer than two words would remain)."""
    drop = set(middle_positions(form))
    if not drop or len(form.tokens) - len(drop) < 2:
        return None
    keep = [i for i in range(len(form.tokens)) if i not in drop]
    keys = tuple(form.keys[i] for i in keep)
    classes = tuple(form.classes[i] for i in keep)
    return NameForm(tuple(form.tokens[i] for i in keep), keys, tuple(form.skeletons[i] for i in keep),
                    classes, tuple(form.classes_r[i] for i in keep), "".join(keys), "".join(classes))


# -- word for word ---------------------------------------------------------------------------

def word_for_word(p: Person, q: Person) -> bool:
    """Whether a full name of p and one of q agree word for word in some pair of their
    readings: each word of the shorter (particles aside) is a word of the longer by its
    phonetic key, its consonant skeleton (what an abjad writes), a form of the same given
    name (William, Bill), an initial of it, or its stem ("Tserendash", "Tserendashiin").
    The matcher's similarities are finer than this and forgive a letter or two ("Nazim",
    "Asim"); two records of one person have a pair of names that agree outright."""
    mine = p.full_forms or [f for _, forms in p.read or () for f in forms]
    theirs = q.full_forms or [f for _, forms in q.read or () for f in forms]
    return any(_agree(a, b) for a in mine for b in theirs)


def _agree(a: NameForm, b: NameForm) -> bool:
    short, long = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    free = list(range(len(long.tokens)))
    for i, token in enumerate(short.tokens):
        if token in PARTICLES:
            continue
        j = next((j for j in free if _same_key(short, i, long, j)), None)
        if j is None:
            return False
        free.remove(j)
    return True


def _same_key(a: NameForm, i: int, b: NameForm, j: int) -> bool:
    ka, kb = a.keys[i], b.keys[j]
    if ka == kb or (len(a.skeletons[i]) >= 2 and a.skeletons[i] == b.skeletons[j]):
        return True
    if len(ka) == 1 or len(kb) == 1:
        return ka[0] == kb[0]
    if min(len(ka), len(kb)) >= 5 and (ka.startswith(kb) or kb.startswith(ka)):
        return True
    return bool(name_groups(ka) & name_groups(kb))


# -- Chinese surnames ---------------------------------------------------------------------------

def _is_chinese_name(name: str, lang: str) -> bool:
    """A personal name in Chinese characters: two or three of them (longer ones, and names
    with a middle dot, are transliterations of foreign names), in Chinese or untagged."""
    if len(name) > 8 or lang.split("-")[0].lower() not in ("zh", ""):
        return False
    cleaned = clean(name)
    return 2 <= len(cleaned) <= 3 and " " not in cleaned and detect_script(cleaned) == "Han"


def _word(form: NameForm, i: int) -> NameForm:
    """Word i of a reading, as a reading of its own."""
    return NameForm((form.tokens[i],), (form.keys[i],), (form.skeletons[i],), (form.classes[i],),
                    (form.classes_r[i],), form.keys[i], form.classes[i])


def chinese_surnames(p: Person, q: Person) -> str:
    """'' when the Chinese surnames agree or cannot be compared, else the two that differ.

    A Chinese name in characters is a surname and a given name; its first syllable is the
    surname. Against another Chinese name it is compared with that name's first syllable,
    against a name in another script with its first and last words (either order). Besides
    the matcher's similarity of the two, their consonant classes must be equal: the phonetic
    key makes zh, j and y one sound ("jang" is 张 Zhang and 杨 Yang), the classes do not."""
    if not p.han_surnames and not q.han_surnames:
        return ""
    if not p.han_surnames:
        p, q = q, p
    others = q.han_surnames or q.edge_words
    if not others or any(_same_syllable(s, t) for s in p.han_surnames for t in others):
        return ""
    return f"{p.han_surnames[0].tokens[0]} / {others[0].tokens[0]}"


def _same_syllable(s: NameForm, t: NameForm) -> bool:
    if s.classes[0] != t.classes[0] and s.classes_r[0] != t.classes_r[0]:
        return False
    spelling, sound = token_pair(_packed(s), 0, _packed(t), 0)
    return max(spelling, sound * 0.95) >= 0.75


def _packed(form: NameForm) -> Reading:
    n = len(form.tokens)
    return Reading(form.tokens, form.keys, form.skeletons, form.classes, form.classes_r,
                   token_groups(form), (False,) * n, (1.0,) * n, 0.0)


# -- spelling in the country's own script -----------------------------------------------------

def _spelling(name: str, lang: str) -> tuple[str, str, tuple[str, ...]]:
    """A name as its own script writes it, folded for comparison: diacritics and case off,
    traditional Chinese characters as simplified, German ä/ö/ü written ae/oe/ue as a/o/u."""
    folded = normalize(clean(name))
    script = detect_script(folded)
    if script == "Han":
        folded = _simplified().transliterate(folded)
    elif script == "Latin":
        folded = folded.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return script, lang.split("-")[0].lower(), tuple(folded.split())


@lru_cache(maxsize=1)
def _simplified() -> icu.Transliterator:
    return icu.Transliterator.createInstance("Traditional-Simplified")


@lru_cache(maxsize=512)
def _native(country: str) -> tuple[str, str]:
    """The language and the script a country writes its people's names in (ICU's likely
    subtags: RU → ru, Cyrillic; TR → tr, Latin; CN → zh, Han)."""
    likely = icu.Locale.addLikelySubtags(icu.Locale("und", country))
    return likely.getLanguage(), _SCRIPT_NAMES.get(likely.getScript(), "")


def native_spellings(p: Person, q: Person) -> str:
    """'' unless both persons have names in their country's own language and script (or
    untagged in that script) and none of p's agrees with one of q's; else two that differ."""
    country = p.country or q.country
    if not country or (q.country and q.country != country):
        return ""
    lang, script = _native(country)
    if not script:
        return ""
    mine = [w for s, tag, w in p.spellings if w and s == script and tag in (lang, "")]
    theirs = [w for s, tag, w in q.spellings if w and s == script and tag in (lang, "")]
    if not mine or not theirs or any(_same_words(a, b) for a in mine for b in theirs):
        return ""
    return f"{' '.join(mine[0])} / {' '.join(theirs[0])}"


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names in one script agree: the same letters (spacing aside), or each
    word of the shorter matching its own word of the longer, exactly, as an initial, or as
    a form of the same given name (William, Bill)."""
    if "".join(a) == "".join(b):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    free = list(long)
    for word in short:
        match = next((w for w in free if _same_word(word, w)), None)
        if match is None:
            return False
        free.remove(match)
    return True


def _same_word(a: str, b: str) -> bool:
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return a.isascii() and b.isascii() and bool(name_groups(phonetic_key(a)) & name_groups(phonetic_key(b)))
