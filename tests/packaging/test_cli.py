"""The `agentdesk` command from the source tree: --version without a display, and the smoke
mode (the same code the bundle runs in CI; test_bundle.py runs it on the built program)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from agentdesk import __version__
from agentdesk.server.embedded import EmbeddedServer

CLI = [sys.executable, "-m", "agentdesk.desktop.cli"]


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(AGENTDESK_HOME=str(home), **extra)
    return env


def test_version_needs_no_display_and_no_qt(agentdesk_home: Path) -> None:
    probe = (
        "import sys\nfrom agentdesk.desktop.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as e:\n    code = e.code\n"
        "assert 'PySide6' not in sys.modules, 'Qt imported for --version'\nsys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=_env(agentdesk_home), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"AgentDesk {__version__}"


def _smoke(
    server: EmbeddedServer, home: Path, user: str, password: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, "smoke", "--server", server.url, "--user", user, "--allow-unencrypted", "--timeout", "90", *extra],
        env=_env(home, AGENTDESK_SMOKE_PASSWORD=password),
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_smoke_from_source(live_server: EmbeddedServer, agentdesk_home: Path) -> None:
    result = _smoke(live_server, agentdesk_home, "agent04", "demo")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["smoke"] == "ok" and report["qt_platform"] == "offscreen"
    assert set(report["timings_s"]) >= {"qt_ready", "login", "first_sync", "startup_to_window", "push", "total"}
    assert (agentdesk_home / "logs" / "smoke-last.json").read_text(encoding="utf-8").strip() == result.stdout.strip()
    # The smoke's local store lived in a temporary folder, not in the user's data folder.
    assert not list((agentdesk_home / "data").glob("stores/*.db"))
    # The outcome reached the server.
    with live_server.database.transaction() as s:
        from sqlalchemy import select

        from agentdesk.server.models import ContactAttempt, PromiseToPay

        notes = s.scalars(select(ContactAttempt.note)).all()
        assert any(note and note.startswith("Smoke test:") for note in notes)
        assert s.scalars(select(PromiseToPay).where(PromiseToPay.amount_minor == 150000)).first() is not None


def test_smoke_keeps_its_store_for_a_second_start_when_asked(
    live_server: EmbeddedServer, agentdesk_home: Path, tmp_path: Path
) -> None:
    """`--store DIR`: the second run starts from the store the first one filled (IT checks
    a desk's everyday start, not only its first one)."""
    store = tmp_path / "kept-store"
    first = _smoke(live_server, agentdesk_home, "agent05", "demo", "--store", str(store))
    assert first.returncode == 0, first.stdout + first.stderr
    kept = list(store.rglob("*.db"))
    assert kept, "the store was not kept in --store"
    size = kept[0].stat().st_size
    second = _smoke(live_server, agentdesk_home, "agent05", "demo", "--store", str(store))
    assert second.returncode == 0, second.stdout + second.stderr
    assert list(store.rglob("*.db")) == kept and kept[0].stat().st_size >= size
    reports = [json.loads(r.stdout.strip().splitlines()[-1]) for r in (first, second)]
    assert reports[0]["queue_cases"] == reports[1]["queue_cases"] > 0
    for report in reports:
        t = report["timings_s"]
        own = t["startup_to_window"] - t["login"] - t["first_sync"]
        assert abs(t["own_start"] - own) < 0.002 and 0 < t["own_start"] < t["startup_to_window"]
    # Nothing went to the user's own data folder.
    assert not list((agentdesk_home / "data").glob("stores/*.db"))


def test_smoke_says_which_step_failed(live_server: EmbeddedServer, agentdesk_home: Path) -> None:
    result = _smoke(live_server, agentdesk_home, "agent04", "wrong")
    assert result.returncode == 1
    assert "FAILED at step 'login': Wrong user name or password" in result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["step"] == "login"


def test_smoke_with_a_leads_account_says_it_needs_an_agent(live_server: EmbeddedServer, agentdesk_home: Path) -> None:
    result = _smoke(live_server, agentdesk_home, "lead01", "demo")
    assert result.returncode == 1
    assert "FAILED at step 'login': lead01 is a lead" in result.stderr and "agent's test account" in result.stderr


def test_smoke_without_a_password_is_refused(agentdesk_home: Path) -> None:
    env = _env(agentdesk_home)
    env.pop("AGENTDESK_SMOKE_PASSWORD", None)
    result = subprocess.run(
        [*CLI, "smoke", "--server", "http://127.0.0.1:9"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1 and "AGENTDESK_SMOKE_PASSWORD" in result.stderr


def test_a_broken_admin_file_stops_with_the_key_named(agentdesk_home: Path, tmp_path: Path) -> None:
    ini = tmp_path / "agentdesk.ini"
    ini.write_text("[agentdesk]\nverify_tls = sometimes\n", encoding="utf-8")
    result = subprocess.run(
        [*CLI, "smoke"],
        env=_env(agentdesk_home, AGENTDESK_ADMIN_CONFIG=str(ini)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "verify_tls = 'sometimes' is not true or false" in result.stderr
