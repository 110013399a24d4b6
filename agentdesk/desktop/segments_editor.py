"""The lead console's segments and strategies editor (ui/segments.ui): the strategy book as a form.

The book in force comes from the desk's rules (no network to open it); the lead edits a
working copy, segment by segment (agentdesk.desktop.segment_form), and every edit is checked
at once with the domain's own `parse_book` against the compliance preset and the shipped
talk tracks, so a bad value is named (its field, in the interface language) and the
cursor is put on it before anything is sent. Saving goes through the client core
(`StrategyDesk.save`) on the background helper: a new version that every desk uses
within seconds. Earlier versions can be shown and saved again; the book can be exported to
a YAML file for review and imported back (checked like a save).
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QListWidgetItem, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.strategy import BookFileError, StrategyDesk, export_book, import_book, known_tracks
from agentdesk.desktop import strategy_texts as words
from agentdesk.desktop import uiload
from agentdesk.desktop.segment_form import SegmentForm
from agentdesk.desktop.tasks import Tasks
from agentdesk.domain.money import Money
from agentdesk.domain.strategy_book import BookError, StrategyBook

log = logging.getLogger(__name__)


class SegmentsEditor(QWidget):
    saved = Signal(object)  # contract.Rules now in force
    message = Signal(str)
    compare_requested = Signal(str)  # a segment key: show its arms
    validated = Signal(str)  # "" when the working copy is valid, else the message shown

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("segments", self)
        self.session = session
        self.tasks = tasks
        self.desk = StrategyDesk(session)
        self.book: StrategyBook = session.rules.strategy_book()
        self.working: list[dict[str, Any]] = []
        self.current = -1
        self._saving = False
        self._problem: BookError | None = None
        self.form = SegmentForm(self, session.talk_tracks(), self._changed,
                                lambda: dict(((self.working[-1] if self.working else {}).get("strategy") or {})
                                             .get("weights") or {}),
                                lambda: self.working[-1] if self.working else None)
        self.mainSplitter.setStretchFactor(0, 0)
        self.mainSplitter.setStretchFactor(1, 1)
        self.mainSplitter.setSizes([300, 800])
        self.versionsCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.versionsCombo.setMinimumWidth(220)
        self.segmentsList.currentRowChanged.connect(self._select)
        self.addButton.clicked.connect(self.add_segment)
        self.removeButton.clicked.connect(self.remove_segment)
        self.upButton.clicked.connect(lambda: self.move_segment(-1))
        self.downButton.clicked.connect(lambda: self.move_segment(1))
        self.saveButton.clicked.connect(self.save)
        self.revertButton.clicked.connect(self.load)
        self.exportButton.clicked.connect(self._ask_export)
        self.importButton.clicked.connect(self._ask_import)
        self.showVersionButton.clicked.connect(self.show_version)
        self.promoteButton.clicked.connect(lambda: self.decide(True))
        self.stopButton.clicked.connect(lambda: self.decide(False))
        self.compareButton.clicked.connect(self._compare)
        self.retranslate()
        self.load()

    # --- language ---------------------------------------------------------------------------------

    def language(self) -> str:
        return "zh" if self.tr("en", "Language of the weights' labels and reasons: zh or en") == "zh" else "en"

    def tab_title(self) -> str:
        return self.tr("Segments")

    def retranslate(self) -> None:
        self.form.retranslate(self.language())
        policy = self.session.policy
        limit = min(v for v in (policy.max_dials_per_point_per_day, policy.max_calls_per_debtor_per_day, 99) if v)
        self.cadenceHint.setText(self.tr("The '%1' compliance preset allows at most %2 calls a day to a number "
                                         "and %3 texts a week; the guard still decides every call.")
                                 .replace("%1", policy.name).replace("%2", str(limit))
                                 .replace("%3", str(policy.max_sms_per_debtor_7d or "-")))
        self._refresh_list()
        self._show_source()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the book -----------------------------------------------------------------------------------

    def load(self, book: StrategyBook | None = None) -> None:
        """Show `book` (default: the one in force on this desk) as an unchanged working copy."""
        self.book = book or self.session.rules.strategy_book()
        self.form.running = {s.challenger.id for s in self.book.segments if s.challenger is not None}
        self.working = [s.model_dump(mode="json") for s in self.book.segments]
        self.current = -1
        self._refresh_list()
        self.segmentsList.setCurrentRow(0)
        self._select(0)
        self._show_source()
        self._changed()
        self._versions_wanted = True
        if self.isVisible():
            self._load_versions()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        # The saved versions come from the server: asked for when the editor is first seen,
        # not when the console is built (a console closed at once sends nothing).
        if getattr(self, "_versions_wanted", False):
            self._load_versions()
        super().showEvent(event)

    def working_book(self) -> dict[str, Any]:
        return {**self.book.model_dump(mode="json", exclude={"segments", "changed_at", "changed_by"}),
                "segments": copy.deepcopy(self.working)}

    def is_edited(self) -> bool:
        return self.working != [s.model_dump(mode="json") for s in self.book.segments]

    def _show_source(self) -> None:
        book = self.book
        if book.changed_at is None:
            text = self.tr("Version %1: the documented default.").replace("%1", str(book.version))
        else:
            text = (self.tr("Version %1, saved by %2 on %3.").replace("%1", str(book.version))
                    .replace("%2", book.changed_by or "?")
                    .replace("%3", book.changed_at.astimezone().strftime("%Y-%m-%d %H:%M")))
        self.sourceLabel.setText(text)

    def _segment_text(self, seg: dict[str, Any]) -> str:
        name = seg.get("name_zh") if self.language() == "zh" else seg.get("name_en")
        rule = seg.get("rule") or {}
        bits = list(rule.get("buckets") or [])
        low, high = rule.get("min_dpd"), rule.get("max_dpd")
        if low is not None and high is not None:
            bits.append(self.tr("DPD %1–%2").replace("%1", str(low)).replace("%2", str(high)))
        elif low is not None:
            bits.append(self.tr("DPD ≥ %1").replace("%1", str(low)))
        elif high is not None:
            bits.append(self.tr("DPD ≤ %1").replace("%1", str(high)))
        if rule.get("min_overdue_minor") is not None:
            bits.append("≥ " + Money(int(rule["min_overdue_minor"])).format())
        for key, names in (("promise_history", words.promise_histories()), ("contactability", words.contactabilities()),
                           ("placement", words.placements())):
            if rule.get(key, "any") != "any":
                bits.append(names[rule[key]])
        if not any(v not in (None, [], "any") for v in rule.values()):
            bits.append(self.tr("every other case"))
        flag = "  ⚑" if seg.get("challenger") else ""
        return f"{name or seg.get('key')}{flag}\n  " + " · ".join(bits)

    def _refresh_list(self) -> None:
        self.segmentsList.blockSignals(True)
        row = self.segmentsList.currentRow()
        self.segmentsList.clear()
        for seg in self.working:
            QListWidgetItem(self._segment_text(seg), self.segmentsList)
        self.segmentsList.setCurrentRow(min(max(row, 0), len(self.working) - 1))
        self.segmentsList.blockSignals(False)

    def _select(self, row: int) -> None:
        if row < 0 or row >= len(self.working):
            self.form.show(None)
            return
        self.current = row
        self.form.show(self.working[row])
        self._show_challenger()

    def _changed(self) -> None:
        """After any edit: refresh the list line, check the whole book, enable what applies."""
        if 0 <= self.current < len(self.working):
            item = self.segmentsList.item(self.current)
            if item is not None:
                item.setText(self._segment_text(self.working[self.current]))
        self._problem = None
        try:
            self.desk.check(self.working_book())
        except BookError as exc:
            self._problem = exc
        edited = self.is_edited()
        self.saveButton.setEnabled(edited and self._problem is None and not self._saving)
        self.revertButton.setEnabled(edited and not self._saving)
        self.removeButton.setEnabled(len(self.working) > 1)
        if self._problem is not None:
            text = words.book_error(self._problem)
            self._set_status(text, error=True)
        elif self._saving:
            self._set_status(self.tr("Saving…"))
        elif edited:
            self._set_status(self.tr("Changed, not saved yet."))
        else:
            self._set_status("")
        self._show_challenger()
        self.validated.emit("" if self._problem is None else words.book_error(self._problem))

    def _set_status(self, text: str, error: bool = False) -> None:
        self.statusLabel.setText(text)
        self.statusLabel.setProperty("role", "error" if error else "")
        self.statusLabel.style().unpolish(self.statusLabel)
        self.statusLabel.style().polish(self.statusLabel)

    def show_problem(self) -> None:
        """Select the segment the problem is in and put the cursor on its field."""
        if self._problem is None:
            return
        field = self._problem.field
        if field.startswith("segments["):
            index = int(field[len("segments["):field.index("]")])
            rest = field[field.index("]") + 2:] if "]." in field else ""
            if 0 <= index < len(self.working):
                self.segmentsList.setCurrentRow(index)
                self._select(index)
                widget = self.form.widget_for(rest)
                if widget is not None:
                    widget.setFocus()

    # --- segments -----------------------------------------------------------------------------------

    def add_segment(self) -> None:
        at = max(0, len(self.working) - 1)  # before the last one, which takes every case
        n = len(self.working) + 1
        self.working.insert(at, {"key": f"segment_{n}", "name_zh": f"分群 {n}", "name_en": f"Segment {n}",
                                 "rule": {"buckets": ["M1"]}, "strategy": {}})
        self._refresh_list()
        self.segmentsList.setCurrentRow(at)
        self._select(at)
        self._changed()
        self.keyEdit.setFocus()

    def remove_segment(self) -> None:
        if len(self.working) <= 1 or not 0 <= self.current < len(self.working):
            return
        del self.working[self.current]
        self._refresh_list()
        self._select(self.segmentsList.currentRow())
        self._changed()

    def move_segment(self, step: int) -> None:
        i, j = self.current, self.current + step
        if not (0 <= i < len(self.working) and 0 <= j < len(self.working)):
            return
        self.working[i], self.working[j] = self.working[j], self.working[i]
        self._refresh_list()
        self.segmentsList.setCurrentRow(j)
        self._select(j)
        self._changed()

    # --- challenger ---------------------------------------------------------------------------------

    def _show_challenger(self) -> None:
        seg = self.working[self.current] if 0 <= self.current < len(self.working) else None
        saved = next((s for s in self.book.segments if seg and s.key == seg.get("key")), None)
        running = saved.challenger if saved is not None else None
        live = running is not None and seg is not None and (seg.get("challenger") or {}).get("id") == running.id
        self.promoteButton.setEnabled(live and not self.is_edited())
        self.stopButton.setEnabled(live and not self.is_edited())
        self.compareButton.setEnabled(saved is not None and (running is not None or bool(saved.history)))
        if live and running is not None and running.started_at is not None:
            self.challengerStatus.setText(self.tr("Running since %1 on %2% of new cases; its key, share and seed "
                                                  "stay fixed while it runs.")
                                          .replace("%1", running.started_at.astimezone().strftime("%Y-%m-%d"))
                                          .replace("%2", f"{running.share * 100:.0f}"))
        elif seg is not None and seg.get("challenger"):
            self.challengerStatus.setText(self.tr("Starts when saved, on new cases entering the segment."))
        else:
            self.challengerStatus.setText("")
        lines = []
        for record in (saved.history if saved is not None else []):
            outcome = self.tr("promoted") if record.outcome == "promoted" else self.tr("stopped")
            lines.append(self.tr("%1 (%2): %3 on %4 by %5").replace("%1", record.challenger.name)
                         .replace("%2", record.challenger.id).replace("%3", outcome)
                         .replace("%4", record.ended_at.astimezone().strftime("%Y-%m-%d"))
                         .replace("%5", record.ended_by or "?"))
        self.historyLabel.setText((self.tr("Earlier challengers:") + " " + "; ".join(lines)) if lines else "")

    def _compare(self) -> None:
        if 0 <= self.current < len(self.working):
            self.compare_requested.emit(self.working[self.current].get("key", ""))

    def decide(self, promote: bool) -> None:
        seg = self.working[self.current] if 0 <= self.current < len(self.working) else None
        challenger = (seg or {}).get("challenger")
        if seg is None or challenger is None:
            return
        desk, version = self.desk, self.book.version
        self._saving = True
        self._changed()
        self.tasks.run(lambda: desk.decide(seg["key"], challenger["id"], promote, version), self._saved,
                       self._failed)

    # --- saving, versions, files ----------------------------------------------------------------------

    def save(self) -> None:
        if self._saving or self._problem is not None:
            self.show_problem()
            return
        desk, data, version = self.desk, self.working_book(), self.book.version
        self._saving = True
        self._changed()
        self.tasks.run(lambda: desk.save(desk.check(data), version), self._saved, self._failed)

    def _saved(self, rules: contract.Rules) -> None:
        self._saving = False
        self.load(rules.book)
        text = self.tr("Strategy saved as version %1; every desk uses it within seconds.").replace(
            "%1", str(rules.strategy.version))
        self._set_status(text)
        self.message.emit(text)
        self.saved.emit(rules)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self._changed()
        if isinstance(exc, BookError):
            self._problem = exc
            text = words.book_error(exc)
            self.show_problem()
        elif isinstance(exc, errors.ServerError) and exc.status == 409:
            text = self.tr("Someone saved the strategy meanwhile. Press Revert to see theirs, then make your "
                           "change again.")
        elif isinstance(exc, errors.ClientError):
            text = str(exc)
        else:
            log.error("saving the strategy book failed", exc_info=exc)
            text = self.tr("Unexpected error: %1").replace("%1", type(exc).__name__)
        self._set_status(text, error=True)
        self.message.emit(text)

    def _load_versions(self) -> None:
        self._versions_wanted = False
        desk = self.desk
        self.tasks.run(desk.versions, self._versions_arrived, lambda exc: log.info("versions not loaded: %s", exc))

    def _versions_arrived(self, versions: list[contract.BookVersion]) -> None:
        self.versionsCombo.clear()
        for v in versions:
            when = v.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if v.saved_at else ""
            self.versionsCombo.addItem(f"v{v.version} · {v.saved_by or '-'} · {when}", v.version)

    def show_version(self) -> None:
        number = self.versionsCombo.currentData()
        if not number or number == self.book.version:
            return
        desk = self.desk

        def arrived(old: StrategyBook) -> None:
            current = self.book
            self.working = [s.model_dump(mode="json") for s in old.segments]
            self.book = current
            self._refresh_list()
            self._select(0)
            self._changed()
            self._set_status(self.tr("Version %1 is shown; save it to put it back in force.").replace(
                "%1", str(number)))

        self.tasks.run(lambda: desk.version(int(number)), arrived, self._failed)

    def _ask_export(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export the strategy for review"),
                                               str(Path.home() / f"strategy-v{self.book.version}.yaml"),
                                               self.tr("Strategy book (*.yaml *.yml)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the book in force (or the valid working copy) to `path`, off the GUI thread."""
        book = self.book if self._problem is not None or not self.is_edited() else self.desk.check(
            self.working_book())

        def done(_none: None) -> None:
            self.message.emit(self.tr("Strategy written to %1").replace("%1", str(path)))

        self.tasks.run(lambda: export_book(book, path), done, self._failed)

    def _ask_import(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Import a strategy file"), str(Path.home()),
                                               self.tr("Strategy book (*.yaml *.yml)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """Read a book file into the working copy (checked like a save); the lead then saves it."""
        policy, tracks = self.session.policy, known_tracks(self.session.talk_tracks())

        def arrived(book: StrategyBook) -> None:
            self.working = [s.model_dump(mode="json") for s in book.segments]
            self._refresh_list()
            self._select(0)
            self._changed()
            self._set_status(self.tr("Read %1: review it and save to put it in force.").replace("%1", path.name))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, BookFileError):
                text = self.tr("%1 is not a strategy file this program can read.").replace("%1", path.name)
                self._set_status(text, error=True)
                self.message.emit(text)
            else:
                self._failed(exc)

        self.tasks.run(lambda: import_book(path, policy, tracks), arrived, failed)
