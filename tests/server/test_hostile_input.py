"""Whatever arrives, the answer is a 4xx with a message, never a 5xx, and one bad mutation
never holds back the others: out-of-range numbers and dates, lone surrogates, deep nesting,
oversized bodies, bad cursors, ids of other cases, a former owner's late writes. Failures
leave no request data in a log."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from agentdesk import clock
from agentdesk.clock import FixedClock, local_today
from agentdesk.server.app import create_app
from agentdesk.server.db import Database
from agentdesk.server.models import AppliedMutation, Case, ContactAttempt, ContactPoint, Note, User
from agentdesk.server.request_guard import JSON_LIMIT, safe_traceback
from tests.server.helpers import login, user_id


def _raw(api: TestClient, path: str, body: object, headers: dict[str, str]) -> tuple[int, dict]:
    """POST JSON exactly as written (json.dumps escapes a lone surrogate as \\ud800, as a hostile client may)."""
    response = api.post(path, content=json.dumps(body).encode(),
                        headers={**headers, "Content-Type": "application/json"})
    return response.status_code, response.json()


def _cases(db: Database, username: str, n: int = 2) -> list[str]:
    with db.transaction() as s:
        owner = s.scalar(select(User.id).where(User.username == username))
        return list(s.scalars(select(Case.id).where(Case.assigned_agent_id == owner, Case.status == "open")
                              .order_by(Case.id).limit(n)))


def _note(case_id: str, text: str = "客户说下周再联系", **extra: object) -> dict:
    return {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": case_id, "text": text, **extra}}


def _attempt(case_id: str, started: datetime | None = None, **extra: object) -> dict:
    payload = {"attempt_id": str(uuid.uuid4()), "case_id": case_id,
               "started_at": (started or clock.now()).isoformat(), "reached": "nobody", "outcome": "no_answer",
               **extra}
    return {"id": str(uuid.uuid4()), "type": "attempt.record", "payload": payload}


def _promise(case_id: str, attempt_id: str | None = None, **extra: object) -> dict:
    payload = {"promise_id": str(uuid.uuid4()), "case_id": case_id, "amount_minor": 10000,
               "due_date": (local_today("Asia/Shanghai") + timedelta(days=3)).isoformat(), **extra}
    if attempt_id:
        payload["attempt_id"] = attempt_id
    return {"id": str(uuid.uuid4()), "type": "promise.add", "payload": payload}


def test_one_bad_mutation_never_blocks_the_others(api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    mine, theirs = _cases(db, "agent01", 1)[0], _cases(db, "agent02", 1)[0]
    other_note = _note(theirs, note_id=str(uuid.uuid4()))
    assert _raw(api, "/v1/sync/push", {"mutations": [other_note]}, login(api, "agent02"))[1]["results"][0][
        "status"] == "applied"
    mutations = [
        _note(mine, "第一条"),
        _attempt(mine, talk_track_version=10**20),
        _note(mine, "第二条"),
        _note(mine, "别人的笔记编号", note_id=other_note["payload"]["note_id"]),
        _promise(mine, amount_minor=True),
        _promise(mine, amount_minor="100"),
        _promise(mine, amount_minor=1e12),
        {"id": str(uuid.uuid4()), "type": "callback.add",
         "payload": {"callback_id": str(uuid.uuid4()), "case_id": mine, "due_at": "0001-01-01T00:00:00+14:00"}},
        _note(mine, "x", written_at="9999-12-31T23:59:59-14:00"),
        _note(mine, "\ud800"),
        _note("\ud800" * 3, "文本"),
        {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": mine, "text": "x", "\ud800": 1}},
        _note(mine, "第三条"),
    ]
    status, body = _raw(api, "/v1/sync/push", {"mutations": mutations}, agent)
    assert status == 200, body
    results = body["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"] + ["rejected"] * 9 + ["applied"]
    reasons = [r["reason"] for r in results if r["status"] == "rejected"]
    assert "talk_track_version" in reasons[0] and "already exists" in reasons[1]
    assert all("amount_minor" in r for r in reasons[2:5])
    assert "between the years" in reasons[5] and "between the years" in reasons[6]
    assert all("surrogate" in r for r in reasons[7:10])
    with db.transaction() as s:
        texts = set(s.scalars(select(Note.text).where(Note.case_id == mine)))
        assert {"第一条", "第二条", "第三条"} <= texts
        other = s.get(Note, other_note["payload"]["note_id"])
        assert other is not None and other.case_id == theirs  # the other case's note is untouched
        # Every rejection is stored, so a retry is answered the same and the lead can review it.
        stored = set(s.scalars(select(AppliedMutation.id).where(AppliedMutation.status == "rejected")))
        assert all(mutations[i]["id"] in stored for i, r in enumerate(results) if r["status"] == "rejected")
    again = _raw(api, "/v1/sync/push", {"mutations": mutations}, agent)[1]["results"]
    assert [r["status"] for r in again] == ["duplicate", "rejected", "duplicate"] + ["rejected"] * 9 + ["duplicate"]


def test_ids_a_mutation_names_must_belong_to_its_case(api: TestClient, db: Database) -> None:
    mine, theirs = _cases(db, "agent01", 1)[0], _cases(db, "agent06", 1)[0]  # agent06: the other team
    foreign_attempt = _attempt(theirs)
    assert _raw(api, "/v1/sync/push", {"mutations": [foreign_attempt]}, login(api, "agent06"))[1]["results"][0][
        "status"] == "applied"
    with db.transaction() as s:
        foreign_point = s.scalar(select(ContactPoint.id).where(ContactPoint.case_id == theirs))
    foreign_id = foreign_attempt["payload"]["attempt_id"]
    agent = login(api, "agent01")
    mutations = [
        _promise(mine, attempt_id=foreign_id),
        {"id": str(uuid.uuid4()), "type": "callback.add",
         "payload": {"callback_id": str(uuid.uuid4()), "case_id": mine, "attempt_id": foreign_id,
                     "due_at": (clock.now() + timedelta(days=1)).isoformat()}},
        _attempt(mine, contact_point_id=foreign_point),
        {"id": str(uuid.uuid4()), "type": "contact_point.mark",
         "payload": {"case_id": mine, "contact_point_id": foreign_point, "status": "do_not_contact"}},
        _attempt(mine, attempt_id=foreign_id),  # an attempt id already used by the other team's call
    ]
    results = _raw(api, "/v1/sync/push", {"mutations": mutations}, agent)[1]["results"]
    assert [r["status"] for r in results] == ["rejected"] * 5
    assert all("does not belong to this case" in r["reason"] for r in results[:4])
    assert "already exists" in results[4]["reason"]
    with db.transaction() as s:
        point = s.get(ContactPoint, foreign_point)
        assert point is not None and point.status != "do_not_contact"
        attempt = s.get(ContactAttempt, foreign_id)
        assert attempt is not None and attempt.case_id == theirs


@pytest.fixture
def moved_clock() -> FixedClock:
    return FixedClock(clock.now())


@pytest.fixture
def timed_api(db: Database, moved_clock: FixedClock) -> Iterator[TestClient]:
    with TestClient(create_app(db, clock=moved_clock)) as client:
        yield client


def test_a_former_owner_delivers_only_what_happened_before_the_move_and_only_for_a_day(
        timed_api: TestClient, db: Database, moved_clock: FixedClock) -> None:
    api = timed_api
    case_id = _cases(db, "agent01", 1)[0]
    with db.transaction() as s:
        point = s.scalar(select(ContactPoint.id).where(ContactPoint.case_id == case_id))
    moved_at = moved_clock.now()
    moved = api.post("/v1/cases/reassign", headers=login(api, "lead01"),
                     json={"case_ids": [case_id], "mode": "one", "agent_ids": [user_id(db, "agent02")]})
    assert moved.status_code == 200, moved.text
    moved_clock.advance(timedelta(hours=2))
    before, after = moved_at - timedelta(minutes=30), moved_at + timedelta(minutes=30)
    agent = login(api, "agent01")
    late = [
        _attempt(case_id, started=before),  # the call made before the move: still true, still taken
        _note(case_id, "搬走前写的", written_at=before.isoformat()),
        _attempt(case_id, started=after),
        _note(case_id, "搬走后写的", written_at=after.isoformat()),
        _note(case_id, "没有时间"),
        {"id": str(uuid.uuid4()), "type": "contact_point.mark",
         "payload": {"case_id": case_id, "contact_point_id": point, "status": "do_not_contact"}},
        _promise(case_id),
    ]
    results = _raw(api, "/v1/sync/push", {"mutations": late}, agent)[1]["results"]
    assert [r["status"] for r in results] == ["applied", "applied"] + ["rejected"] * 5, results
    assert "before the move" in results[2]["reason"] and "this decision was not recorded" in results[6]["reason"]
    with db.transaction() as s:
        stored = s.get(ContactAttempt, late[0]["payload"]["attempt_id"])
        assert stored is not None and "reassigned" in (stored.compliance_flag or "")
        mark = s.get(ContactPoint, point)
        assert mark is not None and mark.status != "do_not_contact"
    moved_clock.advance(timedelta(hours=23))  # 25 hours after the move
    agent = login(api, "agent01")
    too_late = _raw(api, "/v1/sync/push", {"mutations": [_attempt(case_id, started=before)]}, agent)[1]["results"][0]
    assert too_late["status"] == "rejected" and "more than 24 hours" in too_late["reason"]


def test_bodies_cursors_and_text_that_once_broke_the_server(api: TestClient) -> None:
    agent = login(api, "agent01")
    huge = {"mutations": [_note("x", "长" * 4000) for _ in range(JSON_LIMIT // 10000)]}
    status, body = _raw(api, "/v1/sync/push", huge, agent)
    assert status == 413 and body["code"] == "body_too_large"
    deep: object = {}
    for _ in range(600):
        deep = {"a": deep}
    status, body = _raw(api, "/v1/sync/push", {"mutations": [{"id": str(uuid.uuid4()), "type": "note.add",
                                                               "payload": deep}]}, agent)
    assert status == 400 and body["code"] == "too_deep"
    for cursor in ("9223372036854775808", "-1", "+5", " 12", "١٢", "1e3", "12\x00"):
        response = api.get("/v1/sync/pull", params={"cursor": cursor}, headers=agent)
        assert response.status_code == 400 and response.json()["code"] == "bad_cursor", cursor
    assert api.get("/v1/sync/pull", params={"limit": str(2**70)}, headers=agent).status_code == 422
    for body_ in ({"username": "\ud800", "password": "secret-pass"}, {"username": "agent01", "password": "\udfff"},
                  {"refresh_token": "\ud800" * 20}):
        path = "/v1/auth/refresh" if "refresh_token" in body_ else "/v1/auth/login"
        status, answer = _raw(api, path, body_, {})
        assert status == 422 and "surrogate" in answer["message"]
        assert "secret-pass" not in json.dumps(answer)  # a refused body is never echoed
    response = api.put("/v1/strategy", content=json.dumps({"name": "\ud800", "weights": {}}).encode(),
                       headers={**login(api, "lead01"), "Content-Type": "application/json"})
    assert response.status_code == 422
    assert api.get("/v1/info", headers={"X-AgentDesk-Client": "1" * 5000}).status_code == 200


def test_failures_log_no_request_data(db: Database, caplog: pytest.LogCaptureFixture) -> None:
    secret = "张三 13800138000"
    with pytest.raises(IntegrityError) as failed, db.transaction() as s:
        row = {"id": str(uuid.uuid4()), "case_id": s.scalar(select(Case.id)), "text": secret,
               "written_at": clock.now()}
        s.execute(insert(Note).values(**row))
        s.execute(insert(Note).values(**row))
    assert secret not in str(failed.value)  # the engine hides statement parameters
    assert secret not in safe_traceback(ValueError(secret)) and "ValueError" in safe_traceback(ValueError(secret))

    app = create_app(db)

    @app.get("/v1/boom")
    def boom() -> None:
        raise ValueError(f"cannot store {secret}")

    with TestClient(app) as api, caplog.at_level(logging.ERROR):
        response = api.get("/v1/boom")
    assert response.status_code == 500 and secret not in response.text
    assert "ValueError" in caplog.text and secret not in caplog.text


def test_answers_are_not_cached_sniffed_or_framed(api: TestClient) -> None:
    agent = login(api, "agent01")
    for response in (api.get("/v1/sync/pull", headers=agent), api.get("/v1/me", headers=agent),
                     api.get("/v1/sync/pull", params={"cursor": "x"}, headers=agent)):
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
    assert api.get("/v1/rules", headers=agent).headers["etag"]  # a route's own caching headers stay
