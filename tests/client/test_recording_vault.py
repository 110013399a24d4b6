"""The recording vault: a call sealed under the store's key reads back in a later session,
and not under another store's key or once altered; cryptography is loaded only when a
recording is sealed or read (issue 20: a lead's process need not hold it)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest

from agentdesk.client.recording_vault import CHUNK, RecordingUnreadable, RecordingVault


def test_a_sealed_recording_reads_back_under_the_same_store_key_only_and_not_once_altered(tmp_path: Path) -> None:
    source = tmp_path / "call.ogg"
    plain = os.urandom(CHUNK * 2 + 1000)
    source.write_bytes(plain)
    store_key = secrets.token_hex(32)
    sealed = RecordingVault(tmp_path / "vault", store_key).seal("r1", source)
    assert sealed.size == len(plain) and plain[:64] not in sealed.path.read_bytes()

    again = RecordingVault(tmp_path / "vault", store_key)  # a new session's vault
    assert again.encrypted and b"".join(again.chunks("r1", sealed.size, step=CHUNK // 3)) == plain
    other = RecordingVault(tmp_path / "vault", secrets.token_hex(32))  # another store's key
    with pytest.raises(RecordingUnreadable):
        other.read("r1", 0, sealed.size, sealed.size)
    raw = bytearray(sealed.path.read_bytes())
    raw[-20] ^= 1
    sealed.path.write_bytes(bytes(raw))
    with pytest.raises(RecordingUnreadable, match="altered"):
        again.read("r1", 0, sealed.size, sealed.size)
