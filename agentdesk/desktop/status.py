"""The status bar's sync line: state, pending writes, last sync, and the demo warning.

`sync_summary()` is the wording (plain, testable); `SyncStatusBar` only places it in
labels with a tone the stylesheet colours.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from agentdesk.client.sync import SESSION_ENDED
from agentdesk.client.views import SyncStatus
from agentdesk.clock import PROCESS, Clock
from agentdesk.desktop import labels, theme

translate = QCoreApplication.translate


def sync_summary(status: SyncStatus, now: datetime) -> tuple[str, str, str, str]:
    """(tone, state text, pending text, last sync text)."""
    if status.state == "syncing":
        tone, state = "", translate("SyncStatusBar", "⟳ Syncing…")
    elif status.state == "online":
        tone, state = "ok", translate("SyncStatusBar", "● Online")
    elif status.state == SESSION_ENDED:
        tone, state = "warn", translate("SyncStatusBar", "● Signed out: sign in again to send your work")
    else:
        tone, state = "warn", translate("SyncStatusBar", "● Offline: changes are kept and sent when the server is back")
    if status.rejected:
        tone = "danger"
    pending = (
        translate("SyncStatusBar", "%1 waiting to send").replace("%1", str(status.pending))
        if status.pending
        else translate("SyncStatusBar", "All sent")
    )
    if status.rejected:
        pending += " · " + translate("SyncStatusBar", "%1 rejected: see the case timeline").replace(
            "%1", str(status.rejected)
        )
    last = (
        translate("SyncStatusBar", "Last sync %1").replace("%1", labels.short_time(status.last_sync_at, now))
        if status.last_sync_at
        else translate("SyncStatusBar", "Not synced yet")
    )
    return tone, state, pending, last


class SyncStatusBar:
    """Fills a QStatusBar with the sync labels; one instance per main window."""

    def __init__(self, bar: QStatusBar, clock: Clock = PROCESS) -> None:
        self._clock = clock
        self.state = QLabel(bar)
        self.pending = QLabel(bar)
        self.last = QLabel(bar)
        self.user = QLabel(bar)
        self.warning = QLabel(bar)
        self.warning.setVisible(False)
        bar.addWidget(self.state)
        bar.addWidget(self.pending)
        bar.addWidget(self.last)
        bar.addPermanentWidget(self.warning)
        bar.addPermanentWidget(self.user)
        self.status: SyncStatus | None = None

    def show(self, status: SyncStatus) -> None:
        self.status = status
        tone, state, pending, last = sync_summary(status, self._clock.now())
        self.state.setText(state)
        if status.last_error and status.state in ("offline", SESSION_ENDED):
            self.state.setToolTip(status.last_error)
        else:
            self.state.setToolTip("")
        theme.set_tone(self.state, tone)
        self.pending.setText(pending)
        theme.set_tone(self.pending, "danger" if status.rejected else ("warn" if status.pending else ""))
        self.last.setText(last)

    def set_user(self, text: str) -> None:
        self.user.setText(text)

    def set_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        theme.set_tone(self.warning, "warn")
