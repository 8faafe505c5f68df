"""Retrieval's counting stated in Python: what _retrieve.c computes, alias for alias.

A query's keys each have a posting list (the aliases filed under the key). The plan takes
the keys filed under at most `common` aliases (all of them when none is), rarest first, and
counts each once plus once for each halving of its list below `common` (at most
rules.MAX_EXTRA_COUNTS more), until the next would pass `budget` postings (the first
`min_keys` are always counted). The `shortlist` most counted aliases (the first counted
first among equals) are ranked by count over the square root of their number of keys (an
alias with many readings has many keys), and the first `limit` kept. The C code is the
fast copy (tests/resolvers/test_retrieve.py holds the two equal); ROLLCALL_IMPLEMENTATION=
python makes index.py use this module. Same names and signatures as _retrieve.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .rules import MAX_EXTRA_COUNTS

__all__ = ["retrieval_plan", "retrieve_held", "top_aliases"]


def retrieval_plan(sizes: Mapping[str, int], common: int, budget: int, min_keys: int) -> list[tuple[str, int]]:
    """[(key, times counted), ...], rarest first (ties by key); `sizes`: each key's posting
    list length (keys of no alias left out)."""
    if any(n < 1 for n in sizes.values()):
        raise ValueError("a size is at least 1")
    usable = {k: n for k, n in sizes.items() if n <= common} or sizes
    plan = []
    for i, (size, key) in enumerate(sorted((n, k) for k, n in usable.items())):
        repeat = 1 + min(MAX_EXTRA_COUNTS, int(math.log2(max(common / size, 1.0))))
        if i >= min_keys and size * repeat > budget:
            break
        plan.append((key, repeat))
        budget -= size * repeat
    return plan


def top_aliases(plan: list[tuple[Any, int]], key_counts: Any, shortlist: int, limit: int) -> list[int]:
    """The best counted aliases, best first. `plan`: (posting list, times counted) pairs;
    posting lists are arrays of unsigned int ("I"), `key_counts` (each alias's number of
    keys) one of unsigned short ("H")."""
    key_counts = _ids(key_counts, "H", "key_counts must be an array of unsigned short ('H')")
    counts: Counter[int] = Counter()
    for postings, repeat in plan:
        postings = _ids(postings, "I", "posting lists must be arrays of unsigned int ('I')")
        if repeat < 1:
            raise ValueError("a list is counted at least once")
        for alias in postings:
            counts[alias] += repeat
    if limit <= 0:
        return []
    ranked = sorted(
        (_ranking(count, key_counts[a] if a < len(key_counts) else 1), rank, a)
        for rank, (a, count) in enumerate(counts.most_common(max(shortlist, 0)))
    )
    return [a for _, _, a in ranked[:limit]]


def _ranking(count: int, keys: int) -> float:
    """Lower first: more counted, over fewer keys."""
    return -count / math.sqrt(keys) if keys else -math.inf


def retrieve_held(keys: Iterable[str], postings: Mapping[str, Any], key_counts: Any, common: int, budget: int,
                  min_keys: int, shortlist: int, limit: int) -> list[int]:
    """retrieval_plan then top_aliases when every posting list is at hand (`postings`: key ->
    array "I"; keys under no alias are as if absent)."""
    found = {}
    for key in keys:
        if (listed := postings.get(key)) is not None:
            listed = _ids(listed, "I", "posting lists must be arrays of unsigned int ('I')")
            if len(listed):
                found[key] = listed
    plan = retrieval_plan({k: len(v) for k, v in found.items()}, common, budget, min_keys)
    return top_aliases([(found[k], repeat) for k, repeat in plan], key_counts, shortlist, limit)


def _ids(buffer: Any, typecode: str, wrong: str) -> Sequence[int]:
    """The buffer's integers, if they are of this C type."""
    view = memoryview(buffer)
    if view.format != typecode:
        raise TypeError(wrong)
    return view
