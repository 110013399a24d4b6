"""Presence: an agent whose desk is gone is shown offline, whatever state it last reported.

A desk reports its state (`POST /v1/agent/state`) and keeps an event stream open
(`GET /v1/events`) while it runs. A desk that quits reports "offline" itself, but one that
crashes, loses its network or is killed cannot: so the server notes when a user's event
stream ends (`users.events_gone_at`, cleared when one opens again) and the team board
shows the agent offline once no stream has been open for `GRACE` (a minute: long enough
for the stream's own reconnects after a network blip, short enough for a lead).
Kept in the database, not in the process, so every API process behind the load balancer
agrees.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import anyio
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from agentdesk.clock import Clock
from agentdesk.server.db import Database
from agentdesk.server.models import User

log = logging.getLogger(__name__)
GRACE = timedelta(seconds=60)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def shown_state(user: User, now: datetime) -> str:
    """The state a lead sees: offline once the desk's stream has been gone for GRACE."""
    gone = user.events_gone_at
    if gone is not None and now - _aware(gone) >= GRACE:
        return "offline"
    return user.agent_state


def state_since(user: User, now: datetime) -> datetime | None:
    gone = user.events_gone_at
    if gone is not None and now - _aware(gone) >= GRACE and user.agent_state != "offline":
        return _aware(gone)
    return user.agent_state_at


def _mark(db: Database, user_id: str, gone_at: datetime | None) -> None:
    with db.transaction() as s:
        user = s.get(User, user_id)
        if user is not None:
            user.events_gone_at = gone_at


async def tracked(stream: AsyncIterator[str], db: Database, user_id: str, team_id: str | None, clock: Clock,
                  poke: Callable[[set[str], set[str]], Any]) -> AsyncIterator[str]:
    """The event stream, noting in the database when it opens and when it ends."""
    await run_in_threadpool(_mark, db, user_id, None)
    try:
        async for chunk in stream:
            yield chunk
    finally:
        # A client that goes away cancels the stream; shielded, the note is still written.
        with anyio.CancelScope(shield=True):
            try:
                await run_in_threadpool(_mark, db, user_id, clock.now())
                if team_id:  # the boards refresh; they show offline once GRACE has passed
                    await run_in_threadpool(poke, set(), {team_id})
            except (SQLAlchemyError, RuntimeError) as exc:  # a server shutting down: the desk is gone anyway
                log.info("presence not noted at stream end: %s", type(exc).__name__)
