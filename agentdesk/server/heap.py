"""A served process's heap, settled once the app is built: out of the collector's full passes.

Why (issue 20, push p99 at 500 desks): a worker holds ~240,000 objects that live as long
as it does (modules, classes, pydantic and SQLAlchemy models, the app), and Python's full
collection walks all of them: 130-270 ms with the event loop stopped, a few times a minute
under load (measured with `gc.callbacks` in both workers of `bench/bench_load.py`), which
was the tail of the pushes' p99. Frozen once the app is built they are never walked again;
a full pass then walks what serving made since.

Only for `agentdesk-server serve` (one process or each worker): the desktop's embedded
server shares the desk's process, whose heap the desk settles itself (mainwindow).
"""

from __future__ import annotations

import gc


def settle() -> int:
    """Configure the ORM's mappers (so what that builds is settled too), collect what the
    start left, and freeze the rest. Returns how many objects were frozen."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
