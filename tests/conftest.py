"""Shared fixtures: a curated database built once per session, the shared data paths, a
real server on a free port (shared by the gRPC tests of a module)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from rollcall.gazetteer import build_curated, import_file
from rollcall.service.engine import Engine
from rollcall.service.server import Server
from rollcall.service.settings import Settings

# Servers the tests start (in process or as processes) serve no HTTP unless a test asks for
# it on a free port: two servers would both want the default 8080.
os.environ["ROLLCALL_HTTP_PORT"] = "0"

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
def members_of_parliament(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The shared EveryPolitician gazetteer: 9,628 members of parliament, among them many
    namesakes (Alan Brown, Angela Marquardt, Jeremy Quin)."""
    db = tmp_path_factory.mktemp("everypolitician") / "gazetteer.db"
    import_file(db, EVERYPOLITICIAN)
    return Engine(db)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared public data; CI places shared/ beside the clone. Missing data is an error,
    not a skip: these tests are the proof that imports work."""
    assert OFFICIALS.is_file() and EVERYPOLITICIAN.is_file(), f"shared data missing under {SHARED}"
    return SHARED / "data"


@pytest.fixture(scope="module")
def grpc_server(curated_db: Path) -> Iterator[Server]:
    server = Server(Settings(db=curated_db, host="127.0.0.1", port=0, max_workers=4, grace=1))
    server.start()
    yield server
    server.stop(0)


@pytest.fixture(scope="module")
def channel(grpc_server: Server) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(f"127.0.0.1:{grpc_server.port}") as ch:
        yield ch
