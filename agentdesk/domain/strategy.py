"""The queue's weights: declared once, with the default and the reason for each.

A `Strategy` is what the server distributes and a lead or admin may change (PUT
/v1/strategy); every client orders its queue with the one in force. Everything else is
derived from `WEIGHTS`: the defaults, the validation (the server's 422 and the editor's
spin box ranges use the same bounds), the labels and the help text in both languages.

Points are comparable across factors: a factor worth 100 points moves a case as much as
any other factor worth 100. The bounds are not only sanity checks: a penalty weight
cannot be turned into a reward, so no strategy can make re-dialling an unanswered number
or pressing a debtor before their promised date *raise* a case.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = [
    "DEFAULT_WEIGHTS",
    "WEIGHTS",
    "Strategy",
    "StrategyError",
    "WeightSpec",
    "default_strategy",
    "weight_spec",
]

MAX_NAME_LENGTH = 64


class StrategyError(ValueError):
    """A strategy with unknown or impossible weights (e.g. a typo from an admin screen).

    `weight` names the offending weight when there is one, so an API can point at it.
    """

    def __init__(self, message: str, weight: str | None = None) -> None:
        super().__init__(message)
        self.weight = weight


@dataclass(frozen=True)
class WeightSpec:
    """One weight: its key, default, allowed range and the words a lead reads in the editor."""

    key: str
    default: float
    minimum: float
    maximum: float
    decimals: int
    label_en: str
    label_zh: str
    reason_en: str
    reason_zh: str
    exclusive_minimum: bool = False  # the minimum itself is not allowed (must be > minimum)

    def check(self, value: float, strategy: str) -> None:
        """Raise StrategyError naming this weight when `value` is outside its range."""
        if not math.isfinite(value):
            raise StrategyError(f"Strategy '{strategy}': weight '{self.key}' ({self.label_en}) must be a "
                                f"finite number.", self.key)
        low_ok = value > self.minimum if self.exclusive_minimum else value >= self.minimum
        if not low_ok or value > self.maximum:
            low = f"above {self.minimum:g}" if self.exclusive_minimum else f"at least {self.minimum:g}"
            raise StrategyError(
                f"Strategy '{strategy}': weight '{self.key}' ({self.label_en}) must be {low} and at most "
                f"{self.maximum:g}, got {value:g}.",
                self.key,
            )


def _w(key: str, default: float, minimum: float, maximum: float, decimals: int, label: tuple[str, str],
       reason: tuple[str, str], exclusive_minimum: bool = False) -> WeightSpec:
    return WeightSpec(key, default, minimum, maximum, decimals, label[0], label[1], reason[0], reason[1],
                      exclusive_minimum)


# The default weights, each with the reason it has this size (shown to leads as help text;
# README.md "Priority strategy" has the same table).
WEIGHTS: tuple[WeightSpec, ...] = (
    _w("callback_due", 1000.0, 0.0, 5000.0, 0,
       ("Callback due", "约定回电到期"),
       ("The debtor asked for this call at this time; missing it breaks the one commitment we made, "
        "so a due callback outranks everything short of another due callback.",
        "客户约定了这个时间回电；错过就是失约，所以到期回电排在其他一切之前。")),
    _w("promise_follow_up", 600.0, 0.0, 5000.0, 0,
       ("Promise due: follow up", "承诺到期跟进"),
       ("A pending promise due today (or past due with no payment seen yet) is the call that turns a "
        "promise into money or into a fresh one; second only to callbacks.",
        "今日到期（或已过期尚未见还款）的承诺：这通电话把承诺变成还款或新的承诺，仅次于约定回电。")),
    _w("broken_promise", 400.0, 0.0, 5000.0, 0,
       ("Broken promise", "承诺未兑现"),
       ("A broken promise puts the case back near the top; the weight fades over the fade days "
        "because a week-old break is no longer news to the debtor.",
        "承诺未兑现让案件回到队列前部；分值在衰减天数内逐渐降低，因为一周前的违约对客户已不是新消息。")),
    _w("broken_promise_fade_days", 14.0, 0.0, 90.0, 1,
       ("Broken promise fades over (days)", "违约加分衰减天数"),
       ("Days until a broken promise's weight has faded to a quarter; two weeks covers the usual "
        "follow-up window.",
        "违约加分降到四分之一所需天数；两周覆盖通常的跟进期。"),
       exclusive_minimum=True),
    _w("expected_value", 60.0, 0.0, 1000.0, 1,
       ("Expected value (per tenfold)", "预期回收（每十倍）"),
       ("Points per tenfold of the expected recovery (overdue × chance of payment); the logarithm keeps a "
        "¥1,000,000 case from burying every small one (¥100 ≈ 120 points, ¥1,000,000 ≈ 360).",
        "预期回收（逾期金额 × 还款概率）每增长十倍加的分；取对数使百万元案件不会压住所有小额案件"
        "（¥100 约 120 分，¥1,000,000 约 360 分）。")),
    _w("reach", 150.0, 0.0, 1000.0, 1,
       ("Reach this hour", "当前时段接通率"),
       ("Chance of reaching the debtor in the current local hour (0..1) times this: a 40% hour adds "
        "60 points, a 5% hour 7.5, enough to reorder cases of similar value.",
        "当前本地时段接通客户的概率（0..1）乘以此值：40% 的时段加 60 分，5% 的时段加 7.5 分，"
        "足以调整价值相近的案件顺序。")),
    _w("fruitless_today", -40.0, -1000.0, 0.0, 1,
       ("Each unanswered attempt today", "今日每次未接通"),
       ("Re-dialling a number that keeps ringing out wastes the agent's time and drifts toward "
        "harassment; it can never be a reward.",
        "反复拨打始终无人接听的号码既浪费时间，也趋近骚扰；此项只能扣分。")),
    _w("attempts_today", -10.0, -1000.0, 0.0, 1,
       ("Each attempt today", "今日每次拨打"),
       ("Every attempt today, whatever its result, spreads effort across the queue; it can never be "
        "a reward.",
        "今日每次拨打（无论结果）都扣分，使精力分散到整个队列；此项只能扣分。")),
    _w("promise_pending", -300.0, -5000.0, 0.0, 0,
       ("Promise not yet due", "承诺尚未到期"),
       ("The guard blocks collection calls before the promised date, and pressing early is what a "
        "debtor who promised resents most; it can never be a reward.",
        "承诺日前合规规则禁止催收电话，提前施压最让已承诺的客户反感；此项只能扣分。")),
    _w("reach_prior_attempts", 8.0, 0.0, 1000.0, 1,
       ("Portfolio prior (attempts)", "整体先验强度（次）"),
       ("A debtor needs about this many attempts in an hour before their own reach rate outweighs the "
        "portfolio's; fewer lets thin history swing the queue.",
        "客户在某时段约需这么多次拨打，其自身接通率才超过整体水平；设得太小会让少量记录左右排序。"),
       exclusive_minimum=True),
    _w("p_pay_M0", 0.60, 0.0, 1.0, 3,
       ("Chance of payment, M0", "还款概率 M0"),
       ("Not yet overdue: most pay after a reminder. Starting values follow the usual roll-rate shape "
        "of consumer portfolios; replace them with the portfolio's measured rates once they exist.",
        "尚未逾期：多数提醒后即还款。初始值取消费贷常见的迁徙率形态；有实测数据后应替换。")),
    _w("p_pay_M1", 0.40, 0.0, 1.0, 3,
       ("Chance of payment, M1", "还款概率 M1"),
       ("1–30 days past due: the best chance of a cure; usual roll-rate shape until measured.",
        "逾期 1–30 天：最有希望回收；实测前取常见迁徙率形态。")),
    _w("p_pay_M2", 0.22, 0.0, 1.0, 3,
       ("Chance of payment, M2", "还款概率 M2"),
       ("31–60 days past due: about half the M1 rate; usual roll-rate shape until measured.",
        "逾期 31–60 天：约为 M1 的一半；实测前取常见迁徙率形态。")),
    _w("p_pay_M3", 0.12, 0.0, 1.0, 3,
       ("Chance of payment, M3", "还款概率 M3"),
       ("61–90 days past due: roughly half again; usual roll-rate shape until measured.",
        "逾期 61–90 天：再减约一半；实测前取常见迁徙率形态。")),
    _w("p_pay_M4+", 0.05, 0.0, 1.0, 3,
       ("Chance of payment, M4+", "还款概率 M4+"),
       ("91+ days past due: few pay; usual roll-rate shape until measured.",
        "逾期 91 天以上：还款者少；实测前取常见迁徙率形态。")),
    _w("sms_link_opened", 200.0, 0.0, 2000.0, 0,
       ("Opened the SMS link", "打开了短信链接"),
       ("A debtor who just opened the link in our SMS is thinking about the account right now: the "
        "best moment to reach them. Worth a broken promise's half, fading to nothing over the hours below.",
        "刚打开短信链接的客户此刻正在关注账款，是最好的联系时机。分值约为违约加分的一半，在下列小时数内逐渐降为零。")),
    _w("sms_link_opened_hours", 6.0, 0.0, 72.0, 1,
       ("SMS link open lasts (hours)", "短信链接加分持续（小时）"),
       ("Hours until the link-opened weight has faded to zero; by the evening a morning's interest is "
        "no longer news.",
        "打开链接加分降为零所需小时数；上午的关注到晚上已不再是新消息。"),
       exclusive_minimum=True),
    _w("kept_promise_multiplier", 1.5, 1.0, 5.0, 2,
       ("Kept promise multiplier", "已兑现承诺系数"),
       ("A kept promise is the best evidence of willingness to pay: the chance of payment is "
        "multiplied by this (capped at 100%).",
        "兑现过的承诺最能说明还款意愿：还款概率乘以此系数（不超过 100%）。")),
)

DEFAULT_WEIGHTS: dict[str, float] = {spec.key: spec.default for spec in WEIGHTS}
_SPECS: dict[str, WeightSpec] = {spec.key: spec for spec in WEIGHTS}


def weight_spec(key: str) -> WeightSpec:
    """The declaration of `key`; KeyError for a weight that does not exist."""
    return _SPECS[key]


@dataclass(frozen=True)
class Strategy:
    """Weights for the queue; missing keys fall back to DEFAULT_WEIGHTS."""

    name: str
    weights: dict[str, float]
    version: int = 1

    def resolved(self) -> dict[str, float]:
        """All weights, defaults filled in; raises StrategyError naming the first bad weight."""
        if not self.name.strip() or len(self.name) > MAX_NAME_LENGTH or not self.name.isprintable():
            raise StrategyError(f"A strategy needs a name of 1 to {MAX_NAME_LENGTH} printable characters, "
                                f"got {self.name!r}.")
        unknown = set(self.weights) - set(DEFAULT_WEIGHTS)
        if unknown:
            first = sorted(unknown)[0]
            raise StrategyError(
                f"Strategy '{self.name}' v{self.version} has unknown weights: "
                f"{', '.join(sorted(unknown))}; known: {', '.join(sorted(DEFAULT_WEIGHTS))}.",
                first,
            )
        merged = dict(DEFAULT_WEIGHTS)
        for key, value in self.weights.items():
            try:
                merged[key] = float(value)
            except (TypeError, ValueError):
                raise StrategyError(f"Strategy '{self.name}': weight '{key}' must be a number, got {value!r}.",
                                    key) from None
        for spec in WEIGHTS:
            spec.check(merged[spec.key], self.name)
        return merged


def default_strategy() -> Strategy:
    """The documented default (see WEIGHTS for each weight's reason)."""
    return Strategy(name="default", weights=dict(DEFAULT_WEIGHTS), version=1)
