"""End to end: a real server on a free port, called through real stubs."""


import grpc
import pytest
from google.protobuf import descriptor_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc

# Bound on a call: generous, for a loaded machine (the first ReconcileDocument also compiles
# the vocabulary); what these tests check is the answer, never how fast it came.
WAIT = 120


@pytest.fixture
def stub(channel) -> pb_grpc.ReconcilerStub:
    return pb_grpc.ReconcilerStub(channel)


def test_health_is_serving(channel) -> None:
    health = health_pb2_grpc.HealthStub(channel)
    for service in ("", "rollcall.v1.Reconciler"):
        reply = health.Check(health_pb2.HealthCheckRequest(service=service), timeout=WAIT)
        assert reply.status == health_pb2.HealthCheckResponse.SERVING


def test_reflection_lists_and_describes_the_services(channel) -> None:
    refl = reflection_pb2_grpc.ServerReflectionStub(channel)
    [listing] = refl.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=WAIT)
    names = {s.name for s in listing.list_services_response.service}
    assert {"rollcall.v1.Reconciler", "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"} <= names
    [described] = refl.ServerReflectionInfo(
        iter([reflection_pb2.ServerReflectionRequest(file_containing_symbol="rollcall.v1.Reconciler")]), timeout=WAIT
    )
    fd = descriptor_pb2.FileDescriptorProto.FromString(described.file_descriptor_response.file_descriptor_proto[0])
    assert [m.name for m in fd.service[0].method] == [
        "MatchName", "MatchNames", "GetEntity", "ReconcileDocument", "MatchStream", "ReconcileDocumentStream",
        "MatchBatchStream"]
    streaming = {m.name: (m.client_streaming, m.server_streaming) for m in fd.service[0].method}
    assert streaming["MatchStream"] == streaming["ReconcileDocumentStream"] == streaming["MatchBatchStream"] == (True, True)


def test_reflection_also_answers_under_the_v1_name(channel) -> None:
    call = channel.stream_stream(
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )
    [listing] = call(iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=WAIT)
    assert "rollcall.v1.Reconciler" in {s.name for s in listing.list_services_response.service}


def test_match_name(stub) -> None:
    reply = stub.MatchName(pb.MatchNameRequest(name="Sergej Lawrow", language="de", date="2024-05-21"), timeout=WAIT)
    top = reply.candidates[0]
    assert (top.id, top.name, top.wikidata) == ("Q58217", "Sergey Lavrov", "Q58217")
    assert 0.9 <= top.confidence <= 1.0 and reply.match
    assert top.matched_alias and top.matched_alias in top.explanation
    assert [o.post_id for o in top.offices] == ["ru-foreign-minister"]
    assert reply.algorithm.name == "rollcall-name" and reply.algorithm.version
    assert len(reply.candidates) <= 5


def test_match_name_spelling_not_in_the_gazetteer(stub) -> None:
    reply = stub.MatchName(pb.MatchNameRequest(name="Sergueï Lavrof", language="fr"), timeout=WAIT)
    top = reply.candidates[0]
    assert top.id == "Q58217" and top.matched_alias != "Sergueï Lavrof"
    assert "spelling=" in top.explanation


def test_match_name_in_persian(stub) -> None:
    reply = stub.MatchName(pb.MatchNameRequest(name="سراج الدین مهرالدین", language="fa", date="2021-07-14"), timeout=WAIT)
    assert reply.candidates[0].id == "Q18198123"
    assert reply.candidates[0].offices[0].post_id == "tj-foreign-minister"


def test_match_names_keeps_order(stub) -> None:
    names = ["Wladimir Putin", "Tokajew", "امامعلی رحمان"]
    reply = stub.MatchNames(pb.MatchNamesRequest(requests=[pb.MatchNameRequest(name=n) for n in names]), timeout=WAIT)
    assert [r.candidates[0].id for r in reply.responses] == ["Q7747", "Q200881", "Q57366"]


def test_get_entity(stub) -> None:
    entity = stub.GetEntity(pb.GetEntityRequest(id="Q57366"), timeout=WAIT)
    assert entity.name == "Emomali Rahmon"
    assert any(n.script == "Arabic" for n in entity.names)
    assert any(o.post_id == "tj-head-of-state" for o in entity.offices)


@pytest.mark.parametrize(
    "request_, message",
    [
        (pb.MatchNameRequest(name=""), "name is empty"),
        (pb.MatchNameRequest(name=" \t "), "name is empty"),
        (pb.MatchNameRequest(name="x" * 1001), "limit is 1000"),
        (pb.MatchNameRequest(name="Lavrov", date="2024-5-1"), "not an ISO date"),
        (pb.MatchNameRequest(name="Lavrov", limit=-1), "out of range"),
        (pb.MatchNameRequest(name="Lavrov", limit=500), "out of range"),
        (pb.MatchNameRequest(name="\u200b\u200d\ufeff"), "no letters"),
    ],
)
def test_bad_requests_are_invalid_argument(stub, request_, message: str) -> None:
    with pytest.raises(grpc.RpcError) as err:
        stub.MatchName(request_, timeout=WAIT)
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert message in err.value.details()


def test_unknown_id_is_not_found(stub) -> None:
    with pytest.raises(grpc.RpcError) as err:
        stub.GetEntity(pb.GetEntityRequest(id="Q0"), timeout=WAIT)
    assert err.value.code() == grpc.StatusCode.NOT_FOUND


@pytest.mark.parametrize(
    "name", ["Лавров Lavrov 拉夫罗夫", "L" + "\u0301" * 500, "\u202e\u202d\u2066Putin", "\x00\x01\x7f Rahmon", "🙂"]
)
def test_odd_unicode_never_fails_the_call(stub, name: str) -> None:
    reply = stub.MatchName(pb.MatchNameRequest(name=name), timeout=WAIT)
    assert reply.algorithm.name == "rollcall-name"


def test_invalid_utf8_on_the_wire_is_rejected_cleanly(channel) -> None:
    # A hand-built MatchNameRequest whose name field (1, length-delimited) is not UTF-8.
    raw = channel.unary_unary("/rollcall.v1.Reconciler/MatchName")
    with pytest.raises(grpc.RpcError) as err:
        raw(b"\x0a\x02\xff\xfe", timeout=WAIT)
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "not a valid message" in err.value.details()


SEED_LIKE = (
    "Den Vorsitz des Treffens führte Murat Nurtleu, Außenminister Kasachstans. "
    "Zu den Teilnehmern gehörte der russische Außenminister Sergej Lawrow."
)


def test_reconcile_document(stub) -> None:
    reply = stub.ReconcileDocument(
        pb.ReconcileDocumentRequest(text=SEED_LIKE, language="de", date="2024-05-21"), timeout=WAIT
    )
    by_id = {p.id: p for p in reply.people}
    assert {"Q66648657", "Q58217"} <= set(by_id)
    lavrov = by_id["Q58217"]
    assert lavrov.wikidata == "Q58217" and lavrov.office.post_id == "ru-foreign-minister"
    [m] = lavrov.mentions
    assert SEED_LIKE[m.start : m.end] == m.text == "Sergej Lawrow"
    assert reply.algorithm.name == "rollcall-document"


@pytest.mark.parametrize(
    "request_, message",
    [
        (pb.ReconcileDocumentRequest(text=""), "text is empty"),
        (pb.ReconcileDocumentRequest(text="x" * 1_000_001), "limit is 1000000"),
        (pb.ReconcileDocumentRequest(text="Lawrow", date="May 21"), "not an ISO date"),
    ],
)
def test_bad_documents_are_invalid_argument(stub, request_, message: str) -> None:
    with pytest.raises(grpc.RpcError) as err:
        stub.ReconcileDocument(request_, timeout=WAIT)
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert message in err.value.details()


def test_binary_junk_document_does_not_fail(stub) -> None:
    junk = bytes(range(256)).decode("latin-1") * 40
    reply = stub.ReconcileDocument(pb.ReconcileDocumentRequest(text=junk), timeout=WAIT)
    assert reply.algorithm.name == "rollcall-document"
