"""A `rollcall serve` process (or another server) for the lab's measurements, and its memory as the
kernel sees it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["ROLLCALL", "serve_process", "start_serving", "peak_rss_mb", "rss_mb"]

ROLLCALL = str(Path(sys.executable).parent / "rollcall")


def serve_process(db: Path, processes: int = 1, http_port: int = 0,
                  cpus: set[int] | None = None) -> tuple[subprocess.Popen, int, float]:
    """A server on a free port (HTTP on `http_port`, none for 0; no reloading; on `cpus`
    only, if given): the process, its gRPC port and the seconds from start to serving."""
    return start_serving([ROLLCALL, "serve", "--port", "0", "--http-port", str(http_port), "--db", str(db),
                          "--processes", str(processes)],
                         cpus, env={**os.environ, "ROLLCALL_RELOAD_INTERVAL": "0"})


def start_serving(command: list[str], cpus: set[int] | None = None,
                  env: dict[str, str] | None = None) -> tuple[subprocess.Popen, int, float]:
    """`command` started (on `cpus` only, if given) and waited for until it prints "serving
    on HOST:PORT" to stderr, as `rollcall serve` does: the process, the port and the seconds
    it took."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    assert proc.stderr is not None
    for line in proc.stderr:
        if m := re.search(r"serving on [\d.]+:(\d+)", line):
            return proc, int(m.group(1)), time.perf_counter() - started
    raise RuntimeError(f"{command[0]} did not start")


def _status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a running process (VmHWM), in MB."""
    return _status_mb(pid, "VmHWM")


def rss_mb(pid: int) -> float:
    """Resident memory of a running process now (VmRSS), in MB."""
    return _status_mb(pid, "VmRSS")
