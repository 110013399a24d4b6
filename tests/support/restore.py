"""A server database restored from a backup, for the tests of cursors that name their
database (issue 18): an online backup of the SQLite file, the agent's scope as the server
holds it, and cases moved into it as a lead's reassignment would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from agentdesk.server import sync
from agentdesk.server.db import Database
from agentdesk.server.models import Case, User


def backup(db: Database, target: Path) -> str:
    """An online backup of the server's SQLite file (the sqlite3 backup API); its URL."""
    source = make_url(db.url).database
    assert source
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return f"sqlite:///{target.as_posix()}"


def scope(db: Database, username: str) -> set[str]:
    with db.transaction() as s:
        me = s.scalar(select(User).where(User.username == username))
        assert me is not None
        return set(s.scalars(select(Case.id).where(Case.assigned_agent_id == me.id)))


def give_cases(db: Database, to: str, from_: str, n: int) -> list[str]:
    """Move `n` open cases into `to`'s scope on the server, as a lead's reassignment does."""
    with db.transaction() as s:
        me = s.scalar(select(User).where(User.username == to))
        other = s.scalar(select(User).where(User.username == from_))
        assert me is not None and other is not None
        moved = list(s.scalars(select(Case).where(Case.assigned_agent_id == other.id, Case.status == "open")
                               .order_by(Case.id).limit(n)))
        for case in moved:
            case.assigned_agent_id = me.id
        sync.touch(s, moved)
        return [case.id for case in moved]
