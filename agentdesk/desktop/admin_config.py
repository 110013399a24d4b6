"""The settings file an administrator deploys to every desk: server, dialer, proxy, TLS.

IT installs one file per machine (group policy, a software-distribution tool, or by hand):

    Windows   %ProgramData%\\AgentDesk\\agentdesk.ini
    Linux     /etc/agentdesk/agentdesk.ini
    macOS     /Library/Application Support/AgentDesk/agentdesk.ini
    any       the file named by AGENTDESK_ADMIN_CONFIG (tests, a pilot group)

It is an INI file with one section, `[agentdesk]`; `python -m agentdesk.desktop.admin_config`
prints a commented template. Every key is declared once in `ADMIN_SETTINGS` (name, type,
default, help); parsing, validation, the template and the README table derive from it.
A value that does not fit stops the program with a message naming the file and the key,
because a desk silently running with the wrong server or with TLS checks off is worse
than a desk that says what to fix. Unknown keys are errors too: a typo must not pass.

A key the administrator sets is policy: it replaces the agent's own setting at every
start (`apply_to_settings`). Proxy and TLS go to the environment variables the client
core already reads (`apply_to_environment`), so the core needs no desktop settings.
"""

from __future__ import annotations

import configparser
import os
import re
import sys
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ENV_OVERRIDE = "AGENTDESK_ADMIN_CONFIG"
SECTION = "agentdesk"
FILE_NAME = "agentdesk.ini"

# The environment variables the client core reads (agentdesk.client.api); the admin file
# sets them for this process only.
ENV_VERIFY_TLS = "AGENTDESK_TLS_VERIFY"
ENV_CA_BUNDLE = "AGENTDESK_CA_BUNDLE"


class AdminConfigError(ValueError):
    """The administrator's file is unreadable or holds a value that does not fit."""


def _http_url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an http:// or https:// address, e.g. https://agentdesk.example.cn"
    return None


def _dialer(value: str) -> str | None:
    if not value.startswith(("tel:", "sip:", "sips:", "callto:")):
        return "must start with tel:, sip:, sips: or callto:"
    if "{number}" not in value:
        return "must contain {number}, where the phone number goes (e.g. sip:{number}@pbx.example.cn)"
    return None


def _host_port(value: str) -> str | None:
    if not re.fullmatch(r"[A-Za-z0-9.\-]+(:\d{1,5})?", value):
        return "must be a host name or address, with an optional :port (e.g. pbx.example.cn:5060)"
    return None


def _sip_user(value: str) -> str | None:
    if re.fullmatch(r"[A-Za-z0-9._\-+]{1,64}", value):
        return None
    return "must be a SIP user name (letters, digits, . _ - +)"


def _caller_id(value: str) -> str | None:
    return None if re.fullmatch(r"\+?\d{3,20}", value) else "must be a phone number (digits, an optional leading +)"


def _transport(value: str) -> str | None:
    return None if value in ("udp", "tcp", "tls") else "must be udp, tcp or tls"


def _proxy(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https", "socks5", "socks5h") or not parts.netloc:
        return "must be a proxy address such as http://proxy.example.cn:8080"
    return None


def _existing_file(value: str) -> str | None:
    return None if Path(value).is_file() else f"names no file ({value}); copy the PEM file there or fix the path"


@dataclass(frozen=True)
class AdminSetting:
    name: str
    type: type
    default: Any
    help: str
    check: Callable[[str], str | None] | None = None  # returns what is wrong, or None
    example: str = ""


ADMIN_SETTINGS: dict[str, AdminSetting] = {
    s.name: s
    for s in (
        AdminSetting(
            "server_url",
            str,
            "",
            "Address of the AgentDesk server the desks sign in to.",
            _http_url,
            "https://agentdesk.example.cn",
        ),
        AdminSetting(
            "dialer",
            str,
            "",
            "Link that hands a number to the softphone; {number} is replaced.",
            _dialer,
            "sip:{number}@pbx.example.cn",
        ),
        AdminSetting(
            "sip_server",
            str,
            "",
            "The PBX this desk's softphone registers with and dials through (host or host:port). "
            "Empty: no softphone; numbers go to the dialer link.",
            _host_port,
            "pbx.example.cn:5060",
        ),
        AdminSetting("sip_extension", str, "", "This desk's extension (SIP user) on the PBX.", _sip_user, "8001"),
        AdminSetting(
            "sip_auth_user",
            str,
            "",
            "User name for the PBX's authentication, if it differs from the extension. The SIP "
            "password is entered once on the desk and kept in the OS keyring, never here.",
            _sip_user,
            "8001",
        ),
        AdminSetting(
            "sip_caller_id",
            str,
            "",
            "The caller ID the compliance preset requires the debtor to see (the centre's registered number).",
            _caller_id,
            "4008001234",
        ),
        AdminSetting("sip_transport", str, "udp", "SIP transport: udp, tcp or tls.", _transport, "udp"),
        AdminSetting(
            "sip_register",
            bool,
            True,
            "Register with the PBX (false only for a PBX that takes calls from this desk's address unregistered).",
            None,
            "true",
        ),
        AdminSetting(
            "proxy",
            str,
            "",
            "HTTP(S) proxy for the server connection; empty: the system's.",
            _proxy,
            "http://proxy.example.cn:8080",
        ),
        AdminSetting(
            "no_proxy",
            str,
            "",
            "Hosts reached without the proxy, comma-separated.",
            None,
            "localhost,127.0.0.1,.corp.example.cn",
        ),
        AdminSetting(
            "ca_bundle",
            str,
            "",
            "PEM file of extra CA certificates (e.g. the TLS-inspecting gateway's), added to "
            "the Windows certificate store.",
            _existing_file,
            r"C:\ProgramData\AgentDesk\corp-ca.pem",
        ),
        AdminSetting(
            "verify_tls",
            bool,
            True,
            "Check the server's TLS certificate. Turn off only for a test server; never in production.",
            None,
            "true",
        ),
        AdminSetting(
            "wipe_on_logout",
            bool,
            False,
            "Delete the local copy of the agent's cases at sign-out (shared desks).",
            None,
            "false",
        ),
    )
}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def default_path() -> Path:
    """Where this machine's administrator file lives (AGENTDESK_ADMIN_CONFIG wins)."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "AgentDesk" / FILE_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support/AgentDesk") / FILE_NAME
    return Path("/etc/agentdesk") / FILE_NAME


@dataclass(frozen=True)
class AdminConfig:
    """The validated values; `explicit` names the keys the file set (they are policy)."""

    values: Mapping[str, Any]
    explicit: frozenset[str] = frozenset()
    source: Path | None = None

    def __getattr__(self, name: str) -> Any:
        if name in ADMIN_SETTINGS:
            return self.values[name]
        raise AttributeError(name)

    def is_set(self, name: str) -> bool:
        return name in self.explicit


def _convert(setting: AdminSetting, raw: str, where: str) -> Any:
    text = raw.strip()
    if setting.type is bool:
        lowered = text.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise AdminConfigError(f"{where}: {setting.name} = {raw!r} is not true or false. {setting.help}")
    if setting.check is not None and text:
        problem = setting.check(text)
        if problem:
            raise AdminConfigError(f"{where}: {setting.name} = {raw!r} {problem}. {setting.help}")
    return text


def parse_admin_config(text: str, source: str = FILE_NAME) -> AdminConfig:
    """Validate the text of an administrator file; raises AdminConfigError naming the key."""
    # "; comment" after a value is allowed (the README's example uses it): a ';' preceded by
    # whitespace never belongs in these values (URLs, a template, a path, true/false).
    parser = configparser.ConfigParser(
        interpolation=None, default_section="__no_defaults__", inline_comment_prefixes=(";",)
    )
    try:
        parser.read_string(text, source=source)
    except configparser.Error as exc:
        raise AdminConfigError(f"{source}: not a valid INI file: {exc}") from exc
    values = {name: s.default for name, s in ADMIN_SETTINGS.items()}
    others = [name for name in parser.sections() if name != SECTION]
    if others:
        raise AdminConfigError(f"{source}: unknown section [{others[0]}]; the settings go under [{SECTION}]")
    explicit: set[str] = set()
    if parser.has_section(SECTION):
        for key, raw in parser.items(SECTION):
            setting = ADMIN_SETTINGS.get(key)
            if setting is None:
                known = ", ".join(ADMIN_SETTINGS)
                raise AdminConfigError(f"{source}: [{SECTION}] has an unknown key '{key}'; known keys: {known}")
            values[key] = _convert(setting, raw, f"{source}: [{SECTION}]")
            if values[key] != "":
                explicit.add(key)
    return AdminConfig(values, frozenset(explicit), Path(source))


def load_admin_config(path: Path | None = None) -> AdminConfig:
    """Read this machine's administrator file; defaults when there is none.

    A file named by AGENTDESK_ADMIN_CONFIG (or `path`) must exist: someone asked for it.
    """
    explicit_path = path is not None or bool(os.environ.get(ENV_OVERRIDE))
    target = path or default_path()
    try:
        text = target.read_text(encoding="utf-8-sig")  # Notepad may save with a BOM
    except FileNotFoundError:
        if explicit_path:
            raise AdminConfigError(
                f"the administrator settings file {target} does not exist (named by {ENV_OVERRIDE} or the caller)"
            ) from None
        return AdminConfig({name: s.default for name, s in ADMIN_SETTINGS.items()})
    except (OSError, UnicodeDecodeError) as exc:
        raise AdminConfigError(f"the administrator settings file {target} cannot be read: {exc}") from exc
    return parse_admin_config(text, str(target))


# --- applying it ----------------------------------------------------------------------------

# Administrator key -> the desktop setting it decides (agentdesk.desktop.settings.SETTINGS).
DESKTOP_SETTING_FOR = {"server_url": "server_url", "dialer": "dialer_url", "wipe_on_logout": "wipe_on_logout"}


def desktop_overrides(config: AdminConfig) -> dict[str, Any]:
    """{desktop setting name: value} for the keys the administrator set."""
    return {target: config.values[key] for key, target in DESKTOP_SETTING_FOR.items() if config.is_set(key)}


def apply_to_settings(settings: Any, config: AdminConfig) -> None:
    """Write the administrator's values over the agent's own (`settings.set(name, value)`)."""
    for name, value in desktop_overrides(config).items():
        settings.set(name, value)


def apply_to_environment(config: AdminConfig, environ: MutableMapping[str, str] | None = None) -> None:
    """Proxy and TLS for this process, through the variables httpx and the client core read."""
    env = os.environ if environ is None else environ
    if config.is_set("proxy"):
        for name in ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"):
            env[name] = config.values["proxy"]
    if config.is_set("no_proxy"):
        env["NO_PROXY"] = env["no_proxy"] = config.values["no_proxy"]
    if config.is_set("ca_bundle"):
        env[ENV_CA_BUNDLE] = config.values["ca_bundle"]
    if config.is_set("verify_tls") and not config.values["verify_tls"]:
        env[ENV_VERIFY_TLS] = "0"


def template() -> str:
    """A commented file an administrator can start from (every key, its help, an example)."""
    lines = [
        f"; AgentDesk administrator settings: {default_path()}",
        "; Keys left out (or empty) keep the program's defaults.",
        f"[{SECTION}]",
    ]
    for s in ADMIN_SETTINGS.values():
        default = str(s.default).lower() if s.type is bool else (s.default or "(empty)")
        lines += ["", f"; {s.help}", f"; default: {default}", f";{s.name} = {s.example}"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(template(), end="")
