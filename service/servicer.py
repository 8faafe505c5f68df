"""The Reconciler gRPC servicer: protobuf in, engine call, protobuf out, errors → status."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import grpc

from rollcall.resolvers import InvalidQuery

from ._pb.rollcall.v1 import rollcall_pb2 as pb
from ._pb.rollcall.v1 import rollcall_pb2_grpc as pb_grpc
from .convert import answer_to_pb, document_to_pb, entity_to_pb, query_from_pb
from rollcall.gazetteer.review import ReviewLog

from .engine import Engine, UnknownEntity
from .handlers import Undecodable
from .streams import BATCHES_AT_ONCE, DOCUMENTS_AT_ONCE, NAMES_AT_ONCE, StreamAnswerer

__all__ = ["ReconcilerServicer"]

log = logging.getLogger(__name__)

# What a bad item of a stream carries in `error_code`: the status the unary call ends with.
_INVALID = grpc.StatusCode.INVALID_ARGUMENT.name


class ReconcilerServicer(pb_grpc.ReconcilerServicer):
    def __init__(self, engines: Callable[[], Engine], max_batch: int, review: ReviewLog | None = None):
        # Asked per call: a reloaded gazetteer answers the next call, not one in flight.
        self._engines = engines
        self._max_batch = max_batch
        self._review = review
        # Names matched inside MatchNames batches and MatchStream streams, for operators and
        # for the tests that a cancelled call stops (plain ints: += under the GIL is enough
        # for a counter).
        self.batch_names_matched = 0
        self.stream_names_matched = 0
        self.streams = StreamAnswerer()

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

    def _answer_name(self, request: pb.MatchNameRequest) -> pb.MatchNameResponse:
        """One name, as MatchName and each item of MatchStream answer it; InvalidQuery
        propagates. The engine is asked for here, per name: see MatchStream."""
        reply = answer_to_pb(self._engine.match(query_from_pb(request)))
        reply.client_id = request.client_id
        self._note_name(request, reply)
        return reply

    def _answer_document(self, request: pb.ReconcileDocumentRequest) -> pb.ReconcileDocumentResponse:
        """One article, as ReconcileDocument and each item of its stream answer it."""
        engine = self._engine  # one gazetteer for the whole article, even across a reload
        result = engine.reconcile_document(
            request.text, request.language.strip() or None, request.date.strip() or None
        )
        if self._review is not None:
            try:
                for u in result.unresolved:
                    self._review.record(u.text, kind="unresolved", lang=request.language,
                                        document=request.text, start=u.start, end=u.end)
            except Exception:  # noqa: BLE001 - the review queue must never fail a call
                log.exception("could not record mentions for review")
        reply = document_to_pb(result, engine.wikidata)
        reply.client_id = request.client_id
        return reply

    def MatchName(self, request: pb.MatchNameRequest, context: grpc.ServicerContext) -> pb.MatchNameResponse:
        try:
            return self._answer_name(request)
        except InvalidQuery as err:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(err))
            raise  # unreachable: abort raises

    def _stream_name(self, request: pb.MatchNameRequest | Undecodable) -> pb.MatchNameResponse:
        """One item of a MatchStream: a bad one is answered with the text MatchName gives as
        INVALID_ARGUMENT, and the stream goes on."""
        if isinstance(request, Undecodable):
            return pb.MatchNameResponse(error=request.message, error_code=_INVALID)
        try:
            reply = self._answer_name(request)
        except InvalidQuery as err:
            return pb.MatchNameResponse(client_id=request.client_id, error=str(err), error_code=_INVALID)
        self.stream_names_matched += 1
        return reply

    def MatchStream(
        self, requests: Iterator[pb.MatchNameRequest | Undecodable], context: grpc.ServicerContext
    ) -> Iterator[pb.MatchNameResponse]:
        """One answer per request, in order, the names that have arrived answered together;
        a client that reads slowly holds the server back through flow control (streams.py).

        Each name is answered by the gazetteer current when it is read, not one fixed for the
        stream: a stream may last hours, and the reloader closes a replaced gazetteer 30 s
        after the swap (reloader.py). So a stream behaves as a series of MatchName calls;
        a client that needs one gazetteer for a set of names sends them as one MatchNames."""
        return self.streams.answers(requests, context, self._stream_name, NAMES_AT_ONCE)

    def _batch_refusal(self, request: pb.MatchNamesRequest) -> str:
        """Why MatchNames refuses `request` as a whole ("" when it does not)."""
        if len(request.requests) > self._max_batch:
            return f"batch of {len(request.requests)} names; the limit is {self._max_batch}"
        return ""

    def _match_batch(self, request: pb.MatchNamesRequest,
                     context: grpc.ServicerContext) -> tuple[pb.MatchNamesResponse, bool]:
        """MatchNames' answer to `request`, and False if the call ended before every name was
        answered (the response then holds the names answered until then)."""
        response = pb.MatchNamesResponse()
        engine = self._engine  # one gazetteer for the whole batch, even across a reload
        for i, req in enumerate(request.requests):
            if not context.is_active():
                # The client cancelled or the deadline passed: stop working for nobody.
                return response, False
            reply = response.responses.add()
            reply.client_id = req.client_id
            try:
                answer = engine.match(query_from_pb(req))
            except InvalidQuery as err:
                # One bad name among thousands must not cost the batch: it is answered alone.
                reply.error, reply.error_code = f"requests[{i}]: {err}", _INVALID
                continue
            answer_to_pb(answer, into=reply)
            self.batch_names_matched += 1
        return response, True

    def MatchNames(self, request: pb.MatchNamesRequest, context: grpc.ServicerContext) -> pb.MatchNamesResponse:
        if refusal := self._batch_refusal(request):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, refusal)
        response, complete = self._match_batch(request, context)
        if not complete:
            context.abort(grpc.StatusCode.CANCELLED, f"cancelled after {len(response.responses)} names")
        return response

    def MatchBatchStream(
        self, requests: Iterator[pb.MatchNamesRequest | Undecodable], context: grpc.ServicerContext
    ) -> Iterator[pb.MatchNamesResponse]:
        """MatchNames for each batch, in order: MatchStream without grpc's cost per name.
        A batch MatchNames would refuse is answered with its error text and the stream goes on."""
        def answer(request: pb.MatchNamesRequest | Undecodable) -> pb.MatchNamesResponse:
            if isinstance(request, Undecodable):
                return pb.MatchNamesResponse(error=request.message, error_code=_INVALID)
            if refusal := self._batch_refusal(request):
                return pb.MatchNamesResponse(error=refusal, error_code=_INVALID)
            return self._match_batch(request, context)[0]  # a cut-short batch is sent to nobody

        return self.streams.answers(requests, context, answer, BATCHES_AT_ONCE)

    def ReconcileDocument(
        self, request: pb.ReconcileDocumentRequest, context: grpc.ServicerContext
    ) -> pb.ReconcileDocumentResponse:
        try:
            return self._answer_document(request)
        except InvalidQuery as err:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(err))
            raise

    def _stream_document(self, request: pb.ReconcileDocumentRequest | Undecodable) -> pb.ReconcileDocumentResponse:
        if isinstance(request, Undecodable):
            return pb.ReconcileDocumentResponse(error=request.message, error_code=_INVALID)
        try:
            return self._answer_document(request)
        except InvalidQuery as err:
            return pb.ReconcileDocumentResponse(client_id=request.client_id, error=str(err), error_code=_INVALID)

    def ReconcileDocumentStream(
        self, requests: Iterator[pb.ReconcileDocumentRequest | Undecodable], context: grpc.ServicerContext
    ) -> Iterator[pb.ReconcileDocumentResponse]:
        """Articles as MatchStream takes names: in order, each on the gazetteer current when
        it is read; a bad article is answered with ReconcileDocument's error text."""
        return self.streams.answers(requests, context, self._stream_document, DOCUMENTS_AT_ONCE)

    def GetEntity(self, request: pb.GetEntityRequest, context: grpc.ServicerContext) -> pb.Entity:
        if not request.id.strip():
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "id is empty")
        try:
            return entity_to_pb(*self._engine.entity(request.id))
        except UnknownEntity:
            context.abort(grpc.StatusCode.NOT_FOUND, f"no person with id {request.id!r}")
            raise
