"""Helpers shared by the command modules: the user-facing error, the --db option."""

from __future__ import annotations

import argparse
from pathlib import Path

from rollcall.gazetteer import StoreError

from .engine import Engine
from .settings import default_db_path

__all__ = ["CliError", "db_option", "open_engine"]


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
