"""Helpers shared by the command modules: the user-facing error, the --db option, tables."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from wcwidth import wcswidth

from rollcall.gazetteer import StoreError

from .engine import Engine
from .settings import default_db_path

__all__ = ["CliError", "db_option", "open_engine", "write_table"]


class CliError(Exception):
    """A user-facing error: printed as 'rollcall: error: ...', exit status 2."""


def db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None,
        help=f"gazetteer database (default: $ROLLCALL_DB or {default_db_path()})",
    )


def open_engine(db: Path | None, *, warm: bool = False) -> Engine:
    try:
        return Engine(db or default_db_path(), warm=warm)
    except StoreError as err:
        raise CliError(str(err)) from None


def write_table(out: TextIO, rows: Sequence[Sequence[str]]) -> None:
    """Rows as aligned columns; the last column is not padded (it may be long)."""
    widths = [max(_display_width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = (cell + " " * (w - _display_width(cell)) for cell, w in zip(row, widths))
        out.write(("  ".join(cells) + "  " + row[-1]).rstrip() + "\n")


def _display_width(text: str) -> int:
    """Columns `text` takes on a terminal: a Han or Hangul character two, a mark none."""
    width = wcswidth(text)
    return width if width >= 0 else len(text)  # control characters: cleaned out before this
