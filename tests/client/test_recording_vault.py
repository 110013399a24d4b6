"""The recording vault's key and seal, with cryptography loaded only when a recording is
sealed or read (issue 20: a lead's process need not hold it)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest

from agentdesk.client.recording_vault import CHUNK, RecordingUnreadable, RecordingVault, derive_key


def test_the_recordings_key_is_hkdf_sha256_of_the_store_key() -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    for store_key in ("00" * 32, "ff" * 32, secrets.token_hex(32), secrets.token_hex(32)):
        expected = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                        info=b"agentdesk recordings v1").derive(bytes.fromhex(store_key))
        assert derive_key(store_key) == expected, "recordings sealed before still open"


def test_a_sealed_recording_reads_back_under_the_same_key_and_not_once_altered(tmp_path: Path) -> None:
    source = tmp_path / "call.ogg"
    plain = os.urandom(CHUNK * 2 + 1000)
    source.write_bytes(plain)
    key = derive_key(secrets.token_hex(32))
    sealed = RecordingVault(tmp_path / "vault", key).seal("r1", source)
    assert sealed.size == len(plain) and plain[:64] not in sealed.path.read_bytes()

    again = RecordingVault(tmp_path / "vault", key)  # a new session's vault
    assert again.encrypted and b"".join(again.chunks("r1", sealed.size, step=CHUNK // 3)) == plain
    raw = bytearray(sealed.path.read_bytes())
    raw[-20] ^= 1
    sealed.path.write_bytes(bytes(raw))
    with pytest.raises(RecordingUnreadable, match="altered"):
        again.read("r1", 0, sealed.size, sealed.size)
