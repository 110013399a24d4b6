"""Taking an SMS in: the desk's `sms.send` and the cadence's plans become queued messages.

Both go through `queue_message`: it asks the send guard with the server's own history,
fills the template from the server's copy of the case (the desk's preview used the same
domain code and the same data), creates the link token, and stores the message with
its id as the idempotency key. Nothing here talks to a gateway; the dispatcher does.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.domain import sms_guard, sms_templates
from agentdesk.domain.compliance import PastContact
from agentdesk.domain.money import Money
from agentdesk.domain.sms_templates import SmsRules, SmsTemplate
from agentdesk.server import persons
from agentdesk.server.models import Case, ContactPoint, Debtor, ServerSetting, User
from agentdesk.server.policy import planned_contact, policy_in_force
from agentdesk.server.sms.models import SENT_STATES, SmsEvent, SmsMessage, SmsOptOut

ENV_PUBLIC_URL = "AGENTDESK_PUBLIC_URL"
LINK_PATH = "/s/"


class SmsRefused(Exception):
    """A message the server will not queue; the message says why, for the agent."""


@lru_cache(maxsize=1)
def rules() -> SmsRules:
    return sms_templates.load_rules()


@lru_cache(maxsize=1)
def templates() -> tuple[SmsTemplate, ...]:
    return tuple(sms_templates.load_templates(rules=rules()))


def public_base() -> str:
    """Where the debtor's link points: the server's public address (behind its TLS proxy)."""
    return os.environ.get(ENV_PUBLIC_URL, "http://127.0.0.1:8470").rstrip("/")


def normalized(number: str) -> str:
    """A phone number as one key wherever it appears (full-width digits, +86, spaces): the
    normal form of contact points' `number` column (agentdesk.domain.identity)."""
    return persons.phone_number(number) or "".join(ch for ch in number if ch.isdigit())


def callback_key(session: Session) -> bytes:
    """The key that signs delivery-report URLs; shared by all API processes, made once."""
    row = session.get(ServerSetting, "sms_callback_key")
    if row is None:
        row = ServerSetting(key="sms_callback_key", value=secrets.token_urlsafe(32))
        session.add(row)
        session.flush()
    return row.value.encode()


def sign(key: bytes, message_id: str) -> str:
    return hmac.new(key, message_id.encode(), hashlib.sha256).hexdigest()[:32]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def case_values(case: Case, lang: str) -> dict[str, str]:
    """The variables a template takes from a case (agentdesk.domain.sms_templates.case_values)."""
    currency = case.accounts[0].currency if case.accounts else "CNY"
    live = sorted((p for p in case.promises if p.status in ("pending", "broken")), key=lambda p: p.created_at)
    promise = (Money(live[-1].amount_minor, live[-1].currency), live[-1].due_date) if live else None
    return sms_templates.case_values(case.debtor.name, Money(sum(a.overdue_minor for a in case.accounts), currency),
                                     promise, min((a.due_date for a in case.accounts), default=None))


def guard_inputs(session: Session, case: Case, before: datetime, exclude: str | None = None,
                 include_queued: bool = True) -> list[PastContact]:
    """What the guard counts for an SMS on `case`: the person's and the numbers' contacts
    (agentdesk.server.persons.history), and the SMS to the person or to one of the case's
    numbers, as contacts of channel "sms".

    Taking a message in counts the queued ones too (two clicks must not queue two); the
    dispatcher counts only what left, or two queued messages would hold each other back.
    """
    history = persons.history(session, case, before)
    person = case.debtor.person_key
    numbers = [p.number for p in case.contact_points if p.number]
    states = [*SENT_STATES, "queued"] if include_queued else list(SENT_STATES)
    conditions: list[Any] = [SmsMessage.case_id == case.id]
    if person:
        conditions.append(Debtor.person_key == person)
    if numbers:
        conditions.append(ContactPoint.number.in_(numbers))
    rows = session.execute(
        select(SmsMessage.id, SmsMessage.case_id, SmsMessage.contact_point_id, SmsMessage.sent_at,
               SmsMessage.not_before, ContactPoint.owner, ContactPoint.number, Debtor.person_key)
        .join(Case, Case.id == SmsMessage.case_id)
        .join(Debtor, Debtor.id == Case.debtor_id)
        .outerjoin(ContactPoint, ContactPoint.id == SmsMessage.contact_point_id)
        .where(or_(*conditions), SmsMessage.state.in_(states))
    ).all()
    for mid, case_id, point_id, sent_at, not_before, owner, number, person_key in rows:
        if mid == exclude:
            continue
        same_person = case_id == case.id or (bool(person) and person_key == person)
        history.append(sms_guard.sms_contact(sent_at or not_before, point_id if case_id == case.id else None,
                                             number, owner or "debtor", same_person))
    return history


def opted_out(session: Session, number: str) -> bool:
    return session.get(SmsOptOut, normalized(number)) is not None


def verdict_for(session: Session, case: Case, point: ContactPoint, template: SmsTemplate, now: datetime,
                exclude: str | None = None) -> sms_guard.SmsVerdict:
    """The send guard's answer for this message now, from the server's own records
    (`exclude`: the message being dispatched, which then counts only what already left)."""
    history = guard_inputs(session, case, now + timedelta(seconds=1), exclude, include_queued=exclude is None)
    debtor_points = [p for p in case.contact_points if p.owner == "debtor" and p.kind == "phone"]
    reachable = any(p.status in ("valid", "unverified") for p in debtor_points)
    planned = planned_contact(case, point, "sms", debtor_reachable=reachable)
    policy = policy_in_force()
    return sms_guard.check_send(template, planned, history, policy, rules().for_preset(policy.name), now,
                                opted_out=opted_out(session, point.value))


def queue_message(session: Session, case: Case, point: ContactPoint, template: SmsTemplate, lang: str,
                  now: datetime, *, message_id: str, origin: str, created_by: str | None,
                  not_before: datetime | None = None, send_by: datetime | None = None,
                  dedupe_key: str | None = None) -> SmsMessage:
    """Check, fill and store one message; raises SmsRefused with the guard's reason."""
    if point.case_id != case.id or point.kind != "phone":
        raise SmsRefused("the number does not belong to this case")
    at = not_before or now
    verdict = verdict_for(session, case, point, template, at)
    if not verdict.allowed:
        raise SmsRefused(verdict.reason_en)
    policy = policy_in_force()
    token = secrets.token_urlsafe(9)  # 12 characters, 72 bits: not guessable, short on a phone
    values = case_values(case, lang)
    if template.link:
        values["link"] = public_base() + LINK_PATH + token
    try:
        rendered = sms_templates.render(template, lang, values, rules(), policy.name)
    except sms_templates.SmsTemplateError as exc:
        raise SmsRefused(str(exc)) from exc
    message = SmsMessage(
        id=message_id, case_id=case.id, contact_point_id=point.id, to_number=point.value,
        template_id=template.id, template_version=template.version, lang=lang, text=rendered.text,
        segments=rendered.segments.segments, encoding=rendered.segments.encoding, origin=origin,
        dedupe_key=dedupe_key, created_by=created_by, created_at=now, not_before=at, send_by=send_by,
        state="queued", state_at=now, tries=0,
        link_token_hash=token_hash(token) if template.link else None,
        link_expires_at=now + timedelta(hours=rules().link_valid_hours) if template.link else None,
    )
    session.add(message)
    session.add(SmsEvent(message_id=message_id, at=now, kind="queued", detail={"origin": origin}))
    return message


def accept_send(session: Session, user: User, case: Case, payload: contract.SmsSendPayload,
                now: datetime) -> SmsMessage:
    """The desk's `sms.send`, after sync has checked the case is the caller's to write."""
    point = session.get(ContactPoint, payload.contact_point_id)
    if point is None or point.case_id != case.id:
        raise SmsRefused("the number does not belong to this case")
    if session.get(SmsMessage, str(payload.message_id)) is not None:
        raise SmsRefused("a message with this id already exists")
    try:
        template = sms_templates.latest(templates(), payload.template_id, payload.template_version)
    except sms_templates.SmsTemplateError as exc:
        raise SmsRefused(f"{exc}; update AgentDesk to get the server's templates") from exc
    return queue_message(session, case, point, template, payload.lang, now, message_id=str(payload.message_id),
                         origin="agent", created_by=user.id)


def sms_history(case: Case) -> list[dict[str, object]]:
    """The case document's `sms` member: what the desk's timeline and queue read."""
    return [
        {
            "id": m.id, "template_id": m.template_id, "template_version": m.template_version,
            "contact_point_id": m.contact_point_id, "state": m.state, "origin": m.origin, "text": m.text,
            "segments": m.segments, "created_at": m.created_at.isoformat(),
            "sent_at": m.sent_at.isoformat() if m.sent_at else None,
            "delivered_at": m.delivered_at.isoformat() if m.delivered_at else None,
            "failed_at": m.failed_at.isoformat() if m.failed_at else None,
            "opened_at": m.opened_at.isoformat() if m.opened_at else None,
        }
        for m in case.sms_messages
    ]
