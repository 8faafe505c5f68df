"""The `rollcall` command: lookup, match (JSONL), serve, entity, and gazetteer building."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from gazetteer import BuildError, PopoloError, SourceError, StoreError, build_curated, import_file
from gazetteer.build import rebuild
from gazetteer.curate import Change, CurationError, Curator
from gazetteer.review import ReviewLog
from resolvers import InvalidQuery, Query

from .answers import answer_json, document_json
from .engine import Engine, UnknownEntity
from .settings import Settings, default_db_path

__all__ = ["main"]


class CliError(Exception):
    """A user-facing error: printed as 'rollcall: error: ...', exit status 2."""


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None,
        help=f"gazetteer database (default: $ROLLCALL_DB or {default_db_path()})",
    )


def _open_engine(db: Path | None) -> Engine:
    try:
        return Engine(db or default_db_path())
    except StoreError as err:
        raise CliError(str(err)) from None


def _cmd_lookup(args: argparse.Namespace, out: TextIO) -> int:
    engine = _open_engine(args.db)
    query = Query(args.name, args.lang, args.date, args.country, args.role, args.limit)
    try:
        answer = engine.match(query)
    except InvalidQuery as err:
        raise CliError(str(err)) from None
    if args.json:
        json.dump(answer_json(answer), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not answer.candidates:
        out.write(f"no candidates for {args.name!r}\n")
        return 0
    rows = [("#", "confidence", "id", "name", "matched alias", "offices" + (f" on {args.date}" if args.date else ""))]
    for i, rc in enumerate(answer.candidates, 1):
        c = rc.candidate
        alias = f"{c.matched_alias} ({c.matched_alias_lang or 'und'})"
        offices = "; ".join(o.post for o in rc.offices) or "-"
        rows.append((str(i), f"{c.confidence:.3f}", c.person_id, c.name, alias, offices))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1] + "\n")
    verdict = "accept" if answer.result.match else "review"
    algo = answer.result.algorithm
    out.write(f"\nmatch: {verdict} (first candidate)  algorithm: {algo.name}/{algo.version}\n")
    return 0


def _match_line(engine: Engine, raw: bytes, lineno: int) -> dict:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return {"id": None, "error": f"line {lineno}: not UTF-8 ({err.reason} at byte {err.start})"}
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        return {"id": None, "error": f"line {lineno}: invalid JSON: {err.msg}"}
    if not isinstance(obj, dict):
        return {"id": None, "error": f"line {lineno}: expected a JSON object"}
    qid = obj.get("id")
    fields = {"query": str, "lang": str, "date": str, "country": str, "role": str, "limit": int}
    for key, typ in fields.items():
        if key in obj and obj[key] is not None and not isinstance(obj[key], typ):
            return {"id": qid, "error": f"line {lineno}: '{key}' must be a {typ.__name__}"}
    if not isinstance(obj.get("query"), str):
        return {"id": qid, "error": f"line {lineno}: 'query' is missing"}
    query = Query(obj["query"], obj.get("lang") or None, obj.get("date") or None,
                  obj.get("country") or None, obj.get("role") or None, obj.get("limit") or 5)
    try:
        return answer_json(engine.match(query), qid, with_id=True)
    except InvalidQuery as err:
        return {"id": qid, "error": f"line {lineno}: {err}"}


def _cmd_match(args: argparse.Namespace, out: TextIO) -> int:
    engine = _open_engine(args.db)
    stdin = sys.stdin.buffer
    interactive = sys.stdin.isatty()
    for lineno, raw in enumerate(stdin, 1):
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        out.write(json.dumps(_match_line(engine, raw, lineno), ensure_ascii=False) + "\n")
        if interactive:
            out.flush()
    return 0


def _cmd_entity(args: argparse.Namespace, out: TextIO) -> int:
    engine = _open_engine(args.db)
    try:
        person, offices = engine.entity(args.id)
    except UnknownEntity:
        raise CliError(f"no person with id {args.id!r}") from None
    doc = {
        "id": person.id, "name": person.name, "wikidata": person.wikidata or None,
        "country": person.country or None, "birth_date": person.birth_date or None,
        "names": [{"name": n.name, "lang": n.lang, "script": n.script, "kind": n.kind}
                  for n in person.names],
        "offices": [{"post_id": o.post_id, "post": o.post, "start_date": o.start or None,
                     "end_date": o.end or None, "acting": o.acting} for o in offices],
    }
    if args.json:
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    out.write(f"{person.name}  [{person.id}]  {person.country}\n")
    for n in person.names:
        out.write(f"  name    {n.name}  ({n.lang or 'und'}, {n.script}{', ' + n.kind if n.kind else ''})\n")
    for o in offices:
        acting = " (acting)" if o.acting else ""
        out.write(f"  office  {o.post}{acting}: {o.start or '?'} – {o.end or 'now'}\n")
    return 0


def _cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from .server import serve  # grpc is imported only when serving

    base = Settings()
    settings = Settings(
        db=args.db or base.db,
        host=args.host or base.host,
        port=base.port if args.port is None else args.port,
        max_workers=base.max_workers,
        grace=base.grace,
    )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        serve(settings)
    except StoreError as err:
        raise CliError(str(err)) from None
    return 0


def _cmd_build(args: argparse.Namespace, out: TextIO) -> int:
    db = args.db or default_db_path()
    try:
        gaz, summaries = build_curated(db, with_popolo=args.with_popolo or ())
    except (SourceError, BuildError, PopoloError) as err:
        raise CliError(str(err)) from None
    counts = {"persons": len(gaz.persons), "posts": len(gaz.posts), "tenures": len(gaz.tenures),
              "organizations": len(gaz.organizations)}
    if args.json:
        imports = {str(p): s.as_dict() for p, s in zip(args.with_popolo or (), summaries)}
        out.write(json.dumps({"db": str(db), **counts, "imports": imports}) + "\n")
        return 0
    out.write(f"built {db}: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + "\n")
    for path, s in zip(args.with_popolo or (), summaries):
        out.write(f"  with {path}: {json.dumps(s.as_dict())}\n")
    return 0


def _curator(args: argparse.Namespace) -> Curator:
    from gazetteer.sources import DEFAULT_SOURCES

    try:
        return Curator(args.sources or DEFAULT_SOURCES)
    except CurationError as err:
        raise CliError(str(err)) from None


def _cmd_curate(args: argparse.Namespace, out: TextIO) -> int:
    """One edit of the curated files, then a rebuild of the database."""
    curator = _curator(args)
    try:
        change = args.edit(curator, args)
    except (CurationError, BuildError, SourceError) as err:
        raise CliError(f"nothing changed: {err}") from None
    db = args.db or default_db_path()
    try:
        rebuild(db, curator.sources)
    except (SourceError, BuildError, StoreError, PopoloError) as err:
        raise CliError(f"{change}; but the rebuild of {db} failed: {err}") from None
    if args.json:
        out.write(json.dumps({"file": change.file, "action": change.action, **change.detail,
                              "db": str(db)}, ensure_ascii=False) + "\n")
    else:
        out.write(f"{change}\nrebuilt {db}\n")
    return 0


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
    db = args.db or default_db_path()
    rebuild(db, curator.sources)
    n = log_.settle(args.number, "accepted")
    if args.json:
        out.write(json.dumps({"accepted": text, "person": args.person, "entries": n, "file": change.file},
                             ensure_ascii=False) + "\n")
    else:
        out.write(f"{change} ({n} review entries settled)\nrebuilt {db}\n")
    return 0


def _cmd_duplicates(args: argparse.Namespace, out: TextIO) -> int:
    from gazetteer.duplicates import find_duplicates

    engine = _open_engine(args.db)

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
        out.write(f"{p.score:.3f}  {p.a} {p.name_a!r}  ~  {p.b} {p.name_b!r} (as {p.alias_b!r})  {p.why}\n")
    out.write(f"{len(pairs)} likely duplicate pairs; merge with 'rollcall gazetteer merge KEEP RETIRE'\n")
    return 0


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from gazetteer.checks import check
    from gazetteer.sources import DEFAULT_SOURCES, load_sources, source_files

    sources = args.sources or DEFAULT_SOURCES
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
    from gazetteer.stats import gazetteer_stats

    engine = _open_engine(args.db)
    stats = gazetteer_stats(engine.store, args.today)
    if args.json:
        out.write(json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(f"persons {stats['persons']}, aliases {stats['aliases']}, posts {stats['posts']}, "
              f"tenures {stats['tenures']}, organizations {stats['organizations']}\n")
    out.write("aliases per script: " + ", ".join(f"{k} {v}" for k, v in stats["aliases_per_script"].items()) + "\n")
    out.write("aliases per language: " + ", ".join(f"{k} {v}" for k, v in list(stats["aliases_per_language"].items())[:25]) + "\n")
    cov = stats["current_holders"]
    out.write(f"posts with a role type: {cov['posts']}, with a current holder on {stats['today']}: {cov['with_holder']}\n")
    for post in cov["without_holder"][:40]:
        out.write(f"  no current holder: {post}\n")
    return 0


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from gazetteer.popolo_export import export_popolo

    engine = _open_engine(args.db)
    counts = export_popolo(args.db or default_db_path(), args.file)
    if args.json:
        out.write(json.dumps({"file": str(args.file), **counts}) + "\n")
    else:
        out.write(f"exported {args.file}: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + "\n")
    engine.close()
    return 0


def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    db = args.db or default_db_path()

    def progress(stage: str, done: int, total: int) -> None:
        if sys.stderr.isatty():
            width = 30
            filled = width * done // max(total, 1)
            sys.stderr.write(f"\r{stage:<12} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            sys.stderr.flush()

    try:
        summary = import_file(db, args.file, progress)
        if sys.stderr.isatty():
            sys.stderr.write("\r" + " " * 70 + "\r")
    except (PopoloError, BuildError, StoreError) as err:
        raise CliError(str(err)) from None
    if args.json:
        out.write(json.dumps({"db": str(db), **summary.as_dict()}) + "\n")
    else:
        s = summary
        out.write(
            f"imported {args.file} into {db}: {s.persons_added} persons added, "
            f"{s.persons_merged} merged by Wikidata id, {s.posts_added} posts, "
            f"{s.tenures_added} tenures ({s.tenures_duplicate} duplicates skipped), "
            f"{len(s.conflicts)} conflicts, {len(s.warnings)} warnings\n"
        )
        for c in s.conflicts[:20]:
            out.write(f"  conflict: {c}\n")
        for w in s.warnings[:20]:
            out.write(f"  warning: {w}\n")
    return 0


def _cmd_attendees(args: argparse.Namespace, out: TextIO) -> int:
    raw = sys.stdin.buffer.read() if args.file == "-" else _read_file(args.file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CliError(f"{args.file}: not UTF-8 ({err.reason} at byte {err.start})") from None
    engine = _open_engine(args.db)
    try:
        result = engine.reconcile_document(text, args.lang, args.date)
    except InvalidQuery as err:
        raise CliError(str(err)) from None
    if args.json:
        json.dump(document_json(result, engine.wikidata), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for p in result.people:
        office = p.office.post if p.office else "-"
        mark = "attending" if p.attending else "mentioned"
        spans = ", ".join(f"{m.text!r}@{m.start}" for m in p.mentions)
        out.write(f"{mark:<10} {p.confidence:.2f}  {p.id:<14} {p.name}  [{office}]  {spans}\n")
    for u in result.unresolved:
        extra = " ".join(x for x in (u.role, u.country) if x)
        out.write(f"unresolved       {u.text!r}@{u.start} {extra}\n")
    return 0


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise CliError(f"{path}: {err.strerror}") from None


def _cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    from .attendee_eval import run_attendee_eval
    from .evaluation import run_names_eval

    for path in (args.names, args.gazetteer):
        if path and not path.is_file():
            raise CliError(f"{path}: no such file")
    try:
        if args.names and args.gazetteer:
            run_names_eval(args.names, args.gazetteer, args.predictions, out)
        if args.attendees:
            out.write("\nattendees (curated gazetteer):\n")
            run_attendee_eval(args.db or default_db_path(), args.attendees, args.seeds, out)
    except (PopoloError, BuildError, StoreError) as err:
        raise CliError(str(err)) from None
    return 0


def _cmd_fit(args: argparse.Namespace, out: TextIO) -> int:
    from .fitting import fit_params

    for path in (args.names, args.gazetteer):
        if not path.is_file():
            raise CliError(f"{path}: no such file")
    fit_params(args.names, args.gazetteer, out, precision=args.precision)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rollcall", description="Which official does a name refer to?"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("lookup", help="rank the gazetteer's persons for one name")
    p.add_argument("name")
    p.add_argument("--lang", help="BCP-47 language of the name (de, fa, zh, ...)")
    p.add_argument("--date", help="ISO date; shows the offices held on it")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 country hint")
    p.add_argument("--role", help="free-text role hint")
    p.add_argument("--limit", type=int, default=5, help="candidates to show (1-50)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _db_option(p)
    p.set_defaults(func=_cmd_lookup)

    p = sub.add_parser("match", help="JSONL queries on stdin → one JSON result per line")
    _db_option(p)
    p.set_defaults(func=_cmd_match)

    p = sub.add_parser("entity", help="show one person with names and offices")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    _db_option(p)
    p.set_defaults(func=_cmd_entity)

    p = sub.add_parser("serve", help="run the gRPC server in the foreground")
    p.add_argument("--host", help="address to bind (default 127.0.0.1, $ROLLCALL_HOST)")
    p.add_argument("--port", type=int, help="port (default 50051, $ROLLCALL_PORT; 0 = any)")
    _db_option(p)
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("attendees", help="who an article names, in which office, attending or not")
    p.add_argument("file", help="the article (UTF-8 text), or - for standard input")
    p.add_argument("--lang", help="BCP-47 language of the article")
    p.add_argument("--date", help="ISO date of the events the article reports")
    p.add_argument("--json", action="store_true", help="print JSON instead of lines")
    _db_option(p)
    p.set_defaults(func=_cmd_attendees)

    p = sub.add_parser("eval", help="accuracy, calibration and speed on labelled names")
    p.add_argument("--names", type=Path, help="labelled queries (JSONL)")
    p.add_argument("--gazetteer", type=Path, help="Popolo JSON to match the names against")
    p.add_argument("--predictions", type=Path, help="write every answer here (JSONL)")
    p.add_argument("--attendees", type=Path, help="who attended, per article (JSONL)")
    p.add_argument("--seeds", type=Path, help="folder of the articles named in --attendees")
    _db_option(p)
    p.set_defaults(func=_cmd_eval)

    p = sub.add_parser("fit", help="refit the matcher's parameters (resolvers/params.json)")
    p.add_argument("--names", type=Path, required=True, help="labelled queries (JSONL)")
    p.add_argument("--gazetteer", type=Path, required=True, help="Popolo JSON to match against")
    p.add_argument("--precision", type=float, default=0.99,
                   help="auto-accept precision to hold under cross-validation (default 0.99)")
    p.set_defaults(func=_cmd_fit)

    g = sub.add_parser("gazetteer", help="build and import gazetteer databases")
    gsub = g.add_subparsers(dest="gazetteer_command", required=True)
    p = gsub.add_parser("build", help="build the database from the curated files")
    p.add_argument("--with", dest="with_popolo", type=Path, action="append", metavar="FILE",
                   help="also import this Popolo JSON file (repeatable)")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    _db_option(p)
    p.set_defaults(func=_cmd_build)
    def curation(name: str, help_: str, edit: Callable[[Curator, argparse.Namespace], Change]) -> argparse.ArgumentParser:
        p = gsub.add_parser(name, help=help_)
        p.add_argument("--sources", type=Path, help="folder of curated files (default: the packaged ones)")
        p.add_argument("--json", action="store_true", help="print the change as JSON")
        _db_option(p)
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
        r.add_argument("--sources", type=Path, help="folder of curated files (default: the packaged ones)")
        # SUPPRESS: given before the action, these must not be reset by the sub-parser.
        r.add_argument("--review-db", type=Path, default=argparse.SUPPRESS, help="the queue")
        r.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
        _db_option(r)
    p.set_defaults(func=_cmd_review)

    p = gsub.add_parser("duplicates", help="persons that are likely one person, for review")
    p.add_argument("--min-score", type=float, default=0.95,
                   help="least similarity (0-1) of the worse-matched part of the two names")
    p.add_argument("--limit", type=int, default=100, help="pairs to print")
    p.add_argument("--json", action="store_true")
    _db_option(p)
    p.set_defaults(func=_cmd_duplicates)

    p = gsub.add_parser("validate", help="check the curated files; exit 1 on errors")
    p.add_argument("--sources", type=Path, help="folder of curated files (default: the packaged ones)")
    p.add_argument("--today", help="date to check future dates against (default: today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_validate)
    p = gsub.add_parser("stats", help="counts per script and language, coverage of current holders")
    p.add_argument("--today", help="date for 'current' (default: today)")
    p.add_argument("--json", action="store_true")
    _db_option(p)
    p.set_defaults(func=_cmd_stats)
    p = gsub.add_parser("export-popolo", help="write a database as Popolo JSON")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    _db_option(p)
    p.set_defaults(func=_cmd_export)
    p = gsub.add_parser("import-popolo", help="add a Popolo JSON file to a database")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    _db_option(p)
    p.set_defaults(func=_cmd_import)
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
