"""Bearer token and TLS, configured by settings, against a real server."""

import subprocess
import time
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from rollcall.service.server import Server
from rollcall.service.settings import Settings


def start(curated_db: Path, **kw) -> Server:
    server = Server(Settings(db=curated_db, host="127.0.0.1", port=0, max_workers=2, grace=0,
                             reload_interval=0, **kw))
    server.start()
    return server


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
                    stub.MatchName(request, metadata=metadata, timeout=5)
                assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED
            reply = stub.MatchName(request, metadata=(("authorization", "Bearer s3cret-token"),), timeout=5)
            assert reply.candidates[0].id == "Q58217"
            health = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(), timeout=5)
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
            reply = pb_grpc.ReconcilerStub(ch).MatchName(pb.MatchNameRequest(name="Wladimir Putin"), timeout=10)
            assert reply.candidates[0].id == "Q7747"
        without_client_cert = grpc.ssl_channel_credentials(server_cert.read_bytes())
        with grpc.secure_channel(target, without_client_cert) as ch:
            with pytest.raises(grpc.RpcError) as err:
                pb_grpc.ReconcilerStub(ch).MatchName(pb.MatchNameRequest(name="Putin"), timeout=10)
            assert err.value.code() == grpc.StatusCode.UNAVAILABLE
        with grpc.insecure_channel(target) as ch:  # plaintext to a TLS port fails cleanly
            with pytest.raises(grpc.RpcError):
                pb_grpc.ReconcilerStub(ch).MatchName(pb.MatchNameRequest(name="Putin"), timeout=5)
    finally:
        server.stop(0)


def test_overload_is_resource_exhausted_and_deadlines_hold(curated_db: Path) -> None:
    server = start(curated_db, max_concurrent_rpcs=1)
    # A batch long enough (about a second) to hold the only slot while single calls come.
    names = [pb.MatchNameRequest(name=f"Sergej Lawrow {i}") for i in range(5000)]
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
            stub = pb_grpc.ReconcilerStub(ch)
            stub.MatchName(pb.MatchNameRequest(name="warm up"), timeout=10)
            batch = stub.MatchNames.future(pb.MatchNamesRequest(requests=names), timeout=60)
            with pytest.raises(grpc.RpcError) as err:
                for _ in range(200):  # until the batch holds the only slot
                    stub.MatchName(pb.MatchNameRequest(name="Putin"), timeout=5)
            assert err.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert len(batch.result().responses) == 5000
            with pytest.raises(grpc.RpcError) as err:
                stub.MatchNames(pb.MatchNamesRequest(requests=names), timeout=0.05)
            assert err.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    finally:
        server.stop(0)


def test_a_cancelled_batch_stops_working(curated_db: Path) -> None:
    server = start(curated_db)
    names = [pb.MatchNameRequest(name=f"Sergej Lawrow {i}") for i in range(3000)]
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
            stub = pb_grpc.ReconcilerStub(ch)
            batch = stub.MatchNames.future(pb.MatchNamesRequest(requests=names), timeout=120)
            while server.servicer.batch_names_matched < 20:  # the batch is under way
                time.sleep(0.01)
            batch.cancel()
            time.sleep(1.0)
            done = server.servicer.batch_names_matched
            time.sleep(1.0)
            assert server.servicer.batch_names_matched == done < 3000  # no more work after cancel
    finally:
        server.stop(0)
