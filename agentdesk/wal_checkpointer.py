"""Folding an SQLite write-ahead log into its database file, off the committing thread.

Shared by the desk's local store (agentdesk.client.store) and the server on SQLite
(agentdesk.server.db): neither may import the other.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)


class Connects(Protocol):
    """What the checkpointer needs of a database: a DB-API connection (`close()`d after
    use). A SQLAlchemy `Engine` is one; so is the desk's `LocalStore`, whose start does not
    load SQLAlchemy (issue 20, cold start)."""

    def raw_connection(self) -> Any: ...


class Checkpointer:
    """Folds the WAL into the database file on a thread of its own, once writes pause.

    SQLite's automatic checkpoint runs inside whichever commit crosses its threshold: on a
    first sync that was every sixth page, 50-70 ms of copying and fsync on the sync thread
    (and it could as well be a draft saved on the GUI thread); on the server, a lead's move
    of 10,000 cases writes some 33 MB of WAL and its commit spent ~190 ms folding it in
    before the agents could be poked (bench/bench_reassign.py). Here commits only append to
    the WAL, and this thread checkpoints when no write has come for `quiet_seconds` (a
    first sync finishes first, and the agent reads the queue while the WAL is folded in),
    or at once when the WAL file has reached `limit_bytes`, so it stays bounded during a
    long load. A PASSIVE checkpoint blocks neither writers nor readers.
    """

    def __init__(self, engine: Connects, wal_path: Path, limit_bytes: int, quiet_seconds: float) -> None:
        self._engine = engine
        self._wal_path = wal_path
        self._limit = limit_bytes
        self._quiet = quiet_seconds
        self._lock = threading.Lock()
        self._urgent = False  # the WAL file has reached `limit_bytes`
        self._dirty = False
        self._last_write = 0.0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self.checkpoints = 0
        self._thread = threading.Thread(target=self._run, name="agentdesk-checkpoint", daemon=True)
        self._thread.start()

    def wrote(self) -> None:
        """A transaction committed: checkpoint once writes pause, or now if the WAL is large.

        The WAL file's own size is the measure (it counts index pages and page overhead,
        not only the payload); `journal_size_limit` cuts it back after each checkpoint.
        """
        try:
            large = self._wal_path.stat().st_size >= self._limit
        except OSError:
            large = False
        with self._lock:
            first = not self._dirty
            self._dirty = True
            self._urgent = self._urgent or large
            self._last_write = time.monotonic()
            if first or self._urgent:
                self._wake.set()  # start the quiet timer, or checkpoint now

    def checkpoint(self) -> None:
        """Fold the WAL in now (the caller's thread)."""
        with self._lock:
            self._dirty = self._urgent = False
        # On the DB-API connection, outside any transaction: the server's engine opens each
        # transaction with BEGIN IMMEDIATE, and a checkpoint holding the write lock would
        # block every writer while it copies.
        conn = self._engine.raw_connection()
        try:
            cur = conn.cursor()
            cur.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            cur.close()
        finally:
            conn.close()
        self.checkpoints += 1

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                dirty, urgent = self._dirty, self._urgent
                quiet_for = time.monotonic() - self._last_write
            if not dirty:
                self._wake.wait()  # nothing written: sleep until a write
            elif not urgent and quiet_for < self._quiet:
                self._wake.wait(self._quiet - quiet_for)  # writes still coming: look again later
            else:
                try:
                    self.checkpoint()
                except Exception:
                    log.exception("WAL checkpoint failed; retried after the next write")
                continue
            self._wake.clear()
