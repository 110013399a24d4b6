"""An idle desk's pull answered in one query (agentdesk/server/idle_pull.py) answers exactly
what the full route answers, and steps aside whenever the route has anything else to say."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from agentdesk import contract
from agentdesk.clock import PROCESS, FixedClock
from agentdesk.server import auth, sync
from agentdesk.server.app import create_app
from agentdesk.server.db import Database
from agentdesk.server.idle_pull import asked
from agentdesk.server.models import Case, User
from tests.server.helpers import login, pull_all, user_id

LINES = {"Accept": f"{contract.PULL_LINES_MEDIA_TYPE}, application/json;q=0.5"}


@pytest.fixture
def pg_api(db: Database) -> Iterator[TestClient]:
    if not db.is_postgres:
        pytest.skip("the idle pull's query is PostgreSQL's (on SQLite the route answers every pull)")
    with TestClient(create_app(db)) as client:
        yield client


def _answered(api: TestClient) -> int:
    return int(api.app.state.idle_pulls["answered"])  # type: ignore[attr-defined]


def _route_answer(db: Database, username: str, cursor: str, lines: bool) -> bytes:
    """What the full route's code builds for this pull, called directly."""
    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        body = sync.pull_lines(s, user, cursor, 500) if lines else sync.pull_json(s, user, cursor, 500)
    return body if isinstance(body, bytes) else body.encode()


def _note(api: TestClient, headers: dict[str, str], case_id: str) -> None:
    response = api.post("/v1/sync/push", headers=headers, json={"mutations": [{
        "id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": case_id, "text": "回电确认"}}]})
    assert response.status_code == 200 and response.json()["results"][0]["status"] == "applied", response.text


def _own_case(db: Database, username: str) -> str:
    with db.transaction() as s:
        found = s.scalar(select(Case.id).where(Case.assigned_agent_id == user_id(db, username)).order_by(Case.id))
    assert found is not None
    return found


@pytest.mark.parametrize("username", ["agent01", "lead01", "admin"])
def test_an_idle_pull_answers_what_the_route_answers(pg_api: TestClient, db: Database, username: str) -> None:
    headers = login(pg_api, username)
    _changes, cursor = pull_all(pg_api, headers)
    # The scheme in lower case: the route accepts it, the fast path leaves it to the route.
    by_route = {"Authorization": headers["Authorization"].replace("Bearer ", "bearer ")}
    for extra, lines in (({}, False), (LINES, True)):
        before = _answered(pg_api)
        slow = pg_api.get("/v1/sync/pull", params={"cursor": cursor, "limit": 500}, headers={**by_route, **extra})
        assert _answered(pg_api) == before
        fast = pg_api.get("/v1/sync/pull", params={"cursor": cursor, "limit": 500}, headers={**headers, **extra})
        assert _answered(pg_api) == before + 1
        assert (fast.status_code, fast.content, fast.headers) == (slow.status_code, slow.content, slow.headers)
        assert fast.content == _route_answer(db, username, cursor, lines)


def test_a_change_in_scope_goes_to_the_route(pg_api: TestClient, db: Database) -> None:
    agent = login(pg_api, "agent01")
    _changes, cursor = pull_all(pg_api, agent)
    pg_api.get("/v1/sync/pull", params={"cursor": cursor}, headers=agent)  # the route, once
    lead, other_lead = login(pg_api, "lead01"), login(pg_api, "lead02")
    _c, lead_cursor = pull_all(pg_api, lead)
    _c, other_cursor = pull_all(pg_api, other_lead)
    case_id = _own_case(db, "agent01")
    _note(pg_api, agent, case_id)

    before = _answered(pg_api)
    changes, _cursor = pull_all(pg_api, agent, cursor)
    assert [c["id"] for c in changes] == [case_id]
    changes, _cursor = pull_all(pg_api, lead, lead_cursor)
    assert [c["id"] for c in changes] == [case_id]
    assert _answered(pg_api) == before
    changes, _cursor = pull_all(pg_api, other_lead, other_cursor)  # another team's case: nothing new
    assert changes == [] and _answered(pg_api) == before + 1


def test_a_case_leaving_the_scope_goes_to_the_route(pg_api: TestClient, db: Database) -> None:
    agent = login(pg_api, "agent02")
    _changes, cursor = pull_all(pg_api, agent)
    pg_api.get("/v1/sync/pull", params={"cursor": cursor}, headers=agent)
    case_id = _own_case(db, "agent02")
    moved = pg_api.post("/v1/cases/reassign", headers=login(pg_api, "lead01"),
                        json={"case_ids": [case_id], "mode": "one", "agent_ids": [user_id(db, "agent03")]})
    assert moved.status_code == 200, moved.text
    before = _answered(pg_api)
    changes, _cursor = pull_all(pg_api, agent, cursor)
    assert [(c["id"], c["op"]) for c in changes] == [(case_id, "remove")]
    assert _answered(pg_api) == before


def test_refusals_stay_the_routes(pg_api: TestClient, db: Database) -> None:
    agent = login(pg_api, "agent01")
    _changes, cursor = pull_all(pg_api, agent)
    pg_api.get("/v1/sync/pull", params={"cursor": cursor}, headers=agent)
    before = _answered(pg_api)
    ident, _sep, seq = cursor.partition(".")
    foreign = pg_api.get("/v1/sync/pull", params={"cursor": f"{'0' * 16}.{seq}"}, headers=agent)
    assert foreign.status_code == 409 and foreign.json()["code"] == contract.FOREIGN_CURSOR
    past = pg_api.get("/v1/sync/pull", params={"cursor": f"{ident}.{int(seq) + 10**6}"}, headers=agent)
    assert past.status_code == 409
    bad_limit = pg_api.get("/v1/sync/pull", params={"cursor": cursor, "limit": 5000}, headers=agent)
    assert bad_limit.status_code == 422
    with db.transaction() as s:
        s.execute(update(User).where(User.username == "agent01").values(active=False))
    disabled = pg_api.get("/v1/sync/pull", params={"cursor": cursor}, headers=agent)
    assert disabled.status_code == 401 and disabled.json()["code"] == "invalid_token"
    assert _answered(pg_api) == before


def test_an_expired_token_is_refused(db: Database) -> None:
    if not db.is_postgres:
        pytest.skip("PostgreSQL only, as above")
    moved = FixedClock(PROCESS.now())
    with TestClient(create_app(db, clock=moved)) as api:
        agent = login(api, "agent01")
        _changes, cursor = pull_all(api, agent)
        api.get("/v1/sync/pull", params={"cursor": cursor}, headers=agent)
        before = _answered(api)
        moved.advance(auth.ACCESS_TTL + timedelta(seconds=1))
        expired = api.get("/v1/sync/pull", params={"cursor": cursor}, headers=agent)
        assert expired.status_code == 401 and expired.json()["code"] == "token_expired"
        assert _answered(api) == before


def _scope(query: bytes, *headers: tuple[bytes, bytes]) -> dict[str, object]:
    return {"type": "http", "method": "GET", "path": "/v1/sync/pull", "query_string": query, "headers": list(headers)}


def test_only_plainly_well_formed_pulls_are_taken_on() -> None:
    token = (b"authorization", b"Bearer abc.def.ghi")
    cursor = b"cursor=0123456789abcdef.42"
    assert asked(_scope(cursor + b"&limit=1000", token)) == ("abc.def.ghi", "0123456789abcdef", 42, False)
    assert asked(_scope(cursor, token, (b"accept", LINES["Accept"].encode()))) == (
        "abc.def.ghi", "0123456789abcdef", 42, True)
    for query, headers in [
        (b"", [token]),  # a first pull: people and every case
        (b"cursor=0123456789abcdef.0", [token]),
        (b"cursor=42", [token]),  # an older server's cursor: the route renames it
        (cursor + b"&limit=0", [token]), (cursor + b"&limit=2001", [token]), (cursor + b"&limit=05", [token]),
        (cursor + b"&" + cursor, [token]),
        (cursor, []), (cursor, [(b"authorization", b"bearer abc")]), (cursor, [token, token]),
        (cursor, [token, (b"accept", b"application/json"), (b"accept", b"application/x-ndjson")]),
    ]:
        assert asked(_scope(query, *headers)) is None, (query, headers)
