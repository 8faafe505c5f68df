"""The scoring rules of resolvers/_fastscore.c, stated in plain Python: the oracle the C
code is checked against (test_fastscore.py). This was the implementation before the inner
loop moved to C; keep the two in step when a rule changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz.distance import JaroWinkler, Levenshtein

from rollcall.resolvers.given_names import name_groups
from rollcall.resolvers.rules import (
    INITIAL, JW_PREFIX_WEIGHT, KEY_JW_DISCOUNT, MIN_ALIGNED, MIN_SKELETON, PARTICLES, SAME_GIVEN_NAME, SAME_SKELETON,
    SHORT_CLASS, SOUND_SHARE, UNMATCHED_ALIAS_WEIGHT, WEAK_MATCH,
)
from rollcall.resolvers.score import PairFeatures, WeightedForm


def token_pair(q: WeightedForm, i: int, a: WeightedForm, j: int) -> tuple[float, float]:
    """(spelling, sound) of token i of q and token j of a."""
    qf, af = q.form, a.form
    qt, at, qk, ak = qf.tokens[i], af.tokens[j], qf.keys[i], af.keys[j]
    if qt == at or qk == ak:
        return 1.0, 1.0
    if len(qt) == 1 or len(at) == 1:
        sim = INITIAL if qt[0] == at[0] else 0.0
        return sim, sim
    spelling = max(
        Levenshtein.normalized_similarity(qt, at),
        JaroWinkler.similarity(qk, ak, prefix_weight=JW_PREFIX_WEIGHT) - KEY_JW_DISCOUNT,
    )
    qs = qf.skeletons[i]
    if len(qs) >= MIN_SKELETON and qs == af.skeletons[j]:
        spelling = max(spelling, SAME_SKELETON)
    if name_groups(qk) & name_groups(ak):
        return max(spelling, SAME_GIVEN_NAME), SAME_GIVEN_NAME
    sound = max(
        _class_similarity(qf.classes[i], af.classes[j]),
        _class_similarity(qf.classes_r[i], af.classes_r[j]),
    )
    return spelling, sound if sound >= 0 else spelling


def _class_similarity(qc: str, ac: str) -> float:
    if not qc or not ac:
        return -1.0
    sim = Levenshtein.normalized_similarity(qc, ac)
    shortest = min(len(qc), len(ac))
    if shortest < SHORT_CLASS:
        sim = 0.5 + (sim - 0.5) * shortest / SHORT_CLASS
    return sim


def align(q: WeightedForm, a: WeightedForm) -> tuple[float, float, float, float, bool, list[int]]:
    """Greedy one-to-one alignment on the better of the two similarities.

    Returns (spelling coverage, sound coverage, alias coverage, weakest token, whether the
    matched alias tokens keep the query's order, alias token order)."""
    q_tokens, a_tokens = q.form.tokens, a.form.tokens
    pairs = []
    for i in range(len(q_tokens)):
        for j in range(len(a_tokens)):
            spelling, sound = token_pair(q, i, a, j)
            best = spelling if spelling > sound * SOUND_SHARE else sound * SOUND_SHARE
            if best > MIN_ALIGNED:
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
        if s <= WEAK_MATCH:
            w *= UNMATCHED_ALIAS_WEIGHT
        a_weighted += w * s
        a_total += w
    weakest = min((b for t, b in zip(q_tokens, best_of_q) if t not in PARTICLES), default=0.0)
    matched = [j for j in match_of if j >= 0]
    order = matched + [j for j in range(n_a) if a_best[j] == 0.0]
    return (spell_sum / total, sound_sum / total, a_weighted / (a_total or 1.0), weakest,
            _increasing(matched), order)


def coverage(q: WeightedForm, a: WeightedForm) -> float:
    a_tokens = a.form.tokens
    a_best = [0.0] * len(a_tokens)
    q_covered = 0.0
    for i, w in enumerate(q.weights):
        best = 0.0
        for j in range(len(a_tokens)):
            spelling, sound = token_pair(q, i, a, j)
            sim = spelling if spelling > sound * SOUND_SHARE else sound * SOUND_SHARE
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
            spell_cov, sound_cov, alias_cov, weakest, in_order, order = align(qw, aw)
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
