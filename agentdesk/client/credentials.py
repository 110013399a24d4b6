"""Secrets in the OS keyring: the local store's key and the refresh token.

Windows Credential Manager on Windows, Secret Service on Linux, Keychain on macOS, all
through the keyring library. Nothing secret is ever written to a file or a log. A
backend that is not secure (the fail/null backends, plaintext files) is refused unless
the caller explicitly allows an insecure developer setup, and then nothing is stored.

keyring (which reads every installed package's entry points to find its backends) is
imported on the first use of the OS keyring, not when the desk's modules load (issue 20).
"""

from __future__ import annotations

import secrets
from types import ModuleType

from agentdesk.client.errors import KeyringUnavailable

SERVICE = "AgentDesk"
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def os_keyring() -> ModuleType:
    """The keyring library, imported on first use."""
    import keyring

    return keyring


def backend_name() -> str:
    kr = os_keyring().get_keyring()
    return f"{type(kr).__module__}.{type(kr).__name__}"


def secure_backend_available() -> bool:
    kr = os_keyring().get_keyring()
    module = type(kr).__module__
    if module.startswith(_INSECURE_MODULES):
        return False
    if type(kr).__name__ == "ChainerBackend":
        return bool(getattr(kr, "backends", []))
    return True


class SecretStore:
    """Secrets for one user on one server; `memory_only` keeps them for this run only."""

    def __init__(self, server_url: str, username: str, *, memory_only: bool = False) -> None:
        self._account = f"{server_url.rstrip('/')}|{username}"
        self.memory_only = memory_only
        self._memory: dict[str, str] = {}
        if not memory_only and not secure_backend_available():
            raise KeyringUnavailable(backend_name())

    @classmethod
    def in_memory(cls, server_url: str, username: str, store_key: str | None = None) -> SecretStore:
        """Secrets for this run only, holding the key of a store opened another way (the
        benches open an encrypted store themselves; its recordings are sealed with that key)."""
        secrets = cls(server_url, username, memory_only=True)
        if store_key is not None:
            secrets._set("store-key", store_key)
        return secrets

    def _get(self, kind: str) -> str | None:
        if self.memory_only:
            return self._memory.get(kind)
        from keyring.errors import KeyringError

        try:
            return os_keyring().get_password(SERVICE, f"{kind}|{self._account}")
        except KeyringError as exc:
            raise KeyringUnavailable(f"{backend_name()}: {exc}") from exc

    def _set(self, kind: str, value: str) -> None:
        if self.memory_only:
            self._memory[kind] = value
            return
        from keyring.errors import KeyringError

        try:
            os_keyring().set_password(SERVICE, f"{kind}|{self._account}", value)
        except KeyringError as exc:
            raise KeyringUnavailable(f"{backend_name()}: {exc}") from exc

    def _delete(self, kind: str) -> None:
        if self.memory_only:
            self._memory.pop(kind, None)
            return
        from keyring.errors import PasswordDeleteError

        try:
            os_keyring().delete_password(SERVICE, f"{kind}|{self._account}")
        except PasswordDeleteError:
            pass

    def store_key(self, create: bool = True) -> str | None:
        """The local database key: 32 random bytes as hex, made on first use."""
        key = self._get("store-key")
        if key is None and create:
            key = secrets.token_hex(32)
            self._set("store-key", key)
        return key

    def refresh_token(self) -> str | None:
        return self._get("refresh")

    def save_refresh_token(self, token: str) -> None:
        self._set("refresh", token)

    def forget_refresh_token(self) -> None:
        self._delete("refresh")

    def forget_store_key(self) -> None:
        self._delete("store-key")
