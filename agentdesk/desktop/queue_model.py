"""The queue as a Qt table model over the rows the client ranks (never a QTableWidget).

The client returns `QueueRow`s best first; this model only presents them. Replacing the
rows keeps the selection by case id, so a sync that reorders the queue does not move the
agent off the case on screen. `next_callable()` is the rule behind "Next case": the
highest-ranked open case that may be called now, other than the one on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from agentdesk.client import memory
from agentdesk.client.views import QueueRow
from agentdesk.clock import PROCESS, Clock
from agentdesk.desktop import labels, theme

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Above this many painted rows to redraw, a refresh resets the model instead of updating it
# in place (a sync or a search that changes much of the queue).
_IN_PLACE_MAX = 64
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_CASE_ID = int(CASE_ID_ROLE)
# The roles this model answers. The item delegate asks every cell for seven roles on each
# paint (font, icon, background and check state too); the others return at once, before
# the index is even looked at: a far jump repaints ~150 cells (issue 20).
_ANSWERED = frozenset({_DISPLAY, _ACCESSIBLE, _ALIGN, _FOREGROUND, _TOOLTIP, _CASE_ID})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_Index = QModelIndex | QPersistentModelIndex


def reason_text(row: QueueRow, lang: str) -> str:
    """The strongest priority reason, in the agent's language."""
    if not row.reasons:
        return ""
    top = max(row.reasons, key=lambda r: r.points)
    return top.text_zh if lang == "zh" else top.text_en


def match_text(matched: str | None) -> str:
    """What a search found in the case, e.g. "Account no. matches" (empty without a search)."""
    if not matched:
        return ""
    return {
        "name": QCoreApplication.translate("QueueModel", "Name matches"),
        "phone": QCoreApplication.translate("QueueModel", "Phone number matches"),
        "account": QCoreApplication.translate("QueueModel", "Account no. matches"),
    }.get(matched, "")


def reasons_tooltip(row: QueueRow, lang: str) -> str:
    lines = [
        f"{r.text_zh if lang == 'zh' else r.text_en}  ({r.points:+.0f})"
        for r in sorted(row.reasons, key=lambda r: -r.points)
    ]
    return "\n".join(lines)


def _row_lookup(rows: Sequence[QueueRow], ids: list[str]) -> Callable[[str], int | None]:
    """Each shown case's row: the client's own lookup when its rows have one (a lead's queue:
    not a dict of ~96,000 entries beside the build's, issue 20), else a dict of ours, with
    the row numbers as the shared ints the queue build indexes its cases with."""
    position = getattr(rows, "position", None)
    if position is not None:
        return position  # type: ignore[no-any-return]
    return dict(zip(ids, memory.counting(len(ids)), strict=True)).get


def _case_ids(rows: Sequence[QueueRow]) -> list[str]:
    """The rows' case ids, from the client's columns when it gives them (no row made)."""
    case_ids = getattr(rows, "case_ids", None)
    return list(case_ids()) if case_ids is not None else [row.case_id for row in rows]


def _changed_span(was: list[str], now: list[str]) -> tuple[int, int]:
    """The first and last positions where two equally long, unequal id lists differ.

    Found by halving on slice comparisons (C loops), not one Python step per row: after
    a save on a 5,000-case queue the moved case may be anywhere, and this runs inside
    the GUI-thread block that applies the refreshed queue (issue 20)."""
    lo, hi = 0, len(was)  # was[:lo] == now[:lo]; was[:hi] != now[:hi]
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if was[:mid] == now[:mid]:
            lo = mid
        else:
            hi = mid
    first = lo
    lo, hi = 0, len(was) - first  # equal tails of length lo; unequal of length hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if was[len(was) - mid:] == now[len(now) - mid:]:
            lo = mid
        else:
            hi = mid
    return first, len(was) - 1 - lo


def is_callable(row: QueueRow, now: datetime) -> bool:
    return row.status == "open" and (row.callable_from is None or row.callable_from <= now)


def next_callable(rows: Sequence[QueueRow], current: str | None, now: datetime) -> str | None:
    """The top open case that may be called now and is not on screen."""
    for row in rows:
        if row.case_id != current and is_callable(row, now):
            return row.case_id
    return None


def next_to_open(rows: Sequence[QueueRow], current: str | None, now: datetime) -> QueueRow | None:
    """The case "Next case" opens: the top one callable now; when none is (at night, in the
    quiet hours), the top one of those that become callable first, so the agent can prepare
    it and sees from when it may be called instead of an empty panel."""
    first_to_open = getattr(rows, "first_to_open", None)
    if first_to_open is not None:  # the client's ranked rows answer from columns, making one row
        found: QueueRow | None = first_to_open(current, now)
        return found
    soonest: QueueRow | None = None
    soonest_at: datetime | None = None
    for row in rows:
        if row.case_id == current or row.status != "open":
            continue
        if is_callable(row, now):
            return row
        if row.callable_from is not None and (soonest_at is None or row.callable_from < soonest_at):
            soonest, soonest_at = row, row.callable_from
    return soonest


class QueueModel(QAbstractTableModel):
    """Columns: debtor, overdue, DPD/bucket, last outcome, next call, why; agent for leads."""

    DEBTOR, OVERDUE, DPD, LAST_OUTCOME, NEXT_CALL, WHY, AGENT = range(7)

    def __init__(self, lang: str = "zh", show_agent: bool = False, parent: Any = None,
                 clock: Clock = PROCESS) -> None:
        super().__init__(parent)
        self._clock = clock
        # The client's ranked rows (a sequence that makes a row when first read: a lead's
        # queue holds ~96,000 cases, a screenful is painted).
        self._rows: Sequence[QueueRow] = []
        self._row_of = _row_lookup([], [])  # each shown case's row
        self._ids: list[str] = []  # the shown rows' case ids, kept for the next in-place update
        self._lang = lang
        self._show_agent = show_agent
        self._now = clock.now()
        self._outcomes = labels.outcome_labels()
        # What data() answers for a row, by role then column, made on the row's first paint.
        # A repaint asks ~7 roles of every visible cell (a scrolled queue: ~1,000 calls), so
        # each answer is a lookup, not a formatting (bench_workstation.py, open a case).
        self._cells: dict[int, dict[int, list[Any]]] = {}

    # --- data in -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[QueueRow], now: datetime | None = None) -> None:
        """Show `rows`. A refresh after a save (the same cases, one of them moved) updates
        the model in place: the moved row is moved, only the painted rows that changed are
        redrawn, and the other rows keep their made cells (no reset: it made the view forget
        every row and repaint the page from scratch, on the GUI thread, issue 20)."""
        new = rows if hasattr(rows, "case_ids") else list(rows)
        at = now or self._clock.now()
        outcomes = labels.outcome_labels()
        if outcomes == self._outcomes and self._update_in_place(new, at):
            return
        self.beginResetModel()
        self._rows = new
        self._ids = _case_ids(new)
        self._row_of = _row_lookup(new, self._ids)
        self._now = at
        self._outcomes = outcomes
        self._cells = {}
        self.endResetModel()

    def _update_in_place(self, rows: Sequence[QueueRow], now: datetime) -> bool:
        """Apply `rows` without a reset when they are this model's cases in the same order
        but for at most one moved row; False (nothing done) otherwise.

        The client hands back the same `QueueRow` object for a case it did not re-derive,
        so a row is "changed" when its object is not the one shown. A row whose next call
        is still ahead was worded for the old time ("at 14:30", the warning colour) and is
        made again too."""
        old = self._rows
        if not old or len(rows) != len(old) or now < self._now:
            return False
        was_ids = self._ids  # kept from the last update: not made again from the old rows
        ids = _case_ids(rows)
        move: tuple[int, int] | None = None  # (source row, destination row as beginMoveRows takes it)
        if ids != was_ids:
            first, last = _changed_span(was_ids, ids)
            was, now_ids = was_ids[first:last + 1], ids[first:last + 1]
            if now_ids == was[1:] + was[:1]:
                move = (first, last + 1)  # moved down
            elif now_ids == was[-1:] + was[:-1]:
                move = (last, first)  # moved up
            else:
                return False
        # The rows' own lookup; our dict is made again only when the order changed (and never
        # kept from the old rows: a lookup of theirs would keep the whole old build alive).
        row_of = _row_lookup(rows, ids) if ids != was_ids or hasattr(rows, "position") else self._row_of
        # Only rows already painted hold made cells; the others are made when first painted.
        redraw: set[int] = set()
        cells: dict[int, dict[int, list[Any]]] = {}
        for j, made in self._cells.items():
            i = row_of(was_ids[j])
            if i is None:
                return False  # not among the rows after all: shown anew
            row = rows[i]
            if row is not old[j] or (row.callable_from is not None and row.callable_from > self._now):
                redraw.add(i)
            else:
                cells[i] = made
        if len(redraw) > _IN_PLACE_MAX:
            return False
        if move is not None:
            self.beginMoveRows(QModelIndex(), move[0], move[0], QModelIndex(), move[1])
        self._rows, self._ids, self._row_of, self._now, self._cells = rows, ids, row_of, now, cells
        if move is not None:
            self.endMoveRows()
        self.refresh_rows(*redraw)
        return True

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._outcomes = labels.outcome_labels()
        self._cells = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def restyle(self) -> None:
        """The colour scheme changed: every row's colours are made again."""
        self._cells = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def rows(self) -> Sequence[QueueRow]:
        """The rows shown, best first (the client's sequence: read, never changed)."""
        return self._rows

    def row_of(self, case_id: str) -> int | None:
        return self._row_of(case_id)

    def case_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh_rows(self, *rows: int | None) -> None:
        """Repaint these rows only (a selection put back without signals): one dataChanged
        per row, never the whole model, so the view redraws two rows and not the page."""
        last = self.columnCount() - 1
        for row in sorted({r for r in rows if r is not None and 0 <= r < len(self._rows)}):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    # --- Qt interface --------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else (7 if self._show_agent else 6)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                QCoreApplication.translate("QueueModel", "Debtor"),
                QCoreApplication.translate("QueueModel", "Overdue"),
                QCoreApplication.translate("QueueModel", "DPD"),
                QCoreApplication.translate("QueueModel", "Last outcome"),
                QCoreApplication.translate("QueueModel", "Next call"),
                QCoreApplication.translate("QueueModel", "Why here"),
                QCoreApplication.translate("QueueModel", "Agent"),
            ][section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (self.OVERDUE, self.DPD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        r = index.row()
        cells = self._cells.get(r)
        if cells is None:
            cells = self._cells[r] = self._row_cells(self._rows[r])
        by_column = cells.get(role)
        if by_column is not None:
            return by_column[index.column()]
        if role == _CASE_ID:
            return self._rows[r].case_id
        if role == _TOOLTIP:
            return self._tooltip(self._rows[r], index.column())
        return None

    def _row_cells(self, row: QueueRow) -> dict[int, list[Any]]:
        """Every column's text, alignment and colour for one row."""
        columns = range(self.columnCount())
        text = [self._display(row, col) for col in columns]
        return {
            _DISPLAY: text,
            _ACCESSIBLE: text,
            _ALIGN: [_RIGHT if col in (self.OVERDUE, self.DPD) else None for col in columns],
            _FOREGROUND: [self._foreground(row, col) for col in columns],
        }

    def _foreground(self, row: QueueRow, col: int) -> Any:
        if col == self.NEXT_CALL and not is_callable(row, self._now):
            return theme.color("warn")
        if col == self.WHY:
            return theme.color("muted")
        if row.status != "open":
            return theme.color("faint")
        return None

    def _display(self, row: QueueRow, col: int) -> str:
        if col == self.DEBTOR:
            return row.debtor_name + ("  ●" if row.has_pending else "")
        if col == self.OVERDUE:
            return row.overdue.format()
        if col == self.DPD:
            return f"{row.days_past_due} · {row.bucket}"
        if col == self.LAST_OUTCOME:
            return labels.label(self._outcomes, row.last_outcome)
        if col == self.NEXT_CALL:
            if row.status != "open":
                return labels.label(labels.case_status_labels(), row.status)
            return labels.next_call_text(row.callable_from, self._now)
        if col == self.WHY:
            found = match_text(row.matched)
            return f"{found} · {reason_text(row, self._lang)}" if found else reason_text(row, self._lang)
        if col == self.AGENT:
            return row.assigned_agent or ""
        return ""

    def _tooltip(self, row: QueueRow, col: int) -> str:
        if col == self.DEBTOR and row.has_pending:
            pending = QCoreApplication.translate("QueueModel", "● Changes not yet on the server")
            return pending + "\n" + reasons_tooltip(row, self._lang)
        if col in (self.WHY, self.DEBTOR):
            return reasons_tooltip(row, self._lang)
        if col == self.OVERDUE:
            return QCoreApplication.translate("QueueModel", "Outstanding: %1").replace("%1", row.outstanding.format())
        return ""
