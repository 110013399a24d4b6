"""Labels whose text the agent can select with the mouse, without a text document until
the mouse is over them.

Why: a QLabel that lets the mouse select its text keeps a QTextDocument (Qt's text
control) and builds and lays it out again on every `setText`. The debtor's name and ID
line and every line of the talk track get a new text on each case opened, and that was a
visible part of the paint pass that shows the case (issue 20, bench_workstation.py). A
label without the control draws the same pixels (offscreen screenshots compared).

So such a label is plain while nobody points at it; selection is switched on when the
mouse enters it (before any press can start a selection) and off when it leaves. A new
text set while the mouse is over the label keeps the selection, so it never goes away
under the agent's pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

_PLAIN = Qt.TextInteractionFlag.NoTextInteraction
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class _SelectOnHover(QObject):
    """Switches a label's mouse selection on while the mouse is over it."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Enter and isinstance(obj, QLabel):
            obj.setTextInteractionFlags(_SELECTABLE)
        elif kind == QEvent.Type.Leave and isinstance(obj, QLabel) and not obj.hasSelectedText():
            obj.setTextInteractionFlags(_PLAIN)
        return False


def selectable_on_hover(label: QLabel) -> None:
    """Make `label`'s text selectable with the mouse, the control made only on hover."""
    label.setTextInteractionFlags(_SELECTABLE if label.underMouse() else _PLAIN)
    label.installEventFilter(_SelectOnHover(label))


def set_text(label: QLabel, text: str) -> None:
    """Show `text`; a label nobody points at (or has text selected in) stays without a text document."""
    if label.text() == text:
        return
    if not label.underMouse() and label.textInteractionFlags() != _PLAIN:
        label.setTextInteractionFlags(_PLAIN)  # drops the control and its document
    label.setText(text)
