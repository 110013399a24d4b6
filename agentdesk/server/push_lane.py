"""Pushes run in a lane of their own: a few threads, apart from the thread pool of every
other route.

Every write takes the change counter's row lock until it commits, so writes go one at a
time through their last statements (change_numbers.py takes the number just before COMMIT,
which keeps that stretch short). With 500 desks (bench/bench_load.py), when the number was
still taken mid-transaction, dozens of pushes sat in the shared pool waiting for that lock, each holding one of its 40
threads and a database connection; pulls then waited for a thread, for 10 to 30 seconds,
and the lock holder itself got the interpreter lock one turn in forty. In a lane of
PUSH_THREADS the waiting pushes queue on the event loop instead (no thread, no
connection), and pulls, logins and event streams keep the shared pool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio.to_thread
from anyio import CapacityLimiter

T = TypeVar("T")
PUSH_THREADS = 4


class PushLane:
    """One per app (each API process): its own limiter, made on first use inside the loop."""

    def __init__(self, threads: int = PUSH_THREADS) -> None:
        self.threads = threads
        self._limiter: CapacityLimiter | None = None

    async def run(self, work: Callable[[], T]) -> T:
        if self._limiter is None:
            self._limiter = CapacityLimiter(self.threads)
        return await anyio.to_thread.run_sync(work, limiter=self._limiter)
