"""Logging out, wiping a desktop, an outdated client, and the administrator's TLS settings.

What a user (or IT) notices: after logout no sign-in is left on the machine; a wiped
desktop keeps no personal data; an old AgentDesk says "please update"; a mistyped CA
bundle path is named in the error instead of failing every connection later.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest

from agentdesk.client import api as api_mod
from agentdesk.client import errors
from agentdesk.client.api import ApiClient, admin_tls_settings
from agentdesk.client.session import ClientSession, store_path
from agentdesk.client.sync import SESSION_ENDED
from agentdesk.server.embedded import EmbeddedServer


def _secret(kind: str, server_url: str, username: str) -> str | None:
    return keyring.get_password("AgentDesk", f"{kind}|{server_url}|{username}")


def test_logout_forgets_the_sign_in_but_keeps_the_cached_queue(live_server: EmbeddedServer,
                                                              secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    refresh_token = _secret("refresh", live_server.url, "agent01")
    assert refresh_token
    session.logout()
    assert _secret("refresh", live_server.url, "agent01") is None, "no sign-in left in the keyring"
    assert store_path(live_server.url, "agent01").exists(), "a plain logout keeps the encrypted cache"
    assert _secret("store-key", live_server.url, "agent01"), "…and the key that opens it"
    # The server revoked the token too: it cannot be used to sign in again.
    stale = ApiClient(live_server.url)
    stale.refresh_token = refresh_token
    with pytest.raises(errors.SessionExpired):
        stale.refresh()
    stale.close()
    # The cache still opens, but only to read: there is no sign-in to sync with.
    cached = ClientSession.open_cached(live_server.url, "agent01")
    assert len(cached.queue()) > 20
    with pytest.raises(errors.SessionExpired, match="log in again"):
        cached.sync_now()
    # Said as such (issue 18): the desk asks for the password instead of showing "offline".
    assert cached.status().state == SESSION_ENDED
    cached.stop()


def test_logout_with_wipe_leaves_no_store_and_no_key(live_server: EmbeddedServer, secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    path = store_path(live_server.url, "agent01")
    assert path.exists()
    session.logout(wipe_local_data=True)
    leftovers = [p.name for p in path.parent.glob(path.name + "*")]
    assert leftovers == [], f"nothing of the store may remain: {leftovers}"
    assert _secret("store-key", live_server.url, "agent01") is None
    assert _secret("refresh", live_server.url, "agent01") is None
    with pytest.raises(errors.NoCachedData):
        ClientSession.open_cached(live_server.url, "agent01")


def test_an_outdated_client_is_told_to_update(live_server: EmbeddedServer, secret_service: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api_mod, "__version__", "0.0.1")
    with pytest.raises(errors.ClientTooOld, match="please update"):
        ClientSession.login(live_server.url, "agent01", "demo")


def test_an_outdated_client_with_a_cache_shows_the_update_message_in_its_status(
        live_server: EmbeddedServer, secret_service: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ClientSession.login(live_server.url, "agent01", "demo").stop()  # leaves the remembered sign-in
    monkeypatch.setattr(api_mod, "__version__", "0.0.1")
    session = ClientSession.open_cached(live_server.url, "agent01")
    with pytest.raises(errors.ClientTooOld):
        session.sync_now()
    status = session.status()
    assert status.state == "offline" and status.last_error and "please update" in status.last_error
    session.stop()


def test_tls_verification_stays_on_unless_the_administrator_turns_it_off(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(api_mod.ENV_VERIFY_TLS, raising=False)
    monkeypatch.delenv(api_mod.ENV_CA_BUNDLE, raising=False)
    assert admin_tls_settings() == (True, None)
    monkeypatch.setenv(api_mod.ENV_VERIFY_TLS, "0")
    assert admin_tls_settings()[0] is False
    missing = tmp_path / "corp-ca.pem"
    monkeypatch.setenv(api_mod.ENV_CA_BUNDLE, str(missing))
    with pytest.raises(errors.TlsConfigError, match="corp-ca.pem"):
        ApiClient("https://agentdesk.example")


def test_an_admin_ca_bundle_that_is_not_a_certificate_is_refused(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    bundle = tmp_path / "corp-ca.pem"
    bundle.write_text("not a certificate\n")
    monkeypatch.setenv(api_mod.ENV_CA_BUNDLE, str(bundle))
    with pytest.raises(errors.TlsConfigError, match="corp-ca.pem"):
        ApiClient("https://agentdesk.example")
