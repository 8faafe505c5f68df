"""Names in Myanmar (Burmese) script read back into Latin letters, by the rules of Burmese
spelling.

ICU's Myanmar-Latin writes the letters as a scheme of its own spells them ("ဘားရက်
အိုဘားမား", Barack Obama, comes out "bharrraat aobharrmarr": ာ is "ar", း another "r", ဘ
"bh"). Burmese writes a foreign name syllable by syllable, and these rules read each one as
it is said:

- a syllable is a consonant (အ carries a vowel alone), its medials, its vowel signs and tone
  marks, and the consonants killed by the asat (်) or stacked under the next one (္) that
  close it: ရက် is ရ with its vowel, closed by က; ပူတင် is ပူ, then တ closed by င;
- the vowel signs are a ါ/ာ, i ိ/ီ, u ု/ူ, e ေ/ဲ, o ော/ို; tone marks (့ း, an asat after a
  vowel sign) are not read; ံ is n;
- the medials ျ ြ ွ are y, r, w; ဂျ is j and ကျ ချ ch, as foreign names use them (ဂျွန်,
  John); ွ before a closing consonant is the vowel u (ဂျွန် "jun"); ရှ ယှ are sh, ွ
  between them or not (ရွှေ "shwe"), and elsewhere ှ only marks a voiceless sonorant and
  is not read;
- a closing ယ် is the vowel e, ည် i; at the end of a word, in the foreign-name reading, ယ်
  is "el": Burmese writes a foreign name's final -el or -al so (ဒေါ်နယ် "donel", Donald;
  မာကယ် "makel", Merkel; မိုက်ကယ် "maikel", Michael).

The letters take the values foreign names give them: ခ ဆ ထ ဖ are k s t p (Burmese reads
them aspirated), ရ is r, သ s. Two readings come back:

- the foreign name Burmese spelled: a consonant with no vowel sign and nothing closing it,
  before another consonant, is half of a cluster and has no vowel (ထရမ့် "tram", Trump;
  ဗလာဒီမာ "vladima", Vladimir); ဗ is v (foreign names write b with ဘ); a closing က် is the
  glottal stop Burmese closes a short syllable with (လက်ဗရော့ "lavro", Lavrov), not read;
- the letters as Burmese says them: the inherent a between consonants ("taram"), ဗ b, a
  closing က k (ဘားရက် "barak"), and the inherent a before a closing င is i (ပူတင် "putin";
  the first reading keeps the a of ကင်မရွန် "kanmrun", Cameron); ရ is y, as Burmese says
  it (ရန်ကုန် "yankun", Yangon); a closing မ is n, as Burmese says every closing nasal
  alike (ဝမ်ယိ "wanyi", Wang Yi).

Burmese puts no space between words, and news writes most foreign names as one word
(ဂျိုးဘိုင်ဒန်, Joe Biden): one_word_syllables gives the syllables at which unspaced.py cuts
such a name in two.

Burmese names romanised by Burmese convention (Kyaw, Hlaing, Thein) are not the aim: their
rhymes (ောင် aung, ိန် ein) are read here as their letters (aun, in).
"""

from __future__ import annotations

__all__ = ["one_word_syllables", "read_burmese", "read_foreign_word"]

_CONSONANTS = {
    "က": "k", "ခ": "k", "ဂ": "g", "ဃ": "g", "င": "ng", "စ": "s", "ဆ": "s", "ဇ": "z", "ဈ": "z", "ည": "ny",
    "ဋ": "t", "ဌ": "t", "ဍ": "d", "ဎ": "d", "ဏ": "n", "တ": "t", "ထ": "t", "ဒ": "d", "ဓ": "d", "န": "n",
    "ပ": "p", "ဖ": "p", "ဗ": "b", "ဘ": "b", "မ": "m", "ယ": "y", "ရ": "r", "လ": "l", "ဝ": "w", "သ": "s",
    "ဟ": "h", "ဠ": "l", "အ": "",
}
# Independent vowels: a syllable's vowel with no consonant.
_INDEPENDENT = {"ဣ": "i", "ဤ": "i", "ဥ": "u", "ဦ": "u", "ဧ": "e", "ဩ": "o", "ဪ": "o"}
# What a consonant closing a syllable is said as, where not its letter's value.
_CLOSING = {"င": "n", "ည": "i", "ယ": "e"}
_ASAT, _VIRAMA, _ANUSVARA = "\u103a", "\u1039", "\u1036"
_TONES = "\u1037\u1038"  # dot below, visarga
_MEDIALS = {"\u103b": "y", "\u103c": "r", "\u103d": "w", "\u103e": ""}
_VOWEL_SIGNS = "\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032"
# Letters a medial makes another sound of: ဂျ j, ကျ ချ ch (as foreign names use them), and
# ရှ ယှ sh (ရှီ "shi", Rishi).
_PALATAL = {("ဂ", "\u103b"): "j", ("က", "\u103b"): "ch", ("ခ", "\u103b"): "ch", ("ရ", "\u103e"): "sh",
            ("ယ", "\u103e"): "sh"}


def _two_part_o(signs: str) -> str:
    """Which of the two vowels written in two parts a syllable has, both o alone: "ui" for
    ို, "aw" for ော and ေါ, "" for neither (they rhyme apart before a closing consonant)."""
    if "\u102d" in signs and "\u102f" in signs:
        return "ui"
    if "\u1031" in signs and ("\u102c" in signs or "\u102b" in signs):
        return "aw"
    return ""


def _vowel(signs: str) -> str:
    """The vowel of a syllable's vowel signs ("" for none written)."""
    if _two_part_o(signs):
        return "o"
    for sign, vowel in (("\u1031", "e"), ("\u1032", "e"), ("\u102c", "a"), ("\u102b", "a"), ("\u102d", "i"),
                        ("\u102e", "i"), ("\u102f", "u"), ("\u1030", "u")):
        if sign in signs:
            return vowel
    return ""


# A syllable's vowel before some closing consonants, in both readings: the inherent vowel is
# i before စ (ဘောရစ် "boris"); ို is ai and ော au before င and က (ဘိုင်ဒင် "baidin", Biden;
# ဘရောင်း "braun", Brown). As Burmese says it, the inherent vowel is i before င as well.
_RHYMES = {("a", "စ"): "i", ("ui", "င"): "ai", ("ui", "က"): "ai", ("aw", "င"): "au", ("aw", "က"): "au"}
_SAID_RHYMES = {**_RHYMES, ("a", "င"): "i"}
# Letters said otherwise than the foreign name's reading reads them.
_SAID = {"ရ": "y"}
_SAID_CLOSING = {"မ": "n"}
# Letters whose value differs in the foreign-name reading; a closing letter mapped to "" is
# not read there.
_FOREIGN = {"ဗ": "v"}
_FOREIGN_CLOSING = {"က": ""}


def _closes(word: str, i: int) -> bool:
    """Whether the consonant at i closes the syllable before it: killed by the asat (a dot
    below may come between) or stacked over the next consonant."""
    j = i + 1
    while j < len(word) and word[j] in _TONES:
        j += 1
    return j < len(word) and word[j] in (_ASAT, _VIRAMA)


def _syllables(word: str) -> list[tuple[int, str, str, str, str]]:
    """(where it starts, onset, medials, vowel signs and ံ, closing consonants) of each syllable."""
    out: list[tuple[int, str, str, str, str]] = []
    i = 0
    while i < len(word):
        ch = word[i]
        if ch not in _CONSONANTS and ch not in _INDEPENDENT:
            i += 1  # a mark with no syllable to belong to, or a letter of no other script
            continue
        start, onset, i = i, ch, i + 1
        medials = signs = closing = ""
        while i < len(word) and word[i] in _MEDIALS:
            medials, i = medials + word[i], i + 1
        while i < len(word) and (word[i] in _VOWEL_SIGNS or word[i] in _TONES or word[i] in (_ANUSVARA, _ASAT)):
            signs, i = signs + word[i], i + 1  # an asat here follows a vowel sign: a tone
        while i < len(word) and word[i] in _CONSONANTS and _closes(word, i):
            closing += word[i]
            i += 1
            while i < len(word) and word[i] in (*_TONES, _ASAT, _VIRAMA):
                i += 1
        out.append((start, onset, medials, signs, closing))
    return out


def _closing_value(letter: str, foreign: bool) -> str:
    if foreign and letter in _FOREIGN_CLOSING:
        return _FOREIGN_CLOSING[letter]
    if not foreign and letter in _SAID_CLOSING:
        return _SAID_CLOSING[letter]
    return _CLOSING.get(letter) or (foreign and _FOREIGN.get(letter)) or _CONSONANTS[letter]


def _read_word(word: str, foreign: bool) -> str:
    """One word in the foreign-name reading, or as Burmese says its letters."""
    return "".join(_read_syllables(word, foreign))


def _read_syllables(word: str, foreign: bool) -> list[str]:
    syllables = _syllables(word)
    rhymes = _RHYMES if foreign else _SAID_RHYMES
    out = []
    for n, (_, onset, medials, signs, closing) in enumerate(syllables):
        vowel = _vowel(signs)
        consonant = _INDEPENDENT.get(onset) or (_FOREIGN if foreign else _SAID).get(onset) or _CONSONANTS[onset]
        if onset in _INDEPENDENT:
            vowel, consonant = consonant, ""
        if medials[:1] and (onset, medials[0]) in _PALATAL:
            consonant, medials = _PALATAL[onset, medials[0]], medials[1:]
        elif "\u103e" in medials and (onset, "\u103e") in _PALATAL:
            # ှ is written after ွ (ရွှေ "shwe"), and makes ရ sh all the same.
            consonant, medials = _PALATAL[onset, "\u103e"], medials.replace("\u103e", "")
        glide = ""
        for medial in medials:
            if medial == "\u103d" and closing and not vowel:
                vowel = "u"  # ွ before a closing consonant is the vowel
            else:
                glide += _MEDIALS[medial]
        # အ alone is the vowel a, never half of a cluster.
        half_of_cluster = foreign and consonant and not vowel and not closing and n + 1 < len(syllables) \
            and _ANUSVARA not in signs
        if not vowel and not half_of_cluster and onset not in _INDEPENDENT:
            vowel = "a"
        vowel = rhymes.get((_two_part_o(signs) or vowel, closing[:1]), vowel)
        ending = "".join(_closing_value(c, foreign) for c in closing)
        if ending[:1] in ("e", "i") and vowel == "a":
            vowel, ending = ending[0], ending[1:]  # ယ် ည် after the inherent a are its vowel
            if foreign and vowel == "e" and n + 1 == len(syllables):
                # A foreign name's final -el, -al: ဒေါ်နယ် Donald, မာကယ် Merkel.
                ending = "l" + ending.removeprefix("l")
        nasal = "n" if _ANUSVARA in signs else ""
        out.append(consonant + glide + vowel + nasal + ending)
    return out


def _words(text: str) -> list[str]:
    """The words of a name: punctuation (၊ ။) separates them as spaces do."""
    return text.replace("\u104a", " ").replace("\u104b", " ").split()


def read_burmese(text: str) -> tuple[str, str]:
    """Two readings of a name in Myanmar script: the foreign name it spells, then the letters
    as Burmese says them."""
    words = _words(text)
    return (" ".join(_read_word(w, True) for w in words), " ".join(_read_word(w, False) for w in words))


def one_word_syllables(text: str) -> list[str]:
    """The syllables of a name written as one word, which together are the word; none for a
    name of several words."""
    words = _words(text)
    if len(words) != 1:
        return []
    word = words[0]
    cuts = [start for start, *_ in _syllables(word)][1:]
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)])]


def read_foreign_word(word: str) -> str:
    """One word in the foreign-name reading: cut in the Burmese text, the syllable before a
    cut is read as a word's last (ဒေါ်နယ်ထရမ့် "donel tram")."""
    return _read_word(word, True)
