"""The person and the number on the server: their cases, their history, their marks.

A debtor with loans from two lenders is two cases and one person (`Debtor.person_key`); a
phone number written on several cases is one number (`ContactPoint.number`). This module
answers the questions the rules ask across cases: which cases share this person or these
numbers, what contacts concern them, and which cases a hold or a number's mark reaches.
It is the server's side of `agentdesk.domain.compliance`'s per-person, per-number model;
the desk's side is `agentdesk.client.caseview.person_history`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import bindparam, cast, null, or_, select, union, union_all
from sqlalchemy import case as sql_case
from sqlalchemy import literal as sql_literal
from sqlalchemy.orm import Session

from agentdesk.domain import compliance
from agentdesk.domain.casewrites import NUMBER_WIDE_STATUSES, stricter_status
from agentdesk.domain.identity import IdentityError, normalize_phone, opaque_key
from agentdesk.server.models import Case, ContactAttempt, ContactPoint, Debtor, ServerSetting

# How far back a case document carries the contacts made on the person's other cases and
# on its numbers: the longest window a rule counts in is 7 days (Regulation F), plus the
# third-party "spoken to once" rule, which looks further; older contacts no longer change
# a verdict the desk computes.
RELATED_WINDOW = timedelta(days=60)
_IDENTITY_KEY = "agentdesk_identity_key"
IDENTITY_SETTING = "identity_key"  # its row in server_settings
_RELATED_KEY = "agentdesk_related_cases"  # (case id, person, numbers), the related case ids


def null_column(type_: Any) -> Any:
    """A typed NULL: a UNION part's column with nothing to give."""
    return cast(null(), type_)


def flushed_connection(session: Session) -> Any:
    """The session's connection, after the flush its autoflush would do before a query: for
    statements run past the ORM (its compile and loading steps cost more than the statement
    in every outcome push), which must still see the session's pending writes."""
    if session.autoflush:
        session.flush()
    return session.connection()


def core_rows(session: Session, statement: Any, params: dict[str, Any]) -> Sequence[Any]:
    """The rows of a statement that selects columns, not entities, as `session.execute`
    gives them, without the ORM's steps (`flushed_connection`): the compliance check's and
    the document refill's queries."""
    return flushed_connection(session).execute(statement, params).all()


def _rules_channel() -> Any:
    """The channel as the rules count it: a call the debtor made is "inbound" (no limit
    counts it; a conversation on it still starts the wait after one)."""
    return sql_case((ContactAttempt.direction == "inbound", "inbound"), else_=ContactAttempt.channel)


def phone_number(value: str) -> str | None:
    """The number's normal form for the `number` column; None for what cannot be read."""
    try:
        return normalize_phone(value)[:32]
    except IdentityError:
        return None


def identity_key(session: Session) -> str:
    """The secret behind the opaque person/number keys desks see (made by migration 0005).

    Kept per session, not per pooled connection: a database restored in place from another
    server's backup while this one runs has another key, and a connection that kept the old
    one would give the same person two keys (and split their contact counts)."""
    known = session.info.get(_IDENTITY_KEY)
    if known is not None:  # a document rebuild asks twice (documents.build_caches, related_contacts)
        return str(known)
    row = session.get(ServerSetting, IDENTITY_SETTING)
    if row is not None:  # stored: read once per session
        session.info[_IDENTITY_KEY] = row.value
        return row.value
    # A database made before the migration ran: make it now. Kept for this session only
    # (its transaction may roll back), so a later call of the session never reads it back.
    import secrets

    row = ServerSetting(key=IDENTITY_SETTING, value=secrets.token_urlsafe(48))
    session.add(row)
    session.flush()
    session.info[_IDENTITY_KEY] = row.value
    return row.value


def know_identity_key(session: Session, value: str) -> None:
    """The stored key, read by another statement of this session's transaction
    (document_rows.load): `identity_key` answers it without a read of its own. A key this
    session made itself (a database from before the migration) stays."""
    session.info.setdefault(_IDENTITY_KEY, value)


def person_token(secret: str, person_key: str) -> str:
    return opaque_key(secret, "person", person_key)


def number_token(secret: str, number: str) -> str:
    return opaque_key(secret, "number", number)


def related_case_ids(session: Session, case: Case) -> set[str]:
    """Other cases of the same person, and cases that carry one of this case's numbers."""
    numbers = [p.number for p in case.contact_points if p.number]
    person = case.debtor.person_key
    if not person and not numbers:
        return set()
    read_before = session.info.pop(_RELATED_KEY, None)
    if read_before is not None and read_before[0] == (case.id, person, tuple(numbers)):
        found = set(read_before[1])  # with the case's history, in the same transaction (`history`)
    else:
        found = set(session.scalars(_related_statement(bool(person), bool(numbers)), _related_params(person, numbers)))
    found.discard(case.id)
    return found


def _related_params(person: str | None, numbers: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if person:
        params["r_person"] = person
    if numbers:
        params["r_numbers"] = numbers
    return params


@cache
def _related_statement(by_person: bool, by_numbers: bool) -> Any:
    """`related_case_ids`' query for its shape, built once (a push asks it per outcome): one
    round trip for both questions, the values as parameters (r_person, r_numbers)."""
    branches: list[Any] = []
    if by_person:
        branches.append(select(Case.id).join(Debtor, Debtor.id == Case.debtor_id)
                        .where(Debtor.person_key == bindparam("r_person")))
    if by_numbers:
        branches.append(select(ContactPoint.case_id)
                        .where(ContactPoint.number.in_(bindparam("r_numbers", expanding=True))))
    return union(*branches) if len(branches) > 1 else branches[0]


def cases_of_person(session: Session, person_key: str) -> list[Case]:
    if not person_key:
        return []
    return list(session.scalars(select(Case).join(Debtor, Debtor.id == Case.debtor_id)
                                .where(Debtor.person_key == person_key)))


def attempts_concerning(case_ids: Sequence[str], persons: Sequence[str], numbers: Sequence[str]) -> Any:
    """The ids of the attempts on these cases, on any case of these persons, or to one of
    these numbers: a union of three index lookups.

    One query with the three as an OR over the joined tables cannot use an index and read
    every attempt, case, debtor and contact point on each call (74 ms at 7,000 attempts
    and growing with them; it ran on every outcome pushed and every document built). The
    number branch reaches the attempts through their cases (contact_attempts has no index
    on contact_point_id): an attempt's contact point is always one of its own case's
    (writes.record_attempt refuses any other).
    """
    return _concerning(list(case_ids) or None, list(persons) or None, list(numbers) or None)


def _concerning(case_ids: Any, persons: Any, numbers: Any) -> Any:
    """`attempts_concerning` of values that are each None (no such branch), a list, or an
    expanding parameter (`_history_statement`, built once for any values)."""
    branches: list[Any] = []
    if case_ids is not None:
        branches.append(select(ContactAttempt.id).where(ContactAttempt.case_id.in_(case_ids)))
    if persons is not None:
        branches.append(select(ContactAttempt.id).join(Case, Case.id == ContactAttempt.case_id)
                        .join(Debtor, Debtor.id == Case.debtor_id).where(Debtor.person_key.in_(persons)))
    if numbers is not None:
        points = select(ContactPoint.id).where(ContactPoint.number.in_(numbers))
        holders = select(ContactPoint.case_id).where(ContactPoint.number.in_(numbers))
        branches.append(select(ContactAttempt.id).where(ContactAttempt.case_id.in_(holders),
                                                        ContactAttempt.contact_point_id.in_(points)))
    if not branches:
        return select(ContactAttempt.id).where(sql_literal(False))
    return union(*branches) if len(branches) > 1 else branches[0]


def history(session: Session, case: Case, before: datetime,
            exclude_attempt: str | None = None) -> list[compliance.PastContact]:
    """Every earlier contact that counts for a contact on `case`: all the person's cases
    (any lender, any team) and every contact with one of the case's numbers (any person)."""
    person = case.debtor.person_key
    numbers = [p.number for p in case.contact_points if p.number]
    params: dict[str, Any] = {"h_cases": [case.id], "h_before": before}
    if person:
        params["h_persons"] = [person]
    if numbers:
        params["h_numbers"] = numbers
    statement = _history_statement(bool(person), bool(numbers))
    if person or numbers:
        # Every caller next asks the cases this write reaches (`related_case_ids`): the same
        # person and numbers, so the same round trip answers both; kept in the session for it.
        statement = _history_and_related_statement(bool(person), bool(numbers))
        params.update(_related_params(person, numbers))
    rows = core_rows(session, statement, params)
    out = []
    related = []
    for attempt_id, case_id, point_id, started, reached, channel, owner, number, person_key, *kind in rows:
        if kind and kind[0] == 1:
            related.append(case_id)
            continue
        if attempt_id == exclude_attempt:
            continue
        out.append(compliance.PastContact(
            contact_point_id=point_id if case_id == case.id else None, at=started, reached=reached,
            contact_owner=owner or "debtor", channel=channel, number=number,
            same_person=case_id == case.id or (bool(person) and person_key == person),
        ))
    if person or numbers:
        session.info[_RELATED_KEY] = ((case.id, person, tuple(numbers)), related)
    return out


@cache
def _history_and_related_statement(by_person: bool, by_numbers: bool) -> Any:
    """`history`'s query and `related_case_ids`' in one UNION ALL, a last column telling
    which (0 a contact, 1 a related case, in the case id's column), built once per shape."""
    related = _related_statement(by_person, by_numbers).subquery()
    contacts = _history_statement(by_person, by_numbers).add_columns(sql_literal(0).label("h_kind"))
    cases = select(*[related.c[0] if i == 1 else null_column(column.type)
                     for i, column in enumerate(contacts.selected_columns[:-1])], sql_literal(1))
    return union_all(contacts, cases)


@cache
def _history_statement(by_person: bool, by_numbers: bool) -> Any:
    """`history`'s query for its shape (with or without a person, with or without numbers),
    built once: every outcome pushed asks it, and building the union of three lookups and
    its cache key each time cost more than running it. The values go as expanding
    parameters (h_cases, h_persons, h_numbers) and h_before."""
    concerning = _concerning(bindparam("h_cases", expanding=True),
                             bindparam("h_persons", expanding=True) if by_person else None,
                             bindparam("h_numbers", expanding=True) if by_numbers else None)
    return (select(ContactAttempt.id, ContactAttempt.case_id, ContactAttempt.contact_point_id,
                   ContactAttempt.started_at, ContactAttempt.reached, _rules_channel(), ContactPoint.owner,
                   ContactPoint.number, Debtor.person_key)
            .join(Case, Case.id == ContactAttempt.case_id)
            .join(Debtor, Debtor.id == Case.debtor_id)
            .outerjoin(ContactPoint, ContactPoint.id == ContactAttempt.contact_point_id)
            .where(ContactAttempt.id.in_(concerning), ContactAttempt.started_at < bindparam("h_before")))


def mark_number(session: Session, number: str | None, point: ContactPoint, status: str,
                person_key: str) -> list[str]:
    """Apply a mark where it belongs; returns the ids of the cases whose points changed.

    Invalid and do-not-contact belong to the number: every contact point with it, on every
    case, takes the mark. Wrong party belongs to the person's view of the number: the points
    with it on the same person's cases. A mark never lifts a stricter one.
    """
    if number is None:
        targets = [point]
    elif status in NUMBER_WIDE_STATUSES:
        targets = list(session.scalars(select(ContactPoint).where(ContactPoint.number == number)))
    else:
        targets = list(session.scalars(
            select(ContactPoint).join(Case, Case.id == ContactPoint.case_id).join(Debtor, Debtor.id == Case.debtor_id)
            .where(ContactPoint.number == number, Debtor.person_key == person_key)))
        if point not in targets:
            targets.append(point)
    changed = []
    for target in targets:
        new = stricter_status(target.status, status)
        if new != target.status:
            target.status = new
            changed.append(target.case_id)
    return changed


def status_for_new_point(session: Session, number: str | None) -> str | None:
    """A number that enters a case already marked invalid or do-not-contact elsewhere keeps the mark."""
    if number is None:
        return None
    marks = set(session.scalars(select(ContactPoint.status).where(ContactPoint.number == number,
                                                                 ContactPoint.status.in_(NUMBER_WIDE_STATUSES))))
    if not marks:
        return None
    return "do_not_contact" if "do_not_contact" in marks else "invalid"


def marked_numbers(session: Session, numbers: Iterable[str | None]) -> dict[str, str]:
    """Of these numbers, those marked invalid or do-not-contact anywhere, with the stricter mark."""
    wanted = sorted({n for n in numbers if n})
    marks: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        for number, status in session.execute(
                select(ContactPoint.number, ContactPoint.status)
                .where(ContactPoint.number.in_(wanted[start:start + 500]),
                       ContactPoint.status.in_(NUMBER_WIDE_STATUSES))):
            marks[number] = stricter_status(marks.get(number, "valid"), status)
    return marks


def related_contacts(session: Session, cases: Sequence[Case], since: datetime) -> dict[str, list[dict[str, Any]]]:
    """For each case of a document batch: the contacts made on *other* cases that count for
    it (the same person's, or to one of its numbers), as the document carries them — no case
    id, agent, lender or outcome of the other case, only what the rules read."""
    persons = {c.debtor.person_key for c in cases if c.debtor.person_key}
    numbers = {p.number for c in cases for p in c.contact_points if p.number}
    out: dict[str, list[dict[str, Any]]] = {c.id: [] for c in cases}
    if not persons and not numbers:
        return out
    params: dict[str, Any] = {"c_since": since}
    if persons:
        params["c_persons"] = sorted(persons)
    if numbers:
        params["c_numbers"] = sorted(numbers)
    rows = core_rows(session, _contacts_statement(bool(persons), bool(numbers)), params)
    if not rows:
        return out
    secret = identity_key(session)
    # Each case looks only at the rows of its person and its numbers (in the rows' order):
    # scanning every row for every case was quadratic, hours for a 30,000-case rebuild.
    by_person: dict[Any, list[int]] = defaultdict(list)
    by_number: dict[Any, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_person[row[7]].append(i)
        if row[6]:
            by_number[row[6]].append(i)
    for case in cases:
        person = case.debtor.person_key
        mine = {p.number for p in case.contact_points if p.number}
        hits = set(by_person.get(person, ())) if person else set()
        for number in mine:
            hits.update(by_number.get(number, ()))
        for i in sorted(hits):
            attempt_id, case_id, started, reached, channel, owner, number, person_key = rows[i][:8]
            if case_id == case.id:
                continue
            same_person = bool(person) and person_key == person
            out[case.id].append({
                "id": attempt_id,
                "at": started.isoformat(),
                "channel": channel,
                "number_key": number_token(secret, number) if number else None,
                "reached": reached,
                "owner": owner or "debtor",
                "same_person": same_person,
            })
    return out


@cache
def _contacts_statement(by_person: bool, by_numbers: bool) -> Any:
    """`related_contacts`' query for its shape (with or without persons, with or without
    numbers), built once: every document rebuild asks it (one per outcome pushed), and
    building it cost more than running it. The values go as expanding parameters
    (c_persons, c_numbers) and c_since.

    The attempts concerning the persons or numbers, then the text messages to them, as rows
    shaped like the attempts' (SMS count against SMS limits, on the desk as on the server,
    issue 19), in one round trip: a UNION ALL whose ninth column says which (0 an attempt,
    1 a message), each part in time order (ties by id)."""
    from agentdesk.server.sms.models import SmsMessage

    persons: Any = bindparam("c_persons", expanding=True) if by_person else None
    numbers: Any = bindparam("c_numbers", expanding=True) if by_numbers else None
    since: Any = bindparam("c_since")
    attempts = (
        select(ContactAttempt.id.label("c_id"), ContactAttempt.case_id, ContactAttempt.started_at.label("c_at"),
               ContactAttempt.reached, _rules_channel(), ContactPoint.owner, ContactPoint.number, Debtor.person_key,
               sql_literal(0).label("c_kind"))
        .join(Case, Case.id == ContactAttempt.case_id)
        .join(Debtor, Debtor.id == Case.debtor_id)
        .outerjoin(ContactPoint, ContactPoint.id == ContactAttempt.contact_point_id)
        .where(ContactAttempt.id.in_(_concerning(None, persons, numbers)), ContactAttempt.started_at >= since)
    )
    conditions: list[Any] = []
    if persons is not None:
        conditions.append(Debtor.person_key.in_(persons))
    if numbers is not None:
        conditions.append(ContactPoint.number.in_(numbers))
    counted = ("queued", "sending", "uncertain", "submitted", "delivered")
    sms = (
        select(SmsMessage.id, SmsMessage.case_id, SmsMessage.not_before, sql_literal("nobody"), sql_literal("sms"),
               ContactPoint.owner, ContactPoint.number, Debtor.person_key, sql_literal(1))
        .join(Case, Case.id == SmsMessage.case_id)
        .join(Debtor, Debtor.id == Case.debtor_id)
        .outerjoin(ContactPoint, ContactPoint.id == SmsMessage.contact_point_id)
        .where(or_(*conditions), SmsMessage.not_before >= since, SmsMessage.state.in_(counted))
    )
    both = union_all(attempts, sms).subquery()
    return select(both).order_by(both.c.c_kind, both.c.c_at, both.c.c_id)


def cases_to_hold(session: Session, case: Case, person_wide: bool) -> list[Case]:
    """The open cases a hold reaches: this one, and with a person-wide hold every open case
    of the same person, whichever lender or team holds it."""
    cases = [case]
    if person_wide:
        cases += [c for c in cases_of_person(session, case.debtor.person_key) if c.id != case.id]
    return [c for c in cases if c.status == "open"]


def load_cases(session: Session, ids: Iterable[str]) -> list[Case]:
    ids = sorted(set(ids))
    return list(session.scalars(select(Case).where(Case.id.in_(ids)))) if ids else []
