"""Reading a request's input: the body (bounded), a form field, an integer parameter."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from urllib.parse import parse_qs

from starlette.datastructures import QueryParams
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from .queries import BadRequest

__all__ = ["MAX_BODY_BYTES", "BodyTooLarge", "read_body", "form_field", "int_param"]

# A body larger than this is refused (1,000 queries of a long name and four properties fit
# in about a megabyte).
MAX_BODY_BYTES = 4 * 1024 * 1024


class BodyTooLarge(Exception):
    """The body is over MAX_BODY_BYTES (HTTP 413)."""


async def read_body(request: Request) -> bytes:
    """The body; BodyTooLarge when it is over MAX_BODY_BYTES. One over it is read on to its
    end (to four times the limit: a client still sending would otherwise see the connection
    reset, not the 413)."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size <= MAX_BODY_BYTES:
            chunks.append(chunk)
        elif size > 4 * MAX_BODY_BYTES:
            break
    if size > MAX_BODY_BYTES:
        raise BodyTooLarge(f"the request body is over {MAX_BODY_BYTES} bytes")
    return b"".join(chunks)


async def form_field(request: Request, body: bytes, name: str) -> str | None:
    """A field of a form body: URL-encoded (what OpenRefine sends) or multipart."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        async def stream() -> AsyncGenerator[bytes, None]:
            yield body
        try:
            form = await MultiPartParser(request.headers, stream()).parse()
        except MultiPartException as err:
            raise BadRequest(f"the body is not a form: {err.message}") from None
        value = form.get(name)
        return value if isinstance(value, str) else None
    try:
        values = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False).get(name)
    except UnicodeDecodeError as err:
        raise BadRequest(f"the form is not UTF-8 ({err.reason} at byte {err.start})") from None
    return values[-1] if values else None


def int_param(params: QueryParams, name: str, default: int | None, *, least: int) -> int | None:
    """An integer query parameter, at least `least`; BadRequest when it is not one."""
    text = params.get(name)
    if text is None or not text.strip():
        return default
    try:
        value = int(text)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, not {text!r}") from None
    if value < least:
        raise BadRequest(f"{name} must be at least {least}")
    return value
