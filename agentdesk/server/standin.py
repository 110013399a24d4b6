"""Stand-in collectors (代理催收员): an absent collector's due callbacks and promises go to the
named stand-in for the absence, and come back after.

What must not wait for the collector's return is what was promised to a debtor: a
callback they asked for and a promise falling due. When an absence with a stand-in starts
(the lead saves it for today, or the morning's scheduled run reaches its first day), the
absent collector's open cases with an open callback due before the absence ends, or a
pending promise due by its last day, move to the stand-in, each recorded in
`stand_in_covers`. When the absence ends (or the lead clears it) every covered case still
held by the stand-in goes back to its collector; one that a lead moved elsewhere meanwhile
stays where the lead put it. Both moves go through the reassignment machinery
(agentdesk.server.reassign), so they have change numbers, scope exits, audit rows and an
undo record like any lead's move, and both desks learn of them on their next pull.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk.server import moves as moves_mod
from agentdesk.server.collectors import settings_of, team_agents
from agentdesk.server.models import Callback, Case, PromiseToPay, User
from agentdesk.server.strategy_models import StandInCover


@dataclass
class Covered:
    started: int = 0
    returned: int = 0
    agents: set[str] = field(default_factory=set)
    teams: set[str] = field(default_factory=set)


def _due_cases(session: Session, agent_id: str, until: date, zone: ZoneInfo) -> list[str]:
    end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=zone)
    open_cases = select(Case.id).where(Case.assigned_agent_id == agent_id, Case.status == "open")
    # (the caller keeps the cases of the collector's own team: moves.selected)
    callbacks = select(Callback.case_id).where(Callback.case_id.in_(open_cases), Callback.status == "open",
                                               Callback.due_at < end)
    promises = select(PromiseToPay.case_id).where(PromiseToPay.case_id.in_(open_cases),
                                                  PromiseToPay.status == "pending", PromiseToPay.due_date <= until)
    return sorted(set(session.scalars(callbacks)) | set(session.scalars(promises)))


def start_covers(session: Session, actor: User, team_id: str | None, today: date, now: datetime,
                 zone: ZoneInfo, only_agent: str | None = None) -> Covered:
    """Hand due work of collectors away today to their stand-ins (once per case and absence)."""
    out = Covered()
    agents = team_agents(session, team_id)
    settings = settings_of(session, [a.id for a in agents])
    for agent in agents:
        s = settings[agent.id]
        if (only_agent and agent.id != only_agent) or not s.away_on(today) or not s.stand_in_id:
            continue
        assert s.away_until is not None
        already = set(session.scalars(select(StandInCover.case_id).where(
            StandInCover.away_agent_id == agent.id, StandInCover.returned_at.is_(None))))
        due = [c for c in _due_cases(session, agent.id, s.away_until, zone) if c not in already]
        if not due or agent.team_id is None:
            continue
        stand_in = s.stand_in_id
        moves = [(c, stand_in) for c in moves_mod.selected(session, agent.team_id, due) if c.agent_id == agent.id]
        if not moves:
            continue
        moves_mod.write(session, actor, agent.team_id, moves, "stand_in", now)
        session.add_all([StandInCover(case_id=c.case_id, away_agent_id=agent.id, stand_in_id=s.stand_in_id,
                                      team_id=agent.team_id, until=s.away_until, started_at=now) for c, _ in moves])
        out.started += len(moves)
        out.agents |= {agent.id, s.stand_in_id}
        out.teams.add(agent.team_id)
    return out


def end_covers(session: Session, actor: User, team_id: str | None, today: date, now: datetime,
               only_agent: str | None = None) -> Covered:
    """Give covered cases back to collectors who are no longer away."""
    out = Covered()
    query = select(StandInCover).where(StandInCover.returned_at.is_(None))
    if team_id is not None:
        query = query.where(StandInCover.team_id == team_id)
    if only_agent is not None:
        query = query.where(StandInCover.away_agent_id == only_agent)
    covers = list(session.scalars(query))
    settings = settings_of(session, sorted({c.away_agent_id for c in covers}))
    by_agent: dict[str, list[StandInCover]] = {}
    for cover in covers:
        if settings[cover.away_agent_id].away_on(today):
            continue
        by_agent.setdefault(cover.away_agent_id, []).append(cover)
    for agent_id, items in by_agent.items():
        agent = session.get(User, agent_id)
        for cover in items:
            cover.returned_at = now
        if agent is None or not agent.active or agent.team_id is None:
            continue  # nobody to give them back to: they stay with the stand-in
        holders = {c.case_id: c.stand_in_id for c in items}
        moves = [(c, agent_id) for c in moves_mod.selected(session, agent.team_id, list(holders))
                 if c.agent_id == holders[c.case_id] and c.status != "closed"]
        if not moves:
            continue
        moves_mod.write(session, actor, agent.team_id, moves, "return", now)
        out.returned += len(moves)
        out.agents |= {agent_id, *(c.agent_id for c, _ in moves if c.agent_id)}
        out.teams.add(agent.team_id)
    return out
