"""Change numbers, taken at the last moment before commit.

A pull hands out "every change after number N" (sync.py). That is only safe if numbers
become visible in order: a pull that has seen 11 must never later meet a 10 committed
after it. The counter is one row (`sync_counter`); the UPDATE that takes numbers holds its
row lock until the transaction ends, so the next writer gets its number only after the
previous one committed, and numbers commit in order (on SQLite the database's single write
lock does the same).

The price is that writers go one at a time for as long as each holds the lock. A push
used to take its number in the middle of its transaction and then insert its mutation
record, its audit row and flush the cases, several round trips (and, under load, several
waits for the interpreter lock) with every other writer queued behind it: at 500 desks
pushes waited 24-31 s (bench/bench_load.py). `number_at_commit` therefore only notes
which cases changed; the session's before-commit hook (`install`) flushes everything
else first, then takes the numbers and writes them onto the cases, in one statement on
PostgreSQL, right before COMMIT. The ordering argument is unchanged (the lock is still
held from the number until commit); only the time it is held is shorter.

`next_seqs` remains for writers that need the numbers in hand while they write (bulk
reassignment, segmentation, intake of new cases, the seed): they hold the lock longer,
which is correct, merely slower, and they are not the desks' traffic.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, cast

from sqlalchemy import BigInteger, String, Table, bindparam, event, func, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from agentdesk.server.models import Case, SyncCounter

_CASES = cast(Table, Case.__table__)
PENDING_KEY = "agentdesk_cases_to_number"
INSTALLED_KEY = "agentdesk_numbers_at_commit"


def next_seqs(session: Session, count: int = 1) -> list[int]:
    """Reserve `count` change numbers now; the counter's row lock is held until commit."""
    top = session.execute(
        update(SyncCounter)
        .where(SyncCounter.id == 1)
        .values(value=SyncCounter.value + count)
        .returning(SyncCounter.value)
    ).scalar_one()
    return list(range(top - count + 1, top + 1))


def number_at_commit(session: Session, cases: Sequence[Case]) -> None:
    """Give each of `cases` a fresh change number when `session` commits (in this order;
    a case named twice gets one number). A session without the hook numbers them now."""
    if not session.info.get(INSTALLED_KEY):
        for case, seq in zip(cases, next_seqs(session, len(cases)), strict=True):
            case.seq = seq
        return
    pending: dict[str, Case] = session.info.setdefault(PENDING_KEY, {})
    for case in cases:
        pending.pop(case.id, None)  # the latest touch orders it last, as a fresh number would
        pending[case.id] = case


def _number_pending(session: Session) -> None:
    """The before-commit hook: the outermost commit numbers the noted cases, last of all."""
    if session.in_nested_transaction():
        return  # a savepoint's release is not the commit: numbers would be taken too early
    pending: dict[str, Case] | None = session.info.pop(PENDING_KEY, None)
    if not pending:
        return
    session.flush()  # every other statement of the transaction goes out before the lock is taken
    ids = list(pending)
    if session.get_bind().dialect.name == "postgresql":
        numbered = _number_in_one_statement(session, ids)
    else:
        top = next_seqs(session, len(ids))[-1]
        numbered = {case_id: top - len(ids) + 1 + i for i, case_id in enumerate(ids)}
        session.execute(update(_CASES).where(_CASES.c.id == bindparam("b_id"))
                        .values(seq=bindparam("b_seq")),
                        [{"b_id": case_id, "b_seq": seq} for case_id, seq in numbered.items()])
    for case_id, case in pending.items():
        if case_id in numbered:
            set_committed_value(case, "seq", numbered[case_id])


def _number_in_one_statement(session: Session, ids: list[str]) -> dict[str, int]:
    """PostgreSQL: take len(ids) numbers and write them onto the cases in one round trip
    (a data-modifying WITH runs exactly once, whatever the outer statement reads of it).
    The ids go as one array parameter, so the statement is compiled once for any count
    (an intake touches thousands of cases: a join on the unnested array, not a search of it)."""
    rows = session.execute(_numbering_statement(), {"count": len(ids), "ids": ids}).all()
    # A noted case deleted in this transaction has no row: its number is simply not used.
    return {case_id: seq for case_id, seq in rows}


@cache
def _numbering_statement() -> Any:
    """`_number_in_one_statement`'s UPDATE, built once (its cache key with it): it runs in
    every push, and building it cost more than its round trip."""
    cases = _CASES
    count = bindparam("count", type_=BigInteger)
    wanted = bindparam("ids", type_=postgresql.ARRAY(String))
    taken = (update(SyncCounter).where(SyncCounter.id == 1).values(value=SyncCounter.value + count)
             .returning(SyncCounter.value.label("top")).cte("taken"))
    # WITH ORDINALITY counts from 1: the first id gets top - count + 1, the last gets top.
    order = func.unnest(wanted).table_valued("case_id", with_ordinality="pos").render_derived("wanted")
    seq = select(taken.c.top).scalar_subquery() - count + order.c.pos
    return update(cases).where(cases.c.id == order.c.case_id).values(seq=seq).returning(cases.c.id, cases.c.seq)


def _forget(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(PENDING_KEY, None)


def install(factory: sessionmaker[Session]) -> None:
    """Number noted cases at commit, after every other before-commit work (install last)."""
    factory.kw.setdefault("info", {})[INSTALLED_KEY] = True
    event.listen(factory, "before_commit", _number_pending)
    event.listen(factory, "after_transaction_end", _forget)
