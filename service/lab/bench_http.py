"""The Reconciliation API's speed through a real server on loopback (a `make bench`
section): single-name queries one at a time (as a client reconciling cell by cell), a
1,000-name batch (the API's largest), and entity suggest as a user types.

One keep-alive connection, as OpenRefine holds one; the server is `rollcall serve`, gRPC and
HTTP in one process, exactly as `make run` starts it.
"""

from __future__ import annotations

import http.client
import json
import socket
import statistics
import time
import urllib.parse
from pathlib import Path
from typing import Any, TextIO

from .serving import serve_process

__all__ = ["http_bench"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post(conn: http.client.HTTPConnection, path: str, form: dict[str, str]) -> Any:
    conn.request("POST", path, urllib.parse.urlencode(form), {"Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}: {body[:200]!r}")
    return json.loads(body)


def _get(conn: http.client.HTTPConnection, path: str, params: dict[str, str]) -> Any:
    conn.request("GET", f"{path}?{urllib.parse.urlencode(params)}")
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}: {body[:200]!r}")
    return json.loads(body)


def _query(q: dict) -> dict[str, Any]:
    return {"query": q["query"]} | ({"properties": [{"pid": "language", "v": q["lang"]}]} if q.get("lang") else {})


def _timed(calls: list[Any], run: Any) -> list[float]:
    millis = []
    for call in calls:
        started = time.perf_counter()
        run(call)
        millis.append((time.perf_counter() - started) * 1000)
    return millis


def _summary(label: str, millis: list[float]) -> str:
    cut = sorted(millis)
    return (f"{label:<44} p50 {statistics.median(cut):6.2f} ms  p95 {cut[int(len(cut) * .95)]:6.2f} ms  "
            f"({len(cut)} requests)")


def http_bench(db: Path, queries: list[dict], batch_queries: list[dict], out: TextIO) -> None:
    """`queries` one at a time (two passes), `batch_queries` (1,000) as one batch, three
    times; suggest for the first 3 and 5 letters of each query's name."""
    port = _free_port()
    proc, _, _ = serve_process(db, http_port=port)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        _post(conn, "/reconcile", {"queries": json.dumps({"q": {"query": "warm up"}})})
        out.write("\n== Reconciliation API over HTTP (curated gazetteer; one keep-alive connection)\n")
        for label in ("single-name queries, first pass", "single-name queries, second pass"):
            millis = _timed(queries, lambda q: _post(conn, "/reconcile",
                                                     {"queries": json.dumps({"q0": _query(q)}, ensure_ascii=False)}))
            out.write(_summary(label, millis) + "\n")
        batch = json.dumps({f"q{i}": _query(q) for i, q in enumerate(batch_queries)}, ensure_ascii=False)
        runs = _timed([batch] * 3, lambda b: _post(conn, "/reconcile", {"queries": b}))
        seconds = statistics.median(runs) / 1000
        out.write(f"{f'a batch of {len(batch_queries)} names (median of 3)':<44} {seconds:.2f} s, "
                  f"{len(batch_queries) / seconds:.0f} names/s\n")
        for letters in (3, 5):
            prefixes = [q["query"][:letters] for q in queries]
            millis = _timed(prefixes, lambda p: _get(conn, "/reconcile/suggest/entity", {"prefix": p}))
            out.write(_summary(f"suggest, first {letters} letters typed", millis) + "\n")
        conn.close()
    finally:
        proc.terminate()
        proc.wait()
