"""Issue 13's proof in the lead console: a team lead opens Recordings, narrows the list,
plays a real recorded call (Ogg/Opus made here with libsndfile) in Qt Multimedia, seeks
in it, scores it with the preset's sheet; the agent then sees the score.

Real parts: the server on 127.0.0.1, the desk that uploaded the calls, the lead's client,
the console's widgets and QMediaPlayer (FFmpeg backend; no sound card, so no audio
device: the player still decodes and keeps time).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from agentdesk import clock
from agentdesk.client.session import ClientSession
from agentdesk.desktop.lead_console import LeadConsole
from agentdesk.desktop.my_scores import MyScoresDialog
from agentdesk.desktop.tasks import Tasks
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import AuditEntry, ContactAttempt, User
from tests.client.recording_helpers import record_calls
from tests.support.audio import frames_duration_ms, write_call

from .conftest import GUI_TIMEOUT_MS

pytestmark = [
    # (Qt Multimedia's notes about the machine's audio are ignored suite-wide: pyproject.toml.)
    pytest.mark.qt_log_ignore(r"propagateSizeHints"),
]


@pytest.fixture
def uploaded(live_server: EmbeddedServer, tmp_path: Path) -> Iterator[tuple[ClientSession, dict[str, Path]]]:
    """agent01's desk with two recorded calls archived: 3 s and 9 s long."""
    agent = ClientSession.login(live_server.url, "agent01", "demo", remember=False, allow_unencrypted=True)
    agent.sync_now()
    attempts = record_calls(agent, 2)
    agent.sync_now()
    files: dict[str, Path] = {}
    for attempt, seconds in zip(attempts, (3.0, 9.0), strict=True):
        path = write_call(tmp_path / f"call-{seconds:.0f}.ogg", seconds, seed=int(seconds))
        kept = tmp_path / f"copy-{seconds:.0f}.ogg"
        kept.write_bytes(path.read_bytes())  # attach takes the file over; the test keeps a copy
        ended = clock.now() - timedelta(minutes=1)
        rid = agent.attach_recording(attempt, path, started_at=ended - timedelta(seconds=seconds), ended_at=ended)
        files[rid] = kept
    assert agent.upload_recordings() == 2
    yield agent, files
    agent.stop()


def test_the_lead_filters_plays_seeks_and_scores_a_call_and_the_agent_sees_the_score(
        qtbot, qapp: QApplication, live_server: EmbeddedServer, uploaded) -> None:  # noqa: ANN001
    agent, files = uploaded
    short_id = next(rid for rid, path in files.items() if "copy-3" in path.name)
    lead = ClientSession.login(live_server.url, "lead01", "demo", remember=False, allow_unencrypted=True)
    lead.sync_now()
    tasks = Tasks()
    console = LeadConsole(lead, tasks)
    qtbot.addWidget(console)
    console.resize(1400, 820)
    console.show()
    tab = console.recordings
    try:
        with qtbot.waitSignal(tab.loaded, timeout=GUI_TIMEOUT_MS) as listed:
            console.tabs.setCurrentWidget(tab)
        assert listed.args == [2] and tab.model.rowCount() == 2
        assert tab.sheet is not None and len(tab._answers) == len(tab.sheet.items)

        # Calls up to five seconds: only the short one.
        with qtbot.waitSignal(tab.loaded, timeout=GUI_TIMEOUT_MS) as listed:
            tab.maxDurationSpin.setValue(5)
        assert listed.args == [1] and tab.model.item_at(0).id == short_id
        with live_server.database.transaction() as s:  # at night the guard flags the calls
            flagged = int(s.scalar(select(func.count()).select_from(ContactAttempt).where(
                ContactAttempt.recording_ref == short_id, ContactAttempt.compliance_flag.is_not(None))) or 0)
        with qtbot.waitSignal(tab.loaded, timeout=GUI_TIMEOUT_MS) as listed:
            tab.flaggedCheck.setChecked(True)
        assert listed.args == [flagged], "the flagged filter shows exactly the flagged calls"
        with qtbot.waitSignal(tab.loaded, timeout=GUI_TIMEOUT_MS):
            tab.flaggedCheck.setChecked(False)
        with qtbot.waitSignal(tab.loaded, timeout=GUI_TIMEOUT_MS) as listed:
            tab.agentFilter.setCurrentIndex(tab.agentFilter.findData("agent02"))
        assert listed.args == [0]
        with qtbot.waitSignal(tab.loaded, timeout=GUI_TIMEOUT_MS) as listed:
            tab.agentFilter.setCurrentIndex(tab.agentFilter.findData("agent01"))
        assert listed.args == [1]

        with qtbot.waitSignal(tab.playback_ready, timeout=GUI_TIMEOUT_MS) as ready:
            tab.select_row(0)
        assert ready.args == [short_id]
        player = tab.player
        expected_ms = frames_duration_ms(files[short_id])
        qtbot.waitUntil(lambda: player.duration() > 0, timeout=GUI_TIMEOUT_MS)
        assert abs(player.duration() - expected_ms) <= 80, (player.duration(), expected_ms)
        assert tab.positionSlider.maximum() == player.duration()

        with qtbot.waitSignal(player.playbackStateChanged, timeout=GUI_TIMEOUT_MS):
            qtbot.mouseClick(tab.playButton, Qt.MouseButton.LeftButton)
        assert player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        assert tab.playButton.text() == "Pause"
        qtbot.waitUntil(lambda: player.position() > 200, timeout=GUI_TIMEOUT_MS)
        assert player.position() < 1500, "playing from the start"
        tab.seek(2200)
        qtbot.waitUntil(lambda: player.position() >= 2200, timeout=GUI_TIMEOUT_MS)
        assert player.position() < 2900, "the seek jumped to 2.2 s, it did not play there"
        qtbot.waitUntil(lambda: tab.positionSlider.value() >= 2200, timeout=GUI_TIMEOUT_MS)
        assert tab.timeLabel.text().startswith("0:02 / 0:03")
        qtbot.waitUntil(lambda: player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia, timeout=GUI_TIMEOUT_MS)

        tab.set_answer("courteous_close", "fail")
        tab.set_answer("correct_promise_terms", "na")
        tab.commentEdit.setPlainText("开场规范；结束时未说明后续安排")  # QTest types ASCII only
        assert tab.scoreLabel.text() == "Score: 94"
        with qtbot.waitSignal(tab.scored, timeout=GUI_TIMEOUT_MS) as saved:
            qtbot.mouseClick(tab.saveScoreButton, Qt.MouseButton.LeftButton)
        assert saved.args[0].score == 94 and saved.args[0].recording_id == short_id
        qtbot.waitUntil(lambda: tab.model.item_at(0) is not None and tab.model.item_at(0).score == 94,
                        timeout=GUI_TIMEOUT_MS)

        with live_server.database.transaction() as s:
            lead_id = s.scalar(select(User.id).where(User.username == "lead01"))
            plays = s.scalars(select(AuditEntry).where(AuditEntry.action == "recording.play",
                                                       AuditEntry.entity_id == short_id)).all()
        assert plays and all(p.user_id == lead_id for p in plays), "the lead's playback is in the audit log"

        # The agent opens "My QA scores".
        agent_tasks = Tasks()
        dialog = MyScoresDialog(agent, agent_tasks, language="en")
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=GUI_TIMEOUT_MS) as shown:
            dialog.show()
        assert shown.args == [1]
        assert dialog.model.data(dialog.model.index(0, 1)) == "94"
        assert dialog.model.data(dialog.model.index(0, 2)) == "lead01"
        detail = dialog.scoreDetail.toPlainText()
        assert "开场规范；结束时未说明后续安排" in detail
        assert "The call ended politely with the next step explained" in detail and "Fail" in detail
        agent_tasks.wait_idle()
    finally:
        console.shutdown()
        tasks.wait_idle(10_000)
        lead.stop()
