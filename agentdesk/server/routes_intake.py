"""Lender files over HTTP: leads and admins upload placements and payment feeds.

The file is read and checked before the database transaction starts (on SQLite every
transaction holds the write lock), then written in one transaction. A lead's file reaches
only the lead's team (intake.py, intake_payments.py). No `from __future__ import
annotations` here: FastAPI must resolve the Depends annotations.
"""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, UploadFile

from agentdesk import contract
from agentdesk.clock import Clock
from agentdesk.server import intake, pricing_step
from agentdesk.server import intake_payments as feed
from agentdesk.server.access import audit, audited_transaction, lead_team
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError
from agentdesk.server.models import User

MAX_UPLOAD = 50 * 1024 * 1024
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": contract.ErrorBody} for code in (401, 403, 404, 413, 422)
}


def intake_router(db: Database, poke: Callable[[set[str], set[str]], None],
                  current_user: Callable[..., User], clock: Clock) -> APIRouter:
    router = APIRouter(prefix="/v1/intake", responses=ERRORS, tags=["intake"])
    Caller = Annotated[User, Depends(current_user)]

    def _read(upload: UploadFile) -> bytes:
        data = upload.file.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise ApiError(413, "file_too_large", f"The file is over {MAX_UPLOAD // 2**20} MB; split it.")
        return data

    def _lender(name: str | None) -> None:
        if name is not None and (not name.strip() or not name.isprintable()):
            raise ApiError(422, "bad_lender", "The lender's name must be plain text (no control characters).")

    def _team(user: User, team_id: str | None, action: str) -> str | None:
        with audited_transaction(db) as s:
            return lead_team(s, user, team_id, action)

    @router.post("/cases", response_model=contract.ImportReport)
    def intake_cases(
        user: Caller,
        file: Annotated[UploadFile, File(description="CSV (UTF-8 or GB18030), XLSX or XLS; the header row is "
                                                     "found among the top rows by its column names")],
        lender: Annotated[str, Form(min_length=1, max_length=100)],
        team_id: Annotated[str | None, Form(max_length=64)] = None,
        accept_good_rows: Annotated[bool, Form()] = False,
    ) -> contract.ImportReport:
        """A lender's placement file: new cases land unassigned in the team; known accounts get new balances.

        With problems and without accept_good_rows nothing is imported and the report lists them.
        """
        _lender(lender)
        team = _team(user, team_id, "intake.cases")
        if team is None:
            raise ApiError(422, "team_required", "Give team_id: the team whose leads will assign the new cases.")
        data = _read(file)
        now = clock.now()
        try:
            parsed = intake.parse_cases(data, file.filename or "", intake.local_today(now))
        except intake.IntakeError as exc:
            raise ApiError(422, "unreadable_file", str(exc)) from exc
        with db.transaction() as s:
            result = intake.apply_cases(s, parsed, lender, team, accept_good_rows, now=now)
            if result.report.imported and result.report.created:
                # The strategy engine's step: place the new cases in segments, price the batch.
                result.report.pricing, placed = pricing_step.after_import(s, parsed.good, lender, team, now)
                result.touched_teams |= placed.teams
            # refused_elsewhere: rows naming another team's account or person (an admin's lead).
            audit(s, user, "intake.cases", "team", team, created=result.report.created,
                  updated=result.report.updated, rows=result.report.rows, imported=result.report.imported,
                  refused_elsewhere=result.refused_elsewhere)
        if result.touched_agents or result.touched_teams:
            poke(result.touched_agents, result.touched_teams)
        return result.report

    @router.post("/payments", response_model=contract.PaymentsReport)
    def intake_payments(
        user: Caller,
        file: Annotated[UploadFile, File(description="columns account_no, amount, paid_on and optionally a "
                                                     "transaction serial (CSV, XLSX or XLS)")],
        lender: Annotated[str | None, Form(max_length=100)] = None,
        accept_good_rows: Annotated[bool, Form()] = False,
    ) -> contract.PaymentsReport:
        """The lender's payments feed: adds payments once each and settles promises (kept / broken)."""
        _lender(lender)
        team = _team(user, None, "intake.payments")
        data = _read(file)
        today = intake.local_today(clock.now())
        try:
            parsed = feed.parse_payments(data, file.filename or "", today)
        except intake.IntakeError as exc:
            raise ApiError(422, "unreadable_file", str(exc)) from exc
        with db.transaction() as s:
            result = feed.apply_payments(s, parsed, lender, accept_good_rows, today, team)
            audit(s, user, "intake.payments", "team", team, added=result.report.payments_added,
                  kept=result.report.promises_kept, broken=result.report.promises_broken)
        if result.touched_agents or result.touched_teams:
            poke(result.touched_agents, result.touched_teams)
        return result.report

    return router
