"""What runs on a Dask worker for `rollcall batch`: a plugin that opens the gazetteer once
per worker process, and the task that answers one partition of rows with it.

The plugin is registered for one run (its name carries the run's id, so two runs on one
cluster keep apart) and set up by every worker there is and every worker that joins later,
a worker restarted after a crash included. The worker opens the gazetteer at the path it is
given: the same file must be there on every machine (a shared file system, or a copy at the
same path; `--worker-db` when the path differs). The plugin checks that the file is the one
the client holds (a SHA-256 of its bytes), so a stale copy on one machine cannot answer a
part of the rows differently from the rest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin, get_worker
from distributed.worker import Worker

from .engine import Engine
from .rows import answer_article, answer_name, parse_line

__all__ = ["EVENTS", "GazetteerPlugin", "answer_partition", "file_digest", "plugin_name"]

# The topic of the events the workers log for the client's report (opened, failed).
EVENTS = "rollcall-batch"


def file_digest(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


class GazetteerPlugin(WorkerPlugin):
    def __init__(self, run_id: str, db: str, digest: str):
        self.run_id = run_id
        self.db = db
        self.digest = digest
        self.engine: Engine | None = None
        self.error = ""

    def setup(self, worker: Worker) -> None:
        """Opens the gazetteer; a worker that cannot says why, to the client at
        registration and to each task sent to it later (which then fails and is retried)."""
        path = Path(self.db)
        if not path.is_file():
            self.error = f"worker {worker.address}: no gazetteer at {path}"
        elif file_digest(path) != self.digest:
            self.error = (f"worker {worker.address}: the gazetteer at {path} is not the client's "
                          "(another build): copy the same file to every worker")
        else:
            # warm: read a small gazetteer whole and compile the transliterators now, as a
            # server does; this worker then answers thousands of rows with it.
            self.engine = Engine(path, warm=True)
        worker.log_event(EVENTS, {"run": self.run_id, "worker": worker.address,
                                  "opened": self.engine is not None, "error": self.error})
        if self.error:
            raise RuntimeError(self.error)

    def teardown(self, worker: Worker) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None


def _answer(engine: Engine, kind: str, number: int, row: Any, unit: str, columns: dict[str, str]) -> dict:
    where = f"{unit} {number}"
    if isinstance(row, bytes):
        parsed = parse_line(row, where)
        if "row" not in parsed:
            return parsed
        row = parsed["row"]
        # Options naming other keys (--name-column title): the key is read as the field.
        for field, key in columns.items():
            if key in row:
                row[field] = row.pop(key)
    if kind == "names":
        return answer_name(engine, row, where)
    return answer_article(engine, row, where)


def plugin_name(run_id: str) -> str:
    return f"rollcall-gazetteer-{run_id}"


def answer_partition(run_id: str, index: int, kind: str, rows: list[tuple[int, Any]], unit: str,
                     columns: dict[str, str]) -> tuple[bytes, int]:
    """One JSON line per row, in order, as `rollcall match` writes them (UTF-8, names in
    any script as they are); with the number of rows answered by an error. A failure is
    logged for the client's report before Dask retries the partition."""
    worker = get_worker()
    try:
        plugin = worker.plugins[plugin_name(run_id)]
        assert isinstance(plugin, GazetteerPlugin)
        if plugin.engine is None:
            raise RuntimeError(plugin.error or f"worker {worker.address}: the gazetteer is not open")
        lines, errors = [], 0
        for number, row in rows:
            answer = _answer(plugin.engine, kind, number, row, unit, columns)
            errors += "error" in answer
            lines.append(json.dumps(answer, ensure_ascii=False))
    except Exception as err:
        worker.log_event(EVENTS, {"run": run_id, "partition": index, "worker": worker.address,
                                  "error": f"{type(err).__name__}: {err}"})
        raise
    lines.append("")
    return "\n".join(lines).encode("utf-8"), errors
