"""Opening a case in the window reads and parses it once (issue 20: it was twice, once for
the case panel and once more for the talk track), and what every panel shows is that one
read: the header, the timeline and the talk track name the same debtor and history."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView, QWidget

from agentdesk.client import caseview
from agentdesk.desktop.app import DesktopApp
from tests.desktop.conftest import sign_in_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_a_case_opened_from_the_queue_is_parsed_once(qtbot, desktop: DesktopApp,  # noqa: ANN001
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = sign_in_demo(qtbot, desktop)
    parsed: list[str] = []
    real = caseview.case_detail

    def counting(doc: dict[str, Any]) -> Any:
        parsed.append(doc["id"])
        return real(doc)

    monkeypatch.setattr(caseview, "case_detail", counting)
    rows = window.queue_model.rows()
    target = next(r for r in rows[1:] if r.case_id != window.current_case)
    window.select_case(target.case_id)
    qtbot.waitUntil(lambda: window.current_case == target.case_id)

    assert parsed == [target.case_id], "one parse per open, shared by every panel"
    detail = window.case_panel.detail
    assert detail is not None and window.case_panel.debtorName.text() == detail.debtor_name
    assert len(window.case_panel.timeline_text()) == max(1, len(detail.attempts) + len(detail.notes)
                                                          + len(detail.promises) + len(detail.payments)
                                                          + len(detail.sms))
    track = window.track_panel.track
    assert track is not None
    assert any(detail.debtor_name in label.text() for label in window.track_panel._texts), \
        "the talk track is filled from the same read"


class _ScrollAtPaint(QObject):
    """Notes the queue's scroll position each time the case header's name is painted."""

    def __init__(self, name: QWidget, queue: QTableView) -> None:
        super().__init__(name)
        self.queue = queue
        self.seen: list[int] = []
        name.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.seen.append(self.queue.verticalScrollBar().value())
        return False


def test_a_case_far_down_the_queue_is_drawn_before_the_queue_scrolls_to_it(qtbot, desktop: DesktopApp) -> None:  # noqa: ANN001
    """Opening a case whose row is out of view (a search, "Next case" with the queue scrolled)
    shows the case in the first frame; the queue follows to its row, selected, in the next."""
    window = sign_in_demo(qtbot, desktop)
    view = window.queueView
    view.scrollToTop()
    rows = window.queue_model.rows()
    last = len(rows) - 1
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() == 0)
    assert not view.viewport().rect().intersects(view.visualRect(window.queue_model.index(last, 0))), \
        "the demo queue is longer than the view"
    target = rows[last].case_id
    assert target != window.current_case
    painted = _ScrollAtPaint(window.case_panel.debtorName, view)

    window.select_case(target)

    def row_in_view() -> bool:
        return view.viewport().rect().contains(view.visualRect(window.queue_model.index(last, 0)))

    qtbot.waitUntil(row_in_view)
    assert window.current_case == target
    assert window.case_panel.debtorName.text() == rows[last].debtor_name
    assert painted.seen and painted.seen[0] == 0, "the case is drawn before the queue moves"
    assert view.currentIndex().row() == last
    assert [i.row() for i in view.selectionModel().selectedRows()] == [last]
    assert view.hasAutoScroll(), "arrow keys and clicks still scroll the queue"
