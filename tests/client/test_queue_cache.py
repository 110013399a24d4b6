"""The queue's per-case cache: a refresh is quick and never shows stale facts.

What the agent notices: after a wrap-up the case's row changes at once (its new outcome,
"waiting to send"), and after a sync the queue is exactly what a fresh build would show.
"""

from __future__ import annotations

from typing import Any

from agentdesk import clock
from agentdesk.client.queue import QueueCache, build_queue
from agentdesk.client.session import ClientSession
from agentdesk.client.views import QueueRow
from agentdesk.server.embedded import EmbeddedServer
from tests.client.helpers import no_answer


def _shown(rows: list[QueueRow]) -> list[tuple[Any, ...]]:
    return [(r.case_id, r.score, r.reasons, r.callable_from, r.last_outcome, r.has_pending) for r in rows]


def test_a_refresh_after_a_wrap_up_shows_the_change_and_a_sync_matches_a_fresh_build(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    now = clock.now()
    first = session.queue(now)
    assert len(session.queue_cache) == len(first)
    assert _shown(session.queue(now)) == _shown(first), "a refresh with nothing changed shows the same queue"

    case_id = next(r.case_id for r in first if r.status == "open" and r.last_outcome != "no_answer")
    session.record_outcome(no_answer(session, case_id, note="无人接听"))
    row = next(r for r in session.queue(now) if r.case_id == case_id)
    assert row.has_pending and row.last_outcome == "no_answer"
    assert any(r.key for r in row.reasons), "the changed case still says why it sits where it sits"

    session.sync_now()
    cached = session.queue(now)
    fresh = build_queue(session.store, session.policy, now, "all", "", session.user.username, QueueCache(),
                        strategy=session.strategy, book=session.rules.book)
    assert _shown(cached) == _shown(fresh), "after a sync the cached queue is exactly a fresh one"
    assert not next(r for r in cached if r.case_id == case_id).has_pending
    session.stop()


def test_the_queues_light_reading_of_a_case_gives_the_dialing_facts_of_its_full_view(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    """The queue reads `contact_facts` (a cold start reads every case); the case view reads
    `case_detail`. Both must give the same dial verdicts and ranking inputs, or the queue
    would offer a case the case view then refuses to dial."""
    from agentdesk.client import caseview
    from agentdesk.client.queue import _case_facts
    from agentdesk.client.store import overlay

    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    some = [r.case_id for r in session.queue(clock.now())[:3]]
    for case_id in some:  # pending local attempts laid over the server's history
        session.record_outcome(no_answer(session, case_id, note="本地未发送"))
    store, me = session.store, session.user.username
    now = clock.now()
    compared = with_history = 0
    for row in store.case_rows():
        doc = overlay(row.doc, store.local_writes(row.id), me)
        light, full = caseview.contact_facts(doc), caseview.case_detail(doc)
        key = (row.seq, ())
        assert _case_facts(key, light) == _case_facts(key, full), row.id
        for point in [None, *(p.id for p in full.contact_points)]:
            assert (caseview.dial_verdict(light, point, session.policy, now)
                    == caseview.dial_verdict(full, point, session.policy, now)), (row.id, point)
        compared += 1
        with_history += bool(full.attempts)
    assert compared > 20 and with_history > 5
    session.stop()
