"""Release blocker: every operation of /openapi.json × every role × objects of both teams.

Roles: anonymous, an agent of each team, the lead of each team, the admin. Objects: each
team's case, contact point, call, reassignment, agents and a lender file naming the team's
account and person. Requests come from the OpenAPI document (tests/support/openapi_requests.py),
so a new route is covered here without this test being edited. After every request:

- no 5xx, and a 429 says when to come back (Retry-After);
- nothing outside the caller's scope changed (cases' owners, teams and states, their history,
  balances and numbers, people);
- the answer names nothing outside the caller's scope (case, account, person, number, user,
  call) that the caller did not send itself.

Two cross-case effects are the rules' own (DOMAIN.md, "Everywhere"; issue 15), not leaks: a
case document carries the calls made to the same person or number on other cases (their
ids, times and channels, `related_contacts`: the limits count them), and a write gives
those related cases a new change number (their documents changed). So a change number
alone is not a write here, and those calls' ids are not secrets.

An agent's scope is their own cases, a lead's their team's, the admin's everything,
anonymous nothing. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, or_, select

from agentdesk import clock
from agentdesk.server.app import create_app
from agentdesk.server.db import Database
from agentdesk.server.events import EventHub
from agentdesk.server.models import (
    Account,
    Callback,
    Case,
    ContactAttempt,
    ContactPoint,
    Debtor,
    Note,
    Payment,
    PromiseToPay,
    ScopeExit,
    Team,
    User,
)
from tests.server.helpers import login
from tests.support.openapi_requests import Request, RequestBuilder, Target, lender_file
from tests.support.times import last_local

ROLES = ("anonymous", "agent01", "agent04", "lead01", "lead02", "admin")
_HISTORY = (Note, ContactAttempt, PromiseToPay, Callback, ContactPoint, Payment, Account)
_WORDS = re.compile(r"[0-9A-Za-z][0-9A-Za-z\-]{5,}")


@dataclass
class World:
    api: TestClient
    db: Database
    tokens: dict[str, dict[str, str]]
    targets: list[Target]


def _push(api: TestClient, headers: dict[str, str], *mutations: dict[str, Any]) -> list[dict[str, Any]]:
    response = api.post("/v1/sync/push", headers=headers, json={"mutations": list(mutations)})
    assert response.status_code == 200, response.text
    return list(response.json()["results"])


def _team_objects(api: TestClient, db: Database, team_name: str, lead: str, first: str, second: str,
                  third: str) -> Target:
    """A case of `first` with a call (flagged: at night), a rejected write, a number waiting for
    verification, a promise due and unpaid, and a reassignment of one of `second`'s cases."""
    with db.transaction() as s:
        team = s.scalar(select(Team.id).where(Team.name == team_name))
        ids = {u.username: u.id for u in s.scalars(select(User).where(User.team_id == team))}
        case = s.scalar(select(Case).where(Case.assigned_agent_id == ids[first], Case.status == "open")
                        .order_by(Case.id).limit(1))
        assert case is not None
        account = s.scalar(select(Account.account_no).where(Account.case_id == case.id).limit(1))
        person = s.scalar(select(Debtor.national_id).where(Debtor.id == case.debtor_id))
        moved = s.scalar(select(Case.id).where(Case.assigned_agent_id == ids[second]).limit(1))
        case_id, lender = case.id, case.lender
        s.add(PromiseToPay(case_id=case_id, amount_minor=100, due_date=date(2020, 1, 2)))
    agent = login(api, first)
    attempt_id, point_id = str(uuid.uuid4()), str(uuid.uuid4())
    night = last_local(clock.now(), 23)
    results = _push(api, agent,
                    {"id": str(uuid.uuid4()), "type": "attempt.record", "payload": {
                        "attempt_id": attempt_id, "case_id": case_id, "started_at": night.isoformat(),
                        "reached": "nobody", "outcome": "no_answer"}},
                    {"id": str(uuid.uuid4()), "type": "contact_point.add", "payload": {
                        "point_id": point_id, "case_id": case_id, "value": "13812345678", "owner": "debtor"}},
                    {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": case_id}})
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"], results
    reassigned = api.post("/v1/cases/reassign", headers=login(api, lead),
                          json={"case_ids": [moved], "mode": "one", "agent_ids": [ids[third]]})
    assert reassigned.status_code == 200, reassigned.text
    pool = {"team_id": team, "case_id": case_id, "point_id": point_id, "contact_point_id": point_id,
            "attempt_id": attempt_id, "reassignment_id": reassigned.json()["reassignment_id"],
            "agent_id": ids[second], "lender": lender}
    return Target(team=team, pool=pool, file=lender_file(account or "", person or "", lender),
                  file_text=f"{account} {person}")


@pytest.fixture
def world(db: Database) -> Iterator[World]:
    hub = EventHub()
    hub.closing = True  # an event stream answers its hello and ends, instead of streaming forever
    with TestClient(create_app(db, hub)) as api:
        targets = [_team_objects(api, db, "催收一组", "lead01", "agent01", "agent02", "agent03"),
                   _team_objects(api, db, "催收二组", "lead02", "agent04", "agent05", "agent06")]
        tokens = {role: ({} if role == "anonymous" else login(api, role)) for role in ROLES}
        yield World(api, db, tokens, targets)


# --- what lies outside a caller's scope -----------------------------------------------------


def _caller(db: Database, role: str) -> User | None:
    if role == "anonymous":
        return None
    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == role))
        assert user is not None
        s.expunge(user)
        return user


def _outside_cases(user: User | None) -> Any:
    if user is None:
        return Case.id.is_not(None)
    if user.role == "admin":
        return Case.id.is_(None)
    if user.role == "lead":
        return or_(Case.team_id != user.team_id, Case.team_id.is_(None))
    return or_(Case.assigned_agent_id != user.id, Case.assigned_agent_id.is_(None))


def _outside_users(user: User | None) -> Any:
    if user is None:
        return User.id.is_not(None)
    if user.role == "admin":
        return User.id.is_(None)
    if user.role == "lead":
        return or_(User.team_id != user.team_id, User.team_id.is_(None))
    return User.id != user.id


def _fingerprint(db: Database, user: User | None) -> dict[str, Any]:
    """Everything outside the caller's scope that a write could change: the cases, the rows
    of their history (counted, and the statuses and balances that writes update), the people."""
    with db.transaction() as s:
        outside = select(Case.id).where(_outside_cases(user)).scalar_subquery()
        history = [select(func.count()).select_from(model).where(model.case_id.in_(outside)).scalar_subquery()
                   for model in _HISTORY]
        history += [
            select(func.coalesce(func.sum(Account.overdue_minor + Account.outstanding_minor
                                          + Account.days_past_due), 0))
            .where(Account.case_id.in_(outside)).scalar_subquery(),
            select(func.count()).select_from(ContactPoint)
            .where(ContactPoint.case_id.in_(outside), ContactPoint.status != "valid").scalar_subquery(),
            select(func.count()).select_from(PromiseToPay)
            .where(PromiseToPay.case_id.in_(outside), PromiseToPay.status != "pending").scalar_subquery(),
        ]
        return {
            "cases": {r[0]: tuple(r[1:]) for r in s.execute(
                select(Case.id, Case.assigned_agent_id, Case.team_id, Case.status, Case.hold_reason)
                .where(_outside_cases(user)))},
            "users": {r[0]: tuple(r[1:]) for r in s.execute(
                select(User.id, User.team_id, User.role, User.active, User.agent_state, User.password_hash)
                .where(_outside_users(user)))},
            "history": tuple(s.execute(select(*history)).one()),
        }


def _secrets(db: Database, user: User | None) -> set[str]:
    """Ids and numbers of what lies outside the caller's scope (minus what is also inside it,
    and the ids of cases that left the caller's scope: a pull rightly names them to remove)."""
    def collect(where_cases: Any, where_users: Any) -> set[str]:
        with db.transaction() as s:
            cases = select(Case.id).where(where_cases)
            found = set(s.scalars(cases))
            found |= set(s.scalars(select(Account.account_no).where(Account.case_id.in_(cases))))
            found |= set(s.scalars(select(Debtor.national_id).join(Case, Case.debtor_id == Debtor.id)
                                   .where(where_cases)))
            for point_id, value in s.execute(select(ContactPoint.id, ContactPoint.value)
                                             .where(ContactPoint.case_id.in_(cases))):
                found |= {point_id, value}
            found |= set(s.scalars(select(ContactAttempt.id).where(ContactAttempt.case_id.in_(cases))))
            found |= set(s.scalars(select(User.id).where(where_users)))
            return {f for f in found if f and len(f) >= 6}

    outside = collect(_outside_cases(user), _outside_users(user))
    inside = collect(~_outside_cases(user), ~_outside_users(user)) | _related_calls(db, ~_outside_cases(user))
    if user is not None:
        with db.transaction() as s:
            left = set(s.scalars(select(ScopeExit.case_id).where(
                or_(ScopeExit.agent_id == user.id, ScopeExit.team_id == user.team_id))))
        inside |= left
    return outside - inside


def _related_calls(db: Database, where_cases: Any) -> set[str]:
    """Ids of calls on other cases to the same people or numbers as these cases: the documents
    of these cases carry them (persons.related_contacts)."""
    with db.transaction() as s:
        cases = select(Case.id).where(where_cases)
        people = select(Debtor.person_key).join(Case, Case.debtor_id == Debtor.id).where(where_cases)
        numbers = select(ContactPoint.number).where(ContactPoint.case_id.in_(cases), ContactPoint.number.is_not(None))
        by_person = select(ContactAttempt.id).join(Case, Case.id == ContactAttempt.case_id).join(
            Debtor, Debtor.id == Case.debtor_id).where(Debtor.person_key.in_(people), Debtor.person_key != "")
        by_number = select(ContactAttempt.id).join(ContactPoint, ContactPoint.id == ContactAttempt.contact_point_id
                                                   ).where(ContactPoint.number.in_(numbers))
        return set(s.scalars(by_person)) | set(s.scalars(by_number))


def _leaked(text: str, secrets: set[str], sent: str) -> set[str]:
    found = set(_WORDS.findall(text)) & secrets
    found |= {s for s in secrets if not s.isascii() and s in text}  # account numbers with a lender prefix
    return {s for s in found if s not in sent}


def _send(api: TestClient, request: Request, headers: dict[str, str]) -> Any:
    if request.files is not None:
        return api.request(request.method, request.path, params=request.params, headers=headers,
                           files=request.files, data=request.data)
    return api.request(request.method, request.path, params=request.params, headers=headers, json=request.json)


def test_no_role_reads_or_writes_outside_its_scope_and_nothing_answers_5xx(world: World) -> None:
    api, db = world.api, world.db
    builder = RequestBuilder(api.get("/openapi.json").json())
    operations = list(builder.operations())
    problems: list[str] = []
    sent = covered = 0
    for role in ROLES:
        user = _caller(db, role)
        before, secrets = _fingerprint(db, user), _secrets(db, user)
        tried: set[str] = set()
        for target in world.targets:
            for method, path, op in operations:
                for request in builder.requests(method, path, op, target):
                    key = repr((request.method, request.path, sorted(request.params.items()), request.data))
                    if request.json is None and request.files is None and key in tried:
                        continue  # the same request for both targets (an omitted team, no ids)
                    tried.add(key)
                    response = _send(api, request, world.tokens[role])
                    sent += 1
                    covered += response.status_code < 400
                    where = f"{role} → {request.label} [{target.team[:8]}]"
                    if response.status_code >= 500:
                        problems.append(f"{where}: {response.status_code} {response.text[:200]}")
                    if response.status_code == 429 and "retry-after" not in response.headers:
                        problems.append(f"{where}: 429 without Retry-After")
                    after = _fingerprint(db, user)
                    changed = [k for k in before if before[k] != after[k]]
                    if changed:
                        problems.append(f"{where}: changed {', '.join(changed)} outside the caller's scope")
                    leaked = _leaked(response.text, secrets, request.mentions())
                    if leaked:
                        problems.append(f"{where}: answered {len(leaked)} value(s) outside the caller's scope")
                    before = after  # the state the next request starts from
                    if request.method != "GET" and response.status_code < 400:
                        secrets = _secrets(db, user)  # a write may have moved what the caller holds
    assert not problems, "\n".join(problems[:30])
    # The matrix reached the routes, not only their refusals: every operation and role was tried.
    assert sent >= len(operations) * len(ROLES) * len(world.targets)
    assert covered > sent // 4, (covered, sent)
