"""Labelled names (JSONL, one query a line, as ../shared/eval/names-dev.jsonl): read once,
for the fit and for each table of `rollcall eval`."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["LabelledNamesError", "read_labelled_names"]


class LabelledNamesError(ValueError):
    """A line that is no labelled query: its file and line say where."""


def read_labelled_names(path: Path) -> list[dict]:
    """Each line's query ({"query", "lang", "script", "expected", ...}; "query" a string);
    blank lines skipped."""
    queries = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                query = json.loads(line)
            except json.JSONDecodeError as err:
                raise LabelledNamesError(f"{path} line {number}: not JSON ({err.msg})") from None
            if not isinstance(query, dict) or not isinstance(query.get("query"), str):
                raise LabelledNamesError(f'{path} line {number}: no "query" string')
            queries.append(query)
    return queries
