"""Who may write what into a case through a push, beyond "is the case theirs".

Two questions the sync's mutation dispatch (sync._apply) asks of every mutation:

- `late_write_refusal`: the case is no longer the caller's. A former owner's desk may still
  hold facts gathered while the case was theirs, waiting in its outbox: calls made and notes
  written before the move are taken for LATE_WINDOW after it (flagged as late by the
  attempt's own code). Anything else from a former owner (a decision, a mark on a number, a
  number added, a fact dated after the move, anything after the window) would act on
  another agent's case, and is refused with a reason the desk shows.
- `id_refusal`: every id a mutation names must be its own. Ids it creates (note, attempt,
  promise, callback, contact point) must be new everywhere, or the insert would collide with
  a row of another case; ids it refers to (the attempt a promise came from, the contact
  point called or marked) must belong to the same case, or a promise on one case could
  point at a call on another team's case.

Both return the reason as a sentence (None: no objection) so the caller raises its own
rejection; neither writes anything.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import bindparam, literal, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.server import persons
from agentdesk.server.models import (
    Callback,
    Case,
    Consent,
    ContactAttempt,
    ContactPoint,
    Note,
    PromiseToPay,
    ScopeExit,
    User,
)

LATE_WINDOW = timedelta(hours=24)

# Ids a mutation creates: (payload field, model whose primary key it becomes).
_NEW_IDS: dict[type[Any], tuple[tuple[str, type[Any]], ...]] = {
    contract.NoteAddPayload: (("note_id", Note),),
    contract.AttemptRecordPayload: (("attempt_id", ContactAttempt),),
    contract.PromiseAddPayload: (("promise_id", PromiseToPay),),
    contract.CallbackAddPayload: (("callback_id", Callback),),
    contract.ContactPointAddPayload: (("point_id", ContactPoint),),
    contract.ConsentRecordPayload: (("consent_id", Consent),),
}
# Ids a mutation refers to, which must belong to the mutation's case.
_REFERENCES: dict[type[Any], tuple[tuple[str, type[Any]], ...]] = {
    contract.AttemptRecordPayload: (("contact_point_id", ContactPoint),),
    contract.PromiseAddPayload: (("attempt_id", ContactAttempt),),
    contract.CallbackAddPayload: (("attempt_id", ContactAttempt),),
    contract.ContactPointMarkPayload: (("contact_point_id", ContactPoint),),
    contract.ConsentRecordPayload: (("attempt_id", ContactAttempt),),
}
# Decisions: never taken by a former owner, however soon after the move.
_DECISIONS = (contract.PromiseAddPayload, contract.CallbackAddPayload, contract.ContactPointAddPayload,
              contract.ConsentRecordPayload)
_WHAT = {Note: "note", ContactAttempt: "attempt", PromiseToPay: "promise", Callback: "callback",
         ContactPoint: "contact point", Consent: "consent"}


def _in_scope(user: User, case: Case) -> bool:
    if user.role == "admin":
        return True
    if user.role == "lead":
        return case.team_id is not None and case.team_id == user.team_id
    return case.assigned_agent_id == user.id


def _left_at(session: Session, user: User, case_id: str) -> tuple[bool, datetime | None]:
    """(was the caller ever moved off this case, when it last happened: None if unknown)."""
    row = session.execute(
        select(ScopeExit.left_at).where(ScopeExit.case_id == case_id, ScopeExit.agent_id == user.id)
        .order_by(ScopeExit.seq.desc()).limit(1)
    ).first()
    return (row is not None, row[0] if row is not None else None)


def late_write_refusal(session: Session, user: User, payload: Any, now: datetime) -> str | None:
    """Why a former owner may not deliver this mutation now (None: the caller owns the case,
    or never did, which the caller's own scope check answers)."""
    case = session.get(Case, getattr(payload, "case_id", None))
    if case is None or _in_scope(user, case):
        return None
    moved, left_at = _left_at(session, user, case.id)
    if not moved:
        return None
    if isinstance(payload, _DECISIONS):
        return "the case was reassigned to another agent; this decision was not recorded"
    if left_at is None or now - left_at > LATE_WINDOW:
        return ("the case was reassigned to another agent more than 24 hours ago; "
                "what you recorded on it can no longer be delivered: tell your team lead")
    happened = _happened_at(payload)
    if happened is None:
        return "the case was reassigned to another agent; only calls and notes made before the move are taken"
    if happened >= left_at:
        return ("the case was reassigned to another agent before this was recorded; "
                "only calls and notes made before the move are taken")
    return None


def _happened_at(payload: Any) -> datetime | None:
    """When a late fact happened, for the facts a former owner may still deliver."""
    if isinstance(payload, contract.AttemptRecordPayload):
        return payload.started_at
    if isinstance(payload, contract.NoteAddPayload):
        return payload.written_at
    return None  # contact-point marks act on the new owner's numbers: never late


def id_refusal(session: Session, user: User, payload: Any, mutation_id: str) -> str | None:
    """Why an id this mutation names is not its own to use (None: all are, or the case is not
    the caller's at all, which the caller's scope check answers without a word about the ids)."""
    case_id = getattr(payload, "case_id", None)
    case = session.get(Case, case_id)
    if case is None or not (_in_scope(user, case) or _left_at(session, user, case.id)[0]):
        return None
    for field, model in _NEW_IDS.get(type(payload), ()):
        value = getattr(payload, field, None)
        if value is None and model is Note:
            value = mutation_id  # a note without its own id takes the mutation's
        if value is not None and _taken(session, model, str(value)):
            return f"a {_WHAT[model]} with this id already exists; the desk must make a new id"
    for field, model in _REFERENCES.get(type(payload), ()):
        value = getattr(payload, field, None)
        if value is None:
            continue
        row = session.get(model, str(value))
        if row is None or row.case_id != case_id:
            return f"the {_WHAT[model]} this names does not belong to this case"
    return None


def _taken(session: Session, model: type[Any], row_id: str) -> bool:
    """Whether a row of `model` has this id: an object the session holds, else one Core query
    past the ORM (`persons.flushed_connection`, which flushes first, as the ORM's get would).
    The id is nearly always new, and the ORM's get of a missing row, which loads nothing,
    cost ~8% of an outcome push's CPU (cProfile of sync.push on PostgreSQL)."""
    if session.identity_map.get(Session.identity_key(model, row_id)) is not None:
        return True
    return persons.flushed_connection(session).execute(_id_query(model), {"id": row_id}).first() is not None


@cache
def _id_query(model: type[Any]) -> Any:
    """SELECT 1 FROM <model's table> WHERE id = :id, built once per model."""
    return select(literal(1)).select_from(model.__table__).where(model.__table__.c.id == bindparam("id"))


def storable(text: Any, limit: int = 2000) -> str:
    """A reason or reference as text every database stores: lone surrogates replaced, NULs
    dropped, capped (a rejection must be recordable whatever the payload held)."""
    value = str(text).encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    return value[:limit]


def case_ref(payload: Any) -> str | None:
    """The case id a raw (unvalidated) payload names, if it is one a case id can be."""
    raw = payload.get("case_id") if isinstance(payload, dict) else None
    if isinstance(raw, str) and 0 < len(raw) <= 36 and raw.isascii() and raw.isprintable():
        return raw
    return None
