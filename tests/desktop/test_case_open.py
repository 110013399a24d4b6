"""Opening a case in the window reads and parses it once (issue 20: it was twice, once for
the case panel and once more for the talk track), and what every panel shows is that one
read: the header, the timeline and the talk track name the same debtor and history."""

from __future__ import annotations

from typing import Any

import pytest

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
