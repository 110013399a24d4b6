"""Opening a case reads it once: the case with this desk's writes, the person's holds and
numbers marked from the other cases here, and those cases' contact history for the guard,
all from one read, and the same as reading each of them apart (which the desk did before,
twice per open); the draft and the last dial come with it."""

from __future__ import annotations

from typing import Any

from agentdesk.client import dialing
from agentdesk.client.session import ClientSession
from agentdesk.server.embedded import EmbeddedServer
from tests.client.helpers import dialled, no_answer


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


def test_the_one_read_of_a_case_is_what_the_reads_apart_give(live_server: EmbeddedServer,
                                                             secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    store, me = session.store, session.user.username
    rows = session.queue()
    case_id = next((r.case_id for r in rows if store.sibling_ids(r.case_id)), rows[0].case_id)
    siblings = store.sibling_ids(case_id)
    # Writes of every state: pending and applied on the case (all of them are its own
    # writes), applied and pending on a sibling (an applied one no longer counts there).
    for note in ("先前", "无人接听"):
        session.record_outcome(no_answer(session, case_id, note=note))
    if siblings:
        for note in ("兄弟一", "兄弟二"):
            session.record_outcome(no_answer(session, siblings[0], note=note))
        store.settle({store.local_writes(siblings[0])[0].id: ("applied", None)})
    store.settle({store.local_writes(case_id)[0].id: ("applied", None)})
    session.save_draft(case_id, {"note": "下午再打", "reached": "nobody"})
    phone = next(p.id for p in session.case_detail(case_id).contact_points if p.kind == "phone")  # type: ignore[union-attr]
    dialled(session, case_id, phone)

    reads = store.case_for_desk(case_id, me, dialing.meta_key(case_id))
    assert reads is not None
    assert reads.doc == store.case_doc(case_id)
    written = [(w.seq, w.id, w.type, w.case_id, w.payload, w.created_at, w.state, w.reason)
               for w in store.local_writes(case_id)]
    assert [(w.seq, w.id, w.type, w.case_id, w.payload, w.created_at, w.state, w.reason)
            for w in reads.own_writes] == written
    assert {w[6] for w in written} == {"applied", "pending"}
    assert reads.siblings == store.overlaid_docs(siblings, me)
    if siblings:
        notes = [a["note"] for a in reads.siblings[siblings[0]]["attempts"] if a.get("pending")]
        assert "兄弟二" in notes and "兄弟一" not in notes, "an applied write waits for the server's document"
    assert reads.draft == store.load_draft(case_id) == {"note": "下午再打", "reached": "nobody"}
    assert dialing.ticket(reads.meta) == session.last_dial(case_id) is not None

    opened = session.open_case(case_id)
    assert opened is not None
    assert opened.draft == reads.draft and opened.dial == session.last_dial(case_id)
    assert store.case_for_desk("no-such-case", me, dialing.meta_key("no-such-case")) is None
    # Another case (a sibling, when there is one) has no draft: the draft read is the case's own.
    other = siblings[0] if siblings else next(r.case_id for r in rows if r.case_id != case_id)
    assert session.open_case(other).draft is None  # type: ignore[union-attr]
    session.stop()
