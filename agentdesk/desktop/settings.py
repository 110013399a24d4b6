"""The desktop's own settings, declared once: name, type, default and help.

Everything else (reading, writing, validation, the command line's `--help`) derives from
`SETTINGS`. Values live in a small JSON file in the per-user config folder
(`agentdesk.paths.config_dir()`), never in a pickle, and only the desktop reads them: the
client core gets what it needs passed in.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agentdesk import paths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str
    choices: tuple[str, ...] = ()


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("server_url", str, "http://127.0.0.1:8765", "Address of the AgentDesk server."),
        Setting("last_username", str, "", "User name shown in the login dialog."),
        Setting(
            "language",
            str,
            "auto",
            "Interface language; 'auto' follows the operating system.",
            ("auto", "zh_CN", "en"),
        ),
        Setting(
            "theme",
            str,
            "auto",
            "Colour scheme; 'auto' follows the operating system.",
            ("auto", "light", "dark"),
        ),
        Setting("remember_me", bool, True, "Keep the sign-in (refresh token in the keyring)."),
        Setting("dialer_url", str, "tel:{number}", "Link that hands a number to the softphone."),
        Setting("phone_microphone", str, "", "Microphone the softphone uses; empty: the system's default."),
        Setting("phone_speaker", str, "", "Speaker or headset the softphone uses; empty: the system's default."),
        Setting("layouts", dict, {}, "Queue column widths and pane sizes, per user name (kept by the desk)."),
        Setting(
            "wipe_on_logout",
            bool,
            False,
            "Delete the local copy of the cases at sign-out (shared desks); kept while writes wait to be sent.",
        ),
    )
}


def settings_file() -> Path:
    return paths.config_dir() / "desktop.json"


class Settings:
    """Typed access to the declared settings, saved on every change."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path or settings_file()
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable, using defaults: %s", self._path, exc)
            return
        if not isinstance(raw, dict):
            return
        for name, value in raw.items():
            declared = SETTINGS.get(name)
            if declared and self._valid(declared, value):
                self._values[name] = value

    @staticmethod
    def _valid(setting: Setting, value: Any) -> bool:
        if not isinstance(value, setting.type):
            return False
        return not setting.choices or value in setting.choices

    def get(self, name: str) -> Any:
        return self._values.get(name, SETTINGS[name].default)

    def set(self, name: str, value: Any) -> None:
        setting = SETTINGS[name]
        if not self._valid(setting, value):
            raise ValueError(f"setting '{name}' cannot be {value!r}: {setting.help}")
        if self._values.get(name) == value:
            return
        self._values[name] = value
        self._save()

    def _save(self) -> None:
        tmp = self._path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self._path)
