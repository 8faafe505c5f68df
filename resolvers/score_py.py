"""The scoring rules stated in Python: what _fastscore.c computes, to the last bit.

This is the readable statement of how a query's readings are compared with an alias's
(score.py says why the rules are what they are; rules.py holds their numbers). The C code
is the fast copy: tests/resolvers/test_fastscore.py holds the two equal on real names, and
ROLLCALL_IMPLEMENTATION=python makes the matcher use this module instead (slowly, with the
same answers). Same names and signatures as _fastscore: Reading, readings_from_text,
token_pair, coverage, best_covered, align, best_pairs, Scorer.

The string similarities are rapidfuzz's own: the C code restates its Levenshtein
normalized similarity and its Jaro-Winkler (prefix weight rules.JW_PREFIX_WEIGHT) and is
tested against them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rapidfuzz.distance import JaroWinkler, Levenshtein

from .rules import (
    ALIAS_INITIAL, FEATURES, FIELD_SEPARATOR, INITIAL, JW_PREFIX_WEIGHT, KEY_JW_DISCOUNT, MIN_ALIGNED, MIN_SKELETON,
    OTHER_GIVEN_NAME, READING_SEPARATOR, SAME_GIVEN_NAME, SAME_SKELETON, SHORT_CLASS, SOUND_SHARE,
    UNMATCHED_ALIAS_WEIGHT, WEAK_MATCH,
)

__all__ = [
    "Reading", "Scorer", "align", "best_covered", "best_pairs", "coverage", "jaro_winkler", "levenshtein_similarity",
    "readings_from_text", "token_pair",
]

Features = tuple[float, float, float, float, float, float, float, float]
Scored = tuple[float, float, float, float, float, float, float, float, float]  # (score, *features)


def levenshtein_similarity(a: str, b: str) -> float:
    """1 - edit distance / the longer length (1 for two empty strings)."""
    return Levenshtein.normalized_similarity(a, b)


def jaro_winkler(a: str, b: str) -> float:
    return JaroWinkler.similarity(a, b, prefix_weight=JW_PREFIX_WEIGHT)


class Reading:
    """One romanised reading of a name with what scoring needs of each token: its keys,
    given-name groups (sorted), whether it is a particle, its rarity weight, and (a query's)
    whether it is no given name an alias may leave out (forms.words_kept). Immutable."""

    __slots__ = ("tokens", "keys", "skeletons", "classes", "classes_r", "groups", "particles", "weights", "rarity",
                 "kept", "total", "joined_key", "joined_class")

    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    skeletons: tuple[str, ...]
    classes: tuple[str, ...]
    classes_r: tuple[str, ...]
    groups: tuple[tuple[int, ...], ...]
    particles: tuple[bool, ...]
    weights: tuple[float, ...]
    rarity: float
    kept: tuple[bool, ...]
    total: float
    joined_key: str
    joined_class: str

    def __init__(self, tokens: tuple[str, ...], keys: tuple[str, ...], skeletons: tuple[str, ...],
                 classes: tuple[str, ...], classes_r: tuple[str, ...], groups: tuple[tuple[int, ...], ...],
                 particles: tuple[bool, ...], weights: tuple[float, ...], rarity: float,
                 kept: tuple[bool, ...] | None = None) -> None:
        if kept is None:
            kept = (False,) * len(tokens)
        fields = dict(tokens=tokens, keys=keys, skeletons=skeletons, classes=classes, classes_r=classes_r,
                      groups=groups, particles=particles, weights=weights, kept=kept)
        for name, value in fields.items():
            if not isinstance(value, tuple) or len(value) != len(tokens):
                raise ValueError(f"{name} must be a tuple of {len(tokens)} items")
        if not all(tokens):
            raise ValueError("a token is empty")
        if any(list(g) != sorted(set(g)) for g in groups):
            raise ValueError("groups must be sorted and distinct")
        set_ = object.__setattr__
        for name, value in fields.items():
            set_(self, name, value)
        set_(self, "particles", tuple(bool(p) for p in particles))
        set_(self, "kept", tuple(bool(k) for k in kept))
        set_(self, "weights", tuple(float(w) for w in weights))
        set_(self, "rarity", float(rarity))
        total = 0.0
        for w in self.weights:  # in token order, as the C code adds them (not sum())
            total += w
        set_(self, "total", total)
        # What whole-name similarity compares (the alias's side is joined in aligned order).
        set_(self, "joined_key", "".join(keys))
        set_(self, "joined_class", "".join(classes))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Reading is immutable")

    @property
    def size(self) -> int:
        return len(self.tokens)

    @classmethod
    def of(cls, reading: Any) -> Reading:
        """A Python Reading of any reading with the same fields (the C one's, for one)."""
        if isinstance(reading, Reading):
            return reading
        try:
            return cls(reading.tokens, reading.keys, reading.skeletons, reading.classes, reading.classes_r,
                       reading.groups, reading.particles, reading.weights, reading.rarity, reading.kept)
        except AttributeError:
            raise TypeError(f"expected a Reading, not {type(reading).__name__}") from None


# -- readings stored as text (readings_codec.py writes them) -------------------------



def readings_from_text(text: str) -> tuple[Reading, ...]:
    """The readings of an alias as the stored index writes them: readings separated by \\x1e,
    their fields by \\x1f: tokens, keys, skeletons, classes, classes_r, weights (each
    space-separated, one item per token), rarity, groups (per token, comma-joined ids),
    particles (one 0/1 character per token)."""
    if not isinstance(text, str):
        raise TypeError("expected a str")
    try:
        return tuple(_reading_from_fields(part.split(FIELD_SEPARATOR)) for part in text.split(READING_SEPARATOR)) if text else ()
    except (ValueError, TypeError):
        raise ValueError("malformed stored readings") from None


def _reading_from_fields(fields: list[str]) -> Reading:
    tokens, keys, skeletons, classes, classes_r, weights, rarity, groups, particles = fields  # 9, or ValueError
    t, k, s, c, r, w, g = (tuple(f.split(" ")) for f in (tokens, keys, skeletons, classes, classes_r, weights, groups))
    n = len(t)
    if any(len(items) != n for items in (k, s, c, r, w, g)) or len(particles) != n or set(particles) - {"0", "1"}:
        raise ValueError
    return Reading(t, k, s, c, r, tuple(map(_group_ids, g)), tuple(p == "1" for p in particles),
                   tuple(map(_number, w)), _number(rarity))


def _number(text: str) -> float:
    if not text or not text.isascii() or any(c.isspace() or c == "_" for c in text):
        raise ValueError
    return float(text)


def _group_ids(text: str) -> tuple[int, ...]:
    if not text:
        return ()
    ids = text.split(",")
    if not all(i.isascii() and i.isdigit() for i in ids):
        raise ValueError
    return tuple(map(int, ids))


# -- token pairs ------------------------------------------------------------------------------

def token_pair(q: Reading, i: int, a: Reading, j: int) -> tuple[float, float]:
    """(spelling, sound) similarity of token i of q and token j of a, each 0..1.

    Spelling: the better of the tokens' Levenshtein similarity and their phonetic keys'
    Jaro-Winkler (discounted); at least SAME_SKELETON for the same consonant skeleton.
    Sound: the consonant classes' similarity, with and without a postvocalic r. Equal
    tokens or keys are 1; an initial is INITIAL if it is the other's first letter
    (ALIAS_INITIAL when only the alias's token is one); two forms
    of one given name are SAME_GIVEN_NAME at least by spelling, and 1 by sound; two known
    given names of no group in common OTHER_GIVEN_NAME at most."""
    qt, at, qk, ak = q.tokens[i], a.tokens[j], q.keys[i], a.keys[j]
    if qt == at or qk == ak:
        return 1.0, 1.0
    if len(qt) == 1 or len(at) == 1:
        sim = 0.0 if qt[0] != at[0] else INITIAL if len(qt) == 1 else ALIAS_INITIAL
        return sim, sim
    spelling = max(levenshtein_similarity(qt, at), jaro_winkler(qk, ak) - KEY_JW_DISCOUNT)
    skeleton = q.skeletons[i]
    if len(skeleton) >= MIN_SKELETON and skeleton == a.skeletons[j]:
        spelling = max(spelling, SAME_SKELETON)
    if set(q.groups[i]) & set(a.groups[j]):  # "Ioannes" and "John"
        return max(spelling, SAME_GIVEN_NAME), 1.0
    sound = max(_class_similarity(q.classes[i], a.classes[j]), _class_similarity(q.classes_r[i], a.classes_r[j]))
    sound = sound if sound >= 0 else spelling
    if q.groups[i] and a.groups[j]:  # two given names, not one: "Christina" and "Christian"
        return min(spelling, OTHER_GIVEN_NAME), min(sound, OTHER_GIVEN_NAME)
    return spelling, sound


def _class_similarity(qc: str, ac: str) -> float:
    """Levenshtein similarity of two consonant-class keys, -1 when either is empty; a key
    shorter than SHORT_CLASS ("rs") says little: its similarity shrinks towards 0.5."""
    if not qc or not ac:
        return -1.0
    sim = levenshtein_similarity(qc, ac)
    shortest = min(len(qc), len(ac))
    if shortest < SHORT_CLASS:
        sim = 0.5 + (sim - 0.5) * shortest / SHORT_CLASS
    return sim


def _either(spelling: float, sound: float) -> float:
    """The better of the two similarities, sound discounted by SOUND_SHARE."""
    return spelling if spelling > sound * SOUND_SHARE else sound * SOUND_SHARE


class _Pairs:
    """Token pairs computed so far for one query: a pair's similarities depend on its two
    words only (every key derives from the word), and words recur across readings and
    aliases."""

    def __init__(self) -> None:
        self._memo: dict[tuple[str, str], tuple[float, float]] = {}

    def __call__(self, q: Reading, i: int, a: Reading, j: int) -> tuple[float, float]:
        key = (q.tokens[i], a.tokens[j])
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = token_pair(q, i, a, j)
        return found


# -- coverage -----------------------------------------------------------------------------

def coverage(q: Reading, a: Reading, pairs: _Pairs | None = None) -> float:
    """A cheap estimate of how well two readings match, without the one-to-one alignment:
    the rarity-weighted best similarity of each query token, times that of each alias
    token."""
    q, a = Reading.of(q), Reading.of(a)
    pair = pairs or token_pair
    a_best = [0.0] * a.size
    q_covered = 0.0
    for i, w in enumerate(q.weights):
        best = 0.0
        for j in range(a.size):
            sim = _either(*pair(q, i, a, j))
            if sim > best:
                best = sim
            if sim > a_best[j]:
                a_best[j] = sim
        q_covered += w * best
    a_covered = 0.0
    for w, s in zip(a.weights, a_best):
        a_covered += w * s
    return (q_covered / (q.total or 1.0)) * (a_covered / (a.total or 1.0))


def best_covered(q: Reading, readings: Sequence[Reading], k: int, pairs: _Pairs | None = None) -> list[int]:
    """Positions in `readings` of the k that cover q best, best first (equals in list order,
    as a stable sort leaves them)."""
    pairs = pairs or _Pairs()
    covered = [coverage(q, a, pairs) for a in readings]
    return sorted(range(len(readings)), key=lambda p: -covered[p])[:max(k, 0)]


# -- alignment ----------------------------------------------------------------------------

def align(q: Reading, a: Reading, pairs: _Pairs | None = None) -> Features:
    """The features of one pair of readings (rules.FEATURES, in that order).

    Tokens are aligned one to one, greedily, the best pairs first (on the better of the two
    similarities; pairs at or below MIN_ALIGNED never). Then the whole names are compared
    with the alias's tokens in the order the query aligned them, unmatched ones last, so
    "Lavrov Sergei" against "Sergei Lavrov" is not penalised twice."""
    q, a = Reading.of(q), Reading.of(a)
    pair = pairs or token_pair
    candidates = []
    for i in range(q.size):
        for j in range(a.size):
            spelling, sound = pair(q, i, a, j)
            best = _either(spelling, sound)
            if best > MIN_ALIGNED:
                candidates.append((best, spelling, sound, i, j))
    candidates.sort(reverse=True)
    match_of = [-1] * q.size
    a_best = [0.0] * a.size
    a_spelling = [0.0] * a.size
    best_of_q = [0.0] * q.size
    spell_sum = sound_sum = 0.0
    for best, spelling, sound, i, j in candidates:
        if match_of[i] >= 0 or a_best[j] > 0.0:
            continue
        match_of[i] = j
        a_best[j] = best
        a_spelling[j] = spelling
        best_of_q[i] = spelling if spelling > sound else sound
        spell_sum += q.weights[i] * spelling
        sound_sum += q.weights[i] * sound
    # Alias tokens matched weakly or not at all weigh less in the alias's coverage.
    a_weighted = a_total = 0.0
    for w, s in zip(a.weights, a_best):
        if s <= WEAK_MATCH:
            w *= UNMATCHED_ALIAS_WEIGHT
        a_weighted += w * s
        a_total += w
    # The worst-matched query token that is not a particle (a wrong given name sinks it),
    # nor a given name the alias leaves out: an unmatched one before the query's last word,
    # when that and every one of two or more alias words are matched, each by more than a
    # weak spelling ("Mary Elizabeth Jones" against "Mary Jones"; "Mehmet Recep Peker"
    # against "Recep Peker", known by his second given name), unless it is `kept` (a part
    # of "Hans-Peter", or the family name a Chinese name puts first). A particle is no last
    # word: "basha" (Pasha) ends "Ahmad Jamal Basha", and Jamal is no given name left out.
    # Matched by its consonant classes alone, a word says too little: "Dasho Tshering
    # Tobgay" is no Zoran Đorđević who leaves out a given name.
    words = [i for i in range(q.size) if not q.particles[i]]
    given_left_out = (len(words) > 2 and a.size > 1 and match_of[words[-1]] >= 0
                      and all(s > 0.0 and spelled > WEAK_MATCH for s, spelled in zip(a_best, a_spelling)))
    weakest = min((best_of_q[i] for i in words if not (given_left_out and match_of[i] < 0 and not q.kept[i])),
                  default=0.0)
    matched = [j for j in match_of if j >= 0]
    order = matched + [j for j in range(a.size) if a_best[j] == 0.0]
    a_key = "".join([a.keys[j] for j in order])
    a_class = "".join([a.classes[j] for j in order])
    total = q.total or 1.0
    return (
        spell_sum / total,
        sound_sum / total,
        a_weighted / (a_total or 1.0),
        levenshtein_similarity(q.joined_key, a_key),
        levenshtein_similarity(q.joined_class, a_class) if q.joined_class and a_class else 0.0,
        weakest,
        1.0 if all(x < y for x, y in zip(matched, matched[1:])) else 0.0,
        a.rarity,
    )


# -- the best pair of readings ----------------------------------------------------------------

def _coefficients(coef: tuple[float, ...]) -> tuple[float, ...]:
    if not isinstance(coef, tuple) or len(coef) != len(FEATURES) + 1:
        raise ValueError(f"coefficients must be a tuple of the intercept and {len(FEATURES)} weights")
    return tuple(map(float, coef))


def _best_pair(qs: Sequence[Reading], alias: Sequence[Reading], coef: tuple[float, ...], pairs: _Pairs) -> Scored | None:
    """(score, *features) of the pair of readings of the query and the alias that the linear
    model `coef` scores highest (the first of equals), or None when the alias has none."""
    best: Scored | None = None
    for q in qs:
        for a in alias:
            features = align(q, a, pairs)
            score = coef[0]
            for c, f in zip(coef[1:], features):  # in the order of model.ScoreModel.logit
                score = score + c * f
            if best is None or score > best[0]:
                best = (score, *features)
    return best


def best_pairs(qs: tuple[Reading, ...], aliases: list[tuple[Reading, ...]], coef: tuple[float, ...]) -> list[Scored | None]:
    """For each alias (a tuple of readings) the score and features of its best pair of
    readings with the query's, (score, *features), or None when a side has none."""
    coef = _coefficients(coef)
    if not qs:
        return [None] * len(aliases)
    return Scorer(qs).best_pairs(aliases, coef)


class Scorer:
    """One query's scoring: best_covered and best_pairs, each pair of words computed once
    for both."""

    def __init__(self, readings: tuple[Reading, ...], /) -> None:
        if not isinstance(readings, tuple):
            raise TypeError("readings must be a tuple of Readings")
        if not readings:
            raise ValueError("a query has at least one reading")
        self._readings = tuple(map(Reading.of, readings))
        self._pairs = _Pairs()

    def best_covered(self, readings: list[Reading], k: int, reading: int = 0, /) -> list[int]:
        if not 0 <= reading < len(self._readings):
            raise IndexError("the query has no such reading")
        return best_covered(self._readings[reading], [Reading.of(r) for r in readings], k, self._pairs)

    def best_pairs(self, aliases: list[tuple[Reading, ...]], coef: tuple[float, ...], /) -> list[Scored | None]:
        coef = _coefficients(coef)
        packed = [tuple(map(Reading.of, alias)) for alias in aliases]
        return [_best_pair(self._readings, alias, coef, self._pairs) for alias in packed]
