"""How a desk's start imports its modules (issue 20, cold start).

The Qt-free core first: once PySide6 is loaded it reads the source file of every module
imported after it, to see whether that module switches on one of its `__feature__`s
(PYSIDE-2029). For the client core, the domain rules, pydantic and numpy (~300 modules)
that was ~0.1 s of CPU at each start; modules already loaded when PySide6 comes are not
read. The window imports the same modules later; they are then already there.

And without the cycle collector: the imports make tens of thousands of objects (modules,
classes, functions) that live as long as the program, and the collector's ~150 young
passes over them found some 700 objects in cycles to free, for 0.06-0.2 s of a start.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def import_core() -> None:
    """Load the Qt-free modules the agent's window needs (call before importing PySide6)."""
    import agentdesk.client.caseview  # noqa: F401
    import agentdesk.client.recordings  # noqa: F401
    import agentdesk.client.session  # noqa: F401


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off for the start's imports, back on after (if it was on)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
