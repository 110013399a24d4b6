"""What a call may not do (issues 13 and 18), through the real window and the hand-off:
a number the rules block is dialled by no path; an outcome needs a call placed from the
desk or the debtor's own call; the wrap-up starts on a number that may be called."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from agentdesk import clock
from agentdesk.client.views import ContactPointView
from agentdesk.desktop.app import DesktopApp
from agentdesk.desktop.case_panel import first_dialable
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import ContactPoint
from tests.support.times import next_local

from .conftest import GUI_TIMEOUT_MS, DialedLinks, dial_selected, sign_in_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_a_blocked_number_is_dialled_by_no_path(qtbot, desktop: DesktopApp, set_clock,  # noqa: ANN001
                                                 dialed_links: DialedLinks) -> None:
    set_clock(next_local(clock.now(), 2))  # 02:00 Beijing: every demo debtor is in the quiet hours
    window = sign_in_demo(qtbot, desktop)
    with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
        window.actionNextCase.trigger()
    panel = window.case_panel
    point = panel.selected_contact()
    assert point is not None and not panel.callButton.isEnabled()
    window.actionCall.trigger()  # F5
    panel.callButton.click()  # the (disabled) button
    panel.contactsView.doubleClicked.emit(panel.contactsView.currentIndex())  # a double-click on the number
    # ...and asked directly, past the panel: the session's guard refuses too.
    with qtbot.waitSignal(window.calls.dial_refused, timeout=GUI_TIMEOUT_MS) as refused:
        window.calls.dial(window.current_case, point)
    assert refused.args[0], "the agent is told why"
    assert dialed_links.urls == [] and not window.note_form.dial_id()
    assert window.session.last_dial(window.current_case) is None
    # No call, no outcome: the form says so instead of saving.
    form = window.note_form
    form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("right_party"))
    form.outcomeCombo.setCurrentIndex(form.outcomeCombo.findData("refusal"))
    with qtbot.assertNotEmitted(window.outcome_recorded):
        form.saveButton.click()
    assert "No call was placed" in form.callError.text() and form.callError.isVisibleTo(form)
    # The debtor calling in is the one way to record it.
    form.inboundCheck.setChecked(True)
    with qtbot.waitSignal(window.outcome_recorded, timeout=GUI_TIMEOUT_MS):
        form.saveButton.click()
    window.close()


@pytest.mark.usefixtures("daytime")
def test_the_handoff_opens_the_link_with_the_number_and_the_wrapup_stands_on_it(
    qtbot, desktop: DesktopApp, dialed_links: DialedLinks, live_server: EmbeddedServer,  # noqa: ANN001
) -> None:
    desktop.settings.set("dialer_url", "sip:{number}@pbx.example.cn")
    window = sign_in_demo(qtbot, desktop)
    assert window.calls.line_label.text().startswith("No phone line")
    with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
        window.actionNextCase.trigger()
    point = window.case_panel.selected_contact()
    dial_selected(qtbot, window)
    with live_server.database.transaction() as s:
        number = s.get(ContactPoint, point).value
    assert dialed_links.urls == [f"sip:{number.replace(' ', '')}@pbx.example.cn"]
    form = window.note_form
    assert form.contactCombo.currentData() == point and not form.contactCombo.isEnabled()
    assert not form.inboundCheck.isVisible()
    form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("nobody"))
    form.outcomeCombo.setCurrentIndex(form.outcomeCombo.findData("voicemail"))
    with qtbot.waitSignal(window.outcome_recorded, timeout=GUI_TIMEOUT_MS):
        form.saveButton.click()
    window.close()


def test_the_wrapup_starts_on_a_number_that_may_be_called() -> None:
    def point(pid: str, owner: str, status: str) -> ContactPointView:
        return ContactPointView(id=pid, kind="phone", value_masked="138****0000", owner=owner, relation=None,
                                contact_name=None, status=status, source="lender")

    # first_dialable reads only the case's contact points
    case = SimpleNamespace(contact_points=(point("a", "debtor", "do_not_contact"), point("b", "emergency", "valid"),
                                           point("c", "debtor", "valid")))
    assert first_dialable(case) == "c", "the debtor's callable number, not the do-not-call one"  # type: ignore[arg-type]
    case = SimpleNamespace(contact_points=(point("a", "debtor", "invalid"), point("b", "emergency", "valid")))
    assert first_dialable(case) == "b"  # type: ignore[arg-type]
