"""`make load`: concurrent clients for a fixed time against a real server, mixing
MatchName, MatchNames and ReconcileDocument; reports calls, errors and latency, and fails on
any error. Clients are processes, so that they do not share the server's interpreter.

With --swap-db, the gazetteer file the server watches is replaced every few seconds,
alternately by the curated gazetteer and by a variant that knows one more alias (a marker
name); every MatchNames batch asks for the marker first and last, and a batch whose two
answers differ was answered by two gazetteers: the swap was not atomic. The run fails on
any such batch, or when the swaps were not picked up."""

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
from pathlib import Path

import grpc

from ._pb.rollcall.v1 import rollcall_pb2 as pb
from ._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc

__all__ = ["run_load"]

# The alias only the swapped-in variant knows, and whose it is there.
MARKER, MARKER_OWNER = "Zyxwvut Qponmlk", "Q58217"

_NAMES = ("Sergej Lawrow", "Сергей Лавров", "سراج الدین مهرالدین", "拉夫罗夫", "Tokajew", "Wang Yi",
          "Murat Nurtleu", "Japarow", "Muhammad Ishaq Dar", "Hossein Amirabdollahian", "Xi Jinping")


def _marker_answer(reply: pb.MatchNameResponse) -> str:
    return reply.candidates[0].id if reply.match and reply.candidates else ""


def _client(target: str, seconds: float, article: str, seed: int, queue: multiprocessing.Queue) -> None:
    rng = random.Random(seed)
    latencies: dict[str, list[float]] = {"MatchName": [], "MatchNames": [], "ReconcileDocument": []}
    errors: list[str] = []
    batches: dict[str, int] = {"with marker": 0, "without": 0, "mixed": 0}
    deadline = time.monotonic() + seconds
    with grpc.insecure_channel(target) as channel:
        stub = pb_grpc.ReconcilerStub(channel)
        while time.monotonic() < deadline:
            kind = rng.choices(("MatchName", "MatchNames", "ReconcileDocument"), (0.7, 0.2, 0.1))[0]
            started = time.perf_counter()
            try:
                if kind == "MatchName":
                    stub.MatchName(pb.MatchNameRequest(name=rng.choice(_NAMES), date="2024-05-21"), timeout=30)
                elif kind == "MatchNames":
                    names = [pb.MatchNameRequest(name=n) for n in (MARKER, *rng.choices(_NAMES, k=8), MARKER)]
                    reply = stub.MatchNames(pb.MatchNamesRequest(requests=names), timeout=30)
                    first, last = _marker_answer(reply.responses[0]), _marker_answer(reply.responses[-1])
                    batches["mixed" if first != last else "with marker" if first == MARKER_OWNER else "without"] += 1
                else:
                    stub.ReconcileDocument(pb.ReconcileDocumentRequest(text=article, language="de",
                                                                       date="2024-07-04"), timeout=30)
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


def _swap(served: Path, variants: list[Path], every: float, stop: threading.Event, swaps: list[float]) -> None:
    """Replace `served` by the next variant every `every` seconds (copy beside it, rename)."""
    i = 0
    while not stop.wait(every):
        i += 1
        tmp = served.with_name(f".{served.name}.swap")
        shutil.copyfile(variants[i % len(variants)], tmp)
        os.replace(tmp, served)
        swaps.append(time.monotonic())


def run_load(target: str, clients: int, seconds: float, article: Path, swap_db: Path | None = None,
             swap_every: float = 10.0) -> int:
    text = article.read_text(encoding="utf-8")
    stop, swaps = threading.Event(), list[float]()
    with tempfile.TemporaryDirectory() as tmp:
        swapper = None
        if swap_db:
            original = Path(tmp) / "original.db"
            shutil.copyfile(swap_db, original)
            variants = [original, _variant_with_marker(Path(tmp))]
            swapper = threading.Thread(target=_swap, args=(swap_db, variants, swap_every, stop, swaps))
        queue: multiprocessing.Queue = multiprocessing.Queue()
        procs = [multiprocessing.Process(target=_client, args=(target, seconds, text, i, queue))
                 for i in range(clients)]
        for p in procs:
            p.start()
        if swapper:
            swapper.start()
        results = [queue.get() for _ in procs]
        stop.set()
        for p in procs:
            p.join()
        if swapper:
            swapper.join()
    errors = [e for _, errs, _ in results for e in errs]
    print(f"{clients} clients for {seconds:.0f}s against {target}:")
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
        batches = {k: sum(b[k] for _, _, b in results) for k in ("with marker", "without", "mixed")}
        print(f"  gazetteer swapped {len(swaps)} times; MatchNames batches answered by the variant with "
              f"the marker alias: {batches['with marker']}, by the curated one: {batches['without']}, "
              f"by both (not atomic): {batches['mixed']}")
        failed |= batches["mixed"] > 0 or (len(swaps) > 0 and not (batches["with marker"] and batches["without"]))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.load", description=__doc__.split("\n")[0])
    parser.add_argument("target", help="host:port of a running server")
    parser.add_argument("clients", type=int)
    parser.add_argument("seconds", type=float)
    parser.add_argument("article", type=Path, help="text for ReconcileDocument calls")
    parser.add_argument("--swap-db", type=Path, help="the database the server watches: replace it during the run")
    parser.add_argument("--swap-every", type=float, default=10.0, help="seconds between swaps (default 10)")
    args = parser.parse_args(argv)
    return run_load(args.target, args.clients, args.seconds, args.article, args.swap_db, args.swap_every)


if __name__ == "__main__":
    sys.exit(main())
