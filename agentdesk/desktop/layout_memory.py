"""The desk's layout, remembered per user: queue column widths and pane sizes.

An agent who widened "Next call" or narrowed the queue pane finds it so at the next start;
nothing else moves them: the queue pane keeps its width when a case with a long name opens
or the theme changes (its splitter stretch is 0 and its size is the user's, not the content's).
Kept in the desktop's settings file (`Settings`), keyed by user name so two agents sharing a
computer each keep theirs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView, QSplitter

from agentdesk.desktop.settings import Settings

SETTING = "layouts"


def _widths(header: QHeaderView, skip: int | None) -> list[int]:
    return [header.sectionSize(i) if i != skip else 0 for i in range(header.count())]


def save(settings: Settings, username: str, header: QHeaderView, splitters: dict[str, QSplitter],
         stretched: int | None = None) -> None:
    """Store the columns' widths (the stretched column's is the window's business) and each
    splitter's sizes under the user's name."""
    layouts = dict(settings.get(SETTING))
    layouts[username] = {"queue_columns": _widths(header, stretched),
                         **{name: list(s.sizes()) for name, s in splitters.items()}}
    settings.set(SETTING, layouts)


def restore(settings: Settings, username: str, header: QHeaderView, splitters: dict[str, QSplitter],
            stretched: int | None = None) -> bool:
    """Put back what `save` stored; False when the user has nothing stored (or it no longer fits:
    another number of columns or panes, after an update)."""
    mine: Any = settings.get(SETTING).get(username)
    if not isinstance(mine, dict):
        return False
    columns = mine.get("queue_columns")
    restored = False
    if _fits(columns, header.count()):
        for i, width in enumerate(columns):
            if i != stretched and width > 0:
                header.resizeSection(i, width)
        restored = True
    for name, splitter in splitters.items():
        sizes = mine.get(name)
        if _fits(sizes, splitter.count()) and sum(sizes) > 0:
            splitter.setSizes(sizes)
            restored = True
    return restored


def _fits(values: Any, count: int) -> bool:
    return isinstance(values, list) and len(values) == count and all(
        isinstance(v, int) and 0 <= v <= 10_000 for v in values)
