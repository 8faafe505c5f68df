"""How far `rollcall batch` has got: rows done, rows per second and the time left, on one
line of standard error redrawn in place while it is a terminal (a log file gets no stream of
redrawn lines). The command then reports, whatever standard error is, a summary line."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "duration"]

# Redraws at most this often: a line a partition would flicker on fast runs.
_REDRAW_SECONDS = 0.5


def duration(seconds: float) -> str:
    """12 s, 3 min 05 s, 2 h 07 min."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class Progress:
    def __init__(self, total: int, stream: TextIO, *, live: bool, clock: Callable[[], float] = time.monotonic):
        self.total = total
        self.done = 0
        self._stream = stream
        self._live = live
        self._clock = clock
        self._started = clock()
        self._drawn = 0.0

    def start(self) -> None:
        """The clock starts when the cluster is ready to work (its start-up is not work)."""
        self._started = self._clock()

    @property
    def elapsed(self) -> float:
        return self._clock() - self._started

    def line(self) -> str:
        elapsed = self.elapsed
        rate = self.done / elapsed if elapsed > 0 else 0.0
        text = f"{self.done:,} / {self.total:,} rows  {rate:,.0f} rows/s"
        if 0 < self.done < self.total and rate > 0:
            text += f"  ETA {duration((self.total - self.done) / rate)}"
        return text

    def advance(self, rows: int) -> None:
        self.done += rows
        now = self._clock()
        if self._live and (now - self._drawn >= _REDRAW_SECONDS or self.done >= self.total):
            self._drawn = now
            self._stream.write("\r\033[K" + self.line())
            self._stream.flush()

    def clear(self) -> None:
        """Takes the live line away, for the report that follows it."""
        if self._live and self._drawn:
            self._stream.write("\r\033[K")
            self._stream.flush()
