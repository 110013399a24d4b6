"""The lead console's team grid at 100,000 cases, with the real Qt widgets (offscreen).

Why: a team lead's replica holds the whole team (8-20 agents, up to ~100,000 cases) and
the "Team cases" grid must stay fluid at that size: showing it, narrowing it by any
filter, sorting by a column, selecting everything and scrolling. A lead's window must
also open without ranking the whole team's queue for the "Case work" tab first (it is
ranked off the GUI thread once the grid and board are up, and held until the tab opens).

What is measured (wall time on the GUI thread's clock, plus the longest time the GUI
thread did not answer during each step, from a 5 ms heartbeat timer):

* first show: LeadConsole built and shown until the grid holds its rows and paints;
* each filter (agent, bucket, days past due, amount, status, last outcome, promise
  status, search) from the widget change until the grid shows the result; the typing
  debounce (`FILTER_DELAY_MS`) is left out so the figure is the work itself;
* sorting by each column (a header click);
* select-all, and reading the selected case ids (what "Reassign selected" sends);
* scrolling: the view rendered to a QImage at 40 scroll positions;
* the lead's main window: time to show, whether the ranked queue was shown at start, the
  longest GUI stall in the 1.5 s after (while the queue is ranked ahead), whether it was
  ranked and held by then, and the time from opening the "Case work" tab (1.5 s after the
  window shows, or with --open-after-idle once its background work is done) to its queue
  being shown;
* memory (issue 20: a lead's process must stay within 300 MB at 100,000 cases): the
  process's resident set (VmRSS) and its peak since the previous figure (VmHWM, reset
  through /proc/self/clear_refs where the kernel allows) after the grid is up, after the
  grid work, after every console tab (and every strategy sub-tab) has been opened and
  has loaded, and after "Case work"; beside a baseline taken in the same run once Qt, the
  console's modules and the session are loaded but no cases are (the data's share is the
  difference). `--trace` adds tracemalloc's largest Python allocation sites at each point
  (slow: Python allocations run about twice as slowly under it; BENCH_TRACE_TOP=N lists N sites, default 12).

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_lead_grid.py [--cases 100000]
      [--attempts 3] [--shot grid.png] [--no-case-work] [--language zh_CN] [--trace]
      [--open-after-idle] [--queue-only 3]   (the Case work queue's build alone, headless: a start's build, and
      the next minute's)
No server or keyring: the store is built from synthetic case documents (the client's own
`apply_changes`, as a pull would) and cached under the system temp folder with a bench
key beside it; delete it to rebuild. The board comes from a stub API.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AGENTS = [f"agent{n:02d}" for n in range(1, 17)]
NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
OUTCOMES = (("nobody", "no_answer"), ("nobody", "busy"), ("right_party", "refusal"),
            ("third_party", "message_left"), ("right_party", "callback_requested"),
            ("right_party", "promise_to_pay"))
TRACE_TOP = int(os.environ.get("BENCH_TRACE_TOP", "12"))
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


# --- the store ------------------------------------------------------------------------------


def synthetic_case(rnd: random.Random, i: int, attempts: int) -> dict[str, Any]:
    case_id = str(uuid.UUID(int=rnd.getrandbits(128)))
    phone = str(uuid.UUID(int=rnd.getrandbits(128)))
    dpd = rnd.choice((rnd.randrange(1, 30), rnd.randrange(30, 120), rnd.randrange(1, 400)))
    overdue = rnd.randrange(20_000, 5_000_000)
    bucket = "M0" if dpd < 1 else ("M1" if dpd <= 30 else "M2" if dpd <= 60 else "M3" if dpd <= 90 else "M4+")
    agent = rnd.choice(AGENTS) if rnd.random() > 0.02 else None
    status = rnd.choices(("open", "on_hold", "closed"), (90, 6, 4))[0]
    history = []
    for _ in range(rnd.randrange(0, attempts + 1)):
        reached, outcome = rnd.choice(OUTCOMES)
        started = NOW - timedelta(days=rnd.randrange(0, 120), hours=rnd.randrange(0, 10), minutes=rnd.randrange(60))
        history.append({"id": str(uuid.UUID(int=rnd.getrandbits(128))), "started_at": started.isoformat(),
                        "ended_at": None, "channel": "call", "contact_point_id": phone, "reached": reached,
                        "outcome": outcome, "agent": agent or "agent01", "note": "已跟进", "compliance_flag": None,
                        "talk_track_id": None, "talk_track_version": None})
    promises = []
    if rnd.random() < 0.25:
        promises.append({"id": str(uuid.UUID(int=rnd.getrandbits(128))), "attempt_id": None,
                         "amount_minor": overdue // 2, "currency": "CNY",
                         "due_date": (date(2026, 11, 27) + timedelta(days=rnd.randrange(-20, 20))).isoformat(),
                         "status": rnd.choice(("pending", "kept", "broken")),
                         "created_at": (NOW - timedelta(days=rnd.randrange(1, 30))).isoformat()})
    name = rnd.choice(SURNAMES) + rnd.choice("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞") + f"{i % 1000:03d}"
    return {
        "id": case_id, "seq": i + 1, "lender": rnd.choice(("示例消费金融", "华东小贷", "北方银行信用卡")),
        "status": status, "hold_reason": None, "assigned_agent_id": agent and f"u-{agent}",
        "assigned_agent": agent, "team_id": "t1", "consent_late_calls": False,
        "debtor": {"id": f"d{i}", "name": name, "national_id_masked": "110***********1234",
                   "birth_date": "1985-01-01", "province": "北京", "city": "北京", "time_zone": "Asia/Shanghai"},
        "accounts": [{"id": f"a{i}", "account_no": f"AC{i:08d}", "product": "现金贷", "currency": "CNY",
                      "principal_minor": overdue * 2, "outstanding_minor": overdue * 2, "overdue_minor": overdue,
                      "fees_minor": 0, "due_date": (date(2026, 11, 27) - timedelta(days=dpd)).isoformat(),
                      "days_past_due": dpd, "bucket": bucket}],
        "contact_points": [{"id": phone, "kind": "phone", "value_masked": f"138****{i % 10000:04d}",
                            "owner": "debtor", "relation": None, "contact_name": None, "status": "valid",
                            "source": "lender"}],
        "attempts": history, "promises": promises, "callbacks": [], "notes": [], "payments": [],
    }


def cached_store(cases: int, attempts: int) -> tuple[Path, str]:
    """An encrypted lead replica with `cases` team cases, built once (about a minute per 100k)."""
    from agentdesk import contract
    from agentdesk.client.store import LocalStore

    folder = Path(tempfile.gettempdir()) / "agentdesk-bench"
    path = folder / f"lead-grid-{cases}-{attempts}.db"
    key_file = path.with_suffix(".key")
    if path.exists() and key_file.exists():
        return path, key_file.read_text().strip()
    folder.mkdir(parents=True, exist_ok=True)
    for stale in (path, key_file, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    key = secrets.token_hex(32)
    started = time.perf_counter()
    store = LocalStore(path, key)
    rnd = random.Random(7)
    for start in range(0, cases, 2000):
        docs = [synthetic_case(rnd, i, attempts) for i in range(start, min(cases, start + 2000))]
        store.apply_changes([contract.Change(entity="case", op="upsert", id=d["id"], data=d) for d in docs],
                            str(start + len(docs)))
    store.set_meta("username", "lead01")
    store.close()
    key_file.write_text(key)
    print(f"built {cases} cases in {time.perf_counter() - started:.0f} s -> {path}", file=sys.stderr)
    return path, key


def lead_session(path: Path, key: str) -> Any:
    """A lead's ClientSession over the cached store; the API is a stub that answers the board."""
    from agentdesk import contract
    from agentdesk.client.api import ApiClient
    from agentdesk.client.credentials import SecretStore
    from agentdesk.client.session import ClientSession
    from agentdesk.client.store import LocalStore

    store = LocalStore(path, key)
    user = contract.UserInfo(id="u-lead01", username="lead01", display_name="组长", role="lead", team_id="t1")
    session = ClientSession(ApiClient("http://127.0.0.1:9"), store,
                            SecretStore.in_memory("http://127.0.0.1:9", "lead01", key), user)
    counts: dict[str, tuple[int, int]] = {}
    with store.sessions() as s:
        from sqlalchemy import func, select

        from agentdesk import clock
        from agentdesk.client.store import CaseRow
        for agent, n, total in s.execute(select(CaseRow.assigned_agent, func.count(), func.sum(CaseRow.overdue_minor))
                                         .group_by(CaseRow.assigned_agent)):
            counts[agent or ""] = (int(n), int(total or 0))
    states = ("available", "on_call", "wrap_up", "break", "offline")
    board = {"as_of": clock.now().isoformat(), "agents": [
        {"id": f"u-{a}", "username": a, "display_name": f"坐席{i + 1:02d}", "state": states[i % 5],
         "queue_size": counts.get(a, (0, 0))[0], "queue_value_minor": counts.get(a, (0, 0))[1],
         "attempts_today": 120 + i, "rpc_today": 30 + i, "promises_today": 5 + i % 4,
         "promised_minor_today": 800_000 + 10_000 * i, "collected_minor_today": 300_000 + 5_000 * i}
        for i, a in enumerate(AGENTS)]}

    def call(method: str, path: str, **_kw: Any) -> Any:
        if method == "GET" and path == "/v1/team/board":
            return board
        from agentdesk.client import errors
        raise errors.ClientError(f"bench stub: {method} {path} is not served")

    session.api.call = call  # type: ignore[method-assign]
    return session


# --- measuring ------------------------------------------------------------------------------


def _status_kb(field: str) -> int:
    for text in Path("/proc/self/status").read_text().splitlines():
        if text.startswith(field + ":"):
            return int(text.split()[1])
    return 0


class Memory:
    """Resident set now and at its peak since the last figure (Linux /proc), against a baseline."""

    def __init__(self, trace: bool, maps: bool = False) -> None:
        self.trace = trace
        self.maps = maps
        self.baseline = 0
        self.rows: list[tuple[str, int, int]] = []
        if trace:
            import tracemalloc

            tracemalloc.start(1)

    @staticmethod
    def _reset_peak() -> bool:
        try:  # "5" resets VmHWM to the current RSS (Linux 4.0+)
            Path("/proc/self/clear_refs").write_text("5")
        except OSError:
            return False
        return True

    def start(self) -> None:
        self.baseline = _status_kb("VmRSS")
        self._reset_peak()
        print(f"memory baseline (Qt, modules, session; no cases read): {self.baseline / 1024:6.1f} MB RSS")
        if self.maps:
            for name, kb in top_mappings():
                print(f"      {kb / 1024:7.1f} MB  {name}")

    def point(self, label: str) -> None:
        rss, peak = _status_kb("VmRSS"), _status_kb("VmHWM")
        self.rows.append((label, rss, peak))
        print(f"  memory {label:<30} RSS {rss / 1024:6.1f} MB (data +{(rss - self.baseline) / 1024:6.1f})   "
              f"peak {peak / 1024:6.1f} MB")
        if self.trace:
            import tracemalloc

            current, traced_peak = tracemalloc.get_traced_memory()
            print(f"    tracemalloc: {current / 2**20:.1f} MB live, {traced_peak / 2**20:.1f} MB peak")
            for stat in tracemalloc.take_snapshot().statistics("lineno")[:TRACE_TOP]:
                print(f"      {stat.size / 2**20:7.2f} MB {stat.count:8,} blocks  {stat.traceback[0]}")
            tracemalloc.reset_peak()
        if self.maps:
            for name, kb in top_mappings():
                print(f"      {kb / 1024:7.1f} MB  {name}")
        self._reset_peak()

    def summary(self) -> None:
        print("memory summary (MB; peak = highest RSS since the previous line):")
        print(f"  {'baseline':<34} RSS {self.baseline / 1024:6.1f}")
        for label, rss, peak in self.rows:
            print(f"  {label:<34} RSS {rss / 1024:6.1f}  data +{(rss - self.baseline) / 1024:6.1f}  "
                  f"peak {peak / 1024:6.1f}")


def top_mappings(n: int = 12) -> list[tuple[str, int]]:
    """Resident kB per mapped file (anonymous memory as "[anon]", the heap as "[heap]")."""
    sizes: dict[str, int] = {}
    name = "?"
    for text in Path("/proc/self/smaps").read_text().splitlines():
        parts = text.split()
        if parts and "-" in parts[0] and len(parts) >= 5 and not parts[0].endswith(":"):
            name = parts[5] if len(parts) > 5 else "[anon]"
        elif parts and parts[0] == "Rss:":
            sizes[name] = sizes.get(name, 0) + int(parts[1])
    return sorted(sizes.items(), key=lambda kv: -kv[1])[:n]


def open_every_tab(console: Any, tasks: Any, skip: Any = None) -> list[str]:
    """Show each console tab (and each strategy sub-tab) and wait until its loads settle.

    The stub API answers only the board, so server-backed tabs end in an error message;
    what they keep in memory is still what a lead's process keeps.
    """
    shown = []
    for index in range(console.tabs.count()):
        widget = console.tabs.widget(index)
        if widget is skip:
            continue
        console.tabs.setCurrentIndex(index)
        process()
        subtabs = getattr(widget, "tabs", None)
        if subtabs is not None and hasattr(widget, "panels"):
            for sub in range(subtabs.count()):
                subtabs.setCurrentIndex(sub)
                process()
                wait_until(lambda: tasks.active == 0)
        wait_until(lambda: tasks.active == 0)
        process(50)
        shown.append(console.tabs.tabText(index))
    return shown


def process(ms: int = 0) -> None:
    """Run the event loop for `ms` (0: until the pending events are handled)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(check: Callable[[], bool], timeout_s: float = 120.0) -> None:
    """Run the event loop until `check()` holds. (QApplication.processEvents in a tight loop
    is avoided on purpose: with PySide6 6.12 on Python 3.11 it ends in "none_dealloc".)"""
    from PySide6.QtCore import QEventLoop, QTimer

    if check():
        return
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(lambda: loop.quit() if check() or time.monotonic() > deadline else None)
    poll.start()
    loop.exec()
    poll.stop()
    if not check():
        raise TimeoutError("the console did not answer in time")


class Heartbeat:
    """A 5 ms timer; the longest gap between its ticks is the longest GUI-thread stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0

    def stall_ms(self) -> float:
        return max(self.worst, time.perf_counter() - self.last) * 1000


class Grid:
    """Drives one console's grid and times each step."""

    def __init__(self, console: Any, beat: Heartbeat) -> None:
        self.console = console
        self.beat = beat
        self.loaded = 0
        console.grid_loaded.connect(self._loaded)

    def _loaded(self, _n: int) -> None:
        self.loaded += 1

    def step(self, change: Callable[[], None]) -> tuple[float, float]:
        """(ms until the grid shows the change, longest GUI stall in ms)."""
        console = self.console
        before = self.loaded
        self.beat.reset()
        started = time.perf_counter()
        change()
        if console._filter_timer.isActive():  # the typing debounce is not the work
            console._filter_timer.stop()
            console.reload_grid()
        wait_until(lambda: self.loaded > before)
        process()
        console.casesView.viewport().repaint()
        elapsed = (time.perf_counter() - started) * 1000
        return elapsed, self.beat.stall_ms()

    def rows(self) -> int:
        return self.console.cases_model.rowCount()


def render_ms(view: Any, image: Any) -> float:
    started = time.perf_counter()
    view.render(image)
    return (time.perf_counter() - started) * 1000


def line(label: str, ms: float, stall: float | None = None, extra: str = "") -> None:
    stall_text = f"   GUI stall max {stall:6.1f} ms" if stall is not None else ""
    print(f"  {label:<34} {ms:8.1f} ms{stall_text}  {extra}")


def bench_grid(session: Any, shot: Path | None, memory: Memory) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from agentdesk.desktop.lead_console import LeadConsole
    from agentdesk.desktop.tasks import Tasks

    beat = Heartbeat()
    tasks = Tasks()
    beat.reset()
    started = time.perf_counter()
    console = LeadConsole(session, tasks)
    built = (time.perf_counter() - started) * 1000
    grid = Grid(console, beat)
    console.resize(1440, 900)
    console.tabs.setCurrentWidget(console.casesPage)
    console.show()
    wait_until(lambda: grid.loaded > 0 and grid.rows() > 0)
    process()
    image = QImage(console.casesView.size(), QImage.Format.Format_ARGB32_Premultiplied)
    render_ms(console.casesView, image)
    first = (time.perf_counter() - started) * 1000
    total = session.store.case_count()
    print(f"team grid, {total:,} cases in the replica")
    line("construct LeadConsole", built)
    line("first show (rows on screen, painted)", first, beat.stall_ms(), f"{grid.rows():,} rows")
    wait_until(lambda: console.board_model.rowCount() > 0)
    memory.point("grid up")

    filters: list[tuple[str, Callable[[], None]]] = [
        ("agent = agent05", lambda: console.agentFilter.setCurrentIndex(console.agentFilter.findData("agent05"))),
        ("bucket = M2", lambda: console.bucketFilter.setCurrentIndex(console.bucketFilter.findData("M2"))),
        ("days past due >= 90", lambda: console.minDpdSpin.setValue(90)),
        ("amount 10,000 - 30,000", lambda: (console.minAmountSpin.setValue(10_000),
                                            console.maxAmountSpin.setValue(30_000))),
        ("status = on hold", lambda: console.statusFilter.setCurrentIndex(console.statusFilter.findData("on_hold"))),
        ("last outcome = refusal",
         lambda: console.outcomeFilter.setCurrentIndex(console.outcomeFilter.findData("refusal"))),
        ("promise = broken", lambda: console.promiseFilter.setCurrentIndex(console.promiseFilter.findData("broken"))),
        ("search '王'", lambda: console.searchFilter.setText("王")),
    ]
    print("filters (each alone, from the full grid):")
    for label, change in filters:
        ms, stall = grid.step(change)
        line(label, ms, stall, f"{grid.rows():,} rows")
        ms, stall = grid.step(console.clear_filters)
        line("  back to all", ms, stall, f"{grid.rows():,} rows")
    ms, stall = grid.step(lambda: (console.bucketFilter.setCurrentIndex(console.bucketFilter.findData("M4+")),
                                   console.statusFilter.setCurrentIndex(console.statusFilter.findData("open")),
                                   console.minAmountSpin.setValue(5_000)))
    line("combined: M4+, open, >= 5,000", ms, stall, f"{grid.rows():,} rows")
    grid.step(console.clear_filters)

    print("sort (header click, full grid):")
    header = console.casesView.horizontalHeader()
    for col in range(console.cases_model.columnCount()):
        title = console.cases_model.headerData(col, Qt.Orientation.Horizontal)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            ms, stall = grid.step(lambda c=col, o=order: header.setSortIndicator(c, o))
            line(f"{title} {'asc' if order == Qt.SortOrder.AscendingOrder else 'desc'}", ms, stall)
    grid.step(lambda: header.setSortIndicator(2, Qt.SortOrder.DescendingOrder))

    print("selection:")
    view = console.casesView
    beat.reset()
    started = time.perf_counter()
    view.selectAll()
    process()
    line("select all (Ctrl+A)", (time.perf_counter() - started) * 1000, beat.stall_ms(),
         console.casesCount.text())
    started = time.perf_counter()
    ids = console.selected_case_ids()
    line("selected case ids", (time.perf_counter() - started) * 1000, None, f"{len(ids):,} ids")
    del ids  # the bench's own copy of 100,000 ids would count in the memory figures below
    beat.reset()
    started = time.perf_counter()
    view.clearSelection()
    process()
    line("clear selection", (time.perf_counter() - started) * 1000, beat.stall_ms())

    print("scroll and paint (view rendered to a QImage):")
    bar = view.verticalScrollBar()
    rnd = random.Random(3)
    frames = []
    beat.reset()
    positions = [bar.maximum() * k // 19 for k in range(20)] + [rnd.randrange(0, bar.maximum() + 1)
                                                                 for _ in range(20)]
    for pos in positions:
        started = time.perf_counter()
        bar.setValue(pos)
        process()
        render_ms(view, image)
        frames.append((time.perf_counter() - started) * 1000)
    frames.sort()
    line(f"{len(frames)} frames, median", statistics.median(frames), beat.stall_ms(),
         f"p95 {frames[int(len(frames) * 0.95) - 1]:.1f} ms, max {frames[-1]:.1f} ms; "
         f"scroll range {bar.maximum():,}, rows {grid.rows():,}")
    steps = []
    for _ in range(30):
        started = time.perf_counter()
        bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
        process()
        render_ms(view, image)
        steps.append((time.perf_counter() - started) * 1000)
    line("30 x page down, median", statistics.median(steps), None, f"max {max(steps):.1f} ms")

    memory.point("after filters, sorts, select all")
    if shot is not None:
        bar.setValue(0)
        view.selectRow(2)
        process(300)
        console.grab().save(str(shot))
        print(f"wrote {shot}")
    tabs = open_every_tab(console, tasks)
    memory.point("every console tab opened")
    print(f"  (tabs: {', '.join(tabs)})")
    console.shutdown()
    tasks.wait_idle(30_000)
    console.close()
    console.deleteLater()
    process()


def bench_case_work(session: Any, language: str, memory: Memory, after_idle: bool = False) -> None:
    from agentdesk.desktop.mainwindow import MainWindow
    from agentdesk.desktop.settings import Settings
    from agentdesk.desktop.tasks import Tasks

    beat = Heartbeat()
    tasks = Tasks()
    loaded: list[int] = []
    beat.reset()
    started = time.perf_counter()
    window = MainWindow(session, Settings(), tasks, language=language)
    window.queue_loaded.connect(lambda n: loaded.append(n))
    window.resize(1440, 900)
    window.show()
    console = window.lead_console
    wait_until(lambda: console.cases_model.rowCount() > 0 and console.board_model.rowCount() > 0)
    shown = (time.perf_counter() - started) * 1000
    stall = beat.stall_ms()
    beat.reset()
    process(1500)  # a queue built at start would land meanwhile, and one ranked ahead is under way
    if after_idle:  # the lead opens "Case work" once the window's background work is done
        tasks.wait_idle(600_000)
        process()
    print("lead main window:")
    line("window shown, grid and board filled", shown, stall)
    print(f"  ranked queue built at start?       {'yes' if loaded else 'no'} "
          f"(queue rows {window.queue_model.rowCount():,}; GUI stall max in the 1.5 s after "
          f"{beat.stall_ms():.1f} ms)")
    print(f"  ranked ahead, held for Case work?  {'yes' if session.queue_cache.last_rescored else 'no'}")
    before = len(loaded)
    beat.reset()
    started, cpu = time.perf_counter(), time.process_time()
    console.tabs.setCurrentWidget(window.mainSplitter)
    if before:  # ranked at start: the tab only has to paint
        process()
    else:
        wait_until(lambda: len(loaded) > before, timeout_s=600)
    line("open 'Case work' until the queue shows", (time.perf_counter() - started) * 1000, beat.stall_ms(),
         f"{window.queue_model.rowCount():,} rows ranked; process CPU {(time.process_time() - cpu) * 1000:.0f} ms")
    cache = session.queue_cache
    print(f"  queue facts: {cache.last_kept:,} kept, {cache.last_derived:,} derived from documents, "
          f"{getattr(cache, 'last_light', 0):,} ranked undecoded")
    memory.point("main window + Case work")
    open_every_tab(console, tasks, skip=window.mainSplitter)
    console.tabs.setCurrentWidget(window.mainSplitter)
    process(50)
    memory.point("main window, every tab opened")
    # A sync while the lead is on the board, then "Case work" again: the queue is ranked anew
    # (a full build from the facts in memory) and replaces the one shown.
    console.tabs.setCurrentWidget(console.boardPage if hasattr(console, "boardPage") else console.casesPage)
    process(50)
    changed = console.cases_model.ids()[0]
    session.queue_cache.invalidate(SimpleNamespace(upserted=[changed], removed=[]))  # as the sync engine does
    window.events.cases_changed.emit(frozenset({changed}), frozenset())
    process(50)
    before = len(loaded)
    beat.reset()
    started, cpu = time.perf_counter(), time.process_time()
    console.tabs.setCurrentWidget(window.mainSplitter)
    wait_until(lambda: len(loaded) > before, timeout_s=600)
    line("Case work again after a sync, ranked anew", (time.perf_counter() - started) * 1000, beat.stall_ms(),
         f"process CPU {(time.process_time() - cpu) * 1000:.0f} ms")
    tasks.wait_idle(60_000)
    process(50)
    memory.point("Case work ranked anew")
    window.shutdown()
    window.deleteLater()
    process()


def bench_queue_only(path: Path, key: str, builds: int) -> None:
    """The "Case work" queue's build alone, headless: `builds` builds of the whole team's
    queue, each with a new cache as at a start (the facts kept in the store by an earlier
    build are read, not derived), then one in the next minute from the last build's cache."""
    import gc

    from agentdesk import clock
    from agentdesk.client.queue import QueueCache, build_queue
    from agentdesk.client.store import LocalStore
    from agentdesk.domain import compliance

    store = LocalStore(path, key)
    policy = compliance.load_policy("china")
    now = clock.now()
    took: list[float] = []
    cache: QueueCache | None = QueueCache()
    try:
        for n in range(builds):
            # The last build's cache goes (a build freezes what it leaves alive, and a cache
            # holds cycles: `queue._collector_paused`), so the figures are one start's.
            del cache
            gc.unfreeze()
            gc.collect()
            cache = QueueCache()
            started = time.perf_counter()
            rows = build_queue(store, policy, now, "all", "", "lead01", cache)
            took.append(time.perf_counter() - started)
            print(f"  start build {n + 1}: {took[-1] * 1000:8.1f} ms  {len(rows):,} rows; facts {cache.last_kept:,} "
                  f"kept, {cache.last_derived:,} derived, {getattr(cache, 'last_light', 0):,} ranked undecoded; "
                  f"RSS {_status_kb('VmRSS') / 1024:.1f} MB")
        started = time.perf_counter()
        build_queue(store, policy, now + timedelta(minutes=1), "all", "", "lead01", cache)
        print(f"  next minute:   {(time.perf_counter() - started) * 1000:8.1f} ms")
        print(f"  start builds, median {statistics.median(took) * 1000:.1f} ms (RSS: the first build's is a "
              "start's; later ones keep what the earlier builds' freed memory left mapped)")
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--attempts", type=int, default=3, help="at most this many attempts per case")
    parser.add_argument("--shot", type=Path, help="save a PNG of the console's grid here")
    parser.add_argument("--no-case-work", action="store_true", help="skip the lead main window part")
    parser.add_argument("--language", default="en", help="en or zh_CN (the figures do not depend on it)")
    parser.add_argument("--trace", action="store_true", help="tracemalloc's top allocation sites at each point")
    parser.add_argument("--maps", action="store_true", help="resident memory per mapping at each point")
    parser.add_argument("--open-after-idle", action="store_true",
                        help="open Case work once the window's background work is done, not 1.5 s after it shows")
    parser.add_argument("--queue-only", type=int, metavar="BUILDS",
                        help="only time the Case work queue's build, headless (no Qt), this many times")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path, key = cached_store(args.cases, args.attempts)
    if args.queue_only:
        bench_queue_only(path, key, args.queue_only)
        return

    with tempfile.TemporaryDirectory(prefix="agentdesk-bench-home-") as home:
        os.environ["AGENTDESK_HOME"] = home
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from agentdesk.desktop import i18n, theme

        default = qInstallMessageHandler(None)
        qInstallMessageHandler(lambda kind, ctx, msg: None if "propagateSizeHints" in msg
                               else default(kind, ctx, msg) if default else print(msg, file=sys.stderr))
        app = QApplication.instance() or QApplication([sys.argv[0]])
        app.setApplicationName("AgentDesk-bench")
        i18n.install_translators(args.language)
        theme.apply_theme(app, "light")
        from agentdesk.desktop import lead_console, mainwindow  # noqa: F401 - in the baseline, not the data

        memory = Memory(args.trace, args.maps)
        session = lead_session(path, key)
        process()
        memory.start()
        try:
            bench_grid(session, args.shot, memory)
            if not args.no_case_work:
                bench_case_work(session, args.language, memory, args.open_after_idle)
            memory.summary()
        finally:
            session.stop()


if __name__ == "__main__":
    main()
