"""Fixtures that start the real API over HTTP on 127.0.0.1, for client and GUI tests.

The demo database is built once per test session (seeding a few thousand cases takes a
few seconds) and copied for each test that needs a fresh server.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from agentdesk.clock import clock_from_environment, set_process_clock
from agentdesk.server.embedded import EmbeddedServer, prepare_database, start_embedded_server

DEMO_CASES = 600


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-template") / "server.db"
    # Seeded as of the instant each test's clock starts at (AGENTDESK_NOW's, or the real
    # clock's now), so the portfolio's "today" is every test's today.
    previous = set_process_clock(clock_from_environment())
    try:
        prepare_database(f"sqlite:///{path}", seed=True, cases=DEMO_CASES).dispose()
    finally:
        set_process_clock(previous)
    return path


@pytest.fixture
def live_server(demo_db_template: Path, tmp_path: Path) -> Iterator[EmbeddedServer]:
    """A fresh demo server (agent01…agent10, lead01, lead02, admin; password 'demo')."""
    db_file = tmp_path / "server" / "server.db"
    db_file.parent.mkdir(parents=True)
    shutil.copy(demo_db_template, db_file)
    server = start_embedded_server(f"sqlite:///{db_file}", seed=False)
    try:
        yield server
    finally:
        server.stop()
