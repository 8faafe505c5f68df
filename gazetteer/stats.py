"""Counts that tell a curator where the gazetteer is thin."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from rollcall.resolvers import detect_script, within

from .store import Store

__all__ = ["gazetteer_stats"]


def gazetteer_stats(store: Store, today: str | None = None) -> dict[str, Any]:
    today = today or dt.date.today().isoformat()
    q = store.rows
    # The aliases the matcher indexes (every name, the primary names included), so that the
    # count is the one a server reports on loading the same database.
    aliases = store.matcher_aliases()
    scripts = Counter(detect_script(a.name) for a in aliases)
    langs = Counter(a.lang or "und" for a in aliases)
    posts = {r[0]: r[1] for r in q("select id, label from posts where role_type != ''")}
    held: set[str] = set()
    for post_id, start, end in q("select post_id, start_date, end_date from memberships where post_id != ''"):
        if post_id in posts and within(today, start or None, end or None):
            held.add(post_id)
    count = lambda table: q(f"select count(*) from {table}")[0][0]  # noqa: E731
    return {
        "today": today,
        "persons": count("persons"),
        "aliases": len(aliases),
        "posts": count("posts"),
        "tenures": count("memberships"),
        "organizations": count("organizations"),
        "aliases_per_script": dict(scripts.most_common()),
        "aliases_per_language": dict(langs.most_common()),
        "current_holders": {
            "posts": len(posts),
            "with_holder": len(held),
            "without_holder": sorted(f"{pid} ({label})" for pid, label in posts.items() if pid not in held),
        },
    }
