"""The call bar in the case panel (ui/casepanel.ui `callBar`): state, talk time, keys.

It shows what the phone reports (calling, ringing, connected with a running timer,
ended with the SIP reason) and turns the buttons into requests; it does not dial itself.
The timer counts from the moment the call was answered, on the monotonic clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from agentdesk.desktop import call_text, theme
from agentdesk.desktop.phone.base import CallProgress, CallResult, CallState

KEYS = {"1": "key1", "2": "key2", "3": "key3", "4": "key4", "5": "key5", "6": "key6", "7": "key7", "8": "key8",
        "9": "key9", "*": "keyStar", "0": "key0", "#": "keyHash"}


class CallBar(QObject):
    hang_up = Signal()
    mute = Signal(bool)
    hold = Signal(bool)
    dtmf = Signal(str)

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        self.panel = panel
        self.frame: QWidget = panel.callBar  # type: ignore[attr-defined]
        self.state: CallState | None = None
        self._answered_mono: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)
        p = panel
        p.hangUpButton.clicked.connect(self.hang_up)  # type: ignore[attr-defined]
        p.muteButton.toggled.connect(self.mute)  # type: ignore[attr-defined]
        p.holdButton.toggled.connect(self.hold)  # type: ignore[attr-defined]
        p.keypadButton.toggled.connect(p.keypad.setVisible)  # type: ignore[attr-defined]
        for digit, name in KEYS.items():
            button: QPushButton = getattr(p, name)
            button.clicked.connect(self._key(digit))

    def _key(self, digit: str) -> Callable[[], None]:
        return lambda: self.dtmf.emit(digit)

    @property
    def active(self) -> bool:
        return self.state in (CallState.CALLING, CallState.RINGING, CallState.CONNECTED)

    def show_progress(self, progress: CallProgress, number: str) -> None:
        p = self.panel
        self.state = progress.state
        self.frame.setVisible(True)
        p.callStateLabel.setText(call_text.state_text(progress.state))  # type: ignore[attr-defined]
        p.callReasonLabel.setText(number)  # type: ignore[attr-defined]
        theme.set_tone(self.frame, "accent" if progress.state == CallState.CONNECTED else "warn")
        connected = progress.state == CallState.CONNECTED
        for name in ("muteButton", "holdButton", "keypadButton"):
            getattr(p, name).setEnabled(connected)
        p.hangUpButton.setEnabled(True)  # type: ignore[attr-defined]
        if connected and self._answered_mono is None:
            self._answered_mono = time.monotonic()
            self._timer.start()
            self._tick()
        elif not connected:
            p.callTimerLabel.setText("")  # type: ignore[attr-defined]

    def show_ended(self, result: CallResult, summary: str) -> None:
        p = self.panel
        self.state = CallState.ENDED
        self._timer.stop()
        self._answered_mono = None
        self.frame.setVisible(True)
        p.callStateLabel.setText(call_text.state_text(CallState.ENDED))  # type: ignore[attr-defined]
        p.callTimerLabel.setText(call_text.talk_time(result.talk_seconds) if result.connected else "")  # type: ignore[attr-defined]
        p.callReasonLabel.setText(summary)  # type: ignore[attr-defined]
        theme.set_tone(self.frame, "" if result.connected or result.outcome else "danger")
        for name in ("muteButton", "holdButton", "keypadButton", "hangUpButton"):
            button = getattr(p, name)
            button.setEnabled(False)
            if button.isCheckable():
                button.blockSignals(True)
                button.setChecked(False)
                button.blockSignals(False)
        p.keypad.setVisible(False)  # type: ignore[attr-defined]

    def clear(self) -> None:
        self._timer.stop()
        self._answered_mono = None
        self.state = None
        self.frame.setVisible(False)

    def talk_text(self) -> str:
        return self.panel.callTimerLabel.text()  # type: ignore[attr-defined]

    def _tick(self) -> None:
        if self._answered_mono is not None:
            self.panel.callTimerLabel.setText(call_text.talk_time(time.monotonic() - self._answered_mono))  # type: ignore[attr-defined]
