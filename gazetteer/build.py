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
from .store import read_meta
from .store_to_model import read_gazetteer
from .store_writer import write_atomically
from .validate import Problem, validate

__all__ = ["BuildError", "build_curated", "import_file", "recorded_imports"]

# progress(stage, done, total), called now and then during a long import.
Progress = Callable[[str, int, int], None]

# The database's meta key listing the Popolo files it holds, in import order (JSON).
_IMPORTS_KEY = "with_popolo"


class BuildError(ValueError):
    """Validation failed; nothing was written."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        if len(self.problems) == 1:
            super().__init__(f"nothing written: {self.problems[0]}")
            return
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
    db_path: Path, sources: Path = DEFAULT_SOURCES, with_popolo: Sequence[Path] = (), *,
    keep_imports: bool = True, progress: Progress | None = None,
) -> tuple[Gazetteer, list[tuple[Path, ImportSummary]]]:
    """Build the database from the curated files, then the Popolo files on top: first those
    the database at `db_path` was built or extended with (unless `keep_imports` is false),
    then `with_popolo`. A rebuild therefore never drops what a user imported, and a file at
    `db_path` that is not a rollcall gazetteer is refused, never overwritten."""
    popolo = _unique([*(recorded_imports(db_path) if keep_imports else []), *map(Path, with_popolo)])
    missing = [p for p in popolo if not p.is_file()]
    if missing:
        raise BuildError([Problem(str(p), f"{db_path} was built with this Popolo file, which is gone; "
                                  "put it back, or rebuild without imports (--drop-imports)")
                          for p in missing])
    files = source_files(sources)
    if not files:
        raise BuildError([Problem(str(sources), "no curated *.json files found")])
    gaz = load_sources(files)
    problems = validate(gaz)
    if problems:
        raise BuildError(problems)
    summaries = [(p, import_popolo(p, gaz, progress)) for p in popolo]
    _check_and_write(db_path, gaz, {
        "sources": ",".join([f.name for f in files] + [str(p) for p in popolo]),
        "curated_dir": str(Path(sources).resolve()),
        _IMPORTS_KEY: json.dumps([str(p) for p in popolo]),
    })
    return gaz, summaries


def recorded_imports(db_path: Path) -> list[Path]:
    """The Popolo files the database at `db_path` was built or extended with (none when there
    is no file there). Raises BuildError when the file is not a rollcall gazetteer."""
    if not Path(db_path).exists():
        return []
    if Path(db_path).is_dir():
        raise BuildError([Problem(str(db_path), "is a directory; give the database a file name "
                                  f"(e.g. {Path(db_path) / 'gazetteer.db'})")])
    meta = read_meta(db_path)
    if meta is None:
        raise BuildError([Problem(str(db_path), "exists and is not a rollcall gazetteer "
                                  "(move it away or choose another --db)")])
    return [Path(p) for p in json.loads(meta.get(_IMPORTS_KEY, "[]"))]


def import_file(db_path: Path, popolo: Path, progress: Progress | None = None) -> ImportSummary:
    """Extend the database at `db_path` (or create it) with a Popolo file; the file is
    recorded in the database, so that a later build imports it again."""
    imports = recorded_imports(db_path)
    old_meta = read_meta(db_path) or {}
    gaz = read_gazetteer(db_path) if Path(db_path).exists() else Gazetteer()
    summary = import_popolo(popolo, gaz, progress)
    kept = {k: old_meta[k] for k in ("curated_dir",) if k in old_meta}
    _check_and_write(db_path, gaz, {
        **kept, "sources": f"{old_meta.get('sources', '')} + import of {popolo}".lstrip(" +"),
        _IMPORTS_KEY: json.dumps([str(p) for p in _unique([*imports, Path(popolo)])]),
    })
    return summary


def _unique(paths: Sequence[Path]) -> list[Path]:
    """Resolved paths in first-seen order: a file imported twice is imported once."""
    return list(dict.fromkeys(Path(p).resolve() for p in paths))
