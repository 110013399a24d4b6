"""What comes back: delivery reports, the debtor opening the link, replies that ask to stop.

Each lands on the message (its state, its events) and on the case, so the desk and the
lead see it and the strategy can use it:

- a delivery report moves the message (`submitted` -> `delivered` | `failed`); a report
  whose message or signature is unknown is kept as an unmatched event, never dropped;
- a failed delivery moves the number toward "unverified" (a valid number that cannot
  take an SMS may no longer be the debtor's, so it gets no debt content until checked);
- opening the link is an engagement event (no address, no location, no device kept);
  the case's document carries `opened_at`, which raises its priority for some hours;
- a T/TD/STOP reply (or the page's stop button) stops every SMS to that number.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.domain import compliance
from agentdesk.server import sync
from agentdesk.server.models import Callback, Case, ContactPoint, Payment
from agentdesk.server.policy import policy_in_force
from agentdesk.server.sms import outbox
from agentdesk.server.sms.gateway import (
    DLR_BUFFERED,
    DLR_DELIVERED,
    DLR_FAILED,
    DLR_SMSC_ACCEPTED,
    DLR_SMSC_REJECTED,
)
from agentdesk.server.sms.models import FINAL_STATES, SENT_STATES, SmsEvent, SmsMessage, SmsOptOut

CALLBACK_HOURS = (10, 14, 19)  # the debtor's local hours offered on the page


def _touch(session: Session, case_id: str) -> None:
    case = session.get(Case, case_id)
    if case is not None:
        sync.touch(session, [case])


def record_report(session: Session, message_id: str, signature: str, status: int, attempt: int | None,
                  gateway_id: str, now: datetime) -> str:
    """Apply one delivery report; returns what it did ("delivered", "unmatched", ...)."""
    key = outbox.callback_key(session)
    message = session.get(SmsMessage, message_id) if message_id else None
    if message is None or not hmac.compare_digest(outbox.sign(key, message_id), signature):
        session.add(SmsEvent(message_id=None, at=now, kind="dlr_unmatched",
                             detail={"status": status, "gateway_id": gateway_id[:64],
                                     "message": message_id[:36]}))
        return "unmatched"
    session.add(SmsEvent(message_id=message.id, at=now, kind="dlr",
                         detail={"status": status, "attempt": attempt, "gateway_id": gateway_id[:64]}))
    if status & DLR_DELIVERED:
        if message.state not in ("delivered",):
            message.state, message.state_at, message.delivered_at = "delivered", now, now
            message.gateway_id = gateway_id[:64] or message.gateway_id
            _touch(session, message.case_id)
            return "delivered"
        return "duplicate"
    if status & (DLR_FAILED | DLR_SMSC_REJECTED):
        # "rejected" (the gateway said no) becomes "failed" when its report confirms it.
        if message.state not in FINAL_STATES or message.state == "rejected" and message.failed_at is None:
            message.state, message.state_at, message.failed_at = "failed", now, now
            message.last_error = f"delivery report {status}"
            _number_failed(session, message, now)
            _touch(session, message.case_id)
            return "failed"
        return "duplicate"
    if status & (DLR_SMSC_ACCEPTED | DLR_BUFFERED):
        # The gateway has it: whatever the dispatcher believed, it must not send it again.
        if message.state in ("queued", "sending", "uncertain"):
            message.state, message.state_at, message.claim = "submitted", now, None
            message.gateway_id = gateway_id[:64] or None
            return "submitted"
        return "noted"
    return "noted"


def _number_failed(session: Session, message: SmsMessage, now: datetime) -> None:
    point = session.get(ContactPoint, message.contact_point_id) if message.contact_point_id else None
    if point is not None and point.status == "valid":
        point.status = "unverified"
        session.add(SmsEvent(message_id=message.id, at=now, kind="number_unverified",
                             detail={"contact_point": point.id}))


# --- the link page --------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkView:
    """What the page shows; nothing more leaves the server for a token holder."""

    lang: str
    company: str
    debtor_name_masked: str
    amount: str
    due_date: str
    callback_number: str
    slots: tuple[datetime, ...]  # UTC; empty when no callback can be booked
    time_zone: str
    opted_out: bool


class LinkGone(Exception):
    """The token is unknown (404) or expired (410: `expired` True)."""

    def __init__(self, expired: bool) -> None:
        super().__init__("expired" if expired else "unknown")
        self.expired = expired


def _message_for(session: Session, token: str, now: datetime) -> SmsMessage:
    if not token or len(token) > 64:
        raise LinkGone(False)
    message = session.scalar(select(SmsMessage).where(SmsMessage.link_token_hash == outbox.token_hash(token)))
    if message is None:
        raise LinkGone(False)
    if message.link_expires_at is None or now >= message.link_expires_at or message.state in ("cancelled",
                                                                                             "rejected"):
        raise LinkGone(True)
    return message


def _mask_name(name: str) -> str:
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


def _slots(case: Case, now: datetime) -> tuple[datetime, ...]:
    """The next three offered hours (debtor's time) that the contact rules allow for a call."""
    if case.status != "open":
        return ()
    zone = ZoneInfo(case.debtor.time_zone)
    local = now.astimezone(zone)
    policy = policy_in_force()
    found: list[datetime] = []
    for offset in range(3):
        day: date = local.date() + timedelta(days=offset)
        for hour in CALLBACK_HOURS:
            at = datetime.combine(day, time(hour), tzinfo=zone)
            if at < local + timedelta(hours=1):
                continue
            # Offered only where a call is allowed then: the callback is a call.
            if not compliance._in_quiet_hours(at.time(), policy.quiet_start, policy.quiet_end):  # noqa: SLF001
                found.append(at.astimezone(now.tzinfo))
            if len(found) == 3:
                return tuple(found)
    return tuple(found)


def open_link(session: Session, token: str, now: datetime) -> LinkView:
    """The page for a token; the first open is the engagement event the case records."""
    message = _message_for(session, token, now)
    case = session.get(Case, message.case_id)
    assert case is not None
    first = message.opened_at is None
    message.open_count += 1
    if first:
        message.opened_at = now
        _touch(session, case.id)
    session.add(SmsEvent(message_id=message.id, at=now, kind="opened", detail={"count": message.open_count}))
    values = outbox.case_values(case, message.lang)
    return LinkView(
        lang=message.lang, company=outbox.rules().company.get(message.lang),
        debtor_name_masked=_mask_name(case.debtor.name), amount=values["amount_due"],
        due_date=values["due_date"], callback_number=outbox.rules().callback_number,
        slots=_slots(case, now), time_zone=case.debtor.time_zone,
        opted_out=outbox.opted_out(session, message.to_number),
    )


def request_callback(session: Session, token: str, slot: datetime, now: datetime) -> datetime:
    """Book the callback the debtor chose on the page; it lands in the agent's queue."""
    message = _message_for(session, token, now)
    case = session.get(Case, message.case_id)
    assert case is not None
    allowed = _slots(case, now)
    if slot not in allowed:
        raise ValueError("that time is no longer offered; choose one of the times shown")
    session.add(Callback(case_id=case.id, due_at=slot))
    session.add(SmsEvent(message_id=message.id, at=now, kind="callback_requested", detail={"due_at": slot.isoformat()}))
    _touch(session, case.id)
    return slot


def stop_number(session: Session, number: str, via: str, now: datetime) -> int:
    """No SMS to this number again: record the stop and cancel what is still queued for it."""
    key = outbox.normalized(number)
    if not key:
        return 0
    if session.get(SmsOptOut, key) is None:
        session.add(SmsOptOut(number=key, at=now, via=via))
    queued = [m for m in session.scalars(select(SmsMessage).where(SmsMessage.state == "queued"))
              if outbox.normalized(m.to_number) == key]
    for message in queued:
        message.state, message.state_at, message.last_error = "cancelled", now, "the number asked to stop"
        session.add(SmsEvent(message_id=message.id, at=now, kind="cancelled", detail={"why": "stop request"}))
        _touch(session, message.case_id)
    return len(queued)


def stop_via_link(session: Session, token: str, now: datetime) -> None:
    message = _message_for(session, token, now)
    stop_number(session, message.to_number, "page", now)


# --- the lead's chart -------------------------------------------------------------------------


def template_report(session: Session, team_id: str | None, days: int, now: datetime) -> list[contract.SmsTemplateRow]:
    """Per template and version: sent, delivered, failed, opened, and paid within 7 days."""
    since = now - timedelta(days=days)
    where = [SmsMessage.state.in_(list(SENT_STATES)), SmsMessage.sent_at >= since]
    if team_id is not None:
        where.append(Case.team_id == team_id)
    rows = session.execute(
        select(SmsMessage.template_id, SmsMessage.template_version, SmsMessage.state, SmsMessage.opened_at,
               SmsMessage.case_id, SmsMessage.sent_at)
        .join(Case, Case.id == SmsMessage.case_id).where(and_(*where))
    ).all()
    case_ids = {r.case_id for r in rows}
    payments: dict[str, list[date]] = {}
    for start in range(0, len(case_ids), 500):
        chunk = sorted(case_ids)[start:start + 500]
        for case_id, paid_on in session.execute(select(Payment.case_id, Payment.paid_on)
                                                .where(Payment.case_id.in_(chunk))):
            payments.setdefault(case_id, []).append(paid_on)
    out: dict[tuple[str, int], list[int]] = {}
    for r in rows:
        counts = out.setdefault((r.template_id, r.template_version), [0, 0, 0, 0, 0])
        counts[0] += 1
        counts[1] += r.state == "delivered"
        counts[2] += r.state == "failed"
        counts[3] += r.opened_at is not None
        sent_day = r.sent_at.date()
        counts[4] += any(sent_day <= d <= sent_day + timedelta(days=7) for d in payments.get(r.case_id, ()))
    return [contract.SmsTemplateRow(template_id=t, version=v, sent=c[0], delivered=c[1], failed=c[2], opened=c[3],
                                    paid_7d=c[4]) for (t, v), c in sorted(out.items())]


__all__ = [
    "LinkGone",
    "LinkView",
    "open_link",
    "record_report",
    "request_callback",
    "stop_number",
    "template_report",
]
