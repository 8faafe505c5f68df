"""Waiting in tests for what a server does on its own threads, bounded generously for a
loaded machine: no test passes or fails on how fast something is."""

from __future__ import annotations

import time

__all__ = ["WAIT", "settled", "wait_for"]

WAIT = 300


def wait_for(condition, timeout: float = WAIT) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def settled(read) -> int:
    """The value of `read()` once it has stopped changing for a second (or WAIT passed)."""
    deadline, last = time.monotonic() + WAIT, read()
    while time.monotonic() < deadline:
        time.sleep(1.0)
        if (now := read()) == last:
            return now
        last = now
    return last
