"""Bearer token and TLS, configured by settings, against a real server."""

import subprocess
import time
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from tests.service.gated import HOLD, GatedEngine, start, until_admitted

# Bound on waiting for a call or for the server: generous, for a loaded machine; no test
# here passes or fails on how fast something is (except the deadline that is the point).
WAIT = 120.0


def test_bearer_token_is_required_for_the_api_but_not_for_health(curated_db: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("s3cret-token\n")
    server = start(curated_db, token_file=token_file)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
            stub = pb_grpc.ReconcilerStub(ch)
            request = pb.MatchNameRequest(name="Sergej Lawrow")
            for metadata in ((), (("authorization", "Bearer wrong"),), (("authorization", "s3cret-token"),)):
                with pytest.raises(grpc.RpcError) as err:
                    stub.MatchName(request, metadata=metadata, timeout=WAIT)
                assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED
            reply = stub.MatchName(request, metadata=(("authorization", "Bearer s3cret-token"),), timeout=WAIT)
            assert reply.candidates[0].id == "Q58217"
            health = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(), timeout=WAIT)
            assert health.status == health_pb2.HealthCheckResponse.SERVING
    finally:
        server.stop(0)


def _certificate(tmp_path: Path, name: str) -> tuple[Path, Path]:
    key, cert = tmp_path / f"{name}.key", tmp_path / f"{name}.crt"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    return key, cert


def test_tls_with_client_certificates(curated_db: Path, tmp_path: Path) -> None:
    server_key, server_cert = _certificate(tmp_path, "server")
    client_key, client_cert = _certificate(tmp_path, "client")
    server = start(curated_db, tls_cert=server_cert, tls_key=server_key, tls_client_ca=client_cert)
    target = f"localhost:{server.port}"
    try:
        good = grpc.ssl_channel_credentials(server_cert.read_bytes(), client_key.read_bytes(), client_cert.read_bytes())
        with grpc.secure_channel(target, good) as ch:
            reply = pb_grpc.ReconcilerStub(ch).MatchName(pb.MatchNameRequest(name="Wladimir Putin"), timeout=WAIT)
            assert reply.candidates[0].id == "Q7747"
        without_client_cert = grpc.ssl_channel_credentials(server_cert.read_bytes())
        with grpc.secure_channel(target, without_client_cert) as ch:
            with pytest.raises(grpc.RpcError) as err:
                pb_grpc.ReconcilerStub(ch).MatchName(pb.MatchNameRequest(name="Putin"), timeout=WAIT)
            assert err.value.code() == grpc.StatusCode.UNAVAILABLE
        with grpc.insecure_channel(target) as ch:  # plaintext to a TLS port fails cleanly
            with pytest.raises(grpc.RpcError):
                pb_grpc.ReconcilerStub(ch).MatchName(pb.MatchNameRequest(name="Putin"), timeout=5)
    finally:
        server.stop(0)


def test_overload_is_resource_exhausted_and_deadlines_hold(curated_db: Path) -> None:
    engine = GatedEngine(curated_db)
    server = start(curated_db, engine, max_concurrent_rpcs=1)
    # A batch that holds the only slot until released: it waits at its first name.
    names = [pb.MatchNameRequest(name=HOLD)] + [pb.MatchNameRequest(name=f"Sergej Lawrow {i}") for i in range(4999)]
    try:
        # The answers to 5,000 names are past a client's default 4 MiB (README, MatchNames).
        options = [("grpc.max_receive_message_length", 64 * 1024 * 1024)]
        with grpc.insecure_channel(f"127.0.0.1:{server.port}", options=options) as ch:
            grpc.channel_ready_future(ch).result(timeout=WAIT)
            stub = pb_grpc.ReconcilerStub(ch)
            batch = stub.MatchNames.future(pb.MatchNamesRequest(requests=names), timeout=WAIT)
            assert engine.holding.wait(WAIT), "the batch never started"
            with pytest.raises(grpc.RpcError) as err:
                stub.MatchName(pb.MatchNameRequest(name="Putin"), timeout=WAIT)
            assert err.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            engine.release.set()
            assert len(batch.result(timeout=WAIT).responses) == 5000
            # A batch still at work when its deadline passes: held, so it is, however fast
            # the machine.
            engine.release.clear()
            with pytest.raises(grpc.RpcError) as err:
                until_admitted(lambda: stub.MatchNames(pb.MatchNamesRequest(requests=names), timeout=0.05),
                               time.monotonic() + WAIT)
            assert err.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    finally:
        engine.release.set()
        server.stop(0)


def test_a_cancelled_batch_stops_working(curated_db: Path) -> None:
    engine = GatedEngine(curated_db)
    # One call at a time: another call is admitted only once the batch's handler has returned.
    server = start(curated_db, engine, max_concurrent_rpcs=1)
    names = [pb.MatchNameRequest(name=f"Sergej Lawrow {i}") for i in range(3000)]
    names[20] = pb.MatchNameRequest(name=HOLD)  # the batch waits there until it is cancelled
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
            stub = pb_grpc.ReconcilerStub(ch)
            batch = stub.MatchNames.future(pb.MatchNamesRequest(requests=names), timeout=WAIT)
            assert engine.holding.wait(WAIT), "the batch never started"
            assert server.servicer.batch_names_matched == 20  # the batch is under way
            batch.cancel()
            engine.release.set()
            # Admitted once the batch's handler has returned: its work is over.
            reply = until_admitted(lambda: stub.MatchName(pb.MatchNameRequest(name="Wladimir Putin"), timeout=WAIT),
                                   time.monotonic() + WAIT)
            assert reply.candidates[0].id == "Q7747"
            assert server.servicer.batch_names_matched < 3000  # no more work after cancel
    finally:
        engine.release.set()
        server.stop(0)
