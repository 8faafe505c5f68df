"""Edits of the curated source files: every change is applied to a copy of the sources,
the whole gazetteer is loaded and validated from that copy, and only then is the changed
file renamed over the original. Nobody edits JSON or SQLite by hand, and a bad edit writes
nothing.

`curate` is the whole workflow a curator runs: one edit, then the database rebuilt from the
files (with the Popolo imports it was built with)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rollcall.resolvers import InvalidDate, check_date, detect_script

from .build import BuildError, build_curated
from .model import NAME_KINDS, ROLE_TYPES
from .popolo import PopoloError
from .store import StoreError
from .sources import SourceError, load_sources, source_files
from .validate import check, person_id_problem, post_id_problem

__all__ = ["CurationError", "Change", "Curator", "RebuildError", "curate", "rebuild_after"]

REDIRECTS_FILE = "redirects.json"


class CurationError(ValueError):
    """The edit is not possible as asked; nothing was written."""


class RebuildError(Exception):
    """The edit was written to the curated files, but the database could not be rebuilt
    from them: the files are right, the database is stale."""

    def __init__(self, change: Change, db: Path, cause: Exception):
        super().__init__(f"{change}; but the rebuild of {db} failed: {cause}")
        self.change, self.db, self.cause = change, db, cause


@dataclass(frozen=True, slots=True)
class Change:
    file: str
    action: str
    detail: dict[str, Any]

    def __str__(self) -> str:
        parts = ", ".join(f"{k}={v}" for k, v in self.detail.items())
        return f"{self.action} in {self.file}: {parts}"


def _dump(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _default_file(area: str) -> str:
    """The curated file a new record goes to: its country's or organization's, else misc."""
    return f"{(area or 'misc').lower()}.json"


def _date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return check_date(value, partial=True)
    except InvalidDate as err:
        raise CurationError(f"{what}: {err}") from None


class Curator:
    """Edits over one folder of curated files."""

    def __init__(self, sources: Path):
        self.sources = Path(sources)
        if not self.sources.is_dir():
            raise CurationError(f"{self.sources}: no such folder of curated files")

    # -- reading ----------------------------------------------------------------------

    def _load(self, name: str) -> dict:
        path = self.sources / name
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def _file_of(self, section: str, key: str, value: str) -> str | None:
        for path in source_files(self.sources):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if any(rec.get(key) == value for rec in doc.get(section, [])):
                return path.name
        return None

    def _ids(self, section: str) -> set[str]:
        return {str(rec.get("id")) for path in source_files(self.sources)
                for rec in json.loads(path.read_text(encoding="utf-8")).get(section, [])}

    def _person_file(self, person_id: str) -> str:
        name = self._file_of("persons", "id", person_id)
        if name is None:
            raise CurationError(f"no person {person_id!r} in {self.sources}")
        return name

    # -- writing ----------------------------------------------------------------------

    def _commit(self, edits: dict[str, Callable[[dict], None]]) -> None:
        """Apply `edits` (file name → function editing its document) to a copy, validate
        the whole copy, then rename each changed file into place."""
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp)
            for path in source_files(self.sources):
                shutil.copy2(path, copy / path.name)
            for name, edit in edits.items():
                doc = self._load(name)
                edit(doc)
                (copy / name).write_text(_dump(doc), encoding="utf-8")
            try:
                gaz = load_sources(source_files(copy))
            except SourceError as err:  # name the file the edit was meant for, not the copy
                raise SourceError(str(err).replace(str(copy), str(self.sources))) from None
            problems, _ = check(gaz)  # the same checks as `gazetteer validate`
            if problems:
                raise BuildError(problems)
            for name in edits:
                fd, staged = tempfile.mkstemp(prefix=f".{name}.", dir=self.sources)
                os.close(fd)
                shutil.copy2(copy / name, staged)
                os.replace(staged, self.sources / name)

    # -- edits ------------------------------------------------------------------------

    def add_person(self, person_id: str, name: str, *, file: str | None = None, lang: str = "en",
                   country: str = "", wikidata: str = "", birth_date: str | None = None) -> Change:
        """A new person with one name; into `file`, by default their country's (<cc>.json)."""
        file = file or _default_file(country)
        if problem := person_id_problem(person_id):
            raise CurationError(problem)
        if self._file_of("persons", "id", person_id):
            raise CurationError(f"person {person_id!r} exists already")
        record: dict[str, Any] = {"id": person_id, "name": name, "names": [{"name": name, "lang": lang}],
                                  "tenures": []}
        if country:
            record["country"] = country.upper()
        if wikidata:
            record["wikidata"] = wikidata
        if birth := _date(birth_date, "birth date"):
            record["birth_date"] = birth

        def edit(doc: dict) -> None:
            doc.setdefault("persons", []).append(record)
            doc["persons"].sort(key=lambda p: p["id"])

        self._commit({file: edit})
        return Change(file, "added person", {"id": person_id, "name": name})

    def add_alias(self, person_id: str, name: str, *, lang: str, kind: str = "") -> Change:
        if kind and kind not in NAME_KINDS:
            raise CurationError(f"kind {kind!r} is not one of {', '.join(NAME_KINDS)}")
        file = self._person_file(person_id)
        entry = {"name": name.strip(), "lang": lang} | ({"kind": kind} if kind else {})
        if not entry["name"]:
            raise CurationError("the alias is empty")

        def edit(doc: dict) -> None:
            person = next(p for p in doc["persons"] if p["id"] == person_id)
            names = person.setdefault("names", [])
            if any(n["name"] == entry["name"] and n.get("lang") == lang for n in names):
                raise CurationError(f"{person_id} already has the alias {name!r} ({lang})")
            names.append(entry)

        self._commit({file: edit})
        return Change(file, "added alias", {"person": person_id, **entry, "script": detect_script(name)})

    def remove_alias(self, person_id: str, name: str, *, lang: str | None = None) -> Change:
        file = self._person_file(person_id)
        removed: list[dict] = []

        def edit(doc: dict) -> None:
            person = next(p for p in doc["persons"] if p["id"] == person_id)
            keep = []
            for n in person.get("names", []):
                if n["name"] == name and (lang is None or n.get("lang") == lang):
                    removed.append(n)
                else:
                    keep.append(n)
            if not removed:
                raise CurationError(f"{person_id} has no alias {name!r}" + (f" ({lang})" if lang else ""))
            person["names"] = keep

        self._commit({file: edit})
        return Change(file, "removed alias", {"person": person_id, "name": name, "count": len(removed)})

    def add_post(self, post_id: str, label: str, *, role_type: str, file: str | None = None,
                 country: str = "", organization: str = "", lang: str = "en") -> Change:
        """A new office; into `file`, by default its country's or organization's."""
        file = file or _default_file(country or organization)
        if role_type not in ROLE_TYPES:
            raise CurationError(f"role type {role_type!r} is not one of {', '.join(ROLE_TYPES)}")
        if problem := post_id_problem(post_id, country.upper(), organization, self._ids("organizations")):
            raise CurationError(problem)
        if self._file_of("posts", "id", post_id):
            raise CurationError(f"post {post_id!r} exists already")
        record = {"id": post_id, "label": label, "role_type": role_type, "labels": [{"name": label, "lang": lang}]}
        if country:
            record["country"] = country.upper()
        if organization:
            record["organization"] = organization

        def edit(doc: dict) -> None:
            doc.setdefault("posts", []).append(record)
            doc["posts"].sort(key=lambda p: p["id"])

        self._commit({file: edit})
        return Change(file, "added post", {"id": post_id, "label": label})

    def add_tenure(self, person_id: str, post_id: str, *, start: str | None = None,
                   end: str | None = None, acting: bool = False, source: str = "") -> Change:
        file = self._person_file(person_id)
        tenure: dict[str, Any] = {"post": post_id}
        if s := _date(start, "start"):
            tenure["start"] = s
        if e := _date(end, "end"):
            tenure["end"] = e
        if acting:
            tenure["acting"] = True
        if source:
            tenure["source"] = source

        def edit(doc: dict) -> None:
            person = next(p for p in doc["persons"] if p["id"] == person_id)
            person.setdefault("tenures", []).append(tenure)
            person["tenures"].sort(key=lambda t: (t.get("start", ""), t["post"]))

        self._commit({file: edit})
        return Change(file, "added tenure", {"person": person_id, **tenure})

    def end_tenure(self, person_id: str, post_id: str, *, end: str) -> Change:
        file = self._person_file(person_id)
        when = _date(end, "end")

        def edit(doc: dict) -> None:
            person = next(p for p in doc["persons"] if p["id"] == person_id)
            open_ones = [t for t in person.get("tenures", []) if t.get("post") == post_id and not t.get("end")]
            if len(open_ones) != 1:
                raise CurationError(f"{person_id} has {len(open_ones)} open tenures in {post_id}; expected one")
            open_ones[0]["end"] = when

        self._commit({file: edit})
        return Change(file, "ended tenure", {"person": person_id, "post": post_id, "end": when})

    def merge(self, keep: str, retire: str) -> Change:
        """`retire`'s names and tenures move to `keep`; `retire` answers as a redirect."""
        if keep == retire:
            raise CurationError("cannot merge a person into itself")
        keep_file, retire_file = self._person_file(keep), self._person_file(retire)
        moved: dict[str, Any] = {}

        def take(doc: dict) -> None:
            person = next(p for p in doc["persons"] if p["id"] == retire)
            moved["names"] = [{"name": person["name"], "lang": ""}] + person.get("names", [])
            moved["tenures"] = person.get("tenures", [])
            moved["wikidata"] = person.get("wikidata", "")
            doc["persons"] = [p for p in doc["persons"] if p["id"] != retire]

        def give(doc: dict) -> None:
            person = next(p for p in doc["persons"] if p["id"] == keep)
            names = person.setdefault("names", [])
            for n in moved["names"]:
                if n["name"] != person["name"] and not any(m["name"] == n["name"] for m in names):
                    names.append({k: v for k, v in n.items() if v})
            person.setdefault("tenures", []).extend(moved["tenures"])
            if moved["wikidata"] and not person.get("wikidata"):
                person["wikidata"] = moved["wikidata"]

        def redirect(doc: dict) -> None:
            doc.setdefault("redirects", [])
            for r in doc["redirects"]:  # earlier redirects to the retired id follow it
                if r["to"] == retire:
                    r["to"] = keep
            doc["redirects"].append({"from": retire, "to": keep})
            doc["redirects"].sort(key=lambda r: r["from"])

        def take_and_give(doc: dict) -> None:
            take(doc)
            give(doc)

        if keep_file == retire_file:
            self._commit({keep_file: take_and_give, REDIRECTS_FILE: redirect})
        else:
            # Edits run in this order: the retiring record is taken before it is given.
            self._commit({retire_file: take, keep_file: give, REDIRECTS_FILE: redirect})
        return Change(keep_file, "merged", {"kept": keep, "retired": retire,
                                             "names_moved": len(moved["names"]), "tenures_moved": len(moved["tenures"])})


def rebuild_after(change: Change, sources: Path, db: Path) -> None:
    """The database at `db` built again from `sources` after `change` was written to them,
    with the Popolo imports it had; RebuildError when that fails."""
    try:
        build_curated(db, sources)
    except (SourceError, BuildError, StoreError, PopoloError) as err:
        raise RebuildError(change, db, err) from None


def curate(curator: Curator, db: Path, edit: str, **fields: Any) -> Change:
    """Apply one edit (a Curator method's name: "add_person", "merge", ...) to the curator's
    files, then rebuild `db` from them. Fields given as None take the method's defaults, so
    that a caller can pass every option it has, given or not.

    Raises CurationError, SourceError or BuildError when the edit is refused (nothing was
    written), RebuildError when it was written but the database could not be rebuilt."""
    if edit.startswith("_") or not callable(getattr(Curator, edit, None)):
        raise CurationError(f"no such edit: {edit!r}")
    change = getattr(curator, edit)(**{k: v for k, v in fields.items() if v is not None})
    rebuild_after(change, curator.sources, Path(db))
    return change
