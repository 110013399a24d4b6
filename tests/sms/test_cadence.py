"""The cadence on a pinned clock: the day before a promise is due, and the morning after a
broken one, the scheduler queues one message at the debtor's local hour, once, however
often it runs; a message that did not leave on its day is cancelled, not sent late.
Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from agentdesk.clock import RunningClock
from agentdesk.server.db import Database
from agentdesk.server.migrate import upgrade
from agentdesk.server.models import Case, ContactPoint, PromiseToPay
from agentdesk.server.seed import seed_demo
from agentdesk.server.sms.dispatcher import Dispatcher, DispatchSettings
from agentdesk.server.sms.gateway import NoGateway
from agentdesk.server.sms.models import SmsMessage
from agentdesk.server.sms.scheduler import schedule_cadence

Pin = Callable[[str | datetime], RunningClock]


@pytest.fixture
def db(database_url: str, set_clock: Pin) -> Iterator[Database]:
    set_clock("2026-12-01T02:00:00Z")
    upgrade(database_url)
    database = Database(database_url)
    with database.transaction() as s:
        seed_demo(s, cases=60, agents_per_team=2)
    yield database
    database.dispose()


def _promise_on_a_case(db: Database, due: date) -> tuple[str, str]:
    """A case with a verified debtor number and one pending promise (all others retired)."""
    with db.transaction() as s:
        case = next(c for c in s.scalars(select(Case).where(Case.status == "open").order_by(Case.id))
                    if any(p.owner == "debtor" and p.status == "valid" and p.kind == "phone"
                           for p in c.contact_points))
        s.execute(update(PromiseToPay).values(status="replaced"))
        promise = PromiseToPay(id=str(uuid.uuid4()), case_id=case.id, amount_minor=120000, currency="CNY",
                               due_date=due, status="pending")
        s.add(promise)
        return case.id, promise.id


def _messages(db: Database, case_id: str) -> list[SmsMessage]:
    with db.transaction() as s:
        return list(s.scalars(select(SmsMessage).where(SmsMessage.case_id == case_id).order_by(SmsMessage.created_at)))


def test_the_day_before_a_promise_one_reminder_at_ten_local(db: Database, set_clock: Pin) -> None:
    case_id, promise_id = _promise_on_a_case(db, date(2026, 12, 12))

    set_clock("2026-12-10T01:00:00Z")  # 09:00 Beijing, two days before: nothing yet
    schedule_cadence(db)
    assert _messages(db, case_id) == []

    clock = set_clock("2026-12-11T00:30:00Z")  # 08:30 Beijing, the day before
    first = schedule_cadence(db, clock)
    again = schedule_cadence(db, clock)
    messages = _messages(db, case_id)
    assert first.scheduled >= 1 and again.scheduled == 0 and again.already >= 1
    assert [(m.template_id, m.origin, m.state) for m in messages] == [
        ("promise_reminder", "cadence:promise_due_tomorrow", "queued")]
    assert messages[0].not_before.isoformat() == "2026-12-11T02:00:00+00:00"  # 10:00 in Beijing
    assert "2026-12-12" in messages[0].text and "¥1,200.00" in messages[0].text
    assert messages[0].dedupe_key == f"promise_due_tomorrow:{promise_id}"

    # Not sent on its day (no gateway here, then the day ended): cancelled, never sent late.
    late = set_clock("2026-12-11T16:05:00Z")  # 00:05 Beijing on the due date
    dispatcher = Dispatcher(db, NoGateway(), DispatchSettings(callback_base="http://127.0.0.1:9"), late)
    try:
        report = dispatcher.run_once()
    finally:
        dispatcher.close()
    assert report.cancelled >= 1 and report.claimed == 0
    assert [m.state for m in _messages(db, case_id)] == ["cancelled"]


def test_the_morning_after_a_broken_promise(db: Database, set_clock: Pin) -> None:
    case_id, promise_id = _promise_on_a_case(db, date(2026, 12, 12))
    with db.transaction() as s:
        s.execute(update(PromiseToPay).where(PromiseToPay.id == promise_id).values(status="broken"))
    clock = set_clock("2026-12-13T00:00:00Z")  # 08:00 Beijing, the day after the due date
    schedule_cadence(db, clock)
    messages = _messages(db, case_id)
    assert [(m.template_id, m.not_before.isoformat()) for m in messages] == [
        ("broken_promise", "2026-12-13T01:30:00+00:00")]  # 09:30 in Beijing

    set_clock("2026-12-14T00:00:00Z")  # two days after: yesterday's rule is not caught up
    assert schedule_cadence(db).scheduled == 0


def test_no_verified_number_no_cadence_message(db: Database, set_clock: Pin) -> None:
    case_id, _ = _promise_on_a_case(db, date(2026, 12, 12))
    with db.transaction() as s:
        s.execute(update(ContactPoint).where(ContactPoint.case_id == case_id, ContactPoint.owner == "debtor")
                  .values(status="unverified"))
    clock = set_clock("2026-12-11T00:30:00Z")
    report = schedule_cadence(db, clock)
    assert report.no_verified_number >= 1 and _messages(db, case_id) == []
