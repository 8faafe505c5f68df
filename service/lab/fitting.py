"""`rollcall fit`: learn the matcher's parameters (resolvers/params.json) from labelled names.

The score model is a logistic regression over the pair features of every retrieved
candidate (right person or not); the confidence model is a logistic regression over the
first candidate's score and margin (right or not). Both are cross-validated with folds
grouped by person, so the reported figures come from people the model was not fitted on;
the parameters written are then fitted on all the data. An auto-accept threshold is the
lowest confidence at which the cross-validated precision of accepted answers stays at or
above the target and at most 1% of the names of nobody in the gazetteer are accepted; there
is one for each group of params.ACCEPT_GROUPS (single tokens, full names in Latin letters,
full names in other scripts).

Labelled names come from people, so they never show the confidence model a name nobody
could hold. Such a name matches nobody well, and so has no close runner-up either: a
model that trusts the margin promises it half a chance. Made-up names (the letters of a
gazetteer name shuffled within each word, and letters drawn at random, each also written in
another script) join the confidence model's training as names of nobody, so that a lone
weak first candidate reads as what it is; so do the commonest words of each language
wordfreq lists. The labelled names are also nearly all full names: each one's family name
alone joins the training with its person's label, so that a surname alone is neither
trusted nor dismissed by guesswork. The made-up names are matched against further
gazetteers too (`--nobody-on`: make fit gives the curated one), since a small gazetteer
leaves a weak match without a close runner-up. None of these is counted in the reported
figures. The single tokens' threshold is chosen on the family names alone (right or not)
and the single words of nobody; the full names' thresholds on the labelled names and the
made-up names of their group.
"""

from __future__ import annotations

import json
import tempfile
from contextlib import ExitStack, closing
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rollcall.gazetteer import import_file
from rollcall.resolvers import MatcherConfig, Query
from rollcall.resolvers.fit import expected_calibration_error, fit_conditional_logit, fit_logistic, grouped_folds
from rollcall.resolvers.index import NameIndex
from rollcall.resolvers.matcher import alias_setting, bearer_of_query_title, is_one_word, query_traits, score_candidates
from rollcall.resolvers.namesakes import ScoredPerson, namesake_share, title_decides_between_namesakes
from rollcall.resolvers.script import detect_script
from rollcall.resolvers.params import (
    ACCEPT_GROUPS, CONFIDENCE_FEATURES, CONTEXT_DEFAULTS, PARAMS_PATH, AliasSetting, ConfidenceModel, Params, ScoreModel,
    load_params, ranking_shares,
)
from rollcall.resolvers.normalize import has_qualifier
from rollcall.resolvers.score import PairFeatures

from ..engine import Engine
from .labelled import read_labelled_names
from .unlabelled import alias_words, in_other_scripts, made_up_names, one_word_queries, ordinary_words

__all__ = ["CrossValidation", "FoldAnswer", "cross_validate", "fit_params"]

_CANDIDATES = 10
# The auto-accept threshold also keeps the names of nobody in the gazetteer accepted for
# someone at or below this share (besides the precision asked for).
_NIL_FALSE_ACCEPT = 0.01
# The confidence model's ridge penalty (it has few features and thousands of rows).
_CONFIDENCE_L2 = 0.1
# Namesakes of a surname alone, as the matcher counts them (namesakes.namesake_share).
_NAMESAKE_TOLERANCE = MatcherConfig().namesake_tolerance
_TITLE_TOLERANCE = MatcherConfig().title_tolerance
# Made-up names per labelled query.
_MADE_UP_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class _Example:
    query: str
    group: str  # the person (or the query, for queries of nobody in the gazetteer)
    expected: str | None
    candidate_ids: tuple[str, ...]
    vectors: tuple[tuple[float, ...], ...]
    settings: tuple[AliasSetting, ...]  # per candidate: its best alias's (matcher.alias_setting)
    query_fits: tuple[tuple[float, float], ...]  # per candidate: ScoredPerson.query_fit
    titled: tuple[bool, ...]  # per candidate: bears the title the query gives (matcher.bearer_of_query_title)
    one_word: bool
    qualified: bool


def _examples(index: NameIndex, queries: Sequence[dict], config: MatcherConfig) -> list[_Example]:
    out = []
    for q in queries:
        query = Query(q["query"], q.get("lang") or None)
        scored = score_candidates(index, query, config)[:_CANDIDATES]
        traits = query_traits(query)
        has_title = bearer_of_query_title(index, query)
        out.append(_Example(
            q["query"],
            q.get("expected") or f"nil:{q['id']}",
            q.get("expected"),
            tuple(index.persons[s.person].id for s in scored),
            tuple(s.features.vector() for s in scored),
            tuple(alias_setting(index, query, traits, s.person, s.alias_id) for s in scored),
            tuple(s.query_fit for s in scored),
            tuple(bool(has_title and has_title(s.person)) for s in scored),
            is_one_word(query),
            has_qualifier(q["query"]),
        ))
    return out


def _made_up_examples(index: NameIndex, count: int, config: MatcherConfig) -> list[_Example]:
    """Examples of made-up names, in Latin letters and as many written in other scripts. A
    shuffle that still reads as the name it came from ("Sraah Nnewto") is a misspelling,
    not nobody's name: those whose first candidate is their source are left out."""
    made = made_up_names(sorted((p.id, p.name) for p in index.persons), count)
    made += in_other_scripts(made)
    examples = _examples(index, [{"id": f"made-up:{i}", "query": name} for i, (name, _) in enumerate(made)], config)
    return [ex for ex, (_, source) in zip(examples, made) if ex.candidate_ids[:1] != (source,)]


def _one_word_examples(index: NameIndex, queries: Sequence[dict], config: MatcherConfig) -> list[_Example]:
    return _examples(index, one_word_queries(queries), config)


def _ordinary_word_examples(index: NameIndex, config: MatcherConfig) -> list[_Example]:
    return _examples(index, [{"id": f"word:{lang}:{word}", "query": word, "lang": lang}
                             for word, lang in ordinary_words(alias_words(index))], config)


def _learned_from(index: NameIndex, queries: Sequence[dict], config: MatcherConfig,
                  nobody_on: Sequence[NameIndex] = ()) -> tuple[list[_Example], list[_Example]]:
    """What the confidence model learns from besides the labelled names: the names of
    nobody (made-up names, ordinary words) and the family names alone. The made-up names
    are matched against each gazetteer of `nobody_on` too; the ordinary words are not, since
    one word is as often a surname alone, and only `index` has the family names alone that
    teach that side (with them, "Лавров" fell from 0.99 to 0.93 on the curated gazetteer)."""
    nobody = _ordinary_word_examples(index, config)
    for gazetteer in (index, *nobody_on):
        nobody += _made_up_examples(gazetteer, round(len(queries) * _MADE_UP_SHARE), config)
    return nobody, _one_word_examples(index, queries, config)


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


@dataclass(frozen=True, slots=True)
class FoldAnswer:
    """A query's candidates ranked under one score model: the first one's confidence
    features, whether it is right, its share of the ranking, and the ids best first."""

    features: tuple[float, ...]  # empty without candidates
    right: bool
    share: float
    ranked: tuple[str, ...]

    def confidence(self, model: ConfidenceModel) -> float:
        """As the matcher gives it (ConfidenceModel.of_features); 0 without candidates."""
        return model.of_features(self.features, self.share) if self.features else 0.0

    @property
    def single_token(self) -> bool:
        return bool(self.features) and self.features[CONFIDENCE_FEATURES.index("single_token")] == 1.0

    def group(self, query_script: str) -> str:
        """Its group of ACCEPT_GROUPS (ConfidenceModel.group)."""
        return ConfidenceModel.group(query_script, self.single_token)


def _ranked(ex: _Example, coef: Sequence[float]) -> list[ScoredPerson]:
    """The candidates as the matcher ranks them under `coef`: by score (equal scores keep
    the matcher's order: sorted() is stable), then a title the query gives decides between
    namesakes. Each ScoredPerson's `person` is the candidate's position in `ex`."""
    scored = []
    for i, (vector, fit) in enumerate(zip(ex.vectors, ex.query_fits)):
        logit, features = _logit(coef, vector), PairFeatures(*vector)
        scored.append(ScoredPerson(i, i, logit, features, (), logit, fit, (i, features)))
    scored.sort(key=lambda sp: -sp.logit)
    if any(ex.titled):
        scored = title_decides_between_namesakes(scored, _TITLE_TOLERANCE, ex.titled.__getitem__)
    return scored


def _top(ex: _Example, coef: Sequence[float]) -> FoldAnswer:
    if not ex.candidate_ids:
        return FoldAnswer((), False, 0.0, ())
    ranked = [(sp.logit, ex.candidate_ids[sp.person], ex.vectors[sp.person], ex.settings[sp.person], sp.query_fit)
              for sp in _ranked(ex, coef)]
    best, best_id, vector, setting, fit = ranked[0]
    rival = ranked[1][0] if len(ranked) > 1 else None
    feats = ConfidenceModel.features(best, rival, ex.one_word, ex.qualified, PairFeatures(*vector), setting)
    share = ranking_shares([r[0] for r in ranked])[0]
    if ConfidenceModel.single_token(ex.one_word, PairFeatures(*vector)):
        # As the matcher caps a surname alone (the labelled names carry no context).
        share = min(share, namesake_share(fit, ex.query_fits, _NAMESAKE_TOLERANCE))
    return FoldAnswer(feats, best_id == ex.expected, share, tuple(r[1] for r in ranked))


@dataclass(frozen=True, slots=True)
class CrossValidation:
    """Labelled queries answered by score and confidence models fitted without the people
    of the query's fold, and the auto-accept thresholds chosen on those answers."""

    queries: list[dict]
    tops: list[FoldAnswer]
    confidences: list[float]
    accept_at: dict[str, float]  # per group of ACCEPT_GROUPS
    made_up: list[tuple[float, FoldAnswer, str]]  # made-up names and ordinary words: confidence, answer, query
    one_word: list[tuple[float, FoldAnswer, str]]  # the family names alone

    def accepts(self, confidence: float, top: FoldAnswer, query: str) -> bool:
        """Whether the matcher would accept this first candidate of `query` (ConfidenceModel.threshold)."""
        return bool(top.features) and confidence >= self.accept_at[top.group(detect_script(query))]


def _cross_validate(examples: Sequence[_Example], made_up: Sequence[_Example], one_word: Sequence[_Example],
                    queries: list[dict], precision: float, l2: float) -> CrossValidation:
    """The labelled examples answered out of fold. The names of nobody (`made_up`) and the
    family names alone (`one_word`) join the confidence model's training, each in its
    person's fold (the names of nobody in turn), and the choice of the thresholds."""
    # A one-word query's group is its person's: it joins that person's fold.
    folds = grouped_folds([e.group for e in (*examples, *one_word)])
    n_folds = max(folds) + 1
    folds = folds + [i % n_folds for i in range(len(made_up))]
    every = [*examples, *one_word, *made_up]
    tops: list[FoldAnswer] = [FoldAnswer((), False, 0.0, ())] * len(every)
    for k in range(n_folds):
        coef = _fit_score([e for e, f in zip(examples, folds) if f != k], l2)
        for i in (i for i, f in enumerate(folds) if f == k):
            tops[i] = _top(every[i], coef)
    # The confidence model, on the out-of-fold rankings.
    confidences = [0.0] * len(every)
    for k in range(n_folds):
        train = [t for t, f in zip(tops, folds) if f != k and t.features]
        model = ConfidenceModel(tuple(fit_logistic([t.features for t in train], [t.right for t in train],
                                                   l2=_CONFIDENCE_L2)), accept_at=(1.0,) * len(ACCEPT_GROUPS))
        for i in (i for i, f in enumerate(folds) if f == k):
            confidences[i] = tops[i].confidence(model)
    n, m = len(examples), len(examples) + len(one_word)
    texts = [e.query for e in every]
    # Each group's threshold on its answers (right or not, of nobody or not): full names on
    # the labelled ones, single tokens on the family names alone; the names of nobody count
    # in the group they fall in.
    answers: dict[str, list[tuple[float, bool, bool]]] = {g: [] for g in ACCEPT_GROUPS}
    for i, (c, t, text) in enumerate(zip(confidences, tops, texts)):
        group = t.group(detect_script(text))
        if t.features and (i >= m or (group == "one_word") == (i >= n)):
            answers[group].append((c, t.right, i >= m or (i < n and not queries[i].get("expected"))))
    accept_at = {g: _threshold(answers[g], precision, _NIL_FALSE_ACCEPT) for g in ACCEPT_GROUPS}
    return CrossValidation(queries, tops[:n], confidences[:n], accept_at,
                           list(zip(confidences[m:], tops[m:], texts[m:])),
                           [(c, t, text) for c, t, text in zip(confidences[n:m], tops[n:m], texts[n:m]) if t.features])


def cross_validate(index: NameIndex, queries: list[dict], *, nobody_on: Sequence[NameIndex] = (),
                   precision: float = 0.99, l2: float = 1.0) -> CrossValidation:
    """The stored parameters' candidates for `queries`, re-ranked and re-scored under
    5-fold person-grouped cross-validation (what `make eval` reports beside its table);
    `nobody_on` as fit_params takes it."""
    config = MatcherConfig(params=_starting_params())
    return _cross_validate(_examples(index, queries, config), *_learned_from(index, queries, config, nobody_on),
                           queries, precision, l2)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _threshold(answers: Sequence[tuple[float, bool, bool]], precision: float, nil_false_accept: float) -> float:
    """Lowest confidence whose accepted answers (all at or above it; each (confidence,
    right, of nobody in the gazetteer)) reach `precision` and take at most
    `nil_false_accept` of the names of nobody for someone."""
    nil_total = sum(1 for _, _, nil in answers if nil)
    ordered = sorted(answers, key=lambda a: -a[0])
    best = 1.0
    right = total = nil_accepted = 0
    for i, (conf, ok, nil) in enumerate(ordered):
        total += 1
        right += ok
        nil_accepted += nil
        if i + 1 < len(ordered) and ordered[i + 1][0] == conf:
            continue  # a threshold takes all the answers of one confidence, or none
        if right / total >= precision and nil_accepted <= nil_false_accept * nil_total:
            best = conf
    return best


def _starting_params() -> Params:
    """The stored parameters; only their score model when the stored confidence model reads
    other features than this code (it is fitted anew in any case)."""
    try:
        return load_params()
    except ValueError:
        return Params.from_json(json.loads(PARAMS_PATH.read_text(encoding="utf-8")), confidence=False)


def fit_params(names: Path, popolo: Path, out: TextIO, *, nobody_on: Sequence[Path] = (), precision: float = 0.99,
               l2: float = 1.0, write: Path | None = PARAMS_PATH, rounds: int = 2) -> Params:
    """Fit on the labelled `names` matched against `popolo`, the made-up names matched
    against it and against each gazetteer database of `nobody_on`."""
    queries = read_labelled_names(names)
    params = _starting_params()
    with ExitStack() as stack:
        others = [stack.enter_context(closing(Engine(path))) for path in nobody_on]
        db = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "fit.db"
        import_file(db, popolo)
        engine = stack.enter_context(closing(Engine(db)))
        for round_no in range(1, rounds + 1):
            config = MatcherConfig(params=params)
            examples = _examples(engine.index, queries, config)
            made_up, one_word = _learned_from(engine.index, queries, config, [e.index for e in others])
            cv = _cross_validate(examples, made_up, one_word, queries, precision, l2)
            out.write(f"round {round_no}: {_summary(cv)}\n")
            coef = _fit_score(examples, l2)
            tops = [t for t in (_top(ex, coef) for ex in [*examples, *one_word, *made_up]) if t.features]
            cc = fit_logistic([t.features for t in tops], [t.right for t in tops], l2=_CONFIDENCE_L2)
            params = Params(
                ScoreModel(coef[0], tuple(coef[1:]), dict(CONTEXT_DEFAULTS)),
                ConfidenceModel(tuple(cc), tuple(cv.accept_at[g] for g in ACCEPT_GROUPS)),
                f"{names.name} on {popolo.name}, {len(queries)} queries, 5 folds by person",
            )
    if write:
        write.write_text(json.dumps(params.to_json(), indent=2) + "\n", encoding="utf-8")
        out.write(f"wrote {write}\n")
    return params


def _summary(cv: CrossValidation) -> str:
    known = sum(1 for q in cv.queries if q.get("expected"))
    nil = len(cv.queries) - known
    top1 = sum(t.right for q, t in zip(cv.queries, cv.tops) if q.get("expected"))
    pairs = [(c, t.right) for c, t in zip(cv.confidences, cv.tops) if t.features]
    accepted = [t.right for q, c, t in zip(cv.queries, cv.confidences, cv.tops) if cv.accepts(c, t, q["query"])]
    nil_accepted = sum(1 for q, c, t in zip(cv.queries, cv.confidences, cv.tops)
                       if not q.get("expected") and cv.accepts(c, t, q["query"]))
    made_up = [c for c, _, _ in cv.made_up]
    thresholds = ", ".join(f"{g} {cv.accept_at[g]:.3f}" for g in ACCEPT_GROUPS)
    return (f"cross-validated top1 {top1 / max(known, 1):.3f}, ECE {expected_calibration_error(pairs):.3f}, "
            f"accept at {thresholds}: {len(accepted)} accepted, "
            f"precision {sum(accepted) / max(len(accepted), 1):.3f}, auto-recall {sum(accepted) / max(known, 1):.3f}, "
            f"NIL false-accept {nil_accepted / max(nil, 1):.3f}; {len(made_up)} made-up names and ordinary words: "
            f"median confidence {_median(made_up):.3f}, {sum(cv.accepts(*answer) for answer in cv.made_up)} accepted; "
            f"{_one_word_summary(cv)}")


def _one_word_summary(cv: CrossValidation) -> str:
    """How the family names alone fare: right answers among those accepted, and the share
    right in each fifth of the confidence scale (calibration at a glance)."""
    accepted = [t.right for c, t, text in cv.one_word if cv.accepts(c, t, text)]
    fifths = []
    for lo in range(5):
        band = [t.right for c, t, _ in cv.one_word if lo / 5 <= c < (lo + 1) / 5 or (lo == 4 and c == 1.0)]
        fifths.append(f"{lo / 5:.1f}+: {sum(band)}/{len(band)}")
    return (f"{len(cv.one_word)} family names alone: {sum(accepted)} of {len(accepted)} accepted right; "
            f"right by confidence {', '.join(fifths)}")
