"""The case's contact history on screen: a list model of `TimelineEntry`s and the delegate
that draws one entry (time, a dot in the entry's tone, title, facts, flags, the note).

Why not rich text: `QTextEdit.setHtml` laid out the whole history on every case opened
(6 ms at the median, more for a long history). A list view lays out and paints only the
rows on screen. A long history comes in parts: the model holds the newest `FIRST_ROWS`
entries when the case opens (more than fit on screen), measured and painted in the first
frame, and the case panel appends the older ones a part per event-loop turn
(`append_more`), so a history of hundreds of calls opens as fast as one of three.
Not QListView's `Batched` layout: while its batches ran (a dozen turns for 300 calls)
the view painted no row at all, so the first frames showed an empty history.

Each row reads, left to right: when (the agent's time, muted), a dot coloured by the
entry's tone, the title in bold followed by its facts (muted), "● not yet synced" (warn)
for a write still in the outbox; then, on lines of their own, the problem (danger: a
rejection or the guard's flag) and the note's text. Colours come from the active scheme
(`theme.read_colors`); a screen reader hears the same as one line (`AccessibleTextRole`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from agentdesk.desktop import labels, theme
from agentdesk.desktop.timeline import TimelineEntry

translate = QCoreApplication.translate
_Index = QModelIndex | QPersistentModelIndex

# Geometry of one row, as the HTML table had it: a fixed time column, the dot, the text.
PAD_Y = 5
TIME_X = 2
TIME_W = 92
DOT_W = 16
RIGHT_PAD = 4
# Entries in the model when a case opens: what the view's height holds (a row is one line
# at least, `rows_that_fit`), at most this many, measured and drawn in the first frame;
# then older entries, a part per turn.
FIRST_ROWS = 24
MORE_ROWS = 64
# At least this many rows (a view squeezed small by the window).
FEWEST_FIRST_ROWS = 8


def rows_that_fit(view: QAbstractItemView) -> int:
    """The rows to lay out when a case opens: as many one-line rows as the view's height
    holds, and one more (no more than `FIRST_ROWS`). Each one measured is a text layout
    in the block that shows the case; rows below the fold come with the older entries."""
    if not view.isVisible():  # not laid out yet: its height says nothing
        return FIRST_ROWS
    line = view.fontMetrics().lineSpacing() + 2 * PAD_Y
    fit = view.viewport().height() // max(1, line) + 1
    return max(FEWEST_FIRST_ROWS, min(FIRST_ROWS, fit))


# Paragraphs laid out, kept by their text, formats, width and font (see `TimelineDelegate._block`).
KEPT_BLOCKS = 512


class TimelineModel(QAbstractListModel):
    """The history's entries, newest first; times are shown relative to `now` ("14:05",
    "03-12 14:05"), formatted once per row when first asked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self._rows = 0  # the newest entries that are rows so far
        self._now: datetime | None = None
        self._when: dict[int, str] = {}

    def set_entries(self, entries: Sequence[TimelineEntry], now: datetime, first: int | None = None) -> None:
        """All of `entries`, or only the newest `first` rows until `append_more` brings the rest."""
        self.beginResetModel()
        self._entries = list(entries)
        self._rows = len(self._entries) if first is None else min(first, len(self._entries))
        self._now = now
        self._when = {}
        self.endResetModel()

    def complete(self) -> bool:
        """Every entry is a row (the older ones come in parts after a case opens)."""
        return self._rows == len(self._entries)

    def append_more(self, count: int) -> None:
        """Append the next `count` older entries as rows."""
        end = min(len(self._entries), self._rows + count)
        if end > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, end - 1)
            self._rows = end
            self.endInsertRows()

    def entry_count(self) -> int:
        """The entries of the history, rows or not yet."""
        return len(self._entries)

    def entry(self, row: int) -> TimelineEntry:
        return self._entries[row]

    def when(self, row: int) -> str:
        text = self._when.get(row)
        if text is None:
            assert self._now is not None
            text = self._when[row] = labels.short_time(self._entries[row].at, self._now)
        return text

    def entry_text(self, row: int) -> str:
        """The row as one line of plain text: what a screen reader says and Ctrl+C copies."""
        e = self._entries[row]
        parts = [self.when(row), " ".join(x for x in (e.title, e.detail) if x)]
        if e.pending:
            parts.append("● " + translate("Timeline", "not yet synced"))
        parts += [x for x in (e.problem, e.body) if x]
        return " · ".join(parts)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._rows

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.entry_text(index.row())
        return None


class _Row:
    """One entry laid out at one width: its text blocks and its height."""

    __slots__ = ("blocks", "first_line", "height", "width")

    def __init__(self, blocks: list[tuple[QTextLayout, float]], height: int, width: int) -> None:
        self.blocks, self.height, self.width = blocks, height, width
        first = blocks[0][0]
        self.first_line = first.lineAt(0).height() if first.lineCount() else blocks[0][1]


class TimelineDelegate(QStyledItemDelegate):
    """Draws a `TimelineModel` row; keeps each row's text layout until the width, the
    scheme or the rows change, so painting a row that was measured costs no new layout.

    A history repeats itself: the same outcome on the same number by the same agent, the
    same short note. A paragraph laid out once (its runs, width and font the same) is
    drawn again for every row and every case that has it, not laid out again: a laid-out
    `QTextLayout` is only read when drawn. The last `KEPT_BLOCKS` paragraphs are kept."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._rows: dict[int, _Row] = {}
        self._blocks: OrderedDict[tuple[tuple[tuple[str, str], ...], int, str], tuple[QTextLayout, float]] = (
            OrderedDict())
        self._scheme = ""
        self._colors: dict[str, QColor] = {}
        self._tone: dict[str, QColor] = {}
        self._bold = QFont()
        self._formats: dict[str, QTextCharFormat] = {}
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def forget(self) -> None:
        """The rows changed: measure them again."""
        self._rows.clear()

    def _model(self) -> TimelineModel:
        model = self._view.model()
        assert isinstance(model, TimelineModel)
        return model

    def _text_width(self) -> int:
        return max(40, self._view.viewport().width() - TIME_X - TIME_W - DOT_W - RIGHT_PAD)

    def _theme(self) -> None:
        app = QApplication.instance()
        scheme = str((app.property("agentdeskScheme") if app else None) or "light")
        if scheme == self._scheme:
            return
        self._scheme = scheme
        self._rows.clear()
        self._blocks.clear()  # laid out with the other scheme's colours
        self._colors = {k: QColor(v) for k, v in theme.read_colors(scheme).items()}
        c = self._colors
        self._tone = {"ok": c["ok"], "warn": c["warn"], "danger": c["danger"], "accent": c["accent"],
                      "": c["faint"]}
        self._formats = {}
        for name, color, bold in (("title", "text", True), ("muted", "muted", False), ("warn", "warn", False),
                                  ("danger", "danger", False), ("text", "text", False)):
            fmt = QTextCharFormat()
            fmt.setForeground(QBrush(c[color]))
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            self._formats[name] = fmt

    def _block(self, runs: tuple[tuple[str, str], ...], width: int, font: QFont, font_key: str,
               ) -> tuple[QTextLayout, float]:
        """One paragraph of (text, format name) runs, wrapped at `width`: the one laid out
        before for the same runs, width and font (`font_key`), or a new one."""
        key = (runs, width, font_key)
        kept = self._blocks.get(key)
        if kept is not None:
            self._blocks.move_to_end(key)
            return kept
        kept = self._blocks[key] = self._new_block(runs, width, font)
        if len(self._blocks) > KEPT_BLOCKS:
            self._blocks.popitem(last=False)
        return kept

    def _new_block(self, runs: tuple[tuple[str, str], ...], width: int, font: QFont) -> tuple[QTextLayout, float]:
        """The paragraph laid out: its layout and its height."""
        text = "".join(t for t, _ in runs)
        layout = QTextLayout(text, font)
        layout.setTextOption(self._option)
        ranges, start = [], 0
        for part, fmt in runs:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, len(part), self._formats[fmt]
            ranges.append(r)
            start += len(part)
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout, y

    def _row(self, row: int, font: QFont) -> _Row:
        self._theme()
        width = self._text_width()
        cached = self._rows.get(row)
        if cached is not None and cached.width == width:
            return cached
        e = self._model().entry(row)
        first = [(e.title, "title")]
        if e.detail:
            first.append((" " + e.detail, "muted"))
        if e.pending:
            first.append(("  ● " + translate("Timeline", "not yet synced"), "warn"))
        font_key = font.key()
        blocks = [self._block(tuple(first), width, font, font_key)]
        if e.problem:
            blocks.append(self._block(((e.problem, "danger"),), width, font, font_key))
        if e.body:
            blocks.append(self._block(((e.body, "text"),), width, font, font_key))
        height = int(sum(h for _, h in blocks) + 0.999) + 2 * PAD_Y
        cached = self._rows[row] = _Row(blocks, height, width)
        return cached

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802 - Qt override
        row = self._row(index.row(), option.font)  # type: ignore[attr-defined]
        return QSize(self._view.viewport().width(), row.height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        row = self._row(index.row(), option.font)  # type: ignore[attr-defined]
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(rect, self._colors["selection"])
        top = rect.top() + PAD_Y
        first_height = row.first_line  # the time and the dot sit on the title's line
        painter.setPen(self._colors["muted"])
        painter.setFont(option.font)  # type: ignore[attr-defined]
        painter.drawText(QRectF(rect.left() + TIME_X, top, TIME_W - TIME_X - 8, first_height),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self._model().when(index.row()))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._tone.get(self._model().entry(index.row()).tone, self._tone[""]))
        size = max(6.0, first_height * 0.5)
        painter.drawEllipse(QRectF(rect.left() + TIME_W, top + (first_height - size) / 2, size, size))
        x, y = rect.left() + TIME_W + DOT_W, float(top)
        for layout, height in row.blocks:
            layout.draw(painter, QPointF(x, y))
            y += height
        painter.restore()
