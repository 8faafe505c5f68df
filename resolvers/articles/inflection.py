"""How running text changes the written form of a name the gazetteer knows: Cyrillic,
Georgian and Bengali case endings ("Тиграну Саркисяну", "ტოკაევმა", "পুতিনের"), Nepali
postpositions ("देउवाले"), Russian-type surname endings
Persian and Urdu write apart ("کامل اف"), the particles Korean writes joined to a noun
("푸틴은"), and the one-letter words Hebrew writes joined to the next word ("ולברוב")."""

from __future__ import annotations

import re

from ..forms import name_forms
from ..normalize import clean, is_honorific
from ..script import char_script
from ..tags import primary_language

__all__ = ["DETACHED_SURNAME_ENDINGS", "attach_surname_endings", "case_stems", "hebrew_prefix_lengths", "is_hangul",
           "is_korean_particle", "is_korean_predicate", "keys_with_stems", "korean_stem_lengths"]

# Persian and Urdu often write the ending of a Russian-type surname (-ov, -ev, -yev, -ova,
# -eva) as a word of its own, after a space or a zero-width non-joiner the text has lost:
# "کامل اف" (Kamilov), "علی یف" (Aliyev).
DETACHED_SURNAME_ENDINGS = frozenset({"اف", "اوف", "یف", "ییف", "ایف", "اوا", "یوا", "ایوا", "ف"})

# Case endings of Russian, Ukrainian, Belarusian, Bulgarian and Central Asian Cyrillic names
# ("Тиграну Саркисяну", "с Назарбаевым"): a declined name's stem is the name the gazetteer
# knows. Longest first.
_SLAVIC_CASE_ENDINGS = ("ому", "ого", "ым", "ой", "ом", "ем", "ою", "ей", "а", "у", "е", "ю", "я", "ы", "и")

# Polish, Czech, Slovak, Slovene, Croatian, Bosnian and Serbian in Latin letters decline
# foreign names too ("Donalda Tuska", "z Olafem Scholzem", "Bidenowi", "s Putinom",
# "Макрона" as "Macrona"): genitive/accusative -a, dative -owi/-ovi/-u, instrumental
# -em/-om/-iem, locative -ie/-u/-e, and the adjectival surnames' -ego/-emu/-ym/-im (Polish
# "Kaczyńskiego"). Longest first.
_LATIN_SLAVIC = frozenset({"pl", "cs", "sk", "sl", "hr", "bs", "sr"})
_LATIN_SLAVIC_CASE_ENDINGS = ("owi", "ovi", "iem", "ego", "emu", "em", "om", "ym", "im", "ie", "a", "u", "e")

# Georgian declines a name with endings joined to it: a foreign name ending in a consonant
# takes -ი in the nominative ("პუტინი", Putin), -მა in the ergative ("ტოკაევმა"), -ს, -ის,
# -ით, -ად in the dative, genitive, instrumental and adverbial, and the postpositions
# -თან ("with"), -ზე, -ში, -სთვის ("for"), -დან ("from") after them. Longest first.
_GEORGIAN_CASE_ENDINGS = ("ისთვის", "სთვის", "იდან", "თან", "ით", "ის", "ად", "ზე", "ში", "მა", "ი", "ს", "მ")

# Bengali writes its case endings and "also" joined to a name: genitive -এর/-র/-য়ের
# ("পুতিনের", "মোদীর", "জিনপিংয়ের"), objective -কে, locative -এ/-তে, plural -রা/-দের,
# "also" -ও. Nepali, in Devanagari, joins its postpositions: ergative -ले, genitive
# -को/-का/-की, dative -लाई, "with" -सँग, "in" -मा, "from" -बाट, "between" -बीच
# ("देउवाले", "छियाङसँग", "मोदीबीच"). Longest first.
_BENGALI_CASE_ENDINGS = ("য়েরও", "য়ের", "েরও", "দের", "কেও", "ের", "কে", "তে", "রা", "র", "ে", "ও")
_NEPALI_POSTPOSITIONS = ("हरूलाई", "लाई", "सँगै", "सँग", "बाट", "बीच", "ले", "को", "का", "की", "मा")
# Their stems: two code points at least (শি, Xi).
_INDIC_STEM = 2

# Particles Korean writes joined to the noun they follow ("푸틴은", "대통령과", "총리의"):
# topic, subject, object, genitive, "and", "also", "to", "at", "from", "by". Longest first.
_KOREAN_PARTICLES = ("에게서", "으로서", "으로써", "에게", "에서", "으로", "께서", "까지", "부터", "와의", "과의",
                     "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "로", "에", "께")
# A Korean name or role word has two syllables at least (푸틴, 총리).
_KOREAN_STEM_SYLLABLES = 2
# A Korean predicate: the past tense (었, 았, 였; 했 of 하다) or a final -다 (a sentence's
# end) or -며 ("and", between clauses): "참석했다", "불참했으며". Names written in Hangul
# have none of these.
_KOREAN_PREDICATE = re.compile("[었았였했]|[다며]$")

# Hebrew writes its one-letter words joined to the word after them, in this order: ו "and";
# ש "that" (or כש "when", מש "since"); then one of ה "the", ב "in", ל "to", כ "as", מ "from"
# ("ולברוב": and Lavrov; "ושלפוטין": and that to Putin). Names and role words begin with the
# same letters (ולדימיר, מודי, שר): a prefix is only taken off a word whose rest is known.
_HEBREW_PREFIX = re.compile("ו?(?:ש|כש|מש)?[הבלכמ]?")
# A Hebrew name or role word has two letters at least (שי, Xi; שר, minister).
_HEBREW_STEM_LETTERS = 2


def case_stems(word: str, lang: str | None = None) -> list[str]:
    """The word, and for a capitalised Cyrillic word, a Georgian, Bengali or Devanagari one,
    or a capitalised word of a Slavic language written in Latin letters (`lang`), the stems
    left by its case endings or joined postpositions."""
    endings, shortest = _endings_of(word, lang)
    low = word.casefold()
    return [word] + [word[: -len(e)] for e in endings if low.endswith(e) and len(word) - len(e) >= shortest]


def _endings_of(word: str, lang: str | None) -> tuple[tuple[str, ...], int]:
    """The endings a word may have by its script (and language), and the shortest stem left."""
    script = char_script(word[0]) if word else None
    capitalised = word[:1].isupper()
    if script == "Cyrillic" and capitalised:
        return _SLAVIC_CASE_ENDINGS, 3
    if script == "Latin" and capitalised and primary_language(lang) in _LATIN_SLAVIC:
        return _LATIN_SLAVIC_CASE_ENDINGS, 3
    if script == "Georgian":
        return _GEORGIAN_CASE_ENDINGS, 3
    return _INDIC_ENDINGS.get(script or "", ()), _INDIC_STEM


_INDIC_ENDINGS = {"Bengali": _BENGALI_CASE_ENDINGS, "Devanagari": _NEPALI_POSTPOSITIONS}


def keys_with_stems(name: str, lang: str | None) -> list[str]:
    """The phonetic keys of a name's words, each as written and without its case endings;
    not an honorific's ("ملا", Mullah, is no one's name)."""
    return [key for word in name.split() if not is_honorific(word) for stem in case_stems(word, lang)
            for form in name_forms(clean(stem), lang) for key in form.keys]


def attach_surname_endings(name: str) -> str:
    """The name with detached surname endings put back on their words ("کامل اف" →
    "کاملاف"), as the matcher compares whole words."""
    words = name.split()
    out: list[str] = []
    for word in words:
        if out and word in DETACHED_SURNAME_ENDINGS:
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out)


def is_hangul(word: str) -> bool:
    """Whether the word begins with a Hangul syllable or letter."""
    return bool(word) and char_script(word[0]) == "Hangul"


def korean_stem_lengths(word: str) -> list[int]:
    """The lengths the Hangul word has without each particle it may end with, longest
    stem first ("대통령과": 3); none for a word of another script."""
    if not is_hangul(word):
        return []
    return [len(word) - len(p) for p in _KOREAN_PARTICLES
            if word.endswith(p) and len(word) - len(p) >= _KOREAN_STEM_SYLLABLES]


def hebrew_prefix_lengths(word: str) -> list[int]:
    """The lengths of the one-letter words the Hebrew word may begin with, shortest first
    ("ולפוטין": 1 and 2); none for a word of another script."""
    if not word or char_script(word[0]) != "Hebrew":
        return []
    longest = _HEBREW_PREFIX.match(word).end()  # type: ignore[union-attr]  # it matches ""
    return [n for n in range(1, longest + 1) if len(word) - n >= _HEBREW_STEM_LETTERS]


def is_korean_predicate(word: str) -> bool:
    """Whether a Hangul word is a verb or adjective in one of its inflected forms."""
    return bool(_KOREAN_PREDICATE.search(word))


def is_korean_particle(word: str) -> bool:
    """Whether the word is a particle split off the noun it follows: it ends a Korean noun
    phrase ("모디 인도 총리는": the role is Modi's, not the next name's)."""
    return word in _KOREAN_PARTICLES
