"""Cases read for their documents as plain rows, not ORM objects.

A push rebuilds the document of each case it touched (documents.rebuild_later), and a
pull builds those it finds without one. Loading a case through the ORM with its nine
relations (documents.load_for_documents) was the largest share of a push's CPU at 500
desks (bench/bench_load.py): identity map, instance state and relationship bookkeeping
for every attempt of the case, only to read the values once and drop them. Here the same
queries (the relationships' own ordering) fill plain objects that carry the same
attribute names, so `documents.history` reads them unchanged; tests/server/test_documents.py
pins the documents built both ways as equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from agentdesk.server.models import (
    Account,
    Callback,
    Case,
    ContactAttempt,
    ContactPoint,
    Debtor,
    Note,
    Payment,
    PromiseToPay,
    User,
)
from agentdesk.server.sms.models import SmsMessage

CHUNK = 500


@cache
def _columns(model: Any) -> tuple[Any, ...]:
    """Every mapped column of `model`, labelled with its attribute's name."""
    return tuple(attr.columns[0].label(attr.key) for attr in inspect(model).column_attrs)


# (attribute on the case, model, the relationship's order_by in models.Case)
_CHILDREN: tuple[tuple[str, Any, Any], ...] = (
    ("accounts", Account, Account.account_no),
    ("contact_points", ContactPoint, ContactPoint.position),
    ("attempts", ContactAttempt, ContactAttempt.started_at),
    ("promises", PromiseToPay, PromiseToPay.created_at),
    ("callbacks", Callback, Callback.due_at),
    ("notes", Note, Note.written_at),
    ("payments", Payment, Payment.paid_on),
    ("sms_messages", SmsMessage, SmsMessage.created_at),
)


def _rows(session: Session, statement: Any) -> list[SimpleNamespace]:
    return [SimpleNamespace(**row._mapping) for row in session.execute(statement)]


def load(session: Session, case_ids: Sequence[str]) -> list[Any]:
    """The cases of `case_ids` that exist, each with what its document needs, as plain
    objects shaped like the ORM's (`debtor`, the lists, each attempt's `agent` and each
    note's `author` with their `username`)."""
    found: list[Any] = []
    for start in range(0, len(case_ids), CHUNK):
        chunk = list(case_ids[start:start + CHUNK])
        cases = _rows(session, select(*_columns(Case)).where(Case.id.in_(chunk)))
        if not cases:
            continue
        by_id = {c.id: c for c in cases}
        debtors = {d.id: d for d in _rows(session, select(*_columns(Debtor))
                                          .where(Debtor.id.in_(sorted({c.debtor_id for c in cases}))))}
        for case in cases:
            case.debtor = debtors.get(case.debtor_id)
            for name, _model, _order in _CHILDREN:
                setattr(case, name, [])
        for name, model, order in _CHILDREN:
            for row in _rows(session, select(*_columns(model)).where(model.case_id.in_(chunk)).order_by(order)):
                getattr(by_id[row.case_id], name).append(row)
        user_ids = {a.agent_id for c in cases for a in c.attempts if a.agent_id} | \
                   {n.author_id for c in cases for n in c.notes if n.author_id}
        users = {uid: SimpleNamespace(id=uid, username=name) for uid, name in session.execute(
            select(User.id, User.username).where(User.id.in_(sorted(user_ids))))} if user_ids else {}
        for case in cases:
            for attempt in case.attempts:
                attempt.agent = users.get(attempt.agent_id) if attempt.agent_id else None
            for note in case.notes:
                note.author = users.get(note.author_id) if note.author_id else None
        found.extend(cases)
    return found
