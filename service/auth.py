"""Optional bearer-token check for the Reconciler methods (health and reflection stay
open, so that load balancers and generic clients can probe the server)."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any

import grpc

__all__ = ["BearerTokenInterceptor"]

_OPEN = ("/grpc.health.v1.Health/", "/grpc.reflection.")


class BearerTokenInterceptor(grpc.ServerInterceptor):
    def __init__(self, token: str):
        self._expected = f"Bearer {token}".encode()

        def deny(request: Any, context: grpc.ServicerContext) -> None:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing or wrong bearer token")

        self._deny = grpc.unary_unary_rpc_method_handler(deny)

    def intercept_service(
        self, continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler:
        if handler_call_details.method.startswith(_OPEN):
            return continuation(handler_call_details)
        metadata = dict(handler_call_details.invocation_metadata or ())
        given = str(metadata.get("authorization", "")).encode()
        # Constant-time comparison: the token is a secret.
        if hmac.compare_digest(given, self._expected):
            return continuation(handler_call_details)
        return self._deny
