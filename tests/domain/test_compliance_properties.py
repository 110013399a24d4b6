"""Invariants of the guard, checked on generated policies, histories and moments."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.compliance import (
    ContactPolicy,
    PastContact,
    PlannedContact,
    evaluate,
    load_policy,
    next_allowed_time,
    when_allowed,
)

ZONES = ["Asia/Shanghai", "America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Kolkata"]
BASE = datetime(2026, 3, 1, tzinfo=UTC)  # spans the March DST changes of NY, LA and London
POINTS = {"p1": "debtor", "p2": "debtor", "e1": "emergency", "e2": "emergency"}

limits = st.one_of(st.none(), st.integers(1, 8))


@st.composite
def policies(draw: st.DrawFn) -> ContactPolicy:
    if draw(st.booleans()):
        return load_policy(draw(st.sampled_from(["china", "us"])))
    return ContactPolicy(
        name="generated",
        quiet_start=time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 30]))),
        quiet_end=time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 30]))),
        max_dials_per_point_per_day=draw(limits),
        max_calls_per_debtor_per_day=draw(limits),
        max_calls_per_debtor_7d=draw(limits),
        wait_after_conversation=draw(st.one_of(st.none(), st.integers(1, 7).map(lambda d: timedelta(days=d)))),
        third_party_max_per_day=draw(limits),
        promise_horizon_days=30,
        promise_reminder_days=draw(st.integers(0, 2)),
        third_party_max_conversations_per_point=draw(limits),
    )


moments = st.integers(0, 40 * 24 * 60).map(lambda m: BASE + timedelta(minutes=m))


@st.composite
def histories(draw: st.DrawFn, now: datetime) -> list[PastContact]:
    rows = []
    for _ in range(draw(st.integers(0, 25))):
        point = draw(st.sampled_from(sorted(POINTS)))
        owner = POINTS[point]
        reached = draw(st.sampled_from(["nobody", "right_party" if owner == "debtor" else "third_party"]))
        ago = timedelta(minutes=draw(st.integers(0, 9 * 24 * 60)))
        channel = draw(st.sampled_from(["call", "call", "call", "sms"]))
        rows.append(PastContact(point, now - ago, reached, owner, channel))
    return rows


@st.composite
def attempts(draw: st.DrawFn) -> PlannedContact:
    point = draw(st.sampled_from(sorted(POINTS)))
    return PlannedContact(
        case_id="c",
        contact_point_id=point,
        contact_owner=POINTS[point],
        contact_status=draw(st.sampled_from(["valid", "valid", "unverified", "invalid", "do_not_contact"])),
        channel=draw(st.sampled_from(["call", "call", "sms", "visit"])),
        debtor_time_zone=draw(st.sampled_from(ZONES)),
        case_status=draw(st.sampled_from(["open", "open", "open", "on_hold", "closed"])),
        hold_reason=draw(st.sampled_from([None, "dispute", "legal"])),
        consent_late_calls=draw(st.booleans()),
        pending_promise_due=draw(st.one_of(st.none(), st.dates(date(2026, 2, 25), date(2026, 4, 20)))),
        debtor_reachable=draw(st.booleans()),
    )


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[PlannedContact, list[PastContact], ContactPolicy, datetime]:
    now = draw(moments)
    return draw(attempts()), draw(histories(now)), draw(policies()), now


def _in_quiet(policy: ContactPolicy, local: time) -> bool:
    s, e = policy.quiet_start, policy.quiet_end
    if s == e:
        return False
    return (local >= s or local < e) if s > e else (s <= local < e)


def _calls(history: list[PastContact], now: datetime) -> list[PastContact]:
    return [h for h in history if h.channel == "call" and h.at <= now]


@settings(max_examples=250, deadline=None)
@given(scenarios())
def test_never_allowed_in_quiet_hours_without_consent(
    s: tuple[PlannedContact, list[PastContact], ContactPolicy, datetime],
) -> None:
    attempt, history, policy, now = s
    verdict = evaluate(attempt, history, policy, now)
    local = now.astimezone(ZoneInfo(attempt.debtor_time_zone)).time()
    if verdict.allowed and not attempt.consent_late_calls:
        assert not _in_quiet(policy, local)


@settings(max_examples=250, deadline=None)
@given(scenarios())
def test_never_allowed_past_a_frequency_limit(
    s: tuple[PlannedContact, list[PastContact], ContactPolicy, datetime],
) -> None:
    attempt, history, policy, now = s
    if attempt.channel != "call" or not evaluate(attempt, history, policy, now).allowed:
        return
    zone = ZoneInfo(attempt.debtor_time_zone)
    today = now.astimezone(zone).date()
    past = _calls(history, now)
    on_today = [h for h in past if h.at.astimezone(zone).date() == today]
    same_point = [h for h in on_today if h.contact_point_id == attempt.contact_point_id]
    if policy.max_dials_per_point_per_day is not None:
        assert len(same_point) < policy.max_dials_per_point_per_day
    if attempt.contact_owner == "debtor":
        if policy.max_calls_per_debtor_per_day is not None:
            assert len([h for h in on_today if h.contact_owner == "debtor"]) < policy.max_calls_per_debtor_per_day
        if policy.max_calls_per_debtor_7d is not None:
            # Calendar days in the debtor's zone: today and the six days before.
            first = today - timedelta(days=6)
            week = [h for h in past if h.contact_owner == "debtor" and h.at.astimezone(zone).date() >= first]
            assert len(week) < policy.max_calls_per_debtor_7d
        if policy.wait_after_conversation is not None:
            # The conversation's day is day 1; calls resume on day wait + 1.
            wait = policy.wait_after_conversation.days
            assert not any(h.reached == "right_party" and today < h.at.astimezone(zone).date() + timedelta(days=wait)
                           for h in past)
    else:
        if policy.third_party_max_per_day is not None:
            assert len([h for h in on_today if h.contact_owner != "debtor"]) < policy.third_party_max_per_day


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_a_hold_or_dead_number_blocks_everything_for_good(
    s: tuple[PlannedContact, list[PastContact], ContactPolicy, datetime],
) -> None:
    attempt, history, policy, now = s
    verdict = evaluate(attempt, history, policy, now)
    if attempt.case_status != "open" or attempt.contact_status in ("invalid", "do_not_contact"):
        assert not verdict.allowed
        assert verdict.next_allowed_at is None
    if attempt.contact_owner == "emergency" and attempt.debtor_reachable:
        assert not verdict.allowed


@settings(max_examples=250, deadline=None)
@given(scenarios(), st.floats(0.0, 0.999))
def test_named_next_time_is_allowed_and_nothing_earlier_is(
    s: tuple[PlannedContact, list[PastContact], ContactPolicy, datetime], fraction: float
) -> None:
    attempt, history, policy, now = s
    verdict = evaluate(attempt, history, policy, now)
    assert next_allowed_time(attempt, history, policy, now) == verdict.next_allowed_at
    if verdict.allowed:
        assert verdict.next_allowed_at == now
        return
    if verdict.next_allowed_at is None:
        return
    assert verdict.next_allowed_at > now
    assert evaluate(attempt, history, policy, verdict.next_allowed_at).allowed
    # Earliest: a moment strictly between now and the named time is still blocked.
    between = now + (verdict.next_allowed_at - now) * fraction
    between = between.replace(microsecond=0)
    if now <= between < verdict.next_allowed_at:
        assert not evaluate(attempt, history, policy, between).allowed


@st.composite
def long_histories(draw: st.DrawFn, now: datetime) -> list[PastContact]:
    """Up to 60 days back, with inbound calls, texts, numbers and another person's contacts."""
    rows = []
    for _ in range(draw(st.integers(0, 30))):
        point = draw(st.sampled_from([*sorted(POINTS), None]))
        owner = POINTS.get(point or "", draw(st.sampled_from(["debtor", "emergency"])))
        reached = draw(st.sampled_from(["nobody", "right_party", "third_party"]))
        ago = timedelta(minutes=draw(st.integers(0, 60 * 24 * 60)))
        channel = draw(st.sampled_from(["call", "call", "sms", "inbound", "visit"]))
        number = draw(st.sampled_from([None, "n1", "n2"]))
        rows.append(PastContact(point, now - ago, reached, owner, channel, number, draw(st.booleans())))
    return rows


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_the_lasting_contacts_and_the_recent_ones_give_the_whole_historys_verdict(data: st.DataObject) -> None:
    """The desk keeps `lasting_contacts` with the case and hands the guard only those and the
    contacts within `COUNT_HORIZON`: the verdict (rule, reason, when allowed) and the budget
    must be those of the whole history, now and on any later day (the queue's next minutes)."""
    from agentdesk.domain.compliance import COUNT_HORIZON, budget, lasting_contacts

    made = data.draw(moments)
    attempt = data.draw(attempts())
    attempt = PlannedContact(**{**attempt.__dict__, "number": data.draw(st.sampled_from([None, "n1"]))})
    history, policy = data.draw(long_histories(made)), data.draw(policies())
    # Waits longer than the horizon, and the once-only rule, are where old contacts count.
    policy = replace(policy, wait_after_conversation=timedelta(days=data.draw(st.integers(1, 40))),
                     third_party_max_conversations_per_point=data.draw(st.sampled_from([None, 1, 2])))
    lasting = set(lasting_contacts(attempt, history))
    for later in (timedelta(0), timedelta(minutes=data.draw(st.integers(0, 20 * 24 * 60)))):
        now = made + later
        reduced = [p for i, p in enumerate(history) if i in lasting or p.at >= now - COUNT_HORIZON]
        assert evaluate(attempt, reduced, policy, now) == evaluate(attempt, history, policy, now)
        assert budget(attempt, reduced, policy, now) == budget(attempt, history, policy, now)


def test_an_old_conversation_and_an_emergency_contacts_talk_are_kept_however_old() -> None:
    from agentdesk.domain.compliance import COUNT_HORIZON, lasting_contacts

    now = BASE + timedelta(days=40)
    policy = replace(load_policy("china"), wait_after_conversation=timedelta(days=30),
                     third_party_max_conversations_per_point=1)
    debtor = PlannedContact("c", "p1", "debtor", "valid", "call", "Asia/Shanghai", "open", None,
                            debtor_reachable=False)
    emergency = replace(debtor, contact_point_id="e1", contact_owner="emergency")
    history = [PastContact("p1", now - timedelta(days=20), "right_party"),
               PastContact("p1", now - timedelta(days=25), "right_party"),
               PastContact("e1", now - timedelta(days=15), "third_party", "emergency"),
               PastContact("p1", now - timedelta(hours=30), "nobody")]
    for attempt, rule in ((debtor, "wait_after_conversation"), (emergency, "third_party_once")):
        kept = lasting_contacts(attempt, history)
        reduced = [p for i, p in enumerate(history) if i in kept or p.at >= now - COUNT_HORIZON]
        verdict = evaluate(attempt, reduced, policy, now)
        assert verdict.rule == rule and verdict == evaluate(attempt, history, policy, now)
    assert lasting_contacts(debtor, history) == [0], "only the latest conversation starts the wait"


def test_a_debtors_case_keeps_no_old_talk_with_a_third_party() -> None:
    """The once-only rule limits calls to an emergency contact, never to the debtor: a
    debtor's case keeps no talk with whoever else answered (the desk hands the guard less)."""
    from agentdesk.domain.compliance import COUNT_HORIZON, lasting_contacts

    now = BASE + timedelta(days=40)
    policy = replace(load_policy("china"), third_party_max_conversations_per_point=1)
    debtor = PlannedContact("c", "p1", "debtor", "valid", "call", "Asia/Shanghai", "open", None)
    history = [PastContact("p1", now - timedelta(days=30 - i), "third_party") for i in range(5)]
    assert lasting_contacts(debtor, history) == []
    kept = [p for p in history if p.at >= now - COUNT_HORIZON]
    assert evaluate(debtor, kept, policy, now) == evaluate(debtor, history, policy, now)
    emergency = replace(debtor, contact_owner="emergency", debtor_reachable=False)
    assert lasting_contacts(emergency, history) == [0, 1, 2, 3, 4]


# Around New York's and London's clock changes of 2026 (8 and 29 March, 25 October, 1 November).
CLOCK_CHANGES = [datetime(2026, 3, 8, 7, tzinfo=UTC), datetime(2026, 3, 29, 1, tzinfo=UTC),
                 datetime(2026, 10, 25, 1, tzinfo=UTC), datetime(2026, 11, 1, 6, tzinfo=UTC)]
instants = st.one_of(
    moments,
    st.tuples(st.sampled_from(CLOCK_CHANGES), st.integers(-36 * 60, 36 * 60)).map(
        lambda c: c[0] + timedelta(minutes=c[1])),
)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_when_allowed_is_evaluates_allowed_and_next_time(data: st.DataObject) -> None:
    """The queue ranks by `when_allowed` (no texts): it must say exactly what `evaluate` says
    of being allowed and when, at `now` and at the later instants the ranking also judges
    (the cadence's next call), across clock changes, quiet hours and every preset."""
    now = data.draw(instants)
    attempt = data.draw(attempts())
    attempt = replace(attempt, number=data.draw(st.sampled_from([None, "n1"])),
                      debtor_time_zone=data.draw(st.sampled_from([attempt.debtor_time_zone, "America/New_York"])))
    history = data.draw(st.one_of(histories(now), long_histories(now)))
    policy = data.draw(policies())
    for later in (timedelta(0), timedelta(minutes=data.draw(st.integers(1, 3 * 24 * 60)))):
        at = now + later
        verdict = evaluate(attempt, history, policy, at)
        assert when_allowed(attempt, history, policy, at) == (verdict.allowed, verdict.next_allowed_at)
        # As the queue hands it: an instant in another offset means the same moment.
        shifted = at.astimezone(ZoneInfo("Asia/Shanghai"))
        assert when_allowed(attempt, history, policy, shifted) == (verdict.allowed, verdict.next_allowed_at)
