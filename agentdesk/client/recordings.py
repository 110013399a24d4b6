"""Listening to and scoring archived calls, for the lead console and the agent's own scores.

No Qt. Blocking calls to the server (the desktop runs them on its background helper):
the list of recordings with the lead's filters, a recording's bytes, the QA score sheet
in force, a lead's score, an agent's own scores and the QA report.

A recording is fetched in byte ranges (the server's `Range` support) into memory and
checked against its SHA-256 before anyone hears it: the player gets bytes that are
provably the archived call, and no plain copy of a debtor's voice is left on the lead's
disk. The server audits every range it serves.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from agentdesk import contract
from agentdesk.client.errors import ClientError

FETCH_PIECE = 8 * 1024 * 1024


class RecordingCorrupt(ClientError):
    """The bytes fetched are not the archived recording (their checksum differs)."""


@dataclass(frozen=True)
class RecordingQuery:
    """The lead's filters; None means any. Times are aware datetimes (the lead's local day
    converted by the caller); durations in seconds."""

    agent: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    outcome: str | None = None
    flagged: bool | None = None
    min_seconds: int | None = None
    max_seconds: int | None = None
    scored: bool | None = None
    limit: int = 500

    def params(self) -> dict[str, Any]:
        values: dict[str, Any] = {"limit": self.limit}
        for key in ("agent", "outcome", "min_seconds", "max_seconds"):
            if getattr(self, key) is not None:
                values[key] = getattr(self, key)
        for key in ("since", "until"):
            value = getattr(self, key)
            if value is not None:
                values[key] = value.isoformat()
        for key in ("flagged", "scored"):
            value = getattr(self, key)
            if value is not None:
                values[key] = "true" if value else "false"
        return values


@dataclass(frozen=True)
class FetchedRecording:
    id: str
    data: bytes
    media_type: str
    sha256: str


class RecordingLibrary:
    """Archived calls over the session's API client. Blocking: call off the GUI thread."""

    def __init__(self, session: Any) -> None:
        self.api = session.api
        self._sheet: contract.ScoreSheetInfo | None = None

    def recordings(self, query: RecordingQuery = RecordingQuery()) -> contract.RecordingPage:
        return contract.RecordingPage.model_validate(self.api.call("GET", "/v1/recordings", params=query.params()))

    def fetch(self, recording_id: str, piece: int = FETCH_PIECE) -> FetchedRecording:
        """The whole recording, fetched in ranges and checked against its SHA-256."""
        state = contract.RecordingState.model_validate(self.api.call("GET", f"/v1/recordings/{recording_id}"))
        digest = hashlib.sha256()
        parts: list[bytes] = []
        media_type = "application/octet-stream"
        for start in range(0, state.size, piece):
            end = min(start + piece, state.size) - 1
            response = self.api.send("GET", f"/v1/recordings/{recording_id}/content",
                                     headers={"Range": f"bytes={start}-{end}"})
            if response.status_code != 206 or len(response.content) != end - start + 1:
                raise RecordingCorrupt(f"The server sent {len(response.content)} bytes for a range of "
                                       f"{end - start + 1}; try again.")
            media_type = response.headers.get("content-type", media_type).split(";")[0]
            digest.update(response.content)
            parts.append(response.content)
        if digest.hexdigest() != state.sha256:
            raise RecordingCorrupt("The recording fetched does not match its archived checksum; it is not shown.")
        return FetchedRecording(recording_id, b"".join(parts), media_type, state.sha256)

    def sheet(self) -> contract.ScoreSheetInfo:
        if self._sheet is None:
            self._sheet = contract.ScoreSheetInfo.model_validate(self.api.call("GET", "/v1/qa/sheet"))
        return self._sheet

    def score(self, recording_id: str, answers: dict[str, str], comment: str = "") -> contract.QaScoreInfo:
        sheet = self.sheet()
        body = contract.QaScoreRequest(sheet_id=sheet.id, sheet_version=sheet.version,
                                       answers=answers, comment=comment)  # type: ignore[arg-type]
        return contract.QaScoreInfo.model_validate(
            self.api.call("PUT", f"/v1/recordings/{recording_id}/score", json=body.model_dump(mode="json")))

    def my_scores(self, limit: int = 200) -> list[contract.QaScoreInfo]:
        return [contract.QaScoreInfo.model_validate(row)
                for row in self.api.call("GET", "/v1/qa/mine", params={"limit": limit})]

    def qa_report(self, days: int = 30) -> contract.QaReport:
        return contract.QaReport.model_validate(self.api.call("GET", "/v1/reports/qa", params={"days": days}))
