"""The HTTP face of a server: the Reconciliation API (reconciliation/) served by uvicorn in
a thread of the gRPC server's process, on the same engine.

The socket is bound when the server is made, so that a taken port fails at once (as gRPC's
does) and port 0 tells the port it got; several worker processes share it as they share
gRPC's (SO_REUSEPORT).
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable

import uvicorn

from .engine import Engine
from .reconciliation.app import reconciliation_app

__all__ = ["HttpServer"]

log = logging.getLogger(__name__)


class HttpServer:
    def __init__(self, engines: Callable[[], Engine], host: str, port: int, *, token: str | None = None,
                 reuse_port: bool = False):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # IPPROTO_TCP said outright: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
        # connections whose socket says so, and with it on, each answer on a kept-alive
        # connection waited 40 ms for the client's delayed acknowledgement.
        self._socket = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        try:
            self._socket.bind((host, port))
        except OSError as err:
            self._socket.close()
            raise OSError(f"cannot bind HTTP {host}:{port}: {err.strerror}") from None
        self._socket.listen(128)
        self.host, self.port = host, self._socket.getsockname()[1]
        config = uvicorn.Config(reconciliation_app(engines, token), log_level="warning", access_log=False,
                                lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]},
                                        name="http", daemon=True)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/reconcile"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Finish the requests in flight, then stop."""
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self._socket.close()
