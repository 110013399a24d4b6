"""Cases read for their documents as plain rows, not ORM objects.

A push rebuilds the document of each case it touched (documents.rebuild_later), and a
pull builds those it finds without one. Loading a case through the ORM with its nine
relations (documents.load_for_documents) was the largest share of a push's CPU at 500
desks (bench/bench_load.py): identity map, instance state and relationship bookkeeping
for every attempt of the case, only to read the values once and drop them. Here the same
rows (the relationships' own ordering) fill plain objects that carry the same attribute
names, so `documents.history` reads them unchanged; tests/server/test_documents.py pins the
documents built both ways as equal. The debtor comes with its case, and the user of an
attempt or a note with its row, by joins, and the cases and all their relations in one
statement (`_statement`): a push rebuilds one case, and each query saved is a round trip
and a statement's execution saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from operator import itemgetter
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Integer,
    String,
    TypeDecorator,
    bindparam,
    cast,
    inspect,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from agentdesk.server import persons
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
    ServerSetting,
    User,
)
from agentdesk.server.sms.models import SmsMessage

CHUNK = 500


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


# The whole load is one statement, built once: the cases (each with its debtor) and the rows
# of their eight relations as one UNION ALL, in a row shape they all fit. Nine round trips per
# rebuilt case were most of a push's document rebuild (one case per push at 500 desks), and
# each statement's execution cost more CPU than the rows it brought. Every part fills its
# values into typed slots ("str0", "int2", ...) shared across the parts by type, so the row
# stays narrow; column `k` says which part a row belongs to, and each part's order column is
# also copied to an order slot (`o_` + its type) so one ORDER BY gives every relation its
# relationship's order. The case ids are one parameter (expanding; plain for one case), used by every part.
_IDS = "case_ids"
_KIND = "k"
_CASE_KIND = 0
_KEY_KIND = len(_CHILDREN) + 1
_KEY_PART = "identity_key"


# The user named by a child row (an attempt's agent, a note's author), read in the child's
# own part: (attribute on the row, its id column's attribute name).
_NAMED_USER: dict[str, tuple[str, str]] = {
    "attempts": ("agent", "agent_id"),
    "notes": ("author", "author_id"),
}
_USERNAME = "_username"
_DEBTOR_PREFIX = "_debtor__"


def _group(type_: Any) -> str:
    """The slot family of a column type: columns share a slot only where both backends give
    the same Python value through the same result processing (the slot's type is its first
    part's column type)."""
    if isinstance(type_, TypeDecorator):
        return type(type_).__name__
    if isinstance(type_, DateTime):
        return "dttz" if type_.timezone else "dt"
    for family, kinds in (("json", JSON), ("bool", Boolean), ("date", Date), ("int", Integer)):
        if isinstance(type_, kinds):
            return family
    if isinstance(type_, String) and not isinstance(type_, Enum):
        return "str"
    return repr(type_)  # anything else: a slot family of its own


def _parts() -> list[tuple[int, Any, list[tuple[str, Any]], Any, Any]]:
    """(kind, model, [(name, column)], where, order column) of each part: the cases first."""
    case_columns = [(a.key, a.columns[0]) for a in inspect(Case).column_attrs]
    case_columns += [(_DEBTOR_PREFIX + a.key, a.columns[0]) for a in inspect(Debtor).column_attrs]
    parts: list[tuple[int, Any, list[tuple[str, Any]], Any, Any]] = [
        (_CASE_KIND, Case, case_columns, Case.id, None)]
    for kind, (name, model, order) in enumerate(_CHILDREN, start=1):
        columns = [(a.key, a.columns[0]) for a in inspect(model).column_attrs]
        if name in _NAMED_USER:
            columns.append((_USERNAME, User.username))
        parts.append((kind, model, columns, model.case_id, order))
    return parts


@cache
def _statement(one: bool = False) -> tuple[Any, dict[int, tuple[str, tuple[str, ...], Any]]]:
    """The one statement, and for each kind its part's name and its values' (names, getter).

    `one`: for a single case (a push's rebuild), each part compares with one plain
    parameter: an expanding IN is rendered into the SQL text again at every execution,
    ten times here, which cost more CPU than the statement's rows."""
    parts = _parts()
    slots: dict[str, Any] = {}  # slot name -> its type, in order of first use
    placed: list[dict[str, Any]] = []  # per part: slot name -> column
    for _kind, _model, columns, _where, order in parts:
        used: dict[str, int] = {}
        mine: dict[str, Any] = {}
        for _name, column in columns:
            family = _group(column.type)
            slot = f"{family}{used.get(family, 0)}"
            used[family] = used.get(family, 0) + 1
            slots.setdefault(slot, column.type)
            mine[slot] = column
        if order is not None:
            slot = "o_" + _group(order.type)
            slots.setdefault(slot, order.type)
            mine[slot] = order
        placed.append(mine)
    names = list(slots)
    selects = []
    for (kind, model, columns, where, _order), mine in zip(parts, placed, strict=True):
        values = [literal_column(str(kind), Integer).label(_KIND)]
        values += [(mine[slot] if slot in mine else cast(null(), slots[slot])).label(slot) for slot in names]
        query = select(*values).select_from(model)
        if model is Case:
            query = query.outerjoin(Debtor, Debtor.id == Case.debtor_id)
        elif any(column is User.username for _name, column in columns):
            user_id = getattr(model, _NAMED_USER[_CHILDREN[kind - 1][0]][1])
            query = query.outerjoin(User, User.id == user_id)
        selects.append(query.where(where == bindparam(_IDS) if one else where.in_(bindparam(_IDS, expanding=True))))
    # The secret behind the documents' person and number keys (persons.identity_key), as a
    # row of its own in the first text slot: one read of server_settings less per rebuild.
    key_slot = next(slot for slot in names if slot.startswith("str"))
    selects.append(select(literal_column(str(_KEY_KIND), Integer).label(_KIND),
                          *[(ServerSetting.value if slot == key_slot else cast(null(), slots[slot])).label(slot)
                            for slot in names])
                   .where(ServerSetting.key == persons.IDENTITY_SETTING))
    both = union_all(*selects).subquery()
    orders = [both.c[slot] for slot in names if slot.startswith("o_")]
    statement = select(both).order_by(both.c[_KIND], *orders)
    readers: dict[int, tuple[str, tuple[str, ...], Any]] = {}
    for (kind, _model, columns, _where, _order), mine in zip(parts, placed, strict=True):
        slot_of = {id(column): slot for slot, column in mine.items() if not slot.startswith("o_")}
        positions = [1 + names.index(slot_of[id(column)]) for _name, column in columns]
        part_name = "cases" if kind == _CASE_KIND else _CHILDREN[kind - 1][0]
        readers[kind] = (part_name, tuple(name for name, _column in columns), itemgetter(*positions))
    readers[_KEY_KIND] = (_KEY_PART, ("value",), itemgetter(1 + names.index(key_slot)))
    return statement, readers


def load(session: Session, case_ids: Sequence[str]) -> list[Any]:
    """The cases of `case_ids` that exist, each with what its document needs, as plain
    objects shaped like the ORM's (`debtor`, the lists, each attempt's `agent` and each
    note's `author` with their `username`). The same statement reads the identity key,
    which `persons.identity_key` then answers for this session without a read."""
    found: list[Any] = []
    for start in range(0, len(case_ids), CHUNK):
        chunk = list(case_ids[start:start + CHUNK])
        one = len(chunk) == 1  # the statement and its parameter chosen together (`_statement`)
        statement, readers = _statement(one)
        by_id: dict[str, SimpleNamespace] = {}
        # Fetched at once: iterating the result fetched the rows one call at a time, a sixth
        # of a push's document refill.
        for row in session.connection().execute(statement, {_IDS: chunk[0] if one else chunk}).all():
            part, names, getter = readers[row[0]]
            if part == _KEY_PART:
                persons.know_identity_key(session, getter(row))
                continue
            values = dict(zip(names, getter(row), strict=True))
            if part == "cases":
                by_id[values["id"]] = _case(values)
                continue
            named = _NAMED_USER.get(part)
            if named is not None:
                attribute, user_id = named
                username = values.pop(_USERNAME)
                child = SimpleNamespace(**values)
                setattr(child, attribute, SimpleNamespace(id=values[user_id], username=username)
                        if username is not None else None)
            else:
                child = SimpleNamespace(**values)
            getattr(by_id[child.case_id], part).append(child)
        found.extend(by_id.values())
    return found


def _case(values: dict[str, Any]) -> SimpleNamespace:
    """A case's row as the case with its `debtor` (None without one) and empty relations."""
    debtor = {key[len(_DEBTOR_PREFIX):]: values.pop(key) for key in list(values) if key.startswith(_DEBTOR_PREFIX)}
    case = SimpleNamespace(**values)
    case.debtor = SimpleNamespace(**debtor) if debtor["id"] is not None else None
    for name, _model, _order in _CHILDREN:
        setattr(case, name, [])
    return case
