"""Checks on the server side of recording uploads, shared by the client and GUI tests."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import func, select

from agentdesk.client.session import ClientSession
from agentdesk.server.db import Database
from agentdesk.server.models import Recording
from agentdesk.server.recording_archive import RecordingArchive, file_digest
from agentdesk.server.recording_config import recordings_dir
from tests.client.helpers import no_answer, open_cases


def archive() -> RecordingArchive:
    """The archive the test's server writes to (its data folder, under AGENTDESK_HOME)."""
    return RecordingArchive(recordings_dir())


def archived_digests(db: Database, ids: Iterable[str]) -> dict[str, tuple[int, str | None]]:
    """Per recording id: how many rows the server holds, and the SHA-256 of the archived
    file's actual bytes (None while not archived)."""
    wanted = list(ids)
    store = archive()
    found: dict[str, tuple[int, str | None]] = {i: (0, None) for i in wanted}
    with db.transaction() as s:
        counts = dict(s.execute(select(Recording.id, func.count()).where(Recording.id.in_(wanted))
                                .group_by(Recording.id)).all())
        rows = s.execute(select(Recording.id, Recording.state, Recording.sha256).where(Recording.id.in_(wanted)))
        for rid, state, sha in rows:
            path = store.object_path(sha)
            digest = file_digest(path) if state == "archived" and path.is_file() else None
            found[rid] = (int(counts[rid]), digest)
    return found


def record_calls(session: ClientSession, n: int) -> list[str]:
    """`n` unanswered calls on the agent's open cases (several per case when needed)."""
    cases = open_cases(session, 1) and [row.case_id for row in session.queue() if row.status == "open"]
    return [session.record_outcome(no_answer(session, cases[i % len(cases)], note=f"录音 {i}")) for i in range(n)]


def vault_files(session: ClientSession) -> set[str]:
    return {p.stem for p in Path(session.store.recordings_folder).glob("*.rec")}
