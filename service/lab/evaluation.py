"""`rollcall eval`: accuracy, calibration and speed of the matcher on labelled queries.

Runs every query through the same path as `rollcall match` (Engine.match → the JSONL
answer), so what is measured is what users get. Metric definitions: ../shared/eval/README.md.
"""

from __future__ import annotations

import json
import math
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from rollcall.gazetteer import import_file
from rollcall.resolvers import MatcherConfig, Query
from rollcall.resolvers.fit import expected_calibration_error
from rollcall.resolvers.matcher import score_candidates
from rollcall.resolvers.normalize import normalize

from ..answers import answer_json
from ..engine import Engine
from .fitting import cross_validate
from .labelled import read_labelled_names
from .unlabelled import alias_words, held_out_ordinary_words

__all__ = [
    "Outcome", "Metrics", "metrics", "evaluate_names", "cross_validated_outcomes", "expected_calibration_error",
    "format_table", "ordinary_words_line", "news_names_outcomes", "news_names_table",
]

# Ordinary words per language that ordinary_words_line asks about.
_HELD_OUT_WORDS = 250


@dataclass(frozen=True, slots=True)
class Outcome:
    """One evaluated query: what was expected and what came back."""

    group: str
    expected: str | None
    ranked: tuple[str, ...]
    confidence: float  # of the first candidate, 0 when there is none
    accepted: bool
    millis: float


@dataclass(frozen=True, slots=True)
class Metrics:
    n: int
    n_nil: int
    top1: float
    top5: float
    auto_recall: float
    auto_precision: float
    nil_false_accept: float
    ece: float
    mean_ms: float
    p50_ms: float
    p95_ms: float


def _ratio(num: int, den: int) -> float:
    return num / den if den else math.nan


def metrics(outcomes: Sequence[Outcome]) -> Metrics:
    known = [o for o in outcomes if o.expected]
    nil = [o for o in outcomes if not o.expected]
    right = [bool(o.ranked) and o.ranked[0] == o.expected for o in outcomes]
    accepted = [o for o, r in zip(outcomes, right) if o.accepted]
    accepted_right = sum(1 for o, r in zip(outcomes, right) if o.accepted and r)
    millis = sorted(o.millis for o in outcomes)
    calibration = [(o.confidence, r) for o, r in zip(outcomes, right) if o.ranked]
    return Metrics(
        n=len(outcomes),
        n_nil=len(nil),
        top1=_ratio(sum(1 for o in known if o.ranked[:1] == (o.expected,)), len(known)),
        top5=_ratio(sum(1 for o in known if o.expected in o.ranked[:5]), len(known)),
        auto_recall=_ratio(sum(1 for o, r in zip(outcomes, right) if o.expected and o.accepted and r), len(known)),
        auto_precision=_ratio(accepted_right, len(accepted)),
        nil_false_accept=_ratio(sum(1 for o in nil if o.accepted), len(nil)),
        ece=expected_calibration_error(calibration),
        mean_ms=statistics.fmean(millis) if millis else math.nan,
        p50_ms=millis[len(millis) // 2] if millis else math.nan,
        p95_ms=millis[min(int(len(millis) * 0.95), len(millis) - 1)] if millis else math.nan,
    )


def evaluate_names(engine: Engine, queries: Iterable[dict], predictions: TextIO | None) -> list[Outcome]:
    """Run labelled queries ({"id", "query", "lang", "script", "expected"}) through the
    engine; write each answer (plus the label) to `predictions` as JSONL."""
    outcomes = []
    for q in queries:
        query = Query(q["query"], q.get("lang") or None, limit=5)
        started = time.perf_counter()
        answer = answer_json(engine.match(query), q.get("id"), with_id=True)
        millis = (time.perf_counter() - started) * 1000
        ranked = tuple(c["id"] for c in answer["candidates"])
        conf = answer["candidates"][0]["confidence"] if ranked else 0.0
        outcomes.append(Outcome(q.get("script") or "?", q.get("expected"), ranked, conf, answer["match"], millis))
        if predictions is not None:
            row: dict[str, Any] = {**answer, "query": q["query"], "lang": q.get("lang"),
                                   "script": q.get("script"), "expected": q.get("expected")}
            predictions.write(json.dumps(row, ensure_ascii=False) + "\n")
    return outcomes


def format_table(outcomes: Sequence[Outcome]) -> str:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.group].append(o)
    header = f"{'script':<12}{'n':>6}{'nil':>5}{'top1':>7}{'top5':>7}{'a-rec':>7}{'a-prec':>8}{'nil-fa':>8}{'ECE':>7}{'ms':>7}{'p50ms':>7}{'p95ms':>7}"
    lines = [header, "-" * len(header)]

    def row(name: str, items: Sequence[Outcome]) -> str:
        m = metrics(items)
        return (f"{name:<12}{m.n:>6}{m.n_nil:>5}{m.top1:>7.3f}{m.top5:>7.3f}{m.auto_recall:>7.3f}"
                f"{m.auto_precision:>8.3f}{m.nil_false_accept:>8.3f}{m.ece:>7.3f}{m.mean_ms:>7.2f}"
                f"{m.p50_ms:>7.2f}{m.p95_ms:>7.2f}")

    for name in sorted(groups, key=lambda g: -len(groups[g])):
        lines.append(row(name, groups[name]))
    lines.append("-" * len(header))
    lines.append(row("overall", outcomes))
    return "\n".join(lines).replace("nan", "  - ")


def retrieval_recall(engine: Engine, queries: Sequence[dict], outcomes: Sequence[Outcome]) -> tuple[int, int]:
    """(found, would_be_first): of the queries whose right person the final scorer ranks
    first when that person's aliases are scored as well, how many retrieval found. Only the
    queries answered wrongly are scored again: a right first answer was found."""
    config = MatcherConfig()
    found = first = 0
    for q, o in zip(queries, outcomes):
        if not q.get("expected"):
            continue
        if o.ranked[:1] == (q["expected"],):
            found += 1
            first += 1
            continue
        extra = engine.index.aliases_of(q["expected"])
        forced = score_candidates(engine.index, Query(q["query"], q.get("lang") or None), config, extra)
        if forced and engine.index.persons[forced[0].person].id == q["expected"]:
            first += 1
    return found, first


def cross_validated_outcomes(engine: Engine, queries: list[dict], nobody_on: Sequence[Engine] = ()) -> list[Outcome]:
    """Outcomes of `queries` under person-grouped cross-validation (lab.fitting), the made-up
    names matched against `nobody_on` too, as `rollcall fit --nobody-on` does: what the
    matcher would answer people it was not fitted on. No timings: nothing is timed."""
    cv = cross_validate(engine.index, queries, nobody_on=[e.index for e in nobody_on])
    return [Outcome(q.get("script") or "?", q.get("expected"), top.ranked[:5], conf,
                    cv.accepts(conf, top, q["query"]), math.nan)
            for q, top, conf in zip(cv.queries, cv.tops, cv.confidences)]


def ordinary_words_line(engine: Engine, per_language: int = _HELD_OUT_WORDS) -> str:
    """Common words of each language that the fit did not learn from
    (unlabelled.held_out_ordinary_words), each alone with its language: how many come back
    as a person at confidence 0.9 or more, at 0.5 or more, and accepted. All are wrong."""
    words = held_out_ordinary_words(alias_words(engine.index), per_language)
    firsts = [engine.match(Query(word, lang, limit=1)).result for word, lang in words]
    confident = [r.candidates[0].confidence for r in firsts if r.candidates]
    return (f"ordinary words alone (the {per_language} after the fit's in each of the languages wordfreq lists): "
            f"{len(words)}, as a person at confidence >= 0.9: {sum(c >= 0.9 for c in confident)}, "
            f">= 0.5: {sum(c >= 0.5 for c in confident)}, accepted: {sum(r.match for r in firsts)}")


def run_names_eval(names: Path, popolo: Path, predictions: Path | None, out: TextIO,
                   nobody_on: Sequence[Engine] = ()) -> list[Outcome]:
    """Import `popolo` into a temporary database, evaluate `names`, print the table."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.db"
        started = time.perf_counter()
        import_file(db, popolo)
        engine = Engine(db)
        out.write(f"gazetteer: {popolo} ({len(engine.index)} aliases, import+index "
                  f"{time.perf_counter() - started:.1f}s)\n")
        queries = read_labelled_names(names)
        if predictions:
            predictions.parent.mkdir(parents=True, exist_ok=True)
            with predictions.open("w", encoding="utf-8") as pred:
                outcomes = evaluate_names(engine, queries, pred)
        else:
            outcomes = evaluate_names(engine, queries, None)
        found, first = retrieval_recall(engine, queries, outcomes)
        cross_validated = cross_validated_outcomes(engine, queries, nobody_on)
        ordinary = ordinary_words_line(engine)
        engine.close()
    out.write(format_table(outcomes) + "\n")
    out.write(f"retrieval recall: {found}/{first} = {found / max(first, 1):.3f} of the queries whose "
              "right person the scorer ranks first\n")
    out.write("\ncross-validated: the same queries answered by score and confidence models fitted without "
              "the people of their fold (5 folds by person), the accept threshold chosen on those answers:\n")
    out.write(format_table(cross_validated) + "\n")
    out.write(ordinary + "\n")
    if predictions:
        out.write(f"predictions: {predictions}\n")
    return outcomes


def news_names_outcomes(engine: Engine, names: Path) -> tuple[list[Outcome], int]:
    """Labelled names (JSONL, as names-dev) matched against the gazetteer of `engine`, and how
    many there were: service/lab/data/rare-script-names.jsonl holds names as news pages in
    Thai, Malayalam, Burmese, Amharic, Tigrinya and Tibetan write them, each with its page,
    for the curated gazetteer. A query written as an alias of its person is left out, as the
    development names leave them out: it would test no reading."""
    queries = read_labelled_names(names)
    unwritten = [q for q in queries if not _written_as_alias_of(engine, q["query"], q.get("expected"))]
    return evaluate_names(engine, unwritten, None), len(queries)


def news_names_table(engine: Engine, names: Path) -> str:
    outcomes, total = news_names_outcomes(engine, names)
    return f"{len(outcomes)} of {total} not written as an alias of their person\n" + format_table(outcomes)


def _written_as_alias_of(engine: Engine, name: str, person_id: str | None) -> bool:
    data = engine.index.data
    persons = engine.index.persons
    return any(persons[p].id == person_id for p in data.persons_of(data.exact(normalize(name))))
