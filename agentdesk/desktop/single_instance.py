"""One AgentDesk per user: a second start brings the first window to the front and exits.

Two copies for one agent would open the same local store twice and both sync it, and an
agent who double-clicks the icon again usually just lost the window behind another one.

How: the first instance holds a `QLockFile` in the per-user data folder for its whole run
(the lock, not the socket, decides who is first; a lock left by a dead process is taken
over because its PID is gone) and listens on a `QLocalServer` whose name is derived from
the user and that folder (a named pipe on Windows, a socket on Linux). A later start finds
the lock taken, connects, reads the first one's PID, sends "activate" and exits 0; the
first emits `activate_requested` and the desktop raises its window.

On Windows a background process may not take the foreground by itself; the second
process, which the user just started and so owns the foreground, grants it to the
first with AllowSetForegroundWindow(pid) before asking.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from agentdesk import paths

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
ACK = b"ok\n"
CONNECT_TIMEOUT_MS = 1000
# The first instance may still be starting (lock taken, server not yet listening).
CONNECT_ATTEMPTS = 10
RETRY_DELAY_MS = 300


def server_name(data_dir: Path | None = None) -> str:
    """The local server's name: per user and per data folder, and short (a Unix socket
    path is limited to ~100 bytes). No user name in clear: it shows in /tmp listings."""
    folder = str((data_dir or paths.data_dir()).resolve())
    try:
        user = getpass.getuser()
    except Exception:  # no login name (a service account without USERNAME/LOGNAME)
        user = str(os.getuid()) if hasattr(os, "getuid") else "unknown"
    digest = hashlib.sha256(f"{user}|{folder}".encode()).hexdigest()[:16]
    return f"agentdesk-{digest}"


def _allow_foreground(pid: int) -> None:
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(pid)  # type: ignore[attr-defined]


def bring_to_front(widget: QWidget | None) -> None:
    """Show `widget` (or, when None, any visible top-level window, e.g. the sign-in dialog)
    restored, raised and active."""
    if widget is None:
        visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        widget = QApplication.activeModalWidget() or (visible[-1] if visible else None)
    if widget is None:
        return
    if widget.isMinimized():
        widget.showNormal()
    widget.show()
    widget.raise_()
    widget.activateWindow()


class SingleInstance(QObject):
    """`claim()` once at start-up: True means "you are the first, carry on"."""

    activate_requested = Signal()

    def __init__(self, data_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = data_dir or paths.data_dir()
        self.name = server_name(folder)
        self._lock = QLockFile(str(folder / "agentdesk.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        if not self._lock.tryLock(100):
            self._activate_other()
            return False
        # A socket file left by a crashed first instance would make listen() fail.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Still the only instance (we hold the lock); only activation will not work.
            log.warning("single instance: cannot listen on %s: %s", self.name, server.errorString())
            return True
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()  # the server object itself goes with this QObject
            self._server = None
        self._lock.unlock()

    # --- the first instance ------------------------------------------------------------------

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # The socket is the server's child and goes with it (release()); a deleteLater
            # on disconnect would race that and delete it twice. A run sees a handful.
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.write(f"agentdesk {os.getpid()}\n".encode())
            socket.flush()

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data())
            if line == ACTIVATE:
                log.info("single instance: another start asked to bring this window to the front")
                socket.write(ACK)
                socket.flush()
                self.activate_requested.emit()

    # --- the second start ----------------------------------------------------------------------

    def _activate_other(self) -> None:
        """Ask the first instance to come to the front; blocking, but only for a
        process that is about to exit and has no window."""
        for _ in range(CONNECT_ATTEMPTS):
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(CONNECT_TIMEOUT_MS):
                break
            socket.abort()
            # The first instance holds the lock but is not listening yet, and another
            # process offers no signal to wait on: a short, bounded retry.
            QThread.msleep(RETRY_DELAY_MS)
        else:
            log.warning("single instance: AgentDesk is already running but did not answer")
            return
        if socket.waitForReadyRead(CONNECT_TIMEOUT_MS) and socket.canReadLine():
            hello = bytes(socket.readLine().data()).decode(errors="replace").split()
            if len(hello) == 2 and hello[0] == "agentdesk" and hello[1].isdigit():
                _allow_foreground(int(hello[1]))
        socket.write(ACTIVATE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        if not socket.waitForReadyRead(CONNECT_TIMEOUT_MS * 3):
            log.warning("single instance: the running AgentDesk did not confirm the activation")
        socket.disconnectFromServer()
