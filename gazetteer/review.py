"""The review queue: names the service could not resolve, or resolved without confidence,
recorded (opt-in) for curators to turn into aliases or dismiss.

A small SQLite file of its own, apart from the gazetteer database, which builds replace.
`accept` and `reject` are the curator's workflow over it: an accepted name becomes an alias in
the curated files and the database is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from rollcall.resolvers import normalize

from .curate import Change, Curator, rebuild_after

__all__ = ["ReviewError", "ReviewGroup", "ReviewLog", "Settled", "accept", "open_review_log", "reject"]

_SCHEMA = """
create table if not exists review (
    id integer primary key,
    norm text not null,
    text text not null,
    lang text not null default '',
    kind text not null,            -- unresolved | low_confidence
    candidate text not null default '',
    context text not null default '',
    recorded text not null,
    status text not null default 'pending'   -- pending | accepted | rejected
);
create index if not exists review_norm on review(norm, status);
"""

# Characters of context kept on each side of a mention.
_CONTEXT = 60


class ReviewError(ValueError):
    """No such queue or entry, or the entry is settled already; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Settled:
    """What accepting or rejecting an entry did."""

    text: str  # the entry's name as recorded
    entries: int  # entries of the same form settled with it
    change: Change | None = None  # the alias added (accept)


@dataclass(frozen=True, slots=True)
class ReviewGroup:
    number: int  # the id of the group's first entry: what `review accept N` takes
    norm: str
    texts: tuple[str, ...]
    lang: str
    count: int
    kinds: tuple[str, ...]
    candidates: tuple[str, ...]
    contexts: tuple[str, ...]


class ReviewLog:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, timeout=5)
        self._conn.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def close(self) -> None:
        self._conn.close()

    def record(self, text: str, *, kind: str, lang: str = "", candidate: str = "",
               document: str = "", start: int = 0, end: int = 0) -> None:
        norm = normalize(text)
        if not norm:
            return
        context = document[max(0, start - _CONTEXT) : end + _CONTEXT].replace("\n", " ") if document else ""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._lock, self._conn:
            self._conn.execute(
                "insert into review (norm, text, lang, kind, candidate, context, recorded) values (?,?,?,?,?,?,?)",
                (norm, text[:300], lang or "", kind, candidate, context, now),
            )

    def groups(self, limit: int = 100) -> list[ReviewGroup]:
        """Pending entries grouped by normalised form, most frequent first."""
        with self._lock:
            rows = self._conn.execute(
                "select norm, min(id), count(*), group_concat(distinct text), max(lang),"
                " group_concat(distinct kind), group_concat(distinct candidate) from review"
                " where status = 'pending' group by norm order by count(*) desc, min(id) limit ?",
                (limit,),
            ).fetchall()
            out = []
            for norm, first, count, texts, lang, kinds, candidates in rows:
                contexts = [r[0] for r in self._conn.execute(
                    "select context from review where norm = ? and status = 'pending' and context != ''"
                    " order by id limit 3", (norm,))]
                out.append(ReviewGroup(first, norm, tuple((texts or "").split(",")), lang or "", count,
                                       tuple((kinds or "").split(",")),
                                       tuple(c for c in (candidates or "").split(",") if c), tuple(contexts)))
        return out

    def entry(self, number: int) -> tuple[str, str, str] | None:
        """(text, lang, status) of entry `number`."""
        with self._lock:
            row = self._conn.execute("select text, lang, status from review where id = ?", (number,)).fetchone()
        return row

    def settle(self, number: int, status: str) -> int:
        """Mark entry `number` and every pending entry of the same form; returns how many."""
        with self._lock, self._conn:
            row = self._conn.execute("select norm from review where id = ?", (number,)).fetchone()
            if row is None:
                return 0
            cur = self._conn.execute(
                "update review set status = ? where norm = ? and status = 'pending'", (status, row[0])
            )
            return cur.rowcount


def open_review_log(path: Path | str | None) -> ReviewLog:
    """An existing queue, for curators: a missing one is an error, not a new empty file (only
    the server creates one)."""
    if path is None:
        raise ReviewError("no review queue: pass --review-db or set ROLLCALL_REVIEW_DB")
    if not Path(path).exists():
        raise ReviewError(f"{path}: no review queue there yet (the server creates it)")
    return ReviewLog(path)


def _pending(log: ReviewLog, number: int) -> tuple[str, str]:
    entry = log.entry(number)
    if entry is None:
        raise ReviewError(f"no review entry #{number}")
    text, lang, status = entry
    if status != "pending":
        raise ReviewError(f"review entry #{number} is {status} already")
    return text, lang


def accept(log: ReviewLog, number: int, person_id: str, curator: Curator, db: Path,
           lang: str | None = None) -> Settled:
    """Make entry `number`'s name an alias of `person_id` in the curated files (in the
    language the queue recorded unless `lang` says another; "und" when neither knows), rebuild
    `db`, and only then settle every pending entry of the same form as accepted. A refused
    edit leaves the entries pending and the files as they were; after a failed rebuild the
    alias is in the files but the entries stay pending (the RebuildError says so).

    Raises ReviewError; the Curator's errors when the edit is refused (nothing written);
    RebuildError when the alias was written but `db` could not be rebuilt."""
    text, recorded_lang = _pending(log, number)
    change = curator.add_alias(person_id, text, lang=lang or recorded_lang or "und")
    rebuild_after(change, curator.sources, Path(db))
    return Settled(text, log.settle(number, "accepted"), change)


def reject(log: ReviewLog, number: int) -> Settled:
    """Dismiss entry `number` and every pending entry of the same form."""
    text, _ = _pending(log, number)
    return Settled(text, log.settle(number, "rejected"))
