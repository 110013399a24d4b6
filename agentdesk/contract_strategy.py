"""Wire schemas of the strategy engine (issue 14), part of `agentdesk.contract`.

Kept in a module of their own so the shared contract grows by one import; the strategy
book itself travels as the domain's validated model (agentdesk.domain.strategy_book), so
the server, the client and the lead console's form check it with the same code.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from agentdesk.domain.collectors import CollectorSettings
from agentdesk.domain.pricing import PlacementPrice
from agentdesk.domain.strategy_book import StrategyBook

__all__ = [
    "AllocationCommit",
    "AllocationItem",
    "AllocationLoad",
    "AllocationPreview",
    "AllocationRequest",
    "AllocationResult",
    "AllocationRunInfo",
    "ArmMetric",
    "ArmsReport",
    "BookUpdate",
    "BookVersion",
    "ChallengerDecision",
    "CollectorInfo",
    "CollectorSettings",
    "PlacementPrice",
    "StrategyBook",
]

ShortId = Annotated[str, Field(min_length=1, max_length=64)]
Source = Literal["new", "returned", "absent"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BookVersion(BaseModel):
    version: int
    saved_at: datetime | None
    saved_by: str | None
    note: str
    segments: int


class BookUpdate(_Strict):
    """A whole new book (checked by `agentdesk.domain.strategy_book.parse_book` on the server)."""

    book: dict[str, Any]
    # The version the editor started from: saving over someone else's newer change is refused (409).
    expected_version: Annotated[int | None, Field(ge=1)] = None


class ChallengerDecision(_Strict):
    expected_version: Annotated[int | None, Field(ge=1)] = None


class CollectorInfo(BaseModel):
    user_id: str
    username: str
    display_name: str
    team_id: str | None
    settings: CollectorSettings
    stand_in_username: str | None = None
    open_cases: int = 0
    open_minor: int = 0
    away_today: bool = False
    works_today: bool = True
    covering_cases: int = 0  # cases this collector holds as a stand-in


class AllocationRequest(_Strict):
    """Which cases of the team to allocate: new placements, returned cases, cases of absent collectors."""

    team_id: ShortId | None = None  # admins: the team; leads: their own
    sources: Annotated[list[Source], Field(min_length=1, max_length=3)] = ["new", "returned", "absent"]


class AllocationItem(BaseModel):
    case_id: str
    segment: str | None
    source: str
    overdue_minor: int
    from_agent_id: str | None
    to_agent_id: str | None  # None: unplaced (reason says why)
    reasons_en: list[str]
    reasons_zh: list[str]


class AllocationLoad(BaseModel):
    agent_id: str
    username: str
    capacity: int
    available: bool
    before_cases: int
    before_minor: int
    after_cases: int
    after_minor: int


class AllocationPreview(BaseModel):
    team_id: str
    run_day: date
    items: list[AllocationItem]
    total_cases: int
    total_minor: int
    unplaced: int
    by_source: dict[str, int]
    loads: list[AllocationLoad]
    balance: dict[str, int]
    took_ms: float


class AllocationCommit(_Strict):
    """The (possibly adjusted) preview to write: each case to an agent of the team."""

    team_id: ShortId | None = None
    sources: Annotated[list[Source], Field(min_length=1, max_length=3)] = ["new", "returned", "absent"]
    assignments: Annotated[dict[ShortId, ShortId], Field(min_length=1, max_length=200_000)]


class AllocationResult(BaseModel):
    run_id: str
    reassignment_id: str
    moved: int
    total_minor: int
    loads: list[AllocationLoad]


class AllocationRunInfo(BaseModel):
    id: str
    kind: str
    created_at: datetime
    username: str | None
    moved: int
    reassignment_id: str | None
    undone: bool


class ArmMetric(BaseModel):
    key: str
    champion: float
    challenger: float
    difference: float
    low: float | None  # None: no interval yet (no data)
    high: float | None
    finding: str
    champion_n: int
    challenger_n: int


class ArmsReport(BaseModel):
    segment: str
    challenger_id: str
    challenger_name: str
    running: bool
    share: float
    started_at: datetime | None
    since: datetime
    until: datetime
    champion_cases: int
    challenger_cases: int
    primary: str
    verdict: str
    verdict_en: str
    verdict_zh: str
    more_cases: int
    metrics: list[ArmMetric]
    # The talk tracks each arm's calls used, with their counts (the talk-track chart's numbers).
    tracks: dict[str, dict[str, int]] = {}
