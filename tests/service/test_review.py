"""The opt-in review queue: the server records what it could not resolve; curators list,
accept (the name becomes an alias) or reject."""

import json
import shutil
from pathlib import Path

import grpc

from rollcall.gazetteer import DEFAULT_SOURCES, build_curated
from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from rollcall.service.server import Server
from rollcall.service.settings import Settings
from tests.service.runner import Result, rollcall

# Bound on a call: generous, for a loaded machine; these tests check answers, not speed.
WAIT = 120


def cli(*args: str) -> Result:
    return rollcall("gazetteer", *args)


def test_record_list_accept_and_reject(tmp_path: Path) -> None:
    sources = tmp_path / "data"
    shutil.copytree(DEFAULT_SOURCES, sources)
    db, queue = tmp_path / "g.db", tmp_path / "review.db"
    build_curated(db, sources)
    server = Server(Settings(db=db, host="127.0.0.1", port=0, max_workers=2, grace=1, reload_interval=0,
                             review_db=queue))
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as channel:
            stub = pb_grpc.ReconcilerStub(channel)
            for _ in range(2):
                stub.MatchName(pb.MatchNameRequest(name="Qwzx Vbnmlk", language="de"), timeout=WAIT)
            stub.MatchName(pb.MatchNameRequest(name="Sergej Lawrow", language="de"), timeout=WAIT)  # accepted
            text = "An dem Treffen nahmen Vertreter Indiens teil."
            stub.ReconcileDocument(pb.ReconcileDocumentRequest(text=text, language="de", date="2024-07-04"), timeout=WAIT)
    finally:
        server.stop(0)

    listing = json.loads(cli("review", "--review-db", str(queue), "--json").stdout)
    forms = {g["norm"]: g for g in listing}
    assert forms["qwzx vbnmlk"]["count"] == 2
    assert "sergej lawrow" not in forms
    assert "Vertreter Indiens" in forms["vertreter indiens"]["contexts"][0]

    number = forms["qwzx vbnmlk"]["number"]
    accepted = cli("review", "accept", str(number), "--person", "Q58217", "--review-db", str(queue),
                   "--sources", str(sources), "--db", str(db), "--json")
    assert accepted.returncode == 0, accepted.stderr
    assert json.loads(accepted.stdout)["entries"] == 2
    assert "Qwzx Vbnmlk" in (sources / "ru.json").read_text(encoding="utf-8")
    again = cli("review", "accept", str(number), "--person", "Q58217", "--review-db", str(queue),
                "--sources", str(sources), "--db", str(db))
    assert again.returncode == 2 and "accepted already" in again.stderr

    rejected = cli("review", "reject", str(forms["vertreter indiens"]["number"]), "--review-db", str(queue))
    assert rejected.returncode == 0
    assert json.loads(cli("review", "--review-db", str(queue), "--json").stdout) == []
