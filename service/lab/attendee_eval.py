"""`make eval`'s article tables: reconcile each article, write its answer as `rollcall
attendees --json` prints it, and score who attended.

Whether a predicted person is a gold person is decided by the judges' own scorer
(`../shared/eval/score_attendees.py`), loaded from where it lies at run time: the figures here
are the official ones by construction, and `run_article_eval` checks its totals against the
scorer's own run over the written predictions. Beyond its totals: per article and per
language precision, recall and F1, office-at-date accuracy of the attendees found, people
only mentioned but listed as attending, people returned at confidence ≥ 0.9 whom the article
does not name, and the calibration (ECE) of the confidence of every person returned.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

import icu
from rapidfuzz import fuzz

from rollcall.resolvers.phrases import PhraseMatcher
from rollcall.resolvers.text import tokenize

from ..answers import document_json
from ..engine import Engine
from .evaluation import expected_calibration_error

__all__ = ["ArticleScore", "evaluate_articles", "format_article_table", "load_scorer", "read_articles",
           "run_article_eval"]

Same = Callable[[dict, dict], bool]


@dataclass(slots=True)
class ArticleScore:
    article: str
    lang: str
    gold: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    office_right: int = 0
    mentioned_as_attending: int = 0
    wrong_confident: int = 0
    # (confidence, the person is one the article names) for every person returned.
    confidences: list[tuple[float, bool]] = field(default_factory=list)
    false_attendees: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    millis: float = 0.0

    def add(self, other: ArticleScore) -> None:
        for name in ("gold", "tp", "fp", "fn", "office_right", "mentioned_as_attending", "wrong_confident"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.confidences += other.confidences
        self.millis += other.millis

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The scorer's per-article F1 (1.0 when there is nothing to find and nothing found)."""
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 1.0


def load_scorer(path: Path) -> ModuleType:
    """The judges' scorer module, imported from its file (never copied into the project)."""
    spec = importlib.util.spec_from_file_location("score_attendees", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_articles(path: Path, seeds: Path | None = None) -> list[dict]:
    """Gold articles; the seed list names its texts' files instead of holding them."""
    articles = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            article = json.loads(line)
            if "text" not in article and seeds is not None:
                article["text"] = (seeds / article["file"]).read_text(encoding="utf-8")
            articles.append(article)
    return articles


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Country names in English (as the annotations write them) → ISO code, from ICU."""
    english = icu.Locale("en")
    return {str(icu.Locale("", code).getDisplayCountry(english)).casefold(): code.casefold()
            for code in icu.Locale.getISOCountries()}


class _OfficeJudge:
    """Is the office returned for an attendee the one the annotation gives? The annotation
    writes its place in English ("Kazakhstan", "Turkic Council", "Moldova (EAEU observer
    state)"): read through the gazetteer's own names of countries and organizations, and
    ICU's English country names."""

    def __init__(self, engine: Engine):
        vocabulary = engine.store.vocabulary()
        self.roles: PhraseMatcher[str] = PhraseMatcher(vocabulary.roles)
        self.places: PhraseMatcher[str] = PhraseMatcher(vocabulary.places)

    def right(self, office: dict | None, gold: dict) -> bool:
        if not office:
            return False
        wanted_places = self._places(gold.get("country_or_org") or "")
        if wanted_places:
            places = {"country:" + (office.get("country") or "").casefold(),
                      "org:" + (office.get("organization") or "").casefold()}
            # Post ids are "<country or organization>-<office>": "sco-rats-director" is the SCO's.
            owner = "org:" + office["post_id"].casefold().split("-")[0]
            if not (wanted_places & places or owner in wanted_places):
                return False
        role = gold.get("role") or ""
        wanted = {p for m in self.roles.find(tokenize(role)) for p in m.payloads}
        if office.get("role_type") in wanted:
            return True
        return fuzz.token_set_ratio(role.casefold(), office["post"].casefold()) >= 80

    def _places(self, written: str) -> set[str]:
        """"Moldova (EAEU observer state)" → {"country:md"}: the place before any note. A code
        or id as the seeds write it ("KZ", "sco") stands for itself."""
        written = written.split("(")[0].strip()
        if not written:
            return set()
        found = {p.casefold() for m in self.places.find(tokenize(written)) for p in m.payloads}
        code = _country_codes().get(written.casefold(), written.casefold())
        return found | {"country:" + code, "org:" + written.casefold()}


def score_article(article: dict, pred: dict, same: Same, offices: _OfficeJudge) -> ArticleScore:
    """The scorer's counts for one article (its rules, step for step), plus the office of
    each attendee found and the calibration pairs."""
    score = ArticleScore(article["id"], article.get("lang", ""))
    attending = [p for p in pred["people"] if p.get("attending")]
    gold = [a for a in article["attendees"] if not a.get("uncertain") and a.get("person")]
    unsure = [a for a in article["attendees"] if a.get("uncertain")]
    score.gold = len(gold)
    used: set[int] = set()
    for a in gold:
        hit = next((i for i, p in enumerate(attending) if i not in used and same(a, p)), None)
        if hit is None:
            score.fn += 1
            score.missed.append(a["person"])
        else:
            score.tp += 1
            used.add(hit)
            score.office_right += offices.right(attending[hit].get("office"), a)
    mentioned = article.get("mentioned_not_attending", [])
    for i, p in enumerate(attending):
        if i in used or any(same(u, p) for u in unsure):
            continue
        score.fp += 1
        score.false_attendees.append(p["name"])
        score.mentioned_as_attending += any(same(m, p) for m in mentioned)
    named = article["attendees"] + mentioned
    for p in pred["people"]:
        is_named = any(same(g, p) for g in named)
        score.confidences.append((p.get("confidence") or 0.0, is_named))
        score.wrong_confident += (p.get("confidence") or 0.0) >= 0.9 and not is_named
    return score


def evaluate_articles(engine: Engine, articles: Iterable[dict], same: Same, out_dir: Path) -> list[ArticleScore]:
    """Reconcile each article, write `<id>.json` as `attendees --json` would, score it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    offices = _OfficeJudge(engine)
    engine.documents  # noqa: B018 - compile the vocabulary before timing articles
    scores = []
    for article in articles:
        started = time.perf_counter()
        result = engine.reconcile_document(article["text"], article.get("lang"), article.get("date"))
        millis = (time.perf_counter() - started) * 1000
        pred = document_json(result, engine.wikidata)
        (out_dir / f"{article['id']}.json").write_text(json.dumps(pred, ensure_ascii=False, indent=1),
                                                       encoding="utf-8")
        score = score_article(article, pred, same, offices)
        score.millis = millis
        scores.append(score)
    return scores


def total(scores: Sequence[ArticleScore], label: str = "all", lang: str = "") -> ArticleScore:
    out = ArticleScore(label, lang)
    for s in scores:
        out.add(s)
    return out


def _row(s: ArticleScore, width: int, articles: int = 1) -> str:
    office = s.office_right / s.tp if s.tp else 0.0
    ece = expected_calibration_error(s.confidences)
    return (f"{s.article:<{width}} {s.lang:<4}{s.gold:>5}{s.tp:>4}{s.fp:>4}{s.fn:>4}{s.precision:>6.2f}"
            f"{s.recall:>6.2f}{s.f1:>6.2f}{office:>7.2f}{s.mentioned_as_attending:>5}{s.wrong_confident:>5}"
            f"{ece:>6.2f}{s.millis / articles:>7.1f}")


def format_article_table(scores: Sequence[ArticleScore]) -> str:
    width = max([len(s.article) for s in scores] + [8])
    header = (f"{'article':<{width}} {'lang':<4}{'gold':>5}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>6}{'R':>6}"
              f"{'F1':>6}{'office':>7}{'m→a':>5}{'≥.9✗':>5}{'ECE':>6}{'ms':>7}")
    rule = "-" * len(header)
    lines = [header, rule, *(_row(s, width) for s in scores), rule]
    by_lang: dict[str, list[ArticleScore]] = defaultdict(list)
    for s in scores:
        by_lang[s.lang].append(s)
    for lang in sorted(by_lang):
        group = by_lang[lang]
        lines.append(_row(total(group, f"language {lang}", lang), width, len(group)))
    lines.append(rule)
    lines.append(_row(total(scores), width, len(scores)))
    lines.append("(office: share of attendees found whose office on the date is right; m→a: only "
                 "mentioned, listed as attending; ≥.9✗: people at confidence ≥ 0.9 the article does "
                 "not name; ECE over every person returned; ms per article)")
    for s in scores:
        if s.false_attendees or s.missed:
            lines.append(f"  {s.article}: false {s.false_attendees} missed {s.missed}")
    return "\n".join(lines)


def official_totals(scorer: ModuleType, gold: Path, predictions: Path) -> dict[str, Any]:
    """The scorer's own run over the predictions written (its --json line)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        scorer.main([str(gold), str(predictions), "--json"])
    return json.loads(printed.getvalue())


def run_article_eval(engine: Engine, scorer_path: Path, sets: Sequence[tuple[str, Path, Path | None]],
                     out_root: Path, out: TextIO) -> dict[str, list[ArticleScore]]:
    """Each set (label, gold JSONL, folder of seed texts or None): table, then the check that
    the official scorer gives the same totals on the predictions written."""
    scorer = load_scorer(scorer_path)
    results = {}
    for label, gold, seeds in sets:
        out_dir = out_root / label
        scores = evaluate_articles(engine, read_articles(gold, seeds), scorer.same, out_dir)
        out.write(f"\nattendees, {label} ({gold.name}; answers in {out_dir}):\n")
        out.write(format_article_table(scores) + "\n")
        ours, theirs = total(scores), official_totals(scorer, gold, out_dir)
        mine = {"tp": ours.tp, "fp": ours.fp, "fn": ours.fn, "mentioned_as_attending": ours.mentioned_as_attending,
                "wrong_confident": ours.wrong_confident}
        if any(theirs[k] != v for k, v in mine.items()):
            raise RuntimeError(f"{label}: the table's totals {mine} differ from {scorer_path.name}'s {theirs}")
        out.write(f"{scorer_path.name}: precision {theirs['precision']:.3f} recall {theirs['recall']:.3f} "
                  f"F1 {theirs['f1']:.3f} (the table's totals agree)\n")
        results[label] = scores
    return results
