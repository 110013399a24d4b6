"""Run a write transaction again when PostgreSQL broke a lock cycle by failing it.

Two writers that lock the same rows in different orders (a push touching a person's two
cases, another touching them the other way round, or a document rebuild) wait for each
other; PostgreSQL ends that after `deadlock_timeout` by failing one of them with SQLSTATE
40P01 (or 40001 for a serialization failure). The failed transaction was rolled back whole,
so running it again is safe, and the desk's mutation carries its own id besides. Seen under
500 simulated desks (bench/bench_load.py): without this the desk got HTTP 500 and sent the
outcome again a minute later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

T = TypeVar("T")
RETRIED_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock_detected, serialization_failure
TRIES = 5  # a cycle costs ~deadlock_timeout (1 s) per try; 3 ran out once in a 500-desk run (session 10)


def lock_conflict(exc: BaseException) -> bool:
    """Whether the database failed this transaction only to break a lock cycle."""
    return isinstance(exc, OperationalError) and getattr(exc.orig, "sqlstate", None) in RETRIED_SQLSTATES


def retrying(work: Callable[[], T], tries: int = TRIES) -> T:
    """`work()` (one whole transaction), run again up to `tries` times in all on a lock conflict."""
    for attempt in range(1, tries + 1):
        try:
            return work()
        except OperationalError as exc:
            if not lock_conflict(exc) or attempt == tries:
                raise
            log.warning("a write transaction was chosen to break a lock cycle; running it again (%d of %d)",
                        attempt + 1, tries)
    raise AssertionError("unreachable")
