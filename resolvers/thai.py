"""Thai names read back into Latin letters, by the rules of Thai spelling.

ICU's Thai-Latin is a letter-for-letter transliteration (ISO 11940: อ becomes "x", every
silent letter is kept) that also cuts words into syllables: กอร์ดอน บราวน์ ("Gordon Brown")
comes out as "kxr dxn bra wn". Thai writes names as it pronounces them, and these rules read
the pronunciation:

- a letter under the thanthakhat (์) is silent: บราวน์ is "braw", คาร์ล "kal";
- the vowels เ แ โ ใ ไ are written before the consonant (and its second consonant: ร ล ว)
  they follow in speech: เปรม is "prem"; เ-า, เ-ีย, เ-ือ, เ-อ are vowels of their own;
- อ starting a syllable carries its vowel and is silent; after a consonant it is the vowel
  "o" (กอร์ดอน "kodon");
- ห before a sonorant only marks the tone (หม, หน, หล: m, n, l);
- ว between two consonants is the vowel "ua" (ชวน "Chuan"), after า the "o" of "ao";
- a consonant with no vowel written is read as written, with no vowel: foreign names are
  full of clusters (คาร์สเทนส์ "kasten"); only a closed syllable of no vowel at all has the
  vowel o (สก "sok", ครง "krong").

- ำ is "am" (คำ "kham"), รร the vowel a before a closing consonant and "an" at the end
  (วรรณ "wan"); ญ closing a syllable is n (บัญ "ban").

Two readings come back: one in the values foreign names give the letters (ค, ท, พ are k, t,
p: คาร์ล is Karl), and one in the Royal Thai General System's (kh, th, ph: ทักษิณ is
"Thaksin"), which Thai names use in Latin script. Closing stops keep their letters in both
(RTGS says สีสุลิด "Sisulit": made-up names read so in the fit raised the accept threshold
of other scripts from 0.79 to 0.83). Tone marks are dropped; vowel length is not
marked.
"""

from __future__ import annotations

import re

__all__ = ["read_thai"]

# Consonants: (foreign-name value, RTGS value).
_CONSONANTS: dict[str, tuple[str, str]] = {
    "ก": ("k", "k"), "ข": ("k", "kh"), "ฃ": ("k", "kh"), "ค": ("k", "kh"), "ฅ": ("k", "kh"), "ฆ": ("k", "kh"),
    "ง": ("ng", "ng"), "จ": ("ch", "ch"), "ฉ": ("ch", "ch"), "ช": ("ch", "ch"), "ซ": ("s", "s"), "ฌ": ("ch", "ch"),
    "ญ": ("y", "y"), "ฎ": ("d", "d"), "ฏ": ("t", "t"), "ฐ": ("t", "th"), "ฑ": ("t", "th"), "ฒ": ("t", "th"),
    "ณ": ("n", "n"), "ด": ("d", "d"), "ต": ("t", "t"), "ถ": ("t", "th"), "ท": ("t", "th"), "ธ": ("t", "th"),
    "น": ("n", "n"), "บ": ("b", "b"), "ป": ("p", "p"), "ผ": ("p", "ph"), "ฝ": ("f", "f"), "พ": ("p", "ph"),
    "ฟ": ("f", "f"), "ภ": ("p", "ph"), "ม": ("m", "m"), "ย": ("y", "y"), "ร": ("r", "r"), "ล": ("l", "l"),
    "ว": ("w", "w"), "ศ": ("s", "s"), "ษ": ("s", "s"), "ส": ("s", "s"), "ห": ("h", "h"), "ฬ": ("l", "l"),
    "อ": ("", ""), "ฮ": ("h", "h"),
}
_CONSONANT = "[" + "".join(_CONSONANTS) + "]"
_SILENCER = "\u0e4c"  # thanthakhat
_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b\u0e47\u0e4d\u0e4e"  # and maitaikhu, nikhahit, yamakkan
_SONORANTS = "งญนมยรลว"
_LEADING = "เแโใไ"
_FOLLOWING = "ะัาำิีึืุูฤฦ"
# Brackets around a vowel already read (control characters: no Thai text holds them).
_OPEN, _CLOSE = "\u0002", "\u0003"
# A leading vowel's consonant, with a second consonant ร ล ว when that one begins the
# syllable, i.e. a final consonant follows it (เปรม "prem"), not a vowel or another
# syllable (เฟลเด "felde", เกลา "kela", เฮลมุท "helmut"), nor the word's end (โคล "kol").
_CLUSTER = f"(?:อ|{_CONSONANT}(?:[รลว](?=[^{_LEADING}{_FOLLOWING}อ{_OPEN}](?![{_FOLLOWING}{_OPEN}])))?)"

# Vowels written around the consonant, longest first: (pattern with C for the consonant
# cluster, foreign-name reading, RTGS reading). Foreign names render e and the English and
# German schwa with เ-อ, เ-ิ, แ.
_AROUND = (
    ("เCือ", "uea", "uea"), ("เCีย", "ia", "ia"), ("เCาะ", "o", "o"), ("เCา", "ao", "ao"), ("เCอ", "e", "oe"),
    ("เCิ", "e", "oe"), ("เCะ", "e", "e"), ("แCะ", "e", "ae"), ("โCะ", "o", "o"), ("เC", "e", "e"),
    ("แC", "e", "ae"), ("โC", "o", "o"), ("ไC", "ai", "ai"), ("ใC", "ai", "ai"),
)
_AFTER = (
    ("ัว", "ua"), ("ำ", "am"), ("ะ", "a"), ("ั", "a"), ("า", "a"), ("ิ", "i"), ("ี", "i"), ("ึ", "ue"),
    ("ื", "ue"), ("ุ", "u"), ("ู", "u"), ("ฤ", "rue"), ("ฦ", "lue"),
)
_SILENT = re.compile(f"({_CONSONANT})[\u0e34-\u0e38{_TONE_MARKS}]?{_SILENCER}")
_TONE = re.compile(f"[{_TONE_MARKS}]")
_HO_NAM = re.compile(f"ห(?=[{_SONORANTS}])")
# ร closing a word after a consonant is not said (ชินวัตร "Chinawat").
_FINAL_RO = re.compile(f"(?<={_CONSONANT})ร$")
# รร (ro han) is the vowel a, closed by the consonant after it (วรรณ "wan"), or "an" at the
# end of a word (สรร "san").
_RO_HAN = re.compile(f"รร(?={_CONSONANT})")
_RO_HAN_FINAL = re.compile("รร$")
# NFKC (normalize.clean) parts ำ (sara am) into nikhahit and า: put back together.
_SARA_AM_PARTS = "\u0e4d\u0e32"
# A closed syllable with no vowel written has the vowel o: สก "sok", and a cluster before
# its final consonant, ครง "krong" (ว there is itself the vowel).
_NO_VOWEL_WORD = re.compile(f"^({_CONSONANT})((?!ว){_CONSONANT}{{1,2}})$")
_CLUSTER_FINAL = re.compile(f"((?<![{_LEADING}]){_CONSONANT}[รล])([^{_FOLLOWING}{_LEADING}อ])$")


# Each vowel written around its consonant as a pattern, compiled once.
_AROUND_PATTERNS = tuple(
    (re.compile(re.escape(pattern.split("C")[0]) + f"({_CLUSTER})" + re.escape(pattern.split("C")[1])), readings)
    for pattern, *readings in _AROUND
)


def _around_vowels(word: str, values: int) -> str:
    """The vowels written around a consonant, read and put after it (in brackets)."""
    for rx, readings in _AROUND_PATTERNS:
        reading = readings[values]
        word = rx.sub(lambda m: m.group(1) + _OPEN + reading + _CLOSE, word)
    return word


def _read_word(word: str, values: int, silent_kept: bool = False) -> str:
    word = word.replace(_SARA_AM_PARTS, "ำ")
    word = _RO_HAN.sub(_OPEN + "a" + _CLOSE, _RO_HAN_FINAL.sub(_OPEN + "an" + _CLOSE, word))
    if not silent_kept:
        word = _SILENT.sub("", word)
    word = _TONE.sub("", word)
    word = _HO_NAM.sub("", word)
    word = _FINAL_RO.sub("", word)
    if silent_kept:  # after the ร Thai leaves unsaid: a silenced ร is the name's own
        word = _SILENT.sub(r"\1", word)
    word = _CLUSTER_FINAL.sub(lambda m: m.group(1) + _OPEN + "o" + _CLOSE + m.group(2), word)
    word = _NO_VOWEL_WORD.sub(lambda m: m.group(1) + _OPEN + "o" + _CLOSE + m.group(2), word)
    word = _around_vowels(word, values)
    out: list[str] = []
    i = 0
    while i < len(word):
        ch = word[i]
        if ch == _OPEN:
            end = word.index(_CLOSE, i)
            out.append(word[i + 1 : end])
            i = end + 1
            continue
        vowel = next(((p, r) for p, r in _AFTER if word.startswith(p, i)), None)
        if vowel:
            out.append(vowel[1])
            i += len(vowel[0])
            continue
        if ch == "อ":
            out.append(_o_or_carrier(out, word, i))
            i += 1
            continue
        if ch == "ว" and out and not _vowel_at(word, i + 1):
            if out[-1].endswith("a"):
                out.append("o")  # า + ว closing a syllable: the diphthong "ao"
                i += 1
                continue
            if out[-1][-1:] not in ("", *"aeiou") and i + 1 < len(word):
                out.append("ua")  # between consonants, ว is the vowel "ua" (ชวน "chuan")
                i += 1
                continue
        if ch == "ญ" and _closes_syllable(out, word, i):
            out.append("n")  # ญ closing a syllable is said n (บัญ "ban")
            i += 1
            continue
        value = _CONSONANTS.get(ch)
        out.append(value[values] if value else (ch if ch.isascii() else ""))
        i += 1
    return "".join(out)


def _closes_syllable(read: list[str], word: str, i: int) -> bool:
    """Whether the consonant at i closes a syllable: after a vowel, before no vowel of its
    own (the word's end, or a consonant other than อ, which would be its vowel o)."""
    previous = "".join(read)
    return bool(previous) and previous[-1] in "aeiou" and not _vowel_at(word, i + 1) \
        and (i + 1 == len(word) or (word[i + 1] in _CONSONANTS and word[i + 1] != "อ"))


def _o_or_carrier(read: list[str], word: str, i: int) -> str:
    """อ after a consonant with no vowel of its own is the vowel "o"; starting a word before
    a consonant it is "a" (อเดเนาร์ "Adenauer"); before a vowel it only carries that vowel."""
    if _vowel_at(word, i + 1):
        return ""
    previous = "".join(read)
    if previous and previous[-1] not in "aeiou":
        return "o"
    return "a" if not previous and i + 1 < len(word) else ""


def _vowel_at(word: str, i: int) -> bool:
    return i < len(word) and (word[i] == _OPEN or any(word.startswith(p, i) for p, _ in _AFTER))


def read_thai(text: str) -> tuple[str, str, str]:
    """(foreign-name reading, RTGS reading, foreign-name reading with the silent letters)
    of Thai text, word by word. A letter silenced in a foreign name is one of the name's
    own letters, written though Thai does not say it: คาร์ล is "kal" said and "karl"
    written, บราวน์ "brao" and "braon" (Brown)."""
    words = text.split()
    foreign = " ".join(_read_word(w, 0) for w in words).strip()
    rtgs = " ".join(_read_word(w, 1) for w in words).strip()
    if _SILENCER not in text:
        return foreign, rtgs, foreign  # no silenced letter: nothing more written than said
    return foreign, rtgs, " ".join(_read_word(w, 0, silent_kept=True) for w in words).strip()
