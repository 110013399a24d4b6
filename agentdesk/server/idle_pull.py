"""An idle desk's pull answered with one query, before FastAPI sees the request.

Most pulls change nothing: a desk pulls on its timer, and on PostgreSQL with 500 desks
(bench/bench_load.py) most of those find nothing after their cursor. The full route
(`app.pull`) answers them after FastAPI's routing, dependencies and query validation, in a
transaction of five statements (BEGIN, the caller, the database's identity, the cases, the
scope exits, COMMIT). This pure ASGI middleware answers the same request with one
statement in autocommit: the caller's account, the database's identity and last change
number, and whether anything in the caller's scope is numbered after the cursor.

It answers only when the answer is the empty page the full route would give: a GET with a
valid token of an active account, a cursor of this database that is not past its history,
a well-formed `limit`, and nothing new in scope. Anything else (a first pull, an error to
report, a change to send, SQLite, a key or setting not yet read by the full route) passes
on to the route unchanged, which decides as before. The body is built by the same code as
the route's (`sync.empty_page`), and it sits inside RequestGuard and ClientGate, so the
headers are the route's too. `tests/server/test_idle_pull.py` compares the two answers.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl

import anyio.to_thread
from sqlalchemy import text
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from agentdesk import contract
from agentdesk.clock import Clock
from agentdesk.server import auth, db_identity, sync
from agentdesk.server.db import Database

PATH = "/v1/sync/pull"
# What the fast path takes on; any other spelling goes to the route (which may refuse it).
_CURSOR = re.compile(r"([0-9a-f]{16})\.([1-9][0-9]{0,18})")
_LIMIT = re.compile(r"[1-9][0-9]{0,3}")

# Anything in the caller's scope after the cursor, by role as sync.scope_clause and
# sync._read_page decide (a lead without a team goes to the route: there `team_id IS NULL`).
_CHANGED = """CASE
  WHEN u.role = 'admin' THEN EXISTS (SELECT 1 FROM cases WHERE seq > :after)
  WHEN u.role = 'lead' THEN EXISTS (SELECT 1 FROM cases WHERE team_id = u.team_id AND seq > :after)
    OR EXISTS (SELECT 1 FROM scope_exits WHERE team_id = u.team_id AND seq > :after)
  ELSE EXISTS (SELECT 1 FROM cases WHERE assigned_agent_id = u.id AND seq > :after)
    OR EXISTS (SELECT 1 FROM scope_exits WHERE agent_id = u.id AND seq > :after)
END"""
_WITH_CONTROL = text(f"SELECT {db_identity.PG_PARTS}, s.system_identifier, c.timeline_id, "
                     f"u.active, u.role, u.team_id, {_CHANGED} "
                     "FROM users u, pg_control_system() s, pg_control_checkpoint() c WHERE u.id = :sub")
_WITHOUT_CONTROL = text(f"SELECT {db_identity.PG_PARTS}, NULL, NULL, u.active, u.role, u.team_id, {_CHANGED} "
                        "FROM users u WHERE u.id = :sub")


def asked(scope: Scope) -> tuple[str, str, int, bool] | None:
    """(token, cursor's identity, cursor's change number, lines wanted) of a pull the fast
    path may answer, else None."""
    token = accept = None
    for key, value in scope.get("headers", ()):
        if key == b"authorization":
            if token is not None:
                return None  # repeated headers: the route's reading decides
            token = value.decode("latin-1")
        elif key == b"accept":
            if accept is not None:
                return None
            accept = value.decode("latin-1")
    if token is None or not token.startswith("Bearer ") or " " in token[7:] or not token[7:]:
        return None
    params: dict[str, str] = {}
    for name, value in parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True):
        if name in params:
            return None  # the route's own reading of a repeated parameter decides
        params[name] = value
    if "limit" in params and not (_LIMIT.fullmatch(params["limit"]) and int(params["limit"]) <= sync.MAX_PULL_LIMIT):
        return None
    cursor = _CURSOR.fullmatch(params.get("cursor", ""))
    if cursor is None or int(cursor[2]) > sync.MAX_CURSOR:
        return None
    lines = accept is not None and contract.PULL_LINES_MEDIA_TYPE in accept
    return token[7:], cursor[1], int(cursor[2]), lines


class IdlePull:
    """The middleware; a no-op on SQLite (the embedded server: one desk, no crowd)."""

    def __init__(self, app: ASGIApp, db: Database, clock: Clock, tally: Counter[str]) -> None:
        """`tally["answered"]` counts the pulls answered here (tests check the path taken)."""
        self.app, self.db, self.clock, self.tally = app, db, clock, tally
        self.enabled = db.is_postgres

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.enabled and scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == PATH:
            request = asked(scope)
            if request is not None:
                body = await anyio.to_thread.run_sync(self.empty_page, *request)
                if body is not None:
                    self.tally["answered"] += 1
                    media = contract.PULL_LINES_MEDIA_TYPE if request[3] else "application/json"
                    await Response(body, media_type=media)(scope, receive, send)
                    return
        await self.app(scope, receive, send)

    def empty_page(self, token: str, cursor_ident: str, after: int, lines: bool) -> bytes | str | None:
        """The route's answer when nothing in scope follows the cursor; None when the route
        must answer (something to send, or anything to refuse)."""
        engine = self.db.engine
        key = auth.known_signing_key(engine)
        readable = db_identity.control_readable(engine)
        if key is None or readable is None:
            return None  # the route reads them first
        try:
            sub = auth.access_token_subject(token, key, self.clock.now())
        except auth.AuthError:
            return None
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            row = conn.execute(_WITH_CONTROL if readable else _WITHOUT_CONTROL,
                               {"key": db_identity.SETTING, "sub": sub, "after": after}).first()
        if row is None:
            return None
        stored, oid, top, system, timeline, active, role, team_id, changed = row
        if not active or stored is None or changed or (role == "lead" and team_id is None):
            return None
        ident = db_identity.identity_of(stored, db_identity.pg_where(oid, system, timeline, readable))
        if ident != cursor_ident or after > (top or 0):
            return None
        return sync.empty_page(db_identity.cursor_for(ident, after), lines)
