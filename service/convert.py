"""Protobuf ⇄ domain objects. No logic beyond field mapping and defaults."""

from __future__ import annotations

from collections.abc import Callable

from rollcall.gazetteer import Office, Person
from rollcall.resolvers.articles import DocumentResult
from rollcall.resolvers import Query

from ._pb.rollcall.v1 import rollcall_pb2 as pb
from .engine import Answer, make_query

__all__ = ["query_from_pb", "answer_to_pb", "document_to_pb", "entity_to_pb", "office_to_pb"]

def query_from_pb(req: pb.MatchNameRequest) -> Query:
    return make_query(
        name=req.name,
        lang=req.language.strip() or None,
        date=req.date.strip() or None,
        country=req.country.strip() or None,
        role=req.role.strip() or None,
        limit=req.limit or None,  # 0, the field's default, asks for the default
    )


def _office_fields(o: Office) -> dict:
    """An office's fields, shared by the two messages that carry one (Office, DocumentOffice)."""
    return dict(post_id=o.post_id, post=o.post, organization=o.organization, country=o.country,
                start_date=o.start, end_date=o.end, acting=o.acting, role_type=o.role_type)


def office_to_pb(o: Office) -> pb.Office:
    return pb.Office(**_office_fields(o))


def answer_to_pb(answer: Answer, into: pb.MatchNameResponse | None = None) -> pb.MatchNameResponse:
    """The answer as a response message: a new one, or written `into` an empty one (a
    batch's response.responses.add(): a message made first would be copied in)."""
    response = pb.MatchNameResponse() if into is None else into
    algo = answer.result.algorithm
    response.match = answer.result.match
    response.algorithm.name, response.algorithm.version = algo.name, algo.version
    add = response.candidates.add  # built in place, likewise
    for rc in answer.candidates:
        c = rc.candidate
        added = add(
            id=c.person_id, name=c.name, confidence=c.confidence, matched_alias=c.matched_alias,
            matched_alias_language=c.matched_alias_lang, explanation=c.explanation, wikidata=rc.wikidata,
        )
        if rc.offices:
            added.offices.extend(office_to_pb(o) for o in rc.offices)
    return response


def entity_to_pb(person: Person, offices: list[Office]) -> pb.Entity:
    return pb.Entity(
        id=person.id, name=person.name, wikidata=person.wikidata, country=person.country,
        gender=person.gender, birth_date=person.birth_date,
        names=[pb.Name(name=n.name, language=n.lang, script=n.script, kind=n.kind)
               for n in person.names],
        offices=[office_to_pb(o) for o in offices],
    )


def document_to_pb(result: DocumentResult, wikidata: Callable[[str], str]) -> pb.ReconcileDocumentResponse:
    people = []
    for p in result.people:
        office = pb.DocumentOffice(**_office_fields(p.office)) if p.office else None
        people.append(pb.DocumentPerson(
            id=p.id, name=p.name, wikidata=wikidata(p.id), confidence=p.confidence,
            attending=p.attending, office=office,
            mentions=[pb.TextSpan(start=m.start, end=m.end, text=m.text) for m in p.mentions],
        ))
    algo = result.algorithm
    return pb.ReconcileDocumentResponse(
        people=people,
        unresolved=[pb.UnresolvedMention(start=u.start, end=u.end, text=u.text, role=u.role,
                                         country=u.country) for u in result.unresolved],
        algorithm=pb.Algorithm(name=algo.name, version=algo.version),
    )
