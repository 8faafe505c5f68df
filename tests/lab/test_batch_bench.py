"""The batch section of `make bench`: its names are the same on every run, and it runs end
to end, every command's output checked against `rollcall match`'s."""

import io
from pathlib import Path

from rollcall.service.lab.batch_bench import run_batch_bench
from rollcall.service.lab.scale import synthetic_names
from tests.conftest import SHARED


def test_the_synthetic_names_are_reproducible_in_four_scripts() -> None:
    names = synthetic_names(SHARED, 400)
    assert names == synthetic_names(SHARED, 400) and len({n["id"] for n in names}) == 400
    assert [n["lang"] for n in names[:4]] == [None, "ru", "ar", "ja"]
    assert len({n["query"] for n in names}) > 390  # recombined, so almost all different


def test_the_batch_section_measures_three_commands_with_equal_outputs(curated_db: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    run_batch_bench(SHARED, curated_db, 600, out, tmp_path)
    table = out.getvalue()
    assert "600 synthetic names" in table and "DIFFERS" not in table
    for label in ("rollcall match, one process", "rollcall batch --workers 1", "rollcall batch --workers 2",
                  "--workers 2 / --workers 1: "):
        assert label in table
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch-names.jsonl"]  # outputs removed
