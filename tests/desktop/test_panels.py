"""The case panel and the talk track panel stay quick on a long day without changing what
they show: cards are refilled for the same track; the timeline is a list view that shows
every entry of a long history at once, in the scheme's colours
(bench/bench_workstation.py measures both)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from agentdesk.client import caseview
from agentdesk.client.views import CaseDetail, NoteView, PaymentView, PromiseView, SmsView
from agentdesk.clock import FixedClock
from agentdesk.desktop import labels, theme, timeline_view
from agentdesk.desktop.case_panel import CasePanel
from agentdesk.desktop.talktrack_panel import TalkTrackPanel
from agentdesk.domain import compliance, talktracks
from agentdesk.domain.money import Money, bucket_for

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
NOW = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # 11:00 in Beijing


def _detail(n: int, *, attempts: int = 0, dpd: int = 20) -> CaseDetail:
    phone = f"p{n}"
    history = [
        {
            "id": f"a{n}-{i}",
            "started_at": (NOW - timedelta(hours=7 * i + 1)).isoformat(),
            "channel": "call",
            "contact_point_id": phone,
            "reached": "right_party" if i % 5 == 0 else "nobody",
            "outcome": "refusal" if i % 5 == 0 else "no_answer",
            "agent": "agent01",
            "note": f"第 {i} 次",
        }
        for i in range(attempts)
    ]
    doc: dict[str, Any] = {
        "id": f"case-{n}",
        "lender": "示例消费金融",
        "status": "open",
        "debtor": {"id": f"d{n}", "name": f"债务人{n}", "birth_date": "1985-01-01", "time_zone": "Asia/Shanghai"},
        "accounts": [
            {
                "id": f"acc{n}",
                "account_no": f"AC{n:08d}",
                "product": "现金贷",
                "currency": "CNY",
                "principal_minor": 200_000,
                "outstanding_minor": 200_000,
                "overdue_minor": 100_000 + n,
                "due_date": (date(2026, 3, 2) - timedelta(days=dpd)).isoformat(),
                "days_past_due": dpd,
                "bucket": bucket_for(dpd),
            }
        ],
        "contact_points": [
            {"id": phone, "kind": "phone", "value_masked": "138****0000", "owner": "debtor", "status": "valid"}
        ],
        "attempts": history,
    }
    return caseview.case_detail(doc)


def _track(detail: CaseDetail) -> tuple[talktracks.TalkTrack, tuple[talktracks.RenderedStep, ...]]:
    tracks = talktracks.load_tracks()
    track = talktracks.select_track(tracks, caseview.track_situation(detail))
    policy = compliance.load_policy("china")
    return track, talktracks.render(track, caseview.track_variables(detail, "坐席一号", "zh", policy), "zh")


def test_same_track_refills_its_cards_and_starts_over(qapp: QApplication) -> None:
    panel = TalkTrackPanel()
    first, second = _detail(1), _detail(2)
    track, steps = _track(first)
    panel.show_track(track, steps, "zh")
    cards = dict(panel._cards)
    boxes = panel.required_boxes()
    assert boxes, "the track has required lines"
    boxes[0].setChecked(True)
    panel.go_to(list(cards)[-1])
    progress: list[tuple[int, int]] = []
    panel.ticks_changed.connect(lambda done, total: progress.append((done, total)))

    track2, steps2 = _track(second)
    assert track2.id == track.id
    panel.show_track(track2, steps2, "zh")

    assert panel._cards == cards, "the same widgets, refilled"
    assert panel.ticked() == (0, len(boxes)), "a new case starts with nothing ticked"
    assert progress == [(0, len(boxes))], "one progress update, as for new cards"
    assert [card.property("current") for card in cards.values()] == [True] + [False] * (len(cards) - 1)
    texts = [label.text() for label in panel._texts]
    assert any("债务人2" in text for text in texts) and not any("债务人1" in text for text in texts)


def test_another_track_builds_new_cards(qapp: QApplication) -> None:
    panel = TalkTrackPanel()
    early, late = _detail(1, dpd=10), _detail(2, attempts=3, dpd=200)
    track, steps = _track(early)
    panel.show_track(track, steps, "zh")
    cards = dict(panel._cards)
    other, other_steps = _track(late)
    assert other.id != track.id
    panel.show_track(other, other_steps, "zh")
    assert set(panel._cards) == {s.id for s in other_steps}
    assert not set(map(id, panel._cards.values())) & set(map(id, cards.values()))
    panel.show_track(None, (), "zh")
    assert panel._cards == {} and panel.track is None


def test_going_back_to_a_track_shows_its_kept_cards_refilled(qapp: QApplication) -> None:
    """A queue mixes a few tracks: a track shown before comes back with its cards (not built
    again), this case's texts in them, nothing ticked, and only its cards on screen."""
    panel = TalkTrackPanel()
    panel.resize(380, 700)
    panel.show()
    early, late, early_again = _detail(1, dpd=10), _detail(2, attempts=3, dpd=200), _detail(3, dpd=12)
    track, steps = _track(early)
    panel.show_track(track, steps, "zh")
    cards = dict(panel._cards)
    panel.required_boxes()[0].setChecked(True)
    panel.go_to(list(cards)[-1])
    other, other_steps = _track(late)
    assert other.id != track.id
    panel.show_track(other, other_steps, "zh")
    other_cards = dict(panel._cards)
    assert not any(card.isVisible() for card in cards.values()), "the first track's cards are off screen"

    again, again_steps = _track(early_again)
    assert again.id == track.id
    panel.show_track(again, again_steps, "zh")

    assert panel._cards == cards, "the first track's widgets, kept"
    assert all(card.isVisible() for card in cards.values())
    assert not any(card.isVisible() for card in other_cards.values())
    assert panel.ticked() == (0, len(panel.required_boxes())), "a new case starts with nothing ticked"
    assert [card.property("current") for card in cards.values()] == [True] + [False] * (len(cards) - 1)
    texts = [label.text() for label in panel._texts]
    assert any("债务人3" in text for text in texts) and not any("债务人1" in text for text in texts)
    panel.close()


def test_every_talk_track_line_starts_in_one_column(qtbot, styled_app: QApplication) -> None:  # noqa: ANN001
    """Under the app's theme, a line without a tick box starts where a ticked line's text
    does (after the box and its gap), in from its card's heading, also on a kept card set
    shown again."""
    panel = TalkTrackPanel()
    qtbot.addWidget(panel)
    panel.resize(380, 700)
    panel.show()
    qtbot.waitExposed(panel)
    early, late = _track(_detail(1, dpd=10)), _track(_detail(2, attempts=3, dpd=200))
    for track, steps in (early, late, early):
        panel.show_track(track, steps, "zh")
        QApplication.sendPostedEvents()  # the layout requests the show posted
        plain: set[int] = set()
        ticked: set[int] = set()
        for card in panel._cards.values():
            heading = card.findChild(QLabel, "stepTitle")
            left = heading.mapTo(card, heading.contentsRect().topLeft()).x()
            for label in card.findChildren(QLabel):
                if label is heading or not label.text():
                    continue
                x = label.mapTo(card, label.contentsRect().topLeft()).x() - left
                if label.property("required"):
                    box = label.buddy()
                    assert x >= box.mapTo(card, QPoint(box.width(), 0)).x() - left, "the text after its tick box"
                    ticked.add(x)
                else:
                    plain.add(x)
        assert plain and ticked, "the track has lines of both kinds"
        assert plain == ticked, "plain and ticked lines' text in one column"
        assert min(plain) > 0, "lines indented from their heading"
    panel.close()


def _drag_over(label: Any) -> None:
    """Press at the label's left edge, drag to its right edge, release."""
    y = label.height() // 2
    QTest.mouseMove(label, QPoint(2, y))  # the first move enters the window, the next the label
    QTest.mouseMove(label, QPoint(1, y))
    QTest.mousePress(label, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(1, y))
    QTest.mouseMove(label, QPoint(label.width() - 2, y))
    QTest.mouseRelease(label, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(label.width() - 2, y))


def _mouse_away(widget: Any) -> None:
    """Leave the pointer off every window: later tests' views must not get hover repaints."""
    QTest.mouseMove(widget.window(), QPoint(-50, -50))


def test_talk_track_lines_can_be_selected_with_the_mouse(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    """The lines get a new text on every case opened (without a text document of their
    own, for speed); the agent can still drag over a line to select it, also after the
    text changed under the pointer."""
    panel = TalkTrackPanel()
    qtbot.addWidget(panel)
    panel.resize(380, 700)
    panel.show()
    qtbot.waitExposed(panel)
    track, steps = _track(_detail(1))
    panel.show_track(track, steps, "zh")
    line = next(label for label in panel._texts if label.wordWrap() and "债务人1" in label.text())

    _drag_over(line)
    assert line.hasSelectedText() and line.selectedText() in line.text()

    panel.show_track(*_track(_detail(2)), "zh")  # next case, the pointer still on the line
    assert "债务人2" in line.text()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(line.width() - 2, line.height() // 2))  # a click drops the old selection
    _drag_over(line)
    assert line.hasSelectedText() and "债务人2" in line.selectedText()
    _mouse_away(panel)


def test_debtor_name_can_be_selected_with_the_mouse(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    panel = _shown_panel(qtbot, qapp)
    panel.show_case(_detail(3), _judge(_detail(3)), "zh")
    panel.show_case(_detail(4), _judge(_detail(4)), "zh")
    _drag_over(panel.debtorName)
    assert panel.debtorName.selectedText() == "债务人4"
    _mouse_away(panel)


def _judge(detail: CaseDetail) -> Any:
    policy = compliance.load_policy("china")
    return lambda point: caseview.dial_verdict(detail, point, policy, NOW)


def _shown_panel(qtbot, qapp: QApplication, scheme: str = "light") -> CasePanel:  # noqa: ANN001
    theme.apply_theme(qapp, scheme)
    panel = CasePanel(clock=FixedClock(NOW))
    qtbot.addWidget(panel)
    panel.resize(520, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _history_with_everything() -> CaseDetail:
    """Attempts (one flagged by the guard, one still in the outbox, one refused), a note, a
    promise, a payment and an SMS: every kind the timeline shows."""
    detail = _detail(6, attempts=3)
    first = detail.attempts[0]
    flagged = dataclasses.replace(first, id="flagged", started_at=NOW - timedelta(minutes=5),
                                  compliance_flag="quiet_hours", note="")
    pending = dataclasses.replace(first, id="pending", started_at=NOW - timedelta(minutes=10), pending=True,
                                  note="客户说月底还")
    refused = dataclasses.replace(first, id="refused", started_at=NOW - timedelta(minutes=15),
                                  rejected_reason="Case is on hold", note="")
    note = NoteView(id="n1", text="家人代接，已留言", author="agent02", written_at=NOW - timedelta(days=1),
                    pending=False)
    promise = PromiseView(id="pr1", amount=Money(150_000, "CNY"), due_date=date(2026, 3, 5), status="broken",
                          created_at=NOW - timedelta(days=2), pending=False)
    payment = PaymentView(id="pay1", amount=Money(50_000, "CNY"), paid_on=date(2026, 2, 20))
    sms = SmsView(id="m1", template_id="reminder", template_version=1, contact_point_id="p6",
                  contact_label="138****0000", state="delivered", origin="agent", text="【提醒】您的账单已逾期",
                  created_at=NOW - timedelta(days=3), sent_at=NOW - timedelta(days=3), delivered_at=None,
                  opened_at=None, pending=False, rejected_reason=None)
    return dataclasses.replace(detail, attempts=(flagged, pending, refused, *detail.attempts), notes=(note,),
                               promises=(promise,), payments=(payment,), sms=(sms,))


def test_timeline_shows_every_kind_newest_first(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    panel = _shown_panel(qtbot, qapp)
    panel.show_case(_history_with_everything(), _judge(_detail(6)), "zh")
    lines = panel.timeline_text()
    assert len(lines) == 10
    when = labels.short_time(NOW - timedelta(minutes=5), NOW)  # the agent's own clock
    assert lines[0].startswith(f"{when} · ") and "Flagged: quiet_hours" in lines[0]
    assert "● not yet synced" in lines[1] and lines[1].endswith("客户说月底还")
    assert lines[2].endswith("Case is on hold")
    assert [i for i, text in enumerate(lines) if "第 " in text] == [3, 4, 5]
    assert "Note agent02 · 家人代接，已留言" in lines[6]
    assert "Promise ¥1,500.00 by 2026-03-05 Broken" in lines[7]
    assert lines[8].endswith("【提醒】您的账单已逾期") and "delivered" in lines[8]
    assert "Payment received ¥500.00" in lines[9]
    # The view draws the rows (one per entry) and a screen reader hears each as one line.
    view = panel.timelineView
    qtbot.waitUntil(lambda: _row_at(view, 10) == 0)
    assert view.verticalScrollBar().value() == 0
    assert panel.timeline.index(6).data(Qt.ItemDataRole.AccessibleTextRole) == lines[6]
    # Ctrl+C on an entry copies it, as selecting text in the old rich-text view did.
    view.setFocus()
    view.setCurrentIndex(panel.timeline.index(6))
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == lines[6]


def _row_at(view: Any, y: int) -> int:
    """The timeline row drawn at height `y` of the view (-1 for none)."""
    return view.indexAt(QPoint(view.viewport().width() // 2, y)).row()


def _dot_color(panel: CasePanel, row: int) -> str:
    """The colour at the centre of a row's dot, as painted on screen."""
    view = panel.timelineView
    rect = view.visualRect(panel.timeline.index(row))
    image = view.viewport().grab().toImage()
    size = max(6.0, view.fontMetrics().height() * 0.5)
    x = rect.left() + timeline_view.TIME_W + int(size / 2)
    y = rect.top() + timeline_view.PAD_Y + view.fontMetrics().height() // 2
    hits = {image.pixelColor(x + dx, y + dy).name().upper() for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    return next(iter(sorted(hits & _TONES)), sorted(hits)[0])


_TONES = {v.upper() for scheme in ("light", "dark") for k, v in theme.read_colors(scheme).items()
          if k in ("ok", "warn", "danger", "accent", "faint")}


def test_timeline_colours_follow_the_theme(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    """A flagged call is marked red, a reached debtor green, in the scheme in force."""
    panel = _shown_panel(qtbot, qapp)
    detail = _history_with_everything()
    panel.show_case(detail, _judge(detail), "zh")
    qtbot.waitUntil(lambda: _row_at(panel.timelineView, 10) == 0)
    light = theme.read_colors("light")
    assert _dot_color(panel, 0) == light["danger"].upper()
    assert _dot_color(panel, 3) == light["ok"].upper(), "第 0 次 reached the debtor"
    assert _dot_color(panel, 4) == light["faint"].upper(), "nobody reached"

    dark_panel = _shown_panel(qtbot, qapp, "dark")
    dark_panel.show_case(detail, _judge(detail), "zh")
    qtbot.waitUntil(lambda: _row_at(dark_panel.timelineView, 10) == 0)
    assert _dot_color(dark_panel, 0) == theme.read_colors("dark")["danger"].upper()
    theme.apply_theme(qapp, "light")


def test_long_history_opens_whole_and_paints_its_newest_entries(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    panel = _shown_panel(qtbot, qapp)
    judged: list[str | None] = []

    def judge(detail: CaseDetail) -> Any:
        def verdict(point: str | None) -> compliance.ComplianceVerdict:
            judged.append(point)
            return caseview.dial_verdict(detail, point, compliance.load_policy("china"), NOW)

        return verdict

    long = _detail(4, attempts=420)
    panel.show_case(long, judge(long), "zh")
    assert judged == ["p4"], "one verdict per case shown"
    lines = panel.timeline_text()
    assert len(lines) == 420 and all(f"第 {i} 次" in lines[i] for i in range(420))
    view = panel.timelineView
    # The newest entries are laid out when the case is shown: the first frame draws them
    # (not an empty list while older entries are measured).
    assert _row_at(view, 10) == 0
    assert _dot_color(panel, 0) == theme.read_colors("light")["ok"].upper(), "the newest call is drawn at the top"
    # The older ones follow a part per event-loop turn; then the agent can scroll to the oldest call.
    qtbot.waitUntil(panel.timeline_complete)
    assert view.model().rowCount() == 420
    view.scrollToBottom()
    qtbot.waitUntil(lambda: _row_at(view, view.viewport().height() - 8) == 419)

    # A case opened next shows its own history only, from the top.
    short = _detail(5, attempts=3)
    panel.show_case(short, judge(short), "zh")
    assert [line.rsplit(" · ", 1)[-1] for line in panel.timeline_text()] == ["第 0 次", "第 1 次", "第 2 次"]
    qtbot.waitUntil(lambda: _row_at(view, 10) == 0)
    assert view.verticalScrollBar().value() == 0


def test_no_history_says_so(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    panel = _shown_panel(qtbot, qapp)
    fresh = _detail(7)
    panel.show_case(fresh, _judge(fresh), "zh")
    assert panel.timeline_text() == ["No contact with this debtor yet."]
    assert panel.timelineEmpty.isVisible() and not panel.timelineView.isVisible()
    panel.show_case(_detail(8, attempts=1), _judge(_detail(8, attempts=1)), "zh")
    assert panel.timelineView.isVisible() and not panel.timelineEmpty.isVisible()


def _timeline_image(panel: CasePanel, qtbot) -> Any:  # noqa: ANN001
    view = panel.timelineView
    qtbot.waitUntil(lambda: _row_at(view, 10) == 0)
    return view.viewport().grab().toImage()


@pytest.mark.parametrize(("width", "scheme"), [(300, "light"), (520, "dark")])
def test_timeline_paragraphs_laid_out_for_earlier_cases_draw_as_new_ones(
        qtbot, qapp: QApplication, width: int, scheme: str) -> None:  # noqa: ANN001
    """The delegate draws a paragraph laid out for an earlier row or case again instead of
    laying it out anew (timeline_view.KEPT_BLOCKS): a panel that showed other cases first,
    at another width (the same lines wrap elsewhere) or in the other scheme, draws a case
    exactly as a panel that never showed anything."""
    used = _shown_panel(qtbot, qapp, scheme)
    used.resize(width, 900)
    for n in (6, 16):  # the same outcomes, number, agent and notes as the case below
        earlier = _detail(n, attempts=12)
        used.show_case(earlier, _judge(earlier), "zh")
        _timeline_image(used, qtbot)
    theme.apply_theme(qapp, "light")
    used.resize(520, 900)
    detail = _history_with_everything()
    used.show_case(detail, _judge(detail), "zh")
    again = _timeline_image(used, qtbot)
    fresh = _shown_panel(qtbot, qapp, "light")
    fresh.show_case(detail, _judge(detail), "zh")
    assert again == _timeline_image(fresh, qtbot)


def _status_color(panel: CasePanel) -> str:
    model = panel.contactsView.model()
    return model.data(model.index(0, 2), Qt.ItemDataRole.ForegroundRole).name().upper()


def test_contact_status_colour_follows_the_scheme_switched_to(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    """A valid number's status is green in the scheme in force, also after switching the
    scheme back and forth (the colours are parsed once per scheme, theme._parsed_color)."""
    detail = _detail(3)
    for scheme in ("light", "dark", "light"):
        panel = _shown_panel(qtbot, qapp, scheme)
        panel.show_case(detail, _judge(detail), "zh")
        assert _status_color(panel) == theme.read_colors(scheme)["ok"].upper(), scheme
    changed = theme.color("ok")
    changed.setAlpha(10)  # a caller's own copy: the next cell is drawn as before
    assert theme.color("ok").alpha() == 255
    theme.apply_theme(qapp, "light")
