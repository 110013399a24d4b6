"""Item views that scroll by moving pixels, so a scroll repaints only the rows it uncovers.

Why: with the program's style sheet a view's viewport is not opaque to Qt (the sheet, not
the palette, paints its background), and Qt then repaints the whole viewport on every
scroll. In the queue, an arrow key at the last visible row scrolls by one row and asked
the model for every visible cell again (~1,000 `data()` calls, most of a frame). Marked
opaque, the viewport is scrolled by copying what is already drawn, and only the uncovered
row and the rows whose selection changed are painted. An opaque widget must paint all of
its area itself: the area each paint covers is filled here with the view's background first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from agentdesk.desktop import theme


class _Background(QObject):
    """Fills the area a paint event repaints with the view's background, before the view
    draws its rows there (rows without a colour of their own rely on it)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            painter = QPainter(obj)
            painter.fillRect(event.rect(), theme.color("surface"))  # type: ignore[attr-defined]
            painter.end()
        return False


def scroll_by_blit(view: QAbstractItemView) -> None:
    """Make `view` scroll by copying pixels (see the module's docstring)."""
    viewport = view.viewport()
    viewport.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
    viewport.installEventFilter(_Background(view))


def header_apart_from_selection(view: QTableView) -> None:
    """Give `view`'s column header a selection model of its own, so selecting a row no longer
    repaints the whole header.

    Why: the header shares the view's selection model and repaints the sections a selection
    change covers; a whole row covers every column, so each case opened redrew the header
    (0.2-0.6 ms of the frame, issue 20). Its sections are never highlighted
    (`setHighlightSections(False)`), so what it shows does not depend on the selection.
    Call it after `setModel`, which hands the header the view's selection model again."""
    header = view.horizontalHeader()
    assert not header.highlightSections(), "a highlighting header needs the view's selection"
    header.setSelectionModel(QItemSelectionModel(view.model(), header))
