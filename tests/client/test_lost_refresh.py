"""A lost answer to a token refresh does not end the desk's session (issue 18).

The client core against the real server through a fault-injecting proxy on loopback: the
refresh reaches the server (which rotates the token) and its answer is dropped. Retried
within the grace window, the refresh gets the same successor and the waiting outcome goes
out once; retried after it, the session has ended (typed state), and signing in again
with the password sends the outcome, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from agentdesk import clock
from agentdesk.client import errors
from agentdesk.client.session import ClientSession
from agentdesk.client.sync import SESSION_ENDED
from agentdesk.server.auth import ACCESS_TTL, REFRESH_GRACE
from agentdesk.server.embedded import EmbeddedServer

from .faultproxy import FaultProxy
from .helpers import attempts_on_server, no_answer, open_cases

Pin = Callable[[str | datetime], Any]


@pytest.fixture
def proxy(live_server: EmbeddedServer) -> Iterator[FaultProxy]:
    p = FaultProxy(live_server.port)
    try:
        yield p
    finally:
        p.close()


@pytest.fixture
def desk(proxy: FaultProxy, tmp_path: Path, set_clock: Pin) -> Iterator[ClientSession]:
    set_clock(clock.now())
    session = ClientSession.login(proxy.url, "agent01", "demo", remember=False, allow_unencrypted=True,
                                  data_root=tmp_path / "desk")
    try:
        session.sync_now()
        yield session
    finally:
        session.stop()


def _expire_access_and_lose_the_refresh_answer(desk: ClientSession, proxy: FaultProxy, set_clock: Pin) -> str:
    """The access token runs out, an outcome waits, and the refresh's answer is lost."""
    set_clock(clock.now() + ACCESS_TTL + timedelta(minutes=1))
    attempt = desk.record_outcome(no_answer(desk, open_cases(desk, 1)[0], "after a lost answer"))
    proxy.fail_next("POST", "/v1/auth/refresh", "drop_response")
    with pytest.raises(errors.ServerUnreachable):
        desk.sync_now()
    assert proxy.count("POST", "/v1/auth/refresh", "drop_response") == 1
    assert desk.status().state == "offline" and desk.status().pending == 1
    return attempt


def test_a_refresh_whose_answer_was_lost_is_retried_and_the_session_goes_on(
        desk: ClientSession, proxy: FaultProxy, live_server: EmbeddedServer, set_clock: Pin) -> None:
    attempt = _expire_access_and_lose_the_refresh_answer(desk, proxy, set_clock)
    set_clock(clock.now() + REFRESH_GRACE / 2)
    desk.sync_now()
    assert desk.status().state == "online" and desk.status().pending == 0
    assert attempts_on_server(live_server.database, [attempt]) == {attempt: 1}
    # The successor it was given is the live one: the next refresh rotates normally.
    set_clock(clock.now() + ACCESS_TTL + timedelta(minutes=1))
    desk.sync_now()
    assert desk.status().state == "online"


def test_after_the_grace_window_the_session_ends_and_a_password_sends_what_waited(
        desk: ClientSession, proxy: FaultProxy, live_server: EmbeddedServer, set_clock: Pin) -> None:
    attempt = _expire_access_and_lose_the_refresh_answer(desk, proxy, set_clock)
    set_clock(clock.now() + REFRESH_GRACE + timedelta(seconds=5))
    with pytest.raises(errors.SessionExpired):
        desk.sync_now()
    assert desk.status().state == SESSION_ENDED and desk.status().pending == 1
    assert attempts_on_server(live_server.database, [attempt]) == {attempt: 0}
    with pytest.raises(errors.AuthenticationFailed):
        desk.sign_in_again("wrong")
    desk.sign_in_again("demo")
    desk.sync_now()
    assert desk.status().state == "online" and desk.status().pending == 0
    assert attempts_on_server(live_server.database, [attempt]) == {attempt: 1}
