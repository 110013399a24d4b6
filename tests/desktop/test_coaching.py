"""Coaching at the desk, before the harm (issue 15): a note that threatens, insults or shames
is stopped before it is saved with the phrase marked; the agent rephrases it, or keeps it
with a reason the team lead then sees in the review. A debtor's consent to late calls is
recorded with the call it was given on."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from agentdesk.desktop.app import DesktopApp
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import Case, ContactAttempt

from .conftest import GUI_TIMEOUT_MS, dial_selected, sign_in_demo

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("daytime"),
]


def _open_callable_case(qtbot, window) -> str:  # noqa: ANN001
    with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
        window.actionNextCase.trigger()
    assert window.case_panel.detail is not None
    return window.case_panel.detail.case_id


def test_an_abusive_note_is_stopped_marked_and_kept_only_with_a_reason_the_lead_sees(
        qtbot, desktop: DesktopApp, live_server: EmbeddedServer) -> None:  # noqa: ANN001
    window = sign_in_demo(qtbot, desktop)
    case_id = _open_callable_case(qtbot, window)
    dial_selected(qtbot, window)  # an outcome stands on a call placed from the desk (issue 18)
    form = window.note_form
    form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("nobody"))
    form.outcomeCombo.setCurrentIndex(form.outcomeCombo.findData("no_answer"))
    form.noteEdit.setPlainText("又没接，这个老赖 / deadbeat again")
    with qtbot.assertNotEmitted(window.outcome_recorded):
        form.saveButton.click()
    assert form.conductBox.isVisible() and "老赖" in form.conductLabel.text()
    assert sorted(form.marked_phrases()) == ["deadbeat", "老赖"]

    # Rephrased: saved without a word to the lead.
    form.noteEdit.setPlainText("又没接听，明天上午再拨")
    with qtbot.waitSignal(window.outcome_recorded, timeout=GUI_TIMEOUT_MS) as clean:
        form.saveButton.click()
    assert form.marked_phrases() == []

    # Kept with a reason: recorded, and flagged for the lead with the phrase and the reason.
    dial_selected(qtbot, window)
    form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("nobody"))
    form.outcomeCombo.setCurrentIndex(form.outcomeCombo.findData("no_answer"))
    form.noteEdit.setPlainText("对方家属称其为老赖，原话记录")
    with qtbot.assertNotEmitted(window.outcome_recorded):
        form.saveButton.click()
    form.conductReasonEdit.setText("家属原话，如实记录")
    with qtbot.waitSignal(window.outcome_recorded, timeout=GUI_TIMEOUT_MS) as kept:
        form.saveButton.click()
    session = window.session
    qtbot.waitUntil(lambda: session.status().pending == 0, timeout=GUI_TIMEOUT_MS)
    with live_server.database.transaction() as s:
        assert s.get(ContactAttempt, clean.args[1]).compliance_flag is None
        flagged = s.get(ContactAttempt, kept.args[1])
        assert flagged.case_id == case_id
        assert flagged.conduct_override == {"phrases": ["老赖"], "reason": "家属原话，如实记录"}
        assert "conduct_override" in flagged.compliance_flag
    window.close()

    lead = sign_in_demo(qtbot, desktop, "lead01")
    console = lead.lead_console
    assert console is not None
    with qtbot.waitSignal(console.review_loaded, timeout=GUI_TIMEOUT_MS):
        console.load_review()
    model = console.flagged_model
    flags = [model.item_at(row).compliance_flag for row in range(model.rowCount())]
    assert any("老赖" in f and "家属原话" in f for f in flags), flags
    lead.close()


def test_a_consent_to_late_calls_is_recorded_with_the_call(
        qtbot, desktop: DesktopApp, live_server: EmbeddedServer) -> None:  # noqa: ANN001
    window = sign_in_demo(qtbot, desktop)
    case_id = _open_callable_case(qtbot, window)
    dial_selected(qtbot, window)
    form = window.note_form
    form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("nobody"))
    assert not form.consentCheck.isEnabled(), "nobody reached: nobody can consent"
    form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("right_party"))
    form.outcomeCombo.setCurrentIndex(form.outcomeCombo.findData("refusal"))
    assert form.consentCheck.isEnabled()
    form.consentCheck.setChecked(True)
    with qtbot.waitSignal(window.outcome_recorded, timeout=GUI_TIMEOUT_MS):
        form.saveButton.click()
    qtbot.waitUntil(lambda: window.session.status().pending == 0, timeout=GUI_TIMEOUT_MS)
    assert window.session.status().rejected == 0
    with live_server.database.transaction() as s:
        assert s.scalar(select(Case.consent_late_calls).where(Case.id == case_id)) is True
    window.close()


def test_the_case_shows_what_the_limits_leave_and_a_call_spends_it(
        qtbot, desktop: DesktopApp) -> None:  # noqa: ANN001
    window = sign_in_demo(qtbot, desktop)
    _open_callable_case(qtbot, window)
    panel = window.case_panel
    point = panel.selected_contact()
    assert point is not None
    before = panel.budgetLine.text()
    assert before.startswith("Left today: this number") and "text" in before and "this week" in before
    calls_left = window.session.contact_budget(panel.detail.case_id, point).number_today
    assert f"{calls_left} call" in before
    dial_selected(qtbot, window)
    form = window.note_form
    assert form.contactCombo.currentData() == point, "the wrap-up is about the number called"
    form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("nobody"))
    form.outcomeCombo.setCurrentIndex(form.outcomeCombo.findData("no_answer"))
    with qtbot.waitSignal(window.outcome_recorded, timeout=GUI_TIMEOUT_MS):
        form.saveButton.click()  # Save (not Save & next) stays on the case
    qtbot.waitUntil(lambda: f"{calls_left - 1} call" in panel.budgetLine.text(), timeout=GUI_TIMEOUT_MS)
    window.close()
