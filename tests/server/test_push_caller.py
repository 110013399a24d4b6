"""Who may push, checked inside the push's first write (app.py's push route, sync.push's
`check`) rather than by a dependency of its own: a refused caller must still be answered
exactly as before, 401 before a bad body's 422, and nothing written; an accepted caller's
mutations must still all land, in one push or several, after a rejection too."""

from __future__ import annotations

import uuid
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from agentdesk import clock
from agentdesk.server.db import Database
from agentdesk.server.models import AppliedMutation, Case, ContactAttempt, Note, User
from tests.server.helpers import login


def _note(case_id: str, text: str = "客户说下周再联系") -> dict:
    return {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": case_id, "text": text}}


def _attempt(case_id: str) -> dict:
    started = clock.now() - timedelta(minutes=5)
    return {"id": str(uuid.uuid4()), "type": "attempt.record", "payload": {
        "attempt_id": str(uuid.uuid4()), "case_id": case_id, "started_at": started.isoformat(),
        "ended_at": (started + timedelta(seconds=40)).isoformat(), "channel": "call",
        "reached": "nobody", "outcome": "no_answer", "note": "无人接听"}}


def _own_case(db: Database, username: str) -> str:
    with db.transaction() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        case_id = s.scalars(select(Case.id).where(Case.assigned_agent_id == user.id, Case.status == "open")
                            .order_by(Case.id).limit(1)).one()
    return case_id


def _disable(db: Database, username: str) -> None:
    with db.transaction() as s:
        s.execute(update(User).where(User.username == username).values(active=False))


def _stored(db: Database, mutation_ids: list[str]) -> int:
    with db.transaction() as s:
        return len(list(s.scalars(select(AppliedMutation.id).where(AppliedMutation.id.in_(mutation_ids)))))


def test_a_disabled_account_is_refused_before_its_body_is_judged(api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    case_id = _own_case(db, "agent01")
    _disable(db, "agent01")
    malformed = api.post("/v1/sync/push", json={"mutations": "x"}, headers=agent)
    assert malformed.status_code == 401 and malformed.json()["code"] == "invalid_token"
    note = _note(case_id)
    wellformed = api.post("/v1/sync/push", json={"mutations": [note]}, headers=agent)
    assert wellformed.status_code == 401 and wellformed.json()["code"] == "invalid_token"
    nothing = api.post("/v1/sync/push", json={"mutations": []}, headers=agent)
    assert nothing.status_code == 401 and nothing.json()["code"] == "invalid_token"
    assert _stored(db, [note["id"]]) == 0
    with db.transaction() as s:
        assert s.scalar(select(Note.id).where(Note.id == note["id"])) is None


def test_a_bad_token_answers_as_before_whatever_the_body(api: TestClient, db: Database) -> None:
    forged = {"Authorization": "Bearer not-a-token"}
    case_id = _own_case(db, "agent01")
    assert api.post("/v1/sync/push", json={"mutations": "x"}, headers=forged).status_code == 401
    attempt = _attempt(case_id)
    refused = api.post("/v1/sync/push", json={"mutations": [attempt]}, headers=forged)
    assert refused.status_code == 401 and refused.json()["code"] == "invalid_token"
    with db.transaction() as s:
        assert s.get(ContactAttempt, attempt["payload"]["attempt_id"]) is None
    # A body that is not JSON at all was refused before any caller check, and still is.
    garbage = api.post("/v1/sync/push", content=b"{not json", headers={**forged, "Content-Type": "application/json"})
    assert garbage.status_code == 422
    assert api.post("/v1/sync/push", json={"mutations": []}).status_code == 401  # no token at all
    # A good caller's malformed body is still the body's fault.
    assert api.post("/v1/sync/push", json={"mutations": "x"}, headers=login(api, "agent01")).status_code == 422


def test_every_mutation_of_a_push_lands_after_a_rejection_and_in_later_pushes(api: TestClient,
                                                                              db: Database) -> None:
    agent = login(api, "agent01")
    mine = _own_case(db, "agent01")
    theirs = _own_case(db, "agent02")
    batch = [_attempt(mine), _note(theirs), _note(mine), _attempt(mine)]
    results = api.post("/v1/sync/push", json={"mutations": batch}, headers=agent).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied", "applied"]
    assert results[1]["reason"] == "the case is not in your scope"
    again = api.post("/v1/sync/push", json={"mutations": [*batch, _note(mine)]}, headers=agent).json()["results"]
    assert [r["status"] for r in again] == ["duplicate", "rejected", "duplicate", "duplicate", "applied"]
    with db.transaction() as s:
        agent_id = s.scalar(select(User.id).where(User.username == "agent01"))
        rows = s.execute(select(AppliedMutation.id, AppliedMutation.user_id, AppliedMutation.status)
                         .where(AppliedMutation.id.in_([m["id"] for m in batch]))).all()
        attempts = s.scalars(select(ContactAttempt.agent_id).where(ContactAttempt.id.in_(
            [m["payload"]["attempt_id"] for m in batch if m["type"] == "attempt.record"]))).all()
    assert sorted(status for _id, _user, status in rows) == ["applied", "applied", "applied", "rejected"]
    assert {user for _id, user, _status in rows} == {agent_id}
    assert attempts == [agent_id, agent_id]
