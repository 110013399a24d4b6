"""Cases read for their documents as plain rows, not ORM objects.

A push rebuilds the document of each case it touched (documents.rebuild_later), and a
pull builds those it finds without one. Loading a case through the ORM with its nine
relations (documents.load_for_documents) was the largest share of a push's CPU at 500
desks (bench/bench_load.py): identity map, instance state and relationship bookkeeping
for every attempt of the case, only to read the values once and drop them. Here the same
rows (the relationships' own ordering) fill plain objects that carry the same attribute
names, so `documents.history` reads them unchanged; tests/server/test_documents.py pins the
documents built both ways as equal. The debtor comes with its case, and the user of an
attempt or a note with its row, by joins: a push rebuilds one case, and each query saved
is a round trip saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, inspect, select
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


# Each statement is built once, its case ids an expanding parameter: building a select of
# a dozen columns and computing its cache key on every rebuild cost more than running it
# (a push rebuilds one case). Run on the session's connection: plain rows, no ORM layer.
_IDS = "case_ids"


def _in_chunk(column: Any) -> Any:
    return column.in_(bindparam(_IDS, expanding=True))


def _run(session: Session, statement: Any, chunk: list[str]) -> Any:
    return session.connection().execute(statement, {_IDS: chunk})


# The user named by a child row (an attempt's agent, a note's author), read in the child's
# own query: (attribute on the row, its id column, the joined username's label).
_NAMED_USER: dict[str, tuple[str, Any, str]] = {
    "attempts": ("agent", ContactAttempt.agent_id, "_agent_username"),
    "notes": ("author", Note.author_id, "_author_username"),
}
_DEBTOR_PREFIX = "_debtor__"


@cache
def _cases_statement() -> Any:
    debtor_columns = [column.element.label(_DEBTOR_PREFIX + column.key) for column in _columns(Debtor)]
    return (select(*_columns(Case), *debtor_columns)
            .outerjoin(Debtor, Debtor.id == Case.debtor_id).where(_in_chunk(Case.id)))


@cache
def _children_statement(name: str) -> Any:
    model, order = _MODELS[name]
    named = _NAMED_USER.get(name)
    if named is None:
        return select(*_columns(model)).where(_in_chunk(model.case_id)).order_by(order)
    _attribute, user_id, label = named
    return (select(*_columns(model), User.username.label(label))
            .outerjoin(User, User.id == user_id).where(_in_chunk(model.case_id)).order_by(order))


_MODELS = {name: (model, order) for name, model, order in _CHILDREN}


def _cases_with_debtors(session: Session, chunk: list[str]) -> list[SimpleNamespace]:
    """The cases of `chunk`, each with its `debtor`, in one query (a push rebuilds one case:
    every statement saved is a round trip saved)."""
    cases = []
    for row in _run(session, _cases_statement(), chunk):
        values = dict(row._mapping)
        debtor = {key[len(_DEBTOR_PREFIX):]: values.pop(key) for key in list(values) if key.startswith(_DEBTOR_PREFIX)}
        case = SimpleNamespace(**values)
        case.debtor = SimpleNamespace(**debtor) if debtor["id"] is not None else None
        cases.append(case)
    return cases


def _children(session: Session, name: str, chunk: list[str]) -> list[SimpleNamespace]:
    """One relation's rows for the cases of `chunk`, in the relationship's order; attempts and
    notes with their user (`agent`, `author`: None when the row names none) joined in."""
    rows = _run(session, _children_statement(name), chunk)
    named = _NAMED_USER.get(name)
    if named is None:
        return [SimpleNamespace(**row._mapping) for row in rows]
    attribute, user_id, label = named
    out = []
    for row in rows:
        values = dict(row._mapping)
        username = values.pop(label)
        child = SimpleNamespace(**values)
        setattr(child, attribute, SimpleNamespace(id=values[user_id.key], username=username)
                if username is not None else None)
        out.append(child)
    return out


def load(session: Session, case_ids: Sequence[str]) -> list[Any]:
    """The cases of `case_ids` that exist, each with what its document needs, as plain
    objects shaped like the ORM's (`debtor`, the lists, each attempt's `agent` and each
    note's `author` with their `username`)."""
    found: list[Any] = []
    for start in range(0, len(case_ids), CHUNK):
        chunk = list(case_ids[start:start + CHUNK])
        cases = _cases_with_debtors(session, chunk)
        if not cases:
            continue
        by_id = {c.id: c for c in cases}
        for case in cases:
            for name, _model, _order in _CHILDREN:
                setattr(case, name, [])
        for name, _model, _order in _CHILDREN:
            for row in _children(session, name, chunk):
                getattr(by_id[row.case_id], name).append(row)
        found.extend(cases)
    return found
