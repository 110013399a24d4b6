"""The desktop's life cycle: sign in (or the demo), the main window, sign out, quit.

`DesktopApp` owns what lives for the whole run (settings, the background helper, the
embedded demo server) and passes each piece to the window that needs it; nothing reaches
for a global. The demo starts a real server in-process and signs in as a demo user.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QSplashScreen

from agentdesk import paths
from agentdesk.client.session import ClientSession
from agentdesk.desktop import i18n, theme
from agentdesk.desktop.login import LoginDialog, LoginRequest, login_error_message, sign_in
from agentdesk.desktop.mainwindow import MainWindow
from agentdesk.desktop.phone.base import Phone
from agentdesk.desktop.settings import Settings
from agentdesk.desktop.tasks import Tasks

log = logging.getLogger(__name__)

DEMO_ACCOUNTS = (*(f"agent{n:02d}" for n in range(1, 11)), "lead01", "lead02", "admin")


translate = QCoreApplication.translate


def start_sync_after_first_queue(window: MainWindow, session: ClientSession) -> None:
    """Start the session's sync once the window has shown its first queue and the case on
    top (`MainWindow.first_queue_shown`). Why: the first queue comes from this computer's
    store; the sync's first cycle (importing the network stack, a pull, the event stream)
    would share the interpreter with that build and delay it, and a pull landing meanwhile
    makes the build start over (issue 20, cold start)."""
    window.first_queue_shown.connect(session.start_sync)


def demo_warning(session: ClientSession) -> str:
    """The visible warning for the developer switch `allow_unencrypted` (demo only)."""
    if getattr(session.secrets, "memory_only", False):
        return translate(
            "DesktopApp",
            "Demo mode without a secure keyring: the data on this computer is NOT encrypted "
            "and sign-ins are not remembered. Use only the demo portfolio here.",
        )
    return ""


def app_icon() -> QIcon:
    icons = paths.resources_dir() / "icons"
    icon = QIcon()
    for name in ("agentdesk.svg", "agentdesk.png"):
        if (icons / name).is_file():
            icon.addFile(str(icons / name))
    return icon


class DesktopApp(QObject):
    """One run of the program; `window_ready` fires when a main window is on screen."""

    window_ready = Signal(object)
    failed = Signal(str)

    def __init__(self, app: QApplication, settings: Settings, *, language: str, demo: bool = False,
                 admin_values: Mapping[str, Any] | None = None) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.language = language
        self.demo = demo
        self.admin_values: Mapping[str, Any] = admin_values or {}
        # Builds the phone of each window; tests and `demo --phone` point it at a stand-in PBX.
        self.phone_factory: Callable[[ClientSession], Phone] = self._make_phone
        self.phone_lab: Any = None
        self.tasks = Tasks(parent=self)
        self.server: Any = None
        self.window: MainWindow | None = None
        self._splash: QSplashScreen | None = None
        app.aboutToQuit.connect(self.shutdown)

    # --- normal start ------------------------------------------------------------------------

    def show_login(self) -> LoginDialog:
        dialog = LoginDialog(
            self.settings, self.tasks, demo_accounts=DEMO_ACCOUNTS if self.demo else (), allow_unencrypted=self.demo
        )
        dialog.setWindowIcon(app_icon())
        dialog.accepted.connect(lambda: self.open_window(dialog.session, offline=dialog.offline))
        dialog.rejected.connect(self._login_cancelled)
        dialog.show()
        return dialog

    def _login_cancelled(self) -> None:
        if self.window is None:
            self.app.quit()

    # --- demo --------------------------------------------------------------------------------

    def start_demo(self, username: str | None = "agent01", database_url: str | None = None) -> None:
        """Start the embedded server (migrate and seed on first run), then sign in as
        `username`, or show the sign-in dialog listing the demo accounts when it is None."""
        self._show_splash(translate("DesktopApp", "Starting the demo server… (the first start seeds a demo portfolio)"))

        def start() -> Any:
            from agentdesk.server.embedded import start_embedded_server

            return start_embedded_server(database_url)

        def started(server: Any) -> None:
            self.server = server
            self.settings.set("server_url", server.url)
            if username is None:
                self._close_splash()
                self.show_login()
                return
            self._show_splash(translate("DesktopApp", "Signing in as %1…").replace("%1", username))
            request = LoginRequest(server.url, username, "demo", remember=False, allow_unencrypted=True)
            self.tasks.run(
                lambda: sign_in(request),
                lambda r: self.open_window(r[0], offline=r[1]),
                lambda exc: self._fatal(login_error_message(exc, server.url)),
            )

        self.tasks.run(
            start,
            started,
            lambda exc: self._fatal(
                translate("DesktopApp", "The demo server did not start: %1").replace(
                    "%1", str(exc) or type(exc).__name__
                )
            ),
        )

    def _show_splash(self, message: str) -> None:
        if self._splash is None:
            pixmap = app_icon().pixmap(256, 256)
            self._splash = QSplashScreen(pixmap if not pixmap.isNull() else QPixmap(256, 256))
            self._splash.show()
        self._splash.showMessage(message, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)

    def _close_splash(self) -> None:
        if self._splash is not None:
            self._splash.close()
            self._splash.deleteLater()
            self._splash = None

    def _fatal(self, message: str) -> None:
        self._close_splash()
        log.error("cannot start: %s", message)
        self.failed.emit(message)
        if QApplication.platformName() != "offscreen":
            QMessageBox.critical(None, "AgentDesk", message)
        self.app.exit(1)

    # --- the window --------------------------------------------------------------------------

    def open_window(self, session: ClientSession | None, offline: bool = False) -> MainWindow | None:
        self._close_splash()
        if session is None:
            return None
        warning = functools.partial(demo_warning, session) if self.demo else ""  # worded again on a language change
        window = MainWindow(
            session, self.settings, self.tasks, language=self.language, warning=warning, offline=offline,
            phone=self.phone_factory(session),
        )
        window.setWindowIcon(app_icon())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.destroyed.connect(self._window_closed_cb(window))
        start_sync_after_first_queue(window, session)
        self.window = window
        window.resize(1440, 900)
        window.show()
        self.window_ready.emit(window)
        return window

    def _window_closed_cb(self, window: MainWindow) -> Callable[[], None]:
        logging_out = {"flag": False}
        window.actionLogout.triggered.connect(lambda: logging_out.__setitem__("flag", True))

        def closed() -> None:
            self.window = None
            if logging_out["flag"]:
                self.show_login()
            else:
                self.app.quit()

        return closed

    def _make_phone(self, session: ClientSession) -> Phone:
        """The administrator's softphone; when it cannot start, the hand-off, and the desk says why."""
        from agentdesk.desktop.phone import make_phone
        from agentdesk.desktop.phone.base import PhoneError
        from agentdesk.desktop.phone.handoff import HandoffPhone

        try:
            return make_phone(self.admin_values, self.settings, clock=session.clock)
        except PhoneError as exc:
            log.error("softphone not started: %s", exc)
            return HandoffPhone(self.settings.get("dialer_url"), no_line=True)

    def start_phone_lab(self) -> None:
        """`demo --phone`: the debtor's phone stand-in on this machine, and a softphone that
        dials it directly (no PBX, no registration), so a call can be placed and heard."""
        from agentdesk.desktop.phone import lab

        folder = paths.data_dir() / "demo-phone"
        folder.mkdir(parents=True, exist_ok=True)
        wav = folder / "debtor.wav"
        if not wav.is_file():
            try:
                lab.spoken_wav("Hello? Yes, speaking. I know I am late with the payment. "
                               "I can pay one thousand five hundred next Friday.", wav)
            except (OSError, lab.subprocess.SubprocessError) as exc:
                log.warning("no spoken WAV for the demo phone (%s): it answers silently", exc)
                wav = None  # type: ignore[assignment]
        self.phone_lab = lab.StandInPhone(wav)
        self.admin_values = {**self.admin_values, "sip_server": f"127.0.0.1:{self.phone_lab.port}",
                             "sip_extension": "demo", "sip_caller_id": "4008001234", "sip_register": False}

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.shutdown()
        self.tasks.wait_idle(5000)
        if self.phone_lab is not None:
            self.phone_lab.stop()
            self.phone_lab = None
        if self.server is not None:
            self.server.stop()
            self.server = None


def prepare_application(app: QApplication, settings: Settings, language_arg: str | None, theme_arg: str | None) -> str:
    """Language, translators, theme and icon: everything before the first window."""
    serial_raster_fills()
    app.setApplicationName("AgentDesk")
    app.setOrganizationName("AgentDesk")
    app.setWindowIcon(app_icon())
    language = i18n.resolve_language(language_arg or settings.get("language"))
    i18n.install_translators(language)
    theme.apply_theme(app, theme_arg or settings.get("theme"))
    return language


def serial_raster_fills() -> None:
    """Keep Qt's software painting on the GUI thread (before anything is painted).

    Qt's raster engine hands every fill of 96 or more scan lines (a scroll bar's
    gradient, a panel's background) to a thread pool in parts, wakes a pool thread for
    each and waits on a latch until all are done. For widget-sized fills the hand-off
    costs more than the fill, and on a busy machine the GUI thread waited for the pool's
    threads to be scheduled: an open's scroll bars took more time than its timeline
    (issue 20, py-spy on bench_workstation.py). Qt reads `QT_NO_GUI_THREADPOOL` when it
    first wants the pool; the pixels are the same."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
