"""Running the `rollcall` command: in this process through `main(argv)` (what a user sees:
standard output, standard error, the exit status), or as a real process through the console
script where the process boundary is what a test is about (exit codes, piped input,
signals)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from rollcall.service.cli import main

ROLLCALL = str(Path(sys.executable).parent / "rollcall")


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def rollcall(*args: str, stdin: bytes = b"") -> Result:
    """`rollcall ARGS` through main(argv) in this process; argparse's own errors (exit 2)
    and --help/--version (exit 0) end in SystemExit, as in the command."""
    out, err = io.StringIO(), io.StringIO()
    real_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdin = real_stdin
    return Result(code, out.getvalue(), err.getvalue())


def process(*args: str, stdin: bytes | None = None, env: dict | None = None) -> Result:
    """`rollcall ARGS` as a process through the installed console script."""
    done = subprocess.run([ROLLCALL, *args], input=stdin, capture_output=True, timeout=120, env=env)
    return Result(done.returncode, done.stdout.decode(), done.stderr.decode())
