"""The desk at night (issue 17): inside the quiet hours nothing may be called, yet the agent
can open the top case to prepare it, and sees from when it may be called."""

from __future__ import annotations

import pytest

from agentdesk import clock
from agentdesk.desktop.app import DesktopApp
from tests.support.times import next_local

from .conftest import GUI_TIMEOUT_MS, sign_in_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_f2_at_night_opens_the_first_case_callable_and_says_from_when(
    qtbot, desktop: DesktopApp, set_clock  # noqa: ANN001
) -> None:
    # 02:00 in Beijing is midnight in Urumqi: every demo debtor is inside the quiet hours.
    night = set_clock(next_local(clock.now(), 2))
    window = sign_in_demo(qtbot, desktop)
    with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
        window.actionNextCase.trigger()
    detail = window.case_panel.detail
    assert detail is not None and detail.status == "open"
    row = window.queue_model.rows()[window.queue_model.row_of(detail.case_id)]
    assert row.callable_from is not None and row.callable_from > night.now()
    soonest = min(r.callable_from for r in window.queue_model.rows()
                  if r.status == "open" and r.callable_from is not None)
    assert row.callable_from == soonest
    banner = window.case_panel.complianceTitle.text()
    assert banner.startswith("Not now") and "next allowed" in banner
    assert not window.case_panel.callButton.isEnabled()
    assert "No case may be called right now" in window.statusBar().currentMessage()
    window.close()


def test_at_22_00_the_debtors_clock_and_the_banner_turn_together(
    qtbot, desktop: DesktopApp, set_clock  # noqa: ANN001
) -> None:
    """The case header once said 22:00 while the banner still allowed a call for a minute."""
    from datetime import timedelta

    before = next_local(clock.now(), 21, minute=59) + timedelta(seconds=30)
    set_clock(before)
    window = sign_in_demo(qtbot, desktop)
    panel = window.case_panel
    shanghai = [r.case_id for r in window.queue_model.rows() if r.status == "open" and r.callable_from is None
                and window.session.case_detail(r.case_id).time_zone == "Asia/Shanghai"]
    assert shanghai, "a Beijing-time case callable at 21:59"
    if window.current_case != shanghai[0]:
        with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
            window.select_case(shanghai[0])
    assert "21:59" in panel.placeLine.text() and panel.complianceTitle.text() == "Call allowed now"
    set_clock(before + timedelta(seconds=40))  # 22:00:10 in Beijing
    panel._minute_timer.timeout.emit()  # the tick at the new minute (armed for 22:00:00.05)
    assert "22:00" in panel.placeLine.text()
    assert panel.complianceTitle.text().startswith("Not now") and not panel.callButton.isEnabled()
    window.close()
