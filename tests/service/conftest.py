"""A real server on a free port, shared by the gRPC tests of a module."""

from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from rollcall.service.server import Server
from rollcall.service.settings import Settings


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
