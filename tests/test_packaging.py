"""How rollcall installs and presents itself: one top-level package, a Makefile that lists
what it can do."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_only_rollcall_is_importable_at_the_top_level(tmp_path: Path) -> None:
    """The folders' short names (service, resolvers, gazetteer) are common: installed, they
    would shadow or be shadowed by other distributions' modules."""
    probe = ("import importlib.util as u; import rollcall.service.cli, rollcall.resolvers, rollcall.gazetteer;"
             "print([n for n in ('service', 'resolvers', 'gazetteer') if u.find_spec(n)])")
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_make_help_lists_every_target() -> None:
    makefile = (ROOT / "Makefile").read_text()
    phony = set(re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split())
    internal = {"help", "sysdeps", "proto-check"}
    out = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    listed = set(re.findall(r"^make (\S+)", out.stdout, re.M))
    assert phony - internal <= listed, sorted(phony - internal - listed)
