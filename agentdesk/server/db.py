"""Database engine and sessions for the server; the URL comes from AGENTDESK_DATABASE_URL.

SQLite (the embedded default, a file in the user's data folder) gets WAL and a busy
timeout so the API's worker threads wait for each other instead of failing with
"database is locked". PostgreSQL URLs are used as given (psycopg 3 driver). Both hide
statement parameters from their errors: those hold what callers sent (notes, names), and
an error's text may reach a log.

While the API serves an SQLite file (`Database.start_wal_checkpointer`, from the app's
lifespan) commits only append to the WAL and a thread of its own folds it into the file
(agentdesk/wal_checkpointer.py): a lead's move of 10,000 cases otherwise spent ~190 ms of
its commit checkpointing before the agents' desks could be poked.
"""

from __future__ import annotations

import os
import select
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from agentdesk.paths import data_dir
from agentdesk.wal_checkpointer import Checkpointer

ENV_URL = "AGENTDESK_DATABASE_URL"


def default_database_url() -> str:
    return os.environ.get(ENV_URL) or f"sqlite:///{data_dir() / 'server.db'}"


def normalize_url(url: str) -> str:
    """Accept the plain postgresql:// form operators paste and use the psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


# The WAL may grow this much under steady writes before a checkpoint is forced; otherwise
# it is folded in once writes pause this long.
WAL_CHECKPOINT_BYTES = 64 * 1024 * 1024
WAL_QUIET_SECONDS = 1.0


def make_engine(url: str, background_checkpoints: Any = None) -> Engine:
    """`background_checkpoints`: a callable answering whether a checkpointer thread folds the
    WAL in (then connections opened meanwhile do not checkpoint inside their commits)."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            if background_checkpoints is not None and background_checkpoints():
                cur.execute("PRAGMA wal_autocheckpoint=0")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin_immediate(conn: Any) -> None:
            # Take the write lock at BEGIN: a read-then-write transaction cannot then fail
            # halfway with "database is locked"; it waits its turn instead.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        # pysqlite's own transaction handling would issue BEGIN itself; let ours do it.
        @event.listens_for(engine, "connect")
        def _no_autobegin(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None

        return engine
    # Sized to the API's thread pool (anyio's 40 threads run the routes): connections beyond
    # pool_size are closed when returned, so a smaller pool opened and closed PostgreSQL
    # connections (a backend process each) all through a busy minute. Per API process at
    # most POOL_SIZE + POOL_OVERFLOW: `serve --workers N` needs N times that below the
    # server's max_connections (100 by default; CI's 200 and the dev server's 300 fit 4 workers).
    engine = create_engine(url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, hide_parameters=True,
                           pool_pre_ping=not hasattr(select, "poll"))
    if hasattr(select, "poll"):
        def checked_out(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
            if _looks_alive(dbapi_connection):
                return
            try:
                engine.dialect.do_ping(dbapi_connection)
            except Exception as error:  # as a failed pre-ping: the server likely restarted
                raise exc.InvalidatePoolError(str(error)) from error

        event.listen(engine, "checkout", checked_out)
    return engine


def _looks_alive(dbapi_connection: Any) -> bool:
    """Pre-ping only a pooled PostgreSQL connection that shows a sign of trouble.

    SQLAlchemy's `pool_pre_ping` sends a `SELECT 1` on every checkout: a round trip before
    every transaction, and with 500 desks most requests hold one transaction (an idle pull
    is one statement, so the ping was half its round trips). An idle connection has nothing
    to read; when the server ends it (a restart, `pg_terminate_backend`, an idle timeout) it
    sends its last message and closes, and the socket turns readable. So a zero-timeout poll
    of the socket (a system call, no round trip) decides, and only a readable or broken
    connection is pinged as before: a failed ping invalidates the pool, as pre-ping does.
    Where the platform has no poll() (Windows), `pool_pre_ping` stays on.
    """
    from psycopg.pq import ConnStatus  # here: the desk's embedded server (SQLite) never loads libpq

    pgconn = dbapi_connection.pgconn
    if dbapi_connection.closed or pgconn.status != ConnStatus.OK:
        return False
    poller = select.poll()
    poller.register(pgconn.socket, select.POLLIN | select.POLLPRI)
    return not poller.poll(0)


POOL_SIZE = 25
POOL_OVERFLOW = 20  # 40 route threads and the push lane's 4 (push_lane.PUSH_THREADS)


class Database:
    """An engine and its session factory; passed to whatever needs the database."""

    def __init__(self, url: str) -> None:
        self.url = normalize_url(url)
        self._checkpointer: Checkpointer | None = None
        self._listening = False
        self.engine = make_engine(self.url, lambda: self._checkpointer is not None)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        from agentdesk.server import change_numbers, documents

        documents.install(self.sessions)
        change_numbers.install(self.sessions)  # after documents: numbers are the last thing taken

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def psycopg_dsn(self) -> str:
        """The same database as a plain libpq URL, for LISTEN/NOTIFY connections."""
        return self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        with self.sessions() as session, session.begin():
            yield session

    def start_wal_checkpointer(self) -> None:
        """On an SQLite file: checkpoint on a thread of this Database's own from now on, not in
        commits (the API's lifespan; `stop_wal_checkpointer` or `dispose` ends it). Nothing on
        PostgreSQL or in memory."""
        path = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or not path or path == ":memory:" or self._checkpointer:
            return
        checkpointer = Checkpointer(self.engine, Path(path + "-wal"), WAL_CHECKPOINT_BYTES, WAL_QUIET_SECONDS)
        if not self._listening:
            event.listen(self.engine, "begin", self._changes_before)
            event.listen(self.engine, "commit", self._wrote)
            self._listening = True
        self._checkpointer = checkpointer
        self.engine.dispose()  # connections opened before would keep checkpointing in their commits

    @staticmethod
    def _changes_before(conn: Any) -> None:
        conn.info["agentdesk_changes"] = conn.connection.dbapi_connection.total_changes

    def _wrote(self, conn: Any) -> None:
        # Only a transaction that changed rows: the desks' pulls commit too, and reads every
        # second must not keep the WAL waiting for a pause.
        checkpointer = self._checkpointer
        if checkpointer is not None and \
                conn.connection.dbapi_connection.total_changes != conn.info.get("agentdesk_changes"):
            checkpointer.wrote()

    def stop_wal_checkpointer(self) -> None:
        """Back to checkpoints inside commits (for connections opened from now on); the last
        connection to close folds in what is left."""
        checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:
            checkpointer.stop()
            self.engine.dispose()

    def dispose(self) -> None:
        self.stop_wal_checkpointer()
        self.engine.dispose()
