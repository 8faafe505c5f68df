"""Building databases: the curated default, and imports on top of an existing one.

Both paths go through the same steps: assemble a Gazetteer in memory, validate it, then
write it atomically. A failure at any step leaves the previous database untouched.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from .model import Gazetteer
from .popolo import ImportSummary, import_popolo
from .sources import DEFAULT_SOURCES, load_sources, source_files
from .store import read_gazetteer, write_atomically
from .validate import Problem, validate

__all__ = ["BuildError", "build_curated", "import_file", "rebuild"]


class BuildError(ValueError):
    """Validation failed; nothing was written."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:50])
        more = f"\n  ... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{len(self.problems)} problem(s), nothing written:\n{shown}{more}")


def _check_and_write(db_path: Path, gaz: Gazetteer, meta: dict[str, str]) -> None:
    problems = validate(gaz)
    if problems:
        raise BuildError(problems)
    meta = {"built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), **meta}
    write_atomically(db_path, gaz, meta)


def build_curated(
    db_path: Path, sources: Path = DEFAULT_SOURCES, with_popolo: Sequence[Path] = ()
) -> tuple[Gazetteer, list[ImportSummary]]:
    """Build the database from the curated files, then any Popolo files on top."""
    files = source_files(sources)
    if not files:
        raise BuildError([Problem(str(sources), "no curated *.json files found")])
    gaz = load_sources(files)
    problems = validate(gaz)
    if problems:
        raise BuildError(problems)
    summaries = [import_popolo(p, gaz) for p in with_popolo]
    sources_meta = ",".join([f.name for f in files] + [str(p) for p in with_popolo])
    _check_and_write(db_path, gaz, {
        "sources": sources_meta,
        "curated_dir": str(Path(sources).resolve()),
        "with_popolo": json.dumps([str(Path(p).resolve()) for p in with_popolo]),
    })
    return gaz, summaries


def rebuild(db_path: Path, sources: Path) -> tuple[Gazetteer, list[ImportSummary]]:
    """Build again from `sources`, with the Popolo files the database was built with."""
    with_popolo: list[Path] = []
    if Path(db_path).exists():
        from .store import Store  # local: only curation needs to read the old meta

        store = Store(db_path)
        with_popolo = [Path(p) for p in json.loads(store.meta().get("with_popolo", "[]"))]
        store.close()
    return build_curated(db_path, sources, with_popolo)


def import_file(db_path: Path, popolo: Path,
                progress: Callable[[str, int, int], None] | None = None) -> ImportSummary:
    """Extend the database at `db_path` (or create it) with a Popolo file."""
    gaz = read_gazetteer(db_path) if Path(db_path).exists() else Gazetteer()
    summary = import_popolo(popolo, gaz, progress)
    _check_and_write(db_path, gaz, {"sources": f"import of {popolo}"})
    return summary
