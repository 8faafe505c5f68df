"""The engine: one loaded gazetteer (store + name index) answering domain-level questions.

The gRPC servicer and the CLI both call this, so a name gets the same answer either way.
It holds no matching logic: that is resolvers'; it adds what needs the store (offices held
on a date, entities).
"""

from __future__ import annotations

import time
from functools import cached_property
from dataclasses import dataclass
from pathlib import Path

from rollcall.gazetteer import Office, Person, Store
from rollcall.gazetteer.stored_index import load_name_index
from rollcall.resolvers import (
    Candidate, InvalidDate, InvalidQuery, MatchResult, Query, check_date, match, validate_language,
)
from rollcall.resolvers.normalize import MAX_NAME_CHARS
from rollcall.resolvers.suggest import Suggestion, suggest_persons
from rollcall.resolvers.articles import MAX_DOCUMENT_CHARS, DocumentReconciler, DocumentResult
from rollcall.resolvers.translit import compile_all as compile_transliterators

__all__ = ["Engine", "RankedCandidate", "Answer", "UnknownEntity", "make_query"]


def make_query(name: str, lang: str | None = None, date: str | None = None, country: str | None = None,
               role: str | None = None, limit: int | None = None) -> Query:
    """A Query from an entry point's fields. No limit (None) is the matcher's own default
    number of candidates, so that the number is written in one place."""
    if limit is None:
        return Query(name, lang, date, country, role)
    return Query(name, lang, date, country, role, limit)


class UnknownEntity(KeyError):
    pass


@dataclass(frozen=True, slots=True)
class RankedCandidate:
    candidate: Candidate
    wikidata: str
    offices: tuple[Office, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    result: MatchResult
    candidates: tuple[RankedCandidate, ...]


class Engine:
    def __init__(self, db_path: Path | str, *, warm: bool = False):
        """`warm`: read a small gazetteer's name index whole and compile the transliterators
        now, so that the first queries are as fast as the later ones (a server; a one-off
        CLI lookup would only pay for it)."""
        started = time.perf_counter()
        self.store = Store(db_path)
        self.index = load_name_index(self.store)
        if warm:
            if self.index.data.warm():
                self.store.hold_wikidata()
            compile_transliterators()
        self.load_seconds = time.perf_counter() - started

    def close(self) -> None:
        self.store.close()

    @cached_property
    def documents(self) -> DocumentReconciler:
        """Built on first use: a name-only service never pays for the vocabulary."""
        return DocumentReconciler(self.index, self.store.vocabulary())

    @property
    def documents_compiled(self) -> bool:
        return "documents" in vars(self)

    def reconcile_document(self, text: str, lang: str | None, date: str | None) -> DocumentResult:
        """People in an article, their offices on `date`, and whether they took part."""
        if not text.strip():
            raise InvalidQuery("text is empty")
        if len(text) > MAX_DOCUMENT_CHARS:
            raise InvalidQuery(f"text is {len(text)} characters long; the limit is {MAX_DOCUMENT_CHARS}")
        if date:
            try:
                check_date(date)
            except InvalidDate as err:
                raise InvalidQuery(str(err)) from None
        validate_language(lang)  # the matcher's rule for a query's language
        return self.documents.reconcile(text, lang, date)

    def match(self, query: Query) -> Answer:
        """Candidates for one name, each with the offices held on the query's date."""
        result = match(self.index, query)
        ids = [c.person_id for c in result.candidates]
        qids = self.store.wikidata_of(ids)
        offices = self.store.offices_of(ids, query.date) if query.date else {}
        ranked = [RankedCandidate(c, qids.get(c.person_id, ""), tuple(offices.get(c.person_id, ())))
                  for c in result.candidates]
        return Answer(result, tuple(ranked))

    def suggest(self, typed: str, lang: str | None, limit: int) -> list[Suggestion]:
        """Persons whose names complete what was typed, in any script (the Reconciliation
        API's entity suggest)."""
        if len(typed) > MAX_NAME_CHARS:
            raise InvalidQuery(f"prefix is {len(typed)} characters long; the limit is {MAX_NAME_CHARS}")
        validate_language(lang)
        return suggest_persons(self.index, typed, lang, limit)

    @cached_property
    def countries_by_wikidata(self) -> dict[str, str]:
        return self.store.countries_by_wikidata()

    def wikidata(self, person_id: str) -> str:
        return self.store.wikidata(person_id)

    def entity(self, person_id: str) -> tuple[Person, list[Office]]:
        person = self.store.person(person_id.strip())
        if person is None:
            raise UnknownEntity(person_id)
        return person, self.store.offices(person.id)
