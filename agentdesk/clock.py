"""The one source of "now" for the client, the desktop and the server.

The domain never asks for the time: its functions take `now` from their caller. Every
caller above it gets `now` from a `Clock` it was given (constructor argument), and the
default is the *process clock* defined here. Nothing else in the program reads the wall
clock (a test scans for it), so moving this clock moves everything: compliance windows,
the debtor's "today", token lifetimes, the demo seed, the server's timestamps.

`AGENTDESK_NOW` (an ISO 8601 instant with its offset, e.g. `2026-12-02T15:30:00Z`) starts
the process clock at that instant; it then runs on at the machine's pace. The test suite
and the demo honour it, so a run can be placed inside China's quiet hours or on a US
clock-change night at any hour of the real day. A production server refuses to start
with it set (`agentdesk-server serve`): a server whose clock is not the real one would
judge contact hours wrongly.

Durations (timeouts, retries, frame timings) use `time.monotonic()`/`perf_counter()`
and are not "now": they are unaffected and stay as they are.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol, runtime_checkable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "NOW_ENV",
    "Clock",
    "ClockError",
    "FixedClock",
    "RunningClock",
    "SystemClock",
    "clock_from_environment",
    "local_today",
    "now",
    "parse_instant",
    "process_clock",
    "set_process_clock",
    "shifted_by_environment",
]

NOW_ENV = "AGENTDESK_NOW"


class ClockError(ValueError):
    """A clock setting that cannot be used; the message says what to write instead."""


@runtime_checkable
class Clock(Protocol):
    """Something that tells the current instant, timezone-aware, in UTC."""

    def now(self) -> datetime: ...


class SystemClock:
    """The machine's wall clock. The only place that reads it."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def __repr__(self) -> str:
        return "SystemClock()"


class RunningClock:
    """Starts at `start` and runs on at the machine's pace (monotonic time, so changes to
    the machine's clock while it runs do not move it)."""

    def __init__(self, start: datetime) -> None:
        _require_aware(start)
        self._start = start.astimezone(UTC)
        self._origin = time.monotonic()

    @property
    def start(self) -> datetime:
        return self._start

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._origin)

    def __repr__(self) -> str:
        return f"RunningClock(start={self._start.isoformat()})"


class FixedClock:
    """Stands still until moved: for tests that are about an exact instant."""

    def __init__(self, at: datetime) -> None:
        _require_aware(at)
        self._at = at.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._at

    def set(self, at: datetime) -> None:
        _require_aware(at)
        with self._lock:
            self._at = at.astimezone(UTC)

    def advance(self, delta: timedelta) -> datetime:
        with self._lock:
            self._at += delta
            return self._at

    def __repr__(self) -> str:
        return f"FixedClock({self._at.isoformat()})"


def _require_aware(value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ClockError(f"{value.isoformat()} has no time zone: give the instant with its offset, e.g. 'Z'")


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant with its offset (`2026-12-02T15:30:00Z`, `…+08:00`), as UTC."""
    cleaned = text.strip()
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ClockError(
            f"'{text}' is not an ISO 8601 instant: write it like 2026-12-02T15:30:00Z "
            "(UTC) or 2026-12-02T23:30:00+08:00"
        ) from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ClockError(
            f"'{text}' has no time zone, so it names no single instant: add 'Z' for UTC or an "
            "offset such as '+08:00'"
        )
    return value.astimezone(UTC)


def clock_from_environment(environ: Mapping[str, str] | None = None) -> Clock:
    """A running clock from `AGENTDESK_NOW` when it is set, else the system clock."""
    env = os.environ if environ is None else environ
    text = env.get(NOW_ENV, "").strip()
    if not text:
        return SystemClock()
    return RunningClock(parse_instant(text))


def shifted_by_environment(environ: Mapping[str, str] | None = None) -> bool:
    """True when `AGENTDESK_NOW` moves the clock (a production server refuses to start)."""
    env = os.environ if environ is None else environ
    return bool(env.get(NOW_ENV, "").strip())


_lock = threading.Lock()
_process: Clock | None = None


def process_clock() -> Clock:
    """The process-wide default clock, made from the environment on first use."""
    global _process
    with _lock:
        if _process is None:
            _process = clock_from_environment()
        return _process


def set_process_clock(clock: Clock | None) -> Clock | None:
    """Replace the process clock (None: made again from the environment on next use).

    Returns the previous one, so a test fixture can restore it.
    """
    global _process
    with _lock:
        previous, _process = _process, clock
        return previous


class _ProcessClock:
    """A clock that asks the process clock each time: the default every object holds, so a
    test that pins the process clock moves objects made before it too."""

    def now(self) -> datetime:
        return process_clock().now()

    def __repr__(self) -> str:
        return f"ProcessClock({process_clock()!r})"


PROCESS: Clock = _ProcessClock()


def now() -> datetime:
    """The process clock's instant (UTC, aware)."""
    return process_clock().now()


def local_today(zone: str | tzinfo, clock: Clock | None = None) -> date:
    """Today's date in `zone` (an IANA name or tzinfo): a debtor's or an agent's day."""
    if isinstance(zone, str):
        try:
            zone = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ClockError(f"unknown time zone '{zone}': use an IANA name such as 'Asia/Shanghai'") from exc
    return (clock or PROCESS).now().astimezone(zone).date()
