"""The queue ranking as it was before the fast path (issue 5), kept verbatim as a reference.

`test_priority_fast_path.py` checks that `agentdesk.domain.priority.rank` orders, scores
and explains exactly as this did; the data classes are the live ones so results compare
directly. Do not "improve" this file: its value is that it does not change.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentdesk.domain.money import Money
from agentdesk.domain.priority import (  # the live data classes, so results compare directly
    _ZEROS_24,
    NOT_CALLABLE,
    CaseFacts,
    Factor,
    RankedCase,
    Strategy,
    StrategyError,
    default_strategy,
)


@lru_cache(maxsize=512)
def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise StrategyError(f"unknown time zone '{name}': use an IANA name such as 'Asia/Shanghai'") from exc


def portfolio_reach_by_hour(cases: Sequence[CaseFacts]) -> list[float]:
    """Right-party rate per local hour across the cases: the prior for each debtor.

    Hours with no attempts borrow the portfolio's overall rate, so the prior never says
    "0% reach" merely because nobody has tried that hour yet.
    """
    rpc = [0] * 24
    attempts = [0] * 24
    for case in cases:
        if case.attempts_by_hour is not _ZEROS_24:
            for h, (r, a) in enumerate(zip(case.rpc_by_hour, case.attempts_by_hour, strict=True)):
                rpc[h] += r
                attempts[h] += a
    total_a = sum(attempts)
    overall = sum(rpc) / total_a if total_a else 0.2
    return [rpc[h] / attempts[h] if attempts[h] else overall for h in range(24)]


def reach_probability(rpc: int, attempts: int, prior_rate: float, prior_attempts: float) -> float:
    """Empirical-Bayes estimate: the debtor's own rate shrunk toward the portfolio's."""
    return (rpc + prior_attempts * prior_rate) / (attempts + prior_attempts)


def _pct(p: float) -> str:
    return f"{round(p * 100)}%"


_PROMISE_NONE, _PROMISE_FOLLOW_UP, _PROMISE_PENDING, _PROMISE_BROKEN = 0, 1, 2, 3


class _Context:
    """Everything `rank` resolves once per call instead of once per case."""

    def __init__(
        self,
        cases: Sequence[CaseFacts],
        now: datetime,
        strategy: Strategy | None,
        portfolio_rpc_by_hour: Sequence[float] | None,
        display_zone: str | None,
    ) -> None:
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError(f"now must be timezone-aware (UTC), got naive {now.isoformat()}")
        w = (strategy or default_strategy()).resolved()
        if portfolio_rpc_by_hour is None:
            prior = portfolio_reach_by_hour(cases)
        else:
            prior = [float(x) for x in portfolio_rpc_by_hour]
            if len(prior) != 24 or not all(0.0 <= x <= 1.0 for x in prior):
                raise StrategyError("portfolio_rpc_by_hour needs 24 rates within 0..1")
        self.now = now
        self.prior = prior
        self.prior_mean = max(sum(prior) / 24.0, 1e-6)
        self.shown_zone = _zone(display_zone) if display_zone else None
        self.w = w
        self.fade_seconds = w["broken_promise_fade_days"] * 86400.0
        self.p_pay = (w["p_pay_M0"], w["p_pay_M1"], w["p_pay_M2"], w["p_pay_M3"], w["p_pay_M4+"])
        # Local hour and date depend only on the zone; a queue has few zones, many cases.
        self.local: dict[str, tuple[int, date, tzinfo]] = {}

    def local_now(self, zone_name: str) -> tuple[int, date, tzinfo]:
        found = self.local.get(zone_name)
        if found is None:
            tz = _zone(zone_name)
            local_now = self.now.astimezone(tz)
            found = (local_now.hour, local_now.date(), tz)
            self.local[zone_name] = found
        return found


# One case's contributions: (score, callback, promise kind, promise points, expected value,
# reach points, reach probability, fruitless points, attempts points, bucket index,
# attempts in the debtor's history).
_Parts = tuple[float, float, int, float, float, float, float, float, float, int, int]


def _scorer(ctx: _Context) -> Callable[[CaseFacts], _Parts]:
    """Build the one function that scores a case; explanations are built from its output.

    Weights are bound as closure variables and the body is flat arithmetic because it
    runs once per case on every re-rank (dict and attribute look-ups dominate otherwise).
    """
    w = ctx.w
    now = ctx.now
    prior = ctx.prior
    pm = ctx.prior_mean
    local_now = ctx.local_now
    local_cache = ctx.local
    p_pay = ctx.p_pay
    fade_seconds = ctx.fade_seconds
    w_callback = w["callback_due"]
    w_follow = w["promise_follow_up"]
    w_pending = w["promise_pending"]
    w_broken = w["broken_promise"]
    w_ev = w["expected_value"]
    w_reach = w["reach"]
    w_fruitless = w["fruitless_today"]
    w_attempts = w["attempts_today"]
    k = w["reach_prior_attempts"]
    kept_mult = w["kept_promise_multiplier"]
    log10 = math.log10
    zeros = _ZEROS_24

    def parts(case: CaseFacts) -> _Parts:
        zone_name = case.debtor_time_zone
        found = local_cache.get(zone_name)
        hour, today, _tz = found if found is not None else local_now(zone_name)

        cb_at = case.callback_due_at
        callback = w_callback if cb_at is not None and cb_at <= now else 0.0

        kind = _PROMISE_NONE
        promise = 0.0
        status = case.promise_status
        if status is not None:
            due = case.promise_due
            if status == "pending" and due is not None:
                if due <= today:
                    kind, promise = _PROMISE_FOLLOW_UP, w_follow
                else:
                    kind, promise = _PROMISE_PENDING, w_pending
            elif status == "broken":
                kind = _PROMISE_BROKEN
                fade = 1.0
                if case.broken_promise_at is not None:
                    age = (now - case.broken_promise_at).total_seconds()
                    fade = max(0.25, 1.0 - max(age, 0.0) / fade_seconds)
                promise = w_broken * fade

        dpd = case.days_past_due  # same cut-offs as money.bucket_for, inlined for speed
        bucket = 0 if dpd <= 0 else 1 if dpd <= 30 else 2 if dpd <= 60 else 3 if dpd <= 90 else 4
        prob = p_pay[bucket]
        if status == "kept":
            prob = min(1.0, prob * kept_mult)
        att_h = case.attempts_by_hour
        base = prior[hour]
        if att_h is zeros:
            total_att = 0
            p_reach = base
        else:
            total_att = sum(att_h)
            rpc_h = case.rpc_by_hour
            p_reach = (rpc_h[hour] + k * base) / (att_h[hour] + k)
            if total_att:
                # A debtor who answers pays more often than one who never does: scale by
                # how their overall reach compares with the portfolio's, bounded so thin
                # history cannot swing it far.
                ratio = (sum(rpc_h) + k * pm) / (total_att + k) / pm
                prob *= 2.0 if ratio > 2.0 else 0.5 if ratio < 0.5 else ratio
                if prob > 1.0:
                    prob = 1.0
        ev_major = case.overdue_minor * prob / 100.0
        ev = w_ev * log10(1.0 + ev_major) if ev_major > 0 else 0.0
        reach = w_reach * p_reach
        fruitless = w_fruitless * case.fruitless_today
        attempts = w_attempts * case.attempts_today
        score = callback + promise + ev + reach + fruitless + attempts
        return (score, callback, kind, promise, ev, reach, p_reach, fruitless, attempts, bucket, total_att)

    return parts


_BUCKETS = ("M0", "M1", "M2", "M3", "M4+")


def _factors(case: CaseFacts, parts: _Parts, ctx: _Context) -> tuple[Factor, ...]:
    _score, callback, kind, promise, ev, reach, p_reach, fruitless, attempts, bucket, total_att = parts
    hour, today, tz = ctx.local_now(case.debtor_time_zone)
    show_tz = ctx.shown_zone or tz
    factors: list[Factor] = []
    if callback and case.callback_due_at is not None:
        at = case.callback_due_at.astimezone(show_tz)
        factors.append(Factor("callback_due", f"Callback due {at:%H:%M}", f"约定回电 {at:%H:%M}", callback))
    due = case.promise_due
    if kind == _PROMISE_FOLLOW_UP and due is not None:
        if due == today:
            factors.append(Factor("promise_follow_up", "Promise due today", "承诺今日到期", promise))
        else:
            factors.append(
                Factor(
                    "promise_follow_up",
                    f"Promise due {due:%m-%d}: check payment",
                    f"承诺 {due:%m-%d} 到期，核实还款",
                    promise,
                )
            )
    elif kind == _PROMISE_PENDING and due is not None:
        factors.append(
            Factor("promise_pending", f"Promise pending until {due:%m-%d}", f"承诺还款日 {due:%m-%d} 未到", promise)
        )
    elif kind == _PROMISE_BROKEN:
        factors.append(Factor("broken_promise", "Broken promise", "承诺未兑现", promise))
    money = Money(case.overdue_minor, case.currency).format()
    name = _BUCKETS[bucket]
    factors.append(Factor("expected_value", f"Overdue {money} · {name}", f"逾期 {money} · {name}", ev))
    base = ctx.prior[hour]
    # Only a clear difference from the portfolio is worth a word; otherwise neutral.
    # The estimate names the debtor's local hour it is for. A case that may not be called now
    # (quiet hours, a limit reached) has no reach now: 0, whatever the hour's history says.
    gated = case.callable_from is not None and case.callable_from > ctx.now
    if gated:
        en, zh, p_reach, reach = "No call allowed now", "现在不可拨打", 0.0, 0.0
    elif total_att and p_reach >= base * 1.15:
        en, zh = "Good hour to call", "当前时段易接通"
    elif total_att and p_reach <= base * 0.85:
        en, zh = "Poor hour to call", "当前时段较难接通"
    else:
        en, zh = "Usual reach this hour", "当前时段接通率一般"
    pct = _pct(p_reach)
    factors.append(Factor("reach", f"{en} ({pct} reach at {hour:02d}:00 debtor's time)",
                          f"{zh}（债务人当地 {hour:02d}:00 接通率 {pct}）", reach))
    if case.fruitless_today:
        n = case.fruitless_today
        factors.append(Factor("fruitless_today", f"{n} unanswered today", f"今日 {n} 次未接通", fruitless))
    if case.attempts_today:
        n = case.attempts_today
        factors.append(Factor("attempts_today", f"{n} attempts today", f"今日已拨打 {n} 次", attempts))
    factors.sort(key=_by_size)

    if case.status != "open":
        held = (
            Factor("case_closed", "Case closed", "案件已结案", 0.0)
            if case.status == "closed"
            else Factor("on_hold", "On hold: no contact", "暂停催收：不得联系", 0.0)
        )
        return (held, *factors[:2])
    if case.callable_from is not None and case.callable_from >= NOT_CALLABLE:
        return (Factor("not_callable", "No number may be called", "没有可拨打的号码", 0.0), *factors[:2])
    if case.callable_from is not None and case.callable_from > ctx.now:
        when = case.callable_from.astimezone(show_tz)
        gate = Factor("callable_from", f"Callable from {when:%H:%M}", f"可拨打时间 {when:%H:%M}", 0.0)
        return (gate, *factors[:2])
    return tuple(factors[:3])


def rank(
    cases: Sequence[CaseFacts],
    now: datetime,
    strategy: Strategy | None = None,
    portfolio_rpc_by_hour: Sequence[float] | None = None,
    display_zone: str | None = None,
    explain_top: int | None = None,
) -> list[RankedCase]:
    """Order the cases for `now`, best first, each with its explanation.

    `portfolio_rpc_by_hour` gives 24 right-party rates (0..1) by local hour; when None it
    is measured from `cases` (pass it in when re-ranking often: it changes only on sync).
    Times in explanations are shown in `display_zone` (the agent's zone) when given, else
    in the debtor's zone. Order: callable cases by score; then cases callable later,
    earliest first; then cases on hold or closed.

    Building the words costs more than the score, so for a lead's 100k-case scope pass
    `explain_top`: only the first that many rows get factors (the rest get an empty
    tuple) and `explain_case` fills in any other row when it scrolls into view.
    """
    ctx = _Context(cases, now, strategy, portfolio_rpc_by_hour, display_zone)
    parts_of = _scorer(ctx)
    # Few allocations per case: a float score and an index in one of three groups.
    # Sorting indices by a float key is stable, so equal scores keep input order.
    neg_scores: list[float] = []
    add_score = neg_scores.append
    callable_now: list[int] = []
    later: list[int] = []
    held: list[int] = []
    index = 0
    for case in cases:
        add_score(-parts_of(case)[0])
        if case.status != "open":
            held.append(index)
        elif case.callable_from is not None and case.callable_from > now:
            later.append(index)
        else:
            callable_now.append(index)
        index += 1
    by_score = neg_scores.__getitem__
    callable_now.sort(key=by_score)
    held.sort(key=by_score)
    later.sort(key=lambda i: (cases[i].callable_from, neg_scores[i]))

    limit = len(cases) if explain_top is None else max(0, explain_top)
    ranked: list[RankedCase] = []
    append = ranked.append
    position = 0
    for group in (callable_now, later, held):
        is_later = group is later
        for i in group:
            case = cases[i]
            # The explained rows re-run the scorer: cheaper than keeping every case's parts.
            factors = _factors(case, parts_of(case), ctx) if position < limit else ()
            append(RankedCase(case.case_id, -neg_scores[i], factors, case.callable_from if is_later else None))
            position += 1
    return ranked


def _by_size(f: Factor) -> float:
    return -abs(f.points)
