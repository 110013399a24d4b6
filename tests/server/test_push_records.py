"""What an applied outcome leaves beside the attempt: the mutation's id record (so a second
delivery is answered "duplicate") and its audit row naming every case the write reached.
Both are written as plain inserts in the push's transaction (sync._apply_in_transaction);
their content must be what the ORM objects held, and a repeat must change nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from agentdesk import clock
from agentdesk.server.db import Database
from agentdesk.server.models import AppliedMutation, AuditEntry, Case, ContactAttempt, ContactPoint, User
from tests.server.helpers import login


def _shared_number_case(db: Database, username: str) -> tuple[str, str, str, str]:
    """(user id, one of the user's cases, its first phone point, another case given that
    point's number): the outcome's write reaches the other case too."""
    with db.transaction() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        mine, other = s.scalars(select(Case).where(Case.assigned_agent_id == user.id, Case.status == "open")
                                .order_by(Case.id).limit(2)).all()
        point = s.scalars(select(ContactPoint).where(ContactPoint.case_id == mine.id, ContactPoint.kind == "phone")
                          .order_by(ContactPoint.position).limit(1)).one()
        s.execute(update(ContactPoint).where(ContactPoint.case_id == other.id, ContactPoint.position == 0)
                  .values(number=point.number))
        return user.id, mine.id, point.id, other.id


def test_an_applied_outcome_records_its_id_and_audit_row_once(api: TestClient, db: Database) -> None:
    user_id, case_id, point_id, other_id = _shared_number_case(db, "agent01")
    headers = login(api, "agent01")
    started = clock.now() - timedelta(minutes=5)
    mutation = {"id": str(uuid.uuid4()), "type": "attempt.record", "payload": {
        "attempt_id": str(uuid.uuid4()), "case_id": case_id, "contact_point_id": point_id,
        "started_at": started.isoformat(), "ended_at": (started + timedelta(seconds=40)).isoformat(),
        "channel": "call", "reached": "nobody", "outcome": "no_answer", "note": "无人接听"}}
    before = clock.now()
    first = api.post("/v1/sync/push", json={"mutations": [mutation]}, headers=headers)
    after = clock.now()
    assert first.json()["results"] == [{"id": mutation["id"], "status": "applied", "reason": None}]
    again = api.post("/v1/sync/push", json={"mutations": [mutation]}, headers=headers)
    assert again.json()["results"] == [{"id": mutation["id"], "status": "duplicate", "reason": None}]
    with db.transaction() as s:
        record = s.get_one(AppliedMutation, mutation["id"])
        assert (record.user_id, record.type, record.status, record.reason, record.case_id) == (
            user_id, "attempt.record", "applied", None, case_id)
        assert before <= record.received_at <= after
        audits = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "attempt.record",
                                                         AuditEntry.entity_id == case_id)))
        assert len(audits) == 1, "the repeat wrote no second audit row"
        audit = audits[0]
        assert (audit.user_id, audit.entity) == (user_id, "case")
        assert before <= audit.at <= after
        assert audit.detail["mutation"] == mutation["id"]
        assert other_id in audit.detail["also_changed"] and case_id not in audit.detail["also_changed"]
        assert s.scalar(select(func.count()).select_from(ContactAttempt)
                        .where(ContactAttempt.id == mutation["payload"]["attempt_id"])) == 1
