"""Lead operations over HTTP: team board, agent state, reassignment, review, charts, numbers.

Built by `lead_router(db, poke, current_user)` and included by create_app. Every lead call
is audited; a lead reaches only their own team (see access.py). Like app.py, this module
has no `from __future__ import annotations`: FastAPI must resolve the Depends annotations.
"""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.clock import Clock
from agentdesk.server import move_history, reassign, reports
from agentdesk.server.access import audit, audited_transaction, lead_team, zone
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError, denied
from agentdesk.server.models import Case, ContactPoint, User
from agentdesk.server.sync import in_scope, touch

Poke = Callable[[set[str], set[str]], None]
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": contract.ErrorBody} for code in (401, 403, 404, 409, 422)
}
TeamId = Annotated[str | None, Query(max_length=64, description="admins: the team; leads: omit (own team)")]
Tz = Annotated[str | None, Query(max_length=64, description="IANA zone that decides the day; default Asia/Shanghai")]
Days = Annotated[int, Query(ge=1, le=366)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
ObjectId = Annotated[str, Path(min_length=1, max_length=64)]


def lead_router(db: Database, poke: Poke, current_user: Callable[..., User], clock: Clock) -> APIRouter:
    router = APIRouter(prefix="/v1", responses=ERRORS)
    Caller = Annotated[User, Depends(current_user)]

    @router.get("/team/board", response_model=contract.TeamBoard, tags=["lead"])
    def team_board(user: Caller, team_id: TeamId = None, tz: Tz = None) -> contract.TeamBoard:
        """Each agent's state, queue and today's work; the lead console polls it and refreshes on pokes."""
        zone_info = zone(tz)
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "team.board")
            audit(s, user, "team.board", "team", team)
            return reports.team_board(s, team, zone_info, clock.now())

    @router.post("/agent/state", status_code=204, tags=["agent"])
    def set_agent_state(body: contract.AgentStateRequest, user: Caller) -> None:
        """Any logged-in user sets their own state; the team's boards hear of it through a poke."""
        with db.transaction() as s:
            me = s.get(User, user.id)
            assert me is not None
            previous = me.agent_state
            me.agent_state = body.state
            me.agent_state_at = clock.now()
            audit(s, user, "agent.state", "user", user.id, state=body.state, previous=previous)
        poke(set(), {user.team_id} if user.team_id else set())

    def _team_for_reassign(s: Session, user: User, body: contract.ReassignRequest) -> str:
        team = lead_team(s, user, None, "case.reassign")
        return reassign.resolve_team(s, user, team, body.agent_ids)

    @router.post("/cases/reassign/preview", response_model=contract.ReassignPreview, tags=["lead"])
    def reassign_preview(body: contract.ReassignRequest, user: Caller) -> contract.ReassignPreview:
        """Who would get which cases, and each agent's load before and after; writes nothing but the audit."""
        with audited_transaction(db) as s:
            team = _team_for_reassign(s, user, body)
            plan = reassign.plan_moves(s, team, body)
            audit(s, user, "case.reassign.preview", "team", team, mode=body.mode, cases=plan.preview.total_cases)
            return plan.preview

    @router.post("/cases/reassign", response_model=contract.ReassignResult, tags=["lead"])
    def reassign_commit(body: contract.ReassignRequest, user: Caller) -> contract.ReassignResult:
        """Move the cases in one transaction; both agents' clients are poked to pull."""
        with audited_transaction(db) as s:
            team = _team_for_reassign(s, user, body)
            plan = reassign.plan_moves(s, team, body, lock=db.is_postgres)
            rid = reassign.reassign_cases(s, user, plan, body.mode, clock.now())
            audit(s, user, "reassign", "reassignment", rid, mode=body.mode, cases=plan.preview.total_cases)
        if plan.moves:
            poke(plan.touched_agents, {team})
        return contract.ReassignResult(reassignment_id=rid, **plan.preview.model_dump())

    @router.post("/cases/reassign/{reassignment_id}/undo", response_model=contract.UndoResult, tags=["lead"])
    def reassign_undo(reassignment_id: ObjectId, user: Caller) -> contract.UndoResult:
        """Give cases back to their previous owners, except those that changed since the move."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, None, "reassign.undo")
            undone = reassign.undo_reassignment(s, user, reassignment_id, team, clock.now())
            audit(s, user, "reassign.undo", "reassignment", reassignment_id,
                  restored=undone.restored, skipped=undone.skipped)
        if undone.restored:
            poke(undone.agents, {undone.team_id} if undone.team_id else set())
        return contract.UndoResult(restored=undone.restored, skipped=undone.skipped)

    @router.get("/cases/reassign/history", response_model=contract.MoveHistory, tags=["lead"])
    def reassign_history(user: Caller, team_id: TeamId = None, limit: Annotated[int, Query(ge=1, le=200)] = 50,
                         offset: Offset = 0) -> contract.MoveHistory:
        """The team's moves of cases, newest first: who, when, how many, from and to whom, and how
        many of each move's cases are untouched since (those an undo would give back)."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "reassign.history")
            audit(s, user, "reassign.history", "team", team)
            return move_history.history(s, team, limit, offset)

    @router.get("/cases/reassign/{reassignment_id}/undo/preview", response_model=contract.UndoPreview,
                tags=["lead"])
    def reassign_undo_preview(reassignment_id: ObjectId, user: Caller) -> contract.UndoPreview:
        """What undoing this move would give back now (cases per previous owner) and how many stay."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, None, "reassign.undo")
            return move_history.undo_preview(s, reassignment_id, team)

    @router.get("/review/flagged", response_model=contract.FlaggedPage, tags=["lead"])
    def review_flagged(user: Caller, team_id: TeamId = None, limit: Limit = 100,
                       offset: Offset = 0) -> contract.FlaggedPage:
        """Attempts the compliance guard flagged, newest first."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "review.flagged")
            audit(s, user, "review.flagged", "team", team)
            return reports.flagged_attempts(s, team, limit, offset)

    @router.get("/review/rejected", response_model=contract.RejectedPage, tags=["lead"])
    def review_rejected(user: Caller, team_id: TeamId = None, limit: Limit = 100,
                        offset: Offset = 0) -> contract.RejectedPage:
        """Mutations of the team's users that the server rejected, with the reason, newest first."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "review.rejected")
            audit(s, user, "review.rejected", "team", team)
            return reports.rejected_mutations(s, team, limit, offset)

    @router.get("/review/numbers", response_model=contract.NumbersPage, tags=["lead"])
    def review_numbers(user: Caller, team_id: TeamId = None, limit: Limit = 100,
                       offset: Offset = 0) -> contract.NumbersPage:
        """Numbers agents added that wait for verification, newest first (masked)."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "review.numbers")
            audit(s, user, "review.numbers", "team", team)
            return reports.numbers_to_verify(s, team, limit, offset)

    def _point_and_case(s: Session, user: User, point_id: str, action: str) -> tuple[ContactPoint, Case]:
        point = s.get(ContactPoint, point_id)
        case = s.get(Case, point.case_id) if point is not None else None
        if point is None or case is None or not in_scope(user, case):
            raise denied(404, "contact_point_not_found", "No such contact point among your cases.",
                         user.id, "contact_point", point_id, action)
        return point, case

    @router.post("/contact-points/{point_id}/verify", response_model=contract.ContactPointStatus, tags=["lead"])
    def verify_number(point_id: ObjectId, body: contract.VerifyRequest, user: Caller) -> contract.ContactPointStatus:
        """Approve (valid) or reject (invalid) a number an agent added; its case is pulled again."""
        with audited_transaction(db) as s:
            lead_team(s, user, None, "contact_point.verify")
            point, case = _point_and_case(s, user, point_id, "contact_point.verify")
            if point.status != "unverified":
                raise ApiError(409, "already_verified", f"This number was already decided: it is {point.status}.")
            point.status = "valid" if body.approve else "invalid"
            touch(s, [case])
            audit(s, user, "contact_point.verify", "contact_point", point.id, case=case.id, status=point.status)
            result = contract.ContactPointStatus(id=point.id, case_id=case.id, status=point.status)
            agent, team = case.assigned_agent_id, case.team_id
        poke({agent} if agent else set(), {team} if team else set())
        return result

    @router.post("/contact-points/{point_id}/reveal", response_model=contract.RevealedValue, tags=["agent"])
    def reveal_number(point_id: ObjectId, user: Caller) -> contract.RevealedValue:
        """The full value of a contact point in the caller's scope; every reveal is audited."""
        with audited_transaction(db) as s:
            point, case = _point_and_case(s, user, point_id, "pii.reveal")
            audit(s, user, "pii.reveal", "contact_point", point.id, case=case.id)
            return contract.RevealedValue(value=point.value)

    @router.get("/reports/daily", response_model=list[contract.DailyRow], tags=["reports"])
    def report_daily(user: Caller, days: Days = 30, tz: Tz = None, team_id: TeamId = None) -> list[contract.DailyRow]:
        """Promises (count, amount) and money collected per local day, oldest first."""
        zone_info = zone(tz)
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "report.daily")
            audit(s, user, "report.daily", "team", team, days=days)
            return reports.daily(s, team, zone_info, days, clock.now())

    @router.get("/reports/rpc-by-hour", response_model=list[contract.HourRow], tags=["reports"])
    def report_rpc_by_hour(user: Caller, days: Days = 30, team_id: TeamId = None) -> list[contract.HourRow]:
        """24 rows: attempts and right-party contacts by the debtor's local hour."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "report.rpc_by_hour")
            audit(s, user, "report.rpc_by_hour", "team", team, days=days)
            return reports.rpc_by_hour(s, team, days, clock.now())

    @router.get("/reports/funnel", response_model=list[contract.FunnelRow], tags=["reports"])
    def report_funnel(user: Caller, days: Days = 30, team_id: TeamId = None) -> list[contract.FunnelRow]:
        """Per agent: attempts, right-party contacts, promises, promises kept."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "report.funnel")
            audit(s, user, "report.funnel", "team", team, days=days)
            return reports.funnel(s, team, days, clock.now())

    @router.get("/reports/talk-tracks", response_model=list[contract.TalkTrackRow], tags=["reports"])
    def report_talk_tracks(user: Caller, days: Days = 30, team_id: TeamId = None) -> list[contract.TalkTrackRow]:
        """Attempts, right-party contacts and promises per talk track and version."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "report.talk_tracks")
            audit(s, user, "report.talk_tracks", "team", team, days=days)
            return reports.talk_tracks(s, team, days, clock.now())

    return router
