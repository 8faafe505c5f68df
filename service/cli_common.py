"""What the command modules share: the user-facing error, the options every command spells
the same way (each declared here once), and opening what an option names."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rollcall.gazetteer import StoreError
from rollcall.resolvers import MAX_LIMIT
from rollcall.resolvers.types import DEFAULT_LIMIT

from .engine import Engine
from .settings import default_db_path, default_sources

__all__ = [
    "CliError", "db_option", "db_path", "json_option", "limit_option", "open_engine", "sources_option",
    "sources_path", "user_errors",
]


class CliError(Exception):
    """A user-facing error: printed as 'rollcall: error: ...', exit status 2."""


@contextmanager
def user_errors(*kinds: type[Exception], prefix: str = "") -> Iterator[None]:
    """Library errors of `kinds` become CliErrors (a message and exit 2, not a traceback)."""
    try:
        yield
    except kinds as err:
        raise CliError(f"{prefix}{err}") from None


def db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None,
        help=f"gazetteer database (default: $ROLLCALL_DB or {default_db_path()})",
    )


def db_path(args: argparse.Namespace) -> Path:
    """--db, else $ROLLCALL_DB, else the user's data folder."""
    return args.db or default_db_path()


def sources_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", type=Path,
                        help="folder of curated files (default: $ROLLCALL_SOURCES, else the packaged ones)")


def sources_path(args: argparse.Namespace) -> Path:
    return args.sources or default_sources()


def json_option(parser: argparse.ArgumentParser, *, keep_parent: bool = False) -> None:
    """--json. `keep_parent`: on a sub-command's parser, so that a --json given before the
    sub-command is not reset by its default."""
    default: Any = argparse.SUPPRESS if keep_parent else False
    parser.add_argument("--json", action="store_true", default=default, help="print JSON instead of text")


def limit_option(parser: argparse.ArgumentParser, what: str, default: int | None = None) -> None:
    """--limit: how many `what` to show. Without a `default`, the matcher's number of
    candidates (None here, so that a query left without one takes the matcher's own)."""
    if default is None:
        parser.add_argument("--limit", type=int, help=f"{what} to show (1-{MAX_LIMIT}, default {DEFAULT_LIMIT})")
    else:
        parser.add_argument("--limit", type=int, default=default, help=f"{what} to show (default {default})")


def open_engine(db: Path | None, *, warm: bool = False) -> Engine:
    try:
        return Engine(db or default_db_path(), warm=warm)
    except StoreError as err:
        raise CliError(str(err)) from None
