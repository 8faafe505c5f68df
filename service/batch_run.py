"""`rollcall batch`: a file of names or articles answered on a Dask cluster, a local one
(`--workers N` processes) or one already running (`--scheduler ADDRESS`).

The client reads the input a partition at a time and keeps a bounded window of partitions
submitted (a few per worker thread: enough that no worker waits while the client writes,
few enough that a file of millions of rows is never held whole); it writes each
partition's answers as soon as every earlier partition is written, so the output keeps the
input's order. A partition whose task raises is retried by Dask (`retries`); one whose
worker dies is redone elsewhere by the scheduler (up to its `allowed-failures`). Both are
reported at the end; a partition that still fails is named by its rows and the output is
not written (exit status 1)."""

from __future__ import annotations

import logging
import signal
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import dask
from distributed import Client, Future, LocalCluster, as_completed

from .batch_input import Partition, count_rows, read_partitions
from .batch_output import AtomicOutput
from .batch_progress import Progress
from .batch_worker import EVENTS, GazetteerPlugin, answer_partition, file_digest, plugin_name

__all__ = ["BatchFailed", "BatchJob", "BatchReport", "run_batch"]

# Partitions in flight per worker thread: one running, the next ones queued on the worker
# so that it never waits for the client between two.
_WINDOW_PER_THREAD = 3
# Seconds a run on a running cluster waits for its first worker.
_WORKER_WAIT = 120


class BatchFailed(RuntimeError):
    """The cluster could not be reached or set up, or partitions failed after their retries."""


@dataclass(frozen=True)
class BatchJob:
    kind: str  # "names" or "articles"
    input: Path
    output: Path
    fmt: str
    db: Path
    partition_size: int
    workers: int = 1  # of a local cluster; ignored with a scheduler
    scheduler: str | None = None
    worker_db: str | None = None  # the gazetteer's path on the workers, if not db's
    columns: dict[str, str] = field(default_factory=dict)
    delimiter: str = ","
    retries: int = 2


@dataclass
class BatchReport:
    rows: int = 0
    errors: int = 0
    seconds: float = 0.0  # from the cluster ready to the output renamed
    startup_seconds: float = 0.0  # cluster start (or connection) and gazetteer opened
    threads: int = 0
    opened: int = 0  # worker processes that opened the gazetteer
    notes: list[str] = field(default_factory=list)  # retried and redone partitions

    def summary(self, output: Path) -> str:
        rate = self.rows / self.seconds if self.seconds > 0 else 0.0
        return (f"rollcall batch: {self.rows:,} rows → {output} in {self.seconds:.1f} s ({rate:,.0f} rows/s, "
                f"{self.threads} worker thread(s)); {self.errors:,} answered with an error; "
                f"cluster ready in {self.startup_seconds:.1f} s")


@contextmanager
def _client(job: BatchJob) -> Iterator[Client]:
    if job.scheduler:
        try:
            client = Client(job.scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as err:
            raise BatchFailed(f"cannot reach the Dask scheduler at {job.scheduler}: {err}") from None
        with client:
            # Workers started with the scheduler may still be joining: the run waits for
            # one, and the ones after it join the run as they come.
            try:
                client.wait_for_workers(1, timeout=_WORKER_WAIT)
            except TimeoutError:
                raise BatchFailed(f"no worker joined the scheduler at {job.scheduler} within {_WORKER_WAIT} s") from None
            yield client
        return
    # One thread a process: the matcher holds the GIL (its C loops share scratch memory
    # under it), so threads would not add cores. The scheduler's HTTP endpoints (health, and
    # the dashboard where bokeh is installed) on a free loopback port: 8787, Dask's default,
    # may be another cluster's, and nothing outside this machine needs them. No
    # statistical profiler: its sampling every 10 ms takes the GIL from the matcher, and cost
    # 5-10% of a worker's rows per second here. Dask's own logs only when critical: the run
    # reports its failed and redone partitions itself, and a task's error reaches it; what
    # Dask logs as an error is mostly a race when the cluster closes (a worker's heartbeat
    # finding the scheduler gone, with a traceback), which a user would take for a failure.
    with _workers_ignore_ctrl_c(), dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(n_workers=job.workers, threads_per_worker=1, processes=True,
                               dashboard_address="127.0.0.1:0",
                               silence_logs=logging.CRITICAL)
    with cluster, Client(cluster) as client:
        yield client


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl-C at a terminal reaches every process of the command: the worker processes,
    started while SIGINT is ignored, inherit that, and leave stopping to the client (which
    closes the cluster), instead of each printing a traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _open_gazetteer(client: Client, job: BatchJob, run_id: str) -> None:
    """Every worker, now and joining later, opens the gazetteer once for this run."""
    db = job.worker_db or str(job.db.resolve())
    try:
        client.register_plugin(GazetteerPlugin(run_id, db, file_digest(job.db)), name=plugin_name(run_id))
    except RuntimeError as err:
        raise BatchFailed(str(err)) from None


class _Writer:
    """Partitions' answers written in input order as they come back in any order."""

    def __init__(self, out: AtomicOutput, progress: Progress):
        self.out = out
        self.progress = progress
        self.ready: dict[int, tuple[bytes, int] | None] = {}  # None: failed, nothing to write
        self.next = 0
        self.errors = 0
        self.threads = 0  # the most worker threads the cluster had during the run

    def put(self, index: int, rows: int, result: tuple[bytes, int] | None) -> None:
        self.ready[index] = result
        self.progress.advance(rows)
        while self.next in self.ready:
            done = self.ready.pop(self.next)
            if done is not None:
                self.out.write(done[0])
                self.errors += done[1]
            self.next += 1


def _notes(client: Client, run_id: str, keys: dict[str, str], failed: set[str]) -> list[str]:
    """What went wrong and was mended: partitions retried after an error, redone after
    their worker died (from the workers' and the scheduler's event logs)."""
    notes = []
    for _, event in client.get_events(EVENTS):
        if isinstance(event, dict) and event.get("run") == run_id and "partition" in event:
            key = f"{run_id}-{event['partition']}"
            outcome = "gave up" if key in failed else "retried"
            notes.append(f"{keys.get(key, key)} failed on {event['worker']} ({event['error']}); {outcome}")
    for _, event in client.get_events("all"):
        if isinstance(event, dict) and event.get("action") == "remove-worker" and not event.get("expected"):
            for key in sorted(set(event.get("processing-tasks", ())) & keys.keys()):
                outcome = "gave up" if key in failed else "redone on another worker"
                notes.append(f"worker {event.get('worker')} died while answering {keys[key]}; {outcome}")
    return notes


def run_batch(job: BatchJob, stderr: TextIO, *, live: bool) -> BatchReport:
    """Answers every row of `job.input` into `job.output` (renamed into place when whole).
    BatchFailed when partitions failed for good; the input's own problems are InputError,
    the output's OutputError, both before any work."""
    total = count_rows(job.input, job.fmt, job.delimiter)
    columns, partitions = read_partitions(job.input, job.fmt, job.kind, job.partition_size, job.columns,
                                          job.delimiter)
    progress = Progress(total, stderr, live=live)
    report = BatchReport()
    run_id = uuid.uuid4().hex[:12]
    with AtomicOutput(job.output) as out, _client(job) as client:
        try:
            _open_gazetteer(client, job, run_id)
            report.startup_seconds = progress.elapsed
            progress.start()
            writer = _Writer(out, progress)
            keys, failures = _run(client, job, run_id, columns, partitions, writer)
            report.opened = sum(1 for _, e in client.get_events(EVENTS)
                                if isinstance(e, dict) and e.get("run") == run_id and e.get("opened"))
            report.notes = _notes(client, run_id, keys, {k for k, _ in failures})
        finally:
            progress.clear()
            client.unregister_worker_plugin(plugin_name(run_id))
        if failures:
            lines = [f"{keys[key]}: {why}" for key, why in failures]
            raise BatchFailed("partitions failed after their retries, so the output was not written:\n  "
                              + "\n  ".join(lines + report.notes))
        report.rows, report.errors, report.threads = progress.done, writer.errors, writer.threads
        out.commit()
        report.seconds = progress.elapsed
    return report


def _run(client: Client, job: BatchJob, run_id: str, columns: dict[str, str], partitions: Iterator[Partition],
         writer: _Writer) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Submits partitions through the window and writes their answers; the rows of every
    partition (by key) and the partitions that failed for good, with why."""
    keys: dict[str, str] = {}
    failures: list[tuple[str, str]] = []
    running: dict[Future, Partition] = {}
    tasks = as_completed()

    def submit_next() -> bool:
        part = next(partitions, None)
        if part is None:
            return False
        key = f"{run_id}-{part.index}"
        keys[key] = part.describe()
        future = client.submit(answer_partition, run_id, part.index, job.kind, part.rows, part.unit, columns,
                               key=key, retries=job.retries, pure=False)
        running[future] = part
        tasks.add(future)
        return True

    def fill() -> None:
        # The cluster's threads are counted again each time: workers may join or leave.
        threads = sum(client.nthreads().values())
        writer.threads = max(writer.threads, threads)
        while len(running) + len(writer.ready) < _WINDOW_PER_THREAD * max(1, threads) and submit_next():
            pass

    fill()
    for future in tasks:
        part = running.pop(future)
        result: Any = None
        if future.status == "finished":
            result = future.result()
        else:
            failures.append((future.key, f"{type(err).__name__}: {err}" if (err := future.exception()) else "cancelled"))
        future.release()
        writer.put(part.index, len(part.rows), result)
        # The window counts partitions answered but not yet written too: a slow partition
        # holds back the ones after it, and their answers wait in memory.
        fill()
    return keys, failures
