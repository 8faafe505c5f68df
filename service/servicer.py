"""The Reconciler gRPC servicer: protobuf in, engine call, protobuf out, errors → status."""

from __future__ import annotations

import logging
from collections.abc import Callable

import grpc

from rollcall.resolvers import InvalidQuery

from ._pb.rollcall.v1 import rollcall_pb2 as pb
from ._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from .convert import answer_to_pb, document_to_pb, entity_to_pb, query_from_pb
from rollcall.gazetteer.review import ReviewLog

from .engine import Engine, UnknownEntity

__all__ = ["ReconcilerServicer"]

log = logging.getLogger(__name__)


class ReconcilerServicer(pb_grpc.ReconcilerServicer):
    def __init__(self, engines: Callable[[], Engine], max_batch: int, review: ReviewLog | None = None):
        # Asked per call: a reloaded gazetteer answers the next call, not one in flight.
        self._engines = engines
        self._max_batch = max_batch
        self._review = review
        # Names matched inside MatchNames batches, for operators and for the test that a
        # cancelled batch stops (a plain int: += under the GIL is enough for a counter).
        self.batch_names_matched = 0

    def _note_name(self, request: pb.MatchNameRequest, reply: pb.MatchNameResponse) -> None:
        """Opt-in review queue: names not accepted automatically, for curators."""
        if self._review is None or reply.match:
            return
        top = reply.candidates[0].id if reply.candidates else ""
        try:
            self._review.record(request.name, kind="low_confidence" if top else "unresolved",
                                lang=request.language, candidate=top)
        except Exception:  # noqa: BLE001 - the review queue must never fail a call
            log.exception("could not record a name for review")

    @property
    def _engine(self) -> Engine:
        return self._engines()

    def MatchName(self, request: pb.MatchNameRequest, context: grpc.ServicerContext) -> pb.MatchNameResponse:
        try:
            reply = answer_to_pb(self._engine.match(query_from_pb(request)))
        except InvalidQuery as err:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(err))
            raise  # unreachable: abort raises
        self._note_name(request, reply)
        return reply

    def MatchNames(self, request: pb.MatchNamesRequest, context: grpc.ServicerContext) -> pb.MatchNamesResponse:
        if len(request.requests) > self._max_batch:
            context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"batch of {len(request.requests)} names; the limit is {self._max_batch}",
            )
        response = pb.MatchNamesResponse()
        engine = self._engine  # one gazetteer for the whole batch, even across a reload
        for i, req in enumerate(request.requests):
            if not context.is_active():
                # The client cancelled or the deadline passed: stop working for nobody.
                context.abort(grpc.StatusCode.CANCELLED, f"cancelled after {i} names")
            reply = response.responses.add()
            try:
                answer = engine.match(query_from_pb(req))
            except InvalidQuery as err:
                # One bad name among thousands must not cost the batch: it is answered alone.
                reply.error = f"requests[{i}]: {err}"
                continue
            answer_to_pb(answer, into=reply)
            self.batch_names_matched += 1
        return response

    def ReconcileDocument(
        self, request: pb.ReconcileDocumentRequest, context: grpc.ServicerContext
    ) -> pb.ReconcileDocumentResponse:
        engine = self._engine  # one gazetteer for the whole call, even across a reload
        try:
            result = engine.reconcile_document(
                request.text, request.language.strip() or None, request.date.strip() or None
            )
        except InvalidQuery as err:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(err))
            raise
        if self._review is not None:
            try:
                for u in result.unresolved:
                    self._review.record(u.text, kind="unresolved", lang=request.language,
                                        document=request.text, start=u.start, end=u.end)
            except Exception:  # noqa: BLE001 - the review queue must never fail a call
                log.exception("could not record mentions for review")
        return document_to_pb(result, engine.wikidata)

    def GetEntity(self, request: pb.GetEntityRequest, context: grpc.ServicerContext) -> pb.Entity:
        if not request.id.strip():
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "id is empty")
        try:
            return entity_to_pb(*self._engine.entity(request.id))
        except UnknownEntity:
            context.abort(grpc.StatusCode.NOT_FOUND, f"no person with id {request.id!r}")
            raise
