"""Scoring a query against one alias: features over token alignments of romanised forms.

Tokens are aligned one-to-one in any order, so "Lavrov Sergei" meets "Sergei Lavrov";
initials match the tokens they abbreviate; query tokens weigh by rarity so a shared common
given name counts less than a shared rare surname; alias tokens the query leaves out
(patronymics, second given names) cost a little, not everything. Each feature is a number in
0..1; a linear model over them (see model.py) gives the score.

The token similarities, the coverage and the alignment run in C (_fastscore.c): some
thousand token pairs per query. score_py.py states the same rules in Python (and runs them
instead with ROLLCALL_IMPLEMENTATION=python); rules.py holds their numbers. This module
packs readings for either and names the features.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .caches import READINGS_CACHED
from .forms import NameForm
from .given_names import name_groups
from .implementation import IMPLEMENTATION
from .rules import FEATURES, PARTICLE_WEIGHT, PARTICLES

if TYPE_CHECKING or IMPLEMENTATION == "c":
    from ._fastscore import Reading, Scorer, readings_from_text, token_pair
    from ._fastscore import best_covered as _best_covered
    from ._fastscore import coverage as _coverage
else:
    from .score_py import Reading, Scorer, readings_from_text, token_pair
    from .score_py import best_covered as _best_covered
    from .score_py import coverage as _coverage

__all__ = [
    "FEATURES", "PARTICLES", "PairFeatures", "Reading", "Scorer", "WeightedForm", "best_covered", "coverage", "pack",
    "readings_from_text", "score_pair", "score_pairs", "scored_pairs", "token_groups", "token_pair", "token_particles",
    "weigh",
]


class PairFeatures(NamedTuple):
    """The features of one alias for a query (FEATURES says what each means). A named
    tuple: some thirty are made per query."""

    spelling: float = 0.0
    sound: float = 0.0
    alias_coverage: float = 0.0
    whole: float = 0.0
    whole_sound: float = 0.0
    weakest: float = 0.0
    in_order: float = 0.0
    rarity: float = 0.0

    def vector(self) -> tuple[float, ...]:
        return tuple(self)

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.vector()))


@dataclass(frozen=True, slots=True)
class WeightedForm:
    """A reading with what scoring needs of the gazetteer precomputed: each token's weight
    (rarity, particles discounted) and the reading's overall rarity. Alias readings are
    weighed once per index, query readings once per query, not once per pair; pack() makes
    the C scoring loop's Reading of one."""

    form: NameForm
    weights: tuple[float, ...]
    rarity: float

    @property
    def total(self) -> float:
        """Sum of the weights, added in token order as the C code adds them (not sum(),
        which compensates rounding from Python 3.12 on)."""
        total = 0.0
        for w in self.weights:
            total += w
        return total


def pack(w: WeightedForm, kept: tuple[bool, ...] | None = None) -> Reading:
    """The reading packed for the C scoring loop; `kept`: a query's (forms.words_kept)."""
    form = w.form
    return Reading(form.tokens, form.keys, form.skeletons, form.classes, form.classes_r,
                   token_groups(form), token_particles(form), w.weights, w.rarity, kept)


def token_groups(form: NameForm) -> tuple[tuple[int, ...], ...]:
    """Each token's given-name groups, sorted."""
    return tuple(map(_sorted_groups, form.keys))


@lru_cache(maxsize=READINGS_CACHED)
def _sorted_groups(key: str) -> tuple[int, ...]:
    return tuple(sorted(name_groups(key)))


def token_particles(form: NameForm) -> tuple[bool, ...]:
    """Whether each token is a particle or honorific."""
    return tuple(map(PARTICLES.__contains__, form.tokens))


def weigh(form: NameForm, weight: Callable[[str], float], max_weight: float) -> WeightedForm:
    """`weight` gives a token key's rarity, at most `max_weight`."""
    rarities = [weight(k) for k in form.keys]
    particles = token_particles(form)
    weights = tuple(r * PARTICLE_WEIGHT if p else r for r, p in zip(rarities, particles))
    # The name's rarity leaves particles out, unless it is nothing but particles.
    kept = [r for r, p in zip(rarities, particles) if not p] or rarities
    rarity = sum(kept) / (len(kept) * max_weight) if kept else 0.0
    return WeightedForm(form, weights, rarity)


def coverage(q: Reading, a: Reading) -> float:
    """A cheap estimate of how well two readings match: the rarity-weighted best token
    similarity of each query token and of each alias token, without the one-to-one
    alignment, the two multiplied. Used to pick which retrieved aliases are worth the full
    scoring."""
    return _coverage(q, a)


def best_covered(q: Reading, readings: list[Reading], k: int) -> list[int]:
    """Positions in `readings` of the `k` with the best coverage of `q`, best first (equals
    in list order)."""
    return _best_covered(q, readings, k)


def scored_pairs(
    query: tuple[Reading, ...] | Scorer, aliases: list[tuple[Reading, ...]], coef: tuple[float, ...]
) -> list[tuple[float, PairFeatures]]:
    """For each alias, the features of its pair of readings with the query's that the
    linear model `coef` (intercept, then one weight per feature) scores highest, with that
    score (equal to the bit to model.ScoreModel.logit of the features). `query`: its
    readings, or the query's Scorer (which already computed some of the token pairs)."""
    if not isinstance(query, Scorer):
        if not query:
            return [_no_readings(coef) for _ in aliases]
        query = Scorer(query)
    make = PairFeatures._make
    return [(f[0], make(f[1:])) if f is not None else _no_readings(coef) for f in query.best_pairs(aliases, coef)]


def _no_readings(coef: tuple[float, ...]) -> tuple[float, PairFeatures]:
    """The score and features of an alias or query without readings: all features 0."""
    return _linear(coef, PairFeatures()), PairFeatures()


def _linear(coef: tuple[float, ...], features: PairFeatures) -> float:
    """The linear score, summed in the order the C code and ScoreModel.logit sum it."""
    score = coef[0]
    for c, f in zip(coef[1:], features):
        score = score + c * f
    return score


def score_pairs(
    query: tuple[Reading, ...], aliases: list[tuple[Reading, ...]], coef: tuple[float, ...]
) -> list[PairFeatures]:
    """scored_pairs without the scores."""
    return [features for _, features in scored_pairs(query, aliases, coef)]


def score_pair(query: tuple[Reading, ...], alias: tuple[Reading, ...], coef: tuple[float, ...]) -> PairFeatures:
    return score_pairs(query, [alias], coef)[0]
