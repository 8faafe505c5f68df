"""The review queue: names the service could not resolve, or resolved without confidence,
recorded (opt-in) for curators to turn into aliases or dismiss.

A small SQLite file of its own, apart from the gazetteer database, which builds replace.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from rollcall.resolvers import normalize

__all__ = ["ReviewLog", "ReviewGroup"]

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
