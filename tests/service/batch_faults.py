"""Faults for the batch tests, injected into a running Dask cluster's worker processes as
worker plugins (the product has no test hooks): a worker killed as it starts a task, a
partition whose answering raises, and a spy that looks at the output's folder while the
run is under way. Each fault fires a bounded number of times across the cluster, counted in
files (the workers are separate processes; a restarted worker must not fire again)."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin
from distributed.worker import Worker


def _claim(counter: Path, times: int) -> bool:
    """True the first `times` times it is called with `counter`, in any process."""
    for i in range(times):
        try:
            os.close(os.open(f"{counter}.{i}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            return True
        except FileExistsError:
            continue
    return False


class KillWorkerOnce(WorkerPlugin):
    """SIGKILLs the worker process that starts executing a task first (a crash: no clean-up,
    no goodbye to the scheduler); `victims` records its address."""

    def __init__(self, counter: Path, victims: Path):
        self.counter = counter
        self.victims = victims

    def setup(self, worker: Worker) -> None:
        self.address = worker.address

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish == "executing" and _claim(self.counter, 1):
            self.victims.write_text(self.address)
            os.kill(os.getpid(), signal.SIGKILL)


class FailingRows(WorkerPlugin):
    """Answering the row numbered `number` raises, `times` times across the cluster (then
    answers as usual); the original code is back when the plugin is removed."""

    def __init__(self, number: int, counter: Path, times: int):
        self.number = number
        self.counter = counter
        self.times = times

    def setup(self, worker: Worker) -> None:
        from rollcall.service import batch_worker

        self.original = original = batch_worker._answer
        number, counter, times = self.number, self.counter, self.times

        def failing(engine: Any, kind: str, n: int, row: Any, unit: str, columns: dict) -> dict:
            if n == number and _claim(counter, times):
                raise RuntimeError(f"injected fault at {unit} {n}")
            return original(engine, kind, n, row, unit, columns)

        batch_worker._answer = failing  # type: ignore[assignment]

    def teardown(self, worker: Worker) -> None:
        from rollcall.service import batch_worker

        batch_worker._answer = self.original  # type: ignore[assignment]


class OutputSpy(WorkerPlugin):
    """When a task starts: the output folder's file names and the output's content, as the
    worker sees them then (once, written to `report` as JSON)."""

    def __init__(self, output: Path, report: Path):
        self.output = output
        self.report = report

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish == "executing" and _claim(self.report.with_suffix(".claimed"), 1):
            seen = {"files": sorted(os.listdir(self.output.parent)),
                    "output": self.output.read_text() if self.output.exists() else None}
            self.report.write_text(json.dumps(seen))
