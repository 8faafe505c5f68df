"""Hindi's unwritten vowel: schwa deletion in Devanagari.

Every Devanagari consonant letter carries an inherent vowel "a" unless a vowel sign or a
virama says otherwise, and ICU's transliteration writes it out: राजनाथ → "rājanātha". Hindi
(and Marathi, and mostly Nepali) does not pronounce it at the end of a word nor, by the rule
Ohala described (Ohala 1983, "Aspects of Hindi Phonology"), in the middle of one between a
vowel and a consonant that has its own vowel: राजनाथ is "rājnāth", कमला "kamlā", and the
Latin spelling of a name follows the pronunciation ("Rajnath"). A name read both ways finds
its Latin alias either way.

The rule works on aksharas (a consonant cluster with its vowel, or an independent vowel),
right to left, so that deleting one schwa changes the context of the one before it, as in
speech. A final consonant cluster keeps its schwa (मित्र "mitra"), and so does the first
akshara of a word.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["delete_schwa", "has_devanagari"]

_VIRAMA = "\u094d"
_NUKTA = "\u093c"


def _is_consonant(ch: str) -> bool:
    return "\u0915" <= ch <= "\u0939" or "\u0958" <= ch <= "\u095f"


def _is_vowel_sign(ch: str) -> bool:
    return "\u093e" <= ch <= "\u094c" or ch in "\u0962\u0963\u093a\u093b\u094e\u094f"


def _is_independent_vowel(ch: str) -> bool:
    return "\u0904" <= ch <= "\u0914" or ch in "\u0960\u0961\u0972"


def _is_modifier(ch: str) -> bool:
    """Candrabindu, anusvara, visarga: nasal or breath after a vowel."""
    return ch in "\u0901\u0902\u0903"


def has_devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


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


def delete_schwa(text: str) -> str:
    """Devanagari text with a virama where Hindi speech drops the inherent vowel:
    "राजनाथ सिंह" → "राज्नाथ् सिंह्". Words in other scripts are left as they are."""
    return " ".join(_delete_in_word(w) if has_devanagari(w) else w for w in text.split(" "))
