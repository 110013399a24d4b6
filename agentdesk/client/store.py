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
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import (
    JSON,
    Engine,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import QueuePool

from agentdesk.client.errors import StoreLocked, StoreWriteFailed
from agentdesk.client.sms import overlay_sms
from agentdesk.clock import PROCESS, Clock
from agentdesk.domain import casewrites
from agentdesk.domain.outcomes import Outcome, Reached
from agentdesk.domain.queue_columns import queue_columns
from agentdesk.wal_checkpointer import Checkpointer

log = logging.getLogger(__name__)

# 2: the documents moved out of `cases` into `case_docs`. 4: the person and number keys
# (issue 15). 5: the case's segment and challenger arm (issue 14). A store of an older
# layout is opened by rebuilding its replica (emptied, pulled again in full); the outbox,
# drafts and notices are kept.
SCHEMA_MAJOR = 5


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), index=True)
    debtor_name: Mapped[str] = mapped_column(String(100))
    search_text: Mapped[str] = mapped_column(Text)
    lender: Mapped[str] = mapped_column(String(100))
    assigned_agent: Mapped[str | None] = mapped_column(String(64))
    overdue_minor: Mapped[int] = mapped_column(Integer)
    outstanding_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    days_past_due: Mapped[int] = mapped_column(Integer, index=True)
    bucket: Mapped[str] = mapped_column(String(4), index=True)
    last_outcome: Mapped[str | None] = mapped_column(String(24))
    last_attempt_at: Mapped[str | None] = mapped_column(String(32))
    callback_due_at: Mapped[str | None] = mapped_column(String(32))
    promise_due: Mapped[str | None] = mapped_column(String(10))
    promise_status: Mapped[str | None] = mapped_column(String(8))
    person_key: Mapped[str | None] = mapped_column(String(32), index=True)
    number_keys: Mapped[str] = mapped_column(Text, default="")
    segment: Mapped[str | None] = mapped_column(String(40))
    arm: Mapped[str | None] = mapped_column(String(10))

    @property
    def doc(self) -> dict[str, Any]:
        """The case document, when loaded with the row (`LocalStore.case_rows`)."""
        try:
            return self.__dict__["_doc"]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError("the document is not loaded with this row; use LocalStore.case_doc") from None


class CaseDoc(Base):
    """A case's server document, apart from its summary row (same id) so that reading the
    summary columns does not read the documents."""

    __tablename__ = "case_docs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # The document's UTF-8 JSON, as the server sent it (orjson.loads to read it).
    doc: Mapped[bytes] = mapped_column(LargeBinary)


class QueueFactsRow(Base):
    """A case's clock-free queue facts, derived from its document, its unsent writes and its
    siblings' (client/queue.py `_CaseFacts`), kept so that a start does not parse every
    document again. A cache: `key` says what they were derived from (change numbers and
    unsent writes of the case and its siblings, the policy's person-wide holds) and the
    meta entry `queue_facts_version` the code that derived them; anything else is
    re-derived. A pull deletes the rows of the cases it touches (same transaction)."""

    __tablename__ = "queue_facts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary)
    facts: Mapped[bytes] = mapped_column(LargeBinary)


class OutboxRow(Base):
    """A local write waiting for (or refused by) the server; never dropped silently."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending | applied | rejected
    reason: Mapped[str | None] = mapped_column(Text)
    tries: Mapped[int] = mapped_column(Integer, default=0)


class RecordingUploadRow(Base):
    """A call recording waiting for upload (client/uploads.py); its bytes are in the store's
    vault folder (recording_vault.py). Deleted, with the file, only once the server has
    confirmed the whole file and its checksum; a refused one stays, with the reason."""

    __tablename__ = "recording_uploads"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    attempt_id: Mapped[str] = mapped_column(String(36), index=True)
    sip_call_id: Mapped[str | None] = mapped_column(String(200))
    started_at: Mapped[str | None] = mapped_column(String(32))
    ended_at: Mapped[str | None] = mapped_column(String(32))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending | rejected | confirmed
    reason: Mapped[str | None] = mapped_column(Text)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[str] = mapped_column(String(32))


class Draft(Base):
    """A note form being typed; survives a crash and is offered back."""

    __tablename__ = "drafts"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[str] = mapped_column(String(32))


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(10))
    team_id: Mapped[str | None] = mapped_column(String(36))


class Notice(Base):
    """Something the agent should be told once (a case reassigned away, a rejection)."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    case_id: Mapped[str | None] = mapped_column(String(36))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


@dataclass(frozen=True)
class AppliedPull:
    upserted: frozenset[str]
    removed: frozenset[str]


_CASE_COLUMNS = tuple(c.name for c in CaseRow.__table__.columns)
_UPSERT_CASES = (
    f"INSERT OR REPLACE INTO cases ({', '.join(_CASE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _CASE_COLUMNS)})"
)
_UPSERT_DOCS = "INSERT OR REPLACE INTO case_docs (id, doc) VALUES (?, ?)"
_UPSERT_FACTS = "INSERT OR REPLACE INTO queue_facts (id, key, facts) VALUES (?, ?, ?)"
_case_row = operator.itemgetter(*_CASE_COLUMNS)  # queue columns -> the row tuple, in C
_JSON_IDS = "(SELECT value FROM json_each(?))"  # the ids of one JSON array parameter
_INSERT_NOTICE = "INSERT INTO notices (kind, case_id, text, created_at) VALUES (?, ?, ?, ?)"
_CASE_KEYS = "SELECT person_key, number_keys FROM cases WHERE id = ?"
_CASE_DOC = "SELECT doc FROM case_docs WHERE id = ?"
_OUTBOX_COLUMNS = ("seq", "id", "type", "case_id", "payload", "created_at", "state", "reason", "tries")
_OUTBOX_ROWS = f"SELECT {', '.join(_OUTBOX_COLUMNS)} FROM outbox"


def _outbox_row(values: Any) -> OutboxRow:
    """An outbox row read in plain SQL, as the ORM would load it (its JSON payload parsed)."""
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


# SQLCipher encrypts and authenticates page by page; 16 KiB pages instead of its 4 KiB
# default cut a first sync's write cost almost in half (each case document is ~2.6 KB,
# bench/bench_first_sync.py). Fixed when a store is created; older stores keep theirs.
CIPHER_PAGE_SIZE = 16384


def _connect_engine(path: Path, key: str | None) -> Engine:
    if key is None:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30})
    else:
        import sqlcipher3

        def open_with(page_size: int | None) -> Any:
            conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=30)
            # A raw 256-bit key: no passphrase derivation, the key is random already.
            conn.execute(f"PRAGMA key = \"x'{key}'\"")
            if page_size:
                conn.execute(f"PRAGMA cipher_page_size = {page_size}")
            return conn

        def creator() -> Any:
            conn = open_with(CIPHER_PAGE_SIZE)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError:
                # A store written before the larger pages (or with another key: then the
                # default opens nothing either, and the caller reports the key problem).
                conn.close()
                conn = open_with(None)
            return conn

        # An explicit QueuePool: for a "sqlite://" URL SQLAlchemy would pick SingletonThreadPool,
        # which keeps one connection per thread and closes the oldest when more than five
        # threads have used it, even while that thread is mid-statement (a segfault in
        # sqlcipher). The GUI, the task worker and the sync worker all read and write.
        engine = create_engine("sqlite://", creator=creator, poolclass=QueuePool, pool_size=5, max_overflow=10)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # No checkpoint inside a commit: `Checkpointer` folds the WAL in on its own thread.
        cur.execute("PRAGMA wal_autocheckpoint=0")
        # After a checkpoint lets the WAL start over, cut its file back to this size: a first
        # sync's WAL must not keep its largest size on disk for the rest of the day.
        cur.execute(f"PRAGMA journal_size_limit={WAL_FILE_LIMIT}")
        cur.close()

    return engine


def _store_refusal(exc: BaseException) -> StoreWriteFailed | None:
    """SQLite's "operational" failures (full, read-only, locked, I/O) as `StoreWriteFailed`.
    SQLAlchemy wraps those of the standard `sqlite3`; those of `sqlcipher3` (the encrypted
    store's driver, whose classes are its own) reach us unwrapped."""
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


class LocalStore:
    """The replica for one user on one server. Thread-safe: each call uses its own session."""

    def __init__(self, path: Path, key: str | None, clock: Clock = PROCESS) -> None:
        self.path = path
        self.clock = clock
        self.encrypted = key is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = _connect_engine(path, key)
        try:
            Base.metadata.create_all(self.engine)
        except Exception as exc:  # sqlcipher raises DatabaseError "file is not a database"
            self.engine.dispose()
            if "not a database" in str(exc):
                raise StoreLocked(
                    f"The local store {path.name} cannot be opened with the key in the keyring. "
                    "Log out with 'wipe local data' or delete the file; the server keeps everything "
                    "already synced."
                ) from exc
            raise
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        with self.transaction() as s:
            major = s.get(Meta, "schema_major")
            if major is not None and int(major.value) > SCHEMA_MAJOR:
                self.engine.dispose()
                raise StoreLocked(
                    f"The local store was written by a newer AgentDesk (schema {major.value}); "
                    "update AgentDesk on this computer."
                )
            conn = s.connection()
            old_layout = any(col[1] == "doc" for col in conn.exec_driver_sql("PRAGMA table_info(cases)"))
            if old_layout or (major is not None and int(major.value) < SCHEMA_MAJOR):
                self._rebuild_replica(s, major.value if major is not None else "?")
            s.merge(Meta(key="schema_major", value=str(SCHEMA_MAJOR)))
        self.checkpointer = Checkpointer(self.engine, path.with_name(path.name + "-wal"), CHECKPOINT_BYTES,
                                          CHECKPOINT_QUIET_SECONDS)

    @staticmethod
    def _rebuild_replica(s: Session, old: str) -> None:
        """An older layout: drop the replica's tables and the cursor, so the next pull is a full
        one. The outbox, drafts and notices stay (pending writes are sent and shown as before)."""
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
        self.engine.dispose()  # the last connection to close folds the WAL in

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
        with self.sessions() as s:
            row = s.get(Meta, key)
            return row.value if row else None

    def set_meta(self, key: str, value: str, session: Session | None = None) -> None:
        if session is None:
            with self.transaction() as s:
                s.merge(Meta(key=key, value=value))
        else:
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
        row = s.get(CaseRow, case_id)
        doc = s.scalar(select(CaseDoc.doc).where(CaseDoc.id == case_id))
        if row is None or doc is None:
            return
        local = self._local_rows(s, [case_id]).get(case_id, [])
        for key, value in queue_columns(overlay(orjson.loads(doc), local, me)).items():
            setattr(row, key, value)

    def reset_replica(self) -> None:
        """Forget the cursor so the next pull is a full one (the self-check found a mismatch)."""
        with self.transaction() as s:
            s.execute(delete(Meta).where(Meta.key == "cursor"))
            s.execute(delete(CaseRow))
            s.execute(delete(CaseDoc))
            s.execute(delete(QueueFactsRow))

    # --- the queue's kept facts (client/queue.py) ------------------------------------------

    def queue_facts(self, version: str) -> dict[str, tuple[bytes, bytes]]:
        """Every case's kept queue facts as (key, facts) bytes, or nothing when they were
        derived by other code than `version` names."""
        with self.sessions() as s:
            found = s.get(Meta, "queue_facts_version")
            if found is None or found.value != version:
                return {}
            return {i: (k, f) for i, k, f in s.execute(select(QueueFactsRow.id, QueueFactsRow.key,
                                                              QueueFactsRow.facts))}

    def save_queue_facts(self, version: str, rows: list[tuple[str, bytes, bytes]],
                         drop: Iterable[str] = ()) -> None:
        """Keep (id, key, facts) rows derived by `version`'s code; rows of another version
        all go first. `drop`: ids whose rows go (cases no longer here)."""
        gone = list(drop)
        if not rows and not gone:
            return
        with self.transaction() as s:
            found = s.get(Meta, "queue_facts_version")
            if found is None or found.value != version:
                s.execute(delete(QueueFactsRow))
                s.merge(Meta(key="queue_facts_version", value=version))
            if gone:
                s.execute(delete(QueueFactsRow).where(QueueFactsRow.id.in_(gone)))
            if rows:
                s.connection().exec_driver_sql(_UPSERT_FACTS, rows)

    def case_count(self) -> int:
        with self.sessions() as s:
            return int(s.scalar(select(func.count()).select_from(CaseRow)) or 0)

    # --- outbox --------------------------------------------------------------------------

    def enqueue(self, s: Session, type_: str, payload: dict[str, Any], case_id: str | None,
                mutation_id: str | None = None) -> str:
        mid = mutation_id or str(uuid.uuid4())
        s.add(OutboxRow(id=mid, type=type_, case_id=case_id, payload=payload, created_at=self._now_iso()))
        return mid

    def pending(self, limit: int = 100) -> list[OutboxRow]:
        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).where(OutboxRow.state == "pending")
                                  .order_by(OutboxRow.seq).limit(limit)))

    def settle(self, results: dict[str, tuple[str, str | None]]) -> None:
        """Record the server's answer per mutation id: applied/duplicate leave, rejected stay."""
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
        with self.transaction() as s:
            s.execute(delete(OutboxRow).where(OutboxRow.state == "applied"))

    def note_try(self, ids: list[str]) -> None:
        with self.transaction() as s:
            s.execute(update(OutboxRow).where(OutboxRow.id.in_(ids)).values(tries=OutboxRow.tries + 1))

    def outbox_counts(self) -> tuple[int, int]:
        with self.sessions() as s:
            rows = dict(s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all())
            uploads = dict(s.execute(select(RecordingUploadRow.state, func.count())
                                     .group_by(RecordingUploadRow.state)).all())
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
        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).where(OutboxRow.state == "rejected").order_by(OutboxRow.seq)))

    def local_writes(self, case_id: str) -> list[OutboxRow]:
        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).where(OutboxRow.case_id == case_id).order_by(OutboxRow.seq)))

    # --- reads ---------------------------------------------------------------------------

    def case_rows(self) -> list[CaseRow]:
        """Every case's summary row with its document (`row.doc`): for checks and tools; the
        queue and the lead's grid read only the summary columns."""
        with self.sessions() as s:
            rows = list(s.scalars(select(CaseRow)))
            docs = {case_id: orjson.loads(doc) for case_id, doc in s.execute(select(CaseDoc.id, CaseDoc.doc))}
        for row in rows:
            row.__dict__["_doc"] = docs.get(row.id, {})
        return rows

    def sibling_ids(self, case_id: str) -> list[str]:
        """The other cases here of the same person, or sharing one of the case's numbers."""
        with self.sessions() as s:
            row = s.execute(select(CaseRow.person_key, CaseRow.number_keys).where(CaseRow.id == case_id)).first()
            if row is None:
                return []
            return [i for i in self._siblings(s, row[0], row[1]) if i != case_id]

    @staticmethod
    def _siblings(s: Session, person_key: str | None, number_keys: str | None) -> list[str]:
        clauses: list[Any] = [CaseRow.person_key == person_key] if person_key else []
        clauses += [CaseRow.number_keys.contains(key) for key in (number_keys or "").split()]
        if not clauses:
            return []
        return list(s.scalars(select(CaseRow.id).where(or_(*clauses))))

    def overlaid_docs(self, case_ids: list[str], me: str) -> dict[str, dict[str, Any]]:
        """Documents with their pending writes laid over them, for several cases at once."""
        if not case_ids:
            return {}
        with self.sessions() as s:
            docs = {i: orjson.loads(d) for i, d in s.execute(select(CaseDoc.id, CaseDoc.doc)
                                                              .where(CaseDoc.id.in_(case_ids)))}
            local = self._local_rows(s, list(docs))
        return {i: overlay(doc, local.get(i, []), me) for i, doc in docs.items()}

    def case_for_desk(self, case_id: str, me: str, meta_key: str) -> CaseReads | None:
        """Everything opening a case reads, on one connection in plain SQL: the case's
        document and its own writes, its siblings' documents (the same person, or sharing a
        number) with theirs laid over, the case's draft and one meta value (its last dial).

        Why: these were three sessions and seven ORM statements per case opened; building
        and compiling them cost more than SQLite's work (issue 20, bench_workstation.py).
        The rows read are the same as `case_doc`, `local_writes`, `overlaid_docs`,
        `load_draft` and `get_meta` read (tests/client/test_open_case.py compares them)."""
        with self.engine.connect() as conn:
            run = conn.exec_driver_sql
            row = run(_CASE_KEYS, (case_id,)).first()
            if row is None:
                return None
            found = run(_CASE_DOC, (case_id,)).first()
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
            draft = run("SELECT fields FROM drafts WHERE case_id = ?", (case_id,)).first()
            meta = run("SELECT value FROM meta WHERE key = ?", (meta_key,)).first()
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
        return [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM cases WHERE {' OR '.join(clauses)}",
                                                   tuple(params))]

    def case_doc(self, case_id: str) -> dict[str, Any] | None:
        with self.sessions() as s:
            if s.scalar(select(CaseRow.id).where(CaseRow.id == case_id)) is None:
                return None
            doc = s.scalar(select(CaseDoc.doc).where(CaseDoc.id == case_id))
            return orjson.loads(doc) if doc is not None else None

    def people(self) -> list[PersonRow]:
        with self.sessions() as s:
            return list(s.scalars(select(PersonRow).order_by(PersonRow.username)))

    def take_notices(self) -> list[Notice]:
        with self.transaction() as s:
            rows = list(s.scalars(select(Notice).order_by(Notice.id)))
            s.execute(delete(Notice))
            return rows

    # --- drafts --------------------------------------------------------------------------

    def save_draft(self, case_id: str, fields: dict[str, Any]) -> None:
        with self.transaction() as s:
            s.merge(Draft(case_id=case_id, fields=fields, saved_at=self._now_iso()))

    def load_draft(self, case_id: str) -> dict[str, Any] | None:
        with self.sessions() as s:
            row = s.get(Draft, case_id)
            return dict(row.fields) if row else None

    def drafts(self) -> dict[str, dict[str, Any]]:
        with self.sessions() as s:
            return {d.case_id: dict(d.fields) for d in s.scalars(select(Draft))}

    def discard_draft(self, case_id: str, session: Session | None = None) -> None:
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
