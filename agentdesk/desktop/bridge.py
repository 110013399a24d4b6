"""Carries the client's worker-thread callbacks into Qt signals on the GUI thread.

The sync engine calls its listeners from its own thread. Emitting a signal of a QObject
that lives on the GUI thread from another thread is delivered queued, so connected slots
run on the GUI thread. The signals carry plain data (`SyncStatus`, sets of case ids).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from agentdesk.client.session import ChangeSet, ClientSession
from agentdesk.client.views import SyncStatus


class SessionEvents(QObject):
    status_changed = Signal(object)  # SyncStatus
    cases_changed = Signal(object, object)  # upserted: frozenset[str], removed: frozenset[str]

    def attach(self, session: ClientSession) -> None:
        session.add_status_listener(self._on_status)
        session.add_change_listener(self._on_changes)

    def _on_status(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)

    def _on_changes(self, changes: ChangeSet) -> None:
        self.cases_changed.emit(frozenset(changes.upserted), frozenset(changes.removed))
