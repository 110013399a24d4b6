"""The agent's state (available, on call, wrap-up, break) in the status bar, reported to the server.

`next_state()` is the rule (plain, tested headless): dialling puts the agent on a call;
saving the outcome starts wrap-up; opening the next case ends it (available). A break is
only left by the agent's own choice. `AgentStateControl` shows the state in a combo box
and reports each change with `POST /v1/agent/state` on the background helper, one request
at a time: if the state changes while a report is in flight, only the newest state is
sent next, so the server never ends on an older state than the screen shows.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QStatusBar

from agentdesk.client import errors
from agentdesk.desktop import theme
from agentdesk.desktop.tasks import Tasks

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def set_agent_state(session: Any, state: str) -> None:
    """Report `state` to the server (background helper). The lead's client module (with the
    team grid's columns) is imported here, on the first report, not with the agent's window."""
    from agentdesk.client import lead

    lead.set_agent_state(session, state)


SELECTABLE = ("available", "on_call", "wrap_up", "break")
TONES = {"available": "ok", "on_call": "accent", "wrap_up": "warn", "break": ""}


def next_state(current: str, event: str) -> str:
    """The state after `event` ('call_started', 'outcome_saved', 'case_opened')."""
    if current == "break":
        return current
    if event == "call_started":
        return "on_call"
    if event in ("outcome_saved", "call_ended"):
        return "wrap_up"
    if event == "case_opened" and current == "wrap_up":
        return "available"
    return current


def state_names() -> dict[str, str]:
    return {
        "available": translate("AgentState", "Available"),
        "on_call": translate("AgentState", "On call"),
        "wrap_up": translate("AgentState", "Wrap-up"),
        "break": translate("AgentState", "Break"),
    }


class AgentStateControl(QObject):
    """The combo in the status bar and the reporter behind it."""

    reported = Signal(str)  # the state the server now holds
    state_changed = Signal(str)

    def __init__(self, session: Any, tasks: Tasks, bar: QStatusBar, parent: QObject | None = None, *,
                 first_report_on: Any = None) -> None:
        """`first_report_on`: a signal after which the first state is reported (the window's
        first queue shown: the report would otherwise hold up the background helper, and
        import the network stack, while the queue is built); None: at once."""
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.state = "available"
        self.server_state: str | None = None
        self._in_flight = False
        self._show_due = False
        self.label = QLabel(bar)
        self.combo = QComboBox(bar)
        self.combo.setAccessibleName(translate("AgentState", "My state"))
        self.combo.setToolTip(translate("AgentState", "Your state as your team lead sees it"))
        bar.addPermanentWidget(self.label)
        bar.addPermanentWidget(self.combo)
        self.retranslate()
        self.combo.activated.connect(lambda _i: self.set_state(self.combo.currentData()))
        self._first_reported = first_report_on is None
        if first_report_on is None:
            self._report()
        else:
            first_report_on.connect(self._first_report)

    def _first_report(self, *_args: Any) -> None:
        if not self._first_reported:
            self._first_reported = True
            self._report()

    def retranslate(self) -> None:
        self.label.setText(translate("AgentState", "State:"))
        self.combo.blockSignals(True)
        self.combo.clear()
        for key, text in state_names().items():
            self.combo.addItem(text, key)
        self.combo.setCurrentIndex(self.combo.findData(self.state))
        self.combo.blockSignals(False)

    def on_event(self, event: str) -> None:
        self.set_state(next_state(self.state, event))

    def set_state(self, state: str) -> None:
        if state not in SELECTABLE or state == self.state:
            return
        self.state = state
        # The combo shows the state at the end of this event-loop turn: Ctrl+Enter goes to
        # wrap-up and, opening the next case in the same turn, back to available, and
        # re-styling the combo twice for a state never painted cost that turn ~2 ms (issue 20).
        if not self._show_due:
            self._show_due = True
            QTimer.singleShot(0, self, self._show_state)
        self.state_changed.emit(state)
        self._report()

    def _show_state(self) -> None:
        self._show_due = False
        self.combo.setCurrentIndex(self.combo.findData(self.state))
        theme.set_tone(self.combo, TONES.get(self.state, ""))

    def _report(self) -> None:
        if self._in_flight or self.state == self.server_state or getattr(self, "_closing", False):
            return
        state = self.state
        self._in_flight = True
        session = self.session
        self.tasks.run(lambda: set_agent_state(session, state), lambda _r: self._done(state), self._failed)

    def _done(self, state: str) -> None:
        self._in_flight = False
        self.server_state = state
        self.reported.emit(state)
        self._report()  # the state may have moved on while this one was in flight

    def report_offline(self) -> None:
        """The desk is closing: the board shows the agent offline now, not a minute later
        (the server's presence rule covers a desk that cannot say so). Best effort: the
        window waits for the background helper a few seconds before closing the session."""
        session = self.session
        self.state = "offline"
        self._closing = True  # no report after this one: the session closes next
        self.tasks.run(lambda: set_agent_state(session, "offline"), lambda _r: None,
                       lambda exc: log.info("offline state not reported at close: %s", type(exc).__name__))

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        # Offline or a server without the endpoint: the state is kept and sent with the next change.
        if isinstance(exc, errors.ClientError):
            log.info("agent state not reported: %s", type(exc).__name__)
        else:
            log.error("agent state report failed", exc_info=exc)
