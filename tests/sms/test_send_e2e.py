"""An agent's SMS from the outbox to a phone: push `sms.send`, the dispatcher hands it to
Kannel's smsbox, fakesmsc receives it, the delivery report comes back to the server and
the case's document shows it delivered."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.sms.models import SmsEvent, SmsMessage
from tests.client.helpers import wait_until
from tests.sms.helpers import kannel_dispatcher, login, push, send_mutation, sendable_cases
from tests.support.kannel import Kannel


def test_an_agents_sms_reaches_the_phone_once_and_its_report_comes_back(
        live_server: EmbeddedServer, kannel: Kannel, daytime: object) -> None:
    target = sendable_cases(live_server.database, limit=1, agents=("agent01",))[0]
    headers = login(live_server.url, "agent01")
    mutation = send_mutation(target)
    results = push(live_server.url, headers, [mutation, mutation])  # the outbox retried: same id twice
    assert [r["status"] for r in results] == ["applied", "duplicate"], results

    dispatcher = kannel_dispatcher(live_server.database, kannel, live_server.url)
    try:
        report = dispatcher.run_once()
        assert report.submitted == 1, report
        received = kannel.wait_received(1, timeout=10)
        message_id = mutation["payload"]["message_id"]  # type: ignore[index]

        def delivered() -> bool:
            with live_server.database.transaction() as s:
                return s.get(SmsMessage, message_id).state == "delivered"  # type: ignore[union-attr]

        wait_until(delivered, 10, "the delivery report")
        assert dispatcher.run_once().claimed == 0  # nothing left to send: a second pass sends nothing
    finally:
        dispatcher.close()

    with live_server.database.transaction() as s:
        message = s.get(SmsMessage, message_id)
        assert message is not None
        events = s.scalars(select(SmsEvent).where(SmsEvent.message_id == message_id)).all()
        reports = [e.detail["status"] for e in events if e.kind == "dlr"]
        unmatched = s.scalars(select(SmsEvent).where(SmsEvent.kind == "dlr_unmatched")).all()
    assert len(received) == 1 and received[0].receiver == target.number
    assert received[0].text == message.text and message.text.startswith("【")
    assert "/s/" in message.text and message.segments == 2
    # One "delivered" report, matched to its message (and perhaps "taken by the SMSC" before it).
    assert reports.count(1) == 1 and set(reports) <= {1, 8} and not unmatched, reports

    r = httpx.get(f"{live_server.url}/v1/sync/pull", params={"limit": 2000}, headers=headers, trust_env=False)
    doc = next(c["data"] for c in r.json()["changes"] if c["id"] == target.case_id)
    assert [(m["id"], m["state"]) for m in doc["sms"]] == [(message_id, "delivered")]
