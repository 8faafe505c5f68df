"""How the `gazetteer` commands show what they did: a build's counts, an import's summary, a
curated edit, the review queue, likely duplicates, a validation, the coverage report. One
renderer per kind, each writing text or JSON."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from rollcall.gazetteer import Gazetteer, ImportSummary, Problem
from rollcall.gazetteer.curate import Change
from rollcall.gazetteer.review import ReviewGroup, Settled

from .render import write_json, write_table

__all__ = [
    "write_build", "write_change", "write_duplicates", "write_export", "write_import",
    "write_review_groups", "write_settled", "write_stats", "write_validation",
]


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


def write_build(out: TextIO, db: Path, gaz: Gazetteer, summaries: Sequence[tuple[Path, ImportSummary]],
                *, as_json: bool) -> None:
    counts = {"persons": len(gaz.persons), "posts": len(gaz.posts), "tenures": len(gaz.tenures),
              "organizations": len(gaz.organizations)}
    if as_json:
        imports = {str(p): _summary_json(s) for p, s in summaries}
        write_json(out, {"db": str(db), **counts, "imports": imports}, indent=None)
        return
    out.write(f"built {db}: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + "\n")
    for path, s in summaries:
        _write_summary(out, f"  with {path}", s)


def write_import(out: TextIO, db: Path, popolo: Path, summary: ImportSummary, *, as_json: bool) -> None:
    if as_json:
        write_json(out, {"db": str(db), **_summary_json(summary)}, indent=None)
    else:
        _write_summary(out, f"imported {popolo} into {db}", summary)


def write_export(out: TextIO, target: Path, counts: dict[str, int], *, as_json: bool) -> None:
    if as_json:
        write_json(out, {"file": str(target), **counts}, indent=None)
    else:
        out.write(f"exported {target}: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + "\n")


def write_change(out: TextIO, change: Change, db: Path, *, as_json: bool) -> None:
    """A curated edit and the rebuild after it."""
    if as_json:
        write_json(out, {"file": change.file, "action": change.action, **change.detail, "db": str(db)},
                   indent=None)
    else:
        out.write(f"{change}\nrebuilt {db}\n")


def write_review_groups(out: TextIO, groups: Sequence[ReviewGroup], *, as_json: bool) -> None:
    if as_json:
        write_json(out, [dataclasses.asdict(g) for g in groups])
        return
    for g in groups:
        cand = f"  best guess {', '.join(g.candidates)}" if g.candidates else ""
        out.write(f"#{g.number}  {g.count}×  {' / '.join(g.texts)}  ({g.lang or 'und'}; {', '.join(g.kinds)}){cand}\n")
        for c in g.contexts:
            out.write(f"      …{c}…\n")
    out.write(f"{len(groups)} forms pending\n")


def write_settled(out: TextIO, settled: Settled, person: str | None, db: Path | None, *, as_json: bool) -> None:
    """An accepted entry (the alias added, the rebuild) or a rejected one."""
    if settled.change is None:
        if as_json:
            write_json(out, {"rejected": settled.text, "entries": settled.entries}, indent=None)
        else:
            out.write(f"rejected {settled.text!r} ({settled.entries} entries)\n")
    elif as_json:
        write_json(out, {"accepted": settled.text, "person": person, "entries": settled.entries,
                         "file": settled.change.file}, indent=None)
    else:
        out.write(f"{settled.change} ({settled.entries} review entries settled)\nrebuilt {db}\n")


def write_duplicates(out: TextIO, pairs: Sequence[Any], limit: int, *, as_json: bool) -> None:
    if as_json:
        write_json(out, [dataclasses.asdict(p) for p in pairs[:limit]])
        return
    for p in pairs[:limit]:
        out.write(f"{p.score:.3f}  {p.a} {p.name_a!r}  ~  {p.b} {p.name_b!r}  "
                  f"({p.alias_a!r} ~ {p.alias_b!r}: {p.why})\n")
    out.write(f"{len(pairs)} likely duplicate pairs; merge with 'rollcall gazetteer merge KEEP RETIRE'\n")


def write_validation(out: TextIO, sources: Path, gaz: Gazetteer, errors: Sequence[Problem],
                     warnings: Sequence[Problem], *, as_json: bool) -> None:
    if as_json:
        write_json(out, {"errors": [str(p) for p in errors], "warnings": [str(p) for p in warnings]})
        return
    for p in errors:
        out.write(f"error: {p}\n")
    for p in warnings:
        out.write(f"ambiguity: {p}\n")
    out.write(f"{sources}: {len(gaz.persons)} persons, {len(gaz.tenures)} tenures; "
              f"{len(errors)} errors, {len(warnings)} ambiguities\n")


def write_stats(out: TextIO, stats: dict[str, Any], *, totals: bool, as_json: bool) -> None:
    """The coverage report; `totals`: with the whole gazetteer's counts first (one country's
    report leaves them out)."""
    if as_json:
        write_json(out, stats)
        return
    if totals:
        _write_totals(out, stats)
    _write_coverage(out, stats)
    _write_vacancies(out, stats)
    _write_gaps(out, stats)


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
