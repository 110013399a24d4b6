"""A person's history, however it is spread over their cases, gives the verdict the merged
history gives (issue 15): the desk's guard counts per person and per number, not per case."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.client import caseview
from agentdesk.client.caseview import ContactFacts, _Attempt, _Point
from agentdesk.domain import compliance
from agentdesk.domain.compliance import load_policy

BASE = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # a week that spans the US clock change
NUMBERS = ["n-a", "n-b", "n-c", "n-d"]  # number keys; a and b are the debtor's, c and d emergency contacts
OWNER = {"n-a": "debtor", "n-b": "debtor", "n-c": "emergency", "n-d": "emergency"}


def _points(case: int, numbers: list[str]) -> tuple[_Point, ...]:
    return tuple(_Point(f"c{case}-{n}", "phone", OWNER[n], "valid", n) for n in numbers)


@st.composite
def spread(draw: st.DrawFn) -> tuple[list[ContactFacts], ContactFacts, datetime, str, str]:
    """(the person's cases, one case holding everything, now, zone, the number to dial)."""
    zone = draw(st.sampled_from(["Asia/Shanghai", "America/New_York"]))
    cases = draw(st.integers(1, 4))
    numbers = [sorted(set(draw(st.lists(st.sampled_from(NUMBERS), min_size=1, max_size=4)))) for _ in range(cases)]
    now = BASE + timedelta(minutes=draw(st.integers(0, 9 * 24 * 60)))
    attempts: list[list[_Attempt]] = [[] for _ in range(cases)]
    merged: list[_Attempt] = []
    for n in range(draw(st.integers(0, 30))):
        case = draw(st.integers(0, cases - 1))
        number = draw(st.sampled_from(numbers[case] + [None]))  # None: a call recorded without its number
        reached = draw(st.sampled_from(["nobody", "right_party" if number in (None, "n-a", "n-b") else "third_party"]))
        at = now - timedelta(minutes=draw(st.integers(1, 9 * 24 * 60)))
        channel = draw(st.sampled_from(["call", "call", "sms"]))
        point = f"c{case}-{number}" if number else None
        attempts[case].append(_Attempt(point, at, reached, None, f"a{n}", channel))
        merged.append(_Attempt(f"m-{number}" if number else None, at, reached, None, f"a{n}", channel))
    facts = [
        ContactFacts(case_id=f"c{i}", status="open", hold_reason=None, time_zone=zone, consent_late_calls=False,
                     contact_points=_points(i, numbers[i]), attempts=tuple(attempts[i]), promises=(),
                     person_key="person-1")
        for i in range(cases)
    ]
    one = ContactFacts(case_id="merged", status="open", hold_reason=None, time_zone=zone, consent_late_calls=False,
                       contact_points=tuple(_Point(f"m-{n}", "phone", OWNER[n], "valid", n) for n in NUMBERS),
                       attempts=tuple(merged), promises=(), person_key="person-1")
    dial = draw(st.sampled_from(numbers[0]))
    return facts, one, now, zone, dial


@settings(max_examples=400, deadline=None)
@given(spread(), st.sampled_from(["china", "us"]), st.sampled_from(["call", "sms"]))
def test_a_history_spread_over_cases_judges_like_the_merged_one(
    scenario: tuple[list[ContactFacts], ContactFacts, datetime, str, str], preset: str, channel: str
) -> None:
    facts, one, now, _zone, dial = scenario
    policy = load_policy(preset)
    target = facts[0]
    spread_plan = caseview.planned(target, f"c0-{dial}", channel)
    merged_plan = caseview.planned(one, f"m-{dial}", channel)
    # The same person, reachable or not: only the history's spread may differ.
    merged_plan = replace(merged_plan, case_id=spread_plan.case_id, debtor_reachable=spread_plan.debtor_reachable)
    spread_verdict = compliance.evaluate(spread_plan, caseview.past_contacts(target, facts[1:]), policy, now)
    merged_verdict = compliance.evaluate(merged_plan, caseview.past_contacts(one), policy, now)
    assert (spread_verdict.allowed, spread_verdict.rule, spread_verdict.next_allowed_at) == (
        merged_verdict.allowed, merged_verdict.rule, merged_verdict.next_allowed_at)


def test_two_cases_of_one_person_share_the_daily_limit_of_their_number() -> None:
    # Three unanswered dials from each lender's case to the same number: six in all.
    zone = "Asia/Shanghai"
    morning = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)  # 10:00 in Beijing
    cases = [
        ContactFacts(case_id=f"c{i}", status="open", hold_reason=None, time_zone=zone, consent_late_calls=False,
                     contact_points=_points(i, ["n-a"]), person_key="p",
                     attempts=tuple(_Attempt(f"c{i}-n-a", morning + timedelta(minutes=10 * k + i), "nobody", None,
                                             f"a{i}{k}") for k in range(3)), promises=())
        for i in range(2)
    ]
    china = load_policy("china")
    alone = caseview.dial_verdict(cases[0], "c0-n-a", china, morning + timedelta(hours=1))
    assert alone.allowed, "on its own, the case has dialled the number three times"
    together = caseview.dial_verdict(cases[0], "c0-n-a", china, morning + timedelta(hours=1), siblings=cases[1:])
    assert not together.allowed and together.rule == "point_daily_limit"
    assert "6/6" in together.reason_en


def test_text_messages_never_count_as_dials() -> None:
    zone = "Asia/Shanghai"
    morning = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
    texts = tuple(_Attempt("c0-n-a", morning + timedelta(minutes=k), "nobody", None, f"s{k}", "sms") for k in range(6))
    case = ContactFacts(case_id="c0", status="open", hold_reason=None, time_zone=zone, consent_late_calls=False,
                        contact_points=_points(0, ["n-a"]), attempts=texts, promises=(), person_key="p")
    china = load_policy("china")
    assert caseview.dial_verdict(case, "c0-n-a", china, morning + timedelta(hours=1)).allowed
    sms = caseview.dial_verdict(case, "c0-n-a", china, morning + timedelta(hours=1), channel="sms")
    assert not sms.allowed and sms.rule == "sms_point_daily_limit"
    left = caseview.contact_budget(case, "c0-n-a", china, morning + timedelta(hours=1))
    assert (left.channel, left.number_today) == ("call", 6)


def test_a_call_recorded_without_its_number_counts_against_every_number_of_the_person() -> None:
    zone = "Asia/Shanghai"
    morning = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
    unnamed = tuple(_Attempt(None, morning + timedelta(minutes=k), "nobody", None, f"u{k}") for k in range(6))
    case = ContactFacts(case_id="c0", status="open", hold_reason=None, time_zone=zone, consent_late_calls=False,
                        contact_points=_points(0, ["n-a", "n-b"]), attempts=unnamed, promises=(), person_key="p")
    verdict = caseview.dial_verdict(case, "c0-n-b", load_policy("china"), morning + timedelta(hours=1))
    assert not verdict.allowed and verdict.rule == "point_daily_limit"


def test_a_consent_to_late_calls_covers_the_debtor_and_never_a_third_party() -> None:
    late = datetime(2026, 12, 2, 14, 30, tzinfo=UTC)  # 22:30 in Beijing
    base = ContactFacts(case_id="c0", status="open", hold_reason=None, time_zone="Asia/Shanghai",
                        consent_late_calls=True, contact_points=_points(0, ["n-a", "n-c"]), attempts=(),
                        promises=(), person_key="p")
    china = load_policy("china")
    assert caseview.dial_verdict(base, "c0-n-a", china, late).allowed
    unreachable = replace(base, contact_points=(_Point("c0-n-a", "phone", "debtor", "invalid", "n-a"),
                                                _Point("c0-n-c", "phone", "emergency", "valid", "n-c")))
    third = caseview.dial_verdict(unreachable, "c0-n-c", china, late)
    assert not third.allowed and third.rule == "quiet_hours"
