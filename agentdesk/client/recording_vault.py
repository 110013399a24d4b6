"""Recordings waiting on the desk, encrypted at rest like the local store.

A call recording is personal data (the debtor's voice). While it waits for upload it is
kept in the store's folder, sealed with AES-256-GCM under a key derived (HKDF-SHA256)
from the store's key, which lives in the OS keyring: the file is as unreadable without
the keyring as the store is. A store opened without encryption (the explicit developer
or demo switch) keeps recordings as plain copies, and says so in the file's header.

The sealed format allows reading any byte range without decrypting the rest, so an
upload resumes from the offset the server names:

    header  b"ADREC1" + 1 byte (1 sealed, 0 plain) + 8-byte random nonce prefix
    body    sealed: chunks of CHUNK plaintext bytes, each AES-GCM(nonce = prefix + chunk
            index, aad = recording id + index + last-chunk flag) with its 16-byte tag;
            plain: the bytes as they are

The last-chunk flag in the authenticated data makes a truncated file fail to decrypt
instead of uploading a shortened recording. The plaintext's SHA-256 is taken while
sealing, from the bytes actually sealed.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from agentdesk.client.errors import ClientError

if TYPE_CHECKING:  # cryptography (~6 MB resident, issue 20: a lead's memory) loads when a
    # recording is first sealed or read, with the key derived then (`RecordingVault._aead`)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"ADREC1"
HEADER = len(MAGIC) + 1 + 8
CHUNK = 256 * 1024
TAG = 16
READ_BLOCK = 1024 * 1024


class RecordingUnreadable(ClientError):
    """A waiting recording's file is missing, cut short or altered: it cannot be sent."""


def derive_key(store_key_hex: str) -> bytes:
    """The recordings' key: derived from the store key, never the same key for two uses."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"agentdesk recordings v1").derive(bytes.fromhex(store_key_hex))


@dataclass(frozen=True)
class Sealed:
    path: Path
    size: int  # plaintext bytes
    sha256: str  # of the plaintext
    head: bytes  # the plaintext's first bytes (to tell the format)


class RecordingVault:
    """The folder of recordings waiting for upload, one file per recording id."""

    def __init__(self, folder: Path, store_key_hex: str | None) -> None:
        """`store_key_hex`: the local store's key, from which the recordings' is derived
        (`derive_key`); None for a plain store, whose recordings are not encrypted."""
        self.folder = folder
        self._key = store_key_hex
        self._cipher: AESGCM | None = None
        folder.mkdir(parents=True, exist_ok=True)

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    @property
    def _aead(self) -> AESGCM | None:
        """The AES-GCM cipher under the derived key, made on the first seal or read (two
        threads may both make one: the same key, so either does)."""
        if self._cipher is None and self._key is not None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._cipher = AESGCM(derive_key(self._key))
        return self._cipher

    def path(self, recording_id: str) -> Path:
        return self.folder / f"{recording_id}.rec"

    def ids_on_disk(self) -> set[str]:
        return {p.stem for p in self.folder.glob("*.rec")}

    # --- writing ---------------------------------------------------------------------------

    def seal(self, recording_id: str, source: Path) -> Sealed:
        """Copy `source` into the vault (sealed when the store is encrypted), flushed to disk."""
        target = self.path(recording_id)
        tmp = target.with_suffix(".tmp")
        digest = hashlib.sha256()
        size = 0
        head = b""
        prefix = os.urandom(8)
        aead = self._aead
        try:
            with source.open("rb") as src, tmp.open("wb") as out:
                out.write(MAGIC + (b"\x01" if aead else b"\x00") + prefix)
                block = src.read(CHUNK)
                head = block[:16]
                index = 0
                while block:
                    following = src.read(CHUNK)
                    digest.update(block)
                    size += len(block)
                    if aead is not None:
                        out.write(aead.encrypt(_nonce(prefix, index), block,
                                                     _aad(recording_id, index, not following)))
                    else:
                        out.write(block)
                    block, index = following, index + 1
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return Sealed(target, size, digest.hexdigest(), head)

    def remove(self, recording_id: str) -> None:
        self.path(recording_id).unlink(missing_ok=True)

    # --- reading ---------------------------------------------------------------------------

    def read(self, recording_id: str, offset: int, length: int, size: int) -> bytes:
        """Plaintext bytes [offset, offset + length) of a recording of `size` bytes."""
        end = min(offset + length, size)
        if offset >= end:
            return b""
        path = self.path(recording_id)
        try:
            with path.open("rb") as f:
                header = f.read(HEADER)
                if len(header) != HEADER or not header.startswith(MAGIC):
                    raise RecordingUnreadable(f"The waiting recording {recording_id[:8]} is not a recording file.")
                sealed, prefix = header[len(MAGIC)] == 1, header[len(MAGIC) + 1:]
                if not sealed:
                    f.seek(HEADER + offset)
                    data = f.read(end - offset)
                    if len(data) != end - offset:
                        raise RecordingUnreadable(f"The waiting recording {recording_id[:8]} is cut short.")
                    return data
                aead = self._aead
                if aead is None:
                    raise RecordingUnreadable("This recording was sealed by an encrypted store; open that store.")
                from cryptography.exceptions import InvalidTag  # loaded with the cipher

                last_index = (size - 1) // CHUNK
                parts: list[bytes] = []
                for index in range(offset // CHUNK, (end - 1) // CHUNK + 1):
                    f.seek(HEADER + index * (CHUNK + TAG))
                    plain_len = min(CHUNK, size - index * CHUNK)
                    blob = f.read(plain_len + TAG)
                    try:
                        parts.append(aead.decrypt(_nonce(prefix, index), blob,
                                                        _aad(recording_id, index, index == last_index)))
                    except InvalidTag as exc:
                        raise RecordingUnreadable(
                            f"The waiting recording {recording_id[:8]} was altered or cut short on this "
                            "computer; it cannot be sent as the call's evidence.") from exc
        except FileNotFoundError as exc:
            raise RecordingUnreadable(f"The waiting recording {recording_id[:8]} is missing from this computer.") \
                from exc
        data = b"".join(parts)
        start = offset - (offset // CHUNK) * CHUNK
        return data[start:start + (end - offset)]

    def chunks(self, recording_id: str, size: int, start: int = 0, step: int = READ_BLOCK) -> Iterator[bytes]:
        for at in range(start, size, step):
            yield self.read(recording_id, at, step, size)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _aad(recording_id: str, index: int, last: bool) -> bytes:
    return recording_id.encode() + struct.pack(">I?", index, last)
