"""500 messages through Kannel + fakesmsc with the network to Kannel cut and restored midway:
every message reaches the phone exactly once, and every delivery report finds its message.

The cut is the worst kind for an SMS sender. A fault proxy (tests/client/faultproxy.py)
sits between the server's dispatcher and smsbox. Midway it loses the answers to some
requests smsbox had already accepted (the sender cannot know they left), resets some
requests before smsbox sees them, then refuses every connection while smsbox itself is
stopped, and finally lets everything through again with smsbox restarted.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from agentdesk.server.embedded import EmbeddedServer, start_embedded_server
from agentdesk.server.sms.models import SmsEvent, SmsMessage
from tests.client.faultproxy import FaultProxy
from tests.sms.helpers import kannel_dispatcher, login, push, send_mutation, sendable_cases
from tests.support.kannel import Kannel

MESSAGES = 500


@pytest.fixture
def big_server(tmp_path: Path, daytime: object) -> Iterator[EmbeddedServer]:
    server = start_embedded_server(f"sqlite:///{tmp_path / 'server.db'}", seed=True, cases=800)
    try:
        yield server
    finally:
        server.stop()


def _states(server: EmbeddedServer) -> Counter[str]:
    with server.database.transaction() as s:
        return Counter(dict(s.execute(select(SmsMessage.state, func.count()).group_by(SmsMessage.state)).all()))


@pytest.mark.heavy  # its server runs at a pinned daytime
def test_500_messages_exactly_once_through_a_cut(big_server: EmbeddedServer, kannel: Kannel) -> None:
    targets = sendable_cases(big_server.database, limit=MESSAGES)
    assert len(targets) == MESSAGES, "the seeded portfolio needs 500 debtors with a verified number"
    by_agent: dict[str, list[dict[str, object]]] = {}
    for target in targets:
        by_agent.setdefault(target.agent, []).append(send_mutation(target))
    for agent, mutations in by_agent.items():
        results = push(big_server.url, login(big_server.url, agent), mutations)
        assert {r["status"] for r in results} == {"applied"}, results[:3]

    proxy = FaultProxy(upstream_port=kannel.sendsms_port, lifetime=300)
    dispatcher = kannel_dispatcher(big_server.database, kannel, big_server.url,
                                   sendsms_url=f"{proxy.url}/cgi-bin/sendsms", grace=4.0, timeout=3.0, batch=40)
    try:
        # Bounded, and generous: a loaded 2-core machine takes minutes for 500 guarded messages.
        deadline = time.monotonic() + 900
        while _states(big_server)["queued"] > MESSAGES - 150:
            dispatcher.run_once()
            assert time.monotonic() < deadline, _states(big_server)

        # The cut: answers lost after smsbox took the message, requests reset before it saw
        # them, then no connection at all while smsbox is down.
        proxy.fail_next("GET", "/cgi-bin/sendsms", "drop_response", times=6)
        proxy.fail_next("GET", "/cgi-bin/sendsms", "drop_request", times=6)
        dispatcher.run_once()
        proxy.offline = True
        proxy.cut_all()
        kannel.stop_smsbox()
        for _ in range(3):
            dispatcher.run_once()
        during = _states(big_server)

        kannel.start_smsbox()
        proxy.offline = False
        while True:
            dispatcher.run_once()
            states = _states(big_server)
            if states["delivered"] == MESSAGES:
                break
            assert time.monotonic() < deadline, (states, kannel.logs())
            time.sleep(0.2)  # reports arrive on their own; the next pass reconciles what is left
    finally:
        dispatcher.close()
        proxy.close()

    # Whatever arrives late would arrive now: wait a moment for any second copy.
    received = kannel.wait_received(MESSAGES + 1, timeout=3)
    with big_server.database.transaction() as s:
        messages = {m.id: m for m in s.scalars(select(SmsMessage))}
        events = s.scalars(select(SmsEvent)).all()
    per_number = Counter(r.receiver for r in received)
    assert len(received) == MESSAGES and set(per_number.values()) == {1}, per_number.most_common(3)
    assert set(per_number) == {t.number for t in targets}
    texts = {m.to_number: m.text for m in messages.values()}
    assert all(texts[r.receiver] == r.text for r in received)

    delivered_reports = Counter(e.message_id for e in events if e.kind == "dlr" and e.detail["status"] == 1)
    assert set(delivered_reports) == set(messages) and set(delivered_reports.values()) == {1}
    assert not [e for e in events if e.kind == "dlr_unmatched"]
    # The cut really hit: answers were lost and connections refused, and nothing was resent blindly.
    assert proxy.count("GET", "/cgi-bin/sendsms", "drop_response") == 6
    assert proxy.count("GET", "/cgi-bin/sendsms", "drop_request") == 6
    kinds = Counter(e.kind for e in events)
    assert kinds["uncertain"] >= 12 and (kinds["retry"] + kinds["uncertain"]) > 12, kinds
    assert during["delivered"] < MESSAGES
