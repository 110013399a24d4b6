"""Change numbers are taken at commit, and still become visible in order.

A desk pulls "every change after N". If a change numbered 10 could commit after one
numbered 11 had been pulled, the desk's cursor would already be past it and it would never
arrive. The counter's row lock, held from taking a number until commit, prevents that; a
write now takes its number as the last statement before COMMIT (change_numbers.py), so the
lock is held briefly. These tests pin both halves: a writer that has not reached its commit
does not hold anyone up, and one that has taken its number makes the next wait until it
has committed, so a pull sees the changes in number order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from agentdesk.server import db_identity, sync
from agentdesk.server.db import Database
from agentdesk.server.embedded import prepare_database
from agentdesk.server.models import Case, User
from tests.conftest import fresh_postgres_database


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Database]:
    with fresh_postgres_database(postgres_url) as url:
        database = prepare_database(url, seed=True, cases=20)
        try:
            yield database
        finally:
            database.dispose()


def _two_cases(db: Database) -> tuple[str, str]:
    with db.transaction() as s:
        first, second = s.scalars(select(Case.id).order_by(Case.id).limit(2)).all()
    return first, second


def _touch(session: Session, case_id: str) -> None:
    case = session.get(Case, case_id)
    assert case is not None
    case.hold_reason = case.hold_reason  # a write of the case, as a push makes
    sync.touch(session, [case])


def _seq(db: Database, case_id: str) -> int:
    with db.transaction() as s:
        seq = s.scalar(select(Case.seq).where(Case.id == case_id))
    assert seq is not None
    return seq


def _admin_pull(db: Database, cursor: str | None) -> list[str]:
    """The case ids an admin's desk would get after `cursor`, in the order it applies them."""
    import json

    with db.transaction() as s:
        admin = s.scalar(select(User).where(User.role == "admin"))
        assert admin is not None
        page = json.loads(sync.pull_json(s, admin, cursor, 2000))
    return [c["id"] for c in page["changes"] if c["entity"] == "case"]


def _cursor(db: Database) -> str:
    import json

    with db.transaction() as s:
        admin = s.scalar(select(User).where(User.role == "admin"))
        assert admin is not None
        cursor = None
        while True:
            page = json.loads(sync.pull_json(s, admin, cursor, 2000))
            cursor = page["cursor"]
            if not page["has_more"]:
                return str(cursor)


def _lock_waiters(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock'").fetchone()
    return int(row[0]) if row else 0


@pytest.mark.postgres
def test_a_write_not_yet_committing_holds_no_other_writer_up(pg: Database) -> None:
    """Before its commit a write holds no number: another commits meanwhile without waiting
    (a lock timeout would fail it), and the first, committing later, gets the later number."""
    first, second = _two_cases(pg)
    with pg.sessions() as slow, slow.begin():
        _touch(slow, first)
        slow.flush()
        with pg.sessions() as quick, quick.begin():
            quick.connection().exec_driver_sql("SET LOCAL lock_timeout = '2s'")
            _touch(quick, second)
        quick_seq = _seq(pg, second)
    assert _seq(pg, first) > quick_seq


@pytest.mark.postgres
def test_a_number_taken_holds_the_next_writer_until_it_commits_so_pulls_see_them_in_order(pg: Database) -> None:
    first, second = _two_cases(pg)
    cursor = _cursor(pg)
    numbered, release = threading.Event(), threading.Event()

    def pause_after_numbering(session: Session) -> None:
        if session.info.get("test_pause") and not session.in_nested_transaction():
            numbered.set()
            assert release.wait(30)

    # Listens after the numbering hook (installed by Database), so it runs between number and COMMIT.
    event.listen(pg.sessions, "before_commit", pause_after_numbering)
    errors: list[BaseException] = []

    def write(case_id: str, pause: bool) -> None:
        try:
            with pg.sessions() as s, s.begin():
                s.info["test_pause"] = pause
                _touch(s, case_id)
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    a = threading.Thread(target=write, args=(first, True))
    b = threading.Thread(target=write, args=(second, False))
    try:
        with psycopg.connect(pg.psycopg_dsn(), autocommit=True) as watcher:
            a.start()
            assert numbered.wait(30), "the first write never reached its commit"
            b.start()
            deadline = time.monotonic() + 30
            while _lock_waiters(watcher) < 1 and time.monotonic() < deadline:
                time.sleep(0.02)
            assert _lock_waiters(watcher) >= 1, "the second write did not wait for the first's number"
            assert b.is_alive()
            assert _admin_pull(pg, cursor) == []  # a desk pulling now sees neither change yet
            release.set()
            a.join(30)
            b.join(30)
    finally:
        release.set()
        event.remove(pg.sessions, "before_commit", pause_after_numbering)
    assert not errors, errors
    assert _seq(pg, first) < _seq(pg, second)
    assert _admin_pull(pg, cursor) == [first, second]


def test_touched_cases_are_numbered_once_at_commit_in_the_order_last_touched(db: Database) -> None:
    first, second = _two_cases(db)
    cursor = _cursor(db)
    with db.sessions() as s, s.begin():
        _touch(s, first)
        _touch(s, second)
        _touch(s, first)  # touched again: one number, after the second's
        before = s.get(Case, first)
        assert before is not None
    assert _seq(db, second) < _seq(db, first)
    assert before.seq == _seq(db, first)  # the loaded object carries the number it got
    assert _admin_pull(db, cursor) == [second, first]


def test_a_rolled_back_write_numbers_nothing(db: Database) -> None:
    first, second = _two_cases(db)
    cursor = _cursor(db)
    with db.sessions() as s:
        with s.begin():
            _touch(s, first)
            s.rollback()
        with s.begin():
            _touch(s, second)
    assert _admin_pull(db, cursor) == [second]


def test_a_session_without_the_hook_numbers_at_once(db: Database) -> None:
    """A session made outside `Database` (tools, tests) has no commit hook: it numbers when
    it touches, as before, rather than never."""
    first, _second = _two_cases(db)
    cursor = _cursor(db)
    with Session(db.engine) as s, s.begin():
        case = s.get(Case, first)
        assert case is not None
        sync.touch(s, [case])
        assert case.seq > int(db_identity.split(cursor)[1])
    assert _admin_pull(db, cursor) == [first]
