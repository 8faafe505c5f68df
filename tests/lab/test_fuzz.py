"""A short run of the hostile-input generator through the real gRPC API (`make fuzz` runs
10,000): never INTERNAL or UNKNOWN, the server stays up."""

import io

from rollcall.service.lab.fuzz import run_fuzz


def test_hostile_inputs_never_fail_the_server(grpc_server) -> None:
    out = io.StringIO()
    assert run_fuzz(f"127.0.0.1:{grpc_server.port}", 300, seed=7, out=out) == 0, out.getvalue()
    assert "300 hostile inputs" in out.getvalue()


def test_hostile_http_requests_never_fail_the_reconciliation_api(engine) -> None:
    from rollcall.service.http_server import HttpServer
    from rollcall.service.lab.fuzz_http import run_http_fuzz

    server = HttpServer(lambda: engine, "127.0.0.1", 0)
    server.start()
    try:
        out = io.StringIO()
        assert run_http_fuzz("127.0.0.1", server.port, 400, seed=7, out=out) == 0, out.getvalue()
    finally:
        server.stop()
    assert "400 hostile HTTP requests" in out.getvalue() and "200 " in out.getvalue()
