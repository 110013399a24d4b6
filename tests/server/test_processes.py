"""Several API processes on one PostgreSQL, as production runs them.

What a user would notice if this broke: a lead's console (pulling from one process) that
silently misses a note an agent saved through another process, or an agent whose queue
does not move when a lead on another process reassigns. Two real `agentdesk-server serve`
processes share a fresh database; writers hit both at once while a lead keeps pulling.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from agentdesk.server.embedded import free_port, prepare_database
from tests.conftest import fresh_postgres_database
from tests.support.times import production_env

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
WRITERS = ("agent01", "agent02", "agent03")
NOTES_EACH = 30


@pytest.fixture
def two_processes(postgres_url: str) -> Iterator[tuple[str, str]]:
    with fresh_postgres_database(postgres_url) as url:
        prepare_database(url, seed=True, cases=120).dispose()
        processes, urls = [], []
        try:
            for _ in range(2):
                port = free_port()
                processes.append(subprocess.Popen(
                    [sys.executable, "-m", "agentdesk.server.cli", "--database-url", url, "serve",
                     "--port", str(port), "--log-level", "warning", "--no-migrate"], cwd=ROOT,
                    env=production_env()))
                urls.append(f"http://127.0.0.1:{port}")
            for base, process in zip(urls, processes, strict=True):
                _wait_up(base, process)
            yield urls[0], urls[1]
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=20)


def _wait_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the server process exited with {process.returncode}"
        try:
            if httpx.get(f"{base}/v1/info", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{base} did not come up within 60 s")


def _client(base: str, username: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30.0)
    token = client.post("/v1/auth/login", json={"username": username, "password": "demo"}).json()["access_token"]
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def _pull(client: httpx.Client, cursor: str | None) -> tuple[list[dict], str]:
    changes: list[dict] = []
    while True:
        params: dict[str, object] = {"limit": 50}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/v1/sync/pull", params=params).raise_for_status().json()
        changes += body["changes"]
        cursor = body["cursor"]
        if not body["has_more"]:
            return changes, cursor


def _note_texts(doc: dict) -> set[str]:
    return {n["text"] for n in doc["notes"]}


def test_a_lead_pulling_while_agents_write_through_two_processes_misses_nothing(
        two_processes: tuple[str, str]) -> None:
    first, second = two_processes
    lead = _client(first, "lead01")
    replica: dict[str, dict] = {}
    changes, cursor = _pull(lead, None)
    replica.update({c["id"]: c["data"] for c in changes if c["entity"] == "case"})

    written: dict[str, set[str]] = {}
    lock = threading.Lock()
    errors: list[BaseException] = []

    def write(username: str, base: str) -> None:
        try:
            with closing(_client(base, username)) as agent:
                mine = [c["id"] for c in _pull(agent, None)[0] if c["entity"] == "case"][:5]
                for i in range(NOTES_EACH):
                    case_id, text = mine[i % len(mine)], f"{username} 备注 {i}"
                    body = {"mutations": [{"id": str(uuid.uuid4()), "type": "note.add",
                                           "payload": {"case_id": case_id, "text": text}}]}
                    result = agent.post("/v1/sync/push", json=body).raise_for_status().json()["results"][0]
                    assert result["status"] == "applied", result
                    with lock:
                        written.setdefault(case_id, set()).add(text)
        except BaseException as exc:  # surfaced below: a thread's failure must fail the test
            errors.append(exc)

    writers = [threading.Thread(target=write, args=(name, (first, second)[i % 2]))
               for i, name in enumerate(WRITERS)]
    for thread in writers:
        thread.start()
    # The lead keeps pulling increments meanwhile, alternating processes, as a console would.
    rounds = 0
    while any(t.is_alive() for t in writers) or rounds == 0:
        with closing(_client((first, second)[rounds % 2], "lead01")) as puller:
            changes, cursor = _pull(puller, cursor)
        replica.update({c["id"]: c["data"] for c in changes if c["entity"] == "case"})
        rounds += 1
    for thread in writers:
        thread.join()
    assert not errors, errors
    changes, cursor = _pull(lead, cursor)
    replica.update({c["id"]: c["data"] for c in changes if c["entity"] == "case"})

    assert sum(len(t) for t in written.values()) == len(WRITERS) * NOTES_EACH
    for case_id, texts in written.items():
        assert texts <= _note_texts(replica[case_id]), f"the lead's increments missed notes on {case_id}"
    assert rounds > 1, "the lead pulled while the writers were writing"


def test_a_write_through_one_process_pokes_a_client_listening_on_the_other(two_processes: tuple[str, str]) -> None:
    first, second = two_processes
    heard = threading.Event()
    listening = threading.Event()

    def listen() -> None:
        with closing(_client(second, "agent01")) as agent, agent.stream("GET", "/v1/events",
                                                                timeout=httpx.Timeout(30.0)) as stream:
            for line in stream.iter_lines():
                if line.startswith("event: hello"):
                    listening.set()
                if line.startswith("event: poke"):
                    heard.set()
                    return

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    assert listening.wait(20), "the event stream on the second process opened"
    with closing(_client(first, "agent01")) as agent:
        case_id = next(c["id"] for c in _pull(agent, None)[0] if c["entity"] == "case")
        body = {"mutations": [{"id": str(uuid.uuid4()), "type": "note.add",
                               "payload": {"case_id": case_id, "text": "另一进程写入"}}]}
        assert agent.post("/v1/sync/push", json=body).json()["results"][0]["status"] == "applied"
    assert heard.wait(10), "the poke crossed processes through PostgreSQL LISTEN/NOTIFY"
