"""`rollcall batch` on a real Dask cluster: a LocalCluster of two worker processes shared by
the module's tests (reached with --scheduler, as a cluster on other machines is), and one
run that starts its own (--workers 2) through the console script. Answers are compared with
`rollcall match` and `rollcall attendees --json`, byte for byte; faults (a worker killed, a
partition that raises) are injected into the workers by tests/service/batch_faults.py."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from rollcall.service.batch_run import BatchJob, run_batch
from rollcall.service.render import write_document
from tests.conftest import SHARED
from tests.service.batch_faults import FailingRows, KillWorkerOnce, OutputSpy
from tests.service.runner import process, rollcall

DEV_NAMES = SHARED / "eval" / "names-dev.jsonl"
DEV_ARTICLES = SHARED / "eval" / "articles-dev.jsonl"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0") as local, \
            Client(local) as client:
        yield client


@pytest.fixture
def plugin(cluster: Client) -> Iterator:
    """Registers a fault on every worker for one test, and removes it after."""
    names = []

    def register(fault: object, name: str) -> None:
        cluster.register_plugin(fault, name=name)
        names.append(name)

    yield register
    for name in names:
        cluster.unregister_worker_plugin(name)
    cluster.wait_for_workers(2, timeout=120)  # a killed worker is back before the next test


def batch(cluster: Client, db: Path, *args: str):
    return rollcall("batch", *args, "--scheduler", cluster.scheduler.address, "--db", str(db))


def jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def match_output(db: Path, path: Path) -> str:
    out = process("match", "--db", str(db), stdin=path.read_bytes())
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture(scope="module")
def dev_match(curated_db: Path) -> str:
    """`rollcall match`'s output for the dev names, what every run on them must write."""
    return match_output(curated_db, DEV_NAMES)


def test_dev_names_on_a_local_cluster_equal_rollcall_match(curated_db: Path, dev_match: str, tmp_path: Path) -> None:
    """The user's path: the console script starts two worker processes itself."""
    out = tmp_path / "answers.jsonl"
    run = process("batch", "names", str(DEV_NAMES), str(out), "--workers", "2", "--partition-size", "300",
                  "--db", str(curated_db))
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8") == dev_match
    assert "2,220 rows" in run.stderr and "2 worker thread(s)" in run.stderr and "\r" not in run.stderr


def test_a_terminal_sees_the_progress_line(cluster: Client, curated_db: Path, tmp_path: Path) -> None:
    """Standard error on a terminal (a pseudo-terminal here): the line is redrawn in place
    with rows, rate and time left, then cleared for the summary."""
    import os
    import pty
    import subprocess

    from tests.service.runner import ROLLCALL

    controller, terminal = pty.openpty()
    proc = subprocess.Popen([ROLLCALL, "batch", "names", str(DEV_NAMES), str(tmp_path / "out.jsonl"), "--scheduler",
                             cluster.scheduler.address, "--partition-size", "100", "--db", str(curated_db)],
                            stdout=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert proc.wait(timeout=120) == 0, shown
    text = shown.decode()
    assert "\r\x1b[K" in text and " / 2,220 rows " in text and " rows/s  ETA " in text
    assert text.rsplit("\r\x1b[K", 1)[1].startswith("rollcall batch: 2,220 rows")  # the last line


def test_each_worker_opens_the_gazetteer_once(cluster: Client, curated_db: Path, dev_match: str,
                                             tmp_path: Path) -> None:
    job = BatchJob("names", DEV_NAMES, tmp_path / "out.jsonl", "jsonl", curated_db, partition_size=100,
                   scheduler=cluster.scheduler.address)
    report = run_batch(job, io.StringIO(), live=False)
    assert report.rows == 2220 and report.threads == 2
    assert report.opened == 2  # 23 partitions, two processes, two openings
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == dev_match


def test_bad_rows_answer_their_errors_as_match_and_lookup_do(cluster: Client, curated_db: Path,
                                                            tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "query": "Сергей Лавров", "lang": "ru", "date": "2024-05-21"}).encode(),
             b"{not json", b"\xff\xfe broken utf-8", json.dumps({"id": "b", "query": ""}).encode(),
             json.dumps({"id": "c", "lang": "ru"}).encode(), json.dumps({"id": "d", "query": "Lavrov", "lang": "e n"}).encode(),
             json.dumps({"id": "e", "query": "Lavrov", "date": "2024-02-30"}).encode(), b"", b"[1, 2]",
             json.dumps({"id": "f", "name": "Wladimir Putin", "language": "de"}).encode()]
    source = tmp_path / "names.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    run = batch(cluster, curated_db, "names", str(source), str(tmp_path / "out.jsonl"), "--partition-size", "3")
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert text == match_output(curated_db, source)
    answers = [json.loads(line) for line in text.splitlines()]
    assert [a.get("id") for a in answers] == ["a", None, None, "b", "c", "d", "e", None, "f"]
    assert answers[0]["candidates"][0]["id"] == "Q58217" and answers[-1]["candidates"][0]["id"] == "Q7747"
    assert answers[3] == {"id": "b", "error": "line 4: name is empty"}
    assert answers[4] == {"id": "c", "error": "line 5: 'query' (or 'name') is missing"}
    # The same words as the CLI's own error for that input.
    for answer, lineno, args in ((answers[5], 6, ["--lang", "e n"]), (answers[6], 7, ["--date", "2024-02-30"])):
        cli = rollcall("lookup", "Lavrov", *args, "--db", str(curated_db))
        assert cli.returncode == 2 and answer["error"] == f"line {lineno}: " + cli.stderr.removeprefix("rollcall: error: ").strip()
    assert "7 answered with an error" in run.stderr


def test_csv_columns_named_by_options(cluster: Client, curated_db: Path, tmp_path: Path) -> None:
    source = tmp_path / "names.csv"
    source.write_text("ref,person,language,when\n"
                      "007,Сергей Лавров,ru,2024-05-21\n"
                      '012,"Lawrow, Sergej",de,\n'
                      "013,,de,\n"
                      "014,NA,,\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = batch(cluster, curated_db, "names", str(source), str(out), "--id-column", "ref", "--name-column", "person",
                "--date-column", "when")
    assert run.returncode == 0, run.stderr
    expected = jsonl(tmp_path / "same.jsonl", [
        {"id": "007", "query": "Сергей Лавров", "lang": "ru", "date": "2024-05-21"},
        {"id": "012", "query": "Lawrow, Sergej", "lang": "de"}, {"id": "013", "query": "", "lang": "de"},
        {"id": "014", "query": "NA"}])
    got, want = out.read_text(encoding="utf-8").splitlines(), match_output(curated_db, expected).splitlines()
    assert got[0] == want[0] and got[1] == want[1] and got[3] == want[3]
    assert json.loads(got[2]) == {"id": "013", "error": "row 3: name is empty"}
    assert json.loads(got[0])["candidates"][0]["offices"][0]["post_id"] == "ru-foreign-minister"


def test_parquet_with_typed_columns(cluster: Client, curated_db: Path, tmp_path: Path) -> None:
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "names.parquet"
    pq.write_table(pa.table({"id": [1, 2, 3], "name": ["Wladimir Putin", "Тоқаев", "Lavrov"],
                             "lang": ["de", "kk", None], "date": [datetime.date(2024, 5, 21), None, None],
                             "limit": [3, None, 99]}), source)
    out = tmp_path / "out.jsonl"
    run = batch(cluster, curated_db, "names", str(source), str(out))
    assert run.returncode == 0, run.stderr
    expected = jsonl(tmp_path / "same.jsonl", [
        {"id": 1, "query": "Wladimir Putin", "lang": "de", "date": "2024-05-21", "limit": 3},
        {"id": 2, "query": "Тоқаев", "lang": "kk"}])
    got = out.read_text(encoding="utf-8").splitlines()
    assert got[:2] == match_output(curated_db, expected).splitlines()
    assert json.loads(got[2]) == {"id": 3, "error": "row 3: limit 99 is out of range 1..50"}


@pytest.mark.parametrize("make, args, message", [
    (lambda d: (d / "n.csv").write_text("who,lang\nLavrov,ru\n"), ["n.csv"], "has no column 'query': name the column with --name-column"),
    (lambda d: (d / "n.csv").write_text("query\nLavrov\n"), ["n.csv", "--lang-column", "tongue"], "has no column 'tongue'"),
    (lambda d: (d / "n.txt").write_text("Lavrov\n"), ["n.txt"], "cannot tell the format"),
    (lambda d: (d / "n.parquet").write_text("not parquet"), ["n.parquet"], "not readable as Parquet"),
    (lambda d: None, ["missing.jsonl"], "no such file"),
])
def test_unreadable_input_is_a_clear_error_before_any_work(curated_db: Path, tmp_path: Path, make, args: list,
                                                           message: str) -> None:
    make(tmp_path)
    run = rollcall("batch", "names", str(tmp_path / args[0]), str(tmp_path / "out.jsonl"), *args[1:],
                   "--workers", "1", "--db", str(curated_db))
    assert run.returncode == 2 and run.stderr.startswith("rollcall: error: ") and message in run.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".out", "out"))]


def test_dev_articles_equal_rollcall_attendees(cluster: Client, curated_db: Path, engine, tmp_path: Path) -> None:
    articles = [json.loads(line) for line in DEV_ARTICLES.open(encoding="utf-8")]
    source = jsonl(tmp_path / "articles.jsonl", articles + [{"id": "empty", "text": " ", "lang": "de"},
                                                           {"id": "badlang", "text": "Lavrov", "lang": "e n"}])
    out = tmp_path / "out.jsonl"
    run = batch(cluster, curated_db, "articles", str(source), str(out), "--partition-size", "5")
    assert run.returncode == 0, run.stderr
    answers = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["id"] for a in answers] == [a["id"] for a in articles] + ["empty", "badlang"]
    for article, answer in zip(articles, answers):
        shown = io.StringIO()  # what `rollcall attendees --json` prints for it
        write_document(shown, engine.reconcile_document(article["text"], article["lang"], article["date"]),
                       engine.wikidata, as_json=True)
        assert answer == {"id": article["id"], **json.loads(shown.getvalue())}
    (tmp_path / "one.txt").write_text(articles[0]["text"], encoding="utf-8")
    cli = rollcall("attendees", str(tmp_path / "one.txt"), "--lang", articles[0]["lang"], "--date", articles[0]["date"],
                   "--json", "--db", str(curated_db))
    assert answers[0] == {"id": articles[0]["id"], **json.loads(cli.stdout)}
    assert answers[-2] == {"id": "empty", "error": "line 26: text is empty"}
    cli = rollcall("attendees", str(tmp_path / "one.txt"), "--lang", "e n", "--db", str(curated_db))
    assert answers[-1]["error"] == "line 27: " + cli.stderr.removeprefix("rollcall: error: ").strip()


def test_a_killed_workers_partition_is_redone(cluster: Client, plugin, curated_db: Path, dev_match: str,
                                              tmp_path: Path) -> None:
    plugin(KillWorkerOnce(tmp_path / "killed", tmp_path / "victim"), "kill-once")
    out = tmp_path / "out.jsonl"
    run = batch(cluster, curated_db, "names", str(DEV_NAMES), str(out), "--partition-size", "200")
    assert run.returncode == 0, run.stderr
    victim = (tmp_path / "victim").read_text()
    assert f"worker {victim} died while answering lines " in run.stderr and "redone on another worker" in run.stderr
    assert out.read_text(encoding="utf-8") == dev_match


def test_a_failed_partition_is_retried_and_reported(cluster: Client, plugin, curated_db: Path, dev_match: str,
                                                    tmp_path: Path) -> None:
    plugin(FailingRows(250, tmp_path / "fault", times=1), "fail-once")
    out = tmp_path / "out.jsonl"
    run = batch(cluster, curated_db, "names", str(DEV_NAMES), str(out), "--partition-size", "200")
    assert run.returncode == 0, run.stderr
    assert "lines 201-400 failed on tcp://" in run.stderr and "(RuntimeError: injected fault at line 250); retried" in run.stderr
    assert out.read_text(encoding="utf-8") == dev_match


def test_a_partition_failing_for_good_names_its_rows_and_writes_nothing(cluster: Client, plugin, curated_db: Path,
                                                                        tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("an earlier run's output\n")
    plugin(FailingRows(250, tmp_path / "fault", times=100), "fail-always")
    run = batch(cluster, curated_db, "names", str(DEV_NAMES), str(out), "--partition-size", "200", "--retries", "1")
    assert run.returncode == 1
    assert run.stderr.startswith("rollcall: batch failed: ") and "lines 201-400: RuntimeError: injected fault" in run.stderr
    assert "output was not written" in run.stderr
    assert out.read_text() == "an earlier run's output\n"  # untouched, and no partial file left beside it
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("fault")) == ["out.jsonl"]


def test_a_rerun_after_a_failed_run_writes_each_row_once(cluster: Client, plugin, curated_db: Path, dev_match: str,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    plugin(FailingRows(1500, tmp_path / "fault", times=3), "fail-a-run")  # the first run's three tries
    assert batch(cluster, curated_db, "names", str(DEV_NAMES), str(out), "--partition-size", "200").returncode == 1
    assert not out.exists()
    rerun = batch(cluster, curated_db, "names", str(DEV_NAMES), str(out), "--partition-size", "200")
    assert rerun.returncode == 0, rerun.stderr
    assert out.read_text(encoding="utf-8") == dev_match


def test_the_output_appears_only_when_complete(cluster: Client, plugin, curated_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    plugin(OutputSpy(out, tmp_path / "seen.json"), "spy")
    run = batch(cluster, curated_db, "names", str(DEV_NAMES), str(out))
    assert run.returncode == 0, run.stderr
    seen = json.loads((tmp_path / "seen.json").read_text())
    assert seen["output"] == "old\n"  # while the run was under way
    assert any(f.startswith(".out.jsonl.") and f.endswith(".partial") for f in seen["files"])
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2220


@pytest.mark.parametrize("worker_db, message", [("missing.db", "no gazetteer at"),
                                                ("other.db", "is not the client's")])
def test_a_worker_without_the_same_gazetteer_is_refused(cluster: Client, curated_db: Path, tmp_path: Path,
                                                        worker_db: str, message: str) -> None:
    (tmp_path / "other.db").write_bytes(curated_db.read_bytes()[:-1] + b"x")
    run = batch(cluster, curated_db, "names", str(DEV_NAMES), str(tmp_path / "out.jsonl"),
                "--worker-db", str(tmp_path / worker_db))
    assert run.returncode == 1 and message in run.stderr
    assert not (tmp_path / "out.jsonl").exists()
