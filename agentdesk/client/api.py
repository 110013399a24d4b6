"""The /v1 API over HTTP, for the client core only (the desktop never speaks HTTP).

httpx with explicit timeouts; the operating system's trust store through truststore, so
a corporate TLS-inspecting gateway's CA works; proxies from the environment; TLS
verification on unless an administrator's configuration turns it off. Access tokens are
refreshed transparently; the rotated refresh token is handed to `on_new_refresh_token`
so it reaches the keyring at once.

httpx (with the CLI packages it pulls in when they are installed) is imported when the
first request is sent, not when the desk starts: a desk opened from its cache shows its
queue before it speaks to the server (issue 20, cold start).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import orjson
import truststore

from agentdesk import __version__, contract
from agentdesk.client.errors import (
    AccountLocked,
    AuthenticationFailed,
    ClientTooOld,
    LoginThrottled,
    ServerError,
    ServerHistoryChanged,
    ServerUnreachable,
    SessionExpired,
    TlsConfigError,
)
from agentdesk.domain.queue_columns import QUEUE_COLUMNS

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

# httpx.Timeout's arguments (connect, read, write, pool), in seconds.
TIMEOUT = {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 5.0}


# Administrators set these (machine or user environment, e.g. through group policy); they are
# not in the desktop's own settings so an agent cannot switch verification off by accident.
ENV_VERIFY_TLS = "AGENTDESK_TLS_VERIFY"  # "0" / "false" / "no": verification off (never the default)
ENV_CA_BUNDLE = "AGENTDESK_CA_BUNDLE"  # a PEM file of extra CAs, on top of the OS trust store


def admin_tls_settings(verify_tls: bool = True, ca_bundle: str | Path | None = None) -> tuple[bool, Path | None]:
    """The effective (verify, CA bundle): explicit arguments, narrowed by the admin's environment.

    The environment can only add a CA or turn verification off where an administrator put it;
    a missing CA file is an error now rather than a puzzling TLS failure later.
    """
    if os.environ.get(ENV_VERIFY_TLS, "").strip().lower() in ("0", "false", "no", "off"):
        verify_tls = False
    bundle = ca_bundle or os.environ.get(ENV_CA_BUNDLE) or None
    path = Path(bundle) if bundle else None
    if path is not None and not path.is_file():
        raise TlsConfigError(f"The CA bundle {path} set by the administrator does not exist; "
                             f"fix {ENV_CA_BUNDLE} or remove it.")
    return verify_tls, path


def _ssl_context(verify: bool, ca_bundle: Path | None = None) -> ssl.SSLContext | bool:
    if not verify:
        log.warning("TLS verification is OFF by administrator configuration")
        return False
    # The OS trust store first (a corporate TLS-inspecting gateway's CA is installed there);
    # an admin's CA bundle adds to it rather than replacing it.
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle is not None:
        try:
            context.load_verify_locations(cafile=str(ca_bundle))
        except (ssl.SSLError, OSError) as exc:
            raise TlsConfigError(f"The CA bundle {ca_bundle} set by the administrator holds no usable "
                                 f"certificate ({type(exc).__name__}); fix {ENV_CA_BUNDLE}.") from exc
    return context


class ApiClient:
    def __init__(self, base_url: str, *, verify_tls: bool = True, ca_bundle: str | Path | None = None,
                 on_new_refresh_token: Callable[[str], None] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._verify, self.ca_bundle = admin_tls_settings(verify_tls, ca_bundle)
        self._ssl = _ssl_context(self._verify, self.ca_bundle)  # a bad CA bundle fails here, at once
        self._client: httpx.Client | None = None
        self._closed = False
        self._client_lock = threading.Lock()
        self._lock = threading.Lock()
        self._event_stream: httpx.Response | None = None
        self.access_token: str | None = None
        self.refresh_token: str | None = None
        self.on_new_refresh_token = on_new_refresh_token

    @property
    def _http(self) -> httpx.Client:
        """The HTTP client, made (and httpx imported) by the first request from any thread."""
        client = self._client
        if client is None:
            with self._client_lock:
                client = self._client
                if client is None:
                    if self._closed:
                        raise RuntimeError("the API client has been closed")
                    import httpx

                    client = self._client = httpx.Client(
                        base_url=self.base_url, timeout=httpx.Timeout(**TIMEOUT), verify=self._ssl,
                        trust_env=True,
                        headers={contract.CLIENT_VERSION_HEADER: __version__,
                                 "User-Agent": f"AgentDesk/{__version__}"},
                    )
        return client

    def close(self) -> None:
        with self._client_lock:
            self._closed = True
            if self._client is not None:
                self._client.close()

    # --- plumbing ------------------------------------------------------------------------

    def _send(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> httpx.Response:
        headers = kwargs.pop("headers", {})
        if auth and self.access_token:
            headers["Authorization"] = f"Bearer {self.access_token}"
        http = self._http
        import httpx

        try:
            return http.request(method, path, headers=headers, **kwargs)
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
        if response.status_code == 429:
            retry = response.headers.get("Retry-After", "")
            raise LoginThrottled(int(retry) if retry.isascii() and retry.isdigit() else 60, message or "")
        if code == contract.FOREIGN_CURSOR:
            raise ServerHistoryChanged(message or "")
        if code == "invalid_credentials":
            raise AuthenticationFailed(message or "Wrong username or password.")
        if response.status_code == 401:
            raise SessionExpired()
        raise ServerError(response.status_code, message or json.dumps(body)[:300],
                          code if isinstance(code, str) else "")

    def _authed_response(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Send with the access token; on 401 refresh once and resend. Errors raise ClientError."""
        response = self._send(method, path, **kwargs)
        if response.status_code == 401 and self.refresh_token:
            self.refresh()
            response = self._send(method, path, **kwargs)
        if response.status_code >= 400:
            self._check(response)
        return response

    def _authed(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._check(self._authed_response(method, path, **kwargs))

    def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """An authenticated call whose answer is not JSON (a recording's bytes); 4xx/5xx raise
        the same ClientError subclasses as `call`. Never call it on the GUI thread."""
        return self._authed_response(method, path, **kwargs)

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

    def pull(self, cursor: str | None, limit: int = 500) -> PulledPage:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        # Lines preferred (case documents stored without parsing them); JSON from a server
        # that predates them.
        headers = {"Accept": f"{contract.PULL_LINES_MEDIA_TYPE}, application/json;q=0.5"}
        response = self._authed_response("GET", "/v1/sync/pull", params=params, headers=headers)
        try:
            if response.headers.get("content-type", "").startswith(contract.PULL_LINES_MEDIA_TYPE):
                return parse_pull_lines(response.content)
            return parse_pull(response.content)
        except ValueError as exc:
            raise ServerError(response.status_code, f"the pull answer was not valid: {exc}"[:300]) from exc

    def push(self, mutations: list[contract.Mutation], *, own_stream: str | None = None) -> contract.PushResponse:
        """`own_stream`: this desk's event stream (its hello's id), for a caller that pulls right
        after the push: the server then does not poke that stream for this push."""
        body = {"mutations": [m.model_dump(mode="json") for m in mutations]}
        headers = {contract.EVENT_STREAM_HEADER: own_stream} if own_stream else {}
        return contract.PushResponse.model_validate(self._authed("POST", "/v1/sync/push", json=body,
                                                                 headers=headers))

    def counts(self) -> dict[str, int]:
        return dict(self._authed("GET", "/v1/sync/counts"))

    def rules(self, known_version: str | None = None) -> contract.Rules | None:
        """The compliance preset and queue strategy in force; None when `known_version` is
        still current (the server answers 304 to the ETag, with no body)."""
        headers = {"If-None-Match": f'"{known_version}"'} if known_version else {}
        response = self._authed_response("GET", "/v1/rules", headers=headers)
        if response.status_code == 304:
            return None
        return contract.Rules.model_validate(self._check(response))

    def put_strategy(self, update: contract.StrategyUpdate) -> contract.Rules:
        """Replace the queue strategy (leads and admins); the answer is the rules now in force."""
        return contract.Rules.model_validate(self._authed("PUT", "/v1/strategy", json=update.model_dump(mode="json")))

    def events(self, stop: threading.Event) -> Iterator[tuple[str, str]]:
        """Yield each event of /v1/events, its name and data, until the stream ends, `stop` is
        set or `close_events()` cuts it (the sync engine's stop must not wait for a heartbeat)."""
        headers = {"Authorization": f"Bearer {self.access_token}", "Accept": "text/event-stream"}
        # The server sends a keep-alive every 15 s: no byte for 45 s means the link is dead.
        http = self._http
        import httpx

        timeout = httpx.Timeout(connect=5.0, read=45.0, write=10.0, pool=5.0)
        try:
            opening = http.stream("GET", "/v1/events", headers=headers, timeout=timeout)
            response = opening.__enter__()
            try:
                if response.status_code == 401 and self.refresh_token:
                    self.refresh()
                    return
                if response.status_code >= 400:
                    response.read()
                    self._check(response)
                self._event_stream = response
                if stop.is_set():
                    return
                frames = EventFrames()
                for line in response.iter_lines():
                    if stop.is_set():
                        return
                    if (event := frames.feed(line)) is not None:
                        yield event
            finally:
                self._event_stream = None
                opening.__exit__(None, None, None)
        except httpx.TransportError as exc:
            if stop.is_set():
                return
            raise ServerUnreachable(self.base_url, type(exc).__name__) from exc

    def close_events(self) -> None:
        """Wake the thread blocked reading /v1/events (thread-safe).

        Closing a socket does not interrupt a blocking recv() on Linux; shutting it down does.
        The reader then sees the end of the stream and closes the response itself.
        """
        response = self._event_stream
        if response is None:
            return
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        try:
            # socket.socket's own shutdown: SSLSocket.shutdown would also drop the TLS
            # object under the reader's feet.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass  # already closed: nothing to wake


_ENTITIES = frozenset(get_args(contract.EntityName))


class CaseUpsert:
    """A case upsert from a page in lines: its queue columns, and its document as the
    server's JSON bytes, parsed only if something asks for `data` (a case with local
    writes to lay over it); the store keeps the bytes as they came."""

    __slots__ = ("id", "queue", "doc_json", "_data")
    entity = "case"
    op = "upsert"

    def __init__(self, case_id: str, queue: dict[str, Any], doc_json: bytes) -> None:
        self.id = case_id
        self.queue = queue
        self.doc_json = doc_json
        self._data: dict[str, Any] | None = None

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = orjson.loads(self.doc_json)
        return self._data


@dataclass(frozen=True)
class PulledPage:
    """One pull page, from either form of the answer (`contract.PullResponse` or lines)."""

    changes: list[contract.Change | CaseUpsert]
    cursor: str
    has_more: bool


def parse_pull(content: bytes) -> PulledPage:
    """A pull page from its JSON, checking the envelope of every change but not each document.

    A case document is free-form to the contract (`data: dict`), so pydantic would only
    copy it; on a first sync of 20,000 cases that copy cost more than parsing (see
    bench/bench_first_sync.py). orjson parses, the envelope is checked here, and the
    models are built without a second pass. Raises ValueError naming what is wrong.
    """
    body = orjson.loads(content)
    if not isinstance(body, dict) or not isinstance(body.get("changes"), list):
        raise ValueError("expected an object with a 'changes' list")
    changes: list[contract.Change | CaseUpsert] = []
    for index, raw in enumerate(body["changes"]):
        changes.append(_change(index, raw))
    cursor, has_more = body.get("cursor"), body.get("has_more")
    if not isinstance(cursor, str) or not isinstance(has_more, bool):
        raise ValueError("'cursor' must be a string and 'has_more' true or false")
    return PulledPage(changes=changes, cursor=cursor, has_more=has_more)


class EventFrames:
    """Server-sent events from an event stream's lines, one event at its closing blank line.

    The desk's sync engine, the load bench's desks and the tests all read /v1/events; they
    share this so that none hears the keep-alive after an event (a comment, no name) as that
    event again."""

    def __init__(self) -> None:
        self._name, self._data = "", ""

    def feed(self, line: str) -> tuple[str, str] | None:
        """The event (name, data) this line ends, if it ends one."""
        if line.startswith("event:"):
            self._name = line[6:].strip()
        elif line.startswith("data:"):
            self._data = line[5:].strip()
        elif not line:
            event = (self._name, self._data) if self._name else None
            self._name, self._data = "", ""
            return event
        return None


def hello_stream_id(hello_data: str) -> str | None:
    """The stream's id from its hello (sent with the desk's pushes, `EventHub.poke`); None from
    a server that gives none (it pokes as before)."""
    try:
        body = json.loads(hello_data or "{}")
    except ValueError:
        return None
    stream = body.get("stream") if isinstance(body, dict) else None
    return stream if isinstance(stream, str) and stream else None


def parse_pull_lines(content: bytes) -> PulledPage:
    """A pull page in lines (`contract.PULL_LINES_MEDIA_TYPE`), checking every envelope and
    that each document line is one JSON object, without parsing the documents.

    Raises ValueError naming what is wrong.
    """
    lines = content.rstrip(b"\n").split(b"\n")
    try:
        head = orjson.loads(lines[0])
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"the first line is not JSON ({exc})") from None
    if not isinstance(head, dict):
        raise ValueError("the first line must be the page's envelope object")
    cursor, has_more, count = head.get("cursor"), head.get("has_more"), head.get("changes")
    if not isinstance(cursor, str) or not isinstance(has_more, bool) or not isinstance(count, int):
        raise ValueError("the envelope needs 'cursor' (a string), 'has_more' (true or false) and 'changes' (a count)")
    changes: list[contract.Change | CaseUpsert] = []
    at, end = 1, len(lines)
    for index in range(count):
        if at >= end:
            raise ValueError(f"the page ends after {index} of its {count} changes")
        try:
            raw = orjson.loads(lines[at])
        except orjson.JSONDecodeError as exc:
            raise ValueError(f"change {index} is not JSON ({exc})") from None
        at += 1
        if isinstance(raw, dict) and raw.get("entity") == "case" and raw.get("op") == "upsert" and "queue" in raw:
            ident, queue = raw.get("id"), raw["queue"]
            if not isinstance(ident, str) or not isinstance(queue, dict) or queue.get("id") != ident:
                raise ValueError(f"change {index} has a malformed id or queue columns")
            if not _QUEUE_KEYS <= queue.keys():
                missing = ", ".join(sorted(_QUEUE_KEYS - queue.keys()))
                raise ValueError(f"change {index} lacks the queue columns {missing}")
            doc = lines[at] if at < end else b""
            # Not parsed, but it must be one JSON object, and this case's (lines out of step
            # would store one case's document under another's id).
            if not (doc.startswith(b'{"id":' + orjson.dumps(ident)) and doc.endswith(b"}")):
                raise ValueError(f"change {index}'s document is missing, not one JSON object or not case {ident}")
            at += 1
            changes.append(CaseUpsert(ident, queue, doc))
        else:
            changes.append(_change(index, raw))
    if at != end:
        raise ValueError(f"the page has {end - at} lines more than its {count} changes")
    return PulledPage(changes=changes, cursor=cursor, has_more=has_more)


def _change(index: int, raw: Any) -> contract.Change:
    if not isinstance(raw, dict):
        raise ValueError(f"change {index} is not an object")
    entity, op, ident, data = raw.get("entity"), raw.get("op"), raw.get("id"), raw.get("data", {})
    if entity not in _ENTITIES or op not in ("upsert", "remove") or not isinstance(ident, str) or not isinstance(
            data, dict):
        raise ValueError(f"change {index} has an unknown entity/op or a malformed id or data")
    return contract.Change.model_construct(entity=entity, op=op, id=ident, data=data)


_QUEUE_KEYS = frozenset(QUEUE_COLUMNS)
