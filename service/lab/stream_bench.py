"""`make bench`'s stream section: the same 100,000 names through one MatchStream (a name a
message), through one MatchBatchStream (100 names a message) and through MatchNames batches
of 10,000 (the largest a server takes), each on a fresh server over one connection: names per
second, the ratio of each stream to the batches, and the server's resident memory when the
names start, at each quarter and at the end. A last stream of empty names (each answered with
its error, nothing matched) measures what the stream itself costs per message, and the same
messages through a server of gRPC alone that echoes them (echo_stream.py) what gRPC's
Python server costs per message whatever the handler does: the floor under the first.

The three are run in turn, ROUNDS times, and each ratio is the median of the rounds': on this
shared machine one pair of runs gave anything from 0.77 to 0.93, as the machine's speed
drifted between them.

On a machine of two cores or more, the server runs on one core and this client on another:
a pipeline's client runs elsewhere, and on shared cores the Python client's threads preempt
the server's, which made the ratio swing between 0.6 and 0.9 from run to run.

The names are generated reproducibly as the scale run generates its gazetteer (scale.py):
real given and family names recombined with a fixed seed, a quarter each in Latin, Cyrillic,
Arabic and Katakana script, so that nearly every name is new to the server's caches.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import grpc

from .._pb.rollcall.v1 import rollcall_pb2 as pb
from .._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from .echo_stream import ECHO_METHOD
from .scale import SEED, synthetic_names
from .serving import rss_mb, serve_process, start_serving

__all__ = ["stream_names", "stream_bench"]

BATCH = 10_000  # Settings.max_batch
STREAMED_BATCH = 100  # names in each MatchBatchStream message
ROUNDS = 3


def stream_names(shared: Path, n: int) -> list[tuple[str, str]]:
    """`n` generated names with their language hint, the same for the same `n` (the batch
    section's names: scale.synthetic_names)."""
    return [(q["query"], q["lang"] or "") for q in synthetic_names(shared, n)]


@dataclass(frozen=True)
class _Run:
    seconds: float
    rss_mb: tuple[float, ...]  # when the names start, after each quarter of them

    def memory(self) -> str:
        return " → ".join(f"{mb:.0f}" for mb in self.rss_mb) + " MB"


class _Quarters:
    """The server's resident memory at the start and as each quarter of `n` names is answered."""

    def __init__(self, pid: int, n: int):
        self._pid, self._n = pid, n
        self.samples = [rss_mb(pid)]

    def answered(self, done: int, before: int | None = None) -> None:
        """`done` names answered (`before` the previous count, for answers that come in batches)."""
        previous = done - 1 if before is None else before
        for quarter in range(1, 5):
            if previous < quarter * self._n // 4 <= done:
                self.samples.append(rss_mb(self._pid))


def _request(i: int, name: str, lang: str) -> pb.MatchNameRequest:
    return pb.MatchNameRequest(name=name, language=lang, client_id=str(i))


def _check(reply: pb.MatchNameResponse, i: int, error: str = "") -> None:
    # A wrong or failed answer must not pass for a fast one.
    if reply.client_id != str(i) or reply.error != error:
        raise RuntimeError(f"answer {i}: client_id {reply.client_id!r}, error {reply.error!r}")


def _cores() -> tuple[set[int], set[int]] | None:
    """A core for the server and another for this client, if there are two."""
    cpus = sorted(os.sched_getaffinity(0))
    return ({cpus[0]}, {cpus[1]}) if len(cpus) >= 2 else None


@contextmanager
def _client_on(cpus: set[int] | None) -> Iterator[None]:
    """Every thread of this process (grpc's included) on `cpus` for the block."""
    threads = [int(tid) for tid in os.listdir("/proc/self/task")] if cpus else []
    before: dict[int, set[int]] = {}
    for tid in threads:
        try:
            before[tid] = os.sched_getaffinity(tid)
            os.sched_setaffinity(tid, cpus or set())
        except ProcessLookupError:  # a thread of grpc's that ended since it was listed
            before.pop(tid, None)
    try:
        yield
    finally:
        for tid, mask in before.items():
            try:
                os.sched_setaffinity(tid, mask)
            except ProcessLookupError:  # a thread of grpc's that has ended
                pass


def _through_stream(stub: pb_grpc.ReconcilerStub, pid: int, names: list[tuple[str, str]],
                    error: str = "") -> _Run:
    def requests() -> Iterator[pb.MatchNameRequest]:
        for i, (name, lang) in enumerate(names):
            yield _request(i, name, lang)

    memory = _Quarters(pid, len(names))
    started = time.perf_counter()
    count = 0
    for count, reply in enumerate(stub.MatchStream(requests(), timeout=3600), 1):
        _check(reply, count - 1, error)
        memory.answered(count)
    seconds = time.perf_counter() - started
    if count != len(names):
        raise RuntimeError(f"MatchStream answered {count} of {len(names)} names")
    return _Run(seconds, tuple(memory.samples))


def _through_batches(stub: pb_grpc.ReconcilerStub, pid: int, names: list[tuple[str, str]]) -> _Run:
    memory = _Quarters(pid, len(names))
    started = time.perf_counter()
    for first in range(0, len(names), BATCH):
        chunk = names[first:first + BATCH]
        batch = pb.MatchNamesRequest(requests=[_request(first + i, n, lang) for i, (n, lang) in enumerate(chunk)])
        for i, reply in enumerate(stub.MatchNames(batch, timeout=3600).responses):
            _check(reply, first + i)
        memory.answered(first + len(chunk), before=first)
    return _Run(time.perf_counter() - started, tuple(memory.samples))


def _through_batch_stream(stub: pb_grpc.ReconcilerStub, pid: int, names: list[tuple[str, str]]) -> _Run:
    def requests() -> Iterator[pb.MatchNamesRequest]:
        for first in range(0, len(names), STREAMED_BATCH):
            chunk = names[first:first + STREAMED_BATCH]
            yield pb.MatchNamesRequest(requests=[_request(first + i, n, lang) for i, (n, lang) in enumerate(chunk)])

    memory = _Quarters(pid, len(names))
    started, done = time.perf_counter(), 0
    for answer in stub.MatchBatchStream(requests(), timeout=3600):
        for i, reply in enumerate(answer.responses, done):
            _check(reply, i)
        memory.answered(done + len(answer.responses), before=done)
        done += len(answer.responses)
    seconds = time.perf_counter() - started
    if done != len(names):
        raise RuntimeError(f"MatchBatchStream answered {done} of {len(names)} names")
    return _Run(seconds, tuple(memory.samples))


def _on_fresh_server(db: Path, run: Callable[[pb_grpc.ReconcilerStub, int], _Run]) -> _Run:
    cores = _cores()
    proc, port, _ = serve_process(db, cpus=cores[0] if cores else None)
    try:
        # The answers to 10,000 names are about 12 MB, past a client's default 4 MiB.
        options = [("grpc.max_receive_message_length", 64 * 1024 * 1024)]
        with grpc.insecure_channel(f"127.0.0.1:{port}", options=options) as channel:
            stub = pb_grpc.ReconcilerStub(channel)
            stub.MatchName(pb.MatchNameRequest(name="warm up"), timeout=60, wait_for_ready=True)
            with _client_on(cores[1] if cores else None):
                return run(stub, proc.pid)
    finally:
        proc.terminate()
        proc.wait()


def _echo_seconds(messages: list[bytes]) -> float:
    """Seconds to stream `messages` through a bare gRPC echo server (echo_stream.py), placed
    as the rollcall server is: the floor under any stream's cost per message."""
    cores = _cores()
    proc, port, _ = start_serving([sys.executable, "-m", "rollcall.service.lab.echo_stream"],
                                  cores[0] if cores else None)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            grpc.channel_ready_future(channel).result(timeout=60)
            echo = channel.stream_stream(ECHO_METHOD)
            with _client_on(cores[1] if cores else None):
                started = time.perf_counter()
                answered = sum(1 for _ in echo(iter(messages), timeout=3600))
                seconds = time.perf_counter() - started
        if answered != len(messages):
            raise RuntimeError(f"the echo stream answered {answered} of {len(messages)} messages")
        return seconds
    finally:
        proc.terminate()
        proc.wait()


def stream_bench(db: Path, shared: Path, n: int, out: TextIO, rounds: int = ROUNDS) -> None:
    names = stream_names(shared, n)
    cores = _cores()
    placement = (f"server on core {min(cores[0])}, client on core {min(cores[1])}" if cores
                 else "server and client on one core")
    out.write(f"\n== {n:,} generated names (4 scripts, seed {SEED}) on {db.stem}, "
              f"one connection, a fresh server each, {placement}; names/s and server RSS at the start "
              f"and after each quarter of the names\n")
    ratios: dict[str, list[float]] = {"MatchStream": [], "MatchBatchStream": []}
    for round_ in range(1, rounds + 1):
        stream = _on_fresh_server(db, lambda stub, pid: _through_stream(stub, pid, names))
        batch_stream = _on_fresh_server(db, lambda stub, pid: _through_batch_stream(stub, pid, names))
        batches = _on_fresh_server(db, lambda stub, pid: _through_batches(stub, pid, names))
        ratios["MatchStream"].append(batches.seconds / stream.seconds)
        ratios["MatchBatchStream"].append(batches.seconds / batch_stream.seconds)
        out.write(f"  round {round_}: MatchStream {n / stream.seconds:5.0f} names/s, {stream.memory()}; "
                  f"MatchBatchStream ({STREAMED_BATCH} names a message) {n / batch_stream.seconds:5.0f} names/s, "
                  f"{batch_stream.memory()}; "
                  f"MatchNames (batches of {BATCH:,}) {n / batches.seconds:5.0f} names/s, {batches.memory()}; "
                  f"ratios {ratios['MatchStream'][-1]:.2f}, {ratios['MatchBatchStream'][-1]:.2f}\n")
        out.flush()
    for method, of_rounds in ratios.items():
        out.write(f"  {method} / MatchNames throughput: median {statistics.median(of_rounds):.2f} of {rounds} "
                  f"rounds ({min(of_rounds):.2f}-{max(of_rounds):.2f})\n")
    empty = _on_fresh_server(db, lambda stub, pid: _through_stream(stub, pid, [("", "")] * n, "name is empty"))
    per_message = empty.seconds / n
    out.write(f"  MatchStream of empty names (nothing matched): {n / empty.seconds:.0f} messages/s, "
              f"{per_message * 1e6:.0f} us a message\n")
    echo = _echo_seconds([_request(i, "", "").SerializeToString() for i in range(n)])
    out.write(f"  gRPC alone, a server that echoes the same messages (no rollcall code): {n / echo:.0f} messages/s, "
              f"{echo / n * 1e6:.0f} us a message\n")
