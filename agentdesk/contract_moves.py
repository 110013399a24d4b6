"""Wire schemas of the lead's reassignment history and its per-move undo (issue 18).

Part of the contract (re-exported by `agentdesk.contract`): `GET /v1/cases/reassign/history`
lists a team's moves, newest first; `GET /v1/cases/reassign/{id}/undo/preview` says what an
undo would give back, so the lead confirms knowing how many cases return to whom.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class AgentCount(BaseModel):
    """How many cases of a move one agent gave or received; `agent_id` None: no agent held them."""

    agent_id: str | None
    username: str  # "" when no agent held the cases (new placements)
    cases: int


class MoveRecord(BaseModel):
    """One move of cases: who made it and when, how many, from whom to whom, and what undo would return."""

    id: str
    at: datetime
    by: str  # username of the lead (or "scheduler" for the morning allocation)
    mode: str  # one | even | capacity | allocation kinds
    case_count: int
    sources: list[AgentCount]
    targets: list[AgentCount]
    undone_at: datetime | None
    undoable: int  # cases untouched since the move: these would go back on undo


class MoveHistory(BaseModel):
    items: list[MoveRecord]
    total: int


class UndoPreview(BaseModel):
    """What undoing a move gives back now: cases per previous owner, and how many stay put."""

    reassignment_id: str
    returns: list[AgentCount]
    stay: int  # cases that changed since the move: they stay where they are
    undone: bool  # the move was already undone: nothing would return
