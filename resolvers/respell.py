"""Language-aware respelling of Latin-script names into one phonetic convention.

Each language writes the same sounds differently: Turkish "c" is English "j", German "w" is
"v", Polish "sz" is "sh". Russian, Persian or Japanese renderings of a name follow its
pronunciation, so a name is respelled by the rules of its own language into a BGN-like
English convention (sh, ch, zh, kh, dzh, ts, y for the glide) before it is compared with
romanised text. Rules are ICU transliteration rule sets, compiled once per language.
"""

from __future__ import annotations

from functools import lru_cache

import icu

from .tags import primary_language

__all__ = ["language_rules", "respell", "respell_spoken", "has_rules", "LANGUAGE_OF_COUNTRY"]

# Rules per language, ICU syntax, most specific first (ICU takes the first rule that
# matches at each position). Input is lower-case with diacritics.
_TURKIC = "c > dzh ; ç > ch ; ş > sh ; ğ > ; ı > y ; j > zh ; ö > o ; ü > u ; â > a ; î > i ; û > u ;"
_SOUTH_SLAVIC = "dž > dzh ; lj > ly ; nj > ny ; č > ch ; ć > ch ; š > sh ; ž > zh ; đ > dzh ; c > ts ; j > y ;"
_ROMANCE_CG = "ch } [eiy] > k ; gh } [eiy] > g ; c } [eiy] > ch ; g } [eiy] > dzh ;"
_RULES: dict[str, str] = {
    # English and German ch before r or l is k (Christopher, Christine); elsewhere English ch
    # is ch (Charles, Richard), German ch kh. English gh is silent after a letter (Leigh,
    # Vaughan, Dwight) but g at a word's start (Ghani, Ghosh).
    "en": (
        "chr > kr ; chl > kl ; tch > ch ; sch > sk ; ch > ch ; wh > w ; ph > f ; th > t ; ck > k ; qu > kv ;"
        "kn > n ; wr > r ;"
        "dg > dzh ; ge > dzhe ; [:L:] { gh > ; gh > g ; c } [eiy] > s ; c > k ; x > ks ; j > dzh ; ee > i ; ea > i ;"
        "oo > u ; ow > au ;"
    ),
    "de": (
        "tsch > ch ; sch > sh ; chs > ks ; chr > kr ; chl > kl ; ch > kh ; ck > k ; ph > f ; th > t ; qu > kv ;"
        "tz > ts ; z > ts ; dt > t ; ß > s ; w > v ; v > f ; j > y ; ei > ai ; ey > ai ; ie > i ;"
        "eu > oi ; äu > oi ; ä > e ; ö > o ; ü > u ;"
    ),
    "tr": _TURKIC,
    "az": _TURKIC + "x > kh ; q > g ; ə > a ;",
    "tk": "ç > ch ; ş > sh ; ž > zh ; j > dzh ; ý > y ; ä > a ; ň > n ; ö > o ; ü > u ;",
    "uz": "sh > sh ; ch > ch ; x > kh ; q > k ; j > dzh ; o‘ > o ; g‘ > g ;",
    "ku": "c > dzh ; ç > ch ; ş > sh ; x > kh ; j > zh ; ê > e ; î > i ; û > u ;",
    "pl": (
        "szcz > shch ; sz > sh ; cz > ch ; rz > zh ; ch > kh ; dż > dzh ; dź > dzh ; ż > zh ;"
        "ź > zh ; ś > sh ; ć > ch ; ń > n ; ł > l ; w > v ; j > y ; c > ts ; ó > u ; ą > on ; ę > en ;"
    ),
    "cs": (
        "ch > kh ; č > ch ; š > sh ; ž > zh ; ř > rzh ; c > ts ; j > y ; w > v ; ě > e ; ů > u ;"
        "ý > i ; ň > n ; ť > t ; ď > d ; ľ > l ; ĺ > l ; ŕ > r ; ä > e ; ô > o ;"
    ),
    "hu": (
        "sz > s ; cs > ch ; zs > zh ; gy > dy ; ly > y ; s > sh ; c > ts ; j > y ; ö > o ; ő > o ;"
        "ü > u ; ű > u ;"
    ),
    "hr": _SOUTH_SLAVIC,
    "ro": "ș > sh ; ş > sh ; ț > ts ; ţ > ts ; ă > a ; â > y ; î > y ;" + _ROMANCE_CG,
    "it": "sc } [ei] > sh ; gli > ly ; gn > ny ; z > ts ; qu > kv ;" + _ROMANCE_CG,
    "es": (
        "ll > y ; ñ > ny ; qu > k ; gu } [ei] > g ; c } [ei] > s ; g } [ei] > kh ; j > kh ;"
        "z > s ; c > k ; h > ; x > ks ;"
    ),
    "pt": (
        "nh > ny ; lh > ly ; ch > sh ; ç > s ; x > sh ; j > zh ; qu > k ; c } [ei] > s ;"
        "g } [ei] > zh ; c > k ; h > ;"
    ),
    "fr": (
        "eau > o ; au > o ; ou > u ; oi > ua ; ch > sh ; ph > f ; th > t ; qu > k ; gu } [ei] > g ;"
        "c } [eiy] > s ; ç > s ; g } [eiy] > zh ; j > zh ; gn > ny ; c > k ; h > ;"
    ),
    "nl": "sch > skh ; ch > kh ; oe > u ; ij > ei ; ui > ei ; tj > ch ; j > y ; w > v ; v > f ; g > kh ;",
    "sv": "skj > sh ; stj > sh ; sj > sh ; tj > ch ; kj > ch ; j > y ; å > o ; ø > e ; æ > e ; ä > e ; ö > e ; w > v ;",
    "fi": "j > y ; ä > a ; ö > o ; ü > u ; õ > o ; š > sh ; ž > zh ;",
    "lv": (
        "dž > dzh ; š > sh ; č > ch ; ž > zh ; c > ts ; j > y ; ģ > g ; ķ > k ; ļ > l ; ņ > n ;"
    ),
    "lt": "š > sh ; č > ch ; ž > zh ; c > ts ; j > y ; y > i ;",
    "sq": "xh > dzh ; ç > ch ; c > ts ; j > y ; ë > e ; q > ky ; x > dz ;",
    "cy": "dd > th ; ff > f ; f > v ; ll > l ; ch > kh ;",
    "la": "ae > e ; oe > e ; ph > f ; th > t ; ch > kh ; j > y ;",
    "id": "sy > sh ; c > ch ; j > dzh ;",
    "is": "þ > th ; ð > d ; j > y ; æ > ai ;",
}
# Languages that share another's rules.
_SAME_AS = {
    "sk": "cs", "sl": "hr", "bs": "hr", "sr": "hr", "sh": "hr", "cnr": "hr", "mk": "hr",
    "no": "sv", "nb": "sv", "nn": "sv", "da": "sv", "et": "fi", "ms": "id",
    "ca": "es", "gl": "pt", "lb": "de", "gsw": "de", "bar": "de", "nds": "de", "af": "nl",
    "crh": "tr", "gag": "tr", "diq": "ku", "kmr": "ku", "tt": "tr", "kk": "tr", "ky": "tr",
    "sco": "en", "ga": "en", "gd": "en",
}

# A name without a language tag is read in its bearer's country's language.
LANGUAGE_OF_COUNTRY = {
    "DE": "de", "AT": "de", "CH": "de", "LI": "de", "TR": "tr", "AZ": "az", "TM": "tk",
    "UZ": "uz", "PL": "pl", "CZ": "cs", "SK": "sk", "HU": "hu", "HR": "hr", "SI": "sl",
    "RS": "sr", "BA": "bs", "RO": "ro", "MD": "ro", "IT": "it", "ES": "es", "PT": "pt",
    "BR": "pt", "FR": "fr", "BE": "fr", "NL": "nl", "SE": "sv", "NO": "no", "DK": "da",
    "FI": "fi", "EE": "et", "LV": "lv", "LT": "lt", "AL": "sq", "IS": "is", "ID": "id",
    "MX": "es", "AR": "es", "CO": "es", "CL": "es", "PE": "es",
}


def language_rules(lang: str | None) -> str:
    """The respelling rules of `lang` (ICU syntax, lower-case input), "" when it has none."""
    return _rules_for(lang) or ""


def _rules_for(lang: str | None) -> str | None:
    return _RULES.get(_primary(lang))


# What a language says but its spelling does not show, read into one more respelling, which
# writers who transcribe a name by ear follow. German -ig at the end of a word is said -ich
# (Ludwig, König), and Japanese, Korean and Chinese write it so (ルートヴィヒ, 루트비히, 路德维希
# "-hi", "-xi"). English vowels: a final e after one consonant is silent and lengthens the
# vowel before it (Luke "lyuk", Blake "bleik", Clive "klaiv"); final oe is o (Coe), ew yu
# (Stewart, Andrew: Стюарт, Эндрю); a final th is s to scripts without the sound (Smith:
# 史密斯, スミス, 스미스); the h of a final -ham after a consonant is silent (Burnham, Denham,
# Oldham: Бёрнэм, デナム, 伯纳姆). Each is a reading after the spelling's own: Russian and
# Tamil follow the letters of some (Людвиг, Смит, லட்விக்). English "ay" is not read "ei":
# the pinyin of 没有 "mei you" would be Theresa May.
_ENGLISH_CONSONANT = "[bcdfgklmnpstvz]"
_SPOKEN = {
    "de": "ig } [^[:L:]] > ikh ;",
    "en": (
        "oe } [^[:L:]] > o ; ew > yu ; th } [^[:L:]] > s ; [bdfgklmnrvz] { h } am [^[:L:]] > ;"
        f"a ({_ENGLISH_CONSONANT}) e }} [^[:L:]] > ei $1 ;"
        f"[iy] ({_ENGLISH_CONSONANT}) e }} [^[:L:]] > ai $1 ;"
        f"o ({_ENGLISH_CONSONANT}) e }} [^[:L:]] > o $1 ;"
        f"u ({_ENGLISH_CONSONANT}) e }} [^[:L:]] > yu $1 ;"
    ),
}


def _primary(lang: str | None) -> str:
    primary = primary_language(lang)
    return _SAME_AS.get(primary, primary)


def has_rules(lang: str | None) -> bool:
    return _rules_for(lang) is not None


@lru_cache(maxsize=64)
def _transliterator(rules: str) -> icu.Transliterator:
    return icu.Transliterator.createFromRules("rollcall-respell", rules, icu.UTransDirection.FORWARD)


def compile_all() -> None:
    """Compile every language's respelling rules (a server does it before its first answer)."""
    for rules in _RULES.values():
        _transliterator(rules)
    for lang, rules in _SPOKEN.items():
        _transliterator(rules + _RULES[lang])


def respell(text: str, lang: str | None) -> str | None:
    """`text` (lower case, diacritics kept) respelled by its language's rules, or None when
    there are no rules for `lang`."""
    rules = _rules_for(lang)
    if rules is None:
        return None
    return _transliterator(rules).transliterate(text)



def respell_spoken(text: str, lang: str | None) -> str | None:
    """`text` respelled as its language says it where its spelling does not show it
    (_SPOKEN), or None when that reads no differently from respell()."""
    spoken = _SPOKEN.get(_primary(lang))
    if spoken is None:
        return None
    said = _transliterator(spoken + _RULES[_primary(lang)]).transliterate(text)
    return said if said != respell(text, lang) else None
