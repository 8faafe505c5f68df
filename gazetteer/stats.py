"""Counts that tell a curator where the gazetteer is thin: names per script and language, and,
per country or organization, which offices have a holder on a date, since when their holders
follow one another without a gap, and where the gaps are."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rollcall.resolvers import detect_script, within

from .model import ROLE_TYPES
from .store import Store

__all__ = ["GAPS_SINCE", "GAP_DAYS", "UnknownArea", "coverage_report", "gazetteer_stats"]

# A handover is seldom recorded day to day (a dismissal, then a decree, then a weekend): up to
# a week without a recorded holder is a handover, more is a gap a curator should look at.
GAP_DAYS = 7
# The curated gazetteer promises its offices since 2015 (README); older gaps are out of scope.
GAPS_SINCE = "2015-01-01"
# Shown for a chain whose first tenure has no recorded start: covered, but since when is unknown.
UNKNOWN = "?"


class UnknownArea(ValueError):
    """A country or organization the gazetteer has neither persons nor posts for."""


@dataclass(frozen=True, slots=True)
class _Span:
    """A tenure in days. A partial date covers its whole period, as `within` reads it, so that
    coverage agrees with the offices the matcher finds on a date."""

    start: dt.date  # date.min when no start is recorded: `within` counts it as open
    end: dt.date  # date.max for a current tenure
    start_text: str  # as recorded ("2014-09"), "" when unknown
    end_text: str


@dataclass(frozen=True, slots=True)
class _Run:
    """Tenures of one post that follow one another with no gap of more than GAP_DAYS."""

    first: _Span
    end: dt.date
    end_text: str


@dataclass(frozen=True, slots=True)
class _PostCoverage:
    post_id: str
    label: str
    role_type: str
    area: str
    held: bool
    first_held: dt.date | None
    first_held_text: str | None
    covered_since: dt.date | None
    covered_since_text: str | None
    last_held_until: str | None
    next_held_from: str | None
    gaps: tuple[tuple[dt.date, dt.date], ...]


def _first_day(text: str) -> dt.date:
    if not text:
        return dt.date.min
    year, month, day = (text.split("-") + ["1", "1"])[:3]
    return dt.date(int(year), int(month), int(day))


def _last_day(text: str) -> dt.date:
    if not text:
        return dt.date.max
    parts = text.split("-")
    if len(parts) == 3:
        return dt.date.fromisoformat(text)
    if len(parts) == 1:
        return dt.date(int(text), 12, 31)
    year, month = int(parts[0]), int(parts[1])
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _spans(tenures: Iterable[tuple[str, str]], date: str) -> list[_Span]:
    """The tenures begun by `date`, earliest first; later ones cannot cover it or a gap before it."""
    day = dt.date.fromisoformat(date)
    spans = [_Span(_first_day(s), _last_day(e), s, e) for s, e in tenures]
    return sorted((s for s in spans if s.start <= day), key=lambda s: (s.start, s.end))


def _runs(spans: list[_Span]) -> list[_Run]:
    runs: list[_Run] = []
    for span in spans:
        last = runs[-1] if runs else None
        if last is not None and (span.start - last.end).days - 1 <= GAP_DAYS:
            if span.end > last.end:
                runs[-1] = _Run(last.first, span.end, span.end_text)
            continue
        runs.append(_Run(span, span.end, span.end_text))
    return runs


def _gaps(runs: list[_Run]) -> tuple[tuple[dt.date, dt.date], ...]:
    """First and last day of each stretch between runs that reaches into GAPS_SINCE or later."""
    since = dt.date.fromisoformat(GAPS_SINCE)
    between = ((a.end + dt.timedelta(days=1), b.first.start - dt.timedelta(days=1)) for a, b in zip(runs, runs[1:]))
    return tuple((start, end) for start, end in between if end >= since)


def _post_coverage(post: Any, tenures: list[tuple[str, str]], date: str) -> _PostCoverage:
    runs = _runs(_spans(tenures, date))
    held = any(within(date, s or None, e or None) for s, e in tenures)
    # `held` (the matcher's rule) and the runs agree except inside a handover of a few days.
    current = runs[-1] if held and runs else None
    first = runs[0].first if runs else None
    return _PostCoverage(
        post_id=post["id"], label=post["label"], role_type=post["role_type"], area=_area(post),
        held=held,
        first_held=first.start if first else None,
        first_held_text=(first.start_text or UNKNOWN) if first else None,
        covered_since=current.first.start if current else None,
        covered_since_text=(current.first.start_text or UNKNOWN) if current else None,
        last_held_until=(runs[-1].end_text or None) if runs and not held else None,
        next_held_from=None if held else _next_start(tenures, date),
        gaps=_gaps(runs),
    )


def _next_start(tenures: list[tuple[str, str]], date: str) -> str | None:
    """When a vacant office is next filled: tells a vacancy that is real from one that only
    waits for a holder recorded as starting later."""
    day = dt.date.fromisoformat(date)
    later = [s for s, _ in tenures if s and _first_day(s) > day]
    return min(later, key=_first_day) if later else None


def _area(row: Any) -> str:
    """Where a post belongs: its country, else (an international post) its organization."""
    return row["country"] or row["organization_id"] or ""


def _posts_coverage(store: Store, date: str) -> list[_PostCoverage]:
    tenures: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for post_id, start, end in store.rows("select post_id, start_date, end_date from memberships where post_id != ''"):
        tenures[post_id].append((start or "", end or ""))
    posts = store.rows("select id, label, role_type, country, organization_id from posts "
                       "where role_type != '' order by id")
    return [_post_coverage(p, tenures[p["id"]], date) for p in posts]


def _area_counts(store: Store) -> dict[str, dict[str, int]]:
    """Persons and posts per area. A country's persons are those of that country; an
    organization's are the holders of its posts, since persons have no organization field."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"persons": 0, "posts": 0})
    for country, n in store.rows("select country, count(*) from persons where country != '' group by country"):
        counts[country]["persons"] = n
    for row in store.rows("select country, organization_id, count(*) as n from posts group by 1, 2"):
        counts[_area(row)]["posts"] += row["n"]
    for org, n in store.rows("select p.organization_id, count(distinct m.person_id) from posts p "
                             "join memberships m on m.post_id = p.id where p.country = '' "
                             "and p.organization_id != '' group by 1"):
        counts[org]["persons"] = n
    counts.pop("", None)
    return counts


def _least_covered(posts: list[_PostCoverage]) -> _PostCoverage | None:
    """The post covered for the shortest time: an office type is covered only as far back as
    all its posts are. None when one of them has no holder on the date."""
    if not all(p.held for p in posts):
        return None
    return max(posts, key=lambda p: p.covered_since or dt.date.min)


def _first_held(posts: list[_PostCoverage]) -> _PostCoverage | None:
    held_ever = [p for p in posts if p.first_held is not None]
    return min(held_ever, key=lambda p: p.first_held or dt.date.min) if held_ever else None


def _office_row(role_type: str, posts: list[_PostCoverage]) -> dict[str, Any]:
    latest, earliest = _least_covered(posts), _first_held(posts)
    return {
        "role_type": role_type,
        "posts": len(posts),
        "held": sum(p.held for p in posts),
        "first_held": earliest.first_held_text if earliest else None,
        "covered_since": latest.covered_since_text if latest else None,
        "gaps": [_gap_json(p, gap) for p in posts for gap in p.gaps],
    }


def _role_order(role_type: str) -> tuple[int, str]:
    return (ROLE_TYPES.index(role_type) if role_type in ROLE_TYPES else len(ROLE_TYPES), role_type)


def _area_row(area: str, counts: dict[str, int], posts: list[_PostCoverage]) -> dict[str, Any]:
    by_type: dict[str, list[_PostCoverage]] = defaultdict(list)
    for p in posts:
        by_type[p.role_type].append(p)
    return {
        "area": area,
        # Country codes are upper case and organization ids lower-case slugs (data/README.md).
        "kind": "country" if area.isupper() else "organization",
        **counts,
        "offices": [_office_row(t, by_type[t]) for t in sorted(by_type, key=_role_order)],
    }


def _gap_json(post: _PostCoverage, gap: tuple[dt.date, dt.date]) -> dict[str, Any]:
    start, end = gap
    return {"post_id": post.post_id, "from": start.isoformat(), "to": end.isoformat(),
            "days": (end - start).days + 1}


def _vacancy_json(post: _PostCoverage) -> dict[str, Any]:
    return {"area": post.area, "role_type": post.role_type, "post_id": post.post_id,
            "label": post.label, "last_held_until": post.last_held_until,
            "next_held_from": post.next_held_from}


def _pick_area(areas: Iterable[str], wanted: str) -> str:
    """Country codes are upper case in the store and organization ids lower case; accept
    either spelling of either."""
    for area in areas:
        if area.lower() == wanted.lower():
            return area
    raise UnknownArea(f"no persons or posts of {wanted!r} in the gazetteer "
                      "(an ISO 3166-1 alpha-2 code, or an organization id such as 'sco')")


def _area_order(area: str) -> tuple[bool, str]:
    return (not area.isupper(), area)  # countries first, then organizations


def coverage_report(store: Store, date: str, area: str | None = None) -> dict[str, Any]:
    """Per area (one when `area` is given): persons, posts and, per office type, holders on
    `date`, first holder, gapless coverage; then every vacant office and every gap since 2015."""
    posts = _posts_coverage(store, date)
    counts = _area_counts(store)
    for p in posts:
        counts.setdefault(p.area, {"persons": 0, "posts": 0})
    areas = sorted(counts, key=_area_order)
    if area is not None:
        areas = [_pick_area(areas, area)]
        posts = [p for p in posts if p.area == areas[0]]
    in_area: dict[str, list[_PostCoverage]] = defaultdict(list)
    for p in posts:
        in_area[p.area].append(p)
    rows = [_area_row(a, counts[a], in_area[a]) for a in areas]
    return {
        "date": date,
        "gap_days": GAP_DAYS,
        "gaps_since": GAPS_SINCE,
        "coverage": rows,
        "vacancies": [_vacancy_json(p) for p in sorted(posts, key=_post_order) if not p.held],
        "gaps": [{"area": p.area, "role_type": p.role_type, "label": p.label, **_gap_json(p, g)}
                 for p in sorted(posts, key=_post_order) for g in p.gaps],
    }


def _post_order(post: _PostCoverage) -> tuple[tuple[bool, str], tuple[int, str], str]:
    return (_area_order(post.area), _role_order(post.role_type), post.post_id)


def gazetteer_stats(store: Store, today: str | None = None) -> dict[str, Any]:
    """Totals, names per script and language, and the coverage report for `today`."""
    today = today or dt.date.today().isoformat()
    q = store.rows
    # The aliases the matcher indexes (every name, the primary names included), so that the
    # count is the one a server reports on loading the same database.
    aliases = store.matcher_aliases()
    scripts = Counter(detect_script(a.name) for a in aliases)
    langs = Counter(a.lang or "und" for a in aliases)
    coverage = coverage_report(store, today)
    vacant = {v["post_id"]: v["label"] for v in coverage["vacancies"]}
    typed = q("select count(*) from posts where role_type != ''")[0][0]
    count = lambda table: q(f"select count(*) from {table}")[0][0]  # noqa: E731
    return {
        "today": today,  # the key before --date existed; scripts read it
        "persons": count("persons"),
        "aliases": len(aliases),
        "posts": count("posts"),
        "tenures": count("memberships"),
        "organizations": count("organizations"),
        "aliases_per_script": dict(scripts.most_common()),
        "aliases_per_language": dict(langs.most_common()),
        "current_holders": {  # kept in the shape scripts read before the coverage report
            "posts": typed,
            "with_holder": typed - len(vacant),
            "without_holder": sorted(f"{pid} ({label})" for pid, label in vacant.items()),
        },
        **coverage,
    }
