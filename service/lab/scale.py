"""The scale run of `make bench`: a synthetic gazetteer of a million aliases.

Generated reproducibly (fixed seed) from the real names in the shared Popolo data: given
names and family names of real politicians are recombined into new persons, drawn with
their real frequencies (so "Muhammad" and "Smith" are as common as in the data), and each
person is written in four scripts by ICU transliteration (Latin, Cyrillic, Arabic, Greek).
Queries are other spellings of sampled persons: their name in Katakana (a script the
gazetteer does not hold) and their Latin name with one letter changed.

Run as `python -m rollcall.service.lab.scale build|query ...`; the benchmark runs each step in its own
process so that build memory and serving memory are measured apart.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

import icu

from rollcall.gazetteer import Gazetteer, Name, Person, write_atomically
from rollcall.resolvers import Query, detect_script
from rollcall.resolvers.script import LATIN

__all__ = ["synthetic_gazetteer", "synthetic_names", "build", "query"]

SEED = 2015
_SCRIPTS = (("", ""), ("ru", "Latin-Cyrillic"), ("ar", "Latin-Arabic"), ("el", "Latin-Greek"))
_SOURCES = ("everypolitician-2015/gazetteer.popolo.json", "officials-2022/officials.popolo.json")


def _real_name_parts(shared: Path) -> tuple[list[str], list[str]]:
    """Given and family names of the real persons, one entry per occurrence."""
    given, family = [], []
    for source in _SOURCES:
        doc = json.loads((shared / "data" / source).read_text(encoding="utf-8"))
        for person in doc.get("persons", []):
            tokens = (person.get("name") or "").split()
            if (2 <= len(tokens) <= 3 and detect_script(" ".join(tokens)) == LATIN
                    and all(t.isalpha() and len(t) > 1 for t in tokens)):
                given.append(tokens[0])
                family.append(tokens[-1])
    return given, family


def synthetic_gazetteer(shared: Path, n_aliases: int) -> tuple[Gazetteer, list[dict]]:
    """A gazetteer of about `n_aliases` aliases and 1,000 queries with their answers."""
    rng = random.Random(SEED)
    given, family = _real_name_parts(shared)
    to_script = {lang: icu.Transliterator.createInstance(rule) for lang, rule in _SCRIPTS if rule}
    gaz = Gazetteer()
    for i in range(n_aliases // len(_SCRIPTS)):
        latin = f"{rng.choice(given)} {rng.choice(family)}"
        names = [Name(latin, "", "")]
        names += [Name(to_script[lang].transliterate(latin), lang, "") for lang in to_script]
        person_id = f"syn-{i:07d}"
        gaz.persons[person_id] = Person(person_id, latin, names=names)
    katakana = icu.Transliterator.createInstance("Latin-Katakana")
    persons = list(gaz.persons.values())
    queries = []
    for person in rng.sample(persons, 500):
        queries.append({"query": katakana.transliterate(person.name), "lang": "ja",
                        "expected": person.id, "name": person.name})
    for person in rng.sample(persons, 500):
        chars = list(person.name)
        at = rng.choice([i for i, c in enumerate(chars) if c.isalpha()])
        chars[at] = rng.choice([c for c in "aeioukrstnlm" if c != chars[at].lower()])
        queries.append({"query": "".join(chars), "lang": "", "expected": person.id, "name": person.name})
    return gaz, queries


def synthetic_names(shared: Path, n: int) -> list[dict]:
    """`n` name queries for a batch run, generated reproducibly as the gazetteer above is:
    real given and family names recombined with their real frequencies, a quarter each in
    Latin (no language given), Cyrillic (ru), Arabic (ar) and Katakana (ja)."""
    rng = random.Random(SEED + 1)
    given, family = _real_name_parts(shared)
    scripts = [("", None), ("ru", icu.Transliterator.createInstance("Latin-ASCII; Latin-Cyrillic")),
               ("ar", icu.Transliterator.createInstance("Latin-ASCII; Latin-Arabic")),
               ("ja", icu.Transliterator.createInstance("Latin-ASCII; Latin-Katakana"))]
    names = []
    for i in range(n):
        latin = f"{rng.choice(given)} {rng.choice(family)}"
        lang, to_script = scripts[i % len(scripts)]
        names.append({"id": f"n{i:06d}", "query": to_script.transliterate(latin) if to_script else latin,
                      "lang": lang or None})
    return names


def _rss_mb() -> float:
    """Peak RSS of this process. (Not of the reading processes: getrusage counts in a
    child's peak the parent's pages it was forked with, before it started Python.)"""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(shared: Path, db: Path, n_aliases: int, queries_path: Path) -> dict:
    """Generate and build the synthetic gazetteer (data, then the stored name index)."""
    started = time.perf_counter()
    gaz, queries = synthetic_gazetteer(shared, n_aliases)
    generated = time.perf_counter() - started
    write_atomically(db, gaz, {"source": f"synthetic {n_aliases} aliases, seed {SEED}"})
    queries_path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in queries),
                            encoding="utf-8")
    return {"persons": len(gaz.persons), "aliases": sum(len(p.names) for p in gaz.persons.values()),
            "generate_s": round(generated, 1), "build_s": round(time.perf_counter() - started, 1),
            "db_mb": round(db.stat().st_size / 1e6), "build_rss_mb": round(_rss_mb())}


def query(db: Path, queries_path: Path) -> dict:
    """Open the gazetteer cold, answer the queries; time, memory and accuracy."""
    started = time.perf_counter()
    from ..engine import Engine  # imports count towards the cold start

    engine = Engine(db, warm=True)
    queries = [json.loads(line) for line in queries_path.open(encoding="utf-8")]
    engine.match(Query(queries[0]["query"], queries[0]["lang"] or None))
    cold = time.perf_counter() - started
    millis, right = [], 0
    for q in queries:
        t = time.perf_counter()
        answer = engine.match(Query(q["query"], q["lang"] or None))
        millis.append((time.perf_counter() - t) * 1000)
        first = answer.result.candidates[0] if answer.result.candidates else None
        # A namesake (same generated name) cannot be told apart: it counts as right.
        right += first is not None and (first.person_id == q["expected"] or first.name == q["name"])
    millis.sort()
    pct = lambda p: round(millis[min(int(len(millis) * p), len(millis) - 1)], 2)  # noqa: E731
    return {"cold_start_s": round(cold, 2), "p50_ms": pct(0.5), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "top1": round(right / len(queries), 3), "queries": len(queries), "rss_mb": round(_rss_mb())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rollcall.service.lab.scale", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    b = sub.add_parser("build")
    b.add_argument("--shared", type=Path, required=True)
    b.add_argument("--aliases", type=int, default=1_000_000)
    for p in (b, sub.add_parser("query")):
        p.add_argument("--db", type=Path, required=True)
        p.add_argument("--queries", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.step == "build":
        result = build(args.shared, args.db, args.aliases, args.queries)
    else:
        result = query(args.db, args.queries)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
