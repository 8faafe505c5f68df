"""The gRPC server: Reconciler plus the standard health and reflection services."""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection, reflection_pb2

from ._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.gazetteer.review import ReviewLog

from .auth import BearerTokenInterceptor
from .engine import Engine
from .reloader import EngineHolder
from .servicer import ReconcilerServicer
from .handlers import add_reconciler
from .http_server import HttpServer
from .settings import Settings

__all__ = ["Server", "serve"]

log = logging.getLogger(__name__)

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["Reconciler"].full_name
REFLECTION_V1 = "grpc.reflection.v1.ServerReflection"


def _add_v1_reflection(server: grpc.Server, servicer: reflection.ReflectionServicer) -> None:
    """Serve reflection under its v1 name too. grpcio-reflection only registers v1alpha;
    newer clients ask for v1 first, and the two protocols are identical on the wire."""
    handler = grpc.method_handlers_generic_handler(
        REFLECTION_V1,
        {
            "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
                servicer.ServerReflectionInfo,
                request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
                response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString,
            )
        },
    )
    server.add_generic_rpc_handlers((handler,))


class Server:
    """A started server; `port` is the bound port (useful with port 0)."""

    def __init__(self, settings: Settings, engine: Engine | None = None):
        self.settings = settings
        self.engines = EngineHolder(settings.db, engine)
        self.review = ReviewLog(settings.review_db) if settings.review_db else None
        options = [
            ("grpc.max_receive_message_length", settings.max_message_bytes),
            ("grpc.max_send_message_length", settings.max_message_bytes),
            ("grpc.so_reuseport", 1 if settings.reuse_port else 0),
        ]
        interceptors = []
        token = None
        if settings.token_file:
            token = settings.token_file.read_text(encoding="utf-8").strip()
            if not token:
                raise ValueError(f"{settings.token_file} is empty")
            interceptors.append(BearerTokenInterceptor(token))
        self._grpc = grpc.server(
            futures.ThreadPoolExecutor(max_workers=settings.max_workers), options=options,
            interceptors=interceptors, maximum_concurrent_rpcs=settings.max_concurrent_rpcs,
        )
        self.servicer = ReconcilerServicer(self.engines.current, settings.max_batch, self.review)
        add_reconciler(self.servicer, self._grpc)
        self.health = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self._grpc)
        reflection.enable_server_reflection(
            (SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME, REFLECTION_V1),
            self._grpc,
        )
        _add_v1_reflection(self._grpc, reflection.ReflectionServicer(
            (SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME, REFLECTION_V1)
        ))
        address = f"{settings.host}:{settings.port}"
        try:
            if settings.tls_cert and settings.tls_key:
                client_ca = settings.tls_client_ca.read_bytes() if settings.tls_client_ca else None
                credentials = grpc.ssl_server_credentials(
                    [(settings.tls_key.read_bytes(), settings.tls_cert.read_bytes())],
                    root_certificates=client_ca, require_client_auth=client_ca is not None,
                )
                self.port = self._grpc.add_secure_port(address, credentials)
            else:
                self.port = self._grpc.add_insecure_port(address)
        except RuntimeError:  # grpcio reports a failed bind so
            self.port = 0
        if self.port == 0:
            self.engines.close()
            raise OSError(f"cannot bind {address}: the port is taken or the address is not this machine's")
        self.http: HttpServer | None = None
        if settings.http_port:
            try:
                self.http = HttpServer(self.engines.current, settings.host, settings.http_port, token=token,
                                       reuse_port=settings.reuse_port)
            except OSError:
                self._grpc.stop(None)
                self.engines.close()
                raise

    @property
    def engine(self) -> Engine:
        return self.engines.current()

    def start(self) -> None:
        self._grpc.start()
        if self.http:
            self.http.start()
        if self.settings.reload_interval > 0:
            self.engines.watch(self.settings.reload_interval)
        for name in ("", SERVICE_NAME):
            self.health.set(name, health_pb2.HealthCheckResponse.SERVING)

    def stop(self, grace: float | None = None) -> None:
        """Report NOT_SERVING, let in-flight calls finish within `grace`, then stop."""
        self.health.enter_graceful_shutdown()
        if self.http:
            self.http.stop()
        self._grpc.stop(self.settings.grace if grace is None else grace).wait()
        self.engines.close()
        if self.review:
            self.review.close()

    def wait(self) -> None:
        self._grpc.wait_for_termination()


def serve(settings: Settings, announce: bool = True, on_ready: Callable[[], None] | None = None) -> None:
    """Run in the foreground until SIGINT/SIGTERM, then shut down gracefully. (A worker of
    several, see workers.py, does not `announce` but tells its supervisor `on_ready`.)"""
    server = Server(settings)
    server.start()
    log.info(
        "%s on %s:%d (gazetteer %s, %d aliases, loaded in %.1fs)",
        "rollcall serving" if announce else f"worker {os.getpid()} ready", settings.host, server.port,
        settings.db, len(server.engine.index), server.engine.load_seconds,
    )
    if server.http and announce:
        log.info("Reconciliation API (W3C, 0.2) on %s", server.http.url)
    if on_ready:
        # Only after the line above is written: the supervisor's "serving on" line, which
        # waits for every worker's on_ready, then always comes after every "worker N ready".
        on_ready()
    stopping = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        if not stopping.is_set():
            stopping.set()
            log.info("signal %d: shutting down", signum)
            threading.Thread(target=server.stop, daemon=True).start()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    # SIGHUP: load the gazetteer again now, without waiting for the file watcher.
    signal.signal(signal.SIGHUP, lambda *_: threading.Thread(
        target=server.engines.reload_if_changed, kwargs={"force": True}, daemon=True).start())
    server.wait()
    if announce:
        log.info("rollcall stopped")
