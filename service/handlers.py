"""The Reconciler's method handlers, registered on a server (`add_reconciler`) so that an
undecodable request (invalid UTF-8 in a string field, a truncated message) is answered
INVALID_ARGUMENT. grpc's own handling answers INTERNAL, which would tell a client the server
is at fault. In a stream, an undecodable message reaches the servicer as an `Undecodable`,
which it answers as one bad item: the stream goes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc
from google.protobuf.message import DecodeError, Message

from ._pb.rollcall.v1 import rollcall_pb2 as pb

__all__ = ["add_reconciler", "Undecodable"]

_UNARY: dict[str, tuple[type[Message], type[Message]]] = {
    "MatchName": (pb.MatchNameRequest, pb.MatchNameResponse),
    "MatchNames": (pb.MatchNamesRequest, pb.MatchNamesResponse),
    "GetEntity": (pb.GetEntityRequest, pb.Entity),
    "ReconcileDocument": (pb.ReconcileDocumentRequest, pb.ReconcileDocumentResponse),
}
_STREAMS: dict[str, tuple[type[Message], type[Message]]] = {
    "MatchStream": (pb.MatchNameRequest, pb.MatchNameResponse),
    "ReconcileDocumentStream": (pb.ReconcileDocumentRequest, pb.ReconcileDocumentResponse),
    "MatchBatchStream": (pb.MatchNamesRequest, pb.MatchNamesResponse),
}


class Undecodable:
    """A message that could not be read, in place of the request."""

    def __init__(self, reason: str):
        self.reason = reason

    @property
    def message(self) -> str:
        return f"request is not a valid message (invalid UTF-8 in a text field?): {self.reason}"


def _parse(cls: type[Message]) -> Callable[[bytes], Any]:
    def parse(data: bytes) -> Any:
        try:
            return cls.FromString(data)
        except (DecodeError, UnicodeDecodeError) as err:
            return Undecodable(str(err) or type(err).__name__)

    return parse


def _guard(method: Callable[[Any, grpc.ServicerContext], Any]) -> Callable[[Any, grpc.ServicerContext], Any]:
    def handle(request: Any, context: grpc.ServicerContext) -> Any:
        if isinstance(request, Undecodable):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, request.message)
        return method(request, context)

    return handle


def add_reconciler(servicer: Any, server: grpc.Server) -> None:
    handlers = {
        name: grpc.unary_unary_rpc_method_handler(
            _guard(getattr(servicer, name)), request_deserializer=_parse(req),
            response_serializer=resp.SerializeToString,
        )
        for name, (req, resp) in _UNARY.items()
    }
    handlers.update({
        name: grpc.stream_stream_rpc_method_handler(
            getattr(servicer, name), request_deserializer=_parse(req),
            response_serializer=resp.SerializeToString,
        )
        for name, (req, resp) in _STREAMS.items()
    })
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("rollcall.v1.Reconciler", handlers),))
