"""The /v1 API over HTTP, for the client core only (the desktop never speaks HTTP).

httpx with explicit timeouts; the operating system's trust store through truststore, so
a corporate TLS-inspecting gateway's CA works; proxies from the environment; TLS
verification on unless an administrator's configuration turns it off. Access tokens are
refreshed transparently; the rotated refresh token is handed to `on_new_refresh_token`
so it reaches the keyring at once.
"""

from __future__ import annotations

import json
import logging
import ssl
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import truststore

from agentdesk import __version__, contract
from agentdesk.client.errors import (
    AccountLocked,
    AuthenticationFailed,
    ClientTooOld,
    ServerError,
    ServerUnreachable,
    SessionExpired,
)

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=5.0)


def _ssl_context(verify: bool) -> ssl.SSLContext | bool:
    if not verify:
        return False
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class ApiClient:
    def __init__(self, base_url: str, *, verify_tls: bool = True,
                 on_new_refresh_token: Callable[[str], None] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._verify = verify_tls
        self._http = httpx.Client(
            base_url=self.base_url, timeout=TIMEOUT, verify=_ssl_context(verify_tls), trust_env=True,
            headers={contract.CLIENT_VERSION_HEADER: __version__, "User-Agent": f"AgentDesk/{__version__}"},
        )
        self._lock = threading.Lock()
        self.access_token: str | None = None
        self.refresh_token: str | None = None
        self.on_new_refresh_token = on_new_refresh_token

    def close(self) -> None:
        self._http.close()

    # --- plumbing ------------------------------------------------------------------------

    def _send(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> httpx.Response:
        headers = kwargs.pop("headers", {})
        if auth and self.access_token:
            headers["Authorization"] = f"Bearer {self.access_token}"
        try:
            return self._http.request(method, path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            raise ServerUnreachable(self.base_url, type(exc).__name__) from exc

    def _check(self, response: httpx.Response) -> Any:
        if response.status_code < 400:
            return response.json() if response.content else None
        try:
            body = response.json()
        except ValueError:
            body = {}
        code = body.get("code", "") if isinstance(body, dict) else ""
        message = body.get("message") if isinstance(body, dict) else None
        if response.status_code == 426 or code == "client_too_old":
            raise ClientTooOld(message or "This AgentDesk is too old for the server: please update it.")
        if code == "account_locked":
            raise AccountLocked(message or "The account is locked.")
        if code == "invalid_credentials":
            raise AuthenticationFailed(message or "Wrong username or password.")
        if response.status_code == 401:
            raise SessionExpired()
        raise ServerError(response.status_code, message or json.dumps(body)[:300])

    def _authed(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._send(method, path, **kwargs)
        if response.status_code == 401 and self.refresh_token:
            self.refresh()
            response = self._send(method, path, **kwargs)
        return self._check(response)

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """An authenticated JSON call for endpoints without a typed wrapper here (lead operations).

        Raises the same ClientError subclasses as the typed calls; never call it on the GUI thread.
        """
        return self._authed(method, path, **kwargs)

    # --- endpoints -----------------------------------------------------------------------

    def info(self) -> contract.ServerInfo:
        return contract.ServerInfo.model_validate(self._check(self._send("GET", "/v1/info", auth=False)))

    def login(self, username: str, password: str) -> contract.TokenPair:
        body = contract.LoginRequest(username=username, password=password).model_dump()
        pair = contract.TokenPair.model_validate(
            self._check(self._send("POST", "/v1/auth/login", json=body, auth=False))
        )
        self._adopt(pair)
        return pair

    def refresh(self) -> contract.TokenPair:
        with self._lock:
            if not self.refresh_token:
                raise SessionExpired()
            body = {"refresh_token": self.refresh_token}
            pair = contract.TokenPair.model_validate(
                self._check(self._send("POST", "/v1/auth/refresh", json=body, auth=False))
            )
            self._adopt(pair)
            return pair

    def _adopt(self, pair: contract.TokenPair) -> None:
        self.access_token = pair.access_token
        self.refresh_token = pair.refresh_token
        if self.on_new_refresh_token:
            self.on_new_refresh_token(pair.refresh_token)

    def logout(self) -> None:
        if self.refresh_token:
            try:
                self._check(self._send("POST", "/v1/auth/logout", json={"refresh_token": self.refresh_token},
                                       auth=False))
            except ServerUnreachable:
                log.info("logout: server not reachable; the local tokens are deleted anyway")
        self.access_token = self.refresh_token = None

    def pull(self, cursor: str | None, limit: int = 500) -> contract.PullResponse:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return contract.PullResponse.model_validate(self._authed("GET", "/v1/sync/pull", params=params))

    def push(self, mutations: list[contract.Mutation]) -> contract.PushResponse:
        body = {"mutations": [m.model_dump(mode="json") for m in mutations]}
        return contract.PushResponse.model_validate(self._authed("POST", "/v1/sync/push", json=body))

    def counts(self) -> dict[str, int]:
        return dict(self._authed("GET", "/v1/sync/counts"))

    def events(self, stop: threading.Event) -> Iterator[str]:
        """Yield event names from /v1/events until the stream ends or `stop` is set."""
        headers = {"Authorization": f"Bearer {self.access_token}", "Accept": "text/event-stream"}
        timeout = httpx.Timeout(connect=5.0, read=45.0, write=10.0, pool=5.0)
        try:
            with self._http.stream("GET", "/v1/events", headers=headers, timeout=timeout) as response:
                if response.status_code == 401 and self.refresh_token:
                    self.refresh()
                    return
                if response.status_code >= 400:
                    response.read()
                    self._check(response)
                for line in response.iter_lines():
                    if stop.is_set():
                        return
                    if line.startswith("event:"):
                        yield line[6:].strip()
        except httpx.TransportError as exc:
            raise ServerUnreachable(self.base_url, type(exc).__name__) from exc
