"""An agent's start loads only what an agent's desk uses before its queue shows (issue 20:
cold start ≤ 1.5 s).

openpyxl (with numpy) and the lead's console (QtMultimedia, charts) were a third of the
agent's start-up imports; they load when a lead signs in or a table is exported.
"""

from __future__ import annotations

import os
import subprocess
import sys

# The network stack (httpx, with click/rich/pygments when installed) and keyring (which
# reads every package's entry points) load on first use: the sync starts after the first
# queue is on screen, and the keyring is read when signing in (issue 20, cold start).
HEAVY = ("openpyxl", "PySide6.QtMultimedia", "PySide6.QtCharts", "agentdesk.desktop.lead_console",
         "agentdesk.desktop.lead_models", "agentdesk.client.lead", "httpx", "keyring")


def test_the_agent_s_window_modules_load_without_the_lead_s_and_the_export_s() -> None:
    code = ("import sys, agentdesk.desktop.app, agentdesk.desktop.mainwindow\n"
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                            check=True).stdout.strip()
    assert loaded == "", f"loaded at an agent's start: {loaded}"


def test_an_export_still_finds_openpyxl_when_it_writes(tmp_path) -> None:  # noqa: ANN001
    from agentdesk.desktop.xlsx_export import Column, write_table

    path = tmp_path / "cases.xlsx"
    assert write_table(path, "Cases", [Column("Case"), Column("Owed", "money")], [("C1", 12345)]) == 1
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    assert [c.value for c in sheet[2]] == ["C1", 123.45]
