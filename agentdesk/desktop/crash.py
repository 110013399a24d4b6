"""Unhandled errors: a crash report without personal data, and a dialog that points to it.

An exception nobody caught (on the GUI thread, where PySide6 hands it to sys.excepthook,
or on a worker thread, through threading.excepthook) is a bug. The agent needs to know
that something went wrong and IT needs a report, but the report leaves the desk, so:

- frames are file, line, function and the source line only; frame locals are never
  captured (they hold debtors, notes and tokens);
- the exception messages (and chained causes) go through the log's `scrub()`;
- the report is a text file in the per-user log folder, next to the log it refers to.

`write_report` is Qt-free and tested headless; `install()` wires the hooks and, when a Qt
application with a screen exists, shows the dialog with "Open log folder" on the GUI
thread (a worker thread's crash is queued there through a signal).
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from agentdesk import __version__, clock, paths
from agentdesk.desktop.logging_setup import scrub

log = logging.getLogger(__name__)

REPORT_PREFIX = "crash-"
MAX_REPORTS_KEPT = 20  # a crash loop must not fill the disk
MAX_DIALOGS = 3  # after that the reports are still written, but the agent is not flooded

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def format_exception_safely(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The traceback text with no frame locals and the messages scrubbed of personal data."""
    exception = traceback.TracebackException(exc_type, exc, tb, capture_locals=False)
    return scrub("".join(exception.format()))


def _environment_lines() -> list[str]:
    lines = [
        f"AgentDesk {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Platform {platform.platform()}",
        f"Frozen {bool(getattr(sys, 'frozen', False))}",
    ]
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is not None:
        lines.append(f"Qt {qt_core.qVersion()}")
        app = qt_core.QCoreApplication.instance()
        gui = sys.modules.get("PySide6.QtGui")
        if app is not None and gui is not None and isinstance(app, gui.QGuiApplication):
            lines.append(f"Qt platform {gui.QGuiApplication.platformName()}")
    return lines


def _prune(folder: Path) -> None:
    reports = sorted(folder.glob(f"{REPORT_PREFIX}*.txt"))
    for old in reports[:-MAX_REPORTS_KEPT]:
        old.unlink(missing_ok=True)


def write_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    thread_name: str | None = None,
    folder: Path | None = None,
) -> Path:
    """Write a crash report into the log folder (or `folder`) and return its path."""
    folder = folder or paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    now = clock.now()
    path = folder / f"{REPORT_PREFIX}{now:%Y%m%d-%H%M%S-%f}.txt"
    body = [
        "AgentDesk crash report (personal data removed: no frame locals, messages masked)",
        f"Time (UTC) {now.isoformat(timespec='seconds')}",
        f"Thread {thread_name or threading.current_thread().name}",
        *_environment_lines(),
        "",
        format_exception_safely(exc_type, exc, tb),
    ]
    path.write_text("\n".join(body), encoding="utf-8")
    _prune(folder)
    return path


class CrashHandler:
    """The installed hooks; `notify(report_path)` is called for every crash after the
    report is written (the desktop passes a function that shows the dialog)."""

    def __init__(self, notify: Callable[[Path], None] | None = None, folder: Path | None = None) -> None:
        self.notify = notify
        self.folder = folder
        self.reports: list[Path] = []
        self._handling = threading.local()
        self._previous: tuple[Any, Any] | None = None

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        thread_name: str | None = None,
    ) -> Path | None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(exc_type, exc, tb)
            return None
        if getattr(self._handling, "active", False):
            # The report or the dialog itself failed: fall back to the interpreter's hook
            # rather than recurse.
            sys.__excepthook__(exc_type, exc, tb)
            return None
        self._handling.active = True
        try:
            try:
                path = write_report(exc_type, exc, tb, thread_name=thread_name, folder=self.folder)
            except OSError as error:
                log.critical("unhandled %s; the crash report could not be written: %s", exc_type.__name__, error)
                return None
            self.reports.append(path)
            log.critical("unhandled %s; crash report %s", exc_type.__name__, path, exc_info=(exc_type, exc, tb))
            if self.notify is not None:
                try:
                    self.notify(path)
                except Exception:  # the report is written; a failing dialog must not hide that
                    log.exception("the crash dialog could not be shown; the report is %s", path)
            return path
        finally:
            self._handling.active = False

    def _sys_hook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.handle(exc_type, exc, tb)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(
            args.exc_type, args.exc_value, args.exc_traceback, thread_name=args.thread.name if args.thread else None
        )

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None


# --- the dialog (Qt, imported only when a desktop runs) -------------------------------------


def open_folder(folder: Path) -> bool:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def crash_dialog(report: Path, parent: Any = None) -> Any:
    """The message box: what happened, where the report is, and "Open log folder"."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    translate = QCoreApplication.translate  # not "tr": lupdate would read tr(context, text) as tr(text, comment)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("AgentDesk")
    box.setText(translate("CrashDialog", "AgentDesk hit an unexpected error."))
    box.setInformativeText(
        translate(
            "CrashDialog",
            "Your saved work is safe: notes and outcomes are written locally before they are sent. "
            "A report without personal data was saved as %1. Please send it to IT.",
        ).replace("%1", report.name)
    )
    open_button = box.addButton(translate("CrashDialog", "Open log folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setObjectName("crashDialog")
    open_button.setObjectName("openLogFolderButton")
    # ActionRole buttons close the box by default; opening the folder should not.
    open_button.clicked.disconnect()
    open_button.clicked.connect(lambda: open_folder(report.parent))
    return box


def install_for_desktop() -> CrashHandler:
    """Install the hooks with a dialog shown on the GUI thread (none on the offscreen
    platform, where nobody could click it and a modal box would hang a headless run)."""
    from PySide6.QtCore import QObject, Qt, Signal
    from PySide6.QtWidgets import QApplication

    class _Notifier(QObject):
        crashed = Signal(str)

    notifier = _Notifier()
    app = QApplication.instance()
    if app is not None:
        notifier.moveToThread(app.thread())
        notifier.setParent(app)
    shown = {"count": 0}

    def show(report: str) -> None:
        if QApplication.platformName() == "offscreen" or shown["count"] >= MAX_DIALOGS:
            return
        shown["count"] += 1
        crash_dialog(Path(report)).exec()

    notifier.crashed.connect(show, Qt.ConnectionType.QueuedConnection)
    handler = CrashHandler(notify=lambda path: notifier.crashed.emit(str(path)))
    handler.install()
    return handler
