"""What a person reads on a terminal: the version, tables that line up in any script."""

import re
from pathlib import Path

from wcwidth import wcswidth

from tests.service.runner import rollcall


def test_version_names_the_release_and_the_algorithms() -> None:
    out = rollcall("--version")
    assert out.returncode == 0
    text = out.stdout
    assert text.startswith("rollcall ") and "rollcall-name/" in text and "rollcall-document/" in text


def test_lookup_table_lines_up_with_chinese_aliases(curated_db: Path) -> None:
    out = rollcall("lookup", "习近平", "--date", "2024-07-04", "--db", str(curated_db))
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stdout.splitlines() if line.strip()][:-1]  # the verdict line
    assert any("习近平" in line for line in lines)
    # The last column (offices) starts at the same terminal column on every row.
    starts = {wcswidth(line[: line.rindex(re.split(r"\s{2,}", line)[-1])]) for line in lines}
    assert len(starts) == 1, lines
