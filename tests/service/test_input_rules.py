"""One rule for a query's language tag and country code at every entry point (issue 12,
item 8): gRPC answers INVALID_ARGUMENT, `rollcall lookup` and `attendees` exit 2 with
"rollcall: error:", `rollcall match` reports the line and goes on."""

import json
from pathlib import Path

import grpc
import pytest

from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from tests.service.runner import rollcall

WAIT = 120  # a bound for a loaded machine, never what the tests check


@pytest.fixture
def stub(channel) -> pb_grpc.ReconcilerStub:
    return pb_grpc.ReconcilerStub(channel)


@pytest.mark.parametrize(
    "request_, message",
    [
        (pb.MatchNameRequest(name="Lavrov", language="xx-!!"), "language 'xx-!!' is not BCP-47"),
        (pb.MatchNameRequest(name="Lavrov", language="!!"), "language '!!' is not BCP-47"),
        (pb.MatchNameRequest(name="Lavrov", language="xx"), "unknown language 'xx'"),
        (pb.MatchNameRequest(name="Lavrov", country="XX"), "country 'XX' is not an ISO 3166-1 alpha-2 code"),
    ],
)
def test_match_name_with_a_bad_language_or_country_is_invalid_argument(stub, request_, message: str) -> None:
    with pytest.raises(grpc.RpcError) as err:
        stub.MatchName(request_, timeout=WAIT)
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert message in err.value.details()


def test_a_bad_language_in_a_batch_is_answered_alone(stub) -> None:
    batch = pb.MatchNamesRequest(requests=[pb.MatchNameRequest(name="Putin", language="ru"),
                                           pb.MatchNameRequest(name="Putin", language="xx-!!")])
    good, bad = stub.MatchNames(batch, timeout=WAIT).responses
    assert good.candidates and not good.error
    assert bad.error.startswith("requests[1]: language 'xx-!!' is not BCP-47") and not bad.candidates


def test_reconcile_document_with_a_bad_language_is_invalid_argument(stub) -> None:
    with pytest.raises(grpc.RpcError) as err:
        stub.ReconcileDocument(pb.ReconcileDocumentRequest(text="Sergej Lawrow", language="xx-!!"), timeout=WAIT)
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "language 'xx-!!' is not BCP-47" in err.value.details()


def test_the_tags_the_data_uses_still_pass(stub) -> None:
    for language in ("ru", "und-Cyrl", "uz-Cyrl", "zh-Hant"):
        reply = stub.MatchName(pb.MatchNameRequest(name="Сергей Лавров", language=language, country="RU"),
                               timeout=WAIT)
        assert reply.candidates[0].id == "Q58217"


@pytest.mark.parametrize(
    "args, message",
    [
        (["lookup", "Lavrov", "--lang", "!!"], "rollcall: error: language '!!' is not BCP-47"),
        (["lookup", "Lavrov", "--lang", "xx-!!"], "rollcall: error: language 'xx-!!' is not BCP-47"),
        (["lookup", "Lavrov", "--country", "XX"], "rollcall: error: country 'XX' is not an ISO 3166-1"),
    ],
)
def test_lookup_with_a_bad_language_or_country_exits_2(curated_db: Path, args: list, message: str) -> None:
    out = rollcall(*args, "--db", str(curated_db))
    assert out.returncode == 2
    assert message in out.stderr and "Traceback" not in out.stderr


def test_match_reports_a_bad_language_on_its_line_and_goes_on(curated_db: Path) -> None:
    lines = [json.dumps({"id": "a", "query": "Lavrov", "lang": "xx-!!"}),
             json.dumps({"id": "b", "query": "Лавров", "lang": "und-Cyrl"})]
    out = rollcall("match", "--db", str(curated_db), stdin="\n".join(lines).encode() + b"\n")
    assert out.returncode == 0, out.stderr
    bad, good = [json.loads(line) for line in out.stdout.splitlines()]
    assert bad["id"] == "a" and bad["error"].startswith("line 1: language 'xx-!!' is not BCP-47")
    assert good["candidates"][0]["id"] == "Q58217"


def test_attendees_with_a_bad_language_exits_2(curated_db: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Wang Yi", encoding="utf-8")
    out = rollcall("attendees", str(article), "--lang", "xx-!!", "--db", str(curated_db))
    assert out.returncode == 2
    assert "rollcall: error: language 'xx-!!' is not BCP-47" in out.stderr
