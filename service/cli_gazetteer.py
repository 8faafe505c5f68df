"""`rollcall gazetteer ...`: building, importing, exporting, checking and curating."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from rollcall.gazetteer import (
    BuildError, ImportSummary, PopoloError, SourceError, StoreError, build_curated, import_file,
)
from rollcall.gazetteer.curate import Change, CurationError, Curator
from rollcall.gazetteer.review import ReviewLog

from .cli_common import CliError, db_option, open_engine, write_table
from .settings import Settings, default_db_path, default_sources

__all__ = ["add_gazetteer_commands"]

_SOURCES_HELP = "folder of curated files (default: $ROLLCALL_SOURCES, else the packaged ones)"


def _cmd_build(args: argparse.Namespace, out: TextIO) -> int:
    db = args.db or default_db_path()
    try:
        gaz, summaries = build_curated(db, args.sources or default_sources(), args.with_popolo or (),
                                       keep_imports=not args.drop_imports, progress=_progress_bar)
    except (SourceError, BuildError, PopoloError, StoreError) as err:
        raise CliError(str(err)) from None
    finally:
        _end_progress_bar()
    counts = {"persons": len(gaz.persons), "posts": len(gaz.posts), "tenures": len(gaz.tenures),
              "organizations": len(gaz.organizations)}
    if args.json:
        imports = {str(p): _summary_json(s) for p, s in summaries}
        out.write(json.dumps({"db": str(db), **counts, "imports": imports}, ensure_ascii=False) + "\n")
        return 0
    out.write(f"built {db}: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + "\n")
    for path, s in summaries:
        _write_summary(out, f"  with {path}", s)
    return 0


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


def _summary_json(s: ImportSummary) -> dict[str, Any]:
    return {**s.as_dict(), "conflict_details": s.conflicts, "warning_details": s.warnings}


def _write_summary(out: TextIO, head: str, s: ImportSummary, shown: int = 20) -> None:
    out.write(
        f"{head}: {s.persons_added} persons added, {s.persons_merged} merged by Wikidata id, "
        f"{s.posts_added} posts, {s.tenures_added} tenures ({s.tenures_duplicate} duplicates "
        f"skipped), {len(s.conflicts)} conflicts, {len(s.warnings)} warnings\n")
    for kind, items in (("conflict", s.conflicts), ("warning", s.warnings)):
        for item in items[:shown]:
            out.write(f"    {kind}: {item}\n")
        if len(items) > shown:
            out.write(f"    ... and {len(items) - shown} more {kind}s (--json lists them all)\n")


def _curator(args: argparse.Namespace) -> Curator:
    try:
        return Curator(args.sources or default_sources())
    except CurationError as err:
        raise CliError(str(err)) from None


def _cmd_curate(args: argparse.Namespace, out: TextIO) -> int:
    """One edit of the curated files, then a rebuild of the database."""
    curator = _curator(args)
    try:
        change = args.edit(curator, args)
    except (CurationError, BuildError, SourceError) as err:
        raise CliError(f"nothing changed: {err}") from None
    db = _rebuild(args, curator, change)
    if args.json:
        out.write(json.dumps({"file": change.file, "action": change.action, **change.detail,
                              "db": str(db)}, ensure_ascii=False) + "\n")
    else:
        out.write(f"{change}\nrebuilt {db}\n")
    return 0


def _rebuild(args: argparse.Namespace, curator: Curator, change: Change) -> Path:
    """After an edit of the curated files: the database again, with the imports it had."""
    db = args.db or default_db_path()
    try:
        build_curated(db, curator.sources)
    except (SourceError, BuildError, StoreError, PopoloError) as err:
        raise CliError(f"{change}; but the rebuild of {db} failed: {err}") from None
    return db


def _review_log(args: argparse.Namespace) -> ReviewLog:
    path = args.review_db or Settings().review_db
    if path is None:
        raise CliError("no review queue: pass --review-db or set ROLLCALL_REVIEW_DB")
    if not Path(path).exists():
        raise CliError(f"{path}: no review queue there yet (the server creates it)")
    return ReviewLog(path)


def _cmd_review(args: argparse.Namespace, out: TextIO) -> int:
    log_ = _review_log(args)
    if args.review_action is None:
        groups = log_.groups(args.limit)
        if args.json:
            out.write(json.dumps([dataclasses.asdict(g) for g in groups], ensure_ascii=False, indent=2) + "\n")
            return 0
        for g in groups:
            cand = f"  best guess {', '.join(g.candidates)}" if g.candidates else ""
            out.write(f"#{g.number}  {g.count}×  {' / '.join(g.texts)}  ({g.lang or 'und'}; {', '.join(g.kinds)}){cand}\n")
            for c in g.contexts:
                out.write(f"      …{c}…\n")
        out.write(f"{len(groups)} forms pending\n")
        return 0
    entry = log_.entry(args.number)
    if entry is None:
        raise CliError(f"no review entry #{args.number}")
    text, lang, status = entry
    if status != "pending":
        raise CliError(f"review entry #{args.number} is {status} already")
    if args.review_action == "reject":
        n = log_.settle(args.number, "rejected")
        out.write(json.dumps({"rejected": text, "entries": n}, ensure_ascii=False) + "\n" if args.json
                  else f"rejected {text!r} ({n} entries)\n")
        return 0
    curator = _curator(args)
    try:
        change = curator.add_alias(args.person, text, lang=args.lang or lang or "und")
    except (CurationError, BuildError, SourceError) as err:
        raise CliError(f"nothing changed: {err}") from None
    db = _rebuild(args, curator, change)
    n = log_.settle(args.number, "accepted")
    if args.json:
        out.write(json.dumps({"accepted": text, "person": args.person, "entries": n, "file": change.file},
                             ensure_ascii=False) + "\n")
    else:
        out.write(f"{change} ({n} review entries settled)\nrebuilt {db}\n")
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
    if args.json:
        out.write(json.dumps([dataclasses.asdict(p) for p in pairs[: args.limit]], ensure_ascii=False, indent=2) + "\n")
        return 0
    for p in pairs[: args.limit]:
        out.write(f"{p.score:.3f}  {p.a} {p.name_a!r}  ~  {p.b} {p.name_b!r}  "
                  f"({p.alias_a!r} ~ {p.alias_b!r}: {p.why})\n")
    out.write(f"{len(pairs)} likely duplicate pairs; merge with 'rollcall gazetteer merge KEEP RETIRE'\n")
    return 0


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from rollcall.gazetteer.validate import check
    from rollcall.gazetteer.sources import load_sources, source_files

    sources = args.sources or default_sources()
    try:
        gaz = load_sources(source_files(sources))
    except SourceError as err:
        raise CliError(str(err)) from None
    errors, warnings = check(gaz, args.today)
    if args.json:
        out.write(json.dumps({"errors": [str(p) for p in errors], "warnings": [str(p) for p in warnings]},
                             ensure_ascii=False, indent=2) + "\n")
    else:
        for p in errors:
            out.write(f"error: {p}\n")
        for p in warnings:
            out.write(f"ambiguity: {p}\n")
        out.write(f"{sources}: {len(gaz.persons)} persons, {len(gaz.tenures)} tenures; "
                  f"{len(errors)} errors, {len(warnings)} ambiguities\n")
    return 1 if errors else 0


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    from rollcall.gazetteer.stats import UnknownArea, coverage_report, gazetteer_stats

    date = _stats_date(args.date)
    engine = open_engine(args.db)
    try:
        stats = (coverage_report(engine.store, date, args.country) if args.country
                 else gazetteer_stats(engine.store, date))
    except UnknownArea as err:
        raise CliError(str(err)) from None
    if args.json:
        out.write(json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not args.country:  # one country's report leaves out the totals of the whole gazetteer
        _write_totals(out, stats)
    _write_coverage(out, stats)
    _write_vacancies(out, stats)
    _write_gaps(out, stats)
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


def _write_totals(out: TextIO, stats: dict[str, Any]) -> None:
    out.write(f"persons {stats['persons']}, aliases {stats['aliases']}, posts {stats['posts']}, "
              f"tenures {stats['tenures']}, organizations {stats['organizations']}\n")
    out.write("aliases per script: " + ", ".join(f"{k} {v}" for k, v in stats["aliases_per_script"].items()) + "\n")
    out.write("aliases per language: " + ", ".join(f"{k} {v}" for k, v in list(stats["aliases_per_language"].items())[:25]) + "\n")
    cov = stats["current_holders"]
    out.write(f"posts with a role type: {cov['posts']}, with a holder on {stats['date']}: {cov['with_holder']}\n\n")


def _office_type(role_type: str) -> str:
    return role_type.replace("_", " ") or "-"


def _gap_text(gap: dict[str, Any]) -> str:
    return f"{gap['from']}..{gap['to']}"


def _gaps_cell(gaps: list[dict[str, Any]], shown: int = 2) -> str:
    """A few gaps in the table; the list under it has them all, with their posts."""
    cell = ", ".join(_gap_text(g) for g in gaps[:shown]) or "-"
    return cell + (f" (+{len(gaps) - shown} more)" if len(gaps) > shown else "")


def _coverage_rows(stats: dict[str, Any]) -> list[tuple[str, ...]]:
    """One row per office type; an area's code and counts only on its first row, so that the
    areas stand out as blocks."""
    rows: list[tuple[str, ...]] = [("area", "persons", "all posts", "office type", "posts", "held",
                                    "first held", "covered since", f"gaps since {stats['gaps_since'][:4]}")]
    for area in stats["coverage"]:
        head = (area["area"], str(area["persons"]), str(area["posts"]))
        for o in area["offices"] or [None]:
            cells = (("-",) * 6 if o is None else
                     (_office_type(o["role_type"]), str(o["posts"]), str(o["held"]),
                      o["first_held"] or "-", o["covered_since"] or "-", _gaps_cell(o["gaps"])))
            rows.append(head + cells)
            head = ("", "", "")
    return rows


def _write_coverage(out: TextIO, stats: dict[str, Any]) -> None:
    out.write(f"coverage on {stats['date']}  (held: posts with a holder on the date; covered since: holders\n"
              f"  follow one another from then to the date with no gap over {stats['gap_days']} days; "
              f"?: the first one's start is not recorded)\n")
    write_table(out, _coverage_rows(stats))


def _write_vacancies(out: TextIO, stats: dict[str, Any]) -> None:
    vacancies = stats["vacancies"]
    out.write(f"\noffices with no holder on {stats['date']}: {len(vacancies) or 'none'}\n")
    if vacancies:
        rows = [("area", "office type", "post", "last held until", "next from", "label")]
        rows += [(v["area"], _office_type(v["role_type"]), v["post_id"], v["last_held_until"] or "-",
                  v["next_held_from"] or "-", v["label"]) for v in vacancies]
        write_table(out, rows)


def _write_gaps(out: TextIO, stats: dict[str, Any]) -> None:
    gaps = stats["gaps"]
    out.write(f"\ngaps of more than {stats['gap_days']} days between holders since {stats['gaps_since']}: "
              f"{len(gaps) or 'none'}\n")
    if gaps:
        rows = [("area", "office type", "post", "from", "to", "days", "label")]
        rows += [(g["area"], _office_type(g["role_type"]), g["post_id"], g["from"], g["to"], str(g["days"]),
                  g["label"]) for g in gaps]
        write_table(out, rows)


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from rollcall.gazetteer.popolo_export import export_popolo

    engine = open_engine(args.db)
    try:
        counts = export_popolo(args.db or default_db_path(), args.file)
    except StoreError as err:
        raise CliError(str(err)) from None
    if args.json:
        out.write(json.dumps({"file": str(args.file), **counts}) + "\n")
    else:
        out.write(f"exported {args.file}: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + "\n")
    engine.close()
    return 0


def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    db = args.db or default_db_path()
    try:
        summary = import_file(db, args.file, _progress_bar)
    except (PopoloError, BuildError, StoreError) as err:
        raise CliError(str(err)) from None
    finally:
        _end_progress_bar()
    if args.json:
        out.write(json.dumps({"db": str(db), **_summary_json(summary)}, ensure_ascii=False) + "\n")
    else:
        _write_summary(out, f"imported {args.file} into {db}", summary)
    return 0


def add_gazetteer_commands(sub: Any) -> None:
    g = sub.add_parser("gazetteer", help="build and import gazetteer databases")
    gsub = g.add_subparsers(dest="gazetteer_command", required=True)
    p = gsub.add_parser("build", help="build the database from the curated files")
    p.add_argument("--with", dest="with_popolo", type=Path, action="append", metavar="FILE",
                   help="also import this Popolo JSON file (repeatable)")
    p.add_argument("--sources", type=Path, help=_SOURCES_HELP)
    p.add_argument("--drop-imports", action="store_true",
                   help="leave out the Popolo files the database was built or extended with "
                        "(by default a rebuild imports them again)")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    db_option(p)
    p.set_defaults(func=_cmd_build)
    def curation(name: str, help_: str, edit: Callable[[Curator, argparse.Namespace], Change]) -> argparse.ArgumentParser:
        p = gsub.add_parser(name, help=help_)
        p.add_argument("--sources", type=Path, help=_SOURCES_HELP)
        p.add_argument("--json", action="store_true", help="print the change as JSON")
        db_option(p)
        p.set_defaults(func=_cmd_curate, edit=edit)
        return p

    p = curation("add-person", "add a person to a curated file",
                 lambda c, a: c.add_person(a.id, a.name, file=a.file or f"{(a.country or 'misc').lower()}.json",
                                           lang=a.lang, country=a.country or "", wikidata=a.wikidata or "",
                                           birth_date=a.birth_date))
    p.add_argument("--id", required=True, help="Wikidata Q-id when certain, else rc-<given>-<family>")
    p.add_argument("--name", required=True)
    p.add_argument("--lang", default="en")
    p.add_argument("--country", help="ISO 3166-1 alpha-2; also picks the file <cc>.json")
    p.add_argument("--wikidata")
    p.add_argument("--birth-date")
    p.add_argument("--file", help="curated file name (default: <country>.json)")
    p = curation("add-alias", "add a name to a person",
                 lambda c, a: c.add_alias(a.person, a.name, lang=a.lang, kind=a.kind or ""))
    p.add_argument("person")
    p.add_argument("name")
    p.add_argument("--lang", required=True, help="BCP-47 tag of the name")
    p.add_argument("--kind", help="native, transliteration, short, former, birth")
    p = curation("remove-alias", "remove a name from a person",
                 lambda c, a: c.remove_alias(a.person, a.name, lang=a.lang))
    p.add_argument("person")
    p.add_argument("name")
    p.add_argument("--lang")
    p = curation("add-post", "add an office",
                 lambda c, a: c.add_post(a.id, a.label, role_type=a.role_type,
                                         file=a.file or f"{(a.country or a.organization or 'misc').lower()}.json",
                                         country=a.country or "", organization=a.organization or ""))
    p.add_argument("--id", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--role-type", required=True)
    p.add_argument("--country")
    p.add_argument("--organization")
    p.add_argument("--file")
    p = curation("add-tenure", "record that a person held an office",
                 lambda c, a: c.add_tenure(a.person, a.post, start=a.start, end=a.end, acting=a.acting,
                                           source=a.source or ""))
    p.add_argument("person")
    p.add_argument("post")
    p.add_argument("--start")
    p.add_argument("--end")
    p.add_argument("--acting", action="store_true")
    p.add_argument("--source", help="where the dates come from")
    p = curation("end-tenure", "close a person's open tenure in an office",
                 lambda c, a: c.end_tenure(a.person, a.post, end=a.end))
    p.add_argument("person")
    p.add_argument("post")
    p.add_argument("--end", required=True)
    p = curation("merge", "merge person B into A (B's id keeps answering as a redirect)",
                 lambda c, a: c.merge(a.keep, a.retire))
    p.add_argument("keep")
    p.add_argument("retire")

    p = gsub.add_parser("review", help="names the server could not resolve (opt-in queue)")
    p.add_argument("--review-db", type=Path, help="the queue (default: $ROLLCALL_REVIEW_DB)")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    rsub = p.add_subparsers(dest="review_action")
    for action, help_ in (("accept", "make entry N an alias of a person"), ("reject", "dismiss entry N")):
        r = rsub.add_parser(action, help=help_)
        r.add_argument("number", type=int)
        if action == "accept":
            r.add_argument("--person", required=True)
            r.add_argument("--lang", help="language of the alias (default: the one recorded)")
        r.add_argument("--sources", type=Path, help=_SOURCES_HELP)
        # SUPPRESS: given before the action, these must not be reset by the sub-parser.
        r.add_argument("--review-db", type=Path, default=argparse.SUPPRESS, help="the queue")
        r.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
        db_option(r)
    p.set_defaults(func=_cmd_review)

    p = gsub.add_parser("duplicates", help="persons that are likely one person, for review")
    p.add_argument("--min-score", type=float, default=0.5,
                   help="least score (0-1): the names' match both ways, weighed with country, birth "
                        "dates, tenures and Wikidata ids (default 0.5)")
    p.add_argument("--limit", type=int, default=100, help="pairs to print")
    p.add_argument("--json", action="store_true")
    db_option(p)
    p.set_defaults(func=_cmd_duplicates)

    p = gsub.add_parser("validate", help="check the curated files; exit 1 on errors")
    p.add_argument("--sources", type=Path, help=_SOURCES_HELP)
    p.add_argument("--today", help="date to check future dates against (default: today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_validate)
    p = gsub.add_parser("stats", help="counts per script and language; per country and office type, "
                                      "holders on a date, coverage since when, vacancies and gaps")
    p.add_argument("--date", "--today", dest="date", metavar="DATE",
                   help="YYYY-MM-DD to report holders on (default: today; --today is the old name)")
    p.add_argument("--country", metavar="CC",
                   help="only this country (ISO 3166-1 alpha-2) or organization id (sco, un, ...)")
    p.add_argument("--json", action="store_true", help="print the same report as JSON")
    db_option(p)
    p.set_defaults(func=_cmd_stats)
    p = gsub.add_parser("export-popolo", help="write a database as Popolo JSON")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    db_option(p)
    p.set_defaults(func=_cmd_export)
    p = gsub.add_parser("import-popolo", help="add a Popolo JSON file to a database")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    db_option(p)
    p.set_defaults(func=_cmd_import)
