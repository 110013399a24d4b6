"""Where AgentDesk finds its shipped resources and keeps per-user data.

Resources (talk tracks, policies, forms, stylesheets, translations) live beside the
package in a source checkout and under the bundle root in a PyInstaller build.
Per-user data goes to the platform's application-data folder (%LOCALAPPDATA% on Windows)
unless AGENTDESK_HOME points elsewhere, which the tests use to keep every run apart.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "AgentDesk"


def _bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    override = os.environ.get("AGENTDESK_RESOURCES")
    return Path(override) if override else _bundle_root() / "resources"


def ui_dir() -> Path:
    return _bundle_root() / "ui"


def data_dir() -> Path:
    """Per-user data folder (local stores, server SQLite for the demo, drafts)."""
    home = os.environ.get("AGENTDESK_HOME")
    path = Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = os.environ.get("AGENTDESK_HOME")
    path = Path(home) / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = os.environ.get("AGENTDESK_HOME")
    path = Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path
