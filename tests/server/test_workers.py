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

from agentdesk.server.embedded import free_port, prepare_database
from tests.conftest import fresh_postgres_database
from tests.server.test_processes import _client, _pull, _wait_up
from tests.support.times import production_env

ROOT = Path(__file__).resolve().parents[2]
LISTENERS = 6


def _serve(url: str, port: int, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "agentdesk.server.cli", "--database-url", url, "serve", "--port", str(port),
         "--log-level", "warning", *extra], cwd=ROOT, env=production_env(),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


@pytest.fixture
def two_workers(postgres_url: str) -> Iterator[str]:
    with fresh_postgres_database(postgres_url) as url:
        prepare_database(url, seed=True, cases=60).dispose()
        port = free_port()
        process = _serve(url, port, "--workers", "2", "--no-migrate")
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_up(base, process)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.mark.postgres
def test_every_desk_hears_a_write_whichever_worker_serves_it(two_workers: str) -> None:
    """Six desks' event streams spread over two worker processes; one write pokes them all."""
    opened = threading.Barrier(LISTENERS + 1, timeout=30)
    heard: list[threading.Event] = [threading.Event() for _ in range(LISTENERS)]
    pids: set[str] = set()

    def listen(i: int) -> None:
        # A fresh connection each: the kernel shares new connections out between the workers.
        with closing(_client(two_workers, "agent01")) as agent, agent.stream(
                "GET", "/v1/events", timeout=httpx.Timeout(30.0)) as stream:
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
    with closing(_client(two_workers, "agent01")) as agent:
        case_id = next(c["id"] for c in _pull(agent, None)[0] if c["entity"] == "case")
        body = {"mutations": [{"id": str(uuid.uuid4()), "type": "note.add",
                               "payload": {"case_id": case_id, "text": "经另一个进程写入"}}]}
        assert agent.post("/v1/sync/push", json=body).json()["results"][0]["status"] == "applied"
    assert all(event.wait(15) for event in heard), f"{sum(e.is_set() for e in heard)} of {LISTENERS} desks poked"
    # Two worker processes really served (not one process with a thread pool).
    with closing(httpx.Client(base_url=two_workers, timeout=10)) as plain:
        for _ in range(40):
            response = plain.get("/v1/info", headers={"Connection": "close"})
            pids.add(response.headers.get("x-agentdesk-worker", ""))
    assert len(pids - {""}) == 2, pids


@pytest.mark.postgres
def test_fifty_first_logins_at_once_on_a_fresh_database_all_succeed(postgres_url: str) -> None:
    with fresh_postgres_database(postgres_url) as url:
        prepare_database(url, seed=True, cases=20).dispose()
        port = free_port()
        process = _serve(url, port, "--workers", "2", "--no-migrate")
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_up(base, process)

            def login(_i: int) -> int:
                return httpx.post(f"{base}/v1/auth/login", json={"username": "agent01", "password": "demo"},
                                  timeout=60).status_code

            with ThreadPoolExecutor(max_workers=50) as pool:
                codes = list(pool.map(login, range(50)))
        finally:
            process.terminate()
            process.wait(timeout=30)
    assert [c for c in codes if c >= 500] == [], codes


def test_several_workers_on_sqlite_are_refused_with_what_to_do(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'one.sqlite'}"
    process = _serve(url, free_port(), "--workers", "2")
    started = time.monotonic()
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 2 and time.monotonic() - started < 60
    assert b"--workers above 1 needs PostgreSQL" in out
