"""The `rollcall` command as a user runs it, on real files: in process through main(argv),
and as a real process where that is the point (exit codes of the console script, piped
standard input, serving and signals)."""

import json
import re
import subprocess
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from tests.service.runner import ROLLCALL, process, rollcall

# Bounds for waiting on a server process (start, answer, stop). Generous: they only decide
# how long a broken server takes to fail a test on a loaded machine, never what passes.
WAIT = 120


class Output:
    """A process's text output, read in a thread: waiting for a line has a bound (a server
    that never prints it fails the test instead of hanging it), and the pipe never fills."""

    def __init__(self, stream: IO[str]):
        self.lines: list[str] = []
        self.closed = False
        self._changed = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait_for(self, pattern: str, timeout: float = WAIT) -> tuple[int, re.Match]:
        """The number and match of the first line matching `pattern`, once it is printed."""
        deadline = time.monotonic() + timeout
        seen = 0
        with self._changed:
            while True:
                for i in range(seen, len(self.lines)):
                    if m := re.search(pattern, self.lines[i]):
                        return i, m
                seen = len(self.lines)
                remaining = deadline - time.monotonic()
                if self.closed or remaining <= 0:
                    why = "the output ended" if self.closed else f"not within {timeout:.0f}s"
                    raise AssertionError(f"no line matching {pattern!r} ({why}):\n{''.join(self.lines)}")
                self._changed.wait(remaining)

    def text(self) -> str:
        with self._changed:
            return "".join(self.lines)


def running(pid: int) -> bool:
    """Whether process `pid` still runs (an exited one not yet reaped, a zombie, does not)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_until_stopped(pids: set[int], timeout: float = WAIT) -> set[int]:
    """The processes of `pids` still running after waiting up to `timeout` for them to stop."""
    deadline = time.monotonic() + timeout
    alive = {pid for pid in pids if running(pid)}
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = {pid for pid in alive if running(pid)}
    return alive


def test_lookup_prints_a_table_with_lavrov_first(curated_db: Path) -> None:
    out = rollcall("lookup", "Sergej Lawrow", "--lang", "de", "--date", "2024-05-21", "--db", str(curated_db))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split()[:4] == ["#", "confidence", "id", "name"]
    assert "Sergey Lavrov" in lines[1] and "Q58217" in lines[1]
    assert "Minister of Foreign Affairs of Russia" in lines[1]
    assert "match: accept" in out.stdout


def test_lookup_json(curated_db: Path) -> None:
    out = rollcall("lookup", "Тоқаев", "--lang", "kk", "--json", "--limit", "3", "--db", str(curated_db))
    doc = json.loads(out.stdout)
    assert doc["candidates"][0]["id"] == "Q200881"
    assert len(doc["candidates"]) <= 3 and doc["algorithm"]["name"] == "rollcall-name"


def test_database_from_environment(curated_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLLCALL_DB", str(curated_db))
    out = rollcall("lookup", "Wladimir Putin", "--json")
    assert json.loads(out.stdout)["candidates"][0]["id"] == "Q7747"


@pytest.mark.parametrize(
    "args, message",
    [
        (["lookup", ""], "name is empty"),
        (["lookup", "x" * 1001], "limit is 1000"),
        (["lookup", "Lavrov", "--date", "2024-02-30"], "does not exist"),
        (["lookup", "Lavrov", "--limit", "0"], "out of range"),
        (["entity", "Q000"], "no person with id"),
    ],
)
def test_bad_input_exits_2_with_a_message(curated_db: Path, args: list, message: str) -> None:
    out = rollcall(*args, "--db", str(curated_db))
    assert out.returncode == 2
    assert out.stderr.startswith("rollcall: error: ") and message in out.stderr
    assert out.stdout == ""


@pytest.mark.parametrize("args, status", [(["lookup", ""], 2), (["lookup", "Lavrov", "--limit", "x"], 2),
                                          (["lookup", "Lavrov", "--json"], 0)])
def test_the_console_script_exits_with_the_status(curated_db: Path, args: list, status: int) -> None:
    out = process(*args, "--db", str(curated_db))
    assert out.returncode == status, out.stderr
    assert "Traceback" not in out.stderr


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    out = rollcall("lookup", "Lavrov", "--db", str(tmp_path / "none.db"))
    assert out.returncode == 2 and "rollcall gazetteer build" in out.stderr


def test_match_streams_jsonl_in_order_and_survives_bad_lines(curated_db: Path) -> None:
    lines = [
        json.dumps({"id": "a", "query": "Сергей Лавров", "lang": "ru", "date": "2024-05-21"}).encode(),
        b"{not json",
        b"\xff\xfe broken utf-8",
        json.dumps({"id": "b", "query": ""}).encode(),
        json.dumps({"id": "c", "query": "امامعلی رحمان", "lang": "fa"}, ensure_ascii=False).encode(),
        json.dumps({"id": "d", "query": "Lavrov", "date": "someday"}).encode(),
        json.dumps(["not", "an", "object"]).encode(),
    ]
    out = process("match", "--db", str(curated_db), stdin=b"\n".join(lines) + b"\n")
    assert out.returncode == 0, out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(results) == len(lines)
    assert results[0]["id"] == "a" and results[0]["candidates"][0]["id"] == "Q58217"
    assert results[0]["match"] is True
    assert results[0]["candidates"][0]["offices"][0]["post_id"] == "ru-foreign-minister"
    assert "invalid JSON" in results[1]["error"]
    assert "not UTF-8" in results[2]["error"]
    assert results[3] == {"id": "b", "error": "line 4: name is empty"}
    assert results[4]["candidates"][0]["id"] == "Q57366"
    assert "not an ISO date" in results[5]["error"]
    assert "JSON object" in results[6]["error"]


def test_entity_shows_names_and_offices(curated_db: Path) -> None:
    out = rollcall("entity", "Q58217", "--json", "--db", str(curated_db))
    doc = json.loads(out.stdout)
    assert doc["name"] == "Sergey Lavrov"
    assert any(n["script"] == "Cyrillic" for n in doc["names"])
    assert any(o["post_id"] == "ru-foreign-minister" for o in doc["offices"])


def test_gazetteer_build_and_import_popolo(tmp_path: Path, shared_data: Path) -> None:
    db = tmp_path / "g.db"
    built = rollcall("gazetteer", "build", "--db", str(db))
    assert built.returncode == 0 and "persons" in built.stdout
    imported = rollcall("gazetteer", "import-popolo", str(shared_data / "everypolitician-2015" / "gazetteer.popolo.json"),
                   "--db", str(db), "--json")
    assert imported.returncode == 0, imported.stderr
    summary = json.loads(imported.stdout)
    assert summary["persons_added"] + summary["persons_merged"] == 9628
    # The curated people are still there after the import.
    out = rollcall("lookup", "Sergej Lawrow", "--lang", "de", "--json", "--db", str(db))
    assert json.loads(out.stdout)["candidates"][0]["id"] == "Q58217"


def test_import_of_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    out = rollcall("gazetteer", "import-popolo", str(tmp_path / "nope.json"), "--db", str(tmp_path / "g.db"))
    assert out.returncode == 2 and "cannot read Popolo JSON" in out.stderr


@pytest.mark.parametrize("command", ["fit", "eval"])
def test_a_missing_gazetteer_for_the_names_of_nobody_is_a_clear_error(tmp_path: Path, command: str) -> None:
    names, popolo = tmp_path / "names.jsonl", tmp_path / "g.popolo.json"
    names.write_text("", encoding="utf-8")
    popolo.write_text("{}", encoding="utf-8")
    out = rollcall(command, "--names", str(names), "--gazetteer", str(popolo), "--nobody-on", str(tmp_path / "none.db"))
    assert out.returncode == 2 and f"{tmp_path / 'none.db'}: no such gazetteer database" in out.stderr
    assert "Traceback" not in out.stderr


def test_eval_of_news_names_reports_each_script_and_a_missing_file_clearly(tmp_path: Path, curated_db: Path) -> None:
    names = tmp_path / "news.jsonl"
    names.write_text(
        '{"id": "n1", "query": "วลาดีมีร์ ปูติน", "lang": "th", "script": "Thai", "expected": "Q7747"}\n'
        '{"id": "n2", "query": "Vladimir Putin", "lang": "en", "script": "Latin", "expected": "Q7747"}\n',
        encoding="utf-8")
    out = rollcall("eval", "--news-names", str(names), "--db", str(curated_db))
    assert out.returncode == 0, out.stderr
    assert "1 of 2 not written as an alias of their person" in out.stdout  # "Vladimir Putin" is one
    thai = next(line for line in out.stdout.splitlines() if line.startswith("Thai"))
    assert thai.split()[1:4] == ["1", "0", "1.000"]  # n, nil, top1
    missing = rollcall("eval", "--news-names", str(tmp_path / "none.jsonl"), "--db", str(curated_db))
    assert missing.returncode == 2 and f"{tmp_path / 'none.jsonl'}: no such file" in missing.stderr


@pytest.mark.parametrize(("line", "says"), [
    ('{"id": "n1", "query": "Putin"', "line 2: not JSON"),
    ('{"id": "n1", "lang": "ru"}', 'line 2: no "query" string'),
    ('["Putin"]', 'line 2: no "query" string'),
])
@pytest.mark.parametrize("option", ["--names", "--news-names"])
def test_a_bad_line_of_labelled_names_is_a_clear_error(tmp_path: Path, curated_db: Path, option: str, line: str,
                                                       says: str) -> None:
    names = tmp_path / "names.jsonl"
    names.write_text('{"id": "n0", "query": "Putin", "expected": "Q7747"}\n' + line + "\n", encoding="utf-8")
    popolo = tmp_path / "g.popolo.json"
    popolo.write_text('{"persons": []}', encoding="utf-8")
    extra = ["--gazetteer", str(popolo)] if option == "--names" else []
    out = rollcall("eval", option, str(names), *extra, "--db", str(curated_db))
    assert out.returncode == 2 and f"{names} {says}" in out.stderr
    assert "Traceback" not in out.stderr
    if option == "--names":
        fit = rollcall("fit", "--names", str(names), "--gazetteer", str(popolo))
        assert fit.returncode == 2 and f"{names} {says}" in fit.stderr and "Traceback" not in fit.stderr


def test_serve_answers_then_stops_cleanly_on_sigterm(curated_db: Path) -> None:
    import signal

    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    proc = subprocess.Popen([ROLLCALL, "serve", "--port", "0", "--db", str(curated_db)],
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        out = Output(proc.stderr)
        _, serving = out.wait_for(r"serving on 127\.0\.0\.1:(\d+)")
        port = int(serving.group(1))
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            reply = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(), timeout=WAIT)
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=WAIT) == 0
        out.wait_for("rollcall stopped")  # its last line: the output ends with it or without it
    finally:
        proc.kill()


def test_attendees_json_from_a_file_and_stdin(curated_db: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    text = "Der chinesische Außenminister Wang Yi nahm an dem Treffen teil."
    article.write_text(text, encoding="utf-8")
    from_file = rollcall("attendees", str(article), "--lang", "de", "--date", "2024-05-21", "--json", "--db", str(curated_db))
    from_stdin = process("attendees", "-", "--lang", "de", "--date", "2024-05-21", "--json", "--db", str(curated_db),
                     stdin=text.encode())
    assert from_file.returncode == 0, from_file.stderr
    assert json.loads(from_file.stdout) == json.loads(from_stdin.stdout)
    doc = json.loads(from_file.stdout)
    [wang] = [p for p in doc["people"] if p["id"] == "Q701801"]
    assert wang["office"]["country"] == "CN" and wang["mentions"][0]["text"] == "Wang Yi"
    assert set(doc) == {"people", "unresolved", "algorithm"}


@pytest.mark.parametrize(
    "content, message",
    [(b"", "text is empty"), (b"\xff\xfe\xfa", "not UTF-8")],
)
def test_attendees_bad_input(curated_db: Path, tmp_path: Path, content: bytes, message: str) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(content)
    out = rollcall("attendees", str(article), "--db", str(curated_db))
    assert out.returncode == 2 and message in out.stderr


def test_attendees_bad_date(curated_db: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Wang Yi")
    out = rollcall("attendees", str(article), "--date", "2024-13-01", "--db", str(curated_db))
    assert out.returncode == 2 and "does not exist" in out.stderr


def test_gazetteer_validate_passes_on_the_curated_files() -> None:
    out = rollcall("gazetteer", "validate")
    assert out.returncode == 0, out.stdout[-2000:]
    assert "0 errors" in out.stdout


def test_gazetteer_validate_fails_on_an_overlapping_office(tmp_path: Path) -> None:
    doc = {
        "posts": [{"id": "ru-fm", "role_type": "foreign_minister", "country": "RU",
                   "labels": [{"name": "Foreign Minister of Russia", "lang": "en"}]}],
        "persons": [
            {"id": "Q1", "name": "Anna Alpha", "tenures": [{"post": "ru-fm", "start": "2010-01-01"}]},
            {"id": "Q2", "name": "Boris Beta", "tenures": [{"post": "ru-fm", "start": "2012-01-01"}]},
        ],
    }
    (tmp_path / "ru.json").write_text(json.dumps(doc), encoding="utf-8")
    out = process("gazetteer", "validate", "--sources", str(tmp_path), "--json")  # exit 1 through the script
    assert out.returncode == 1
    [error] = json.loads(out.stdout)["errors"]
    assert "Q1" in error and "Q2" in error and "same time" in error


def test_gazetteer_stats_and_export_roundtrip(curated_db: Path, tmp_path: Path) -> None:
    stats = json.loads(rollcall("gazetteer", "stats", "--json", "--db", str(curated_db)).stdout)
    assert stats["persons"] > 100 and stats["aliases_per_script"]["Cyrillic"] > 0
    exported = tmp_path / "out.popolo.json"
    assert rollcall("gazetteer", "export-popolo", str(exported), "--db", str(curated_db)).returncode == 0
    summary = json.loads(rollcall("gazetteer", "import-popolo", str(exported), "--db", str(tmp_path / "re.db"),
                             "--json").stdout)
    assert summary["persons_added"] == stats["persons"] and summary["tenures_added"] == stats["tenures"]


def test_serve_with_two_processes_shares_one_port_and_stops_all_on_sigterm(curated_db: Path) -> None:
    import signal

    import grpc

    from rollcall.service._pb.rollcall.v1 import rollcall_pb2 as pb
    from rollcall.service._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc

    proc = subprocess.Popen([ROLLCALL, "serve", "--port", "0", "--processes", "2", "--db", str(curated_db)],
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        out = Output(proc.stderr)
        announced, serving = out.wait_for(r"serving on 127\.0\.0\.1:(\d+) with 2 processes")
        port = int(serving.group(1))
        # Announced once both workers are ready, so after both have said so: a script that
        # waits for the "serving on" line has every worker's line too.
        workers = {int(m.group(1)): int(m.group(2)) for line in out.lines[:announced]
                   if (m := re.search(r"worker (\d+) ready on 127\.0\.0\.1:(\d+)", line))}
        assert len(workers) == 2 and set(workers.values()) == {port}, out.text()
        # Separate connections (local subchannel pools) are spread over the workers.
        for _ in range(4):
            with grpc.insecure_channel(f"127.0.0.1:{port}", options=[("grpc.use_local_subchannel_pool", 1)]) as ch:
                reply = pb_grpc.ReconcilerStub(ch).MatchName(pb.MatchNameRequest(name="Sergej Lawrow"), timeout=WAIT)
                assert reply.candidates[0].id == "Q58217"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=WAIT) == 0
        out.wait_for("rollcall stopped")
        # No worker outlives the supervisor: it returns only once they have all exited.
        still = {pid for pid in workers if running(pid)}
        assert not still, f"workers {still} still running"
    finally:
        proc.kill()


def test_workers_stop_when_their_supervisor_is_killed(curated_db: Path) -> None:
    import signal

    proc = subprocess.Popen([ROLLCALL, "serve", "--port", "0", "--processes", "2", "--db", str(curated_db)],
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        out = Output(proc.stderr)
        announced, _ = out.wait_for("serving on")
        workers = {int(m.group(1)) for line in out.lines[:announced] if (m := re.search(r"worker (\d+) ready", line))}
        assert len(workers) == 2, out.text()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    # Each notices within about a second, then stops gracefully; the bound is for a loaded machine.
    alive = wait_until_stopped(workers)
    assert not alive, f"workers {alive} outlived their supervisor"


def test_a_second_server_on_a_taken_port_fails_instead_of_sharing_it(curated_db: Path) -> None:
    first = subprocess.Popen([ROLLCALL, "serve", "--port", "0", "--db", str(curated_db)],
                             stderr=subprocess.PIPE, text=True)
    try:
        assert first.stderr is not None
        _, serving = Output(first.stderr).wait_for(r"serving on [\d.]+:(\d+)")
        port = int(serving.group(1))
        second = subprocess.run([ROLLCALL, "serve", "--port", str(port), "--db", str(curated_db)],
                                capture_output=True, text=True, timeout=WAIT)
        assert second.returncode != 0
        assert f"cannot bind 127.0.0.1:{port}: the port is taken" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        first.kill()


def test_serve_refuses_a_process_count_below_one(curated_db: Path) -> None:
    out = rollcall("serve", "--port", "0", "--processes", "0", "--db", str(curated_db))
    assert out.returncode == 2 and "--processes must be at least 1, not 0" in out.stderr
