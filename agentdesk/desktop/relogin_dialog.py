"""Sign in again over the main window when the server has ended the session.

The sync engine reports the typed state `SESSION_ENDED` (client/relogin.py) when the
server refuses to renew the session; a sync that can never succeed again must not hide
behind "offline" while the agent's outcomes wait. `SessionGuard` opens `ReloginDialog`
(the sign-in form, ui/login.ui, with the server and user name fixed) over the window; a
good password gives the same session new tokens and the outbox goes out, each outcome
once. Cancelled, the dialog stays away until the agent asks to sync (Sync now).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from agentdesk.client.session import ClientSession
from agentdesk.client.sync import SESSION_ENDED
from agentdesk.client.views import SyncStatus
from agentdesk.desktop import uiload
from agentdesk.desktop.login import login_error_message
from agentdesk.desktop.tasks import Tasks

translate = QCoreApplication.translate


class ReloginDialog(QDialog):
    """The password, once more, for the session's own user; accepts once signed in."""

    def __init__(self, session: ClientSession, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("login", self)
        self._session = session
        self._tasks = tasks
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.serverEdit.setText(session.server_url)
        self.usernameEdit.setText(session.user.username)
        for edit in (self.serverEdit, self.usernameEdit):
            edit.setReadOnly(True)
            edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rememberCheck.setVisible(False)
        self.demoBox.setVisible(False)
        self.retranslate()
        self.signInButton.clicked.connect(self.sign_in)
        self.cancelButton.clicked.connect(self.reject)
        self.passwordEdit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ReloginDialog", "Sign in again"))
        self.loginSubtitle.setText(translate(
            "ReloginDialog",
            "The server has ended your session. Enter your password to go on: the work saved on "
            "this computer is kept and sent once you are signed in."))

    def show_error(self, message: str) -> None:
        self.loginError.setText(message)
        self.loginError.setVisible(bool(message))

    def sign_in(self) -> None:
        password = self.passwordEdit.text()
        if not password:
            self.show_error(translate("ReloginDialog", "Enter your password."))
            return
        self.show_error("")
        self._busy(True)
        self._tasks.run(lambda: self._session.sign_in_again(password), self._signed_in, self._failed)

    def _busy(self, busy: bool) -> None:
        self.passwordEdit.setEnabled(not busy)
        self.signInButton.setEnabled(not busy)
        self.progressLabel.setText(translate("ReloginDialog", "Signing in…") if busy else "")

    def _signed_in(self, _result: object) -> None:
        self._busy(False)
        self.passwordEdit.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.show_error(login_error_message(exc, self._session.server_url))
        self.passwordEdit.selectAll()
        self.passwordEdit.setFocus()


class SessionGuard(QObject):
    """Watches the sync status and asks for the password when the session has ended."""

    dialog_shown = Signal(object)  # the ReloginDialog
    signed_in = Signal()

    def __init__(self, window: QWidget, session: ClientSession, tasks: Tasks, sync_action: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._tasks = tasks
        self._declined = False
        # Signed in again: a status from before (still queued to this thread) must not ask
        # once more; the next cycle's own status clears it.
        self._renewed = False
        self.dialog: ReloginDialog | None = None
        sync_action.triggered.connect(self._sync_asked)

    def on_status(self, status: SyncStatus) -> None:
        if status.state != SESSION_ENDED:
            self._renewed = False
        elif self.dialog is None and not self._declined and not self._renewed:
            self.ask()

    def ask(self) -> None:
        dialog = ReloginDialog(self._session, self._tasks, self._window)
        dialog.accepted.connect(self._accepted)
        dialog.rejected.connect(self._rejected)
        self.dialog = dialog
        dialog.open()
        self.dialog_shown.emit(dialog)

    def _sync_asked(self) -> None:
        self._declined = False  # the agent wants to go on: ask again if still signed out

    def _accepted(self) -> None:
        self._renewed = True
        self._closed()
        self.signed_in.emit()

    def _rejected(self) -> None:
        self._declined = True
        self._closed()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
