"""The recording archive's rules: resumable uploads, write-once archiving, who may listen,
PBX imports, QA scores and the retention purge.

Uploads are resumable and exactly-once: the desk names each recording with an id it
generated once; `open_upload` finds that upload again on every retry and says how many
bytes the server holds; `receive_chunk` takes bytes only at exactly that offset. When the
last byte is in, the whole file's SHA-256 is checked against the one the desk declared:
a match archives it under that hash (read-only, content-addressed, recording_archive.py),
a mismatch drops the bytes and the desk sends them again. Only an `archived` answer with
the same hash lets the desk delete its copy.

Write-once: nothing here changes an archived recording's bytes or metadata, and there is
no deletion except `purge`, which takes only recordings past `retain_until`, fixed when
they were archived (the call's date plus the preset's `recording_retention_days`).

A recording is linked to its attempt by id (the desk's upload) or by SIP call id (a PBX's
file); either may arrive before the attempt does, and the attempt's arrival links it then
(`link_new_attempt`, called by sync.push).
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.domain import qa
from agentdesk.domain.media import UnknownAudio, sniff_media_type
from agentdesk.server.access import audit
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError, denied
from agentdesk.server.models import AuditEntry, Case, ContactAttempt, QaScore, Recording, User
from agentdesk.server.policy import policy_in_force
from agentdesk.server.recording_archive import RecordingArchive
from agentdesk.server.recording_config import MAX_RECORDING_BYTES

log = logging.getLogger(__name__)


def state_of(rec: Recording) -> contract.RecordingState:
    return contract.RecordingState(id=rec.id, state=rec.state, size=rec.size,  # type: ignore[arg-type]
                                   received=rec.size if rec.state != "receiving" else rec.received,
                                   sha256=rec.sha256)


def _not_found(user: User, rid: str, action: str) -> ApiError:
    return denied(404, "recording_not_found", "There is no such recording among the calls you may hear.",
                  user.id, "recording", rid, action)


def _duration(started: datetime | None, ended: datetime | None) -> int | None:
    if started is None or ended is None or ended < started:
        return None
    return int((ended - started).total_seconds() * 1000)


# --- desk uploads ------------------------------------------------------------------------------


def open_upload(s: Session, user: User, rid: str, body: contract.RecordingUpload,
                now: datetime) -> contract.RecordingState:
    """Start the upload of `rid`, or find it again (a retry, a restarted desk)."""
    rec = s.get(Recording, rid, with_for_update=_locks(s))
    if rec is None:
        attempt = s.get(ContactAttempt, str(body.attempt_id))
        if attempt is not None and attempt.agent_id != user.id:
            raise denied(404, "attempt_not_found", "The attempt of this recording is not one of your calls.",
                         user.id, "attempt", str(body.attempt_id), "recording.upload")
        rec = Recording(id=rid, attempt_id=str(body.attempt_id), sip_call_id=body.sip_call_id, source="desk",
                        uploaded_by=user.id, media_type=body.media_type, size=body.size, sha256=body.sha256,
                        received=0, state="receiving", checksum_failures=0, started_at=body.started_at,
                        ended_at=body.ended_at, duration_ms=_duration(body.started_at, body.ended_at),
                        created_at=now)
        s.add(rec)
        audit(s, user, "recording.upload", "recording", rid, attempt=str(body.attempt_id), size=body.size)
        return state_of(rec)
    if rec.uploaded_by != user.id:
        raise _not_found(user, rid, "recording.upload")
    if (rec.size, rec.sha256, rec.attempt_id) != (body.size, body.sha256, str(body.attempt_id)):
        raise ApiError(409, "recording_conflict",
                       "This recording id already names other bytes or another call; an archived recording "
                       "is never replaced. Send these bytes under a new id.")
    return state_of(rec)


@dataclass(frozen=True)
class ChunkResult:
    state: contract.RecordingState
    checksum_failed: bool = False


def receive_chunk(db: Database, archive: RecordingArchive, user: User, rid: str, offset: int, data: bytes,
                  now: datetime, opening: contract.RecordingUpload | None = None) -> contract.RecordingState:
    """Take `data` at `offset`; archive the file when it is complete and its checksum holds.

    `opening` (the upload's metadata sent with its first piece) opens the upload in the
    same request: a short call goes up in one round trip instead of two.
    """
    result = _receive(db, archive, user, rid, offset, data, now, opening)
    if result.checksum_failed:
        raise ApiError(422, "checksum_mismatch",
                       "The bytes received do not have the SHA-256 the upload declared; they were dropped. "
                       "Send the recording again from the start.")
    return result.state


def _receive(db: Database, archive: RecordingArchive, user: User, rid: str, offset: int, data: bytes,
             now: datetime, opening: contract.RecordingUpload | None) -> ChunkResult:
    with db.transaction() as s:
        if opening is not None:
            open_upload(s, user, rid, opening, now)  # creates it, or checks it is the same upload
        # The row lock serialises two deliveries of the same chunk (a retry racing the
        # original on another API process); on SQLite the write lock does the same.
        rec = s.get(Recording, rid, with_for_update=_locks(s))
        if rec is None or rec.uploaded_by != user.id:
            raise ApiError(404, "upload_not_found", "Open the upload first (PUT /v1/recordings/{id}).")
        if rec.state != "receiving":
            raise ApiError(409, "recording_archived",
                           "This recording is archived and can no longer be written to; nothing was changed.")
        if offset != rec.received:
            raise ApiError(409, "offset_mismatch",
                           f"The server holds {rec.received} bytes of this recording; send from that offset.")
        if not data or offset + len(data) > rec.size:
            raise ApiError(422, "bad_chunk", f"A chunk must hold 1 to {rec.size - offset} bytes at this offset.")
        archive.write_part(rid, offset, data)
        rec.received = offset + len(data)
        if rec.received < rec.size:
            return ChunkResult(state_of(rec))
        digest = archive.part_digest(rid)
        if digest != rec.sha256:
            archive.discard_part(rid)
            rec.received = 0
            rec.checksum_failures += 1
            audit(s, user, "recording.checksum_mismatch", "recording", rid, failures=rec.checksum_failures)
            return ChunkResult(state_of(rec), checksum_failed=True)
        archive.archive_part(rid, digest)
        _archived(s, rec, now)
        audit(s, user, "recording.archived", "recording", rid, sha256=digest, size=rec.size)
        return ChunkResult(state_of(rec))


def _archived(s: Session, rec: Recording, now: datetime) -> None:
    rec.state = "archived"
    rec.received = rec.size
    rec.archived_at = now
    rec.retain_until = (rec.started_at or now) + timedelta(days=policy_in_force().recording_retention_days)
    _link(s, rec)


# --- linking to attempts ---------------------------------------------------------------------


def _link(s: Session, rec: Recording) -> None:
    attempt: ContactAttempt | None = None
    if rec.attempt_id:
        attempt = s.get(ContactAttempt, rec.attempt_id)
        # A desk's recording belongs to the uploader's own call only.
        if attempt is not None and rec.source == "desk" and attempt.agent_id != rec.uploaded_by:
            attempt = None
    elif rec.sip_call_id:
        attempt = s.scalars(select(ContactAttempt).where(ContactAttempt.sip_call_id == rec.sip_call_id)
                            .order_by(ContactAttempt.started_at)).first()
        if attempt is not None:
            rec.attempt_id = attempt.id
    if attempt is None:
        return
    if attempt.recording_ref is None:
        attempt.recording_ref = rec.id
    if rec.duration_ms is None:
        rec.duration_ms = _duration(attempt.started_at, attempt.ended_at)


def link_new_attempt(s: Session, attempt_id: str, sip_call_id: str | None) -> None:
    """An attempt just arrived: link the archived recordings that were waiting for it.

    Asked for every outcome pushed and nearly always none: the ids are read as plain rows
    (the ORM's loading steps cost more than the query), and only a waiting recording is
    loaded as an object."""
    params = {"w_attempt": attempt_id}
    if sip_call_id:
        params["w_sip"] = sip_call_id
    for rec_id in list(s.connection().scalars(_waiting_statement(bool(sip_call_id)), params)):
        rec = s.get(Recording, rec_id)
        if rec is not None:
            _link(s, rec)


@cache
def _waiting_statement(by_sip_call: bool) -> Any:
    """`link_new_attempt`'s query, built once for each shape: every outcome pushed asks it
    (parameters w_attempt and, for a call the PBX knows, w_sip)."""
    waiting = select(Recording.id).where(Recording.state == "archived")
    if by_sip_call:
        return waiting.where((Recording.attempt_id == bindparam("w_attempt"))
                             | ((Recording.attempt_id.is_(None)) & (Recording.sip_call_id == bindparam("w_sip"))))
    return waiting.where(Recording.attempt_id == bindparam("w_attempt"))


# --- PBX recordings ------------------------------------------------------------------------------


def import_pbx(db: Database, archive: RecordingArchive, data: bytes, sip_call_id: str, now: datetime,
               user: User | None = None, started_at: datetime | None = None,
               ended_at: datetime | None = None) -> contract.RecordingImported:
    """Archive a PBX's recording of the call `sip_call_id` and link it to that call's attempt.

    The same file imported twice is one recording (`duplicate`); a second, different file
    for the same call is kept as another recording (a PBX may split a long call).
    """
    if not data:
        raise ApiError(422, "empty_recording", "The file is empty.")
    if len(data) > MAX_RECORDING_BYTES:
        raise ApiError(413, "recording_too_large", f"A recording may hold at most {MAX_RECORDING_BYTES} bytes.")
    sip_call_id = sip_call_id.strip()
    if not sip_call_id or len(sip_call_id) > 200:
        raise ApiError(422, "bad_sip_call_id", "Give the call's SIP Call-ID (1 to 200 characters).")
    try:
        media_type = sniff_media_type(data[:12])
    except UnknownAudio as exc:
        raise ApiError(415, "unknown_audio", str(exc)) from exc
    sha = hashlib.sha256(data).hexdigest()
    with db.transaction() as s:
        known = s.scalars(select(Recording).where(Recording.sip_call_id == sip_call_id, Recording.sha256 == sha,
                                                  Recording.source == "pbx")).first()
        if known is not None:
            return contract.RecordingImported(id=known.id, sha256=sha, size=known.size, attempt_id=known.attempt_id,
                                              duplicate=True)
        archive.store_bytes(data, sha)
        rec = Recording(id=str(uuid.uuid4()), attempt_id=None, sip_call_id=sip_call_id, source="pbx",
                        uploaded_by=user.id if user else None, media_type=media_type, size=len(data), sha256=sha,
                        received=len(data), state="receiving", checksum_failures=0, started_at=started_at,
                        ended_at=ended_at, duration_ms=_duration(started_at, ended_at), created_at=now)
        s.add(rec)
        s.flush()
        _archived(s, rec, now)
        s.add(AuditEntry(user_id=user.id if user else None, action="recording.import", entity="recording",
                         entity_id=rec.id, detail={"sha256": sha, "size": len(data), "attempt": rec.attempt_id}))
        return contract.RecordingImported(id=rec.id, sha256=sha, size=len(data), attempt_id=rec.attempt_id,
                                          duplicate=False)


# --- who may listen ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Playable:
    recording: Recording
    attempt: ContactAttempt | None
    case: Case | None


def playable(s: Session, user: User, rid: str, action: str) -> Playable:
    """The recording if `user` may hear it: the call's agent or the case's, the lead of the
    case's team, an admin. Anyone else is refused and the refusal is audited (an agent gets
    404, so a recording's existence is not revealed; a lead of another team 403)."""
    rec = s.get(Recording, rid)
    if rec is None or rec.state == "receiving":
        raise _not_found(user, rid, action)
    attempt = s.get(ContactAttempt, rec.attempt_id) if rec.attempt_id else None
    case = s.get(Case, attempt.case_id) if attempt is not None else None
    if user.role == "admin":
        allowed = True
    elif user.role == "lead":
        allowed = case is not None and case.team_id is not None and case.team_id == user.team_id
        if not allowed:
            raise denied(403, "other_team", "This call belongs to another team: a lead hears only their own team.",
                         user.id, "recording", rid, action)
    else:
        allowed = (rec.uploaded_by == user.id or (attempt is not None and attempt.agent_id == user.id)
                   or (case is not None and case.assigned_agent_id == user.id))
    if not allowed:
        raise _not_found(user, rid, action)
    if rec.state == "purged":
        raise ApiError(410, "recording_purged", "This recording was removed when its retention period ended.")
    return Playable(rec, attempt, case)


# --- QA scores ------------------------------------------------------------------------------------


def sheet_in_force() -> qa.ScoreSheet:
    return _sheet(policy_in_force().name)


@lru_cache(maxsize=4)
def _sheet(preset: str) -> qa.ScoreSheet:
    return qa.load_sheet(preset)


def put_score(s: Session, user: User, rid: str, body: contract.QaScoreRequest, now: datetime) -> QaScore:
    if user.role == "agent":
        raise denied(403, "lead_only", "Only team leads and admins score calls.", user.id, "recording", rid,
                     "qa.score")
    found = playable(s, user, rid, "qa.score")
    sheet = sheet_in_force()
    if (body.sheet_id, body.sheet_version) != (sheet.id, sheet.version):
        raise ApiError(409, "sheet_changed", f"The score sheet in force is {sheet.id} v{sheet.version}; "
                                             "reload it and score again.")
    try:
        value = qa.score(sheet, body.answers)
    except qa.ScoreSheetError as exc:
        raise ApiError(422, "bad_answers", str(exc)) from exc
    row = s.get(QaScore, found.recording.id)
    if row is None:
        row = QaScore(recording_id=found.recording.id)
        s.add(row)
    row.sheet_id, row.sheet_version, row.answers = sheet.id, sheet.version, dict(body.answers)
    row.score, row.comment, row.scored_by, row.scored_at = value, body.comment.strip(), user.id, now
    audit(s, user, "qa.score", "recording", rid, score=value, sheet=f"{sheet.id}@{sheet.version}")
    s.flush()
    return row


def score_info(s: Session, row: QaScore) -> contract.QaScoreInfo:
    rec = s.get(Recording, row.recording_id)
    attempt = s.get(ContactAttempt, rec.attempt_id) if rec is not None and rec.attempt_id else None
    agent = s.get(User, attempt.agent_id) if attempt is not None and attempt.agent_id else None
    lead = s.get(User, row.scored_by)
    return contract.QaScoreInfo(
        recording_id=row.recording_id, attempt_id=attempt.id if attempt else None,
        case_id=attempt.case_id if attempt else None, agent=agent.username if agent else None,
        call_started_at=attempt.started_at if attempt else (rec.started_at if rec else None),
        sheet_id=row.sheet_id, sheet_version=row.sheet_version, answers=dict(row.answers), score=row.score,
        comment=row.comment, scored_by=lead.username if lead else "", scored_at=row.scored_at)


def my_scores(s: Session, user: User, limit: int) -> list[contract.QaScoreInfo]:
    """The scores of the caller's own calls, newest first."""
    rows = s.scalars(select(QaScore).join(Recording, Recording.id == QaScore.recording_id)
                     .join(ContactAttempt, ContactAttempt.id == Recording.attempt_id)
                     .where(ContactAttempt.agent_id == user.id)
                     .order_by(QaScore.scored_at.desc()).limit(limit))
    return [score_info(s, row) for row in rows]


# --- retention --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Purged:
    recording_id: str
    sha256: str
    size: int
    retain_until: datetime
    file_removed: bool


def purge(db: Database, archive: RecordingArchive, now: datetime) -> list[Purged]:
    """Remove the recordings whose retention has ended; each one logged and audited.

    The row stays (state `purged`) as the record that the call was recorded and when it was
    removed; the bytes go once no recording still within retention shares them.
    """
    done: list[Purged] = []
    with db.transaction() as s:
        query = (select(Recording).where(Recording.state == "archived", Recording.retain_until <= now)
                 .order_by(Recording.retain_until))
        if _locks(s):
            query = query.with_for_update(skip_locked=True)  # two purges at once take different rows
        due = list(s.scalars(query))
        for rec in due:
            rec.state, rec.purged_at = "purged", now
            s.add(AuditEntry(user_id=None, action="recording.purge", entity="recording", entity_id=rec.id,
                             detail={"sha256": rec.sha256, "size": rec.size,
                                     "retain_until": rec.retain_until.isoformat() if rec.retain_until else None}))
        s.flush()
        hashes = {rec.sha256 for rec in due}
        still_used = set(s.scalars(select(Recording.sha256).where(Recording.sha256.in_(hashes),
                                                                  Recording.state == "archived"))) if hashes else set()
        for rec in due:
            assert rec.retain_until is not None
            done.append(Purged(rec.id, rec.sha256, rec.size, rec.retain_until, rec.sha256 not in still_used))
    # The bytes go after the commit: a crash in between leaves a file that only purged rows
    # name, which the sweep below removes next time; never an archived row without its file.
    for item in done:
        if item.file_removed:
            archive.remove(item.sha256)
            log.info("recording purged: %s sha256=%s size=%d retained until %s", item.recording_id, item.sha256,
                     item.size, item.retain_until.isoformat())
        else:
            log.info("recording purged: %s (its bytes stay: a recording within retention shares them)",
                     item.recording_id)
    with db.transaction() as s:
        archived = select(Recording.sha256).where(Recording.state == "archived")
        leftovers = s.scalars(select(Recording.sha256).where(Recording.state == "purged",
                                                             Recording.sha256.not_in(archived)).distinct())
        for sha in leftovers:
            if archive.remove(sha):
                log.info("recording bytes removed after an interrupted purge: sha256=%s", sha)
    return done


def recording_count(s: Session, state: str = "archived") -> int:
    return int(s.scalar(select(func.count()).select_from(Recording).where(Recording.state == state)) or 0)


def _locks(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"
