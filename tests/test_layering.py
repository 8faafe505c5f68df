"""resolvers stays pure: it imports neither gazetteer nor service, nor I/O libraries."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "resolvers": {"gazetteer", "service", "grpc", "sqlite3", "sqlite_utils", "click"},
    "gazetteer": {"service", "grpc"},
}


def _top(module: str) -> str:
    """The layer or library a module belongs to: rollcall.gazetteer.store -> gazetteer."""
    parts = module.split(".")
    return parts[1] if parts[0] == "rollcall" and len(parts) > 1 else parts[0]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {_top(a.name) for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(_top(node.module))
            if node.module == "rollcall":
                names |= {a.name for a in node.names}
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_import_direction(package: str) -> None:
    for path in (ROOT / package).rglob("*.py"):
        bad = imported_modules(path) & FORBIDDEN[package]
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
