"""The case panel and the talk track panel stay quick on a long day without changing what
they show: cards are refilled for the same track, a long timeline arrives in chunks
(bench/bench_workstation.py measures both)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QApplication

from agentdesk.client import caseview
from agentdesk.client.views import CaseDetail
from agentdesk.desktop import case_panel as case_panel_mod
from agentdesk.desktop import theme
from agentdesk.desktop.case_panel import CasePanel
from agentdesk.desktop.talktrack_panel import TalkTrackPanel
from agentdesk.desktop.timeline import timeline_entries, timeline_html
from agentdesk.domain import compliance, talktracks
from agentdesk.domain.money import bucket_for

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


def test_timeline_is_short_tables_with_every_entry(qapp: QApplication) -> None:
    detail = _detail(3, attempts=30)
    markup = timeline_html(timeline_entries(detail), theme.read_colors("light"), NOW)
    assert markup.count("<table") == 4 and markup.count("<tr>") == 30
    assert all(f"第 {i} 次" in markup for i in range(30))


def test_long_timeline_shows_newest_at_once_and_all_soon_after(qtbot, qapp: QApplication) -> None:  # noqa: ANN001
    theme.apply_theme(qapp, "light")
    panel = CasePanel()
    qtbot.addWidget(panel)
    policy = compliance.load_policy("china")
    judged: list[str | None] = []

    def judge(detail: CaseDetail) -> Any:
        def verdict(point: str | None) -> compliance.ComplianceVerdict:
            judged.append(point)
            return caseview.dial_verdict(detail, point, policy, NOW)

        return verdict

    long = _detail(4, attempts=case_panel_mod.TIMELINE_FIRST + 2 * case_panel_mod.TIMELINE_CHUNK + 7)
    panel.show_case(long, judge(long), "zh")
    assert judged == ["p4"], "one verdict per case shown"
    text = panel.timelineView.toPlainText()
    assert "第 0 次" in text and f"第 {case_panel_mod.TIMELINE_FIRST} 次" not in text
    assert not panel.timeline_complete()
    qtbot.waitUntil(panel.timeline_complete, timeout=5000)
    text = panel.timelineView.toPlainText()
    assert all(f"第 {i} 次" in text for i in range(len(long.attempts)))

    # A case opened before the rest arrived gets none of the previous case's history.
    panel.show_case(long, judge(long), "zh")
    short = _detail(5, attempts=3)
    panel.show_case(short, judge(short), "zh")
    assert panel.timeline_complete()
    qtbot.wait(50)
    text = panel.timelineView.toPlainText()
    assert "第 2 次" in text and "第 3 次" not in text
