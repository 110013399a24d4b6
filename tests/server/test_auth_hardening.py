"""Logins and tokens as an attacker meets them: no account names to enumerate, no account to
lock by naming it, throttling that slows guessing from an address or at an account and says
when to come back, and tokens accepted only when they are our access tokens."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from datetime import timedelta

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from agentdesk import clock
from agentdesk.clock import FixedClock
from agentdesk.server import auth, login_throttle
from agentdesk.server.app import create_app
from agentdesk.server.db import Database
from agentdesk.server.models import User


@pytest.fixture
def fixed() -> FixedClock:
    return FixedClock(clock.now())


@pytest.fixture
def app_client(db: Database, fixed: FixedClock) -> Iterator[TestClient]:
    with TestClient(create_app(db, clock=fixed), client=("203.0.113.7", 50000)) as client:
        yield client


def _login(api: TestClient, username: str, password: str) -> tuple[int, dict, dict[str, str]]:
    response = api.post("/v1/auth/login", json={"username": username, "password": password})
    return response.status_code, response.json(), dict(response.headers)


def test_unknown_name_wrong_password_and_disabled_account_answer_alike(app_client: TestClient, db: Database) -> None:
    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == "agent03"))
        assert user is not None
        user.active = False
    answers = [_login(app_client, name, pw)[:2] for name, pw in
               (("agent01", "wrong"), ("nobody-here", "wrong"), ("agent03", "demo"))]
    assert answers[0] == answers[1] == answers[2] == (401, {"code": "invalid_credentials",
                                                            "message": "Wrong username or password."})


def test_an_account_is_throttled_not_locked_and_the_429_says_when_to_come_back(
        db: Database, fixed: FixedClock) -> None:
    app = create_app(db, clock=fixed)
    answers = {}
    # An unknown name is throttled exactly like a real one (each guessed from its own address).
    for name, address in (("agent02", "192.0.2.1"), ("nobody-at-all", "192.0.2.2")):
        with TestClient(app, client=(address, 50000)) as api:
            statuses = [_login(api, name, "wrong")[0] for _ in range(login_throttle.ACCOUNT.free_failures + 1)]
            assert statuses == [401] * (login_throttle.ACCOUNT.free_failures + 1)
            status, body, headers = _login(api, name, "demo")
            assert status == 429 and body["code"] == "too_many_attempts"
            answers[name] = (body, headers["retry-after"])
    assert answers["agent02"] == answers["nobody-at-all"] and int(answers["agent02"][1]) >= 1
    # The real owner is back in after the wait: there is no lock an attacker could keep.
    fixed.advance(timedelta(seconds=int(answers["agent02"][1])))
    with TestClient(app, client=("192.0.2.3", 50000)) as api:
        assert _login(api, "agent02", "demo")[0] == 200


def test_waits_double_up_to_a_short_cap_for_an_account(app_client: TestClient, fixed: FixedClock) -> None:
    waits = []
    for _ in range(12):
        status, _body, headers = _login(app_client, "agent01", "wrong")
        if status == 429:
            wait = int(headers["retry-after"])
            waits.append(wait)
            fixed.advance(timedelta(seconds=wait))
    assert waits == sorted(waits) and waits[0] == 1 and waits[-1] > waits[0]
    assert max(waits) <= login_throttle.ACCOUNT.max_delay.total_seconds()
    fixed.advance(login_throttle.ACCOUNT.max_delay)
    assert _login(app_client, "agent01", "demo")[0] == 200


def test_one_address_guessing_many_names_is_throttled(app_client: TestClient, db: Database) -> None:
    free = login_throttle.ADDRESS.free_failures
    statuses = [_login(app_client, f"guess{i:03d}", "wrong")[0] for i in range(free + 2)]
    assert statuses[:free + 1] == [401] * (free + 1)
    status, _body, headers = _login(app_client, "agent01", "demo")
    assert status == 429 and int(headers["retry-after"]) >= 1
    # Another address is not held back by it.
    with TestClient(create_app(db), client=("198.51.100.9", 50000)) as other:
        assert _login(other, "agent01", "demo")[0] == 200


def test_an_unknown_name_takes_as_long_as_a_wrong_password(app_client: TestClient) -> None:
    def timed(name: str) -> float:
        start = time.monotonic()
        assert _login(app_client, name, "wrong")[0] == 401
        return time.monotonic() - start

    known, unknown = [], []
    for i in range(4):  # alternate so that load on the machine hits both alike; within the free failures
        known.append(timed(f"agent0{i + 1}"))
        unknown.append(timed(f"ghost{i}"))
    ratio = statistics.median(unknown) / statistics.median(known)
    assert 0.4 < ratio < 2.5, (known, unknown)


def test_passwords_are_argon2id_at_owasp_minimum_one_hash_per_account(db: Database) -> None:
    with db.transaction() as s:
        hashes = list(s.scalars(select(User.password_hash)))
    assert len(hashes) == len(set(hashes)) > 5
    # OWASP's cheapest equal-strength argon2id configuration: 7 MiB, 5 passes, 1 lane.
    assert all(h.startswith("$argon2id$v=19$m=7168,t=5,p=1$") for h in hashes)


@pytest.mark.parametrize("old", [(19456, 2), (8192, 1)], ids=["former-19MiB-t2", "weaker"])
def test_an_older_hash_is_upgraded_at_the_next_login(app_client: TestClient, db: Database,
                                                     old: tuple[int, int]) -> None:
    """The hashes stored before the parameters changed (19 MiB, t=2 until session 8) still log
    in, with their own parameters, and are replaced by a hash at today's at that login; a
    wrong password neither logs in nor touches the stored hash."""
    from argon2 import PasswordHasher

    memory, passes = old
    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == "agent01"))
        assert user is not None
        user.password_hash = former = PasswordHasher(time_cost=passes, memory_cost=memory, parallelism=1).hash("demo")
    assert _login(app_client, "agent01", "wrong")[0] == 401
    with db.transaction() as s:
        assert s.scalar(select(User.password_hash).where(User.username == "agent01")) == former
    assert _login(app_client, "agent01", "demo")[0] == 200
    with db.transaction() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "agent01"))
    assert stored is not None and stored.startswith("$argon2id$v=19$m=7168,t=5,p=1$")
    assert _login(app_client, "agent01", "demo")[0] == 200  # the new hash logs in too


def _key(db: Database) -> str:
    with db.transaction() as s:
        return auth.signing_key(s)


def test_only_our_access_tokens_are_accepted(app_client: TestClient, db: Database, fixed: FixedClock) -> None:
    status, body, _ = _login(app_client, "agent01", "demo")
    assert status == 200
    good = body["access_token"]
    assert app_client.get("/v1/me", headers={"Authorization": f"Bearer {good}"}).status_code == 200
    claims = jwt.decode(good, options={"verify_signature": False})
    assert {"exp", "iat", "aud", "iss", "sub"} <= set(claims)
    assert jwt.get_unverified_header(good)["typ"] == auth.TOKEN_TYPE
    key, now = _key(db), fixed.now()

    def forged(drop: tuple[str, ...] = (), typ: str | None = auth.TOKEN_TYPE, secret: str | None = None,
               algorithm: str = "HS256", **changes: object) -> str:
        payload = {**claims, **changes}
        for name in drop:
            payload.pop(name, None)
        headers = {"typ": typ} if typ else {}
        return jwt.encode(payload, secret if secret is not None else key, algorithm=algorithm, headers=headers)

    refused = {
        "no exp": forged(drop=("exp",)),
        "no iat": forged(drop=("iat",)),
        "no audience": forged(drop=("aud",)),
        "another audience": forged(aud="someone-else"),
        "no issuer": forged(drop=("iss",)),
        "no typ": forged(typ=None),
        "another typ": forged(typ="JWT"),
        "a day long": forged(exp=int((now + timedelta(days=1)).timestamp())),
        "issued in the future": forged(iat=int((now + timedelta(hours=1)).timestamp()),
                                       exp=int((now + timedelta(hours=1, minutes=10)).timestamp())),
        "expired": forged(iat=int((now - timedelta(hours=1)).timestamp()),
                          exp=int((now - timedelta(minutes=50)).timestamp())),
        "another key": forged(secret="x" * 64),
        "alg none": jwt.encode({**claims}, None, algorithm="none", headers={"typ": auth.TOKEN_TYPE}),
        "sub not a string": forged(sub={"id": claims["sub"]}),
        "garbage": "not.a.token",
    }
    for what, token in refused.items():
        response = app_client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, what
        assert response.json()["code"] in ("invalid_token", "token_expired"), what
