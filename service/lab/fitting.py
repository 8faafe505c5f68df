"""`rollcall fit`: learn the matcher's parameters (resolvers/params.json) from labelled names.

The score model is a logistic regression over the pair features of every retrieved
candidate (right person or not); the confidence model is a logistic regression over the
first candidate's score and margin (right or not). Both are cross-validated with folds
grouped by person, so the reported figures come from people the model was not fitted on;
the parameters written are then fitted on all the data. The auto-accept threshold is the
lowest confidence at which the cross-validated precision of accepted answers stays at or
above the target.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rollcall.gazetteer import import_file
from rollcall.resolvers import MatcherConfig, Query
from rollcall.resolvers.fit import fit_conditional_logit, fit_logistic, grouped_folds, predict
from rollcall.resolvers.index import NameIndex
from rollcall.resolvers.matcher import score_candidates
from rollcall.resolvers.params import CONTEXT_DEFAULTS, PARAMS_PATH, ConfidenceModel, Params, ScoreModel, load_params
from rollcall.resolvers.normalize import clean, has_qualifier
from rollcall.resolvers.score import PairFeatures

from ..engine import Engine
from .evaluation import expected_calibration_error

__all__ = ["fit_params"]

_CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class _Example:
    group: str  # the person (or the query, for queries of nobody in the gazetteer)
    expected: str | None
    candidate_ids: tuple[str, ...]
    vectors: tuple[tuple[float, ...], ...]
    single_token: bool
    qualified: bool


def _examples(index: NameIndex, queries: Sequence[dict], config: MatcherConfig) -> list[_Example]:
    out = []
    for q in queries:
        scored = score_candidates(index, Query(q["query"], q.get("lang") or None), config)[:_CANDIDATES]
        out.append(_Example(
            q.get("expected") or f"nil:{q['id']}",
            q.get("expected"),
            tuple(index.persons[s.person].id for s in scored),
            tuple(s.features.vector() for s in scored),
            len(clean(q["query"]).split()) == 1,
            has_qualifier(q["query"]),
        ))
    return out


def _fit_score(examples: Sequence[_Example], l2: float) -> list[float]:
    """Conditional logit over the candidates of each query whose right person was
    retrieved: it learns the ranking directly."""
    groups = [
        (ex.vectors, ex.candidate_ids.index(ex.expected))
        for ex in examples
        if ex.expected in ex.candidate_ids and len(ex.candidate_ids) > 1
    ]
    return fit_conditional_logit(groups, l2=l2)


def _logit(coef: Sequence[float], vec: Sequence[float]) -> float:
    return coef[0] + sum(c * v for c, v in zip(coef[1:], vec))


def _top(ex: _Example, coef: Sequence[float]) -> tuple[list[float], bool]:
    """Confidence features of the first candidate under `coef`, and whether it is right."""
    if not ex.candidate_ids:
        return [], False
    ranked = sorted(zip((_logit(coef, v) for v in ex.vectors), ex.candidate_ids, ex.vectors), reverse=True)
    best, best_id, vector = ranked[0]
    rival = ranked[1][0] if len(ranked) > 1 else None
    feats = ConfidenceModel.features(best, rival, ex.single_token, ex.qualified, PairFeatures(*vector))
    return list(feats), best_id == ex.expected


def _threshold(pairs: Sequence[tuple[float, bool]], precision: float) -> float:
    """Lowest confidence whose accepted answers (all at or above it) reach `precision`."""
    best = 1.0
    right = total = 0
    for conf, ok in sorted(pairs, reverse=True):
        total += 1
        right += ok
        if right / total >= precision:
            best = conf
    return best


def fit_params(names: Path, popolo: Path, out: TextIO, *, precision: float = 0.99,
               l2: float = 1.0, write: Path | None = PARAMS_PATH, rounds: int = 2) -> Params:
    queries = [json.loads(line) for line in names.open(encoding="utf-8") if line.strip()]
    params = load_params()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "fit.db"
        import_file(db, popolo)
        engine = Engine(db)
        for round_no in range(1, rounds + 1):
            config = MatcherConfig(params=params)
            examples = _examples(engine.index, queries, config)
            folds = grouped_folds([e.group for e in examples])
            oof_conf_rows: list[tuple[list[float], bool, int]] = []
            top1 = known = 0
            for k in range(max(folds) + 1):
                coef = _fit_score([e for e, f in zip(examples, folds) if f != k], l2)
                for ex, f in zip(examples, folds):
                    if f != k:
                        continue
                    feats, ok = _top(ex, coef)
                    if ex.expected:
                        known += 1
                        top1 += ok
                    if feats:
                        oof_conf_rows.append((feats, ok, f))
            # Confidence model, cross-validated on the out-of-fold score features.
            oof_pairs: list[tuple[float, bool]] = []
            for k in range(max(folds) + 1):
                train = [(x, y) for x, y, f in oof_conf_rows if f != k]
                cc = fit_logistic([x for x, _ in train], [y for _, y in train], l2=0.1)
                oof_pairs += [(predict(cc, x), y) for x, y, f in oof_conf_rows if f == k]
            accept_at = _threshold(oof_pairs, precision)
            accepted = [(c, y) for c, y in oof_pairs if c >= accept_at]
            out.write(
                f"round {round_no}: cross-validated top1 {top1 / max(known, 1):.3f}, "
                f"ECE {expected_calibration_error(oof_pairs):.3f}, accept at {accept_at:.3f}: "
                f"{len(accepted)} accepted, precision "
                f"{sum(y for _, y in accepted) / max(len(accepted), 1):.3f}\n"
            )
            coef = _fit_score(examples, l2)
            conf_rows = [_top(ex, coef) for ex in examples]
            cc = fit_logistic([x for x, _ in conf_rows if x], [y for x, y in conf_rows if x], l2=0.1)
            params = Params(
                ScoreModel(coef[0], tuple(coef[1:]), dict(CONTEXT_DEFAULTS)),
                ConfidenceModel(tuple(cc), accept_at),
                f"{names.name} on {popolo.name}, {len(queries)} queries, 5 folds by person",
            )
        engine.close()
    if write:
        write.write_text(json.dumps(params.to_json(), indent=2) + "\n", encoding="utf-8")
        out.write(f"wrote {write}\n")
    return params
