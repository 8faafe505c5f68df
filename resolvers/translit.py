"""Romanisation: every alias and query becomes one or more lower-case ASCII Latin forms.

ICU does the work; the transform is chosen by script and, when known, by language (a Kazakh
name in Cyrillic is romanised by the Kazakh BGN table, a Persian name by the Persian one).
Several romanisations per string are returned when one convention alone misses spellings
seen in news. unidecode is only the fallback for scripts ICU has no transform for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import icu
from unidecode import unidecode

from .arabic_script import ARABIC_SCRIPT_RULES, ARABIC_SCRIPT_TRANSFORMS, arabic_script_transforms
from .caches import READINGS_CACHED
from .han_names import is_common_family_name
from .indic import SCHWA_SCRIPTS, delete_schwa
from .japanese import kana_reading
from .katakana import katakana_readbacks, small_kana_vowels
from .myanmar import read_burmese
from .normalize import normalize_reading, strip_diacritics
from .respell import compile_all as compile_respellings
from .respell import language_rules, respell, respell_spoken
from .script import detect_script
from .sinhala import SINHALA_RULES
from .tags import primary_language
from .thai import read_thai
from .tibetan import read_tibetan
from .unspaced import cut_in_two

__all__ = ["romanize", "transliterator"]

# BCP-47 primary language → ICU BGN/PCGN transform for Cyrillic text.
_CYRILLIC_BY_LANG = {
    "ru": "Russian-Latin/BGN",
    "kk": "Kazakh-Latin/BGN",
    "ky": "Kirghiz-Latin/BGN",
    "uz": "Uzbek-Latin/BGN",
    "be": "Belarusian-Latin/BGN",
    "uk": "Ukrainian-Latin/BGN",
    "bg": "Bulgarian-Latin/BGN",
    "mk": "Macedonian-Latin/BGN",
    "sr": "Serbian-Latin/BGN",
    "mn": "Mongolian-Latin/BGN",
    "tk": "Turkmen-Latin/BGN",
    "az": "Azerbaijani-Latin/BGN",
}

# Languages whose BGN table writes their own Latin alphabet, and its reading respelled (_RULES).
_CYRILLIC_SAID = {"sr": "rollcall/Serbian-Latin-said", "mk": "rollcall/Macedonian-Latin-said"}

# Languages whose г stands for a foreign h as well as g.
_G_FOR_H = {"ru", "bg", "mk", "sr", "kk", "ky", "tg", "uz", "mn", "tt", "ba", "os"}

# Our own rule sets, for what the stock ICU transforms get wrong on names (those of the
# Arabic script: arabic_script.py).
# Chinese is read into pinyin once, then each reading respells its letters.
_PINYIN = ":: Han-Latin/Names ; :: Latin-ASCII"
# Characters a Chinese rendering of a foreign name says otherwise than ICU's reading of
# names gives them, read so before the pinyin by the foreign readings below: 什 shi (阿什顿
# Ashton; ICU "shen", of 什么), 勒 le (米勒 Miller; ICU "lei"), 查 cha (查尔斯 Charles; the
# family name Zha), 盖 gai (盖茨 Gates; the family name Ge), 柏 bo (柏林 Berlin; the family
# name Bai).
_FOREIGN_SOUNDS = {"什": "shi", "勒": "le", "查": "cha", "盖": "gai", "蓋": "gai", "柏": "bo"}
_FOREIGN_PINYIN = " ".join(f"{char} > {sound} ;" for char, sound in _FOREIGN_SOUNDS.items()) + f" {_PINYIN}"
# The characters a Chinese rendering of a foreign name writes for a consonant with no vowel
# after it (the consonant column of Xinhua's transliteration tables): the vowel of their
# syllable is one Chinese adds, as Japanese does, to a final consonant or to the first of
# two (史密斯 "shimisi" Smith, 艾哈德 "aihade" Erhard, 阿什沃斯 Ashworth). The same
# characters also write a consonant with its vowel (格哈特 Gerhard), so the foreign
# readings keep the vowel and a reading of its own drops it.
_BARE_CONSONANTS = {"布": "b", "普": "p", "德": "d", "特": "t", "格": "g", "克": "k", "夫": "f", "斯": "s",
                    "兹": "z", "茲": "z", "茨": "ts", "什": "sh", "史": "sh", "赫": "h", "姆": "m"}
_BARE_PINYIN = " ".join(f"{char} }} $ > {sound} ;" for char, sound in _BARE_CONSONANTS.items()) + f" {_FOREIGN_PINYIN}"
_COMMON_HAN_READING = "rollcall/Han-Latin"
_BARE_HAN_READING = "rollcall/Han-Latin-bare"


def _pinyin_rules(transform_id: str) -> str:
    if transform_id == _COMMON_HAN_READING:
        return _PINYIN
    return _BARE_PINYIN if transform_id == _BARE_HAN_READING else _FOREIGN_PINYIN


_HAN_READINGS = {
    # Pinyin letters read in the common convention: x, q, j, zh, c as sh, ch, dzh, dzh, ts.
    _COMMON_HAN_READING: "zh > dzh ; q > ch ; x > sh ; c > ts ; j > dzh ;",
    # Chinese renderings of foreign names use j, q, x for k, g and s sounds too (基诺克
    # "jinuoke" is Kinnock), w for v (大卫 "dawei" is David) and the syllable er for a final
    # l or r (尼尔 "nier" is Neil): a second reading in those values.
    "rollcall/Han-Latin-foreign": "er > el ; zh > dzh ; q > k ; x > s ; c > ts ; j > g ; w > v ;",
    # Their x is also a foreign h before i and u: 希 "hi" (希思 Heath, 希拉里 Hillary), 休 "hu"
    # (休姆 Hume, 休伊特 Hewitt). A third reading where the name has an x, the second's otherwise.
    "rollcall/Han-Latin-h": "er > el ; zh > dzh ; q > k ; x > h ; c > ts ; j > g ; w > v ;",
    # The second reading's letters, the vowels of _BARE_CONSONANTS dropped.
    _BARE_HAN_READING: "er > el ; zh > dzh ; q > k ; x > s ; c > ts ; j > g ; w > v ;",
}

# ICU's Ethiopic-Latin letters for sounds English spells with two letters (the ejective č̣
# before č: the first rule that matches wins).
_ETHIOPIC_LETTERS = "č̣ > ch ; ǧ > j ; č > ch ; š > sh ; ž > zh ; ñ > ny ;"

_RULES = {
    **ARABIC_SCRIPT_RULES,
    "rollcall/Sinhala-Latin": SINHALA_RULES,
    # BGN's Serbian and Macedonian tables write each language's own Latin alphabet ("Džordž
    # Galovej" for Џорџ Галовеј), whose j is English y and dž English j: a second reading
    # respells it as the language's names in Latin letters are ("dzhordzh galovey", Galloway).
    "rollcall/Serbian-Latin-said": f":: Serbian-Latin/BGN ; :: Lower ; :: NFC ; {language_rules('sr')}",
    "rollcall/Macedonian-Latin-said": f":: Macedonian-Latin/BGN ; :: Lower ; :: NFC ; {language_rules('mk')}",
    # ICU's generic Cyrillic table writes ž, š, č, ŝ, which ASCII folding would flatten.
    "rollcall/Cyrillic-Latin": ":: Cyrillic-Latin ; ž > zh ; š > sh ; č > ch ; ŝ > shch ; ẑ > dzh ;",
    # Armenian ո is "vo" only at the start of a word; ICU's BGN table also reads it so after
    # an aspirated consonant, whose apostrophe it takes for a word break (Քոչարյան
    # "K'voch'aryan" for Kocharyan, Թոնի "T'voni" for Tony). After a letter it is o, unless
    # it begins the digraph ու (u).
    "rollcall/Armenian-Latin": "[:L:] { ո } [^ւ] > o ; :: Armenian-Latin/BGN ;",
    # Greek writes b, d, g of foreign names as μπ, ντ, γκ; BGN reads them mb, nd, ng.
    "rollcall/Greek-Latin": "μπ > b ; ντ > d ; γκ > g ; τζ > dz ; ου > u ; :: Greek-Latin/BGN ;",
    # Russian writes the h of English and German names as г ("Гарриет Гарман"), and the
    # vowel of English ur, ir, er before a consonant as ёр (Бёрнс Burns, Хёрст Hurst, Бёрк
    # Burke): read so in this reading of foreign names, not as the e BGN's ë becomes.
    "rollcall/Russian-Latin-h": ("[:L:] { ёр } [бвгджзклмнпстфхцчшщ] > ur ; г > h ; Г > H ; "
                                 ":: Russian-Latin/BGN ;"),
    # Hebrew BGN ignores the geresh that marks sounds Hebrew letters lack (ג׳ = j), and drops
    # alef, which begins a word only to carry its first vowel (אנגלה "Angela", אד "Ed"): a
    # vowel there, read a. ICU's own Hebrew-Latin, the second reading, still drops it, but
    # not from a word of two letters: the one left would be an initial ("d" of David for אד).
    "rollcall/Hebrew-Latin": ("[^[:L:][:M:]] { א > a ; ^ א > a ; ג׳ > dzh ; ז׳ > zh ; צ׳ > ch ; ת׳ > th ; "
                              ":: Hebrew-Latin/BGN ;"),
    "rollcall/Hebrew-Latin-bare": ("[^[:L:][:M:]] { א } [:L:] [^[:L:][:M:]] > a ; ^ א } [:L:] [^[:L:][:M:]] > a ; "
                                   "[^[:L:][:M:]] { א } [:L:] $ > a ; ^ א } [:L:] $ > a ; :: Hebrew-Latin ;"),
    # Malayalam: ICU leaves the chillu letters (a consonant without its vowel, as in താൻസു
    # "Tansu": ൻ is n) untransliterated, so they vanish, and reads the two-part vowel signs
    # ൊ ോ ൌ as two vowels ("kēā" for കോ). A chillu is its consonant with a virama; a two-part
    # sign, a virama (no inherent vowel) and its vowel.
    "rollcall/Malayalam-Latin": ("ൺ > ണ് ; ൻ > ന് ; ർ > ര് ; ൽ > ല് ; ൾ > ള് ; ൿ > ക് ; ൔ > മ് ; ൕ > യ് ; ൖ > ഴ് ; "
                                 "ൊ > ്o ; ോ > ്ō ; ൌ > ്au ; ൗ > ്au ; :: Malayalam-Latin ;"),
    # Ethiopic: a syllable of the sixth order is a consonant with the short vowel ə or with
    # none, and a foreign name's consonant clusters are written with it ("ዶናልድ ትራምፕ",
    # Donald Trump: ICU's "donālǝd tǝrāmǝp", which ə split into words). Read without the
    # vowel; a second reading gives it as i, but not at the end of a word, as Ethiopian
    # names are spelled in Latin letters (ግርማ "Girma"). ICU's letters for the sounds
    # English writes j, ch, sh, zh, ny are read so.
    "rollcall/Ethiopic-Latin": f":: Ethiopic-Latin ; {_ETHIOPIC_LETTERS} ǝ > ;",
    "rollcall/Ethiopic-Latin-i": f":: Ethiopic-Latin ; {_ETHIOPIC_LETTERS} ǝ }} [^[:L:][:M:]] > ; ǝ }} $ > ; ǝ > i ;",
    # Korean writes its plain stops and affricate (ㄱ ㄷ ㅂ ㅈ) for sounds voiceless at the
    # start of a word, which the Revised Romanization spells g, d, b, j and McCune-Reischauer
    # and the names' own Latin spellings k, t, p, ch: 김 Kim, 조 Cho, 박 Park; and the
    # Korean spelling of Japanese names writes their k, t and ch so (기시다 Kishida, 다나카
    # Tanaka). A second reading, as said.
    "rollcall/Hangul-Latin-said": (":: Hangul-Latin ; [^[:L:]] { g > k ; ^ g > k ; [^[:L:]] { d > t ; ^ d > t ; "
                                   "[^[:L:]] { b > p ; ^ b > p ; [^[:L:]] { j > ch ; ^ j > ch ;"),
    # Chinese: pinyin (_PINYIN, or _FOREIGN_PINYIN for the foreign readings), then the
    # letters read by the rules of _HAN_READINGS.
    **{transform_id: f"{_pinyin_rules(transform_id)} ; {rules}" for transform_id, rules in _HAN_READINGS.items()},
    **{f"{transform_id}/from-pinyin": rules for transform_id, rules in _HAN_READINGS.items()},
}

# Script → transforms tried when the language gives no better choice. The first is the
# primary romanisation; the others add spellings other conventions produce.
_BY_SCRIPT = {
    "Cyrillic": ("Russian-Latin/BGN", "rollcall/Cyrillic-Latin", "rollcall/Russian-Latin-h"),
    "Arabic": ("rollcall/Persian-Latin", "rollcall/Arabic-Latin"),
    "Han": ("rollcall/Han-Latin",),
    "Katakana": ("Katakana-Latin",),
    "Hiragana": ("Any-Latin",),
    "Hangul": ("Korean-Latin/BGN", "Hangul-Latin", "rollcall/Hangul-Latin-said"),
    "Hebrew": ("rollcall/Hebrew-Latin", "rollcall/Hebrew-Latin-bare"),
    "Greek": ("rollcall/Greek-Latin", "Greek-Latin/BGN"),
    "Georgian": ("Georgian-Latin/BGN",),
    "Armenian": ("rollcall/Armenian-Latin",),
    "Malayalam": ("rollcall/Malayalam-Latin",),
    "Ethiopic": ("rollcall/Ethiopic-Latin", "rollcall/Ethiopic-Latin-i"),
    "Sinhala": ("rollcall/Sinhala-Latin",),
}


@lru_cache(maxsize=64)
def transliterator(transform_id: str) -> icu.Transliterator:
    """A cached ICU transliterator; ICU compiles rules on creation, so never per call."""
    if transform_id in _RULES:
        rules = f"{_RULES[transform_id]} :: Latin-ASCII ; :: Lower ;"
        return icu.Transliterator.createFromRules(
            transform_id, rules, icu.UTransDirection.FORWARD
        )
    return icu.Transliterator.createInstance(f"{transform_id}; Latin-ASCII; Lower")


@lru_cache(maxsize=3)
def _pinyin(rules: str = _PINYIN) -> icu.Transliterator:
    """Han characters to pinyin, as the first step of each Chinese reading."""
    return icu.Transliterator.createFromRules("rollcall/pinyin", f"{rules} ;", icu.UTransDirection.FORWARD)


def compile_all() -> None:
    """Compile every transliterator and respelling a name can need (about 0.1 s in all): a
    server does it before its first answer instead of during the first answer in each
    script or language."""
    ids = {*_RULES, *_CYRILLIC_BY_LANG.values(), *ARABIC_SCRIPT_TRANSFORMS, "Any-Latin"}
    for transforms in _BY_SCRIPT.values():
        ids.update(transforms)
    for transform_id in sorted(ids):
        transliterator(transform_id)
    _pinyin()
    _pinyin(_FOREIGN_PINYIN)
    _pinyin(_BARE_PINYIN)
    compile_respellings()
    # unidecode imports its table of each 256-character block on first use: all of them
    # now (about 0.05 s, 2.5 MB) rather than in the first answers.
    unidecode("".join(chr(block << 8 | 0x41) for block in range(0x100) if not 0xD8 <= block <= 0xDF))


# The Turkish surname ending -oğlu ("son of") in Arabic script, as clean() leaves it (its
# hamza seat ئ as ی): اوغلو, اغلو, Uyghur یوغلۇ, Sorani یۆغڵو. Persian and Arabic often write
# it as a word of its own ("احمد داود اوغلو", Ahmet Davutoğlu), and read letter by letter
# its او is "av", its غ "gh".
_OGLU = re.compile(r"\s?(?:ا[وۆ]?|ی[وۆ]|[وۆ])غ[لڵ][وۇ](?!\w)")
# A name with -oğlu is Turkish, which in Arabic letters is spelled as Ottoman was, by
# Persian's letter values: its و is v (داود Davut), as Arabic has no v to write it with.
_OTTOMAN_READING = "rollcall/Persian-Latin"


def _spellings(script: str, text: str) -> tuple[str, ...]:
    """The spellings of a name to romanise: the name as written, and for some scripts the
    name as a rule of its language says it."""
    if script in SCHWA_SCRIPTS:
        # As spoken, without the inherent vowels Hindi or Bengali drops, then as written.
        return delete_schwa(text, script), text
    if script == "Arabic" and (turkish := _OGLU.sub("oglu", text)) != text:
        # -oğlu read as Turkish writes it, joined to the name before it ("davudoglu").
        return text, turkish
    return (text,)


def _transforms_for(script: str, lang: str | None) -> tuple[str, ...]:
    primary = primary_language(lang)
    if script == "Cyrillic" and primary in _CYRILLIC_BY_LANG:
        extra = ("rollcall/Russian-Latin-h",) if primary in _G_FOR_H else ()
        said = (_CYRILLIC_SAID[primary],) if primary in _CYRILLIC_SAID else ()
        return (_CYRILLIC_BY_LANG[primary], *said, "rollcall/Cyrillic-Latin", *extra)
    if script == "Arabic" and (arabic := arabic_script_transforms(primary)):
        return arabic
    return _BY_SCRIPT.get(script, ("Any-Latin",))


# Letters unidecode writes as no letter: the schwa of Azerbaijani and other Turkic Latin
# alphabets (Əliyev) is "@" to it, which would leave "liyev"; English spelling writes it a.
_UNIDECODE_GAPS = str.maketrans({"ə": "a", "Ə": "A"})


def _clean(latin: str) -> str:
    # Transforms mark soft signs, ayn and stress with apostrophes and modifier letters;
    # normalize_reading() would turn them into spaces and split a name, so drop them first.
    # So goes BGN's middle dot, which keeps apart letters that would read as one sound
    # ("Bray·ant" for Брайант, й and а, not я; "yavlyayet·sya", т and с, not ц; "g·h" for گه,
    # not غ): read apart, they made two words of one ("yavlyayet sya"; Urdu سنگھ "sng h",
    # whose ھ makes the g aspirate, as Singh is written), and a word alone then took the
    # threshold of full names. Joined, they read as the other readings of the word read them.
    latin = latin.replace("\u00b7", "")
    if latin.isascii():
        kept = latin.replace("^", "").replace("`", "")  # the only ASCII modifier symbols (Sk)
    else:
        kept = "".join(ch for ch in latin if unicodedata.category(ch) not in ("Lm", "Sk"))
    ascii_text = unidecode(kept.translate(_UNIDECODE_GAPS))
    for mark in "'`\"":
        ascii_text = ascii_text.replace(mark, "")
    # Lower case first: plain lower-case words take normalize_reading()'s fast path.
    return normalize_reading(ascii_text.replace("-", " ").lower())


# Languages that add a case ending to every name: Latvian and Lithuanian nominatives
# ("Gordons Brauns", "Gordonas"), Latin ("Gerhardus", "Petrus").
_CASE_ENDINGS = {"lv": ("s", "š"), "lt": ("as", "is", "us", "ys", "ė", "a"), "la": ("us", "um")}


def _without_endings(text: str, lang: str | None) -> str | None:
    endings = _CASE_ENDINGS.get(primary_language(lang))
    if not endings:
        return None
    words = []
    for word in text.split():
        for ending in endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                word = word[: -len(ending)]
                break
        words.append(word)
    return " ".join(words)


def _latin_forms(text: str, lang: str | None) -> list[str]:
    """The respelling by the language's rules, the plain ASCII form, the respelling as the
    language says what it does not spell, and the forms without grammatical endings."""
    candidates = [respell(text, lang), text, respell_spoken(text, lang)]
    stem = _without_endings(text, lang)
    if stem:
        candidates += [respell(stem, lang), stem]
    return [_clean(c) for c in candidates if c]


def _han_forms(text: str) -> list[str]:
    """Chinese: each word's syllables joined ("道格拉斯" → "daogelasi"), in the common
    reading and in the reading of foreign names; a three-character name that begins with a
    common family name also as family name and given name ("李克强" → "li kechiang"), and a
    two- or three-character name syllable by syllable ("王毅" → "wang yi")."""
    forms = []
    common = [_pinyin().transliterate(w) for w in text.split()]
    # The foreign readings' own pinyin differs only where the name has one of _FOREIGN_SOUNDS.
    foreign = ([_pinyin(_FOREIGN_PINYIN).transliterate(w) for w in text.split()]
               if not _FOREIGN_SOUNDS.keys().isdisjoint(text) else common)
    # The bare reading differs only in a word that ends in one of _BARE_CONSONANTS; a word
    # of two characters is too short to lose a vowel: 扎斯 Zas read "dzhas" would be as near
    # Turkish "yaz" and "yaş" as to him.
    bare = [_pinyin(_BARE_PINYIN).transliterate(w) if len(w) > 2 and w[-1] in _BARE_CONSONANTS else f
            for w, f in zip(text.split(), foreign)]
    pinyin_of = {_COMMON_HAN_READING: common, _BARE_HAN_READING: bare}
    for transform_id in _HAN_READINGS:
        translit = transliterator(f"{transform_id}/from-pinyin")
        pinyin = pinyin_of.get(transform_id, foreign)
        words = [_clean(translit.transliterate(w)) for w in pinyin]
        forms.append(" ".join(w.replace(" ", "") for w in words))
        # Chinese personal names have two or three characters; longer single words are
        # transliterations whose syllables are not names on their own (斯迈洛夫).
        if len(words) == 1 and transform_id == _COMMON_HAN_READING and len(text) <= 3:
            family, *given = words[0].split()
            if len(given) == 2 and is_common_family_name(text[0]):
                # The family name, then the given name's two syllables as one word, as
                # pinyin writes a Chinese name ("Li Keqiang").
                forms.append(f"{family} {''.join(given)}")
            forms.append(words[0])
    return forms


def _burmese_readings(text: str) -> tuple[str, ...]:
    """Our two readings of Myanmar script, then ICU's letter-for-letter one: its scheme's
    extra letters are sometimes those of the foreign name that Burmese leaves unsaid (ာ as
    "ar": ဆာဂီ "sarge", Sergey). On 24 names from Burmese news, 13 are found first with it,
    9 without; ICU's reading alone finds the same 13 but accepts 2 of them, against 5 (and
    one name of someone else, matched to a Chinese alias by its consonants, against none)."""
    return (*read_burmese(text), transliterator("Any-Latin").transliterate(text))


# Scripts read by rules of our own rather than by ICU's transforms.
_OWN_READERS: dict[str, Callable[[str], tuple[str, ...]]] = {
    "Thai": read_thai, "Myanmar": _burmese_readings, "Tibetan": read_tibetan,
}


@lru_cache(maxsize=READINGS_CACHED)
def romanize(text: str, lang: str | None = None) -> tuple[str, ...]:
    """Distinct romanised forms of a cleaned name (see normalize.clean), primary first.
    Never raises."""
    script = detect_script(text)
    forms: list[str] = []
    if script == "Latin":
        forms = _latin_forms(text, lang)
    elif script == "Han":
        forms = _han_forms(text)
        if primary_language(lang) == "ja" and (kana := kana_reading(text)):
            # Japanese reads kanji its own way: 岸田 is Kishida, not pinyin "antian".
            forms += romanize(kana, lang)
    elif script in _OWN_READERS:
        forms = [_clean(reading) for reading in (*_OWN_READERS[script](text), *cut_in_two(script, text))]
    else:
        spellings = _spellings(script, text)
        transforms = _transforms_for(script, lang)
        for transform_id in transforms:
            for spelling in spellings:
                try:
                    latin = transliterator(transform_id).transliterate(spelling)
                except icu.ICUError:
                    continue
                if script == "Katakana":
                    latin = small_kana_vowels(latin)
                forms.append(_clean(latin))
                if script == "Katakana":
                    forms += [_clean(back) for back in katakana_readbacks(text)]
        if len(spellings) > 1 and script == "Arabic" and _OTTOMAN_READING not in transforms:
            # The Turkish spelling (-oğlu joined) read as Ottoman, in any language.
            forms.append(_clean(transliterator(_OTTOMAN_READING).transliterate(spellings[-1])))
    if not any(forms):
        forms.append(_clean(strip_diacritics(text)))  # unidecode: the last fallback
    unique = [f for i, f in enumerate(forms) if f and f not in forms[:i]]
    return tuple(unique) or ("",)
