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

__all__ = ["HOLD", "GatedEngine", "start", "until_admitted"]

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
