"""A running server picks up a rebuilt gazetteer without a restart and without failing
calls in flight."""

import shutil
import threading
import time
from pathlib import Path

import grpc

from rollcall.gazetteer import DEFAULT_SOURCES, build_curated
from rollcall.gazetteer.curate import Curator
from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from rollcall.service.server import Server
from rollcall.service.settings import Settings

# Bounds for a call and for the rebuilt database to be picked up (checked every 0.2 s, loaded
# in about a second): generous, for a loaded machine; what fails the test is a call that
# fails or a rebuild never picked up, not a slow one.
WAIT = 120


def test_rebuilt_database_answers_without_restart(tmp_path: Path) -> None:
    sources = tmp_path / "data"
    shutil.copytree(DEFAULT_SOURCES, sources)
    db = tmp_path / "g.db"
    build_curated(db, sources)
    server = Server(Settings(db=db, host="127.0.0.1", port=0, max_workers=4, grace=1, reload_interval=0.2))
    server.start()
    failures: list[Exception] = []
    stop = threading.Event()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as channel:
            stub = pb_grpc.ReconcilerStub(channel)
            request = pb.MatchNameRequest(name="Zyxwvut Qponmlk", limit=1)
            before = stub.MatchName(request, timeout=WAIT)
            assert not before.candidates or before.candidates[0].id != "Q58217"

            def hammer() -> None:
                while not stop.is_set():
                    try:
                        stub.MatchName(pb.MatchNameRequest(name="Sergej Lawrow"), timeout=WAIT)
                    except grpc.RpcError as err:  # any failed call fails the test
                        failures.append(err)

            threads = [threading.Thread(target=hammer) for _ in range(3)]
            for t in threads:
                t.start()
            Curator(sources).add_alias("Q58217", "Zyxwvut Qponmlk", lang="en")
            build_curated(db, sources)
            deadline = time.monotonic() + WAIT
            while time.monotonic() < deadline:
                after = stub.MatchName(request, timeout=WAIT)
                if after.candidates and after.candidates[0].id == "Q58217":
                    break
                time.sleep(0.1)
            else:
                raise AssertionError("the rebuilt database was not picked up")
            stop.set()
            for t in threads:
                t.join()
    finally:
        stop.set()
        server.stop(0)
    assert failures == []
    assert server.engines.reloads >= 1
