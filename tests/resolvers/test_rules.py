"""The rules' numbers and tables are defined once, in resolvers/rules.py: the C modules read
them from it when imported (no copy of their own), and refuse ones they cannot hold."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from rollcall.resolvers import rules


def _with_rules(changes: str, probe: str) -> subprocess.CompletedProcess[str]:
    """Runs `probe` in a fresh interpreter whose rules.py has `changes` applied before any
    rollcall module is imported."""
    program = textwrap.dedent(f"""
        import importlib.util, sys
        spec = importlib.util.spec_from_file_location("rollcall.resolvers.rules", {rules.__file__!r})
        rules = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(rules)
        {changes}
        sys.modules["rollcall.resolvers.rules"] = rules
    """) + textwrap.dedent(probe)
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)


def test_the_c_reads_its_numbers_and_tables_from_rules_py() -> None:
    probe = """
        from rollcall.resolvers import _fastscore, _keys, _retrieve
        from rollcall.resolvers.forms import name_forms
        from rollcall.resolvers.score import pack, weigh
        q = pack(weigh(name_forms("S. Lavrov", "en")[0], lambda _: 1.0, 1.0))
        a = pack(weigh(name_forms("Sergei Lavrov", "en")[0], lambda _: 1.0, 1.0))
        print(_fastscore.token_pair(q, 0, a, 0)[0], _keys.token_keys("lawrow")[0],
              _retrieve.retrieval_plan({"k:a": 1}, 1000, 100, 3))
    """
    same = _with_rules("", probe)
    assert same.returncode == 0, same.stderr
    assert same.stdout.split() == [str(rules.INITIAL), "lavrov", "[('k:a',", "4)]"]
    changed = _with_rules("rules.INITIAL = 0.5; rules.LETTERS = (('w', 'f'),); rules.MAX_EXTRA_COUNTS = 1", probe)
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.split() == ["0.5", "lafrof", "[('k:a',", "2)]"]


def test_a_missing_or_malformed_rule_fails_the_import() -> None:
    for change, module, message in [
        ("del rules.SOUND_SHARE", "_fastscore", "SOUND_SHARE"),
        ("rules.FEATURES = dict(list(rules.FEATURES.items())[:7])", "_fastscore", "7 features"),
        ("rules.MAX_EXTRA_COUNTS = 3.0", "_retrieve", "integer"),
        ("rules.DIGRAPHS = (('sh', 'shh'),)", "_keys", "not a rule"),
        ("rules.R_VOWELS = 'aeiouyé'", "_keys", "ASCII"),
    ]:
        out = _with_rules(change, f"import rollcall.resolvers.{module}")
        assert out.returncode != 0 and message in out.stderr, (change, out.stderr[-500:])
