"""Presence (issue 18): the lead's board stops showing an agent "On call" once that desk's
event stream has been gone for a minute, even though the desk never said goodbye.

Real server over HTTP on loopback; the desk's side is plain httpx (a desk that was killed
cannot report "offline" itself). Time is pinned and moved on past the minute.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import httpx

from agentdesk.clock import RunningClock
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import User
from agentdesk.server.presence import GRACE
from tests.client.helpers import wait_until


def _token(client: httpx.Client, username: str) -> dict[str, str]:
    pair = client.post("/v1/auth/login", json={"username": username, "password": "demo"}).json()
    return {"Authorization": f"Bearer {pair['access_token']}"}


def _board_state(client: httpx.Client, lead: dict[str, str]) -> str:
    board = client.get("/v1/team/board", headers=lead).json()
    return next(a["state"] for a in board["agents"] if a["username"] == "agent01")


def test_a_desk_gone_without_a_word_is_offline_on_the_board_after_a_minute(
    live_server: EmbeddedServer, set_clock: Callable[[str | datetime], RunningClock],
) -> None:
    clock = set_clock(datetime.fromisoformat("2026-12-02T02:00:00+00:00"))
    with httpx.Client(base_url=live_server.url, timeout=10) as client:
        agent, lead = _token(client, "agent01"), _token(client, "lead01")
        assert client.post("/v1/agent/state", json={"state": "on_call"}, headers=agent).status_code == 204
        with client.stream("GET", "/v1/events", headers=agent) as stream:
            assert next(stream.iter_lines()).startswith("event: hello")
            assert _board_state(client, lead) == "on_call"
        # The stream is gone (the desk was killed): noted by the server...

        def gone() -> bool:
            with live_server.database.transaction() as s:
                user = s.query(User).filter_by(username="agent01").one()
                return user.events_gone_at is not None

        wait_until(gone, what="the server noting the end of the stream")
        assert _board_state(client, lead) == "on_call", "a reconnecting desk is not shown offline at once"
        set_clock(clock.now() + GRACE + timedelta(seconds=1))
        assert _board_state(client, lead) == "offline"
        # The desk comes back: its stream opens again and its state shows again.
        with client.stream("GET", "/v1/events", headers=_token(client, "agent01")) as stream:
            assert next(stream.iter_lines()).startswith("event: hello")
            assert _board_state(client, lead) == "on_call"
