"""Small helpers shared by the client tests: drafts, a bounded wait, checks on the server DB."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable
from datetime import timedelta

from sqlalchemy import func, select

from agentdesk import clock
from agentdesk.client.dialing import DialTicket
from agentdesk.client.session import ClientSession
from agentdesk.client.views import OutcomeDraft
from agentdesk.server.db import Database
from agentdesk.server.models import AppliedMutation, ContactAttempt, Note


def wait_until(condition: Callable[[], object], timeout: float = 10.0, what: str = "condition") -> None:
    """Poll `condition` until true or fail after `timeout` s (headless: no event loop to wait on)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.02)


def dialled(session: ClientSession, case_id: str, contact_point_id: str) -> None:
    """The desk's phone placed a call to this number, so an outcome may follow (issue 18).

    The tests of the outbox and sync run at any hour; whether the guard lets a number be
    dialled is proven where dialling is (tests/client/test_dialing.py, the phone tests).
    """
    session.dial_placed(DialTicket(str(uuid.uuid4()), case_id, contact_point_id, session.clock.now()))


def no_answer(session: ClientSession, case_id: str, note: str = "", minutes_ago: int = 1) -> OutcomeDraft:
    """A call nobody answered: a fact the server always stores, whoever owns the case now."""
    detail = session.case_detail(case_id)
    assert detail is not None
    phone = next((p.id for p in detail.contact_points if p.owner == "debtor" and p.kind == "phone"), None)
    assert phone is not None
    dialled(session, case_id, phone)
    return OutcomeDraft(case_id=case_id, reached="nobody", outcome="no_answer",
                        started_at=clock.now() - timedelta(minutes=minutes_ago),
                        contact_point_id=phone, note=note)


def open_cases(session: ClientSession, n: int) -> list[str]:
    ids = [row.case_id for row in session.queue() if row.status == "open"]
    assert len(ids) >= n, "the demo agent needs enough open cases"
    return ids[:n]


def attempts_on_server(db: Database, attempt_ids: Iterable[str]) -> dict[str, int]:
    """How many rows the server holds for each attempt id (exactly-once means all 1)."""
    ids = list(attempt_ids)
    with db.transaction() as s:
        rows = s.execute(select(ContactAttempt.id, func.count()).where(ContactAttempt.id.in_(ids))
                         .group_by(ContactAttempt.id)).all()
    found = {row[0]: int(row[1]) for row in rows}
    return {i: found.get(i, 0) for i in ids}


def notes_on_server(db: Database, note_ids: Iterable[str]) -> dict[str, int]:
    ids = list(note_ids)
    with db.transaction() as s:
        rows = s.execute(select(Note.id, func.count()).where(Note.id.in_(ids)).group_by(Note.id)).all()
    found = {row[0]: int(row[1]) for row in rows}
    return {i: found.get(i, 0) for i in ids}


def mutations_on_server(db: Database, mutation_ids: Iterable[str]) -> dict[str, str]:
    """The server's recorded answer per mutation id ("applied" / "rejected"), each recorded once."""
    ids = list(mutation_ids)
    with db.transaction() as s:
        rows = s.execute(select(AppliedMutation.id, AppliedMutation.status).where(AppliedMutation.id.in_(ids))).all()
    return {row[0]: row[1] for row in rows}


def outbox_size(session: ClientSession) -> int:
    """Every outbox row in any state: empty means nothing is waiting and nothing was kept."""
    from agentdesk.client.store import OutboxRow

    with session.store.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxRow)) or 0)
