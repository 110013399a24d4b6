"""The queue repaints only what changed: a selection moved on screen redraws the two rows
involved, an arrow key that scrolls by one row redraws that row (not the page), and what
is drawn stays right: the rows' texts and colours, and the background below a shorter queue
(bench/bench_workstation.py measures the open that follows)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from agentdesk.client.views import PriorityReason, QueueRow
from agentdesk.clock import FixedClock
from agentdesk.desktop import theme, view_paint
from agentdesk.desktop.queue_model import CASE_ID_ROLE, QueueModel
from agentdesk.domain.money import Money

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
NOW = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)


def _row(n: int) -> QueueRow:
    return QueueRow(case_id=f"c{n}", debtor_name=f"债务人{n}", lender="某银行", overdue=Money(100_000 + n),
                    outstanding=Money(500_000), days_past_due=30 + n, bucket="M2", status="open",
                    last_outcome="no_answer", last_attempt_at=None, score=100.0 - n,
                    reasons=(PriorityReason("dpd", f"{30 + n} days past due", f"逾期 {30 + n} 天", 3.0),),
                    callable_from=None)


class CountingModel(QueueModel):
    """The queue's model, noting which rows the view asked about (each asked row is painted)."""

    def __init__(self) -> None:
        super().__init__("zh", clock=FixedClock(NOW))
        self.asked: Counter[int] = Counter()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            self.asked[index.row()] += 1
        return super().data(index, role)


def _view(qtbot, qapp: QApplication, model: QueueModel) -> QTableView:  # noqa: ANN001
    """A queue view as the desk sets it up: ten rows high, painted by blitting on scroll."""
    theme.apply_theme(qapp, "light")
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view_paint.scroll_by_blit(view)
    qtbot.addWidget(view)
    view.resize(600, 28 * 10 + 30)
    return view


def _queue(qtbot, qapp: QApplication, rows: int) -> tuple[QTableView, CountingModel]:  # noqa: ANN001
    model = CountingModel()
    view = _view(qtbot, qapp, model)
    model.set_rows([_row(n) for n in range(rows)], NOW)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def _select(view: QTableView, row: int) -> None:
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def _painted(qtbot, view: QTableView, model: CountingModel) -> set[int]:  # noqa: ANN001
    """The rows drawn by the paint pass that follows a change (one event: it is over once seen)."""
    qtbot.waitUntil(lambda: bool(model.asked))
    return set(model.asked)


def test_a_selection_change_repaints_the_two_rows(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    view, model = _queue(qtbot, qapp, 40)
    _select(view, 2)
    qtbot.waitUntil(lambda: 2 in model.asked)
    model.asked.clear()
    _select(view, 5)
    assert _painted(qtbot, view, model) == {2, 5}


def test_an_arrow_key_that_scrolls_repaints_the_new_row_only(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    view, model = _queue(qtbot, qapp, 40)
    view.setFocus()
    last = view.rowAt(view.viewport().height() - 1)
    _select(view, last)
    qtbot.waitUntil(lambda: last in model.asked)
    model.asked.clear()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    painted = _painted(qtbot, view, model)
    assert last + 1 in painted and len(painted) <= 3, f"rows painted: {sorted(painted)}"
    # What is on screen is still right: the row that scrolled into view reads as it should.
    assert view.indexAt(view.visualRect(model.index(last + 1, 0)).center()).row() == last + 1


def test_a_shorter_queue_leaves_a_clean_background(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    view, model = _queue(qtbot, qapp, 40)
    view.scrollToBottom()
    qtbot.wait(20)
    model.set_rows([_row(n) for n in range(2)], NOW)
    image = view.viewport().grab().toImage()
    below = view.visualRect(model.index(1, 0)).bottom() + 10
    surface = theme.read_colors("light")["surface"].upper()
    colours = {image.pixelColor(x, y).name().upper() for x in range(0, image.width(), 7)
               for y in range(below, image.height(), 5)}
    assert colours == {surface}, "nothing of the longer queue is left below the last row"


def _shown(model: QueueModel) -> list[list[Any]]:
    """Every cell's text and colour, row by row: what the queue draws."""
    fg = Qt.ItemDataRole.ForegroundRole
    return [[(model.index(r, c).data(), str(model.index(r, c).data(fg))) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_a_refresh_after_a_save_moves_the_saved_row_and_keeps_the_selection(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    """The saved case drops down the queue (worked, on a cooldown); the refresh moves that
    row without resetting the view: the queue reads as a fresh build of the new ranking and
    the case on screen stays selected."""
    view, model = _queue(qtbot, qapp, 40)
    _select(view, 4)
    qtbot.waitUntil(lambda: 4 in model.asked)
    rows = model.rows()
    saved = replace(rows[1], last_outcome="promise_to_pay", callable_from=datetime(2026, 3, 2, 5, 30, tzinfo=UTC),
                    score=10.0)
    new = [rows[0], *rows[2:12], saved, *rows[12:]]  # c1 from row 1 to row 11
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    later = datetime(2026, 3, 2, 3, 5, tzinfo=UTC)
    model.set_rows(new, later)
    fresh = QueueModel("zh", clock=FixedClock(later))
    fresh.set_rows(new, later)
    assert _shown(model) == _shown(fresh), "the queue reads as a fresh build of the new ranking"
    assert model.index(11, 0).data(Qt.ItemDataRole.DisplayRole) == "债务人1"
    assert view.currentIndex().data(CASE_ID_ROLE) == "c4", "the case on screen stays the current row"
    assert [i.row() for i in view.selectionModel().selectedRows()] == [3], "and the selected one (now row 3)"
    assert not resets, "updated in place, not reset"

    # Back up the queue (a callback came due): the other way of moving one row.
    model.set_rows(rows, later)
    fresh.set_rows(rows, later)
    assert _shown(model) == _shown(fresh)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [4]


def test_refreshes_one_after_another_each_read_as_a_fresh_build(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    """A day of saves: each refresh moves one row (from the top to the bottom, the bottom to
    the top, to a neighbour, anywhere); after each the queue reads, and finds each case at
    its row, exactly as a fresh build of that ranking does. A refresh that is more than one
    moved row is applied as a new queue, and is right too."""
    view, model = _queue(qtbot, qapp, 40)
    _select(view, 4)
    qtbot.waitUntil(lambda: 4 in model.asked)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    rows = list(model.rows())
    later = datetime(2026, 3, 2, 3, 5, tzinfo=UTC)
    for source, dest in ((0, 39), (39, 0), (7, 8), (8, 7), (20, 3), (3, 33), (38, 39), (1, 0)):
        row = rows.pop(source)
        rows.insert(dest, row)
        model.set_rows(list(rows), later)
        fresh = QueueModel("zh", clock=FixedClock(later))
        fresh.set_rows(list(rows), later)
        assert _shown(model) == _shown(fresh), (source, dest)
        assert [model.row_of(r.case_id) for r in rows] == list(range(40)), (source, dest)
        assert view.currentIndex().data(CASE_ID_ROLE) == "c4"
    assert not resets, "each a single moved row: updated in place"

    rows[0], rows[5], rows[9] = rows[5], rows[9], rows[0]  # three rows changed places
    model.set_rows(list(rows), later)
    fresh = QueueModel("zh", clock=FixedClock(later))
    fresh.set_rows(list(rows), later)
    assert resets, "not one moved row: a new queue"
    assert _shown(model) == _shown(fresh)
    assert [model.row_of(r.case_id) for r in rows] == list(range(40))


def test_a_refresh_rewords_a_next_call_that_came_due(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    """The same rows a while later: a case whose next call was ahead reads "Now" once it is due."""
    view, model = _queue(qtbot, qapp, 10)
    rows = model.rows()
    rows[2] = replace(rows[2], callable_from=datetime(2026, 3, 2, 4, 0, tzinfo=UTC))
    model.set_rows(rows, NOW)
    qtbot.waitUntil(lambda: 2 in model.asked)
    ahead = model.index(2, QueueModel.NEXT_CALL).data()
    later = datetime(2026, 3, 2, 4, 30, tzinfo=UTC)
    model.set_rows(rows, later)
    fresh = QueueModel("zh", clock=FixedClock(later))
    fresh.set_rows(rows, later)
    assert model.index(2, QueueModel.NEXT_CALL).data() != ahead
    assert _shown(model) == _shown(fresh)


class _Paints(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_selection_change_leaves_the_column_header_alone(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    """Selecting a row (opening a case) does not redraw the queue's column header, and the
    header looks as it did when it shared the rows' selection (its sections never highlight)."""
    shared, shared_model = _queue(qtbot, qapp, 40)
    shared.horizontalHeader().setHighlightSections(False)
    view, model = _queue(qtbot, qapp, 40)
    view.horizontalHeader().setHighlightSections(False)
    view_paint.header_apart_from_selection(view)
    for v, m in ((shared, shared_model), (view, model)):
        _select(v, 2)
        qtbot.waitUntil(lambda m=m: 2 in m.asked)
    header = _Paints(view.horizontalHeader().viewport())
    shared_header = _Paints(shared.horizontalHeader().viewport())
    for v, m in ((shared, shared_model), (view, model)):
        m.asked.clear()
        _select(v, 5)
        assert _painted(qtbot, v, m) == {2, 5}
    assert shared_header.count > 0, "the old way: the header is redrawn with the rows"
    assert header.count == 0, "the header is not redrawn"
    assert view.horizontalHeader().grab().toImage() == shared.horizontalHeader().grab().toImage()
    # Sorting or reading the rows still goes through the view's own selection.
    assert [i.row() for i in view.selectionModel().selectedRows()] == [5]
