"""`agentdesk-server allocate --scheduled`: the morning run from cron, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from agentdesk.server.cli import main
from agentdesk.server.db import Database
from agentdesk.server.strategy_models import AllocationRun


def test_the_morning_run_from_the_command_line(db: Database, database_url: str, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("AGENTDESK_NOW", "2026-12-03T00:30:00Z")
    with pytest.raises(SystemExit) as refused:  # a moved clock: refused
        main(["--database-url", database_url, "allocate", "--scheduled"])
    assert refused.value.code == 2
    assert "AGENTDESK_NOW" in capsys.readouterr().err
    monkeypatch.delenv("AGENTDESK_NOW")
    assert main(["--database-url", database_url, "allocate", "--scheduled", "--team", "催收一组"]) == 0
    first = capsys.readouterr().out
    assert first.startswith("team ") and "moved" in first and "resegmented" in first
    assert main(["--database-url", database_url, "allocate", "--scheduled", "--team", "催收一组"]) == 0
    assert "already ran today" in capsys.readouterr().out
    assert main(["--database-url", database_url, "allocate", "--scheduled", "--team", "nobody"]) == 2
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(AllocationRun)) == 1
