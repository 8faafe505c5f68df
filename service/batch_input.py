"""What `rollcall batch` reads: JSONL, CSV or Parquet, cut into partitions of rows.

The client reads the input and ships the rows to the workers (never a path to open): a
worker on another machine needs the gazetteer, not the input. A JSONL line travels as its
bytes and is parsed on the worker (the client stays idle, so it does not take a core from
two local workers), and keeps its line number, so that its error reads as `rollcall
match`'s. A CSV or Parquet row travels as a dict of the fields it gives, named as in the
JSONL (query, lang, ...), and is numbered from 1 after the header ("row 3").

Which column holds which field: by default the JSONL's field names (and their gRPC
spellings: `name` for query, `language` for lang); `--name-column TITLE` and the like name
another. In JSONL the same options rename an object's keys."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .rows import ARTICLE_FIELDS, NAME_FIELDS, SYNONYMS

__all__ = ["FORMATS", "InputError", "Partition", "count_rows", "fields_of", "input_format", "read_partitions"]

FORMATS = ("jsonl", "csv", "parquet")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".parquet": "parquet",
             ".pq": "parquet"}


class InputError(ValueError):
    """The input cannot be read as asked (no such file, unknown format, missing column)."""


@dataclass(frozen=True, slots=True)
class Partition:
    """Consecutive rows: (number, JSONL line bytes or a row's fields) each."""

    index: int
    rows: list[tuple[int, Any]]
    unit: str  # "line" (JSONL) or "row" (CSV, Parquet)

    def describe(self) -> str:
        first, last = self.rows[0][0], self.rows[-1][0]
        return f"{self.unit} {first}" if first == last else f"{self.unit}s {first}-{last}"


def fields_of(kind: str) -> dict[str, type]:
    """The fields a row of `kind` ("names" or "articles") may give, `id` aside."""
    return NAME_FIELDS if kind == "names" else ARTICLE_FIELDS


def input_format(path: Path, given: str | None) -> str:
    if given:
        return given
    if (fmt := _SUFFIXES.get(path.suffix.lower())) is None:
        raise InputError(f"{path}: cannot tell the format from the name; give --format ({', '.join(FORMATS)})")
    return fmt


def _check_readable(path: Path) -> None:
    if not path.is_file():
        raise InputError(f"{path}: no such file")


def count_rows(path: Path, fmt: str, delimiter: str = ",") -> int:
    """How many rows `read_partitions` will give (for the progress line's ETA): a pass over
    the file that parses nothing, fast next to matching."""
    _check_readable(path)
    if fmt == "jsonl":
        with path.open("rb") as f:
            return sum(1 for raw in f if raw.strip())
    if fmt == "parquet":
        _table_columns(path, fmt, delimiter)  # a file that is not Parquet fails here, clearly
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    return sum(batch.num_rows for batch in _guarded(_csv_reader(path, delimiter, None), path, fmt))


def _csv_reader(path: Path, delimiter: str, columns: list[str] | None) -> Any:
    import pyarrow as pa
    import pyarrow.csv as pcsv

    # Every column is read as text (an id "007" stays "007"; a name "NA" is not a null);
    # a limit is made a number row by row, so that one bad cell is one row's error.
    convert = pcsv.ConvertOptions(include_columns=columns, column_types={c: pa.string() for c in columns or ()},
                                  strings_can_be_null=False)
    try:
        return pcsv.open_csv(path, parse_options=pcsv.ParseOptions(delimiter=delimiter), convert_options=convert)
    except (pa.ArrowInvalid, OSError) as err:
        raise InputError(f"{path}: not readable as CSV: {err}") from None


def _table_columns(path: Path, fmt: str, delimiter: str) -> list[str]:
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            return list(pq.ParquetFile(path).schema_arrow.names)
        except (pa.ArrowInvalid, OSError) as err:
            raise InputError(f"{path}: not readable as Parquet: {err}") from None
    return list(_csv_reader(path, delimiter, None).schema.names)


def _column_map(kind: str, given: Mapping[str, str], present: list[str], path: Path) -> dict[str, str]:
    """field → the table's column holding it. A column named by an option must exist; the
    one holding the name (or the text) must exist; other fields are optional."""
    out = {}
    for field in ("id", *fields_of(kind)):
        if field in given:
            if given[field] not in present:
                raise InputError(f"{path} has no column {given[field]!r} (its columns: {', '.join(present)})")
            out[field] = given[field]
            continue
        spellings = [field, *(g for g, ours in SYNONYMS.items() if ours == field)]
        if found := [c for c in spellings if c in present]:
            out[field] = found[0]
    required = "query" if kind == "names" else "text"
    if required not in out:
        option = "--name-column" if kind == "names" else "--text-column"
        raise InputError(f"{path} has no column {required!r}: name the column with {option} "
                         f"(its columns: {', '.join(present)})")
    return out


def _cell(field: str, value: Any) -> Any:
    """A table's cell as the JSONL would give it: a date as YYYY-MM-DD, a limit as a number,
    an empty optional cell as absent."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if field == "limit" and isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        return int(text) if text.lstrip("-").isdigit() else value
    return value


def _jsonl(path: Path, size: int) -> Iterator[Partition]:
    rows: list[tuple[int, Any]] = []
    index = 0
    with path.open("rb") as f:
        # The lines `rollcall match` answers: numbered from 1, blank ones skipped.
        for lineno, raw in enumerate(f, 1):
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            rows.append((lineno, raw))
            if len(rows) == size:
                yield Partition(index, rows, "line")
                rows, index = [], index + 1
    if rows:
        yield Partition(index, rows, "line")


def _table(path: Path, fmt: str, size: int, columns: dict[str, str], delimiter: str) -> Iterator[Partition]:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        batches = pq.ParquetFile(path).iter_batches(batch_size=size, columns=sorted(set(columns.values())))
    else:
        batches = _csv_reader(path, delimiter, sorted(set(columns.values())))
    rows: list[tuple[int, Any]] = []
    number = index = 0
    for batch in _guarded(batches, path, fmt):
        for record in batch.to_pylist():
            number += 1
            rows.append((number, {f: _cell(f, record[c]) for f, c in columns.items() if record[c] is not None}))
            if len(rows) == size:
                yield Partition(index, rows, "row")
                rows, index = [], index + 1
    if rows:
        yield Partition(index, rows, "row")


def _guarded(batches: Iterator[Any], path: Path, fmt: str) -> Iterator[Any]:
    """A malformed file found mid-way (a CSV line with too many fields) stops the run with
    its place and reason: rows cannot be told apart past it."""
    import pyarrow as pa

    try:
        yield from batches
    except (pa.ArrowInvalid, OSError) as err:
        raise InputError(f"{path}: not readable as {fmt.upper() if fmt == 'csv' else 'Parquet'}: {err}") from None


def read_partitions(path: Path, fmt: str, kind: str, size: int, columns: Mapping[str, str],
                    delimiter: str = ",") -> tuple[dict[str, str], Iterator[Partition]]:
    """The column map the workers apply to JSONL objects (the options as given: JSONL has no
    header to check them against), and the input's partitions of `size` rows, read lazily.
    The table's columns are checked here, before any work starts."""
    _check_readable(path)
    if fmt == "jsonl":
        return dict(columns), _jsonl(path, size)
    table_columns = _column_map(kind, columns, _table_columns(path, fmt, delimiter), path)
    return {}, _table(path, fmt, size, table_columns, delimiter)
