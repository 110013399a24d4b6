"""Calls from the case through a real SIP stack (issue 13): the desk's softphone (PJSIP)
registers with Kamailio (Debian's SIP server, started here on 127.0.0.1 with a generated
configuration and digest passwords) and dials the debtor's phone, a second PJSIP user
agent in its own process that answers, rings out, is busy or unknown on command and
speaks a sentence made by espeak-ng. No part of the SIP stack is mocked.

Driven as an agent would: F5 on the case, the call bar, F6 to hang up, the wrap-up that
the call fills, Ctrl+Enter; then the server's attempt and the recording on disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from agentdesk import paths
from agentdesk.client.session import ClientSession
from agentdesk.desktop.app import DesktopApp
from agentdesk.desktop.lead_console import LeadConsole
from agentdesk.desktop.mainwindow import MainWindow
from agentdesk.desktop.phone import lab, make_phone
from agentdesk.desktop.phone.account import SipSecret, account_from_config
from agentdesk.desktop.phone.pjlib import EndpointOptions
from agentdesk.desktop.tasks import Tasks
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import AuditEntry, ContactAttempt, ContactPoint, Recording, User

from .conftest import GUI_TIMEOUT_MS, answer_question, sign_in_demo

pytestmark = [
    # (Qt Multimedia's notes about the machine's audio are ignored suite-wide: pyproject.toml.)
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("daytime"),
]

EXTENSION, PASSWORD = "8001", "s3cret-8001"
CALLER_ID = "4008001234"
RING_TIMEOUT_S = 2.0
_rtp = count(46000, 200)


@pytest.fixture(scope="module")
def debtor_phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[lab.StandInPhone]:
    if lab.kamailio_binary() is None:
        from tests.conftest import service_unavailable

        service_unavailable("kamailio is not installed (Debian: apt-get install kamailio espeak-ng)")
    wav = lab.spoken_wav("Hello, yes, this is Wang speaking. Who is calling please?",
                         tmp_path_factory.mktemp("far") / "hello.wav")
    phone = lab.StandInPhone(wav, rtp_port=45000)
    yield phone
    phone.stop()


@pytest.fixture(scope="module")
def pbx(debtor_phone: lab.StandInPhone) -> Iterator[lab.Kamailio]:
    server = lab.Kamailio(debtor_phone.port, {EXTENSION: PASSWORD})
    yield server
    server.stop()


def _admin(pbx: lab.Kamailio) -> dict[str, Any]:
    return {"sip_server": f"127.0.0.1:{pbx.port}", "sip_extension": EXTENSION, "sip_caller_id": CALLER_ID,
            "sip_transport": "udp", "sip_register": True}


def use_softphone(desktop: DesktopApp, admin: dict[str, Any]) -> None:
    """The desk's phone as an administrator would set it, bound to 127.0.0.1 for the test."""
    desktop.admin_values = admin

    def factory(session: Any) -> Any:
        return make_phone(admin, desktop.settings, clock=session.clock, ring_timeout=RING_TIMEOUT_S,
                          options=EndpointOptions(bind_address="127.0.0.1", rtp_port=next(_rtp)))

    desktop.phone_factory = factory


@pytest.fixture
def sip_password(secret_service: Any, pbx: lab.Kamailio) -> Iterator[SipSecret]:
    """The agent's SIP password, where the desk keeps it: the OS keyring."""
    account = account_from_config(_admin(pbx))
    assert account is not None
    secret = SipSecret(account)
    secret.set(PASSWORD)
    yield secret
    secret.forget()


def _ready_desk(qtbot, desktop: DesktopApp, pbx: lab.Kamailio) -> MainWindow:  # noqa: ANN001
    use_softphone(desktop, _admin(pbx))
    window = sign_in_demo(qtbot, desktop)
    qtbot.waitUntil(lambda: window.calls.line_label.text().startswith("Phone ready"), timeout=GUI_TIMEOUT_MS)
    return window


def _callable_case(qtbot, window: MainWindow, min_outstanding: int = 0) -> str:  # noqa: ANN001
    for row in window.queue_model.rows():
        if row.status == "open" and row.callable_from is None and row.outstanding.minor >= min_outstanding:
            if window.current_case != row.case_id:
                with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
                    window.select_case(row.case_id)
            if window.case_panel.callButton.isEnabled():
                return row.case_id
    raise AssertionError("no callable case in the demo queue")


def _number_of(server: EmbeddedServer, point_id: str) -> str:
    with server.database.transaction() as s:
        point = s.get(ContactPoint, point_id)
        assert point is not None
        return point.value


def _agent_state(server: EmbeddedServer) -> str:
    with server.database.transaction() as s:
        return s.scalars(select(User.agent_state).where(User.username == "agent01")).one()


def _archived(server: EmbeddedServer, attempt_id: str) -> Recording | None:
    with server.database.transaction() as s:
        found = s.scalars(select(Recording).where(Recording.attempt_id == attempt_id,
                                                  Recording.state == "archived")).first()
        if found is not None:
            s.expunge(found)
        return found


def test_a_call_from_the_case_is_talked_recorded_and_its_facts_reach_the_server(
    qtbot, desktop: DesktopApp, live_server: EmbeddedServer, pbx: lab.Kamailio,  # noqa: ANN001
    debtor_phone: lab.StandInPhone, sip_password: SipSecret,
) -> None:
    window = _ready_desk(qtbot, desktop, pbx)
    debtor_phone.mode("answer", 300)
    case_id = _callable_case(qtbot, window)
    panel, form = window.case_panel, window.note_form
    point = panel.selected_contact()
    assert point is not None

    window.activateWindow()
    window.actionCall.trigger()  # F5
    incoming = _heard(qtbot, debtor_phone, "incoming")
    assert incoming["number"] == _number_of(live_server, point), "the number selected, in full, was dialled"
    assert CALLER_ID in incoming["caller_id"], "with the caller ID the administrator set"
    qtbot.waitUntil(lambda: panel.callStateLabel.text() == "Connected", timeout=GUI_TIMEOUT_MS)
    assert panel.callBar.isVisible() and panel.hangUpButton.isEnabled()
    qtbot.waitUntil(lambda: _agent_state(live_server) == "on_call", timeout=GUI_TIMEOUT_MS)

    # Talk (the far end speaks), press a key on the keypad, leave the case: the desk asks.
    panel.keypadButton.click()
    assert panel.keypad.isVisible()
    panel.key1.click()
    assert _heard(qtbot, debtor_phone, "dtmf")["digit"] == "1"
    asked: list[str] = []
    answer_question(False, asked)
    window.actionNextCase.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=GUI_TIMEOUT_MS)
    assert "call is in progress" in asked[0] and window.current_case == case_id
    qtbot.waitUntil(lambda: panel.callTimerLabel.text() >= "0:03", timeout=GUI_TIMEOUT_MS)

    with qtbot.waitSignal(window.calls.call_finished, timeout=GUI_TIMEOUT_MS) as finished:
        window.actionHangUp.trigger()  # F6
    result = finished.args[0]
    assert result.connected and result.talk_seconds >= 3 and result.sip_call_id
    assert form.callResultLabel.text() == f"Connected, 0:{result.talk_seconds:02d}"
    assert panel.callStateLabel.text() == "Call ended"
    assert form.reachedCombo.currentIndex() == -1, "after a conversation the agent says who was reached"
    assert form.contactCombo.currentData() == point and not form.contactCombo.isEnabled()
    qtbot.waitUntil(lambda: _agent_state(live_server) == "wrap_up", timeout=GUI_TIMEOUT_MS)

    form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("right_party"))
    form.outcomeCombo.setCurrentIndex(form.outcomeCombo.findData("refusal"))
    form.noteEdit.setPlainText("refuses for now; call recorded")
    window.activateWindow()
    with qtbot.waitSignal(window.outcome_recorded, timeout=5000, raising=False) as recorded:
        window.actionSaveNext.trigger()  # Ctrl+Enter
    assert recorded.signal_triggered, form.formError.text() + form.outcomeError.text() + form.promiseError.text()
    attempt_id = recorded.args[1]
    qtbot.waitUntil(lambda: window.session.status().pending == 0, timeout=GUI_TIMEOUT_MS)
    with live_server.database.transaction() as s:
        attempt = s.get(ContactAttempt, attempt_id)
        assert attempt is not None
        attempt_call_id = attempt.sip_call_id
        assert attempt.sip_call_id == result.sip_call_id and attempt.talk_seconds == result.talk_seconds
        assert abs((attempt.started_at - result.started_at).total_seconds()) < 1
        assert attempt.answered_at is not None and abs((attempt.answered_at - result.answered_at).total_seconds()) < 1
        assert attempt.contact_point_id == point and attempt.direction == "outbound"

    # The recording: one compressed file for the call, as long as the talk, handed to the
    # archive with its attempt; it reaches the server byte for byte and plays for the lead.
    handed: list[Any] = []
    window.calls.on_recording(result.dial_id, handed.append)
    qtbot.waitUntil(lambda: bool(handed), timeout=GUI_TIMEOUT_MS)
    saved = handed[0]
    assert saved.sip_call_id == attempt_call_id
    assert Path(saved.recording_path).suffix == ".ogg" and len(saved.recording_sha256) == 64
    talk = (result.ended_at - result.answered_at).total_seconds()
    assert abs(saved.recording_seconds - talk) < 1.0
    qtbot.waitUntil(lambda: _archived(live_server, attempt_id) is not None, timeout=60_000)
    archived = _archived(live_server, attempt_id)
    assert archived.sha256 == saved.recording_sha256, "the archive holds the very bytes recorded"
    assert abs(archived.duration_ms / 1000 - saved.recording_seconds) < 0.2
    assert not Path(saved.recording_path).exists(), "the desk's copy is gone once the server has it"
    assert not list((paths.data_dir() / "recordings").glob("*.wav")), "no raw WAV is left"

    lead = ClientSession.login(live_server.url, "lead01", "demo", remember=False, allow_unencrypted=True,
                               data_root=paths.data_dir() / "lead-desk")
    lead.sync_now()
    console = LeadConsole(lead, Tasks())
    qtbot.addWidget(console)
    try:
        tab = console.recordings
        with qtbot.waitSignal(tab.loaded, timeout=GUI_TIMEOUT_MS):
            console.tabs.setCurrentWidget(tab)
        row = next(r for r in range(tab.model.rowCount()) if tab.model.item_at(r).id == archived.id)
        with qtbot.waitSignal(tab.playback_ready, timeout=GUI_TIMEOUT_MS):
            tab.select_row(row)
        qtbot.waitUntil(lambda: tab.player.duration() > 0, timeout=GUI_TIMEOUT_MS)
        assert abs(tab.player.duration() - archived.duration_ms) <= 120
        with live_server.database.transaction() as s:
            played = s.scalars(select(AuditEntry).where(AuditEntry.action == "recording.play",
                                                        AuditEntry.entity_id == archived.id)).all()
        assert played, "the lead's playback is in the audit log"
    finally:
        console.shutdown()
        lead.stop()

    window.close()
    assert _agent_state(live_server) == "offline", "closing the desk ends its presence"


@pytest.mark.parametrize(
    ("mode", "outcome", "reason"),
    [("busy", "busy", "486 Busy Here"), ("ring", "no_answer", "487"), ("unavailable", "switched_off", "480"),
     ("notfound", "invalid_number", "404 Not Found")],
)
def test_the_calls_result_fills_the_wrapup_by_itself(
    qtbot, desktop: DesktopApp, pbx: lab.Kamailio, debtor_phone: lab.StandInPhone,  # noqa: ANN001
    sip_password: SipSecret, mode: str, outcome: str, reason: str,
) -> None:
    window = _ready_desk(qtbot, desktop, pbx)
    debtor_phone.mode(mode)
    case_id = _callable_case(qtbot, window)
    form, panel = window.note_form, window.case_panel
    point = panel.selected_contact()
    with qtbot.waitSignal(window.calls.call_finished, timeout=GUI_TIMEOUT_MS) as finished:
        window.actionCall.trigger()
    result = finished.args[0]
    assert result.outcome is not None and result.outcome.value == outcome and not result.connected
    assert (form.reachedCombo.currentData(), form.outcomeCombo.currentData()) == ("nobody", outcome)
    assert reason in panel.callReasonLabel.text(), "the call bar says what the network answered"

    # The wrap-up is a draft until saved: leaving asks, and coming back finds the number called.
    other = panel.contacts.row_at(0 if panel.contactsView.currentIndex().row() else 1)
    answer_question(True)
    with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
        window.actionNextCase.trigger()
    with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
        window.select_case(case_id)
    assert form.draftBanner.isVisible() and form.contactCombo.currentData() == point
    assert panel.selected_contact() == point, "not another number of the case"
    assert other is None or other.id != point
    assert (form.reachedCombo.currentData(), form.outcomeCombo.currentData()) == ("nobody", outcome)
    with qtbot.waitSignal(window.outcome_recorded, timeout=GUI_TIMEOUT_MS):
        window.actionSave.trigger()
    window.close()


def test_a_refused_registration_is_explained_and_nothing_is_dialled(
    qtbot, desktop: DesktopApp, pbx: lab.Kamailio, debtor_phone: lab.StandInPhone,  # noqa: ANN001
    secret_service: Any,
) -> None:
    account = account_from_config(_admin(pbx))
    assert account is not None
    debtor_phone.take("")  # what the phone reported so far is old news
    before = len(debtor_phone.seen)
    secret = SipSecret(account)
    secret.set("not-the-password")
    try:
        use_softphone(desktop, _admin(pbx))
        window = sign_in_demo(qtbot, desktop)
        qtbot.waitUntil(lambda: "PBX refused" in window.calls.line_label.text(), timeout=GUI_TIMEOUT_MS)
        _callable_case(qtbot, window)
        with qtbot.waitSignal(window.calls.dial_refused, timeout=GUI_TIMEOUT_MS) as refused:
            window.actionCall.trigger()
        assert "PBX refused" in refused.args[0]
        assert not window.note_form.dial_id() and window.session.last_dial(window.current_case) is None
        window.close()
    finally:
        secret.forget()
    debtor_phone.send("mode answer")
    assert all(e.get("event") != "incoming" for e in _drain(debtor_phone)[before:]), "no call reached the phone"


def test_an_unreachable_pbx_means_no_registration(qtbot, desktop: DesktopApp) -> None:  # noqa: ANN001
    admin = {"sip_server": f"127.0.0.1:{lab.free_udp_port()}", "sip_extension": EXTENSION, "sip_register": True}
    use_softphone(desktop, admin)
    window = sign_in_demo(qtbot, desktop)
    assert "signing in" in window.calls.line_label.text()
    _callable_case(qtbot, window)
    with qtbot.waitSignal(window.calls.dial_refused, timeout=GUI_TIMEOUT_MS) as refused:
        window.actionCall.trigger()
    assert "not registered" in refused.args[0] and not window.note_form.dial_id()
    window.close()


def _drain(phone: lab.StandInPhone) -> list[dict[str, Any]]:
    phone.expect("mode")
    return phone.seen


def _heard(qtbot, phone: lab.StandInPhone, event: str) -> dict[str, Any]:  # noqa: ANN001
    """Wait for the far phone's report while the desk's event loop keeps running."""
    found: list[dict[str, Any]] = []
    qtbot.waitUntil(lambda: bool(found) or bool(found.extend(filter(None, [phone.take(event)]))) or bool(found),
                    timeout=GUI_TIMEOUT_MS)
    return found[0]
