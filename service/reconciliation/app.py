"""The Reconciliation API as an ASGI application (Starlette), answering from the engine the
gRPC server uses.

GET /reconcile                    the manifest
GET or POST /reconcile?queries=   a query batch (POST: a form field, as OpenRefine sends it)
GET /preview?id=                  an entity's HTML card

Every answer carries CORS headers (OpenRefine and browser tools call from other origins).
Errors are JSON ({"error": "..."}) with 400 for a bad request, 401 without the bearer token
when one is set, 404 for an unknown entity, 413 for a body over MAX_BODY_BYTES, 503 when the
gazetteer closed under the request.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncGenerator, Callable
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from rollcall.gazetteer import StoreError
from rollcall.resolvers import InvalidQuery

from ..engine import Engine, UnknownEntity
from .manifest import manifest
from .preview import preview_html
from .queries import BadRequest, BatchQuery, parse_batch
from .results import candidates_json

__all__ = ["MAX_BODY_BYTES", "reconciliation_app"]

# A form body larger than this is refused (1,000 queries of a long name and four properties
# fit in about a megabyte).
MAX_BODY_BYTES = 4 * 1024 * 1024


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _read_body(request: Request) -> bytes | None:
    """The body, or None when it is over MAX_BODY_BYTES. One over it is read on to its end
    (to four times the limit: a client still sending would otherwise see the connection
    reset, not the 413)."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size <= MAX_BODY_BYTES:
            chunks.append(chunk)
        elif size > 4 * MAX_BODY_BYTES:
            break
    return b"".join(chunks) if size <= MAX_BODY_BYTES else None


async def _form_field(request: Request, body: bytes, name: str) -> str | None:
    """A field of a form body: URL-encoded (what OpenRefine sends) or multipart."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        async def stream() -> AsyncGenerator[bytes, None]:
            yield body
        form = await MultiPartParser(request.headers, stream()).parse()
        value = form.get(name)
        return value if isinstance(value, str) else None
    try:
        values = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False).get(name)
    except UnicodeDecodeError as err:
        raise BadRequest(f"the form is not UTF-8 ({err.reason} at byte {err.start})") from None
    return values[-1] if values else None


def _answer(engine: Engine, batch: list[BatchQuery]) -> dict[str, dict[str, Any]]:
    return {q.key: {"result": candidates_json(engine.match(q.query)) if q.query else []} for q in batch}


def reconciliation_app(engines: Callable[[], Engine], token: str | None = None) -> Starlette:
    """`engines()` gives the current engine (a reloaded gazetteer is picked up per request);
    `token`: the bearer token every request must carry, or None."""

    def _denied(request: Request) -> Response | None:
        """401 without the bearer token, when one is set."""
        if token is not None:
            given = request.headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return _error(401, "missing or wrong bearer token (Authorization: Bearer <token>)")
        return None

    async def reconcile(request: Request) -> Response:
        if (denied := _denied(request)) is not None:
            return denied
        queries = request.query_params.get("queries")
        if request.method == "POST":
            body = await _read_body(request)
            if body is None:
                return _error(413, f"the request body is over {MAX_BODY_BYTES} bytes")
            try:
                queries = await _form_field(request, body, "queries") or queries
            except BadRequest as err:
                return _error(400, str(err))
            except MultiPartException as err:
                return _error(400, f"the body is not a form: {err.message}")
        if queries is None:
            return JSONResponse(manifest(str(request.base_url)))
        try:
            batch = parse_batch(queries)
            # Matching is CPU work: in the thread pool, not on the event loop.
            answers = await run_in_threadpool(_answer, engines(), batch)
        except (BadRequest, InvalidQuery) as err:
            return _error(400, str(err))
        except StoreError as err:  # the gazetteer closed under the request (a server stopping)
            return _error(503, f"the gazetteer is not available: {err}")
        return JSONResponse(answers)

    async def preview(request: Request) -> Response:
        if (denied := _denied(request)) is not None:
            return denied
        person_id = request.query_params.get("id", "").strip()
        if not person_id:
            return _error(400, "give the entity's id: /preview?id=Q58217")
        try:
            person, offices = await run_in_threadpool(engines().entity, person_id)
        except UnknownEntity:
            return _error(404, f"no person with id {person_id!r}")
        except StoreError as err:
            return _error(503, f"the gazetteer is not available: {err}")
        return HTMLResponse(preview_html(person, offices))

    return Starlette(
        routes=[Route("/reconcile", reconcile, methods=["GET", "POST"]), Route("/preview", preview, methods=["GET"])],
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                               allow_headers=["Authorization", "Content-Type"])],
    )
