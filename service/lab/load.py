"""`make load`: concurrent clients for a fixed time against a real server, mixing
MatchName, MatchNames and ReconcileDocument; reports calls, errors and latency, and fails on
any error. Clients are processes, so that they do not share the server's interpreter.

With --swap-db, the gazetteer file the server watches is replaced every few seconds,
alternately by the curated gazetteer and by a variant that knows one more alias (a marker
name); every MatchNames batch asks for the marker first and last, and a batch whose two
answers differ was answered by two gazetteers: the swap was not atomic. Each swap waits
until the server answers with the gazetteer swapped in before and clients' batches have been
answered by it (a swap the server has not loaded yet would test nothing); with --min-swaps
the run goes on past its time until that many swaps were. The run fails on any non-atomic
batch, or when a swap is not picked up within --pickup-timeout seconds."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import grpc

from .._pb.rollcall.v1 import rollcall_pb2 as pb
from .._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc

__all__ = ["run_load"]

# The alias only the swapped-in variant knows, and whose it is there.
MARKER, MARKER_OWNER = "Zyxwvut Qponmlk", "Q58217"

_NAMES = ("Sergej Lawrow", "Сергей Лавров", "سراج الدین مهرالدین", "拉夫罗夫", "Tokajew", "Wang Yi",
          "Murat Nurtleu", "Japarow", "Muhammad Ishaq Dar", "Hossein Amirabdollahian", "Xi Jinping")


def _marker_answer(reply: pb.MatchNameResponse) -> str:
    return reply.candidates[0].id if reply.match and reply.candidates else ""


_BATCH_KINDS = ("with marker", "without", "mixed")


def _client(target: str, stop: Any, article: str, seed: int, queue: multiprocessing.Queue, live: Any,
            call_timeout: float) -> None:
    """Calls until `stop` is set; `live` counts the batches of each kind as they come back."""
    rng = random.Random(seed)
    latencies: dict[str, list[float]] = {"MatchName": [], "MatchNames": [], "ReconcileDocument": []}
    errors: list[str] = []
    batches: dict[str, int] = {kind: 0 for kind in _BATCH_KINDS}
    with grpc.insecure_channel(target) as channel:
        stub = pb_grpc.ReconcilerStub(channel)
        while not stop.is_set():
            kind = rng.choices(("MatchName", "MatchNames", "ReconcileDocument"), (0.7, 0.2, 0.1))[0]
            started = time.perf_counter()
            try:
                if kind == "MatchName":
                    stub.MatchName(pb.MatchNameRequest(name=rng.choice(_NAMES), date="2024-05-21"),
                                   timeout=call_timeout)
                elif kind == "MatchNames":
                    names = [pb.MatchNameRequest(name=n) for n in (MARKER, *rng.choices(_NAMES, k=8), MARKER)]
                    reply = stub.MatchNames(pb.MatchNamesRequest(requests=names), timeout=call_timeout)
                    first, last = _marker_answer(reply.responses[0]), _marker_answer(reply.responses[-1])
                    by = "mixed" if first != last else "with marker" if first == MARKER_OWNER else "without"
                    batches[by] += 1
                    with live.get_lock():
                        live[_BATCH_KINDS.index(by)] += 1
                else:
                    stub.ReconcileDocument(pb.ReconcileDocumentRequest(text=article, language="de",
                                                                       date="2024-07-04"), timeout=call_timeout)
            except grpc.RpcError as err:
                errors.append(f"{kind}: {err.code().name} {err.details()}")
                continue
            latencies[kind].append((time.perf_counter() - started) * 1000)
    queue.put((latencies, errors, batches))


def _variant_with_marker(folder: Path) -> Path:
    """The curated gazetteer plus the marker alias, built in `folder`."""
    from rollcall.gazetteer import DEFAULT_SOURCES, build_curated
    from rollcall.gazetteer.curate import Curator

    sources = folder / "data"
    shutil.copytree(DEFAULT_SOURCES, sources)
    Curator(sources).add_alias(MARKER_OWNER, MARKER, lang="en")
    build_curated(folder / "variant.db", sources)
    return folder / "variant.db"


class _Swapper(threading.Thread):
    """Replaces `served` by the other variant (copy beside it, rename) `every` seconds after
    the previous swap was picked up: once the server answers the marker name as the swapped-in
    gazetteer does, and once a client's batch has been answered by it. Sets `enough` when
    `min_swaps` swaps were picked up, or when one was not within `patience` seconds (a
    failure), or when the run stops."""

    def __init__(self, target: str, served: Path, variants: list[tuple[Path, str]], every: float,
                 patience: float, min_swaps: int, stop: Any, live: Any):
        super().__init__(name="swapper", daemon=True)
        self.target, self.served, self.variants, self.every = target, served, variants, every
        self.patience, self.min_swaps, self.stop, self.live = patience, min_swaps, stop, live
        self.swaps: list[float] = []  # seconds from each swap to its pickup
        self.failure = ""
        self.enough = threading.Event()
        if min_swaps <= 0:
            self.enough.set()

    def run(self) -> None:
        try:
            with grpc.insecure_channel(self.target) as channel:
                self._swap_until_stopped(pb_grpc.ReconcilerStub(channel))
        except Exception as err:  # noqa: BLE001 - reported as the run's failure
            self.failure = f"swapper: {type(err).__name__}: {err}"
        finally:
            self.enough.set()

    def _until(self, condition: Callable[[], bool], deadline: float) -> bool:
        """True once `condition()` holds; False if the run stops or `deadline` passes first."""
        while not condition():
            if self.stop.is_set() or time.monotonic() > deadline:
                return False
            self.stop.wait(0.05)
        return True

    def _swap_until_stopped(self, stub: pb_grpc.ReconcilerStub) -> None:
        marker = pb.MatchNameRequest(name=MARKER)
        i = 0
        while not self.stop.wait(self.every):
            i += 1
            variant, expected = self.variants[i % len(self.variants)]
            kind = "with marker" if expected else "without"
            tmp = self.served.with_name(f".{self.served.name}.swap")
            shutil.copyfile(variant, tmp)
            os.replace(tmp, self.served)
            swapped = time.monotonic()
            deadline = swapped + self.patience
            if not self._until(lambda: _marker_answer(stub.MatchName(marker, timeout=self.patience)) == expected,  # noqa: B023
                               deadline):
                if not self.stop.is_set():
                    self.failure = f"swap {i} was not picked up by the server within {self.patience:.0f}s"
                return
            picked_up = time.monotonic()
            counter = _BATCH_KINDS.index(kind)
            answered = self.live[counter]
            if not self._until(lambda: self.live[counter] > answered, picked_up + self.patience):  # noqa: B023
                if not self.stop.is_set():
                    self.failure = f"no client batch was answered within {self.patience:.0f}s of swap {i}"
                return
            self.swaps.append(picked_up - swapped)
            if len(self.swaps) >= self.min_swaps:
                self.enough.set()


def run_load(target: str, clients: int, seconds: float, article: Path, swap_db: Path | None = None,
             swap_every: float = 10.0, min_swaps: int = 0, pickup_timeout: float = 120.0,
             call_timeout: float = 30.0) -> int:
    text = article.read_text(encoding="utf-8")
    stop = multiprocessing.Event()
    live = multiprocessing.Array("q", len(_BATCH_KINDS))  # batches of each kind so far
    with tempfile.TemporaryDirectory() as tmp:
        swapper = None
        if swap_db:
            original = Path(tmp) / "original.db"
            shutil.copyfile(swap_db, original)
            variants = [(original, ""), (_variant_with_marker(Path(tmp)), MARKER_OWNER)]
            swapper = _Swapper(target, swap_db, variants, swap_every, pickup_timeout, min_swaps, stop, live)
        queue: multiprocessing.Queue = multiprocessing.Queue()
        procs = [multiprocessing.Process(target=_client, args=(target, stop, text, i, queue, live, call_timeout))
                 for i in range(clients)]
        started = time.monotonic()
        for p in procs:
            p.start()
        if swapper:
            swapper.start()
        stop.wait(seconds)  # the run's time (nothing sets `stop` before)
        if swapper:
            swapper.enough.wait()  # bounded: each swap is given `pickup_timeout`
        stop.set()
        results = [queue.get() for _ in procs]
        for p in procs:
            p.join()
        if swapper:
            swapper.join()
        ran = time.monotonic() - started
    errors = [e for _, errs, _ in results for e in errs]
    print(f"{clients} clients for {ran:.0f}s against {target}:")
    for kind in ("MatchName", "MatchNames", "ReconcileDocument"):
        values = sorted(v for lat, _, _ in results for v in lat[kind])
        if values:
            pick = lambda q: values[min(int(len(values) * q), len(values) - 1)]  # noqa: E731
            print(f"  {kind:<18} {len(values):6d} calls  p50 {pick(.5):7.1f} ms  p95 {pick(.95):7.1f} ms  "
                  f"p99 {pick(.99):7.1f} ms")
    print(f"  errors: {len(errors)}")
    for e in errors[:10]:
        print(f"    {e}")
    failed = bool(errors)
    if swap_db:
        assert swapper is not None
        batches = {k: sum(b[k] for _, _, b in results) for k in _BATCH_KINDS}
        slowest = f" (picked up within {max(swapper.swaps):.1f}s at most)" if swapper.swaps else ""
        print(f"  gazetteer swapped {len(swapper.swaps)} times{slowest}; MatchNames batches answered by the "
              f"variant with the marker alias: {batches['with marker']}, by the curated one: {batches['without']}, "
              f"by both (not atomic): {batches['mixed']}")
        if swapper.failure:
            print(f"  {swapper.failure}")
        elif len(swapper.swaps) < min_swaps:
            print(f"  only {len(swapper.swaps)} of at least {min_swaps} swaps")
        failed |= bool(swapper.failure) or len(swapper.swaps) < min_swaps or batches["mixed"] > 0 or (
            len(swapper.swaps) > 0 and not (batches["with marker"] and batches["without"]))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rollcall.service.lab.load", description=__doc__.split("\n")[0])
    parser.add_argument("target", help="host:port of a running server")
    parser.add_argument("clients", type=int)
    parser.add_argument("seconds", type=float)
    parser.add_argument("article", type=Path, help="text for ReconcileDocument calls")
    parser.add_argument("--swap-db", type=Path, help="the database the server watches: replace it during the run")
    parser.add_argument("--swap-every", type=float, default=10.0,
                        help="seconds from a swap's pickup to the next swap (default 10)")
    parser.add_argument("--min-swaps", type=int, default=0,
                        help="run past the time until this many swaps were picked up (default 0)")
    parser.add_argument("--pickup-timeout", type=float, default=120.0,
                        help="seconds a swap may take to be served and answer a batch before the run fails "
                             "(default 120)")
    parser.add_argument("--call-timeout", type=float, default=30.0,
                        help="deadline of each client call, in seconds (default 30)")
    args = parser.parse_args(argv)
    return run_load(args.target, args.clients, args.seconds, args.article, args.swap_db, args.swap_every,
                    args.min_swaps, args.pickup_timeout, args.call_timeout)


if __name__ == "__main__":
    sys.exit(main())
