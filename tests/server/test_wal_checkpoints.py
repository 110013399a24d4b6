"""The API on an SQLite file folds its WAL in on a thread of its own, never inside a commit.

A lead's move of thousands of cases writes tens of MB of WAL; folding that into the file
inside the commit delayed the poke that sends the agents' desks to pull (bench_reassign).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from agentdesk.server import db as db_mod
from agentdesk.server.app import create_app
from agentdesk.server.db import Database
from agentdesk.server.migrate import upgrade
from agentdesk.server.models import Case, User
from agentdesk.server.seed import seed_demo
from tests.client.helpers import wait_until
from tests.server.helpers import login


def test_a_move_commits_into_the_wal_and_the_file_takes_it_once_writes_pause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_mod, "WAL_QUIET_SECONDS", 0.5)
    url = f"sqlite:///{(tmp_path / 'server.db').as_posix()}"
    upgrade(url)
    db = Database(url)
    try:
        with db.transaction() as s:
            seed_demo(s, cases=120, agents_per_team=3)
        db.engine.dispose()  # the seed's WAL is folded in as the last connection closes
        with TestClient(create_app(db)) as api:
            with db.engine.connect() as conn:  # SQLite's own checkpoint-at-commit is off
                assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
            checkpointer = db._checkpointer
            assert checkpointer is not None
            done, size = checkpointer.checkpoints, (tmp_path / "server.db").stat().st_size
            with db.transaction() as s:
                users = dict(s.execute(select(User.username, User.id)).all())
                ids = list(s.scalars(select(Case.id).where(Case.assigned_agent_id == users["agent01"])))
            # A read alone is no write: nothing waits to be folded in.
            assert checkpointer.checkpoints == done and not checkpointer._dirty
            moved = api.post("/v1/cases/reassign", headers=login(api, "lead01"),
                             json={"case_ids": ids, "mode": "one", "agent_ids": [users["agent03"]]})
            assert moved.status_code == 200, moved.text
            # The move is committed (another connection sees it) but not yet in the file...
            with db.transaction() as s:
                assert set(s.scalars(select(Case.assigned_agent_id).where(Case.id.in_(ids)))) == {users["agent03"]}
            assert (tmp_path / "server.db").stat().st_size == size
            # ...until writes pause and the checkpointer folds it in, in the background.
            wait_until(lambda: checkpointer.checkpoints > done, what="the checkpoint after the pause")
        assert db._checkpointer is None  # the app's shutdown ended the thread
    finally:
        db.dispose()
    # The file alone, without its WAL, holds the move.
    (tmp_path / "server.db-wal").unlink(missing_ok=True)
    again = Database(url)
    try:
        with again.transaction() as s:
            agent03 = s.scalar(select(User.id).where(User.username == "agent03"))
            assert set(s.scalars(select(Case.assigned_agent_id).where(Case.id.in_(ids)))) == {agent03}
    finally:
        again.dispose()
