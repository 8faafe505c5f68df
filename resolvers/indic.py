"""The unwritten vowel of the North Indian scripts: schwa deletion.

Every Devanagari consonant letter carries an inherent vowel "a" unless a vowel sign or a
virama says otherwise, and ICU's transliteration writes it out: राजनाथ → "rājanātha". Hindi
(and Marathi, and mostly Nepali) does not pronounce it at the end of a word nor, by the rule
Ohala described (Ohala 1983, "Aspects of Hindi Phonology"), in the middle of one between a
vowel and a consonant that has its own vowel: राजनाथ is "rājnāth", कमला "kamlā", and the
Latin spelling of a name follows the pronunciation ("Rajnath"). A name read both ways finds
its Latin alias either way.

Bengali, Punjabi (Gurmukhi) and Gujarati drop the inherent vowel the same way where it
matters for names, at a word's end and between two syllables: Bengali পুতিন is "putin", not
ICU's "putina", জিনপিং "jinping". Their Unicode blocks follow Devanagari's layout letter for
letter, so each is read through its Devanagari counterpart. Bengali's anusvara ং is always
"ng" (বাংলা Bangla, জিনপিং Jinping), where ICU writes "m".

The rule works on aksharas (a consonant cluster with its vowel, or an independent vowel),
right to left, so that deleting one schwa changes the context of the one before it, as in
speech. A final consonant cluster keeps its schwa (मित्र "mitra"), and so does the first
akshara of a word.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SCHWA_SCRIPTS", "delete_schwa"]

_VIRAMA = "\u094d"
_NUKTA = "\u093c"


def _is_consonant(ch: str) -> bool:
    return "\u0915" <= ch <= "\u0939" or "\u0958" <= ch <= "\u095f"


def _is_vowel_sign(ch: str) -> bool:
    return "\u093e" <= ch <= "\u094c" or ch in "\u0962\u0963\u093a\u093b\u094e\u094f"


def _is_independent_vowel(ch: str) -> bool:
    return "\u0904" <= ch <= "\u0914" or ch in "\u0960\u0961\u0972"


def _is_modifier(ch: str) -> bool:
    """Candrabindu, anusvara, visarga: nasal or breath after a vowel (and, at the same place
    of their own block, Gurmukhi's tippi and addak)."""
    return ch in "\u0901\u0902\u0903\u0970\u0971"


# The first code point of each script's block, laid out as Devanagari's.
_BLOCKS = {"Devanagari": 0x0900, "Bengali": 0x0980, "Gurmukhi": 0x0A00, "Gujarati": 0x0A80}
SCHWA_SCRIPTS = frozenset(_BLOCKS)
_BENGALI_ANUSVARA = "\u0982"
_BENGALI_NGA_G = "\u0999\u09cd\u0997\u09cd"  # ঙ্গ্: "ng" and no vowel after it


@dataclass(slots=True)
class _Akshara:
    text: str
    consonants: int  # 0 for an independent vowel
    inherent: bool  # ends in a consonant with its inherent vowel
    nasal: bool  # followed by anusvara or candrabindu: the vowel is spoken

    @property
    def has_vowel(self) -> bool:
        return self.consonants == 0 or self.inherent or not self.text.endswith(_VIRAMA)


def _aksharas(word: str) -> list[_Akshara] | None:
    """The word cut into aksharas, or None if it is not plain Devanagari letters."""
    out: list[_Akshara] = []
    i, n = 0, len(word)
    while i < n:
        start = i
        if _is_independent_vowel(word[i]):
            i += 1
            consonants = 0
        elif _is_consonant(word[i]):
            consonants = 0
            while i < n and _is_consonant(word[i]):
                consonants += 1
                i += 1
                if i < n and word[i] == _NUKTA:
                    i += 1
                if i + 1 < n and word[i] == _VIRAMA and _is_consonant(word[i + 1]):
                    i += 1  # a conjunct: the cluster goes on
                    continue
                break
        else:
            return None
        inherent = consonants > 0
        if i < n and (_is_vowel_sign(word[i]) or word[i] == _VIRAMA):
            inherent = False
            i += 1
        nasal = False
        while i < n and _is_modifier(word[i]):
            nasal = nasal or word[i] != "\u0903"
            i += 1
        out.append(_Akshara(word[start:i], consonants, inherent, nasal))
    return out


def _delete_in_word(word: str) -> str:
    parts = _aksharas(word)
    if not parts or len(parts) < 2:
        return word
    last = parts[-1]
    if last.inherent and not last.nasal and last.consonants == 1:
        last.text += _VIRAMA
        last.inherent = False
    for i in range(len(parts) - 2, 0, -1):
        here, before, after = parts[i], parts[i - 1], parts[i + 1]
        if (here.inherent and not here.nasal and here.consonants == 1 and before.has_vowel
                and after.consonants == 1 and after.has_vowel):
            here.text += _VIRAMA
            here.inherent = False
    return "".join(p.text for p in parts)


def delete_schwa(text: str, script: str = "Devanagari") -> str:
    """Text in `script` (one of SCHWA_SCRIPTS) with a virama where speech drops the
    inherent vowel: "राजनाथ सिंह" → "राज्नाथ् सिंह्"; Bengali "পুতিন" → "পুতিন্". Words of
    other scripts are left as they are."""
    base = _BLOCKS[script]
    if script == "Bengali":
        text = text.replace(_BENGALI_ANUSVARA, _BENGALI_NGA_G)
    return " ".join(_in_block(w, base) for w in text.split(" "))


def _in_block(word: str, base: int) -> str:
    """_delete_in_word for a word of the block at `base`, read through Devanagari."""
    if not word or not all(base <= ord(ch) < base + 0x80 for ch in word):
        return word
    shift = base - 0x0900
    as_devanagari = "".join(chr(ord(ch) - shift) for ch in word)
    return "".join(chr(ord(ch) + shift) for ch in _delete_in_word(as_devanagari))
