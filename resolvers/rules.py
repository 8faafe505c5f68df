"""The numbers and tables of the matching rules, each defined here and nowhere else.

The C modules read them when they are imported (_fastscore.c the scoring numbers,
_retrieve.c the counting ones, _keys.c the key tables; an import fails if one is missing or
malformed), and the Python statement of the rules (score_py.py, retrieve_py.py, keys_py.py)
and score.py use them from here. The key tables and the particles decide what the stored
name index holds: a change to them changes its readings (bump readings_codec.INDEX_VERSION).
"""

from __future__ import annotations

__all__ = [
    "FEATURES", "INITIAL", "ALIAS_INITIAL", "SAME_GIVEN_NAME", "OTHER_GIVEN_NAME", "SAME_SKELETON", "MIN_SKELETON",
    "KEY_JW_DISCOUNT", "JW_PREFIX_WEIGHT", "SHORT_CLASS", "SOUND_SHARE", "MIN_ALIGNED", "WEAK_MATCH",
    "UNMATCHED_ALIAS_WEIGHT", "PARTICLES",
    "PARTICLE_WEIGHT", "MAX_EXTRA_COUNTS", "GLIDE_BEFORE", "DIGRAPHS", "LETTERS", "ENDINGS", "ENDING_MIN_STEM",
    "SKELETON_VOWELS", "R_VOWELS", "CLASS_DIGRAPHS", "CLASS_LETTERS", "READING_SEPARATOR", "FIELD_SEPARATOR",
]

# -- scoring (_fastscore.c, score_py.py) ----------------------------------------------------

# The features of a pair of readings, in the order the C code fills them (each 0..1).
FEATURES: dict[str, str] = {
    "spelling": "query tokens covered, by spelling and phonetic-key similarity, rarity-weighted",
    "sound": "query tokens covered, by consonant-class similarity, rarity-weighted",
    "alias_coverage": "share of the alias's tokens the query accounts for",
    "whole": "phonetic-key similarity of the whole names, tokens joined in aligned order",
    "whole_sound": "consonant-class similarity of the whole names",
    "weakest": ("similarity of the query's worst-matched token (a wrong given name sinks it); a given name the "
                "alias leaves out is not one (\"Mary Elizabeth Jones\" for \"Mary Jones\", \"Mehmet Recep Peker\" "
                "for \"Recep Peker\"), when every word of the alias is matched by more than a weak spelling"),
    "in_order": "1 when the aligned tokens keep their order (\"Fritz Walter\" is not \"Walter Fritsch\")",
    "rarity": "how rare the alias's tokens are in the gazetteer: a common name has namesakes",
}

# Credit for an initial ("S.") that matches a token's first letter.
INITIAL = 0.85
# The same when only the alias abbreviates: a word the query writes in full, that an alias
# writes as an initial ("N. P. Saud"), is vouched for by one letter; and a word of running
# text that shares the letter (Persian "نشستها", "meetings") would pass as the given name.
ALIAS_INITIAL = 0.6
# Spelling similarity of two forms of one given name in different languages ("Wilhelm",
# "William"), at least; their sound is the same (1), at least as sure as two names whose
# consonant classes happen to agree ("Edvard" and "David").
SAME_GIVEN_NAME = 0.9
# Similarity of two known given names that are not one name, at most: "Christina" and
# "Christian", "Petra" and "Petrus" (Peter) are spelled alike and are different names; no
# better than a weak match (WEAK_MATCH).
OTHER_GIVEN_NAME = 0.5
# Spelling credit for two tokens with the same consonant skeleton (what an abjad writes), of
# at least MIN_SKELETON letters.
SAME_SKELETON = 0.85
MIN_SKELETON = 2
# Jaro-Winkler of phonetic keys runs high on unrelated short names: discounted by this.
KEY_JW_DISCOUNT = 0.05
# Jaro-Winkler's weight of a common prefix (rapidfuzz's default).
JW_PREFIX_WEIGHT = 0.1
# A consonant-class key shorter than this says little ("rs"): its similarity shrinks
# towards 0.5 in proportion.
SHORT_CLASS = 3
# Sound (consonant classes) counts this much of spelling when choosing the better.
SOUND_SHARE = 0.95
# Token pairs at or below this similarity are not aligned at all.
MIN_ALIGNED = 0.3
# Alias tokens matched this weakly or not at all weigh UNMATCHED_ALIAS_WEIGHT of a matched one.
WEAK_MATCH = 0.5
UNMATCHED_ALIAS_WEIGHT = 0.5

# Particles and honorifics: they belong to names but say little about which person; their
# tokens weigh PARTICLE_WEIGHT of their rarity. So do the words that tell a father from his
# son of the same name ("Alois Rainer senior"). The Arabic honorific sheikh as each script's
# reading spells it (Arabic الشيخ, Persian شیخ, Malayalam ശൈഖ് ഷെയ്ഖ്, Hindi शेख, Russian шейх,
# German Scheich, Turkish şeyh).
PARTICLES = frozenset(
    """
    von fon van fan de der den del della di da du le la zu zum zur und of bin ibn bint al el
    ul bey beg bek pasha pasa basha efendi hanim aga agha graf freiherr baron sir lord
    senior junior sr jr snr jnr
    oglu ogly ogli uly kyzy kizi qizi gyzy
    sheikh shaikh shaykh sheik shekh shikh shykh saikh seykh sheykh shejh sheyh seyh sekh
    scheich cheikh alshikh alshykh alsheikh
    """.split()
)
PARTICLE_WEIGHT = 0.2

# -- retrieval (_retrieve.c, retrieve_py.py) -------------------------------------------------

# A key is counted once, and once more for each halving of its posting list below the
# common-key bound, at most this many more times.
MAX_EXTRA_COUNTS = 3

# -- keys (_keys.c, keys_py.py): each table applied left to right, the first entry that
#    matches at a position wins ----------------------------------------------------------

# phonetic_key. Russian ия/ие/ию: "iya" (English), "ija" (German), "ia" (French) are one
# sound: i + j or y before one of these letters is i.
GLIDE_BEFORE = "aeou"
# Longest patterns first: "tsch" must win over "sch" and "ch".
DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("dsch", "j"), ("tsch", "c"), ("shch", "s"), ("dzh", "j"), ("sch", "s"), ("tch", "c"),
    ("dj", "j"), ("zh", "j"), ("ch", "c"), ("sh", "s"), ("kh", "h"), ("gh", "g"),
    ("ph", "f"), ("th", "t"), ("ts", "c"), ("tz", "c"), ("ck", "k"), ("ou", "u"),
    ("oo", "u"), ("ee", "i"), ("iy", "i"), ("yi", "i"), ("ie", "i"),
)
# After the digraphs.
LETTERS: tuple[tuple[str, str], ...] = (("w", "v"), ("y", "j"), ("x", "h"), ("q", "k"), ("z", "s"))
# The first of these that ends a key, leaving more than ENDING_MIN_STEM letters before it,
# is replaced (an ending is never replaced by a longer one).
ENDINGS: tuple[tuple[str, str], ...] = (("off", "ov"), ("ow", "ov"), ("ev", "ov"), ("ew", "ov"), ("jev", "ov"))
ENDING_MIN_STEM = 2

# skeleton_key: the phonetic key's first letter, then its letters other than these.
SKELETON_VOWELS = "aeiouj"

# class_key. An r after one of these and before a consonant or the end is silent in English
# and German and absent from Chinese, Japanese and Korean renderings ("Gordon" → ゴードン,
# 戈登); m before b or p is heard as n (Japanese ン, Chinese 林布). Then consonant classes:
# sounds that scripts and listeners exchange fall into one class (b/p/f/v: Korean and
# Japanese have no f or v, Hebrew ב is b or v; l/r: Chinese and Japanese merge them;
# s/z/sh/ch/j: Chinese x, q, j). h, w, y and vowels carry little: dropped.
R_VOWELS = "aeiouy"
CLASS_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("dzh", "s"), ("tsch", "s"), ("sch", "s"), ("shch", "s"), ("zh", "s"), ("sh", "s"),
    ("ch", "s"), ("ts", "s"), ("tz", "s"), ("dz", "s"), ("kh", ""), ("gh", ""),
    ("ph", "p"), ("th", "t"), ("ng", "n"), ("ck", "k"), ("qu", "k"), ("x", "ks"),
)
CLASS_LETTERS: tuple[tuple[str, str], ...] = (
    ("b", "p"), ("f", "p"), ("v", "p"), ("d", "t"), ("g", "k"), ("c", "k"), ("q", "k"),
    ("z", "s"), ("j", "s"), ("l", "r"), ("a", ""), ("e", ""), ("i", ""), ("o", ""),
    ("u", ""), ("y", ""), ("h", ""), ("w", ""),
)

# -- stored readings (readings_codec.py writes them; _fastscore.c and score_py.py parse them)

# Between an alias's readings, and between a reading's fields: ASCII control characters,
# which normalize.clean() leaves in no romanised token.
READING_SEPARATOR = "\x1e"
FIELD_SEPARATOR = "\x1f"
