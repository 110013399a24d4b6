"""Team lead operations for the client core: no Qt, usable from a script or a test.

Two halves:

* The team's cases from the local replica (a lead's store holds the whole team, up to
  ~100,000 cases). `TeamGrid.snapshot()` reads the replica's summary columns once (never
  the JSON documents), in chunks, into `TeamCases`: compact column buffers (texts packed
  as UTF-8, ints in `array`, repeated strings such as agent, bucket or status as small
  codes; agentdesk/client/team_columns.py). Filtering and sorting are then numpy passes
  over those buffers (boolean masks, cached sort permutations): tens of milliseconds at
  100,000 cases, run off the GUI thread. After a sync only the changed
  rows are read again (`TeamGrid.refreshed`). `TeamGrid.ids/rows/totals` answer the same
  questions in SQL for scripts and benches that want one answer without a snapshot.
* `TeamLead` calls the server's lead endpoints (board, reassignment with its preview and
  undo, review queues, reports) through `session.api.call`. Those calls block on the
  network: the desktop runs them through its background helper, never on the GUI thread.
  Answers are validated with the shared contract models, so a server that answers
  something else fails loudly here rather than deep inside a view.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from itertools import compress, repeat
from typing import Any

import numpy as np
import orjson
from sqlalchemy import and_, func, select

from agentdesk import contract
from agentdesk.client import memory
from agentdesk.client.store import CaseDoc, CaseRow, LocalStore
from agentdesk.client.team_columns import Category, ColumnsBuilder, TextColumn, view
from agentdesk.client.team_columns import int_array as int_array

AGENT_STATES = ("available", "on_call", "wrap_up", "break", "offline")
BUCKETS = ("M0", "M1", "M2", "M3", "M4+")
CASE_STATUSES = ("open", "on_hold", "closed")
PROMISE_STATUSES = ("pending", "kept", "broken", "none")
REASSIGN_MODES = ("one", "even", "capacity")
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

    def snapshot(self) -> TeamCases:
        """Every case's grid columns in one read (no JSON documents): ~0.5 s at 100,000 cases.

        Read in chunks straight into the compact columns: 100,000 row tuples at once took
        ~120 MB at their peak, and the allocator kept much of it after they were gone.
        """
        memory.keep_large_blocks_apart()  # a lead's process: its loads' large blocks given back when freed
        builder = _builder()
        with self.store.sessions() as s:
            result = s.connection().exec_driver_sql(_SNAPSHOT_SQL)
            while rows := result.fetchmany(SNAPSHOT_CHUNK):
                builder.add(rows)
            result.close()
        cases = TeamCases(builder.build())
        cases.ids.prepare_index()  # here, off the GUI thread, rather than on the first lookup
        return cases

    def refreshed(self, cases: TeamCases, upserted: Iterable[str], removed: Iterable[str]) -> TeamCases:
        """`cases` after a sync: only the changed rows are read again (all of them after a big change)."""
        upserted, removed = set(upserted), set(removed)
        if (len(upserted) + len(removed)) * FULL_RELOAD_SHARE > max(len(cases), 4_000):
            return self.snapshot()
        wanted = sorted(upserted)
        rows: list[Any] = []
        columns = [getattr(CaseRow, name) for name in GRID_COLUMNS]
        with self.store.sessions() as s:
            for start in range(0, len(wanted), 900):  # under SQLite's bound-parameter limit
                chunk = wanted[start:start + 900]
                rows.extend(s.execute(select(*columns).where(CaseRow.id.in_(chunk))).all())
        found = {r[0] for r in rows}
        return cases.patched(rows, removed | (upserted - found))

    def account_numbers(self, case_ids: Sequence[str]) -> dict[str, str]:
        """Each case's account numbers (", " between several), read from the stored documents.

        For exports only: the grid never reads documents, and an export is rare enough to
        parse them (about a second per 20,000 cases), on the background helper.
        """
        found: dict[str, str] = {}
        with self.store.sessions() as s:
            for start in range(0, len(case_ids), 900):  # under SQLite's bound-parameter limit
                chunk = list(case_ids[start:start + 900])
                for case_id, doc in s.execute(select(CaseDoc.id, CaseDoc.doc).where(CaseDoc.id.in_(chunk))):
                    accounts = orjson.loads(doc).get("accounts") or []
                    found[case_id] = ", ".join(str(a.get("account_no", "")) for a in accounts if a.get("account_no"))
        return found

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


# --- the team's cases as compact columns ---------------------------------------------------

# The replica's summary columns the grid needs, in this order (never `doc`).
GRID_COLUMNS = (
    "id", "debtor_name", "search_text", "lender", "assigned_agent", "overdue_minor", "outstanding_minor",
    "currency", "days_past_due", "bucket", "status", "last_outcome", "last_attempt_at", "promise_status",
    "promise_due",
)
_INT_COLUMNS = frozenset({"overdue_minor", "outstanding_minor", "days_past_due"})
_TEXT_COLUMNS = frozenset({"id", "debtor_name", "search_text", "last_attempt_at", "promise_due"})
_SORT_COLUMNS = {
    "debtor": "debtor_name", "agent": "assigned_agent", "overdue": "overdue_minor",
    "outstanding": "outstanding_minor", "dpd": "days_past_due", "bucket": "bucket", "status": "status",
    "last_outcome": "last_outcome", "last_attempt": "last_attempt_at", "promise": "promise_status",
    "lender": "lender",
}
_SNAPSHOT_SQL = f"SELECT {', '.join(GRID_COLUMNS)} FROM cases"  # noqa: S608 - constant column names
FULL_RELOAD_SHARE = 4  # more changed rows than 1/4 of the grid: read everything again


SNAPSHOT_CHUNK = 5_000  # rows per fetch: the whole result set never exists as tuples


@dataclass(frozen=True)
class GridView:
    """What the grid shows for one filter and sort: row positions in `TeamCases`, and totals."""

    order: array  # array('i') of row positions, in display order
    count: int
    overdue_minor: int


class TeamCases:
    """The team's cases from the replica as compact columns; immutable once built.

    Texts are `TextColumn`s (one UTF-8 buffer each), repeated values `Category` codes,
    numbers `array('q')` (agentdesk/client/team_columns.py): ~6 MB at 100,000 cases where
    Python objects took ~200. Row positions are stable within one snapshot; `patched` makes
    a new snapshot. Filters are numpy boolean masks over those buffers (read in place); sorts
    are cached permutations (`array('i')`), stable over "largest overdue first", so within a
    status or an agent the biggest cases come first. Safe to read from several threads; the
    lazily filled caches are only ever assigned whole.
    """

    def __init__(self, columns: dict[str, Any]) -> None:
        self.columns = columns
        self.ids: TextColumn = columns["id"]
        self.overdue: array = columns["overdue_minor"]
        self._orders: dict[tuple[str, bool], array] = {}
        self._ranks: dict[str, np.ndarray] = {}
        self._total: int | None = None

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[Any]]) -> TeamCases:
        """Columns from rows in `GRID_COLUMNS` order."""
        builder = _builder()
        for start in range(0, len(rows), SNAPSHOT_CHUNK):
            builder.add(rows[start:start + SNAPSHOT_CHUNK])
        return cls(builder.build())

    @classmethod
    def empty(cls) -> TeamCases:
        return cls.from_rows([])

    def __len__(self) -> int:
        return len(self.ids)

    def index_of(self, case_id: str) -> int | None:
        return self.ids.position(case_id)

    def positions_of(self, case_ids: Iterable[str]) -> list[int]:
        """The row positions of the cases in `case_ids` that this snapshot holds, ascending."""
        return self.ids.positions(case_ids)

    def value(self, name: str, row: int) -> Any:
        return self.columns[name][row]

    def row(self, i: int) -> GridRow:
        c = self.columns
        return GridRow(
            case_id=c["id"][i], debtor_name=c["debtor_name"][i], lender=c["lender"][i] or "",
            agent=c["assigned_agent"][i], overdue_minor=c["overdue_minor"][i],
            outstanding_minor=c["outstanding_minor"][i], currency=c["currency"][i] or "CNY",
            days_past_due=c["days_past_due"][i], bucket=c["bucket"][i] or "", status=c["status"][i] or "",
            last_outcome=c["last_outcome"][i], last_attempt_at=c["last_attempt_at"][i],
            promise_status=c["promise_status"][i], promise_due=c["promise_due"][i],
        )

    def agents(self) -> list[str]:
        """The usernames holding cases (for the agent filter)."""
        return sorted(a for a in self.columns["assigned_agent"].values if a)

    def total_overdue(self) -> int:
        if self._total is None:
            self._total = int(view(self.overdue).sum())
        return self._total

    # --- filter and sort --------------------------------------------------------------------

    def mask(self, f: GridFilter) -> np.ndarray | None:
        """One bool per row, True where the row matches `f`; None when `f` keeps everything."""
        c = self.columns
        masks: list[np.ndarray] = []
        if f.agent is not None:  # "" means cases no agent holds
            masks.append(c["assigned_agent"].mask([f.agent or None]))
        for name, value in (("bucket", f.bucket), ("status", f.status)):
            if value:
                masks.append(c[name].mask([value]))
        for name, value in (("last_outcome", f.last_outcome), ("promise_status", f.promise_status)):
            if value:  # "none": no attempt yet / no promise
                masks.append(c[name].mask([None if value == "none" else value]))
        for name, low, high in (("days_past_due", f.min_dpd, f.max_dpd),
                                ("overdue_minor", f.min_overdue_minor, f.max_overdue_minor)):
            if low is not None:
                masks.append(view(c[name]) >= int(low))
            if high is not None:
                masks.append(view(c[name]) <= int(high))
        needle = f.search.strip().lower()
        if needle:
            masks.append(c["search_text"].contains(needle))
        if not masks:
            return None
        mask = masks[0]
        for more in masks[1:]:
            mask = mask & more
        return mask

    def _keys(self, name: str) -> np.ndarray:
        """Per row, a number that sorts as the column does (None first)."""
        found = self._ranks.get(name)
        if found is None:
            column = self.columns[name]
            if isinstance(column, Category):
                found = column.sort_keys()
            elif isinstance(column, TextColumn):
                found = column.ranks()
            else:
                found = view(column)
            self._ranks[name] = found
        return found

    def order(self, sort: str = "overdue", descending: bool = True) -> array:
        """All row positions sorted by `sort` (cached; callers must not change the array)."""
        name = _SORT_COLUMNS.get(sort, "overdue_minor")
        key = (name, descending)
        found = self._orders.get(key)
        if found is not None:
            return found
        # Stable sorts, as Python's sorted(reverse=...) would give: equal keys keep their order.
        if name == "overdue_minor":
            keys = view(self.overdue)
            result = np.argsort(-keys if descending else keys, kind="stable")
        else:
            base = view(self.order("overdue", True))  # ties: the biggest case first
            keys = self._keys(name)[base].astype(np.int64)
            result = base[np.argsort(-keys if descending else keys, kind="stable")]
        order = self._orders[key] = int_array(result)
        return order

    def select(self, f: GridFilter = GridFilter(), sort: str = "overdue", descending: bool = True) -> GridView:
        """The rows matching `f` in display order, with their count and overdue sum."""
        order = self.order(sort, descending)
        mask = self.mask(f)
        if mask is None:
            return GridView(order, len(order), self.total_overdue())
        positions = view(order)
        shown = int_array(positions[mask[positions]])
        return GridView(shown, len(shown), int(view(self.overdue)[mask].sum()))

    # --- changes ----------------------------------------------------------------------------

    def patched(self, rows: Sequence[Sequence[Any]], removed: Iterable[str]) -> TeamCases:
        """A new snapshot with `rows` (GRID_COLUMNS order) upserted and `removed` ids gone.

        Changed cases keep their position, so the grid does not jump; new ones go last.
        """
        n = len(self)
        at: dict[str, int] = {}  # changed case id -> its row in the new snapshot
        added = 0
        for row in rows:
            if row[0] not in at:
                found = self.index_of(row[0])
                if found is None:
                    found, added = n + added, added + 1
                at[row[0]] = found
        gone = [p for p in (self.index_of(case_id) for case_id in set(removed)) if p is not None]
        keep = None
        if gone:
            keep = np.ones(n + added, dtype=bool)
            keep[gone] = False
        columns: dict[str, Any] = {}
        for index, name in enumerate(GRID_COLUMNS):
            col = self.columns[name]
            changes = {at[row[0]]: row[index] for row in rows}
            if isinstance(col, TextColumn):
                texts = col.tolist() + [None] * added
                for position, value in changes.items():
                    texts[position] = value
                if keep is not None:
                    texts = list(compress(texts, keep.tolist()))
                columns[name] = TextColumn.from_values(texts)
                continue
            if isinstance(col, Category):
                cat = col.copy()
                cat.codes.extend(repeat(0, added))
                for position, value in changes.items():
                    cat.codes[position] = cat.code(value)
                if keep is not None:
                    cat.codes = array(cat.codes.typecode, view(cat.codes)[keep].tobytes())
                columns[name] = cat
                continue
            numbers = array(col.typecode, col)
            numbers.extend(repeat(0, added))
            for position, value in changes.items():
                numbers[position] = value
            if keep is not None:
                numbers = array(numbers.typecode, view(numbers)[keep].tobytes())
            columns[name] = numbers
        return TeamCases(columns)


def _builder() -> ColumnsBuilder:
    return ColumnsBuilder(GRID_COLUMNS, _INT_COLUMNS, _TEXT_COLUMNS)


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

    def history(self, limit: int = 50) -> contract.MoveHistory:
        """The team's moves of cases, newest first (the server keeps the lead to their own team)."""
        return contract.MoveHistory.model_validate(
            self.api.call("GET", "/v1/cases/reassign/history", params={"limit": limit}))

    def undo_preview(self, reassignment_id: str) -> contract.UndoPreview:
        """What undoing that move would give back now, to whom, and how many cases stay put."""
        return contract.UndoPreview.model_validate(
            self.api.call("GET", f"/v1/cases/reassign/{reassignment_id}/undo/preview"))

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
        """All the chart reports at once (the charts tab shows them together)."""
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
            qa=contract.QaReport.model_validate(self.api.call("GET", "/v1/reports/qa", params=params)),
            sms=[contract.SmsTemplateRow.model_validate(r) for r in self.api.call("GET", "/v1/reports/sms-templates",
                                                                                  params=params)],
        )


@dataclass(frozen=True)
class Reports:
    daily: list[contract.DailyRow]
    by_hour: list[contract.HourRow]
    funnel: list[contract.FunnelRow]
    tracks: list[contract.TalkTrackRow]
    qa: contract.QaReport | None = None  # average QA score per agent and per talk track (issue 13)
    sms: list[contract.SmsTemplateRow] = field(default_factory=list)


def set_agent_state(session: Any, state: str) -> None:
    """Report the user's own state (any role may); blocking, so off the GUI thread."""
    if state not in AGENT_STATES:
        raise ValueError(f"unknown agent state {state!r}")
    session.api.call("POST", "/v1/agent/state", json={"state": state})


def filter_with(f: GridFilter, **changes: Any) -> GridFilter:
    known = {fl.name for fl in fields(GridFilter)}
    return replace(f, **{k: v for k, v in changes.items() if k in known})
