"""What every request passes before the routes see it, and what a failure may leave in a log.

- A body limit: JSON bodies (and bodies that name no type) up to JSON_LIMIT, form uploads
  (multipart) up to UPLOAD_LIMIT, other binary bodies (recording pieces and imports, whose
  routes set their own smaller limits) up to BINARY_LIMIT; a larger Content-Length is
  refused before a byte is read, and a body that grows past the limit while it streams in
  is cut off there (413). A 20 MB push is never parsed.
- A nesting limit: a JSON body nested deeper than MAX_DEPTH is refused (400) before the
  parser's recursion could fail on it. The check strips strings with one regular
  expression and counts brackets of what remains, so it costs little next to parsing.
- Every answer carries the headers OWASP's REST cheat sheet asks of an API that returns
  personal data: no caching by intermediaries (`Cache-Control: no-store` unless the route
  set its own), no content sniffing, no framing.
- Unexpected failures answer a plain 500 and are logged by type and code location only:
  an exception's message can quote what the caller sent (SQL parameters, a note's text,
  a validation error's input), and personal data must never reach a log.

A pure ASGI middleware, so it sees the byte stream before Starlette buffers it.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import Message, Receive, Scope, Send

log = logging.getLogger(__name__)

JSON_LIMIT = 4 * 1024 * 1024  # a push of 100 mutations with 4,000-character notes stays far below
UPLOAD_LIMIT = 51 * 1024 * 1024  # a lender file of 50 MB (routes_intake.MAX_UPLOAD) and the form around it
BINARY_LIMIT = 2 * 1024**3 + 1024**2  # a PBX's recording import (recording_config.MAX_RECORDING_BYTES)
MAX_DEPTH = 32  # the API's deepest document nests 5 levels

# Added to every answer when the route did not set them itself.
SECURITY_HEADERS = ((b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer"))
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class _TooLarge(HTTPException):
    """Raised from the body stream; an HTTPException so that FastAPI's body parsing passes it on
    as it is (it turns other exceptions there into a 400)."""

    def __init__(self) -> None:
        super().__init__(413, "The request body is too large; send less at a time.")


def json_depth(body: bytes) -> int:
    """How deep the arrays and objects of a JSON text nest (0 for a scalar)."""
    skeleton = _STRINGS.sub(b"", body).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in skeleton:
        if byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > deepest:
                deepest = depth
        else:
            depth -= 1
    return deepest


def safe_traceback(exc: BaseException) -> str:
    """The exception's type and where it happened, for every exception in its chain; no messages."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_list(traceback.extract_tb(current.__traceback__)))
        parts.append(f"{type(current).__module__}.{type(current).__qualname__} (message withheld)\n{frames}")
        current = current.__cause__ or current.__context__
    return "\n--- caused by / during ---\n".join(parts)


def _media_type(scope: Scope) -> str:
    return (_header(scope, b"content-type") or "").split(";", 1)[0].strip().lower()


def _is_json(scope: Scope) -> bool:
    """JSON, or no type at all (FastAPI then reads a body as JSON too)."""
    media = _media_type(scope)
    return media in ("", "application/json") or media.endswith("+json")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


class RequestGuard:
    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], json_limit: int = JSON_LIMIT,
                 upload_limit: int = UPLOAD_LIMIT, binary_limit: int = BINARY_LIMIT,
                 max_depth: int = MAX_DEPTH) -> None:
        self.app = app
        self.json_limit, self.upload_limit, self.binary_limit = json_limit, upload_limit, binary_limit
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {key.lower() for key, _value in headers}
                headers += [(key, value) for key, value in SECURITY_HEADERS if key not in present]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self._guarded(scope, receive, tracked_send)
        except _TooLarge:
            if not started:
                await _answer(tracked_send, 413, "body_too_large", self._too_large(scope))
        except Exception as exc:  # the last stop: the caller gets a plain 500, the log no request data
            log.error("unexpected failure in %s %s:\n%s", scope.get("method"), scope.get("path"),
                      safe_traceback(exc))
            if not started:
                await _answer(tracked_send, 500, "internal_error",
                              "The server failed on this request; it was logged. Try again later or tell IT.")

    def _limit(self, scope: Scope) -> int:
        return self.json_limit if _is_json(scope) else (
            self.upload_limit if _media_type(scope) == "multipart/form-data" else self.binary_limit)

    def _too_large(self, scope: Scope) -> str:
        return f"The request body is over {self._limit(scope) // 2**20} MB; send less at a time."

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = self._limit(scope)
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not (declared.isascii() and declared.isdigit()) or len(declared) > 15:
                await _answer(send, 400, "bad_content_length", "The Content-Length header is not a number.")
                return
            if int(declared) > limit:
                raise _TooLarge
        if not _is_json(scope):  # forms and binary bodies stream on to their routes, counted
            await self.app(scope, _counting(receive, limit), send)
            return
        body = await _read_all(receive, limit)
        if body.lstrip()[:1] in (b"[", b"{") and json_depth(body) > self.max_depth:
            await _answer(send, 400, "too_deep",
                          f"The JSON body nests deeper than {self.max_depth} levels; no request of this API does.")
            return
        await self.app(scope, _replay(body, receive), send)


async def _read_all(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: wait for the disconnect, as the server's receive would

    return replay


def _counting(receive: Receive, limit: int) -> Receive:
    size = 0

    async def counted() -> Message:
        nonlocal size
        message = await receive()
        if message["type"] == "http.request":
            size += len(message.get("body", b""))
            if size > limit:
                raise _TooLarge
        return message

    return counted


async def _answer(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"code": code, "message": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def printable(text: Any, limit: int = 500) -> str:
    """Text that any encoder, database or log takes: lone surrogates replaced, NULs dropped, capped."""
    value = str(text).encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    return value[:limit]


def validation_body(errors: Any) -> dict[str, Any]:
    """A 422 body from validation errors without the input they carry: the input may be a
    password or a debtor's name, and may hold text that cannot even be encoded."""
    detail = [{"loc": [printable(p, 64) for p in err.get("loc", ())], "msg": printable(err.get("msg", "")),
               "type": printable(err.get("type", ""), 64)} for err in errors]
    problems = "; ".join(f"{'.'.join(str(p) for p in d['loc'][1:] or d['loc'])}: {d['msg']}" for d in detail[:10])
    return {"code": "invalid_request", "message": printable(f"The request is not valid: {problems}", 2000),
            "detail": detail}
