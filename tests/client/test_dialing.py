"""No outcome without a call (issue 18), headless: the client session is the second gate
after the wrap-up form, and the attempt keeps the call's facts (issue 13).

Real server over HTTP on loopback, real local store; the clock is pinned to a working
hour (calls allowed) or to the debtor's night (calls forbidden).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from agentdesk.client import errors
from agentdesk.client.session import ClientSession
from agentdesk.client.views import OutcomeDraft
from agentdesk.clock import RunningClock
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import ContactAttempt
from tests.support.times import next_local


@pytest.fixture
def desk(live_server: EmbeddedServer, tmp_path: Path) -> Iterator[ClientSession]:
    session = ClientSession.login(live_server.url, "agent01", "demo", remember=False, allow_unencrypted=True,
                                  data_root=tmp_path / "desk")
    session.sync_now()
    yield session
    session.stop()


def _callable_case(session: ClientSession) -> tuple[str, str, str]:
    """(case, a dialable debtor phone, another phone of the case)."""
    for row in session.queue():
        if row.status != "open" or row.callable_from is not None:
            continue
        detail = session.case_detail(row.case_id)
        assert detail is not None
        phones = [p for p in detail.contact_points if p.kind == "phone"]
        debtor = [p for p in phones if p.owner == "debtor" and session.check_dial(row.case_id, p.id).allowed]
        others = [p for p in phones if debtor and p.id != debtor[0].id]
        if debtor and others:
            return row.case_id, debtor[0].id, others[0].id
    raise AssertionError("the demo portfolio has no callable case with two phones")


def _draft(case_id: str, point: str | None, reached: str = "nobody", outcome: str = "no_answer",
           **extra: object) -> OutcomeDraft:
    from agentdesk import clock

    return OutcomeDraft(case_id=case_id, reached=reached, outcome=outcome,
                        started_at=clock.now() - timedelta(seconds=30), contact_point_id=point, **extra)  # type: ignore[arg-type]


@pytest.mark.usefixtures("daytime")
def test_an_outcome_needs_a_call_placed_from_this_desk(desk: ClientSession, live_server: EmbeddedServer) -> None:
    case_id, phone, other = _callable_case(desk)
    with pytest.raises(errors.NoCallPlaced, match="no call was placed"):
        desk.record_outcome(_draft(case_id, phone))
    with pytest.raises(errors.NoCallPlaced):
        desk.record_outcome(_draft(case_id, phone, "right_party", "refusal"))
    assert desk.status().pending == 0, "nothing was written"

    ticket = desk.begin_dial(case_id, phone)
    assert desk.last_dial(case_id) is None, "a dial the phone has not placed yet allows nothing"
    desk.dial_placed(ticket)
    with pytest.raises(errors.NoCallPlaced, match="not the number that was called"):
        desk.record_outcome(_draft(case_id, other))

    now = desk.clock.now()
    attempt_id = desk.record_outcome(_draft(
        case_id, phone, "right_party", "refusal", dial_id=ticket.dial_id, sip_call_id="abc-123@pbx",
        answered_at=now - timedelta(seconds=7), talk_seconds=7))
    with pytest.raises(errors.NoCallPlaced):
        desk.record_outcome(_draft(case_id, phone)), "one dial, one attempt"
    desk.sync_now()
    assert desk.status().pending == 0 and desk.status().rejected == 0
    with live_server.database.transaction() as s:
        row = s.get(ContactAttempt, attempt_id)
        assert row is not None
        assert (row.direction, row.sip_call_id, row.talk_seconds) == ("outbound", "abc-123@pbx", 7)
        assert row.answered_at is not None and abs((row.answered_at - (now - timedelta(seconds=7))).total_seconds()) < 1
    attempt = next(a for a in desk.case_detail(case_id).attempts if a.id == attempt_id)  # type: ignore[union-attr]
    assert attempt.outcome == "refusal"
    doc = desk.store.case_doc(case_id)
    assert doc is not None
    pulled = next(a for a in doc["attempts"] if a["id"] == attempt_id)
    assert pulled["sip_call_id"] == "abc-123@pbx" and pulled["talk_seconds"] == 7


@pytest.mark.usefixtures("daytime")
def test_the_debtor_called_in_needs_no_dial_but_someone_reached(desk: ClientSession,
                                                                 live_server: EmbeddedServer) -> None:
    case_id, phone, _other = _callable_case(desk)
    with pytest.raises(errors.InvalidOutcome, match="someone was reached"):
        desk.record_outcome(_draft(case_id, phone, inbound=True))
    attempt_id = desk.record_outcome(_draft(case_id, phone, "right_party", "refusal", inbound=True))
    desk.sync_now()
    with live_server.database.transaction() as s:
        row = s.get(ContactAttempt, attempt_id)
        assert row is not None and row.direction == "inbound"


def test_a_number_the_rules_block_cannot_be_dialled(desk: ClientSession,
                                                    set_clock: Callable[[str | datetime], RunningClock]) -> None:
    case_id, phone, _other = _callable_case_at_day(desk, set_clock)
    set_clock(next_local(desk.clock.now(), 23))  # 23:00 in Beijing: quiet hours
    with pytest.raises(errors.CallNotAllowed) as refused:
        desk.begin_dial(case_id, phone)
    assert refused.value.verdict.rule == "quiet_hours"  # type: ignore[attr-defined]
    with pytest.raises(errors.NoCallPlaced):
        desk.record_outcome(_draft(case_id, phone))


def _callable_case_at_day(desk: ClientSession,
                          set_clock: Callable[[str | datetime], RunningClock]) -> tuple[str, str, str]:
    set_clock(next_local(desk.clock.now(), 10))
    return _callable_case(desk)
