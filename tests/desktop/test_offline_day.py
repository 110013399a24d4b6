"""A working day with the server gone for a while, through the real windows.

Issue 6's proof: sign in; work three cases with three different outcomes; the server
stops; record two more (the status bar says offline and "2 waiting to send"); the server
comes back on the same port and database; all five reach it with no user action (no
"Sync now", no click). Waiting is always on a signal or a condition, never a sleep.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from agentdesk.clock import local_today
from agentdesk.desktop.app import DesktopApp
from agentdesk.desktop.mainwindow import MainWindow
from agentdesk.server.embedded import EmbeddedServer, start_embedded_server
from agentdesk.server.models import ContactAttempt, PromiseToPay

from .conftest import GUI_TIMEOUT_MS, dial_selected, sign_in_demo

# The offscreen platform (CI, screenshots) says this for every top-level window it shows.
# A working day: the calls this test makes happen inside the contact hours.
pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("daytime"),
]

# The client's sync backs off (production cap: a minute) while the server is away; the
# first retry after the restart may wait that long, so recovery gets more than that.
RECOVERY_TIMEOUT_MS = 90_000

PROMISE_MINOR = 150_000
PROMISE_NOTE_CN = "承诺五天内还款"
OFFLINE_TEXT = "● Offline: changes are kept and sent when the server is back"


def _open_unworked_case(qtbot, window: MainWindow, worked: set[str], min_outstanding: int = 0) -> str:  # noqa: ANN001
    """Put an open case this test has not worked yet on screen (the one showing, if it fits)."""
    detail = window.case_panel.detail
    if (
        detail is not None
        and detail.case_id not in worked
        and detail.status == "open"
        and detail.outstanding.minor >= min_outstanding
        and window.case_panel.callButton.isEnabled()
    ):
        return detail.case_id
    for row in window.queue_model.rows():
        if (row.case_id in worked or row.status != "open" or row.outstanding.minor < min_outstanding
                or row.callable_from is not None or row.case_id == window.current_case):
            continue
        with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
            window.select_case(row.case_id)
        assert window.current_case == row.case_id
        if window.case_panel.callButton.isEnabled():  # it is dialled first
            return row.case_id
    raise AssertionError("no unworked case that may be called now")


def _choose(qtbot, window: MainWindow, reached: str, outcome: str, note: str) -> None:  # noqa: ANN001
    """Pick who was reached and the outcome in the combos, and type the note."""
    form = window.note_form
    index = form.reachedCombo.findData(reached)
    assert index >= 0, reached
    form.reachedCombo.setCurrentIndex(index)
    index = form.outcomeCombo.findData(outcome)
    assert index >= 0, f"{outcome} is not offered after {reached}"
    form.outcomeCombo.setCurrentIndex(index)
    form.noteEdit.setFocus()
    qtbot.keyClicks(form.noteEdit, note)


def _save_and_next(qtbot, window: MainWindow, case_id: str) -> str:  # noqa: ANN001
    """Ctrl+Enter in the note, as an agent does; returns the attempt id the window reports."""
    window.activateWindow()
    with qtbot.waitSignal(window.outcome_recorded, timeout=GUI_TIMEOUT_MS) as recorded:
        qtbot.keyClick(window.note_form.noteEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert recorded.args[0] == case_id
    return str(recorded.args[1])


def _work_case(  # noqa: PLR0913
    qtbot,  # noqa: ANN001
    window: MainWindow,
    worked: set[str],
    reached: str,
    outcome: str,
    note: str,
    inbound: bool = False,
) -> tuple[str, str]:
    """Dial the case (F5) and record the outcome; `inbound`: the debtor called in instead."""
    case_id = _open_unworked_case(qtbot, window, worked)
    if inbound:
        window.note_form.inboundCheck.setChecked(True)
    else:
        dial_selected(qtbot, window)
    _choose(qtbot, window, reached, outcome, note)
    attempt_id = _save_and_next(qtbot, window, case_id)
    worked.add(case_id)
    return case_id, attempt_id


def test_a_day_with_the_server_away_sends_everything_when_it_is_back(
    qtbot,  # noqa: ANN001
    desktop: DesktopApp,
    live_server: EmbeddedServer,
) -> None:
    window = sign_in_demo(qtbot, desktop)
    session = window.session
    status_bar = window.status_bar
    worked: set[str] = set()
    expected: dict[str, tuple[str, str, str]] = {}  # attempt id: (case, reached, outcome)

    # --- online: three cases, three outcomes ------------------------------------------------
    with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS):
        window.actionNextCase.trigger()  # F2, the first case of the day
    promise_case = _open_unworked_case(qtbot, window, worked, min_outstanding=PROMISE_MINOR)
    dial_selected(qtbot, window)
    form = window.note_form
    _choose(qtbot, window, "right_party", "promise_to_pay", "")
    assert form.promiseAmountEdit.isEnabled() and not form.callbackEdit.isEnabled()
    qtbot.keyClicks(form.promiseAmountEdit, "1,500.00")
    assert window.case_panel.detail is not None
    due = local_today(window.case_panel.detail.time_zone) + timedelta(days=5)  # the debtor's calendar
    form.promiseDateEdit.setDate(QDate(due.year, due.month, due.day))
    form.noteEdit.insertPlainText(PROMISE_NOTE_CN)  # as an input method commits it (keyClicks is ASCII only)
    qtbot.keyClicks(form.noteEdit, " / promised 1,500 within five days")
    promise_attempt = _save_and_next(qtbot, window, promise_case)
    worked.add(promise_case)
    expected[promise_attempt] = (promise_case, "right_party", "promise_to_pay")

    case_id, attempt_id = _work_case(qtbot, window, worked, "nobody", "no_answer", "rang ten times, no answer")
    expected[attempt_id] = (case_id, "nobody", "no_answer")
    case_id, attempt_id = _work_case(qtbot, window, worked, "third_party", "message_left", "sister takes a message")
    expected[attempt_id] = (case_id, "third_party", "message_left")

    qtbot.waitUntil(lambda: session.status().pending == 0, timeout=GUI_TIMEOUT_MS)
    qtbot.waitUntil(lambda: status_bar.pending.text() == "All sent", timeout=GUI_TIMEOUT_MS)
    assert session.status().rejected == 0

    # --- the server goes away --------------------------------------------------------------
    db_url, port = live_server.database.url, live_server.port
    live_server.stop()
    restarted: EmbeddedServer | None = None
    try:
        # Dialling needs the full number from the server: with it away, nothing is dialled
        # and the agent is told why; the debtors who call in are still recorded.
        _open_unworked_case(qtbot, window, worked)
        with qtbot.waitSignal(window.calls.dial_refused, timeout=GUI_TIMEOUT_MS) as refused:
            window.actionCall.trigger()
        assert "could not be fetched" in refused.args[0] and not window.note_form.dial_id()
        case_id, attempt_id = _work_case(
            qtbot, window, worked, "right_party", "refusal", "refuses to pay while the line is down", inbound=True
        )
        expected[attempt_id] = (case_id, "right_party", "refusal")
        # The write wakes the sync engine once the next case is shown (the waiting count
        # follows then); it tries once and is offline again.
        qtbot.waitUntil(lambda: status_bar.pending.text() == "1 waiting to send"
                        and status_bar.state.text() == OFFLINE_TEXT
                        and session.status().state == "offline", timeout=GUI_TIMEOUT_MS)
        case_id, attempt_id = _work_case(qtbot, window, worked, "right_party", "hardship", "lost his job",
                                         inbound=True)
        expected[attempt_id] = (case_id, "right_party", "hardship")

        # What the agent sees: offline, and both writes kept.
        # Each write wakes the sync engine, which tries once ("Syncing…", for as long as a
        # refused connection takes) and is offline again; the write may land either side of it.
        qtbot.waitUntil(lambda: status_bar.pending.text() == "2 waiting to send"
                        and status_bar.state.text() == OFFLINE_TEXT, timeout=GUI_TIMEOUT_MS)
        assert session.status().pending == 2

        # --- the server is back (same port, same database); nobody touches anything -------------
        restarted = start_embedded_server(db_url, port=port, seed=False)
        back_at = time.monotonic()
        qtbot.waitUntil(
            lambda: session.status().pending == 0 and status_bar.pending.text() == "All sent",
            timeout=RECOVERY_TIMEOUT_MS,
        )
        recovery = time.monotonic() - back_at
        print(f"offline writes reached the restarted server {recovery:.1f} s after it came back")
        qtbot.waitUntil(lambda: status_bar.state.text() == "● Online", timeout=GUI_TIMEOUT_MS)
        assert session.status().rejected == 0

        assert len(expected) == 5 and len({outcome for _c, _r, outcome in expected.values()}) == 5
        assert len({case for case, _r, _o in expected.values()}) == 5, "five different cases"
        with restarted.database.transaction() as s:
            rows = s.scalars(select(ContactAttempt).where(ContactAttempt.id.in_(list(expected)))).all()
            assert sorted(a.id for a in rows) == sorted(expected), "each attempt exactly once"
            for attempt in rows:
                assert (attempt.case_id, attempt.reached, attempt.outcome) == expected[attempt.id]
            promise = s.scalars(select(PromiseToPay).where(PromiseToPay.attempt_id == promise_attempt)).one()
            notes = {a.id: a.note for a in rows}
            assert notes[promise_attempt] == PROMISE_NOTE_CN + " / promised 1,500 within five days"
            assert promise.amount_minor == PROMISE_MINOR and promise.due_date == due
    finally:
        window.close()
        if restarted is not None:
            restarted.stop()
