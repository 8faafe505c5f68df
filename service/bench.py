"""`make bench`: speed and memory on this machine (a benchmark, not a test).

Prints, in one run: single-name latency in process and through gRPC on loopback for the
9.6k-person and the 16k-person public gazetteers, the same queries through a plain ICU +
rapidfuzz WRatio scan over all aliases (the reference ratio), batch throughput (MatchNames,
`rollcall match` on one and on two cores), cold start to the first answer, RSS, and article
reconciliation times for the seed articles.
"""

from __future__ import annotations

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

import grpc
import icu
from rapidfuzz import fuzz, process

from gazetteer import build_curated, import_file
from resolvers import Query

from ._pb.rollcall.v1 import rollcall_pb2 as pb
from ._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from .engine import Engine

__all__ = ["run_bench"]

ROLLCALL = str(Path(sys.executable).parent / "rollcall")


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(int(len(values) * q), len(values) - 1)]


def _line(label: str, millis: list[float]) -> str:
    return (f"{label:<44} p50 {_pct(millis, 0.5):7.2f} ms  p95 {_pct(millis, 0.95):7.2f} ms"
            f"  p99 {_pct(millis, 0.99):7.2f} ms  (n={len(millis)})")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reference_scan(engine: Engine, queries: list[dict]) -> list[float]:
    """The baseline: ICU Any-Latin + rapidfuzz WRatio over every alias."""
    translit = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII; Lower")
    choices = [translit.transliterate(a.record.name) for a in engine.index.aliases]
    millis = []
    for q in queries:
        started = time.perf_counter()
        process.extract(translit.transliterate(q["query"]), choices, scorer=fuzz.WRatio, limit=5)
        millis.append((time.perf_counter() - started) * 1000)
    return millis


def _serve(db: Path) -> tuple[subprocess.Popen, int, float]:
    started = time.perf_counter()
    proc = subprocess.Popen([ROLLCALL, "serve", "--port", "0", "--db", str(db)],
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "ROLLCALL_RELOAD_INTERVAL": "0"})
    assert proc.stderr is not None
    for line in proc.stderr:
        if m := re.search(r"serving on [\d.]+:(\d+)", line):
            return proc, int(m.group(1)), time.perf_counter() - started
    raise RuntimeError("server did not start")


def _grpc_latency(port: int, queries: list[dict]) -> tuple[list[float], float, float]:
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = pb_grpc.ReconcilerStub(channel)
        stub.MatchName(pb.MatchNameRequest(name="warm up"), timeout=30)
        millis = []
        for q in queries:
            started = time.perf_counter()
            stub.MatchName(pb.MatchNameRequest(name=q["query"], language=q.get("lang") or ""), timeout=30)
            millis.append((time.perf_counter() - started) * 1000)
        batch = pb.MatchNamesRequest(requests=[pb.MatchNameRequest(name=q["query"], language=q.get("lang") or "")
                                               for q in queries])
        started = time.perf_counter()
        stub.MatchNames(batch, timeout=600)
        batch_rate = len(queries) / (time.perf_counter() - started)
        started = time.perf_counter()
        stub.MatchName(pb.MatchNameRequest(name="Sergej Lawrow", language="de"), timeout=30)
        first = time.perf_counter() - started
    return millis, batch_rate, first


def _match_rate(db: Path, lines: list[str], workers: int) -> float:
    """Names per second through `rollcall match`, the input split over `workers` processes."""
    chunks = [lines[i::workers] for i in range(workers)]
    started = time.perf_counter()
    procs = [subprocess.Popen([ROLLCALL, "match", "--db", str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL) for _ in chunks]
    for proc, chunk in zip(procs, chunks):
        assert proc.stdin is not None
        proc.stdin.write(("\n".join(chunk) + "\n").encode())
        proc.stdin.close()
    for proc in procs:
        proc.wait()
    return len(lines) / (time.perf_counter() - started)


def _gazetteer_bench(label: str, db: Path, queries: list[dict], out: TextIO) -> None:
    started = time.perf_counter()
    engine = Engine(db)
    load = time.perf_counter() - started
    out.write(f"\n== {label}: {len(engine.index.persons)} persons, {len(engine.index)} aliases; "
              f"index built in {load:.2f}s, RSS {_rss_mb():.0f} MB after load\n")
    engine.match(Query("warm up"))
    millis = []
    for q in queries:
        t = time.perf_counter()
        engine.match(Query(q["query"], q.get("lang") or None))
        millis.append((time.perf_counter() - t) * 1000)
    out.write(_line("rollcall in process", millis) + "\n")
    ref = _reference_scan(engine, queries)
    out.write(_line("reference: ICU Any-Latin + WRatio scan", ref) + "\n")
    out.write(f"{'':<44} rollcall p50 / reference p50 = {_pct(millis, .5) / _pct(ref, .5):.2f}\n")
    proc, port, _ = _serve(db)
    try:
        grpc_ms, batch_rate, _ = _grpc_latency(port, queries)
    finally:
        proc.terminate()
        proc.wait()
    out.write(_line("rollcall through gRPC (loopback)", grpc_ms) + "\n")
    out.write(f"{'MatchNames batch':<44} {batch_rate:7.0f} names/s\n")
    lines = [json.dumps({"id": str(i), "query": q["query"], "lang": q.get("lang")}, ensure_ascii=False)
             for i, q in enumerate(queries)]
    for workers in (1, 2):
        out.write(f"{f'rollcall match, {workers} process(es)':<44} {_match_rate(db, lines, workers):7.0f} names/s "
                  "(start-up included)\n")
    engine.close()


def run_bench(shared: Path, out: TextIO, n_queries: int = 600) -> None:
    queries = [json.loads(line) for line in (shared / "eval" / "names-dev.jsonl").open(encoding="utf-8")][:n_queries]
    with tempfile.TemporaryDirectory() as tmp:
        out.write(f"machine: {os.cpu_count()} cores; {n_queries} dev queries per measurement\n")
        for label, popolo in (("everypolitician-2015", shared / "data" / "everypolitician-2015" / "gazetteer.popolo.json"),
                              ("officials-2022", shared / "data" / "officials-2022" / "officials.popolo.json")):
            db = Path(tmp) / f"{label}.db"
            import_file(db, popolo)
            _gazetteer_bench(label, db, queries, out)
        curated = Path(tmp) / "curated.db"
        build_curated(curated)
        proc, port, ready = _serve(curated)
        try:
            _, _, first = _grpc_latency(port, queries[:5])
        finally:
            proc.terminate()
            proc.wait()
        out.write(f"\n== cold start (curated gazetteer): process start to serving {ready:.2f}s, "
                  f"to first answer {ready + first:.2f}s\n")
        engine = Engine(curated)
        engine.documents  # noqa: B018 - compile the vocabulary before timing
        attendees = [json.loads(line) for line in (shared / "eval" / "attendees-dev.jsonl").open(encoding="utf-8")]
        out.write("== articles (curated gazetteer, vocabulary compiled)\n")
        for article in attendees:
            text = (shared / "seeds" / article["file"]).read_text(encoding="utf-8")
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                engine.reconcile_document(text, article["lang"], article["date"])
                runs.append((time.perf_counter() - t) * 1000)
            out.write(f"  {article['file']:<28} {len(text.encode()):6d} bytes  first {runs[0]:6.1f} ms, "
                      f"repeat median {statistics.median(runs[1:]):6.1f} ms\n")
        out.write(f"\npeak RSS of the benchmark process: {_rss_mb():.0f} MB\n")
        out.write("not measured here: the 1,000,000-alias synthetic scale run (issue 6)\n")
