"""Glitches of a day at the desk: the layout stays the agent's (column widths and pane sizes come back at the next
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


def test_a_search_says_which_field_matched_and_that_a_filter_hides_matches(qtbot, desktop: DesktopApp) -> None:  # noqa: ANN001
    window = sign_in_demo(qtbot, desktop)
    row = window.queue_model.rows()[5]
    detail = window.session.case_detail(row.case_id)
    account = detail.accounts[0].account_no
    other_bucket = next(b for b in ("M1", "M2", "M3", "M4+") if b != row.bucket)
    window.filterCombo.setCurrentIndex(window.filterCombo.findData(other_bucket))
    qtbot.waitUntil(lambda: all(r.bucket == other_bucket for r in window.queue_model.rows()), timeout=GUI_TIMEOUT_MS)
    window.searchEdit.setText(account)
    qtbot.waitUntil(lambda: "more match with the filter off" in window.queueCount.text(), timeout=GUI_TIMEOUT_MS)
    assert window.queue_model.rowCount() == 0 and window.queueCount.text().startswith("0 cases · 1 more match")
    window.filterCombo.setCurrentIndex(window.filterCombo.findData("all"))
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 1, timeout=GUI_TIMEOUT_MS)
    why = window.queue_model.index(0, QueueModel.WHY).data()
    assert why.startswith("Account no. matches · ") and window.queueCount.text() == "1 case"
    # A phone's last four digits: the same search box, another field.
    tail = next(p.value_masked[-4:] for p in detail.contact_points if p.kind == "phone")
    window.searchEdit.setText(tail)

    def why_of_case() -> str:
        at = window.queue_model.row_of(row.case_id)
        return "" if at is None else window.queue_model.index(at, QueueModel.WHY).data()

    qtbot.waitUntil(lambda: why_of_case().startswith("Phone number matches · "), timeout=GUI_TIMEOUT_MS)
    window.close()



@pytest.mark.parametrize("mode", ["light", "dark"])
def test_spin_boxes_show_their_arrows_in_the_theme(qtbot, styled_app, mode: str) -> None:  # noqa: ANN001
    """The Team-cases spin boxes once showed blank arrow buttons: the theme draws them."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QSpinBox

    from agentdesk.desktop import theme

    theme.apply_theme(styled_app, mode)
    try:
        box = QSpinBox()
        qtbot.addWidget(box)
        box.setRange(0, 999)
        box.setValue(5)
        box.resize(140, 34)
        box.show()
        qtbot.waitExposed(box)
        image = box.grab().toImage()
        surface = QColor(theme.color("surface")).rgb()

        def marks(top: int, bottom: int) -> int:
            """Pixels of the arrow column (the right 20 px, inside the border) unlike the field."""
            return sum(1 for x in range(image.width() - 18, image.width() - 3) for y in range(top, bottom)
                       if abs(QColor(image.pixel(x, y)).lightness() - QColor(surface).lightness()) > 40)

        half = image.height() // 2
        assert marks(3, half) >= 4, "an up arrow is drawn"
        assert marks(half, image.height() - 3) >= 4, "a down arrow is drawn"
    finally:
        theme.apply_theme(styled_app, "light")
