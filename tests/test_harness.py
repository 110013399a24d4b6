"""Tests of the test harness itself: the service fixtures and dev.py's exit codes.

If these fail, the rest of the suite's skips and passes cannot be trusted.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import FRESH_DATABASE_PREFIX, fresh_postgres_database, native_keyring_class

ROOT = Path(__file__).resolve().parent.parent


def load_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("agentdesk_dev_script", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def libpq_dsn(sqlalchemy_url: str) -> str:
    """psycopg wants postgresql://, not SQLAlchemy's postgresql+psycopg://."""
    from sqlalchemy.engine import make_url

    return make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(False)


def test_home_is_private(agentdesk_home: Path) -> None:
    from agentdesk import paths

    assert os.environ["AGENTDESK_HOME"] == str(agentdesk_home)
    assert paths.data_dir().is_relative_to(agentdesk_home)
    assert paths.log_dir().is_relative_to(agentdesk_home)
    assert "AGENTDESK_DATABASE_URL" not in os.environ


def test_secret_service_stores_and_reads_back(secret_service: object) -> None:
    import keyring

    assert isinstance(secret_service, native_keyring_class())
    assert keyring.get_keyring() is secret_service
    service = f"agentdesk-test-{secrets.token_hex(4)}"
    secret = secrets.token_urlsafe(24)
    keyring.set_password(service, "agent01", secret)
    try:
        assert keyring.get_password(service, "agent01") == secret
    finally:
        keyring.delete_password(service, "agent01")
    assert keyring.get_password(service, "agent01") is None


def test_postgres_server_answers(postgres_url: str) -> None:
    import psycopg

    with psycopg.connect(libpq_dsn(postgres_url)) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_database_url_is_fresh_and_empty(database_url: str) -> None:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
            if engine.dialect.name == "postgresql":
                name = conn.execute(text("SELECT current_database()")).scalar_one()
                assert name.startswith(FRESH_DATABASE_PREFIX)
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


def test_fresh_postgres_database_is_dropped_afterwards(postgres_url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    def exists(name: str) -> bool:
        with psycopg.connect(libpq_dsn(postgres_url)) as conn:
            row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            return row.fetchone() is not None

    with fresh_postgres_database(postgres_url) as url:
        name = make_url(url).database
        assert name is not None and exists(name)
        # A connection left open must not stop the drop (it uses FORCE).
        dangling = psycopg.connect(libpq_dsn(url))
    try:
        assert not exists(name)
    finally:
        dangling.close()


@pytest.mark.parametrize(
    ("pytest_code", "expected"),
    [(0, 0), (1, 1), (2, 2), (5, 1), (-9, 137)],
)
def test_dev_maps_pytest_exit_codes(pytest_code: int, expected: int) -> None:
    code, message = load_dev().pytest_exit_status(pytest_code)
    assert code == expected
    assert (message is not None) == (pytest_code in (5, -9))


def test_dev_test_fails_when_no_test_is_selected() -> None:
    """The real command, end to end: a run that selects nothing must exit non-zero."""
    env = dict(os.environ, AGENTDESK_DEV_NO_INSTALL="1")
    # Only this file is collected, so a broken test elsewhere cannot change the exit code.
    command = [sys.executable, str(ROOT / "dev.py"), "test", "-q", "tests/test_harness.py"]
    result = subprocess.run(
        [*command, "-k", "no_such_test_name_xyz"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "collected no tests" in result.stdout


def test_dev_redacts_passwords_in_summary() -> None:
    dev = load_dev()
    assert (
        dev.redacted_url("postgresql+psycopg://ci:s3cret@127.0.0.1:54329/agentdesk_test")
        == "postgresql+psycopg://ci@127.0.0.1:54329/agentdesk_test"
    )
    assert dev.redacted_url("sqlite:///x.db") == "sqlite:///x.db"


# --- the demo's check of Qt's system libraries (issue 17: a fresh machine) ---------------------


def test_demo_names_the_apt_packages_for_the_libraries_qt_lacks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dev = load_dev()
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(dev, "qt_platform_plugin", lambda: plugin)
    monkeypatch.setattr(dev, "missing_system_libraries", lambda _p: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    monkeypatch.setattr(dev.os, "geteuid", lambda: 1000)  # not root: say, do not install
    with pytest.raises(SystemExit) as stopped:
        dev.ensure_qt_libraries()
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install -y --no-install-recommends libxcb-icccm4 libxcb-keysyms1" in err


@pytest.mark.skipif(sys.platform != "linux" or not shutil.which("cc") or not shutil.which("ldd"),
                    reason="needs a C compiler and ldd to build a library with a missing dependency")
def test_ldd_reports_a_library_that_is_not_there(tmp_path: Path) -> None:
    dev = load_dev()
    (tmp_path / "gone.c").write_text("int gone(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int gone(void); int plugin(void) { return gone(); }\n")
    subprocess.run(["cc", "-shared", "-fPIC", "-o", tmp_path / "libagentdeskgone.so.1", tmp_path / "gone.c",
                    "-Wl,-soname,libagentdeskgone.so.1"], check=True)
    subprocess.run(["cc", "-shared", "-fPIC", "-o", tmp_path / "libqfake.so", tmp_path / "plugin.c",
                    f"-L{tmp_path}", "-l:libagentdeskgone.so.1"], check=True)
    assert dev.missing_system_libraries(tmp_path / "libqfake.so") == ["libagentdeskgone.so.1"]
    present = dev.qt_platform_plugin()
    if present is not None:  # this machine runs the suite: its Qt plugin has what it needs
        assert dev.missing_system_libraries(present) == []
