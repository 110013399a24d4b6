"""The compliance guard: worked examples of each rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agentdesk.domain.compliance import (
    ComplianceInputError,
    PastContact,
    PlannedContact,
    Rule,
    check_promise_date,
    evaluate,
    load_policy,
    next_allowed_time,
)

CHINA = load_policy("china")
US = load_policy("us")
SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")


def sh(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Shanghai wall-clock time as an aware UTC instant."""
    return datetime(year, month, day, hour, minute, tzinfo=SH).astimezone(UTC)


def ny(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A New York wall-clock time as an aware UTC instant."""
    return datetime(year, month, day, hour, minute, tzinfo=NY).astimezone(UTC)


CALL = PlannedContact(
    case_id="c1",
    contact_point_id="p1",
    contact_owner="debtor",
    contact_status="valid",
    channel="call",
    debtor_time_zone="Asia/Shanghai",
    case_status="open",
    hold_reason=None,
)
US_CALL = replace(CALL, debtor_time_zone="America/New_York")


def calls(point: str | None, times: list[datetime], reached: str = "nobody") -> list[PastContact]:
    return [PastContact(point, t, reached) for t in times]


# --- hours -------------------------------------------------------------------------------


def test_china_quiet_hours_edges() -> None:
    assert evaluate(CALL, [], CHINA, sh(2026, 11, 28, 21, 59)).allowed
    late = evaluate(CALL, [], CHINA, sh(2026, 11, 28, 22, 0))
    assert not late.allowed and late.rule == Rule.QUIET_HOURS
    assert late.next_allowed_at == sh(2026, 11, 29, 8, 0)
    assert "22:00" in late.reason_zh and "08:00" in late.reason_en
    early = evaluate(CALL, [], CHINA, sh(2026, 11, 29, 7, 59))
    assert early.next_allowed_at == sh(2026, 11, 29, 8, 0)
    assert evaluate(CALL, [], CHINA, sh(2026, 11, 29, 8, 0)).allowed


def test_hours_are_the_debtors_not_utc() -> None:
    # 13:00 UTC is 21:00 in Shanghai (allowed) and 08:00 in New York (allowed under US),
    # but 21:00 New York is 02:00 UTC next day: US preset blocks it.
    now = datetime(2026, 11, 28, 13, 0, tzinfo=UTC)
    assert evaluate(CALL, [], CHINA, now).allowed
    assert evaluate(US_CALL, [], US, now).allowed
    blocked = evaluate(US_CALL, [], US, ny(2026, 11, 28, 21, 0))
    assert blocked.rule == Rule.QUIET_HOURS
    assert blocked.next_allowed_at == ny(2026, 11, 29, 8, 0)


def test_recorded_consent_allows_late_calls() -> None:
    consented = replace(CALL, consent_late_calls=True)
    assert evaluate(consented, [], CHINA, sh(2026, 11, 28, 23, 0)).allowed


def test_quiet_hours_apply_to_sms_and_visits_too() -> None:
    for channel in ("sms", "visit"):
        verdict = evaluate(replace(CALL, channel=channel), [], CHINA, sh(2026, 11, 28, 23, 0))
        assert verdict.rule == Rule.QUIET_HOURS


def test_next_allowed_across_dst_change() -> None:
    # New York springs forward on 2026-03-08; 8:00 local is then 12:00 UTC, not 13:00.
    verdict = evaluate(US_CALL, [], US, ny(2026, 3, 7, 22, 0))
    assert verdict.next_allowed_at == datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


# --- frequency ---------------------------------------------------------------------------


def test_six_dials_per_point_per_local_day() -> None:
    # Shanghai 20:00-20:50 on the 28th; the seventh is refused until the next local morning.
    history = calls("p1", [sh(2026, 11, 28, 20, 10 * i) for i in range(6)])
    verdict = evaluate(CALL, history, CHINA, sh(2026, 11, 28, 21, 0))
    assert verdict.rule == Rule.POINT_DAILY_LIMIT
    assert "6/6" in verdict.reason_en
    assert verdict.next_allowed_at == sh(2026, 11, 29, 8, 0)
    # Another number of the same debtor is not limited by p1's count.
    assert evaluate(replace(CALL, contact_point_id="p2"), history, CHINA, sh(2026, 11, 28, 21, 0)).allowed


def test_day_is_counted_in_debtors_zone() -> None:
    # 6 calls at 07:00-07:50 UTC on the 28th = 15:00 Shanghai on the 28th; at 01:00 UTC
    # on the 29th it is 09:00 on the 29th in Shanghai: a new day, allowed again.
    history = calls("p1", [datetime(2026, 11, 28, 7, 10 * i, tzinfo=UTC) for i in range(6)])
    assert evaluate(CALL, history, CHINA, datetime(2026, 11, 29, 1, 0, tzinfo=UTC)).allowed
    assert not evaluate(CALL, history, CHINA, datetime(2026, 11, 28, 12, 0, tzinfo=UTC)).allowed


def test_warning_when_one_dial_is_left() -> None:
    history = calls("p1", [sh(2026, 11, 28, 9, i) for i in range(5)])
    verdict = evaluate(CALL, history, CHINA, sh(2026, 11, 28, 10, 0))
    assert verdict.allowed
    assert any("6/6" in w for w in verdict.warnings)
    assert len(verdict.warnings_zh) == len(verdict.warnings)
    quiet = evaluate(CALL, history[:3], CHINA, sh(2026, 11, 28, 10, 0))
    assert quiet.allowed and quiet.warnings == ()


def test_us_seven_calls_in_seven_days_counts_calendar_days() -> None:
    # One call a day at 10:00 New York from the 20th to the 26th (7 calls, different numbers).
    times = [ny(2026, 11, 20 + d, 10, 0) for d in range(7)]
    history = [PastContact(f"p{d}", t, "nobody") for d, t in enumerate(times)]
    verdict = evaluate(replace(US_CALL, contact_point_id="new"), history, US, ny(2026, 11, 26, 18, 0))
    assert verdict.rule == Rule.DEBTOR_7D_LIMIT
    # The window is the day and the six before it, in the consumer's calendar: on the 27th
    # the 20th has left it, from midnight; the first allowed hour that day is 08:00.
    assert verdict.next_allowed_at == ny(2026, 11, 27, 8, 0)
    assert evaluate(replace(US_CALL, contact_point_id="new"), history, US, ny(2026, 11, 27, 8, 0)).allowed


def test_us_seven_in_seven_across_the_clock_change_counts_days_not_hours() -> None:
    # Calls at 12:00 New York on 2 to 8 March 2026; the clocks go forward on Sunday the 8th.
    history = [PastContact(f"p{d}", ny(2026, 3, 2 + d, 12, 0), "nobody") for d in range(7)]
    call = replace(US_CALL, contact_point_id="new")
    # On the 9th the 2nd has left the window at local midnight (168 hours after the 2nd's
    # call would be 13:00 local, an hour late, because that week was an hour shorter).
    assert evaluate(call, history, US, ny(2026, 3, 9, 8, 0)).allowed
    blocked = evaluate(call, history, US, ny(2026, 3, 8, 20, 0))
    assert blocked.rule == Rule.DEBTOR_7D_LIMIT and blocked.next_allowed_at == ny(2026, 3, 9, 8, 0)


def test_us_wait_after_conversation_resumes_on_the_eighth_day() -> None:
    talk = [PastContact("p1", ny(2026, 11, 20, 15, 0), "right_party")]
    verdict = evaluate(US_CALL, talk, US, ny(2026, 11, 25, 12, 0))
    assert verdict.rule == Rule.WAIT_AFTER_CONVERSATION
    # The conversation's date is day 1; calls resume on day 8, the 27th, from its first hour.
    assert verdict.next_allowed_at == ny(2026, 11, 27, 8, 0)
    assert "2026-11-27 08:00" in verdict.reason_en
    assert not evaluate(US_CALL, talk, US, ny(2026, 11, 26, 20, 59)).allowed
    # No conversation (nobody answered) does not start the wait.
    missed = [PastContact("p1", ny(2026, 11, 20, 15, 0), "nobody")]
    assert evaluate(US_CALL, missed, US, ny(2026, 11, 25, 12, 0)).allowed


def test_china_has_no_wait_after_conversation() -> None:
    talk = [PastContact("p1", sh(2026, 11, 28, 9, 0), "right_party")]
    assert evaluate(CALL, talk, CHINA, sh(2026, 11, 28, 15, 0)).allowed


def test_sms_is_not_counted_as_a_dial() -> None:
    history = [PastContact("p1", sh(2026, 11, 28, 9, i), "nobody", channel="sms") for i in range(10)]
    assert evaluate(CALL, history, CHINA, sh(2026, 11, 28, 10, 0)).allowed


def test_contacts_after_now_are_ignored() -> None:
    # The server re-judges an offline attempt at 09:00 while it already knows later ones.
    later = calls("p1", [sh(2026, 11, 28, 11, i) for i in range(6)])
    assert evaluate(CALL, later, CHINA, sh(2026, 11, 28, 9, 0)).allowed


# --- holds, status, third parties, promises ----------------------------------------------


@pytest.mark.parametrize("reason", ["dispute", "hardship", "bankrupt", "deceased", "cease_contact", "legal"])
def test_hold_blocks_with_no_next_time(reason: str) -> None:
    held = replace(CALL, case_status="on_hold", hold_reason=reason)
    verdict = evaluate(held, [], CHINA, sh(2026, 11, 28, 10, 0))
    assert not verdict.allowed and verdict.rule == Rule.HOLD
    assert verdict.next_allowed_at is None
    assert reason in verdict.reason_en
    assert next_allowed_time(held, [], CHINA, sh(2026, 11, 28, 10, 0)) is None


def test_closed_case_is_never_contacted() -> None:
    verdict = evaluate(replace(CALL, case_status="closed"), [], CHINA, sh(2026, 11, 28, 10, 0))
    assert verdict.rule == Rule.CASE_CLOSED and verdict.next_allowed_at is None


@pytest.mark.parametrize("status", ["do_not_contact", "invalid", "wrong_party"])
def test_dead_contact_points_are_never_dialled(status: str) -> None:
    verdict = evaluate(replace(CALL, contact_status=status), [], CHINA, sh(2026, 11, 28, 10, 0))
    assert verdict.rule == Rule.CONTACT_POINT_STATUS and verdict.next_allowed_at is None


def test_unverified_number_allowed_with_warning() -> None:
    verdict = evaluate(replace(CALL, contact_status="unverified"), [], CHINA, sh(2026, 11, 28, 10, 0))
    assert verdict.allowed and any("Unverified" in w for w in verdict.warnings)


def test_third_party_only_when_debtor_unreachable() -> None:
    emergency = replace(CALL, contact_point_id="e1", contact_owner="emergency")
    now = sh(2026, 11, 28, 10, 0)
    blocked = evaluate(emergency, [], CHINA, now)
    assert blocked.rule == Rule.THIRD_PARTY_DEBTOR_REACHABLE and blocked.next_allowed_at is None
    assert evaluate(replace(emergency, debtor_reachable=False), [], CHINA, now).allowed


def test_address_book_contacts_are_refused() -> None:
    stranger = replace(CALL, contact_point_id="x", contact_owner="address_book", debtor_reachable=False)
    verdict = evaluate(stranger, [], CHINA, sh(2026, 11, 28, 10, 0))
    assert verdict.rule == Rule.THIRD_PARTY_NOT_REGISTERED


def test_third_party_daily_limit_china() -> None:
    emergency = replace(CALL, contact_point_id="e2", contact_owner="emergency", debtor_reachable=False)
    history = [
        PastContact("e1", sh(2026, 11, 28, 9, 0), "nobody", contact_owner="emergency"),
        PastContact("e3", sh(2026, 11, 28, 9, 30), "nobody", contact_owner="emergency"),
    ]
    verdict = evaluate(emergency, history, CHINA, sh(2026, 11, 28, 10, 0))
    assert verdict.rule == Rule.THIRD_PARTY_DAILY_LIMIT
    assert verdict.next_allowed_at == sh(2026, 11, 29, 8, 0)


def test_us_third_party_spoken_to_once() -> None:
    emergency = replace(US_CALL, contact_point_id="e1", contact_owner="emergency", debtor_reachable=False)
    spoken = [PastContact("e1", ny(2026, 11, 1, 10, 0), "third_party", contact_owner="emergency")]
    verdict = evaluate(emergency, spoken, US, ny(2026, 11, 28, 10, 0))
    assert verdict.rule == Rule.THIRD_PARTY_ONCE and verdict.next_allowed_at is None


def test_pending_promise_blocks_until_the_reminder_day() -> None:
    promised = replace(CALL, pending_promise_due=date(2026, 12, 5))
    verdict = evaluate(promised, [], CHINA, sh(2026, 11, 28, 10, 0))
    assert verdict.rule == Rule.PROMISE_PENDING
    assert verdict.next_allowed_at == sh(2026, 12, 4, 8, 0)  # reminder day, after quiet hours
    reminder = evaluate(promised, [], CHINA, sh(2026, 12, 4, 10, 0))
    assert reminder.allowed and any("reminder" in w for w in reminder.warnings)
    assert evaluate(promised, [], CHINA, sh(2026, 12, 5, 10, 0)).allowed


def test_blocked_reason_reports_the_most_fundamental_rule() -> None:
    held = replace(CALL, case_status="on_hold", hold_reason="dispute")
    verdict = evaluate(held, [], CHINA, sh(2026, 11, 28, 23, 0))
    assert verdict.rule == Rule.HOLD


def test_combined_limits_give_the_first_time_all_pass() -> None:
    # Six dials today and it is 23:00: midnight lifts the count, 08:00 lifts quiet hours.
    history = calls("p1", [sh(2026, 11, 28, 9, i) for i in range(6)])
    assert next_allowed_time(CALL, history, CHINA, sh(2026, 11, 28, 23, 0)) == sh(2026, 11, 29, 8, 0)


# --- input errors -------------------------------------------------------------------------


def test_naive_now_is_refused() -> None:
    with pytest.raises(ComplianceInputError, match="timezone-aware"):
        evaluate(CALL, [], CHINA, datetime(2026, 11, 28, 10, 0))


def test_unknown_zone_is_refused() -> None:
    with pytest.raises(ComplianceInputError, match="Mars/Olympus"):
        evaluate(replace(CALL, debtor_time_zone="Mars/Olympus"), [], CHINA, sh(2026, 11, 28, 10, 0))


def test_unknown_status_is_refused() -> None:
    with pytest.raises(ComplianceInputError, match="contact_status"):
        evaluate(replace(CALL, contact_status="maybe"), [], CHINA, sh(2026, 11, 28, 10, 0))


def test_promise_date_horizon() -> None:
    today = date(2026, 11, 28)
    check_promise_date(today + timedelta(days=30), today, CHINA)
    with pytest.raises(ComplianceInputError, match="30 days"):
        check_promise_date(today + timedelta(days=31), today, CHINA)
    with pytest.raises(ComplianceInputError, match="past"):
        check_promise_date(today - timedelta(days=1), today, CHINA)
