"""Collectors' settings (grade, skills, capacity, working days, absence and stand-in) on the server.

A lead edits their own team's agents, an admin anyone's; an agent of another team is "not
found" for a lead (the route does not confirm that it exists). An agent without a row
has the documented defaults (`CollectorSettings()`): regular grade, 300 open cases,
Monday to Friday.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.domain.collectors import CollectorSettings
from agentdesk.server.errors import ApiError
from agentdesk.server.models import Account, Case, User
from agentdesk.server.strategy_models import CollectorSettingsRow, StandInCover


def settings_of(session: Session, user_ids: Sequence[str]) -> dict[str, CollectorSettings]:
    rows = {r.user_id: r for r in session.scalars(select(CollectorSettingsRow)
                                                  .where(CollectorSettingsRow.user_id.in_(list(user_ids))))}
    out = {}
    for uid in user_ids:
        r = rows.get(uid)
        out[uid] = CollectorSettings() if r is None else CollectorSettings.model_validate({
            "grade": r.grade, "skills": list(r.skills or []), "capacity": r.capacity,
            "working_days": list(r.working_days or []), "away_from": r.away_from, "away_until": r.away_until,
            "stand_in_id": r.stand_in_id})
    return out


def team_agents(session: Session, team_id: str | None, *, active_only: bool = True) -> list[User]:
    query = select(User).where(User.role == "agent").order_by(User.username)
    if active_only:
        query = query.where(User.active.is_(True))
    if team_id is not None:
        query = query.where(User.team_id == team_id)
    return list(session.scalars(query))


def loads(session: Session, agent_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Each agent's open cases (not closed) and their overdue total."""
    totals = (select(Account.case_id.label("case_id"), func.sum(Account.overdue_minor).label("overdue"))
              .group_by(Account.case_id).subquery())
    rows = session.execute(
        select(Case.assigned_agent_id, func.count(Case.id), func.coalesce(func.sum(totals.c.overdue), 0))
        .outerjoin(totals, totals.c.case_id == Case.id)
        .where(Case.assigned_agent_id.in_(list(agent_ids)), Case.status != "closed")
        .group_by(Case.assigned_agent_id)).all()
    found = {r[0]: (int(r[1]), int(r[2])) for r in rows}
    return {a: found.get(a, (0, 0)) for a in agent_ids}


def collector_infos(session: Session, team_id: str | None, today: date) -> list[contract.CollectorInfo]:
    agents = team_agents(session, team_id)
    ids = [a.id for a in agents]
    settings = settings_of(session, ids)
    names = dict(session.execute(select(User.id, User.username)).all())
    load = loads(session, ids)
    covering = dict(session.execute(
        select(StandInCover.stand_in_id, func.count(StandInCover.id))
        .where(StandInCover.stand_in_id.in_(ids), StandInCover.returned_at.is_(None))
        .group_by(StandInCover.stand_in_id)).all())
    return [contract.CollectorInfo(
        user_id=a.id, username=a.username, display_name=a.display_name, team_id=a.team_id, settings=settings[a.id],
        stand_in_username=names.get(settings[a.id].stand_in_id or ""), open_cases=load[a.id][0],
        open_minor=load[a.id][1], away_today=settings[a.id].away_on(today), works_today=settings[a.id].works_on(today),
        covering_cases=int(covering.get(a.id, 0))) for a in agents]


def find_agent(session: Session, team_id: str | None, user_id: str) -> User:
    """The agent `user_id` within `team_id` (None: any team); 404 otherwise."""
    user = session.get(User, user_id)
    if user is None or user.role != "agent" or (team_id is not None and user.team_id != team_id):
        raise ApiError(404, "collector_not_found", "No such agent in your team.")
    return user


def save_settings(session: Session, agent: User, settings: CollectorSettings, by: User, now: datetime) -> None:
    """Store a lead's edit; the stand-in must be another active agent of the same team."""
    if settings.stand_in_id is not None:
        stand_in = session.get(User, settings.stand_in_id)
        if (stand_in is None or stand_in.role != "agent" or not stand_in.active or stand_in.team_id != agent.team_id
                or stand_in.id == agent.id):
            raise ApiError(422, "bad_stand_in",
                           "stand_in_id: the stand-in must be another active agent of the same team.")
    row = session.get(CollectorSettingsRow, agent.id)
    if row is None:
        row = CollectorSettingsRow(user_id=agent.id)
        session.add(row)
    row.grade = settings.grade
    row.skills = list(settings.skills)
    row.capacity = settings.capacity
    row.working_days = list(settings.working_days)
    row.away_from = settings.away_from
    row.away_until = settings.away_until
    row.stand_in_id = settings.stand_in_id
    row.updated_at = now
    row.updated_by = by.id
