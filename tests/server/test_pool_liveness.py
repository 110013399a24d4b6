"""A pooled PostgreSQL connection the server ended is replaced on checkout, without a
round trip for the live ones (agentdesk/server/db.py: `_looks_alive`)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, text

from agentdesk.server.app import create_app
from agentdesk.server.db import Database
from tests.server.helpers import login, pull_all


@pytest.fixture
def pg(db: Database) -> Iterator[Database]:
    if not db.is_postgres:
        pytest.skip("SQLite has no server to end a connection")
    yield db


def _end_pooled_backends(db: Database) -> int:
    """End every backend of the test's database but this one's, waiting until each is gone
    (as a restart or an idle timeout on the server would)."""
    with psycopg.connect(db.psycopg_dsn(), autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        ).fetchall()
    return len(rows)


def _counting_pings(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each ping the pool sends (SQLAlchemy's own, called through, only recorded)."""
    dialect = db.engine.dialect
    pings: list[bool] = []
    real = dialect.do_ping

    def ping(dbapi_connection: object) -> bool:
        pings.append(True)
        return real(dbapi_connection)

    monkeypatch.setattr(dialect, "do_ping", ping)
    return pings


def test_a_live_pooled_connection_is_handed_out_without_a_ping(pg: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with pg.engine.connect() as conn:
        conn.execute(text("SELECT 1"))  # one pooled connection, used once
    pings = _counting_pings(pg, monkeypatch)
    sent: list[str] = []
    event.listen(pg.engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    for _ in range(3):
        with pg.transaction() as s:
            assert s.execute(text("SELECT 41 + 1")).scalar() == 42
    assert sent == ["SELECT 41 + 1"] * 3
    assert pings == []  # pool_pre_ping sent one per checkout


def test_an_ended_connection_is_pinged_and_replaced(pg: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with pg.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    assert _end_pooled_backends(pg) >= 1
    pings = _counting_pings(pg, monkeypatch)
    with pg.transaction() as s:
        assert s.execute(text("SELECT 41 + 1")).scalar() == 42
    assert pings == [True]  # the dead one's ping failed; the new connection needs none


def test_requests_go_on_after_the_server_ends_the_pooled_connections(pg: Database) -> None:
    with TestClient(create_app(pg)) as api:
        headers = login(api, "agent01")
        first = pull_all(api, headers)
        # Several pooled connections, all idle in the pool.
        with pg.engine.connect() as a, pg.engine.connect() as b:
            a.execute(text("SELECT 1"))
            b.execute(text("SELECT 1"))
        assert _end_pooled_backends(pg) >= 2
        for _ in range(3):  # each would have been a 500 with a dead connection handed out
            again = api.get("/v1/sync/pull", headers=headers)
            assert again.status_code == 200, again.text
        assert pull_all(api, headers) == first
        assert api.get("/v1/me", headers=headers).status_code == 200
