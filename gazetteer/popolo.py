"""Import of Popolo JSON (EveryPolitician and its successors) into a Gazetteer.

Persons are merged by Wikidata id: an imported person whose Q-id the gazetteer already
knows adds names and tenures to that person instead of becoming a second one. Posts and
organizations are matched by Wikidata id the same way, so imported tenures land on curated
posts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import icu

from rollcall.resolvers import InvalidDate, check_date

from .model import Gazetteer, Name, Organization, Person, Post, Tenure

__all__ = ["ImportSummary", "PopoloError", "import_popolo"]

_DECADE = re.compile(r"^(\d{3})0s$")


class PopoloError(ValueError):
    """The file is not Popolo JSON."""


@dataclass(slots=True)
class ImportSummary:
    persons_added: int = 0
    persons_merged: int = 0
    posts_added: int = 0
    organizations_added: int = 0
    tenures_added: int = 0
    tenures_duplicate: int = 0
    # Merged persons whose file disagrees with the gazetteer (birth date, gender): the
    # gazetteer's value is kept and the disagreement reported.
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "persons_added": self.persons_added,
            "persons_merged": self.persons_merged,
            "posts_added": self.posts_added,
            "organizations_added": self.organizations_added,
            "tenures_added": self.tenures_added,
            "tenures_duplicate": self.tenures_duplicate,
            "conflicts": len(self.conflicts),
            "warnings": len(self.warnings),
        }


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """English country names → ISO code, from ICU's locale data (no table to maintain)."""
    english = icu.Locale("en")
    out = {}
    for code in icu.Locale.getISOCountries():
        out[icu.Locale("", code).getDisplayCountry(english).casefold()] = code
    return out


def _wikidata(rec: dict) -> str:
    for ident in rec.get("identifiers") or []:
        if ident.get("scheme") == "wikidata":
            return str(ident.get("identifier", ""))
    rid = str(rec.get("id", ""))
    return rid if re.fullmatch(r"Q[1-9]\d*", rid) else ""


def _date(value: Any, *, end: bool, warn: list[str], where: str) -> str:
    """A Popolo date as an ISO (partial) date; a decade becomes its first or last year."""
    if not value:
        return ""
    value = str(value)
    if m := _DECADE.match(value):
        return f"{m.group(1)}{'9' if end else '0'}"
    try:
        return check_date(value, partial=True)
    except InvalidDate as err:
        warn.append(f"{where}: {err}; left out")
        return ""


def _names(items: list | None) -> list[Name]:
    out = []
    for item in items or []:
        if isinstance(item, dict) and str(item.get("name", "")).strip():
            out.append(Name(str(item["name"]).strip(), str(item.get("lang") or ""), ""))
    return out


def import_popolo(path: Path, gaz: Gazetteer,
                  progress: Callable[[str, int, int], None] | None = None) -> ImportSummary:
    """Merge the Popolo file at `path` into `gaz` (in place) and say what changed.
    `progress(stage, done, total)` is called now and then on long files."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise PopoloError(f"{path}: cannot read Popolo JSON: {err}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("persons"), list):
        raise PopoloError(f"{path}: not Popolo JSON (no 'persons' list)")
    summary = ImportSummary()
    org_ids = _import_organizations(doc.get("organizations") or [], gaz, summary)
    post_ids = _import_posts(doc.get("posts") or [], gaz, org_ids, summary)
    person_ids = _import_persons(doc["persons"], gaz, summary, progress)
    _import_memberships(doc.get("memberships") or [], gaz, person_ids, post_ids, org_ids, summary, progress)
    _fill_person_countries(gaz)
    return summary


def _merge_ids(items: list, known: dict[str, Any]) -> tuple[dict[str, str], list[tuple[str, str, dict]]]:
    """Each record's id → the id it has in the gazetteer (same Wikidata id = same record),
    and the (id, qid, record) triples of the records the gazetteer lacks."""
    by_qid = {r.wikidata: r.id for r in known.values() if r.wikidata}
    ids: dict[str, str] = {}
    missing = []
    for rec in items:
        rid, qid = str(rec.get("id", "")), _wikidata(rec)
        if not rid:
            continue
        ids[rid] = by_qid.get(qid, rid) if qid else rid
        if ids[rid] == rid and rid not in known:
            missing.append((rid, qid, rec))
    return ids, missing


def _import_organizations(items: list, gaz: Gazetteer, summary: ImportSummary) -> dict[str, str]:
    ids, missing = _merge_ids(items, gaz.organizations)
    for rid, qid, rec in missing:
        name = str(rec.get("name") or rid)
        classification = str(rec.get("classification") or "")
        country = _country_codes().get(name.casefold(), "") if classification == "country" else ""
        gaz.organizations[rid] = Organization(
            rid, name, classification, qid, country,
            [Name(name, "en", "")] + _names(rec.get("other_names")),
        )
        summary.organizations_added += 1
    return ids


def _import_posts(items: list, gaz: Gazetteer, org_ids: dict[str, str], summary: ImportSummary) -> dict[str, str]:
    ids, missing = _merge_ids(items, gaz.posts)
    for rid, qid, rec in missing:
        label = str(rec.get("label") or rec.get("role") or rid)
        country = _country_codes().get(str(rec.get("country") or "").casefold(), "")
        gaz.posts[rid] = Post(
            rid, label, "", country, org_ids.get(str(rec.get("organization_id", "")), ""), qid,
            [Name(label, "en", "")] + _names(rec.get("other_labels")),
        )
        summary.posts_added += 1
    return ids


def _import_persons(items: list, gaz: Gazetteer, summary: ImportSummary,
                    progress: Callable[[str, int, int], None] | None) -> dict[str, str]:
    by_qid = {p.wikidata: p.id for p in gaz.persons.values() if p.wikidata}
    ids: dict[str, str] = {}
    for i, rec in enumerate(items):
        if progress and i % 2000 == 0:
            progress("persons", i, len(items))
        if not isinstance(rec, dict):
            summary.warnings.append(f"persons[{i}]: not an object; skipped")
            continue
        rid, qid = str(rec.get("id", "")), _wikidata(rec)
        name = str(rec.get("name") or "").strip()
        names = _names(rec.get("other_names"))
        if not name and names:
            name = names[0].name
        if not rid or not name:
            summary.warnings.append(f"persons[{i}]: no id or no name; skipped")
            continue
        target_id = by_qid.get(qid) or (rid if rid in gaz.persons else "")
        if target_id:
            person = gaz.persons[target_id]
            for attr in ("birth_date", "gender"):
                theirs = str(rec.get(attr) or "")
                mine = getattr(person, attr)
                if theirs and mine and theirs != mine:
                    summary.conflicts.append(f"{target_id}: {attr} {theirs!r} in {rid}, {mine!r} kept")
            known = {(n.name, n.lang) for n in person.names} | {(person.name, "")}
            person.names.extend(n for n in names if (n.name, n.lang) not in known)
            if name != person.name and (name, "") not in known and not any(n.name == name for n in person.names):
                person.names.append(Name(name, "", ""))
            summary.persons_merged += 1
            ids[rid] = target_id
            continue
        country = str(rec.get("country") or "")
        birth = _date(rec.get("birth_date"), end=False, warn=summary.warnings, where=f"person {rid}")
        gaz.persons[rid] = Person(
            rid, name, qid, country.upper() if len(country) == 2 else "",
            str(rec.get("gender") or ""), birth if len(birth) == 10 else "",
            [n for n in names if n.name != name or n.lang],
        )
        if qid:
            by_qid[qid] = rid
        ids[rid] = rid
        summary.persons_added += 1
    return ids


def _import_memberships(items: list, gaz: Gazetteer, person_ids: dict[str, str],
                        post_ids: dict[str, str], org_ids: dict[str, str],
                        summary: ImportSummary, progress: Callable[[str, int, int], None] | None) -> None:
    seen = {(t.person_id, t.post_id, t.organization_id, t.start) for t in gaz.tenures}
    for i, rec in enumerate(items):
        if progress and i % 2000 == 0:
            progress("memberships", i, len(items))
        person_id = person_ids.get(str(rec.get("person_id", "")))
        if not person_id:
            summary.warnings.append(f"memberships[{i}]: unknown person; skipped")
            continue
        post_id = post_ids.get(str(rec.get("post_id") or ""), "")
        org_id = org_ids.get(str(rec.get("organization_id") or ""), "")
        if not post_id and not org_id:
            summary.warnings.append(f"memberships[{i}]: no known post or organization; skipped")
            continue
        where = f"memberships[{i}]"
        start = _date(rec.get("start_date"), end=False, warn=summary.warnings, where=where)
        end = _date(rec.get("end_date"), end=True, warn=summary.warnings, where=where)
        if start and end and end[: min(len(start), len(end))] < start[: min(len(start), len(end))]:
            summary.warnings.append(f"{where}: ends {end} before it starts {start}; dates left out")
            start = end = ""
        key = (person_id, post_id, org_id if not post_id else "", start)
        if key in seen or (post_id and (person_id, post_id, "", start) in seen):
            summary.tenures_duplicate += 1
            continue
        seen.add(key)
        gaz.tenures.append(Tenure(
            person_id, post_id, "" if post_id else org_id, start, end, False,
            str(rec.get("role") or rec.get("label") or ""),
            str((rec.get("sources") or [{}])[0].get("note", "") if rec.get("sources") else ""),
        ))
        summary.tenures_added += 1


def _fill_person_countries(gaz: Gazetteer) -> None:
    """A person without a country takes the country of the posts they held."""
    post_country = {p.id: p.country for p in gaz.posts.values() if p.country}
    for t in gaz.tenures:
        person = gaz.persons.get(t.person_id)
        if person and not person.country and t.post_id in post_country:
            person.country = post_country[t.post_id]
