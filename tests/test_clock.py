"""One clock for the whole program (issue 17): AGENTDESK_NOW moves it, nothing reads another "now".

Three proofs: the clock module's own behaviour; a scan of every Python file of the program,
the suite, the benches and the tools for a direct read of the wall clock; and a real run
(server over HTTP, client session, a recorded outcome) with the machine's clock sent five
years away by time-machine while AGENTDESK_NOW names the instant: everything stored must
carry AGENTDESK_NOW's time, and the tokens must still be valid.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from sqlalchemy import select

from agentdesk import clock
from agentdesk.clock import ClockError, FixedClock, RunningClock, SystemClock, clock_from_environment, parse_instant

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("agentdesk", "tests", "bench", "tools", "dev.py")
THE_CLOCK = ROOT / "agentdesk" / "clock.py"

# --- the clock itself ----------------------------------------------------------------------


def test_agentdesk_now_starts_a_running_clock_there() -> None:
    running = clock_from_environment({"AGENTDESK_NOW": "2026-12-02T15:30:00Z"})
    assert isinstance(running, RunningClock)
    first = running.now()
    assert first.tzinfo is not None and first.utcoffset() == timedelta(0)
    assert timedelta(0) <= first - datetime(2026, 12, 2, 15, 30, tzinfo=UTC) < timedelta(seconds=5)
    assert running.now() >= first, "the clock runs on from the instant"


def test_without_agentdesk_now_the_machine_clock_is_used() -> None:
    assert isinstance(clock_from_environment({}), SystemClock)
    assert isinstance(clock_from_environment({"AGENTDESK_NOW": "  "}), SystemClock)


@pytest.mark.parametrize("text", ["2026-12-02 10:00", "yesterday", "2026-13-02T10:00:00Z", ""])
def test_an_instant_without_offset_or_unreadable_is_refused_with_what_to_write(text: str) -> None:
    with pytest.raises(ClockError, match=r"2026-12-02T|offset|'Z'"):
        parse_instant(text)


def test_offsets_are_honoured() -> None:
    assert parse_instant("2026-12-02T23:30:00+08:00") == datetime(2026, 12, 2, 15, 30, tzinfo=UTC)


def test_a_pinned_clock_moves_every_default_holder() -> None:
    fixed = FixedClock(datetime(2026, 3, 8, 6, 40, tzinfo=UTC))
    clock.set_process_clock(fixed)
    assert clock.PROCESS.now() == datetime(2026, 3, 8, 6, 40, tzinfo=UTC)
    # 01:40 EST in New York, twenty minutes before the clocks go forward: 8 March there.
    assert clock.local_today("America/New_York") == datetime(2026, 3, 8).date()
    fixed.advance(timedelta(hours=18))  # 00:40 the next day in UTC, still the 8th in New York
    assert clock.local_today("America/New_York") == datetime(2026, 3, 8).date()
    assert clock.local_today("Asia/Shanghai") == datetime(2026, 3, 9).date()


def test_the_production_server_refuses_a_moved_clock(tmp_path: Path) -> None:
    env = {**os.environ, "AGENTDESK_NOW": "2026-12-02T15:30:00Z", "AGENTDESK_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "agentdesk.server.cli", "--database-url", f"sqlite:///{tmp_path / 's.db'}",
         "serve", "--port", "1"],
        capture_output=True, text=True, env=env, timeout=60, cwd=ROOT,
    )
    assert result.returncode == 2
    assert "AGENTDESK_NOW" in result.stderr and "unset it" in result.stderr


# --- nothing reads the wall clock but agentdesk/clock.py -------------------------------------------

_DATETIME_NAMES = {"datetime", "date"}
_NOW_METHODS = {"now", "utcnow", "today"}
_TIME_FUNCTIONS = {"time", "time_ns", "localtime", "gmtime", "ctime", "asctime"}
_QT_NOW = {
    ("QDateTime", "currentDateTime"), ("QDateTime", "currentDateTimeUtc"), ("QDateTime", "currentMSecsSinceEpoch"),
    ("QDateTime", "currentSecsSinceEpoch"), ("QDate", "currentDate"), ("QTime", "currentTime"),
}


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def wall_clock_reads(source: str, filename: str = "<source>") -> list[str]:
    """Every place `source` asks the machine for the current time, as 'line: code'."""
    found: list[str] = []
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "time":
            for alias in node.names:
                if alias.name in _TIME_FUNCTIONS:
                    found.append(f"{node.lineno}: from time import {alias.name}")
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner, method = _name(node.func.value), node.func.attr
        reads = (
            (owner in _DATETIME_NAMES and method in _NOW_METHODS)
            or (owner == "time" and method in _TIME_FUNCTIONS and (method in ("time", "time_ns") or not node.args))
            or (owner, method) in _QT_NOW
        )
        if reads:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return sorted(found, key=lambda line: int(line.split(":")[0]))


def test_the_scan_finds_each_kind_of_wall_clock_read() -> None:
    source = "\n".join([
        "from datetime import UTC, date, datetime",
        "import datetime as dt",
        "import time",
        "from time import time_ns",
        "a = datetime.now(UTC)",
        "b = date.today()",
        "c = dt.datetime.utcnow()",
        "d = time.time()",
        "e = time.localtime()",
        "f = QDateTime.currentDateTime()",
        "g = QDate.currentDate()",
        "ok1 = time.monotonic()",
        "ok2 = time.localtime(0)",
        "ok3 = clock.now()",
        "ok4 = datetime.fromisoformat('2026-12-02T00:00:00+00:00')",
    ])
    found = wall_clock_reads(source)
    assert [line.split(":")[0] for line in found] == ["4", "5", "6", "7", "8", "9", "10", "11"], found


def _python_files() -> list[Path]:
    files: list[Path] = []
    for entry in SCANNED:
        path = ROOT / entry
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [f for f in files if f != THE_CLOCK and ".venv" not in f.parts]


def test_no_code_but_the_clock_module_reads_the_wall_clock() -> None:
    files = _python_files()
    assert len(files) > 100, "the scan must see the whole tree"
    offenders = {
        str(f.relative_to(ROOT)): reads
        for f in files
        if (reads := wall_clock_reads(f.read_text(encoding="utf-8"), str(f)))
    }
    assert offenders == {}, (
        "read the time from a Clock (agentdesk.clock) instead of the machine's clock: " + repr(offenders)
    )


# --- a real run with the machine's clock somewhere else ------------------------------------------

PINNED = "2026-12-02T02:00:00Z"  # 10:00 in Beijing
ELSEWHERE = datetime(2031, 7, 4, 12, 0, tzinfo=UTC)


def test_with_agentdesk_now_set_the_server_and_the_client_never_use_the_machine_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agentdesk.client.session import ClientSession
    from agentdesk.client.views import OutcomeDraft
    from agentdesk.server.embedded import start_embedded_server
    from agentdesk.server.models import AppliedMutation, AuditEntry, ContactAttempt, RefreshToken

    monkeypatch.setenv("AGENTDESK_NOW", PINNED)
    clock.set_process_clock(None)  # made again from the environment, as at a program's start
    pinned = parse_instant(PINNED)

    def near_pinned(value: datetime) -> bool:
        return abs(value - pinned) < timedelta(hours=1)

    with time_machine.travel(ELSEWHERE, tick=True):
        server = start_embedded_server(f"sqlite:///{tmp_path / 'server.db'}", cases=60)
        try:
            session = ClientSession.login(server.url, "agent01", "demo", remember=False,
                                          allow_unencrypted=True, data_root=tmp_path / "desk")
            try:
                session.sync_now()
                row = next(r for r in session.queue() if r.status == "open" and r.callable_from is None)
                detail = session.case_detail(row.case_id)
                assert detail is not None
                point = next(p for p in detail.contact_points if p.owner == "debtor" and p.kind == "phone")
                verdict = session.check_dial(row.case_id, point.id)
                assert verdict.allowed, verdict.reason_en  # 10:00 in Beijing, whatever the machine says
                session.dial_placed(session.begin_dial(row.case_id, point.id))
                attempt_id = session.record_outcome(OutcomeDraft(
                    case_id=row.case_id, reached="nobody", outcome="no_answer",
                    started_at=session.clock.now() - timedelta(minutes=1), contact_point_id=point.id,
                ))
                session.sync_now()  # a token issued and checked by the pinned clock works
                assert session.status().pending == 0 and session.status().rejected == 0
                assert near_pinned(session.status().last_sync_at)
            finally:
                session.stop()
            with server.database.transaction() as s:
                attempt = s.get(ContactAttempt, attempt_id)
                assert attempt is not None and near_pinned(attempt.started_at) and near_pinned(attempt.ended_at)
                assert attempt.compliance_flag is None
                stamps = [a.at for a in s.scalars(select(AuditEntry))]
                stamps += [m.received_at for m in s.scalars(select(AppliedMutation))]
                stamps += [t.expires_at - timedelta(days=14) for t in s.scalars(select(RefreshToken))]
                assert stamps and all(near_pinned(t) for t in stamps), [t for t in stamps if not near_pinned(t)]
        finally:
            server.stop()
