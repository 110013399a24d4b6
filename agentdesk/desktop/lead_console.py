"""The team lead's console (ui/leadconsole.ui): Board | Team cases | Review | Charts | Strategy.

It reads the team's cases from the lead's local replica as compact columns (`TeamCases`,
loaded once off the GUI thread, then patched with each sync's changed rows); every filter
and sort is a pass over those columns on the background helper, so the grid stays fluid
at 100,000 cases (bench/bench_lead_grid.py). It asks the server for the board, previews,
reassignments, review lists and reports through `TeamLead`, always on the background
helper. The board refreshes by itself: on a timer, and soon after any sync that brought
changes (a reassignment, an agent's outcome, a state change poke).
Moving cases always goes through `ReassignDialog`, so nothing moves without a preview.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QSpinBox, QTableView, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.lead import BUCKETS, CASE_STATUSES, GridFilter, GridView, ReassignProblem, TeamCases, TeamLead
from agentdesk.client.views import SyncStatus
from agentdesk.desktop import labels, rule_text, uiload
from agentdesk.desktop.lead_charts import ChartsPanel
from agentdesk.desktop.lead_models import (
    BoardModel,
    RecordsModel,
    TeamCasesModel,
    money,
    promise_labels,
)
from agentdesk.desktop.moves_panel import MovesPanel
from agentdesk.desktop.reassign_dialog import ReassignDialog
from agentdesk.desktop.recordings_tab import RecordingsTab
from agentdesk.desktop.review_rows import debtor_cell, debtor_names
from agentdesk.desktop.strategy_editor import StrategyEditor
from agentdesk.desktop.strategy_workbench import StrategyWorkbench
from agentdesk.desktop.tasks import Tasks
from agentdesk.desktop.xlsx_export import write_table

log = logging.getLogger(__name__)

BOARD_REFRESH_MS = 15_000
CHANGE_DELAY_MS = 400  # several pulls in a row (a big move arrives in pages) refresh once
FILTER_DELAY_MS = 250
ANY = "\x00any"


class LeadConsole(QWidget):
    board_loaded = Signal(int)  # agents on the board
    grid_loaded = Signal(int)  # cases matching the filters
    review_loaded = Signal()
    charts_loaded = Signal()
    reassigned = Signal(object)  # contract.ReassignResult
    undone = Signal(object)  # contract.UndoResult
    exported = Signal(str)  # path
    case_requested = Signal(str)  # a case id: the lead opened it from a review list
    message = Signal(str)  # for the window's status bar

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("leadconsole", self)
        self.session = session
        self.tasks = tasks
        self.lead = TeamLead(session)
        self.dialog: ReassignDialog | None = None
        self._board_busy = False
        self._sort = ("overdue", True)
        # The grid: the latest snapshot of the team's cases, the sync's changes not yet in
        # it, and one background run at a time (requests meanwhile fold into one more run).
        self._cases: TeamCases | None = None
        self._changed: set[str] = set()
        self._removed: set[str] = set()
        self._grid_busy = False
        self._grid_wanted = False
        self._in_flight: tuple[set[str], set[str]] = (set(), set())
        self._totals = (0, 0)

        self.board_model = BoardModel(self)
        self.board_model.cases_dropped.connect(self._cases_dropped)
        self.cases_model = TeamCasesModel(self)
        self._setup_view(self.boardView, self.board_model, drops=True)
        self._setup_view(self.dropView, self.board_model, drops=True)
        self.dropView.setColumnHidden(BoardModel.VALUE, True)
        for col in range(BoardModel.ATTEMPTS, BoardModel.COLLECTED + 1):
            self.dropView.setColumnHidden(col, True)
        self._setup_view(self.casesView, self.cases_model, drags=True)
        self.casesSplitter.setStretchFactor(0, 1)
        self.casesSplitter.setStretchFactor(1, 0)
        self.casesSplitter.setSizes([900, 330])
        self._setup_review()
        self.charts = ChartsPanel(self.chartsGrid, self.chartsPage)
        self.moves = MovesPanel(self.lead, tasks, self)  # the history of moves, each undoable (issue 18)
        self.moves.message.connect(self.message)
        self.moves.undone.connect(self._after_undo)
        self.moves.loaded.connect(lambda _n: self._update_undo())
        self.tabs.addTab(self.moves, self.moves.tab_title())
        self.strategy_editor = StrategyEditor(session, tasks, self)  # a fifth tab: the queue's weights
        self.strategy_editor.message.connect(self.message)
        self.tabs.addTab(self.strategy_editor, self.strategy_editor.tab_title())
        self.recordings = RecordingsTab(session, tasks, self)  # a sixth: listen to calls and score them
        self.recordings.message.connect(self.message)
        self.tabs.addTab(self.recordings, self.recordings.tab_title())
        self.workbench = StrategyWorkbench(session, tasks, self)  # segments, 分案, collectors, arms, 定价
        self.workbench.message.connect(self.message)
        self.tabs.addTab(self.workbench, self.workbench.tab_title())
        self._fill_filters()
        self._connect()

        self.board_timer = QTimer(self)
        self.board_timer.setInterval(BOARD_REFRESH_MS)
        self.board_timer.timeout.connect(self.refresh_board)
        self.board_timer.start()
        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(CHANGE_DELAY_MS)
        self._change_timer.timeout.connect(self._refresh_after_change)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload_grid)
        self._loaded_tabs: set[int] = set()
        self._update_undo()
        self.moves.reload()
        self.refresh_board()
        self.reload_grid()

    # --- setup --------------------------------------------------------------------------------

    def _setup_view(self, view: QTableView, model: Any, *, drops: bool = False, drags: bool = False) -> None:
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(28)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        if drops and view is self.boardView:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if drops:
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
            view.viewport().setAcceptDrops(True)
        if drags:
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setDragEnabled(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
            header.setSortIndicatorShown(True)
            header.setSectionsClickable(True)
            header.setSortIndicator(TeamCasesModel.OVERDUE, Qt.SortOrder.DescendingOrder)
            header.sortIndicatorChanged.connect(self._sort_changed)
            # The header asks its selection model whether each column is wholly selected,
            # which is one flags() call per row: 1.6 s after Ctrl+A on 100,000 rows. Its
            # sections are never highlighted, so it gets a selection model of its own.
            header.setSelectionModel(QItemSelectionModel(model, header))
            for col, width in enumerate((140, 100, 110, 90, 80, 150, 175)):  # promise: "Pending · 2026-12-01"
                view.setColumnWidth(col, width)

    def _setup_review(self) -> None:
        outcomes = labels.outcome_labels
        self._debtors: dict[str, str] = {}  # case id → debtor, from the replica (review_rows)
        self.flagged_model = RecordsModel([
            (lambda: self.tr("When"), lambda a: a.started_at.astimezone().strftime("%Y-%m-%d %H:%M")),
            (lambda: self.tr("Debtor"), lambda a: debtor_cell(self._debtors, a.case_id)),
            (lambda: self.tr("Agent"), lambda a: a.agent),
            (lambda: self.tr("Outcome"), lambda a: labels.label(outcomes(), a.outcome)),
            (lambda: self.tr("Rule"), lambda a: rule_text.flag_text(a.compliance_flag)),
        ], self)
        self.rejected_model = RecordsModel([
            (lambda: self.tr("Received"), lambda m: m.received_at.astimezone().strftime("%Y-%m-%d %H:%M")),
            (lambda: self.tr("Debtor"), lambda m: debtor_cell(self._debtors, m.case_id)),
            (lambda: self.tr("User"), lambda m: m.username),
            (lambda: self.tr("Change"), lambda m: m.type),
            (lambda: self.tr("Reason"), lambda m: m.reason or ""),
        ], self)
        self.numbers_model = RecordsModel([
            (lambda: self.tr("Added"), lambda n: n.created_at.astimezone().strftime("%Y-%m-%d %H:%M")),
            (lambda: self.tr("By"), lambda n: n.added_by or ""),
            (lambda: self.tr("Number"), lambda n: n.value_masked),
            (lambda: self.tr("Whose"), lambda n: n.owner + (f" · {n.relation}" if n.relation else "")),
            (lambda: self.tr("Name"), lambda n: n.contact_name or ""),
            (lambda: self.tr("Debtor"), lambda n: debtor_cell(self._debtors, n.case_id)),
        ], self)
        for view, model in ((self.flaggedView, self.flagged_model), (self.rejectedView, self.rejected_model),
                            (self.numbersView, self.numbers_model)):
            self._setup_view(view, model)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setToolTip(self.tr("Double-click or press Enter to open the case"))
            # Double-click or Enter opens the row's case (the window shows it under "Case work").
            view.activated.connect(lambda index, m=model: self._open_review_case(m, index.row()))
        self.numbersView.selectionModel().selectionChanged.connect(lambda *_a: self._numbers_selection())
        self._numbers_selection()

    def _fill_filters(self) -> None:
        def fill(combo: Any, items: Sequence[tuple[str, str]], any_text: str) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, ANY)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        agents = [(a.username, a.username) for a in self.board_model.agents()] or [
            (u, u) for u in (self._cases.agents() if self._cases is not None else [])]
        fill(self.agentFilter, [*agents, ("", self.tr("(unassigned)"))], self.tr("All agents"))
        fill(self.bucketFilter, [(b, b) for b in BUCKETS], self.tr("All buckets"))
        statuses = labels.case_status_labels()
        fill(self.statusFilter, [(s, labels.label(statuses, s)) for s in CASE_STATUSES], self.tr("All statuses"))
        fill(self.outcomeFilter, [*labels.outcome_labels().items(), ("none", self.tr("No attempt yet"))],
             self.tr("All last outcomes"))
        fill(self.promiseFilter, list(promise_labels().items()), self.tr("All promises"))
        for spin, top, suffix in ((self.minDpdSpin, 100_000, ""), (self.maxDpdSpin, 100_000, ""),
                                  (self.minAmountSpin, 100_000_000, " ¥"), (self.maxAmountSpin, 100_000_000, " ¥")):
            spin.setRange(-1, top)
            spin.setSpecialValueText(self.tr("any"))
            spin.setSuffix(suffix)
            spin.setMinimumWidth(96)
            if spin.value() == 0 and not spin.property("touched"):
                spin.setValue(-1)
        self.daysCombo.blockSignals(True)
        days = self.daysCombo.currentData() or 30
        self.daysCombo.clear()
        for n in (7, 30, 90):
            self.daysCombo.addItem(self.tr("Last %1 days").replace("%1", str(n)), n)
        self.daysCombo.setCurrentIndex(max(0, self.daysCombo.findData(days)))
        self.daysCombo.blockSignals(False)

    def _connect(self) -> None:
        for combo in (self.agentFilter, self.bucketFilter, self.statusFilter, self.outcomeFilter, self.promiseFilter):
            combo.currentIndexChanged.connect(lambda _i: self.reload_grid())  # a pick: at once
        for spin in (self.minDpdSpin, self.maxDpdSpin, self.minAmountSpin, self.maxAmountSpin):
            spin.valueChanged.connect(lambda _v, s=spin: (s.setProperty("touched", True), self._filter_timer.start()))
        self.searchFilter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.clearFiltersButton.clicked.connect(self.clear_filters)
        self.casesView.selectionModel().selectionChanged.connect(lambda *_a: self._update_counts())
        self.refreshBoardButton.clicked.connect(self.refresh_board)
        self.redistributeButton.clicked.connect(self.redistribute_selected)
        self.undoButton.clicked.connect(self.undo_last)
        self.exportBoardButton.clicked.connect(lambda: self._ask_export("board"))
        self.exportCasesButton.clicked.connect(lambda: self._ask_export("cases"))
        self.reassignSelectedButton.clicked.connect(self.reassign_selected)
        self.reassignFilteredButton.clicked.connect(self.reassign_filtered)
        self.refreshReviewButton.clicked.connect(self.load_review)
        self.approveNumberButton.clicked.connect(lambda: self.verify_selected(True))
        self.rejectNumberButton.clicked.connect(lambda: self.verify_selected(False))
        self.refreshChartsButton.clicked.connect(self.load_charts)
        self.daysCombo.currentIndexChanged.connect(lambda _i: self.load_charts())
        self.tabs.currentChanged.connect(self._tab_shown)
        QShortcut(QKeySequence("F5"), self, activated=self._refresh_current,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- sync news ------------------------------------------------------------------------------

    def cases_changed(self, upserted: frozenset, removed: frozenset) -> None:
        if upserted or removed:
            self._changed |= upserted
            self._changed -= removed
            self._removed |= removed
            self._removed -= upserted
            self._change_timer.start()

    def sync_status(self, status: SyncStatus) -> None:
        # A finished sync may carry a poke about an agent's state: the board asks again soon.
        if status.state == "online" and not self._change_timer.isActive():
            self._change_timer.start()

    def _refresh_after_change(self) -> None:
        self.refresh_board()
        self.reload_grid()

    def _refresh_current(self) -> None:
        """F5 refreshes the tab in view; a tab added by the window (Case work) has its own."""
        pages = (self.boardPage, self.casesPage, self.reviewPage, self.chartsPage)
        actions = dict(zip(pages, (self.refresh_board, self.reload_grid, self.load_review, self.load_charts),
                           strict=True))
        actions[self.strategy_editor] = self.strategy_editor.load
        actions[self.moves] = self.moves.reload
        actions[self.recordings] = self.recordings.reload
        actions[self.workbench] = self.workbench.refresh
        action = actions.get(self.tabs.currentWidget())
        if action is not None:
            action()

    def _tab_shown(self, index: int) -> None:
        if index in self._loaded_tabs:
            return
        self._loaded_tabs.add(index)
        if index == 2:
            self.load_review()
        elif index == 3:
            self.load_charts()
        elif self.tabs.widget(index) is self.recordings:
            self.recordings.reload()
        elif self.tabs.widget(index) is self.moves:
            self.moves.reload()

    # --- board ----------------------------------------------------------------------------------

    def refresh_board(self) -> None:
        if self._board_busy:
            return
        self._board_busy = True
        lead = self.lead
        self.tasks.run(lead.board, self._board_arrived, self._board_failed)

    def _board_arrived(self, board: contract.TeamBoard) -> None:
        self._board_busy = False
        selected = self._selected_agent()
        first = not self.board_model.agents()
        self.board_model.set_board(board)
        self.boardAsOf.setText(self.tr("as of %1").replace("%1", board.as_of.astimezone().strftime("%H:%M:%S")))
        if first:
            self._fill_filters()
            self.boardView.resizeColumnsToContents()
            self.dropView.resizeColumnsToContents()
        if selected is not None:
            for row, agent in enumerate(board.agents and self.board_model.agents()):
                if agent.id == selected.id:
                    self.boardView.selectRow(row)
        self.board_loaded.emit(len(board.agents))

    def _board_failed(self, exc: BaseException) -> None:
        self._board_busy = False
        self._report(exc)
        # A busy server (SQLite under a burst of pulls) answers again in a moment: ask soon,
        # not only at the next 15 s tick.
        if not self._change_timer.isActive():
            QTimer.singleShot(2000, self.refresh_board)

    def _selected_agent(self) -> contract.BoardAgent | None:
        rows = self.boardView.selectionModel().selectedRows()
        return self.board_model.agent_at(rows[0].row()) if rows else None

    # --- grid -----------------------------------------------------------------------------------

    def grid_filter(self) -> GridFilter:
        def pick(combo: Any) -> str | None:
            value = combo.currentData()
            return None if value in (ANY, None) else value

        def spin(box: QSpinBox, scale: int = 1) -> int | None:
            return None if box.value() < 0 else box.value() * scale

        return GridFilter(
            agent=pick(self.agentFilter), bucket=pick(self.bucketFilter), status=pick(self.statusFilter),
            last_outcome=pick(self.outcomeFilter), promise_status=pick(self.promiseFilter),
            min_dpd=spin(self.minDpdSpin), max_dpd=spin(self.maxDpdSpin),
            min_overdue_minor=spin(self.minAmountSpin, 100), max_overdue_minor=spin(self.maxAmountSpin, 100),
            search=self.searchFilter.text(),
        )

    def clear_filters(self) -> None:
        boxes = (self.agentFilter, self.bucketFilter, self.statusFilter, self.outcomeFilter, self.promiseFilter,
                 self.minDpdSpin, self.maxDpdSpin, self.minAmountSpin, self.maxAmountSpin, self.searchFilter)
        for box in boxes:
            box.blockSignals(True)
        for combo in boxes[:5]:
            combo.setCurrentIndex(0)
        for spin in boxes[5:9]:
            spin.setValue(-1)
        self.searchFilter.clear()
        for box in boxes:
            box.blockSignals(False)
        self._filter_timer.stop()
        self.reload_grid()

    def reload_grid(self) -> None:
        """Show the grid for the current filters and sort, computed on the background helper.

        The first run reads the replica's columns; later runs patch in the rows a sync
        changed and filter and sort in memory. One run at a time: a request while one runs
        makes exactly one more run afterwards, with the newest filters, so results never
        arrive out of order and `grid_loaded` always describes what is on screen.
        """
        self._grid_wanted = True
        if not self._grid_busy:
            self._run_grid()

    def _run_grid(self) -> None:
        self._grid_wanted = False
        self._grid_busy = True
        grid, cases, f = self.lead.grid, self._cases, self.grid_filter()
        changed, removed = self._changed, self._removed
        self._changed, self._removed = set(), set()
        self._in_flight = (changed, removed)
        sort, descending = self._sort

        def work() -> tuple[TeamCases, GridView]:
            if cases is None:
                fresh = grid.snapshot()
            elif changed or removed:
                fresh = grid.refreshed(cases, changed, removed)
            else:
                fresh = cases
            return fresh, fresh.select(f, sort, descending)

        self.tasks.run(work, self._grid_arrived, self._grid_failed)

    def _grid_arrived(self, result: tuple[TeamCases, GridView]) -> None:
        self._grid_busy = False
        cases, view = result
        first = self._cases is None
        self._cases = cases
        if first and not self.board_model.agents():
            self._fill_filters()
        if self._grid_wanted:  # the filters or the data changed meanwhile: this view is stale
            self._run_grid()
            return
        # The selection survives a new filter or sort: kept as row positions while the
        # snapshot is the same (no strings), by case id across a sync's new snapshot.
        spans, model = self._selected_spans(), self.cases_model
        keep = None
        if spans:
            keep = (model.positions_of_spans(spans) if cases is model.cases()
                    else cases.positions_of(model.ids_of_spans(spans)))
        model.set_view(cases, view.order)
        self._totals = (view.count, view.overdue_minor)
        if keep is not None:
            self._select_rows(model.rows_of_positions(keep))
        self._update_counts()
        self.grid_loaded.emit(view.count)

    def _grid_failed(self, exc: BaseException) -> None:
        self._grid_busy = False
        changed, removed = self._in_flight  # not in the snapshot yet: keep them for the next run
        self._changed |= changed - self._removed
        self._removed |= removed - self._changed
        self._report(exc)
        if self._grid_wanted:
            self._run_grid()

    def _select_rows(self, rows: list[int]) -> None:
        """Select `rows` (ascending) as a few contiguous ranges, in one call."""
        model, selection = self.cases_model, QItemSelection()
        last_col = model.columnCount() - 1
        start = prev = None
        for row in [*rows, None]:
            if row is not None and prev is not None and row == prev + 1:
                prev = row
                continue
            if start is not None:
                selection.select(model.index(start, 0), model.index(prev, last_col))
            start = prev = row
        self.casesView.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select
                                               | QItemSelectionModel.SelectionFlag.Rows)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (TeamCasesModel.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        self.reload_grid()

    def _selected_spans(self) -> list[tuple[int, int]]:
        """The selected rows as merged, inclusive (first, last) spans: cheap even for select-all,
        where asking Qt for `selectedRows()` would make 100,000 index objects."""
        spans = sorted((r.top(), r.bottom()) for r in self.casesView.selectionModel().selection())
        merged: list[tuple[int, int]] = []
        for top, bottom in spans:
            if merged and top <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
            else:
                merged.append((top, bottom))
        return merged

    def selected_case_ids(self) -> list[str]:
        return self.cases_model.ids_of_spans(self._selected_spans())

    def _update_counts(self) -> None:
        count, total = self._totals
        selected = sum(last - first + 1 for first, last in self._selected_spans())
        text = self.tr("%Ln cases · %1 overdue", "", count).replace("%1", money(total))
        if selected:
            text += " · " + self.tr("%1 selected").replace("%1", f"{selected:,}")
        self.casesCount.setText(text)
        self.reassignSelectedButton.setEnabled(bool(selected))
        self.reassignFilteredButton.setEnabled(bool(count))

    # --- reassignment ---------------------------------------------------------------------------

    def open_reassign(self, *, case_ids: Sequence[str] | None = None, source_agent_id: str | None = None,
                      description: str = "", mode: str = "one", targets: Sequence[str] = ()) -> ReassignDialog:
        agents = self.board_model.agents()
        dialog = ReassignDialog(self.lead, self.tasks, agents, case_ids=case_ids, source_agent_id=source_agent_id,
                                description=description, mode=mode, targets=targets, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.reassigned.connect(self._after_reassign)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def reassign_selected(self) -> ReassignDialog | None:
        ids = self.selected_case_ids()
        if not ids:
            return None
        return self.open_reassign(case_ids=ids, description=self._describe(len(ids)))

    def reassign_filtered(self) -> ReassignDialog | None:
        ids = self.cases_model.ids()
        if not ids:
            return None
        count, total = self._totals
        return self.open_reassign(case_ids=ids, description=self.tr("Move all %Ln filtered cases (%1 overdue).", "",
                                                                    count).replace("%1", money(total)))

    def _describe(self, count: int) -> str:
        return self.tr("Move %Ln selected cases.", "", count)

    def _cases_dropped(self, case_ids: list[str], agent_id: str) -> None:
        self.open_reassign(case_ids=case_ids, description=self._describe(len(case_ids)), mode="one",
                           targets=[agent_id])

    def redistribute(self, agent: contract.BoardAgent) -> ReassignDialog:
        # Every agent of the team who is not away today (by the collectors' settings) receives.
        others = [a.id for a in self.board_model.agents() if a.id != agent.id and not a.away_today]
        text = self.tr("Redistribute %1's queue: %Ln cases, %2.", "", agent.queue_size)
        text = text.replace("%1", agent.display_name or agent.username).replace("%2", money(agent.queue_value_minor))
        return self.open_reassign(source_agent_id=agent.id, description=text, mode="even", targets=others)

    def redistribute_selected(self) -> ReassignDialog | None:
        agent = self._selected_agent()
        if agent is None:
            self.message.emit(self.tr("Select the absent agent on the board first."))
            return None
        return self.redistribute(agent)

    def _after_reassign(self, result: contract.ReassignResult) -> None:
        self.message.emit(self.tr("%Ln cases moved. \"Undo last reassignment\" or the Moves tab gives them back.",
                                  "", result.total_cases))
        self.reassigned.emit(result)
        self._update_undo()
        self.moves.reload()
        self.session.sync.nudge()
        self.refresh_board()

    def undo_last(self) -> None:
        """Undo this desk's last move (else the team's newest one that can still go back), after
        the same confirmation as the Moves tab's: what will return to whom."""
        latest = self.moves.latest_undoable()
        rid = self.lead.last_reassignment() or (latest.id if latest is not None else None)
        if rid is None:
            self.message.emit(self.tr("There is no reassignment to undo."))
            return
        self.moves.undo_move(rid)

    def _after_undo(self, result: contract.UndoResult) -> None:
        self._update_undo()
        self.session.sync.nudge()
        self.refresh_board()
        self.undone.emit(result)

    def _update_undo(self) -> None:
        self.undoButton.setEnabled(bool(self.lead.last_reassignment()) or self.moves.latest_undoable() is not None)

    # --- review ---------------------------------------------------------------------------------

    def load_review(self) -> None:
        lead = self.lead

        def work() -> tuple[Any, Any, Any, dict[str, str]]:
            flagged, rejected, numbers = lead.flagged(), lead.rejected(), lead.numbers()
            ids = [i.case_id for page in (flagged, rejected, numbers) for i in page.items]
            return flagged, rejected, numbers, debtor_names(lead.grid, ids)

        self.tasks.run(work, self._review_arrived, self._report)

    def _open_review_case(self, model: RecordsModel, row: int) -> None:
        item = model.item_at(row)
        case_id = getattr(item, "case_id", None)
        if case_id:
            self.case_requested.emit(case_id)

    def _review_arrived(self, pages: tuple[Any, Any, Any, dict[str, str]]) -> None:
        flagged, rejected, numbers, self._debtors = pages
        self.flagged_model.set_items(flagged.items)
        self.rejected_model.set_items(rejected.items)
        self.numbers_model.set_items(numbers.items)
        for view in (self.flaggedView, self.rejectedView, self.numbersView):
            view.resizeColumnsToContents()
        self.reviewTabs.setTabText(0, self.tr("Flagged attempts (%1)").replace("%1", str(flagged.total)))
        self.reviewTabs.setTabText(1, self.tr("Rejected changes (%1)").replace("%1", str(rejected.total)))
        self.reviewTabs.setTabText(2, self.tr("Numbers to verify (%1)").replace("%1", str(numbers.total)))
        waiting = flagged.total + rejected.total + numbers.total
        self.reviewSummary.setText(self.tr("%n items wait for you.", "", waiting))
        self._numbers_selection()
        self.review_loaded.emit()

    def _numbers_selection(self) -> None:
        has = bool(self.numbersView.selectionModel().selectedRows())
        self.approveNumberButton.setEnabled(has)
        self.rejectNumberButton.setEnabled(has)

    def verify_selected(self, approve: bool) -> None:
        rows = self.numbersView.selectionModel().selectedRows()
        number = self.numbers_model.item_at(rows[0].row()) if rows else None
        if number is None:
            return
        lead = self.lead

        def done(status: contract.ContactPointStatus) -> None:
            self.message.emit(self.tr("Number approved.") if status.status == "valid" else self.tr("Number rejected."))
            self.load_review()

        self.tasks.run(lambda: lead.verify_number(number.id, approve), done, self._report)

    # --- charts ---------------------------------------------------------------------------------

    def load_charts(self) -> None:
        lead, days = self.lead, int(self.daysCombo.currentData() or 30)

        def arrived(reports: Any) -> None:
            self.charts.show_reports(reports)
            self.chartsHint.setText(self.tr("Last %1 days, the team's own cases").replace("%1", str(days)))
            self.charts_loaded.emit()

        self.tasks.run(lambda: lead.reports(days), arrived, self._report)

    # --- export ---------------------------------------------------------------------------------

    def _ask_export(self, what: str) -> None:
        name = "team-board.xlsx" if what == "board" else "team-cases.xlsx"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), str(Path.home() / name),
                                                    self.tr("Excel workbook (*.xlsx)"))
        if path:
            (self.export_board if what == "board" else self.export_grid)(Path(path))

    def export_board(self, path: Path) -> None:
        model = self.board_model
        columns, rows = model.export_columns(), [model.export_row(a) for a in model.agents()]
        title = self.tr("Team board")
        self.tasks.run(lambda: write_table(path, title, columns, rows), lambda n: self._exported(path, n),
                       self._report)

    def export_grid(self, path: Path) -> None:
        """Every filtered case (not only what is on screen), typed, with its case and account ids;
        the account numbers are read from the replica's documents off the GUI thread."""
        model, grid = self.cases_model, self.lead.grid
        texts, order, columns = model.texts(), model.order(), model.texts().export_columns()
        title = self.tr("Team cases")

        def work() -> int:
            accounts = grid.account_numbers([texts.ids[i] for i in order])
            return write_table(path, title, columns, (texts.export_row(i, accounts) for i in order))

        self.tasks.run(work, lambda n: self._exported(path, n), self._report)

    def _exported(self, path: Path, rows: int) -> None:
        self.message.emit(self.tr("Exported %Ln rows to %1", "", rows).replace("%1", str(path)))
        self.exported.emit(str(path))

    # --- language and errors --------------------------------------------------------------------

    def retranslate(self) -> None:
        self._fill_filters()
        if getattr(self, "_totals", None) is not None:
            self._update_counts()
        self.tabs.setTabText(self.tabs.indexOf(self.workbench), self.workbench.tab_title())
        self.recordings.retranslate()
        self.moves.retranslate()
        self.tabs.setTabText(self.tabs.indexOf(self.moves), self.moves.tab_title())
        self.tabs.setTabText(self.tabs.indexOf(self.recordings), self.recordings.tab_title())
        self.cases_model.relabel()
        self.charts.retitle()
        for model in (self.board_model, self.cases_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, ReassignProblem):
            self.message.emit(self.tr("There is no reassignment to undo."))
        elif isinstance(exc, errors.ClientError):
            self.message.emit(str(exc))
        else:
            log.error("lead console: unexpected failure", exc_info=exc)
            self.message.emit(self.tr("Unexpected error: %1").replace("%1", type(exc).__name__))

    def shutdown(self) -> None:
        for timer in (self.board_timer, self._change_timer, self._filter_timer):
            timer.stop()
        self.recordings.shutdown()
