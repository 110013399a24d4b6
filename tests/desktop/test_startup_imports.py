"""An agent's start loads only what an agent's desk uses before its queue shows (issue 20:
cold start ≤ 1.5 s).

openpyxl (with numpy) and the lead's console (QtMultimedia, charts) were a third of the
agent's start-up imports; they load when a lead signs in or a table is exported.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from agentdesk import clock

# The network stack (httpx, with click/rich/pygments when installed) and keyring (which
# reads every package's entry points) load on first use: the sync starts after the first
# queue is on screen, and the keyring is read when signing in (issue 20, cold start).
# SQLAlchemy (the store's ORM, ~0.3 s) loads on the first ORM use: a current store opens,
# and the first queue and its top case are read, in plain SQL (client/store.py).
HEAVY = ("openpyxl", "PySide6.QtMultimedia", "PySide6.QtCharts", "agentdesk.desktop.lead_console",
         "agentdesk.desktop.lead_models", "agentdesk.client.lead", "httpx", "keyring", "sqlalchemy")
ROOT = Path(__file__).resolve().parents[2]


def _printed_by(code: str) -> str:
    """What `code` prints, run in a fresh interpreter (its own sys.modules)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                          check=True).stdout.strip()


def test_the_agent_s_window_modules_load_without_the_lead_s_and_the_export_s() -> None:
    code = ("import sys, agentdesk.desktop.app, agentdesk.desktop.mainwindow\n"
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = _printed_by(code)
    assert loaded == "", f"loaded at an agent's start: {loaded}"


def test_a_lead_s_window_and_session_hold_neither_the_player_nor_the_vault_s_cipher(tmp_path: Path) -> None:
    """Qt Multimedia and cryptography (~12 MB resident, issue 20: a lead's memory) load
    when a recording is first played or sealed, not with the console's tabs or the session."""
    code = ("import sys\n"
            "from pathlib import Path\n"
            "import agentdesk.desktop.lead_console, agentdesk.desktop.mainwindow, agentdesk.desktop.recordings_tab\n"
            "import agentdesk.client.session\n"
            "from agentdesk.client.recording_vault import RecordingVault\n"
            f"vault = RecordingVault(Path({str(tmp_path)!r}), 'ab' * 32)\n"
            "assert vault.encrypted and vault.ids_on_disk() == set()\n"
            "print(','.join(m for m in ('PySide6.QtMultimedia', 'cryptography') if m in sys.modules))\n")
    loaded = _printed_by(code)
    assert loaded == "", f"loaded before any recording is played or sealed: {loaded}"


def test_the_window_s_qt_free_modules_are_all_loaded_before_qt() -> None:
    """What the program's start imports before PySide6 (desktop/core_first.py) is all the
    Qt-free code the window needs: PySide6 reads the source of any module imported after it."""
    code = ("import sys\n"
            "from agentdesk.desktop.core_first import import_core\n"
            "import_core()\n"
            "assert 'PySide6' not in sys.modules, 'the core imports no Qt'\n"
            "import PySide6.QtWidgets\n"
            "before = set(sys.modules)\n"
            "import agentdesk.desktop.app, agentdesk.desktop.mainwindow\n"
            "late = set(sys.modules) - before\n"
            "print(','.join(sorted(m for m in late if m.startswith(('agentdesk.client', 'agentdesk.domain', "
            "'agentdesk.contract', 'numpy', 'pydantic', 'yaml', 'orjson', 'sqlcipher3')))))\n")
    late = _printed_by(code)
    assert late == "", f"Qt-free modules loaded after Qt: {late}"


def test_an_export_still_finds_openpyxl_when_it_writes(tmp_path) -> None:  # noqa: ANN001
    from agentdesk.desktop.xlsx_export import Column, write_table

    path = tmp_path / "cases.xlsx"
    assert write_table(path, "Cases", [Column("Case"), Column("Owed", "money")], [("C1", 12345)]) == 1
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    assert [c.value for c in sheet[2]] == ["C1", 123.45]


@pytest.mark.usefixtures("daytime")
def test_a_desk_s_first_queue_and_top_case_show_before_sqlalchemy_and_the_network_load(tmp_path: Path) -> None:
    """The offline start as bench/bench_workstation.py measures it (its cold child: the
    window on this computer's store, the server unreachable): the queue shows with its top
    case open, and none of the modules left for later was loaded by then."""
    from agentdesk.client.store import LocalStore
    from tests.support.lead_cases import random_specs, upsert

    key = secrets.token_hex(32)
    store = LocalStore(tmp_path / "client.db", key)
    upsert(store, random_specs(60, seed=8), "1")
    store.close()
    (tmp_path / "bench.json").write_text(json.dumps({"path": str(tmp_path / "client.db"), "key": key,
                                                      "server_url": "http://127.0.0.1:9"}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AGENTDESK_NOW": clock.now().isoformat(),
           "AGENTDESK_HOME": str(tmp_path / "home"),
           "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    for _start in ("first (facts derived)", "second (facts kept)"):
        out = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_workstation.py"), "--cold-child",
                              str(tmp_path), "--lang", "en"], capture_output=True, text=True, env=env, timeout=180,
                             check=True).stdout
        report = json.loads(next(line[6:] for line in out.splitlines() if line.startswith("READY ")))
        assert report["rows"] > 0 and report["case"], "the queue shows, its top case open"
        if report["sync_before_queue"]:  # a build slower than FIRST_QUEUE_LATEST_MS (a starved machine)
            pytest.skip(f"the {_start} start's queue took so long that the sync began first, by design")
        assert report["loaded"] == [], f"loaded before the first queue: {report['loaded']}"


def test_the_start_s_imports_pause_the_cycle_collector_and_leave_it_as_it_was() -> None:
    import gc

    from agentdesk.desktop.core_first import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled(), "on again after the imports: the window pauses it anew until its first queue"
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled(), "left off when someone else had turned it off"
    finally:
        gc.enable()
