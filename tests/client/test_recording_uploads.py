"""Call recordings from the desk to the archive, against the real server on 127.0.0.1.

The recordings are real Ogg/Opus and WAV files; the desk's store and its vault are
encrypted with the key in the real keyring.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from agentdesk.client import errors, uploads
from agentdesk.client.recording_vault import MAGIC
from agentdesk.client.session import ClientSession
from agentdesk.client.uploads import InvalidRecording
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import ContactAttempt, Recording
from tests.client.faultproxy import FaultProxy
from tests.client.helpers import outbox_size, wait_until
from tests.client.recording_helpers import archived_digests, record_calls, vault_files
from tests.support.audio import sha256_file, write_call, write_wav


def test_a_recording_is_sealed_on_the_desk_archived_once_and_linked_to_its_call(
        live_server: EmbeddedServer, secret_service: Any, tmp_path: Path) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    (attempt,) = record_calls(session, 1)
    source = write_call(tmp_path / "call.ogg", 2.0, seed=7)
    plain = source.read_bytes()
    digest = sha256_file(source)

    rid = session.attach_recording(attempt, source, sip_call_id="a84b4c76e66710@pc33.example")
    assert not source.exists(), "the plain file is taken over by the encrypted queue"
    (sealed,) = Path(session.store.recordings_folder).glob("*.rec")
    raw = sealed.read_bytes()
    assert raw.startswith(MAGIC + b"\x01"), "sealed: the store is encrypted, so is the recording"
    assert plain[:64] not in raw and b"OggS" not in raw, "no audio bytes in clear on the desk"
    assert session.status().pending == 2, "the attempt and the recording wait to be sent"

    session.sync_now()
    assert session.upload_recordings() == 1
    assert archived_digests(live_server.database, [rid]) == {rid: (1, digest)}, "byte-identical, once"
    assert vault_files(session) == set() and session.status().pending == 0 and outbox_size(session) == 0
    with live_server.database.transaction() as s:
        rec = s.get(Recording, rid)
        call = s.get(ContactAttempt, attempt)
        assert rec is not None and call is not None
        assert rec.media_type == "audio/ogg" and rec.state == "archived" and rec.retain_until is not None
        assert call.recording_ref == rid, "the attempt carries its recording"
    assert session.upload_recordings() == 0, "nothing left to send; the server is not asked again"
    session.stop()


def test_bad_files_are_refused_with_a_reason_and_nothing_is_queued(
        live_server: EmbeddedServer, tmp_path: Path) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo", allow_unencrypted=True, remember=False)
    attempt = "6f1d7d0e-8a3c-4a57-9c55-0e5a8b2a3f10"
    text = tmp_path / "notes.txt"
    text.write_text("not audio")
    with pytest.raises(InvalidRecording, match="format"):
        session.attach_recording(attempt, text)
    with pytest.raises(InvalidRecording, match="cannot be read"):
        session.attach_recording(attempt, tmp_path / "missing.ogg")
    with pytest.raises(InvalidRecording, match="not an attempt id"):
        session.attach_recording("call-1", write_call(tmp_path / "a.ogg", 0.2))
    assert text.exists() and session.uploads.waiting() == [] and vault_files(session) == set()
    session.stop()


def test_a_multi_megabyte_recording_goes_in_pieces_and_resumes_where_the_server_stands(
        live_server: EmbeddedServer, secret_service: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uploads, "CHUNK_BYTES", 256 * 1024)
    proxy = FaultProxy(live_server.port)
    try:
        session = ClientSession.login(proxy.url, "agent01", "demo")
        session.sync_now()
        (attempt,) = record_calls(session, 1)
        session.sync_now()
        source = write_wav(tmp_path / "long.wav", 32.0, seed=3)  # ~3 MB: twelve pieces
        size, digest = source.stat().st_size, sha256_file(source)
        pieces = -(-size // uploads.CHUNK_BYTES)
        assert size > 3_000_000 and pieces == 12
        rid = session.attach_recording(attempt, source)

        sent: list[int] = []
        real_call = session.api.call

        def cut_after_five(method: str, path: str, **kwargs: Any) -> Any:
            if method == "PATCH":
                if len(sent) == 5:  # the link goes down after five pieces
                    proxy.offline = True
                    proxy.cut_all()
                sent.append(len(kwargs["content"]))
            return real_call(method, path, **kwargs)

        monkeypatch.setattr(session.api, "call", cut_after_five)
        with pytest.raises(errors.ServerUnreachable):
            session.upload_recordings()
        assert archived_digests(live_server.database, [rid]) == {rid: (1, None)}, "not archived half-way"
        assert vault_files(session) == {rid}, "the desk keeps its copy until the server confirms"
        with live_server.database.transaction() as s:
            rec = s.get(Recording, rid)
            assert rec is not None and rec.received == 5 * uploads.CHUNK_BYTES

        proxy.offline = False
        proxy.fail_next("PATCH", f"/v1/recordings/{rid}/content", "drop_response")  # server takes it, answer lost
        with pytest.raises(errors.ServerUnreachable):
            session.upload_recordings()
        assert session.upload_recordings() == 1
        assert archived_digests(live_server.database, [rid]) == {rid: (1, digest)}
        # Only the piece the cut link never delivered was sent twice; the piece whose answer
        # was lost was not: the server said it had it.
        assert sum(sent) == size + uploads.CHUNK_BYTES
        assert proxy.count("PATCH", f"/v1/recordings/{rid}/content") == pieces
        assert vault_files(session) == set()
        session.stop()
    finally:
        proxy.close()


def test_the_server_drops_bytes_that_do_not_match_the_declared_checksum(
        live_server: EmbeddedServer, tmp_path: Path) -> None:
    """What the server does with a corrupted upload, seen from a raw client."""
    import httpx

    from agentdesk import contract

    http = httpx.Client(base_url=live_server.url)
    token = http.post("/v1/auth/login", json={"username": "agent01", "password": "demo"}).json()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    data = write_call(tmp_path / "c.ogg", 0.5, seed=1).read_bytes()
    rid = "0d6f3c2e-1b7e-4a8e-9f8d-3c1e2a4b5c6d"
    body = {"attempt_id": "3b7f1d2e-5c6a-4e8f-9a0b-1c2d3e4f5a6b", "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "media_type": "audio/ogg"}
    assert http.put(f"/v1/recordings/{rid}", json=body, headers=auth).json()["received"] == 0
    bad = bytes([data[0] ^ 1]) + data[1:]
    answer = http.patch(f"/v1/recordings/{rid}/content", content=bad,
                        headers={**auth, contract.UPLOAD_OFFSET_HEADER: "0"})
    assert answer.status_code == 422 and answer.json()["code"] == "checksum_mismatch"
    assert http.put(f"/v1/recordings/{rid}", json=body, headers=auth).json()["received"] == 0, "start again"
    early = http.patch(f"/v1/recordings/{rid}/content", content=data[10:],
                       headers={**auth, contract.UPLOAD_OFFSET_HEADER: "10"})
    assert early.status_code == 409 and early.json()["code"] == "offset_mismatch"
    good = http.patch(f"/v1/recordings/{rid}/content", content=data,
                      headers={**auth, contract.UPLOAD_OFFSET_HEADER: "0"})
    assert good.json()["state"] == "archived"
    assert archived_digests(live_server.database, [rid]) == {rid: (1, hashlib.sha256(data).hexdigest())}
    http.close()


def test_a_recording_waiting_at_sign_out_survives_a_wipe_request_and_goes_up_at_the_next_sign_in(
        live_server: EmbeddedServer, secret_service: Any, tmp_path: Path) -> None:
    from agentdesk.client.session import store_path

    proxy = FaultProxy(live_server.port)
    try:
        session = ClientSession.login(proxy.url, "agent01", "demo", data_root=tmp_path / "desk")
        session.sync_now()
        (attempt,) = record_calls(session, 1)
        session.sync_now()
        source = write_call(tmp_path / "late.ogg", 1.0, seed=4)
        digest = sha256_file(source)
        proxy.offline = True  # the network is gone when the agent signs out
        rid = session.attach_recording(attempt, source)
        assert session.logout(wipe_local_data=True) is False, "a waiting recording stops the wipe"
        assert store_path(proxy.url, "agent01", tmp_path / "desk").exists()
        (kept,) = (store_path(proxy.url, "agent01", tmp_path / "desk").with_name(
            store_path(proxy.url, "agent01", tmp_path / "desk").stem + "-recordings")).glob("*.rec")
        assert kept.stem == rid

        proxy.offline = False
        again = ClientSession.login(proxy.url, "agent01", "demo", data_root=tmp_path / "desk")
        assert [row.id for row in again.uploads.waiting()] == [rid], "the queue is there at the next sign-in"
        again.start_sync()  # the background uploader, as the desktop starts it
        wait_until(lambda: not again.uploads.waiting(), timeout=20, what="the background upload")
        assert archived_digests(live_server.database, [rid]) == {rid: (1, digest)}
        assert again.logout(wipe_local_data=True) is True, "nothing waits any more: the wipe goes ahead"
        assert not kept.parent.exists()
    finally:
        proxy.close()
