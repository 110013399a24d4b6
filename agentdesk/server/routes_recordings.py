"""Recording archive over HTTP: resumable uploads from desks, PBX imports, the lead's list,
audited playback with byte ranges, QA score sheets and scores, the QA report.

Built by `recordings_router(db, archive, current_user, clock)` and included by create_app.
There is no endpoint that deletes or rewrites a recording: archived bytes are read-only
until `agentdesk-server recordings purge` removes them after their retention. Like app.py,
this module has no `from __future__ import annotations` (FastAPI resolves Depends).
"""

import base64
import binascii
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from agentdesk import contract
from agentdesk.clock import Clock
from agentdesk.server import recordings, reports
from agentdesk.server.access import audit, audited_transaction, lead_team
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError
from agentdesk.server.models import User
from agentdesk.server.recording_archive import RecordingArchive
from agentdesk.server.recording_config import MAX_CHUNK_BYTES, MAX_RECORDING_BYTES

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": contract.ErrorBody} for code in (401, 403, 404, 409, 410, 413, 415, 422)
}
TeamId = Annotated[str | None, Query(max_length=64, description="admins: the team; leads: omit (own team)")]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _content_length(request: Request, ceiling: int) -> int:
    raw = request.headers.get("content-length")
    if raw is None or not raw.isdigit():
        raise ApiError(411, "length_required", "Send the body with a Content-Length.")
    length = int(raw)
    if length > ceiling:
        raise ApiError(413, "chunk_too_large", f"Send at most {ceiling} bytes per request.")
    return length


def _metadata(header: str) -> contract.RecordingUpload:
    try:
        return contract.RecordingUpload.model_validate_json(base64.b64decode(header, validate=True))
    except (ValueError, binascii.Error) as exc:
        raise ApiError(422, "bad_upload_metadata", "Upload-Metadata must be the upload's JSON in base64 "
                                                   "(the body of PUT /v1/recordings/{id}).") from exc


def recordings_router(db: Database, archive: RecordingArchive, current_user: Callable[..., User],
                      clock: Clock) -> APIRouter:
    router = APIRouter(prefix="/v1", responses=ERRORS, tags=["recordings"])
    Caller = Annotated[User, Depends(current_user)]

    # --- uploads from the desk ---------------------------------------------------------------

    @router.put("/recordings/{recording_id}", response_model=contract.RecordingState)
    def open_upload(recording_id: uuid.UUID, body: contract.RecordingUpload, user: Caller) -> contract.RecordingState:
        """Open the upload of a call's recording, or find it again: the answer says how many
        bytes the server holds (`received`) and whether it is archived (then the desk may
        delete its copy)."""
        with audited_transaction(db) as s:
            return recordings.open_upload(s, user, str(recording_id), body, clock.now())

    @router.patch("/recordings/{recording_id}/content", response_model=contract.RecordingState,
                  openapi_extra={"requestBody": {"required": True, "content": {
                      "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def upload_chunk(recording_id: uuid.UUID, request: Request, user: Caller,
                           upload_offset: Annotated[int, Header(alias=contract.UPLOAD_OFFSET_HEADER, ge=0)],
                           upload_metadata: Annotated[str | None, Header(alias=contract.UPLOAD_METADATA_HEADER,
                                                                         max_length=4096)] = None,
                           ) -> contract.RecordingState:
        """The next bytes of an upload, at exactly the offset the server holds (else 409 with
        that offset). The last chunk's answer is `archived` once the whole file's SHA-256
        matched, or 422 `checksum_mismatch` (the bytes were dropped: send again from 0).
        The first piece may carry the upload's metadata (`Upload-Metadata`: the
        RecordingUpload JSON in base64), which opens the upload in the same request."""
        _content_length(request, MAX_CHUNK_BYTES)
        opening = _metadata(upload_metadata) if upload_metadata else None
        data = await request.body()
        return await run_in_threadpool(recordings.receive_chunk, db, archive, user, str(recording_id),
                                       upload_offset, data, clock.now(), opening)

    # --- a PBX's recordings --------------------------------------------------------------------

    @router.post("/recordings/import", response_model=contract.RecordingImported,
                 openapi_extra={"requestBody": {"required": True, "content": {
                     "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def import_recording(request: Request, user: Caller,
                               sip_call_id: Annotated[str, Query(min_length=1, max_length=200)],
                               started_at: datetime | None = None,
                               ended_at: datetime | None = None) -> contract.RecordingImported:
        """A recording the PBX made of the call with this SIP Call-ID (admins: the PBX's
        service account). Linked to the attempt carrying that call id, now or when it arrives."""
        if user.role != "admin":
            raise ApiError(403, "admin_only", "Only an administrator account (the PBX's) imports recordings.")
        for value in (started_at, ended_at):
            if value is not None and value.tzinfo is None:
                raise ApiError(422, "naive_time", "Times need a UTC offset, e.g. 2026-12-02T09:30:00Z.")
        _content_length(request, MAX_RECORDING_BYTES)
        data = await request.body()
        return await run_in_threadpool(recordings.import_pbx, db, archive, data, sip_call_id, clock.now(), user,
                                       started_at, ended_at)

    # --- listening ----------------------------------------------------------------------------

    @router.get("/recordings", response_model=contract.RecordingPage)
    def list_recordings(
        user: Caller, team_id: TeamId = None,
        agent: Annotated[str | None, Query(max_length=64)] = None,
        since: datetime | None = None, until: datetime | None = None,
        outcome: Annotated[str | None, Query(max_length=24)] = None,
        flagged: bool | None = None, scored: bool | None = None,
        min_seconds: Annotated[int | None, Query(ge=0, le=86_400)] = None,
        max_seconds: Annotated[int | None, Query(ge=0, le=86_400)] = None,
        limit: Limit = 200, offset: Offset = 0,
    ) -> contract.RecordingPage:
        """Archived recordings, newest call first: a lead's team's, an admin's (all or one
        team), an agent's own calls."""
        for value in (since, until):
            if value is not None and value.tzinfo is None:
                raise ApiError(422, "naive_time", "Times need a UTC offset, e.g. 2026-12-02T00:00:00+08:00.")
        f = reports.RecordingFilter(agent=agent, since=since, until=until, outcome=outcome, flagged=flagged,
                                    min_seconds=min_seconds, max_seconds=max_seconds, scored=scored)
        with audited_transaction(db) as s:
            team = None if user.role == "agent" else lead_team(s, user, team_id, "recording.list")
            audit(s, user, "recording.list", "team", team)
            return reports.recordings_page(s, user, team, f, limit, offset)

    @router.get("/recordings/{recording_id}", response_model=contract.RecordingState)
    def recording_state(recording_id: uuid.UUID, user: Caller) -> contract.RecordingState:
        """An archived recording's size and checksum (for those who may hear it)."""
        with audited_transaction(db) as s:
            return recordings.state_of(recordings.playable(s, user, str(recording_id), "recording.state").recording)

    @router.get("/recordings/{recording_id}/content", response_class=FileResponse,
                responses={200: {"content": {"audio/*": {}}}, 206: {"content": {"audio/*": {}}}})
    def play(recording_id: uuid.UUID, user: Caller,
             range_: Annotated[str | None, Header(alias="Range", max_length=200)] = None) -> FileResponse:
        """The recording's bytes, whole or a byte range (`Range: bytes=a-b`, for seeking).
        Every request is audited (`recording.play`, with the range asked for)."""
        with audited_transaction(db) as s:
            found = recordings.playable(s, user, str(recording_id), "recording.play")
            rec = found.recording
            audit(s, user, "recording.play", "recording", rec.id, range=range_ or "all",
                  case=found.case.id if found.case else None)
            path, media_type = archive.object_path(rec.sha256), rec.media_type
        if not path.is_file():
            raise ApiError(500, "recording_missing", "The archive lacks this recording's file; tell the administrator.")
        return FileResponse(path, media_type=media_type,
                            headers={"Cache-Control": "private, no-store", "ETag": f'"{rec.sha256}"'})

    # --- QA ----------------------------------------------------------------------------------

    @router.get("/qa/sheet", response_model=contract.ScoreSheetInfo, tags=["qa"])
    def score_sheet(user: Caller) -> contract.ScoreSheetInfo:
        """The QA score sheet in force (the compliance preset's, resources/qa/)."""
        return contract.ScoreSheetInfo.model_validate(recordings.sheet_in_force().as_dict())

    @router.put("/recordings/{recording_id}/score", response_model=contract.QaScoreInfo, tags=["qa"])
    def put_score(recording_id: uuid.UUID, body: contract.QaScoreRequest, user: Caller) -> contract.QaScoreInfo:
        """A lead's answers to the score sheet and a comment; scoring again replaces them
        (each save is in the audit log with its score)."""
        with audited_transaction(db) as s:
            row = recordings.put_score(s, user, str(recording_id), body, clock.now())
            return recordings.score_info(s, row)

    @router.get("/qa/mine", response_model=list[contract.QaScoreInfo], tags=["qa"])
    def my_scores(user: Caller, limit: Limit = 200) -> list[contract.QaScoreInfo]:
        """The scores of the caller's own calls, newest first."""
        with db.transaction() as s:
            return recordings.my_scores(s, user, limit)

    @router.get("/reports/qa", response_model=contract.QaReport, tags=["reports"])
    def report_qa(user: Caller, days: Annotated[int, Query(ge=1, le=366)] = 30,
                  team_id: TeamId = None) -> contract.QaReport:
        """Average QA score per agent and per talk track over the scored calls of `days`."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "report.qa")
            audit(s, user, "report.qa", "team", team, days=days)
            return reports.qa_scores(s, team, days, clock.now())

    return router
