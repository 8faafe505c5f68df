"""A server whose engine holds one name until a test lets it go: for tests of what a call
under way does (overload, deadlines, cancellation), whatever the machine's speed."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import grpc

from rollcall.resolvers import Query
from rollcall.service.engine import Answer, Engine
from rollcall.service.server import Server
from rollcall.service.settings import Settings

__all__ = ["HOLD", "GatedEngine", "release_once_cancelled", "start", "until_admitted"]

# Bound on waiting for a held call: generous, for a loaded machine.
WAIT = 120.0

# The name GatedEngine stops at.
HOLD = "Hold Thisname"


class GatedEngine(Engine):
    """The curated gazetteer, except that matching the name HOLD waits until the test sets
    `release`: a call that is under way, and holds its slot, for exactly as long as a test
    needs it to, however fast or loaded the machine."""

    def __init__(self, db: Path):
        super().__init__(db, warm=True)
        self.holding = threading.Event()  # a call reached HOLD
        self.release = threading.Event()

    def match(self, query: Query) -> Answer:
        if query.name == HOLD:
            self.holding.set()
            if not self.release.wait(WAIT):
                raise TimeoutError("the test never released the held call")
        return super().match(query)


def start(curated_db: Path, engine: Engine | None = None, **kw) -> Server:
    server = Server(Settings(db=curated_db, host="127.0.0.1", port=0, max_workers=2, grace=0,
                             reload_interval=0, **kw), engine)
    server.start()
    return server


def until_admitted(call, deadline: float):
    """`call()`, again while the server refuses it because its only slot is still taken: the
    slot frees when the previous call's handler returns, which may be just after its client
    has the answer (or, for a cancelled call, when the handler notices)."""
    while True:
        try:
            return call()
        except grpc.RpcError as err:
            if err.code() != grpc.StatusCode.RESOURCE_EXHAUSTED or time.monotonic() > deadline:
                raise
        time.sleep(0.05)


def release_once_cancelled(server: Server, engine: GatedEngine, stub) -> None:
    """After a test cancels a stream held at HOLD: wait until the server has seen the cancel
    (no stream open), so that from then on nothing more may be matched; let the held name go;
    and wait until the server admits the next call (the stream's handler has returned)."""
    from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb

    from .waiting import wait_for

    assert wait_for(lambda: server.servicer.streams.open == 0), "the server never saw the cancel"
    engine.release.set()
    reply = until_admitted(lambda: stub.MatchName(pb.MatchNameRequest(name="Wladimir Putin"), timeout=WAIT),
                           time.monotonic() + WAIT)
    assert reply.candidates[0].id == "Q7747"
