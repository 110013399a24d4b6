"""The strategy book over HTTP: read, save, versions, promote or stop a challenger, compare
arms, and price a file before accepting it.

The book is the whole server's (like the queue weights before it): any team lead or admin
reads and edits it, an agent is refused (403). What is measured is the caller's own: the
arms comparison counts a lead's own team's cases only (an admin's: every team, or the one
named). Every save is a new version, audited, followed by placing the open cases again
when the segments' rules changed, and a poke to every desk so their queues use it within
seconds. Like app.py, no `from __future__ import annotations`: FastAPI resolves the
Depends annotations.
"""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, UploadFile
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.clock import Clock
from agentdesk.domain.strategy_book import StrategyBook
from agentdesk.server import arms_report, intake, pricing_step, segmentation, strategy_store
from agentdesk.server.access import audit, audited_transaction, lead_team
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError
from agentdesk.server.models import User
from agentdesk.server.routes_rules import current_rules, poke_everyone

Poke = Callable[[set[str], set[str]], None]
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": contract.ErrorBody} for code in (401, 403, 404, 409, 422)}
TeamId = Annotated[str | None, Query(max_length=64, description="admins: the team; leads: omit (own team)")]
Key = Annotated[str, Path(min_length=1, max_length=40)]
MAX_UPLOAD = 50 * 1024 * 1024


def strategy_router(db: Database, poke: Poke, current_user: Callable[..., User], clock: Clock) -> APIRouter:
    router = APIRouter(prefix="/v1/strategy", responses=ERRORS, tags=["strategy"])
    Caller = Annotated[User, Depends(current_user)]

    def _saved(s: Session, old: StrategyBook, new: StrategyBook) -> contract.Rules:
        """After a save: place the open cases again if the rules moved, poke every desk."""
        if strategy_store.rules_changed_segments(old, new):
            segmentation.resegment(s, new, (), clock.now(), where=segmentation.open_cases())
        poke_everyone(s, poke)
        return current_rules(s)

    @router.get("/book", response_model=StrategyBook)
    def get_book(user: Caller) -> StrategyBook:
        """The strategy book in force: segments in order, each with its strategy and challenger."""
        with audited_transaction(db) as s:
            lead_team(s, user, None, "strategy.read")
            return strategy_store.current_book(s)

    @router.put("/book", response_model=contract.Rules)
    def put_book(body: contract.BookUpdate, user: Caller) -> contract.Rules:
        """Save a new version of the whole book. 422 names the field that is wrong; 409 when
        someone saved since `expected_version`."""
        try:
            with audited_transaction(db) as s:
                lead_team(s, user, None, "strategy.book")
                old, new = strategy_store.save(s, user, body.book, body.expected_version, clock.now())
                return _saved(s, old, new)
        except IntegrityError as exc:
            raise ApiError(409, "strategy_changed", "Someone saved the strategy at the same moment; reload it "
                           "and apply your change again.") from exc

    @router.get("/book/versions", response_model=list[contract.BookVersion])
    def book_versions(user: Caller) -> list[contract.BookVersion]:
        """Every saved version, newest first (who saved it, when, how many segments)."""
        with audited_transaction(db) as s:
            lead_team(s, user, None, "strategy.read")
            return strategy_store.versions(s)

    @router.get("/book/versions/{version}", response_model=StrategyBook)
    def book_version(version: Annotated[int, Path(ge=1, le=10_000_000)], user: Caller) -> StrategyBook:
        with audited_transaction(db) as s:
            lead_team(s, user, None, "strategy.read")
            found = strategy_store.book_version(s, version)
            if found is None:
                raise ApiError(404, "version_not_found", f"There is no strategy version {version}.")
            return found

    def _decide(segment: str, challenger: str, outcome: str, body: contract.ChallengerDecision,
                user: User) -> contract.Rules:
        try:
            with audited_transaction(db) as s:
                lead_team(s, user, None, f"strategy.challenger.{outcome}")
                old, new = strategy_store.promote_or_stop(s, user, segment, challenger, outcome,
                                                          body.expected_version, clock.now())
                return _saved(s, old, new)
        except IntegrityError as exc:
            raise ApiError(409, "strategy_changed",
                           "Someone saved the strategy at the same moment; reload it.") from exc

    @router.post("/segments/{segment}/challenger/{challenger}/promote", response_model=contract.Rules)
    def promote(segment: Key, challenger: Key, body: contract.ChallengerDecision, user: Caller) -> contract.Rules:
        """The challenger's variant becomes the segment's strategy; the experiment ends, its history stays."""
        return _decide(segment, challenger, "promoted", body, user)

    @router.post("/segments/{segment}/challenger/{challenger}/stop", response_model=contract.Rules)
    def stop(segment: Key, challenger: Key, body: contract.ChallengerDecision, user: Caller) -> contract.Rules:
        """End the experiment and keep the champion; the history stays."""
        return _decide(segment, challenger, "stopped", body, user)

    @router.get("/arms", response_model=contract.ArmsReport)
    def arms(user: Caller, segment: Annotated[str, Query(min_length=1, max_length=40)],
             challenger: Annotated[str | None, Query(max_length=40)] = None,
             days: Annotated[int, Query(ge=1, le=366)] = 30, team_id: TeamId = None) -> contract.ArmsReport:
        """Champion and challenger on the same period, with intervals and a plain verdict
        (the running challenger of `segment`, or `challenger` from its history)."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "strategy.arms")
            audit(s, user, "strategy.arms", "team", team, segment=segment, days=days)
            book = strategy_store.current_book(s)
            return arms_report.arms_report(s, book, segment, challenger, team, days, clock.now())

    @router.post("/pricing", response_model=contract.PlacementPrice)
    def pricing(user: Caller,
                file: Annotated[UploadFile, File(description="a placement file, as for POST /v1/intake/cases")],
                lender: Annotated[str, Form(min_length=1, max_length=100)]) -> contract.PlacementPrice:
        """What the file's batch would recover in 30/90/180 days, per segment, from this
        portfolio's history; writes nothing (price a file before accepting it)."""
        data = file.file.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise ApiError(413, "file_too_large", f"The file is over {MAX_UPLOAD // 2**20} MB; split it.")
        with audited_transaction(db) as s:
            team = lead_team(s, user, None, "strategy.pricing")
            try:
                price = pricing_step.price_file(s, data, file.filename or "", lender, clock.now())
            except intake.IntakeError as exc:
                raise ApiError(422, "unreadable_file", str(exc)) from exc
            audit(s, user, "strategy.pricing", "team", team, cases=price.cases)
            return price

    return router
