"""`agentdesk-server serve --workers N`: one command, several API processes on one PostgreSQL.

What an IT admin would notice if this broke: desks served by one worker that never hear of
writes made through another, a first morning where some desks' logins fail with a server
error because two processes raced to make the signing key, or a server that starts several
workers on SQLite and quietly loses pokes.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from agentdesk.server.client_gate import WORKER_HEADER
from agentdesk.server.embedded import free_port, prepare_database
from tests.conftest import fresh_postgres_database
from tests.server.test_own_pokes import check_own_stream_skipped
from tests.server.test_processes import _client, _pull, _wait_up
from tests.support.times import production_env

ROOT = Path(__file__).resolve().parents[2]
LISTENERS = 6


def _serve(url: str, port: int, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "agentdesk.server.cli", "--database-url", url, "serve", "--port", str(port),
         "--log-level", "warning", *extra], cwd=ROOT, env=production_env(),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _worker_processes(pid: int) -> list[int]:
    """The worker processes a server started (Linux /proc), not multiprocessing's helper."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(int(child))
    return found


@pytest.fixture
def two_servers(postgres_url: str) -> Iterator[tuple[str, str]]:
    """Two API processes on one database, each on its own port.

    Which worker of `--workers N` accepts a connection is the kernel's choice (on an idle
    machine one worker often takes them all), so the relay between processes is proven with
    two processes the test can address one by one; `--workers 2` is checked separately.
    """
    with fresh_postgres_database(postgres_url) as url:
        prepare_database(url, seed=True, cases=60).dispose()
        ports = free_port(), free_port()
        processes = [_serve(url, port, "--no-migrate") for port in ports]
        bases = tuple(f"http://127.0.0.1:{port}" for port in ports)
        try:
            for base, process in zip(bases, processes, strict=True):
                _wait_up(base, process)
            yield bases[0], bases[1]
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)


@pytest.mark.postgres
def test_every_desk_hears_a_write_whichever_process_serves_it(two_servers: tuple[str, str]) -> None:
    """Six desks' event streams on two API processes; one write through the first pokes them all."""
    opened = threading.Barrier(LISTENERS + 1, timeout=30)
    heard: list[threading.Event] = [threading.Event() for _ in range(LISTENERS)]
    workers: list[set[str]] = [set(), set()]

    def listen(i: int) -> None:
        base = two_servers[i % 2]
        with closing(_client(base, "agent01")) as agent, agent.stream(
                "GET", "/v1/events", timeout=httpx.Timeout(30.0)) as stream:
            workers[i % 2].add(stream.headers.get(WORKER_HEADER, ""))
            for line in stream.iter_lines():
                if line.startswith("event: hello"):
                    opened.wait()
                if line.startswith("event: poke"):
                    heard[i].set()
                    return

    threads = [threading.Thread(target=listen, args=(i,), daemon=True) for i in range(LISTENERS)]
    for thread in threads:
        thread.start()
    opened.wait()
    # The streams really are in two processes, each naming itself.
    assert len(workers[0]) == len(workers[1]) == 1 and workers[0] != workers[1], workers
    with closing(_client(two_servers[0], "agent01")) as agent:
        case_id = next(c["id"] for c in _pull(agent, None)[0] if c["entity"] == "case")
        body = {"mutations": [{"id": str(uuid.uuid4()), "type": "note.add",
                               "payload": {"case_id": case_id, "text": "经另一个进程写入"}}]}
        assert agent.post("/v1/sync/push", json=body).json()["results"][0]["status"] == "applied"
    assert all(event.wait(15) for event in heard), f"{sum(e.is_set() for e in heard)} of {LISTENERS} desks poked"


@pytest.mark.postgres
def test_a_desk_is_not_poked_for_its_own_push_whichever_process_holds_its_stream(
        two_servers: tuple[str, str]) -> None:
    """The pushing desk's stream is held by the other process: the relay carries which stream
    to skip, and only that one is; the agent's other streams and the lead hear the push."""
    first, second = two_servers
    check_own_stream_skipped(push_base=first, own_base=second, other_base=first)
    check_own_stream_skipped(push_base=first, own_base=first, other_base=second)


@pytest.fixture
def two_workers(postgres_url: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`serve --workers 2` on a fresh, migrated and seeded PostgreSQL: its address and process."""
    with fresh_postgres_database(postgres_url) as url:
        prepare_database(url, seed=True, cases=20).dispose()
        port = free_port()
        process = _serve(url, port, "--workers", "2", "--no-migrate")
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_up(base, process)
            yield base, process
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.mark.postgres
def test_workers_two_starts_two_api_processes_that_serve(
        two_workers: tuple[str, subprocess.Popen[bytes]]) -> None:
    base, process = two_workers
    workers = _worker_processes(process.pid)
    assert len(workers) == 2, workers
    with closing(_client(base, "agent01")) as agent:
        changes, _ = _pull(agent, None)
        assert any(c["entity"] == "case" for c in changes), "agent01 got no cases"
        assert agent.get("/v1/info").headers.get(WORKER_HEADER)
    process.terminate()
    process.wait(timeout=30)
    # Stopping the server stops its workers too: none is left holding the port.
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], workers


@pytest.mark.postgres
def test_fifty_first_logins_at_once_on_a_fresh_database_all_succeed(
        two_workers: tuple[str, subprocess.Popen[bytes]]) -> None:
    base, _process = two_workers

    def login(_i: int) -> int:
        return httpx.post(f"{base}/v1/auth/login", json={"username": "agent01", "password": "demo"},
                          timeout=60).status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        codes = list(pool.map(login, range(50)))
    assert [c for c in codes if c >= 500] == [], codes


def test_several_workers_on_sqlite_are_refused_with_what_to_do(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'one.sqlite'}"
    process = _serve(url, free_port(), "--workers", "2")
    started = time.monotonic()
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 2 and time.monotonic() - started < 60
    assert b"--workers above 1 needs PostgreSQL" in out


def test_serve_runs_on_uvloop_and_httptools_where_installed_and_on_asyncio_and_h11_without(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The C loop and parser are taken when the machine has them (the `server` extra on Linux
    and macOS); without them (uvloop has no Windows build) the server is configured with
    Python's own, which uvicorn loads and serves with the same."""
    import importlib.util

    import uvicorn

    from agentdesk.server.cli import io_stack

    present = tuple(importlib.util.find_spec(name) is not None for name in ("uvloop", "httptools"))
    assert io_stack() == ("uvloop" if present[0] else "asyncio", "httptools" if present[1] else "h11")
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as on a machine without them
    monkeypatch.setitem(sys.modules, "httptools", None)
    loop, http = io_stack()
    assert (loop, http) == ("asyncio", "h11")
    config = uvicorn.Config(FastAPI(), loop=loop, http=http)
    config.load()
    assert config.http_protocol_class.__name__ == "H11Protocol"


def test_a_worker_s_start_is_out_of_the_collector_s_full_passes(tmp_path: Path) -> None:
    """Python's full collection walks every object a process holds, with the event loop
    stopped: a worker's ~240,000 long-lived start objects cost 130-270 ms a pass under load,
    the tail of the pushes' p99 at 500 desks (issue 20). The worker's app is built with them
    frozen (heap.settle), so a full pass walks only what serving made, and the app serves."""
    url = f"sqlite:///{tmp_path / 'one.sqlite'}"
    prepare_database(url, seed=False).dispose()
    code = ("import gc, os\n"
            f"os.environ['AGENTDESK_WORKER_DATABASE_URL'] = {url!r}\n"
            "from agentdesk.server.workers import app_from_env\n"
            "from fastapi.testclient import TestClient\n"
            "app = app_from_env()\n"
            "with TestClient(app) as client:\n"
            "    assert client.get('/v1/ping').status_code == 200\n"
            "print(gc.get_freeze_count(), len(gc.get_objects()))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=production_env(), capture_output=True,
                         text=True, timeout=120, check=True).stdout.split()
    frozen, walked = int(out[-2]), int(out[-1])
    assert frozen > 50_000, "the app's modules, models and mappers are settled"
    assert walked * 3 < frozen, f"a full pass walks {walked:,} objects of {frozen + walked:,}"
