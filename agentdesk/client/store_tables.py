"""The local store's tables as SQLAlchemy ORM classes, and its engine.

Apart from agentdesk.client.store so that a desk's start does not import SQLAlchemy
(~0.25-0.4 s, the largest import left; issue 20, cold start): the first queue is read in
plain SQL on a DB-API connection (`LocalStore.reading`), and this module loads on the
first ORM use (a save, the sync's first cycle, a lead's grid), or when a store is created
or its layout is upgraded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import JSON, Engine, Integer, LargeBinary, String, Text, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import QueuePool


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


def make_engine(connect: Callable[[], Any], prepare: Callable[[Any], None], url: str | None = None) -> Engine:
    """The store's engine: connections made by `connect` (SQLCipher, keyed), or by
    SQLAlchemy from `url` (a plain SQLite file), each set up by `prepare` (the pragmas).

    An explicit QueuePool for the keyed store: for a "sqlite://" URL SQLAlchemy would pick
    SingletonThreadPool, which keeps one connection per thread and closes the oldest when
    more than five threads have used it, even while that thread is mid-statement (a
    segfault in sqlcipher). The GUI, the task worker and the sync worker all read and write.
    """
    if url is not None:
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    else:
        engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, pool_size=5, max_overflow=10)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        prepare(dbapi_conn)

    return engine
