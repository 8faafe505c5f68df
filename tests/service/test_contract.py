"""One contract, two faces: what the CLI prints as JSON is, field for field, what the gRPC
API answers; MatchNames answers a bad request alone instead of failing the batch."""

from pathlib import Path
from typing import Any

import json
import pytest
from google.protobuf import json_format

from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from tests.service.runner import rollcall

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
WAIT = 120


@pytest.fixture
def stub(channel) -> pb_grpc.ReconcilerStub:
    return pb_grpc.ReconcilerStub(channel)


def as_json(message: Any) -> Any:
    return json_format.MessageToDict(message, preserving_proto_field_name=True,
                                     always_print_fields_with_no_presence=True)


def same_shape(cli: Any, grpc_: Any, path: str = "") -> None:
    """Equal keys at every level and equal values, where the CLI's null is gRPC's empty
    default and numbers agree to the CLI's rounding."""
    if isinstance(cli, dict):
        assert isinstance(grpc_, dict), path
        assert set(cli) == set(grpc_), f"{path}: CLI {sorted(set(cli) - set(grpc_))} gRPC {sorted(set(grpc_) - set(cli))}"
        for key in cli:
            same_shape(cli[key], grpc_[key], f"{path}.{key}")
    elif isinstance(cli, list):
        assert isinstance(grpc_, list) and len(cli) == len(grpc_), path
        for i, (a, b) in enumerate(zip(cli, grpc_)):
            same_shape(a, b, f"{path}[{i}]")
    elif cli is None:
        assert grpc_ in ("", 0, False, None, {}), f"{path}: {grpc_!r}"
    elif isinstance(cli, float):
        assert abs(cli - float(grpc_)) < 1e-3, path
    else:
        assert cli == grpc_, path


def test_attendees_json_is_the_reconcile_document_response(stub, curated_db: Path) -> None:
    seed = SEEDS / "002_e7706126799bb1c7.txt"
    out = rollcall("attendees", str(seed), "--lang", "de", "--date", "2024-07-04", "--json", "--db", str(curated_db))
    assert out.returncode == 0, out.stderr
    cli = json.loads(out.stdout)
    reply = stub.ReconcileDocument(pb.ReconcileDocumentRequest(
        text=seed.read_text(encoding="utf-8"), language="de", date="2024-07-04"), timeout=WAIT)
    grpc_ = as_json(reply)
    # Set only when the request has them: an id of the caller's, a bad article in a stream.
    assert (grpc_.pop("client_id"), grpc_.pop("error"), grpc_.pop("error_code")) == ("", "", "")
    # A person without an office on the date has no office message at all over gRPC.
    for person in grpc_["people"]:
        person.setdefault("office", None)
    same_shape(cli, grpc_)
    assert cli["algorithm"] == {"name": "rollcall-document", "version": reply.algorithm.version}
    offices = [p["office"] for p in cli["people"] if p["office"]]
    assert offices and all(o["post_id"] and isinstance(o["acting"], bool) for o in offices)


def test_lookup_json_is_the_match_name_response(stub, curated_db: Path) -> None:
    out = rollcall("lookup", "Sergej Lawrow", "--lang", "de", "--date", "2024-05-21", "--json", "--db", str(curated_db))
    cli = json.loads(out.stdout)
    reply = stub.MatchName(pb.MatchNameRequest(name="Sergej Lawrow", language="de", date="2024-05-21"),
                           timeout=WAIT)
    grpc_ = as_json(reply)
    # Set only on a bad request inside a batch or stream, or when the request has an id.
    assert (grpc_.pop("error"), grpc_.pop("error_code"), grpc_.pop("client_id")) == ("", "", "")
    same_shape(cli, grpc_)
    assert cli["algorithm"]["name"] == "rollcall-name"


def test_match_names_answers_a_bad_request_alone(stub) -> None:
    names = ["Putin", "", "Lawrow", "x" * 1001, "Tokajew"]
    batch = pb.MatchNamesRequest(requests=[pb.MatchNameRequest(name=n, language="de") for n in names]
                                 + [pb.MatchNameRequest(name="Lavrov", date="2024-02-30")])
    reply = stub.MatchNames(batch, timeout=WAIT)
    assert len(reply.responses) == 6
    assert [r.candidates[0].id for r in (reply.responses[i] for i in (0, 2, 4))] == ["Q7747", "Q58217", "Q200881"]
    assert all(not reply.responses[i].error for i in (0, 2, 4))
    for i, words in ((1, "empty"), (3, "1000"), (5, "does not exist")):
        bad = reply.responses[i]
        assert bad.error.startswith(f"requests[{i}]:") and words in bad.error
        assert bad.error_code == "INVALID_ARGUMENT"
        assert not bad.candidates and not bad.match


def test_jsonl_takes_the_grpc_field_names_too(curated_db: Path) -> None:
    lines = [
        {"id": 1, "name": "Сергей Лавров", "language": "ru"},
        {"id": 2, "query": "Сергей Лавров", "lang": "ru"},
        {"id": 3, "name": "Lavrov", "query": "Putin"},
    ]
    out = rollcall("match", "--db", str(curated_db),
              stdin="".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode())
    first, second, third = (json.loads(x) for x in out.stdout.splitlines())
    assert first["candidates"][0]["id"] == second["candidates"][0]["id"] == "Q58217"
    assert first["candidates"] == second["candidates"]
    assert third["id"] == 3 and "differ" in third["error"]
