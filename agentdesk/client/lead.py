"""Team lead operations for the client core: no Qt, usable from a script or a test.

Two halves:

* The team's cases from the local replica (a lead's store holds the whole team, up to
  ~100,000 cases). `TeamGrid.snapshot()` reads the replica's summary columns once (never
  the JSON documents) into `TeamCases`: compact column arrays (ints in `array`, repeated
  strings such as agent, bucket or status as small codes). Filtering and sorting are then
  C-speed passes over those arrays (bytes masks, cached sort permutations): tens of
  milliseconds at 100,000 cases, run off the GUI thread. After a sync only the changed
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
from operator import contains
from typing import Any

import orjson
from sqlalchemy import and_, func, select

from agentdesk import contract
from agentdesk.client.store import CaseDoc, CaseRow, LocalStore

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
        """Every case's grid columns in one read (no JSON documents): ~0.5 s at 100,000 cases."""
        with self.store.sessions() as s:
            rows = s.connection().exec_driver_sql(_SNAPSHOT_SQL).fetchall()
        return TeamCases.from_rows(rows)

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


def _typecode(distinct: int) -> str:
    return "B" if distinct <= 256 else "H" if distinct <= 65_536 else "l"


class Category:
    """A column of few distinct values (agent, bucket, status...): one small code per row."""

    __slots__ = ("values", "codes", "_index")

    def __init__(self, values: list[str | None], codes: array) -> None:
        self.values = values
        self.codes = codes
        self._index = {v: c for c, v in enumerate(values)}

    @classmethod
    def encode(cls, column: Sequence[str | None]) -> Category:
        values = sorted(set(column), key=lambda v: (v is not None, v or ""))  # None first, as SQLite sorts
        index = {v: c for c, v in enumerate(values)}
        return cls(values, array(_typecode(len(values)), map(index.__getitem__, column)))

    def code(self, value: str | None) -> int:
        """The value's code, adding it (a new agent, a new outcome) when unseen. Only on a copy."""
        code = self._index.get(value)
        if code is None:
            code = len(self.values)
            self.values.append(value)
            self._index[value] = code
            if code >= 256 and self.codes.typecode == "B":
                self.codes = array(_typecode(code + 1), self.codes)
        return code

    def copy(self) -> Category:
        return Category(list(self.values), array(self.codes.typecode, self.codes))

    def __getitem__(self, row: int) -> str | None:
        return self.values[self.codes[row]]

    def mask(self, wanted: Iterable[str | None]) -> bytes:
        """One byte per row: 1 where the row's value is one of `wanted`."""
        hits = {self._index[v] for v in wanted if v in self._index}
        if self.codes.typecode == "B":
            return self.codes.tobytes().translate(bytes(1 if c in hits else 0 for c in range(256)))
        return bytes(map(hits.__contains__, self.codes))

    def sort_keys(self) -> Sequence[int]:
        """Per row, the rank of its value in sorted order (None first)."""
        ranked = sorted(range(len(self.values)), key=lambda c: (self.values[c] is not None, self.values[c] or ""))
        rank = [0] * len(self.values)
        for position, code in enumerate(ranked):
            rank[code] = position
        if self.codes.typecode == "B":
            return self.codes.tobytes().translate(bytes(rank + [0] * (256 - len(rank))))
        return [rank[c] for c in self.codes]


def _and(a: bytes | None, b: bytes) -> bytes:
    if a is None:
        return b
    return (int.from_bytes(a, "little") & int.from_bytes(b, "little")).to_bytes(len(b), "little")


@dataclass(frozen=True)
class GridView:
    """What the grid shows for one filter and sort: row positions in `TeamCases`, and totals."""

    order: list[int]
    count: int
    overdue_minor: int


class TeamCases:
    """The team's cases from the replica as compact columns; immutable once built.

    Row positions are stable within one snapshot; `patched` makes a new snapshot. Filters
    build one byte mask per condition (`bytes.translate` for codes, `map` of a bound
    comparison for numbers) and AND them as big integers; sorts are cached permutations,
    stable over "largest overdue first", so within a status or an agent the biggest cases
    come first. Safe to read from several threads; the lazily filled caches are only ever
    assigned whole.
    """

    def __init__(self, columns: dict[str, Any]) -> None:
        self.columns = columns
        self.ids: list[str] = columns["id"]
        self.overdue: array = columns["overdue_minor"]
        self._index: dict[str, int] | None = None
        self._orders: dict[tuple[str, bool], list[int]] = {}
        self._total: int | None = None

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[Any]]) -> TeamCases:
        """Columns from rows in `GRID_COLUMNS` order."""
        raw = list(zip(*rows, strict=True)) if rows else [()] * len(GRID_COLUMNS)
        columns: dict[str, Any] = {}
        for name, values in zip(GRID_COLUMNS, raw, strict=True):
            if name in _INT_COLUMNS:
                columns[name] = array("q", values)
            elif name in _TEXT_COLUMNS:
                columns[name] = list(values)
            else:
                columns[name] = Category.encode(values)
        return cls(columns)

    @classmethod
    def empty(cls) -> TeamCases:
        return cls.from_rows([])

    def __len__(self) -> int:
        return len(self.ids)

    def index_of(self, case_id: str) -> int | None:
        if self._index is None:
            self._index = {case_id: i for i, case_id in enumerate(self.ids)}
        return self._index.get(case_id)

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
            self._total = sum(self.overdue)
        return self._total

    # --- filter and sort --------------------------------------------------------------------

    def mask(self, f: GridFilter) -> bytes | None:
        """One byte per row, 1 where the row matches `f`; None when `f` keeps everything."""
        c = self.columns
        mask: bytes | None = None
        if f.agent is not None:  # "" means cases no agent holds
            mask = _and(mask, c["assigned_agent"].mask([f.agent or None]))
        for name, value in (("bucket", f.bucket), ("status", f.status)):
            if value:
                mask = _and(mask, c[name].mask([value]))
        for name, value in (("last_outcome", f.last_outcome), ("promise_status", f.promise_status)):
            if value:  # "none": no attempt yet / no promise
                mask = _and(mask, c[name].mask([None if value == "none" else value]))
        for name, low, high in (("days_past_due", f.min_dpd, f.max_dpd),
                                ("overdue_minor", f.min_overdue_minor, f.max_overdue_minor)):
            if low is not None:
                mask = _and(mask, bytes(map(int(low).__le__, c[name])))
            if high is not None:
                mask = _and(mask, bytes(map(int(high).__ge__, c[name])))
        needle = f.search.strip().lower()
        if needle:
            mask = _and(mask, bytes(map(contains, c["search_text"], repeat(needle))))
        return mask

    def order(self, sort: str = "overdue", descending: bool = True) -> list[int]:
        """All row positions sorted by `sort` (cached; callers must not change the list)."""
        name = _SORT_COLUMNS.get(sort, "overdue_minor")
        key = (name, descending)
        found = self._orders.get(key)
        if found is not None:
            return found
        n = len(self)
        if name == "overdue_minor":
            result = sorted(range(n), key=self.overdue.__getitem__, reverse=descending)
        else:
            base = self.order("overdue", True)  # ties: the biggest case first
            column = self.columns[name]
            if isinstance(column, Category):
                keys: Sequence[Any] = column.sort_keys()
            elif name in _TEXT_COLUMNS:
                keys = [v or "" for v in column]
            else:
                keys = column
            result = sorted(base, key=keys.__getitem__, reverse=descending)
        self._orders[key] = result
        return result

    def select(self, f: GridFilter = GridFilter(), sort: str = "overdue", descending: bool = True) -> GridView:
        """The rows matching `f` in display order, with their count and overdue sum."""
        order = self.order(sort, descending)
        mask = self.mask(f)
        if mask is None:
            return GridView(order, len(order), self.total_overdue())
        shown = list(compress(order, map(mask.__getitem__, order)))
        return GridView(shown, len(shown), sum(compress(self.overdue, mask)))

    # --- changes ----------------------------------------------------------------------------

    def patched(self, rows: Sequence[Sequence[Any]], removed: Iterable[str]) -> TeamCases:
        """A new snapshot with `rows` (GRID_COLUMNS order) upserted and `removed` ids gone.

        Changed cases keep their position, so the grid does not jump; new ones go last.
        """
        columns: dict[str, Any] = {}
        for name, col in self.columns.items():
            columns[name] = col.copy() if isinstance(col, Category) else (
                list(col) if isinstance(col, list) else array(col.typecode, col))
        ids: list[str] = columns["id"]
        index = dict(self._index) if self._index is not None else {case_id: n for n, case_id in enumerate(self.ids)}
        for row in rows:
            at = index.get(row[0])
            if at is None:
                at = index[row[0]] = len(ids)
                for col in columns.values():  # a new case: room at the end, filled below
                    if isinstance(col, Category):
                        col.codes.append(0)
                    else:
                        col.append(None if isinstance(col, list) else 0)
            for name, value in zip(GRID_COLUMNS, row, strict=True):
                col = columns[name]
                if isinstance(col, Category):
                    col.codes[at] = col.code(value)
                else:
                    col[at] = value
        gone = {index[case_id] for case_id in removed if case_id in index}
        if gone:
            keep = bytearray(b"\x01") * len(ids)
            for at in gone:
                keep[at] = 0
            for name, col in columns.items():
                if isinstance(col, Category):
                    col.codes = array(col.codes.typecode, compress(col.codes, keep))
                elif isinstance(col, list):
                    columns[name] = list(compress(col, keep))
                else:
                    columns[name] = array(col.typecode, compress(col, keep))
        result = TeamCases(columns)
        if not gone:
            result._index = index
        return result


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
