"""The lead console's Recordings tab (ui/recordings.ui): find a call, listen, score it.

Filters (agent, dates, outcome, flagged calls, length) ask the server for the team's
archived recordings through the client (`RecordingLibrary`), on the background helper.
Selecting a call fetches its bytes (checked against their SHA-256) and hands them to Qt
Multimedia from memory (a QBuffer): no plain copy of the call is written to the lead's
disk. The score sheet is the server's (the preset's, resources/qa/), drawn as one choice
per item; the score shown while ticking is computed by the same domain function the
server stores (agentdesk.domain.qa.score).
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLabel, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.recordings import FetchedRecording, RecordingLibrary, RecordingQuery
from agentdesk.clock import PROCESS, Clock
from agentdesk.desktop import labels, uiload
from agentdesk.desktop.lead_models import RecordsModel
from agentdesk.desktop.tasks import Tasks
from agentdesk.domain import qa
from agentdesk.domain.media import extension

if TYPE_CHECKING:  # Qt Multimedia (~5 MB resident) is loaded when a call is first played
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

log = logging.getLogger(__name__)

ANY = "\x00any"
FILTER_DELAY_MS = 300
DEFAULT_DAYS = 7


def clock_text(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


class RecordingsTab(QWidget):
    loaded = Signal(int)  # recordings listed
    playback_ready = Signal(str)  # recording id now in the player
    scored = Signal(object)  # contract.QaScoreInfo
    message = Signal(str)

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None, *, language: str = "zh",
                 clock: Clock = PROCESS) -> None:
        super().__init__(parent)
        uiload.load_form("recordings", self)
        self.session = session
        self.tasks = tasks
        self.clock = clock
        self.language = language
        self.library = RecordingLibrary(session)
        self.sheet: qa.ScoreSheet | None = None
        self.current: contract.RecordingItem | None = None
        self._answers: dict[str, QComboBox] = {}
        self._buffer: QBuffer | None = None
        self._busy = self._wanted = False
        self._seeking = False
        # The team's agents, from the lead's replica once (a few rows): the filter offers them
        # before any list arrives. Never read again from a language change, which can reach a
        # console whose session has ended.
        self._team_agents = [p.username for p in session.store.people() if p.role == "agent"]

        self.model = RecordsModel([
            (lambda: self.tr("Call"), lambda r: _local(r.started_at)),
            (lambda: self.tr("Agent"), lambda r: r.agent or ""),
            (lambda: self.tr("Length"), lambda r: clock_text(r.duration_ms) if r.duration_ms is not None else ""),
            (lambda: self.tr("Outcome"), lambda r: labels.label(labels.outcome_labels(), r.outcome)),
            (lambda: self.tr("Flag"), lambda r: r.compliance_flag or ""),
            (lambda: self.tr("QA"), lambda r: f"{r.score}" if r.score is not None else ""),
            (lambda: self.tr("Case"), lambda r: (r.case_id or "")[:8]),
        ], self)
        view = self.recordingsView
        view.setModel(self.model)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(28)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for col, width in enumerate((130, 90, 60, 110, 150, 40)):
            view.setColumnWidth(col, width)
        self.recordingsSplitter.setStretchFactor(0, 3)
        self.recordingsSplitter.setStretchFactor(1, 2)

        # Made when the first call is played: Qt Multimedia's backend starts then (FFmpeg,
        # the sound server), not when every lead opens the console.
        self._player: QMediaPlayer | None = None
        self.audio: QAudioOutput | None = None
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload)
        self._fill_filters()
        self._connect()
        self._show_score(None)

    # --- setup --------------------------------------------------------------------------------

    def tab_title(self) -> str:
        return self.tr("Recordings")

    def _fill_filters(self, agents: list[str] | None = None) -> None:
        def fill(combo: QComboBox, items: list[tuple[str, str]], any_text: str) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, ANY)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        known = sorted(set(agents or ()) | set(self._team_agents)
                       | {self.agentFilter.itemData(i) for i in range(1, self.agentFilter.count())})
        fill(self.agentFilter, [(a, a) for a in known], self.tr("All agents"))
        fill(self.outcomeFilter, list(labels.outcome_labels().items()), self.tr("All outcomes"))
        if not self.fromDate.property("set"):
            today = self.clock.now().astimezone().date()
            first = today - timedelta(days=DEFAULT_DAYS - 1)
            for edit, day in ((self.fromDate, first), (self.toDate, today)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
            self.fromDate.setProperty("set", True)
        for spin in (self.minDurationSpin, self.maxDurationSpin):
            spin.blockSignals(True)
            spin.setRange(-1, 86_400)
            spin.setSpecialValueText(self.tr("any"))
            if not spin.property("touched"):
                spin.setValue(-1)
            spin.blockSignals(False)

    def _connect(self) -> None:
        for combo in (self.agentFilter, self.outcomeFilter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.flaggedCheck.toggled.connect(lambda _c: self.reload())
        for edit in (self.fromDate, self.toDate):
            edit.dateChanged.connect(lambda _d: self._filter_timer.start())
        for spin in (self.minDurationSpin, self.maxDurationSpin):
            spin.valueChanged.connect(lambda _v, s=spin: (s.setProperty("touched", True), self._filter_timer.start()))
        self.refreshButton.clicked.connect(self.reload)
        self.recordingsView.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.playButton.clicked.connect(self.toggle_play)
        self.positionSlider.sliderMoved.connect(self.seek)
        self.positionSlider.sliderPressed.connect(lambda: setattr(self, "_seeking", True))
        self.positionSlider.sliderReleased.connect(self._slider_released)
        self.saveScoreButton.clicked.connect(self.save_score)
        self.commentEdit.textChanged.connect(self._update_score_label)

    # --- the list -----------------------------------------------------------------------------

    def query(self) -> RecordingQuery:
        def pick(combo: QComboBox) -> str | None:
            value = combo.currentData()
            return None if value in (ANY, None) else str(value)

        def day_start(edit: Any, days: int = 0) -> datetime:
            d = edit.date().toPython() + timedelta(days=days)
            return datetime.combine(d, time.min).astimezone()  # the lead's own local day

        lo, hi = self.minDurationSpin.value(), self.maxDurationSpin.value()
        return RecordingQuery(agent=pick(self.agentFilter), outcome=pick(self.outcomeFilter),
                              since=day_start(self.fromDate), until=day_start(self.toDate, 1),
                              flagged=True if self.flaggedCheck.isChecked() else None,
                              min_seconds=lo if lo >= 0 else None, max_seconds=hi if hi >= 0 else None)

    def reload(self) -> None:
        """Ask for the list with the current filters; one request at a time, the newest wins."""
        self._wanted = True
        if self._busy:
            return
        self._wanted, self._busy = False, True
        library, query = self.library, self.query()
        first = self.sheet is None

        def work() -> tuple[contract.RecordingPage, contract.ScoreSheetInfo | None]:
            return library.recordings(query), library.sheet() if first else None

        self.tasks.run(work, self._arrived, self._failed)

    def _arrived(self, result: tuple[contract.RecordingPage, contract.ScoreSheetInfo | None]) -> None:
        self._busy = False
        page, sheet = result
        if sheet is not None and self.sheet is None:
            self._build_sheet(sheet)
        if self._wanted:
            self.reload()
            return
        keep = self.current.id if self.current else None
        self.model.set_items(page.items)
        self._fill_filters([i.agent for i in page.items if i.agent])
        scored = [i.score for i in page.items if i.score is not None]
        text = self.tr("%1 recorded calls").replace("%1", f"{page.total:,}")
        if scored:
            text += " · " + self.tr("%1 scored, average %2").replace("%1", str(len(scored))).replace(
                "%2", f"{sum(scored) / len(scored):.0f}")
        self.summaryLabel.setText(text)
        if keep is not None:
            rows = [n for n in range(self.model.rowCount()) if self.model.item_at(n).id == keep]
            if rows:
                self.recordingsView.blockSignals(True)
                self.recordingsView.selectRow(rows[0])
                self.recordingsView.blockSignals(False)
                self.current = self.model.item_at(rows[0])
        self.loaded.emit(page.total)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._report(exc)
        if self._wanted:
            self.reload()

    def select_row(self, row: int) -> None:
        self.recordingsView.selectRow(row)

    def _selection_changed(self) -> None:
        rows = self.recordingsView.selectionModel().selectedRows()
        item = self.model.item_at(rows[0].row()) if rows else None
        if item is None or (self.current is not None and item.id == self.current.id and self._buffer is not None):
            return
        self.open_recording(item)

    # --- playing ------------------------------------------------------------------------------

    @property
    def player(self) -> QMediaPlayer:
        if self._player is None:
            # Loaded here, not with the tab (issue 20: a lead's memory): the first fetched
            # recording pays the import (~20 ms) beside the media backend's own start.
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self._player = QMediaPlayer(self)
            self.audio = QAudioOutput(self)
            self._player.setAudioOutput(self.audio)
            self._player.durationChanged.connect(self._duration_changed)
            self._player.positionChanged.connect(self._position_changed)
            self._player.playbackStateChanged.connect(self._state_changed)
            self._player.errorOccurred.connect(self._player_error)
        return self._player

    def open_recording(self, item: contract.RecordingItem) -> None:
        self.current = item
        if self._player is not None:
            self._player.stop()
        self.playButton.setEnabled(False)
        self.positionSlider.setEnabled(False)
        self.callTitle.setText(self.tr("%1 · %2").replace("%1", item.agent or "")
                               .replace("%2", _local(item.started_at)))
        self.callDetail.setText(self.tr("Loading the recording…"))
        self._show_score(item)
        library = self.library
        self.tasks.run(lambda: library.fetch(item.id), self._fetched, self._report)

    def _fetched(self, fetched: FetchedRecording) -> None:
        if self.current is None or fetched.id != self.current.id:
            return  # another call was selected meanwhile
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(fetched.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        # The URL only names the format for the demuxer; the bytes come from memory.
        self.player.setSourceDevice(buffer, QUrl(f"call.{extension(fetched.media_type)}"))
        if old is not None:
            old.close()
            old.deleteLater()
        item = self.current
        detail = [labels.label(labels.outcome_labels(), item.outcome)]
        if item.compliance_flag:
            detail.append(self.tr("Flagged: %1").replace("%1", item.compliance_flag))
        detail.append(self.tr("checksum %1…").replace("%1", fetched.sha256[:12]))
        self.callDetail.setText(" · ".join(detail))
        self.playButton.setEnabled(True)
        self.positionSlider.setEnabled(True)
        self.playback_ready.emit(fetched.id)

    def toggle_play(self) -> None:
        if self.player.isPlaying():
            self.player.pause()
        else:
            self.player.play()

    def seek(self, position_ms: int) -> None:
        self.player.setPosition(position_ms)

    def _slider_released(self) -> None:
        self._seeking = False
        self.seek(self.positionSlider.value())

    def _duration_changed(self, duration: int) -> None:
        self.positionSlider.setRange(0, max(0, duration))
        self._position_changed(self.player.position())

    def _position_changed(self, position: int) -> None:
        if not self._seeking:
            self.positionSlider.blockSignals(True)
            self.positionSlider.setValue(position)
            self.positionSlider.blockSignals(False)
        self.timeLabel.setText(f"{clock_text(position)} / {clock_text(self.player.duration())}")

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        from PySide6.QtMultimedia import QMediaPlayer  # loaded with the player

        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.playButton.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _player_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        log.warning("the recording could not be played: %s", text)
        self.message.emit(self.tr("The recording could not be played: %1").replace("%1", text))

    # --- scoring ------------------------------------------------------------------------------

    def _build_sheet(self, info: contract.ScoreSheetInfo) -> None:
        self.sheet = qa.sheet_from_data(info.model_dump(), "server")
        form = self.sheetForm
        while form.rowCount():
            form.removeRow(0)
        self._answers.clear()
        lang = "zh" if self.language.startswith("zh") else "en"
        self.sheetBox.setTitle(self.sheet.title[lang])
        for item in self.sheet.items:
            combo = QComboBox(self.sheetBox)
            combo.setObjectName(f"answer_{item.id}")
            combo.addItem(self.tr("Pass"), "pass")
            combo.addItem(self.tr("Fail"), "fail")
            combo.addItem(self.tr("Not applicable"), "na")
            combo.setAccessibleName(item.text[lang])
            combo.currentIndexChanged.connect(lambda _i: self._update_score_label())
            text = item.text[lang] + (" ★" if item.critical else "")
            label = QLabel(text, self.sheetBox)
            label.setWordWrap(True)
            if item.critical:
                label.setToolTip(self.tr("Critical: failing this item scores the call 0"))
            form.addRow(label, combo)
            self._answers[item.id] = combo
        self._show_score(self.current)

    def answers(self) -> dict[str, str]:
        return {item_id: str(combo.currentData()) for item_id, combo in self._answers.items()}

    def set_answer(self, item_id: str, answer: str) -> None:
        combo = self._answers[item_id]
        combo.setCurrentIndex(combo.findData(answer))

    def _show_score(self, item: contract.RecordingItem | None) -> None:
        """Reset the sheet for `item` (its stored answers are not sent in the list: the sheet
        starts at "pass", the way leads score: look for what went wrong)."""
        for combo in self._answers.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.commentEdit.blockSignals(True)
        self.commentEdit.clear()
        self.commentEdit.blockSignals(False)
        self.saveScoreButton.setEnabled(item is not None and self.sheet is not None)
        self._update_score_label()

    def live_score(self) -> int | None:
        if self.sheet is None:
            return None
        try:
            return qa.score(self.sheet, self.answers())
        except qa.ScoreSheetError:
            return None

    def _update_score_label(self) -> None:
        value = self.live_score()
        item = self.current
        text = self.tr("Score: %1").replace("%1", "—" if value is None else str(value))
        if item is not None and item.score is not None:
            text += "  " + self.tr("(saved: %1)").replace("%1", str(item.score))
        self.scoreLabel.setText(text)

    def save_score(self) -> None:
        item = self.current
        if item is None or self.sheet is None:
            return
        answers, comment = self.answers(), self.commentEdit.toPlainText().strip()
        library = self.library
        self.saveScoreButton.setEnabled(False)

        def done(info: contract.QaScoreInfo) -> None:
            self.saveScoreButton.setEnabled(True)
            self.message.emit(self.tr("Score %1 saved for %2's call.").replace("%1", str(info.score))
                              .replace("%2", info.agent or ""))
            self.scored.emit(info)
            self.reload()

        def failed(exc: BaseException) -> None:
            self.saveScoreButton.setEnabled(True)
            self._report(exc)

        self.tasks.run(lambda: library.score(item.id, answers, comment), done, failed)

    # --- language and errors ------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        self.language = language
        if self.sheet is not None:
            self._build_sheet(contract.ScoreSheetInfo.model_validate(self.sheet.as_dict()))

    def retranslate(self) -> None:
        self._fill_filters()
        self._update_score_label()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, errors.ClientError):
            self.message.emit(str(exc))
        else:
            log.error("recordings tab: unexpected failure", exc_info=exc)
            self.message.emit(self.tr("Unexpected error: %1").replace("%1", type(exc).__name__))

    def shutdown(self) -> None:
        self._filter_timer.stop()
        if self._player is not None:
            self._player.stop()


def _local(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


__all__ = ["RecordingsTab", "clock_text"]

