"""`make bench`: speed and memory on this machine (a benchmark, not a test).

Prints, in one run: single-name latency in process and through gRPC on loopback for the
9.6k-person and the 16k-person public gazetteers (a first pass over the queries on an engine
opened as a server opens it, and a second pass), the same queries through a plain ICU +
rapidfuzz WRatio scan over all aliases (the reference ratio), batch throughput (MatchNames on
one and two server processes: a fresh server's first batch, the batch again, a batch of
names it has not seen; `rollcall match` in one and two processes), cold start to the first
answer and the server's RSS, the Reconciliation API over HTTP (bench_http.py), 100,000 names
through MatchStream, MatchBatchStream and MatchNames batches (service/lab/stream_bench.py), a batch of
100,000 synthetic names through `rollcall match` and `rollcall batch --workers 1|2`
(service/lab/batch_bench.py), the scale run on a synthetic gazetteer of a million aliases
(service/lab/scale.py), and article reconciliation times for the seed articles.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TextIO

import grpc
import icu
from rapidfuzz import fuzz, process

from rollcall.gazetteer import build_curated, import_file
from rollcall.resolvers import Query

from .._pb.rollcall.v1 import rollcall_pb2 as pb
from .._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from ..engine import Engine
from .batch_bench import run_batch_bench
from .bench_http import http_bench
from .serving import ROLLCALL, peak_rss_mb, serve_process
from .stream_bench import stream_bench

__all__ = ["run_bench"]


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(int(len(values) * q), len(values) - 1)]


def _line(label: str, millis: list[float]) -> str:
    return (f"{label:<44} p50 {_pct(millis, 0.5):7.2f} ms  p95 {_pct(millis, 0.95):7.2f} ms"
            f"  p99 {_pct(millis, 0.99):7.2f} ms  (n={len(millis)})")


def _reference_scan(engine: Engine, queries: list[dict]) -> list[float]:
    """The baseline: ICU Any-Latin + rapidfuzz WRatio over every alias."""
    translit = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII; Lower")
    choices = [translit.transliterate(a.name) for a in engine.index.data.records()]
    millis = []
    for q in queries:
        started = time.perf_counter()
        process.extract(translit.transliterate(q["query"]), choices, scorer=fuzz.WRatio, limit=5)
        millis.append((time.perf_counter() - started) * 1000)
    return millis


def _request(query: dict) -> pb.MatchNameRequest:
    return pb.MatchNameRequest(name=query["query"], language=query.get("lang") or "")


def _first_answer(port: int, query: dict) -> float:
    """Seconds to the first answer of a fresh server."""
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        started = time.perf_counter()
        pb_grpc.ReconcilerStub(channel).MatchName(_request(query), timeout=60, wait_for_ready=True)
        return time.perf_counter() - started


def _grpc_latency(port: int, queries: list[dict]) -> list[list[float]]:
    """Two passes of single MatchName calls (cold caches, then warm)."""
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = pb_grpc.ReconcilerStub(channel)
        stub.MatchName(pb.MatchNameRequest(name="warm up"), timeout=30)
        passes = []
        for _ in range(2):
            millis = []
            for q in queries:
                started = time.perf_counter()
                stub.MatchName(_request(q), timeout=30)
                millis.append((time.perf_counter() - started) * 1000)
            passes.append(millis)
    return passes


def _batch_rate(port: int, queries: list[dict], connections: int) -> float:
    """Names per second through MatchNames, the queries split over `connections` concurrent
    calls on separate connections (so that several server processes share the work)."""
    failures: list[Exception] = []

    def call(part: list[dict]) -> None:
        options = [("grpc.use_local_subchannel_pool", 1)]
        with grpc.insecure_channel(f"127.0.0.1:{port}", options=options) as channel:
            try:
                pb_grpc.ReconcilerStub(channel).MatchNames(
                    pb.MatchNamesRequest(requests=[_request(q) for q in part]), timeout=600)
            except grpc.RpcError as err:  # a failed batch must not pass for a fast one
                failures.append(err)

    parts = [queries[i::connections] for i in range(connections)]
    threads = [threading.Thread(target=call, args=(part,)) for part in parts]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise RuntimeError(f"MatchNames failed during the benchmark: {failures[0]}")
    return len(queries) / (time.perf_counter() - started)


def _server_rates(db: Path, queries: list[dict], other_queries: list[dict], processes: int,
                  connections: int) -> tuple[float, float, float]:
    """MatchNames names/s on a fresh server: its first batch, the same batch again, then a
    batch of names it has not seen (a running server's usual case: its caches hold what
    earlier names touched, not these names)."""
    proc, port, _ = serve_process(db, processes)
    try:
        _first_answer(port, queries[0])
        first = _batch_rate(port, queries, connections)
        again = _batch_rate(port, queries, connections)
        new = _batch_rate(port, other_queries, connections)
    finally:
        proc.terminate()
        proc.wait()
    return first, again, new


def _match_seconds(db: Path, lines: list[str], workers: int) -> float:
    """Seconds `rollcall match` takes for `lines`, split over `workers` processes."""
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
    return time.perf_counter() - started


def _gazetteer_bench(label: str, popolo: Path, db: Path, queries: list[dict], other_queries: list[dict],
                     out: TextIO) -> None:
    started = time.perf_counter()
    import_file(db, popolo)
    built = time.perf_counter() - started
    started = time.perf_counter()
    engine = Engine(db, warm=True)
    load = time.perf_counter() - started
    out.write(f"\n== {label}: {len(engine.index.persons)} persons, {len(engine.index)} aliases; "
              f"built (data + name index) in {built:.1f}s, {db.stat().st_size / 1e6:.0f} MB on disk; "
              f"opened in {load:.2f}s\n")
    engine.match(Query("warm up"))
    for pass_label in ("in process, first pass (fresh server engine)", "in process, second pass"):
        millis = []
        for q in queries:
            t = time.perf_counter()
            engine.match(Query(q["query"], q.get("lang") or None))
            millis.append((time.perf_counter() - t) * 1000)
        out.write(_line(pass_label, millis) + "\n")
    ref = _reference_scan(engine, queries)
    out.write(_line("reference: ICU Any-Latin + WRatio scan", ref) + "\n")
    out.write(f"{'':<44} rollcall second-pass p50 / reference p50 = {_pct(millis, .5) / _pct(ref, .5):.2f}\n")
    engine.close()
    proc, port, ready = serve_process(db)
    try:
        first = _first_answer(port, queries[0])
        passes = _grpc_latency(port, queries)
        rss = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait()
    out.write(_line("gRPC loopback, first pass", passes[0]) + "\n")
    out.write(_line("gRPC loopback, second pass", passes[1]) + "\n")
    for processes, connections in ((1, 1), (2, 8)):
        rates = [_server_rates(db, queries, other_queries, processes, connections) for _ in range(3)]
        first_batch, again, new = (statistics.median(r[k] for r in rates) for k in range(3))
        label = f"MatchNames, {processes} server process(es), {connections} conn."
        out.write(f"{label:<44} {first_batch:7.0f} names/s first batch, {again:7.0f} again, "
                  f"{new:7.0f} new names (medians of 3 servers)\n")
    # A batch job's input: both sets of names. Start-up (imports, reading the gazetteer,
    # compiling the transliterators) is timed on its own too.
    batch = queries + other_queries
    lines = [json.dumps({"id": str(i), "query": q["query"], "lang": q.get("lang")}, ensure_ascii=False)
             for i, q in enumerate(batch)]
    startup = statistics.median(_match_seconds(db, [], 1) for _ in range(3))
    for workers in (1, 2):
        seconds = _match_seconds(db, lines, workers)
        out.write(f"{f'rollcall match, {workers} process(es)':<44} {len(lines) / seconds:7.0f} names/s over "
                  f"{len(lines)} names, start-up included; {len(lines) / max(seconds - startup, 1e-9):7.0f} "
                  f"after start-up ({startup:.2f}s)\n")
    out.write(f"{'server: start to serving / to first answer':<44} {ready:.2f}s / {ready + first:.2f}s; "
              f"peak RSS {rss:.0f} MB\n")


def _only_stream(shared: Path, n: int, out: TextIO) -> None:
    """The stream section alone (`rollcall bench --only-stream`), on the gazetteer it uses."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "officials-2022.db"
        import_file(db, shared / "data" / "officials-2022" / "officials.popolo.json")
        stream_bench(db, shared, n, out)


def _dev_articles_bench(engine: Engine, shared: Path, out: TextIO) -> None:
    """The real development articles (about 2 KB each, 18 languages), each read as if new:
    the reader's caches (names matched, words read) are emptied before each. The first pass
    also loads each language's word list (wordfreq) on its first article; the second is the
    steady state."""
    articles = [json.loads(line) for line in (shared / "eval" / "articles-dev.jsonl").open(encoding="utf-8")]
    reconciler = engine.documents
    out.write(f"== dev articles ({len(articles)} real articles, ms per 2 KB of UTF-8; caches emptied "
              f"before each)\n")
    for label in ("first pass (word lists load on a language's first article)", "steady state"):
        per_2kb = []
        for article in articles:
            reconciler.clear_cache()
            t = time.perf_counter()
            engine.reconcile_document(article["text"], article["lang"], article["date"])
            per_2kb.append((time.perf_counter() - t) * 1000 * 2048 / len(article["text"].encode()))
        per_2kb.sort()
        out.write(f"  {label}: median {statistics.median(per_2kb):6.1f} ms, "
                  f"p90 {per_2kb[int(0.9 * (len(per_2kb) - 1))]:6.1f} ms, max {per_2kb[-1]:6.1f} ms\n")


def _scale_bench(shared: Path, tmp: Path, n_aliases: int, out: TextIO) -> None:
    """The synthetic million-alias gazetteer: each step in its own process (service/lab/scale.py)."""
    db, queries = tmp / "scale.db", tmp / "scale-queries.jsonl"
    step = [sys.executable, "-m", "rollcall.service.lab.scale"]
    built = json.loads(subprocess.run(
        [*step, "build", "--shared", str(shared), "--aliases", str(n_aliases), "--db", str(db),
         "--queries", str(queries)], check=True, capture_output=True, text=True).stdout)
    served = json.loads(subprocess.run([*step, "query", "--db", str(db), "--queries", str(queries)],
                                       check=True, capture_output=True, text=True).stdout)
    proc, port, ready = serve_process(db)
    try:
        first = _first_answer(port, json.loads(queries.open(encoding="utf-8").readline()))
        rss = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait()
    out.write(f"\n== scale: synthetic gazetteer, {built['aliases']:,} aliases of {built['persons']:,} persons "
              "(real given and family names recombined, 4 scripts)\n")
    out.write(f"  build: {built['build_s']}s (generation {built['generate_s']}s), peak RSS {built['build_rss_mb']} MB; "
              f"database with name index {built['db_mb']} MB on disk\n")
    out.write(f"  {served['queries']} queries (Katakana readings, one-letter misspellings): p50 {served['p50_ms']} ms, "
              f"p95 {served['p95_ms']} ms, p99 {served['p99_ms']} ms; top-1 {served['top1']}; "
              f"RSS of that process {served['rss_mb']} MB\n")
    out.write(f"  server: start to serving {ready:.2f}s, to first answer {ready + first:.2f}s; peak RSS {rss:.0f} MB\n")


def run_bench(shared: Path, out: TextIO, n_queries: int = 600, scale_aliases: int = 1_000_000,
              stream_names: int = 100_000, only_stream: bool = False, batch_names: int = 100_000) -> None:
    if only_stream:
        _only_stream(shared, stream_names, out)
        return
    names = [json.loads(line) for line in (shared / "eval" / "names-dev.jsonl").open(encoding="utf-8")]
    # The measured queries, and as many others for "new names" (no dev name is in both).
    queries, other_queries = names[:n_queries], names[n_queries : 2 * n_queries]
    with tempfile.TemporaryDirectory() as tmp:
        out.write(f"machine: {os.cpu_count()} cores; {n_queries} dev queries per measurement\n")
        for label, popolo in (("everypolitician-2015", shared / "data" / "everypolitician-2015" / "gazetteer.popolo.json"),
                              ("officials-2022", shared / "data" / "officials-2022" / "officials.popolo.json")):
            _gazetteer_bench(label, popolo, Path(tmp) / f"{label}.db", queries, other_queries, out)
            out.flush()
        if stream_names:
            stream_bench(Path(tmp) / "officials-2022.db", shared, stream_names, out)
        if batch_names:
            run_batch_bench(shared, Path(tmp) / "everypolitician-2015.db", batch_names, out, Path(tmp))
            out.flush()
        curated = Path(tmp) / "curated.db"
        build_curated(curated)
        proc, port, ready = serve_process(curated)
        try:
            first = _first_answer(port, queries[0])
        finally:
            proc.terminate()
            proc.wait()
        out.write(f"\n== cold start (curated gazetteer): process start to serving {ready:.2f}s, "
                  f"to first answer {ready + first:.2f}s\n")
        http_bench(curated, queries, (queries + other_queries)[:1000], out)
        out.flush()
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
        _dev_articles_bench(engine, shared, out)
        engine.close()
        out.flush()
        if scale_aliases:
            _scale_bench(shared, Path(tmp), scale_aliases, out)
