"""The server enforces compliance for the person and the number, not the case (issue 15).

One person with two loans: lender A's case with agent01 (team 1), lender B's case with
agent04 (team 2), the same mobile number on both. What happens on one case must reach the
other: a stop request, a dead or do-not-call number, the daily dials to the number. The
desk of the other team sees it in its own case's document, without seeing the case.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from agentdesk import clock
from agentdesk.client import caseview
from agentdesk.domain.compliance import load_policy
from agentdesk.server import sync
from agentdesk.server.db import Database
from agentdesk.server.models import Case, ContactAttempt, ContactPoint, User
from tests.server.helpers import login, pull_all

pytestmark = pytest.mark.usefixtures("daytime")  # calls in the contact hours unless a test says otherwise


def _owned(s: Any, username: str) -> Case:
    agent = s.scalar(select(User).where(User.username == username))
    return next(c for c in s.scalars(select(Case).where(Case.assigned_agent_id == agent.id, Case.status == "open"))
                if any(p.owner == "debtor" and p.kind == "phone" and p.status == "valid" for p in c.contact_points))


@pytest.fixture
def person(db: Database) -> Iterator[dict[str, str]]:
    """Ids of the two cases, their debtor phones (one number) and case A's emergency contact."""
    with db.transaction() as s:
        a, b = _owned(s, "agent01"), _owned(s, "agent04")
        assert a.team_id != b.team_id and a.lender != b.lender or a.lender == b.lender
        b.debtor.person_key = a.debtor.person_key
        phone_a = next(p for p in a.contact_points if p.owner == "debtor" and p.kind == "phone" and p.status == "valid")
        phone_b = next(p for p in b.contact_points if p.owner == "debtor" and p.kind == "phone" and p.status == "valid")
        phone_b.value, phone_b.number = phone_a.value, phone_a.number
        emergency = next(p for p in a.contact_points if p.owner == "emergency")
        sync.touch(s, [a, b])
        ids = {"a": a.id, "b": b.id, "phone_a": phone_a.id, "phone_b": phone_b.id, "emergency_a": emergency.id}
    yield ids


def _attempt(case_id: str, point: str | None, at: datetime, reached: str = "nobody", outcome: str = "no_answer",
             channel: str = "call") -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "type": "attempt.record", "payload": {
        "attempt_id": str(uuid.uuid4()), "case_id": case_id, "contact_point_id": point, "channel": channel,
        "started_at": at.isoformat(), "reached": reached, "outcome": outcome}}


def _push(api: TestClient, headers: dict[str, str], *mutations: dict[str, Any]) -> list[str]:
    response = api.post("/v1/sync/push", json={"mutations": list(mutations)}, headers=headers)
    assert response.status_code == 200, response.text
    return [r["status"] for r in response.json()["results"]]


def _flag(db: Database, mutation: dict[str, Any]) -> str | None:
    with db.transaction() as s:
        return s.get(ContactAttempt, mutation["payload"]["attempt_id"]).compliance_flag


def _docs(api: TestClient, headers: dict[str, str]) -> dict[str, dict[str, Any]]:
    changes, _ = pull_all(api, headers)
    return {c["id"]: c["data"] for c in changes if c["entity"] == "case" and c["op"] == "upsert"}


def test_a_stop_request_on_one_loan_stops_contact_on_the_persons_other_loan(
        api: TestClient, db: Database, person: dict[str, str]) -> None:
    agent01, agent04 = login(api, "agent01"), login(api, "agent04")
    now = clock.now()
    assert _push(api, agent01, _attempt(person["a"], person["phone_a"], now - timedelta(minutes=5),
                                        "right_party", "cease_contact")) == ["applied"]
    other = _docs(api, agent04)[person["b"]]  # the other team's desk, on its own case
    assert (other["status"], other["hold_reason"]) == ("on_hold", "cease_contact")
    verdict = caseview.dial_verdict(caseview.contact_facts(other), person["phone_b"], load_policy("china"), now)
    assert not verdict.allowed and verdict.rule == "hold"
    # If the other desk calls anyway (offline, old data), the server flags it.
    late = _attempt(person["b"], person["phone_b"], now)
    assert _push(api, agent04, late) == ["applied"]
    assert _flag(db, late).startswith("hold")


def test_a_dead_number_on_one_case_is_dead_on_every_case(api: TestClient, db: Database, person: dict[str, str]) -> None:
    agent01, agent04 = login(api, "agent01"), login(api, "agent04")
    now = clock.now()
    assert _push(api, agent01, _attempt(person["a"], person["phone_a"], now - timedelta(minutes=3), "nobody",
                                        "invalid_number")) == ["applied"]
    with db.transaction() as s:
        assert s.get(ContactPoint, person["phone_b"]).status == "invalid"
    other = _docs(api, agent04)[person["b"]]
    point = next(p for p in other["contact_points"] if p["id"] == person["phone_b"])
    assert point["status"] == "invalid" and "value" not in point, "the number stays masked on the other desk"
    late = _attempt(person["b"], person["phone_b"], now)
    _push(api, agent04, late)
    assert _flag(db, late).startswith("contact_point_status")


def test_dials_to_one_number_are_counted_across_the_cases_that_carry_it(
        api: TestClient, db: Database, person: dict[str, str]) -> None:
    agent01, agent04 = login(api, "agent01"), login(api, "agent04")
    now = clock.now()
    first = [_attempt(person["a"], person["phone_a"], now - timedelta(minutes=60 - k)) for k in range(4)]
    assert _push(api, agent01, *first) == ["applied"] * 4
    second = [_attempt(person["b"], person["phone_b"], now - timedelta(minutes=30 - k)) for k in range(2)]
    assert _push(api, agent04, *second) == ["applied"] * 2
    assert all(_flag(db, m) is None for m in first + second), "six dials a day are allowed"
    # Agent04's desk sees the four dials made by the other team in its own case's document.
    doc = _docs(api, agent04)[person["b"]]
    assert sum(1 for r in doc["related_contacts"] if r["channel"] == "call") >= 4
    assert "lender" not in doc["related_contacts"][0] and "case_id" not in doc["related_contacts"][0]
    verdict = caseview.dial_verdict(caseview.contact_facts(doc), person["phone_b"], load_policy("china"), now)
    assert not verdict.allowed and verdict.rule == "point_daily_limit"
    seventh = _attempt(person["b"], person["phone_b"], now)
    _push(api, agent04, seventh)
    assert _flag(db, seventh).startswith("point_daily_limit")


def test_text_messages_are_not_counted_as_dials(api: TestClient, db: Database, person: dict[str, str]) -> None:
    agent01 = login(api, "agent01")
    now = clock.now()
    texts = [_attempt(person["a"], person["phone_a"], now - timedelta(minutes=50 - k), channel="sms")
             for k in range(6)]
    _push(api, agent01, *texts)
    call = _attempt(person["a"], person["phone_a"], now)
    _push(api, agent01, call)
    assert _flag(db, call) is None
    assert _flag(db, texts[2]) is not None and _flag(db, texts[2]).startswith("sms_"), "the third SMS of the day"


def test_a_call_without_its_number_still_counts_for_the_number(
        api: TestClient, db: Database, person: dict[str, str]) -> None:
    agent01 = login(api, "agent01")
    now = clock.now()
    _push(api, agent01, *[_attempt(person["a"], None, now - timedelta(minutes=40 - k)) for k in range(6)])
    call = _attempt(person["a"], person["phone_a"], now)
    _push(api, agent01, call)
    assert _flag(db, call).startswith("point_daily_limit")


def test_a_consent_covers_the_debtor_only_and_a_stop_request_withdraws_it(
        api: TestClient, db: Database, person: dict[str, str], set_clock: Any) -> None:
    agent01 = login(api, "agent01")
    talk = _attempt(person["a"], person["phone_a"], clock.now() - timedelta(minutes=10), "right_party", "refusal")
    consent = {"id": str(uuid.uuid4()), "type": "consent.record", "payload": {
        "consent_id": str(uuid.uuid4()), "case_id": person["a"], "attempt_id": talk["payload"]["attempt_id"],
        "kind": "late_calls", "given_at": talk["payload"]["started_at"]}}
    assert _push(api, agent01, talk, consent) == ["applied", "applied"]
    # 22:30 in Beijing, eight days on (past any wait): the debtor agreed to late calls.
    late = clock.now().replace(hour=14, minute=30) + timedelta(days=8)
    set_clock(late)
    agent01 = login(api, "agent01")  # eight days on, a new day's sign-in
    with db.transaction() as s:  # the debtor's own numbers stop answering: only then the emergency contact
        for point in s.scalars(select(ContactPoint).where(ContactPoint.case_id == person["a"],
                                                          ContactPoint.owner == "debtor")):
            point.status = "invalid"
    to_debtor_on_b = _attempt(person["b"], person["phone_b"], late)  # consent was given on case A only
    to_debtor = _attempt(person["a"], None, late)
    to_relative = _attempt(person["a"], person["emergency_a"], late)
    _push(api, agent01, to_debtor, to_relative)
    _push(api, login(api, "agent04"), to_debtor_on_b)
    assert _flag(db, to_debtor) is None
    assert _flag(db, to_relative).startswith("quiet_hours"), "a consent never covers a third party"
    assert _flag(db, to_debtor_on_b).startswith("quiet_hours"), "nor the person's other lender's case"
    stop = _attempt(person["a"], None, late + timedelta(minutes=1), "right_party", "cease_contact")
    _push(api, agent01, stop)
    with db.transaction() as s:
        assert s.get(Case, person["a"]).consent_late_calls is False


def test_a_promise_is_judged_in_the_debtors_calendar(api: TestClient, person: dict[str, str], set_clock: Any) -> None:
    # 00:30 in Beijing on the 3rd is still the 2nd in UTC: "today" is the 3rd for the debtor.
    set_clock(datetime.fromisoformat("2026-12-02T16:30:00+00:00"))
    agent01 = login(api, "agent01")
    promise = {"id": str(uuid.uuid4()), "type": "promise.add", "payload": {
        "promise_id": str(uuid.uuid4()), "case_id": person["a"], "amount_minor": 100, "due_date": "2026-12-02"}}
    response = api.post("/v1/sync/push", json={"mutations": [promise]}, headers=agent01).json()["results"][0]
    assert response["status"] == "rejected" and "2026-12-03" in response["reason"]


def test_a_call_the_debtor_made_is_no_contact_we_placed(api: TestClient, db: Database, person: dict[str, str],
                                                        set_clock: Any) -> None:
    agent01 = login(api, "agent01")
    now = clock.now()
    inbound = []
    for k in range(6):
        mutation = _attempt(person["a"], person["phone_a"], now - timedelta(minutes=30 - k), "right_party", "refusal")
        mutation["payload"]["direction"] = "inbound"
        inbound.append(mutation)
    assert _push(api, agent01, *inbound) == ["applied"] * 6
    assert all(_flag(db, m) is None for m in inbound)
    outbound = _attempt(person["a"], person["phone_a"], now)
    _push(api, agent01, outbound)
    assert _flag(db, outbound) is None, "six calls the debtor made leave the six dials of the day"
    # The debtor may call in at 23:00; the contact hours bind the calls we make.
    late = clock.now().replace(hour=15, minute=0) + timedelta(days=1)  # 23:00 in Beijing
    set_clock(late)
    agent01 = login(api, "agent01")
    night = _attempt(person["a"], person["phone_a"], late, "right_party", "refusal")
    night["payload"]["direction"] = "inbound"
    _push(api, agent01, night)
    assert _flag(db, night) is None
