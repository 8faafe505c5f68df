"""`make fuzz`, the HTTP half: hostile inputs through the real Reconciliation API (0.2 and
1.0-draft: batches, suggest, extension, preview); any status but 200, 400, 404 and 413, or a
dead server, is a failure. The inputs are fuzz.py's, from the same seed."""

from __future__ import annotations

import http.client
import json
import random
import sys
import time
import urllib.parse
from collections import Counter
from typing import TextIO

from .fuzz import hostile_inputs, report

__all__ = ["run_http_fuzz"]

_FINE = {200, 400, 404, 413}


def _requests(name: str, lang: str, date: str, limit: int, rng: random.Random) -> tuple[str, str, bytes, str]:
    """One request (method, path, body, content type) built from a hostile input."""
    props = [{"pid": "language", "v": lang}, {"pid": "P585", "v": date}, {"pid": "P27", "v": name[:3]}]
    form = "application/x-www-form-urlencoded"
    kind = rng.randrange(8)
    if kind == 0:
        batch = {"q0": {"query": name, "limit": limit, "properties": props[: rng.randint(0, 3)] or [props[0]]}}
        return "POST", "/reconcile", urllib.parse.urlencode({"queries": json.dumps(batch)}).encode(), form
    if kind == 1:  # a batch cut short, or bytes that are no UTF-8
        text = json.dumps({"q0": {"query": name}})[: rng.randint(0, 30)].encode() + rng.randbytes(rng.randint(0, 8))
        return "POST", "/reconcile", b"queries=" + urllib.parse.quote_from_bytes(text).encode(), form
    if kind == 2:
        return "GET", "/reconcile/suggest/entity?" + urllib.parse.urlencode(
            {"prefix": name, "lang": lang, "cursor": str(limit)}), b"", form
    if kind == 3:
        query = {"ids": [name, "Q58217"], "properties": [{"id": "P39", "settings": {"date": date}},
                                                          {"id": "names", "settings": {"lang": lang, "limit": limit}}]}
        return "POST", "/reconcile", urllib.parse.urlencode({"extend": json.dumps(query)}).encode(), form
    if kind == 4:
        body = {"queries": [{"conditions": [{"matchType": "name", "propertyValue": name},
                                            {"matchType": "property", "propertyId": "P585", "propertyValue": date}],
                             "lang": lang, "limit": limit}]}
        return "POST", "/match", json.dumps(body).encode(), "application/json"
    if kind == 5:
        return "GET", "/preview?" + urllib.parse.urlencode({"id": name}), b"", form
    if kind == 6:
        return "POST", "/extend", name.encode("utf-8", "surrogatepass"), "application/json"
    return "POST", "/reconcile", rng.randbytes(rng.randint(0, 64)), rng.choice((form, "multipart/form-data; boundary=b"))


def run_http_fuzz(host: str, port: int, n: int, seed: int, out: TextIO) -> int:
    statuses: Counter[int] = Counter()
    bad: list[str] = []
    rng = random.Random(seed)
    started = time.perf_counter()
    conn = http.client.HTTPConnection(host, port, timeout=30)
    for i, (name, lang, date, limit) in enumerate(hostile_inputs(seed)):
        if i >= n:
            break
        method, path, body, content_type = _requests(name, lang, date, limit, rng)
        try:
            conn.request(method, path, body=body or None, headers={"Content-Type": content_type})
            response = conn.getresponse()
            answer = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as err:
            bad.append(f"#{i} {method} {path[:60]!r}: {err!r}")
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
            continue
        statuses[status] += 1
        if status not in _FINE or (status != 200 and b'"error"' not in answer):
            bad.append(f"#{i} {method} {path[:60]!r} -> {status}: {answer[:120]!r}")
    conn.close()
    return report(out, f"{n} hostile HTTP requests", seed, time.perf_counter() - started, statuses, bad)


if __name__ == "__main__":
    sys.exit(run_http_fuzz(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.stdout))
