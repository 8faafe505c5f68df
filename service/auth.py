"""Optional bearer-token check for the Reconciler methods (health and reflection stay
open, so that load balancers and generic clients can probe the server)."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any

import grpc

__all__ = ["BearerTokenInterceptor"]

_OPEN = ("/grpc.health.v1.Health/", "/grpc.reflection.")


def _deny(request: Any, context: grpc.ServicerContext) -> None:
    # A streaming call's request iterator is never read: the call ends here.
    context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing or wrong bearer token")


# The refusal must have the method's shape: a unary handler answering a streaming call
# would wait for a single request, then fail with a status that is not UNAUTHENTICATED.
_DENIALS = {
    (False, False): grpc.unary_unary_rpc_method_handler(_deny),
    (False, True): grpc.unary_stream_rpc_method_handler(_deny),
    (True, False): grpc.stream_unary_rpc_method_handler(_deny),
    (True, True): grpc.stream_stream_rpc_method_handler(_deny),
}


class BearerTokenInterceptor(grpc.ServerInterceptor):
    def __init__(self, token: str):
        self._expected = f"Bearer {token}".encode()

    def intercept_service(
        self, continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler | None:
        handler = continuation(handler_call_details)
        if handler_call_details.method.startswith(_OPEN):
            return handler
        metadata = dict(handler_call_details.invocation_metadata or ())
        given = str(metadata.get("authorization", "")).encode()
        # Constant-time comparison: the token is a secret.
        if hmac.compare_digest(given, self._expected):
            return handler
        if handler is None:  # no such method: refused all the same, as before any lookup
            return _DENIALS[False, False]
        return _DENIALS[handler.request_streaming, handler.response_streaming]
