"""Bulk reassignment of a team's cases, its preview, and its undo.

The lead picks cases (a list or a filter), target agents and a mode; `plan_moves` decides
who gets what without writing, so the preview and the commit are the same computation.
`reassign_cases` then writes the whole batch in one transaction with set-based statements
(agentdesk.server.bulk_moves: one UPDATE … FROM, INSERT … SELECT), because a lead moves
thousands of cases at once.
Each moved case gets a fresh change number and a scope exit for its previous agent, so
both agents' clients learn of the move on their next pull.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.server import bulk_moves, collectors
from agentdesk.server.errors import ApiError
from agentdesk.server.models import (
    Account,
    Case,
    ContactAttempt,
    PromiseToPay,
    Reassignment,
    ReassignmentItem,
    User,
)

# SQLite refuses statements with more bound parameters than this; stay well below.
ID_CHUNK = 5000
BUCKET_DPD = {"M0": (None, 0), "M1": (1, 30), "M2": (31, 60), "M3": (61, 90), "M4+": (91, None)}


@dataclass(frozen=True)
class Selected:
    case_id: str
    agent_id: str | None
    overdue_minor: int
    status: str


@dataclass(frozen=True)
class Plan:
    team_id: str
    moves: list[tuple[Selected, str]]
    targets: dict[str, User]
    preview: contract.ReassignPreview

    @property
    def touched_agents(self) -> set[str]:
        return {a for s, to in self.moves for a in (s.agent_id, to) if a}


def _case_totals() -> Any:
    return (
        select(Account.case_id.label("case_id"),
               func.max(Account.days_past_due).label("dpd"),
               func.sum(Account.overdue_minor).label("overdue"))
        .group_by(Account.case_id)
        .subquery()
    )


def _overdue() -> Any:
    """The case's overdue total over its own accounts (a correlated subquery)."""
    return (select(func.coalesce(func.sum(Account.overdue_minor), 0)).where(Account.case_id == Case.id)
            .correlate(Case).scalar_subquery())


def _filter_clauses(f: contract.ReassignFilter, totals: Any) -> list[Any]:
    dpd = func.coalesce(totals.c.dpd, 0)
    overdue = func.coalesce(totals.c.overdue, 0)
    clauses: list[Any] = []
    if f.agent_id is not None:
        clauses.append(Case.assigned_agent_id == f.agent_id)
    if f.unassigned is True:
        clauses.append(Case.assigned_agent_id.is_(None))
    elif f.unassigned is False:
        clauses.append(Case.assigned_agent_id.is_not(None))
    if f.bucket is not None:
        low, high = BUCKET_DPD[f.bucket]
        if low is not None:
            clauses.append(dpd >= low)
        if high is not None:
            clauses.append(dpd <= high)
    if f.min_dpd is not None:
        clauses.append(dpd >= f.min_dpd)
    if f.max_dpd is not None:
        clauses.append(dpd <= f.max_dpd)
    if f.min_overdue_minor is not None:
        clauses.append(overdue >= f.min_overdue_minor)
    if f.max_overdue_minor is not None:
        clauses.append(overdue <= f.max_overdue_minor)
    if f.status is not None:
        clauses.append(Case.status == f.status)
    if f.last_outcome is not None:
        last = (select(ContactAttempt.outcome).where(ContactAttempt.case_id == Case.id)
                .order_by(ContactAttempt.started_at.desc()).limit(1).correlate(Case).scalar_subquery())
        clauses.append(last == f.last_outcome)
    if f.promise_status is not None:
        latest = (select(PromiseToPay.status)
                  .where(PromiseToPay.case_id == Case.id, PromiseToPay.status != "replaced")
                  .order_by(PromiseToPay.created_at.desc()).limit(1).correlate(Case).scalar_subquery())
        clauses.append(latest.is_(None) if f.promise_status == "none" else latest == f.promise_status)
    return clauses


def select_cases(session: Session, team_id: str, request: contract.ReassignRequest,
                 lock: bool = False) -> list[Selected]:
    """The cases the request names, all of them within `team_id`; 403 if any lies outside."""
    totals = _case_totals()
    base = (select(Case.id, Case.assigned_agent_id, func.coalesce(totals.c.overdue, 0), Case.status, Case.team_id)
            .outerjoin(totals, totals.c.case_id == Case.id))
    if lock:
        base = base.with_for_update(of=Case)
    if request.case_ids is not None:
        wanted = list(dict.fromkeys(request.case_ids))
        # Named cases: each one's total from its own accounts (an index lookup), not a join
        # with every account of the database summed up (that cost ~0.1 s per chunk).
        named = select(Case.id, Case.assigned_agent_id, _overdue(), Case.status, Case.team_id)
        if lock:
            named = named.with_for_update(of=Case)
        rows: list[Any] = []
        for start in range(0, len(wanted), ID_CHUNK):
            rows += session.execute(named.where(Case.id.in_(wanted[start:start + ID_CHUNK]))).all()
        outside = len(wanted) - sum(1 for r in rows if r[4] == team_id)
        if outside:
            raise ApiError(403, "case_out_of_scope",
                           f"{outside} of the {len(wanted)} cases are not cases of your team (or do not exist); "
                           "nothing was moved. Refresh your case list and select again.")
    else:
        assert request.filter is not None
        query = base.where(Case.team_id == team_id, *_filter_clauses(request.filter, totals))
        rows = list(session.execute(query.order_by(Case.id)).all())
    return [Selected(r[0], r[1], int(r[2] or 0), r[3]) for r in rows]


def _targets(session: Session, team_id: str | None, agent_ids: Sequence[str]) -> dict[str, User]:
    wanted = list(dict.fromkeys(agent_ids))
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}
    bad = [a for a in wanted if a not in users or users[a].role != "agent" or not users[a].active
           or (team_id is not None and users[a].team_id != team_id)]
    if bad:
        raise ApiError(422, "agent_not_in_team",
                       f"{len(bad)} of the target agents are not active agents of this team; "
                       "choose agents from the team board.")
    return {a: users[a] for a in wanted}


def resolve_team(session: Session, user: User, team_id: str | None, agent_ids: Sequence[str]) -> str:
    """The team a reassignment works in: a lead's own; for an admin, the targets' common team."""
    if team_id is not None:
        return team_id
    teams = {u.team_id for u in session.scalars(select(User).where(User.id.in_(list(agent_ids))))}
    if len(teams) != 1 or None in teams:
        raise ApiError(422, "agent_not_in_team",
                       "The target agents must all be agents of one team.")
    return str(teams.pop())


def _loads(session: Session, agent_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Each agent's current queue: cases not closed, and their overdue total."""
    rows = session.execute(
        select(Case.assigned_agent_id, func.count(func.distinct(Case.id)),
               func.coalesce(func.sum(Account.overdue_minor), 0))
        .outerjoin(Account, Account.case_id == Case.id)
        .where(Case.assigned_agent_id.in_(list(agent_ids)), Case.status != "closed")
        .group_by(Case.assigned_agent_id)
    ).all()
    found = {r[0]: (int(r[1]), int(r[2])) for r in rows}
    return {a: found.get(a, (0, 0)) for a in agent_ids}


def _split_even(cases: list[Selected], targets: list[str]) -> list[tuple[Selected, str]]:
    # Largest amounts first, each to whoever has received the fewest (then the least money):
    # counts end within one of each other and the amounts close to even too.
    heap = [(0, 0, i) for i in range(len(targets))]
    out = []
    for case in sorted(cases, key=lambda c: (-c.overdue_minor, c.case_id)):
        count, value, i = heapq.heappop(heap)
        out.append((case, targets[i]))
        heapq.heappush(heap, (count + 1, value + case.overdue_minor, i))
    return out


def _split_capacity(cases: list[Selected], targets: list[str], remaining: dict[str, int]) -> list[tuple[Selected, str]]:
    room = sum(remaining.values())
    if len(cases) > room:
        raise ApiError(422, "over_capacity",
                       f"Only {room} more cases fit the capacities given, but {len(cases)} are selected; "
                       "raise the capacities or select fewer cases.")
    n = len(cases)
    quotas = {a: n * remaining[a] // room if room else 0 for a in targets}
    leftover = n - sum(quotas.values())
    by_fraction = sorted(targets, key=lambda a: (-(n * remaining[a] % room) if room else 0, targets.index(a)))
    for a in by_fraction[:leftover]:
        quotas[a] += 1
    # Hand out in proportion: each next case to the target furthest below its share.
    heap = [(0.0, i) for i, a in enumerate(targets) if quotas[a] > 0]
    given = dict.fromkeys(targets, 0)
    out = []
    for case in sorted(cases, key=lambda c: (-c.overdue_minor, c.case_id)):
        _, i = heapq.heappop(heap)
        a = targets[i]
        out.append((case, a))
        given[a] += 1
        if given[a] < quotas[a]:
            heapq.heappush(heap, (given[a] / quotas[a], i))
    return out


def plan_moves(session: Session, team_id: str, request: contract.ReassignRequest, lock: bool = False) -> Plan:
    """Decide every move and the before/after load of each agent involved; writes nothing."""
    targets = _targets(session, team_id, request.agent_ids)
    cases = select_cases(session, team_id, request, lock=lock)
    order = list(targets)
    if request.mode == "one":
        pairs = [(c, order[0]) for c in cases]
    elif request.mode == "even":
        pairs = _split_even(cases, order)
    else:
        loads = _loads(session, order)
        capacity = request.capacity or {}
        remaining = {a: max(0, capacity[a] - loads[a][0]) for a in order}
        pairs = _split_capacity(cases, order, remaining)
    moves = [(c, to) for c, to in pairs if c.agent_id != to]
    involved = list(dict.fromkeys(order + [c.agent_id for c, _ in moves if c.agent_id]))
    loads = _loads(session, involved)
    names = dict(session.execute(select(User.id, User.username).where(User.id.in_(involved))).all())
    capacities = {a: c.capacity for a, c in collectors.settings_of(session, involved).items()}
    after = {a: list(v) for a, v in loads.items()}
    for case, to in moves:
        if case.status == "closed":
            continue
        if case.agent_id:
            after[case.agent_id][0] -= 1
            after[case.agent_id][1] -= case.overdue_minor
        after[to][0] += 1
        after[to][1] += case.overdue_minor
    preview = contract.ReassignPreview(
        moves=[contract.Move(case_id=c.case_id, from_agent_id=c.agent_id, to_agent_id=to)
               for c, to in moves[:contract.MAX_MOVES_LISTED]],
        total_cases=len(moves),
        total_minor=sum(c.overdue_minor for c, _ in moves),
        per_agent=[contract.AgentLoad(agent_id=a, username=names.get(a, ""), before_cases=loads[a][0],
                                      before_minor=loads[a][1], after_cases=after[a][0], after_minor=after[a][1],
                                      capacity=capacities.get(a))
                   for a in involved],
    )
    return Plan(team_id=team_id, moves=moves, targets=targets, preview=preview)


def reassign_cases(session: Session, user: User, plan: Plan, mode: str, now: datetime) -> str:
    """Write the plan: owners, change numbers, scope exits, the undo record and the audit trail
    (set-based, agentdesk.server.bulk_moves)."""
    record = Reassignment(team_id=plan.team_id, user_id=user.id, mode=mode, case_count=len(plan.moves),
                          created_at=now)
    session.add(record)
    session.flush()
    bulk_moves.write_moves(session, record.id, user.id, [(c.case_id, c.agent_id, to) for c, to in plan.moves], now)
    return record.id


@dataclass(frozen=True)
class Undone:
    restored: int
    skipped: int
    agents: set[str]
    team_id: str | None


def undo_reassignment(session: Session, user: User, reassignment_id: str, team_id: str | None,
                      now: datetime) -> Undone:
    """Give each case back to its previous owner unless it changed since (then it is skipped)."""
    record = session.get(Reassignment, reassignment_id, with_for_update=session.get_bind().dialect.name
                         == "postgresql")
    if record is None or (team_id is not None and record.team_id != team_id):
        raise ApiError(404, "reassignment_not_found", "No such reassignment in your team.")
    if record.undone_at is not None:
        raise ApiError(409, "already_undone", "This reassignment was already undone.")
    total = session.scalar(select(func.count()).select_from(ReassignmentItem)
                           .where(ReassignmentItem.reassignment_id == record.id)) or 0
    restored, agents = bulk_moves.undo_moves(session, record.id, user.id, now)
    record.undone_at = now
    return Undone(restored=restored, skipped=int(total) - restored, agents=agents, team_id=record.team_id)
