"""The lead console's allocation panel (ui/allocation.ui): preview who gets what and why,
adjust, allocate, undo.

Nothing is allocated without a preview of the same cases: changing what to allocate drops
the preview. The lead may give any selected lines to another collector before allocating;
the server checks the adjusted list again (capacity, team, cases that moved meanwhile).
The allocation is one reassignment, so "Undo last allocation" (and the board's undo) gives
every case back. Calls run on the background helper through `StrategyDesk`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.lead import ReassignProblem, TeamLead
from agentdesk.client.strategy import StrategyDesk
from agentdesk.desktop import strategy_texts as words
from agentdesk.desktop import uiload
from agentdesk.desktop.lead_models import RecordsModel, money
from agentdesk.desktop.moves_panel import undo_answer
from agentdesk.desktop.tasks import Tasks

log = logging.getLogger(__name__)


class AllocationPanel(QWidget):
    previewed = Signal(object)  # contract.AllocationPreview
    allocated = Signal(object)  # contract.AllocationResult
    undone = Signal(object)  # contract.UndoResult
    message = Signal(str)

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("allocation", self)
        self.session = session
        self.tasks = tasks
        self.desk = StrategyDesk(session)
        self.lead = TeamLead(session)
        self.preview: contract.AllocationPreview | None = None
        self.assignments: dict[str, str | None] = {}
        self.names: dict[str, str] = {}
        self.segment_names: dict[str, str] = {}
        self.items_model = RecordsModel([
            (lambda: self.tr("Case"), lambda i: i.case_id[:8]),
            (lambda: self.tr("Segment"), lambda i: self.segment_names.get(i.segment or "", i.segment or "")),
            (lambda: self.tr("Why waiting"), lambda i: words.sources().get(i.source, i.source)),
            (lambda: self.tr("Overdue"), lambda i: money(i.overdue_minor)),
            (lambda: self.tr("From"), lambda i: self.names.get(i.from_agent_id or "", "—")),
            (lambda: self.tr("To"), self._target_text),
            (lambda: self.tr("Why"), self._reasons),
        ], self)
        self.loads_model = RecordsModel([
            (lambda: self.tr("Collector"), lambda x: x.username + ("" if x.available else " " + self.tr("(absent)"))),
            (lambda: self.tr("Capacity"), lambda x: x.capacity),
            (lambda: self.tr("Cases"), lambda x: f"{x.before_cases} → {x.after_cases}"),
            (lambda: self.tr("Load"), lambda x: f"{x.after_cases / x.capacity:.0%}" if x.capacity else "—"),
            (lambda: self.tr("Value"), lambda x: f"{money(x.before_minor)} → {money(x.after_minor)}"),
        ], self)
        for view, model in ((self.itemsView, self.items_model), (self.loadsView, self.loads_model)):
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setStretchLastSection(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.itemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemsView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.itemsView.selectionModel().selectionChanged.connect(lambda *_a: self._selection())
        self.allocSplitter.setSizes([860, 520])
        self.targetCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.targetCombo.setMinimumWidth(120)
        for box in (self.newCheck, self.returnedCheck, self.absentCheck):
            box.setChecked(True)
            box.toggled.connect(lambda _c: self._drop_preview())
        self.previewButton.clicked.connect(self.run_preview)
        self.applyButton.clicked.connect(self.apply_target)
        self.commitButton.clicked.connect(self.commit)
        self.undoAllocationButton.clicked.connect(self.undo)
        self._drop_preview()
        self._update_undo()

    def tab_title(self) -> str:
        return self.tr("Allocation")

    def language(self) -> str:
        return "zh" if self.tr("en", "Language of the weights' labels and reasons: zh or en") == "zh" else "en"

    def sources(self) -> list[str]:
        return [s for s, box in (("new", self.newCheck), ("returned", self.returnedCheck),
                                 ("absent", self.absentCheck)) if box.isChecked()]

    def _target_text(self, item: contract.AllocationItem) -> str:
        target = self.assignments.get(item.case_id)
        if target is None:
            return self.tr("(not placed)")
        changed = target != item.to_agent_id
        return self.names.get(target, target[:8]) + (" ✎" if changed else "")

    def _reasons(self, item: contract.AllocationItem) -> str:
        lines = item.reasons_zh if self.language() == "zh" else item.reasons_en
        if self.assignments.get(item.case_id) != item.to_agent_id:
            lines = [self.tr("changed by you"), *lines[-1:]]
        return "；".join(lines) if self.language() == "zh" else "; ".join(lines)

    def retranslate(self) -> None:
        if self.preview is None:
            self.summaryLabel.setText(self.tr("Choose what to allocate and press Preview."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- preview ------------------------------------------------------------------------------------

    def _drop_preview(self) -> None:
        self.preview = None
        self.assignments = {}
        self.items_model.set_items([])
        self.loads_model.set_items([])
        self.summaryLabel.setText(self.tr("Choose what to allocate and press Preview."))
        self.commitButton.setEnabled(False)
        self.applyButton.setEnabled(False)
        self.previewButton.setEnabled(bool(self.sources()))

    def run_preview(self) -> None:
        sources = self.sources()
        if not sources:
            return
        desk = self.desk
        self.previewButton.setEnabled(False)
        self.allocationStatus.setText(self.tr("Working out the allocation…"))
        self.tasks.run(lambda: (desk.preview(sources), desk.collectors()), self._arrived, self._failed)

    def _arrived(self, result: tuple[contract.AllocationPreview, list[contract.CollectorInfo]]) -> None:
        preview, collectors = result
        self.preview = preview
        self.names = {c.user_id: c.username for c in collectors}
        self.names.update({x.agent_id: x.username for x in preview.loads})
        book = self.session.rules.strategy_book()
        self.segment_names = book.names(self.language())
        self.assignments = {i.case_id: i.to_agent_id for i in preview.items}
        self.items_model.set_items(preview.items)
        self.loads_model.set_items(preview.loads)
        self.itemsView.resizeColumnsToContents()
        self.loadsView.resizeColumnsToContents()
        self.targetCombo.clear()
        for load in preview.loads:
            if load.available:
                self.targetCombo.addItem(load.username, load.agent_id)
        self._summarize()
        self.previewButton.setEnabled(True)
        self.allocationStatus.setText(self.tr("Worked out in %1 ms on the server.").replace(
            "%1", f"{preview.took_ms:,.0f}"))
        self.previewed.emit(preview)

    def _summarize(self) -> None:
        preview = self.preview
        if preview is None:
            return
        placed = sum(1 for v in self.assignments.values() if v)
        b = preview.balance
        text = self.tr("%Ln cases to allocate (%1), %2 not placed. After: %3–%4 cases and %5–%6 per collector.", "",
                       placed)
        text = (text.replace("%1", money(preview.total_minor))
                .replace("%2", str(preview.unplaced)).replace("%3", str(b.get("min_cases", 0)))
                .replace("%4", str(b.get("max_cases", 0))).replace("%5", money(b.get("min_minor", 0)))
                .replace("%6", money(b.get("max_minor", 0))))
        self.summaryLabel.setText(text)
        self.commitButton.setEnabled(placed > 0)

    def _selected_items(self) -> list[contract.AllocationItem]:
        rows = sorted({i.row() for i in self.itemsView.selectionModel().selectedRows()})
        return [item for r in rows if (item := self.items_model.item_at(r)) is not None]

    def _selection(self) -> None:
        chosen = self._selected_items()
        self.applyButton.setEnabled(bool(chosen) and self.targetCombo.count() > 0)
        if len(chosen) == 1:
            item = chosen[0]
            self.reasonLabel.setText(self._reasons(item))
        else:
            self.reasonLabel.setText("")

    def apply_target(self) -> None:
        """Give the selected lines to the collector in the combo (the server checks capacity)."""
        target = self.targetCombo.currentData()
        chosen = self._selected_items()
        if not target or not chosen:
            return
        for item in chosen:
            self.assignments[item.case_id] = target
        self.items_model.layoutChanged.emit()
        self._summarize()
        count = len(chosen)
        self.message.emit(self.tr("%n cases now go to %1.", "", count).replace("%1", self.targetCombo.currentText()))

    # --- commit and undo ------------------------------------------------------------------------------

    def commit(self) -> None:
        if self.preview is None:
            return
        chosen = {case: agent for case, agent in self.assignments.items() if agent}
        sources, desk = self.sources(), self.desk
        self.commitButton.setEnabled(False)
        self.tasks.run(lambda: desk.commit(sources, chosen), self._committed, self._failed)

    def _committed(self, result: contract.AllocationResult) -> None:
        moved = result.moved
        text = self.tr("%Ln cases allocated (%1). \"Undo last allocation\" gives them back.", "", moved).replace(
            "%1", money(result.total_minor))
        self.allocationStatus.setText(text)
        self.message.emit(text)
        self._drop_preview()
        self._update_undo()
        self.session.sync.nudge()
        self.allocated.emit(result)

    def undo(self) -> None:
        lead = self.lead

        def done(result: contract.UndoResult) -> None:
            text = undo_answer(result)  # the same words (and plural forms) as the Moves tab's undo
            self.allocationStatus.setText(text)
            self.message.emit(text)
            self._update_undo()
            self.session.sync.nudge()
            self.undone.emit(result)

        self.undoAllocationButton.setEnabled(False)
        self.tasks.run(lead.undo, done, self._failed)

    def _update_undo(self) -> None:
        self.undoAllocationButton.setEnabled(bool(self.lead.last_reassignment()))

    def _failed(self, exc: BaseException) -> None:
        self.previewButton.setEnabled(bool(self.sources()))
        self.commitButton.setEnabled(self.preview is not None)
        self._update_undo()
        if isinstance(exc, ReassignProblem):
            text = self.tr("There is no allocation to undo.")
        elif isinstance(exc, errors.ServerError) and exc.status == 409:
            text = self.tr("Some cases were moved or closed since the preview. Preview again.")
        elif isinstance(exc, errors.ClientError):
            text = str(exc)
        else:
            log.error("allocation failed", exc_info=exc)
            text = self.tr("Unexpected error: %1").replace("%1", type(exc).__name__)
        self.allocationStatus.setText(text)
        self.message.emit(text)

    def select_all(self) -> None:
        self.itemsView.selectAll()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_F5:
            self.run_preview()
            return
        super().keyPressEvent(event)
