"""The system of record: SQLAlchemy 2 models for PostgreSQL in production and SQLite embedded.

Money columns are integer minor units (`*_minor`) beside a currency code. Times are
stored in UTC (UTCDateTime turns SQLite's naive values back into aware ones). Every
case carries `seq`, the global change number of its latest change: pull hands out cases
in `seq` order, and `scope_exits` records a case leaving someone's scope so that pull
can tell them to remove it. Schema changes go through Alembic (migrations/).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from agentdesk import clock

_ID_SOURCE: ContextVar[random.Random | None] = ContextVar("agentdesk_id_source", default=None)


def new_id() -> str:
    source = _ID_SOURCE.get()
    if source is None:
        return str(uuid.uuid4())
    return str(uuid.UUID(int=source.getrandbits(128), version=4))


@contextmanager
def seeded_ids(seed: int) -> Iterator[None]:
    """Ids drawn from a seeded generator instead of the OS's randomness, for the demo seed.

    Ids decide the demo's order (rows sorted by id) and its challenger arms (a hash of
    the case id), so with random ids two demos seeded at the same instant differ, and now
    and then the month's champion/challenger verdict came out the other way. Never used
    for real data: outside this block ids stay random.
    """
    token = _ID_SOURCE.set(random.Random(seed))
    try:
        yield
    finally:
        _ID_SOURCE.reset(token)


def utcnow() -> datetime:
    """Column defaults: the process clock (agentdesk.clock), like every other server "now"."""
    return clock.now()


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend; naive input is refused, not guessed."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))  # agent | lead | admin
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    agent_state: Mapped[str] = mapped_column(String(12), default="offline")
    agent_state_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the user's last event stream ended (NULL while one is open): presence.py.
    events_gone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    team: Mapped[Team | None] = relationship()


class RefreshToken(Base):
    """Stored hashed; rotated on every use; a reused (already rotated) token revokes them all."""

    __tablename__ = "refresh_tokens"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Debtor(Base):
    __tablename__ = "debtors"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100))
    national_id: Mapped[str] = mapped_column(String(32), index=True)
    # The person behind the debtor rows of every lender: the normalised national ID
    # (agentdesk.domain.identity). Holds and contact limits are the person's.
    person_key: Mapped[str] = mapped_column(String(32), index=True, default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    province: Mapped[str] = mapped_column(String(50), default="")
    city: Mapped[str] = mapped_column(String(50), default="")
    time_zone: Mapped[str] = mapped_column(String(50), default="Asia/Shanghai")


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    debtor_id: Mapped[str] = mapped_column(ForeignKey("debtors.id"), index=True)
    lender: Mapped[str] = mapped_column(String(100))
    placement_ref: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | on_hold | closed
    hold_reason: Mapped[str | None] = mapped_column(String(20))
    # Indexed by ix_cases_agent_seq (owner, change number), which also serves lookups by owner
    # alone: a second index on the owner only cost each reassigned case one more index update.
    assigned_agent_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    consent_late_calls: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The case's serialized history lives in `case_documents` (CaseDocument), not here.
    # The strategy engine's live placement (agentdesk.server.segmentation): the segment, why
    # (JSON: {"en", "zh"}), and the arm of the segment's running challenger. Like the owner,
    # sent with the document at pull time, never cached in it.
    segment: Mapped[str | None] = mapped_column(String(40))
    segment_reason: Mapped[str | None] = mapped_column(Text)
    arm: Mapped[str | None] = mapped_column(String(10))
    challenger: Mapped[str | None] = mapped_column(String(40))

    debtor: Mapped[Debtor] = relationship()
    assigned_agent: Mapped[User | None] = relationship()
    accounts: Mapped[list[Account]] = relationship(order_by="Account.account_no")
    contact_points: Mapped[list[ContactPoint]] = relationship(order_by="ContactPoint.position")
    attempts: Mapped[list[ContactAttempt]] = relationship(order_by="ContactAttempt.started_at")
    notes: Mapped[list[Note]] = relationship(order_by="Note.written_at")
    promises: Mapped[list[PromiseToPay]] = relationship(order_by="PromiseToPay.created_at")
    callbacks: Mapped[list[Callback]] = relationship(order_by="Callback.due_at")
    payments: Mapped[list[Payment]] = relationship(order_by="Payment.paid_on")
    sms_messages: Mapped[list[SmsMessage]] = relationship(order_by="SmsMessage.created_at")  # sms/models.py

    __table_args__ = (
        Index("ix_cases_agent_seq", "assigned_agent_id", "seq"),
        Index("ix_cases_team_seq", "team_id", "seq"),
    )


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    account_no: Mapped[str] = mapped_column(String(64))
    product: Mapped[str] = mapped_column(String(100))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    principal_minor: Mapped[int] = mapped_column(BigInteger)
    outstanding_minor: Mapped[int] = mapped_column(BigInteger)
    overdue_minor: Mapped[int] = mapped_column(BigInteger)
    fees_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    due_date: Mapped[date] = mapped_column(Date)
    days_past_due: Mapped[int] = mapped_column(Integer)

    # Intake finds an account again by (lender, account number); the lender is on the case.
    __table_args__ = (Index("ix_accounts_account_no", "account_no"),)


class ContactPoint(Base):
    __tablename__ = "contact_points"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(10))  # phone | address | email
    value: Mapped[str] = mapped_column(String(200))
    # A phone number's normal form (agentdesk.domain.identity): one number wherever it is
    # written, whose invalid / do-not-contact mark and daily dials count on every case.
    number: Mapped[str | None] = mapped_column(String(32), index=True)
    owner: Mapped[str] = mapped_column(String(10))  # debtor | emergency
    relation: Mapped[str | None] = mapped_column(String(20))
    contact_name: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16), default="valid")
    source: Mapped[str] = mapped_column(String(20), default="lender")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Who typed in a number found by data repair; the lead sees it beside the number to verify.
    added_by: Mapped[str | None] = mapped_column(String(36))


class ContactAttempt(Base):
    """A fact: kept even when the rules forbade it (then `compliance_flag` says which rule)."""

    __tablename__ = "contact_attempts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client-generated
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    contact_point_id: Mapped[str | None] = mapped_column(String(36))
    channel: Mapped[str] = mapped_column(String(8), default="call")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reached: Mapped[str] = mapped_column(String(12))
    outcome: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    recording_ref: Mapped[str | None] = mapped_column(String(200))
    talk_track_id: Mapped[str | None] = mapped_column(String(64))
    talk_track_version: Mapped[int | None] = mapped_column(Integer)
    compliance_flag: Mapped[str | None] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The call (migration 0007): direction, the PBX's Call-ID, answer time, talk time.
    direction: Mapped[str] = mapped_column(String(8), default="outbound", server_default="outbound")
    sip_call_id: Mapped[str | None] = mapped_column(String(200), index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    talk_seconds: Mapped[int | None] = mapped_column(Integer)
    # The agent saved a note whose words the conduct check flagged: the phrases and the
    # agent's reason, for the lead's review (agentdesk.domain.disclosure).
    conduct_override: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    agent: Mapped[User | None] = relationship()


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    conduct_override: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    author: Mapped[User | None] = relationship()


class Consent(Base):
    """A debtor's recorded consent (e.g. to calls in the quiet hours): who gave it on which
    recorded call, when, taken by whom. It covers that debtor's case only, never a third
    party; a stop request withdraws it."""

    __tablename__ = "consents"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # late_calls
    attempt_id: Mapped[str] = mapped_column(String(36))
    given_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PromiseToPay(Base):
    __tablename__ = "promises"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    attempt_id: Mapped[str | None] = mapped_column(String(36))
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="pending")  # pending | kept | broken
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Callback(Base):
    __tablename__ = "callbacks"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    attempt_id: Mapped[str | None] = mapped_column(String(36))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(8), default="open")  # open | done


class Payment(Base):
    __tablename__ = "payments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    paid_on: Mapped[date] = mapped_column(Date)
    # Set by the payments-file import: the same (account, day, amount) imported twice is one payment.
    account_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # The lender's transaction serial (交易流水号), when the feed has one: the same serial counts once.
    txn_ref: Mapped[str | None] = mapped_column(String(64), index=True)


class CaseDocument(Base):
    """A case's history serialized for pulls (agentdesk.server.documents); no row = build on read.

    Apart from `cases` because a reassignment updates thousands of case rows at once, and
    SQLite rewrites a whole row (here ~5 KB of cached JSON) to change one column of it.
    """

    __tablename__ = "case_documents"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    doc_cache: Mapped[str] = mapped_column(Text)
    # The history-derived queue columns (agentdesk.domain.queue_columns) as JSON object
    # members; built and removed together with doc_cache.
    queue_cache: Mapped[str] = mapped_column(Text)


class ScopeExit(Base):
    """A case left an agent's (or a team's) scope at change number `seq`: pull sends a removal."""

    __tablename__ = "scope_exits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    agent_id: Mapped[str | None] = mapped_column(String(36), index=True)
    team_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # When the case left; a former owner's late facts are taken for a bounded time after it.
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)


class SyncCounter(Base):
    """One row; updating it takes a row lock, so change numbers commit in order on PostgreSQL."""

    __tablename__ = "sync_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AppliedMutation(Base):
    """Every mutation id the server has answered, so a retried delivery is answered the same."""

    __tablename__ = "applied_mutations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(10))  # applied | rejected
    reason: Mapped[str | None] = mapped_column(Text)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Reassignment(Base):
    """One bulk move of cases by a lead; its items let an undo restore the previous owners."""

    __tablename__ = "reassignments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    team_id: Mapped[str | None] = mapped_column(String(36), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    mode: Mapped[str] = mapped_column(String(10))
    case_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReassignmentItem(Base):
    """A case moved from one agent to another; `seq_after` tells whether it changed since."""

    __tablename__ = "reassignment_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reassignment_id: Mapped[str] = mapped_column(ForeignKey("reassignments.id"), index=True)
    case_id: Mapped[str] = mapped_column(String(36))
    from_agent_id: Mapped[str | None] = mapped_column(String(36))
    to_agent_id: Mapped[str | None] = mapped_column(String(36))
    seq_after: Mapped[int] = mapped_column(BigInteger)


class AuditEntry(Base):
    """Append-only: who saw or changed what, and when. Never updated, never deleted."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[str | None] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str | None] = mapped_column(String(20))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class LoginThrottle(Base):
    """Failed logins of one source address (`ip:...`) or one account name (`user:<sha256>`)."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime)
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ServerSetting(Base):
    """Values every API process must share (the token signing key), kept in the database."""

    __tablename__ = "server_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Recording(Base):
    """A call recording in the archive (agentdesk.server.recordings): write-once.

    The bytes live in the recordings folder under their SHA-256 (recording_archive.py);
    this row says whose call they are. `state`: receiving (an upload in progress, `received`
    bytes so far) -> archived -> purged (after `retain_until`; the row stays as the record
    that it existed and was removed)."""

    __tablename__ = "recordings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the desk's id, or the server's for a PBX file
    attempt_id: Mapped[str | None] = mapped_column(String(36), index=True)
    sip_call_id: Mapped[str | None] = mapped_column(String(200), index=True)
    source: Mapped[str] = mapped_column(String(8))  # desk | pbx
    uploaded_by: Mapped[str | None] = mapped_column(String(36))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    state: Mapped[str] = mapped_column(String(10), default="receiving", index=True)
    checksum_failures: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    duration_ms: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retain_until: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class QaScore(Base):
    """A lead's score sheet for one recording: the answers per item, the score and a comment."""

    __tablename__ = "qa_scores"
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"), primary_key=True)
    sheet_id: Mapped[str] = mapped_column(String(64))
    sheet_version: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    score: Mapped[int] = mapped_column(Integer)  # 0-100 (agentdesk.domain.qa.score)
    comment: Mapped[str] = mapped_column(Text, default="")
    scored_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
# The SMS tables live in their own module (issue 19); imported here so that every user of
# the metadata (create_all, Alembic, the relationship above) sees them.
from agentdesk.server.sms.models import SmsMessage  # noqa: E402
