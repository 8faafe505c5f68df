"""The layers stay as the README draws them: resolvers pure (neither gazetteer nor service
nor I/O libraries), gazetteer below service, no import cycle anywhere in the project, and
no module too long to read."""

from __future__ import annotations

import ast
from collections.abc import Collection
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("resolvers", "gazetteer", "service")
FORBIDDEN = {
    # (os is allowed for one read of the environment: implementation.py.)
    "resolvers": {"gazetteer", "service", "grpc", "sqlite3", "sqlite_utils", "click", "shutil", "tempfile", "socket",
                  "subprocess", "http", "urllib", "asyncio"},
    "gazetteer": {"service", "grpc"},
}
MAX_LINES = 400


def project_modules() -> dict[str, Path]:
    """rollcall.<package>.<module> → its file (generated code aside)."""
    out = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "_pb" in path.parts:
                continue
            parts = ["rollcall", *path.relative_to(ROOT).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute name a `from ... import` reads from (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, path: Path, modules: Collection[str] = ()) -> set[str]:
    """Every module this one imports, at any level (type-checking imports included: a
    cycle through them is still a cycle for a reader). `from package import name` reads
    the module package.name when there is one (in `modules`), else the package."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, path, node)
            for a in node.names:
                names.add(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base)
    return names


def _top(module: str) -> str:
    """The layer or library a module belongs to: rollcall.gazetteer.store -> gazetteer."""
    parts = module.split(".")
    return parts[1] if parts[0] == "rollcall" and len(parts) > 1 else parts[0]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_import_direction(package: str) -> None:
    for module, path in project_modules().items():
        if _top(module) == package:
            bad = {_top(m) for m in imports_of(module, path)} & FORBIDDEN[package]
            assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {m: {i for i in imports_of(m, path, modules) if i in modules and i != m} for m, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 60 and graph["rollcall.service.engine"]
    assert cycles(graph) == []


def test_no_module_is_too_long() -> None:
    long = {str(path.relative_to(ROOT)): n for path in project_modules().values()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
