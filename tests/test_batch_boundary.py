"""Dask and pyarrow serve `rollcall batch` alone: importing them takes longer than a
`rollcall match` or `lookup` takes to answer, so only the batch command imports them, when
it runs (the same rule as the lab's, test_lab_boundary.py)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("dask", "distributed", "pyarrow")
# The modules that run only inside `rollcall batch` (on the client or on a worker).
BATCH_ONLY = {"batch_run.py", "batch_worker.py"}


def _module_level_imports(path: Path) -> list[str]:
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            names.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names]
    return names


def test_only_the_batch_modules_import_dask_or_pyarrow_at_module_level() -> None:
    for path in (ROOT / "service").rglob("*.py"):
        if path.name in BATCH_ONLY:
            continue
        for module in _module_level_imports(path):
            assert module.split(".")[0] not in HEAVY, f"{path.relative_to(ROOT)} imports {module} at module level"
            assert module.lstrip(".") not in {"batch_run", "batch_worker"}, \
                f"{path.relative_to(ROOT)} imports {module} at module level (it imports Dask)"


def test_the_cli_starts_without_them() -> None:
    probe = ("import sys; from rollcall.service.cli import _parser; _parser();"
             f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
