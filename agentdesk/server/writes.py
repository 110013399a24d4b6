"""The server's side of case writes: apply a pushed mutation with the domain's rules.

`agentdesk.domain.casewrites` decides what a write means (which outcome starts which
hold, which hold binds the person, which mark belongs to the number, the debtor's "today"
for dates); this module applies those decisions to the database, across every case they
reach, and returns those cases so the push gives each a new change number and pokes their
owners. `sync.push` calls these for each mutation inside its own transaction (rolled back whole when refused).
"""

from __future__ import annotations

import typing
from datetime import datetime

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.domain import casewrites
from agentdesk.domain.casewrites import CaseState, CaseWriteError
from agentdesk.domain.outcomes import Outcome, Reached
from agentdesk.server import persons, recordings
from agentdesk.server.models import (
    AuditEntry,
    Callback,
    Case,
    Consent,
    ContactAttempt,
    ContactPoint,
    Note,
    PromiseToPay,
    User,
)
from agentdesk.server.policy import flag_attempt, policy_in_force


class Rejected(Exception):
    """A mutation the server will not apply; the message goes back to the agent as the reason."""


def _state(case: Case) -> CaseState:
    accounts = case.accounts
    return CaseState(status=case.status, hold_reason=case.hold_reason,
                     outstanding_minor=sum(a.outstanding_minor for a in accounts),
                     currency=accounts[0].currency if accounts else "CNY", time_zone=case.debtor.time_zone)


def _refuse(error: CaseWriteError) -> Rejected:
    return Rejected(str(error))


def add_note(session: Session, user: User, case: Case, p: contract.NoteAddPayload, note_id: str,
             now: datetime) -> list[Case]:
    session.add(Note(id=note_id, case_id=case.id, author_id=user.id, text=p.text, written_at=p.written_at or now,
                     conduct_override=p.conduct_override.model_dump() if p.conduct_override else None))
    if p.conduct_override is not None:
        session.add(AuditEntry(user_id=user.id, action="conduct.override", entity="case", entity_id=case.id,
                               detail={"note": note_id, "phrases": p.conduct_override.phrases}))
    return [case]


def record_attempt(session: Session, user: User, case: Case, p: contract.AttemptRecordPayload,
                   in_scope: bool) -> list[Case]:
    """Store the attempt (a fact: kept even when a rule forbade it, then flagged), then its
    effects: a hold on the case or on every case of the person, the number's mark on every
    case, the callbacks it answered. Returns every case whose document changed."""
    try:
        casewrites.check_attempt(p.reached, p.outcome, has_promise=p.outcome is Outcome.PROMISE_TO_PAY,
                                 has_callback=p.outcome is Outcome.CALLBACK_REQUESTED)
    except CaseWriteError as exc:
        raise _refuse(exc) from exc
    # A taken attempt id was refused before (sync._apply: write_scope.id_refusal, which looks
    # up every id a mutation creates whenever the caller may write the case at all).
    point = session.get(ContactPoint, p.contact_point_id) if p.contact_point_id else None
    if p.contact_point_id and (point is None or point.case_id != case.id):
        raise Rejected("the contact point does not belong to this case")
    # A call the debtor made is no contact we placed: contact hours and limits do not apply.
    flags = [] if p.direction == "inbound" else flag_attempt(session, case, point, p.started_at, p.channel)
    if not in_scope:
        flags.append("recorded after the case was reassigned")
    if p.conduct_override is not None:
        # The agent kept wording the conduct check flagged: the lead reviews it with the reason.
        flags.append(f"conduct_override: {', '.join(p.conduct_override.phrases)} (reason: {p.conduct_override.reason})")
    attempt_id = str(p.attempt_id)
    # A plain insert, not an ORM object: nothing in the transaction reads the attempt as one
    # (a waiting recording's link loads it by id), and the unit of work's flush of this one
    # object was ~10% of an outcome push's CPU. The same values as the object's, and column
    # defaults (received_at) are filled in by SQLAlchemy as for it; pending writes go first.
    persons.flushed_connection(session).execute(_INSERT_ATTEMPT, dict(
        id=attempt_id, case_id=case.id, agent_id=user.id,
        contact_point_id=p.contact_point_id, channel=p.channel, started_at=p.started_at,
        ended_at=p.ended_at, reached=p.reached.value, outcome=p.outcome.value, note=p.note,
        recording_ref=p.recording_ref, talk_track_id=p.talk_track_id,
        talk_track_version=p.talk_track_version,
        compliance_flag="; ".join(flags)[:200] or None,
        conduct_override=p.conduct_override.model_dump() if p.conduct_override else None,
        direction=p.direction, sip_call_id=p.sip_call_id, answered_at=p.answered_at, talk_seconds=p.talk_seconds,
    ))
    # A recording (the desk's or the PBX's) may have arrived before its attempt (issue 13).
    recordings.link_new_attempt(session, attempt_id, p.sip_call_id)
    if flags:
        session.add(AuditEntry(user_id=user.id, action="attempt.flagged", entity="case", entity_id=case.id,
                               detail={"attempt": str(p.attempt_id), "flags": flags}))
    effects = casewrites.attempt_effects(p.reached, p.outcome, started_at=p.started_at,
                                         time_zone=case.debtor.time_zone, policy=policy_in_force(),
                                         has_contact_point=point is not None)
    changed: set[str] = set()
    if effects.hold:
        held = persons.cases_to_hold(session, case, effects.person_wide)
        for target in held:
            target.status, target.hold_reason = "on_hold", effects.hold
            changed.add(target.id)
        if effects.hold == "cease_contact":
            # A stop request also withdraws the consents the person gave on these cases.
            ids = sorted({c.id for c in held} | {case.id})
            session.execute(update(Consent).where(Consent.case_id.in_(ids), Consent.withdrawn_at.is_(None))
                            .values(withdrawn_at=p.started_at))
            for target in [*held, case]:
                target.consent_late_calls = False
    status = effects.number_status or effects.point_status
    if status and point is not None:
        changed |= set(persons.mark_number(session, point.number, point, status, case.debtor.person_key))
    if effects.fulfils_callbacks_before is not None:
        session.execute(update(Callback).where(Callback.case_id == case.id, Callback.status == "open",
                                               Callback.due_at < effects.fulfils_callbacks_before)
                        .values(status="done"))
    session.flush()
    # The person's other cases and the cases sharing a number carry this attempt in their
    # documents (related_contacts): they change too.
    changed |= persons.related_case_ids(session, case)
    changed.discard(case.id)
    return [case, *persons.load_cases(session, changed)]


_INSERT_ATTEMPT = insert(typing.cast(Table, ContactAttempt.__table__))


def _made_at(session: Session, attempt_id: object, now: datetime) -> datetime:
    """When a decision was taken: on its call (an offline desk delivers it later), else now."""
    if attempt_id is None:
        return now
    attempt = session.get(ContactAttempt, str(attempt_id))
    return attempt.started_at if attempt is not None else now


def add_promise(session: Session, user: User, case: Case, p: contract.PromiseAddPayload,
                now: datetime) -> list[Case]:
    made = _made_at(session, p.attempt_id, now)
    try:
        casewrites.check_promise(_state(case), p.amount_minor, p.currency, p.due_date, made, policy_in_force())
    except CaseWriteError as exc:
        raise _refuse(exc) from exc
    if session.get(PromiseToPay, str(p.promise_id)) is not None:
        raise Rejected("a promise with this id already exists")
    # A new promise replaces the pending one: only one promise is pending at a time.
    session.execute(update(PromiseToPay).where(PromiseToPay.case_id == case.id, PromiseToPay.status == "pending")
                    .values(status="replaced"))
    session.add(PromiseToPay(
        id=str(p.promise_id), case_id=case.id, agent_id=user.id,
        attempt_id=str(p.attempt_id) if p.attempt_id else None,
        amount_minor=p.amount_minor, currency=p.currency.upper(), due_date=p.due_date,
    ))
    return [case]


def add_callback(session: Session, case: Case, p: contract.CallbackAddPayload, now: datetime) -> list[Case]:
    try:
        casewrites.check_callback(_state(case), p.due_at, _made_at(session, p.attempt_id, now))
    except CaseWriteError as exc:
        raise _refuse(exc) from exc
    session.add(Callback(id=str(p.callback_id), case_id=case.id,
                         attempt_id=str(p.attempt_id) if p.attempt_id else None, due_at=p.due_at))
    return [case]


def add_contact_point(session: Session, user: User, case: Case, p: contract.ContactPointAddPayload) -> list[Case]:
    """A repaired number enters unverified, from source "agent"; the lead approves it before
    regular use. A number already marked invalid or do-not-contact elsewhere keeps that mark."""
    if p.owner == "emergency" and not p.relation:
        raise Rejected("an emergency contact needs its relation to the debtor (for example 配偶)")
    if session.get(ContactPoint, str(p.point_id)) is not None:
        raise Rejected("a contact point with this id already exists")
    number = persons.phone_number(p.value)
    if number is None:
        raise Rejected(f"'{p.value}' is not a phone number")
    if any(existing.number == number for existing in case.contact_points if existing.kind == "phone"):
        raise Rejected("this number is already on the case")
    position = max([cp.position for cp in case.contact_points] + [29]) + 1
    status = persons.status_for_new_point(session, number) or "unverified"
    session.add(ContactPoint(
        id=str(p.point_id), case_id=case.id, position=position, kind=p.kind, value=number, number=number,
        owner=p.owner, relation=p.relation, contact_name=p.contact_name, status=status, source="agent",
        added_by=user.id,
    ))
    return [case]


def mark_contact_point(session: Session, case: Case, p: contract.ContactPointMarkPayload) -> list[Case]:
    """What a call showed about a number is a fact, like the attempt itself; the mark goes
    where it belongs (the number everywhere, or this person's view of it)."""
    point = session.get(ContactPoint, p.contact_point_id)
    if point is None or point.case_id != case.id:
        raise Rejected("the contact point does not belong to this case")
    changed = set(persons.mark_number(session, point.number, point, p.status, case.debtor.person_key))
    changed.discard(case.id)
    return [case, *persons.load_cases(session, changed)]


def record_consent(session: Session, user: User, case: Case, p: contract.ConsentRecordPayload) -> list[Case]:
    """A consent counts only when given by the debtor on a recorded call of this case."""
    attempt = session.get(ContactAttempt, str(p.attempt_id))
    if attempt is None or attempt.case_id != case.id:
        raise Rejected("a consent must name the recorded call of this case it was given on")
    if attempt.reached != Reached.RIGHT_PARTY.value:
        raise Rejected("only the debtor can consent, on a call where the debtor was reached")
    if case.status != "open":
        raise Rejected(f"the case is on hold ({case.hold_reason}); a consent cannot be recorded")
    if session.get(Consent, str(p.consent_id)) is not None:
        raise Rejected("a consent with this id already exists")
    session.add(Consent(id=str(p.consent_id), case_id=case.id, kind=p.kind, attempt_id=str(p.attempt_id),
                        given_at=p.given_at, recorded_by=user.id))
    case.consent_late_calls = True
    return [case]


def consent_in_force(session: Session, case_id: str) -> bool:
    return session.scalar(select(Consent.id).where(Consent.case_id == case_id, Consent.withdrawn_at.is_(None))
                          .limit(1)) is not None
