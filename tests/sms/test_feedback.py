"""What comes back and what it changes, on the real server over HTTP with a real Kannel:
quiet hours hold a queued message until morning, a number with no route gets a failed
report and turns unverified, the link page records an open and books a callback, and a
phone's TD reply stops every further SMS to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import httpx
from sqlalchemy import select

from agentdesk import clock
from agentdesk.clock import RunningClock
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import Callback, ContactPoint
from agentdesk.server.sms import outbox
from agentdesk.server.sms.models import SmsEvent, SmsMessage, SmsOptOut
from tests.client.helpers import wait_until
from tests.sms.helpers import kannel_dispatcher, login, push, send_mutation, sendable_cases
from tests.support.kannel import Kannel
from tests.support.times import next_local

Pin = Callable[[str | datetime], RunningClock]


def _message(server: EmbeddedServer, message_id: str) -> SmsMessage:
    with server.database.transaction() as s:
        found = s.get(SmsMessage, message_id)
        assert found is not None
        return found


def _push_one(server: EmbeddedServer, agent: str = "agent01", check: bool = True,
              **kwargs: object) -> tuple[str, dict[str, object]]:
    target = sendable_cases(server.database, limit=1, agents=(agent,), zone="Asia/Shanghai", check=check)[0]
    mutation = send_mutation(target, **kwargs)  # type: ignore[arg-type]
    result = push(server.url, login(server.url, agent), [mutation])[0]
    return str(mutation["payload"]["message_id"]), result  # type: ignore[index]


def test_quiet_hours_hold_a_queued_message_until_morning(live_server: EmbeddedServer, kannel: Kannel,
                                                         process_clock: object, set_clock: Pin) -> None:
    evening = next_local(clock.now(), 20, minute=50)
    set_clock(evening)
    message_id, result = _push_one(live_server)
    assert result["status"] == "applied", result

    set_clock(evening + timedelta(minutes=15))  # 21:05 in Beijing: no SMS from 21:00, the dispatcher holds it
    dispatcher = kannel_dispatcher(live_server.database, kannel, live_server.url)
    try:
        report = dispatcher.run_once()
        assert report.deferred == 1 and report.claimed == 0, report
        held = _message(live_server, message_id)
        assert held.state == "queued" and held.not_before == next_local(evening, 8)
        # An agent pressing send at night is refused with the reason, nothing is queued.
        _other_id, refused = _push_one(live_server, agent="agent02", check=False)
        assert refused["status"] == "rejected" and "21:00-08:00" in str(refused["reason"])

        set_clock(next_local(evening, 8, minute=1))
        assert dispatcher.run_once().submitted == 1
        received = kannel.wait_received(1, timeout=10)
        wait_until(lambda: _message(live_server, message_id).state == "delivered", 10, "the delivery report")
    finally:
        dispatcher.close()
    assert len(received) == 1


def test_a_number_without_a_route_fails_and_turns_unverified(live_server: EmbeddedServer, kannel: Kannel,
                                                             daytime: object) -> None:
    target = sendable_cases(live_server.database, limit=1, agents=("agent01",))[0]
    with live_server.database.transaction() as s:
        s.get(ContactPoint, target.point_id).value = "17000001234"  # type: ignore[union-attr]  # no route
    headers = login(live_server.url, "agent01")
    mutation = send_mutation(target)
    assert push(live_server.url, headers, [mutation])[0]["status"] == "applied"
    message_id = str(mutation["payload"]["message_id"])  # type: ignore[index]
    dispatcher = kannel_dispatcher(live_server.database, kannel, live_server.url)
    try:
        dispatcher.run_once()
        wait_until(lambda: _message(live_server, message_id).state == "failed", 10, "the failed report")
    finally:
        dispatcher.close()
    with live_server.database.transaction() as s:
        assert s.get(ContactPoint, target.point_id).status == "unverified"  # type: ignore[union-attr]
    # The number may no longer be the debtor's: a message about the debt is now refused.
    again = push(live_server.url, headers, [send_mutation(target)])[0]
    assert again["status"] == "rejected" and "verified number" in str(again["reason"])


def test_the_link_page_records_an_open_and_books_a_callback(live_server: EmbeddedServer, daytime: RunningClock,
                                                            set_clock: Pin) -> None:
    message_id, result = _push_one(live_server)
    assert result["status"] == "applied"
    message = _message(live_server, message_id)
    link = message.text.split("：")[-1].split(" ")[0]
    token = link.rsplit("/s/", 1)[1]
    page = httpx.get(f"{live_server.url}/s/{token}", trust_env=False)
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert "应还金额" in page.text and "set-cookie" not in page.headers
    assert "<script" not in page.text
    opened = _message(live_server, message_id)
    assert opened.opened_at is not None and opened.open_count == 1

    slot = page.text.split('name="slot" value="')[1].split('"')[0]
    booked = httpx.post(f"{live_server.url}/s/{token}/callback", data={"slot": slot}, trust_env=False)
    assert booked.status_code == 200 and "已为您预约回电" in booked.text
    with live_server.database.transaction() as s:
        callbacks = s.scalars(select(Callback).where(Callback.case_id == opened.case_id,
                                                     Callback.due_at == datetime.fromisoformat(slot))).all()
        kinds = [e.kind for e in s.scalars(select(SmsEvent).where(SmsEvent.message_id == message_id))]
    assert len(callbacks) == 1 and kinds.count("opened") == 2 and "callback_requested" in kinds

    headers = login(live_server.url, "agent01")
    pulled = httpx.get(f"{live_server.url}/v1/sync/pull", params={"limit": 2000}, headers=headers, trust_env=False)
    doc = next(c["data"] for c in pulled.json()["changes"] if c["id"] == opened.case_id)
    assert [m["opened_at"] is not None for m in doc["sms"]] == [True]

    set_clock(daytime.now() + timedelta(days=8))  # past the link's life (rules.yaml: 168 hours)
    assert httpx.get(f"{live_server.url}/s/{token}", trust_env=False).status_code == 410
    assert httpx.get(f"{live_server.url}/s/AAAAAAAAAAAA", trust_env=False).status_code == 404


def test_a_td_reply_from_the_phone_stops_every_further_sms(live_server: EmbeddedServer,
                                                           make_kannel: Callable[..., Kannel], daytime: object) -> None:
    with live_server.database.transaction() as s:
        key = outbox.sign(outbox.callback_key(s), "inbound")
    kannel = make_kannel(f"{live_server.url}/v1/sms/inbound?k={key}&from=%p&text=%a")
    target = sendable_cases(live_server.database, limit=1, agents=("agent01",))[0]
    kannel.reply_from_phone(target.number, "TD")

    def stopped() -> bool:
        with live_server.database.transaction() as s:
            return s.get(SmsOptOut, outbox.normalized(target.number)) is not None

    wait_until(stopped, 10, "the stop request")
    refused = push(live_server.url, login(live_server.url, "agent01"), [send_mutation(target)])[0]
    assert refused["status"] == "rejected" and "asked to stop" in str(refused["reason"])
    bad = httpx.get(f"{live_server.url}/v1/sms/inbound", params={"k": "x", "from": "1", "text": "TD"},
                    trust_env=False)
    assert bad.status_code == 403
