"""Shared fixtures: a curated database built once per session, the shared data paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from rollcall.gazetteer import build_curated
from rollcall.service.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OFFICIALS = SHARED / "data" / "officials-2022" / "officials.popolo.json"
EVERYPOLITICIAN = SHARED / "data" / "everypolitician-2015" / "gazetteer.popolo.json"


@pytest.fixture(scope="session")
def curated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gazetteer") / "curated.db"
    build_curated(path)
    return path


@pytest.fixture(scope="session")
def engine(curated_db: Path) -> Engine:
    return Engine(curated_db)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared public data; CI places shared/ beside the clone. Missing data is an error,
    not a skip: these tests are the proof that imports work."""
    assert OFFICIALS.is_file() and EVERYPOLITICIAN.is_file(), f"shared data missing under {SHARED}"
    return SHARED / "data"
