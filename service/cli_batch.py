"""The `rollcall batch names|articles IN OUT` commands: their options and their errors.
Dask and pyarrow are imported when a batch command runs, never when the CLI starts (batch_run
and batch_input import them): `rollcall match` and `lookup` do not pay for them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from .batch_input import FORMATS
from .cli_common import CliError, db_option, db_path

__all__ = ["add_batch_commands"]

# Rows a task answers: large enough that the scheduler's cost per task (milliseconds) and a
# worker's wait between tasks are lost in it, small enough to spread a file over workers.
DEFAULT_PARTITION = {"names": 1000, "articles": 50}
# The options naming the column of each field (names; articles), the flag's word first.
_COLUMNS = {"names": (("id", "id"), ("name", "query"), ("lang", "lang"), ("date", "date"), ("country", "country"),
                      ("role", "role"), ("limit", "limit")),
            "articles": (("id", "id"), ("text", "text"), ("lang", "lang"), ("date", "date"))}


def _cmd_batch(args: argparse.Namespace, out: TextIO) -> int:
    from .batch_input import InputError, input_format
    from .batch_output import OutputError
    from .batch_run import BatchFailed, BatchJob, run_batch

    if args.input.resolve() == args.output.resolve():
        raise CliError("the output would overwrite the input: name another file")
    if (args.workers is not None and args.workers < 1 or args.partition_size is not None and args.partition_size < 1
            or args.retries < 0):
        raise CliError("--workers and --partition-size must be at least 1, --retries at least 0")
    db = db_path(args)
    if not db.is_file():
        raise CliError(f"no gazetteer database at {db}; build one with 'rollcall gazetteer build --db {db}'")
    columns = {name: value for word, name in _COLUMNS[args.kind] if (value := getattr(args, f"{word}_column"))}
    try:
        job = BatchJob(kind=args.kind, input=args.input, output=args.output,
                       fmt=input_format(args.input, args.format), db=db,
                       partition_size=args.partition_size or DEFAULT_PARTITION[args.kind],
                       workers=args.workers or os.cpu_count() or 1, scheduler=args.scheduler,
                       worker_db=args.worker_db, columns=columns, delimiter=args.delimiter, retries=args.retries)
        report = run_batch(job, sys.stderr, live=sys.stderr.isatty())
    except (InputError, OutputError) as err:
        raise CliError(str(err)) from None
    except BatchFailed as err:
        sys.stderr.write(f"rollcall: batch failed: {err}\n")
        return 1
    except KeyboardInterrupt:  # Ctrl-C: the cluster and the partial file are gone by now
        sys.stderr.write(f"\nrollcall: batch interrupted; {args.output} was not written\n")
        return 130
    for note in report.notes:
        sys.stderr.write(f"rollcall: {note}\n")
    sys.stderr.write(report.summary(args.output) + "\n")
    return 0


def add_batch_commands(sub: argparse._SubParsersAction) -> None:
    batch = sub.add_parser("batch", help="a file of names or articles answered on a Dask cluster (JSONL out)")
    kinds = batch.add_subparsers(dest="kind", required=True)
    for kind, what, like in (("names", "names", "rollcall match"), ("articles", "articles", "rollcall attendees --json")):
        p = kinds.add_parser(kind, help=f"{what}, one a row → one answer a line, as {like} gives it")
        p.add_argument("input", type=Path, help="JSONL, CSV or Parquet (by its suffix, or --format)")
        p.add_argument("output", type=Path, help="JSONL, one answer a row in input order; written whole or not at all")
        where = p.add_mutually_exclusive_group()
        where.add_argument("--workers", type=int,
                           help="worker processes of a local Dask cluster (default: one a core)")
        where.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask cluster's scheduler (tcp://host:8786)")
        p.add_argument("--worker-db", metavar="PATH",
                       help="the gazetteer's path on the workers' machines (default: --db's absolute path)")
        p.add_argument("--format", choices=FORMATS, help="the input's format (default: from its suffix)")
        p.add_argument("--delimiter", default=",", help="CSV field separator (default ,)")
        for word, field in _COLUMNS[kind]:
            p.add_argument(f"--{word}-column", metavar="COLUMN",
                           help=f"the column (or JSONL key) holding the {field} (default: {field}"
                                + {"query": " or name", "lang": " or language"}.get(field, "") + ")")
        p.add_argument("--partition-size", type=int,
                       help=f"rows a task answers (default {DEFAULT_PARTITION[kind]})")
        p.add_argument("--retries", type=int, default=2, help="times a failed partition is tried again (default 2)")
        db_option(p)
        p.set_defaults(func=_cmd_batch, kind=kind)
