"""The one helper for background work (like Anki's QueryOp): run off the GUI thread,
call back on it.

Views never start threads. They hand a function to `Tasks.run()`; it runs on a
QThreadPool worker, and `on_success(result)` or `on_failure(exc)` runs afterwards on the
GUI thread. Failures without a handler go to the window's `report_failure`, so every
error is shown the same way and none is swallowed.

`slow_call_watch()` logs any GUI-thread call that blocks longer than 200 ms (an idea from
Anki's backend): cheap, and it finds freezes before users do.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

SLOW_GUI_CALL_MS = 200


class _Relay(QObject):
    """Lives on the GUI thread; a worker emits, Qt queues the call back to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never dropped
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Tasks(QObject):
    """Runs callables on a thread pool and calls back on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        report_failure: Callable[[BaseException], None] | None = None,
        parent: QObject | None = None,
        max_threads: int = 4,
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()
        self._report_failure = report_failure or _log_failure

    def set_failure_reporter(self, report: Callable[[BaseException], None]) -> None:
        self._report_failure = report

    @property
    def active(self) -> int:
        return len(self._relays)

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay(self)
        self._relays.add(relay)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays:
                self.busy_changed.emit(False)

        def succeeded(result: Any) -> None:
            finish()
            if on_success is not None and _receiver_alive(on_success):
                on_success(result)

        def failed(exc: BaseException) -> None:
            finish()
            handler = on_failure or self._report_failure
            if _receiver_alive(handler):
                handler(exc)

        relay.succeeded.connect(succeeded)
        relay.failed.connect(failed)
        self._pool.start(_Job(fn, relay))

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until workers finish: for shutdown and scripts, never for a view."""
        return self._pool.waitForDone(timeout_ms)


def _receiver_alive(callback: Callable[..., Any]) -> bool:
    """False when `callback` is a method of a Qt object already deleted (a console closed
    while its fetch was in flight): calling it would raise "Signal source has been
    deleted" on the GUI thread, for an answer nobody is left to see. Dropped with a log
    line, not shown: the view that asked is gone."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        log.info("background result dropped: %s was closed before it arrived", type(owner).__name__)
        return False
    return True


def _log_failure(exc: BaseException) -> None:
    log.error("background task failed", exc_info=exc)


@contextmanager
def slow_call_watch(label: str) -> Iterator[None]:
    """Time a GUI-thread call to the local store; log it when it blocks for too long."""
    start = time.perf_counter()
    try:
        yield
    finally:
        elapsed_ms = (time.perf_counter() - start) * 1000
        if elapsed_ms > SLOW_GUI_CALL_MS:
            log.warning("GUI thread blocked %.0f ms in %s", elapsed_ms, label)
