"""Collectors and allocation (分案) over HTTP, each limited to the caller's team.

A lead edits their own team's collectors and allocates their own team's cases; an admin
names the team. An agent is refused (403); another team's collector is "not found"
(404), so a lead cannot probe who exists elsewhere. Saving a collector whose absence with
a stand-in covers today hands the due callbacks and promises to the stand-in at once, and
clearing an absence gives them back. The allocation's commit is undone with the lead's
usual `POST /v1/cases/reassign/{id}/undo`. Like app.py, no `from __future__ import
annotations`: FastAPI resolves the Depends annotations.
"""

from collections.abc import Callable
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from agentdesk import contract
from agentdesk.clock import Clock
from agentdesk.domain.collectors import CollectorSettings
from agentdesk.server import allocation_run, collectors, standin
from agentdesk.server.access import audit, audited_transaction, lead_team
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError
from agentdesk.server.models import User

Poke = Callable[[set[str], set[str]], None]
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": contract.ErrorBody} for code in (401, 403, 404, 409, 422)}
TeamId = Annotated[str | None, Query(max_length=64, description="admins: the team; leads: omit (own team)")]
ObjectId = Annotated[str, Path(min_length=1, max_length=64)]


def allocation_router(db: Database, poke: Poke, current_user: Callable[..., User], clock: Clock) -> APIRouter:
    router = APIRouter(prefix="/v1", responses=ERRORS)
    Caller = Annotated[User, Depends(current_user)]

    def _team(s: Any, user: User, team_id: str | None, action: str) -> str:
        team = lead_team(s, user, team_id, action)
        if team is None:
            raise ApiError(422, "team_required", "Give team_id: the team to work on.")
        return team

    @router.get("/collectors", response_model=list[contract.CollectorInfo], tags=["collectors"])
    def list_collectors(user: Caller, team_id: TeamId = None) -> list[contract.CollectorInfo]:
        """The team's agents with grade, skills, capacity, working days, absence and stand-in."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "collectors.read")
            audit(s, user, "collectors.read", "team", team)
            return collectors.collector_infos(s, team, allocation_run.local_day(clock.now()))

    @router.put("/collectors/{user_id}", response_model=contract.CollectorInfo, tags=["collectors"])
    def put_collector(user_id: ObjectId, body: CollectorSettings, user: Caller) -> contract.CollectorInfo:
        """A lead's edit of one agent of their team (an admin's of any agent)."""
        now = clock.now()
        today = allocation_run.local_day(now)
        with audited_transaction(db) as s:
            team = lead_team(s, user, None, "collectors.update")
            agent = collectors.find_agent(s, team, user_id)
            collectors.save_settings(s, agent, body, user, now)
            audit(s, user, "collectors.update", "user", agent.id, grade=body.grade, capacity=body.capacity,
                  skills=len(body.skills), away=body.away_from is not None, stand_in=body.stand_in_id)
            s.flush()
            back = standin.end_covers(s, user, agent.team_id, today, now, only_agent=agent.id)
            out = standin.start_covers(s, user, agent.team_id, today, now, allocation_run.ZONE, only_agent=agent.id)
            info = next(c for c in collectors.collector_infos(s, agent.team_id, today) if c.user_id == agent.id)
        if back.agents or out.agents:
            poke(back.agents | out.agents, back.teams | out.teams)
        return info

    @router.post("/allocation/preview", response_model=contract.AllocationPreview, tags=["allocation"])
    def allocation_preview(body: contract.AllocationRequest, user: Caller) -> Response:
        """Who would get each waiting case and why, and every collector's load before and after;
        writes nothing but the audit."""
        with audited_transaction(db) as s:
            team = _team(s, user, body.team_id, "allocation.preview")
            result = allocation_run.preview_data(s, team, body.sources, clock.now())
            audit(s, user, "allocation.preview", "team", team, cases=result["total_cases"],
                  unplaced=result["unplaced"])
        # Serialized once, as built: validating ten thousand lines again on the way out cost
        # as much as working them out (the schema above still documents the answer).
        return Response(orjson.dumps(result), media_type="application/json")

    @router.post("/allocation/commit", response_model=contract.AllocationResult, tags=["allocation"])
    def allocation_commit(body: contract.AllocationCommit, user: Caller) -> contract.AllocationResult:
        """Write the (possibly adjusted) preview in one transaction; undo it like a reassignment."""
        with audited_transaction(db) as s:
            team = _team(s, user, body.team_id, "allocation.commit")
            result = allocation_run.commit(s, user, team, body, clock.now(), lock=db.is_postgres)
            agents = {load.agent_id for load in result.loads if load.after_cases != load.before_cases}
        if result.moved:
            poke(agents, {team})
        return result

    @router.get("/allocation/runs", response_model=list[contract.AllocationRunInfo], tags=["allocation"])
    def allocation_runs(user: Caller, team_id: TeamId = None) -> list[contract.AllocationRunInfo]:
        """The team's recent manual and scheduled runs, newest first."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "allocation.runs")
            return allocation_run.runs(s, team)

    return router
