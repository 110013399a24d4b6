"""The queue order and its explanations."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.money import bucket_for
from agentdesk.domain.priority import (
    DEFAULT_WEIGHTS,
    CaseFacts,
    Strategy,
    StrategyError,
    best_hour,
    default_strategy,
    explain,
    explain_case,
    portfolio_reach_by_hour,
    rank,
    reach_probability,
)

NOW = datetime(2026, 11, 28, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai
PLAIN = CaseFacts("plain", overdue_minor=500_000, days_past_due=15, status="open", debtor_time_zone="Asia/Shanghai")


def order(cases: list[CaseFacts], **kw: object) -> list[str]:
    return [r.case_id for r in rank(cases, NOW, **kw)]  # type: ignore[arg-type]


def test_due_callback_beats_a_huge_balance() -> None:
    rich = replace(PLAIN, case_id="rich", overdue_minor=10_000_000_00, days_past_due=5)
    callback = replace(PLAIN, case_id="cb", overdue_minor=10_000, callback_due_at=NOW - timedelta(minutes=1))
    ranked = rank([rich, callback], NOW)
    assert [r.case_id for r in ranked] == ["cb", "rich"]
    assert ranked[0].factors[0].key == "callback_due"
    assert ranked[0].factors[0].text_en == "Callback due 14:29"
    assert ranked[0].factors[0].text_zh == "约定回电 14:29"


def test_callback_not_yet_due_does_not_jump_the_queue() -> None:
    later = replace(PLAIN, case_id="later", overdue_minor=10_000, callback_due_at=NOW + timedelta(hours=2))
    assert order([later, PLAIN]) == ["plain", "later"]


def test_promise_follow_up_then_broken_promise_then_plain() -> None:
    follow = replace(PLAIN, case_id="follow", promise_status="pending", promise_due=date(2026, 11, 28))
    broken = replace(PLAIN, case_id="broken", promise_status="broken", broken_promise_at=NOW - timedelta(days=1))
    assert order([PLAIN, broken, follow]) == ["follow", "broken", "plain"]
    texts = {r.case_id: r.factors[0] for r in rank([broken, follow], NOW)}
    assert texts["broken"].text_en == "Broken promise" and texts["broken"].text_zh == "承诺未兑现"
    assert texts["follow"].text_zh == "承诺今日到期"


def test_recent_broken_promise_outranks_an_old_one() -> None:
    fresh = replace(PLAIN, case_id="fresh", promise_status="broken", broken_promise_at=NOW - timedelta(hours=5))
    old = replace(PLAIN, case_id="old", promise_status="broken", broken_promise_at=NOW - timedelta(days=30))
    assert order([old, fresh]) == ["fresh", "old"]


def test_pending_promise_not_yet_due_sinks() -> None:
    pending = replace(PLAIN, case_id="pending", promise_status="pending", promise_due=date(2026, 12, 10))
    assert order([pending, PLAIN]) == ["plain", "pending"]


def test_expected_value_factor_text() -> None:
    case = replace(PLAIN, overdue_minor=1_234_500, days_past_due=45)
    factors = rank([case], NOW)[0].factors
    ev = next(f for f in factors if f.key == "expected_value")
    assert ev.text_en == "Overdue ¥12,345.00 · M2"
    assert ev.text_zh == "逾期 ¥12,345.00 · M2"


def test_later_bucket_worth_less_for_same_amount() -> None:
    m1 = replace(PLAIN, case_id="m1", days_past_due=10)
    m4 = replace(PLAIN, case_id="m4", days_past_due=200)
    assert order([m4, m1]) == ["m1", "m4"]


def test_fruitless_attempts_today_lower_the_case() -> None:
    tried = replace(PLAIN, case_id="tried", attempts_today=4, fruitless_today=4)
    assert order([tried, PLAIN]) == ["plain", "tried"]
    factor = next(f for f in rank([tried], NOW)[0].factors if f.key == "fruitless_today")
    assert factor.points == 4 * DEFAULT_WEIGHTS["fruitless_today"]
    assert "4" in factor.text_zh


def test_not_callable_now_sits_below_every_callable_case() -> None:
    big_later = replace(
        PLAIN,
        case_id="later",
        overdue_minor=99_000_000,
        callback_due_at=NOW - timedelta(hours=1),
        callable_from=NOW + timedelta(hours=3),
    )
    small = replace(PLAIN, case_id="small", overdue_minor=100)
    ranked = rank([big_later, small], NOW)
    assert [r.case_id for r in ranked] == ["small", "later"]
    gate = ranked[1].factors[0]
    assert gate.text_en == "Callable from 17:30" and gate.text_zh == "可拨打时间 17:30"
    assert ranked[1].callable_from == NOW + timedelta(hours=3)
    # Shown in the agent's zone when asked.
    in_utc = rank([big_later], NOW, display_zone="UTC")[0].factors[0]
    assert in_utc.text_en == "Callable from 09:30"


def test_callable_from_in_the_past_means_callable() -> None:
    past = replace(PLAIN, case_id="past", callable_from=NOW - timedelta(minutes=1))
    assert rank([past], NOW)[0].callable_from is None


def test_later_cases_ordered_by_when_they_open() -> None:
    a = replace(PLAIN, case_id="a", callable_from=NOW + timedelta(hours=5))
    b = replace(PLAIN, case_id="b", overdue_minor=10, callable_from=NOW + timedelta(hours=1))
    assert order([a, b]) == ["b", "a"]


def test_held_and_closed_cases_go_last() -> None:
    held = replace(PLAIN, case_id="held", status="on_hold", callback_due_at=NOW - timedelta(hours=1))
    closed = replace(PLAIN, case_id="closed", status="closed")
    later = replace(PLAIN, case_id="later", callable_from=NOW + timedelta(hours=1))
    ranked = rank([held, closed, later, PLAIN], NOW)
    assert [r.case_id for r in ranked][:2] == ["plain", "later"]
    assert {r.factors[0].key for r in ranked[2:]} == {"on_hold", "case_closed"}


def test_reach_is_smoothed_toward_the_portfolio() -> None:
    assert reach_probability(0, 0, 0.3, 8) == pytest.approx(0.3)
    # One miss barely moves a debtor off the portfolio's rate; a hundred misses do.
    assert reach_probability(0, 1, 0.3, 8) == pytest.approx(0.3 * 8 / 9)
    assert reach_probability(0, 100, 0.3, 8) < 0.03
    assert reach_probability(50, 100, 0.3, 8) == pytest.approx((50 + 2.4) / 108)


def test_good_hour_raises_the_case_and_says_so() -> None:
    hour = 14  # local hour at NOW
    rpc = tuple(12 if h == hour else 0 for h in range(24))
    att = tuple(20 if h == hour else 4 for h in range(24))
    answers = replace(PLAIN, case_id="answers", rpc_by_hour=rpc, attempts_by_hour=att)
    misses = replace(PLAIN, case_id="misses", attempts_by_hour=att)
    prior = [0.2] * 24
    ranked = rank([misses, answers], NOW, portfolio_rpc_by_hour=prior)
    assert [r.case_id for r in ranked] == ["answers", "misses"]
    reach = {r.case_id: next(f for f in r.factors if f.key == "reach") for r in ranked}
    # (12 + 8*0.2) / (20 + 8) = 48.6%
    assert reach["answers"].text_en == "Good hour to call (49% reach at 14:00 debtor's time)"
    assert reach["answers"].text_zh == "当前时段易接通（债务人当地 14:00 接通率 49%）"
    assert reach["misses"].text_en.startswith("Poor hour to call")


def test_a_case_that_may_not_be_called_now_shows_no_reach() -> None:
    """At 06:18 in the quiet hours a debtor who always answers at 6 is still not reachable by us."""
    hour = 14
    rpc = tuple(20 if h == hour else 0 for h in range(24))
    att = tuple(20 if h == hour else 0 for h in range(24))
    quiet = replace(PLAIN, case_id="quiet", rpc_by_hour=rpc, attempts_by_hour=att,
                    callable_from=NOW + timedelta(hours=2))
    ranked = rank([quiet], NOW, portfolio_rpc_by_hour=[0.2] * 24)
    shown = ranked[0].factors
    assert shown[0].key == "callable_from"
    assert all(f.points == 0 or f.key != "reach" for f in shown)
    assert not any("%" in f.text_en and f.key == "reach" and not f.text_en.startswith("No call") for f in shown)


def test_portfolio_rate_is_measured_when_not_given() -> None:
    a = replace(PLAIN, rpc_by_hour=(1,) * 24, attempts_by_hour=(4,) * 24)
    b = replace(PLAIN, rpc_by_hour=(0,) * 24, attempts_by_hour=(4,) * 24)
    assert portfolio_reach_by_hour([a, b]) == [0.125] * 24
    assert portfolio_reach_by_hour([PLAIN]) == [0.2] * 24


def test_best_hour() -> None:
    rpc = tuple(9 if h == 19 else 0 for h in range(24))
    att = tuple(10 if h in (10, 19) else 0 for h in range(24))
    hour, p = best_hour(rpc, att, [0.2] * 24)
    assert hour == 19 and p == pytest.approx((9 + 1.6) / 18)


def test_at_most_three_factors_largest_first() -> None:
    busy = replace(
        PLAIN,
        promise_status="broken",
        attempts_today=2,
        fruitless_today=2,
        callback_due_at=NOW - timedelta(minutes=5),
    )
    factors = rank([busy], NOW)[0].factors
    assert len(factors) == 3
    sizes = [abs(f.points) for f in factors]
    assert sizes == sorted(sizes, reverse=True)
    assert "；" in explain(rank([busy], NOW)[0], "zh")


def test_strategy_changes_the_order() -> None:
    rich_m4 = replace(PLAIN, case_id="rich", overdue_minor=50_000_000, days_past_due=200)
    tried_m1 = replace(PLAIN, case_id="m1", days_past_due=5, overdue_minor=400_000)
    assert order([rich_m4, tried_m1])[0] == "rich"
    cautious = Strategy("m1_first", {"p_pay_M4+": 0.001})
    assert order([rich_m4, tried_m1], strategy=cautious)[0] == "m1"


def test_bad_strategy_is_refused_with_the_key() -> None:
    with pytest.raises(StrategyError, match="calback_due"):
        rank([PLAIN], NOW, Strategy("typo", {"calback_due": 5.0}))
    with pytest.raises(StrategyError, match="p_pay_M1"):
        rank([PLAIN], NOW, Strategy("bad", {"p_pay_M1": 1.5}))
    assert default_strategy().resolved() == DEFAULT_WEIGHTS


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        rank([PLAIN], datetime(2026, 11, 28, 6, 30))


case_strategy = st.builds(
    CaseFacts,
    case_id=st.uuids().map(str),
    overdue_minor=st.integers(0, 10**9),
    days_past_due=st.integers(0, 400),
    status=st.sampled_from(["open", "open", "on_hold", "closed"]),
    debtor_time_zone=st.sampled_from(["Asia/Shanghai", "America/New_York"]),
    callback_due_at=st.one_of(st.none(), st.integers(-600, 600).map(lambda m: NOW + timedelta(minutes=m))),
    promise_status=st.sampled_from([None, "pending", "kept", "broken"]),
    promise_due=st.one_of(st.none(), st.dates(date(2026, 11, 20), date(2026, 12, 20))),
    attempts_today=st.integers(0, 6),
    fruitless_today=st.integers(0, 6),
    callable_from=st.one_of(st.none(), st.integers(-600, 600).map(lambda m: NOW + timedelta(minutes=m))),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(case_strategy, max_size=30))
def test_rank_is_a_permutation_with_callable_cases_first(cases: list[CaseFacts]) -> None:
    ranked = rank(cases, NOW)
    assert sorted(r.case_id for r in ranked) == sorted(c.case_id for c in cases)
    kinds = []
    for r in ranked:
        if r.factors[0].key in ("on_hold", "case_closed"):
            kinds.append(2)
        elif r.callable_from is not None:
            kinds.append(1)
            assert r.callable_from > NOW
        else:
            kinds.append(0)
        assert 1 <= len(r.factors) <= 3
    assert kinds == sorted(kinds)
    callable_scores = [r.score for r, k in zip(ranked, kinds, strict=True) if k == 0]
    assert callable_scores == sorted(callable_scores, reverse=True)


@settings(max_examples=150, deadline=None)
@given(case_strategy, st.integers(1, 10**8))
def test_more_overdue_never_lowers_the_score(case: CaseFacts, extra: int) -> None:
    more = replace(case, overdue_minor=case.overdue_minor + extra)
    assert rank([more], NOW)[0].score >= rank([case], NOW)[0].score


@settings(max_examples=150, deadline=None)
@given(case_strategy, st.integers(1, 5))
def test_another_fruitless_attempt_never_raises_the_score(case: CaseFacts, more: int) -> None:
    worse = replace(case, fruitless_today=case.fruitless_today + more, attempts_today=case.attempts_today + more)
    assert rank([worse], NOW)[0].score < rank([case], NOW)[0].score


def test_explain_top_explains_only_the_first_rows_and_explain_case_matches() -> None:
    cases = [replace(PLAIN, case_id=f"c{i}", overdue_minor=10_000 * (i + 1)) for i in range(20)]
    prior = portfolio_reach_by_hour(cases)
    full = rank(cases, NOW, portfolio_rpc_by_hour=prior)
    short = rank(cases, NOW, portfolio_rpc_by_hour=prior, explain_top=5)
    assert [r.case_id for r in short] == [r.case_id for r in full]
    assert [r.score for r in short] == [r.score for r in full]
    assert all(r.factors for r in short[:5]) and not any(r.factors for r in short[5:])
    by_id = {c.case_id: c for c in cases}
    for row in full:
        assert explain_case(by_id[row.case_id], NOW, prior) == row


@pytest.mark.parametrize("dpd", [-3, 0, 1, 30, 31, 60, 61, 90, 91, 400])
def test_bucket_in_explanation_matches_money_bucket_for(dpd: int) -> None:
    factors = rank([replace(PLAIN, days_past_due=dpd)], NOW)[0].factors
    ev = next(f for f in factors if f.key == "expected_value")
    assert ev.text_en.endswith(f"· {bucket_for(dpd)}")


def test_a_case_no_rule_lets_us_call_is_said_so_in_any_time_zone() -> None:
    """Every number dead or a stop request: no next time exists; shown east of UTC too (the
    desk once crashed turning datetime.max into Beijing time)."""
    from agentdesk.domain.priority import NOT_CALLABLE

    dead = replace(PLAIN, case_id="dead", callable_from=NOT_CALLABLE)
    later = replace(PLAIN, case_id="later", callable_from=NOW + timedelta(hours=3))
    ranked = rank([dead, later, PLAIN], NOW, display_zone="Pacific/Kiritimati")
    assert [r.case_id for r in ranked] == ["plain", "later", "dead"]
    assert ranked[-1].factors[0].key == "not_callable"
    assert ranked[-1].factors[0].text_en == "No number may be called"
