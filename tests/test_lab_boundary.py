"""service/ is the product, what a deployment runs; service/lab/ measures it (eval, fit,
bench, load, fuzz, the scale run). The product reaches into the lab only inside the CLI's
lab commands."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_product_imports_the_lab_only_when_a_lab_command_runs() -> None:
    """service/ is what a deployment runs; service/lab/ measures it. Only the CLI's eval, fit
    and bench commands reach into the lab, inside the command (never at import)."""
    for path in (ROOT / "service").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                modules = ["." * node.level + (node.module or "")]
            elif isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            else:
                continue
            for module in modules:
                assert not module.startswith((".lab", "rollcall.service.lab")), \
                    f"service/{path.name} imports {module} at module level"
