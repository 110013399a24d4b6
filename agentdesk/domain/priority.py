"""The queue order: which case is worth calling now, and why.

Scores are sums of named factors so every case can say why it sits where it sits: the
three largest contributions become its explanation, in Chinese and English. Weights are a
`Strategy` the server distributes (a lead may change them; champion/challenger compares
two), never constants buried in code. The default weights and the reason for each are
declared once in `agentdesk.domain.strategy` (`WEIGHTS`): callbacks due 1000, promise
follow-up 600, broken promise 400 fading over 14 days, 60 points per tenfold of expected
value, 150 × the chance of reaching the debtor this hour, -40 per unanswered attempt and
-10 per attempt today, -300 for a promise not yet due.

Compliance is not decided here: the caller asks the guard and passes `callable_from`.
A case the rules forbid now drops below every callable one, whatever its score.

Speed matters (a lead's scope is ~100k cases and the queue re-ranks on every change).
The arithmetic runs over per-case columns in `agentdesk.domain.ranking` (numpy): `rank`
puts the facts in a `CaseTable` and ranks that, so one case and 100k cases are scored by
the same code. Callers that re-rank often keep the table (`ranking.CaseTable`,
`rank_columns`) and change only the rows that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from agentdesk.domain.money import Money
from agentdesk.domain.strategy import (
    DEFAULT_WEIGHTS,
    WEIGHTS,
    Strategy,
    StrategyError,
    WeightSpec,
    default_strategy,
    weight_spec,
)

_ZEROS_24: tuple[int, ...] = (0,) * 24


# `callable_from` of a case no rule will let us call (every number dead, a stop request):
# far enough to sort last, near enough that any time zone can show it (datetime.max cannot).
NOT_CALLABLE = datetime(9999, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class CaseFacts:
    """What the queue needs to know about one case, pre-aggregated by the caller."""

    case_id: str
    overdue_minor: int
    days_past_due: int
    status: str  # "open" | "on_hold" | "closed"
    debtor_time_zone: str
    callback_due_at: datetime | None = None
    promise_due: date | None = None
    promise_status: str | None = None  # "pending" | "kept" | "broken"
    broken_promise_at: datetime | None = None
    attempts_today: int = 0
    fruitless_today: int = 0
    rpc_by_hour: tuple[int, ...] = field(default=_ZEROS_24)  # right-party contacts, local hour
    attempts_by_hour: tuple[int, ...] = field(default=_ZEROS_24)  # attempts, local hour
    callable_from: datetime | None = None  # from the guard; None = callable now
    currency: str = "CNY"
    engaged_at: datetime | None = None  # the debtor last opened the link in one of our SMS
    # What set `callable_from`: "" the compliance guard, "cadence" the segment's cadence
    # (agentdesk.domain.cadence), which the explanation then names.
    gate: str = ""


@dataclass(frozen=True)
class Factor:
    key: str
    text_en: str
    text_zh: str
    points: float


class RankedCase(NamedTuple):
    """One row of the ranked queue. A named tuple: `rank` makes one per case, and a tuple is
    several times cheaper to build than a frozen dataclass at 100k rows."""

    case_id: str
    score: float
    factors: tuple[Factor, ...]  # largest contribution first, at most 3
    callable_from: datetime | None


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
    zeros = _ZEROS_24
    with_history = [case for case in cases if case.attempts_by_hour is not zeros]
    rpc = _hourly_sums([case.rpc_by_hour for case in with_history])
    attempts = _hourly_sums([case.attempts_by_hour for case in with_history])
    return reach_from_totals(rpc, attempts)


def reach_from_totals(rpc: Sequence[int], attempts: Sequence[int]) -> list[float]:
    """`portfolio_reach_by_hour` from its 24 hourly totals of right-party contacts and of
    attempts (`ranking.CaseTable.reach_by_hour` sums them over its columns)."""
    total_a = sum(attempts)
    overall = sum(rpc) / total_a if total_a else 0.2
    return [rpc[h] / attempts[h] if attempts[h] else overall for h in range(24)]


def _hourly_sums(rows: Sequence[Sequence[int]]) -> list[int]:
    """Per-hour totals of 24-count rows: columns summed in C (zip transposes), a block at a
    time because one zip over 100k rows is slower than many over a thousand."""
    totals = [0] * 24
    for start in range(0, len(rows), 1024):
        try:
            columns = list(zip(*rows[start:start + 1024], strict=True))
        except ValueError:
            columns = []
        if len(columns) != 24:
            raise StrategyError("every case needs 24 hourly counts in rpc_by_hour and attempts_by_hour")
        for hour, column in enumerate(columns):
            totals[hour] += sum(column)
    return totals


def reach_probability(rpc: int, attempts: int, prior_rate: float, prior_attempts: float) -> float:
    """Empirical-Bayes estimate: the debtor's own rate shrunk toward the portfolio's."""
    return (rpc + prior_attempts * prior_rate) / (attempts + prior_attempts)


def _pct(p: float) -> str:
    return f"{round(p * 100)}%"


_PROMISE_NONE, _PROMISE_FOLLOW_UP, _PROMISE_PENDING, _PROMISE_BROKEN = 0, 1, 2, 3


class _Context:
    """Everything a ranking resolves once per call instead of once per case: the instant,
    the portfolio prior, the display zone and each debtor zone's local hour and date."""

    def __init__(
        self,
        cases: Sequence[CaseFacts],
        now: datetime,
        portfolio_rpc_by_hour: Sequence[float] | None,
        display_zone: str | None,
    ) -> None:
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError(f"now must be timezone-aware (UTC), got naive {now.isoformat()}")
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
# attempts in the debtor's history, link-opened points).
_Parts = tuple[float, float, int, float, float, float, float, float, float, int, int, float]


_BUCKETS = ("M0", "M1", "M2", "M3", "M4+")


def _factors(case: CaseFacts, parts: _Parts, ctx: _Context) -> tuple[Factor, ...]:
    _score, callback, kind, promise, ev, reach, p_reach, fruitless, attempts, bucket, total_att, engaged = parts
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
    if engaged and case.engaged_at is not None:
        hours = max(0, int((ctx.now - case.engaged_at).total_seconds() // 3600))
        en = "Opened the SMS link just now" if hours == 0 else f"Opened the SMS link {hours} h ago"
        zh = "刚打开短信链接" if hours == 0 else f"{hours} 小时前打开短信链接"
        factors.append(Factor("sms_link_opened", en, zh, engaged))
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
        shown = f"{when:%H:%M}" if when.date() == ctx.now.astimezone(show_tz).date() else f"{when:%m-%d %H:%M}"
        if case.gate == "cadence":
            gate = Factor("cadence", f"Segment cadence: next call {shown}", f"分群拨打节奏：{shown} 后再拨", 0.0)
        else:
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
    earliest first; then cases on hold or closed; equal keys keep the input order.

    Building the words costs more than the score, so for a lead's 100k-case scope pass
    `explain_top`: only the first that many rows get factors (the rest get an empty
    tuple) and `explain_case` fills in any other row when it scrolls into view. To re-rank
    the same cases often, keep a `ranking.CaseTable` and call `rank_columns`.
    """
    return rank_columns(CaseTable(cases), now, [strategy or default_strategy()], None, portfolio_rpc_by_hour,
                        display_zone).rows(explain_top)


def rank_columns(
    table: CaseTable,
    now: datetime,
    strategies: Sequence[Strategy] | None = None,
    which: Any = None,
    portfolio_rpc_by_hour: Sequence[float] | None = None,
    display_zone: str | None = None,
) -> Ranking:
    """`rank` over a kept `CaseTable`: each row by `strategies[which[row]]` (`which` an integer
    array, or None for `strategies[0]` everywhere). The result is columnar (`Ranking.order`,
    `.scores`); `Ranking.row(i)` builds one shown row with its explanation, and
    `Ranking.update(rows)` re-scores and moves the rows `CaseTable.set_row` changed."""
    ctx = _Context(table.facts, now, portfolio_rpc_by_hour, display_zone)
    return rank_table(table, ctx, strategies, which)


def rank_segmented(
    cases: Sequence[CaseFacts],
    now: datetime,
    strategy_of: Callable[[CaseFacts], Strategy],
    portfolio_rpc_by_hour: Sequence[float] | None = None,
    display_zone: str | None = None,
    explain_top: int | None = None,
) -> list[RankedCase]:
    """`rank` where each case is scored with its own strategy: its segment's weights, or its
    challenger arm's (agentdesk.domain.strategy_book). Points are comparable across
    strategies (each weight is points), so one queue holds them all, in `rank`'s order:
    callable cases by score, then cases callable later, then held ones. With one strategy
    for every case it is exactly `rank`.
    """
    strategies, which = strategy_indices(cases, strategy_of)
    ranking = rank_columns(CaseTable(cases), now, strategies, which, portfolio_rpc_by_hour, display_zone)
    return ranking.rows(explain_top)


def strategy_indices(cases: Sequence[CaseFacts],
                     strategy_of: Callable[[CaseFacts], Strategy]) -> tuple[list[Strategy], Any]:
    """The distinct strategies of `cases` and each case's index among them (None when one
    strategy scores them all)."""
    strategies: list[Strategy] = []
    index_of: dict[tuple[str, int, tuple[tuple[str, float], ...]], int] = {}
    which: list[int] = []
    for case in cases:
        strategy = strategy_of(case)
        key = (strategy.name, strategy.version, tuple(sorted(strategy.weights.items())))
        found = index_of.get(key)
        if found is None:
            found = index_of[key] = len(strategies)
            strategies.append(strategy)
        which.append(found)
    if len(strategies) <= 1:
        return strategies or [default_strategy()], None
    return strategies, np.asarray(which, np.int64)


def explain_case(
    case: CaseFacts,
    now: datetime,
    portfolio_rpc_by_hour: Sequence[float],
    strategy: Strategy | None = None,
    display_zone: str | None = None,
) -> RankedCase:
    """One case's score and factors, exactly as `rank` gave them (for rows that
    `rank(..., explain_top=N)` left unexplained).

    The portfolio prior is required: measured from this one case it would differ from the
    one `rank` used and the explanation would not match the order.
    """
    return rank([case], now, strategy, portfolio_rpc_by_hour, display_zone)[0]


def _by_size(f: Factor) -> float:
    return -abs(f.points)


def best_hour(
    rpc_by_hour: Sequence[int],
    attempts_by_hour: Sequence[int],
    portfolio_rpc_by_hour: Sequence[float],
    prior_attempts: float = DEFAULT_WEIGHTS["reach_prior_attempts"],
    allowed_hours: Sequence[int] = tuple(range(8, 21)),
) -> tuple[int, float]:
    """The debtor's best local hour to call among `allowed_hours`, with its reach estimate.

    For the case screen ("best 19:00, 41% reach"); kept out of `rank` because the queue
    only needs the current hour and this costs 24 steps per case.
    """
    best = (allowed_hours[0], -1.0)
    for h in allowed_hours:
        p = reach_probability(rpc_by_hour[h], attempts_by_hour[h], portfolio_rpc_by_hour[h], prior_attempts)
        if p > best[1]:
            best = (h, p)
    return best


def explain(ranked: RankedCase, lang: str = "zh") -> str:
    """One line for the queue's tooltip: the factors joined in the UI language."""
    texts = [f.text_zh if lang == "zh" else f.text_en for f in ranked.factors]
    return " · ".join(texts) if lang != "zh" else "；".join(texts)


__all__ = [
    "DEFAULT_WEIGHTS",
    "NOT_CALLABLE",
    "CaseFacts",
    "Factor",
    "RankedCase",
    "Strategy",
    "StrategyError",
    "WEIGHTS",
    "WeightSpec",
    "best_hour",
    "default_strategy",
    "explain",
    "explain_case",
    "portfolio_reach_by_hour",
    "rank",
    "rank_columns",
    "rank_segmented",
    "reach_probability",
    "weight_spec",
]


# The column engine imports this module's data classes and words: imported last.
from agentdesk.domain.ranking import CaseTable, Ranking, rank_table  # noqa: E402
