"""The agent's window when the server comes back restored from a backup (issue 18).

Real embedded server and windows. After the backup two cases come into the agent's queue;
the server goes down; the debtor calls in and the outcome waits; the server comes back on
the backup. The agent presses "Sync now": the queue shows exactly the restored server's
cases, and the waiting outcome is on the server once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from agentdesk.desktop.app import DesktopApp
from agentdesk.server.embedded import EmbeddedServer, start_embedded_server
from agentdesk.server.models import ContactAttempt
from tests.support import restore

from .conftest import GUI_TIMEOUT_MS, sign_in_demo
from .test_offline_day import _work_case

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("daytime"),
]


def _queue_ids(window) -> set[str]:  # noqa: ANN001
    return {row.case_id for row in window.queue_model.rows()}


def test_the_queue_shows_the_restored_servers_cases_and_the_waiting_outcome_arrives_once(
    qtbot,  # noqa: ANN001
    desktop: DesktopApp,
    live_server: EmbeddedServer,
    tmp_path: Path,
) -> None:
    window = sign_in_demo(qtbot, desktop)
    session = window.session
    backup_url = restore.backup(live_server.database, tmp_path / "backup.db")

    moved = set(restore.give_cases(live_server.database, "agent01", "agent02", 2))
    window.actionSyncNow.trigger()
    qtbot.waitUntil(lambda: moved <= _queue_ids(window), timeout=GUI_TIMEOUT_MS)

    port = live_server.port
    live_server.stop()
    restored: EmbeddedServer | None = None
    try:
        worked = set(moved)  # an outcome on a case both databases hold
        case_id, attempt_id = _work_case(qtbot, window, worked, "right_party", "refusal",
                                         "called in while the server was down", inbound=True)
        qtbot.waitUntil(lambda: window.status_bar.pending.text() == "1 waiting to send", timeout=GUI_TIMEOUT_MS)

        restored = start_embedded_server(backup_url, port=port, seed=False)
        expected = restore.scope(restored.database, "agent01")
        assert case_id in expected and not moved & expected
        window.actionSyncNow.trigger()
        qtbot.waitUntil(lambda: session.status().pending == 0 and _queue_ids(window) == expected,
                        timeout=GUI_TIMEOUT_MS)
        qtbot.waitUntil(lambda: window.status_bar.pending.text() == "All sent", timeout=GUI_TIMEOUT_MS)
        with restored.database.transaction() as s:
            count = s.scalar(select(func.count()).select_from(ContactAttempt).where(ContactAttempt.id == attempt_id))
        assert count == 1
    finally:
        window.close()
        if restored is not None:
            restored.stop()
