"""The name matcher and the article reader describe themselves: name, version, features,
settings. What they answer carries the name and version; what they explain is described."""

import dataclasses
import json

import pytest

from rollcall.resolvers import NAME_MATCHER, AliasRecord, PersonRecord, Query, TenureRecord, build_name_index, match
from rollcall.resolvers.algorithm import AlgorithmDescription
from rollcall.resolvers.articles import ARTICLE_READER, DocumentReconciler, Vocabulary
from rollcall.service.cli import main
from tests.conftest import ROOT

ALGORITHMS = [NAME_MATCHER, ARTICLE_READER]


@pytest.mark.parametrize("algorithm", ALGORITHMS, ids=lambda a: a.name)
def test_every_feature_and_setting_says_what_it_does(algorithm: AlgorithmDescription) -> None:
    assert algorithm.version and algorithm.summary
    assert all(f.doc and "\n" not in f.doc for f in algorithm.features)
    settings = algorithm.settings()
    assert [s.name for s in settings] == [f.name for f in dataclasses.fields(algorithm.config)]
    assert all(s.doc for s in settings), [s.name for s in settings if not s.doc]
    defaults = algorithm.config()
    assert all(getattr(defaults, s.name) == s.default for s in settings)


def test_answers_carry_the_algorithm_and_explain_described_features() -> None:
    person = PersonRecord("Q1", "Sadyr Japarov", "KG", (TenureRecord("2021-01-28", "", ("President of Kyrgyzstan",)),))
    index = build_name_index([person], [AliasRecord("Q1", "Sadyr Japarov", "en")])
    result = match(index, Query("Japarow", "de", country="KG", date="2024-07-04", role="President"))
    assert result.algorithm == NAME_MATCHER.label
    described = {f.name for f in NAME_MATCHER.features}
    explained = set(result.candidates[0].features)
    assert {"context_country", "context_tenure", "context_role", "score"} <= explained <= described
    reader = DocumentReconciler(index, Vocabulary((), (), (), ()))
    assert reader.reconcile("Sadyr Japarov spoke.", "en", None).algorithm == ARTICLE_READER.label


def test_the_readme_shows_both_descriptions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for algorithm in ALGORITHMS:
        assert algorithm.markdown() in readme, f"README lacks the current description of {algorithm.name}"


def test_rollcall_algorithms_prints_both(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["algorithms", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [(a["name"], a["version"]) for a in shown] == [(a.name, a.version) for a in ALGORITHMS]
    assert {s["name"]: s["default"] for s in shown[0]["settings"]}["retrieve"] == 50
    assert main(["algorithms"]) == 0
    assert capsys.readouterr().out == "\n".join(a.markdown() for a in ALGORITHMS)
