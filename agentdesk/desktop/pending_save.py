"""Save and next with the store's work off the GUI thread (issue 20).

Ctrl+Enter used to write the outcome (~10 ms of SQL and ORM work on the encrypted store)
and, a turn later, read the next case (~5 ms) and show it, all on the GUI thread. The
window now checks the wrap-up on the GUI thread (`ClientSession.prepare_outcome`: a refused
one is told at once, as before), then one background job writes it and reads the case that
will be shown next, in that order, so the read sees the write. The GUI thread only shows it.

`PendingSave` remembers that a write is under way, so closing the window waits for it:
an outcome the agent saved is in the store before the store is closed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from agentdesk.client.opencase import OpenedCase
from agentdesk.client.session import ClientSession
from agentdesk.desktop.tasks import Tasks

# The store waits up to 30 s for a lock (client/store.py); a close waits a little longer.
WRITE_WAIT_S = 35.0


@dataclass(frozen=True)
class CaseRead:
    """A case read for the desk, kept with the id it was read for (it may be gone)."""

    case_id: str
    opened: OpenedCase | None  # None: no longer in the store


def read_for_desk(session: ClientSession, case_id: str) -> CaseRead:
    """The case with its kept wrap-up draft and this desk's last dial, in one store read
    (Qt-free: runs on the GUI thread for a click, on the background helper after a save)."""
    return CaseRead(case_id, session.open_case(case_id))


class PendingSave:
    """At most one outcome being written on the background helper."""

    def __init__(self, tasks: Tasks) -> None:
        self._tasks = tasks
        self._done = threading.Event()
        self._done.set()
        self.case_id: str | None = None  # the case whose outcome is (or was last) written
        self.failed = False  # the last write raised: nothing of it is in the store

    @property
    def busy(self) -> bool:
        return not self._done.is_set()

    def start(self, case_id: str, job: Callable[[], Any], on_done: Callable[[Any], None],
              on_failed: Callable[[BaseException], None]) -> None:
        """Run `job` (the write, then the read) off the GUI thread; the callbacks run on it."""
        self.case_id, self.failed = case_id, False
        self._done.clear()

        def run() -> Any:
            try:
                return job()
            except BaseException:
                self.failed = True
                raise
            finally:
                self._done.set()  # the write is committed (or failed) before any callback runs

        self._tasks.run(run, on_done, on_failed)

    def wait(self, timeout_s: float = WRITE_WAIT_S) -> bool:
        """Block until the write has ended: for closing the window, never for a view."""
        return self._done.wait(timeout_s)
