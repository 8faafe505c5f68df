"""Serving on several cores: worker processes sharing one port (SO_REUSEPORT).

Python runs one thread at a time, so one server process uses about one core however many
threads it has. With `--processes N` the supervisor forks N workers, each a complete
server (own gazetteer connection, reloader and health service) bound to the same port; the
kernel spreads incoming connections over them. The stored name index makes a worker cheap:
it opens the database without loading it.

The supervisor announces "serving on" once every worker accepts calls, so after every
worker's "worker N ready" line (a worker logs it before it tells the supervisor).
Signals: SIGTERM/SIGINT are passed to every worker, which go NOT_SERVING and finish their
calls in flight before exiting; SIGHUP is passed on (reload now). A worker that dies takes
the others down and the supervisor exits non-zero, for the process manager to restart; a
supervisor that dies (even killed outright) takes its workers with it.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import queue
import signal
import socket
import threading
import time
from contextlib import contextmanager
from collections.abc import Iterator

from .settings import Settings

__all__ = ["serve_workers"]

log = logging.getLogger(__name__)


@contextmanager
def _reserved_port(host: str, port: int) -> Iterator[int]:
    """Hold the port (with SO_REUSEPORT, so the workers can bind it too) while they run;
    port 0 picks a free one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
        yield sock.getsockname()[1]
    finally:
        sock.close()


def _stop_when_orphaned(supervisor: int) -> None:
    """A worker whose supervisor died (even by SIGKILL) stops itself, gracefully."""
    while os.getppid() == supervisor:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)


def _worker(settings: Settings, ready: multiprocessing.Queue, supervisor: int) -> None:
    from .server import serve  # each worker creates its own gRPC runtime after the fork

    threading.Thread(target=_stop_when_orphaned, args=(supervisor,), daemon=True).start()
    serve(settings, announce=False, on_ready=lambda: ready.put(os.getpid()))


def serve_workers(settings: Settings, processes: int) -> int:
    """Run `processes` servers on one port until SIGTERM/SIGINT; the exit status."""
    context = multiprocessing.get_context("fork")
    with _reserved_port(settings.host, settings.port) as port:
        worker_settings = dataclasses.replace(settings, port=port, reuse_port=True)
        ready: multiprocessing.Queue = context.Queue()
        workers = [context.Process(target=_worker, args=(worker_settings, ready, os.getpid()), name=f"rollcall-worker-{i}")
                   for i in range(processes)]
        stopping = False

        def forward(signum: int, _frame: object) -> None:
            nonlocal stopping
            stopping = stopping or signum in (signal.SIGTERM, signal.SIGINT)
            for w in workers:
                if w.pid and w.is_alive():
                    os.kill(w.pid, signum)

        for w in workers:
            w.start()
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, forward)
        # Announce (the line scripts wait for) only once every worker accepts calls.
        started = 0
        while started < processes and not stopping and all(w.is_alive() for w in workers):
            try:
                ready.get(timeout=0.2)
                started += 1
            except queue.Empty:
                continue
        if started == processes:
            log.info("rollcall serving on %s:%d with %d processes (gazetteer %s)",
                     settings.host, port, processes, settings.db)
        status = 0
        while any(w.is_alive() for w in workers):
            dead = [w for w in workers if not w.is_alive() and w.exitcode not in (None, 0)]
            if dead and not stopping:
                log.error("%s exited with status %s: stopping the others", dead[0].name, dead[0].exitcode)
                status = 1
                forward(signal.SIGTERM, None)
            time.sleep(0.2)
        if any(w.exitcode for w in workers):
            status = 1
        log.info("rollcall stopped")
        return status
