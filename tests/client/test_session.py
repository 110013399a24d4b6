"""The client core against the real server over HTTP on 127.0.0.1, with the real keyring.

Headless: no Qt. What an agent would notice: the queue fills, an outcome shows at once,
reaches the server exactly once, and survives restarts of both sides.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from agentdesk import clock
from agentdesk.client import errors
from agentdesk.client.session import ClientSession, store_path
from agentdesk.client.views import OutcomeDraft
from agentdesk.clock import local_today
from agentdesk.domain.money import Money
from agentdesk.server.embedded import EmbeddedServer, start_embedded_server
from agentdesk.server.models import ContactAttempt, PromiseToPay
from tests.client.helpers import dialled


def _promise_draft(session: ClientSession, case_id: str) -> OutcomeDraft:
    detail = session.case_detail(case_id)
    assert detail is not None
    phone = next(p.id for p in detail.contact_points if p.owner == "debtor" and p.kind == "phone")
    dialled(session, case_id, phone)
    return OutcomeDraft(
        case_id=case_id, reached="right_party", outcome="promise_to_pay",
        started_at=clock.now() - timedelta(minutes=3), contact_point_id=phone,
        note="客户承诺五天内还款 1500 元", promise_amount=Money.parse("1,500.00"),
        promise_date=local_today("Asia/Shanghai") + timedelta(days=5),
    )


def _open_case_with_room(session: ClientSession) -> str:
    for row in session.queue():
        if row.status == "open" and row.outstanding.minor >= 150000:
            return row.case_id
    raise AssertionError("the demo portfolio has no open case owing 1,500.00")


def test_login_sync_record_and_it_survives_restarts(live_server: EmbeddedServer, secret_service: Any,
                                                     tmp_path: Path) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    queue = session.queue()
    assert len(queue) > 20
    assert all(row.reasons for row in queue[:10]), "every queued case says why it sits where it sits"
    case_id = _open_case_with_room(session)

    attempt_id = session.record_outcome(_promise_draft(session, case_id))
    # Shown at once, before any network: the attempt is pending in the case's timeline.
    detail = session.case_detail(case_id)
    assert detail is not None and detail.attempts[0].id == attempt_id and detail.attempts[0].pending
    assert detail.promises[0].amount == Money(150000, "CNY")
    assert session.status().pending == 2

    session.sync_now()
    assert session.status().pending == 0
    detail = session.case_detail(case_id)
    assert detail is not None
    assert detail.attempts[0].id == attempt_id and not detail.attempts[0].pending
    session.stop()

    # Restart the server on the same database; restart the client from its cache.
    db_url, port = live_server.database.url, live_server.port
    live_server.stop()
    server = start_embedded_server(db_url, port=port, seed=False)
    try:
        with server.database.transaction() as s:
            rows = s.scalars(select(ContactAttempt).where(ContactAttempt.id == attempt_id)).all()
            assert len(rows) == 1 and rows[0].note == "客户承诺五天内还款 1500 元"
            promise = s.scalars(select(PromiseToPay).where(PromiseToPay.attempt_id == attempt_id)).one()
            assert promise.amount_minor == 150000 and promise.status == "pending"
        again = ClientSession.open_cached(server.url, "agent01")
        detail = again.case_detail(case_id)
        assert detail is not None and detail.attempts[0].id == attempt_id
        again.stop()
    finally:
        server.stop()


def test_the_local_store_is_encrypted_and_the_key_lives_in_the_keyring(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    session.stop()
    path = store_path(live_server.url, "agent01")
    raw = path.read_bytes()
    assert raw[:16] != b"SQLite format 3\x00", "the local store must not be a plain SQLite file"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("select count(*) from cases").fetchone()
    import keyring

    assert keyring.get_password("AgentDesk", f"refresh|{live_server.url}|agent01")


def test_wrong_password_and_unreachable_server_are_explained(live_server: EmbeddedServer,
                                                              secret_service: Any) -> None:
    with pytest.raises(errors.AuthenticationFailed, match="Wrong username or password"):
        ClientSession.login(live_server.url, "agent01", "not-it")
    with pytest.raises(errors.ServerUnreachable, match="127.0.0.1:9"):
        ClientSession.login("http://127.0.0.1:9", "agent01", "demo")
    with pytest.raises(errors.NoCachedData):
        ClientSession.open_cached("http://127.0.0.1:9", "agent01")


def test_offline_writes_wait_in_the_outbox_and_arrive_later(live_server: EmbeddedServer,
                                                             secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    case_id = _open_case_with_room(session)
    db_url, port = live_server.database.url, live_server.port
    live_server.stop()
    session.add_note(case_id, "离线时写的备注")
    with pytest.raises(errors.ServerUnreachable):
        session.sync_now()
    assert session.status().pending == 1
    server = start_embedded_server(db_url, port=port, seed=False)
    try:
        session.sync_now()
        assert session.status().pending == 0
        detail = session.case_detail(case_id)
        assert detail is not None and detail.notes[0].text == "离线时写的备注" and not detail.notes[0].pending
    finally:
        session.stop()
        server.stop()


def test_an_invalid_outcome_is_refused_before_it_is_written(live_server: EmbeddedServer,
                                                             secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    case_id = _open_case_with_room(session)
    too_much = OutcomeDraft(case_id=case_id, reached="right_party", outcome="promise_to_pay",
                            started_at=clock.now(), promise_amount=Money(10**11),
                            promise_date=local_today("Asia/Shanghai") + timedelta(days=2))
    with pytest.raises(errors.InvalidOutcome, match="exceeds the outstanding balance"):
        session.record_outcome(too_much)
    mismatch = OutcomeDraft(case_id=case_id, reached="nobody", outcome="promise_to_pay",
                            started_at=clock.now())
    with pytest.raises(errors.InvalidOutcome, match="cannot follow"):
        session.record_outcome(mismatch)
    assert session.status().pending == 0
    session.stop()
