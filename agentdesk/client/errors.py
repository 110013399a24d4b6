"""Errors the client core raises; str() of each is a sentence the agent can act on."""

from __future__ import annotations

from typing import Any


class ClientError(Exception):
    """A known, user-facing failure (as opposed to a bug)."""


class AuthenticationFailed(ClientError):
    def __init__(self, message: str = "Wrong username or password.") -> None:
        super().__init__(message)


class AccountLocked(ClientError):
    """An older server's hard lock (servers now throttle instead: LoginThrottled)."""


class LoginThrottled(ClientError):
    """Too many failed sign-ins from here or for this name: the server says when to try again."""

    def __init__(self, retry_after: int, message: str = "") -> None:
        self.retry_after = retry_after
        super().__init__(message or f"Too many failed logins: wait {retry_after} seconds, then try again.")


class SessionExpired(ClientError):
    def __init__(self) -> None:
        super().__init__("Your session has ended: log in again.")


class ServerUnreachable(ClientError):
    def __init__(self, url: str, detail: str = "") -> None:
        self.url = url
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"Cannot reach the server at {url}{extra}. Check the address and your network; "
            "work continues offline if this computer has your queue cached."
        )


class ServerHistoryChanged(ClientError):
    """The server's database is not the one this desk's cursor came from (restored from a
    backup, swapped): the desk pulls its whole scope again and keeps its outbox."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or "The server's data was restored or replaced: your queue is loaded again.")


class ClientTooOld(ClientError):
    pass


class ServerError(ClientError):
    """`code` is the server's machine code for the refusal (contract.ErrorBody), "" if none."""

    def __init__(self, status: int, message: str, code: str = "") -> None:
        self.status = status
        self.code = code
        super().__init__(f"The server answered {status}: {message}")


class KeyringUnavailable(ClientError):
    def __init__(self, backend: str) -> None:
        self.backend = backend
        super().__init__(
            "No secure credential store is available on this computer "
            f"(the keyring backend found is '{backend}'). AgentDesk keeps its encryption key and "
            "your login there: on Windows this is Credential Manager; on Linux start a Secret "
            "Service such as gnome-keyring. Ask IT if unsure."
        )


class NoCachedData(ClientError):
    def __init__(self, url: str, username: str) -> None:
        super().__init__(
            f"There is no saved queue for {username} on {url} on this computer yet: "
            "log in once while the server is reachable."
        )


class StoreLocked(ClientError):
    """The local store cannot be opened with the key found in the keyring."""


class StoreWriteFailed(ClientError):
    """This computer's store refused a write (the disk is full, it is read-only, another
    program holds its lock, or the disk failed): nothing of the write is in it. `code` says
    which, for the desk to word in the agent's language; what the agent typed stays on
    screen, to be saved again once the cause is gone."""

    MESSAGES = {
        "store_full": "the disk holding it is full: free some space and try again",
        "store_read_only": "it is read-only: ask IT to check its folder",
        "store_busy": "another program holds it: close that program and try again",
        "store_failed": "try again, or ask IT to check the disk",
    }

    def __init__(self, code: str) -> None:
        self.code = code if code in self.MESSAGES else "store_failed"
        self.params: dict[str, Any] = {}
        super().__init__(f"This computer's store could not be written, {self.MESSAGES[self.code]}.")

    @classmethod
    def from_sqlite(cls, error: BaseException) -> StoreWriteFailed:
        """By SQLite's own result code (sqlite3 and sqlcipher3 both carry it)."""
        return cls(_SQLITE_CODES.get(int(getattr(error, "sqlite_errorcode", -1) or -1) & 0xFF, "store_failed"))


# SQLite's primary result codes (https://sqlite.org/rescode.html), low byte of the extended.
_SQLITE_CODES = {13: "store_full", 8: "store_read_only", 5: "store_busy", 6: "store_busy"}


class InvalidOutcome(ClientError):
    """A write the rules refuse before it enters the outbox. `code` and `params` come from
    `agentdesk.domain.casewrites.CaseWriteError` (or name a client-side check): the desk
    words the message from them in the agent's language."""

    def __init__(self, message: str, code: str = "invalid", **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params

    @classmethod
    def from_rule(cls, error: Any) -> InvalidOutcome:
        return cls(str(error), getattr(error, "code", "invalid"), **getattr(error, "params", {}))


class TlsConfigError(ClientError):
    """The administrator's TLS settings cannot be used (a CA bundle file is missing)."""


class CallNotAllowed(ClientError):
    """The compliance guard blocks this dial; `verdict` says which rule (None: no number chosen)."""

    def __init__(self, verdict: object, message: str) -> None:
        self.verdict = verdict
        super().__init__(message)


class NoCallPlaced(InvalidOutcome):
    """An outcome without a call placed from this desk (nor a call the debtor made)."""
