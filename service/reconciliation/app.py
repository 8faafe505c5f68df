"""The Reconciliation API as an ASGI application (Starlette), answering from the engine the
gRPC server uses. Two versions of the specification, on the same code:

Version 0.2 (what OpenRefine speaks), under /reconcile:
  GET /reconcile                             the manifest
  GET or POST /reconcile?queries=            a query batch (POST: a form field)
  GET or POST /reconcile?extend=             a data extension query
  GET /reconcile/suggest/{entity,type,property}?prefix=&cursor=
  GET /reconcile/propose_properties?type=Q5

Version 1.0-draft, at the root:
  GET /                                      the manifest
  POST /match                                a query batch (a JSON body)
  GET /suggest/{entity,type,property}?prefix=&cursor=
  POST /extend                               a data extension query (a JSON body)
  GET /extend/propose?type=Q5

Both: GET /preview?id= (an entity's HTML card) and GET /view?id= (a Q-id: on to Wikidata;
a local id: its card).

Every answer carries CORS headers (OpenRefine and browser tools call from other origins).
Errors are JSON ({"error": "..."}) with 400 for a bad request, 401 without the bearer token
when one is set, 404 for an unknown entity, 413 for a body over MAX_BODY_BYTES, 503 when the
gazetteer closed under the request.
"""

from __future__ import annotations

import hmac
from functools import partial
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from rollcall.gazetteer import StoreError
from rollcall.resolvers import InvalidQuery

from ..engine import Engine, UnknownEntity
from .extend import extend, parse_extend, proposed_properties
from .http_input import MAX_BODY_BYTES, BodyTooLarge, form_field, int_param, read_body
from .manifest import manifest, manifest_v1
from .preview import preview_html
from .queries import BadRequest, BatchQuery, parse_batch, parse_match_batch
from .results import candidates_json, entity_candidate
from .suggest import entity_suggestions, property_suggestions, type_suggestions

__all__ = ["MAX_BODY_BYTES", "reconciliation_app"]

Handler = Callable[[Request], Awaitable[Response]]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _answer_v02(engine: Engine, batch: list[BatchQuery]) -> dict[str, Any]:
    return {q.key: {"result": candidates_json(engine.match(q.query)) if q.query else []} for q in batch}


def _answer_v1(engine: Engine, batch: list[BatchQuery]) -> dict[str, Any]:
    results = []
    for q in batch:
        by_id = []
        for person_id in q.ids:  # "id" conditions: the entities themselves, when known
            try:
                person, _ = engine.entity(person_id)
            except UnknownEntity:
                continue
            by_id.append(entity_candidate(person.id, person.name))
        named = candidates_json(engine.match(q.query), feature_names=True) if q.query else []
        seen = {c["id"] for c in by_id}
        results.append({"candidates": by_id + [c for c in named if c["id"] not in seen]})
    return {"results": results}


def reconciliation_app(engines: Callable[[], Engine], token: str | None = None) -> Starlette:
    """`engines()` gives the current engine (a reloaded gazetteer is picked up per request);
    `token`: the bearer token every request must carry, or None."""

    def endpoint(handle: Callable[[Request], Awaitable[Response]]) -> Handler:
        """The handler behind the bearer-token check, with errors as JSON statuses."""
        async def guarded(request: Request) -> Response:
            if token is not None:
                given = request.headers.get("authorization", "")
                if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                    return _error(401, "missing or wrong bearer token (Authorization: Bearer <token>)")
            try:
                return await handle(request)
            except (BadRequest, InvalidQuery) as err:
                return _error(400, str(err))
            except BodyTooLarge as err:
                return _error(413, str(err))
            except UnknownEntity as err:
                return _error(404, f"no person with id {err.args[0]!r}")
            except StoreError as err:  # the gazetteer closed under the request (a server stopping)
                return _error(503, f"the gazetteer is not available: {err}")
        return guarded

    async def in_threads(work: Callable[..., Any], *args: Any) -> Any:
        """Matching and reading the gazetteer are CPU and disk work: in the thread pool, not
        on the event loop; on the engine current when the request came."""
        return await run_in_threadpool(work, engines(), *args)

    # -- version 0.2 ---------------------------------------------------------------------------

    async def reconcile(request: Request) -> Response:
        params = request.query_params
        queries, extension = params.get("queries"), params.get("extend")
        if request.method == "POST":
            body = await read_body(request)
            queries = await form_field(request, body, "queries") or queries
            extension = await form_field(request, body, "extend") or extension
        if queries is not None:
            batch = parse_batch(queries, engines().countries_by_wikidata)
            return JSONResponse(await in_threads(_answer_v02, batch))
        if extension is not None:
            return JSONResponse(await in_threads(extend, parse_extend(extension)))
        return JSONResponse(manifest(str(request.base_url)))

    async def propose_properties(request: Request) -> Response:
        limit = int_param(request.query_params, "limit", None, least=1)
        return JSONResponse(proposed_properties(request.query_params.get("type"), limit))

    # -- version 1.0-draft ---------------------------------------------------------------------

    async def root(request: Request) -> Response:
        return JSONResponse(manifest_v1(str(request.base_url)))

    async def match(request: Request) -> Response:
        batch = parse_match_batch(await read_body(request), engines().countries_by_wikidata)
        return JSONResponse(await in_threads(_answer_v1, batch))

    async def extend_v1(request: Request) -> Response:
        query = parse_extend(await read_body(request))
        return JSONResponse(await in_threads(partial(extend, v1=True), query))

    # -- both ----------------------------------------------------------------------------------

    async def suggest_entity(request: Request) -> Response:
        params = request.query_params
        prefix = params.get("prefix", "")
        cursor = int_param(params, "cursor", 0, least=0) or 0
        limit = int_param(params, "limit", None, least=1)
        lang = params.get("lang", "").strip() or None
        return JSONResponse(await in_threads(entity_suggestions, prefix, lang, cursor, limit))

    async def suggest_type(request: Request) -> Response:
        return JSONResponse(type_suggestions(request.query_params.get("prefix", "")))

    async def suggest_property(request: Request) -> Response:
        return JSONResponse(property_suggestions(request.query_params.get("prefix", "")))

    def _entity_id(request: Request) -> str:
        person_id = request.query_params.get("id", "").strip()
        if not person_id:
            raise BadRequest(f"give the entity's id: {request.url.path}?id=Q58217")
        return person_id

    async def preview(request: Request) -> Response:
        person, offices = await in_threads(Engine.entity, _entity_id(request))
        return HTMLResponse(preview_html(person, offices))

    async def view(request: Request) -> Response:
        person, offices = await in_threads(Engine.entity, _entity_id(request))
        if person.wikidata:
            return RedirectResponse(f"https://www.wikidata.org/wiki/{person.wikidata}", status_code=302)
        return HTMLResponse(preview_html(person, offices))

    routes = [
        ("/reconcile", reconcile, ["GET", "POST"]),
        ("/reconcile/propose_properties", propose_properties, ["GET"]),
        ("/", root, ["GET"]),
        ("/match", match, ["POST"]),
        ("/extend", extend_v1, ["POST"]),
        ("/extend/propose", propose_properties, ["GET"]),
        ("/preview", preview, ["GET"]),
        ("/view", view, ["GET"]),
    ]
    for kind, handler in (("entity", suggest_entity), ("type", suggest_type), ("property", suggest_property)):
        routes += [(f"/reconcile/suggest/{kind}", handler, ["GET"]), (f"/suggest/{kind}", handler, ["GET"])]
    return Starlette(
        routes=[Route(path, endpoint(handler), methods=methods) for path, handler, methods in routes],
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                               allow_headers=["Authorization", "Content-Type"])],
    )
