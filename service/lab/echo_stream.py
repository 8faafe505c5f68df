"""A gRPC server with one method, a stream that answers each message with itself: what the
stream section of `make bench` measures gRPC's own cost per message on, with no rollcall
code in the way. Run as `python -m rollcall.service.lab.echo_stream`; it prints the line
"serving on 127.0.0.1:PORT" to stderr, as `rollcall serve` does, and serves until killed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent import futures

import grpc

__all__ = ["ECHO_METHOD", "echo_server"]

ECHO_METHOD = "/rollcall.lab.Echo/Stream"


def _echo(requests: Iterator[bytes], context: grpc.ServicerContext) -> Iterator[bytes]:
    yield from requests


def echo_server() -> tuple[grpc.Server, int]:
    """A started echo server on a free loopback port (messages are bytes, never parsed)."""
    service, method = ECHO_METHOD.strip("/").split("/")
    handler = grpc.method_handlers_generic_handler(service, {method: grpc.stream_stream_rpc_method_handler(_echo)})
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    server.add_generic_rpc_handlers((handler,))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    return server, port


if __name__ == "__main__":
    server, port = echo_server()
    print(f"serving on 127.0.0.1:{port}", file=sys.stderr, flush=True)
    server.wait_for_termination()
