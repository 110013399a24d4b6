"""Where the GUI thread's CPU goes when a case opens (issue 20): a breakdown, not a figure.

bench_workstation.py says how long an open takes; this says what in it costs. It drives
the same window on the same store (5,000 cases, 100,000 attempts, offscreen) and opens
random queue rows, each until the paint pass that shows it has ended (the bench's own
probe), then reports per open:

* the GUI thread's CPU time, and the part spent synchronously in `select_case`;
* the same split by whether the talk track showed another kept card set (a switch of
  track: `TalkTrackPanel._show_set` shows a hidden container) or refilled the one on screen;
* the CPU inside the desk's own steps (the case panel's `show_case` and its parts, the
  talk track, the wrap-up form, the store read), timed around each call;
* with `--events`: the CPU between one event the application delivers and the next,
  summed by (event type, receiver class, object name; a scroll area's viewport is named
  after its view). An event's share is its handler's work up to the next event,
  including the synchronous code that follows it: read it as "where", not "exactly".

The timers wrap the desk's methods (a thread-CPU clock read around each call, ~1 µs);
nothing is replaced. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/profile_open.py [--opens 200] [--events] [--lang en]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_workstation as bw  # noqa: E402 - after the path


def timed(spent: dict[str, float], owner: Any, name: str, label: str) -> None:
    """Add the thread CPU time of every call of `owner.name` to `spent[label]`."""
    original: Callable[..., Any] = getattr(owner, name)

    def call(*args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.thread_time() - started

    setattr(owner, name, call)


def time_the_desk(spent: dict[str, float]) -> None:
    from agentdesk.desktop import case_panel, mainwindow, noteform, talktrack_panel

    panel, track = case_panel.CasePanel, talktrack_panel.TalkTrackPanel
    for owner, name, label in (
        (mainwindow, "read_for_desk", "store read and parse (read_for_desk)"),
        (panel, "show_case", "case panel: show_case"),
        (panel, "_show_timeline", "  timeline: entries and layout"),
        (panel, "_select_contact", "  contacts: select the number, the guard's verdict"),
        (panel, "refresh_verdict", "    the guard's verdict and budgets"),
        (case_panel._RowsModel, "set_rows", "  contacts and accounts tables: set_rows"),
        (noteform.NoteForm, "set_case", "wrap-up form: set_case"),
        (mainwindow.MainWindow, "_show_track", "talk track: pick, render and show"),
        (track, "show_track", "  show_track"),
        (track, "_refill", "    refill the cards' texts"),
        (track, "_show_set", "    show another kept card set"),
    ):
        spent[label] = 0.0  # reported in this order
        timed(spent, owner, name, label)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opens", type=int, default=200)
    parser.add_argument("--events", action="store_true", help="also the CPU per delivered event")
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args()
    from PySide6.QtCore import QObject

    with tempfile.TemporaryDirectory(prefix="agentdesk-profile-open-") as tmp:
        folder = Path(tmp)
        os.environ["AGENTDESK_HOME"] = str(folder / "home")
        spec = bw.build_store(folder, 5_000, 100_000)
        app, settings = bw.start_application(args.lang)
        window = bw.make_window(bw.open_session(spec), settings, args.lang)
        probe = bw.Probe(app, window)
        probe.arm()
        probe.shown()
        probe.idle(300)

        spent: dict[str, float] = defaultdict(float)
        time_the_desk(spent)
        per_event: dict[tuple[str, str, str], float] = defaultdict(float)
        counted: dict[tuple[str, str, str], int] = defaultdict(int)
        current: list[Any] = [None, 0.0]  # the event whose handler runs now, since when (CPU)

        def close(at: float) -> None:
            if current[0] is not None:
                per_event[current[0]] += at - current[1]
                counted[current[0]] += 1
            current[0] = None

        class _PerEvent(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt override
                if current[0] is None:
                    return False
                if probe.shown_at is not None:
                    close(probe.shown_cpu)
                    return False
                now = time.thread_time()
                close(now)
                name = obj.objectName()
                if name == "qt_scrollarea_viewport" and obj.parent() is not None:
                    name = f"viewport of {obj.parent().objectName()}"
                current[0], current[1] = (event.type().name, type(obj).__name__, name), now
                return False

        watcher = _PerEvent()
        if args.events:
            app.installEventFilter(watcher)

        rnd = random.Random(7)
        rows = window.queue_model.rows()
        total: list[float] = []
        sync: list[float] = []
        by_set: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.opens):
            case_id = rnd.choice(rows).case_id
            if case_id == window.current_case:
                continue
            probe.arm(case_id)
            cards_before = window.track_panel._shown
            started = time.thread_time()
            current[0], current[1] = ("select_case, synchronously until its first event", "", ""), started
            window.select_case(case_id)
            sync.append((time.thread_time() - started) * 1000)
            probe.shown()
            close(probe.shown_cpu)
            total.append((probe.shown_cpu - started) * 1000)
            by_set[window.track_panel._shown is not cards_before].append(total[-1])
            probe.idle()
        window.shutdown()

    n = len(total)
    print(f"{n} opens, {args.lang}, offscreen; CPU of the GUI thread per open, select to shown")
    print(f"  all                        : median {statistics.median(total):5.2f} ms, mean {sum(total) / n:5.2f} ms")
    print(f"  select_case, synchronously : median {statistics.median(sync):5.2f} ms, mean {sum(sync) / n:5.2f} ms")
    for switched, label in ((False, "same card set refilled"), (True, "another kept card set shown")):
        values = by_set[switched]
        if values:
            print(f"  {label:<27}: median {statistics.median(values):5.2f} ms, n={len(values)}")
    print("inside the desk's steps (mean per open):")
    for label, seconds in spent.items():
        print(f"  {seconds / n * 1000:6.3f} ms  {label}")
    if args.events:
        print("per delivered event, until the next one (mean per open; the 25 largest):")
        for key, seconds in sorted(per_event.items(), key=lambda kv: -kv[1])[:25]:
            print(f"  {seconds / n * 1000:6.3f} ms  {counted[key] / n:5.2f}/open  {' · '.join(k for k in key if k)}")


if __name__ == "__main__":
    main()
