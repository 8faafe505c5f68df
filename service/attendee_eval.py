"""`make eval`'s attendee table: reconcile each seed article and compare with who attended.

Per article: precision, recall and F1 of the attendees (by person), the share of found
attendees whose office on the date is right, and the people listed as attending who did not
attend (only mentioned, or not in the article's list at all).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rapidfuzz import fuzz

from rollcall.resolvers import normalize
from rollcall.resolvers.types import Office
from rollcall.resolvers.phrases import PhraseMatcher
from rollcall.resolvers.text import tokenize

from .engine import Engine

__all__ = ["ArticleScore", "evaluate_attendees", "format_attendee_table"]


@dataclass(frozen=True, slots=True)
class ArticleScore:
    article: str
    expected: int
    found: int
    right: int
    office_right: int
    wrongly_attending: tuple[str, ...]
    millis: float

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class _Labels:
    """Maps the evaluation's people and roles onto the gazetteer's ids and role types."""

    def __init__(self, engine: Engine):
        self.engine = engine
        vocab = engine.store.vocabulary()
        self.roles: PhraseMatcher[str] = PhraseMatcher(vocab.roles)

    def person_id(self, entry: dict) -> str:
        if entry.get("wikidata"):
            person = self.engine.store.person(entry["wikidata"])  # follows redirects
            if person:
                return person.id
        for key in (entry.get("person"), entry.get("mention")):
            if key:
                hits = self.engine.index.exact(normalize(key))
                if hits:
                    return self.engine.index.persons[self.engine.index.person_of(hits[0])].id
        return f"?{entry.get('person')}"

    def office_right(self, office: Office | None, entry: dict) -> bool:
        if office is None:
            return False
        where = (entry.get("country_or_org") or "").casefold()
        # Post ids are "<country or organization>-<office>": the RATS director's post
        # "sco-rats-director" belongs to the SCO, the High Commissioner's to the UN.
        if where and where not in (office.country.casefold(), office.organization.casefold()) \
                and not office.post_id.casefold().startswith(where + "-"):
            return False
        role = entry.get("role") or ""
        wanted = {p for m in self.roles.find(tokenize(role)) for p in m.payloads}
        if office.role_type in wanted:
            return True
        return fuzz.token_set_ratio(role.casefold(), office.post.casefold()) >= 80


def evaluate_attendees(engine: Engine, attendees: Path, seeds: Path) -> list[ArticleScore]:
    import time

    labels = _Labels(engine)
    engine.documents  # noqa: B018 - compile the vocabulary before timing articles
    scores = []
    for line in attendees.open(encoding="utf-8"):
        if not line.strip():
            continue
        article = json.loads(line)
        text = (seeds / article["file"]).read_text(encoding="utf-8")
        started = time.perf_counter()
        result = engine.reconcile_document(text, article.get("lang"), article.get("date"))
        millis = (time.perf_counter() - started) * 1000
        expected = {labels.person_id(a): a for a in article.get("attendees", [])}
        attending = {p.id: p for p in result.people if p.attending}
        right = [pid for pid in attending if pid in expected]
        office_right = sum(labels.office_right(attending[pid].office, expected[pid]) for pid in right)
        wrong = tuple(sorted(p.name for pid, p in attending.items() if pid not in expected))
        scores.append(ArticleScore(article["id"], len(expected), len(attending), len(right),
                                   office_right, wrong, millis))
    return scores


def format_attendee_table(scores: Sequence[ArticleScore]) -> str:
    header = f"{'article':<10}{'exp':>5}{'found':>6}{'prec':>7}{'rec':>7}{'F1':>7}{'office':>8}{'wrong':>7}{'ms':>8}"
    lines = [header, "-" * len(header)]
    for s in scores:
        office = s.office_right / s.right if s.right else 0.0
        lines.append(f"{s.article:<10}{s.expected:>5}{s.found:>6}{s.precision:>7.3f}{s.recall:>7.3f}"
                     f"{s.f1:>7.3f}{office:>8.3f}{len(s.wrongly_attending):>7}{s.millis:>8.1f}")
    exp = sum(s.expected for s in scores)
    found = sum(s.found for s in scores)
    right = sum(s.right for s in scores)
    office_right = sum(s.office_right for s in scores)
    p = right / found if found else 1.0
    r = right / exp if exp else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    lines.append("-" * len(header))
    lines.append(f"{'all':<10}{exp:>5}{found:>6}{p:>7.3f}{r:>7.3f}{f1:>7.3f}"
                 f"{(office_right / right if right else 0.0):>8.3f}"
                 f"{sum(len(s.wrongly_attending) for s in scores):>7}"
                 f"{sum(s.millis for s in scores) / max(len(scores), 1):>8.1f}")
    for s in scores:
        if s.wrongly_attending:
            lines.append(f"  {s.article} wrongly attending: {', '.join(s.wrongly_attending)}")
    return "\n".join(lines)


def run_attendee_eval(db: Path, attendees: Path, seeds: Path, out: TextIO) -> list[ArticleScore]:
    engine = Engine(db)
    scores = evaluate_attendees(engine, attendees, seeds)
    out.write(format_attendee_table(scores) + "\n")
    engine.close()
    return scores
