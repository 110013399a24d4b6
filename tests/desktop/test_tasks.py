"""Background work whose view closes before the answer comes back (a lead closing the
console while its board is being fetched): the answer is dropped quietly, not raised on
the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel

from agentdesk.desktop.tasks import Tasks

GUI_TIMEOUT_MS = 10_000


class _Panel(QLabel):
    """A view that shows a background fetch's answer or its failure, like the lead console."""

    message = Signal(str)

    def arrived(self, text: str) -> None:
        self.setText(text)

    def failed(self, exc: BaseException) -> None:
        self.message.emit(f"failed: {type(exc).__name__}")


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    helper = Tasks()
    yield helper
    helper.wait_idle(GUI_TIMEOUT_MS)


def _run_held(qtbot, tasks: Tasks, panel: _Panel, fails: bool) -> None:  # noqa: ANN001
    """Start a fetch that waits until the panel is deleted, then let it end."""
    release = threading.Event()

    def fetch() -> str:
        release.wait(GUI_TIMEOUT_MS / 1000)
        if fails:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        return "board"

    tasks.run(fetch, panel.arrived, panel.failed)
    shiboken6.delete(panel)
    with qtbot.waitSignal(tasks.busy_changed, timeout=GUI_TIMEOUT_MS, check_params_cb=lambda busy: not busy):
        release.set()


def test_a_failure_for_a_closed_view_is_dropped_not_raised(qtbot, tasks: Tasks) -> None:  # noqa: ANN001
    _run_held(qtbot, tasks, _Panel(), fails=True)
    assert tasks.active == 0


def test_an_answer_for_a_closed_view_is_dropped_not_raised(qtbot, tasks: Tasks) -> None:  # noqa: ANN001
    _run_held(qtbot, tasks, _Panel(), fails=False)
    assert tasks.active == 0


def test_a_live_view_still_gets_its_answer_and_its_failure(qtbot, tasks: Tasks) -> None:  # noqa: ANN001
    panel = _Panel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(tasks.busy_changed, timeout=GUI_TIMEOUT_MS, check_params_cb=lambda busy: not busy):
        tasks.run(lambda: "board", panel.arrived, panel.failed)
    assert panel.text() == "board"
    with qtbot.waitSignal(panel.message, timeout=GUI_TIMEOUT_MS) as shown:
        tasks.run(lambda: 1 / 0, panel.arrived, panel.failed)
    assert shown.args == ["failed: ZeroDivisionError"]
