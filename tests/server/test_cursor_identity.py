"""Every pull cursor names the database it came from (issue 18).

The real server over HTTP on 127.0.0.1, on SQLite and on PostgreSQL. A backup restored as
another database (a copied SQLite file; on PostgreSQL a database made from the original as
its template, as a restore into a new database is) answers the old cursor with the typed
`foreign_cursor`, and so does a cursor past the server's history.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from agentdesk import contract
from agentdesk.server.db import Database
from agentdesk.server.embedded import start_embedded_server
from agentdesk.server.migrate import upgrade
from agentdesk.server.seed import seed_demo


@contextmanager
def _serving(url: str) -> Iterator[httpx.Client]:
    server = start_embedded_server(url, seed=False)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            yield client
    finally:
        server.stop()


def _agent(http: httpx.Client) -> dict[str, str]:
    response = http.post("/v1/auth/login", json={"username": "agent01", "password": "demo"})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _pull(http: httpx.Client, headers: dict[str, str], cursor: str | None = None) -> httpx.Response:
    return http.get("/v1/sync/pull", params={"cursor": cursor} if cursor else {}, headers=headers)


def _full_pull(http: httpx.Client, headers: dict[str, str]) -> tuple[set[str], str]:
    cases: set[str] = set()
    cursor: str | None = None
    while True:
        response = _pull(http, headers, cursor)
        assert response.status_code == 200, response.text
        body = response.json()
        cases |= {c["id"] for c in body["changes"] if c["entity"] == "case" and c["op"] == "upsert"}
        cursor = body["cursor"]
        if not body["has_more"]:
            return cases, cursor


@contextmanager
def _copy_of(database_url: str, tmp_path: Path) -> Iterator[str]:
    """The database restored from a backup, as another database."""
    if database_url.startswith("sqlite"):
        source = make_url(database_url).database
        assert source
        target = tmp_path / "restored.db"
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        yield f"sqlite:///{target.as_posix()}"
        return
    import psycopg
    from psycopg import sql

    url = make_url(database_url)
    admin = url.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    name = f"{url.database}_restored"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name),
                                                                      sql.Identifier(url.database)))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def seeded(database_url: str) -> str:
    upgrade(database_url)
    db = Database(database_url)
    with db.transaction() as s:
        seed_demo(s, cases=30, agents_per_team=2)
    db.dispose()
    return database_url


def test_cursors_name_the_database_and_its_history(seeded: str) -> None:
    with _serving(seeded) as http:
        agent = _agent(http)
        cases, cursor = _full_pull(http, agent)
        assert cases
        ident, _, seq = cursor.rpartition(".")
        assert len(ident) == 16 and seq.isdigit()
        again = _pull(http, agent, cursor)
        assert again.status_code == 200 and again.json()["changes"] == []
        assert again.json()["cursor"] == cursor

        other = _pull(http, agent, "0123456789abcdef." + seq)
        assert other.status_code == 409 and other.json()["code"] == contract.FOREIGN_CURSOR
        past = _pull(http, agent, f"{ident}.{int(seq) + 1000}")
        assert past.status_code == 409 and past.json()["code"] == contract.FOREIGN_CURSOR
        # A desk that synced with a server from before cursors named their database.
        legacy = _pull(http, agent, seq)
        assert legacy.status_code == 200 and legacy.json()["cursor"] == cursor


def test_a_database_restored_from_a_backup_refuses_the_old_cursor(seeded: str, tmp_path: Path) -> None:
    with _serving(seeded) as http:
        agent = _agent(http)
        cases, cursor = _full_pull(http, agent)
    with _copy_of(seeded, tmp_path) as restored, _serving(restored) as http:
        agent = _agent(http)
        answer = _pull(http, agent, cursor)
        assert answer.status_code == 409, answer.text
        assert answer.json()["code"] == contract.FOREIGN_CURSOR
        assert "pull without a cursor" in answer.json()["message"]
        again, new_cursor = _full_pull(http, agent)
        assert again == cases
        assert new_cursor.rpartition(".")[0] != cursor.rpartition(".")[0]
    # The original database, served again, still continues its own cursor.
    with _serving(seeded) as http:
        assert _pull(http, _agent(http), cursor).status_code == 200
