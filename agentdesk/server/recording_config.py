"""Where the server keeps call recordings, and for how long (per compliance preset).

The folder: `AGENTDESK_RECORDINGS_DIR` (or `agentdesk-server serve --recordings-dir`),
by default `recordings/` in the server's data folder. With several API processes it must
be one shared folder (a network share or mounted volume), as the database is one
database: any process may receive a chunk or serve a playback.

Retention is kept here, not in `resources/policies/`, while the integrator reworks the
policy files (issue 15); it belongs there as `recording_retention_days` once they are open
for edits. A recording may be purged only after its retention ends, counted from the call:

- china: 731 days (two years, a leap day included). The sources we hold (DOMAIN.md) require
  every collection call to be recorded and kept with its attempt but give no period; two
  years is the value chosen here, long enough for complaints and disputes, short enough
  that personal data is not kept without purpose (PIPL art. 19). Counsel may set another.
- us: 1,096 days: 12 CFR 1006.100(b), a recorded call is kept "for three years after the
  date of the call" (three years, a leap day included).
"""

from __future__ import annotations

import os
from pathlib import Path

from agentdesk.paths import data_dir

ENV_RECORDINGS_DIR = "AGENTDESK_RECORDINGS_DIR"
RETENTION_DAYS: dict[str, int] = {"china": 731, "us": 1096}
# A preset without its own number keeps recordings as long as the longest one known.
DEFAULT_RETENTION_DAYS = max(RETENTION_DAYS.values())
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


def retention_days(preset: str) -> int:
    return RETENTION_DAYS.get(preset, DEFAULT_RETENTION_DAYS)
