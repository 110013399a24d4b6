"""Opening a case reads it once: the case with this desk's writes, the person's holds and
numbers marked from the other cases here, and those cases' contact history for the guard,
all from one read, and the same as reading each of them apart (which the desk did before,
twice per open)."""

from __future__ import annotations

from typing import Any

from agentdesk.client.session import ClientSession
from agentdesk.server.embedded import EmbeddedServer
from tests.client.helpers import no_answer


def test_a_case_opened_once_is_its_view_and_its_siblings_read_apart(live_server: EmbeddedServer,
                                                                      secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    rows = session.queue()
    # A case with siblings here when the demo has one at this instant (its seed follows the date).
    case_id = next((r.case_id for r in rows if session.store.sibling_ids(r.case_id)), rows[0].case_id)
    siblings = session.store.sibling_ids(case_id)
    # A write still in the outbox on the case and on its sibling: both count at once.
    session.record_outcome(no_answer(session, case_id, note="无人接听，稍后再拨"))
    sibling_call = session.record_outcome(no_answer(session, siblings[0], note="兄弟案件")) if siblings else None

    opened = session.open_case(case_id)
    assert opened is not None
    assert opened.detail == session.case_detail(case_id)
    assert opened.detail.attempts[0].pending and opened.detail.attempts[0].note == "无人接听，稍后再拨"
    apart = {facts.case_id: facts for facts in session.siblings(case_id)}
    assert {facts.case_id: facts for facts in opened.siblings} == apart
    assert set(apart) == set(siblings)
    if siblings:
        assert apart[siblings[0]].attempts[0].id == sibling_call, "the sibling's call, still in the outbox, counts"
    assert session.open_case("no-such-case") is None
    session.stop()
