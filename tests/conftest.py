"""Shared fixtures: a private AgentDesk home per test, and the real services tests need.

Services (a Secret Service keyring, a PostgreSQL server) are skipped when missing on a
developer's machine, so the suite runs anywhere; under CI (CI=true) or with
AGENTDESK_REQUIRE_SERVICES=1 a missing service fails the test instead, so a green CI run
always means those tests ran. `python3 dev.py test` starts a keyring when it can;
`.ci/run` also starts PostgreSQL and sets AGENTDESK_TEST_POSTGRES_URL.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

from agentdesk.clock import Clock, RunningClock, clock_from_environment, parse_instant, set_process_clock
from tests.support.times import next_local

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

pytest_plugins = ["tests.support.live_server"]

POSTGRES_ENV = "AGENTDESK_TEST_POSTGRES_URL"
FRESH_DATABASE_PREFIX = "agentdesk_t_"


def services_required() -> bool:
    """True when a missing service must fail the run rather than skip."""
    return (
        os.environ.get("CI", "").lower() in {"1", "true", "yes"} or os.environ.get("AGENTDESK_REQUIRE_SERVICES") == "1"
    )


def service_unavailable(message: str) -> NoReturn:
    if services_required():
        pytest.fail(f"{message} (required: CI or AGENTDESK_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)


def pytest_report_header(config: pytest.Config) -> str:
    postgres = "set" if os.environ.get(POSTGRES_ENV) else "not set"
    mode = "required" if services_required() else "optional (skipped when missing)"
    return f"agentdesk services: {mode}; {POSTGRES_ENV} {postgres}"


@pytest.fixture(autouse=True)
def process_clock() -> Iterator[Clock]:
    """Every test starts with the clock the run asked for: AGENTDESK_NOW's instant (the
    clock starts there again for each test and runs on), or the machine's clock.

    Tests about a particular time pin it with `set_clock` instead.
    """
    clock = clock_from_environment()
    previous = set_process_clock(clock)
    try:
        yield clock
    finally:
        set_process_clock(previous)


@pytest.fixture
def set_clock(process_clock: Clock) -> Callable[[str | datetime], RunningClock]:
    """Pin the process clock for this test: `set_clock("2026-12-02T02:00:00Z")` starts a
    clock at that instant that runs on (timers and waits still work); every part of the
    program in this process (server, client, desktop) reads it."""

    def pin(at: str | datetime) -> RunningClock:
        instant = parse_instant(at) if isinstance(at, str) else at
        clock = RunningClock(instant)
        set_process_clock(clock)
        return clock

    return pin


@pytest.fixture
def daytime(process_clock: Clock, set_clock: Callable[[str | datetime], RunningClock]) -> RunningClock:
    """Working hours for tests of a working day (calls the contact-hour rules allow): the
    run's clock moved on to the next 10:00 in Beijing. Moving forward keeps the demo
    portfolio, seeded at the run's "now", in the past, as it would be in real life."""
    return set_clock(next_local(process_clock.now(), 10))


@pytest.fixture(autouse=True)
def agentdesk_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every AgentDesk folder (data, logs, config) at a fresh temporary one."""
    home = tmp_path_factory.mktemp("agentdesk-home")
    monkeypatch.setenv("AGENTDESK_HOME", str(home))
    # A developer's own server database must never be the one a test migrates or seeds.
    monkeypatch.delenv("AGENTDESK_DATABASE_URL", raising=False)
    return home


# --- Secret Service keyring -----------------------------------------------------------


def native_keyring_class() -> type[KeyringBackend]:
    """The platform's own credential store as a keyring backend class.

    Linux: the Secret Service (gnome-keyring, KWallet); Windows: Credential Manager, which
    the agents' desktops use; macOS: the Keychain.
    """
    if sys.platform == "win32":
        from keyring.backends.Windows import WinVaultKeyring

        return WinVaultKeyring
    if sys.platform == "darwin":
        from keyring.backends.macOS import Keyring as MacKeyring

        return MacKeyring
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    return SecretServiceKeyring


@pytest.fixture(scope="session")
def _secret_service_probe() -> tuple[Any, str]:
    """(backend, "") when the native store round-trips a secret, else (None, why)."""
    import keyring.errors

    expected: tuple[type[BaseException], ...] = (
        keyring.errors.KeyringError,
        RuntimeError,  # Backend.priority when the store is unusable (no Secret Service)
        OSError,  # no D-Bus socket
        ImportError,  # the backend's own library (secretstorage, pywin32-ctypes) is missing
    )
    if sys.platform not in ("win32", "darwin"):
        import secretstorage.exceptions

        expected += (secretstorage.exceptions.SecretStorageException,)
    try:
        backend_class = native_keyring_class()
        backend_class.priority  # noqa: B018 - raises when unusable
        backend = backend_class()
        service = f"agentdesk-test-probe-{secrets.token_hex(4)}"
        secret = secrets.token_urlsafe(16)
        backend.set_password(service, "probe", secret)
        read_back = backend.get_password(service, "probe")
        backend.delete_password(service, "probe")
    except expected as exc:
        return None, f"{type(exc).__name__}: {exc}".splitlines()[0]
    if read_back != secret:
        return None, "the Secret Service returned a different secret than was stored"
    return backend, ""


@pytest.fixture
def secret_service(_secret_service_probe: tuple[Any, str]) -> Iterator[Any]:
    """A working native keyring backend (on Linux the Secret Service), made the active
    `keyring` backend for the test."""
    backend, why = _secret_service_probe
    if backend is None:
        service_unavailable(
            f"no working Secret Service keyring ({why}); install gnome-keyring and dbus "
            "(Debian: apt-get install gnome-keyring dbus) and run `python3 dev.py test`, "
            "which starts a throwaway keyring"
        )
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


# --- databases ------------------------------------------------------------------------


@pytest.fixture
def postgres_url() -> str:
    """The SQLAlchemy URL of the test PostgreSQL server (AGENTDESK_TEST_POSTGRES_URL)."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        service_unavailable(
            f"{POSTGRES_ENV} is not set; `.ci/run` starts a PostgreSQL and sets it, or set "
            "it to postgresql+psycopg://USER@HOST:PORT/DB of a server you may create "
            "databases on"
        )
    return url


@contextmanager
def fresh_postgres_database(server_url: str) -> Iterator[str]:
    """Create an empty database on the server of `server_url`; drop it afterwards.

    Yields its SQLAlchemy URL (same driver, user and host as `server_url`). The drop uses
    FORCE, so connections a test left open (an engine's pool) do not keep it alive.
    """
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    admin_dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"{FRESH_DATABASE_PREFIX}{secrets.token_hex(6)}"
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of a fresh, empty server database: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'server.db').as_posix()}"
        return
    server_url = request.getfixturevalue("postgres_url")
    with fresh_postgres_database(server_url) as url:
        yield url
