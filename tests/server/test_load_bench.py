"""bench/bench_load.py, small: ten desks against `serve --workers 2` for a few seconds.

The bench's own functions run here so it cannot rot unnoticed; and what a call centre would
notice holds even at this size: every desk's stream opens, no request fails, and every call
outcome the server said it applied is in the database (none lost, none left unanswered).
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import fresh_postgres_database

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "bench_load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_load", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.postgres
def test_ten_desks_lose_no_outcome_and_see_no_error(postgres_url: str) -> None:
    bench = _bench()
    with fresh_postgres_database(postgres_url) as url:
        accounts = bench.seed(url, accounts=10, cases=60)
        assert all(a.cases for a in accounts), "every bench desk holds cases it can record calls on"
        with bench.running_server(url, workers=2) as base:
            storm = asyncio.run(bench.login_storm(base, accounts))
            tally, window = asyncio.run(bench.run_desks(base, accounts, 5.0, poll_seconds=1.0, push_seconds=2.0))
        stored = bench.count_attempts(url, tally.applied)

    assert not storm.errors and len(storm.latencies["login"]) == 10
    assert not tally.errors, tally.errors
    assert tally.streams_open == 10
    assert tally.pushes_sent >= 10 and tally.pushes_answered == tally.pushes_sent
    assert len(tally.applied) == tally.pushes_sent
    assert stored == len(tally.applied), "an outcome the server applied is missing from the database"
    assert tally.pokes >= 1, "a desk's own outcome pokes its stream"
    assert tally.latencies["pull"] and tally.latencies["ping"]
    assert window >= 5.0
