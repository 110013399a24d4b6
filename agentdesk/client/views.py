"""Plain read models the local store hands to the desktop.

Frozen dataclasses, never ORM objects: they cross threads and Qt signals safely and a
view cannot lazy-load from a closed session. Personal data in them is already masked
where the task does not need it (ID numbers, phone numbers); revealing is a separate,
audited action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from agentdesk.domain.money import Money


@dataclass(frozen=True)
class PriorityReason:
    """One factor of a case's place in the queue, in words an agent understands."""

    key: str
    text_en: str
    text_zh: str
    points: float


@dataclass(frozen=True)
class QueueRow:
    case_id: str
    debtor_name: str
    lender: str
    overdue: Money
    outstanding: Money
    days_past_due: int
    bucket: str
    status: str  # open | on_hold | closed
    last_outcome: str | None
    last_attempt_at: datetime | None
    score: float
    # Largest first; a sequence the queue may make on first use (client/queue.py `_Reasons`).
    reasons: Sequence[PriorityReason]
    callable_from: datetime | None  # None: callable now
    assigned_agent: str | None = None  # username; shown to leads
    has_pending: bool = False  # writes not yet on the server
    matched: str | None = None  # with a search: "name", "phone" or "account" (queue_columns.matched_field)


@dataclass(frozen=True)
class AccountView:
    id: str
    account_no: str
    product: str
    principal: Money
    outstanding: Money
    overdue: Money
    fees: Money
    due_date: date
    days_past_due: int
    bucket: str


@dataclass(frozen=True)
class ContactPointView:
    id: str
    kind: str  # phone | address | email
    value_masked: str
    owner: str  # debtor | emergency
    relation: str | None  # for emergency contacts: 配偶, 父亲, 同事, ...
    contact_name: str | None
    status: str  # unverified | valid | invalid | wrong_party | do_not_contact
    source: str
    number_key: str | None = None  # the number across cases (opaque), for per-number limits


@dataclass(frozen=True)
class AttemptView:
    id: str
    started_at: datetime
    channel: str
    contact_point_id: str | None
    contact_label: str
    reached: str
    outcome: str
    agent: str
    note: str
    compliance_flag: str | None
    pending: bool  # still in the outbox
    rejected_reason: str | None = None


@dataclass(frozen=True)
class SmsView:
    """One SMS on the case: from the desk or the cadence, and what became of it."""

    id: str
    template_id: str
    template_version: int
    contact_point_id: str | None
    contact_label: str
    state: str  # queued | sending | uncertain | submitted | delivered | failed | cancelled | rejected
    origin: str  # "agent" | "cadence:<rule>"
    text: str
    created_at: datetime
    sent_at: datetime | None
    delivered_at: datetime | None
    opened_at: datetime | None
    pending: bool = False  # still in the desk's outbox
    rejected_reason: str | None = None


@dataclass(frozen=True)
class RelatedContact:
    """A contact made on another case that counts for this one: the same person's (another
    lender's loan), or anyone's call to one of this case's numbers. The server sends only
    what the rules read, nothing of the other case itself."""

    id: str
    at: datetime
    channel: str
    number_key: str | None
    reached: str
    owner: str  # debtor | emergency, on the case it was made on
    same_person: bool


@dataclass(frozen=True)
class PromiseView:
    id: str
    amount: Money
    due_date: date
    status: str  # pending | kept | broken
    created_at: datetime
    pending: bool


@dataclass(frozen=True)
class NoteView:
    id: str
    text: str
    author: str
    written_at: datetime
    pending: bool


@dataclass(frozen=True)
class PaymentView:
    id: str
    amount: Money
    paid_on: date


@dataclass(frozen=True)
class CallbackView:
    id: str
    due_at: datetime
    status: str  # open | done
    pending: bool = False


@dataclass(frozen=True)
class StrategyPlacement:
    """Which segment the strategy engine placed the case in, why, and its challenger arm."""

    segment: str
    reason_en: str
    reason_zh: str
    arm: str | None = None  # "champion" | "challenger" while the segment runs an experiment
    challenger: str | None = None
    name_en: str = ""
    name_zh: str = ""


@dataclass(frozen=True)
class CaseDetail:
    case_id: str
    lender: str
    status: str
    hold_reason: str | None
    debtor_name: str
    national_id_masked: str
    birth_date: date | None
    province: str
    city: str
    time_zone: str
    consent_late_calls: bool
    assigned_agent: str | None
    accounts: tuple[AccountView, ...]
    contact_points: tuple[ContactPointView, ...]
    attempts: tuple[AttemptView, ...]  # newest first
    promises: tuple[PromiseView, ...]
    notes: tuple[NoteView, ...]
    payments: tuple[PaymentView, ...] = field(default_factory=tuple)
    person_key: str | None = None  # the person across cases and lenders (opaque)
    related: tuple[RelatedContact, ...] = field(default_factory=tuple)
    callbacks: tuple[CallbackView, ...] = field(default_factory=tuple)
    sms: tuple[SmsView, ...] = field(default_factory=tuple)  # newest first

    @property
    def engaged_at(self) -> datetime | None:
        """The latest open of a link in one of our SMS (the queue's priority reads it)."""
        return max((m.opened_at for m in self.sms if m.opened_at is not None), default=None)
    placement: StrategyPlacement | None = None

    @property
    def overdue(self) -> Money:
        currency = self.accounts[0].overdue.currency if self.accounts else "CNY"
        return Money(sum(a.overdue.minor for a in self.accounts), currency)

    @property
    def outstanding(self) -> Money:
        currency = self.accounts[0].outstanding.currency if self.accounts else "CNY"
        return Money(sum(a.outstanding.minor for a in self.accounts), currency)

    @property
    def days_past_due(self) -> int:
        return max((a.days_past_due for a in self.accounts), default=0)


@dataclass(frozen=True)
class OutcomeDraft:
    """What the note form hands to the client to record; validated before it is written."""

    case_id: str
    reached: str
    outcome: str
    started_at: datetime
    ended_at: datetime | None = None
    contact_point_id: str | None = None
    note: str = ""
    promise_amount: Money | None = None
    promise_date: date | None = None
    callback_at: datetime | None = None
    talk_track_id: str | None = None
    talk_track_version: int | None = None
    # The call behind it (issue 13/18): the dial this desk placed, or the debtor's own call.
    dial_id: str | None = None
    inbound: bool = False
    sip_call_id: str | None = None
    answered_at: datetime | None = None
    talk_seconds: int | None = None
    # The debtor agreed on this recorded call to be called in the quiet hours (their own
    # consent: it never covers a third party).
    consent_late_calls: bool = False
    # The note's flagged phrases and the agent's reason for keeping them (the lead reviews it).
    conduct_override: dict[str, Any] | None = None


@dataclass(frozen=True)
class PreparedOutcome:
    """An outcome checked against the case and turned into its outbox writes, not yet
    written (`ClientSession.prepare_outcome`, then `write_outcome`)."""

    attempt_id: str
    case_id: str
    writes: tuple[tuple[str, dict[str, Any]], ...]  # (mutation type, payload as JSON)
    uses_dial: bool  # the outcome stands on this desk's dial, which writing it uses up


@dataclass(frozen=True)
class SyncStatus:
    state: str  # online | offline | syncing | session_ended (sign in again: client/relogin.py)
    pending: int
    rejected: int
    last_sync_at: datetime | None
    last_error: str | None
