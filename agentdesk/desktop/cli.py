"""The `agentdesk` console script: the desktop, or `agentdesk demo` on the embedded server.

    agentdesk                      sign in to the server remembered in the settings
    agentdesk --server URL         sign in to another server (remembered after sign-in)
    agentdesk demo [--as USER]     start a local demo server and sign in as USER (agent01)
    agentdesk demo --at "2026-12-02 10:00"
                                   the demo as if it were that time (Beijing; AGENTDESK_NOW too)
    agentdesk smoke --server URL --user USER   (password in AGENTDESK_SMOKE_PASSWORD)
                                   check this installation end to end and exit (smoke.py)
    agentdesk --version

`--lang zh_CN|en` and `--theme light|dark` override the saved settings for one run.

Start-up order matters: `--version` and `--help` need no display and import no Qt; the
log (rotating, personal data masked), the crash handler and the administrator's settings
file come before any window; then one instance per user (a second start raises the
first window and exits).

Console output on Windows: the bundle is a windowed program (no console window pops up
on agents' desktops), so Python starts it without stdout. For `--version`, `--help` and
`smoke` only: when the caller redirected or piped its output (CI, scripts), those handles
are used; otherwise the program attaches to the console it was typed in
(AttachConsole) and prints there. The smoke result is also written to
smoke-last.json in the log folder. The exit code is always the answer.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TextIO
from zoneinfo import ZoneInfo

from agentdesk import __version__, clock
from agentdesk.desktop import smoke
from agentdesk.desktop.settings import SETTINGS

log = logging.getLogger(__name__)

EXIT_CONFIG_ERROR = 2
DEMO_ZONE = ZoneInfo("Asia/Shanghai")
CONSOLE_WORDS = {"--version", "-h", "--help", "smoke"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agentdesk", description="AgentDesk workstation")
    parser.add_argument("--version", action="version", version=f"AgentDesk {__version__}")
    parser.add_argument("--server", metavar="URL", help=SETTINGS["server_url"].help)
    parser.add_argument("--lang", choices=SETTINGS["language"].choices, help=SETTINGS["language"].help)
    parser.add_argument("--theme", choices=SETTINGS["theme"].choices, help=SETTINGS["theme"].help)
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="start a local demo server with a demo portfolio and sign in")
    demo.add_argument(
        "--as",
        dest="user",
        default="agent01",
        metavar="USER",
        help="demo account: agent01…agent10, lead01, lead02 (password: demo)",
    )
    demo.add_argument("--login", action="store_true", help="show the sign-in dialog with the demo accounts")
    demo.add_argument(
        "--phone",
        action="store_true",
        help="start a local stand-in for the debtor's phone (SIP, on 127.0.0.1) and dial it with the desk's "
        "softphone: it answers and speaks, and the call is recorded. Without it the demo has no phone line "
        "and hands numbers to the system's tel: handler.",
    )
    demo.add_argument(
        "--at",
        metavar="TIME",
        type=demo_instant,
        help="run the demo as if it were TIME, e.g. \"2026-12-02 10:00\" (Beijing time unless an offset "
        "such as +00:00 is given); the demo's clock starts there and runs on. AGENTDESK_NOW does the "
        "same. Demo only: a real server always runs on the machine's clock.",
    )
    smoke.add_arguments(
        sub.add_parser(
            "smoke",
            help="sign in, pull, record a test outcome, push, print timings as JSON and exit (0: all good)",
        )
    )
    return parser


def demo_instant(text: str) -> datetime:
    """`--at`: an instant with an offset, or a Beijing wall-clock time (the demo's debtors' zone)."""
    cleaned = text.strip().replace("T", " ")
    for layout in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(cleaned, layout).replace(tzinfo=DEMO_ZONE).astimezone(UTC)
        except ValueError:
            continue
    try:
        return clock.parse_instant(text)
    except clock.ClockError as exc:
        raise argparse.ArgumentTypeError(
            f"{exc}; or give a Beijing time such as \"2026-12-02 10:00\""
        ) from None


def choose_clock(args: argparse.Namespace) -> None:
    """The process clock: `--at` for the demo; AGENTDESK_NOW (agentdesk.clock) moves it for
    any desk the tests or the demo start, with a warning in the log outside the demo, since a
    desk working to a moved clock misjudges contact hours (the server still judges by its own)."""
    if args.command == "demo" and getattr(args, "at", None) is not None:
        clock.set_process_clock(clock.RunningClock(args.at))
    elif clock.shifted_by_environment() and args.command != "demo":
        log.warning("%s moves this desk's clock to %s: for tests and the demo only",
                    clock.NOW_ENV, clock.now().isoformat(timespec="seconds"))


def attach_console(argv: Sequence[str]) -> None:
    """Give a windowed Windows build a stdout/stderr for the commands that print.

    Only when the process has none and only for `--version`, `--help` and `smoke`: a
    normal start from a console stays detached from it. First the handles a caller passed
    in (a pipe or a file: scripts, CI), then the console the program was typed in.
    """
    if sys.platform != "win32" or (sys.stdout is not None and sys.stderr is not None):
        return
    if not CONSOLE_WORDS.intersection(argv):
        return
    import ctypes
    import msvcrt

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.GetStdHandle.restype = ctypes.c_void_p

    def inherited(which: int) -> TextIO | None:
        handle = kernel32.GetStdHandle(which)
        if not handle or handle == ctypes.c_void_p(-1).value:
            return None
        try:
            fd = msvcrt.open_osfhandle(handle, os.O_WRONLY)  # type: ignore[attr-defined]
        except OSError:
            return None
        return open(fd, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115 - for the run

    std_output_handle, std_error_handle, attach_parent_process = -11, -12, -1
    sys.stdout = sys.stdout or inherited(std_output_handle)  # type: ignore[assignment]
    sys.stderr = sys.stderr or inherited(std_error_handle)  # type: ignore[assignment]
    if sys.stdout is not None and sys.stderr is not None:
        return
    if not kernel32.AttachConsole(attach_parent_process):
        return  # started from Explorer: no console to print to; smoke-last.json and the exit code remain
    if sys.stdout is None:
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    attach_console(arguments)
    args = build_parser().parse_args(arguments)
    stopwatch = smoke.Stopwatch() if args.command == "smoke" else None

    from agentdesk.desktop import admin_config, logging_setup

    log_path = logging_setup.setup_logging()
    log.info("AgentDesk %s starting (%s); log %s", __version__, args.command or "desktop", log_path)
    choose_clock(args)
    try:
        admin = admin_config.load_admin_config()
    except admin_config.AdminConfigError as exc:
        return _config_error(str(exc), gui=args.command != "smoke")
    admin_config.apply_to_environment(admin)
    if admin.source is not None:
        log.info("administrator settings from %s: %s", admin.source, ", ".join(sorted(admin.explicit)) or "none")

    if args.command == "smoke":
        from agentdesk.desktop import crash

        crash.CrashHandler().install()  # a report, no dialog: nobody watches a smoke run
        if admin.is_set("server_url"):
            args.default_server = admin.values["server_url"]
        return smoke.run(args, stopwatch)

    # Qt is imported only now, so `agentdesk --version` works without a display; the
    # Qt-free core just before it, so that PySide6 does not read its sources, and all of
    # it without the cycle collector (core_first.py).
    from agentdesk.desktop.core_first import collector_paused, import_core

    with collector_paused():
        import_core()
        from PySide6.QtWidgets import QApplication

        from agentdesk.desktop import crash
        from agentdesk.desktop.app import DesktopApp, prepare_application
        from agentdesk.desktop.settings import Settings
        from agentdesk.desktop.single_instance import SingleInstance, bring_to_front

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    crash.install_for_desktop()
    instance = SingleInstance(parent=app)
    if not instance.claim():
        log.info("AgentDesk is already running for this user; asked it to come to the front")
        return 0
    settings = Settings()
    admin_config.apply_to_settings(settings, admin)
    if args.server:
        settings.set("server_url", args.server)
    language = prepare_application(app, settings, args.lang, args.theme)
    desktop = DesktopApp(app, settings, language=language, demo=args.command == "demo", admin_values=admin.values)
    instance.activate_requested.connect(lambda: bring_to_front(desktop.window))
    if args.command == "demo" and args.phone:
        desktop.start_phone_lab()
    if args.command == "demo":
        desktop.start_demo(None if args.login else args.user)
    else:
        desktop.show_login()
    try:
        return app.exec()
    finally:
        instance.release()


def _config_error(message: str, *, gui: bool) -> int:
    """The administrator's file is wrong: say so where the user will see it, and stop."""
    log.error("cannot start: %s", message)
    if sys.stderr is not None:
        print(f"agentdesk: {message}", file=sys.stderr)
    if gui and (os.environ.get("QT_QPA_PLATFORM") != "offscreen"):
        from PySide6.QtWidgets import QApplication, QMessageBox

        _app = QApplication.instance() or QApplication(sys.argv[:1])
        QMessageBox.critical(
            None,
            "AgentDesk",
            f"The settings file installed by your IT department has an error, so AgentDesk cannot "
            f"start safely. Please tell IT:\n\n{message}",
        )
    return EXIT_CONFIG_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
