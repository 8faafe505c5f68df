"""Whether a query respells a name that its language would have kept as written.

A language writes its own people's names as they do, and most languages written in Latin
letters write a name from another Latin-script language as its bearer does too: German,
English or Hungarian news writes "Necati Çelik" and "Hans Ewers" letter for letter,
diacritics at most dropped; Armenian news writes an Armenian's name as he does. When such a
query differs from a person's own spelling of the name in a word that is not a given name's
other form ("Evers" against "Ewers", "Մարտին" against "Արտակ"), it names someone else far
more often than it misspells this person: the variants of one name are what transliteration
makes (Lawrow, Lavrov), and there is none between two spellings in one orthography.

Languages that respell foreign names by their own orthography (Latvian "Tonijs Blērs",
Lithuanian, Azerbaijani "Nəcməddin Ərbakan", Serbian Latin "Dejvid Oven"), or Latinise given
names (Latin "Ioannes"), are not in the list; nor is a query whose language is not given.
The list is written from the languages' spelling conventions, not from any test data.
"""

from __future__ import annotations

import re
from functools import lru_cache

import icu
from unidecode import unidecode

from .forms import alias_language
from .given_names import name_groups
from .keys import phonetic_key
from .normalize import normalize
from .script import LATIN, detect_script
from .tags import primary_language

__all__ = ["respells_kept_name"]

# Primary language subtags whose writers keep names from other Latin-script languages as
# their bearers write them (Wikipedia's and the press's usage in each).
KEEPS_LATIN_NAMES = frozenset({
    "en", "simple", "sco", "de", "nds", "lb", "fr", "es", "ca", "gl", "eu", "it", "pt", "nl", "af", "fy",
    "da", "sv", "nb", "nn", "no", "is", "fi", "et", "pl", "cs", "sk", "hu", "ro", "hr", "bs", "sl",
    "cy", "ga", "gd", "br", "oc", "id", "ms", "tr", "eo", "ia", "ie", "rm",
})


@lru_cache(maxsize=256)
def _country_writing(country: str) -> tuple[str, str]:
    """The main language of a country and the script it is written in (CLDR's likely
    subtags through ICU: "und-DE" is de-Latn-DE, "und-KG" ky-Cyrl-KG); empty when unknown."""
    if not country:
        return "", ""
    likely = icu.Locale.addLikelySubtags(icu.Locale(f"und_{country.upper()}"))
    return likely.getLanguage(), likely.getScript()


def _script_code(text: str) -> str:
    """The ISO 15924 code of the first letter's script ("Latn", "Armn")."""
    letter = next((ch for ch in text if ch.isalpha()), "")
    return icu.Script.getScript(letter).getShortName() if letter else ""


def _own_language(alias: str, alias_lang: str, country: str) -> str:
    """The language of an alias that is its bearer's own spelling: in their country's
    script, and tagged with their country's language or untagged (an untagged Latin name is
    read in English unless the country has a language of Latin letters,
    forms.alias_language); "" for any other (an English transliteration of a Kyrgyz name)."""
    language, script = _country_writing(country)
    if not language or _script_code(alias) != script:
        return ""
    tagged = alias_lang or alias_language("", country, alias) or language
    return language if primary_language(tagged) == language else ""


# German writes ä, ö, ü as ae, oe, ue without its umlauts ("Schaeuble"); the folding below
# makes both a, o, u.
_UMLAUT_SPELLED_OUT = re.compile(r"(?<=[aou])e")


def _words(name: str) -> list[str]:
    """Words to compare. Latin names are folded to ASCII, so that dropped diacritics, an
    umlaut spelled out and Turkish dotless i are no difference; Azerbaijani schwa is an a
    in ASCII spellings ("Əliyev", "Aliyev")."""
    words = normalize(name)
    if detect_script(name) == LATIN:
        words = _UMLAUT_SPELLED_OUT.sub("", unidecode(words.replace("ə", "a")))
    return words.split()


def _unpaired(words: list[str], others: list[str]) -> list[str]:
    """Words not among `others`, nor a given name one of `others` is a form of ("Hans",
    "Johannes")."""
    other_groups: set[int] = set()
    for w in others:
        other_groups |= name_groups(phonetic_key(w))
    return [w for w in words if w not in others and not (name_groups(phonetic_key(w)) & other_groups)]


def respells_kept_name(query: str, query_lang: str | None, alias: str, alias_lang: str, country: str) -> bool:
    """Whether `query`, in its bearer's own language or in one that keeps Latin names as
    written, differs from the bearer's own spelling `alias` by a word on each side: a word
    respelled, not one dropped ("Theodor Blank" for "Joseph-Theodor Blank") nor a given
    name's other form."""
    own = _own_language(alias, alias_lang, country)
    lang = primary_language(query_lang)
    if not own or not lang or detect_script(query) != detect_script(alias):
        return False
    if lang != own and not (lang in KEEPS_LATIN_NAMES and detect_script(query) == LATIN):
        return False
    query_words, alias_words = _words(query), _words(alias)
    return bool(_unpaired(query_words, alias_words)) and bool(_unpaired(alias_words, query_words))
