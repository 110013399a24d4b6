"""The sign-in dialog (ui/login.ui): server, user, password, remember me.

Signing in runs on the background helper; the dialog says what went wrong in words the
agent can act on (wrong password, locked account, unreachable server naming its URL, a
client too old). When the server cannot be reached and this computer holds a cached
queue for the user, the dialog opens it offline instead of stopping the day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from agentdesk.client import errors
from agentdesk.client.session import ClientSession
from agentdesk.desktop import uiload
from agentdesk.desktop.settings import Settings
from agentdesk.desktop.tasks import Tasks

DEMO_PASSWORD = "demo"


translate = QCoreApplication.translate


def login_error_message(exc: BaseException, url: str) -> str:
    """What the dialog says for a failed sign-in; unknown errors are bugs and say so."""
    if isinstance(exc, errors.AuthenticationFailed):
        return translate("LoginDialog", "Wrong user name or password. Check both and try again.")
    if isinstance(exc, errors.LoginThrottled):
        return translate("LoginDialog", "Too many failed sign-ins. Wait %1 seconds, then try again.").replace(
            "%1", str(exc.retry_after))
    if isinstance(exc, errors.AccountLocked):
        return translate("LoginDialog", "This account is locked. Ask your team lead or IT to unlock it.") + f"\n{exc}"
    if isinstance(exc, errors.ServerUnreachable):
        return translate("LoginDialog", "Cannot reach the server at %1. Check the address and your network.").replace(
            "%1", url
        )
    if isinstance(exc, errors.ClientTooOld):
        return (
            translate("LoginDialog", "This AgentDesk is too old for the server. Install the new version, then sign in.")
            + f"\n{exc}"
        )
    if isinstance(exc, errors.KeyringUnavailable):
        return (
            translate(
                "LoginDialog",
                "No secure credential store on this computer, so AgentDesk cannot keep your data encrypted. Ask IT.",
            )
            + f"\n{exc}"
        )
    if isinstance(exc, errors.ClientError):
        return str(exc)
    return translate("LoginDialog", "Unexpected error (%1). Please report it to IT.").replace("%1", type(exc).__name__)


@dataclass(frozen=True)
class LoginRequest:
    server_url: str
    username: str
    password: str
    remember: bool
    allow_unencrypted: bool


def sign_in(request: LoginRequest) -> tuple[ClientSession, bool]:
    """Log in; when the server is unreachable fall back to the cache. Returns (session, offline).

    Runs on a worker thread (it touches the network and opens the local store).
    """
    try:
        session = ClientSession.login(
            request.server_url,
            request.username,
            request.password,
            remember=request.remember,
            allow_unencrypted=request.allow_unencrypted,
        )
    except errors.ServerUnreachable as unreachable:
        try:
            cached = ClientSession.open_cached(
                request.server_url, request.username, allow_unencrypted=request.allow_unencrypted
            )
        except errors.NoCachedData:
            raise unreachable from None
        return cached, True
    return session, False


class LoginDialog(QDialog):
    """Accepts with `self.session` set; `self.offline` says the cache was opened."""

    def __init__(
        self,
        settings: Settings,
        tasks: Tasks,
        *,
        demo_accounts: Sequence[str] = (),
        allow_unencrypted: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        uiload.load_form("login", self)
        self._settings = settings
        self._tasks = tasks
        self._allow_unencrypted = allow_unencrypted
        self.session: ClientSession | None = None
        self.offline = False
        self.serverEdit.setText(settings.get("server_url"))
        self.usernameEdit.setText(settings.get("last_username"))
        self.rememberCheck.setChecked(bool(settings.get("remember_me")))
        self.signInButton.clicked.connect(self.sign_in)
        self.cancelButton.clicked.connect(self.reject)
        if demo_accounts:
            self.demoBox.setVisible(True)
            self.demoCombo.addItem(translate("LoginDialog", "Choose a demo account…"), "")
            for name in demo_accounts:
                self.demoCombo.addItem(name, name)
            self.demoCombo.currentIndexChanged.connect(self._demo_chosen)
        (self.passwordEdit if self.usernameEdit.text() else self.usernameEdit).setFocus()

    def _demo_chosen(self) -> None:
        name = self.demoCombo.currentData()
        if name:
            self.usernameEdit.setText(name)
            self.passwordEdit.setText(DEMO_PASSWORD)
            self.signInButton.setFocus()

    def show_error(self, message: str) -> None:
        self.loginError.setText(message)
        self.loginError.setVisible(bool(message))

    def _busy(self, busy: bool, message: str = "") -> None:
        for widget in (
            self.serverEdit,
            self.usernameEdit,
            self.passwordEdit,
            self.rememberCheck,
            self.signInButton,
            self.demoCombo,
        ):
            widget.setEnabled(not busy)
        self.progressLabel.setText(message)

    def sign_in(self) -> None:
        url = self.serverEdit.text().strip().rstrip("/")
        username = self.usernameEdit.text().strip()
        password = self.passwordEdit.text()
        if not url or not username or not password:
            self.show_error(translate("LoginDialog", "Enter the server address, your user name and your password."))
            return
        if "://" not in url:
            url = "https://" + url
            self.serverEdit.setText(url)
        self.show_error("")
        self._busy(True, translate("LoginDialog", "Signing in to %1…").replace("%1", url))
        request = LoginRequest(url, username, password, self.rememberCheck.isChecked(), self._allow_unencrypted)
        self._tasks.run(lambda: sign_in(request), self._signed_in, lambda exc: self._failed(exc, url))

    def _signed_in(self, result: tuple[ClientSession, bool]) -> None:
        self.session, self.offline = result
        self._settings.set("server_url", self.serverEdit.text().strip().rstrip("/"))
        self._settings.set("last_username", self.usernameEdit.text().strip())
        self._settings.set("remember_me", self.rememberCheck.isChecked())
        self._busy(False)
        self.accept()

    def _failed(self, exc: BaseException, url: str) -> None:
        self._busy(False)
        self.show_error(login_error_message(exc, url))
        self.passwordEdit.selectAll()
        self.passwordEdit.setFocus()
