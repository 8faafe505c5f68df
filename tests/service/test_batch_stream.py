"""MatchBatchStream end to end: a stream whose messages are MatchNames batches. Real servers,
real stubs; each answer is checked against what MatchNames gives for the same batch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from tests.service.gated import HOLD, GatedEngine, release_once_cancelled, start
from tests.service.waiting import WAIT, settled


NAMES = ["Sergej Lawrow", "Wladimir Putin", "Tokajew", "Сергей Лавров", "拉夫罗夫", "Qwzx Vbnmlk", ""]


def batch(first: int, size: int, **fields) -> pb.MatchNamesRequest:
    return pb.MatchNamesRequest(requests=[
        pb.MatchNameRequest(name=NAMES[i % len(NAMES)], client_id=f"row-{i}", **fields)
        for i in range(first, first + size)])


@pytest.fixture
def stub(channel) -> pb_grpc.ReconcilerStub:
    return pb_grpc.ReconcilerStub(channel)


def test_each_batch_is_answered_as_matchnames_answers_it_in_order(stub) -> None:
    batches = [batch(0, 5), batch(5, 1), batch(6, 12, date="2024-05-21"), pb.MatchNamesRequest()]
    answers = list(stub.MatchBatchStream(iter(batches), timeout=WAIT))
    assert len(answers) == len(batches)
    for request, answer in zip(batches, answers):
        assert answer == stub.MatchNames(request, timeout=WAIT)
        assert [r.client_id for r in answer.responses] == [r.client_id for r in request.requests]
    assert answers[0].responses[0].candidates[0].id == "Q58217"
    # The empty name inside a batch is answered alone, as MatchNames answers it.
    empty = answers[2].responses[0]
    assert empty.client_id == "row-6" and empty.error == "requests[0]: name is empty" and not empty.candidates
    assert not answers[3].responses and not answers[3].error


def test_a_batch_matchnames_refuses_gets_its_error_and_the_stream_goes_on(curated_db: Path) -> None:
    server = start(curated_db, max_batch=4)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
            stub = pb_grpc.ReconcilerStub(ch)
            batches = [batch(0, 2), batch(2, 5), batch(7, 4)]
            answers = list(stub.MatchBatchStream(iter(batches), timeout=WAIT))
            with pytest.raises(grpc.RpcError) as refused:
                stub.MatchNames(batches[1], timeout=WAIT)
    finally:
        server.stop(0)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert (answers[1].error_code, answers[1].error) == ("INVALID_ARGUMENT", refused.value.details())
    assert answers[1].error == "batch of 5 names; the limit is 4" and not answers[1].responses
    assert [len(a.responses) for a in answers] == [2, 0, 4] and not answers[0].error and not answers[2].error


def test_an_undecodable_batch_is_answered_alone(channel) -> None:
    raw = channel.stream_stream("/rollcall.v1.Reconciler/MatchBatchStream")
    good = batch(0, 2).SerializeToString()
    # A batch whose first request's name (field 1 of field 1) is not UTF-8.
    bad = pb.MatchNamesRequest(requests=[pb.MatchNameRequest(name="x")]).SerializeToString().replace(b"x", b"\xff")
    answers = [pb.MatchNamesResponse.FromString(b) for b in raw(iter([good, bad, good]), timeout=WAIT)]
    assert answers[1].error_code == "INVALID_ARGUMENT" and "not a valid message" in answers[1].error
    assert not answers[1].responses
    assert answers[0] == answers[2] and answers[0].responses[1].candidates[0].id == "Q7747"


def test_a_cancelled_batch_stream_stops_inside_the_batch(curated_db: Path) -> None:
    """The batch in hand is not finished for nobody: a cancel stops it after the name being
    matched, as a cancelled MatchNames call stops."""
    engine = GatedEngine(curated_db)
    server = start(curated_db, engine, max_concurrent_rpcs=1)
    held = pb.MatchNamesRequest(requests=[pb.MatchNameRequest(name=f"Sergej Lawrow {i}") for i in range(20)]
                                + [pb.MatchNameRequest(name=HOLD)]
                                + [pb.MatchNameRequest(name=f"Wladimir Putin {i}") for i in range(500)])

    def requests() -> Iterator[pb.MatchNamesRequest]:
        yield held
        yield held

    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
            stub = pb_grpc.ReconcilerStub(ch)
            before = server.servicer.batch_names_matched
            stream = stub.MatchBatchStream(requests(), timeout=WAIT)
            assert engine.holding.wait(WAIT), "the stream never reached the held name"
            assert server.servicer.batch_names_matched - before == 20
            stream.cancel()
            release_once_cancelled(server, engine, stub)
            assert server.servicer.batch_names_matched - before == 21  # the held name finished; none after it
    finally:
        engine.release.set()
        server.stop(0)


def test_a_slow_reader_holds_the_batch_stream_back(grpc_server) -> None:
    """A client that reads one answer and stops: the server answers at most the batches its
    read-ahead and the transport hold, not the whole stream."""
    n, size = 40, 50
    before = grpc_server.servicer.batch_names_matched
    requests = (batch(i * size, size) for i in range(n))
    with grpc.insecure_channel(f"127.0.0.1:{grpc_server.port}", options=[("grpc.http2.bdp_probe", 0)]) as ch:
        stream = pb_grpc.ReconcilerStub(ch).MatchBatchStream(requests, timeout=WAIT)
        first = next(stream)
        assert [r.client_id for r in first.responses] == [f"row-{i}" for i in range(size)]
        ahead = settled(lambda: grpc_server.servicer.batch_names_matched - before)
        # An answer of 50 names is about 60 KB: the 64 KiB HTTP/2 window holds one or two.
        assert ahead <= 6 * size, f"{ahead} names answered while the client read {size}"
        rest = list(stream)
    assert [a.responses[0].client_id for a in rest] == [f"row-{i * size}" for i in range(1, n)]
