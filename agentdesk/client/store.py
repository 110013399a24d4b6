"""The local replica: one SQLCipher database per server and user, plus the outbox.

Each case is kept as the server's document (its JSON bytes as sent, table `case_docs`)
and, in its own table `cases`, the columns the queue sorts and searches on
(agentdesk.domain.queue_columns): the documents are ~2.7 KB each, and reading the
summary columns must not decrypt and read every document's pages.
Local writes never edit the document: they are outbox rows, and views merge pending rows
over the document, so what the agent typed is visible at once and a later pull cannot
hide it. The pull cursor is stored in the same transaction as the
changes it covers.

The database key comes from the OS keyring (see credentials.py); without it the file is
unreadable. WAL lets the GUI thread read while the sync thread writes; the WAL is folded
into the file by a thread of its own, never inside a commit (agentdesk/wal_checkpointer.py).
"""

from __future__ import annotations

import logging
import operator
import sqlite3
import sys
import threading
import uuid
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import orjson

from agentdesk.client.errors import StoreLocked, StoreWriteFailed
from agentdesk.client.packed_texts import PackedTexts
from agentdesk.client.sms import overlay_sms
from agentdesk.clock import PROCESS, Clock
from agentdesk.domain import casewrites
from agentdesk.domain.outcomes import Outcome, Reached
from agentdesk.domain.queue_columns import queue_columns
from agentdesk.wal_checkpointer import Checkpointer

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from agentdesk.client.store_tables import (
        CaseDoc,
        CaseRow,
        Notice,
        OutboxRow,
        PersonRow,
        QueueFactsRow,
        RecordingUploadRow,
    )

log = logging.getLogger(__name__)

# The ORM classes live in store_tables.py (SQLAlchemy loads on first ORM use, not at a
# desk's start); `from agentdesk.client.store import CaseRow` still finds them.
_TABLE_CLASSES = frozenset({"Base", "Meta", "CaseRow", "CaseDoc", "QueueFactsRow", "OutboxRow", "RecordingUploadRow",
                            "Draft", "PersonRow", "Notice"})


def __getattr__(name: str) -> Any:
    if name in _TABLE_CLASSES:
        from agentdesk.client import store_tables

        return getattr(store_tables, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# 2: the documents moved out of `cases` into `case_docs`. 4: the person and number keys
# (issue 15). 5: the case's segment and challenger arm (issue 14). A store of an older
# layout is opened by rebuilding its replica (emptied, pulled again in full); the outbox,
# drafts and notices are kept.
SCHEMA_MAJOR = 5


@dataclass(frozen=True)
class AppliedPull:
    upserted: frozenset[str]
    removed: frozenset[str]


# The summary columns of `cases`, in the table's order (store_tables.CaseRow; a test checks).
_CASE_COLUMNS = ("id", "seq", "status", "debtor_name", "search_text", "lender", "assigned_agent", "overdue_minor",
                 "outstanding_minor", "currency", "days_past_due", "bucket", "last_outcome", "last_attempt_at",
                 "callback_due_at", "promise_due", "promise_status", "person_key", "number_keys", "segment", "arm")
# What a current store holds (store_tables' tables and indexes; a test checks): a store
# that has them all at SCHEMA_MAJOR opens without SQLAlchemy.
_SCHEMA_NAMES = frozenset({
    "meta", "cases", "case_docs", "queue_facts", "outbox", "recording_uploads", "drafts", "people", "notices",
    "ix_cases_status", "ix_cases_days_past_due", "ix_cases_bucket", "ix_cases_person_key", "ix_outbox_case_id",
    "ix_recording_uploads_attempt_id"})
_UPSERT_CASES = (
    f"INSERT OR REPLACE INTO cases ({', '.join(_CASE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _CASE_COLUMNS)})"
)
_UPSERT_DOCS = "INSERT OR REPLACE INTO case_docs (id, doc) VALUES (?, ?)"
_UPSERT_FACTS = "INSERT OR REPLACE INTO queue_facts (id, key, facts) VALUES (?, ?, ?)"
_case_row = operator.itemgetter(*_CASE_COLUMNS)  # queue columns -> the row tuple, in C
_UPDATE_CASE = f"UPDATE cases SET {', '.join(f'{c} = ?' for c in _CASE_COLUMNS[1:])} WHERE id = ?"
_case_update = operator.itemgetter(*_CASE_COLUMNS[1:])  # queue columns -> the SET values, in C
_JSON_IDS = "(SELECT value FROM json_each(?))"  # the ids of one JSON array parameter
_INSERT_NOTICE = "INSERT INTO notices (kind, case_id, text, created_at) VALUES (?, ?, ?, ?)"
_CASE_KEYS = "SELECT person_key, number_keys FROM cases WHERE id = ?"
_CASE_DOC = "SELECT doc FROM case_docs WHERE id = ?"
_OUTBOX_COLUMNS = ("seq", "id", "type", "case_id", "payload", "created_at", "state", "reason", "tries")
_OUTBOX_ROWS = f"SELECT {', '.join(_OUTBOX_COLUMNS)} FROM outbox"
# An outcome's local writes in plain SQL (`LocalStore.record_writes`): what `enqueue`,
# `discard_draft`, `set_meta` and `refresh_summary` write through the ORM.
_INSERT_OUTBOX = ("INSERT INTO outbox (id, type, case_id, payload, created_at, state, tries) "
                  "VALUES (?, ?, ?, ?, ?, 'pending', 0)")
_DELETE_DRAFT = "DELETE FROM drafts WHERE case_id = ?"
_SET_META = "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"
_CASE_EXISTS = "SELECT 1 FROM cases WHERE id = ?"
_UNSENT_OF_CASE = f"{_OUTBOX_ROWS} WHERE state != 'applied' AND case_id = ? ORDER BY seq"
_META = "SELECT value FROM meta WHERE key = ?"


class CaseColumns(NamedTuple):
    """A case's summary row (`cases`) read in plain SQL: what the queue ranks and shows."""

    id: str
    seq: int
    status: str
    debtor_name: str
    search_text: str
    lender: str
    assigned_agent: str | None
    overdue_minor: int
    outstanding_minor: int
    currency: str
    days_past_due: int
    bucket: str
    last_outcome: str | None
    last_attempt_at: str | None
    callback_due_at: str | None
    promise_due: str | None
    promise_status: str | None
    person_key: str | None
    number_keys: str
    segment: str | None
    arm: str | None


_CASE_ROWS = f"SELECT {', '.join(CaseColumns._fields)} FROM cases"
_CASE_ROWS_NO_SEARCH = "SELECT " + ", ".join("'' AS search_text" if name == "search_text" else name
                                             for name in CaseColumns._fields) + " FROM cases"


def _outbox_row(values: Any) -> OutboxRow:
    """An outbox row read in plain SQL, as the ORM would load it (its JSON payload parsed).
    Loads SQLAlchemy: only for cases with local writes."""
    from agentdesk.client.store_tables import OutboxRow

    fields = dict(zip(_OUTBOX_COLUMNS, values, strict=True))
    payload = fields["payload"]
    fields["payload"] = orjson.loads(payload) if isinstance(payload, str | bytes) else payload
    return OutboxRow(**fields)


@dataclass(frozen=True)
class CaseReads:
    """What `LocalStore.case_for_desk` read for one case opened at the desk."""

    doc: dict[str, Any]
    own_writes: list[OutboxRow]
    siblings: dict[str, dict[str, Any]]  # the siblings' documents, their writes laid over
    draft: dict[str, Any] | None
    meta: str | None


# The summary columns with few distinct values (statuses, lenders, agents, buckets, dates,
# placements): `_rows_sharing_values` keeps one string per value.
_FEW_VALUES = tuple(CaseColumns._fields.index(name) for name in (
    "status", "lender", "assigned_agent", "currency", "bucket", "last_outcome", "promise_due", "promise_status",
    "segment", "arm"))


# Rows per chunk of `Reading.case_columns` (~1 MB of row tuples, reused chunk after chunk).
_CHUNK_ROWS = 4096


def _rows_sharing_values(cursor: Any) -> list[CaseColumns]:
    """Every row of `cursor`, the columns with few distinct values (`_FEW_VALUES`) holding
    one string object per value rather than one per row.

    Why (issue 20, a lead's 100,000 cases): the driver makes a new string for every value
    of every row; ~10 per row lived until the end of the queue build, spread among the
    pages of what the build keeps, so the allocator could not give those pages back
    (~40 MB of the lead's resident memory). Here a row's repeats die at once and their
    memory is reused by the next row's. About as fast as making the rows alone."""
    one: dict[Any, Any] = {}
    same = one.setdefault
    few = _FEW_VALUES
    new, kind = tuple.__new__, CaseColumns
    out: list[CaseColumns] = []
    add = out.append
    for row in cursor:
        values = list(row)
        for at in few:
            value = values[at]
            values[at] = same(value, value)
        add(new(kind, values))
    return out


class Reading:
    """The queue build's reads, in plain SQL on one DB-API connection (`LocalStore.reading`).

    Why: a start builds its first queue from these; reading them through SQLAlchemy made
    the desk import it (~0.3 s) before the queue could show (issue 20, cold start). The
    rows are those the ORM statements they replace read (tests/client/test_store_reading.py).
    """

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def release_memory(self) -> None:
        """Free this connection's page cache (SQLite's `shrink_memory`) after a read of the
        whole table. Why (issue 20): a lead's queue build reads ~100,000 cases; the pages it
        left cached (up to SQLite's 2 MB default, plus SQLCipher's buffers and the allocator's
        spread around them) stayed resident in the idle connection, ~20 MB of a lead's
        process. The next full build reads the whole table again anyway."""
        self.conn.execute("PRAGMA shrink_memory")

    def summary(self) -> tuple[Any, ...]:
        """The cases table's count and change numbers: any pull or removal changes it."""
        return tuple(self.conn.execute("SELECT count(*), max(seq), total(seq) FROM cases").fetchone())

    def case_rows(self, ids: Iterable[str] | None = None, search: bool = True) -> list[CaseColumns]:
        """The summary rows of every case (table order), or of `ids`; with `search` False,
        each row's search text is "" (a queue without a search does not read it: a lead's
        100,000 strings)."""
        query = _CASE_ROWS if search else _CASE_ROWS_NO_SEARCH
        if ids is None:
            return _rows_sharing_values(self.conn.execute(query))
        wanted = orjson.dumps(list(ids)).decode()
        return [CaseColumns._make(r) for r in self.conn.execute(f"{query} WHERE id IN {_JSON_IDS}", (wanted,))]

    def case_columns(self, search: bool = True, packed: Collection[str] = ()) -> dict[str, Sequence[Any]]:
        """`case_rows()` as columns: each of `CaseColumns._fields` (in that order) with one
        value per case in table order, the columns with few distinct values (`_FEW_VALUES`)
        holding one string object per value; the text columns named in `packed` as
        `PackedTexts` (not a string object per row, read when a row is wanted).

        Why (issue 20, a lead's 100,000 cases): a summary row object per case lived through
        the whole queue build (~22 MB) and died at its end among the pages of what the build
        keeps, so the allocator could not give them back. Read here a chunk at a time and
        turned into columns in C: a chunk's rows die before the next is read, and their
        memory is reused by it."""
        query = _CASE_ROWS if search else _CASE_ROWS_NO_SEARCH
        cursor = self.conn.execute(query)
        out: list[Any] = [PackedTexts() if name in packed else [] for name in CaseColumns._fields]
        one: dict[Any, Any] = {}
        same = one.setdefault
        few = frozenset(at for at in _FEW_VALUES if CaseColumns._fields[at] not in packed)
        while True:
            chunk = cursor.fetchmany(_CHUNK_ROWS)
            if not chunk:
                break
            for at, column in enumerate(zip(*chunk, strict=True)):
                out[at].extend(map(same, column, column) if at in few else column)
            del chunk
        return {name: column.finish() if name in packed else column
                for name, column in zip(CaseColumns._fields, out, strict=True)}

    def signatures(self) -> dict[str, tuple[tuple[int, str], ...]]:
        """Each case's unsent local writes (sequence and state): a save or a push changes them."""
        found: dict[str, list[tuple[int, str]]] = {}
        for case_id, seq, state in self.conn.execute(
                "SELECT case_id, seq, state FROM outbox WHERE state != 'applied' ORDER BY seq"):
            found.setdefault(case_id or "", []).append((seq, state))
        return {case_id: tuple(writes) for case_id, writes in found.items()}

    def docs(self, ids: Iterable[str]) -> list[tuple[str, bytes]]:
        """(id, JSON bytes) of the documents of `ids` found."""
        wanted = orjson.dumps(list(ids)).decode()
        return self.conn.execute(f"SELECT id, doc FROM case_docs WHERE id IN {_JSON_IDS}", (wanted,)).fetchall()

    def local_rows(self, case_ids: list[str]) -> dict[str, list[OutboxRow]]:
        """The unsent writes (pending or rejected) of `case_ids`, in order: `LocalStore._local_rows`."""
        wanted = orjson.dumps(case_ids).decode()
        found: dict[str, list[OutboxRow]] = {}
        for values in self.conn.execute(f"{_OUTBOX_ROWS} WHERE state != 'applied' AND case_id IN {_JSON_IDS} "
                                        "ORDER BY seq", (wanted,)):
            row = _outbox_row(values)
            found.setdefault(row.case_id or "", []).append(row)
        return found


# SQLCipher encrypts and authenticates page by page; 16 KiB pages instead of its 4 KiB
# default cut a first sync's write cost almost in half (each case document is ~2.6 KB,
# bench/bench_first_sync.py). Fixed when a store is created; older stores keep theirs.
CIPHER_PAGE_SIZE = 16384
PAGE_CACHE_KIB = -2000  # a connection's page cache: 2,000 KiB (negative: in KiB, not pages)


def _connect(path: Path, key: str | None, *, autocommit: bool = True) -> Any:
    """A DB-API connection to the store (SQLCipher when keyed), its pragmas set; usable
    from any thread, one at a time.

    `autocommit`: statements outside a transaction the caller opens commit at once (the
    plain connections, which open theirs with BEGIN IMMEDIATE). The engine's connections
    are made with `autocommit=False`: the driver then opens a transaction before the first
    write, as for the unkeyed engine, so that a session's transaction is one SQLite
    transaction. With autocommit there, every statement of an ORM "transaction" committed
    on its own, nothing was rolled back, and an encrypted store re-encrypted and wrote the
    pages of each row's insert separately (a 1,000-case pull page: ~1 s instead of ~30 ms).
    """
    isolation: Literal["DEFERRED"] | None = None if autocommit else "DEFERRED"  # the driver's BEGIN before a write
    if key is None:
        import sqlite3

        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=isolation)
    else:
        import sqlcipher3

        def open_with(page_size: int | None) -> Any:
            conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=isolation)
            # A raw 256-bit key: no passphrase derivation, the key is random already.
            conn.execute(f"PRAGMA key = \"x'{key}'\"")
            if page_size:
                conn.execute(f"PRAGMA cipher_page_size = {page_size}")
            return conn

        conn = open_with(CIPHER_PAGE_SIZE)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            # A store written before the larger pages (or with another key: then the
            # default opens nothing either, and the caller reports the key problem).
            conn.close()
            conn = open_with(None)
    try:
        _prepare(conn)
    except Exception:
        conn.close()
        raise
    return conn


def _prepare(dbapi_conn: Any) -> None:
    """Every connection's pragmas (the engine's and the plain ones)."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # No checkpoint inside a commit: `Checkpointer` folds the WAL in on its own thread.
    cur.execute("PRAGMA wal_autocheckpoint=0")
    # After a checkpoint lets the WAL start over, cut its file back to this size: a first
    # sync's WAL must not keep its largest size on disk for the rest of the day.
    cur.execute(f"PRAGMA journal_size_limit={WAL_FILE_LIMIT}")
    # SQLCipher's page cache is 8 MB a connection by default (SQLite's own: 2 MB), and a
    # store keeps several open (the engine's, the idle plain ones, the checkpointer's): a
    # lead's reads of 100,000 cases filled each, ~6 MB resident apiece over SQLite's size
    # (issue 20). The file's pages stay in the system's cache either way.
    cur.execute(f"PRAGMA cache_size={PAGE_CACHE_KIB}")
    cur.close()


def _store_refusal(exc: BaseException) -> StoreWriteFailed | None:
    """SQLite's "operational" failures (full, read-only, locked, I/O) as `StoreWriteFailed`.
    SQLAlchemy wraps those of the standard `sqlite3`; those of `sqlcipher3` (the encrypted
    store's driver, whose classes are its own) reach us unwrapped."""
    from sqlalchemy.exc import OperationalError

    cause = exc.orig if isinstance(exc, OperationalError) else exc
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    kinds: tuple[type[BaseException], ...] = (sqlite3.OperationalError,)
    if cipher is not None:
        kinds += (cipher.OperationalError,)
    return StoreWriteFailed.from_sqlite(cause) if isinstance(cause, kinds) else None


# The WAL may grow this much during a long load before a checkpoint is forced (a first
# sync of 20,000 cases writes ~60 MB; it is folded in after the sync, in the background).
CHECKPOINT_BYTES = 128 * 1024 * 1024
CHECKPOINT_QUIET_SECONDS = 1.0
WAL_FILE_LIMIT = 16 * 1024 * 1024
_IDLE_PLAIN = 3  # plain connections kept open between reads


@contextmanager
def _plain_transaction(conn: Any) -> Iterator[None]:
    """A write transaction on a plain connection: committed, or rolled back on an error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _not_a_database(exc: Exception) -> bool:
    return "not a database" in str(exc)


class LocalStore:
    """The replica for one user on one server. Thread-safe: each call uses its own session
    or connection.

    A current store opens in plain SQL, and the reads a start needs before its first queue
    (meta values, outbox counts, the queue's columns and kept facts, the case opened) are
    plain SQL too; the SQLAlchemy engine and sessions are made on first use (`engine`,
    `sessions`), so a desk's start does not import SQLAlchemy (issue 20, cold start)."""

    def __init__(self, path: Path, key: str | None, clock: Clock = PROCESS) -> None:
        self.path = path
        self.clock = clock
        self.encrypted = key is not None
        self._key = key
        self._orm_lock = threading.Lock()
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._plain_lock = threading.Lock()
        self._idle: list[Any] = []
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self._current():
            self._open_with_orm()
        self.checkpointer = Checkpointer(self, path.with_name(path.name + "-wal"), CHECKPOINT_BYTES,
                                         CHECKPOINT_QUIET_SECONDS)

    def _locked(self, exc: Exception) -> StoreLocked:
        return StoreLocked(
            f"The local store {self.path.name} cannot be opened with the key in the keyring. "
            "Log out with 'wipe local data' or delete the file; the server keeps everything "
            "already synced.")

    def _current(self) -> bool:
        """Whether the store has this code's layout (every table and index, SCHEMA_MAJOR):
        then nothing is to be created or rebuilt. A newer layout is refused here."""
        try:
            with self.plain() as conn:
                names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
                if "meta" not in names:
                    return False
                found = conn.execute(_META, ("schema_major",)).fetchone()
                old_layout = any(col[1] == "doc" for col in conn.execute("PRAGMA table_info(cases)"))
        except Exception as exc:  # sqlcipher raises DatabaseError "file is not a database"
            if _not_a_database(exc):
                raise self._locked(exc) from exc
            raise
        major = int(found[0]) if found is not None else None
        if major is not None and major > SCHEMA_MAJOR:
            raise StoreLocked(
                f"The local store was written by a newer AgentDesk (schema {major}); "
                "update AgentDesk on this computer.")
        return major == SCHEMA_MAJOR and not old_layout and _SCHEMA_NAMES <= names

    def _open_with_orm(self) -> None:
        """A new store, or one of an older layout: create what is missing, rebuild an old
        replica, and write this code's SCHEMA_MAJOR (through SQLAlchemy's metadata)."""
        from agentdesk.client.store_tables import Base, Meta

        try:
            Base.metadata.create_all(self.engine)
        except Exception as exc:  # sqlcipher raises DatabaseError "file is not a database"
            self.close()
            if _not_a_database(exc):
                raise self._locked(exc) from exc
            raise
        with self.transaction() as s:
            major = s.get(Meta, "schema_major")
            if major is not None and int(major.value) > SCHEMA_MAJOR:
                self.close()
                raise StoreLocked(
                    f"The local store was written by a newer AgentDesk (schema {major.value}); "
                    "update AgentDesk on this computer."
                )
            conn = s.connection()
            old_layout = any(col[1] == "doc" for col in conn.exec_driver_sql("PRAGMA table_info(cases)"))
            if old_layout or (major is not None and int(major.value) < SCHEMA_MAJOR):
                self._rebuild_replica(s, major.value if major is not None else "?")
            s.merge(Meta(key="schema_major", value=str(SCHEMA_MAJOR)))

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        if self._engine is None:
            with self._orm_lock:
                if self._engine is None:
                    from agentdesk.client.store_tables import make_engine

                    path, key = self.path, self._key
                    self._engine = make_engine(lambda: _connect(path, key, autocommit=False), _prepare,
                                               f"sqlite:///{path}" if key is None else None)
        return self._engine

    @property
    def sessions(self) -> sessionmaker[Session]:
        """ORM sessions on `engine` (`with store.sessions() as s:`), made on first use."""
        if self._sessions is None:
            engine = self.engine
            with self._orm_lock:
                if self._sessions is None:
                    from sqlalchemy.orm import sessionmaker

                    self._sessions = sessionmaker(engine, expire_on_commit=False)
        return self._sessions

    def load_orm(self) -> None:
        """Make the engine and sessions now (e.g. on a background thread once the first
        queue is shown), so that the first save does not wait for SQLAlchemy to load."""
        self.sessions  # noqa: B018 - made on first access

    @contextmanager
    def plain(self) -> Iterator[Any]:
        """A DB-API connection of this store's own (not the engine's), for plain SQL; one
        thread at a time uses it. Its statements commit at once unless it opens a
        transaction itself."""
        with self._plain_lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = _connect(self.path, self._key)
        ok = False
        try:
            yield conn
            ok = not conn.in_transaction
        finally:
            with self._plain_lock:
                keep = ok and len(self._idle) < _IDLE_PLAIN and not getattr(self, "_closed", False)
                if keep:
                    self._idle.append(conn)
            if not keep:
                conn.close()

    @contextmanager
    def reading(self) -> Iterator[Reading]:
        """The queue build's reads on one plain connection (`Reading`)."""
        with self.plain() as conn:
            yield Reading(conn)

    def raw_connection(self) -> Any:
        """A DB-API connection for the checkpointer (closed by it)."""
        return _connect(self.path, self._key)

    @staticmethod
    def _rebuild_replica(s: Session, old: str) -> None:
        """An older layout: drop the replica's tables and the cursor, so the next pull is a full
        one. The outbox, drafts and notices stay (pending writes are sent and shown as before)."""
        from sqlalchemy import delete

        from agentdesk.client.store_tables import CaseDoc, CaseRow, Meta

        log.info("local store schema %s -> %s: rebuilding the replica (full pull next)", old, SCHEMA_MAJOR)
        conn = s.connection()
        conn.exec_driver_sql("DROP TABLE IF EXISTS cases")
        conn.exec_driver_sql("DROP TABLE IF EXISTS case_docs")
        conn.exec_driver_sql("DELETE FROM queue_facts")
        CaseRow.__table__.create(conn)  # type: ignore[attr-defined]
        CaseDoc.__table__.create(conn)  # type: ignore[attr-defined]
        s.execute(delete(Meta).where(Meta.key == "cursor"))

    def close(self) -> None:
        checkpointer = getattr(self, "checkpointer", None)
        if checkpointer is not None:
            checkpointer.stop()
        with self._plain_lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
        if self._engine is not None:
            self._engine.dispose()  # the last connection to close folds the WAL in

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write: all of it or nothing. The store refusing it (disk full, read-only, held
        by another program past the wait) is a typed `StoreWriteFailed`, not a crash."""
        try:
            with self.sessions() as s, s.begin():
                yield s
        except Exception as exc:
            refusal = _store_refusal(exc)
            if refusal is None:
                raise
            raise refusal from exc
        if hasattr(self, "checkpointer"):
            self.checkpointer.wrote()

    def _now_iso(self) -> str:
        return self.clock.now().isoformat()

    # --- meta ----------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        with self.plain() as conn:
            row = conn.execute(_META, (key,)).fetchone()
        return row[0] if row is not None else None

    def set_meta(self, key: str, value: str, session: Session | None = None) -> None:
        """Alone, one plain statement: signing in writes the user here, and the ORM's import
        (~0.2 s, which the desk's start otherwise leaves until its queue shows) must not
        come with it. Within `session`, part of that transaction."""
        if session is None:
            with self.plain() as conn:
                conn.execute(_SET_META, (key, value))
            return
        from agentdesk.client.store_tables import Meta

        session.merge(Meta(key=key, value=value))

    @property
    def cursor(self) -> str | None:
        return self.get_meta("cursor")

    # --- pull ----------------------------------------------------------------------------

    def apply_changes(self, changes: Iterable[Any], cursor: str) -> AppliedPull:
        """Apply one page of pulled changes and its cursor in one transaction.

        A case upsert from a page in lines (`api.CaseUpsert`) brings its queue columns and
        its document's bytes, stored as they came; only a case with local writes is parsed,
        to lay them over its document.
        """
        from sqlalchemy import delete

        from agentdesk.client.store_tables import Meta, PersonRow, QueueFactsRow

        upserts: dict[str, Any] = {}
        removed: set[str] = set()
        with self.transaction() as s:
            for ch in changes:
                if ch.entity == "case" and ch.op == "upsert":
                    upserts[ch.id] = ch
                    removed.discard(ch.id)  # reassigned away and back within the page
                elif ch.entity == "case" and ch.op == "remove":
                    upserts.pop(ch.id, None)
                    removed.add(ch.id)
                elif ch.entity == "user" and ch.op == "upsert":
                    s.merge(PersonRow(**{k: ch.data[k] for k in ("id", "username", "display_name",
                                                                    "role", "team_id")}))
            if upserts:
                local = self._local_rows(s, list(upserts))
                me = (s.get(Meta, "username") or Meta(value="")).value if local else ""
                case_rows: list[tuple[Any, ...]] = []
                doc_rows: list[tuple[str, bytes]] = []
                for case_id, ch in upserts.items():
                    queue = getattr(ch, "queue", None)
                    if case_id in local:
                        queue = queue_columns(overlay(ch.data, local[case_id], me))
                    elif queue is None:
                        queue = queue_columns(ch.data)
                    case_rows.append(_case_row(queue))
                    doc_json = getattr(ch, "doc_json", None)
                    doc_rows.append((case_id, doc_json if doc_json is not None else orjson.dumps(ch.data)))
                # Executemanys of plain tuples: the ORM's per-row bookkeeping costs more than
                # SQLite itself on a first sync of thousands of cases (bench/bench_first_sync.py).
                conn = s.connection()
                conn.exec_driver_sql(_UPSERT_CASES, case_rows)
                conn.exec_driver_sql(_UPSERT_DOCS, doc_rows)
                # The queue facts kept for these cases are of the documents replaced.
                s.execute(delete(QueueFactsRow).where(QueueFactsRow.id.in_(list(upserts))))
            if removed:
                self._remove_cases(s, removed)
            s.merge(Meta(key="cursor", value=cursor))
            s.merge(Meta(key="last_pull_at", value=self._now_iso()))
        return AppliedPull(frozenset(upserts), frozenset(removed))

    def _remove_cases(self, s: Session, removed: set[str]) -> None:
        """Drop cases that left the user's scope, with a notice for each one that was here.

        A lead's move takes thousands at once (bench/bench_reassign.py's undo): the ids go
        as one JSON array (`json_each`), not one bound parameter each that SQLAlchemy
        compiles into every statement, and the notices as one executemany of tuples.
        """
        ids = orjson.dumps(list(removed)).decode()
        conn = s.connection()
        present = [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM cases WHERE id IN {_JSON_IDS}", (ids,))]
        conn.exec_driver_sql(f"DELETE FROM cases WHERE id IN {_JSON_IDS}", (ids,))
        conn.exec_driver_sql(f"DELETE FROM case_docs WHERE id IN {_JSON_IDS}", (ids,))
        conn.exec_driver_sql(f"DELETE FROM queue_facts WHERE id IN {_JSON_IDS}", (ids,))
        if present:
            at = self._now_iso()
            conn.exec_driver_sql(_INSERT_NOTICE, [
                ("reassigned", None, f"A case was reassigned away from you ({case_id[:8]}).", at)
                for case_id in present])

    @staticmethod
    def _local_rows(s: Session, case_ids: list[str]) -> dict[str, list[OutboxRow]]:
        from sqlalchemy import select

        from agentdesk.client.store_tables import OutboxRow

        found: dict[str, list[OutboxRow]] = {}
        query = select(OutboxRow).where(OutboxRow.state != "applied").order_by(OutboxRow.seq)
        if len(case_ids) <= 50:
            query = query.where(OutboxRow.case_id.in_(case_ids))
        # else: the whole unsent outbox (a few rows) filtered here, not an IN of a pull
        # page's 1,000 ids compiled into SQL for every page.
        wanted = set(case_ids)
        for row in s.scalars(query):
            if row.case_id in wanted:
                found.setdefault(row.case_id or "", []).append(row)
        return found

    def refresh_summary(self, s: Session, case_id: str, me: str) -> None:
        """Recompute a case's queue columns with its local writes (same transaction as the write)."""
        from sqlalchemy import select

        from agentdesk.client.store_tables import CaseDoc, CaseRow

        row = s.get(CaseRow, case_id)
        doc = s.scalar(select(CaseDoc.doc).where(CaseDoc.id == case_id))
        if row is None or doc is None:
            return
        local = self._local_rows(s, [case_id]).get(case_id, [])
        for key, value in queue_columns(overlay(orjson.loads(doc), local, me)).items():
            setattr(row, key, value)

    def record_writes(self, case_id: str, writes: Iterable[tuple[str, dict[str, Any]]], me: str,
                      meta: tuple[str, str] | None = None) -> None:
        """One case's writes (an outcome: its outbox rows), its draft gone, one meta value
        set (`meta`: key, value) and its queue columns recomputed: one transaction (BEGIN
        IMMEDIATE) in plain SQL on a connection of the engine's.

        Why: the same steps through the ORM (`enqueue`, `discard_draft`, `set_meta`,
        `refresh_summary` in one `transaction`) cost ~7 ms of CPU per save, nearly all of it
        SQLAlchemy's Python (unit of work, statement compiling, a bulk delete's session
        sync), not SQLite's: the desk's background helper held the interpreter lock that
        long while the GUI thread waited to show the next case (issue 20, save-and-next).
        The rows written are the same (tests/client/test_record_writes.py compares them)."""
        import json

        at = self._now_iso()
        rows = [(str(uuid.uuid4()), type_, case_id, json.dumps(payload), at) for type_, payload in writes]
        try:
            # On a connection of the engine's (as the ORM write had), in SQL of our own.
            with self.engine.connect() as connection:
                conn = connection.connection.dbapi_connection
                assert conn is not None
                with _plain_transaction(conn):
                    self._record(conn, case_id, rows, me, meta)
        except Exception as exc:
            refusal = _store_refusal(exc)
            if refusal is None:
                raise
            raise refusal from exc
        self.checkpointer.wrote()

    @staticmethod
    def _record(conn: Any, case_id: str, rows: list[tuple[str, str, str, str, str]], me: str,
                meta: tuple[str, str] | None) -> None:
        """`record_writes`' statements, inside its transaction."""
        run = conn.execute
        if rows:
            conn.executemany(_INSERT_OUTBOX, rows)
        run(_DELETE_DRAFT, (case_id,))
        if meta is not None:
            run(_SET_META, meta)
        doc = run(_CASE_DOC, (case_id,)).fetchone()
        if doc is not None and run(_CASE_EXISTS, (case_id,)).fetchone() is not None:
            local = [_outbox_row(values) for values in run(_UNSENT_OF_CASE, (case_id,))]
            columns = queue_columns(overlay(orjson.loads(doc[0]), local, me))
            run(_UPDATE_CASE, (*_case_update(columns), case_id))

    def reset_replica(self) -> None:
        """Forget the cursor so the next pull is a full one (the self-check found a mismatch)."""
        from sqlalchemy import delete

        from agentdesk.client.store_tables import CaseDoc, CaseRow, Meta, QueueFactsRow

        with self.transaction() as s:
            s.execute(delete(Meta).where(Meta.key == "cursor"))
            s.execute(delete(CaseRow))
            s.execute(delete(CaseDoc))
            s.execute(delete(QueueFactsRow))

    # --- the queue's kept facts (client/queue.py) ------------------------------------------

    def queue_facts(self, version: str) -> dict[str, tuple[bytes, bytes]]:
        """Every case's kept queue facts as (key, facts) bytes, or nothing when they were
        derived by other code than `version` names."""
        with self.plain() as conn:
            found = conn.execute(_META, ("queue_facts_version",)).fetchone()
            if found is None or found[0] != version:
                return {}
            return {i: (k, f) for i, k, f in conn.execute("SELECT id, key, facts FROM queue_facts")}

    def save_queue_facts(self, version: str, rows: list[tuple[str, bytes, bytes]],
                         drop: Iterable[str] = ()) -> None:
        """Keep (id, key, facts) rows derived by `version`'s code; rows of another version
        all go first. `drop`: ids whose rows go (cases no longer here).

        In plain SQL, one transaction: a first start keeps what it derived before its
        queue shows, and must not load SQLAlchemy for it (issue 20, cold start)."""
        gone = list(drop)
        if not rows and not gone:
            return
        with self.plain() as conn, _plain_transaction(conn):
            found = conn.execute(_META, ("queue_facts_version",)).fetchone()
            if found is None or found[0] != version:
                conn.execute("DELETE FROM queue_facts")
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('queue_facts_version', ?)",
                             (version,))
            if gone:
                conn.execute(f"DELETE FROM queue_facts WHERE id IN {_JSON_IDS}", (orjson.dumps(gone).decode(),))
            if rows:
                conn.executemany(_UPSERT_FACTS, rows)
        self.checkpointer.wrote()

    def case_count(self) -> int:
        from sqlalchemy import func, select

        from agentdesk.client.store_tables import CaseRow

        with self.sessions() as s:
            return int(s.scalar(select(func.count()).select_from(CaseRow)) or 0)

    # --- outbox --------------------------------------------------------------------------

    def enqueue(self, s: Session, type_: str, payload: dict[str, Any], case_id: str | None,
                mutation_id: str | None = None) -> str:
        from agentdesk.client.store_tables import OutboxRow

        mid = mutation_id or str(uuid.uuid4())
        s.add(OutboxRow(id=mid, type=type_, case_id=case_id, payload=payload, created_at=self._now_iso()))
        return mid

    def pending(self, limit: int = 100) -> list[OutboxRow]:
        from sqlalchemy import select

        from agentdesk.client.store_tables import OutboxRow

        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).where(OutboxRow.state == "pending")
                                  .order_by(OutboxRow.seq).limit(limit)))

    def settle(self, results: dict[str, tuple[str, str | None]]) -> None:
        """Record the server's answer per mutation id: applied/duplicate leave, rejected stay."""
        from sqlalchemy import update

        from agentdesk.client.store_tables import Notice, OutboxRow

        with self.transaction() as s:
            for mid, (status, reason) in results.items():
                if status in ("applied", "duplicate"):
                    s.execute(update(OutboxRow).where(OutboxRow.id == mid).values(state="applied"))
                else:
                    s.execute(update(OutboxRow).where(OutboxRow.id == mid)
                              .values(state="rejected", reason=reason or "rejected by the server"))
                    s.add(Notice(kind="rejected", case_id=None, created_at=self._now_iso(),
                                 text=reason or "rejected by the server"))

    def forget_applied(self) -> None:
        """After a pull, applied writes are in the server's documents; drop the local copies."""
        from sqlalchemy import delete

        from agentdesk.client.store_tables import OutboxRow

        with self.transaction() as s:
            s.execute(delete(OutboxRow).where(OutboxRow.state == "applied"))

    def note_try(self, ids: list[str]) -> None:
        from sqlalchemy import update

        from agentdesk.client.store_tables import OutboxRow

        with self.transaction() as s:
            s.execute(update(OutboxRow).where(OutboxRow.id.in_(ids)).values(tries=OutboxRow.tries + 1))

    def outbox_counts(self) -> tuple[int, int]:
        with self.plain() as conn:
            rows = dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
            uploads = dict(conn.execute("SELECT state, count(*) FROM recording_uploads GROUP BY state").fetchall())
        # "applied" rows wait only for the pull that brings them back in the server's
        # documents: they are no longer waiting to be sent, so they are not counted.
        # A recording waiting for upload is as much undelivered work as a write.
        return (int(rows.get("pending", 0)) + int(uploads.get("pending", 0)),
                int(rows.get("rejected", 0)) + int(uploads.get("rejected", 0)))

    @property
    def recordings_folder(self) -> Path:
        """Where recordings wait for upload, beside the store file (client/recording_vault.py)."""
        return self.path.with_name(self.path.stem + "-recordings")

    def rejected(self) -> list[OutboxRow]:
        from sqlalchemy import select

        from agentdesk.client.store_tables import OutboxRow

        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).where(OutboxRow.state == "rejected").order_by(OutboxRow.seq)))

    def local_writes(self, case_id: str) -> list[OutboxRow]:
        from sqlalchemy import select

        from agentdesk.client.store_tables import OutboxRow

        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).where(OutboxRow.case_id == case_id).order_by(OutboxRow.seq)))

    # --- reads ---------------------------------------------------------------------------

    def case_rows(self) -> list[CaseRow]:
        """Every case's summary row with its document (`row.doc`): for checks and tools; the
        queue and the lead's grid read only the summary columns."""
        from sqlalchemy import select

        from agentdesk.client.store_tables import CaseDoc, CaseRow

        with self.sessions() as s:
            rows = list(s.scalars(select(CaseRow)))
            docs = {case_id: orjson.loads(doc) for case_id, doc in s.execute(select(CaseDoc.id, CaseDoc.doc))}
        for row in rows:
            row.__dict__["_doc"] = docs.get(row.id, {})
        return rows

    def sibling_ids(self, case_id: str) -> list[str]:
        """The other cases here of the same person, or sharing one of the case's numbers."""
        from sqlalchemy import select

        from agentdesk.client.store_tables import CaseRow

        with self.sessions() as s:
            row = s.execute(select(CaseRow.person_key, CaseRow.number_keys).where(CaseRow.id == case_id)).first()
            if row is None:
                return []
            return [i for i in self._siblings(s, row[0], row[1]) if i != case_id]

    @staticmethod
    def _siblings(s: Session, person_key: str | None, number_keys: str | None) -> list[str]:
        from sqlalchemy import or_, select

        from agentdesk.client.store_tables import CaseRow

        clauses: list[Any] = [CaseRow.person_key == person_key] if person_key else []
        clauses += [CaseRow.number_keys.contains(key) for key in (number_keys or "").split()]
        if not clauses:
            return []
        return list(s.scalars(select(CaseRow.id).where(or_(*clauses))))

    def overlaid_docs(self, case_ids: list[str], me: str) -> dict[str, dict[str, Any]]:
        """Documents with their pending writes laid over them, for several cases at once."""
        from sqlalchemy import select

        from agentdesk.client.store_tables import CaseDoc

        if not case_ids:
            return {}
        with self.sessions() as s:
            docs = {i: orjson.loads(d) for i, d in s.execute(select(CaseDoc.id, CaseDoc.doc)
                                                              .where(CaseDoc.id.in_(case_ids)))}
            local = self._local_rows(s, list(docs))
        return {i: overlay(doc, local.get(i, []), me) for i, doc in docs.items()}

    def case_for_desk(self, case_id: str, me: str, meta_key: str) -> CaseReads | None:
        """Everything opening a case reads, on one plain connection (no SQLAlchemy): the case's
        document and its own writes, its siblings' documents (the same person, or sharing a
        number) with theirs laid over, the case's draft and one meta value (its last dial).

        Why: these were three sessions and seven ORM statements per case opened; building
        and compiling them cost more than SQLite's work (issue 20, bench_workstation.py).
        The rows read are the same as `case_doc`, `local_writes`, `overlaid_docs`,
        `load_draft` and `get_meta` read (tests/client/test_open_case.py compares them)."""
        with self.plain() as conn:
            run = conn.execute
            row = run(_CASE_KEYS, (case_id,)).fetchone()
            if row is None:
                return None
            found = run(_CASE_DOC, (case_id,)).fetchone()
            if found is None:
                return None
            ids = [i for i in self._sibling_ids_sql(conn, row[0], row[1]) if i != case_id]
            docs: dict[str, Any] = {}
            writes: dict[str, list[OutboxRow]] = {}
            if ids:
                wanted = orjson.dumps(ids).decode()
                docs = {i: orjson.loads(d) for i, d in run(f"SELECT id, doc FROM case_docs WHERE id IN {_JSON_IDS}",
                                                           (wanted,))}
            for values in run(f"{_OUTBOX_ROWS} WHERE case_id IN {_JSON_IDS} ORDER BY seq",
                              (orjson.dumps([case_id, *docs]).decode(),)):
                write = _outbox_row(values)
                if write.case_id == case_id or write.state != "applied":
                    writes.setdefault(write.case_id or "", []).append(write)
            draft = run("SELECT fields FROM drafts WHERE case_id = ?", (case_id,)).fetchone()
            meta = run("SELECT value FROM meta WHERE key = ?", (meta_key,)).fetchone()
        return CaseReads(
            doc=orjson.loads(found[0]), own_writes=writes.get(case_id, []),
            siblings={i: overlay(d, writes.get(i, []), me) for i, d in docs.items()},
            draft=dict(orjson.loads(draft[0])) if draft is not None else None,
            meta=meta[0] if meta is not None else None)

    @staticmethod
    def _sibling_ids_sql(conn: Any, person_key: str | None, number_keys: str | None) -> list[str]:
        """`_siblings` in plain SQL: the same person key, or a number key in the case's numbers."""
        clauses: list[str] = ["person_key = ?"] if person_key else []
        params: list[str] = [person_key] if person_key else []
        for key in (number_keys or "").split():
            clauses.append("number_keys LIKE '%' || ? || '%'")
            params.append(key)
        if not clauses:
            return []
        return [r[0] for r in conn.execute(f"SELECT id FROM cases WHERE {' OR '.join(clauses)}", tuple(params))]

    def case_doc(self, case_id: str) -> dict[str, Any] | None:
        from sqlalchemy import select

        from agentdesk.client.store_tables import CaseDoc, CaseRow

        with self.sessions() as s:
            if s.scalar(select(CaseRow.id).where(CaseRow.id == case_id)) is None:
                return None
            doc = s.scalar(select(CaseDoc.doc).where(CaseDoc.id == case_id))
            return orjson.loads(doc) if doc is not None else None

    def people(self) -> list[PersonRow]:
        from sqlalchemy import select

        from agentdesk.client.store_tables import PersonRow

        with self.sessions() as s:
            return list(s.scalars(select(PersonRow).order_by(PersonRow.username)))

    def take_notices(self) -> list[Notice]:
        from sqlalchemy import delete, select

        from agentdesk.client.store_tables import Notice

        with self.transaction() as s:
            rows = list(s.scalars(select(Notice).order_by(Notice.id)))
            s.execute(delete(Notice))
            return rows

    # --- drafts --------------------------------------------------------------------------

    def save_draft(self, case_id: str, fields: dict[str, Any]) -> None:
        from agentdesk.client.store_tables import Draft

        with self.transaction() as s:
            s.merge(Draft(case_id=case_id, fields=fields, saved_at=self._now_iso()))

    def load_draft(self, case_id: str) -> dict[str, Any] | None:
        from agentdesk.client.store_tables import Draft

        with self.sessions() as s:
            row = s.get(Draft, case_id)
            return dict(row.fields) if row else None

    def drafts(self) -> dict[str, dict[str, Any]]:
        from sqlalchemy import select

        from agentdesk.client.store_tables import Draft

        with self.sessions() as s:
            return {d.case_id: dict(d.fields) for d in s.scalars(select(Draft))}

    def discard_draft(self, case_id: str, session: Session | None = None) -> None:
        from sqlalchemy import delete

        from agentdesk.client.store_tables import Draft

        if session is not None:
            session.execute(delete(Draft).where(Draft.case_id == case_id))
            return
        with self.transaction() as s:
            s.execute(delete(Draft).where(Draft.case_id == case_id))


__all__ = ["LocalStore", "CaseReads", "CaseRow", "CaseDoc", "QueueFactsRow", "OutboxRow", "RecordingUploadRow",
           "AppliedPull"]


def overlay(doc: dict[str, Any], rows: Iterable[OutboxRow], me: str) -> dict[str, Any]:
    """The case as the agent sees it: the server's document plus local writes not yet in it.

    Pending writes show at once; refused ones stay visible with the server's reason.
    """
    doc = dict(doc)
    known = {key: {item["id"] for item in doc.get(key, [])} for key in ("attempts", "notes", "promises", "callbacks")}
    for key in known:
        doc[key] = list(doc.get(key, []))
    for row in rows:
        p = row.payload
        flags = {"pending": row.state != "rejected", "rejected_reason": row.reason if row.state == "rejected" else None}
        if row.type == "attempt.record" and p["attempt_id"] not in known["attempts"]:
            doc["attempts"].append({
                "id": p["attempt_id"], "started_at": p["started_at"], "ended_at": p.get("ended_at"),
                "channel": p.get("channel", "call"), "contact_point_id": p.get("contact_point_id"),
                "reached": p["reached"], "outcome": p["outcome"], "agent": me, "note": p.get("note", ""),
                "compliance_flag": None, "talk_track_id": p.get("talk_track_id"),
                "talk_track_version": p.get("talk_track_version"), **flags,
            })
        elif row.type == "note.add" and (p.get("note_id") or row.id) not in known["notes"]:
            doc["notes"].append({"id": p.get("note_id") or row.id, "text": p["text"], "author": me,
                                 "written_at": p.get("written_at") or row.created_at, **flags})
        elif row.type == "promise.add" and p["promise_id"] not in known["promises"]:
            status = "pending" if row.state != "rejected" else "rejected"
            doc["promises"].append({"id": p["promise_id"], "attempt_id": p.get("attempt_id"),
                                    "amount_minor": p["amount_minor"], "currency": p.get("currency", "CNY"),
                                    "due_date": p["due_date"], "status": status,
                                    "created_at": row.created_at, **flags})
        elif row.type == "callback.add" and p["callback_id"] not in known["callbacks"]:
            doc["callbacks"].append({"id": p["callback_id"], "due_at": p["due_at"],
                                     "status": "open" if row.state != "rejected" else "rejected", **flags})
        elif row.type == "sms.send":
            doc["sms"] = overlay_sms(doc.get("sms", []), row, flags)
        if row.type == "attempt.record" and row.state == "pending":
            _apply_effects(doc, p)
    return doc


def _apply_effects(doc: dict[str, Any], p: dict[str, Any]) -> None:
    """What a pending attempt does to its case, shown at once (casewrites decides, as on
    the server): the hold it starts, its number's new mark, the callbacks it answers."""
    try:
        effects = casewrites.attempt_effects(
            Reached(p["reached"]), Outcome(p["outcome"]), started_at=_parse_time(p["started_at"]),
            time_zone=doc.get("debtor", {}).get("time_zone", "Asia/Shanghai"), policy=None,
            has_contact_point=bool(p.get("contact_point_id")))
    except (ValueError, casewrites.CaseWriteError):
        return
    if effects.hold and doc.get("status") == "open":
        doc["status"], doc["hold_reason"] = "on_hold", effects.hold
    status = effects.point_status or effects.number_status
    if status:
        doc["contact_points"] = [
            dict(cp, status=casewrites.stricter_status(cp["status"], status)) if cp["id"] == p.get("contact_point_id")
            else cp for cp in doc.get("contact_points", [])]
    if effects.fulfils_callbacks_before is not None:
        before = effects.fulfils_callbacks_before
        doc["callbacks"] = [
            dict(c, status="done") if c.get("status") == "open" and _parse_time(c["due_at"]) < before else c
            for c in doc.get("callbacks", [])]


def _parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
