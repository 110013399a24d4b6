"""The recordings' bytes on disk: content-addressed, write-once files under one folder.

    <root>/incoming/<recording id>.part    an upload in progress (resumable)
    <root>/sha256/ab/cd/<sha256 hex>       an archived recording, read-only

A file is named by the SHA-256 of its bytes, so the name is its checksum: two uploads of
the same bytes are one file, and a file that no longer matches its name has been altered.
The database says which recordings use which file (agentdesk.server.recordings); this
module knows nothing of it. Every write is flushed to disk (fsync) before the database
records it, so a crash can leave bytes the database does not know of (written again by
the next chunk) but never a database row pointing at bytes that are not there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path

READ_BLOCK = 1024 * 1024


class ArchiveError(RuntimeError):
    """The archive folder is missing, unreadable or not as the database says."""


class RecordingArchive:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.incoming = root / "incoming"
        self.objects = root / "sha256"
        self.incoming.mkdir(parents=True, exist_ok=True)
        self.objects.mkdir(parents=True, exist_ok=True)

    # --- uploads in progress -----------------------------------------------------------------

    def part_path(self, recording_id: str) -> Path:
        if not recording_id or "/" in recording_id or "\\" in recording_id or recording_id.startswith("."):
            raise ArchiveError(f"not a recording id: {recording_id!r}")
        return self.incoming / f"{recording_id}.part"

    def write_part(self, recording_id: str, offset: int, data: bytes) -> None:
        """Put `data` at `offset` of the upload and cut anything after it, then fsync.

        Writing at the offset the database holds (not appending) makes a chunk whose
        database update was lost in a crash harmless: the retry overwrites it.
        """
        path = self.part_path(recording_id)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.lseek(fd, offset, os.SEEK_SET)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.ftruncate(fd, offset + len(data))
            os.fsync(fd)
        finally:
            os.close(fd)

    def part_digest(self, recording_id: str) -> str:
        return file_digest(self.part_path(recording_id))

    def discard_part(self, recording_id: str) -> None:
        self.part_path(recording_id).unlink(missing_ok=True)

    def archive_part(self, recording_id: str, sha256: str) -> Path:
        """Move a complete, checked upload to its content address (read-only from then on).

        Bytes already archived under that hash (the same recording imported twice) stay;
        the upload is dropped.
        """
        target = self.object_path(sha256)
        part = self.part_path(recording_id)
        if target.exists():
            part.unlink(missing_ok=True)
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(part, stat.S_IRUSR | stat.S_IRGRP)
        os.replace(part, target)
        _fsync_dir(target.parent)
        return target

    def store_bytes(self, data: bytes, sha256: str) -> Path:
        """Archive bytes received whole (a PBX's file): through a part file, so a crash
        never leaves a half-written file under a content address."""
        part = self.part_path(f"import-{sha256}")
        self.write_part(part.stem, 0, data)
        return self.archive_part(part.stem, sha256)

    # --- archived files ------------------------------------------------------------------------

    def object_path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ArchiveError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.objects / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.object_path(sha256).is_file()

    def remove(self, sha256: str) -> bool:
        """Delete an archived file (the purge, after retention); True if it was there."""
        path = self.object_path(sha256)
        try:
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
            path.unlink()
        except FileNotFoundError:
            return False
        with contextlib.suppress(OSError):  # empty fan-out folders go too; others stay
            path.parent.rmdir()
            path.parent.parent.rmdir()
        return True


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(READ_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
