"""Pricing a placement from defaults and from measured history; the segment cadence's gate
and its check against the compliance preset."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agentdesk.domain.cadence import Cadence, CadenceProblem, check_against_policy, next_call_at, third_party_allowed
from agentdesk.domain.policy import load_policy
from agentdesk.domain.pricing import DEFAULT_RECOVERY, HORIZONS, BatchCase, Cohort, price_batch

NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
NAMES = {"early": ("早期", "Early"), "late": ("长账龄", "Late")}


def _cohort(rng: random.Random, cases: int, rate: float) -> Cohort:
    owed = paid = owed_sq = paid_sq = paid_owed = 0
    for _ in range(cases):
        o = rng.randint(200_000, 2_000_000)  # minor units
        p = round(o * rate * rng.uniform(0.0, 2.0))
        owed += o
        paid += p
        owed_sq += o * o
        paid_sq += p * p
        paid_owed += p * o
    return Cohort(cases, owed, paid, owed_sq, paid_sq, paid_owed)


def test_without_history_the_documented_defaults_price_the_batch() -> None:
    batch = [BatchCase("early", "M1", 1_000_000)] * 10 + [BatchCase("late", "M4+", 2_000_000)] * 5
    price = price_batch(batch, {}, NAMES, lender="星河", book_version=3, as_of=NOW)
    assert price.cases == 15 and price.overdue_minor == 20_000_000
    early = price.segments[0]
    assert early.segment == "early" and early.buckets == {"M1": 10}
    assert [h.rate for h in early.horizons] == list(DEFAULT_RECOVERY["M1"])
    assert all(h.source == "default" and h.low < h.rate < h.high for h in early.horizons)
    assert "documented default" in early.evidence_en and "默认参数" in early.evidence_zh
    expected = 10_000_000 * DEFAULT_RECOVERY["M1"][0] + 10_000_000 * DEFAULT_RECOVERY["M4+"][0]
    assert price.total[0].amount_minor == round(expected)
    assert [h.days for h in price.total] == list(HORIZONS)


def test_measured_history_moves_the_estimate_and_narrows_it() -> None:
    rng = random.Random(1)
    batch = [BatchCase("early", "M1", 1_000_000)] * 20
    # This portfolio's M1 cases pay half the default in their first month, and the early segment likewise.
    history = {("*", "M1", 30): _cohort(rng, 800, 0.11), ("early", "M1", 30): _cohort(rng, 500, 0.11)}
    price = price_batch(batch, history, NAMES, lender="星河", book_version=1, as_of=NOW)
    month, quarter = price.segments[0].horizons[0], price.segments[0].horizons[1]
    assert 0.09 < month.rate < 0.13 and month.source == "history" and month.history_cases == 800
    default_width = 2 * 1.96 * DEFAULT_RECOVERY["M1"][0] * 0.35
    assert month.high - month.low < default_width / 3
    # No 90-day cohort yet: the default curve, scaled by the measured first month.
    assert quarter.rate == pytest.approx(DEFAULT_RECOVERY["M1"][1] * month.rate / DEFAULT_RECOVERY["M1"][0], rel=0.15)
    assert "500" in price.segments[0].evidence_en or "800" in price.segments[0].evidence_en


def test_cadence_gate_in_the_debtors_day() -> None:
    zone = ZoneInfo("Asia/Shanghai")
    cadence = Cadence(calls_per_day=2, hours_between_calls=3)
    now = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)  # 14:00 Beijing
    assert next_call_at(cadence, [], now, zone) is None
    one = [now - timedelta(hours=1)]
    assert next_call_at(cadence, one, now, zone) == one[0] + timedelta(hours=3)
    two = [now - timedelta(hours=5), now - timedelta(hours=4)]
    gate = next_call_at(cadence, two, now, zone)
    assert gate is not None and gate.astimezone(zone).hour == 0 and gate.astimezone(zone).day == 3
    # Yesterday's calls do not count today.
    assert next_call_at(cadence, [now - timedelta(days=1)] * 5, now, zone) is None


def test_third_parties_only_after_the_days_set_and_never_once_the_debtor_was_reached() -> None:
    cadence = Cadence(third_party_after_days=5)
    first = NOW - timedelta(days=6)
    assert third_party_allowed(cadence, first, False, NOW)
    assert not third_party_allowed(cadence, NOW - timedelta(days=2), False, NOW)
    assert not third_party_allowed(cadence, first, True, NOW)
    assert not third_party_allowed(Cadence(third_party_after_days=None), first, False, NOW)


@pytest.mark.parametrize(("preset", "cadence", "field"), [
    ("china", Cadence(calls_per_day=7), "calls_per_day"),
    ("us", Cadence(calls_per_day=8), "calls_per_day"),
    ("china", Cadence(channels=["call"], sms_per_week=2), "sms_per_week"),
])
def test_a_cadence_beyond_the_preset_is_refused_by_field(preset: str, cadence: Cadence, field: str) -> None:
    with pytest.raises(CadenceProblem) as refused:
        check_against_policy(cadence, load_policy(preset))
    assert refused.value.field == field


def test_the_default_cadence_is_inside_both_presets() -> None:
    for preset in ("china", "us"):
        check_against_policy(Cadence(), load_policy(preset))
