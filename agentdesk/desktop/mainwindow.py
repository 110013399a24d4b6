"""The agent's main window (ui/mainwindow.ui): queue | case | talk track + wrap-up.

It wires the panels to one `ClientSession`. Reads come from the local store (the queue on
the background helper, a case on the GUI thread under the slow-call watch); writes go
through the client, which commits locally and queues for the server, so no click waits on
the network. Sync news arrives through `SessionEvents` as queued signals; each change
refreshes only what it touched (the queue, and the case on screen if it changed).
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHeaderView, QMainWindow, QMessageBox, QSplitter, QWidget

from agentdesk import __version__ as app_version
from agentdesk.client import caseview, errors, memory
from agentdesk.client.session import ClientSession
from agentdesk.client.views import CaseDetail, OutcomeDraft, QueueRow
from agentdesk.desktop import (
    core_first,
    i18n,
    labels,
    layout_memory,
    leaving,
    my_scores,
    rule_text,
    theme,
    uiload,
    view_paint,
)
from agentdesk.desktop.agent_state import AgentStateControl
from agentdesk.desktop.bridge import SessionEvents
from agentdesk.desktop.call_control import CallControl
from agentdesk.desktop.case_panel import CasePanel
from agentdesk.desktop.noteform import NoteForm
from agentdesk.desktop.pending_save import CaseRead, PendingSave, read_for_desk
from agentdesk.desktop.phone.base import CallResult, Phone
from agentdesk.desktop.phone.handoff import HandoffPhone
from agentdesk.desktop.queue_model import CASE_ID_ROLE, QueueModel, next_to_open
from agentdesk.desktop.relogin_dialog import SessionGuard
from agentdesk.desktop.settings import Settings
from agentdesk.desktop.sms_dialog import SmsControl
from agentdesk.desktop.status import SyncStatusBar
from agentdesk.desktop.talktrack_panel import TalkTrackPanel
from agentdesk.desktop.tasks import Tasks, slow_call_watch
from agentdesk.domain import casewrites
from agentdesk.domain.casewrites import CaseWriteError
from agentdesk.domain.compliance import ComplianceVerdict, ContactBudget, PastContact
from agentdesk.domain.money import Money

if TYPE_CHECKING:  # agents never load the lead's console (it brings QtMultimedia, charts, …)
    from agentdesk.client.dialing import DialTicket
    from agentdesk.desktop.lead_console import LeadConsole

log = logging.getLogger(__name__)
SEARCH_DELAY_MS = 200
# The first queue's rows and top case are painted on the next event-loop turns.
FIRST_QUEUE_SHOWN_MS = 100
FIRST_QUEUE_LATEST_MS = 3000
# A queue ranked anew over at least this many rows hands the memory it freed back (`_queue_arrived`).
GIVE_BACK_AFTER_ROWS = 20_000
# Python's thread switch interval while a lead's queue is ranked ahead (`_warm_queue`).
WARM_SWITCH_S = 0.002
# A frame: the next case paints before the queue is re-ranked and the save is pushed.
QUEUE_REFRESH_AFTER_SAVE_MS = 16
# After a save, the next case's wrap-up form and talk track are set a turn of the event loop
# after the case panel has painted it (`_set_wrapup_later`): an event posted to the window.
_WRAPUP_AFTER_PAINT = QEvent.Type(QEvent.registerEventType())


@dataclasses.dataclass(frozen=True)
class _HeldQueue:
    """A lead's queue ranked ahead while "Case work" is hidden (`MainWindow._warm_queue`),
    held until the tab opens, with what it was ranked for."""

    rows: Sequence[QueueRow]
    total: int | None
    queue_filter: str
    search: str
    minute: datetime


class SessionRules:
    """Answers the wrap-up form's rule questions from the client core (`wrapup.RuleChecks`)."""

    def __init__(self, session: ClientSession) -> None:
        self._session = session

    def promise_problem(self, detail: CaseDetail, amount: Money, due: date) -> CaseWriteError | None:
        try:
            casewrites.check_promise(caseview.case_state(detail), amount.minor, amount.currency, due,
                                     self._session.clock.now(), self._session.policy)
        except CaseWriteError as exc:
            return exc
        return None

    def verdict_at(self, detail: CaseDetail, contact_point_id: str | None, when: datetime) -> ComplianceVerdict:
        return caseview.dial_verdict(detail, contact_point_id, self._session.policy, when.astimezone(UTC))


class MainWindow(QMainWindow):
    case_opened = Signal(str)  # case id, once the case is on screen
    outcome_recorded = Signal(str, str)  # case id, attempt id
    queue_loaded = Signal(int)  # rows
    # Once per window, after the first queue and its top case are on screen (or at the latest
    # FIRST_QUEUE_LATEST_MS after the window was made): the network work of a start (the
    # sync, the agent's state, the SMS gateway's kind) begins then, not while the first queue
    # is built from this computer's store (issue 20, cold start).
    first_queue_shown = Signal()
    recording_queued = Signal(str)  # attempt id whose call recording went to the upload queue

    def __init__(
        self,
        session: ClientSession,
        settings: Settings,
        tasks: Tasks,
        *,
        language: str,
        warning: str | Callable[[], str] = "",
        offline: bool = False,
        phone: Phone | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        uiload.load_form("mainwindow", self)
        self.session = session
        self.settings = settings
        self.tasks = tasks
        self.language = language
        self.rules = SessionRules(session)
        self.current_case: str | None = None
        self._siblings: list = []
        # (case read, its siblings, what the guard counts for it): see `_past_contacts`.
        self._past: tuple[CaseDetail, list, tuple[PastContact, ...]] | None = None
        self._queue_generation = 0
        self._opened_first = False
        self._first_queue_shown = False
        QTimer.singleShot(FIRST_QUEUE_LATEST_MS, self, self._emit_first_queue_shown)
        self._heap_frozen = False
        # The cycle collector is off from here until the first queue has arrived and the heap
        # is frozen (`_freeze_heap`). Why: what the window and the first queue build make lives
        # as long as the session; collected young, it is walked by the collector at least
        # once (~0.1-0.3 s at 5,000 cases, at the end of the build), frozen it is not.
        # The build pauses the collector itself (client/queue.py), but turning it back on at
        # its end is what starts that walk.
        self._collector_paused = gc.isenabled()
        gc.disable()
        self._queue_dirty = False
        # A lead's queue ranked ahead while "Case work" is hidden (`_warm_queue`): None before,
        # "warming" while it is built, then held until shown, "spent" once shown or overtaken.
        self._warm: _HeldQueue | Literal["warming", "spent"] | None = None
        self._warm_stale = False  # the store or the filter changed since the warm build began
        self._warm_after = {"grid", "board"}  # what the lead's console loads before it begins
        self._reselect_after_load: str | None = None
        self._ask_on_leave = True
        # An outcome being written, or saved with its next case opening in the coming
        # event-loop turn: a second Ctrl+Enter meanwhile must not save it twice.
        self._moving_on = False
        self.saving = PendingSave(tasks)
        # The wrap-up form and talk track of the case a save moved on to, set once the case
        # panel has painted it (`_set_wrapup_later`); None when nothing waits.
        self._split_open = False
        self._wrapup_pending: tuple[CaseDetail, str, dict | None, DialTicket | None] | None = None
        self._recorded_later: tuple[str, str] | None = None  # outcome_recorded's arguments, told with the form
        self._refresh_after_wrapup = False  # the save's queue refresh waits for the form (`_after_save`)
        self._wrapup_timer = QTimer(self)
        self._wrapup_timer.setSingleShot(True)
        self._wrapup_timer.setInterval(0)
        self._wrapup_timer.timeout.connect(self._set_pending_wrapup)
        # The case to show after a save, read by the save's background job; dropped when a
        # pull has changed cases since that job started (`_changes_seen`).
        self._prefetched: CaseRead | None = None
        self._changes_seen = 0
        self._is_lead = session.user.role in ("lead", "admin")

        self.case_panel = CasePanel(self.casePane, clock=session.clock)
        self.casePaneLayout.addWidget(self.case_panel)
        self.track_panel = TalkTrackPanel(self.scriptPane)
        self.scriptPaneLayout.addWidget(self.track_panel)
        self.note_form = NoteForm(self.formPane, clock=session.clock)
        self.formPaneLayout.addWidget(self.note_form)

        self.queue_model = QueueModel(i18n.short_code(language), show_agent=self._is_lead, parent=self,
                                      clock=session.clock)
        self.queueView.setModel(self.queue_model)
        self._setup_queue_view()
        self.status_bar = SyncStatusBar(self.statusBar(), clock=session.clock)
        self._setup_actions()
        self._fill_filters()

        self.events = SessionEvents(self)
        self.events.status_changed.connect(self.status_bar.show)
        # The server ended the session: ask for the password over the window (issue 18).
        self.session_guard = SessionGuard(self, session, tasks, self.actionSyncNow)
        self.events.status_changed.connect(self.session_guard.on_status)
        self.events.cases_changed.connect(self._cases_changed)
        self.lead_console: LeadConsole | None = None
        self.agent_state: AgentStateControl | None = None
        if self._is_lead:
            self._add_lead_console()
        else:
            state = AgentStateControl(session, tasks, self.statusBar(), self, first_report_on=self.first_queue_shown)
            self.outcome_recorded.connect(lambda _c, _a: state.on_event("outcome_saved"))
            self.case_opened.connect(lambda _c: state.on_event("case_opened"))
            self.agent_state = state
            # The agent's own QA scores (issue 13), from the Case menu.
            self.actionMyScores = my_scores.add_menu_action(self.menuCase, session, tasks, self, language)
        self.calls = CallControl(self, phone or HandoffPhone(settings.get("dialer_url"), no_line=True))
        self.events.attach(session)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload_queue)
        self.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        self.filterCombo.currentIndexChanged.connect(lambda _i: self.reload_queue())

        self.case_panel.contact_selected.connect(self.note_form.select_contact)
        self.case_panel.call_requested.connect(self._call)
        self.track_panel.track_switched.connect(self._switch_track)
        self.track_panel.outcome_suggested.connect(self.note_form.suggest_outcome)
        self.note_form.submitted.connect(self._record)
        self.note_form.draft_changed.connect(self._save_draft)
        self.note_form.draft_discarded.connect(self.session.discard_draft)

        self.mainSplitter.setStretchFactor(0, 0)
        self.mainSplitter.setStretchFactor(1, 1)
        self.mainSplitter.setStretchFactor(2, 0)
        self.mainSplitter.setSizes([540, 500, 380])
        self.rightSplitter.setSizes([380, 450])
        layout_memory.restore(settings, session.user.username, self.queueView.horizontalHeader(),
                              self._splitters(), stretched=QueueModel.WHY)

        who = session.user.display_name or session.user.username
        role = {"agent": self.tr("Agent"), "lead": self.tr("Team lead"), "admin": self.tr("Administrator")}
        self.status_bar.set_user(f"{who} · {role.get(session.user.role, session.user.role)} · {session.server_url}")
        self.set_warning(warning)
        self.queueTitle.setText(self.tr("Team queue") if self._is_lead else self.tr("My queue"))
        self.setWindowTitle(self.tr("AgentDesk — %1").replace("%1", who))
        self.status_bar.show(session.status())
        if offline:
            self.statusBar().showMessage(
                self.tr("Server unreachable: working from this computer's saved queue."), 10000
            )
        self._load_tracks()
        self.reload_queue()
        self.sms = SmsControl(self, session, tasks, language=language, menu=self.menuCase,
                              current_case=lambda: self.current_case,
                              selected_contact=self.case_panel.selected_contact, after_send=self._sms_sent,
                              ask_gateway_on=self.first_queue_shown)
        # The window's modules (a lead's console, SQLAlchemy at the store's first use) came
        # after Qt, which read their sources: let the kept lines go (issue 20, ~8-25 MB).
        core_first.forget_read_sources()

    # --- setup -----------------------------------------------------------------------------

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main_splitter": self.mainSplitter, "right_splitter": self.rightSplitter}

    def save_layout(self) -> None:
        """The user's column widths and pane sizes, for their next start (layout_memory)."""
        layout_memory.save(self.settings, self.session.user.username, self.queueView.horizontalHeader(),
                           self._splitters(), stretched=QueueModel.WHY)

    def _setup_queue_view(self) -> None:
        view = self.queueView
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(28)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = header.fontMetrics()
        for column, width in enumerate((66, 92, 84, 84, 58, 0, 72)):
            if width and column < self.queue_model.columnCount():
                title = str(self.queue_model.headerData(column, Qt.Orientation.Horizontal))
                view.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) + 22))
        # "Why here" takes what is left, so the queue never scrolls sideways.
        header.setSectionResizeMode(QueueModel.WHY, QHeaderView.ResizeMode.Stretch)
        view.selectionModel().currentRowChanged.connect(self._queue_row_changed)
        view_paint.scroll_by_blit(view)  # an arrow key that scrolls repaints one row, not the page
        view_paint.header_apart_from_selection(view)  # a case opened does not redraw the header
        # `select_case` scrolls the queue to a far row after the case is painted (a frame later).
        self._scroll_target: str | None = None
        self._scroll_to_current = QTimer(self)
        self._scroll_to_current.setSingleShot(True)
        self._scroll_to_current.setInterval(0)
        self._scroll_to_current.timeout.connect(self._show_selected_row)

    def _add_lead_console(self) -> None:
        """Leads get Board | Team cases | Review | Charts, with the case work as the last tab."""
        from agentdesk.desktop.lead_console import LeadConsole

        console = LeadConsole(self.session, self.tasks, self.centralwidget)
        self.centralLayout.removeWidget(self.mainSplitter)
        console.tabs.addTab(self.mainSplitter, self.tr("Case work"))
        self.centralLayout.addWidget(console, 1)
        console.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        console.case_requested.connect(lambda case_id: self._open_for_lead(console, case_id))  # review lists
        # A lead's whole team can be 100,000 cases (~2 s to rank): ranked off the GUI thread
        # once the grid and the board are up, held, and shown when "Case work" opens
        # (`_warm_queue`).
        console.tabs.currentChanged.connect(lambda _i: self._case_work_shown())
        console.grid_loaded.connect(lambda _n: self._warm_queue("grid"))
        console.board_loaded.connect(lambda _n: self._warm_queue("board"))
        # The case keys (F5 dial, F2 next, Ctrl+Enter save) belong to "Case work"; on the other
        # tabs F5 is the console's refresh, and two owners of one key would leave it dead.
        console.tabs.currentChanged.connect(lambda _i: self._case_actions_follow(console))
        self._case_actions_follow(console)
        self.events.cases_changed.connect(console.cases_changed)
        self.events.status_changed.connect(console.sync_status)
        console.recordings.set_language(self.language)
        self.lead_console = console

    def _open_for_lead(self, console: LeadConsole, case_id: str) -> None:
        """A case the lead opened from the console (a review list): shown under "Case work"."""
        console.tabs.setCurrentWidget(self.mainSplitter)
        self.open_case(case_id)

    def _case_actions_follow(self, console: LeadConsole) -> None:
        on_case_work = console.tabs.currentWidget() is self.mainSplitter
        for action in (self.actionCall, self.actionNextCase, self.actionSaveNext, self.actionSave,
                       self.actionSwitchTrack, self.actionHangUp, self.actionMute, self.actionHold,
                       self.actionKeypad):
            action.setEnabled(on_case_work)

    def _setup_actions(self) -> None:
        self.actionSaveNext.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.actionNextCase.setShortcuts([QKeySequence("F2"), QKeySequence("Ctrl+N")])
        for action in self.findChildren(QAction):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.actionNextCase.triggered.connect(lambda: self.open_next_case())
        self.nextCaseButton.clicked.connect(lambda: self.open_next_case())
        self.actionSaveNext.triggered.connect(lambda: self.note_form.submit(open_next=True))
        self.actionSave.triggered.connect(lambda: self.note_form.submit(open_next=False))
        self.actionCall.triggered.connect(self.case_panel.request_call)
        self.actionHangUp.triggered.connect(lambda: self.calls.hang_up())
        self.actionMute.triggered.connect(lambda: self.calls.toggle_mute())
        self.actionHold.triggered.connect(lambda: self.calls.toggle_hold())
        self.actionKeypad.triggered.connect(lambda: self.calls.toggle_keypad())
        self.actionPhoneSettings.triggered.connect(self._phone_settings)
        self.actionFind.triggered.connect(self._focus_search)
        self.actionSwitchTrack.triggered.connect(self._focus_tracks)
        self.actionFocusQueue.triggered.connect(self.queueView.setFocus)
        self.actionFocusCase.triggered.connect(self.case_panel.contactsView.setFocus)
        self.actionFocusScript.triggered.connect(self.track_panel.trackCombo.setFocus)
        self.actionFocusForm.triggered.connect(self.note_form.reachedCombo.setFocus)
        self.actionSyncNow.triggered.connect(self._sync_now)
        self.actionLogout.triggered.connect(self._logout)
        self.actionQuit.triggered.connect(self.close)
        self.actionShortcuts.triggered.connect(self._show_shortcuts)
        self.actionAbout.triggered.connect(self._show_about)
        themes = QActionGroup(self)
        for action, value in (
            (self.actionThemeAuto, "auto"),
            (self.actionThemeLight, "light"),
            (self.actionThemeDark, "dark"),
        ):
            themes.addAction(action)
            action.setChecked(self.settings.get("theme") == value)
            action.triggered.connect(lambda _c=False, v=value: self.set_theme(v))
        languages = QActionGroup(self)
        for action, value in ((self.actionLanguageZh, "zh_CN"), (self.actionLanguageEn, "en")):
            languages.addAction(action)
            action.setChecked(self.language == value)
            action.triggered.connect(lambda _c=False, v=value: self.set_language(v))
        self.addActions(self.findChildren(QAction))
        self._label_shortcuts()
        # Escape in the search box returns to the queue: keyboard-first without the mouse.
        QShortcut(
            QKeySequence("Escape"),
            self.searchEdit,
            activated=self.queueView.setFocus,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    def _label_shortcuts(self) -> None:
        key = self.actionNextCase.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.nextCaseButton.setText(self.tr("Next case") + f"   {key}")
        self.nextCaseButton.setToolTip(self.actionNextCase.toolTip())

    def _fill_filters(self) -> None:
        current = self.filterCombo.currentData()
        self.filterCombo.blockSignals(True)
        self.filterCombo.clear()
        for key, text in labels.queue_filters():
            self.filterCombo.addItem(text, key)
        self.filterCombo.setCurrentIndex(max(0, self.filterCombo.findData(current)))
        self.filterCombo.blockSignals(False)

    def set_warning(self, warning: str | Callable[[], str]) -> None:
        """The banner over the window; a callable is asked again on a language change, so the
        banner follows the language like every other label."""
        self._warning = warning
        text = warning() if callable(warning) else warning
        self.demoBannerLabel.setText(text)
        self.demoBanner.setVisible(bool(text))
        self.status_bar.set_warning(self.tr("Demo: data not encrypted") if text else "")

    # --- queue -----------------------------------------------------------------------------

    def reload_queue(self) -> None:
        """Ask the local store for the ranked queue off the GUI thread; newest request wins.

        A lead's queue is the whole team's: while the "Case work" tab is hidden it is only
        marked out of date, and ranked when the tab is shown.
        """
        console = self.lead_console
        if console is not None and console.tabs.currentWidget() is not self.mainSplitter:
            self._queue_dirty = True
            self._warm_stale = True
            if not self._first_queue_shown:  # no queue to wait for: the start's network work begins
                QTimer.singleShot(0, self, self._emit_first_queue_shown)
            return
        self._queue_dirty = False
        if self._warm == "warming":
            self._warm = "spent"  # this build is newer: the one ranking ahead is not shown
        self._queue_generation += 1
        generation = self._queue_generation
        build = self._queue_job(self.filterCombo.currentData() or "all", self.searchEdit.text().strip(), None)
        self.tasks.run(build, lambda built: self._queue_arrived(generation, *built))

    def _queue_job(self, queue_filter: str, search: str,
                   now: datetime | None) -> Callable[[], tuple[Sequence[QueueRow], int | None]]:
        session = self.session

        def build() -> tuple[Sequence[QueueRow], int | None]:
            rows = session.queue(now=now, filter=queue_filter, search=search)
            # With a filter on, say how many more cases the search finds without it.
            return rows, session.search_total(search) if search and queue_filter != "all" else None

        return build

    def _warm_queue(self, loaded: str) -> None:
        """Rank a lead's queue while "Case work" is hidden, once, when the console's grid
        and board (`loaded`: one of them) are up, not competing with them: held
        (not shown, nothing selected) until the tab opens, which then shows it at once
        instead of waiting ~2 s for 100,000 cases (issue 20). A queue ranked in an earlier
        minute, or before a change, shows and is ranked anew at once (`_case_work_shown`),
        as on every later opening of the tab."""
        self._warm_after.discard(loaded)
        console = self.lead_console
        if console is None or self._warm_after or self._warm is not None or getattr(self, "_shut", False) \
                or console.tabs.currentWidget() is self.mainSplitter:
            return
        queue_filter, search = self.filterCombo.currentData() or "all", self.searchEdit.text().strip()
        now = self.session.clock.now()
        self._warm, self._warm_stale = "warming", False
        # The GUI thread waits for the interpreter at most this long while the build holds it
        # (Python's default, 5 ms, and a frame's 16 ms are too close), restored at its end.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(WARM_SWITCH_S)

        def held(built: tuple[Sequence[QueueRow], int | None]) -> None:
            sys.setswitchinterval(interval)
            if self._warm != "warming":
                return  # the open tab ranked anew meanwhile (`reload_queue`)
            self._warm = _HeldQueue(*built, queue_filter, search, now.replace(second=0, microsecond=0))
            self._case_work_shown()

        def failed(exc: BaseException) -> None:
            sys.setswitchinterval(interval)
            log.warning("the lead's queue ranked ahead failed; ranked when Case work opens: %s", exc)
            if self._warm == "warming":
                self._warm = "spent"
            self._case_work_shown()

        self.tasks.run(self._queue_job(queue_filter, search, now), held, failed)

    def _case_work_shown(self) -> None:
        """A lead's tab changed (or the warm queue arrived): on "Case work", show the queue
        ranked ahead if it is for the same filter and search, and rank anew when it is out
        of date; else rank as usual."""
        console = self.lead_console
        if console is None or getattr(self, "_shut", False) or console.tabs.currentWidget() is not self.mainSplitter:
            return
        warm = self._warm
        if warm == "warming":
            return  # shown when it arrives
        if isinstance(warm, _HeldQueue):
            self._warm = "spent"  # used: the tab ranks as usual from now on
            if warm.queue_filter == (self.filterCombo.currentData() or "all") \
                    and warm.search == self.searchEdit.text().strip():
                self._queue_generation += 1
                self._queue_arrived(self._queue_generation, warm.rows, warm.total)
                now = self.session.clock.now().replace(second=0, microsecond=0)
                self._queue_dirty = self._queue_dirty and (self._warm_stale or now != warm.minute)
                if not self._queue_dirty:
                    return
            self._queue_dirty = True
        if self._queue_dirty:
            self.reload_queue()

    def _queue_arrived(self, generation: int, rows: Sequence[QueueRow], total: int | None = None) -> None:
        if generation != self._queue_generation:
            return
        selected = self.current_case
        replaced = self.queue_model.rowCount()
        self.queue_model.set_rows(rows)
        if min(replaced, self.session.queue_cache.last_rescored) >= GIVE_BACK_AFTER_ROWS:
            # A large queue ranked anew replaced the one shown, now freed (~100 MB at a lead's
            # 100,000 cases, which the C allocator otherwise keeps): its pages go back to the
            # system, off the GUI thread (`memory.give_back` releases the interpreter).
            self.tasks.run(memory.give_back)
        self._hidden_by_filter = max(0, (total or 0) - len(rows))
        self._show_queue_count()
        row = self.queue_model.row_of(selected) if selected else None
        if selected is None and rows and not self._opened_first:
            # The day starts on the case worth calling now, not on an empty panel.
            self._opened_first = True
            first = next_to_open(rows, None, self.session.clock.now())
            row = self.queue_model.row_of(first.case_id if first else rows[0].case_id)
        if row is not None:
            self.queueView.selectionModel().setCurrentIndex(
                self.queue_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.queue_loaded.emit(len(rows))
        if not self._first_queue_shown:
            QTimer.singleShot(FIRST_QUEUE_SHOWN_MS, self, self._emit_first_queue_shown)
        self._freeze_heap()

    def _freeze_heap(self) -> None:
        if not self._heap_frozen:
            # What is alive now (modules, forms, the queue's facts for every case) lives as
            # long as the session. Freezing it keeps it out of the collector's full passes,
            # which otherwise stop the window for ~160 ms every few dozen cases at 5,000 cases
            # (bench_workstation.py: the max of save-and-next). `shutdown()` hands it back.
            self._heap_frozen = True
            gc.freeze()
        self._resume_collector()

    def _resume_collector(self) -> None:
        """The collector back on (paused in `__init__` until the first queue): after the
        heap is frozen, or should the first queue not arrive, or at shutdown."""
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

    def _emit_first_queue_shown(self) -> None:
        self._resume_collector()
        if not self._first_queue_shown and not getattr(self, "_shut", False):
            self._first_queue_shown = True
            self.first_queue_shown.emit()

    def _queue_row_changed(self, current, _previous) -> None:  # noqa: ANN001 - Qt indexes
        case_id = current.data(CASE_ID_ROLE) if current.isValid() else None
        if case_id and case_id != self.current_case:
            if self._ask_on_leave and not self.may_leave_case():
                self._reselect_current()
                return
            self.open_case(case_id)

    def _reselect_current(self) -> None:
        row = self.queue_model.row_of(self.current_case) if self.current_case else None
        if row is None:
            return
        model = self.queueView.selectionModel()
        left = model.currentIndex().row() if model.currentIndex().isValid() else None
        model.blockSignals(True)
        model.setCurrentIndex(self.queue_model.index(row, 0),
                              QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        model.blockSignals(False)
        self.queue_model.refresh_rows(left, row)  # the two rows whose selection changed, not the page

    def may_leave_case(self, quitting: bool = False) -> bool:
        """Leaving a case with a call on the line or an unsaved wrap-up asks first (issue 18);
        the wrap-up stays as the case's draft, with the number that was called."""
        return leaving.may_leave(self, quitting)

    def select_case(self, case_id: str) -> bool:
        """Select `case_id` in the queue (which opens it); open it directly if filtered out."""
        row = self.queue_model.row_of(case_id)
        if row is None:
            self.open_case(case_id)
            return self.current_case == case_id
        # The case first, the queue's scroll to its row in the next frame: a row out of view
        # (a search, "Next case" with the queue scrolled down) brings ~24 new rows to lay out
        # and draw, ~10 ms that held the case back (issue 20). The view's own scroll on a
        # current-row change is off for this call only: arrow keys and clicks keep it.
        view = self.queueView
        view.setAutoScroll(False)
        try:
            view.selectionModel().setCurrentIndex(
                self.queue_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            view.setAutoScroll(True)
        # A timer, not a posted call: it fires after the paint pass the open asked for.
        self._scroll_target = case_id
        self._scroll_to_current.start()
        return True

    def _show_selected_row(self) -> None:
        """Scroll the queue to the row `select_case` selected (nothing moves when it is in view)."""
        row = self.queue_model.row_of(self._scroll_target) if self._scroll_target else None
        if row is not None:
            self.queueView.scrollTo(self.queue_model.index(row, 0))

    def open_next_case(self, ask: bool = True, found: tuple[QueueRow, datetime] | None = None) -> None:
        """Open the case "Next case" picks; `found` is that pick (the row and the instant it
        was made at) when the caller has just made it for the case on screen."""
        if ask and not self.may_leave_case():
            return
        self._ask_on_leave = False  # asked (or just saved): moving the queue's selection must not ask again
        try:
            self._open_next_case(found)
        finally:
            self._ask_on_leave = True

    def _open_next_case(self, found: tuple[QueueRow, datetime] | None = None) -> None:
        if found is not None:
            row, now = found
        else:
            now = self.session.clock.now()
            row = next_to_open(self.queue_model.rows(), self.current_case, now)
        if row is None:
            self.statusBar().showMessage(self.tr("No other open case in the queue."), 6000)
            return
        self.select_case(row.case_id)
        self.note_form.reachedCombo.setFocus()
        if row.callable_from is not None and row.callable_from > now:
            # Quiet hours: the case is open to prepare; the banner says from when it may be called.
            when = labels.short_time(row.callable_from, now)
            self.statusBar().showMessage(
                self.tr("No case may be called right now: opened the first one callable, from %1.").replace("%1", when),
                10000,
            )

    # --- case ------------------------------------------------------------------------------

    def open_case(self, case_id: str | None) -> None:
        self._drop_pending_wrapup()  # this open sets the form
        self.note_form.flush_draft()
        read, self._prefetched = self._prefetched, None
        if case_id and (read is None or read.case_id != case_id):
            with slow_call_watch("case_detail"):
                read = read_for_desk(self.session, case_id)  # read and parsed once, shared by the panels
        opened = read.opened if case_id and read is not None else None
        detail = opened.detail if opened else None
        self.current_case = detail.case_id if detail else None
        lang = i18n.short_code(self.language)
        # The person's other cases here, and the cases sharing a number: their contacts count.
        self._siblings = list(opened.siblings) if opened else []
        # Read with the case (one store read per open, client/opencase.py).
        draft = opened.draft if opened else None
        dial = opened.dial if opened else None
        # A restored wrap-up keeps the number it was about: the panel shows that one selected.
        about = (draft or {}).get("contact_point_id") or (dial.contact_point_id if dial else None)
        self.case_panel.show_case(detail, self._judge if detail else None, lang, about or None,
                                  budget=self._budget if detail else None)
        self.calls.case_shown(detail.case_id if detail else None)
        if self._split_open and detail is not None:
            self._set_wrapup_later(detail, lang, draft, dial)
        else:
            self._set_wrapup(detail, lang, draft, dial)

    def _set_wrapup(self, detail: CaseDetail | None, lang: str, draft: dict | None,
                    dial: DialTicket | None) -> None:
        """The open's second half: the wrap-up form and the talk track for `detail`, then
        the case counts as opened."""
        self.note_form.set_case(detail, self.rules, lang, draft, self.case_panel.selected_contact(), dial)
        self._show_track(None)
        if detail is not None:
            self.case_opened.emit(detail.case_id)

    def _set_wrapup_later(self, detail: CaseDetail, lang: str, draft: dict | None, dial: DialTicket | None) -> None:
        """After a save: the form and talk track a turn after the case panel's paint pass.

        Done at once, the next case's showing (~5-6 ms: the case panel, the form, the track)
        and the paint pass that follows it (~9-10 ms) held the GUI thread in one go: no key,
        click or timer got in between (issue 20, the longest block in save-and-next). The
        form meanwhile is held: it still shows the wrap-up just saved, and a second Ctrl+Enter
        is refused (`_moving_on`) until it shows the new case; `outcome_recorded` is told
        then too, just before `case_opened` (the agent's state goes to wrap-up and back to
        available in one turn, as before). The event posted here is handled after that paint
        pass (it is posted behind it); the timer it starts lets the timers already due run
        first (bench_workstation.py's heartbeat: the longest block)."""
        self._wrapup_pending = (detail, lang, draft, dial)
        self._moving_on = True
        QApplication.postEvent(self, QEvent(_WRAPUP_AFTER_PAINT), Qt.EventPriority.LowEventPriority.value)

    def _set_pending_wrapup(self) -> None:
        pending, self._wrapup_pending = self._wrapup_pending, None
        if pending is None or getattr(self, "_shut", False):
            return
        self._moving_on = False
        self._tell_recorded()
        shown = self.case_panel.detail  # a sync meanwhile may have read the case again
        if shown is not None and shown.case_id == pending[0].case_id:
            self._set_wrapup(shown, *pending[1:])
        self._refresh_later()

    def _drop_pending_wrapup(self) -> None:
        """Another case (or none) is shown before the form was set: its own open sets it."""
        if self._wrapup_pending is not None:
            self._wrapup_pending = None
            self._wrapup_timer.stop()
            self._moving_on = False
            self._tell_recorded()
            self._refresh_later()

    def _refresh_later(self) -> None:
        if self._refresh_after_wrapup:
            self._refresh_after_wrapup = False
            QTimer.singleShot(QUEUE_REFRESH_AFTER_SAVE_MS, self, self._after_save)

    def _tell_recorded(self) -> None:
        recorded, self._recorded_later = self._recorded_later, None
        if recorded is not None:
            self.outcome_recorded.emit(*recorded)

    def _judge(self, contact_point_id: str | None) -> ComplianceVerdict:
        """The guard's verdict for the banner, from the case on screen (re-read on every
        change), so picking a number costs no store read; dialling itself (`_call`) asks
        the session, which reads the store afresh."""
        detail = self.case_panel.detail
        assert detail is not None
        return caseview.dial_verdict(detail, contact_point_id, self.session.policy, self.session.clock.now(),
                                     self._siblings, past=self._past_contacts(detail))

    def _budget(self, contact_point_id: str | None) -> tuple[ContactBudget, ContactBudget]:
        """Calls and texts the limits leave today and this week, for the banner."""
        detail = self.case_panel.detail
        assert detail is not None
        now, policy, past = self.session.clock.now(), self.session.policy, self._past_contacts(detail)
        return (caseview.contact_budget(detail, contact_point_id, policy, now, self._siblings, "call", past),
                caseview.contact_budget(detail, contact_point_id, policy, now, self._siblings, "sms", past))

    def _past_contacts(self, detail: CaseDetail) -> tuple[PastContact, ...]:
        """What the guard counts for the case on screen, worked out once per case read and
        shared by the banner's verdict and budgets (`caseview.past_contacts`): the same
        case object with the same siblings gives the same contacts."""
        kept = self._past
        if kept is None or kept[0] is not detail or kept[1] is not self._siblings:
            kept = self._past = (detail, self._siblings, tuple(caseview.past_contacts(detail, self._siblings)))
        return kept[2]

    def _refresh_case(self) -> None:
        """The case on screen changed underneath (sync, save): re-read it, keep the form."""
        if self.current_case is None:
            return
        opened = self.session.open_case(self.current_case)
        if opened is None:
            self._case_left(self.tr("This case is no longer in your queue (reassigned or closed)."))
            return
        detail = opened.detail
        self._siblings = list(opened.siblings)
        self.case_panel.show_case(detail, self._judge, i18n.short_code(self.language), budget=self._budget)

    def _case_left(self, message: str) -> None:
        self._drop_pending_wrapup()
        self.current_case = None
        self.case_panel.show_case(None, None, i18n.short_code(self.language))
        self.note_form.set_case(None, None, i18n.short_code(self.language))
        self.track_panel.clear()
        self.statusBar().showMessage(message, 10000)

    # --- talk track ------------------------------------------------------------------------

    def _load_tracks(self) -> None:
        try:
            tracks = self.session.talk_tracks()
        except (OSError, ValueError) as exc:
            log.error("talk tracks could not be loaded: %s", exc)
            tracks = []
        self.track_panel.set_tracks(tracks, i18n.short_code(self.language))

    def _show_track(self, track_id: str | None) -> None:
        if self.current_case is None:
            self.track_panel.clear()
            return
        lang = i18n.short_code(self.language)
        try:
            # The case as the panel shows it: read once per open (client/opencase.py).
            track, steps = self.session.talk_track(self.current_case, lang=lang, track_id=track_id,
                                                   detail=self.case_panel.detail)
        except (LookupError, StopIteration, ValueError) as exc:
            log.warning("no talk track for the case: %s", type(exc).__name__)
            self.track_panel.show_track(None, (), lang)
            return
        self.track_panel.show_track(track, steps, lang)

    def _switch_track(self, track_id: str) -> None:
        self._show_track(track_id)

    # --- writes ----------------------------------------------------------------------------

    def _save_draft(self, case_id: str, fields: dict) -> None:
        try:
            self.session.save_draft(case_id, fields)
        except errors.StoreWriteFailed as exc:
            # The draft is a convenience: what is typed stays on screen; the agent is told why
            # it is not kept (and a save would fail the same way).
            self.statusBar().showMessage(rule_text.describe(exc)[1], 10000)

    def _record(self, draft: OutcomeDraft, open_next: bool) -> None:
        if self._moving_on:
            return
        track = self.track_panel.track
        if track is not None:
            draft = dataclasses.replace(
                draft, talk_track_id=str(track.id), talk_track_version=getattr(track, "version", None)
            )
        try:
            with slow_call_watch("record_outcome"):
                prepared = self.session.prepare_outcome(draft)  # the checks: a refusal is told now
        except (errors.NoCallPlaced, errors.InvalidOutcome) as exc:
            self._show_refusal(exc)
            return
        # The write and the read of the case shown next run on the background helper, in
        # that order; the GUI thread only shows the case (issue 20: no GUI-thread block of
        # save + open + paint). Until then the form is held: no draft of it, no second save.
        self._moving_on = True
        self.note_form.hold()
        row = next_to_open(self.queue_model.rows(), draft.case_id, self.session.clock.now()) if open_next else None
        shown_next = row.case_id if row is not None else draft.case_id
        session, changes = self.session, self._changes_seen

        def write_then_read() -> tuple[str, CaseRead | None]:
            # Sync is nudged once the next case is shown (`_after_save`), not here.
            attempt_id = session.write_outcome(prepared, nudge=False)
            try:
                return attempt_id, read_for_desk(session, shown_next)
            except Exception:  # noqa: BLE001 - the outcome is saved; the GUI thread reads again and reports
                log.warning("reading the next case after a save failed; read again on the GUI thread")
                return attempt_id, None

        self.saving.start(draft.case_id, write_then_read,
                          lambda done: self._saved(draft, open_next, changes, *done),
                          lambda exc: self._save_failed(draft.case_id, exc))

    def _show_refusal(self, exc: errors.NoCallPlaced | errors.InvalidOutcome | errors.StoreWriteFailed) -> None:
        if isinstance(exc, errors.NoCallPlaced):
            self.note_form.show_errors({"call": self.tr(
                "No call was placed from this desk for this case to this number: dial first (F5), or tick "
                "\u201cThe debtor called in\u201d.")})
            return
        field_name, text = rule_text.describe(exc)
        self.note_form.show_errors({field_name: text})

    def _saved(self, draft: OutcomeDraft, open_next: bool, changes: int, attempt_id: str,
               read: CaseRead | None) -> None:
        """The outcome is in the store (and the outbox): say so, then move on."""
        if getattr(self, "_shut", False):
            # Closed meanwhile: the close waited for the write, nothing is shown any more. The
            # outcome is in the outbox; the engine is woken as the write itself did before.
            self.session.sync.nudge()
            return
        self.statusBar().showMessage(self.tr("Saved. It is sent to the server in the background."), 5000)
        if draft.dial_id:
            # The call's recording goes to the archive with its attempt, once the file is
            # complete (it may still be compressing); encrypting and queueing it is file work,
            # so it runs on the background helper.
            self.calls.on_recording(draft.dial_id, lambda result: self._archive(attempt_id, result))
        # A pull that landed since the job started may have changed the case read: read again.
        self._prefetched = read if changes == self._changes_seen else None
        self._move_on(draft.case_id, attempt_id, open_next)

    def _save_failed(self, case_id: str, exc: BaseException) -> None:
        """Nothing was written: the wrap-up stays on screen (and as the case's draft)."""
        self._moving_on = False
        if getattr(self, "_shut", False):  # the close kept the wrap-up as a draft
            log.error("saving an outcome failed while the window closed", exc_info=exc)
            return
        self.note_form.release()
        if self.current_case == case_id and self.note_form.has_unsaved():
            try:
                self.session.save_draft(case_id, self.note_form.fields().to_draft())
            except errors.StoreWriteFailed:
                pass  # the store refuses writes: the wrap-up stays on screen, the error below says why
        if isinstance(exc, (errors.NoCallPlaced, errors.InvalidOutcome, errors.StoreWriteFailed)):
            self._show_refusal(exc)
        elif isinstance(exc, errors.ClientError):
            self._report(exc)
        else:
            raise exc  # a bug: the crash report, as when the write ran on the GUI thread

    def _move_on(self, case_id: str, attempt_id: str, open_next: bool) -> None:
        """After a save: the next case (or the saved one again), then the queue refresh."""
        self._moving_on = False
        now = self.session.clock.now()
        # One look-up of the next case, not one to decide and one to open it: on a 5,000-case
        # queue each is a pass over the ranking's columns, inside the block that shows it.
        row = next_to_open(self.queue_model.rows(), case_id, now) if open_next else None
        if row is not None:
            # Another case: its form and talk track a turn later, and `outcome_recorded`
            # with them (`_set_wrapup_later`).
            self._recorded_later = (case_id, attempt_id)
            self._split_open = True
            try:
                self.open_next_case(ask=False, found=(row, now) if self.current_case == case_id else None)
            finally:
                self._split_open = False
            if self._wrapup_pending is None:
                self._tell_recorded()  # nothing deferred (the case could not be shown)
        else:
            self.outcome_recorded.emit(case_id, attempt_id)  # before the open: wrap-up, then available
            self.open_case(case_id)
        self._prefetched = None  # read for a case that was not the one opened
        # The next case goes on screen first. The queue refresh runs on the background helper
        # and the push on the sync thread, but both compete with the GUI thread for the
        # interpreter, so they start a frame later, once the case is painted
        # (bench_workstation.py: ~20 ms of save-and-next); when the form and talk track
        # come a turn later, a frame after them.
        self._refresh_after_wrapup = True
        if self._wrapup_pending is None:
            self._refresh_later()

    def _after_save(self) -> None:
        """A frame after a save's next case is shown: the outcome goes to the server (sync
        is nudged: the outbox count in the status bar follows) and the queue is re-ranked."""
        self.session.sync.nudge()
        self.reload_queue()

    def _sms_sent(self, case_id: str) -> None:
        self.statusBar().showMessage(self.tr("SMS queued. It is sent to the server in the background."), 5000)
        if case_id == self.current_case:
            self._refresh_case()

    def _archive(self, attempt_id: str, result: CallResult) -> None:
        """Hand a finished call's recording to the archive's upload queue (issue 13)."""
        if result.recording_path is None:
            return
        session, path = self.session, result.recording_path
        self.tasks.run(
            lambda: session.attach_recording(attempt_id, path, sip_call_id=result.sip_call_id or None,
                                             started_at=result.answered_at or result.started_at,
                                             ended_at=result.ended_at),
            lambda _recording_id: self.recording_queued.emit(attempt_id),
            self._report,
        )

    def _call(self, contact_point_id: str) -> None:
        """Every way of dialling ends here; the guard decides first (call_control)."""
        if self.current_case is not None:
            self.calls.dial(self.current_case, contact_point_id)

    def _phone_settings(self) -> None:
        from agentdesk.desktop.phone_dialog import PhoneDialog

        PhoneDialog(self.calls.phone, self.settings, self).exec()

    # --- sync ------------------------------------------------------------------------------

    def _cases_changed(self, upserted: frozenset, removed: frozenset) -> None:
        self._changes_seen += 1
        self._prefetched = None
        self.reload_queue()
        if self.current_case in removed:
            self._case_left(self.tr("This case was reassigned away from you."))
        elif self.current_case in upserted:
            self._refresh_case()

    def _sync_now(self) -> None:
        session = self.session
        self.statusBar().showMessage(self.tr("Syncing…"), 3000)
        self.tasks.run(session.sync_now, lambda _changes: self.reload_queue(), self._report)

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, errors.ClientError):
            self.statusBar().showMessage(str(exc), 10000)
        else:
            log.error("unexpected failure", exc_info=exc)
            self.statusBar().showMessage(self.tr("Unexpected error: %1").replace("%1", type(exc).__name__), 10000)

    # --- look and language -----------------------------------------------------------------

    def set_theme(self, value: str) -> None:
        self.settings.set("theme", value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, value)
        self.queue_model.restyle()
        self._refresh_case()

    def set_language(self, language: str) -> None:
        self.settings.set("language", language)
        i18n.install_translators(language)  # Qt sends LanguageChange; changeEvent re-labels
        if self.lead_console is not None:
            self.lead_console.recordings.set_language(language)

    def event(self, event: QEvent) -> bool:
        """A window already shut keeps its widgets but not its store: its panels must not
        re-read anything when a later window's language change reaches every top-level."""
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_shut", False):
            return True
        if event.type() == _WRAPUP_AFTER_PAINT:
            if self._wrapup_pending is not None:
                self._wrapup_timer.start()
            return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # A window already shut (signed out, closed) keeps its widgets but not its store.
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "queue_model") \
                and not getattr(self, "_shut", False):
            self.language = self.settings.get("language") if self.settings.get("language") != "auto" else self.language
            lang = i18n.short_code(self.language)
            self.queue_model.set_language(lang)
            self._show_queue_count()
            self._fill_filters()
            self._label_shortcuts()
            self._load_tracks()
            current = self.current_case
            self.current_case = None
            if current:
                self.open_case(current)
            self.status_bar.show(self.session.status())
            if self.lead_console is not None:
                self.lead_console.retranslate()
                tabs = self.lead_console.tabs
                tabs.setTabText(tabs.indexOf(self.mainSplitter), self.tr("Case work"))
            if self.agent_state is not None:
                self.agent_state.retranslate()
            self.calls.retranslate()
            if getattr(self, "_warning", ""):
                self.set_warning(self._warning)
        super().changeEvent(event)

    def _show_queue_count(self) -> None:
        count = self.queue_model.rowCount()
        text = self.tr("%n cases", "", count)
        hidden = getattr(self, "_hidden_by_filter", 0)
        if hidden:
            text += " · " + self.tr("%1 more match with the filter off").replace("%1", str(hidden))
        self.queueCount.setText(text)

    def _focus_search(self) -> None:
        self.searchEdit.setFocus()
        self.searchEdit.selectAll()

    def _focus_tracks(self) -> None:
        self.track_panel.trackCombo.setFocus()
        self.track_panel.trackCombo.showPopup()

    def _show_shortcuts(self) -> None:
        rows = []
        for action in self.findChildren(QAction):
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                rows.append(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{action.text().replace('&', '')}</td></tr>")
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "<table>" + "".join(rows) + "</table>")

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About AgentDesk"),
            self.tr("AgentDesk %1: regulated, recorded, respectful collection.").replace("%1", app_version),
        )

    # --- leaving ---------------------------------------------------------------------------

    def _logout(self) -> None:
        if not self.may_leave_case(quitting=True):
            return
        self.note_form.flush_draft()
        self._logging_out = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not getattr(self, "_logging_out", False) and not getattr(self, "_shut", False) \
                and not self.may_leave_case(quitting=True):
            event.ignore()
            return
        self.note_form.flush_draft()
        self.shutdown(logout=getattr(self, "_logging_out", False))
        super().closeEvent(event)

    def shutdown(self, logout: bool = False) -> None:
        """Stop sync and close the store; idempotent. The sync thread may still call back,
        so the bridge is detached first."""
        if getattr(self, "_shut", False):
            return
        self._shut = True
        self.save_layout()
        self.events.blockSignals(True)
        if self.lead_console is not None:
            self.lead_console.shutdown()
        self.calls.shutdown()
        if self.agent_state is not None:
            self.agent_state.report_offline()
        # An outcome being written reaches the store before the store is closed.
        if not self.saving.wait():
            log.error("an outcome was still being written when the window closed")
        elif self.saving.failed and self.note_form.held and self.saving.case_id is not None \
                and self.current_case == self.saving.case_id:
            # Not written: what the agent submitted stays as the case's draft.
            self.session.save_draft(self.saving.case_id, self.note_form.fields().to_draft())
        self.tasks.wait_idle(5000)
        if logout:
            self.session.logout(wipe_local_data=bool(self.settings.get("wipe_on_logout")))
        else:
            self.session.stop()
        self._resume_collector()
        if self._heap_frozen:
            gc.unfreeze()  # what this window leaves behind may be collected again
