"""The team's history of case moves, and what undoing one of them would give back.

Every reassignment (a lead's, an allocation, a stand-in cover) is a `Reassignment` with
its items; a case of a move is "untouched since" while its change number is still the one
the move gave it and it still sits with the agent it went to. Those are exactly the cases
`reassign.undo_reassignment` gives back, so the history's `undoable` count, the undo
preview the lead confirms and the undo's own answer agree. Reads only; team-scoped by the
caller (a lead's team; an admin's pick, or every team).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.server.errors import ApiError
from agentdesk.server.models import Case, Reassignment, ReassignmentItem, User


def _untouched() -> Any:
    """1 for an item whose case has not changed since the move, else 0 (SQL expression)."""
    return case((and_(Case.seq == ReassignmentItem.seq_after,
                      Case.assigned_agent_id == ReassignmentItem.to_agent_id), 1), else_=0)


def _scoped(team_id: str | None) -> Any:
    query = select(Reassignment).where(Reassignment.case_count > 0)
    return query if team_id is None else query.where(Reassignment.team_id == team_id)


def find(session: Session, reassignment_id: str, team_id: str | None) -> Reassignment:
    """The move, if it is the caller's team's; 404 otherwise (another team's is not confirmed to exist)."""
    record = session.get(Reassignment, reassignment_id)
    if record is None or (team_id is not None and record.team_id != team_id):
        raise ApiError(404, "reassignment_not_found", "No such reassignment in your team.")
    return record


def history(session: Session, team_id: str | None, limit: int, offset: int) -> contract.MoveHistory:
    """The moves of `team_id`, newest first, each with its sources, targets and undoable count."""
    total = session.scalar(select(func.count()).select_from(_scoped(team_id).subquery())) or 0
    records = list(session.scalars(_scoped(team_id).order_by(Reassignment.created_at.desc(), Reassignment.id)
                                   .limit(limit).offset(offset)))
    ids = [r.id for r in records]
    per_side = _counts(session, ids)
    names = _names(session, [r.user_id for r in records] + [a for sides in per_side.values()
                                                            for side in sides[:2] for a in side])
    return contract.MoveHistory(total=int(total), items=[
        contract.MoveRecord(
            id=r.id, at=r.created_at, by=names.get(r.user_id, ""), mode=r.mode, case_count=r.case_count,
            sources=_agent_counts(per_side[r.id][0], names), targets=_agent_counts(per_side[r.id][1], names),
            undone_at=r.undone_at, undoable=0 if r.undone_at is not None else sum(per_side[r.id][2].values()),
        ) for r in records])


def undo_preview(session: Session, reassignment_id: str, team_id: str | None) -> contract.UndoPreview:
    """Per previous owner, the cases an undo would give back now; and how many changed since."""
    record = find(session, reassignment_id, team_id)
    sources, _targets, back = _counts(session, [record.id])[record.id]
    if record.undone_at is not None:
        return contract.UndoPreview(reassignment_id=record.id, returns=[], stay=0, undone=True)
    names = _names(session, list(back))
    returns = _agent_counts({a: n for a, n in back.items() if n}, names)
    return contract.UndoPreview(reassignment_id=record.id, returns=returns,
                                stay=sum(sources.values()) - sum(back.values()), undone=False)


Counts = dict[str | None, int]


def _counts(session: Session, ids: Sequence[str]) -> dict[str, tuple[Counts, Counts, Counts]]:
    """Per move: cases per source agent, per target agent, and untouched cases per source agent."""
    out: dict[str, tuple[Counts, Counts, Counts]] = defaultdict(lambda: ({}, {}, {}))
    if not ids:
        return out
    rows = session.execute(
        select(ReassignmentItem.reassignment_id, ReassignmentItem.from_agent_id, ReassignmentItem.to_agent_id,
               func.count(), func.sum(_untouched()))
        .join(Case, Case.id == ReassignmentItem.case_id)
        .where(ReassignmentItem.reassignment_id.in_(list(ids)))
        .group_by(ReassignmentItem.reassignment_id, ReassignmentItem.from_agent_id, ReassignmentItem.to_agent_id)
    ).all()
    for rid, frm, to, count, untouched in rows:
        sources, targets, back = out[rid]
        sources[frm] = sources.get(frm, 0) + int(count)
        targets[to] = targets.get(to, 0) + int(count)
        back[frm] = back.get(frm, 0) + int(untouched or 0)
    return out


def _names(session: Session, user_ids: Sequence[str | None]) -> dict[str, str]:
    wanted = list({u for u in user_ids if u})
    if not wanted:
        return {}
    return {uid: name for uid, name in session.execute(select(User.id, User.username).where(User.id.in_(wanted)))}


def _agent_counts(counts: Counts, names: dict[str, str]) -> list[contract.AgentCount]:
    """Largest share first, then by name, so the history reads the same on every refresh."""
    rows = [contract.AgentCount(agent_id=a, username=names.get(a or "", ""), cases=n) for a, n in counts.items()]
    return sorted(rows, key=lambda r: (-r.cases, r.username))
