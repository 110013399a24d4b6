"""Team lead operations for the client core: no Qt, usable from a script or a test.

Two halves:

* `TeamGrid` answers the lead console's case grid from the local replica (a lead's store
  holds the whole team, up to ~100,000 cases). Filters and sorting are SQL over the
  queue's indexed columns; the grid asks first for the ordered id list (one cheap query,
  run off the GUI thread) and then for the rows of whatever page is on screen, so the view
  never holds 100,000 objects and never filters in Python.
* `TeamLead` calls the server's lead endpoints (board, reassignment with its preview and
  undo, review queues, reports) through `session.api.call`. Those calls block on the
  network: the desktop runs them through its background helper, never on the GUI thread.
  Answers are validated with the shared contract models, so a server that answers
  something else fails loudly here rather than deep inside a view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import and_, func, select

from agentdesk import contract
from agentdesk.client.store import CaseRow, LocalStore

AGENT_STATES = ("available", "on_call", "wrap_up", "break", "offline")
BUCKETS = ("M0", "M1", "M2", "M3", "M4+")
CASE_STATUSES = ("open", "on_hold", "closed")
PROMISE_STATUSES = ("pending", "kept", "broken", "none")
REASSIGN_MODES = ("one", "even", "capacity")
PAGE_ROWS = 200
LAST_REASSIGNMENT_KEY = "last_reassignment_id"


# --- the team's cases, from the local replica -----------------------------------------------


@dataclass(frozen=True)
class GridFilter:
    """What the lead narrowed the grid to; None means "any". Amounts are minor units."""

    agent: str | None = None  # username; "" means cases no agent holds
    bucket: str | None = None
    min_dpd: int | None = None
    max_dpd: int | None = None
    min_overdue_minor: int | None = None
    max_overdue_minor: int | None = None
    status: str | None = None
    last_outcome: str | None = None
    promise_status: str | None = None  # pending | kept | broken | none
    search: str = ""

    def is_empty(self) -> bool:
        return self == GridFilter()


@dataclass(frozen=True)
class GridRow:
    """One case as the grid shows it: plain values, never an ORM object."""

    case_id: str
    debtor_name: str
    lender: str
    agent: str | None
    overdue_minor: int
    outstanding_minor: int
    currency: str
    days_past_due: int
    bucket: str
    status: str
    last_outcome: str | None
    last_attempt_at: str | None
    promise_status: str | None
    promise_due: str | None


_ROW_COLUMNS = (
    CaseRow.id, CaseRow.debtor_name, CaseRow.lender, CaseRow.assigned_agent, CaseRow.overdue_minor,
    CaseRow.outstanding_minor, CaseRow.currency, CaseRow.days_past_due, CaseRow.bucket, CaseRow.status,
    CaseRow.last_outcome, CaseRow.last_attempt_at, CaseRow.promise_status, CaseRow.promise_due,
)
SORT_KEYS: dict[str, Any] = {
    "debtor": CaseRow.debtor_name,
    "agent": CaseRow.assigned_agent,
    "overdue": CaseRow.overdue_minor,
    "outstanding": CaseRow.outstanding_minor,
    "dpd": CaseRow.days_past_due,
    "bucket": CaseRow.bucket,
    "status": CaseRow.status,
    "last_outcome": CaseRow.last_outcome,
    "last_attempt": CaseRow.last_attempt_at,
    "promise": CaseRow.promise_status,
    "lender": CaseRow.lender,
}


def filter_clauses(f: GridFilter) -> list[Any]:
    """The filter as SQL conditions over the replica's case columns (AND-ed)."""
    clauses: list[Any] = []
    if f.agent is not None:
        clauses.append(CaseRow.assigned_agent.is_(None) if f.agent == "" else CaseRow.assigned_agent == f.agent)
    if f.bucket:
        clauses.append(CaseRow.bucket == f.bucket)
    if f.min_dpd is not None:
        clauses.append(CaseRow.days_past_due >= f.min_dpd)
    if f.max_dpd is not None:
        clauses.append(CaseRow.days_past_due <= f.max_dpd)
    if f.min_overdue_minor is not None:
        clauses.append(CaseRow.overdue_minor >= f.min_overdue_minor)
    if f.max_overdue_minor is not None:
        clauses.append(CaseRow.overdue_minor <= f.max_overdue_minor)
    if f.status:
        clauses.append(CaseRow.status == f.status)
    if f.last_outcome:
        clauses.append(CaseRow.last_outcome.is_(None) if f.last_outcome == "none"
                       else CaseRow.last_outcome == f.last_outcome)
    if f.promise_status:
        clauses.append(CaseRow.promise_status.is_(None) if f.promise_status == "none"
                       else CaseRow.promise_status == f.promise_status)
    if f.search.strip():
        clauses.append(CaseRow.search_text.contains(f.search.strip().lower(), autoescape=True))
    return clauses


class TeamGrid:
    """Ordered, filtered case ids and pages of rows from the lead's replica."""

    def __init__(self, store: LocalStore) -> None:
        self.store = store

    def _where(self, query: Any, f: GridFilter) -> Any:
        clauses = filter_clauses(f)
        return query.where(and_(*clauses)) if clauses else query

    def ids(self, f: GridFilter = GridFilter(), sort: str = "overdue", descending: bool = True) -> list[str]:
        """Every matching case id in display order (ties broken by id, so pages are stable)."""
        key = SORT_KEYS.get(sort, CaseRow.overdue_minor)
        order = [key.desc() if descending else key.asc(), CaseRow.id]
        with self.store.sessions() as s:
            return list(s.scalars(self._where(select(CaseRow.id), f).order_by(*order)))

    def rows(self, ids: Sequence[str]) -> list[GridRow]:
        """The rows for `ids`, in the order given (ids no longer in the replica are left out)."""
        found: dict[str, GridRow] = {}
        wanted = list(ids)
        with self.store.sessions() as s:
            for start in range(0, len(wanted), 900):  # under SQLite's bound-parameter limit
                chunk = wanted[start:start + 900]
                for values in s.execute(select(*_ROW_COLUMNS).where(CaseRow.id.in_(chunk))):
                    found[values[0]] = GridRow(*tuple(values))
        return [found[i] for i in wanted if i in found]

    def totals(self, f: GridFilter = GridFilter()) -> tuple[int, int]:
        """(cases, overdue minor units) matching the filter."""
        query = self._where(select(func.count(), func.coalesce(func.sum(CaseRow.overdue_minor), 0))
                            .select_from(CaseRow), f)
        with self.store.sessions() as s:
            count, total = s.execute(query).one()
        return int(count), int(total)

    def agents(self) -> list[str]:
        """The usernames holding cases in the replica (for the agent filter)."""
        with self.store.sessions() as s:
            query = (select(CaseRow.assigned_agent).where(CaseRow.assigned_agent.is_not(None))
                     .group_by(CaseRow.assigned_agent).order_by(CaseRow.assigned_agent))
            return [a for a in s.scalars(query) if a]

    def outcomes(self) -> list[str]:
        with self.store.sessions() as s:
            query = (select(CaseRow.last_outcome).where(CaseRow.last_outcome.is_not(None))
                     .group_by(CaseRow.last_outcome).order_by(CaseRow.last_outcome))
            return [o for o in s.scalars(query) if o]


# --- reassignment requests (pure) -----------------------------------------------------------


class ReassignProblem(ValueError):
    """The lead's choices cannot make a request yet; the message says what is missing."""


def reassign_request(*, case_ids: Sequence[str] | None = None, agent_filter: str | None = None,
                     mode: str, agent_ids: Sequence[str],
                     capacity: dict[str, int] | None = None) -> contract.ReassignRequest:
    """The server request for "these cases" (or "all of this agent's cases") by `mode`.

    Explicit ids are what the lead saw in the grid, so preview and commit move exactly
    those; `agent_filter` (an agent id) lets the server pick an absent agent's whole queue.
    """
    if mode not in REASSIGN_MODES:
        raise ReassignProblem(f"unknown mode {mode!r}")
    targets = list(dict.fromkeys(agent_ids))
    if not targets:
        raise ReassignProblem("choose at least one agent to receive the cases")
    if mode == "one" and len(targets) != 1:
        raise ReassignProblem("'to one agent' takes exactly one agent")
    if case_ids is None and agent_filter is None:
        raise ReassignProblem("no cases chosen")
    if case_ids is not None and not case_ids:
        raise ReassignProblem("no cases chosen")
    body: dict[str, Any] = {"mode": mode, "agent_ids": targets}
    if case_ids is not None:
        body["case_ids"] = list(dict.fromkeys(case_ids))
    else:
        body["filter"] = {"agent_id": agent_filter}
        if agent_filter in targets:
            raise ReassignProblem("the absent agent cannot receive their own cases")
    if mode == "capacity":
        caps = capacity or {}
        body["capacity"] = {a: int(caps.get(a, 0)) for a in targets}
        if not any(body["capacity"].values()):
            raise ReassignProblem("give at least one agent a capacity above zero")
    return contract.ReassignRequest.model_validate(body)


def rate(part: int, whole: int) -> float:
    """A share in percent, 0 when there is nothing to divide by."""
    return 100.0 * part / whole if whole else 0.0


# --- the server's lead endpoints ------------------------------------------------------------


class TeamLead:
    """Lead operations over the session's authenticated API client. Blocking: call off the GUI thread."""

    def __init__(self, session: Any) -> None:
        self.api = session.api
        self.store: LocalStore = session.store
        self.grid = TeamGrid(session.store)

    def board(self, team_id: str | None = None) -> contract.TeamBoard:
        params = {"team_id": team_id} if team_id else None
        return contract.TeamBoard.model_validate(self.api.call("GET", "/v1/team/board", params=params))

    def preview(self, request: contract.ReassignRequest) -> contract.ReassignPreview:
        body = request.model_dump(mode="json", exclude_none=True)
        return contract.ReassignPreview.model_validate(self.api.call("POST", "/v1/cases/reassign/preview", json=body))

    def reassign(self, request: contract.ReassignRequest) -> contract.ReassignResult:
        body = request.model_dump(mode="json", exclude_none=True)
        result = contract.ReassignResult.model_validate(self.api.call("POST", "/v1/cases/reassign", json=body))
        if result.total_cases:
            self.store.set_meta(LAST_REASSIGNMENT_KEY, result.reassignment_id)
        return result

    def last_reassignment(self) -> str | None:
        return self.store.get_meta(LAST_REASSIGNMENT_KEY) or None

    def undo(self, reassignment_id: str | None = None) -> contract.UndoResult:
        """Undo `reassignment_id` (default: this computer's last one); forgets it afterwards."""
        rid = reassignment_id or self.last_reassignment()
        if not rid:
            raise ReassignProblem("there is no reassignment to undo")
        result = contract.UndoResult.model_validate(self.api.call("POST", f"/v1/cases/reassign/{rid}/undo"))
        if rid == self.last_reassignment():
            self.store.set_meta(LAST_REASSIGNMENT_KEY, "")
        return result

    def flagged(self, limit: int = 200) -> contract.FlaggedPage:
        return contract.FlaggedPage.model_validate(self.api.call("GET", "/v1/review/flagged", params={"limit": limit}))

    def rejected(self, limit: int = 200) -> contract.RejectedPage:
        return contract.RejectedPage.model_validate(
            self.api.call("GET", "/v1/review/rejected", params={"limit": limit}))

    def numbers(self, limit: int = 200) -> contract.NumbersPage:
        return contract.NumbersPage.model_validate(self.api.call("GET", "/v1/review/numbers", params={"limit": limit}))

    def verify_number(self, point_id: str, approve: bool) -> contract.ContactPointStatus:
        return contract.ContactPointStatus.model_validate(
            self.api.call("POST", f"/v1/contact-points/{point_id}/verify", json={"approve": approve}))

    def reports(self, days: int = 30) -> Reports:
        """All four chart reports at once (the charts tab shows them together)."""
        params = {"days": days}
        return Reports(
            daily=[contract.DailyRow.model_validate(r) for r in self.api.call("GET", "/v1/reports/daily",
                                                                              params=params)],
            by_hour=[contract.HourRow.model_validate(r) for r in self.api.call("GET", "/v1/reports/rpc-by-hour",
                                                                               params=params)],
            funnel=[contract.FunnelRow.model_validate(r) for r in self.api.call("GET", "/v1/reports/funnel",
                                                                                params=params)],
            tracks=[contract.TalkTrackRow.model_validate(r) for r in self.api.call("GET", "/v1/reports/talk-tracks",
                                                                                   params=params)],
        )


@dataclass(frozen=True)
class Reports:
    daily: list[contract.DailyRow]
    by_hour: list[contract.HourRow]
    funnel: list[contract.FunnelRow]
    tracks: list[contract.TalkTrackRow]


def set_agent_state(session: Any, state: str) -> None:
    """Report the user's own state (any role may); blocking, so off the GUI thread."""
    if state not in AGENT_STATES:
        raise ValueError(f"unknown agent state {state!r}")
    session.api.call("POST", "/v1/agent/state", json={"state": state})


def filter_with(f: GridFilter, **changes: Any) -> GridFilter:
    known = {fl.name for fl in fields(GridFilter)}
    return replace(f, **{k: v for k, v in changes.items() if k in known})
