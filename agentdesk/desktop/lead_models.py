"""Qt table models of the lead console: the board, the team's cases, a preview, review lists.

`TeamCasesModel` shows a `TeamCases` snapshot (the team's cases as compact column arrays,
see agentdesk/client/lead.py) through the row order a filter and sort produced: 100,000
cases cost one int per shown row and nothing per cell until a cell is painted. Cases
drag out as a list of ids (`CASE_IDS_MIME`); `BoardModel` accepts them on an agent's row
and emits `cases_dropped`, which the console turns into a reassignment preview.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from agentdesk import contract
from agentdesk.client.lead import GridRow, TeamCases
from agentdesk.desktop import labels, theme
from agentdesk.desktop.xlsx_export import Column
from agentdesk.domain.money import Money

CASE_IDS_MIME = "application/x-agentdesk-case-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_CASE_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDragEnabled
translate = QCoreApplication.translate


def money(minor: int, currency: str = "CNY") -> str:
    return Money(int(minor), currency).format()


def state_labels() -> dict[str, str]:
    return {
        "available": translate("LeadConsole", "Available"),
        "on_call": translate("LeadConsole", "On call"),
        "wrap_up": translate("LeadConsole", "Wrap-up"),
        "break": translate("LeadConsole", "Break"),
        "offline": translate("LeadConsole", "Offline"),
    }


STATE_TONES = {"available": "ok", "on_call": "accent", "wrap_up": "warn", "break": "muted", "offline": "faint"}


class BoardModel(QAbstractTableModel):
    """One row per agent of the team; a drop of case ids on a row asks to move them there."""

    cases_dropped = Signal(list, str)  # case ids, target agent id

    AGENT, STATE, QUEUE, VALUE, ATTEMPTS, RPC, PROMISES, PROMISED, COLLECTED = range(9)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._agents: list[contract.BoardAgent] = []

    def set_board(self, board: contract.TeamBoard) -> None:
        self.beginResetModel()
        self._agents = sorted(board.agents, key=lambda a: a.username)
        self.endResetModel()

    def agents(self) -> list[contract.BoardAgent]:
        return list(self._agents)

    def agent_at(self, row: int) -> contract.BoardAgent | None:
        return self._agents[row] if 0 <= row < len(self._agents) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._agents)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 9

    def headers(self) -> list[str]:
        return [
            translate("LeadConsole", "Agent"), translate("LeadConsole", "State"),
            translate("LeadConsole", "Queue"), translate("LeadConsole", "Queue value"),
            translate("LeadConsole", "Attempts today"), translate("LeadConsole", "RPC today"),
            translate("LeadConsole", "Promises"), translate("LeadConsole", "Promised"),
            translate("LeadConsole", "Collected"),
        ]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole and section >= 2:
            return _RIGHT
        return None

    def cell(self, agent: contract.BoardAgent, col: int) -> Any:
        """A cell's value (numbers stay numbers; money in major units)."""
        return [
            f"{agent.display_name} ({agent.username})", state_labels().get(agent.state, agent.state),
            agent.queue_size, agent.queue_value_minor / 100, agent.attempts_today, agent.rpc_today,
            agent.promises_today, agent.promised_minor_today / 100, agent.collected_minor_today / 100,
        ][col]

    def export_columns(self) -> list[Column]:
        h = self.headers()
        return [Column(h[0], width=24), Column(translate("LeadConsole", "Username")), Column(h[1]),
                Column(h[2], "integer"), Column(h[3], "money", 16), Column(h[4], "integer"), Column(h[5], "integer"),
                Column(h[6], "integer"), Column(h[7], "money", 16), Column(h[8], "money", 16)]

    def export_row(self, agent: contract.BoardAgent) -> list[Any]:
        """Typed values for the export (money as Money: a number with its currency's format)."""
        return [agent.display_name, agent.username, state_labels().get(agent.state, agent.state), agent.queue_size,
                Money(agent.queue_value_minor, "CNY"), agent.attempts_today, agent.rpc_today, agent.promises_today,
                Money(agent.promised_minor_today, "CNY"), Money(agent.collected_minor_today, "CNY")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        agent = self._agents[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col in (self.VALUE, self.PROMISED, self.COLLECTED):
                minor = {self.VALUE: agent.queue_value_minor, self.PROMISED: agent.promised_minor_today,
                         self.COLLECTED: agent.collected_minor_today}[col]
                return money(minor)
            if col == self.STATE:
                away = " · " + translate("LeadConsole", "away today") if agent.away_today else ""
                return "● " + state_labels().get(agent.state, agent.state) + away
            return str(self.cell(agent, col))
        if role == ID_ROLE:
            return agent.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.QUEUE:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATE:
            tone = STATE_TONES.get(agent.state, "muted")
            return theme.color(tone if tone not in ("muted", "faint") else tone)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.AGENT:
            return translate("LeadConsole", "Drop cases here to move them to this agent")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CASE_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: _Index) -> bool:
        return data.hasFormat(CASE_IDS_MIME) and (parent.isValid() or 0 <= row < len(self._agents))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: _Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.agent_at(parent.row() if parent.isValid() else row)
        ids = case_ids_from_mime(data)
        if target is None or not ids:
            return False
        self.cases_dropped.emit(ids, target.id)
        return False  # nothing is removed from the source view by Qt; the preview decides


def case_ids_mime(ids: Sequence[str]) -> QMimeData:
    data = QMimeData()
    data.setData(CASE_IDS_MIME, json.dumps(list(ids)).encode())
    return data


def case_ids_from_mime(data: QMimeData) -> list[str]:
    try:
        ids = json.loads(bytes(data.data(CASE_IDS_MIME).data()).decode())
    except ValueError:
        return []
    return [str(i) for i in ids] if isinstance(ids, list) else []


class CaseTexts:
    """What the grid shows for one snapshot's cases in the current language.

    Immutable once made (a new language or snapshot makes a new one), so an export on a
    worker thread can use it while the view goes on painting with its successor.
    """

    DEBTOR, AGENT, OVERDUE, DPD, STATUS, LAST_OUTCOME, PROMISE, LENDER = range(8)

    def __init__(self, cases: TeamCases) -> None:
        c = cases.columns
        outcomes, statuses = labels.outcome_labels(), labels.case_status_labels()
        unassigned = translate("LeadConsole", "(unassigned)")
        self.ids = c["id"]
        self.last_attempt = c["last_attempt_at"]
        self.debtor = c["debtor_name"]
        self.overdue = c["overdue_minor"]
        self.dpd = c["days_past_due"]
        self.bucket = c["bucket"]
        self.currency = c["currency"]
        self.promise_due = c["promise_due"]
        self.promise_codes = c["promise_status"].codes
        self.promise_text = [labels.label(promise_labels(), v) if v else "" for v in c["promise_status"].values]
        # Coded columns: a label per code, looked up by the row's code.
        self.coded = {
            self.AGENT: (c["assigned_agent"].codes, [a or unassigned for a in c["assigned_agent"].values]),
            self.STATUS: (c["status"].codes, [labels.label(statuses, v) for v in c["status"].values]),
            self.LAST_OUTCOME: (c["last_outcome"].codes,
                                [labels.label(outcomes, v) if v else "" for v in c["last_outcome"].values]),
            self.LENDER: (c["lender"].codes, [v or "" for v in c["lender"].values]),
        }

    def formatted(self, i: int, col: int) -> str:
        """The text of a column that needs formatting (amount, days past due, promise)."""
        if col == self.OVERDUE:
            return money(self.overdue[i], self.currency[i] or "CNY")
        if col == self.DPD:
            return f"{self.dpd[i]} · {self.bucket[i] or ''}"
        text = self.promise_text[self.promise_codes[i]]
        due = self.promise_due[i]
        return f"{text} · {due}" if text and due else text

    def text(self, i: int, col: int) -> str:
        if col == self.DEBTOR:
            return self.debtor[i]
        coded = self.coded.get(col)
        if coded is not None:
            return coded[1][coded[0][i]]
        return self.formatted(i, col)

    @staticmethod
    def export_columns() -> list[Column]:
        t = translate
        return [
            Column(t("LeadConsole", "Case ID"), width=38), Column(t("LeadConsole", "Account no."), width=22),
            Column(t("LeadConsole", "Debtor"), width=14), Column(t("LeadConsole", "Agent")),
            Column(t("LeadConsole", "Overdue"), "money", 16), Column(t("LeadConsole", "Days past due"), "integer"),
            Column(t("LeadConsole", "Bucket")), Column(t("LeadConsole", "Status")),
            Column(t("LeadConsole", "Last outcome"), width=16),
            Column(t("LeadConsole", "Last attempt"), "datetime", 18),
            Column(t("LeadConsole", "Promise")), Column(t("LeadConsole", "Promise due"), "date", 12),
            Column(t("LeadConsole", "Lender"), width=16),
        ]

    def export_row(self, i: int, accounts: dict[str, str] | None = None) -> list[Any]:
        """Typed values of case position `i` for the export (see `export_columns`)."""
        case_id = self.ids[i]
        return [
            case_id, (accounts or {}).get(case_id, ""), self.debtor[i], self.text(i, self.AGENT),
            Money(self.overdue[i], self.currency[i] or "CNY"), self.dpd[i], self.bucket[i] or "",
            self.text(i, self.STATUS), self.text(i, self.LAST_OUTCOME), self.last_attempt[i],
            self.promise_text[self.promise_codes[i]], self.promise_due[i], self.text(i, self.LENDER),
        ]


class TeamCasesModel(QAbstractTableModel):
    """The filtered grid over `TeamCases` columns: one int per shown row, nothing per cell.

    `set_view` swaps in a snapshot and the row order the filter and sort produced (both
    computed off the GUI thread). `data()` reads the columns directly: labels of coded
    columns (agent, status, outcome, lender) come from per-code tables, and the few texts
    that need formatting (amount, days past due, promise) are made once per case, when a
    row is first painted, and kept until the next snapshot or language.
    """

    DEBTOR, AGENT, OVERDUE, DPD, STATUS, LAST_OUTCOME, PROMISE, LENDER = range(8)
    SORT_KEYS = ("debtor", "agent", "overdue", "dpd", "status", "last_outcome", "promise", "lender")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._order: array = array("i")
        self._bind(TeamCases.empty())

    def _bind(self, cases: TeamCases) -> None:
        self._cases = cases
        self._ids = cases.ids
        self._status_codes = cases.columns["status"].codes
        values = cases.columns["status"].values
        self._open_code = values.index("open") if "open" in values else -1
        self._relabel()

    def _relabel(self) -> None:
        self._texts = CaseTexts(self._cases)
        self._debtor = self._texts.debtor
        self._coded = self._texts.coded
        self._cache: dict[int, dict[int, str]] = {self.OVERDUE: {}, self.DPD: {}, self.PROMISE: {}}

    def relabel(self) -> None:
        """The language changed: new labels, same data."""
        self._relabel()
        if self._order:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._order) - 1, self.columnCount() - 1))

    def set_view(self, cases: TeamCases, order: array) -> None:
        self.beginResetModel()
        if cases is not self._cases:
            self._bind(cases)
        self._order = order
        self.endResetModel()

    def cases(self) -> TeamCases:
        return self._cases

    def order(self) -> array:
        return self._order

    def texts(self) -> CaseTexts:
        return self._texts

    def ids(self) -> list[str]:
        """The shown case ids, in display order."""
        ids = self._ids
        return [ids[i] for i in self._order]

    def case_id(self, row: int) -> str | None:
        return self._ids[self._order[row]] if 0 <= row < len(self._order) else None

    def row_at(self, row: int) -> GridRow | None:
        return self._cases.row(self._order[row]) if 0 <= row < len(self._order) else None

    def ids_of_rows(self, rows: Sequence[int]) -> list[str]:
        ids, order, n = self._ids, self._order, len(self._order)
        return [ids[order[r]] for r in sorted(set(rows)) if 0 <= r < n]

    def ids_of_spans(self, spans: Sequence[tuple[int, int]]) -> list[str]:
        """Ids of the rows in the inclusive (first, last) spans, e.g. a selection's ranges."""
        ids, order = self._ids, self._order
        return [ids[i] for first, last in spans for i in order[first:last + 1]]

    def rows_of(self, case_ids: set[str]) -> list[int]:
        """The shown rows of `case_ids` (ascending), found through the snapshot's id lookup."""
        return self.rows_of_positions(self._cases.positions_of(case_ids))

    def positions_of_spans(self, spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """Case positions of the rows in the inclusive (first, last) spans (no id strings made)."""
        order = np.frombuffer(self._order, dtype=np.int32) if self._order else np.zeros(0, dtype=np.int32)
        parts = [order[first:last + 1] for first, last in spans]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)

    def rows_of_positions(self, positions: Sequence[int] | np.ndarray) -> list[int]:
        """The shown rows (ascending) of case positions in the current snapshot."""
        wanted = np.asarray(positions, dtype=np.int64)
        if not len(wanted) or not self._order:
            return []
        row_of = np.full(len(self._cases), -1, dtype=np.int64)
        order = np.frombuffer(self._order, dtype=np.int32)
        row_of[order] = np.arange(len(order))
        rows = row_of[wanted[(wanted >= 0) & (wanted < len(row_of))]]
        return sorted(rows[rows >= 0].tolist())

    def text(self, i: int, col: int) -> str:
        """The shown text of case position `i` in column `col` (formatted once, then cached)."""
        if col == self.DEBTOR:
            return self._debtor[i]
        coded = self._coded.get(col)
        if coded is not None:
            return coded[1][coded[0][i]]
        cache = self._cache[col]
        text = cache.get(i)
        if text is None:
            text = cache[i] = self._texts.formatted(i, col)
        return text

    # --- Qt interface ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 8

    def headers(self) -> list[str]:
        return [
            translate("LeadConsole", "Debtor"), translate("LeadConsole", "Agent"),
            translate("LeadConsole", "Overdue"), translate("LeadConsole", "DPD"),
            translate("LeadConsole", "Status"), translate("LeadConsole", "Last outcome"),
            translate("LeadConsole", "Promise"), translate("LeadConsole", "Lender"),
        ]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in (self.OVERDUE, self.DPD) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every painted cell: the common roles are answered first,
        # with list lookups only.
        if role == _DISPLAY or role == _ACCESSIBLE:
            return self.text(self._order[index.row()], index.column())
        if role == _ALIGN:
            return _RIGHT if index.column() in (self.OVERDUE, self.DPD) else None
        if role == _FOREGROUND:
            return theme.color("faint") if self._status_codes[self._order[index.row()]] != self._open_code else None
        if role == ID_ROLE:
            return self._ids[self._order[index.row()]]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _CASE_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CASE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        return case_ids_mime(self.ids_of_rows([i.row() for i in indexes]))

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction


def promise_labels() -> dict[str, str]:
    return {
        "pending": translate("LeadConsole", "Pending"),
        "kept": translate("LeadConsole", "Kept"),
        "broken": translate("LeadConsole", "Broken"),
        "none": translate("LeadConsole", "No promise"),
    }


class PreviewModel(QAbstractTableModel):
    """Each agent's load before → after a reassignment."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._loads: list[contract.AgentLoad] = []

    def set_preview(self, preview: contract.ReassignPreview | None) -> None:
        self.beginResetModel()
        self._loads = list(preview.per_agent) if preview else []
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._loads)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [translate("LeadConsole", "Agent"), translate("LeadConsole", "Cases before → after"),
                    translate("LeadConsole", "Amount before → after"), translate("LeadConsole", "Change")][section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        load = self._loads[index.row()]
        col = index.column()
        delta = load.after_cases - load.before_cases
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == 0:
                return load.username
            if col == 1:
                return f"{load.before_cases} → {load.after_cases}"
            if col == 2:
                return f"{money(load.before_minor)} → {money(load.after_minor)}"
            return f"{delta:+d}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and delta:
            return theme.color("ok" if delta > 0 else "danger")
        over = is_over_capacity(load)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and over:
            return theme.color("danger")
        if role == Qt.ItemDataRole.ToolTipRole and col == 1 and over:
            return translate("LeadConsole", "Over capacity: %1 open cases at most").replace("%1", str(load.capacity))
        return None


def is_over_capacity(load: contract.AgentLoad) -> bool:
    """A receiving queue that the move would take above the collector's capacity."""
    return load.capacity is not None and load.after_cases > load.capacity and load.after_cases > load.before_cases


class RecordsModel(QAbstractTableModel):
    """A read-only list of plain records with declared columns (the review lists)."""

    def __init__(self, columns: Sequence[tuple[Callable[[], str], Callable[[Any], Any]]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> Any:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]()
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()][1](self._items[index.row()])
            return "" if value is None else str(value)
        return None
