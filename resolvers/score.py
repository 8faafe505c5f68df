"""Scoring a query against one alias: features over token alignments of romanised forms.

Tokens are aligned one-to-one in any order, so "Lavrov Sergei" meets "Sergei Lavrov";
initials match the tokens they abbreviate; query tokens weigh by rarity so a shared common
given name counts less than a shared rare surname; alias tokens the query leaves out
(patronymics, second given names) cost a little, not everything. Each feature is a number in
0..1; a linear model over them (see model.py) gives the score.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein

from .given_names import name_groups
from .forms import NameForm
from .keys import class_key, phonetic_key, skeleton_key

__all__ = ["FEATURES", "PARTICLES", "PairFeatures", "WeightedForm", "coverage", "score_pair", "weigh"]

# Credit for an initial ("S.") that matches a token's first letter.
_INITIAL = 0.85
# Similarity of two forms of one given name in different languages ("Wilhelm", "William").
_SAME_GIVEN_NAME = 0.9
# Alias tokens left unmatched weigh this share of a matched one in alias coverage.
_UNMATCHED_ALIAS_WEIGHT = 0.5

FEATURES: dict[str, str] = {
    "spelling": "query tokens covered, by spelling and phonetic-key similarity, rarity-weighted",
    "sound": "query tokens covered, by consonant-class similarity, rarity-weighted",
    "alias_coverage": "share of the alias's tokens the query accounts for",
    "whole": "phonetic-key similarity of the whole names, tokens joined in aligned order",
    "whole_sound": "consonant-class similarity of the whole names",
    "weakest": "similarity of the query's worst-matched token (a wrong given name sinks it)",
    "in_order": "1 when the aligned tokens keep their order (\"Fritz Walter\" is not \"Walter Fritsch\")",
    "rarity": "how rare the alias's tokens are in the gazetteer: a common name has namesakes",
}

# Particles and honorifics: they belong to names but say little about which person.
PARTICLES = frozenset(
    """
    von fon van fan de der den del della di da du le la zu zum zur und of bin ibn bint al el
    ul bey beg bek pasha pasa efendi hanim aga agha graf freiherr baron sir lord
    oglu ogly ogli uly kyzy kizi qizi gyzy
    """.split()
)
_PARTICLE_WEIGHT = 0.2


@dataclass(frozen=True, slots=True)
class PairFeatures:
    spelling: float = 0.0
    sound: float = 0.0
    alias_coverage: float = 0.0
    whole: float = 0.0
    whole_sound: float = 0.0
    weakest: float = 0.0
    in_order: float = 0.0
    rarity: float = 0.0

    def vector(self) -> tuple[float, ...]:
        return (self.spelling, self.sound, self.alias_coverage, self.whole, self.whole_sound,
                self.weakest, self.in_order, self.rarity)

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.vector()))


@lru_cache(maxsize=262144)
def _token_pair(qt: str, at: str) -> tuple[float, float]:
    """Token similarity depends on the two strings only (their keys derive from them), so
    it is computed once per pair of words, not once per pair of aliases."""
    qk, ak = phonetic_key(qt), phonetic_key(at)
    if qt == at or qk == ak:
        return 1.0, 1.0
    if len(qt) == 1 or len(at) == 1:
        sim = _INITIAL if qt[0] == at[0] else 0.0
        return sim, sim
    spelling = max(
        Levenshtein.normalized_similarity(qt, at),
        JaroWinkler.similarity(qk, ak) - 0.05,
    )
    qs = skeleton_key(qt)
    if len(qs) >= 2 and qs == skeleton_key(at):
        spelling = max(spelling, 0.85)
    if name_groups(qk) & name_groups(ak):
        return max(spelling, _SAME_GIVEN_NAME), _SAME_GIVEN_NAME  # "Ioannes" and "John"
    sound = max(
        _class_similarity(class_key(qt), class_key(at)),
        _class_similarity(class_key(qt, keep_r=True), class_key(at, keep_r=True)),
    )
    return spelling, sound if sound >= 0 else spelling


def _class_similarity(qc: str, ac: str) -> float:
    """Levenshtein similarity of two class keys; -1 when either is empty."""
    if not qc or not ac:
        return -1.0
    sim = Levenshtein.normalized_similarity(qc, ac)
    # A one- or two-class key ("rs") says little; shrink its similarity towards 0.5.
    shortest = min(len(qc), len(ac))
    if shortest < 3:
        sim = 0.5 + (sim - 0.5) * shortest / 3
    return sim


@dataclass(frozen=True, slots=True)
class WeightedForm:
    """A reading with what scoring needs of the gazetteer precomputed: each token's weight
    (rarity, particles discounted) and the reading's overall rarity. Alias readings are
    weighed once per index, query readings once per query, not once per pair."""

    form: NameForm
    weights: tuple[float, ...]
    rarity: float
    total: float  # sum of the weights


def weigh(form: NameForm, weight: Callable[[str], float], max_weight: float) -> WeightedForm:
    """`weight` gives a token key's rarity, at most `max_weight`."""
    weights = tuple(
        weight(k) * (_PARTICLE_WEIGHT if t in PARTICLES else 1.0)
        for t, k in zip(form.tokens, form.keys)
    )
    keys = [k for t, k in zip(form.tokens, form.keys) if t not in PARTICLES] or list(form.keys)
    rarity = sum(weight(k) for k in keys) / (len(keys) * max_weight) if keys else 0.0
    return WeightedForm(form, weights, rarity, sum(weights))


def _align(q: WeightedForm, a: WeightedForm) -> tuple[float, float, float, float, bool, list[int]]:
    """Greedy one-to-one alignment on the better of the two similarities.

    Returns (spelling coverage, sound coverage, alias coverage, weakest token, whether the
    matched alias tokens keep the query's order, alias token order). Written as plain loops:
    this runs for every pair of readings scored."""
    q_tokens, a_tokens = q.form.tokens, a.form.tokens
    pairs = []
    for i, qt in enumerate(q_tokens):
        for j, at in enumerate(a_tokens):
            spelling, sound = _token_pair(qt, at)
            best = spelling if spelling > sound * 0.95 else sound * 0.95
            if best > 0.3:
                pairs.append((best, spelling, sound, i, j))
    pairs.sort(reverse=True)
    n_q, n_a = len(q_tokens), len(a_tokens)
    match_of = [-1] * n_q
    a_best = [0.0] * n_a
    best_of_q = [0.0] * n_q
    spell_sum = sound_sum = 0.0
    q_weights = q.weights
    for best, spelling, sound, i, j in pairs:
        if match_of[i] >= 0 or a_best[j] > 0.0:
            continue
        match_of[i] = j
        a_best[j] = best
        best_of_q[i] = spelling if spelling > sound else sound
        spell_sum += q_weights[i] * spelling
        sound_sum += q_weights[i] * sound
    total = q.total or 1.0
    a_weighted = a_total = 0.0
    for w, s in zip(a.weights, a_best):
        if s <= 0.5:
            w *= _UNMATCHED_ALIAS_WEIGHT
        a_weighted += w * s
        a_total += w
    weakest = min((b for t, b in zip(q_tokens, best_of_q) if t not in PARTICLES), default=0.0)
    matched = [j for j in match_of if j >= 0]
    order = matched + [j for j in range(n_a) if a_best[j] == 0.0]
    return (spell_sum / total, sound_sum / total, a_weighted / (a_total or 1.0), weakest,
            _increasing(matched), order)


def coverage(q: WeightedForm, a: WeightedForm) -> float:
    """A cheap estimate of how well two readings match: the rarity-weighted best token
    similarity of each query token and of each alias token, without the one-to-one
    alignment, the two multiplied. Used to pick which retrieved aliases are worth the full
    scoring."""
    a_tokens = a.form.tokens
    a_best = [0.0] * len(a_tokens)
    q_covered = 0.0
    for qt, w in zip(q.form.tokens, q.weights):
        best = 0.0
        for j, at in enumerate(a_tokens):
            spelling, sound = _token_pair(qt, at)
            sim = spelling if spelling > sound * 0.95 else sound * 0.95
            if sim > best:
                best = sim
            if sim > a_best[j]:
                a_best[j] = sim
        q_covered += w * best
    a_covered = 0.0
    for w, s in zip(a.weights, a_best):
        a_covered += w * s
    return (q_covered / (q.total or 1.0)) * (a_covered / (a.total or 1.0))


def _increasing(seq: list[int]) -> bool:
    return all(a < b for a, b in zip(seq, seq[1:]))


def score_pair(
    query_forms: Sequence[WeightedForm],
    alias_forms: Sequence[WeightedForm],
    linear: Callable[[PairFeatures], float],
) -> PairFeatures:
    """Features of the best-scoring pair of readings of the query and the alias."""
    best: PairFeatures | None = None
    best_score = float("-inf")
    for qw in query_forms:
        q = qw.form
        for aw in alias_forms:
            a = aw.form
            spell_cov, sound_cov, alias_cov, weakest, in_order, order = _align(qw, aw)
            # Whole names compared with the alias's tokens in the order the query aligned
            # them, so "Lavrov Sergei" against "Sergei Lavrov" is not penalised twice.
            a_key = "".join([a.keys[j] for j in order])
            a_class = "".join([a.classes[j] for j in order])
            feats = PairFeatures(
                spelling=spell_cov,
                sound=sound_cov,
                alias_coverage=alias_cov,
                whole=Levenshtein.normalized_similarity(q.joined_key, a_key),
                whole_sound=Levenshtein.normalized_similarity(q.joined_class, a_class)
                if q.joined_class and a_class else 0.0,
                weakest=weakest,
                in_order=1.0 if in_order else 0.0,
                rarity=aw.rarity,
            )
            score = linear(feats)
            if score > best_score:
                best, best_score = feats, score
    return best or PairFeatures()
