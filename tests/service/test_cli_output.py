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


def test_entity_text_lists_every_name_and_office_with_its_dates(curated_db: Path) -> None:
    out = rollcall("entity", "Q5703610", "--db", str(curated_db))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "Mohammad Mokhber  [Q5703610]  IR"
    assert "  office  President of Iran (acting): 2024-05-20 – 2024-07-28" in lines
    assert "  office  First Vice President of Iran: 2021-08-08 – 2024-07-28" in lines
    assert all(line.startswith(("  name    ", "  office  ")) for line in lines[1:])


def test_an_acting_holder_reads_as_acting_wherever_the_office_is_shown(curated_db: Path, tmp_path: Path) -> None:
    lookup = rollcall("lookup", "Mokhber", "--date", "2024-06-01", "--db", str(curated_db))
    assert "First Vice President of Iran; President of Iran (acting)" in lookup.stdout.splitlines()[1]
    article = tmp_path / "a.txt"
    article.write_text("Der iranische Präsident Mohammad Mokhber nahm an dem Treffen teil.", encoding="utf-8")
    attendees = rollcall("attendees", str(article), "--lang", "de", "--date", "2024-07-04", "--db", str(curated_db))
    [line] = [line for line in attendees.stdout.splitlines() if "Q5703610" in line]
    assert "[President of Iran (acting)]" in line and line.startswith("attending")
