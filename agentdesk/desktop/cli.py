"""The `agentdesk` console script: the desktop, or `agentdesk demo` on the embedded server.

    agentdesk                      sign in to the server remembered in the settings
    agentdesk --server URL         sign in to another server (remembered after sign-in)
    agentdesk demo [--as USER]     start a local demo server and sign in as USER (agent01)
    agentdesk --version

`--lang zh_CN|en` and `--theme light|dark` override the saved settings for one run.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from agentdesk import __version__, paths
from agentdesk.desktop.settings import SETTINGS


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
    return parser


def _setup_logging() -> None:
    handler = logging.FileHandler(paths.log_dir() / "desktop.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.addHandler(logging.StreamHandler())
    root.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    _setup_logging()
    # Qt is imported only now, so `agentdesk --version` works without a display.
    from PySide6.QtWidgets import QApplication

    from agentdesk.desktop.app import DesktopApp, prepare_application
    from agentdesk.desktop.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = Settings()
    if args.server:
        settings.set("server_url", args.server)
    language = prepare_application(app, settings, args.lang, args.theme)
    desktop = DesktopApp(app, settings, language=language, demo=args.command == "demo")
    if args.command == "demo":
        desktop.start_demo(None if args.login else args.user)
    else:
        desktop.show_login()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
