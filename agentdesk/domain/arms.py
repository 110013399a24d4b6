"""Champion/challenger statistics: compare two arms on the same period and say it plainly.

For each arm the server sums, over the arm's cases, what happened in the period: calls,
right-party contacts, promises, promises settled and kept, money paid, call time and
compliance flags / stop requests. From those:

* right-party contact rate (per call), promise rate (per right-party contact), kept-promise
  rate (per settled promise): proportions, their difference with Newcombe's hybrid score
  interval (Wilson intervals combined), which behaves where a Wald interval does not
  (rates near 0 or 1, small counts);
* amount recovered per case: a mean over the arm's cases (most are zero), the difference
  with Welch's normal interval, using each arm's own variance;
* amount recovered per call hour: a ratio of sums, its variance by the delta method;
* flags and stop requests per 1,000 calls: Poisson counts.

The verdict rests on one pre-declared primary measure (the challenger's
`primary_metric`, by default recovered per case: the measure that matters, with
compliance as the constraint), so looking at six measures does not multiply the chances of
a false winner; and a challenger that wins on it while drawing significantly more flags is
not called better. Below `MIN_CASES` per arm, or while the interval still spans zero,
the verdict says how many more cases the smaller arm needs for the effect seen (at least
the smallest effect worth acting on, `MIN_EFFECT` of the champion's level) to be found with
80% power, scaled by the arm's share of new cases.

Pure functions over counts: tests build synthetic months where the challenger is truly
better, and months where it is not, and check the verdict is right and claims no winner
on noise.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import NormalDist

__all__ = [
    "ArmOutcomes",
    "CaseOutcome",
    "Comparison",
    "MetricComparison",
    "compare_arms",
    "share_bounds",
    "wilson",
]

CONFIDENCE = 0.95
POWER = 0.80
MIN_CASES = 30
MIN_EFFECT = 0.10  # the smallest relative difference worth acting on (10% of the champion's level)
_Z = NormalDist().inv_cdf(1 - (1 - CONFIDENCE) / 2)
_Z_POWER = NormalDist().inv_cdf(POWER)
METRIC_LABELS = {
    "rpc_rate": ("Right-party contact rate", "本人接通率"),
    "promise_rate": ("Promise rate", "承诺率"),
    "kept_rate": ("Kept-promise rate", "承诺兑现率"),
    "recovered_per_case": ("Recovered per case", "件均回收"),
    "recovered_per_call_hour": ("Recovered per call hour", "每通话小时回收"),
    "flags_per_1000_calls": ("Flags and stop requests per 1,000 calls", "每千通违规标记与停催请求"),
}


@dataclass(frozen=True)
class CaseOutcome:
    """One case's period in an arm; money in minor units, call time in seconds."""

    calls: int = 0
    rpc: int = 0
    promises: int = 0
    settled: int = 0  # promises whose outcome is known (kept or broken)
    kept: int = 0
    paid_minor: int = 0
    call_seconds: float = 0.0
    flags: int = 0


@dataclass(frozen=True)
class ArmOutcomes:
    """Sums over an arm's cases (and the sums of squares the intervals need)."""

    cases: int = 0
    calls: int = 0
    rpc: int = 0
    promises: int = 0
    settled: int = 0
    kept: int = 0
    paid_minor: int = 0
    paid_sq: int = 0  # sum over cases of paid_minor^2 (integer: money stays in minor units)
    hours: float = 0.0
    hours_sq: float = 0.0
    paid_hours: float = 0.0  # sum over cases of paid_minor * hours (hours are not money)
    flags: int = 0

    @classmethod
    def from_cases(cls, outcomes: Iterable[CaseOutcome]) -> ArmOutcomes:
        n = calls = rpc = promises = settled = kept = paid = paid_sq = flags = 0
        hours = hours_sq = paid_hours = 0.0
        for o in outcomes:
            n += 1
            calls += o.calls
            rpc += o.rpc
            promises += o.promises
            settled += o.settled
            kept += o.kept
            paid += o.paid_minor
            flags += o.flags
            x = o.call_seconds / 3600.0
            paid_sq += o.paid_minor * o.paid_minor
            hours += x
            hours_sq += x * x
            paid_hours += o.paid_minor * x
        return cls(n, calls, rpc, promises, settled, kept, paid, paid_sq, hours, hours_sq, paid_hours, flags)


@dataclass(frozen=True)
class MetricComparison:
    key: str
    champion: float
    challenger: float
    difference: float  # challenger - champion
    low: float  # the difference's interval at CONFIDENCE
    high: float
    higher_is_better: bool
    # "better" / "worse" (the challenger, at CONFIDENCE), "no_difference", "no_data"
    finding: str
    champion_n: int  # the units each rate is over (calls, contacts, settled promises, cases)
    challenger_n: int


@dataclass(frozen=True)
class Comparison:
    metrics: dict[str, MetricComparison]
    primary: str
    # challenger_better | champion_better | better_but_more_flags | no_difference | not_enough_data
    verdict: str
    more_cases: int  # for not_enough_data: about how many more new cases the segment needs
    champion_cases: int
    challenger_cases: int

    def text(self, lang: str = "en") -> str:
        """The plain verdict a lead reads."""
        name_en, name_zh = METRIC_LABELS[self.primary]
        pct = f"{CONFIDENCE:.0%}"
        if self.verdict == "challenger_better":
            return f"挑战者更好（{name_zh}，置信度 {pct}）" if lang == "zh" else (
                f"Challenger better at {pct} ({name_en})")
        if self.verdict == "champion_better":
            return f"冠军更好（{name_zh}，置信度 {pct}）" if lang == "zh" else f"Champion better at {pct} ({name_en})"
        if self.verdict == "better_but_more_flags":
            return (f"挑战者{name_zh}更高，但违规标记也显著更多：不宜推广" if lang == "zh"
                    else f"Challenger better on {name_en.lower()} but draws significantly more flags: do not promote")
        if self.verdict == "no_difference":
            return (f"两组{name_zh}无显著差异（样本已足够）" if lang == "zh"
                    else f"No difference on {name_en.lower()} (enough data to have seen one)")
        more = f"{self.more_cases:,}"
        return (f"数据尚不足，约还需 {more} 个新案件" if lang == "zh"
                else f"Not enough data yet, ~{more} more cases")


def wilson(k: int, n: int, z: float = _Z) -> tuple[float, float]:
    """Wilson score interval of a proportion k/n."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def share_bounds(n: int, share: float, z: float = 3.2905) -> tuple[int, int]:
    """The range (default 99.9%) the count of challenger cases among `n` falls in, if arms are
    assigned with probability `share`: what a stable, seeded assignment must respect."""
    mean = n * share
    half = z * math.sqrt(n * share * (1 - share))
    return max(0, math.floor(mean - half)), min(n, math.ceil(mean + half))


def _proportion(key: str, k1: int, n1: int, k2: int, n2: int, higher_is_better: bool = True) -> MetricComparison:
    if n1 == 0 or n2 == 0:
        p1 = k1 / n1 if n1 else 0.0
        p2 = k2 / n2 if n2 else 0.0
        return MetricComparison(key, p1, p2, p2 - p1, -1.0, 1.0, higher_is_better, "no_data", n1, n2)
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1)
    l2, u2 = wilson(k2, n2)
    d = p2 - p1
    low = d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    high = d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return MetricComparison(key, p1, p2, d, low, high, higher_is_better, _finding(low, high, higher_is_better), n1, n2)


def _finding(low: float, high: float, higher_is_better: bool) -> str:
    if low > 0:
        return "better" if higher_is_better else "worse"
    if high < 0:
        return "worse" if higher_is_better else "better"
    return "no_difference"


def _mean_and_var(a: ArmOutcomes) -> tuple[float, float]:
    n = a.cases
    mean = a.paid_minor / 100.0 / n
    var = max(0.0, (a.paid_sq / 10_000 - n * mean * mean) / (n - 1)) if n > 1 else 0.0  # in major units
    return mean, var


def _per_case(c: ArmOutcomes, x: ArmOutcomes) -> MetricComparison:
    if c.cases < 2 or x.cases < 2:
        return MetricComparison("recovered_per_case", 0.0, 0.0, 0.0, -math.inf, math.inf, True, "no_data",
                                c.cases, x.cases)
    m1, v1 = _mean_and_var(c)
    m2, v2 = _mean_and_var(x)
    se = math.sqrt(v1 / c.cases + v2 / x.cases)
    d = m2 - m1
    low, high = d - _Z * se, d + _Z * se
    finding = _finding(low, high, True) if se > 0 else ("no_difference" if d == 0 else _finding(d, d, True))
    return MetricComparison("recovered_per_case", m1, m2, d, low, high, True, finding, c.cases, x.cases)


def _ratio_and_var(a: ArmOutcomes) -> tuple[float, float]:
    """Paid per call hour and the variance of that estimate (delta method over cases)."""
    if a.hours <= 0 or a.cases < 2:
        return 0.0, math.inf
    y = a.paid_minor / 100.0
    r = y / a.hours
    # The sums are in minor units; the ratio and its variance are read in major ones.
    residual = a.paid_sq / 10_000 - 2 * r * a.paid_hours / 100 + r * r * a.hours_sq
    mean_x = a.hours / a.cases
    var = max(0.0, residual / (a.cases - 1)) / (a.cases * mean_x * mean_x)
    return r, var


def _per_hour(c: ArmOutcomes, x: ArmOutcomes) -> MetricComparison:
    r1, v1 = _ratio_and_var(c)
    r2, v2 = _ratio_and_var(x)
    if math.isinf(v1) or math.isinf(v2):
        return MetricComparison("recovered_per_call_hour", r1, r2, r2 - r1, -math.inf, math.inf, True, "no_data",
                                c.cases, x.cases)
    se = math.sqrt(v1 + v2)
    d = r2 - r1
    return MetricComparison("recovered_per_call_hour", r1, r2, d, d - _Z * se, d + _Z * se, True,
                            _finding(d - _Z * se, d + _Z * se, True) if se > 0 else "no_difference",
                            c.cases, x.cases)


def _flags(c: ArmOutcomes, x: ArmOutcomes) -> MetricComparison:
    key = "flags_per_1000_calls"
    if c.calls == 0 or x.calls == 0:
        return MetricComparison(key, 0.0, 0.0, 0.0, -math.inf, math.inf, False, "no_data", c.calls, x.calls)
    r1, r2 = 1000.0 * c.flags / c.calls, 1000.0 * x.flags / x.calls
    # Poisson counts; a zero count is given the variance of one so two clean arms are not "exactly equal".
    se = 1000.0 * math.sqrt(max(c.flags, 1) / c.calls ** 2 + max(x.flags, 1) / x.calls ** 2)
    d = r2 - r1
    return MetricComparison(key, r1, r2, d, d - _Z * se, d + _Z * se, False, _finding(d - _Z * se, d + _Z * se, False),
                            c.calls, x.calls)


def compare_arms(champion: ArmOutcomes, challenger: ArmOutcomes, primary: str = "recovered_per_case",
                 share: float = 0.1) -> Comparison:
    """Every measure with its interval, and the verdict on `primary` (see the module)."""
    metrics = {
        "rpc_rate": _proportion("rpc_rate", champion.rpc, champion.calls, challenger.rpc, challenger.calls),
        "promise_rate": _proportion("promise_rate", champion.promises, champion.rpc, challenger.promises,
                                    challenger.rpc),
        "kept_rate": _proportion("kept_rate", champion.kept, champion.settled, challenger.kept, challenger.settled),
        "recovered_per_case": _per_case(champion, challenger),
        "recovered_per_call_hour": _per_hour(champion, challenger),
        "flags_per_1000_calls": _flags(champion, challenger),
    }
    if primary not in metrics or primary == "flags_per_1000_calls":
        raise ValueError(f"unknown primary measure '{primary}'")
    main = metrics[primary]
    enough = min(champion.cases, challenger.cases) >= MIN_CASES
    verdict = "not_enough_data"
    if enough and main.finding == "better":
        verdict = "better_but_more_flags" if metrics["flags_per_1000_calls"].finding == "worse" else "challenger_better"
    elif enough and main.finding == "worse":
        verdict = "champion_better"
    more = _more_cases(primary, main, champion, challenger, share) if verdict == "not_enough_data" else 0
    if verdict == "not_enough_data" and enough and more == 0:
        verdict = "no_difference"
    return Comparison(metrics, primary, verdict, more, champion.cases, challenger.cases)


def _more_cases(primary: str, main: MetricComparison, c: ArmOutcomes, x: ArmOutcomes, share: float) -> int:
    """New cases the segment needs before the smaller arm can show the effect seen (or the
    smallest effect worth acting on) with POWER, at CONFIDENCE."""
    level = abs(main.champion) or abs(main.challenger)
    effect = max(abs(main.difference), MIN_EFFECT * level)
    if primary == "recovered_per_case" and c.cases > 1 and x.cases > 1:
        variance = _mean_and_var(c)[1] + _mean_and_var(x)[1]
        units_per_case = 1.0
    elif primary == "recovered_per_call_hour" and c.cases > 1 and x.cases > 1:
        v1, v2 = _ratio_and_var(c)[1] * c.cases, _ratio_and_var(x)[1] * x.cases
        variance = (v1 if math.isfinite(v1) else 0.0) + (v2 if math.isfinite(v2) else 0.0)
        units_per_case = 1.0
    else:
        p = (main.champion + main.challenger) / 2 if main.champion_n and main.challenger_n else 0.3
        variance = 2 * max(p * (1 - p), 0.01)
        units = main.champion_n + main.challenger_n
        cases = c.cases + x.cases
        units_per_case = units / cases if cases and units else 1.0
    if effect <= 0 or variance <= 0:
        needed_units = float(MIN_CASES)
    else:
        needed_units = (_Z + _Z_POWER) ** 2 * variance / effect ** 2
    needed_cases = max(float(MIN_CASES), needed_units / units_per_case)
    short_champion = max(0.0, needed_cases - c.cases) / max(1e-9, 1 - share)
    short_challenger = max(0.0, needed_cases - x.cases) / max(1e-9, share)
    return int(math.ceil(max(short_champion, short_challenger)))
