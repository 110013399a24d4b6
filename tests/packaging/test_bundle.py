"""The built program (PyInstaller one-folder bundle), tested as agents get it.

Runs only when AGENTDESK_BUNDLE names the bundle folder (dist/agentdesk); `.ci/run` builds
it and then runs `python3 dev.py test tests/packaging/test_bundle.py` with it set, so the
smoke run gets the same private keyring as the rest of the suite. The server is not in
the bundle: the test starts `agentdesk-server` from the virtual environment, on a demo
database in a temporary SQLite file, exactly as an operator would.

AGENTDESK_SMOKE_REPORT, when set, receives the smoke JSON line (CI prints it).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agentdesk import __version__
from tests.support.times import production_env

BUNDLE_ENV = "AGENTDESK_BUNDLE"
REPORT_ENV = "AGENTDESK_SMOKE_REPORT"
WINDOWS = sys.platform == "win32"

# Import names that must not be in the bundle: the server, its database drivers and the
# test tools. A bundle that carries them is larger and ships code agents never run.
FORBIDDEN = (
    "agentdesk.server",
    "fastapi",
    "starlette",
    "uvicorn",
    "alembic",
    "faker",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "schemathesis",
    "psycopg",
    "psycopg_binary",
    "argon2",
    "jwt",
)


@pytest.fixture(scope="module")
def bundle() -> Path:
    value = os.environ.get(BUNDLE_ENV)
    if not value:
        pytest.skip(f"{BUNDLE_ENV} is not set (the built bundle folder, e.g. dist/agentdesk); .ci/run sets it")
    path = Path(value)
    assert path.is_dir(), f"{BUNDLE_ENV}={path} is not a folder"
    return path


@pytest.fixture(scope="module")
def program(bundle: Path) -> Path:
    exe = bundle / ("agentdesk.exe" if WINDOWS else "agentdesk")
    assert exe.is_file(), f"no executable {exe.name} in {bundle}"
    return exe


def _env_without_display(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(AGENTDESK_HOME=str(home), **extra)
    return env


def _bundled_modules(program: Path) -> set[str]:
    """Every module name in the executable's archive (pure Python lives there, not in files)."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(program))
    pyz = archive.open_embedded_archive("PYZ.pyz")
    return set(pyz.toc)


def test_version_prints_without_a_display(program: Path, agentdesk_home: Path) -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [str(program), "--version"],
        env=_env_without_display(agentdesk_home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"AgentDesk {__version__}"
    assert elapsed < 20, f"--version took {elapsed:.1f} s"


def test_server_and_test_packages_are_left_out(bundle: Path, program: Path) -> None:
    modules = _bundled_modules(program)
    assert "agentdesk.desktop.cli" in modules and "agentdesk.client.session" in modules
    # The softphone goes with the desk: PJSIP's binding and the recorder's libsndfile.
    assert {"pjsua2", "soundfile", "agentdesk.desktop.phone.engine"} <= modules
    shipped = {p.name.lower() for p in (bundle / "_internal").rglob("*")}
    assert any(name.startswith("_pjsua2") for name in shipped), "PJSIP's compiled binding is in the bundle"
    assert any("sndfile" in name for name in shipped), "libsndfile is in the bundle"
    leaked = sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in FORBIDDEN))
    assert not leaked, f"server/test modules in the bundle: {leaked[:20]}"
    # Compiled parts and package metadata live as files beside the executable.
    names = {p.name.split(".")[0].split("-")[0].lower() for p in (bundle / "_internal").rglob("*")}
    leaked_files = sorted(names & {f.lower() for f in FORBIDDEN})
    assert not leaked_files, f"server/test files in the bundle: {leaked_files}"


def test_forms_resources_and_translations_are_inside(bundle: Path) -> None:
    root = bundle / "_internal"
    forms = {p.stem for p in (root / "ui").glob("*.ui")}
    assert {"login", "mainwindow", "noteform"} <= forms
    qm = {p.name for p in (root / "resources" / "translations").glob("*.qm")}
    assert "agentdesk_zh_CN.qm" in qm
    assert not list((root / "resources").rglob("*.ts")), "translation sources are not shipped"
    assert list((root / "resources").rglob("*.yaml")) or list((root / "resources").rglob("*.json"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory, bundle: Path) -> Iterator[str]:
    """`agentdesk-server seed --demo` and `serve` from the venv, on a temporary SQLite file."""
    scripts = Path(sys.executable).parent
    command = str(scripts / ("agentdesk-server.exe" if WINDOWS else "agentdesk-server"))
    folder = tmp_path_factory.mktemp("bundle-server")
    env = dict(production_env(), AGENTDESK_DATABASE_URL=f"sqlite:///{(folder / 'server.db').as_posix()}")
    seeded = subprocess.run([command, "seed", "--demo"], env=env, capture_output=True, text=True, timeout=300)
    assert seeded.returncode == 0, seeded.stdout + seeded.stderr
    port = _free_port()
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [command, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:  # the server is another process: poll its health until it answers
            try:
                if httpx.get(f"{url}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, (folder / "server.log").read_text()
            assert time.monotonic() < deadline, "agentdesk-server did not answer within 60 s"
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_smoke_of_the_built_program(program: Path, server_url: str, secret_service: Any, agentdesk_home: Path) -> None:
    """Offscreen, signed in with the real keyring (encrypted store), pull, record, push."""
    env = _env_without_display(agentdesk_home, AGENTDESK_SMOKE_PASSWORD="demo")
    started = time.perf_counter()
    result = subprocess.run(
        [str(program), "smoke", "--server", server_url, "--user", "agent01"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    wall = time.perf_counter() - started
    assert result.returncode == 0, f"smoke failed:\n{result.stdout}\n{result.stderr}"
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["smoke"] == "ok" and report["frozen"] is True
    assert report["keyring"] == "secure" and report["qt_platform"] == "offscreen"
    report["wall_s"] = round(wall, 3)
    target = os.environ.get(REPORT_ENV)
    if target:
        Path(target).write_text(json.dumps(report, sort_keys=True) + "\n", encoding="utf-8")
