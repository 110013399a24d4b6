"""The strategy book on the desk, over HTTP on loopback: each case is ranked by its own
segment's (or arm's) weights, paced by its segment's cadence, read with its strategy's talk
track; a lead's change of a segment reaches an agent's queue; a book goes to a file and back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from agentdesk import clock
from agentdesk.client import caseview
from agentdesk.client.session import ClientSession
from agentdesk.client.store import CaseRow
from agentdesk.client.strategy import BookFileError, StrategyDesk, export_book, import_book, known_tracks
from agentdesk.domain import talktracks
from agentdesk.domain.strategy_book import BookError
from agentdesk.server.embedded import EmbeddedServer
from tests.client.helpers import no_answer, wait_until


def _login(server: EmbeddedServer, username: str) -> ClientSession:
    session = ClientSession.login(server.url, username, "demo", remember=False, allow_unencrypted=True)
    session.sync_now()
    return session


def _placements(session: ClientSession) -> dict[str, tuple[str | None, str | None]]:
    with session.store.sessions() as s:
        return {r[0]: (r[1], r[2]) for r in s.execute(select(CaseRow.id, CaseRow.segment, CaseRow.arm))}


@pytest.mark.usefixtures("daytime")
def test_a_segments_weights_move_only_its_own_cases_in_the_agents_queue(live_server: EmbeddedServer) -> None:
    agent, lead = _login(live_server, "agent01"), _login(live_server, "lead01")
    try:
        placed = _placements(agent)
        assert placed and all(seg for seg, _arm in placed.values()), "every case arrives with its segment"
        now = clock.now()
        before = {r.case_id: r.score for r in agent.queue(now)}
        desk = StrategyDesk(lead)
        book = desk.book().model_dump(mode="json")
        for seg in book["segments"]:
            if seg["key"] == "late":
                seg["strategy"]["weights"] = {"expected_value": 1000.0}
        desk.save(desk.check(book), book["version"])
        agent.start_sync()
        wait_until(lambda: agent.rules.book is not None and agent.rules.book.version == book["version"] + 1,
                   what="the new book on the agent's desk")
        after = {r.case_id: r.score for r in agent.queue(now)}
        late = [c for c, (seg, _a) in placed.items() if seg == "late" and c in before]
        others = [c for c, (seg, _a) in placed.items() if seg not in ("late",) and c in before]
        assert late and others
        assert all(after[c] > before[c] for c in late), "the late segment's cases rose"
        assert all(after[c] == pytest.approx(before[c]) for c in others), "no other case moved"
    finally:
        agent.stop()
        lead.stop()


@pytest.mark.usefixtures("daytime")
def test_the_segments_cadence_holds_a_case_back_and_says_why(live_server: EmbeddedServer) -> None:
    agent = _login(live_server, "agent01")
    try:
        placed = _placements(agent)
        rows = agent.queue()
        early = next(r for r in rows if placed[r.case_id][0] == "early" and r.status == "open"
                     and r.callable_from is None)
        agent.record_outcome(no_answer(agent, early.case_id, minutes_ago=2))
        row = next(r for r in agent.queue() if r.case_id == early.case_id)
        # The early segment wants three hours between calls (the demo book's cadence).
        assert row.callable_from is not None and row.reasons[0].key == "cadence"
        assert (row.callable_from - clock.now()).total_seconds() > 2.5 * 3600
        assert "cadence" in row.reasons[0].text_en and "节奏" in row.reasons[0].text_zh
    finally:
        agent.stop()


def test_the_talk_track_follows_the_cases_arm(live_server: EmbeddedServer) -> None:
    agent = _login(live_server, "agent01")
    try:
        chosen: dict[str, str] = {}
        for case_id, (segment, arm) in _placements(agent).items():
            detail = agent.case_detail(case_id)
            if segment != "early" or arm is None or detail is None or not detail.attempts or arm in chosen:
                continue
            rule_pick = talktracks.select_track(agent.talk_tracks(), caseview.track_situation(detail))
            if rule_pick.id != "early_reminder":
                continue
            assert detail.placement is not None and detail.placement.reason_en
            track, _steps = agent.talk_track(case_id)
            chosen[arm] = track.id
        assert chosen == {"champion": "early_reminder", "challenger": "early_reminder_plan"}
    finally:
        agent.stop()


def test_a_book_goes_to_a_file_for_review_and_comes_back_checked(live_server: EmbeddedServer,
                                                                 tmp_path: Path) -> None:
    lead = _login(live_server, "lead01")
    try:
        book = lead.rules.strategy_book()
        path = tmp_path / "strategy.yaml"
        export_book(book, path)
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# AgentDesk strategy book") and "早期 M1" in text
        tracks = known_tracks(lead.talk_tracks())
        again = import_book(path, lead.policy, tracks)
        assert again.segments == book.segments
        path.write_text(text.replace("calls_per_day: 2", "calls_per_day: 12", 1), encoding="utf-8")
        with pytest.raises(BookError) as refused:
            import_book(path, lead.policy, tracks)
        assert refused.value.field.endswith("cadence.calls_per_day")
        path.write_text("- just a list\n", encoding="utf-8")
        with pytest.raises(BookFileError):
            import_book(path, lead.policy, tracks)
    finally:
        lead.stop()
