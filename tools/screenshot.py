"""Screenshots of the main window for docs/ and the README.

    python tools/screenshot.py                 # docs/main-window.png (Chinese, light) + variants
    python tools/screenshot.py --only main     # just docs/main-window.png
    python tools/screenshot.py --only board --only reassign --only charts   # the lead console

Starts the embedded server with a demo portfolio in a temporary AgentDesk home (nothing
of the user's own data is touched), signs in as agent01 on the demo path, opens a case
with contact history, fills the wrap-up form as an agent would mid-call, and grabs the
window at 1440x900. Runs offscreen unless QT_QPA_PLATFORM says otherwise; Chinese needs a
CJK font (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from agentdesk import clock
from agentdesk.clock import local_today

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VARIANTS = {
    "main": ("zh_CN", "light", "main-window.png"),
    "en": ("en", "light", "main-window-en.png"),
    "dark": ("zh_CN", "dark", "main-window-dark.png"),
    "en-dark": ("en", "dark", "main-window-en-dark.png"),
}
# The team lead's console (lead01): the board, a reassignment preview, the charts.
LEAD_SHOTS = ("board", "reassign", "charts", "recordings", "segments", "allocation", "arms", "collectors", "pricing")
LEAD_FILES = {"board": "lead-board.png", "reassign": "lead-reassign-preview.png", "charts": "lead-charts.png",
              "recordings": "lead-recordings.png", "segments": "lead-segments.png", "allocation": "lead-allocation.png",
              "arms": "lead-arms.png", "collectors": "lead-collectors.png", "pricing": "lead-pricing.png"}


def _record_calls(server_url: str, folder: Path) -> None:
    """agent01 and agent02 record a few calls each and their desks upload the recordings
    (real Ogg/Opus files: tests/support/audio.py)."""
    from agentdesk.client.session import ClientSession
    from tests.client.recording_helpers import record_calls
    from tests.support.audio import write_call

    for username, lengths in (("agent01", (48, 95, 31, 140)), ("agent02", (62, 210, 17))):
        desk = ClientSession.login(server_url, username, "demo", remember=False, allow_unencrypted=True)
        desk.sync_now()
        attempts = record_calls(desk, len(lengths))
        desk.sync_now()
        for n, (attempt, seconds) in enumerate(zip(attempts, lengths, strict=True)):
            path = write_call(folder / f"{username}-{n}.ogg", seconds, seed=n + len(username))
            ended = clock.now() - timedelta(hours=n + 1)
            desk.attach_recording(attempt, path, started_at=ended - timedelta(seconds=seconds), ended_at=ended)
        desk.upload_recordings()
        desk.stop()
# A case during a call (issue 13): the softphone dials the local stand-in for the debtor's phone.
CALL_SHOTS = {"call": ("zh_CN", "main-window-call.png"), "call-en": ("en", "main-window-call-en.png")}
# SMS (issue 19): the agent's dialog on a case, and the lead's chart per template.
SMS_SHOTS = ("sms", "sms-chart")
SMS_FILES = {"sms": "sms-dialog.png", "sms-chart": "lead-sms-chart.png"}


def _wait(signal_owner_check, timeout_ms: int = 20_000) -> None:  # noqa: ANN001
    """Run the event loop until `signal_owner_check()` is true (a tool, not a view)."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    while not signal_owner_check():
        if deadline.hasExpired():
            raise TimeoutError("the window did not get ready in time")
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def _settle(ms: int = 900) -> None:
    """Let queued layout requests and show events run before grabbing."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _pick_case(session) -> str:  # noqa: ANN001
    """An open, callable case with some history: what an agent sees most of the day."""
    best = None
    for row in session.queue()[:80]:
        if row.status != "open" or row.outstanding.minor < 150_000:
            continue
        detail = session.case_detail(row.case_id)
        if detail is None:
            continue
        score = len(detail.attempts) + 3 * (row.callable_from is None) + 2 * len(detail.promises)
        if best is None or score > best[0]:
            best = (score, row.case_id)
    if best is None:
        raise SystemExit("no suitable case in the demo portfolio")
    return best[1]


def shoot(server_url: str, language: str, scheme: str, out: Path) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from agentdesk.client.session import ClientSession
    from agentdesk.desktop import i18n, theme
    from agentdesk.desktop.app import demo_warning
    from agentdesk.desktop.mainwindow import MainWindow
    from agentdesk.desktop.settings import Settings
    from agentdesk.desktop.tasks import Tasks

    app = QApplication.instance()
    i18n.install_translators(language)
    theme.apply_theme(app, scheme)
    session = ClientSession.login(server_url, "agent01", "demo", remember=False, allow_unencrypted=True)
    session.sync_now()
    tasks = Tasks()
    window = MainWindow(session, Settings(), tasks, language=language, warning=demo_warning(session))
    window.resize(1440, 900)
    window.show()
    _wait(lambda: window.queue_model.rowCount() > 0)
    case_id = _pick_case(session)
    session.discard_draft(case_id)  # an earlier variant's draft would show as "restored"
    window.select_case(case_id)
    _wait(lambda: window.current_case == case_id)
    form = window.note_form
    form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("right_party"))
    form.outcomeCombo.setCurrentIndex(form.outcomeCombo.findData("promise_to_pay"))
    form.promiseAmountEdit.setText("1,500.00")
    due = local_today("Asia/Shanghai") + timedelta(days=5)
    form.promiseDateEdit.setDate(QDate(due.year, due.month, due.day))
    form.noteEdit.setPlainText(
        "客户确认身份，承诺五天内先还 1,500 元，其余下月结清。"
        if language.startswith("zh")
        else "Debtor confirmed identity; promises 1,500 within five days, rest next month."
    )
    for box in window.track_panel.required_boxes()[:2]:  # tick what the agent has said
        box.setChecked(True)
    window.queueView.setFocus()
    _settle()
    pixmap = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    pixmap.save(str(out))
    print(f"wrote {out} ({pixmap.width()}x{pixmap.height()}, {language}, {scheme})")
    # Shut down first: closing with the wrap-up filled in would ask whether to leave it,
    # and offscreen nobody answers (the run never ended).
    window.shutdown()
    window.close()
    tasks.wait_idle()


def shoot_call(server_url: str, language: str, out: Path) -> None:
    """A case 4 s into a connected call: the call bar with its timer, the wrap-up on the number called."""
    from PySide6.QtWidgets import QApplication

    from agentdesk.client.session import ClientSession
    from agentdesk.desktop import i18n, theme
    from agentdesk.desktop.app import demo_warning
    from agentdesk.desktop.mainwindow import MainWindow
    from agentdesk.desktop.phone import lab
    from agentdesk.desktop.phone.account import SipAccount
    from agentdesk.desktop.phone.engine import PjsipPhone
    from agentdesk.desktop.phone.pjlib import EndpointOptions
    from agentdesk.desktop.settings import Settings
    from agentdesk.desktop.tasks import Tasks

    app = QApplication.instance()
    i18n.install_translators(language)
    theme.apply_theme(app, "light")
    far = lab.StandInPhone(lab.spoken_wav("Hello, yes, speaking.", out.parent / ".far.wav")
                           if lab.shutil.which("espeak-ng") else None)
    far.mode("answer", 800)
    phone = PjsipPhone(SipAccount(server=f"127.0.0.1:{far.port}", extension="8001", caller_id="4008001234",
                                  register=False), None, options=EndpointOptions(bind_address="127.0.0.1"))
    phone.start()
    session = ClientSession.login(server_url, "agent01", "demo", remember=False, allow_unencrypted=True)
    session.sync_now()
    tasks = Tasks()
    window = MainWindow(session, Settings(), tasks, language=language, warning=demo_warning(session), phone=phone)
    window.resize(1440, 900)
    window.show()
    try:
        _wait(lambda: window.queue_model.rowCount() > 0)
        case_id = next(r.case_id for r in window.queue_model.rows()
                       if r.status == "open" and r.callable_from is None)
        session.discard_draft(case_id)  # an earlier shot's call would show as a restored draft
        window.select_case(case_id)
        _wait(lambda: window.current_case == case_id)
        window.actionCall.trigger()
        _wait(lambda: window.case_panel.callTimerLabel.text() >= "0:04")
        window.note_form.noteEdit.setPlainText("客户接听，核实身份中……" if language.startswith("zh")
                                               else "Debtor answered; confirming identity…")
        _settle(300)
        pixmap = window.grab()
        pixmap.save(str(out))
        print(f"wrote {out} ({pixmap.width()}x{pixmap.height()}, {language}, during a call)")
        window.actionHangUp.trigger()
        _wait(lambda: not window.calls.in_call())
    finally:
        window.shutdown()
        window.close()
        tasks.wait_idle()
        far.stop()
        (out.parent / ".far.wav").unlink(missing_ok=True)


def shoot_lead(server_url: str, language: str, scheme: str, out_dir: Path, which: list[str],
               files: dict[str, str] | None = None, scroll_to: str | None = None) -> None:
    from PySide6.QtWidgets import QApplication

    from agentdesk.client.session import ClientSession
    from agentdesk.desktop import i18n, theme
    from agentdesk.desktop.mainwindow import MainWindow
    from agentdesk.desktop.settings import Settings
    from agentdesk.desktop.tasks import Tasks

    app = QApplication.instance()
    i18n.install_translators(language)
    theme.apply_theme(app, scheme)
    # An agent at work, so the board shows more than one state.
    for username, state in (("agent02", "on_call"), ("agent03", "wrap_up"), ("agent04", "break")):
        agent = ClientSession.login(server_url, username, "demo", remember=False, allow_unencrypted=True)
        agent.api.call("POST", "/v1/agent/state", json={"state": state})
        agent.stop()
    if "recordings" in which:
        _record_calls(server_url, Path(os.environ["AGENTDESK_HOME"]))
    session = ClientSession.login(server_url, "lead01", "demo", remember=False, allow_unencrypted=True)
    session.sync_now()
    tasks = Tasks()
    window = MainWindow(session, Settings(), tasks, language=language)
    window.resize(1440, 900)
    window.show()
    console = window.lead_console
    assert console is not None
    _wait(lambda: console.board_model.rowCount() > 0 and console.cases_model.rowCount() > 0)
    out_dir.mkdir(parents=True, exist_ok=True)

    def save(widget, name: str) -> None:  # noqa: ANN001
        _settle()
        pixmap = widget.grab()
        path = out_dir / (files or LEAD_FILES)[name]
        pixmap.save(str(path))
        print(f"wrote {path} ({pixmap.width()}x{pixmap.height()}, {language}, {scheme})")

    if "board" in which:
        console.tabs.setCurrentIndex(0)
        save(window, "board")
    if "reassign" in which:
        console.tabs.setCurrentIndex(0)
        console.boardView.selectRow(0)
        dialog = console.redistribute_selected()
        _wait(lambda: dialog.preview is not None)
        save(dialog, "reassign")
        dialog.reject()
    if "charts" in which:
        loaded: list[bool] = []
        console.charts_loaded.connect(lambda: loaded.append(True))
        console.tabs.setCurrentIndex(3)
        _wait(lambda: bool(loaded))
        if scroll_to:
            save(console.charts.views[scroll_to], "charts")
        else:
            save(window, "charts")
    if "recordings" in which:
        tab = console.recordings
        listed: list[int] = []
        tab.loaded.connect(listed.append)
        console.tabs.setCurrentWidget(tab)
        _wait(lambda: bool(listed))
        ready: list[str] = []
        tab.playback_ready.connect(ready.append)
        tab.select_row(1)
        _wait(lambda: bool(ready) and tab.player.duration() > 0)
        tab.set_answer("courteous_close", "fail")
        tab.commentEdit.setPlainText("开场和录音告知规范；结束时没有说明下一步安排。")
        tab.player.setPosition(21_000)
        _wait(lambda: tab.player.position() >= 21_000)
        save(window, "recordings")
    _shoot_strategy(console, window, which, save)
    window.close()
    tasks.wait_idle()


def shoot_sms(server, language: str, out_dir: Path, which: list[str]) -> None:  # noqa: ANN001
    """The SMS dialog as an agent opens it (Ctrl+M), and the lead's per-template chart.

    The demo has no gateway, so for the chart the messages' later life (delivered, link
    opened) is written into the demo database directly, as Kannel's reports and the
    debtors' opens would have: a picture of the chart, not a test of the path."""
    from PySide6.QtWidgets import QApplication

    from agentdesk import clock
    from agentdesk.client.session import ClientSession
    from agentdesk.desktop import i18n, theme
    from agentdesk.desktop.app import demo_warning
    from agentdesk.desktop.mainwindow import MainWindow
    from agentdesk.desktop.settings import Settings
    from agentdesk.desktop.tasks import Tasks

    app = QApplication.instance()
    i18n.install_translators(language)
    theme.apply_theme(app, "light")
    out_dir.mkdir(parents=True, exist_ok=True)
    session = ClientSession.login(server.url, "agent01", "demo", remember=False, allow_unencrypted=True)
    session.sync_now()
    session.fetch_sms_info()
    tasks = Tasks()
    window = MainWindow(session, Settings(), tasks, language=language, warning=demo_warning(session))
    window.resize(1440, 900)
    window.show()
    _wait(lambda: window.queue_model.rowCount() > 0)
    sendable = []
    for row in session.queue():
        detail = session.case_detail(row.case_id)
        point = next((p.id for p in detail.contact_points if p.owner == "debtor" and p.status == "valid"), None) \
            if detail else None
        if point and any(p.verdict.allowed for p in session.sms_previews(row.case_id, point)):
            sendable.append((row.case_id, point))
    if "sms" in which:
        case_id, point = sendable[0]
        window.select_case(case_id)
        _wait(lambda: window.current_case == case_id)
        window.sms.open_dialog()
        dialog = window.sms.dialog
        _settle()
        path = out_dir / SMS_FILES["sms"]
        dialog.grab().save(str(path))
        print(f"wrote {path} ({language})")
        dialog.reject()
    if "sms-chart" in which:
        from sqlalchemy import select

        from agentdesk.client import sms as client_sms
        from agentdesk.server.sms.models import SmsMessage

        for case_id, point in sendable[:40]:
            previews = session.sms_previews(case_id, point)
            detail = session.case_detail(case_id)
            preview = previews[client_sms.suggested(detail, point, previews, local_today("Asia/Shanghai"))]
            session.send_sms(case_id, point, preview.template.id, preview.template.version)
        session.sync_now()
        now = clock.now()
        with server.database.transaction() as s:
            for index, message in enumerate(s.scalars(select(SmsMessage).order_by(SmsMessage.id))):
                message.sent_at = now
                message.state = "failed" if index % 9 == 0 else "delivered"
                if index % 3 == 0 and message.state == "delivered":
                    message.opened_at = now
        window.close()
        shoot_lead(server.url, language, "light", out_dir, ["charts"], files={"charts": SMS_FILES["sms-chart"]},
                   scroll_to="sms")
        return
    window.close()
    tasks.wait_idle()
def _shoot_strategy(console, window, which: list[str], save) -> None:  # noqa: ANN001
    """The strategy engine's panels: segments, allocation preview, arms, collectors, pricing."""
    bench = console.workbench
    done: dict[str, bool] = {}
    if set(which) & {"segments", "allocation", "arms", "collectors", "pricing"}:
        console.tabs.setCurrentWidget(bench)
    if "segments" in which:
        bench.tabs.setCurrentWidget(bench.segments)
        keys = [s.get("key") for s in bench.segments.working]
        bench.segments.segmentsList.setCurrentRow(keys.index("early") if "early" in keys else 0)
        _settle(300)
        bench.segments.formScroll.verticalScrollBar().setValue(bench.segments.challengerBox.y() - 8)
        save(window, "segments")
    if "allocation" in which:
        bench.allocation.previewed.connect(lambda _p: done.__setitem__("allocation", True))
        bench.tabs.setCurrentWidget(bench.allocation)
        bench.allocation.run_preview()
        _wait(lambda: done.get("allocation", False))
        bench.allocation.itemsView.selectRow(0)
        save(window, "allocation")
    if "arms" in which:
        bench.arms.loaded.connect(lambda _r: done.__setitem__("arms", True))
        bench.tabs.setCurrentWidget(bench.arms)
        bench.arms.load()
        _wait(lambda: done.get("arms", False))
        save(window, "arms")
    if "collectors" in which:
        bench.collectors.loaded.connect(lambda _n: done.__setitem__("collectors", True))
        bench.tabs.setCurrentWidget(bench.collectors)
        bench.collectors.load()
        _wait(lambda: done.get("collectors", False))
        save(window, "collectors")
    if "pricing" in which:
        file = Path(tempfile.mkdtemp(prefix="agentdesk-price-")) / "星河消费金融-placement.csv"
        from agentdesk.domain.identity import id_check_digit

        rows = ["姓名,身份证号,手机号,逾期金额,逾期天数,账号,产品,省份"]
        for i in range(300):
            first17 = f"11010519900101{i:03d}"
            rows.append(f"客户{i},{first17}{id_check_digit(first17)},1380013{i:04d},{800 + (i * 397) % 40000}.00,"
                        f"{1 + (i * 37) % 240},PX-{i:05d},{('现金贷', '信用卡', '分期消费贷')[i % 3]},广东省")
        file.write_text("\n".join(rows) + "\n", encoding="utf-8")
        bench.pricing.priced.connect(lambda _p: done.__setitem__("pricing", True))
        bench.tabs.setCurrentWidget(bench.pricing)
        bench.pricing.lenderCombo.setEditText("星河消费金融")
        bench.pricing.price_file(file)
        _wait(lambda: done.get("pricing", False))
        save(window, "pricing")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--only", choices=sorted([*VARIANTS, *LEAD_SHOTS, *CALL_SHOTS, *SMS_SHOTS]),
                        action="append")
    parser.add_argument("--cases", type=int, default=600, help="demo cases to seed (default 600)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Show the times an agent in China sees, whatever the machine that takes the pictures.
    os.environ["TZ"] = "Asia/Shanghai"
    if hasattr(time, "tzset"):
        time.tzset()
    if any(n in CALL_SHOTS for n in args.only or CALL_SHOTS) and not os.environ.get("AGENTDESK_NOW"):
        # A call needs the contact hours: the shots are taken at 10:00 in Beijing.
        from agentdesk import clock as clock_mod
        from agentdesk.clock import RunningClock, set_process_clock
        from tests.support.times import next_local

        set_process_clock(RunningClock(next_local(clock_mod.now(), 10)))
    with tempfile.TemporaryDirectory(prefix="agentdesk-shot-") as home:
        os.environ["AGENTDESK_HOME"] = home
        os.environ.pop("AGENTDESK_DATABASE_URL", None)
        from PySide6.QtWidgets import QApplication

        from agentdesk.server.embedded import start_embedded_server

        app = QApplication.instance() or QApplication([sys.argv[0]])
        app.setApplicationName("AgentDesk")
        server = start_embedded_server(f"sqlite:///{Path(home) / 'server.db'}", cases=args.cases)
        try:
            for name in [n for n in args.only or list(VARIANTS) if n in VARIANTS]:
                language, scheme, filename = VARIANTS[name]
                shoot(server.url, language, scheme, args.out / filename)
            lead = [n for n in args.only or LEAD_SHOTS if n in LEAD_SHOTS]
            if lead:
                shoot_lead(server.url, "zh_CN", "light", args.out, lead)
            for name in [n for n in args.only or list(CALL_SHOTS) if n in CALL_SHOTS]:
                language, filename = CALL_SHOTS[name]
                shoot_call(server.url, language, args.out / filename)
            sms = [n for n in args.only or SMS_SHOTS if n in SMS_SHOTS]
            if sms:
                shoot_sms(server, "zh_CN", args.out, sms)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
