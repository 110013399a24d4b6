"""Writing a batch of case moves with set-based SQL, on SQLite and PostgreSQL alike.

A lead moves thousands of cases at once, and so do the morning allocation and the
stand-in covers (all through `reassign.reassign_cases`). Per-row statements cost about a
tenth of a millisecond each on SQLite and a round trip each on PostgreSQL, so 10,000
moves spent over a second in UPDATEs and INSERTs alone (bench/bench_reassign.py). Here
the only rows that come from Python are the move-history items (who goes where: the plan
is computed in Python for the preview); everything else is derived from them in the
database, in one statement each:

* the cases' owners and change numbers: one UPDATE … FROM the items;
* a scope exit per previous owner (their desk removes the case; `left_at` starts their
  window for late facts): one INSERT … SELECT;
* an audit row per case, as before: one INSERT … SELECT.

An undo selects its cases (those untouched since the move) in the database too, and
numbers them with `row_number()` inside the change numbers it reserved, so the rows it
moved are exactly the items whose case now holds one of those numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, and_, func, insert, literal, select, update
from sqlalchemy.orm import Session

from agentdesk.server.models import AuditEntry, Case, ReassignmentItem, ScopeExit, UTCDateTime
from agentdesk.server.sync import next_seqs

cases = Case.__table__
items = ReassignmentItem.__table__
exits = ScopeExit.__table__
audit_log = AuditEntry.__table__

Move = tuple[str, str | None, str]  # (case id, previous owner, new owner)


def _json_object(session: Session, *pairs: tuple[str, Any]) -> Any:
    """A JSON object built in SQL (the audit row's detail), under each backend's name."""
    name = "json_build_object" if session.get_bind().dialect.name == "postgresql" else "json_object"
    args: list[Any] = []
    for key, value in pairs:
        args += [literal(key), value]
    return getattr(func, name)(*args, type_=JSON)


def _stamp(now: datetime) -> Any:
    """`now` as a bound value of the UTC column type, so each backend stores it as it does
    for the ORM (naive UTC on SQLite, aware on PostgreSQL)."""
    return literal(now, UTCDateTime())


def _derive(session: Session, moved: Any, reassignment_id: str, user_id: str, action: str, now: datetime) -> None:
    """Scope exits and audit rows of the moved cases; `moved` has columns case_id, former,
    owner and seq (one row per case moved)."""
    session.execute(insert(exits).from_select(
        ["seq", "case_id", "agent_id", "team_id", "left_at"],
        select(moved.c.seq, moved.c.case_id, moved.c.former, literal(None, exits.c.team_id.type), _stamp(now))
        .where(moved.c.former.is_not(None)),
    ))
    detail = _json_object(session, ("reassignment", literal(reassignment_id)), ("from", moved.c.former),
                          ("to", moved.c.owner))
    session.execute(insert(audit_log).from_select(
        ["at", "user_id", "action", "entity", "entity_id", "detail"],
        select(_stamp(now), literal(user_id), literal(action), literal("case"), moved.c.case_id, detail),
    ))


def write_moves(session: Session, reassignment_id: str, user_id: str, moves: Sequence[Move], now: datetime) -> None:
    """Record `moves` as the items of `reassignment_id` and apply them: owners, change
    numbers, scope exits and one `case.reassign` audit row per case."""
    if not moves:
        return
    first = next_seqs(session, len(moves))[0]
    session.execute(insert(items), [
        {"reassignment_id": reassignment_id, "case_id": cid, "from_agent_id": frm, "to_agent_id": to,
         "seq_after": first + i}
        for i, (cid, frm, to) in enumerate(moves)
    ])
    mine = items.c.reassignment_id == reassignment_id
    session.execute(update(cases).values(assigned_agent_id=items.c.to_agent_id, seq=items.c.seq_after)
                    .where(cases.c.id == items.c.case_id, mine))
    moved = select(items.c.case_id, items.c.from_agent_id.label("former"), items.c.to_agent_id.label("owner"),
                   items.c.seq_after.label("seq")).where(mine).subquery()
    _derive(session, moved, reassignment_id, user_id, "case.reassign", now)


def _untouched(case_table: Any) -> Any:
    """An item whose case still has the change number and owner the move gave it."""
    return and_(case_table.c.id == items.c.case_id, case_table.c.seq == items.c.seq_after,
                case_table.c.assigned_agent_id == items.c.to_agent_id)


def undo_moves(session: Session, reassignment_id: str, user_id: str, now: datetime) -> tuple[int, set[str]]:
    """Give each untouched case of `reassignment_id` back to its previous owner; returns how
    many went back and the agents involved (to poke). Changed cases stay where they are."""
    mine = items.c.reassignment_id == reassignment_id
    back = select(items.c.case_id, items.c.from_agent_id, items.c.to_agent_id).where(mine, _untouched(cases))
    if session.get_bind().dialect.name == "postgresql":
        back = back.with_for_update(of=cases)  # nothing may change them between the count and the update
    rows = session.execute(back).all()
    if not rows:
        return 0, set()
    first = next_seqs(session, len(rows))[0]
    now_cases = cases.alias("now_cases")
    ranked = (select(items.c.case_id, items.c.from_agent_id,
                     (literal(first - 1, Integer) + func.row_number().over(order_by=items.c.id)).label("seq"))
              .where(mine, _untouched(now_cases)).subquery())
    session.execute(update(cases).values(assigned_agent_id=ranked.c.from_agent_id, seq=ranked.c.seq)
                    .where(cases.c.id == ranked.c.case_id))
    # The cases just given back are the items whose case now holds one of the reserved numbers.
    moved = (select(items.c.case_id, items.c.to_agent_id.label("former"), items.c.from_agent_id.label("owner"),
                    cases.c.seq.label("seq"))
             .where(mine, cases.c.id == items.c.case_id, cases.c.seq.between(first, first + len(rows) - 1))
             .subquery())
    _derive(session, moved, reassignment_id, user_id, "case.reassign.undo", now)
    return len(rows), {a for r in rows for a in (r[1], r[2]) if a}
