"""The shared verdicts (`HourOnlyVerdicts`, `hour_only`) are exactly the guard's verdicts.

The desk and the lead's "Case work" rank tens of thousands of cases and share one verdict
between the cases whose history cannot change it; a shared verdict that differed from the
full one would let an agent dial in quiet hours, on hold or over a limit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.compliance import (
    ContactPolicy,
    HourOnlyVerdicts,
    PastContact,
    PlannedContact,
    evaluate,
    hour_only,
    load_policy,
)

ZONES = ["Asia/Shanghai", "America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Kolkata"]
POINTS = {"p1": "debtor", "p2": "debtor", "e1": "emergency"}
# Local wall times around the quiet hours' ends (22:00-08:00 and 21:00-09:00 in the presets).
EDGES = [time(7, 59), time(8, 0), time(8, 1), time(8, 59), time(9, 0), time(20, 59), time(21, 0), time(21, 59),
         time(22, 0), time(22, 1), time(0, 0), time(12, 0)]
# Around New York's clock changes of 2026 (8 March, 1 November), in UTC.
DST_NIGHT = [datetime(2026, 3, 8, 6, 40, tzinfo=UTC), datetime(2026, 3, 8, 7, 0, tzinfo=UTC),
             datetime(2026, 3, 8, 12, 0, tzinfo=UTC), datetime(2026, 3, 8, 12, 30, tzinfo=UTC),
             datetime(2026, 11, 1, 5, 30, tzinfo=UTC), datetime(2026, 11, 1, 6, 30, tzinfo=UTC),
             datetime(2026, 11, 1, 13, 0, tzinfo=UTC)]


@st.composite
def policies(draw: st.DrawFn) -> ContactPolicy:
    if draw(st.booleans()):
        return load_policy(draw(st.sampled_from(["china", "us"])))
    limits = st.one_of(st.none(), st.integers(1, 6))
    return ContactPolicy(
        name="generated",
        quiet_start=time(draw(st.integers(19, 23)), 0), quiet_end=time(draw(st.integers(6, 9)), 0),
        max_dials_per_point_per_day=draw(limits), max_calls_per_debtor_per_day=draw(limits),
        max_calls_per_debtor_7d=draw(limits),
        wait_after_conversation=draw(st.one_of(st.none(), st.integers(1, 30).map(lambda d: timedelta(days=d)))),
        third_party_max_per_day=draw(limits), promise_horizon_days=30, promise_reminder_days=draw(st.integers(0, 2)),
        third_party_max_conversations_per_point=draw(limits),
    )


@st.composite
def moments(draw: st.DrawFn) -> datetime:
    if draw(st.booleans()):
        return draw(st.sampled_from(DST_NIGHT))
    zone = ZoneInfo(draw(st.sampled_from(ZONES)))
    day = date(2026, 3, 1) + timedelta(days=draw(st.integers(0, 260)))
    return datetime.combine(day, draw(st.sampled_from(EDGES)), tzinfo=zone).astimezone(UTC)


@st.composite
def cases(draw: st.DrawFn, now: datetime, zones: tuple[str, ...] = tuple(ZONES)) -> tuple[PlannedContact,
                                                                                          list[PastContact]]:
    # Few values, most of them common ones, so that cases alike in all but one field (a
    # hold, a status, a zone, a history) meet under one set of shared verdicts.
    point = draw(st.sampled_from(["p1", "p1", "p1", "p2", "e1"]))
    attempt = PlannedContact(
        case_id=f"c{draw(st.integers(0, 9))}", contact_point_id=point, contact_owner=POINTS[point],
        contact_status=draw(st.sampled_from(["valid", "valid", "valid", "unverified", "do_not_contact"])),
        channel=draw(st.sampled_from(["call", "call", "call", "sms", "visit"])),
        debtor_time_zone=draw(st.sampled_from(zones)),
        case_status=draw(st.sampled_from(["open", "open", "open", "on_hold", "closed"])),
        hold_reason=draw(st.sampled_from([None, None, "cease_contact", "dispute"])),
        consent_late_calls=draw(st.sampled_from([False, False, False, True])),
        pending_promise_due=draw(st.sampled_from([None, None, None, now.date() - timedelta(days=1), now.date(),
                                                  now.date() + timedelta(days=1), now.date() + timedelta(days=4)])),
        debtor_reachable=draw(st.sampled_from([True, True, True, False])),
    )
    history = []
    for _ in range(draw(st.integers(0, 4))):
        past_point = draw(st.sampled_from(sorted(POINTS)))
        owner = POINTS[past_point]
        # Mostly older than any count looks (the shared case), some recent; some on the
        # person's other case or another person's case sharing the number.
        days = draw(st.sampled_from([0, 1, 6, 8, 9, 10, 12, 20, 40]))
        ago = timedelta(days=days, minutes=draw(st.integers(0, 1439)))
        reached = draw(st.sampled_from(["nobody", "right_party" if owner == "debtor" else "third_party"]))
        channel = draw(st.sampled_from(["call", "call", "sms", "inbound"]))
        history.append(PastContact(past_point, now - ago, reached, owner, channel, same_person=draw(st.booleans())))
    return attempt, history


@settings(max_examples=150, deadline=None)
@given(data=st.data(), policy=policies(), now=moments())
def test_shared_verdicts_equal_the_full_evaluation(data: st.DataObject, policy: ContactPolicy,
                                                   now: datetime) -> None:
    verdicts = HourOnlyVerdicts(policy)
    zones = tuple(data.draw(st.lists(st.sampled_from(ZONES), min_size=1, max_size=2)))
    many = data.draw(st.lists(cases(now, zones), min_size=1, max_size=40))
    later = now + timedelta(minutes=data.draw(st.sampled_from([1, 59, 60 * 9, 60 * 24 * 3])))
    for attempt, history in many:
        for at in (now, later):  # the queue also judges at the cadence's later instant
            verdict = evaluate(attempt, history, policy, at)
            assert verdicts.evaluate(attempt, history, at) == verdict
            # The queue's ranking reads only these two (`HourOnlyVerdicts.when_allowed`).
            assert verdicts.when_allowed(attempt, history, at) == (verdict.allowed, verdict.next_allowed_at)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), policy=policies(), now=moments())
def test_an_hour_only_history_judges_as_none_from_then_on(data: st.DataObject, policy: ContactPolicy,
                                                          now: datetime) -> None:
    attempt, history = data.draw(cases(now))
    if hour_only(attempt, history, policy, now):
        for step in (0, 1, 60, 60 * 24, 60 * 24 * 8):
            at = now + timedelta(minutes=step)
            assert evaluate(attempt, history, policy, at) == evaluate(attempt, [], policy, at)


NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai


def _open(case_id: str, **changes: object) -> PlannedContact:
    attempt = PlannedContact(case_id, "p1", "debtor", "valid", "call", "Asia/Shanghai", "open", None)
    return replace(attempt, **changes)


def test_a_hold_and_a_person_s_other_case_are_not_shared_away() -> None:
    """A stop request's hold blocks its case though an open case in the same zone may be
    called; the person's other case called today counts; quiet hours are the zone's."""
    china = load_policy("china")
    verdicts = HourOnlyVerdicts(china)
    old = [PastContact("p1", NOW - timedelta(days=30), "right_party")]
    assert verdicts.evaluate(_open("a"), old, NOW).allowed
    held = verdicts.evaluate(_open("b", case_status="on_hold", hold_reason="cease_contact"), old, NOW)
    assert not held.allowed and held.rule == "hold" and held.next_allowed_at is None
    # The person's two cases: today's calls to the same number on the other case reach
    # the number's daily limit (6) for this one.
    other_case = [PastContact("p1", NOW - timedelta(hours=h), "nobody") for h in range(1, 1 + 6)]
    limited = verdicts.evaluate(_open("c"), old + other_case, NOW)
    assert limited == evaluate(_open("c"), old + other_case, china, NOW)
    assert not limited.allowed and limited.rule == "point_daily_limit"
    # The same instant is 22:00 in New York (the evening before): quiet hours there.
    night = verdicts.evaluate(_open("d", debtor_time_zone="America/New_York"), old, NOW)
    assert not night.allowed and night.rule == "quiet_hours"
    assert verdicts.shared == 3 and verdicts.full == 1


def test_an_old_conversation_keeps_a_long_wait() -> None:
    """Under a 14-day wait after a conversation, one 10 days ago (outside every count)
    still blocks until its wait ends: the verdict is not the hour's alone."""
    policy = replace(load_policy("us"), wait_after_conversation=timedelta(days=14))
    now = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)
    talk = [PastContact("p1", now - timedelta(days=10), "right_party")]
    attempt = _open("a", debtor_time_zone="America/New_York")
    assert not hour_only(attempt, talk, policy, now)
    verdict = HourOnlyVerdicts(policy).evaluate(attempt, talk, now)
    assert verdict.rule == "wait_after_conversation" and verdict == evaluate(attempt, talk, policy, now)
    assert hour_only(attempt, talk, policy, now + timedelta(days=5))


def test_an_emergency_contact_spoken_to_long_ago_stays_spoken_to() -> None:
    """The once-only rule counts a conversation with an emergency contact however old, so
    an emergency contact's verdict is not shared with one never spoken to."""
    policy = replace(load_policy("china"), third_party_max_conversations_per_point=1)
    verdicts = HourOnlyVerdicts(policy)
    never = _open("a", contact_point_id="e1", contact_owner="emergency", debtor_reachable=False)
    assert verdicts.evaluate(never, [], NOW).allowed
    spoken = [PastContact("e1", NOW - timedelta(days=20), "third_party", "emergency")]
    verdict = verdicts.evaluate(replace(never, case_id="b"), spoken, NOW)
    assert not verdict.allowed and verdict.rule == "third_party_once"
