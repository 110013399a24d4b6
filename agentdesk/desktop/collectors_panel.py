"""The lead console's collectors panel (ui/collectors.ui): grade, skills, capacity, working
days, absence and stand-in of each of the team's agents.

The table lists the team (from the server, limited to the lead's own team); the form edits
the selected collector and saves through `StrategyDesk` on the background helper. The form
checks what the server checks (both dates of an absence, a stand-in only with an
absence) with the same pydantic model, and names the field.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.strategy import StrategyDesk
from agentdesk.desktop import strategy_texts as words
from agentdesk.desktop import uiload
from agentdesk.desktop.lead_models import RecordsModel, money
from agentdesk.desktop.tasks import Tasks
from agentdesk.domain.collectors import COMMON_SKILLS, CollectorSettings
from agentdesk.domain.strategy_book import validation_field

log = logging.getLogger(__name__)
DAYS = 7


class CollectorsPanel(QWidget):
    loaded = Signal(int)
    saved = Signal(object)  # contract.CollectorInfo
    message = Signal(str)

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("collectors", self)
        self.session = session
        self.tasks = tasks
        self.desk = StrategyDesk(session)
        self.collectors: list[contract.CollectorInfo] = []
        self.selected: contract.CollectorInfo | None = None
        self.model = RecordsModel([
            (lambda: self.tr("Collector"), lambda c: f"{c.username} · {c.display_name}"),
            (lambda: self.tr("Grade"), lambda c: words.grades().get(c.settings.grade, c.settings.grade)),
            (lambda: self.tr("Skills"), lambda c: "、".join(c.settings.skills)),
            (lambda: self.tr("Open cases"), lambda c: f"{c.open_cases} / {c.settings.capacity}"),
            (lambda: self.tr("Value"), lambda c: money(c.open_minor)),
            (lambda: self.tr("Today"), self._today),
            (lambda: self.tr("Stand-in"), lambda c: c.stand_in_username or ""),
        ], self)
        self.collectorsView.setModel(self.model)
        self.collectorsView.verticalHeader().setVisible(False)
        self.collectorsView.horizontalHeader().setStretchLastSection(True)
        self.collectorsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.collectorsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.collectorsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.collectorsView.selectionModel().selectionChanged.connect(lambda *_a: self._pick())
        self.collSplitter.setSizes([760, 460])
        self.day_boxes = [getattr(self, f"day{i}") for i in range(DAYS)]
        for edit in (self.awayFromEdit, self.awayUntilEdit):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.awayCheck.toggled.connect(self._absence_toggled)
        self.saveCollectorButton.clicked.connect(self.save)
        self.revertCollectorButton.clicked.connect(self._pick)
        self.refreshCollectorsButton.clicked.connect(self.load)
        self.retranslate()
        self.editBox.setEnabled(False)

    def tab_title(self) -> str:
        return self.tr("Collectors")

    def retranslate(self) -> None:
        current = self.gradeCombo.currentData()
        self.gradeCombo.clear()
        for key, text in words.grades().items():
            self.gradeCombo.addItem(text, key)
        self.gradeCombo.setCurrentIndex(max(0, self.gradeCombo.findData(current)))
        self.skillsHint.setText(self.tr("Common tags: %1").replace("%1", "、".join(COMMON_SKILLS)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _today(self, c: contract.CollectorInfo) -> str:
        if c.away_today:
            return self.tr("Away")
        if not c.works_today:
            return self.tr("Off today")
        return self.tr("Working") + (" · " + self.tr("covering %1").replace("%1", str(c.covering_cases))
                                     if c.covering_cases else "")

    # --- loading ------------------------------------------------------------------------------------

    def load(self) -> None:
        desk = self.desk
        self.tasks.run(desk.collectors, self._arrived, self._failed)

    def _arrived(self, collectors: list[contract.CollectorInfo]) -> None:
        keep = self.selected.user_id if self.selected else None
        self.collectors = collectors
        self.model.set_items(collectors)
        self.collectorsView.resizeColumnsToContents()
        row = next((i for i, c in enumerate(collectors) if c.user_id == keep), 0 if collectors else -1)
        if row >= 0:
            self.collectorsView.selectRow(row)
        self.loaded.emit(len(collectors))

    def _pick(self) -> None:
        rows = self.collectorsView.selectionModel().selectedRows()
        self.selected = self.model.item_at(rows[0].row()) if rows else None
        self.editBox.setEnabled(self.selected is not None)
        if self.selected is None:
            return
        c, s = self.selected, self.selected.settings
        self.collectorName.setText(f"{c.username} · {c.display_name}")
        self.gradeCombo.setCurrentIndex(max(0, self.gradeCombo.findData(s.grade)))
        self.skillsEdit.setText(", ".join(s.skills))
        self.capacitySpin.setValue(s.capacity)
        for i, box in enumerate(self.day_boxes):
            box.setChecked(i in s.working_days)
        self.standInCombo.clear()
        self.standInCombo.addItem(self.tr("(none: share the queue out)"), None)
        for other in self.collectors:
            if other.user_id != c.user_id:
                self.standInCombo.addItem(other.username, other.user_id)
        self.standInCombo.setCurrentIndex(max(0, self.standInCombo.findData(s.stand_in_id)))
        today = _qdate(self._today_date())
        self.awayFromEdit.setDate(_qdate(s.away_from) if s.away_from else today)
        self.awayUntilEdit.setDate(_qdate(s.away_until) if s.away_until else today)
        self.awayCheck.setChecked(s.away_from is not None)
        self._absence_toggled(self.awayCheck.isChecked())
        self.collectorStatus.setText("")

    def _today_date(self) -> date:
        return self.session.clock.now().astimezone().date()

    def _absence_toggled(self, on: bool) -> None:
        for w in (self.awayFromEdit, self.awayUntilEdit, self.standInCombo):
            w.setEnabled(on)

    # --- saving -------------------------------------------------------------------------------------

    def settings(self) -> CollectorSettings:
        """The form as settings (ValidationError when it cannot be)."""
        away = self.awayCheck.isChecked()
        return CollectorSettings.model_validate({
            "grade": self.gradeCombo.currentData(), "skills": words.split_list(self.skillsEdit.text()),
            "capacity": self.capacitySpin.value(),
            "working_days": [i for i, box in enumerate(self.day_boxes) if box.isChecked()],
            "away_from": self.awayFromEdit.date().toPython() if away else None,
            "away_until": self.awayUntilEdit.date().toPython() if away else None,
            "stand_in_id": self.standInCombo.currentData() if away else None,
        })

    def save(self) -> None:
        if self.selected is None:
            return
        try:
            settings = self.settings()
        except ValidationError as exc:
            field, detail = validation_field(exc)
            widget = {"away_until": self.awayUntilEdit, "stand_in_id": self.standInCombo,
                      "skills": self.skillsEdit, "capacity": self.capacitySpin}.get(field.split(".")[0])
            if widget is not None:
                widget.setFocus()
            self.collectorStatus.setText(self.tr("%1: %2").replace("%1", field).replace("%2", detail))
            return
        desk, user_id = self.desk, self.selected.user_id
        self.saveCollectorButton.setEnabled(False)
        self.tasks.run(lambda: desk.save_collector(user_id, settings), self._saved, self._failed)

    def _saved(self, info: contract.CollectorInfo) -> None:
        self.saveCollectorButton.setEnabled(True)
        text = self.tr("%1 saved.").replace("%1", info.username)
        if info.away_today and info.stand_in_username:
            text += " " + self.tr("Due callbacks and promises now go to %1.").replace("%1", info.stand_in_username)
        self.collectorStatus.setText(text)
        self.message.emit(text)
        self.saved.emit(info)
        self.session.sync.nudge()
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self.saveCollectorButton.setEnabled(True)
        if isinstance(exc, errors.ClientError):
            text = str(exc)
        else:
            log.error("collectors panel: unexpected failure", exc_info=exc)
            text = self.tr("Unexpected error: %1").replace("%1", type(exc).__name__)
        self.collectorStatus.setText(text)
        self.message.emit(text)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
