"""Issue 20: the desk's sync engine names its own event stream when it pushes, so the server
does not poke that stream back (the cycle pulls right after its push anyway); the agent's
other device and the lead are still poked. Real server on loopback, the real desk's
session and sync engine; a pass-through proxy shows what the desk sent."""

from __future__ import annotations

import time
from typing import Any

import pytest

from agentdesk import contract
from agentdesk.client.session import ClientSession
from agentdesk.server.embedded import EmbeddedServer
from tests.client.faultproxy import FaultProxy
from tests.client.helpers import no_answer, open_cases, wait_until
from tests.server.test_own_pokes import listening


@pytest.fixture
def proxy(live_server: EmbeddedServer) -> Any:
    p = FaultProxy(live_server.port)
    try:
        yield p
    finally:
        p.close()


def test_the_desk_names_its_own_stream_when_it_pushes(
        live_server: EmbeddedServer, proxy: FaultProxy, secret_service: Any) -> None:
    session = ClientSession.login(proxy.url, "agent01", "demo")
    session.sync_now()
    session.start_sync()
    try:
        wait_until(session.sync.events_connected.is_set, what="the desk's event stream")
        pushes_sent = [0]
        with listening(live_server.url, ["agent01", "lead01"], pushes_sent) as (device, lead):
            session.record_outcome(no_answer(session, open_cases(session, 1)[0]))
            session.sync_now()
            wait_until(lambda: device.pokes and lead.pokes, what="the other device and the lead hearing it")
        pushes = [s.head for s in proxy.seen if s.method == "POST" and s.path.startswith("/v1/sync/push")]
        named = [line.split(b":", 1)[1].strip().decode() for line in pushes[-1].split(b"\r\n")
                 if line.lower().startswith(contract.EVENT_STREAM_HEADER.lower().encode() + b":")]
        live = {sub.stream_id: sub.user_id for sub in list(live_server.hub._subs)}
        assert len(named) == 1 and named[0] in live, "the push names a stream the server holds"
        assert named[0] not in (device.id, lead.id), "the desk's own, not the agent's other device's"
    finally:
        session.stop()


def test_a_pull_that_fails_right_after_its_push_is_retried_within_seconds(
        live_server: EmbeddedServer, proxy: FaultProxy, secret_service: Any) -> None:
    """The desk's stream is not poked for its own push, so when the pull after that push fails
    nothing but the engine's retry brings what the push changed: within a few seconds (the
    first backoff is 1-2 s), not at the polling timer (here 40 minutes with the stream up)."""
    session = ClientSession.login(proxy.url, "agent01", "demo")
    session.sync_now()
    session.sync.poll_seconds = 600.0
    upserted: list[frozenset[str]] = []
    session.add_change_listener(lambda c: upserted.append(c.upserted))
    pulls_before = proxy.count("GET", "/v1/sync/pull")
    session.start_sync()
    try:
        wait_until(session.sync.events_connected.is_set, what="the desk's event stream")
        # The worker's first cycle and the hello's, each one pull: then the desk is idle.
        wait_until(lambda: proxy.count("GET", "/v1/sync/pull") >= pulls_before + 2
                   and session.status().state == "online", what="the hello's pull")
        case_id = open_cases(session, 1)[0]
        upserted.clear()
        proxy.fail_next("GET", "/v1/sync/pull", "drop_request")
        session.record_outcome(no_answer(session, case_id, note="拉取失败后重试"))
        wait_until(lambda: session.status().state == "offline", what="the pull after the push failing")
        failed_at = time.monotonic()
        assert session.status().pending == 0, "the push itself went through"
        wait_until(lambda: any(case_id in u for u in upserted) and session.status().state == "online",
                   timeout=15, what="the retry's pull bringing the case the push changed")
        assert time.monotonic() - failed_at < 5.0, "retried within seconds, not at the polling timer"
        assert proxy.count("GET", "/v1/sync/pull", "drop_request") == 1
    finally:
        session.stop()
