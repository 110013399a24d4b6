"""The server ends the session while an outcome waits: the desk asks for the password in
place, and after it the outcome reaches the server exactly once (issue 18).

The real embedded server on loopback and the real windows; the session is ended on the
server (every refresh token of the agent revoked, as reuse detection or an administrator
would) and the access token then runs out on the server's pinned clock.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from agentdesk import clock
from agentdesk.client.sync import SESSION_ENDED
from agentdesk.desktop.app import DesktopApp
from agentdesk.server import auth
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import AppliedMutation, ContactAttempt

from .conftest import GUI_TIMEOUT_MS, sign_in_demo
from .test_offline_day import _work_case

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("daytime"),
]

NOTE = "called in after the session ended"


def test_an_ended_session_asks_for_the_password_and_sends_what_waited_once(
    qtbot,  # noqa: ANN001
    desktop: DesktopApp,
    live_server: EmbeddedServer,
    set_clock,  # noqa: ANN001
) -> None:
    window, session, guard = _signed_in_then_ended(qtbot, desktop, live_server, set_clock)

    # The debtor calls in; the outcome is saved, the push is refused: the dialog appears.
    with qtbot.waitSignal(guard.dialog_shown, timeout=GUI_TIMEOUT_MS) as shown:
        case_id, attempt_id = _work_case(qtbot, window, set(), "right_party", "refusal", NOTE, inbound=True)
    dialog = shown.args[0]
    assert dialog.isVisible() and dialog.parent() is window
    assert dialog.usernameEdit.text() == "agent01" and dialog.usernameEdit.isReadOnly()
    assert session.status().state == SESSION_ENDED and session.status().pending == 1
    qtbot.waitUntil(lambda: window.status_bar.state.text().startswith("● Signed out"), timeout=GUI_TIMEOUT_MS)
    assert window.status_bar.pending.text() == "1 waiting to send"

    # A wrong password is said so, and the dialog stays.
    qtbot.keyClicks(dialog.passwordEdit, "not-my-password")
    qtbot.mouseClick(dialog.signInButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.loginError.isVisible(), timeout=GUI_TIMEOUT_MS)
    assert "Wrong user name or password" in dialog.loginError.text()
    assert guard.dialog is dialog and session.status().pending == 1

    dialog.passwordEdit.clear()
    qtbot.keyClicks(dialog.passwordEdit, "demo")
    with qtbot.waitSignal(guard.signed_in, timeout=GUI_TIMEOUT_MS):
        qtbot.keyClick(dialog.passwordEdit, Qt.Key.Key_Return)
    assert guard.dialog is None
    qtbot.waitUntil(lambda: session.status().pending == 0 and session.status().state == "online",
                    timeout=GUI_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.status_bar.pending.text() == "All sent", timeout=GUI_TIMEOUT_MS)

    with live_server.database.transaction() as s:
        attempts = s.scalars(select(ContactAttempt).where(ContactAttempt.case_id == case_id,
                                                          ContactAttempt.note == NOTE)).all()
        assert [a.id for a in attempts] == [attempt_id], "the outcome reached the server exactly once"
        applied = s.scalar(select(func.count()).select_from(AppliedMutation)
                           .where(AppliedMutation.case_id == case_id, AppliedMutation.status == "applied",
                                  AppliedMutation.type == "attempt.record"))
        assert applied == 1


def test_a_cancelled_sign_in_is_offered_again_at_sync_now(
    qtbot,  # noqa: ANN001
    desktop: DesktopApp,
    live_server: EmbeddedServer,
    set_clock,  # noqa: ANN001
) -> None:
    window, session, guard = _signed_in_then_ended(qtbot, desktop, live_server, set_clock)

    with qtbot.waitSignal(guard.dialog_shown, timeout=GUI_TIMEOUT_MS) as shown:
        window.actionSyncNow.trigger()
    qtbot.mouseClick(shown.args[0].cancelButton, Qt.MouseButton.LeftButton)
    assert guard.dialog is None
    # The background retries do not ask again; the status bar keeps saying why.
    states: list[str] = []
    window.events.status_changed.connect(lambda status: states.append(status.state))
    session.sync.nudge()
    qtbot.waitUntil(lambda: "syncing" in states and states[-1] == SESSION_ENDED, timeout=GUI_TIMEOUT_MS)
    assert guard.dialog is None
    assert window.status_bar.state.text().startswith("● Signed out")
    assert "log in again" in window.status_bar.state.toolTip()

    with qtbot.waitSignal(guard.dialog_shown, timeout=GUI_TIMEOUT_MS) as again:
        window.actionSyncNow.trigger()
    dialog = again.args[0]
    qtbot.keyClicks(dialog.passwordEdit, "demo")
    with qtbot.waitSignal(guard.signed_in, timeout=GUI_TIMEOUT_MS):
        qtbot.mouseClick(dialog.signInButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.status().state == "online", timeout=GUI_TIMEOUT_MS)
    assert guard.dialog is None


def _signed_in_then_ended(qtbot, desktop: DesktopApp, live_server: EmbeddedServer, set_clock):  # noqa: ANN001, ANN202
    """agent01 signed in and online; then the server ends every session of agent01 and the
    access token the desk holds runs out."""
    window = sign_in_demo(qtbot, desktop)
    session = window.session
    guard = window.session_guard
    qtbot.waitUntil(lambda: session.status().state == "online", timeout=GUI_TIMEOUT_MS)
    with live_server.database.transaction() as s:
        auth.revoke_all(s, session.user.id, clock.now())
    set_clock(clock.now() + auth.ACCESS_TTL + timedelta(minutes=1))
    return window, session, guard
