"""The softphone in the desk: how soon the agent sees a call's progress, and what a call costs.

Why: an agent dials 150-300 times a day; "ringing" must show as soon as the network says
so, the wrap-up must be filled the moment the call ends, and a call must not load the
desk's CPU (the agent keeps typing notes while talking).

Real parts: the embedded server (demo portfolio), the real `MainWindow` (offscreen Qt),
the desk's PJSIP softphone and the debtor's-phone stand-in (PJSIP, another process) on
127.0.0.1; Kamailio in between when installed (`--no-kamailio` dials the phone directly).

Measured, each beside a baseline from the same run:
* dial -> ringing shown: F5 until the call bar says "Ringing…"; baseline: the SIP part
  alone, from the INVITE being sent until the 180 reached the SIP thread.
* hang up -> wrap-up filled: F6 until the wrap-up shows the call's result; baseline: F6
  until the SIP thread saw the call end (BYE answered).
* CPU of the desk's process while a call is connected (recording included), against the
  same desk idle for as long (measured 3 s after the call's outcome was saved).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_phone.py [--calls 10] [--talk 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WAIT_S = 30.0


def wait(app: Any, condition: Callable[[], bool], timeout: float = WAIT_S) -> float:
    """Run the event loop until `condition`; returns the monotonic time it became true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the desk did not get there in time")
        app.processEvents()
        time.sleep(0.0005)
    return time.monotonic()


def main() -> None:  # noqa: PLR0915 - one linear scenario
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=10)
    parser.add_argument("--talk", type=float, default=5.0, help="seconds each call stays connected")
    parser.add_argument("--no-kamailio", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="agentdesk-bench-phone-"))
    os.environ["AGENTDESK_HOME"] = str(home)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from agentdesk import clock as clock_mod
    from agentdesk.client.session import ClientSession
    from agentdesk.clock import RunningClock, set_process_clock
    from agentdesk.desktop import i18n
    from agentdesk.desktop.mainwindow import MainWindow
    from agentdesk.desktop.phone import lab
    from agentdesk.desktop.phone.account import SipAccount
    from agentdesk.desktop.phone.engine import PjsipPhone
    from agentdesk.desktop.phone.pjlib import EndpointOptions
    from agentdesk.desktop.settings import Settings
    from agentdesk.desktop.tasks import Tasks
    from agentdesk.server.embedded import start_embedded_server
    from tests.support.times import next_local

    set_process_clock(RunningClock(next_local(clock_mod.now(), 10)))  # 10:00 Beijing: calls allowed
    app = QApplication([])
    i18n.install_translators("en")
    server = start_embedded_server(f"sqlite:///{home / 'server.db'}", cases=120)
    far = lab.StandInPhone(lab.spoken_wav("Hello, this is the debtor speaking.", home / "far.wav")
                           if lab.shutil.which("espeak-ng") else None)
    kamailio = None if args.no_kamailio or lab.kamailio_binary() is None else lab.Kamailio(far.port, {"8001": "pw"})
    target = f"127.0.0.1:{kamailio.port if kamailio else far.port}"
    account = SipAccount(server=target, extension="8001", caller_id="4008001234", register=kamailio is not None)
    phone = PjsipPhone(account, "pw", options=EndpointOptions(bind_address="127.0.0.1", rtp_port=47000))
    sip_marks: dict[str, float] = {}
    # Baselines: what the SIP thread saw, stamped there (DirectConnection: no GUI queue).
    phone.events.progress.connect(lambda p: sip_marks.__setitem__(p.state.value, time.monotonic()),
                                  Qt.ConnectionType.DirectConnection)
    phone.events.ended.connect(lambda _r: sip_marks.__setitem__("ended", time.monotonic()),
                               Qt.ConnectionType.DirectConnection)
    phone.start()
    session = ClientSession.login(server.url, "agent01", "demo", remember=False, allow_unencrypted=True,
                                  data_root=home / "desk")
    session.sync_now()
    tasks = Tasks()
    window = MainWindow(session, Settings(home / "settings.json"), tasks, language="en", phone=phone)
    window.resize(1440, 900)
    window.show()
    wait(app, lambda: window.queue_model.rowCount() > 0 and phone.line().state.value == "ready")
    far.mode("answer", 1000)

    ring_shown, ring_sip, wrap_filled, end_sip, cpu_call, cpu_idle = [], [], [], [], [], []
    before_sip: list[float] = []  # F5 until the SIP thread sends the INVITE: guard, audited number reveal
    rows = [r for r in window.queue_model.rows() if r.status == "open" and r.callable_from is None]
    panel, form = window.case_panel, window.note_form
    for row in rows[: args.calls]:
        window.select_case(row.case_id)
        wait(app, lambda row=row: window.current_case == row.case_id)
        if not panel.callButton.isEnabled():
            continue
        sip_marks.clear()
        started = time.monotonic()
        window.actionCall.trigger()
        shown = wait(app, lambda: panel.callStateLabel.text() == "Ringing…")
        ring_shown.append((shown - started) * 1000)
        calling = sip_marks["calling"]
        before_sip.append((calling - started) * 1000)
        ring_sip.append((sip_marks["ringing"] - calling) * 1000)
        wait(app, lambda: panel.callStateLabel.text() == "Connected")
        cpu0, t0 = time.process_time(), time.monotonic()
        wait(app, lambda t0=t0: time.monotonic() - t0 >= args.talk, timeout=args.talk + 10)
        cpu_call.append((time.process_time() - cpu0) / (time.monotonic() - t0) * 100)
        sip_marks.pop("ended", None)
        hung = time.monotonic()
        window.actionHangUp.trigger()
        filled = wait(app, lambda: form.callResultLabel.text().startswith("Connected,"))
        wrap_filled.append((filled - hung) * 1000)
        wait(app, lambda: "ended" in sip_marks)
        end_sip.append((sip_marks["ended"] - hung) * 1000)
        form.reachedCombo.setCurrentIndex(form.reachedCombo.findData("right_party"))
        form.outcomeCombo.setCurrentIndex(form.outcomeCombo.findData("refusal"))
        window.actionSave.trigger()
        settle = time.monotonic()  # the save's queue refresh and push pass first: idle means idle
        wait(app, lambda settle=settle: time.monotonic() - settle >= 3.0, timeout=15)
        cpu0, t0 = time.process_time(), time.monotonic()
        wait(app, lambda t0=t0: time.monotonic() - t0 >= args.talk, timeout=args.talk + 10)
        cpu_idle.append((time.process_time() - cpu0) / (time.monotonic() - t0) * 100)

    def show(label: str, values: list[float], unit: str) -> str:
        if not values:
            return f"{label}: no sample"
        return (f"{label}: median {statistics.median(values):.1f} {unit}, max {max(values):.1f} {unit} "
                f"({len(values)} calls)")

    via = "through Kamailio" if kamailio else "direct to the phone"
    print(f"bench_phone: {len(ring_shown)} calls {via}, {args.talk:.0f} s connected each")
    print("  " + show("dial -> ringing shown", ring_shown, "ms"))
    print("  " + show("  of which F5 -> INVITE (guard, the server's audited reveal of the number)", before_sip, "ms"))
    print("  " + show("  baseline: INVITE -> 180 on the SIP thread", ring_sip, "ms"))
    print("  " + show("hang up -> wrap-up filled", wrap_filled, "ms"))
    print("  " + show("  baseline: hang up -> call ended on the SIP thread", end_sip, "ms"))
    print("  " + show("desk CPU while connected (recording on)", cpu_call, "% of a core"))
    print("  " + show("  baseline: the same desk idle", cpu_idle, "% of a core"))
    window.shutdown()
    window.close()
    tasks.wait_idle(5000)
    far.stop()
    if kamailio:
        kamailio.stop()
    server.stop()


if __name__ == "__main__":
    main()
