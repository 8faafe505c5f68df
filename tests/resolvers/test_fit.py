"""The fitting code recovers known parameters from synthetic data."""

import math
import random

from rollcall.resolvers.fit import fit_conditional_logit, fit_logistic, grouped_folds, predict


def test_logistic_regression_recovers_the_generating_weights() -> None:
    rng = random.Random(1)
    rows, labels = [], []
    for _ in range(4000):
        x = (rng.uniform(-2, 2), rng.uniform(-2, 2))
        p = 1 / (1 + math.exp(-(0.5 + 2.0 * x[0] - 1.0 * x[1])))
        rows.append(x)
        labels.append(rng.random() < p)
    coef = fit_logistic(rows, labels, l2=0.01)
    assert abs(coef[0] - 0.5) < 0.2 and abs(coef[1] - 2.0) < 0.25 and abs(coef[2] + 1.0) < 0.2
    assert 0.0 < predict(coef, (0.0, 0.0)) < 1.0


def test_conditional_logit_learns_which_feature_ranks_the_right_candidate_first() -> None:
    rng = random.Random(2)
    groups = []
    for _ in range(300):
        rows = [(rng.random(), rng.random()) for _ in range(5)]
        right = max(range(5), key=lambda i: 3 * rows[i][0] + rng.gauss(0, 0.3))
        groups.append((rows, right))
    coef = fit_conditional_logit(groups, l2=0.01)
    assert coef[0] == 0.0 and coef[1] > 3 * abs(coef[2])


def test_grouped_folds_keep_a_group_in_one_fold() -> None:
    groups = ["a", "b", "a", "c", "b", "d", "e", "a"]
    folds = grouped_folds(groups, k=3)
    for g in set(groups):
        assert len({f for f, h in zip(folds, groups) if h == g}) == 1
    assert set(folds) <= {0, 1, 2}


def test_the_score_model_weighs_every_feature_by_its_own_weight() -> None:
    import random

    from rollcall.resolvers.params import ScoreModel
    from rollcall.resolvers.score import FEATURES, PairFeatures

    rng = random.Random(7)
    model = ScoreModel(0.5, tuple(rng.uniform(-3, 3) for _ in FEATURES), {})
    for _ in range(20):
        features = PairFeatures(*(rng.random() for _ in FEATURES))
        expected = 0.5 + sum(w * x for w, x in zip(model.weights, features.vector()))
        assert abs(model.logit(features) - expected) < 1e-12


def test_a_confidence_model_fitted_on_other_features_is_refused_with_the_remedy() -> None:
    import json

    import pytest

    from rollcall.resolvers.params import CONFIDENCE_FEATURES, PARAMS_PATH, Params

    doc = json.loads(PARAMS_PATH.read_text(encoding="utf-8"))
    doc["confidence"]["features"] = list(CONFIDENCE_FEATURES[:-1])
    doc["confidence"]["coef"] = doc["confidence"]["coef"][:-1]
    with pytest.raises(ValueError, match="make fit"):
        Params.from_json(doc)
    # What a refit starts from: the stored score model, the hand-set confidence model.
    start = Params.from_json(doc, confidence=False)
    assert start.score == Params.from_json(json.loads(PARAMS_PATH.read_text(encoding="utf-8"))).score
    assert len(start.confidence.coef) == len(CONFIDENCE_FEATURES) + 1

