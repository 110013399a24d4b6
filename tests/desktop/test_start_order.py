"""A desk's start: the first queue comes from this computer's store before the sync and the
other network work begin (issue 20, cold start), and they do begin then (a new desk's
first, empty queue included)."""

from __future__ import annotations

import os

import pytest

from agentdesk.desktop.app import DesktopApp

from .conftest import GUI_TIMEOUT_MS

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("daytime"),
]


def test_the_sync_starts_once_the_first_queue_is_on_screen(qtbot, desktop: DesktopApp, live_server) -> None:  # noqa: ANN001
    dialog = desktop.show_login()
    qtbot.addWidget(dialog)
    dialog.demoCombo.setCurrentIndex(dialog.demoCombo.findData("agent01"))
    seen: dict[str, object] = {}

    def ready(window) -> None:  # noqa: ANN001
        seen["sync at window"] = window.session.sync.running
        window.queue_loaded.connect(lambda rows: seen.setdefault("sync at queue", window.session.sync.running))

    desktop.window_ready.connect(ready)
    with qtbot.waitSignal(desktop.window_ready, timeout=GUI_TIMEOUT_MS) as shown:
        dialog.signInButton.click()
    window = shown.args[0]
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    with qtbot.waitSignal(window.first_queue_shown, timeout=GUI_TIMEOUT_MS):
        pass
    # This desk's store is new, so its first queue is empty; the sync fills it.
    assert seen == {"sync at window": False, "sync at queue": False}
    assert window.session.sync.running
    qtbot.waitUntil(lambda: window.queue_model.rowCount() > 0, timeout=GUI_TIMEOUT_MS)
    # The agent's state reaches the server after that, as before.
    qtbot.waitUntil(lambda: window.agent_state.server_state == "available", timeout=GUI_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.session.status().state == "online", timeout=GUI_TIMEOUT_MS)


def test_painting_stays_on_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt hands big fills to a thread pool unless told not to before it first paints; the
    desk tells it (`prepare_application`), and keeps a value set by whoever starts it."""
    from agentdesk.desktop.app import serial_raster_fills

    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    serial_raster_fills()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "0")
    serial_raster_fills()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "0"
