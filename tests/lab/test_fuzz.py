"""A short run of the hostile-input generator through the real gRPC API (`make fuzz` runs
10,000): never INTERNAL or UNKNOWN, the server stays up."""

import io

from rollcall.service.lab.fuzz import run_fuzz


def test_hostile_inputs_never_fail_the_server(grpc_server) -> None:
    out = io.StringIO()
    assert run_fuzz(f"127.0.0.1:{grpc_server.port}", 300, seed=7, out=out) == 0, out.getvalue()
    assert "300 hostile inputs" in out.getvalue()
