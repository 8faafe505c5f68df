"""The review workflow: an accepted name becomes an alias in the curated files and the
database is rebuilt; only then are the entries settled."""

import shutil
from pathlib import Path

import pytest

from rollcall.gazetteer import DEFAULT_SOURCES, Store, build_curated
from rollcall.gazetteer.curate import CurationError, Curator, RebuildError
from rollcall.gazetteer.review import ReviewError, ReviewLog, accept, open_review_log, reject


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_SOURCES, copy)
    return copy


@pytest.fixture
def queue(tmp_path: Path) -> ReviewLog:
    log = ReviewLog(tmp_path / "review.db")
    for _ in range(2):
        log.record("Qwzx Vbnmlk", kind="unresolved", lang="de")
    log.record("QWZX  vbnmlk", kind="low_confidence", candidate="Q58217")  # the same form
    log.record("Vertreter Indiens", kind="unresolved", lang="de")
    return log


def pending(log: ReviewLog) -> dict[str, int]:
    return {g.norm: g.count for g in log.groups()}


def test_accept_adds_the_alias_rebuilds_and_settles_the_form(queue: ReviewLog, sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    settled = accept(queue, 1, "Q58217", Curator(sources), db)
    assert settled.text == "Qwzx Vbnmlk" and settled.entries == 3
    assert settled.change is not None and settled.change.file == "ru.json"
    store = Store(db)
    names = {(n.name, n.lang) for n in store.person("Q58217").names}
    store.close()
    assert ("Qwzx Vbnmlk", "de") in names  # in the language the queue recorded
    assert pending(queue) == {"vertreter indiens": 1}
    with pytest.raises(ReviewError, match="#1 is accepted already"):
        accept(queue, 1, "Q58217", Curator(sources), db)


def test_accept_in_another_language_or_none_recorded(queue: ReviewLog, sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    assert accept(queue, 4, "Q58217", Curator(sources), db, lang="en").change.detail["lang"] == "en"
    queue.record("Zzyzx Qwop", kind="unresolved")
    [group] = [g for g in queue.groups() if g.norm == "zzyzx qwop"]
    assert accept(queue, group.number, "Q58217", Curator(sources), db).change.detail["lang"] == "und"


def test_a_refused_alias_leaves_the_entries_pending(queue: ReviewLog, sources: Path, tmp_path: Path) -> None:
    with pytest.raises(CurationError, match="no person 'Q0'"):
        accept(queue, 1, "Q0", Curator(sources), tmp_path / "g.db")
    assert pending(queue)["qwzx vbnmlk"] == 3
    assert not (tmp_path / "g.db").exists()


def test_a_failed_rebuild_leaves_the_entries_pending(queue: ReviewLog, sources: Path, tmp_path: Path) -> None:
    with pytest.raises(RebuildError):
        accept(queue, 1, "Q58217", Curator(sources), tmp_path)  # a folder is no database
    assert pending(queue)["qwzx vbnmlk"] == 3
    assert "Qwzx Vbnmlk" in (sources / "ru.json").read_text(encoding="utf-8")  # the files have it


def test_reject_settles_every_entry_of_the_form(queue: ReviewLog) -> None:
    settled = reject(queue, 3)
    assert settled.text == "QWZX  vbnmlk" and settled.entries == 3 and settled.change is None
    assert pending(queue) == {"vertreter indiens": 1}
    with pytest.raises(ReviewError, match="#3 is rejected already"):
        reject(queue, 3)
    with pytest.raises(ReviewError, match="no review entry #99"):
        reject(queue, 99)


def test_open_review_log_never_creates_a_queue(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="pass --review-db"):
        open_review_log(None)
    with pytest.raises(ReviewError, match="no review queue there yet"):
        open_review_log(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_the_rebuilt_database_keeps_its_imports(queue: ReviewLog, sources: Path, tmp_path: Path) -> None:
    popolo = tmp_path / "extra.popolo.json"
    popolo.write_text('{"persons": [{"id": "p1", "name": "Bolat Importov"}]}', encoding="utf-8")
    db = tmp_path / "g.db"
    build_curated(db, sources, [popolo])
    accept(queue, 1, "Q58217", Curator(sources), db)
    store = Store(db)
    assert "Bolat Importov" in {a.name for a in store.matcher_aliases()}
    store.close()
