"""The `rollcall` command: lookup, match (JSONL), attendees, entity, serve, algorithms, eval, fit, bench;
the `gazetteer` commands live in cli_gazetteer, the `batch` ones in cli_batch. A command
parses its arguments, calls the engine (or the lab) once, and hands the answer to its
renderer (render.py)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from contextlib import ExitStack, closing
from pathlib import Path
from typing import TextIO

from rollcall.gazetteer import BuildError, PopoloError, Store, StoreError
from rollcall.resolvers import InvalidQuery

from .cli_common import CliError, db_option, json_option, limit_option, open_engine, user_errors
from .cli_batch import add_batch_commands
from .cli_gazetteer import add_gazetteer_commands
from .engine import UnknownEntity, make_query
from .render import write_algorithms, write_answer, write_document, write_entity, write_json
from .rows import match_line
from .settings import Settings

__all__ = ["main"]


def _cmd_lookup(args: argparse.Namespace, out: TextIO) -> int:
    engine = open_engine(args.db)
    query = make_query(args.name, args.lang, args.date, args.country, args.role, args.limit)
    with user_errors(InvalidQuery):
        answer = engine.match(query)
    write_answer(out, answer, query, as_json=args.json)
    return 0


def _cmd_match(args: argparse.Namespace, out: TextIO) -> int:
    interactive = sys.stdin.isatty()
    # Names piped in are a batch: reading a small gazetteer whole and compiling every
    # transliterator up front (about 0.3 s) pays for itself from a few hundred names on.
    engine = open_engine(args.db, warm=not interactive)
    stdin = sys.stdin.buffer
    for lineno, raw in enumerate(stdin, 1):
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        write_json(out, match_line(engine, raw, lineno), indent=None)
        if interactive:
            out.flush()
    return 0


def _cmd_entity(args: argparse.Namespace, out: TextIO) -> int:
    engine = open_engine(args.db)
    try:
        person, offices = engine.entity(args.id)
    except UnknownEntity:
        raise CliError(f"no person with id {args.id!r}") from None
    write_entity(out, person, offices, as_json=args.json)
    return 0


def _cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from .server import serve  # grpc is imported only when serving

    base = Settings()
    settings = Settings(
        db=args.db or base.db,
        host=args.host or base.host,
        port=base.port if args.port is None else args.port,
        http_port=base.http_port if args.http_port is None else args.http_port,
        max_workers=base.max_workers,
        grace=base.grace,
        processes=base.processes if args.processes is None else args.processes,
    )
    if settings.processes < 1:
        raise CliError(f"--processes must be at least 1, not {settings.processes}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with user_errors(StoreError, OSError):
        if settings.processes > 1:
            from .workers import serve_workers

            Store(settings.db).close()  # a missing or foreign database fails here, once
            return serve_workers(settings, settings.processes)
        serve(settings)
    return 0


def _cmd_attendees(args: argparse.Namespace, out: TextIO) -> int:
    raw = sys.stdin.buffer.read() if args.file == "-" else _read_file(args.file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CliError(f"{args.file}: not UTF-8 ({err.reason} at byte {err.start})") from None
    engine = open_engine(args.db)
    with user_errors(InvalidQuery):
        result = engine.reconcile_document(text, args.lang, args.date)
    write_document(out, result, engine.wikidata, as_json=args.json)
    return 0


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise CliError(f"{path}: {err.strerror}") from None


def _cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    from .lab.attendee_eval import run_article_eval
    from .lab.evaluation import news_names_table, ordinary_words_line, run_names_eval
    from .lab.labelled import LabelledNamesError

    for path in (args.names, args.gazetteer, args.news_names, args.attendees, args.articles, args.scorer):
        if path and not path.is_file():
            raise CliError(f"{path}: no such file")
    sets = [(label, gold, seeds) for label, gold, seeds in (
        ("seeds", args.attendees, args.seeds), ("articles", args.articles, None)) if gold]
    if sets and not args.scorer:
        raise CliError("--attendees and --articles need --scorer (../shared/eval/score_attendees.py)")
    _check_nobody_on(args.nobody_on)
    with user_errors(PopoloError, BuildError, StoreError, LabelledNamesError):
        if args.names and args.gazetteer:
            with ExitStack() as stack:
                others = [stack.enter_context(closing(open_engine(db))) for db in args.nobody_on]
                run_names_eval(args.names, args.gazetteer, args.predictions, out, others)
        if sets or args.news_names:
            with closing(open_engine(args.db)) as engine:
                if args.news_names:
                    out.write(f"\nnames from news pages ({args.news_names}), on the gazetteer {engine.store.path}:\n")
                    out.write(news_names_table(engine, args.news_names) + "\n")
                if sets:
                    out.write(f"\narticles, on the gazetteer {engine.store.path}:\n")
                    out.write(ordinary_words_line(engine) + "\n")
                    run_article_eval(engine, args.scorer, sets, args.article_predictions, out)
    return 0


def _nobody_on_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--nobody-on", type=Path, action="append", default=[], metavar="DB",
                        help="a gazetteer database to match the fit's made-up names against too (repeatable)")


def _check_nobody_on(dbs: list[Path]) -> None:
    for db in dbs:
        if not db.is_file():
            raise CliError(f"{db}: no such gazetteer database")


def _cmd_fit(args: argparse.Namespace, out: TextIO) -> int:
    from .lab.fitting import fit_params
    from .lab.labelled import LabelledNamesError

    for path in (args.names, args.gazetteer):
        if not path.is_file():
            raise CliError(f"{path}: no such file")
    _check_nobody_on(args.nobody_on)
    with user_errors(LabelledNamesError, PopoloError):
        fit_params(args.names, args.gazetteer, out, nobody_on=args.nobody_on, precision=args.precision)
    return 0


def _cmd_bench(args: argparse.Namespace, out: TextIO) -> int:
    from .lab.bench import run_bench

    if args.stream_names < 0 or (args.only_stream and not args.stream_names):
        raise CliError(f"--stream-names must be at least {1 if args.only_stream else 0}, not {args.stream_names}")
    run_bench(args.shared, out, args.queries, args.scale_aliases, args.stream_names, args.only_stream,
              args.batch_names)
    return 0


def _cmd_algorithms(args: argparse.Namespace, out: TextIO) -> int:
    from rollcall.resolvers import NAME_MATCHER
    from rollcall.resolvers.articles import ARTICLE_READER

    write_algorithms(out, [NAME_MATCHER, ARTICLE_READER], as_json=args.json)
    return 0


def _version() -> str:
    from importlib.metadata import version

    from rollcall.resolvers import NAME_MATCHER
    from rollcall.resolvers.articles import ARTICLE_READER

    return (f"rollcall {version('rollcall')} (names: {NAME_MATCHER.name}/{NAME_MATCHER.version}, "
            f"articles: {ARTICLE_READER.name}/{ARTICLE_READER.version})")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rollcall", description="Which official does a name refer to?"
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("lookup", help="rank the gazetteer's persons for one name")
    p.add_argument("name")
    p.add_argument("--lang", help="BCP-47 language of the name (de, fa, zh, ...)")
    p.add_argument("--date", help="ISO date; shows the offices held on it")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 country hint")
    p.add_argument("--role", help="free-text role hint")
    limit_option(p, "candidates")
    json_option(p)
    db_option(p)
    p.set_defaults(func=_cmd_lookup)

    p = sub.add_parser("match", help="JSONL queries on stdin → one JSON result per line")
    db_option(p)
    p.set_defaults(func=_cmd_match)

    p = sub.add_parser("entity", help="show one person with names and offices")
    p.add_argument("id")
    json_option(p)
    db_option(p)
    p.set_defaults(func=_cmd_entity)

    p = sub.add_parser("serve", help="run the gRPC server in the foreground")
    p.add_argument("--host", help="address to bind (default 127.0.0.1, $ROLLCALL_HOST)")
    p.add_argument("--port", type=int, help="port (default 50051, $ROLLCALL_PORT; 0 = any)")
    p.add_argument("--http-port", type=int,
                   help="port of the W3C Reconciliation API over HTTP (default 8080, $ROLLCALL_HTTP_PORT; 0 = off)")
    p.add_argument("--processes", type=int,
                   help="server processes sharing the port, one core each (default 1, $ROLLCALL_PROCESSES)")
    db_option(p)
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("attendees", help="who an article names, in which office, attending or not")
    p.add_argument("file", help="the article (UTF-8 text), or - for standard input")
    p.add_argument("--lang", help="BCP-47 language of the article")
    p.add_argument("--date", help="ISO date of the events the article reports")
    json_option(p)
    db_option(p)
    p.set_defaults(func=_cmd_attendees)

    p = sub.add_parser("algorithms", help="the name matcher's and the article reader's features and settings")
    json_option(p)
    p.set_defaults(func=_cmd_algorithms)

    p = sub.add_parser("eval", help="accuracy, calibration and speed on labelled names")
    p.add_argument("--names", type=Path, help="labelled queries (JSONL)")
    p.add_argument("--gazetteer", type=Path, help="Popolo JSON to match the names against")
    p.add_argument("--predictions", type=Path, help="write every answer here (JSONL)")
    _nobody_on_option(p)
    p.add_argument("--news-names", type=Path,
                   help="labelled names as news pages write them, matched against --db (JSONL, as --names)")
    p.add_argument("--attendees", type=Path, help="who attended, per article (JSONL)")
    p.add_argument("--seeds", type=Path, help="folder of the articles named in --attendees")
    p.add_argument("--articles", type=Path, help="articles with their text and who attended (JSONL)")
    p.add_argument("--scorer", type=Path, help="the attendee scorer to agree with (score_attendees.py)")
    p.add_argument("--article-predictions", type=Path, default=Path("var/eval"),
                   help="folder for each article's answer (default var/eval/<set>/<id>.json)")
    db_option(p)
    p.set_defaults(func=_cmd_eval)

    p = sub.add_parser("fit", help="refit the matcher's parameters (resolvers/params.json)")
    p.add_argument("--names", type=Path, required=True, help="labelled queries (JSONL)")
    p.add_argument("--gazetteer", type=Path, required=True, help="Popolo JSON to match against")
    _nobody_on_option(p)
    p.add_argument("--precision", type=float, default=0.99,
                   help="auto-accept precision to hold under cross-validation (default 0.99)")
    p.set_defaults(func=_cmd_fit)

    p = sub.add_parser("bench", help="speed and memory on this machine (make bench)")
    p.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared data folder")
    p.add_argument("--queries", type=int, default=600, help="dev queries per measurement")
    p.add_argument("--scale-aliases", type=int, default=1_000_000,
                   help="aliases in the synthetic scale run (0: skip it; default 1,000,000)")
    p.add_argument("--stream-names", type=int, default=100_000,
                   help="names through MatchStream, MatchBatchStream and MatchNames (0: skip it; default 100,000)")
    p.add_argument("--only-stream", action="store_true", help="run only that stream section")
    p.add_argument("--batch-names", type=int, default=100_000,
                   help="synthetic names through rollcall match and rollcall batch (0: skip it; default 100,000)")
    p.set_defaults(func=_cmd_bench)

    add_gazetteer_commands(sub)
    add_batch_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args, sys.stdout)
    except CliError as err:
        sys.stderr.write(f"rollcall: error: {err}\n")
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
