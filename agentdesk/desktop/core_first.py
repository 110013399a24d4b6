"""How a desk's start imports its modules (issue 20, cold start).

The Qt-free core first: once PySide6 is loaded it reads the source file of every module
imported after it, to see whether that module switches on one of its `__feature__`s
(PYSIDE-2029). For the client core, the domain rules, pydantic and numpy (~300 modules)
that was ~0.1 s of CPU at each start; modules already loaded when PySide6 comes are not
read. The window imports the same modules later; they are then already there.

What PySide6 read stays in the standard library's `linecache` (inspect.getsource fills
it): the window brings SQLAlchemy, a lead's console numpy and its own modules after Qt,
up to ~600 files, ~25 MB of line strings held for nothing (issue 20, a lead's memory). The
window calls `forget_read_sources` once it is built. A bundle (PyInstaller) has no source files to
read, so there the cache stays empty anyway.

And without the cycle collector: the imports make tens of thousands of objects (modules,
classes, functions) that live as long as the program, and the collector's ~150 young
passes over them found some 700 objects in cycles to free, for 0.06-0.2 s of a start.
"""

from __future__ import annotations

import gc
import linecache
from collections.abc import Iterator
from contextlib import contextmanager


def import_core() -> None:
    """Load the Qt-free modules the agent's window needs (call before importing PySide6)."""
    import agentdesk.client.caseview  # noqa: F401
    import agentdesk.client.recordings  # noqa: F401
    import agentdesk.client.session  # noqa: F401


def forget_read_sources() -> None:
    """Drop the source lines `linecache` keeps of files on disk (PySide6 read them at import).

    Only entries with a file's time stamp go: a traceback reads such a file again when it
    needs a line. Sources registered without a file (no time stamp) could not be read
    again and stay."""
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:
            linecache.cache.pop(name, None)


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
