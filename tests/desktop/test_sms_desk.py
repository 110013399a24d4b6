"""The desk, as an agent and a lead use it (offscreen Qt, real widgets, real server):
Ctrl+M opens the SMS dialog on the open case, the preview is the template filled for this
debtor with its segment count, the demo says on the button that nothing is sent, sending
puts the SMS in the timeline at once; a neutral template is the only choice for an
emergency contact; the lead's charts show the per-template counts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from agentdesk.desktop.app import DesktopApp
from agentdesk.desktop.mainwindow import MainWindow
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.sms.models import SmsMessage
from tests.desktop.conftest import GUI_TIMEOUT_MS, sign_in_demo
from tests.sms.helpers import sendable_cases

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _open(qtbot, window: MainWindow, case_id: str) -> None:  # noqa: ANN001
    window.open_case(case_id)
    qtbot.waitUntil(lambda: window.current_case == case_id, timeout=GUI_TIMEOUT_MS)


def test_ctrl_m_previews_and_sends_an_sms_from_the_case(qtbot, desktop: DesktopApp,  # noqa: ANN001
                                                        live_server: EmbeddedServer, daytime: object) -> None:
    target = sendable_cases(live_server.database, limit=1, agents=("agent01",), zone="Asia/Shanghai")[0]
    window = sign_in_demo(qtbot, desktop)
    qtbot.waitUntil(lambda: window.session.sms_gateway() == "none", timeout=GUI_TIMEOUT_MS)
    _open(qtbot, window, target.case_id)

    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.sms.dialog is not None and window.sms.dialog.isVisible(), timeout=GUI_TIMEOUT_MS)
    dialog = window.sms.dialog
    assert dialog is not None
    detail = window.session.case_detail(target.case_id)
    assert detail is not None
    assert dialog.numberCombo.currentData() == target.point_id
    assert dialog.previewText.toPlainText().startswith("【安信服务中心】" + detail.debtor_name)
    assert "2 SMS" in dialog.segmentsLabel.text() and "UCS-2" in dialog.segmentsLabel.text()
    assert dialog.sendButton.isEnabled() and "demo: not sent" in dialog.sendButton.text()
    assert "not sent to any phone" in dialog.gatewayLabel.text()

    qtbot.keyClick(dialog.sendButton, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.sms.dialog is None, timeout=GUI_TIMEOUT_MS)
    shown = window.session.case_detail(target.case_id)
    chosen = dialog.templates_model.item(dialog.templateList.currentIndex().row()).data(Qt.ItemDataRole.UserRole + 1)
    assert shown is not None and shown.sms and shown.sms[0].template_id == chosen.template.id
    assert f"SMS: {chosen.template.title['en']}" in window.case_panel.timeline_text()[0]

    def stored() -> bool:
        with live_server.database.transaction() as s:
            return s.scalar(select(SmsMessage.id).where(SmsMessage.case_id == target.case_id)) is not None

    window.session.sync_now()
    qtbot.waitUntil(stored, timeout=GUI_TIMEOUT_MS)

    # A second message to the same number today: the dialog says why not and cannot send.
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.sms.dialog is not None and window.sms.dialog.isVisible(), timeout=GUI_TIMEOUT_MS)
    again = window.sms.dialog
    assert again is not None and not again.sendButton.isEnabled()
    assert "already got 1 SMS today" in again.verdictLabel.text()
    again.reject()


def test_a_number_not_verified_as_the_debtors_gets_only_the_neutral_template(  # noqa: ANN001
        qtbot, desktop: DesktopApp, live_server: EmbeddedServer, daytime: object) -> None:
    """Nothing about the debt reaches a number that may not be the debtor's: an unverified
    number may get the neutral "please call back"; an emergency contact (the China preset:
    no SMS to third parties) gets none at all, and the dialog says why."""
    from agentdesk.server import sync
    from agentdesk.server.models import Case, ContactPoint

    target = sendable_cases(live_server.database, limit=1, agents=("agent01",), zone="Asia/Shanghai")[0]
    with live_server.database.transaction() as s:  # the lender's number turns out to be doubtful
        s.get(ContactPoint, target.point_id).status = "unverified"  # type: ignore[union-attr]
        sync.touch(s, [s.get(Case, target.case_id)])  # type: ignore[list-item]
    window = sign_in_demo(qtbot, desktop)

    def first(owner: str, status: str) -> tuple[str, str]:
        for row in window.queue_model.rows():
            detail = window.session.case_detail(row.case_id)
            if row.status != "open" or detail is None:
                continue
            for p in detail.contact_points:
                if p.owner == owner and p.status == status and p.kind == "phone":
                    return row.case_id, p.id
        raise AssertionError(f"no open case with an {status} {owner} number")

    def previews(case_id: str, point_id: str) -> dict[str, object]:
        _open(qtbot, window, case_id)
        window.sms.open_dialog()
        dialog = window.sms.dialog
        assert dialog is not None
        dialog.numberCombo.setCurrentIndex(dialog.numberCombo.findData(point_id))
        model = dialog.templates_model
        found = {model.item(i).data(Qt.ItemDataRole.UserRole + 1).template.id:
                 model.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(model.rowCount())}
        shown = dialog.previewText.toPlainText(), dialog.sendButton.isEnabled(), dialog.verdictLabel.text()
        dialog.reject()
        return {"by_id": found, "shown": shown}

    unverified = previews(*first("debtor", "unverified"))
    by_id = unverified["by_id"]
    assert not by_id["payment_reminder"].verdict.allowed  # type: ignore[index]
    assert "verified number" in by_id["payment_reminder"].verdict.reason_en  # type: ignore[index]
    neutral = by_id["please_call_back"]  # type: ignore[index]
    assert all(word not in neutral.text for word in ("欠", "还款", "逾期", "¥"))
    text, enabled, _why = unverified["shown"]  # type: ignore[misc]
    assert text == neutral.text  # the dialog offers the neutral one first for such a number

    emergency = previews(*first("emergency", "valid"))
    assert not any(p.verdict.allowed for p in emergency["by_id"].values())  # type: ignore[attr-defined]
    _text, enabled, why = emergency["shown"]  # type: ignore[misc]
    assert not enabled and "No text messages to emergency contacts" in why


def test_the_leads_chart_counts_sms_per_template(qtbot, desktop: DesktopApp,  # noqa: ANN001
                                                 live_server: EmbeddedServer, daytime: object) -> None:
    from datetime import timedelta

    from agentdesk import clock
    from agentdesk.server.sms import feedback
    from tests.sms.helpers import login, push, send_mutation

    targets = sendable_cases(live_server.database, limit=5, agents=("agent01", "agent02"))
    for target in targets:
        push(live_server.url, login(live_server.url, target.agent), [send_mutation(target)])
    with live_server.database.transaction() as s:
        messages = s.scalars(select(SmsMessage)).all()
        for index, message in enumerate(messages):
            message.state, message.sent_at = ("delivered" if index < 4 else "failed"), clock.now()
            if index < 2:
                message.opened_at = clock.now() + timedelta(minutes=5)
    window = sign_in_demo(qtbot, desktop, "lead01")
    console = window.lead_console
    assert console is not None
    with qtbot.waitSignal(console.charts_loaded, timeout=GUI_TIMEOUT_MS):
        console.tabs.setCurrentWidget(console.chartsPage)
    data = console.charts.data["sms"]
    assert data.categories == ["Payment reminder v1"]
    with live_server.database.transaction() as s:  # payments come from the seeded portfolio
        paid = feedback.template_report(s, None, 30, clock.now())[0].paid_7d
    assert {name: values for name, values in data.sets} == {
        "Sent": [5.0], "Delivered": [4.0], "Link opened": [2.0], "Paid within 7 days": [float(paid)]}
    assert console.charts.views["sms"].chart().series()[0].isLabelsVisible()
