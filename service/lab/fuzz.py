"""`make fuzz`: hostile inputs through the real gRPC API; any INTERNAL or UNKNOWN status, or a
dead server, is a failure. Inputs are generated from a seed, so a failure can be replayed."""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from typing import TextIO

import grpc

from .._pb.rollcall.v1 import rollcall_pb2 as pb
from .._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc

__all__ = ["hostile_inputs", "report", "run_fuzz"]

_PIECES = (
    "Sergej Lawrow", "Лавров", "سراج الدین", "拉夫罗夫", "ラブロフ", "라브로프", "Σεργκέι", "סרגיי",
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\ufeff", "\u00ad",
    "\u0301" * 50, "\u0651\u064e" * 20, "ـــ", "\x00", "\x07", "\x1b[31m", "\ud7ff", "\U0010ffff",
    "🙂", "👨‍👩‍👧", "Ａｂｃ", "ǅ", "ß", "İ", "ﷺ", "𝔏𝔞𝔳𝔯𝔬𝔳", "\n\t\r", "%s%n", "'; drop table persons;--",
    "(", ")", ",", "Baron", "of", "  ", "\u3000",
)
_DATES = ("", "2024-05-21", "2024-02-30", "2024-13-01", "24-05-21", "2024/05/21", "yesterday", "0000-00-00",
          "9999-12-31", "2024-05", "\u0662\u0660\u0662\u0664-05-21", "2024-05-21T00:00:00Z")


def hostile_inputs(seed: int) -> Iterator[tuple[str, str, str, int]]:
    """(name, language, date, limit) without end."""
    rng = random.Random(seed)
    while True:
        kind = rng.random()
        if kind < 0.6:
            name = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8)))
        elif kind < 0.8:
            name = "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 40)))
            name = name.encode("utf-8", "replace").decode("utf-8", "replace")
        elif kind < 0.9:
            name = rng.choice(_PIECES) * rng.randint(50, 400)
        else:
            name = rng.choice(_PIECES)
        lang = rng.choice(("", "de", "fa", "zh", "xx-YY-bad", "\u202e", "ru-Latn", "a" * 300))
        yield name, lang, rng.choice(_DATES), rng.choice((0, 1, 5, 50, 51, -1, 10**6))


def run_fuzz(target: str, n: int, seed: int, out: TextIO) -> int:
    statuses: Counter[str] = Counter()
    bad: list[str] = []
    started = time.perf_counter()
    with grpc.insecure_channel(target) as channel:
        stub = pb_grpc.ReconcilerStub(channel)
        raw = channel.unary_unary("/rollcall.v1.Reconciler/MatchName")
        for i, (name, lang, date, limit) in enumerate(hostile_inputs(seed)):
            if i >= n:
                break
            try:
                if i % 10 == 9:
                    stub.ReconcileDocument(pb.ReconcileDocumentRequest(text=name * 3, language=lang, date=date), timeout=30)
                elif i % 10 == 8:
                    raw(b"\x0a\x04\xff\xfe\xfd\xfc", timeout=30)  # invalid UTF-8 at the wire
                else:
                    stub.MatchName(pb.MatchNameRequest(name=name, language=lang, date=date, limit=limit), timeout=30)
                statuses["OK"] += 1
            except grpc.RpcError as err:
                code = err.code().name
                statuses[code] += 1
                if code in ("INTERNAL", "UNKNOWN", "UNAVAILABLE"):
                    bad.append(f"#{i} {code}: {name[:60]!r} lang={lang!r} date={date!r}: {err.details()}")
    return report(out, f"{n} hostile inputs", seed, time.perf_counter() - started, statuses, bad)


def report(out: TextIO, what: str, seed: int, seconds: float, statuses: Counter, bad: list[str]) -> int:
    """The run's statuses and its first failures; the exit status (1 if anything failed)."""
    out.write(f"{what} in {seconds:.0f}s (seed {seed}): "
              + ", ".join(f"{k} {v}" for k, v in statuses.most_common()) + "\n")
    for line in bad[:20]:
        out.write(f"  FAIL {line}\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(run_fuzz(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.stdout))
