"""A lost answer to a token refresh does not end the session; a reused token still does.

The real server over HTTP on 127.0.0.1, on SQLite and on PostgreSQL, with the server's
clock pinned and moved: the grace window is judged by the injected clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from agentdesk import clock
from agentdesk.server.auth import REFRESH_GRACE
from agentdesk.server.db import Database
from agentdesk.server.embedded import EmbeddedServer, start_embedded_server
from agentdesk.server.migrate import upgrade
from agentdesk.server.seed import seed_demo

Pin = Callable[[str | datetime], Any]


@pytest.fixture
def http(database_url: str, set_clock: Pin) -> Iterator[httpx.Client]:
    set_clock(clock.now())
    upgrade(database_url)
    seeded = Database(database_url)
    with seeded.transaction() as s:
        seed_demo(s, cases=20, agents_per_team=2)
    seeded.dispose()
    server: EmbeddedServer = start_embedded_server(database_url, seed=False)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            yield client
    finally:
        server.stop()


def _login(http: httpx.Client) -> dict[str, Any]:
    response = http.post("/v1/auth/login", json={"username": "agent01", "password": "demo"})
    assert response.status_code == 200, response.text
    return response.json()


def _refresh(http: httpx.Client, token: str) -> httpx.Response:
    return http.post("/v1/auth/refresh", json={"refresh_token": token})


def _me(http: httpx.Client, access: str) -> int:
    return http.get("/v1/me", headers={"Authorization": f"Bearer {access}"}).status_code


def _move(set_clock: Pin, by: timedelta) -> None:
    set_clock(clock.now() + by)


def test_a_retried_refresh_within_the_grace_window_gets_the_same_tokens(http: httpx.Client, set_clock: Pin) -> None:
    first = _login(http)
    lost = _refresh(http, first["refresh_token"])  # the desk never sees this answer
    assert lost.status_code == 200
    _move(set_clock, REFRESH_GRACE - timedelta(seconds=5))
    retried = _refresh(http, first["refresh_token"])
    assert retried.status_code == 200, retried.text
    assert (retried.json()["access_token"], retried.json()["refresh_token"]) == (
        lost.json()["access_token"], lost.json()["refresh_token"])
    assert _me(http, retried.json()["access_token"]) == 200
    # The session goes on: the successor rotates as usual.
    third = _refresh(http, retried.json()["refresh_token"])
    assert third.status_code == 200
    assert _me(http, third.json()["access_token"]) == 200


def test_a_token_reused_after_the_grace_window_ends_every_session(http: httpx.Client, set_clock: Pin) -> None:
    first = _login(http)
    other_desk = _login(http)
    second = _refresh(http, first["refresh_token"])
    assert second.status_code == 200
    _move(set_clock, REFRESH_GRACE + timedelta(seconds=1))
    reused = _refresh(http, first["refresh_token"])
    assert reused.status_code == 401
    assert reused.json()["code"] == "invalid_refresh"
    # Reuse detection: the successor and the user's other sessions are revoked too.
    assert _refresh(http, second.json()["refresh_token"]).status_code == 401
    assert _refresh(http, other_desk["refresh_token"]).status_code == 401


def test_an_old_token_after_its_successor_was_used_ends_the_session(http: httpx.Client, set_clock: Pin) -> None:
    first = _login(http)
    second = _refresh(http, first["refresh_token"]).json()
    third = _refresh(http, second["refresh_token"])
    assert third.status_code == 200
    # Within the window, but the successor is spent: the old token was not lost, it was copied.
    replay = _refresh(http, first["refresh_token"])
    assert replay.status_code == 401
    assert _refresh(http, third.json()["refresh_token"]).status_code == 401


def test_a_token_spent_by_logout_is_not_revived_by_the_grace_window(http: httpx.Client) -> None:
    first = _login(http)
    assert http.post("/v1/auth/logout", json={"refresh_token": first["refresh_token"]}).status_code == 204
    assert _refresh(http, first["refresh_token"]).status_code == 401


def test_a_refresh_that_read_the_clock_before_the_rotation_gets_the_same_pair(
        http: httpx.Client, set_clock: Pin) -> None:
    """Requests at the same moment read the clock, then queue for the token's row: the one
    that waited may carry an instant before the rotation it waited for. It is that moment's
    retry (the pair again), not a reuse that ends every session."""
    first = _login(http)
    rotated = _refresh(http, first["refresh_token"])
    assert rotated.status_code == 200
    _move(set_clock, -timedelta(seconds=1))
    again = _refresh(http, first["refresh_token"])
    assert again.status_code == 200, again.text
    assert again.json()["refresh_token"] == rotated.json()["refresh_token"]
    assert _me(http, again.json()["access_token"]) == 200


def test_refreshes_of_one_token_at_the_same_moment_all_get_the_same_pair(http: httpx.Client) -> None:
    first = _login(http)
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _i: _refresh(http, first["refresh_token"]), range(4)))
    assert [a.status_code for a in answers] == [200] * 4, [a.text for a in answers]
    assert len({(a.json()["access_token"], a.json()["refresh_token"]) for a in answers}) == 1
    assert _refresh(http, answers[0].json()["refresh_token"]).status_code == 200
