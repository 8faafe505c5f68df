"""`make load`: concurrent clients for a fixed time against a real server, mixing
MatchName, MatchNames and ReconcileDocument; reports calls, errors and latency, and fails on
any error. Clients are processes, so that they do not share the server's interpreter."""

from __future__ import annotations

import multiprocessing
import random
import sys
import time
from pathlib import Path

import grpc

from ._pb.rollcall.v1 import rollcall_pb2 as pb
from ._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc

__all__ = ["run_load"]

_NAMES = ("Sergej Lawrow", "Сергей Лавров", "سراج الدین مهرالدین", "拉夫罗夫", "Tokajew", "Wang Yi",
          "Murat Nurtleu", "Japarow", "Muhammad Ishaq Dar", "Hossein Amirabdollahian", "Xi Jinping")


def _client(target: str, seconds: float, article: str, seed: int, queue: multiprocessing.Queue) -> None:
    rng = random.Random(seed)
    latencies: dict[str, list[float]] = {"MatchName": [], "MatchNames": [], "ReconcileDocument": []}
    errors: list[str] = []
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
                    names = [pb.MatchNameRequest(name=rng.choice(_NAMES)) for _ in range(10)]
                    stub.MatchNames(pb.MatchNamesRequest(requests=names), timeout=30)
                else:
                    stub.ReconcileDocument(pb.ReconcileDocumentRequest(text=article, language="de",
                                                                       date="2024-07-04"), timeout=30)
            except grpc.RpcError as err:
                errors.append(f"{kind}: {err.code().name} {err.details()}")
                continue
            latencies[kind].append((time.perf_counter() - started) * 1000)
    queue.put((latencies, errors))


def run_load(target: str, clients: int, seconds: float, article: Path) -> int:
    text = article.read_text(encoding="utf-8")
    queue: multiprocessing.Queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=_client, args=(target, seconds, text, i, queue)) for i in range(clients)]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    errors = [e for _, errs in results for e in errs]
    print(f"{clients} clients for {seconds:.0f}s against {target}:")
    for kind in ("MatchName", "MatchNames", "ReconcileDocument"):
        values = sorted(v for lat, _ in results for v in lat[kind])
        if values:
            pick = lambda q: values[min(int(len(values) * q), len(values) - 1)]  # noqa: E731
            print(f"  {kind:<18} {len(values):6d} calls  p50 {pick(.5):7.1f} ms  p95 {pick(.95):7.1f} ms  "
                  f"p99 {pick(.99):7.1f} ms")
    print(f"  errors: {len(errors)}")
    for e in errors[:10]:
        print(f"    {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(run_load(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), Path(sys.argv[4])))
