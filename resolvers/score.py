"""Scoring a query against one alias: token alignment over romanised forms.

The score is a similarity in 0..1, not yet a probability (calibrate.py turns it into one).
Tokens are aligned one-to-one in any order, so "Lavrov Sergei" meets "Sergei Lavrov";
initials match the tokens they abbreviate; query tokens are weighted by rarity so a shared
common given name counts less than a shared rare surname; alias tokens the query leaves out
(patronymics, second given names) cost a little, not everything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler, Levenshtein

from .index import NameForm

__all__ = ["ScoreConfig", "Features", "score_forms", "token_similarity"]


@dataclass(frozen=True, slots=True)
class ScoreConfig:
    """Weights of the name scorer. Each field: default and why."""

    # Share of the score that comes from how well the query's tokens are covered.
    query_coverage_weight: float = 0.8
    # Share from how much of the alias the query covers (a surname alone covers little).
    alias_coverage_weight: float = 0.2
    # Similarity credited to an initial ("S.") that matches a token's first letter.
    initial_similarity: float = 0.85
    # Alias tokens left unmatched weigh this fraction of a full token in alias coverage:
    # patronymics and middle names are routinely dropped in news.
    unmatched_alias_weight: float = 0.5


@dataclass(frozen=True, slots=True)
class Features:
    score: float
    query_coverage: float
    alias_coverage: float
    whole: float


def token_similarity(
    q_tok: str, q_key: str, q_skel: str, a_tok: str, a_key: str, a_skel: str, config: ScoreConfig
) -> float:
    """Best of the raw, phonetic and skeleton similarities of two tokens."""
    if q_tok == a_tok or q_key == a_key:
        return 1.0
    if len(q_tok) == 1 or len(a_tok) == 1:
        return config.initial_similarity if q_tok[0] == a_tok[0] else 0.0
    raw = Levenshtein.normalized_similarity(q_tok, a_tok)
    key = JaroWinkler.similarity(q_key, a_key)
    sim = max(raw, key - 0.05)
    if len(q_skel) >= 2 and q_skel == a_skel:
        sim = max(sim, 0.85)
    return sim


def _align(
    query: NameForm,
    alias: NameForm,
    weight: Callable[[str], float],
    config: ScoreConfig,
) -> tuple[float, float]:
    """Greedy one-to-one alignment; returns (query coverage, alias coverage)."""
    pairs = []
    for i, (qt, qk, qs) in enumerate(zip(query.tokens, query.keys, query.skeletons)):
        for j, (at, ak, as_) in enumerate(zip(alias.tokens, alias.keys, alias.skeletons)):
            sim = token_similarity(qt, qk, qs, at, ak, as_, config)
            if sim > 0.0:
                pairs.append((sim, i, j))
    pairs.sort(reverse=True)
    q_best = [0.0] * len(query.tokens)
    a_best = [0.0] * len(alias.tokens)
    used_q: set[int] = set()
    used_a: set[int] = set()
    for sim, i, j in pairs:
        if i in used_q or j in used_a:
            continue
        used_q.add(i)
        used_a.add(j)
        q_best[i] = sim
        a_best[j] = sim
    q_weights = [weight(k) for k in query.keys]
    q_cov = sum(w * s for w, s in zip(q_weights, q_best)) / (sum(q_weights) or 1.0)
    a_weights = [
        weight(k) * (1.0 if a_best[j] > 0.5 else config.unmatched_alias_weight)
        for j, k in enumerate(alias.keys)
    ]
    a_cov = sum(w * s for w, s in zip(a_weights, a_best)) / (sum(a_weights) or 1.0)
    return q_cov, a_cov


def score_forms(
    query_forms: tuple[NameForm, ...],
    alias_forms: tuple[NameForm, ...],
    weight: Callable[[str], float],
    config: ScoreConfig,
) -> Features:
    """Best score over every pair of romanised readings of the query and the alias."""
    best = Features(0.0, 0.0, 0.0, 0.0)
    for q in query_forms:
        for a in alias_forms:
            q_cov, a_cov = _align(q, a, weight, config)
            token_score = (
                config.query_coverage_weight * q_cov + config.alias_coverage_weight * a_cov
            )
            # Whole-name comparison catches split or joined tokens ("Siroj Iddin").
            whole = Levenshtein.normalized_similarity(q.joined_key, a.joined_key)
            score = max(token_score, whole * 0.95 if len(q.tokens) > 1 else 0.0)
            if score > best.score:
                best = Features(score, q_cov, a_cov, whole)
    return best
