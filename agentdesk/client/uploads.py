"""Call recordings from the desk to the server's archive: resumable, checksummed, exactly once.

`attach()` takes a recording file the softphone wrote, seals it into the store's vault
(encrypted like the store, recording_vault.py) and queues it in the same local store as
the outbox (`recording_uploads`), in one transaction: from then on it survives a killed
program, a restart or a sign-out, and the plain file is removed.

`upload_all()` sends what waits, oldest first: it opens (or finds again) each upload by its
id, which the desk generated once, and the server answers how many bytes it holds; the
rest goes in pieces of `CHUNK_BYTES`, each at exactly that offset. When the last piece is
in, the server checks the whole file's SHA-256 against the one declared; only its answer
`archived`, with the same hash and size, deletes the desk's copy (row and file). Network
failures and server restarts end the pass and the next one resumes where the server
stands; a refusal (the server will never take it) keeps the recording, with the reason,
for the agent and the lead to see, never dropped.

Uploads run on their own thread (`start()`), not in the sync engine's cycle: a long
upload never holds up a saved outcome. Between pieces the uploader lets the outbox's
small writes go first, so an outcome waits for at most one piece, and a call's attempt
normally reaches the server before its recording.
"""

from __future__ import annotations

import base64
import logging
import random
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from agentdesk import contract
from agentdesk.client.api import ApiClient
from agentdesk.client.errors import ClientError, ClientTooOld, ServerError, SessionExpired
from agentdesk.client.recording_vault import RecordingUnreadable, RecordingVault
from agentdesk.client.store import LocalStore
from agentdesk.client.sync import MAX_BACKOFF, PENDING_BACKOFF, backoff_delay
from agentdesk.clock import PROCESS, Clock
from agentdesk.domain.media import UnknownAudio, sniff_media_type

if TYPE_CHECKING:
    from agentdesk.client.store_tables import RecordingUploadRow

log = logging.getLogger(__name__)

CHUNK_BYTES = 8 * 1024 * 1024  # a piece per request; a cut link resends at most one
OUTCOMES_FIRST_SECONDS = 2.0  # the longest a piece waits for the outbox's writes to go first
CHECKSUM_RETRIES = 3  # full resends after a checksum mismatch before the recording is set aside


class InvalidRecording(ClientError):
    """A recording that cannot be queued: no such file, empty, an unknown format, a bad id."""


class RecordingUploads:
    def __init__(self, api: ApiClient, store: LocalStore, vault: RecordingVault, *, clock: Clock = PROCESS,
                 max_backoff: float = MAX_BACKOFF) -> None:
        self.api = api
        self.store = store
        self.vault = vault
        self.clock = clock
        self.max_backoff = max_backoff
        self._pass_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._tried: set[str] = set()  # recordings this run has started sending
        self.tidy()

    # --- queueing ------------------------------------------------------------------------------

    def attach(self, attempt_id: str, path: Path, *, sip_call_id: str | None = None,
               started_at: datetime | None = None, ended_at: datetime | None = None) -> str:
        """Queue the recording of attempt `attempt_id`; returns its recording id.

        The file at `path` is taken over: sealed into the store's vault, queued, then
        deleted. The same bytes attached again for the same attempt (a retry after a crash
        before the file was deleted) return the id already queued.
        """
        from sqlalchemy import select

        from agentdesk.client.store_tables import RecordingUploadRow

        try:
            attempt = str(uuid.UUID(str(attempt_id)))
        except ValueError:
            raise InvalidRecording(f"'{attempt_id}' is not an attempt id (a UUID).") from None
        for value in (started_at, ended_at):
            if value is not None and value.tzinfo is None:
                raise InvalidRecording("the recording's start and end times need a time zone")
        if sip_call_id is not None and not 0 < len(sip_call_id) <= 200:
            raise InvalidRecording("a SIP call id has 1 to 200 characters")
        path = Path(path)
        try:
            with path.open("rb") as f:
                head = f.read(16)
        except OSError as exc:
            raise InvalidRecording(f"the recording file cannot be read ({type(exc).__name__}): {path.name}") from exc
        if not head:
            raise InvalidRecording(f"the recording file {path.name} is empty")
        try:
            media_type = sniff_media_type(head)
        except UnknownAudio as exc:
            raise InvalidRecording(f"{path.name}: {exc}") from exc
        rid = str(uuid.uuid4())
        sealed = self.vault.seal(rid, path)
        with self.store.transaction() as s:
            same = s.scalars(select(RecordingUploadRow).where(RecordingUploadRow.attempt_id == attempt,
                                                             RecordingUploadRow.sha256 == sealed.sha256)).first()
            if same is not None:
                kept = same.id
            else:
                kept = rid
                s.add(RecordingUploadRow(
                    id=rid, attempt_id=attempt, sip_call_id=sip_call_id, media_type=media_type, size=sealed.size,
                    sha256=sealed.sha256, started_at=_iso(started_at), ended_at=_iso(ended_at), state="pending",
                    tries=0, created_at=self.clock.now().isoformat()))
        if kept != rid:
            self.vault.remove(rid)
        # Queued (committed): the plain copy can go. Were the program killed just before,
        # attaching the same file again finds this row.
        path.unlink(missing_ok=True)
        log.info("recording %s queued for upload (%d bytes, %s)", kept, sealed.size, media_type)
        self.nudge()
        return kept

    def waiting(self) -> list[RecordingUploadRow]:
        """Recordings not yet confirmed by the server, oldest first (refused ones included)."""
        from sqlalchemy import select

        from agentdesk.client.store_tables import RecordingUploadRow

        with self.store.sessions() as s:
            return list(s.scalars(select(RecordingUploadRow).where(RecordingUploadRow.state != "confirmed")
                                  .order_by(RecordingUploadRow.seq)))

    def tidy(self) -> None:
        """Finish what a killed program left: confirmed uploads' files and rows go, and so do
        sealed files no row names (a seal interrupted before its row was committed; the
        plain file it came from is still where the softphone left it).

        Read in plain SQL: this runs at every start, before the first queue, which must
        not wait for SQLAlchemy (issue 20, cold start); the rare confirmed rows go through
        the ORM as before."""
        with self.store.plain() as conn:
            rows: dict[str, str] = dict(conn.execute("SELECT id, state FROM recording_uploads").fetchall())
        if "confirmed" in rows.values():
            from agentdesk.client.store_tables import RecordingUploadRow

            with self.store.transaction() as s:
                rows = {r.id: r.state for r in s.query(RecordingUploadRow)}
                for rid, state in rows.items():
                    if state == "confirmed":
                        self.vault.remove(rid)
                        s.query(RecordingUploadRow).filter(RecordingUploadRow.id == rid).delete()
        for rid in self.vault.ids_on_disk() - set(rows):
            self.vault.remove(rid)
        for leftover in self.vault.folder.glob("*.tmp"):
            leftover.unlink(missing_ok=True)

    # --- sending -------------------------------------------------------------------------------

    def upload_all(self) -> int:
        """Send every waiting recording; returns how many the server confirmed.

        Raises ClientError when the server cannot be reached or answers with a failure that
        a later try may not have (5xx, an expired session): the pass stops, nothing is lost,
        the next pass resumes from the server's offset.
        """
        confirmed = 0
        with self._pass_lock:
            for row in self.waiting():
                if self._stop.is_set():
                    break
                if row.state == "pending" and self._upload(row):
                    confirmed += 1
        return confirmed

    def _upload(self, row: RecordingUploadRow) -> bool:
        body = contract.RecordingUpload(
            attempt_id=uuid.UUID(row.attempt_id), size=row.size, sha256=row.sha256, media_type=row.media_type,
            sip_call_id=row.sip_call_id,
            started_at=datetime.fromisoformat(row.started_at) if row.started_at else None,
            ended_at=datetime.fromisoformat(row.ended_at) if row.ended_at else None)
        path = f"/v1/recordings/{row.id}"
        opening = body.model_dump_json().encode()
        mismatches = 0
        try:
            # A recording not tried before in this run: its first piece opens the upload as it
            # goes (one round trip for a short call; if the server already holds some of it,
            # after a crash, it answers 409 and we ask). A retry asks where the server stands.
            first = row.id not in self._tried
            self._tried.add(row.id)
            if first:
                state = contract.RecordingState(id=row.id, state="receiving", size=row.size, received=0,
                                                sha256=row.sha256)
            else:
                state = self._state(self.api.call("PUT", path, json=body.model_dump(mode="json")))
            while state.state == "receiving":
                self._outcomes_first()
                if self._stop.is_set():
                    return False
                data = self.vault.read(row.id, state.received, CHUNK_BYTES, row.size)
                headers = {contract.UPLOAD_OFFSET_HEADER: str(state.received),
                           "Content-Type": "application/offset+octet-stream"}
                if first:
                    headers[contract.UPLOAD_METADATA_HEADER] = base64.b64encode(opening).decode()
                try:
                    state = self._state(self.api.call("PATCH", f"{path}/content", content=data, headers=headers))
                except ServerError as exc:
                    if exc.code in ("offset_mismatch", "recording_archived", "upload_not_found"):
                        # A piece the server already had (its answer was lost), or a retry.
                        state = self._state(self.api.call("PUT", path, json=body.model_dump(mode="json")))
                    elif exc.code == "checksum_mismatch" and mismatches + 1 < CHECKSUM_RETRIES:
                        mismatches += 1
                        log.warning("recording %s: the server's checksum differs; sending it again", row.id)
                        state = self._state(self.api.call("PUT", path, json=body.model_dump(mode="json")))
                    else:
                        raise
                first = False
        except RecordingUnreadable as exc:
            self._set_aside(row, str(exc))
            return False
        except ServerError as exc:
            if _retry_later(exc):
                raise
            self._set_aside(row, str(exc))
            return False
        if state.state == "archived" and state.sha256 == row.sha256 and state.size == row.size:
            self._confirmed(row)
            return True
        self._set_aside(row, f"the server answered {state.state} with another checksum or size")
        return False

    @staticmethod
    def _state(answer: object) -> contract.RecordingState:
        return contract.RecordingState.model_validate(answer)

    def _confirmed(self, row: RecordingUploadRow) -> None:
        # The row goes first, then the file: a program killed in between leaves a sealed
        # file no row names, which `tidy()` removes (the server has confirmed it).
        from agentdesk.client.store_tables import RecordingUploadRow

        with self.store.transaction() as s:
            s.query(RecordingUploadRow).filter(RecordingUploadRow.id == row.id).delete()
        self.vault.remove(row.id)
        log.info("recording %s archived by the server; the desk's copy is deleted", row.id)

    def _set_aside(self, row: RecordingUploadRow, reason: str) -> None:
        """The server will not take it as it is: keep the file and tell the agent why."""
        from agentdesk.client.store_tables import Notice, RecordingUploadRow

        log.warning("recording %s kept on this computer, not uploaded: %s", row.id, reason)
        with self.store.transaction() as s:
            s.query(RecordingUploadRow).filter(RecordingUploadRow.id == row.id).update(
                {"state": "rejected", "reason": reason, "tries": RecordingUploadRow.tries + 1})
            s.add(Notice(kind="rejected", case_id=None, created_at=self.clock.now().isoformat(),
                         text=f"A call recording could not be archived and stays on this computer: {reason}"))

    def retry_rejected(self) -> int:
        """Put recordings the server refused back in the queue (after the cause was fixed)."""
        from agentdesk.client.store_tables import RecordingUploadRow

        with self.store.transaction() as s:
            count = s.query(RecordingUploadRow).filter(RecordingUploadRow.state == "rejected").update(
                {"state": "pending", "reason": None})
        self.nudge()
        return int(count)

    def _outcomes_first(self) -> None:
        """Let the outbox's small writes go first: wait (briefly) while any are pending."""
        deadline = time.monotonic() + OUTCOMES_FIRST_SECONDS
        while self.store.pending(1) and time.monotonic() < deadline and not self._stop.is_set():
            self._stop.wait(0.05)

    # --- background ----------------------------------------------------------------------------

    def nudge(self) -> None:
        self._wake.set()

    def on_sync_status(self, status: object) -> None:
        """A sync cycle got through: the server is back, so try the waiting recordings now."""
        if getattr(status, "state", None) == "online" and self._thread is not None:
            self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="agentdesk-uploads", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            if self._thread.is_alive():
                log.warning("the recording uploader did not stop within 5 s (a piece in flight)")
        self._thread = None

    def _run(self) -> None:
        rng = random.Random()
        failures = 0
        while not self._stop.is_set():
            self._wake.clear()
            delay: float | None = None
            try:
                self.upload_all()
                failures = 0
            except (ClientTooOld, SessionExpired):
                delay = self.max_backoff
            except ClientError as exc:
                failures += 1
                delay = backoff_delay(failures, rng, min(self.max_backoff, PENDING_BACKOFF))
                log.info("recording upload paused (%s); retrying in %.0f s", type(exc).__name__, delay)
            except Exception:  # a bug: keep the recordings, show it in the log, retry later
                log.exception("recording upload failed")
                failures += 1
                delay = backoff_delay(failures, rng, self.max_backoff)
            if self._stop.is_set():
                return
            self._wake.wait(delay)


def _retry_later(exc: ServerError) -> bool:
    """A failure a later try may not meet: the server's own trouble, rate limits, or a
    server that does not know recordings yet (a 404 without our machine code)."""
    return exc.status >= 500 or exc.status in (408, 425, 429) or (exc.status == 404 and not exc.code)


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None
