"""Picking up a rebuilt gazetteer without a restart.

Builds replace the database file by renaming a new one over it, so a changed inode or
modification time means a complete new database. The watcher loads it into a new Engine
while the old one keeps answering, then swaps the reference (one assignment, atomic for
readers); calls in flight finish on the engine they started with, which is closed only
after a grace period.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from rollcall.gazetteer import StoreError

from .engine import Engine

__all__ = ["EngineHolder"]

log = logging.getLogger(__name__)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class EngineHolder:
    def __init__(self, db: Path, engine: Engine | None = None, *, close_after: float = 30.0):
        self.db = Path(db)
        self._stamp = _stamp(self.db)
        self._engine = engine or Engine(self.db, warm=True)
        self._close_after = close_after
        self._lock = threading.Lock()  # one reload at a time
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.reloads = 0

    def current(self) -> Engine:
        return self._engine

    def reload_if_changed(self, force: bool = False) -> bool:
        """Load the database again if the file changed (or `force`); True if swapped. A
        database that fails to load leaves the current one answering."""
        with self._lock:
            stamp = _stamp(self.db)
            if stamp is None or (stamp == self._stamp and not force):
                return False
            try:
                fresh = Engine(self.db, warm=True)
            except (StoreError, OSError) as err:
                log.error("reload of %s failed, keeping the loaded gazetteer: %s", self.db, err)
                return False
            if self._engine.documents_compiled:
                # The service reconciles articles: compile the new vocabulary before the
                # swap, so no call waits for it.
                fresh.documents  # noqa: B018
            old, self._engine, self._stamp = self._engine, fresh, stamp
            self.reloads += 1
        log.info("reloaded %s: %d aliases in %.1fs", self.db, len(fresh.index), fresh.load_seconds)
        timer = threading.Timer(self._close_after, old.close)
        timer.daemon = True
        timer.start()
        return True

    def watch(self, interval: float) -> None:
        """Check the file every `interval` seconds in a daemon thread."""
        def loop() -> None:
            while not self._stop.wait(interval):
                self.reload_if_changed()

        self._thread = threading.Thread(target=loop, name="gazetteer-watch", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._engine.close()
