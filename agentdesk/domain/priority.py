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
Most of a case's score does not depend on the clock: expected value, the debtor's reach
in the current local hour, today's attempts. `rank` computes that part once per facts
object, strategy, portfolio prior and local hour, and keeps it on the (immutable) facts
object; a re-rank then only adds the clock-dependent parts (callbacks, promises) for the
few cases that have them, sorts, and reuses the row objects whose score did not move.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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

    # `rank`'s memo of these facts (see _FastPath): not a field, so it takes no part in
    # equality, repr or replace(). Written with object.__setattr__: the facts are frozen;
    # the memo is derived from them and from the key it was made under. One attribute
    # holding one tuple, so a reader in another thread never pairs one key with another's row.
    _rank_memo: ClassVar[_Memo | None] = None


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


_TOKENS: dict[Any, Any] = {}
_MAX_TOKENS = 32


def _token(key: Any) -> Any:
    """One shared object per (weights, prior), so a memo's validity is an identity check.

    Bounded: a new prior arrives with each sync; forgetting old tokens only means the
    memos made under them are recomputed.
    """
    found = _TOKENS.get(key)
    if found is None:
        if len(_TOKENS) >= _MAX_TOKENS:
            _TOKENS.clear()
        found = _TOKENS[key] = key
    return found


_SCORE_WEIGHTS = ("callback_due", "promise_follow_up", "promise_pending", "broken_promise", "expected_value",
                  "reach", "fruitless_today", "attempts_today", "reach_prior_attempts", "kept_promise_multiplier",
                  "sms_link_opened")


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
        self.engaged_seconds = w["sms_link_opened_hours"] * 3600.0
        self.p_pay = (w["p_pay_M0"], w["p_pay_M1"], w["p_pay_M2"], w["p_pay_M3"], w["p_pay_M4+"])
        # The scoring weights in the order both scorers unpack them into closure variables.
        self.score_weights = tuple(w[key] for key in _SCORE_WEIGHTS)
        # Local hour and date depend only on the zone; a queue has few zones, many cases.
        self.local: dict[str, tuple[int, date, tzinfo]] = {}
        # What a memo's clock-independent part depends on besides the facts and the hour.
        self.token = _token((tuple(sorted(w.items())), tuple(prior)))

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


def _engagement(engaged_at: datetime | None, now: datetime, weight: float, lasts_seconds: float) -> float:
    """The link-opened points: the full weight at the open, fading linearly to none."""
    if engaged_at is None:
        return 0.0
    age = (now - engaged_at).total_seconds()
    if age < 0.0 or age >= lasts_seconds:
        return 0.0
    return weight * (1.0 - age / lasts_seconds)


def _scorer(ctx: _Context) -> Callable[[CaseFacts], _Parts]:
    """Build the function that takes a case's score apart; explanations are built from it.

    `rank` runs it only for the rows it explains; every score comes from `_FastPath`,
    which repeats this arithmetic in the same order (the fast-path test holds them equal).
    Weights are bound as closure variables: dict look-ups would dominate otherwise.
    """
    now = ctx.now
    prior = ctx.prior
    pm = ctx.prior_mean
    local_now = ctx.local_now
    local_cache = ctx.local
    p_pay = ctx.p_pay
    fade_seconds = ctx.fade_seconds
    (w_callback, w_follow, w_pending, w_broken, w_ev, w_reach, w_fruitless, w_attempts, k,
     kept_mult, w_engaged) = ctx.score_weights
    engaged_seconds = ctx.engaged_seconds
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
        engaged = _engagement(case.engaged_at, now, w_engaged, engaged_seconds)
        score = callback + promise + ev + reach + fruitless + attempts + engaged
        return (score, callback, kind, promise, ev, reach, p_reach, fruitless, attempts, bucket, total_att, engaged)

    return parts


# (key, row, parts): the key is (weights-and-prior token, local hour); the row is the case's
# last unexplained row; parts (expected value, reach, fruitless and attempt points) only
# when callbacks or promises make the score depend on the clock, else None.
_Memo = tuple[tuple[Any, int], "RankedCase", "tuple[float, float, float, float] | None"]


class _FastPath:
    """`rank`'s per-case work, remembered on the facts object between calls.

    Under a key (the weights-and-prior token and the debtor's local hour) a case keeps its
    last unexplained row, whose score *is* the case's score when nothing in it depends on
    the clock, and the parts (expected value, reach, fruitless and attempt points) for the
    ~10% whose callbacks or promises make the score move with `now`, so only those few
    re-add their clock-dependent parts. A re-rank thus builds almost no objects:
    allocating 100k rows per call cost more in allocation and garbage collection than all
    the arithmetic. The arithmetic and its order are `_scorer`'s, so scores are
    bit-identical (`tests/domain/test_priority_fast_path.py` holds it to the ranking as it
    was before this path existed).
    """

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        # zone -> (key, local date): the key is interned, so a memo's validity is one `is`.
        self.zones: dict[str, tuple[tuple[Any, int], date]] = {}

    def zone(self, name: str) -> tuple[tuple[Any, int], date]:
        found = self.zones.get(name)
        if found is None:
            hour, today, _tz = self.ctx.local_now(name)
            found = self.zones[name] = (_token((self.ctx.token, hour)), today)
        return found

    def functions(self) -> tuple[Callable[[CaseFacts, tuple[Any, int], date, Any], tuple[float, RankedCase]],
                                 Callable[[CaseFacts, tuple[float, float, float, float], date], float]]:
        """(remember, clocked): compute and store a case's memo; the score of a clock-dependent case."""
        ctx = self.ctx
        now = ctx.now
        prior = ctx.prior
        pm = ctx.prior_mean
        p_pay = ctx.p_pay
        fade_seconds = ctx.fade_seconds
        (w_callback, w_follow, w_pending, w_broken, w_ev, w_reach, w_fruitless, w_attempts, k,
         kept_mult, w_engaged) = ctx.score_weights
        engaged_seconds = ctx.engaged_seconds
        log10 = math.log10
        zeros = _ZEROS_24
        set_attr = object.__setattr__
        new_tuple = tuple.__new__  # RankedCase((...)) without _make's length check

        def clocked(case: CaseFacts, parts: tuple[float, float, float, float], today: date) -> float:
            cb_at = case.callback_due_at
            callback = w_callback if cb_at is not None and cb_at <= now else 0.0
            promise = 0.0
            status = case.promise_status
            if status == "pending":
                due = case.promise_due
                if due is not None:
                    promise = w_follow if due <= today else w_pending
            elif status == "broken":
                fade = 1.0
                if case.broken_promise_at is not None:
                    age = (now - case.broken_promise_at).total_seconds()
                    fade = max(0.25, 1.0 - max(age, 0.0) / fade_seconds)
                promise = w_broken * fade
            ev, reach, fruitless, attempts = parts
            engaged = _engagement(case.engaged_at, now, w_engaged, engaged_seconds)
            return callback + promise + ev + reach + fruitless + attempts + engaged

        def remember(case: CaseFacts, key: tuple[Any, int], today: date, gate: Any) -> tuple[float, RankedCase]:
            hour = key[1]
            status = case.promise_status
            dpd = case.days_past_due  # same cut-offs as money.bucket_for, inlined for speed
            prob = p_pay[0 if dpd <= 0 else 1 if dpd <= 30 else 2 if dpd <= 60 else 3 if dpd <= 90 else 4]
            if status == "kept":
                prob = min(1.0, prob * kept_mult)
            att_h = case.attempts_by_hour
            base = prior[hour]
            if att_h is zeros:
                p_reach = base
            else:
                rpc_h = case.rpc_by_hour
                p_reach = (rpc_h[hour] + k * base) / (att_h[hour] + k)
                total_att = sum(att_h)
                if total_att:
                    # As in _scorer: a debtor who answers pays more often than one who never does.
                    ratio = (sum(rpc_h) + k * pm) / (total_att + k) / pm
                    prob *= 2.0 if ratio > 2.0 else 0.5 if ratio < 0.5 else ratio
                    if prob > 1.0:
                        prob = 1.0
            ev_major = case.overdue_minor * prob / 100.0
            ev = w_ev * log10(1.0 + ev_major) if ev_major > 0 else 0.0
            reach = w_reach * p_reach
            fruitless = w_fruitless * case.fruitless_today
            attempts = w_attempts * case.attempts_today
            if (case.callback_due_at is None and status != "pending" and status != "broken"
                    and case.engaged_at is None):
                parts = None
                score = ev + reach + fruitless + attempts  # = _scorer's sum with 0.0 for both
            else:
                parts = (ev, reach, fruitless, attempts)
                score = clocked(case, parts, today)
            row = new_tuple(RankedCase, (case.case_id, score, (), gate))
            set_attr(case, "_rank_memo", (key, row, parts))
            return score, row

        return remember, clocked


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
    earliest first; then cases on hold or closed.

    Building the words costs more than the score, so for a lead's 100k-case scope pass
    `explain_top`: only the first that many rows get factors (the rest get an empty
    tuple) and `explain_case` fills in any other row when it scrolls into view.
    """
    ctx = _Context(cases, now, strategy, portfolio_rpc_by_hour, display_zone)
    fast = _FastPath(ctx)
    remember, clocked = fast.functions()
    zones_get = fast.zones.get
    zone_of = fast.zone
    new_tuple = tuple.__new__
    set_attr = object.__setattr__
    # One pass: each case's score, its row and its index in one of three groups. Sorting
    # indices by a float key is stable, so equal scores keep input order (reverse=True
    # keeps it too).
    scores: list[float] = []
    add_score = scores.append
    rows: list[RankedCase] = []
    add_row = rows.append
    callable_now: list[int] = []
    later: list[int] = []
    held: list[int] = []
    for index, case in enumerate(cases):
        gate = None  # `callable_from` on the row of a case callable later
        if case.status != "open":
            held.append(index)
        elif case.callable_from is not None and case.callable_from > now:
            later.append(index)
            gate = case.callable_from
        else:
            callable_now.append(index)
        key, today = zones_get(case.debtor_time_zone) or zone_of(case.debtor_time_zone)
        memo = case._rank_memo
        if memo is not None and memo[0] is key:
            _key, row, parts = memo
            if parts is None:  # nothing in the score depends on the clock: the row holds it
                score = row[1]
                if row[3] is not gate:
                    row = new_tuple(RankedCase, (case.case_id, score, (), gate))
                    set_attr(case, "_rank_memo", (key, row, None))
            else:
                score = clocked(case, parts, today)
                if row[1] != score or row[3] is not gate:
                    row = new_tuple(RankedCase, (case.case_id, score, (), gate))
                    set_attr(case, "_rank_memo", (key, row, parts))
        else:
            score, row = remember(case, key, today, gate)
        add_score(score)
        add_row(row)
    by_score = scores.__getitem__
    callable_now.sort(key=by_score, reverse=True)
    held.sort(key=by_score, reverse=True)
    later.sort(key=lambda i: (cases[i].callable_from, -scores[i]))

    limit = len(cases) if explain_top is None else max(0, explain_top)
    parts_of = _scorer(ctx)
    ranked: list[RankedCase] = []
    row_at = rows.__getitem__
    for group in (callable_now, later, held):
        explained = group[:max(0, limit - len(ranked))]
        for i in explained:
            row = rows[i]
            case = cases[i]
            ranked.append(new_tuple(RankedCase, (row[0], row[1], _factors(case, parts_of(case), ctx), row[3])))
        ranked.extend(map(row_at, group[len(explained):] if explained else group))
    return ranked


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
    groups: dict[tuple[str, int, tuple[tuple[str, float], ...]], tuple[Strategy, list[CaseFacts]]] = {}
    for case in cases:
        strategy = strategy_of(case)
        key = (strategy.name, strategy.version, tuple(sorted(strategy.weights.items())))
        found = groups.get(key)
        if found is None:
            groups[key] = (strategy, [case])
        else:
            found[1].append(case)
    if len(groups) <= 1:
        only = next(iter(groups.values()))[0] if groups else None
        return rank(cases, now, only, portfolio_rpc_by_hour, display_zone, explain_top)
    prior = list(portfolio_rpc_by_hour) if portfolio_rpc_by_hour is not None else portfolio_reach_by_hour(cases)
    position_of = {case.case_id: i for i, case in enumerate(cases)}
    status = {case.case_id: case.status for case in cases}
    keyed: list[tuple[tuple[Any, ...], RankedCase]] = []
    for strategy, members in groups.values():
        for row in rank(members, now, strategy, prior, display_zone, explain_top):
            position = position_of[row.case_id]
            order: tuple[Any, ...]
            if status[row.case_id] != "open":
                order = (2, -row.score, position)
            elif row.callable_from is not None:
                order = (1, row.callable_from, -row.score, position)
            else:
                order = (0, -row.score, position)
            keyed.append((order, row))
    keyed.sort(key=lambda item: item[0])
    return [row for _key, row in keyed]


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
    "rank_segmented",
    "reach_probability",
    "weight_spec",
]
