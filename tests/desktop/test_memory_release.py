"""After a large load the desk hands freed memory back (issue 20: a lead's 100k cases in 300 MB).

glibc keeps what Python frees in its heap; without `malloc_trim` the desk's resident size
only ever grows with each team grid, queue or report it builds and drops.
"""

from __future__ import annotations

import gc
import sys

import pytest

from agentdesk.client import memory
from agentdesk.desktop import tasks as tasks_module
from agentdesk.desktop.tasks import Tasks

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for the resident size")


def _load() -> list[dict[str, object]]:
    """A team's worth of documents, as a grid load makes and drops them (kept every 50th,
    as a view keeps a few rows: the heap is fragmented, nothing is at its top)."""
    return [{"id": str(i), "doc": "案" * 350 + str(i), "n": list(range(60))} for i in range(150_000)]


def test_a_large_job_s_freed_memory_goes_back_to_the_system(qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(tasks_module, "LARGE_JOB_S", 0.0)  # every job counts as large: timing is not the point
    tasks = Tasks()
    kept: list[object] = []
    sizes: dict[str, int] = {}

    def arrived(rows: list[dict[str, object]]) -> None:
        kept.extend(rows[::50])  # what the view keeps
        rows.clear()
        gc.collect()
        sizes["after_callback"] = memory.resident_bytes() or 0

    tasks.run(_load, arrived)
    qtbot.waitUntil(lambda: tasks.releases == 1 and "after_callback" in sizes, timeout=60_000)
    assert tasks.wait_idle(30_000)
    released = memory.resident_bytes() or 0
    assert sizes["after_callback"] - released > 100 * 2**20, (sizes, released)
    assert len(kept) == 3000


def test_a_quick_job_does_not_walk_the_heap(qtbot) -> None:  # noqa: ANN001
    tasks = Tasks()
    results: list[int] = []
    tasks.run(lambda: 1 + 1, results.append)
    qtbot.waitUntil(lambda: results == [2])
    assert tasks.wait_idle(5_000) and tasks.releases == 0
