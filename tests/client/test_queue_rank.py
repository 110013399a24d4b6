"""The desk's queue on the demo portfolio: each row's score and reasons are those of the
case scored alone, in the documented order; after a save only the saved case (and the
person's other cases) is re-scored and moved, and the queue is exactly a full rebuild.

What the agent notices otherwise: a tooltip that disagrees with the row's place, or a
queue after a wrap-up that differs from the queue after a restart.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from agentdesk import clock
from agentdesk.client.queue import QueueCache, _Placements, build_queue
from agentdesk.client.session import ClientSession
from agentdesk.client.store import CaseRow
from agentdesk.client.views import QueueRow
from agentdesk.domain.priority import explain_case
from agentdesk.server.embedded import EmbeddedServer
from tests.client.helpers import no_answer


def _shown(rows: list[QueueRow]) -> list[tuple[Any, ...]]:
    return [(r.case_id, r.score, r.reasons, r.callable_from, r.last_outcome, r.has_pending) for r in rows]


def _rebuilt(session: ClientSession, now: Any) -> list[QueueRow]:
    """The queue rebuilt over every case by the same cache (the same portfolio prior: it is
    re-measured on sync, not on each save)."""
    session.queue_cache._last = None
    rows = session.queue(now)
    assert session.queue_cache.last_rescored == len(rows)
    return rows


def _fresh(session: ClientSession, now: Any) -> list[QueueRow]:
    """A queue built from nothing (a restart)."""
    return build_queue(session.store, session.policy, now, "all", "", session.user.username, QueueCache(),
                       strategy=session.strategy, book=session.rules.book)


def test_each_row_is_its_case_scored_alone_in_the_documented_order(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    now = clock.now()
    queue = session.queue(now)
    cache = session.queue_cache
    with session.store.sessions() as s:
        placement = {i: (seg, arm) for i, seg, arm in s.execute(select(CaseRow.id, CaseRow.segment, CaseRow.arm))}
    placed = _Placements(session.rules.book)
    assert cache._prior is not None
    for row in queue:
        facts = cache.ranking_facts(row.case_id)
        assert facts is not None
        scored = explain_case(facts, now, cache._prior, placed.strategy(*placement[row.case_id]))
        assert row.score == scored.score, row.case_id
        assert [(r.key, r.text_en, r.points) for r in row.reasons] == [
            (f.key, f.text_en, f.points) for f in scored.factors], row.case_id
        assert row.callable_from == scored.callable_from

    def place(row: QueueRow) -> tuple[Any, ...]:
        if row.status != "open":
            return (2, 0, -row.score)
        return (1, row.callable_from, -row.score) if row.callable_from else (0, 0, -row.score)

    # The documented order: callable now by score, then callable later by when, then held.
    assert [place(r) for r in queue] == sorted(place(r) for r in queue)
    assert len(queue) > 30 and len({r.score for r in queue}) > 30
    session.stop()


@pytest.mark.usefixtures("daytime")  # a no-answer in working hours changes the case's score
def test_after_a_save_only_the_saved_case_moves_and_the_queue_equals_a_full_rebuild(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    now = clock.now()
    first = session.queue(now)
    assert session.queue_cache.last_rescored == len(first)  # the first build scores every case

    saved = [r.case_id for r in first if r.status == "open" and r.last_outcome != "no_answer"][:3]
    for case_id in saved:
        before = next(r for r in session.queue(now) if r.case_id == case_id)
        session.record_outcome(no_answer(session, case_id, note="无人接听"))
        after_save = session.queue(now)
        # Re-scored: the saved case and the person's other cases here, not the queue.
        assert 1 <= session.queue_cache.last_rescored <= 5
        assert _shown(after_save) == _shown(_rebuilt(session, now)), "the same queue as a full rebuild"
        row = next(r for r in after_save if r.case_id == case_id)
        assert row.has_pending and row.last_outcome == "no_answer"
        assert (row.score, row.reasons) != (before.score, before.reasons), "the saved case was re-scored"

    # A sync brings the server's word on the saved cases: the next build is a full one, and equal.
    session.sync_now()
    synced = session.queue(now)
    assert session.queue_cache.last_rescored == len(synced)
    assert _shown(synced) == _shown(_fresh(session, now))
    assert not any(r.has_pending for r in synced if r.case_id in saved)
    session.stop()


@pytest.mark.usefixtures("daytime")  # a no-answer in working hours changes the case's score
def test_rows_shown_before_a_save_keep_their_reasons_when_first_read_after_it(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    """A row's reasons are worded when the desk first paints the row; a save meanwhile
    re-scores its case in place, yet the row on screen still says why it sat where it sat."""
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    now = clock.now()
    unread = session.queue(now)  # no reason read yet
    expected = [tuple(r.reasons) for r in _fresh(session, now)]  # read at once, same instant
    case_id = next(r.case_id for r in unread if r.status == "open" and r.last_outcome != "no_answer")
    session.record_outcome(no_answer(session, case_id, note="无人接听"))
    after = session.queue(now)
    assert session.queue_cache.last_rescored >= 1
    assert [tuple(r.reasons) for r in unread] == expected
    before_row = next(r for r in unread if r.case_id == case_id)
    after_row = next(r for r in after if r.case_id == case_id)
    assert (before_row.score, before_row.reasons) != (after_row.score, after_row.reasons)
    session.stop()
