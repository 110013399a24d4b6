"""A desk can pull while many outcomes wait for the change counter.

Every write holds the change counter's row lock until it commits, so writes go one at a
time. At 500 desks (bench/bench_load.py) the waiting pushes held every thread of the API
process and pulls waited 10-30 s behind them. Here another transaction holds the counter
while 45 pushes arrive (more than the 40 threads the routes share): a pull still answers,
and once the counter is free every push is applied.
"""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import func, select

from agentdesk.server.embedded import start_embedded_server
from agentdesk.server.models import Case, Note, User
from tests.conftest import fresh_postgres_database

PUSHES = 45


def _lock_waiters(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock'").fetchone()
    return int(row[0]) if row else 0


@pytest.mark.postgres
def test_a_pull_answers_while_pushes_wait_for_the_counter(postgres_url: str) -> None:
    with fresh_postgres_database(postgres_url) as url:
        server = start_embedded_server(url, seed=True, cases=20)
        try:
            with server.database.transaction() as s:
                agent_id = s.scalar(select(User.id).where(User.username == "agent01"))
                case_id = s.scalar(select(Case.id).where(Case.assigned_agent_id == agent_id).limit(1))
            with httpx.Client(base_url=server.url, timeout=60) as http:
                token = http.post("/v1/auth/login", json={"username": "agent01", "password": "demo"}).json()
                headers = {"Authorization": f"Bearer {token['access_token']}"}

                def push(i: int) -> Any:
                    body = {"mutations": [{"id": str(uuid.uuid4()), "type": "note.add",
                                           "payload": {"case_id": case_id, "text": f"排队测试 {i}"}}]}
                    return http.post("/v1/sync/push", json=body, headers=headers)

                with psycopg.connect(server.database.psycopg_dsn()) as holder, \
                        psycopg.connect(server.database.psycopg_dsn(), autocommit=True) as watcher, \
                        ThreadPoolExecutor(PUSHES) as pool:
                    holder.execute("UPDATE sync_counter SET value = value WHERE id = 1")  # holds the counter
                    pushes = [pool.submit(push, i) for i in range(PUSHES)]
                    deadline = time.monotonic() + 30
                    while _lock_waiters(watcher) < 4 and time.monotonic() < deadline:
                        time.sleep(0.02)
                    assert _lock_waiters(watcher) >= 4, "the pushes never reached the counter"
                    started = time.monotonic()
                    pulled = http.get("/v1/sync/pull", headers=headers, timeout=10)
                    waited = time.monotonic() - started
                    holder.commit()
                    answers = [p.result(timeout=60) for p in pushes]
            assert pulled.status_code == 200 and waited < 10
            assert [a.status_code for a in answers] == [200] * PUSHES
            assert {a.json()["results"][0]["status"] for a in answers} == {"applied"}
            with server.database.transaction() as s:
                assert s.scalar(select(func.count()).select_from(Note)
                                .where(Note.text.like("排队测试 %"))) == PUSHES
        finally:
            server.stop()
