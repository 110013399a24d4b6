"""The central API over its HTTP interface, on SQLite and (under CI) on a real PostgreSQL.

Uses Starlette's TestClient against the real app and database: what an operator's
script or the desktop's client would see.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from agentdesk import clock
from agentdesk.clock import local_today
from agentdesk.server.app import create_app
from agentdesk.server.auth import REFRESH_GRACE
from agentdesk.server.db import Database
from agentdesk.server.migrate import upgrade
from agentdesk.server.models import Case, ContactAttempt, PromiseToPay, User
from agentdesk.server.seed import seed_demo
from tests.support.times import last_local


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    upgrade(database_url)
    database = Database(database_url)
    with database.transaction() as s:
        seed_demo(s, cases=120, agents_per_team=3)
    yield database
    database.dispose()


@pytest.fixture
def api(db: Database) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as client:
        yield client


def login(api: TestClient, username: str, password: str = "demo") -> dict[str, str]:
    response = api.post("/v1/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def pull_all(api: TestClient, headers: dict[str, str], cursor: str | None = None,
             limit: int = 50) -> tuple[list[dict], str]:
    changes: list[dict] = []
    while True:
        params: dict[str, object] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        body = api.get("/v1/sync/pull", params=params, headers=headers).json()
        changes += body["changes"]
        cursor = body["cursor"]
        if not body["has_more"]:
            return changes, cursor


def attempt_mutation(case_id: str, **extra: object) -> dict:
    payload = {
        "attempt_id": str(uuid.uuid4()), "case_id": case_id,
        "started_at": last_local(clock.now(), 11).isoformat(),  # 11:00 Beijing time
        "reached": "right_party", "outcome": "promise_to_pay", "note": "答应周五还款",
    }
    payload.update(extra)
    return {"id": str(uuid.uuid4()), "type": "attempt.record", "payload": payload}


def test_login_returns_tokens_and_wrong_password_is_refused(api: TestClient) -> None:
    ok = api.post("/v1/auth/login", json={"username": "agent01", "password": "demo"})
    assert ok.status_code == 200
    body = ok.json()
    assert body["access_token"] and body["refresh_token"] and body["user"]["role"] == "agent"
    bad = api.post("/v1/auth/login", json={"username": "agent01", "password": "nope"})
    assert bad.status_code == 401
    assert bad.json()["message"] == "Wrong username or password."


def test_refresh_rotates_and_a_reused_token_ends_the_session(api: TestClient, set_clock: Any) -> None:
    start = set_clock(clock.now())
    first = api.post("/v1/auth/login", json={"username": "agent01", "password": "demo"}).json()
    second = api.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    # Reused after the grace window of a lost answer (tests/server/test_refresh_grace.py).
    set_clock(start.now() + REFRESH_GRACE + timedelta(seconds=1))
    reused = api.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reused.status_code == 401
    # Reuse of a rotated token revokes the newer one too (it may have been stolen).
    after = api.post("/v1/auth/refresh", json={"refresh_token": second.json()["refresh_token"]})
    assert after.status_code == 401


def test_agent_pulls_only_own_cases_with_masked_personal_data(api: TestClient, db: Database) -> None:
    headers = login(api, "agent01")
    changes, _ = pull_all(api, headers)
    cases = [c for c in changes if c["entity"] == "case"]
    with db.transaction() as s:
        me = s.scalar(select(User).where(User.username == "agent01"))
        assert me is not None
        own = s.scalar(select(func.count()).select_from(Case).where(Case.assigned_agent_id == me.id))
    assert len(cases) == own > 0
    doc = cases[0]["data"]
    assert all(c["data"]["assigned_agent"] == "agent01" for c in cases)
    assert "*" in doc["debtor"]["national_id_masked"]
    phones = [p["value_masked"] for p in doc["contact_points"] if p["kind"] == "phone"]
    assert phones and all("****" in p for p in phones)


def test_lead_sees_the_team_and_not_the_other_team(api: TestClient, db: Database) -> None:
    changes, _ = pull_all(api, login(api, "lead01"), limit=200)
    agents = {c["data"]["assigned_agent"] for c in changes if c["entity"] == "case"}
    assert agents == {"agent01", "agent02", "agent03"}


def test_push_applies_once_and_answers_duplicate_on_retry(api: TestClient, db: Database) -> None:
    headers = login(api, "agent01")
    changes, cursor = pull_all(api, headers)
    case_id = next(c["id"] for c in changes if c["entity"] == "case" and c["data"]["status"] == "open")
    attempt = attempt_mutation(case_id)
    promise = {
        "id": str(uuid.uuid4()), "type": "promise.add",
        "payload": {"promise_id": str(uuid.uuid4()), "case_id": case_id,
                    "attempt_id": attempt["payload"]["attempt_id"], "amount_minor": 150000,
                    "currency": "CNY", "due_date": (local_today("Asia/Shanghai") + timedelta(days=5)).isoformat()},
    }
    note = {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": case_id, "text": "客户配合"}}
    body = {"mutations": [attempt, promise, note]}
    first = api.post("/v1/sync/push", json=body, headers=headers).json()["results"]
    assert [r["status"] for r in first] == ["applied", "applied", "applied"]
    again = api.post("/v1/sync/push", json=body, headers=headers).json()["results"]
    assert [r["status"] for r in again] == ["duplicate", "duplicate", "duplicate"]
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ContactAttempt)
                        .where(ContactAttempt.id == attempt["payload"]["attempt_id"])) == 1
        promise_row = s.get(PromiseToPay, promise["payload"]["promise_id"])
        assert promise_row is not None and promise_row.amount_minor == 150000
    # The agent's next pull brings the case back with the new facts in it.
    changed, _ = pull_all(api, headers, cursor)
    doc = next(c["data"] for c in changed if c["id"] == case_id)
    assert any(a["id"] == attempt["payload"]["attempt_id"] for a in doc["attempts"])
    assert any(n["text"] == "客户配合" for n in doc["notes"])


def test_a_promise_on_a_case_on_hold_is_rejected_with_a_reason(api: TestClient) -> None:
    headers = login(api, "agent01")
    changes, _ = pull_all(api, headers)
    case_id = next(c["id"] for c in changes if c["entity"] == "case" and c["data"]["status"] == "open")
    dispute = attempt_mutation(case_id, outcome="dispute")
    promise = {
        "id": str(uuid.uuid4()), "type": "promise.add",
        "payload": {"promise_id": str(uuid.uuid4()), "case_id": case_id, "amount_minor": 10000,
                    "due_date": (local_today("Asia/Shanghai") + timedelta(days=3)).isoformat()},
    }
    results = api.post("/v1/sync/push", json={"mutations": [dispute, promise]}, headers=headers).json()["results"]
    assert results[0]["status"] == "applied"
    assert results[1]["status"] == "rejected"
    assert "on hold (dispute)" in results[1]["reason"]


def test_out_of_scope_writes_are_rejected_and_bad_payloads_explained(api: TestClient) -> None:
    other = pull_all(api, login(api, "agent02"))[0]
    foreign = next(c["id"] for c in other if c["entity"] == "case")
    headers = login(api, "agent01")
    results = api.post("/v1/sync/push", headers=headers, json={"mutations": [
        {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": foreign, "text": "x"}},
        {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": foreign}},
    ]}).json()["results"]
    assert results[0] == {"id": results[0]["id"], "status": "rejected", "reason": "the case is not in your scope"}
    assert results[1]["status"] == "rejected" and "text" in results[1]["reason"]


def test_an_attempt_at_night_is_stored_and_flagged(api: TestClient, db: Database) -> None:
    headers = login(api, "agent01")
    changes, _ = pull_all(api, headers)
    case = next(c["data"] for c in changes if c["entity"] == "case" and c["data"]["status"] == "open"
                and c["data"]["debtor"]["time_zone"] == "Asia/Shanghai")
    night = last_local(clock.now(), 23)  # 23:00 Beijing time
    mutation = attempt_mutation(case["id"], started_at=night.isoformat(), reached="nobody", outcome="no_answer")
    result = api.post("/v1/sync/push", json={"mutations": [mutation]}, headers=headers).json()["results"][0]
    assert result["status"] == "applied"
    with db.transaction() as s:
        row = s.get(ContactAttempt, mutation["payload"]["attempt_id"])
        assert row is not None and row.compliance_flag


def test_bad_input_gets_4xx_with_field_errors(api: TestClient) -> None:
    headers = login(api, "agent01")
    assert api.post("/v1/sync/push", json={"mutations": "x"}, headers=headers).status_code == 422
    assert api.get("/v1/sync/pull", params={"cursor": "zz"}, headers=headers).status_code == 400
    assert api.get("/v1/sync/pull").status_code == 401
    assert api.post("/v1/auth/login", json={"username": ""}).status_code == 422


def test_old_client_is_told_to_update(api: TestClient) -> None:
    response = api.get("/v1/info", headers={"X-AgentDesk-Client": "0.0.1"})
    assert response.status_code == 426
    assert "update" in response.json()["message"]


def test_openapi_describes_every_mutation_type(api: TestClient) -> None:
    schema = api.get("/openapi.json").json()
    names = schema["components"]["schemas"]
    for model in ("NoteAddPayload", "AttemptRecordPayload", "PromiseAddPayload", "CallbackAddPayload"):
        assert model in names
    assert "/v1/sync/push" in schema["paths"] and "/v1/events" in schema["paths"]
