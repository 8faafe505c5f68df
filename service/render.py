"""How the CLI shows an answer: one renderer per kind (a match, an entity, an article's
attendees, the algorithms' descriptions), each writing either text for a person at a terminal or the JSON of answers.py
(field for field the gRPC messages). Every command that shows one of them goes through here,
so that an office, say, reads the same wherever it appears."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from wcwidth import wcswidth

from rollcall.gazetteer import Office, Person
from rollcall.resolvers import Query
from rollcall.resolvers.algorithm import AlgorithmDescription
from rollcall.resolvers.articles import DocumentResult

from .answers import answer_json, document_json, entity_json
from .engine import Answer

__all__ = ["office_text", "write_algorithms", "write_answer", "write_document", "write_entity", "write_json", "write_table"]


def write_json(out: TextIO, doc: Any, *, indent: int | None = 2) -> None:
    """A document as UTF-8 JSON (names in any script stay readable); `indent=None` for one line."""
    out.write(json.dumps(doc, ensure_ascii=False, indent=indent) + "\n")


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


def office_text(o: Office, *, tenure: bool = False) -> str:
    """An office as text: its post, and whether the holder was acting; with `tenure`, from
    when to when (an entity's offices are all those held, so their dates matter; an answer's
    are those held on the query's date)."""
    text = o.post + (" (acting)" if o.acting else "")
    return f"{text}: {o.start or '?'} – {o.end or 'now'}" if tenure else text


def write_answer(out: TextIO, answer: Answer, query: Query, *, as_json: bool) -> None:
    """Candidates for one name: a table (rank, confidence, id, name, alias, offices on the
    date) and the verdict, or the MatchNameResponse JSON."""
    if as_json:
        write_json(out, answer_json(answer))
        return
    if not answer.candidates:
        out.write(f"no candidates for {query.name!r}\n")
        return
    rows = [("#", "confidence", "id", "name", "matched alias", "offices" + (f" on {query.date}" if query.date else ""))]
    for i, rc in enumerate(answer.candidates, 1):
        c = rc.candidate
        alias = f"{c.matched_alias} ({c.matched_alias_lang or 'und'})"
        offices = "; ".join(office_text(o) for o in rc.offices) or "-"
        rows.append((str(i), f"{c.confidence:.4f}", c.person_id, c.name, alias, offices))
    write_table(out, rows)
    verdict = "accept" if answer.result.match else "review"
    algo = answer.result.algorithm
    out.write(f"\nmatch: {verdict} (first candidate)  algorithm: {algo.name}/{algo.version}\n")


def write_entity(out: TextIO, person: Person, offices: Sequence[Office], *, as_json: bool) -> None:
    """One person: every name with its language and script, every office with its dates."""
    if as_json:
        write_json(out, entity_json(person, offices))
        return
    out.write(f"{person.name}  [{person.id}]  {person.country}\n")
    for n in person.names:
        out.write(f"  name    {n.name}  ({n.lang or 'und'}, {n.script}{', ' + n.kind if n.kind else ''})\n")
    for o in offices:
        out.write(f"  office  {office_text(o, tenure=True)}\n")


def write_document(out: TextIO, result: DocumentResult, wikidata: Callable[[str], str], *, as_json: bool) -> None:
    """An article's people (attending or only mentioned, office, mentions with offsets) and
    its unresolved mentions, a line each; or the ReconcileDocumentResponse JSON."""
    if as_json:
        write_json(out, document_json(result, wikidata))
        return
    for p in result.people:
        office = office_text(p.office) if p.office else "-"
        mark = "attending" if p.attending else "mentioned"
        spans = ", ".join(f"{m.text!r}@{m.start}" for m in p.mentions)
        out.write(f"{mark:<10} {p.confidence:.4f}  {p.id:<14} {p.name}  [{office}]  {spans}\n")
    for u in result.unresolved:
        extra = " ".join(x for x in (u.role, u.country) if x)
        out.write(f"unresolved       {u.text!r}@{u.start} {extra}\n")


def write_algorithms(out: TextIO, algorithms: Sequence[AlgorithmDescription], *, as_json: bool) -> None:
    """Each algorithm's name, version, features and settings (as the README shows them)."""
    if as_json:
        write_json(out, [a.as_json() for a in algorithms])
        return
    out.write("\n".join(a.markdown() for a in algorithms))
