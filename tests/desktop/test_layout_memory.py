"""The desk's layout stays the agent's: column widths and pane sizes come back at the next
start, and opening cases does not push the queue pane around."""

from __future__ import annotations

import pytest

from agentdesk.desktop.app import DesktopApp
from agentdesk.desktop.queue_model import QueueModel

from .conftest import GUI_TIMEOUT_MS, sign_in_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_widths_and_panes_come_back_at_the_next_start_and_cases_do_not_move_them(
    qtbot, desktop: DesktopApp  # noqa: ANN001
) -> None:
    window = sign_in_demo(qtbot, desktop)
    window.resize(1440, 900)
    header = window.queueView.horizontalHeader()
    header.resizeSection(QueueModel.WHY - 1 if QueueModel.WHY > 0 else 1, 131)
    chosen_column = QueueModel.WHY - 1 if QueueModel.WHY > 0 else 1
    window.mainSplitter.setSizes([610, 470, 360])
    pane = window.mainSplitter.sizes()[0]
    # Open a few cases, among them the longest name: the queue pane keeps its width.
    rows = window.queue_model.rows()
    longest = max(rows[:40], key=lambda r: len(r.debtor_name)).case_id
    for case_id in dict.fromkeys([rows[2].case_id, longest, rows[3].case_id]):
        if case_id == window.current_case:
            continue
        with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
            window.select_case(case_id)
        assert window.mainSplitter.sizes()[0] == pane
    assert header.sectionSize(chosen_column) == 131
    window.close()
    assert desktop.settings.get("layouts")["agent01"]["queue_columns"][chosen_column] == 131

    again = sign_in_demo(qtbot, desktop)
    assert again is not window
    assert again.queueView.horizontalHeader().sectionSize(chosen_column) == 131
    assert desktop.settings.get("layouts")["agent01"]["main_splitter"][0] == pane
    again.close()
