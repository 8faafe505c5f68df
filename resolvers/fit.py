"""Fitting logistic models, in pure Python (a handful of features, tens of thousands of
rows): L2-regularised Newton iterations, and folds grouped by person so that no person
is both trained and tested on."""

from __future__ import annotations

import math
import random
import statistics
from collections import defaultdict
from collections.abc import Sequence

__all__ = ["expected_calibration_error", "fit_logistic", "grouped_folds", "predict"]


def predict(coef: Sequence[float], x: Sequence[float]) -> float:
    z = coef[0] + sum(c * v for c, v in zip(coef[1:], x))
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a·x = b by Gaussian elimination with partial pivoting (a is small, SPD)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit_logistic(
    rows: Sequence[Sequence[float]], labels: Sequence[bool], l2: float = 1.0, iterations: int = 25
) -> list[float]:
    """Coefficients [intercept, w1, ..., wk] maximising the L2-penalised log-likelihood."""
    k = len(rows[0]) + 1
    coef = [0.0] * k
    for _ in range(iterations):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in zip(rows, labels):
            xs = (1.0, *x)
            p = predict(coef, x)
            r = (1.0 if y else 0.0) - p
            w = p * (1 - p)
            for a in range(k):
                grad[a] += r * xs[a]
                for b in range(a, k):
                    hess[a][b] += w * xs[a] * xs[b]
        for a in range(k):
            for b in range(a):
                hess[a][b] = hess[b][a]
            if a:  # no penalty on the intercept
                grad[a] -= l2 * coef[a]
                hess[a][a] += l2
        step = _solve(hess, grad)
        coef = [c + s for c, s in zip(coef, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return coef


def grouped_folds(groups: Sequence[str], k: int = 5, seed: int = 13) -> list[int]:
    """Fold number (0..k-1) of each row, all rows of one group in the same fold."""
    unique = sorted(set(groups))
    random.Random(seed).shuffle(unique)
    fold_of = {g: i % k for i, g in enumerate(unique)}
    return [fold_of[g] for g in groups]


def fit_conditional_logit(
    groups: Sequence[tuple[Sequence[Sequence[float]], int]], l2: float = 1.0, iterations: int = 30
) -> list[float]:
    """Weights [0.0, w1, ..., wk] of a conditional logit: within each group (the candidates
    of one query, and the index of the right one) P(candidate) ∝ exp(w·x). It learns to rank
    the right person first, which a pointwise fit only approximates. The leading 0.0 keeps
    the [intercept, weights...] shape of fit_logistic."""
    k = len(next(rows for rows, _ in groups if rows)[0])
    w = [0.0] * k
    for _ in range(iterations):
        grad = [-l2 * v for v in w]
        hess = [[l2 if a == b else 0.0 for b in range(k)] for a in range(k)]
        for rows, positive in groups:
            scores = [sum(wi * xi for wi, xi in zip(w, x)) for x in rows]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            probs = [e / total for e in exps]
            mean = [sum(p * x[a] for p, x in zip(probs, rows)) for a in range(k)]
            for a in range(k):
                grad[a] += rows[positive][a] - mean[a]
            for p, x in zip(probs, rows):
                d = [x[a] - mean[a] for a in range(k)]
                for a in range(k):
                    pa = p * d[a]
                    row = hess[a]
                    for b in range(a, k):
                        row[b] += pa * d[b]
        for a in range(k):
            for b in range(a):
                hess[a][b] = hess[b][a]
        step = _solve(hess, grad)
        w = [wi + s for wi, s in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return [0.0, *w]


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """Weighted mean |confidence − accuracy| over equal-width confidence bins."""
    if not pairs:
        return math.nan
    buckets: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for conf, right in pairs:
        buckets[min(int(conf * bins), bins - 1)].append((conf, right))
    return sum(
        len(b) / len(pairs) * abs(statistics.fmean(c for c, _ in b) - statistics.fmean(r for _, r in b))
        for b in buckets.values()
    )
