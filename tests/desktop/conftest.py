"""Fixtures for the desktop tests: a styled QApplication in English, and a signed-in window.

Everything runs against the real embedded server (`live_server`) and the real client; the
demo path (`allow_unencrypted`) is what `agentdesk demo` uses, so these tests need no
keyring. Tests that exercise the normal sign-in ask for `secret_service` as well.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError

from agentdesk.desktop import i18n, theme
from agentdesk.desktop.app import DesktopApp
from agentdesk.desktop.mainwindow import MainWindow
from agentdesk.desktop.settings import Settings
from agentdesk.server.embedded import EmbeddedServer

GUI_TIMEOUT_MS = 20_000


@pytest.fixture
def styled_app(qapp: QApplication) -> QApplication:
    i18n.install_translators("en")
    theme.apply_theme(qapp, "light")
    return qapp


class DialedLinks(QObject):
    """The system's handler of tel:/sip: links for the tests: it keeps each link the desk
    opened (`QDesktopServices.setUrlHandler`), so no test hands a number to a real program."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture(autouse=True)
def dialed_links(qapp: QApplication) -> Iterator[DialedLinks]:
    handler = DialedLinks()
    for scheme in ("tel", "sip", "sips", "callto"):
        QDesktopServices.setUrlHandler(scheme, handler, "open")
    yield handler
    for scheme in ("tel", "sip", "sips", "callto"):
        QDesktopServices.unsetUrlHandler(scheme)


def answer_question(yes: bool, seen: list[str] | None = None) -> None:
    """Answer the next question box the desk asks (Yes or No), as the agent would click it;
    its text goes to `seen`. Armed before the action that asks, since the box is modal."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(box.text())
        box.button(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, click)


def dial_selected(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """F5 on the case on screen through the hand-off (the desktop tests' default phone):
    the call counts as placed once the link is opened."""
    form = window.note_form
    window.activateWindow()
    window.actionCall.trigger()
    try:
        qtbot.waitUntil(lambda: bool(form.dial_id()), timeout=GUI_TIMEOUT_MS)
    except TimeoutError as exc:  # say what the desk said instead
        raise AssertionError(f"no call placed; the desk said: {window.statusBar().currentMessage()!r}, "
                             f"call button enabled: {window.case_panel.callButton.isEnabled()}") from exc


@pytest.fixture
def desktop(styled_app: QApplication, live_server: EmbeddedServer) -> Iterator[DesktopApp]:
    """The program in demo mode, pointed at the test's own server (not started yet)."""
    settings = Settings()
    settings.set("server_url", live_server.url)
    app = DesktopApp(styled_app, settings, language="en", demo=True)
    app.app.aboutToQuit.disconnect(app.shutdown)
    yield app
    app.shutdown()
    app.deleteLater()


def sign_in_demo(qtbot, desktop: DesktopApp, username: str = "agent01") -> MainWindow:  # noqa: ANN001
    """Sign in through the real dialog by picking a demo account; wait for the queue
    (a lead's on the "Case work" tab, where it is ranked)."""
    dialog = desktop.show_login()
    qtbot.addWidget(dialog)
    dialog.demoCombo.setCurrentIndex(dialog.demoCombo.findData(username))
    assert dialog.passwordEdit.text() == "demo"
    with qtbot.waitSignal(desktop.window_ready, timeout=GUI_TIMEOUT_MS) as ready:
        qtbot.mouseClick(dialog.signInButton, _left())
    window: MainWindow = ready.args[0]
    window.setAttribute(_delete_on_close(), False)
    # A test that ends mid-call or mid-wrap-up must not leave the close's question waiting.
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    if window.lead_console is not None:  # a lead's queue is ranked once "Case work" is open
        window.lead_console.tabs.setCurrentWidget(window.mainSplitter)
    qtbot.waitUntil(lambda: window.queue_model.rowCount() > 0, timeout=GUI_TIMEOUT_MS)
    return window


def _left():  # noqa: ANN202
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _delete_on_close():  # noqa: ANN202
    from PySide6.QtCore import Qt

    return Qt.WidgetAttribute.WA_DeleteOnClose


# --- a bigger team for the lead console's proof ------------------------------------------------

BIG_TEAM_CASES = 2000  # two teams of two agents: about 500 cases each


@pytest.fixture(scope="session")
def big_team_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database where agent01 and agent02 (team 1, lead01) hold ~500 cases each."""
    from agentdesk.server.db import Database
    from agentdesk.server.migrate import upgrade
    from agentdesk.server.seed import seed_demo

    path = tmp_path_factory.mktemp("big-team") / "server.db"
    upgrade(f"sqlite:///{path}")
    db = Database(f"sqlite:///{path}")
    with db.transaction() as s:
        seed_demo(s, cases=BIG_TEAM_CASES, agents_per_team=2)
    db.dispose()
    return path


@pytest.fixture
def big_team_server(big_team_template: Path, tmp_path: Path) -> Iterator[EmbeddedServer]:
    from agentdesk.server.embedded import start_embedded_server

    db_file = tmp_path / "big" / "server.db"
    db_file.parent.mkdir(parents=True)
    shutil.copy(big_team_template, db_file)
    server = start_embedded_server(f"sqlite:///{db_file}", seed=False)
    try:
        yield server
    finally:
        server.stop()
