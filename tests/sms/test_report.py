"""The lead's per-template report: sent, delivered, failed, opened, paid within 7 days,
counted from what really happened to each message, for the lead's own team only.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from agentdesk.clock import RunningClock
from agentdesk.domain import sms_templates
from agentdesk.server.app import create_app
from agentdesk.server.db import Database
from agentdesk.server.migrate import upgrade
from agentdesk.server.models import Case, Payment, Team
from agentdesk.server.seed import seed_demo
from agentdesk.server.sms import outbox
from agentdesk.server.sms.models import SmsMessage

Pin = Callable[[str | datetime], RunningClock]


@pytest.fixture
def db(database_url: str, set_clock: Pin) -> Iterator[Database]:
    set_clock("2026-12-01T02:00:00Z")  # 10:00 in Beijing
    upgrade(database_url)
    database = Database(database_url)
    with database.transaction() as s:
        seed_demo(s, cases=60, agents_per_team=2)
    yield database
    database.dispose()


def _send(db: Database, team: str, count: int, template_id: str) -> list[str]:
    now = datetime.fromisoformat("2026-12-01T02:00:00+00:00")
    ids: list[str] = []
    with db.transaction() as s:
        team_id = s.scalar(select(Team.id).where(Team.name == team))
        cases = s.scalars(select(Case).where(Case.team_id == team_id, Case.status == "open").order_by(Case.id)
                          .options(selectinload(Case.contact_points), selectinload(Case.payments))).all()
        template = sms_templates.latest(outbox.templates(), template_id)
        for case in cases:
            point = next((p for p in case.contact_points if p.owner == "debtor" and p.status == "valid"
                          and p.kind == "phone"), None)
            if case.payments:  # only the payments this test makes may count
                continue
            if point is None or not outbox.verdict_for(s, case, point, template, now).allowed:
                continue
            message = outbox.queue_message(s, case, point, template, "zh", now, message_id=str(uuid.uuid4()),
                                           origin="agent", created_by=None)
            message.state, message.sent_at = "submitted", now
            ids.append(message.id)
            if len(ids) == count:
                break
    assert len(ids) == count
    return ids


def test_counts_per_template_for_the_leads_team(db: Database) -> None:
    first = _send(db, "催收一组", 6, "payment_reminder")
    other_team = _send(db, "催收二组", 3, "payment_reminder")
    with db.transaction() as s:
        messages = {m.id: m for m in s.scalars(select(SmsMessage).where(SmsMessage.id.in_(first)))}
        for mid in first[:4]:
            messages[mid].state = "delivered"
        messages[first[4]].state = "failed"
        for mid in first[:2]:
            messages[mid].opened_at = messages[mid].sent_at
        paid = messages[first[0]]
        s.add(Payment(case_id=paid.case_id, amount_minor=1000, currency="CNY",
                      paid_on=(paid.sent_at + timedelta(days=3)).date()))
        late = messages[first[1]]  # paid, but after the 7 days: not counted
        s.add(Payment(case_id=late.case_id, amount_minor=1000, currency="CNY",
                      paid_on=(late.sent_at + timedelta(days=9)).date()))
    assert other_team
    with TestClient(create_app(db)) as api:
        token = api.post("/v1/auth/login", json={"username": "lead01", "password": "demo"}).json()["access_token"]
        rows = api.get("/v1/reports/sms-templates", params={"days": 30},
                       headers={"Authorization": f"Bearer {token}"}).json()
        agent = api.post("/v1/auth/login", json={"username": "agent01", "password": "demo"}).json()["access_token"]
        refused = api.get("/v1/reports/sms-templates", headers={"Authorization": f"Bearer {agent}"})
    assert rows == [{"template_id": "payment_reminder", "version": 1, "sent": 6, "delivered": 4, "failed": 1,
                     "opened": 2, "paid_7d": 1}]
    assert refused.status_code == 403
