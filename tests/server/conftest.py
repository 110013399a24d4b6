"""Fixtures for the server tests: a migrated, seeded database (SQLite, then PostgreSQL) and the app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from agentdesk.server.app import create_app
from agentdesk.server.db import Database
from agentdesk.server.embedded import EmbeddedServer, start_embedded_server
from agentdesk.server.migrate import upgrade
from agentdesk.server.seed import seed_demo


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    upgrade(database_url)
    database = Database(database_url)
    with database.transaction() as s:
        seed_demo(s, cases=120, agents_per_team=3)
    yield database
    database.dispose()


@pytest.fixture
def api(db: Database) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as client:
        yield client


@pytest.fixture
def server(database_url: str) -> Iterator[EmbeddedServer]:
    """A running embedded server over HTTP on loopback with a small demo (120 cases)."""
    running = start_embedded_server(database_url, seed=True, cases=120)
    try:
        yield running
    finally:
        running.stop()
        running.database.dispose()
