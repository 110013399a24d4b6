"""Issue 13's proof for the archive: 200 recordings through dropped requests, lost answers,
connections reset mid-body, a desk killed with SIGKILL mid-upload and a server restart,
and every one of them ends on the server exactly once, byte for byte, while the desk
deletes its copy only after the server confirmed it.

Real parts throughout: the server over HTTP on 127.0.0.1 behind the fault proxy, the
desk as its own process with the real keyring and encrypted store, real Ogg/Opus files
and one 3 MB WAV that goes in twelve pieces.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from agentdesk.client import errors, uploads
from agentdesk.client.session import ClientSession
from agentdesk.server.embedded import EmbeddedServer, start_embedded_server
from agentdesk.server.models import Recording
from tests.client.faultproxy import FaultProxy
from tests.client.helpers import wait_until
from tests.client.recording_helpers import archived_digests, vault_files
from tests.support.audio import sha256_file, write_call, write_wav

ROOT = Path(__file__).resolve().parents[2]
RECORDINGS = 200
CHUNK = 256 * 1024


def _archived(server: EmbeddedServer) -> int:
    with server.database.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(Recording).where(Recording.state == "archived")) or 0)


def _upload_until_done(session: ClientSession, tries: int = 40) -> None:
    for _ in range(tries):
        try:
            session.upload_recordings()
        except errors.ClientError:
            continue
        if not session.uploads.waiting():
            return
    raise AssertionError(f"recordings still waiting after {tries} passes: {len(session.uploads.waiting())}")


@pytest.mark.heavy  # uploads and archive never read the hour
def test_200_recordings_survive_faults_a_killed_desk_and_a_server_restart_each_archived_once_byte_identical(
        live_server: EmbeddedServer, secret_service: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uploads, "CHUNK_BYTES", CHUNK)  # the restarted desk sends pieces as the killed one did
    calls = tmp_path / "calls"
    calls.mkdir()
    for i in range(RECORDINGS - 1):
        write_call(calls / f"call-{i:03d}.ogg", 0.3, seed=i)
    write_wav(calls / "call-100-long.wav", 32.0, seed=999)  # ~3 MB, in the middle of the queue
    expected = {p.name: sha256_file(p) for p in calls.iterdir()}
    assert len(expected) == RECORDINGS

    proxy = FaultProxy(live_server.port, lifetime=300)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("upload_child.py")), proxy.url,
                              str(calls), str(CHUNK)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                             cwd=ROOT)
    try:
        # Faults while the desk uploads: each kind once, spread over the first half.
        faults = iter([("PATCH", "drop_request"), ("PUT", "reset_mid_body"), ("PATCH", "drop_response"),
                       ("PATCH", "reset_mid_body"), ("PUT", "drop_response")])
        for threshold in (10, 30, 50, 70, 90):
            wait_until(lambda t=threshold: _archived(live_server) >= t or child.poll() is not None, timeout=90,
                       what=f"{threshold} recordings archived")
            method, action = next(faults)
            proxy.fail_next(method, "/v1/recordings/", action)
        wait_until(lambda: _archived(live_server) >= RECORDINGS // 2 or child.poll() is not None, timeout=90,
                   what="half the recordings archived")
        # The server commits the next piece; the desk dies before it hears so.
        proxy.fail_next("PATCH", "/v1/recordings/", "hold_response")
        held = proxy.held.wait(60)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate(timeout=10)
        proxy.release()
    try:
        assert held, f"the desk never uploaded: {err.decode()[-2000:]}"
        lines = out.decode().splitlines()
        assert "uploaded" not in lines, "the desk must have died mid-upload"
        queued: dict[str, str] = json.loads(lines[0])
        assert sorted(queued.values()) == sorted(expected)
        ids = list(queued)
        assert not any(calls.iterdir()), "the queue took every file over"
        killed_at = _archived(live_server)
        assert RECORDINGS // 2 <= killed_at < RECORDINGS

        desk = ClientSession.open_cached(proxy.url, "agent01")
        waiting = {row.id for row in desk.uploads.waiting()}
        assert vault_files(desk) == waiting, "every waiting recording still has its sealed file, and only those"
        on_server = archived_digests(live_server.database, ids)
        for rid in set(ids) - waiting:
            assert on_server[rid] == (1, expected[queued[rid]]), "a desk copy went only after the server had it"
        assert desk.status().pending == len(waiting), "the queue survived SIGKILL"

        # The server restarts while the desk tries again.
        db_url, port = live_server.database.url, live_server.port
        live_server.stop()
        with pytest.raises(errors.ServerUnreachable):
            desk.upload_recordings()
        server = start_embedded_server(db_url, port=port, seed=False)
        try:
            proxy.fail_next("PATCH", "/v1/recordings/", "reset_mid_body")
            proxy.fail_next("PUT", "/v1/recordings/", "drop_request")
            started = time.monotonic()
            _upload_until_done(desk)
            assert time.monotonic() - started < 60
            assert proxy.pending_faults() == 0
            final = archived_digests(server.database, ids)
            assert final == {rid: (1, expected[queued[rid]]) for rid in ids}, "each once, byte-identical"
            with server.database.transaction() as s:
                assert s.scalar(select(func.count()).select_from(Recording)) == RECORDINGS, "no stray copies"
            assert vault_files(desk) == set() and desk.uploads.waiting() == []
            assert desk.status().pending == 0
            long_id = next(rid for rid, name in queued.items() if name.endswith(".wav"))
            assert proxy.count("PATCH", f"/v1/recordings/{long_id}/content") >= 12, "the long call went in pieces"
            desk.stop()
        finally:
            server.stop()
    finally:
        proxy.close()
