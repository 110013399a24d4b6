"""Moving cases for the strategy engine through the lead's reassignment machinery.

The allocation, the stand-in covers and their return all write through
`agentdesk.server.reassign.reassign_cases`, so each move gets change numbers, scope exits,
audit rows and an undo record exactly like a lead's reassignment. This module builds the
`Plan` such a write needs from a list of (case, new owner) pairs, reading the cases in
chunks and only within one team.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.server import reassign
from agentdesk.server.models import Account, Case, User

CHUNK = 5000


def selected(session: Session, team_id: str, case_ids: Sequence[str], *, lock: bool = False) -> list[reassign.Selected]:
    """The cases of `case_ids` that belong to `team_id`, with owner, overdue total and status."""
    totals = (select(Account.case_id.label("case_id"), func.sum(Account.overdue_minor).label("overdue"))
              .group_by(Account.case_id).subquery())
    base = (select(Case.id, Case.assigned_agent_id, func.coalesce(totals.c.overdue, 0), Case.status)
            .outerjoin(totals, totals.c.case_id == Case.id).where(Case.team_id == team_id))
    if lock:
        base = base.with_for_update(of=Case)
    ids = list(dict.fromkeys(case_ids))
    out: list[reassign.Selected] = []
    for start in range(0, len(ids), CHUNK):
        for r in session.execute(base.where(Case.id.in_(ids[start:start + CHUNK]))):
            out.append(reassign.Selected(r[0], r[1], int(r[2] or 0), r[3]))
    return out


def write(session: Session, actor: User, team_id: str, moves: list[tuple[reassign.Selected, str]], mode: str,
          now: datetime) -> str:
    """Write `moves` as one reassignment (undoable like a lead's) and return its id."""
    preview = contract.ReassignPreview(moves=[], total_cases=len(moves),
                                       total_minor=sum(s.overdue_minor for s, _ in moves), per_agent=[])
    plan = reassign.Plan(team_id=team_id, moves=moves, targets={}, preview=preview)
    return reassign.reassign_cases(session, actor, plan, mode, now)


def system_user(session: Session) -> User:
    """The account scheduled runs act as: an admin that cannot sign in (inactive, no password)."""
    user = session.scalar(select(User).where(User.username == "scheduler"))
    if user is None:
        user = User(username="scheduler", display_name="自动分案 scheduler", password_hash="!", role="admin",
                    team_id=None, active=False)
        session.add(user)
        session.flush()
    return user
