"""Signing out on a shared desk: with the administrator's `wipe_on_logout` the agent's cases
leave the machine; without it the encrypted cache stays for the next start."""

from __future__ import annotations

import pytest

from agentdesk.desktop.app import DesktopApp
from tests.desktop.conftest import GUI_TIMEOUT_MS, sign_in_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("wipe", [True, False])
def test_sign_out_wipes_the_local_cases_only_when_the_desk_is_set_to(qtbot, desktop: DesktopApp,  # noqa: ANN001
                                                                     wipe: bool) -> None:
    desktop.settings.set("wipe_on_logout", wipe)
    window = sign_in_demo(qtbot, desktop)
    path = window.session.store.path
    assert path.exists()
    window.actionLogout.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=GUI_TIMEOUT_MS)
    assert path.exists() is not wipe, "wiped on a shared desk, kept otherwise"
