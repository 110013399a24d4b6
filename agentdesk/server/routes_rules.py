"""The rules every client applies: GET /v1/rules and a lead's PUT /v1/strategy.

The server is the one source of the compliance preset in force (`policy_in_force`) and of
the queue strategy, so two agents' desktops never order or guard by different rules. The
strategy is the strategy book (agentdesk.server.strategy_store: one row per version, every
API process reads the same); `PUT /v1/strategy` changes the weights of its last segment,
the one that takes every case. A change is validated by the same `Strategy.resolved()`
the clients rank with, gets the next version, is audited with the old and new weights,
and pokes every connected client, whose sync engine then fetches the rules again.

Built by `rules_router(db, poke, current_user)` and included by create_app. Like app.py,
no `from __future__ import annotations`: FastAPI must resolve the Depends annotations.
"""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.clock import Clock
from agentdesk.domain.strategy import DEFAULT_WEIGHTS, Strategy, StrategyError
from agentdesk.domain.strategy_book import StrategyBook
from agentdesk.server import strategy_store
from agentdesk.server.access import audited_transaction
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError, denied
from agentdesk.server.models import Team, User
from agentdesk.server.policy import policy_in_force

Poke = Callable[[set[str], set[str]], None]
EDITOR_ROLES = ("lead", "admin")
# Agents per poke: on PostgreSQL a poke is one NOTIFY, whose payload must stay under 8000 bytes.
POKE_BATCH = 100
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": contract.ErrorBody} for code in (401, 403, 409, 422)}


def stored_strategy(session: Session, *, lock: bool = False) -> contract.StrategyInfo:
    """The queue strategy in force: the strategy book's last segment (the one that takes every
    case), at the book's version (agentdesk.server.strategy_store)."""
    return strategy_info(strategy_store.current_book(session, lock=lock))


def strategy_info(book: StrategyBook) -> contract.StrategyInfo:
    last = book.segments[-1]
    weights = Strategy(book.name, dict(last.strategy.weights), book.version).resolved()
    return contract.StrategyInfo(name=book.name, version=book.version, weights=weights, changed_at=book.changed_at,
                                 changed_by=book.changed_by)


def rules_version(policy: str, strategy: contract.StrategyInfo) -> str:
    """Changes whenever the preset or the strategy does; also the ETag of GET /v1/rules."""
    return f"{policy}-s{strategy.version}"


def current_rules(session: Session) -> contract.Rules:
    policy = policy_in_force().name
    book = strategy_store.current_book(session)
    strategy = strategy_info(book)
    return contract.Rules(version=rules_version(policy, strategy), policy=policy, strategy=strategy, book=book)


def poke_everyone(session: Session, poke: Poke) -> None:
    """A strategy change concerns every queue: every active user, every team (in batches)."""
    users, teams = _everyone(session)
    for start in range(0, max(len(users), 1), POKE_BATCH):
        poke(set(users[start:start + POKE_BATCH]), teams if start == 0 else set())


def _everyone(session: Session) -> tuple[list[str], set[str]]:
    """Every active user and every team: a strategy change concerns every queue."""
    users = list(session.scalars(select(User.id).where(User.active.is_(True))))
    teams = set(session.scalars(select(Team.id)))
    return users, teams


def rules_router(db: Database, poke: Poke, current_user: Callable[..., User], clock: Clock) -> APIRouter:
    router = APIRouter(prefix="/v1", responses=ERRORS, tags=["rules"])
    Caller = Annotated[User, Depends(current_user)]

    @router.get("/rules", response_model=contract.Rules)
    def get_rules(user: Caller, if_none_match: Annotated[str | None, Header(max_length=200)] = None) -> Any:
        """The compliance preset and queue strategy in force, for any signed-in user.

        Sends `ETag: "<version>"`; with a matching `If-None-Match` the answer is 304 with
        no body, so a client that polls after every poke pays almost nothing.
        """
        with db.transaction() as s:
            rules = current_rules(s)
        etag = f'"{rules.version}"'
        if if_none_match is not None and etag in [tag.strip() for tag in if_none_match.split(",")]:
            return Response(status_code=304, headers={"ETag": etag})
        return Response(rules.model_dump_json(), media_type="application/json", headers={"ETag": etag})

    @router.put("/strategy", response_model=contract.Rules)
    def put_strategy(body: contract.StrategyUpdate, user: Caller) -> contract.Rules:
        """Replace the queue strategy (team leads and admins). Weights left out take their
        documented default; a weight out of its range is refused with 422 naming it."""
        try:
            with audited_transaction(db) as s:
                if user.role not in EDITOR_ROLES:
                    raise denied(403, "lead_only", "Only team leads and admins can change the queue strategy; "
                                 "ask your team lead.", user.id, "strategy", None, "strategy.update")
                try:
                    weights = Strategy(body.name, dict(body.weights)).resolved()
                except StrategyError as exc:
                    code = "bad_weight" if exc.weight else "bad_strategy"
                    raise ApiError(422, code, f"{exc} Correct it and save again.") from exc
                current = strategy_store.current_book(s, lock=db.is_postgres)
                last = current.segments[-1]
                # The weights of the segment that takes every case; other segments keep theirs.
                chosen = {k: v for k, v in weights.items() if DEFAULT_WEIGHTS.get(k) != v}
                book = current.model_copy(update={
                    "name": body.name,
                    "segments": [*current.segments[:-1],
                                 last.model_copy(update={"strategy": last.strategy.model_copy(
                                     update={"weights": chosen})})]})
                # Weights and versions are no personal data: the audit keeps what changed, old and new.
                before = strategy_info(current).weights
                changed = {k: [before.get(k), v] for k, v in weights.items() if before.get(k) != v}
                _previous, saved_book = strategy_store.save(s, user, book, body.expected_version, clock.now(),
                                                            action="strategy.update", changed=changed)
                saved = strategy_info(saved_book)
                policy = policy_in_force().name
                poke_everyone(s, poke)
        except IntegrityError as exc:
            # Two saves at once on PostgreSQL: the second one's version already exists.
            raise ApiError(409, "strategy_changed", "Someone saved the strategy at the same moment; "
                           "reload it and apply your change again.") from exc
        return contract.Rules(version=rules_version(policy, saved), policy=policy, strategy=saved, book=saved_book)

    return router
