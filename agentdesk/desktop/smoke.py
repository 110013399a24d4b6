"""`agentdesk smoke`: the built program checks itself against a server, with no one watching.

CI runs it on the PyInstaller bundle (the program agents get, not the source tree), and IT
can run it on a freshly installed desk with a test account. It goes through what a
working day needs: Qt starts (offscreen when there is no display), the real main window
opens signed in, the queue is pulled, an outcome is recorded (right party, a promise to
pay 1,500.00 in five days, a note) through the client session and pushed until the
outbox is empty. It prints one JSON line with the timings and exits 0, or says which
step failed and why and exits 1.

What it leaves behind: nothing of the user's. The local store goes to a temporary folder
that is deleted at the end (or to `--store DIR`, kept for the next run: the second run
then starts as an agent's next morning does, from a filled store), the settings are a
temporary file, and the session is
signed out (its refresh token revoked). The outcome it records is real on the server,
so use a test or demo account. The store key in the keyring is shared with a real
sign-in of the same user on the same server and is therefore left alone.

Timings are seconds from process start. `own_start` is the time to a usable queue less
the waits on the server (sign-in and first sync): what the program itself takes on this
machine, comparable between desks whatever the network.

The JSON line also goes to `smoke-last.json` in the log folder, for a windowed Windows
build started without a console (see cli.py for how output reaches a console there).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from agentdesk import __version__, paths
from agentdesk.clock import local_today
from agentdesk.desktop.logging_setup import scrub

log = logging.getLogger(__name__)

ENV_SERVER = "AGENTDESK_SMOKE_SERVER"
ENV_USER = "AGENTDESK_SMOKE_USER"
ENV_PASSWORD = "AGENTDESK_SMOKE_PASSWORD"
PROMISE_AMOUNT = "1,500.00"
PROMISE_DAYS = 5
NOTE = "Smoke test: right party reached, promised 1,500.00 in five days."
RESULT_FILE = "smoke-last.json"


class SmokeFailure(Exception):
    """A step did not do what it should; the message says which and why."""

    def __init__(self, step: str, message: str) -> None:
        super().__init__(f"{step}: {message}")
        self.step = step
        self.message = message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--server",
        dest="smoke_server",
        metavar="URL",
        help=f"server to test against (or {ENV_SERVER}; default: the configured server)",
    )
    parser.add_argument("--user", metavar="USER", help=f"a test account (or {ENV_USER}; default agent01)")
    parser.add_argument(
        "--password", metavar="PASSWORD", help=f"its password (better: {ENV_PASSWORD}, which no process listing shows)"
    )
    parser.add_argument(
        "--allow-unencrypted",
        action="store_true",
        help="on a machine without a secure keyring, use an unencrypted temporary store "
        "(test machines only; with a keyring the keyring is used anyway)",
    )
    parser.add_argument(
        "--offscreen",
        action="store_true",
        help="never show the window (default: offscreen only when there is no display)",
    )
    parser.add_argument(
        "--store",
        dest="smoke_store",
        metavar="DIR",
        help="keep the local store in DIR instead of a temporary folder, so that a second run "
        "starts from a filled store, as a desk's next start does",
    )
    parser.add_argument(
        "--timeout", type=float, default=120.0, metavar="SECONDS", help="give up after this long (default 120)"
    )


# --- timing --------------------------------------------------------------------------------


def process_age() -> float | None:
    """Seconds since this process started (the bootloader, in a frozen build), or None.

    The start-up time worth reporting includes unpacking and importing, which happen
    before any of our code runs, so it is measured from the operating system's record.
    """
    try:
        if sys.platform.startswith("linux"):
            stat = Path("/proc/self/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            started_ticks = int(fields[19])  # field 22 of stat(5), counted after "(comm)"
            uptime = float(Path("/proc/uptime").read_text().split()[0])
            return uptime - started_ticks / os.sysconf("SC_CLK_TCK")
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.GetCurrentProcess.restype = wintypes.HANDLE
            ok = kernel32.GetProcessTimes(
                kernel32.GetCurrentProcess(),
                ctypes.byref(creation),
                ctypes.byref(exit_),
                ctypes.byref(kernel),
                ctypes.byref(user),
            )
            if not ok:
                return None
            now = wintypes.FILETIME()
            kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

            def ticks(ft: Any) -> int:
                return (ft.dwHighDateTime << 32) | ft.dwLowDateTime

            return (ticks(now) - ticks(creation)) / 10_000_000  # 100 ns units
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return None


class Stopwatch:
    """Wall-clock seconds since process start (or since this object, when unknown)."""

    def __init__(self) -> None:
        age = process_age()
        self.origin = time.perf_counter() - (age if age is not None and age >= 0 else 0.0)
        self.from_process_start = age is not None

    def now(self) -> float:
        return time.perf_counter() - self.origin


# --- waiting on the Qt event loop -------------------------------------------------------------


def wait_until(predicate: Callable[[], bool], timeout_s: float, step: str, what: str) -> None:
    """Run the event loop until `predicate()` holds (checked on a timer, like pytest-qt's
    waitUntil), so the window paints and queued signals arrive meanwhile."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    outcome = {"ok": False}

    def check() -> None:
        if predicate():
            outcome["ok"] = True
            loop.quit()
        elif time.monotonic() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not outcome["ok"]:
        raise SmokeFailure(step, f"{what} did not happen within {timeout_s:.0f} s")


def _needs_offscreen(force: bool) -> bool:
    if force:
        return True
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


# --- the run ---------------------------------------------------------------------------------


def _pick_case(session: Any) -> tuple[str, str | None]:
    """An open case owing at least the promise, and the debtor's phone on it."""
    from agentdesk.domain.money import Money

    needed = Money.parse(PROMISE_AMOUNT).minor
    for row in session.queue():
        if row.status != "open" or row.outstanding.minor < needed:
            continue
        detail = session.case_detail(row.case_id)
        if detail is None:
            continue
        phone = next((p.id for p in detail.contact_points if p.owner == "debtor" and p.kind == "phone"), None)
        return row.case_id, phone
    raise SmokeFailure("record", f"no open case in the queue owes {PROMISE_AMOUNT} or more")


def _client_error_text(exc: BaseException, url: str) -> str:
    from agentdesk.client import errors
    from agentdesk.desktop.login import login_error_message

    if isinstance(exc, errors.KeyringUnavailable):
        return (
            f"no secure keyring on this machine ({exc}); on a test machine pass --allow-unencrypted, "
            "on an agent's desk fix the credential store"
        )
    return login_error_message(exc, url)


def run(args: argparse.Namespace, clock: Stopwatch | None = None) -> int:
    """The smoke run; returns the exit code. Prints one JSON line either way."""
    clock = clock or Stopwatch()
    workdir = Path(tempfile.mkdtemp(prefix="agentdesk-smoke-"))
    result: dict[str, Any] = {"smoke": "failed", "version": __version__, "frozen": bool(getattr(sys, "frozen", False))}
    try:
        result.update(_run(args, clock, workdir))
        result["smoke"] = "ok"
        code = 0
    except SmokeFailure as failure:
        result.update(step=failure.step, error=scrub(failure.message))
        code = 1
    except Exception as exc:  # a bug in the program under test: say so, keep the traceback in the log
        log.exception("smoke: unexpected error")
        result.update(step="unexpected", error=scrub(f"{type(exc).__name__}: {exc}"))
        code = 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    line = json.dumps(result, ensure_ascii=False, sort_keys=True)
    try:
        (paths.log_dir() / RESULT_FILE).write_text(line + "\n", encoding="utf-8")
    except OSError as exc:
        log.warning("smoke: cannot write %s: %s", RESULT_FILE, exc)
    if sys.stdout is not None:
        print(line, flush=True)
    if code and sys.stderr is not None:
        print(f"agentdesk smoke: FAILED at step '{result['step']}': {result['error']}", file=sys.stderr, flush=True)
    return code


def _run(args: argparse.Namespace, clock: Stopwatch, workdir: Path) -> dict[str, Any]:
    timings: dict[str, float] = {}
    deadline = time.monotonic() + args.timeout

    def left() -> float:
        return max(1.0, deadline - time.monotonic())

    password = args.password or os.environ.get(ENV_PASSWORD)
    if not password:
        raise SmokeFailure("arguments", f"no password: set {ENV_PASSWORD} or pass --password")
    username = args.user or os.environ.get(ENV_USER) or "agent01"

    if _needs_offscreen(args.offscreen):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from agentdesk.desktop.core_first import collector_paused, import_core

    with collector_paused():  # the imports as the program's start makes them (cli.py)
        import_core()
        from PySide6.QtWidgets import QApplication

        from agentdesk.client import errors
        from agentdesk.client.session import ClientSession
        from agentdesk.client.views import OutcomeDraft
        from agentdesk.desktop.app import DesktopApp, prepare_application
        from agentdesk.desktop.settings import Settings
        from agentdesk.domain.money import Money

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    settings = Settings(workdir / "desktop.json")
    server = (
        args.smoke_server
        or os.environ.get(ENV_SERVER)
        or getattr(args, "default_server", None)
        or settings.get("server_url")
    ).rstrip("/")
    language = prepare_application(app, settings, args.lang or "en", args.theme)
    timings["qt_ready"] = clock.now()

    started = time.perf_counter()
    try:
        session = ClientSession.login(
            server,
            username,
            password,
            remember=False,
            allow_unencrypted=args.allow_unencrypted,
            data_root=Path(args.smoke_store) if getattr(args, "smoke_store", None) else workdir / "data",
        )
    except errors.ClientError as exc:
        raise SmokeFailure("login", _client_error_text(exc, server)) from exc
    timings["login"] = time.perf_counter() - started
    if session.user.role != "agent":
        session.stop()
        raise SmokeFailure(
            "login",
            f"{username} is a {session.user.role}: the smoke test works a case and records a call, "
            "so it needs an agent's test account (--user)",
        )
    keyring = "memory-only (unencrypted store)" if session.secrets.memory_only else "secure"

    started = time.perf_counter()
    try:
        session.sync_now()
    except errors.ClientError as exc:
        session.stop()
        raise SmokeFailure("first sync", str(exc)) from exc
    timings["first_sync"] = time.perf_counter() - started
    queue_size = len(session.queue())
    if queue_size == 0:
        session.stop()
        raise SmokeFailure("first sync", f"the queue of {username} is empty after the pull")

    desktop = DesktopApp(app, settings, language=language)
    window = desktop.open_window(session)
    if window is None:
        raise SmokeFailure("window", "the main window did not open")
    try:
        wait_until(
            lambda: window.windowHandle() is not None and window.windowHandle().isExposed(),
            left(),
            "window",
            "showing the main window",
        )
        wait_until(lambda: window.queue_model.rowCount() > 0, left(), "window", "filling the queue view")
        timings["startup_to_window"] = clock.now()
        timings["own_start"] = timings["startup_to_window"] - timings["login"] - timings["first_sync"]

        case_id, phone = _pick_case(session)
        draft = OutcomeDraft(
            case_id=case_id,
            reached="right_party",
            outcome="promise_to_pay",
            started_at=session.clock.now() - timedelta(minutes=2),
            contact_point_id=phone,
            inbound=True,  # a test outcome at any hour: "the debtor called in" needs no dial
            note=NOTE,
            promise_amount=Money.parse(PROMISE_AMOUNT),
            promise_date=local_today(session.case_detail(case_id).time_zone, session.clock)
            + timedelta(days=PROMISE_DAYS),
        )
        started = time.perf_counter()
        try:
            session.record_outcome(draft)
        except errors.ClientError as exc:
            raise SmokeFailure("record", str(exc)) from exc
        if session.status().pending == 0:
            raise SmokeFailure("record", "the outcome did not reach the outbox")
        wait_until(lambda: session.status().pending == 0, left(), "push", "emptying the outbox")
        timings["push"] = time.perf_counter() - started
        status = session.status()
        if status.rejected:
            reasons = "; ".join(sorted({row.reason or "no reason given" for row in session.store.rejected()}))
            raise SmokeFailure("push", f"the server rejected {status.rejected} mutation(s): {reasons}")
    finally:
        # Sign out (the server revokes the token) and stop sync before the temporary
        # store folder is deleted; the window is dropped without the close path, which
        # would quit the application or show the sign-in dialog.
        started = time.perf_counter()
        window.shutdown(logout=True)
        timings["sign_out"] = time.perf_counter() - started
        desktop.window = None
        window.hide()
        window.deleteLater()
        desktop.shutdown()
    timings["total"] = clock.now()
    return {
        "server": server,
        "qt_platform": QApplication.platformName(),
        "keyring": keyring,
        "queue_cases": queue_size,
        "timed_from": "process start" if clock.from_process_start else "smoke start",
        "timings_s": {name: round(value, 3) for name, value in timings.items()},
    }
