"""`rollcall gazetteer ...`: building, importing, exporting, checking and curating. Each
command parses its arguments, calls one function of the gazetteer library (where the defaults
and the workflows live), and hands the result to its renderer (render_reports.py)."""

from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path
from typing import Any, TextIO

from rollcall.gazetteer import BuildError, PopoloError, SourceError, StoreError, build_curated, import_file
from rollcall.gazetteer.curate import CurationError, Curator, RebuildError, curate
from rollcall.gazetteer.review import ReviewError, ReviewLog, accept, open_review_log, reject

from .cli_common import (
    CliError, db_option, db_path, json_option, limit_option, open_engine, sources_option, sources_path,
    user_errors,
)
from .render_reports import (
    write_build, write_change, write_duplicates, write_export, write_import, write_review_groups,
    write_settled, write_stats, write_validation,
)
from .settings import Settings

__all__ = ["add_gazetteer_commands"]

# What a curated edit may refuse (nothing written), or fail at after writing.
_REFUSALS = (CurationError, BuildError, SourceError)


def _progress_bar(stage: str, done: int, total: int) -> None:
    """A bar on standard error while a long import runs, only when someone watches it."""
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r{stage:<12} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()


def _end_progress_bar() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 70 + "\r")


def _cmd_build(args: argparse.Namespace, out: TextIO) -> int:
    db = db_path(args)
    try:
        with user_errors(SourceError, BuildError, PopoloError, StoreError):
            gaz, summaries = build_curated(db, sources_path(args), args.with_popolo or (),
                                           keep_imports=not args.drop_imports, progress=_progress_bar)
    finally:
        _end_progress_bar()
    write_build(out, db, gaz, summaries, as_json=args.json)
    return 0


def _curator(args: argparse.Namespace) -> Curator:
    try:
        return Curator(sources_path(args))
    except CurationError as err:
        raise CliError(str(err)) from None


def _cmd_curate(args: argparse.Namespace, out: TextIO) -> int:
    """One edit of the curated files, then a rebuild of the database."""
    curator, db = _curator(args), db_path(args)
    # The edit's own fields: those of the Curator method the sub-command names.
    fields = {k: v for k, v in vars(args).items() if k in inspect.signature(getattr(Curator, args.edit)).parameters}
    with user_errors(RebuildError), user_errors(*_REFUSALS, prefix="nothing changed: "):
        change = curate(curator, db, args.edit, **fields)
    write_change(out, change, db, as_json=args.json)
    return 0


def _review_log(args: argparse.Namespace) -> ReviewLog:
    try:
        return open_review_log(args.review_db or Settings().review_db)
    except ReviewError as err:
        raise CliError(str(err)) from None


def _cmd_review(args: argparse.Namespace, out: TextIO) -> int:
    log = _review_log(args)
    if args.review_action is None:
        write_review_groups(out, log.groups(args.limit), as_json=args.json)
        return 0
    with user_errors(ReviewError), user_errors(RebuildError), user_errors(*_REFUSALS, prefix="nothing changed: "):
        if args.review_action == "reject":
            settled = reject(log, args.number)
        else:
            settled = accept(log, args.number, args.person, _curator(args), db_path(args), args.lang)
    write_settled(out, settled, getattr(args, "person", None), db_path(args), as_json=args.json)
    return 0


def _cmd_duplicates(args: argparse.Namespace, out: TextIO) -> int:
    from rollcall.gazetteer.duplicates import find_duplicates

    engine = open_engine(args.db)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{done}/{total} names")

    pairs = find_duplicates(engine.store, engine.index, min_score=args.min_score, progress=progress)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    write_duplicates(out, pairs, args.limit, as_json=args.json)
    return 0


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from rollcall.gazetteer.validate import check
    from rollcall.gazetteer.sources import load_sources, source_files

    sources = sources_path(args)
    with user_errors(SourceError):
        gaz = load_sources(source_files(sources))
    errors, warnings = check(gaz, args.today)
    write_validation(out, sources, gaz, errors, warnings, as_json=args.json)
    return 1 if errors else 0


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    from rollcall.gazetteer.stats import UnknownArea, coverage_report, gazetteer_stats

    date = _stats_date(args.date)
    engine = open_engine(args.db)
    with user_errors(UnknownArea):
        stats = (coverage_report(engine.store, date, args.country) if args.country
                 else gazetteer_stats(engine.store, date))
    write_stats(out, stats, totals=not args.country, as_json=args.json)
    return 0


def _stats_date(value: str | None) -> str:
    """The report's date, checked as lookup checks its --date (a bad one is exit 2, not a traceback)."""
    import datetime as dt

    from rollcall.resolvers import InvalidDate, check_date

    if value is None:
        return dt.date.today().isoformat()
    try:
        return check_date(value)
    except InvalidDate as err:
        raise CliError(f"--date: {err}") from None


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from rollcall.gazetteer.popolo_export import export_popolo

    engine = open_engine(args.db)  # a missing or foreign database is refused here
    with user_errors(StoreError):
        counts = export_popolo(db_path(args), args.file)
    engine.close()
    write_export(out, args.file, counts, as_json=args.json)
    return 0


def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    db = db_path(args)
    try:
        with user_errors(PopoloError, BuildError, StoreError):
            summary = import_file(db, args.file, _progress_bar)
    finally:
        _end_progress_bar()
    write_import(out, db, args.file, summary, as_json=args.json)
    return 0


def _command(sub: Any, name: str, help_: str, func: Any, *, db: bool = True, sources: bool = False,
             **defaults: Any) -> argparse.ArgumentParser:
    """A sub-command with --json and, as it needs them, --db and --sources."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_)
    if sources:
        sources_option(p)
    json_option(p)
    if db:
        db_option(p)
    p.set_defaults(func=func, **defaults)
    return p


def _add_curation_commands(gsub: Any) -> None:
    """The edits: each sub-command's arguments are named as its Curator method's parameters."""
    def edit(name: str, help_: str) -> argparse.ArgumentParser:
        return _command(gsub, name, help_, _cmd_curate, sources=True, edit=name.replace("-", "_"))

    p = edit("add-person", "add a person to a curated file")
    p.add_argument("--id", dest="person_id", metavar="ID", required=True,
                   help="Wikidata Q-id when certain, else rc-<given>-<family>")
    p.add_argument("--name", required=True)
    p.add_argument("--lang", help="BCP-47 tag of the name (default: en)")
    p.add_argument("--country", help="ISO 3166-1 alpha-2; also picks the file <cc>.json")
    p.add_argument("--wikidata")
    p.add_argument("--birth-date")
    p.add_argument("--file", help="curated file name (default: <country>.json)")
    p = edit("add-alias", "add a name to a person")
    p.add_argument("person_id", metavar="person")
    p.add_argument("name")
    p.add_argument("--lang", required=True, help="BCP-47 tag of the name")
    p.add_argument("--kind", help="native, transliteration, short, former, birth")
    p = edit("remove-alias", "remove a name from a person")
    p.add_argument("person_id", metavar="person")
    p.add_argument("name")
    p.add_argument("--lang")
    p = edit("add-post", "add an office")
    p.add_argument("--id", dest="post_id", metavar="ID", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--role-type", required=True)
    p.add_argument("--country")
    p.add_argument("--organization")
    p.add_argument("--file", help="curated file name (default: <country or organization>.json)")
    p = edit("add-tenure", "record that a person held an office")
    p.add_argument("person_id", metavar="person")
    p.add_argument("post_id", metavar="post")
    p.add_argument("--start")
    p.add_argument("--end")
    p.add_argument("--acting", action="store_true")
    p.add_argument("--source", help="where the dates come from")
    p = edit("end-tenure", "close a person's open tenure in an office")
    p.add_argument("person_id", metavar="person")
    p.add_argument("post_id", metavar="post")
    p.add_argument("--end", required=True)
    p = edit("merge", "merge person B into A (B's id keeps answering as a redirect)")
    p.add_argument("keep")
    p.add_argument("retire")


def _add_review_command(gsub: Any) -> None:
    p = _command(gsub, "review", "names the server could not resolve (opt-in queue)", _cmd_review, db=False)
    p.add_argument("--review-db", type=Path, help="the queue (default: $ROLLCALL_REVIEW_DB)")
    limit_option(p, "forms", default=100)
    rsub = p.add_subparsers(dest="review_action")
    for action, help_ in (("accept", "make entry N an alias of a person"), ("reject", "dismiss entry N")):
        r = rsub.add_parser(action, help=help_)
        r.add_argument("number", type=int)
        if action == "accept":
            r.add_argument("--person", required=True)
            r.add_argument("--lang", help="language of the alias (default: the one recorded)")
        sources_option(r)
        # Given before the action, these must not be reset by the sub-parser's defaults.
        r.add_argument("--review-db", type=Path, default=argparse.SUPPRESS, help="the queue")
        json_option(r, keep_parent=True)
        db_option(r)


def add_gazetteer_commands(sub: Any) -> None:
    g = sub.add_parser("gazetteer", help="build and import gazetteer databases")
    gsub = g.add_subparsers(dest="gazetteer_command", required=True)
    p = _command(gsub, "build", "build the database from the curated files", _cmd_build, sources=True)
    p.add_argument("--with", dest="with_popolo", type=Path, action="append", metavar="FILE",
                   help="also import this Popolo JSON file (repeatable)")
    p.add_argument("--drop-imports", action="store_true",
                   help="leave out the Popolo files the database was built or extended with "
                        "(by default a rebuild imports them again)")
    _add_curation_commands(gsub)
    _add_review_command(gsub)
    p = _command(gsub, "duplicates", "persons that are likely one person, for review", _cmd_duplicates)
    p.add_argument("--min-score", type=float, default=0.5,
                   help="least score (0-1): the names' match both ways, weighed with country, birth "
                        "dates, tenures and Wikidata ids (default 0.5)")
    limit_option(p, "pairs", default=100)
    p = _command(gsub, "validate", "check the curated files; exit 1 on errors", _cmd_validate,
                 db=False, sources=True)
    p.add_argument("--today", help="date to check future dates against (default: today)")
    p = _command(gsub, "stats", "counts per script and language; per country and office type, "
                                "holders on a date, coverage since when, vacancies and gaps", _cmd_stats)
    p.add_argument("--date", "--today", dest="date", metavar="DATE",
                   help="YYYY-MM-DD to report holders on (default: today; --today is the old name)")
    p.add_argument("--country", metavar="CC",
                   help="only this country (ISO 3166-1 alpha-2) or organization id (sco, un, ...)")
    p = _command(gsub, "export-popolo", "write a database as Popolo JSON", _cmd_export)
    p.add_argument("file", type=Path)
    p = _command(gsub, "import-popolo", "add a Popolo JSON file to a database", _cmd_import)
    p.add_argument("file", type=Path)
