"""Where the server keeps call recordings, and for how long (per compliance preset).

The folder: `AGENTDESK_RECORDINGS_DIR` (or `agentdesk-server serve --recordings-dir`),
by default `recordings/` in the server's data folder. With several API processes it must
be one shared folder (a network share or mounted volume), as the database is one
database: any process may receive a chunk or serve a playback.

Retention is the compliance preset's (`recording_retention_days` in resources/policies/,
agentdesk.domain.policy): a recording may be purged only after that many days from its call.
"""

from __future__ import annotations

import os
from pathlib import Path

from agentdesk.paths import data_dir

ENV_RECORDINGS_DIR = "AGENTDESK_RECORDINGS_DIR"
# One upload request carries at most this much; the desk sends 4 MiB pieces.
MAX_CHUNK_BYTES = 16 * 1024 * 1024
# The largest recording accepted (a four-hour call in Opus is ~50 MB; WAV would be far more).
MAX_RECORDING_BYTES = 2 * 1024 * 1024 * 1024


def recordings_dir(override: str | Path | None = None) -> Path:
    """The archive's root folder, created if missing."""
    chosen = override or os.environ.get(ENV_RECORDINGS_DIR) or data_dir() / "recordings"
    path = Path(chosen)
    path.mkdir(parents=True, exist_ok=True)
    return path

