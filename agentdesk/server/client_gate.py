"""Refuse a desk too old for this server (426), and name the API process on every answer.

A pure ASGI middleware. It was a Starlette `BaseHTTPMiddleware` (`@app.middleware`), which
runs each request in a task group of its own and passes every body chunk through memory
streams; at 500 desks that cost the event loop a share of the CPU on every pull, push and
event-stream chunk (a py-spy profile of one worker under bench/bench_load.py showed the
middleware's task spawning among the top self-time entries). Here the request passes
straight through and the header is added to the response's start message.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agentdesk import contract

WORKER_HEADER = "X-AgentDesk-Worker"


def version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isascii() and ch.isdigit())[:9]
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


class ClientGate:
    """`worker_name` goes out in WORKER_HEADER (which API process answered: for an admin
    reading a desk's log, and for the test that several workers really serve)."""

    def __init__(self, app: ASGIApp, worker_name: str) -> None:
        self.app = app
        self._header = (WORKER_HEADER.lower().encode("latin-1"), worker_name.encode("latin-1"))
        self._minimum = version_tuple(contract.MIN_CLIENT_VERSION)
        self._client_header = contract.CLIENT_VERSION_HEADER.lower().encode("latin-1")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = next((value for key, value in scope.get("headers", ()) if key == self._client_header), None)
        if sent is not None:
            text = sent.decode("latin-1")
            if version_tuple(text) < self._minimum:
                await JSONResponse(status_code=426, content={
                    "code": "client_too_old",
                    "message": f"This AgentDesk ({text}) is too old for the server; "
                    f"please update to {contract.MIN_CLIENT_VERSION} or newer.",
                })(scope, receive, send)
                return

        async def named_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), self._header]}
            await send(message)

        await self.app(scope, receive, named_send)
