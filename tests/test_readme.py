"""The README as a contract: every shell and Python example in it runs, as written, in a
fresh working directory laid out like a checkout (the venv, the curated files, a built
gazetteer, ../shared beside it).

Each fenced block is preceded by a directive saying how it runs:
  <!-- readme-test: run -->           run it (sh with bash -euo pipefail, python with the venv)
  <!-- readme-test: server -->        run it while a server listens where the block says
  <!-- readme-test: http -->          run it while the Reconciliation API listens where it says
  <!-- readme-test: review-queue -->  run it with a review queue holding two pending names
  <!-- readme-test: grpcurl -->       each grpcurl line's method and JSON body are sent to a
                                      server through reflection (grpcurl is not installed here);
                                      `-d @` reads the messages from the here-document after it
  <!-- readme-test: dask -->          run it on a free port instead of Dask's 8786; the Dask
                                      processes it starts in the background are stopped when it ends
  <!-- readme-test: not-run: why -->  only `make` targets may be left out (CI runs make test)
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DIRECTIVE = re.compile(r"<!-- readme-test: ([a-z-]+)(?::\s*(.*?))? -->")
KINDS = {"run", "server", "http", "review-queue", "grpcurl", "dask", "not-run"}


@dataclass(frozen=True)
class Block:
    line: int
    lang: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"README.md:{self.line} ({self.kind})"


def readme_blocks() -> list[Block]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    blocks, i = [], 0
    while i < len(lines):
        fence = re.fullmatch(r"```(sh|python)", lines[i])
        if fence:
            end = lines.index("```", i + 1)
            directive = DIRECTIVE.fullmatch(lines[i - 1].strip()) if i else None
            kind = directive.group(1) if directive else "none"
            blocks.append(Block(i + 1, fence.group(1), kind, "\n".join(lines[i + 1:end]) + "\n"))
            i = end
        i += 1
    return blocks


BLOCKS = readme_blocks()


def test_every_example_says_how_it_is_checked() -> None:
    assert len(BLOCKS) >= 8
    for block in BLOCKS:
        assert block.kind in KINDS, f"{block}: no readme-test directive before the block"
        if block.kind == "not-run":
            commands = [c for c in block.text.splitlines() if c.strip() and not c.startswith("#")]
            assert all(c.startswith("make ") for c in commands), f"{block}: only make targets may go unrun"


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory, curated_db: Path) -> Iterator[Path]:
    """tmp/main laid out like the repository, with ../shared beside it. The curated files
    are a copy (ROLLCALL_SOURCES), so that an example's edit never touches the real ones."""
    top = tmp_path_factory.mktemp("readme")
    work = top / "main"
    work.mkdir()
    (top / "shared").symlink_to(SHARED)
    (work / ".venv").symlink_to(ROOT / ".venv")
    (work / "gazetteer").mkdir()
    shutil.copytree(ROOT / "gazetteer" / "data", work / "gazetteer" / "data")
    (work / "var").mkdir()
    shutil.copy(curated_db, work / "var" / "gazetteer.db")
    yield work


def environment(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROLLCALL_")}
    env.update(HOME=str(work.parent), ROLLCALL_SOURCES=str(work / "gazetteer" / "data"),
               TMPDIR=str(work.parent))
    return env


def run_block(block: Block, work: Path, port: int | None = None, http_port: int | None = None) -> subprocess.CompletedProcess:
    text = block.text if port is None else block.text.replace("127.0.0.1:50051", f"127.0.0.1:{port}")
    text = text if http_port is None else text.replace("127.0.0.1:8080", f"127.0.0.1:{http_port}")
    command = ["bash", "-euo", "pipefail", "-c", text] if block.lang == "sh" else [sys.executable, "-c", text]
    out = subprocess.run(command, cwd=work, env=environment(work), capture_output=True, timeout=300)
    assert out.returncode == 0, f"{block} failed:\n{out.stdout.decode()[-2000:]}\n{out.stderr.decode()[-3000:]}"
    assert b"Traceback" not in out.stderr and b"rollcall: error" not in out.stderr, f"{block}: {out.stderr.decode()}"
    assert out.stdout.strip(), f"{block} printed nothing"
    return out


def ran(kind: str) -> list[Block]:
    return [b for b in BLOCKS if b.kind == kind]


@pytest.mark.parametrize("block", ran("run"), ids=str)
def test_example_runs(block: Block, checkout: Path) -> None:
    before = {p.name for p in checkout.iterdir()}
    run_block(block, checkout)
    # Examples leave nothing in the checkout's top level (var/ and temporary folders only).
    assert {p.name for p in checkout.iterdir()} == before


@pytest.fixture(scope="module")
def server(checkout: Path) -> Iterator[int]:
    from rollcall.service.server import Server
    from rollcall.service.settings import Settings

    srv = Server(Settings(db=checkout / "var" / "gazetteer.db", host="127.0.0.1", port=0, grace=1))
    srv.start()
    yield srv.port
    srv.stop(0)


@pytest.mark.parametrize("block", ran("server"), ids=str)
def test_example_against_a_server_runs(block: Block, checkout: Path, server: int) -> None:
    out = run_block(block, checkout, port=server)
    assert b"Q58217" in out.stdout


@pytest.fixture(scope="module")
def http_server(checkout: Path) -> Iterator[int]:
    from rollcall.service.engine import Engine
    from rollcall.service.http_server import HttpServer

    engine = Engine(checkout / "var" / "gazetteer.db")
    srv = HttpServer(lambda: engine, "127.0.0.1", 0)
    srv.start()
    yield srv.port
    srv.stop()
    engine.close()


@pytest.mark.parametrize("block", ran("http"), ids=str)
def test_example_against_the_reconciliation_api_runs(block: Block, checkout: Path, http_server: int) -> None:
    out = run_block(block, checkout, http_port=http_server)
    assert b"Q58217" in out.stdout


@pytest.mark.parametrize("block", ran("review-queue"), ids=str)
def test_review_example_runs(block: Block, checkout: Path) -> None:
    from rollcall.gazetteer.review import ReviewLog

    queue = ReviewLog(checkout / "var" / "review.db")
    queue.record("Lawrowa Sergeja", kind="low_confidence", lang="pl", candidate="Q58217")
    queue.record("Xqzzv Blorp", kind="unresolved", lang="en")
    out = run_block(block, checkout)
    assert b"Lawrowa Sergeja" in out.stdout
    names = (checkout / "gazetteer" / "data" / "ru.json").read_text(encoding="utf-8")
    assert "Lawrowa Sergeja" in names  # accepted into the curated copy, not the repository's
    assert "Lawrowa Sergeja" not in (ROOT / "gazetteer" / "data" / "ru.json").read_text(encoding="utf-8")


def grpcurl_commands(text: str) -> Iterator[tuple[list[str], str | None]]:
    """Each grpcurl command of a block: its arguments and its JSON body (`-d BODY`, or with
    `-d @` the here-document that follows the command, as grpcurl reads standard input)."""
    lines = iter(text.splitlines())
    for line in lines:
        if not line.strip():
            continue
        command, _, heredoc = line.partition("<<")
        args = shlex.split(command)
        body = args[args.index("-d") + 1] if "-d" in args else None
        if body == "@":
            delimiter = shlex.split(heredoc)[0]
            body = "\n".join(iter(lines.__next__, delimiter))
        yield args, body


def json_messages(body: str) -> list[str]:
    """The JSON objects of a body, one after another as grpcurl reads them."""
    decoder, messages, at = json.JSONDecoder(), [], 0
    while body[at:].strip():
        at += len(body[at:]) - len(body[at:].lstrip())
        message, end = decoder.raw_decode(body, at)
        messages.append(json.dumps(message))
        at = end
    return messages


@pytest.mark.parametrize("block", ran("dask"), ids=str)
def test_example_on_a_dask_cluster_runs(block: Block, checkout: Path) -> None:
    """The scheduler and workers the block starts in the background (their logs in files)
    are stopped when it ends, last started first."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    stop = "trap 'for job in $(jobs -p | tac); do kill $job; wait $job || true; done' EXIT\n"
    text = stop + block.text.replace("8786", str(port))
    out = run_block(Block(block.line, block.lang, block.kind, text), checkout)
    assert out.stdout.split() == [b"2220"]
    assert b"rollcall batch: 2,220 rows" in out.stderr


def client_ids(messages: list[dict], items: str) -> list[str | None]:
    """The client ids of messages in JSON, in order: each message's own, or those of the
    requests or responses of a batch (`items`)."""
    return [item.get("clientId") for m in messages for item in (m[items] if items in m else [m])]


@pytest.mark.parametrize("block", ran("grpcurl"), ids=str)
def test_grpcurl_examples_are_valid_requests(block: Block, server: int) -> None:
    """What grpcurl would do with each line: look the method up by reflection, read the
    JSON body into its request type, call it."""
    import grpc
    from google.protobuf import descriptor_pool, json_format, message_factory
    from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

    with grpc.insecure_channel(f"127.0.0.1:{server}") as channel:
        reflection = ProtoReflectionDescriptorDatabase(channel)
        pool = descriptor_pool.DescriptorPool(reflection)
        for args, body in grpcurl_commands(block.text):
            assert args[:2] == ["grpcurl", "-plaintext"], args
            target = args[-1]
            if target == "list":
                assert "rollcall.v1.Reconciler" in set(reflection.get_services())
                continue
            service_name, method_name = target.rsplit("/", 1)
            method = pool.FindServiceByName(service_name).FindMethodByName(method_name)
            request_class = message_factory.GetMessageClass(method.input_type)
            requests = [json_format.Parse(m, request_class()) for m in json_messages(body or "{}")]
            response_class = message_factory.GetMessageClass(method.output_type)
            kind = "stream_stream" if method.client_streaming else "unary_unary"
            assert method.client_streaming == method.server_streaming and (len(requests) == 1 or kind == "stream_stream")
            call = getattr(channel, kind)(f"/{target}", request_serializer=lambda m: m.SerializeToString(),
                                          response_deserializer=response_class.FromString)
            replies = list(call(iter(requests), timeout=120)) if method.client_streaming else [call(requests[0], timeout=120)]
            answers = [json.loads(json_format.MessageToJson(r)) for r in replies]
            assert "Q58217" in json.dumps(answers), args
            if method.client_streaming:  # one answer a message, in order, each echoing its id(s)
                asked = [json.loads(json_format.MessageToJson(r)) for r in requests]
                assert len(answers) == len(asked)
                assert client_ids(answers, "responses") == client_ids(asked, "requests")
