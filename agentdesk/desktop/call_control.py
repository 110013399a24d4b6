"""Dialling from the case, and what a call does to the desk: the one way a number is called.

Every path (F5, the Call button, a double-click on a number, the hand-off link) ends in
`dial()`: the client session asks the compliance guard first (`begin_dial`; a blocked
number is never dialled), the full number is fetched off the GUI thread (the server
reveals it and audits the reveal), then the phone places the call and the session notes
the dial, so its outcome may be recorded. The phone's events then drive the call bar,
the wrap-up (filled by the call's result) and the agent's state (on call, wrap-up), so the
lead's board follows without the agent touching anything. One call at a time.

`call_finished(CallResult)` fires when a call is over; `call_recorded(CallResult)` when its
recording is complete on disk (`recording_path`, `recording_seconds`, `recording_sha256`):
the place to hand it to the recording archive.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from agentdesk.client import errors
from agentdesk.client.dialing import DialTicket
from agentdesk.desktop import call_text, i18n, theme
from agentdesk.desktop.call_bar import CallBar
from agentdesk.desktop.phone.base import CallProgress, CallResult, Dial, LineStatus, Phone, PhoneError

if TYPE_CHECKING:
    from agentdesk.desktop.mainwindow import MainWindow

log = logging.getLogger(__name__)


class CallControl(QObject):
    call_finished = Signal(object)  # CallResult
    call_recorded = Signal(object)  # CallResult, recording complete
    dial_refused = Signal(str)  # what the agent was told

    def __init__(self, window: MainWindow, phone: Phone) -> None:
        super().__init__(window)
        self.window = window
        self.phone = phone
        self.bar = CallBar(window.case_panel)
        self.ticket: DialTicket | None = None  # the call on the line (or being placed)
        self._number_masked = ""
        self.last_result: CallResult | None = None
        self.recordings: dict[str, CallResult] = {}  # dial id -> finished recording
        self._waiting: dict[str, list[Callable[[CallResult], None]]] = {}
        self.line_label = QLabel(window.statusBar())
        self.line_label.setAccessibleName(self.tr("Phone line"))
        window.statusBar().addPermanentWidget(self.line_label)
        events = phone.events
        events.line_changed.connect(self._line)
        events.progress.connect(self._progress)
        events.ended.connect(self._ended)
        events.recording_saved.connect(self._recorded)
        events.failed.connect(self._failed)
        self.bar.hang_up.connect(self.hang_up)
        self.bar.mute.connect(self._mute)
        self.bar.hold.connect(self._hold)
        self.bar.dtmf.connect(phone.send_dtmf)
        self._line(phone.line())

    # --- dialling ----------------------------------------------------------------------------

    def in_call(self) -> bool:
        return self.phone.busy() or (self.ticket is not None and self.bar.active)

    def dial(self, case_id: str, contact_point_id: str) -> None:
        w = self.window
        if self.in_call() or self.ticket is not None:  # a call on the line, or its number on the way
            self._say(call_text.problem_text("call_in_progress"))
            return
        try:
            ticket = w.session.begin_dial(case_id, contact_point_id)
        except errors.CallNotAllowed as exc:
            verdict = exc.verdict
            reason = (verdict.reason_zh if i18n.short_code(w.language) == "zh" else verdict.reason_en) \
                if verdict is not None else self.tr("Choose the number to call.")
            # Said where the agent looks (the status bar, beside the banner that already says
            # why), not in a box to dismiss: a refused dial is routine at the day's edges.
            self._say(self.tr("Call not allowed: %1").replace("%1", reason))
            self.dial_refused.emit(reason)
            return
        self.ticket = ticket
        detail = w.case_panel.detail
        point = next((p for p in detail.contact_points if p.id == contact_point_id), None) if detail else None
        self._number_masked = point.value_masked if point else ""
        session = w.session
        w.tasks.run(lambda: session.dial_number(contact_point_id), lambda number: self._place(ticket, number),
                    lambda exc: self._not_placed(ticket, exc))

    def _place(self, ticket: DialTicket, number: str) -> None:
        w = self.window
        if self.ticket is not ticket or w.current_case != ticket.case_id:
            self.ticket = None if self.ticket is ticket else self.ticket
            return  # the agent left the case while the number was fetched: nothing is dialled
        try:
            self.phone.place_call(Dial(ticket.case_id, ticket.contact_point_id, number, ticket.dial_id))
        except PhoneError as exc:
            self.ticket = None
            self._say(call_text.error_text(exc))
            self.dial_refused.emit(call_text.error_text(exc))
            return
        w.session.dial_placed(ticket)
        w.note_form.call_placed(ticket)
        if w.agent_state is not None:
            w.agent_state.on_event("call_started")
        if self.phone.kind != "softphone":
            self.ticket = None  # the desk phone has the call; the wrap-up is the agent's
            self._say(self.tr("Number handed to your desk phone: the wrap-up records this time as its start."))

    def _not_placed(self, ticket: DialTicket, exc: BaseException) -> None:
        if self.ticket is ticket:
            self.ticket = None
        if isinstance(exc, errors.ClientError):
            text = self.tr("The number could not be fetched from the server, so nothing was dialled: %1") \
                .replace("%1", str(exc))
        else:
            log.error("dialling failed", exc_info=exc)
            text = self.tr("The call could not be placed: %1").replace("%1", type(exc).__name__)
        self._say(text)
        self.dial_refused.emit(text)

    def hang_up(self) -> None:
        if self.in_call():
            self.phone.hang_up()

    def _mute(self, on: bool) -> None:
        self.phone.set_muted(on)
        self.window.actionMute.setChecked(on)

    def _hold(self, on: bool) -> None:
        self.phone.set_held(on)
        self.window.actionHold.setChecked(on)

    def toggle_mute(self) -> None:
        if self.bar.state is not None and self.bar.active:
            self.window.case_panel.muteButton.toggle()

    def toggle_hold(self) -> None:
        if self.bar.state is not None and self.bar.active:
            self.window.case_panel.holdButton.toggle()

    def toggle_keypad(self) -> None:
        if self.bar.active:
            self.window.case_panel.keypadButton.toggle()

    # --- what the phone says -----------------------------------------------------------------

    def _line(self, status: LineStatus) -> None:
        tone, text = call_text.line_text(status)
        self.line_label.setText(text)
        theme.set_tone(self.line_label, tone)

    def _progress(self, progress: CallProgress) -> None:
        if self.ticket is None or progress.dial_id != self.ticket.dial_id:
            return
        if self.phone.kind != "softphone":
            return  # a desk phone's call is not ours to follow: nothing to show, nothing to end
        if self.window.current_case == self.ticket.case_id:
            self.bar.show_progress(progress, self._number_masked)
            self.window.case_panel.set_call_active(True)
            self.window.note_form.call_progress(progress.dial_id, call_text.state_text(progress.state))

    def _ended(self, result: CallResult) -> None:
        w = self.window
        if self.ticket is not None and self.ticket.dial_id == result.dial_id:
            self.ticket = None
        self.last_result = result
        summary = call_text.summary(result)
        w.case_panel.set_call_active(False)
        if w.current_case == result.case_id:
            self.bar.show_ended(result, summary)
            w.note_form.apply_call_result(result, summary)
        if result.problem:
            self._say(summary)
        if w.agent_state is not None:
            w.agent_state.on_event("call_ended")
        self.call_finished.emit(result)

    def _recorded(self, result: CallResult) -> None:
        self.recordings[result.dial_id] = result
        self.call_recorded.emit(result)
        for callback in self._waiting.pop(result.dial_id, []):
            callback(result)

    def on_recording(self, dial_id: str, callback: Callable[[CallResult], None]) -> None:
        """Call `callback(result)` once the recording of the call `dial_id` is complete on
        disk: at once if it already is, else when it is. For handing the file to the
        recording archive with the attempt it belongs to (the wrap-up's draft has `dial_id`)."""
        done = self.recordings.get(dial_id)
        if done is not None:
            callback(done)
        else:
            self._waiting.setdefault(dial_id, []).append(callback)

    def _failed(self, error: PhoneError) -> None:
        self._say(call_text.error_text(error))

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def case_shown(self, case_id: str | None) -> None:
        """A case is on screen: the call bar belongs to the call's case only."""
        if self.ticket is None or case_id != self.ticket.case_id:
            if not self.in_call():
                self.bar.clear()

    def retranslate(self) -> None:
        self._line(self.phone.line())

    def shutdown(self) -> None:
        self.phone.shutdown()


def attach(window: Any, phone: Phone) -> CallControl:
    return CallControl(window, phone)
