"""`agentdesk-server migrate` as an IT admin runs it: what it says on the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_migrate_reports_the_revisions_it_ran_and_not_alembics_plugin_chatter(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    done = subprocess.run([sys.executable, "-m", "agentdesk.server.cli", "--database-url", url, "migrate"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "database is at the latest schema" in done.stdout
    assert "Running upgrade  -> 0001, initial schema" in done.stderr  # what ran, still logged
    assert "setup plugin" not in done.stderr, done.stderr
    again = subprocess.run([sys.executable, "-m", "agentdesk.server.cli", "--database-url", url, "migrate"],
                           capture_output=True, text=True, timeout=120, check=False)
    assert again.returncode == 0 and "Running upgrade" not in again.stderr  # nothing left to run
