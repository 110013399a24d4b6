"""A push that PostgreSQL fails to break a lock cycle is applied, not answered with HTTP 500.

Under 500 simulated desks (bench/bench_load.py) two writers locked the same rows in
different orders and PostgreSQL failed one push with deadlock_detected: the desk saw a
server error and sent the outcome again later. Here the cycle is made on purpose: another
transaction holds a case the push changes and then asks for the change counter the push holds.
"""

from __future__ import annotations

import threading
import time
import uuid
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select

from agentdesk import clock, contract
from agentdesk.server import sync
from agentdesk.server.embedded import prepare_database
from agentdesk.server.models import Case, ContactAttempt, ContactPoint, User
from tests.conftest import fresh_postgres_database


def _wait_until_blocked(conn: psycopg.Connection[Any], deadline: float) -> None:
    """Until another backend of this database waits for a lock (the push, on the case row)."""
    while time.monotonic() < deadline:
        waiting = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                               "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()").fetchone()
        if waiting and waiting[0]:
            return
        time.sleep(0.02)
    raise AssertionError("the push never waited for the case row")


@pytest.mark.postgres
def test_a_push_caught_in_a_lock_cycle_is_applied(postgres_url: str) -> None:
    """An outcome on case A changes the document of B, the same person's other case; another
    desk's write holds B and waits for the change counter the push holds."""
    with fresh_postgres_database(postgres_url) as url:
        db = prepare_database(url, seed=True, cases=20)
        try:
            with db.transaction() as s:
                agent = s.scalar(select(User).where(User.username == "agent01"))
                assert agent is not None
                first, second = s.scalars(select(Case).where(Case.assigned_agent_id == agent.id,
                                                             Case.status == "open").limit(2)).all()
                second.debtor.person_key = first.debtor.person_key  # one person, two loans
                case_id, other_case = first.id, second.id
                point_id = s.scalar(select(ContactPoint.id).where(ContactPoint.case_id == case_id,
                                                                  ContactPoint.kind == "phone"))
                server_now = clock.now()
            attempt_id = uuid.uuid4()
            mutation = contract.Mutation(id=uuid.uuid4(), type="attempt.record", payload={
                "attempt_id": str(attempt_id), "case_id": case_id, "contact_point_id": point_id,
                "started_at": (server_now - timedelta(minutes=2)).isoformat(),
                "ended_at": (server_now - timedelta(minutes=1)).isoformat(),
                "reached": "nobody", "outcome": "no_answer"})
            outcome: list[Any] = []
            with psycopg.connect(db.psycopg_dsn()) as other, psycopg.connect(db.psycopg_dsn(),
                                                                              autocommit=True) as watcher:
                # This side waits long before looking for a cycle: the push (1 s) finds it and is failed.
                other.execute("SET deadlock_timeout = '20s'")
                other.execute("SELECT id FROM cases WHERE id = %s FOR UPDATE", (other_case,))
                pusher = threading.Thread(target=lambda: outcome.append(_push(db, agent.id, mutation)))
                pusher.start()
                _wait_until_blocked(watcher, time.monotonic() + 30)
                # The push holds A and the counter and waits for B; now this one asks for the counter.
                other.execute("UPDATE sync_counter SET value = value + 1 WHERE id = 1")
                other.commit()
                pusher.join(timeout=60)
            assert outcome, "the push did not return"
            result = outcome[0]
            assert not isinstance(result, BaseException), f"the push failed: {result!r}"
            assert [r.status for r in result.results] == ["applied"]
            with db.transaction() as s:
                assert s.scalar(select(func.count()).select_from(ContactAttempt)
                                .where(ContactAttempt.id == str(attempt_id))) == 1
        finally:
            db.dispose()


def _push(db: Any, user_id: str, mutation: contract.Mutation) -> Any:
    try:
        return sync.push(db, user_id, [mutation])
    except BaseException as exc:  # noqa: BLE001 - handed to the test thread to assert on
        return exc
