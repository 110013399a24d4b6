"""Qt table models of the lead console: the board, the team's cases, a preview, review lists.

`TeamCasesModel` holds only the ordered id list of the filtered grid and fetches rows a
page at a time (`canFetchMore`/`fetchMore`), so 100,000 cases cost one id query and a few
hundred row reads, not 100,000 objects. Cases drag out as a list of ids
(`CASE_IDS_MIME`); `BoardModel` accepts them on an agent's row and emits `cases_dropped`,
which the console turns into a reassignment preview.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

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
from agentdesk.client.lead import PAGE_ROWS, GridRow
from agentdesk.desktop import labels, theme
from agentdesk.domain.money import Money

CASE_IDS_MIME = "application/x-agentdesk-case-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        """The exported value of a cell (numbers stay numbers; money in major units)."""
        return [
            f"{agent.display_name} ({agent.username})", state_labels().get(agent.state, agent.state),
            agent.queue_size, agent.queue_value_minor / 100, agent.attempts_today, agent.rpc_today,
            agent.promises_today, agent.promised_minor_today / 100, agent.collected_minor_today / 100,
        ][col]

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
                return "● " + state_labels().get(agent.state, agent.state)
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


class TeamCasesModel(QAbstractTableModel):
    """The filtered grid: an ordered id list, rows read a page at a time from the replica."""

    DEBTOR, AGENT, OVERDUE, DPD, STATUS, LAST_OUTCOME, PROMISE, LENDER = range(8)
    SORT_KEYS = ("debtor", "agent", "overdue", "dpd", "status", "last_outcome", "promise", "lender")

    def __init__(self, load_rows: Callable[[Sequence[str]], list[GridRow]], parent: Any = None) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self._ids: list[str] = []
        self._rows: list[GridRow | None] = []
        self._outcomes = labels.outcome_labels()
        self._statuses = labels.case_status_labels()

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = []
        self._outcomes = labels.outcome_labels()
        self._statuses = labels.case_status_labels()
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def ids(self) -> list[str]:
        return list(self._ids)

    def loaded(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> GridRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def ids_of_rows(self, rows: Sequence[int]) -> list[str]:
        return [self._ids[r] for r in sorted(set(rows)) if 0 <= r < len(self._rows)]

    # --- lazy loading -----------------------------------------------------------------------

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802
        if parent.isValid():
            return
        start = len(self._rows)
        page = self._ids[start:start + PAGE_ROWS]
        if not page:
            return
        found = {r.case_id: r for r in self._load_rows(page)}
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(found.get(i) for i in page)  # None: left the replica meanwhile
        self.endInsertRows()

    # --- Qt interface ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

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

    def cell(self, row: GridRow, col: int) -> Any:
        promise = ""
        if row.promise_status:
            promise = labels.label(promise_labels(), row.promise_status)
            if row.promise_due:
                promise += f" · {row.promise_due}"
        return [
            row.debtor_name, row.agent or translate("LeadConsole", "(unassigned)"),
            money(row.overdue_minor, row.currency), f"{row.days_past_due} · {row.bucket}",
            labels.label(self._statuses, row.status),
            labels.label(self._outcomes, row.last_outcome) if row.last_outcome else "",
            promise, row.lender,
        ][col]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return self._ids[index.row()]
        if row is None:
            return "—" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (self.OVERDUE, self.DPD):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and row.status != "open":
            return theme.color("faint")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

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
        return None


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
