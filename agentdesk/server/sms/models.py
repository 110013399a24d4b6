"""The SMS tables: one row per message (its state machine), its events, and stop requests.

A message's id is the idempotency key the whole way: the desk's outbox mutation carries
it, the server stores it once (primary key), the gateway's delivery-report URL carries it
back. Its `state` moves only forward:

    queued -> sending -> submitted -> delivered | failed
                 \\-> uncertain -> submitted (a report or Kannel's store shows it was taken)
                               \\-> queued (the grace period passed with no trace of it)
    queued -> cancelled (the guard refused it for good before it left)
    sending -> rejected (the gateway refused it for good)

`sending` is written and committed *before* the HTTP call, so a crash in the middle
leaves a row that says "maybe sent", never one that says "not sent".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.server.models import Base, UTCDateTime, utcnow

STATES = ("queued", "sending", "uncertain", "submitted", "delivered", "failed", "cancelled", "rejected")
FINAL_STATES = frozenset({"delivered", "failed", "cancelled", "rejected"})
SENT_STATES = frozenset({"sending", "uncertain", "submitted", "delivered", "failed"})


class SmsMessage(Base):
    __tablename__ = "sms_messages"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the idempotency key
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    contact_point_id: Mapped[str | None] = mapped_column(String(36), index=True)
    to_number: Mapped[str] = mapped_column(String(32))
    template_id: Mapped[str] = mapped_column(String(64), index=True)
    template_version: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str] = mapped_column(String(2))
    text: Mapped[str] = mapped_column(Text)
    segments: Mapped[int] = mapped_column(Integer)
    encoding: Mapped[str] = mapped_column(String(4))
    # "agent" (sent from the desk) or "cadence:<rule>" (scheduled by the strategy's cadence).
    origin: Mapped[str] = mapped_column(String(64))
    # For cadence messages: rule and the fact it answers (e.g. the promise id); unique, so
    # a scheduler run twice (or on two processes) schedules one message.
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    created_by: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # A cadence message meant for one day is cancelled, not sent late, after this.
    send_by: Mapped[datetime | None] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(10), default="queued", index=True)
    state_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    claim: Mapped[str | None] = mapped_column(String(36))
    last_error: Mapped[str | None] = mapped_column(String(300))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    gateway_id: Mapped[str | None] = mapped_column(String(64))
    link_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    link_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    open_count: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_sms_state_not_before", "state", "not_before"),)


class SmsEvent(Base):
    """What happened to a message: submit tries, delivery reports (matched or not), opens."""

    __tablename__ = "sms_events"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    message_id: Mapped[str | None] = mapped_column(String(36), index=True)  # None: unmatched report
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(24))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class SmsOptOut(Base):
    """A number that replied T/TD/STOP: no SMS to it again, on any case."""

    __tablename__ = "sms_opt_outs"
    number: Mapped[str] = mapped_column(String(32), primary_key=True)  # digits only, national form
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    via: Mapped[str] = mapped_column(String(16))  # "reply" | "page"
