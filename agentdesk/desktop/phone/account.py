"""The desk's SIP account: from the administrator's file, with its password in the keyring.

The administrator sets the PBX, the extension, the authentication user, the transport and
the caller ID the compliance preset requires (`agentdesk.ini`, see `admin_config.py`); the
SIP password is not in that file (every agent's differs, and the file is readable by all):
it is kept in the OS keyring, entered once in the Phone dialog, never logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agentdesk.client.credentials import SERVICE, backend_name, os_keyring, secure_backend_available
from agentdesk.client.errors import KeyringUnavailable


@dataclass(frozen=True)
class SipAccount:
    server: str  # host or host:port of the PBX (registrar and proxy)
    extension: str
    auth_user: str = ""
    caller_id: str = ""  # the number the far end must see (P-Asserted-Identity)
    transport: str = "udp"
    register: bool = True  # False: dial the server directly, no registration (a lab PBX, the demo)

    @property
    def user(self) -> str:
        return self.auth_user or self.extension

    def uri(self) -> str:
        return f"sip:{self.extension}@{self.server}"

    def target(self, number: str) -> str:
        suffix = "" if self.transport == "udp" else f";transport={self.transport}"
        return f"sip:{number}@{self.server}{suffix}"

    def __repr__(self) -> str:  # the caller ID is the centre's, not personal; still keep reprs short
        return f"SipAccount({self.extension}@{self.server}, {self.transport})"


def account_from_config(values: Any) -> SipAccount | None:
    """The account an `AdminConfig` describes, or None when it sets no SIP server."""
    server = values.get("sip_server", "") if hasattr(values, "get") else ""
    if not server:
        return None
    return SipAccount(
        server=server,
        extension=values.get("sip_extension", ""),
        auth_user=values.get("sip_auth_user", ""),
        caller_id=values.get("sip_caller_id", ""),
        transport=values.get("sip_transport", "") or "udp",
        register=bool(values.get("sip_register", True)),
    )


class SipSecret:
    """The SIP password of one account in the OS keyring (`memory_only`: this run only)."""

    def __init__(self, account: SipAccount, *, memory_only: bool = False) -> None:
        self._name = f"sip|{account.server}|{account.user}"
        self.memory_only = memory_only
        self._memory: str | None = None
        if not memory_only and not secure_backend_available():
            raise KeyringUnavailable(backend_name())

    def get(self) -> str | None:
        if self.memory_only:
            return self._memory
        from keyring.errors import KeyringError

        try:
            return os_keyring().get_password(SERVICE, self._name)
        except KeyringError as exc:
            raise KeyringUnavailable(f"{backend_name()}: {exc}") from exc

    def set(self, password: str) -> None:
        if self.memory_only:
            self._memory = password
            return
        from keyring.errors import KeyringError

        try:
            os_keyring().set_password(SERVICE, self._name, password)
        except KeyringError as exc:
            raise KeyringUnavailable(f"{backend_name()}: {exc}") from exc

    def forget(self) -> None:
        if self.memory_only:
            self._memory = None
            return
        from keyring.errors import PasswordDeleteError

        try:
            os_keyring().delete_password(SERVICE, self._name)
        except PasswordDeleteError:
            pass
