"""The batch section of `make bench`: a file of synthetic names (service/lab/scale.py's
`synthetic_names`, a fixed seed: the same names on every machine) answered against a real
gazetteer by `rollcall match` in one process, then by `rollcall batch names --workers 1` and
`--workers 2` (a local Dask cluster): names per second and the ratio to the one process.

Each command runs as a user runs it, as its own process writing a file. Two rates each:
the whole command (start-up included), and the work alone: for `match`, the command's time
less its start-up (timed on an empty input); for `batch`, the time its summary line reports
from the cluster ready (workers started, gazetteer opened) to the output renamed. Every
output must equal `match`'s, byte for byte: a fast wrong answer would not count.

Run alone as `python -m rollcall.service.lab.batch_bench --shared ../shared --names 5000`."""

from __future__ import annotations

import argparse
import filecmp
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

from .scale import synthetic_names

__all__ = ["run_batch_bench"]

ROLLCALL = str(Path(sys.executable).parent / "rollcall")
_SUMMARY = re.compile(r"rollcall batch: ([\d,]+) rows .* in ([\d.]+) s \(.*cluster ready in ([\d.]+) s")


def _timed(args: list[str], stdin: Path | None = None) -> tuple[float, str]:
    """Seconds a command takes, and its standard error; a failure stops the benchmark."""
    started = time.perf_counter()
    with (stdin.open("rb") if stdin else open("/dev/null", "rb")) as source:
        done = subprocess.run(args, stdin=source, stdout=subprocess.PIPE if stdin is None else None,
                              stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return seconds, done.stderr


def _match(db: Path, names: Path, output: Path) -> tuple[float, float]:
    """`rollcall match < names > output`: seconds with start-up, and the start-up alone."""
    startup = statistics.median(_timed([ROLLCALL, "match", "--db", str(db)])[0] for _ in range(3))
    started = time.perf_counter()
    with names.open("rb") as source, output.open("wb") as sink:
        subprocess.run([ROLLCALL, "match", "--db", str(db)], stdin=source, stdout=sink, check=True)
    return time.perf_counter() - started, startup


def _batch(db: Path, names: Path, output: Path, workers: int) -> tuple[float, float, float]:
    """`rollcall batch names`: seconds of the whole command, of the work alone, and of the
    cluster's start (from its summary line)."""
    seconds, stderr = _timed([ROLLCALL, "batch", "names", str(names), str(output), "--workers", str(workers),
                              "--db", str(db)])
    summary = _SUMMARY.search(stderr)
    if summary is None:
        raise RuntimeError(f"rollcall batch printed no summary:\n{stderr[-2000:]}")
    return seconds, float(summary.group(2)), float(summary.group(3))


def run_batch_bench(shared: Path, db: Path, n_names: int, out: TextIO, tmp: Path) -> None:
    names = tmp / "batch-names.jsonl"
    with names.open("w", encoding="utf-8") as f:
        for name in synthetic_names(shared, n_names):
            f.write(json.dumps(name, ensure_ascii=False) + "\n")
    out.write(f"\n== batch: {n_names:,} synthetic names (service/lab/scale.py, fixed seed; Latin, Cyrillic, "
              f"Arabic, Katakana) on {db.stem}\n")
    expected = tmp / "batch-match.jsonl"
    whole, startup = _match(db, names, expected)
    base = n_names / (whole - startup)
    out.write(f"  {'rollcall match, one process':<30} {n_names / whole:7,.0f} names/s whole command, "
              f"{base:7,.0f} after its start-up ({startup:.2f} s)   1.00x\n")
    work_rates = {}
    for workers in (1, 2):
        output = tmp / f"batch-{workers}.jsonl"
        whole, work, ready = _batch(db, names, output, workers)
        same = filecmp.cmp(output, expected, shallow=False)
        output.unlink()
        work_rates[workers] = n_names / work
        out.write(f"  {f'rollcall batch --workers {workers}':<30} {n_names / whole:7,.0f} names/s whole command, "
                  f"{n_names / work:7,.0f} after the cluster's start ({ready:.1f} s)   "
                  f"{n_names / work / base:.2f}x{'' if same else '   OUTPUT DIFFERS FROM rollcall match'}\n")
        out.flush()
    out.write(f"  --workers 2 / --workers 1: {work_rates[2] / work_rates[1]:.2f}x after the cluster's start "
              f"(target: 1.8x on two cores)\n")
    expected.unlink()


def main(argv: list[str] | None = None) -> int:
    from rollcall.gazetteer import import_file

    parser = argparse.ArgumentParser(prog="python -m rollcall.service.lab.batch_bench",
                                     description="the batch section of make bench, alone")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--names", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "everypolitician-2015.db"
        import_file(db, args.shared / "data" / "everypolitician-2015" / "gazetteer.popolo.json")
        run_batch_bench(args.shared, db, args.names, sys.stdout, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
