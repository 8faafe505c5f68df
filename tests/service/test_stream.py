"""MatchStream and ReconcileDocumentStream end to end: real servers, real stubs."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from rollcall.gazetteer.review import ReviewLog
from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from rollcall.service.lab.serving import rss_mb, serve_process
from rollcall.service.server import Server
from tests.service.gated import HOLD, GatedEngine, release_once_cancelled, start
from tests.service.waiting import WAIT, settled, wait_for

SHARED = Path(__file__).resolve().parents[3] / "shared"


NAMES = ["Sergej Lawrow", "Wladimir Putin", "Tokajew", "امامعلی رحمان", "سراج الدین مهرالدین",
         "Сергей Лавров", "拉夫罗夫", "Qwzx Vbnmlk", "Sergueï Lavrof", "Mirziyoyev"]

SEED_LIKE = (
    "Den Vorsitz des Treffens führte Murat Nurtleu, Außenminister Kasachstans. "
    "Zu den Teilnehmern gehörte der russische Außenminister Sergej Lawrow."
)


@pytest.fixture
def stub(channel) -> pb_grpc.ReconcilerStub:
    return pb_grpc.ReconcilerStub(channel)


def unary_error(call, request) -> tuple[str, str]:
    """The status code and details the unary call fails with."""
    with pytest.raises(grpc.RpcError) as err:
        call(request, timeout=WAIT)
    return err.value.code().name, err.value.details()


def test_answers_come_in_request_order_with_their_ids(stub) -> None:
    requests = [pb.MatchNameRequest(name=NAMES[i % len(NAMES)], date="2024-05-21" if i % 3 else "",
                                    client_id=f"row-{i}") for i in range(60)]
    answers = list(stub.MatchStream(iter(requests), timeout=WAIT))
    assert [a.client_id for a in answers] == [r.client_id for r in requests]
    # Each answer is the one MatchName gives for the same request.
    for request, answer in zip(requests, answers):
        assert answer == stub.MatchName(request, timeout=WAIT)
    assert answers[0].candidates[0].id == "Q58217" and answers[1].candidates[0].id == "Q7747"


def test_a_client_that_waits_for_each_answer_gets_it(stub) -> None:
    """Names that arrive together are answered together, but the server never waits for a
    batch to fill: a client sending the next name only after the last answer is not stuck."""
    answered: queue.Queue[str] = queue.Queue()

    def requests() -> Iterator[pb.MatchNameRequest]:
        for i, name in enumerate(NAMES):
            yield pb.MatchNameRequest(name=name, client_id=str(i))
            assert answered.get(timeout=WAIT) == str(i)

    ids = []
    for answer in stub.MatchStream(requests(), timeout=WAIT):
        ids.append(answer.client_id)
        answered.put(answer.client_id)
    assert ids == [str(i) for i in range(len(NAMES))]


def test_an_empty_stream_is_answered_with_nothing(stub) -> None:
    assert list(stub.MatchStream(iter([]), timeout=WAIT)) == []


def test_unary_calls_echo_the_client_id(stub) -> None:
    assert stub.MatchName(pb.MatchNameRequest(name="Putin", client_id="a-7"), timeout=WAIT).client_id == "a-7"
    batch = stub.MatchNames(pb.MatchNamesRequest(requests=[
        pb.MatchNameRequest(name="Putin", client_id="x"), pb.MatchNameRequest(name="", client_id="y")]), timeout=WAIT)
    assert [r.client_id for r in batch.responses] == ["x", "y"]
    document = stub.ReconcileDocument(pb.ReconcileDocumentRequest(text=SEED_LIKE, language="de", client_id="doc-1"),
                                      timeout=WAIT)
    assert document.client_id == "doc-1"


BAD = [
    pb.MatchNameRequest(name="", client_id="empty"),
    pb.MatchNameRequest(name="x" * 1001, client_id="long"),
    pb.MatchNameRequest(name="Lavrov", date="2024-5-1", client_id="date"),
    pb.MatchNameRequest(name="Lavrov", limit=500, client_id="limit"),
    pb.MatchNameRequest(name="Lavrov", language="not a tag!", client_id="lang"),
]


def test_a_bad_item_gets_the_unary_error_and_the_stream_goes_on(stub) -> None:
    good = [pb.MatchNameRequest(name=n, client_id=f"good-{i}") for i, n in enumerate(NAMES[:len(BAD) + 1])]
    requests = [good[0]] + [r for pair in zip(BAD, good[1:]) for r in pair]  # good, bad, good, bad, ...
    answers = list(stub.MatchStream(iter(requests), timeout=WAIT))
    assert [a.client_id for a in answers] == [r.client_id for r in requests]
    for request, answer in zip(requests, answers):
        if request in BAD:
            code, details = unary_error(stub.MatchName, request)
            assert (answer.error_code, answer.error) == (code, details) == ("INVALID_ARGUMENT", details)
            assert details and not answer.candidates and not answer.match
        else:
            assert not answer.error and not answer.error_code and answer.candidates


def test_an_undecodable_item_is_answered_alone(channel) -> None:
    # Hand-built messages: the middle one's name field (1) is not UTF-8.
    raw = channel.stream_stream("/rollcall.v1.Reconciler/MatchStream")
    good = pb.MatchNameRequest(name="Wladimir Putin", client_id="ok").SerializeToString()
    answers = [pb.MatchNameResponse.FromString(b) for b in raw(iter([good, b"\x0a\x02\xff\xfe", good]), timeout=WAIT)]
    assert [a.client_id for a in answers] == ["ok", "", "ok"]
    assert answers[1].error_code == "INVALID_ARGUMENT" and "not a valid message" in answers[1].error
    assert answers[0].candidates[0].id == answers[2].candidates[0].id == "Q7747"


def test_documents_stream_in_order_and_a_bad_one_goes_alone(stub) -> None:
    requests = [
        pb.ReconcileDocumentRequest(text=SEED_LIKE, language="de", date="2024-05-21", client_id="d1"),
        pb.ReconcileDocumentRequest(text="", client_id="d2"),
        pb.ReconcileDocumentRequest(text="Lawrow", date="May 21", client_id="d3"),
        pb.ReconcileDocumentRequest(text="Wladimir Putin traf Tokajew.", language="de", client_id="d4"),
    ]
    answers = list(stub.ReconcileDocumentStream(iter(requests), timeout=WAIT))
    assert [a.client_id for a in answers] == ["d1", "d2", "d3", "d4"]
    for i in (0, 3):
        assert answers[i] == stub.ReconcileDocument(requests[i], timeout=WAIT)
    assert {"Q66648657", "Q58217"} <= {p.id for p in answers[0].people}
    for i in (1, 2):
        code, details = unary_error(stub.ReconcileDocument, requests[i])
        assert (answers[i].error_code, answers[i].error) == (code, details)
        assert not answers[i].people and not answers[i].algorithm.name


def test_a_cancelled_stream_stops_working(curated_db: Path) -> None:
    engine = GatedEngine(curated_db)
    # One call at a time: another call is admitted only once the stream's handler has returned.
    server = start(curated_db, engine, max_concurrent_rpcs=1)
    sent, first_answers_read = 0, threading.Event()

    def requests() -> Iterator[pb.MatchNameRequest]:
        nonlocal sent
        for i in range(3000):
            if i == 20:
                # Names that arrive together are answered together (streams.py): the held
                # name comes after the first 20 are answered, so that they are not held too.
                first_answers_read.wait(WAIT)
            sent += 1
            yield pb.MatchNameRequest(name=HOLD if i == 20 else f"Sergej Lawrow {i}", client_id=str(i))

    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
            stub = pb_grpc.ReconcilerStub(ch)
            stream = stub.MatchStream(requests(), timeout=WAIT)
            assert [next(stream).client_id for _ in range(20)] == [str(i) for i in range(20)]
            first_answers_read.set()
            assert engine.holding.wait(WAIT), "the stream never reached the held name"
            assert wait_for(lambda: sent >= 500), "the client did not send ahead"  # work is there to do
            assert server.servicer.stream_names_matched == 20
            stream.cancel()
            release_once_cancelled(server, engine, stub)
            assert server.servicer.stream_names_matched == 21  # the held name finished; none after it
    finally:
        engine.release.set()
        server.stop(0)


def test_a_slow_reader_holds_the_server_back(grpc_server: Server) -> None:
    """The client reads 500 answers and stops: the server goes on only while the transport
    takes answers. This client keeps the HTTP/2 default window of 64 KiB (no BDP probing,
    which would widen it to a few MiB), about 90 answers; unbounded, the server would match
    all 5,000 names."""
    n, read, before = 5000, 500, grpc_server.servicer.stream_names_matched
    requests = (pb.MatchNameRequest(name=NAMES[i % len(NAMES)], client_id=str(i)) for i in range(n))
    with grpc.insecure_channel(f"127.0.0.1:{grpc_server.port}", options=[("grpc.http2.bdp_probe", 0)]) as ch:
        stream = pb_grpc.ReconcilerStub(ch).MatchStream(requests, timeout=WAIT)
        assert [next(stream).client_id for _ in range(read)] == [str(i) for i in range(read)]
        ahead = settled(lambda: grpc_server.servicer.stream_names_matched - before) - read
        assert 0 <= ahead < 300
        # Reading again, the client gets every answer, in order.
        assert [a.client_id for a in stream] == [str(i) for i in range(read, n)]
    assert grpc_server.servicer.stream_names_matched - before == n


def test_the_stream_needs_the_bearer_token(curated_db: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("s3cret-token\n")
    server = start(curated_db, token_file=token_file)
    request = pb.MatchNameRequest(name="Sergej Lawrow", client_id="1")
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
            stub = pb_grpc.ReconcilerStub(ch)
            for metadata in ((), (("authorization", "Bearer wrong"),)):
                with pytest.raises(grpc.RpcError) as err:
                    list(stub.MatchStream(iter([request]), metadata=metadata, timeout=WAIT))
                assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED
                for stream in (stub.ReconcileDocumentStream, stub.MatchBatchStream):
                    with pytest.raises(grpc.RpcError) as err:
                        list(stream(iter([]), metadata=metadata, timeout=WAIT))
                    assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED
            [answer] = stub.MatchStream(iter([request]), metadata=(("authorization", "Bearer s3cret-token"),),
                                        timeout=WAIT)
            assert (answer.client_id, answer.candidates[0].id) == ("1", "Q58217")
    finally:
        server.stop(0)


def test_streamed_names_reach_the_review_queue(curated_db: Path, tmp_path: Path) -> None:
    queue = tmp_path / "review.db"
    server = start(curated_db, review_db=queue)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
            names = ["Qwzx Vbnmlk", "Sergej Lawrow", "Qwzx Vbnmlk"]
            list(pb_grpc.ReconcilerStub(ch).MatchStream(iter(pb.MatchNameRequest(name=n) for n in names), timeout=WAIT))
    finally:
        server.stop(0)
    groups = {g.norm: g.count for g in ReviewLog(queue).groups()}
    assert groups == {"qwzx vbnmlk": 2}  # Lavrov was accepted automatically


def test_a_100000_name_stream_runs_in_constant_server_memory(curated_db: Path) -> None:
    """A server process (its memory alone, as the kernel counts it) answers 100,000 names on
    one stream. The dev names, cycled: by the 10,000th name every cache that a name fills has
    seen them all, so what could grow after that is what the stream itself keeps."""
    dev = [json.loads(line) for line in (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8")]
    n, first_sample = 100_000, 10_000
    requests = (pb.MatchNameRequest(name=q["query"], language=q.get("lang") or "", client_id=str(i))
                for i, q in ((i, dev[i % len(dev)]) for i in range(n)))
    proc, port, _ = serve_process(curated_db)
    samples: dict[int, float] = {}
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            for i, answer in enumerate(pb_grpc.ReconcilerStub(ch).MatchStream(requests, timeout=WAIT), 1):
                assert answer.client_id == str(i - 1) and answer.algorithm.name
                if i % first_sample == 0:
                    samples[i] = rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait()
    assert len(samples) == n // first_sample  # every name answered
    # A stream that kept 120 bytes a name would grow by 10 MB over the last 90,000 names.
    growth = max(samples.values()) - samples[first_sample]
    assert growth < 10, f"server RSS (MB) after each 10,000 names: {samples}"
