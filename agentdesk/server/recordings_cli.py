"""`agentdesk-server recordings purge` and `agentdesk-server recordings import FILE --sip-call-id ID`.

Both act on the real archive (AGENTDESK_RECORDINGS_DIR or --recordings-dir) and the real
database. `purge` removes what is past its retention and logs each removal (id, SHA-256,
size, the end of its retention: never whose call it was); run it daily from cron or a
scheduled task. `import` takes a recording the PBX made and links it to the attempt that
carries the same SIP Call-ID (now, or when that attempt arrives).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from agentdesk import clock
from agentdesk.clock import parse_instant
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError
from agentdesk.server.recording_archive import RecordingArchive
from agentdesk.server.recording_config import ENV_RECORDINGS_DIR, recordings_dir

log = logging.getLogger("agentdesk.recordings")


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rec = sub.add_parser("recordings", help="the call-recording archive: purge after retention, import a PBX's file")
    rec.add_argument("--recordings-dir", default=None,
                     help=f"the archive folder; default {ENV_RECORDINGS_DIR} or recordings/ in the data folder")
    rec_sub = rec.add_subparsers(dest="recordings_command", required=True)
    purge = rec_sub.add_parser("purge", help="remove recordings whose retention has ended (logs each one)")
    purge.set_defaults(func=_cmd_purge)
    imp = rec_sub.add_parser("import", help="archive a PBX's recording of one call and link it to that call")
    imp.add_argument("file", help="the recording (Ogg/Opus, FLAC, WAV, MP3 or AMR)")
    imp.add_argument("--sip-call-id", required=True, help="the call's SIP Call-ID, as the PBX logged it")
    imp.add_argument("--started-at", help="when the call was answered (ISO 8601 with offset)")
    imp.add_argument("--ended-at", help="when the call ended (ISO 8601 with offset)")
    imp.set_defaults(func=_cmd_import)


def _archive(args: argparse.Namespace) -> RecordingArchive:
    return RecordingArchive(recordings_dir(args.recordings_dir))


def _cmd_purge(args: argparse.Namespace) -> int:
    from agentdesk.server.recordings import purge

    if clock.shifted_by_environment():
        # A clock moved forward would remove recordings still within their retention.
        print(f"agentdesk-server recordings purge: refused: {clock.NOW_ENV} is set; it moves the clock for "
              f"tests and the demo only. Unset it.", file=sys.stderr)
        return 2
    db = Database(args.database_url)
    try:
        done = purge(db, _archive(args), clock.now())
    finally:
        db.dispose()
    freed = sum(p.size for p in done if p.file_removed)
    print(f"purged {len(done)} recordings past their retention; {freed} bytes freed")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from agentdesk.server.recordings import import_pbx

    path = Path(args.file)
    if not path.is_file():
        print(f"not imported: {path} is not a file", file=sys.stderr)
        return 2
    try:
        started = parse_instant(args.started_at) if args.started_at else None
        ended = parse_instant(args.ended_at) if args.ended_at else None
    except ValueError as exc:
        print(f"not imported: {exc}", file=sys.stderr)
        return 2
    db = Database(args.database_url)
    try:
        result = import_pbx(db, _archive(args), path.read_bytes(), args.sip_call_id, clock.now(),
                            started_at=started, ended_at=ended)
    except ApiError as exc:
        print(f"not imported: {exc.message}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    linked = f"linked to attempt {result.attempt_id}" if result.attempt_id else \
        "no attempt carries this SIP call id yet: it is linked when that attempt arrives"
    what = "already archived" if result.duplicate else "archived"
    print(f"{what}: recording {result.id}, sha256 {result.sha256}, {result.size} bytes; {linked}")
    return 0
