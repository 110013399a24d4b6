"""Pricing a placement (定价): what a lender's batch will recover in 30, 90 and 180 days.

A collection company quotes a lender a fee on what it expects to recover, and staffs the
batch by the same estimate. The estimate comes from the portfolio's own history, by
delinquency bucket at placement and by segment, and from documented defaults until there
is history:

* `DEFAULT_RECOVERY`: the share of the overdue amount recovered within 30/90/180 days of
  placement, by bucket at placement. The usual roll-rate shape of consumer portfolios,
  the same shape as the queue's chance-of-payment defaults (agentdesk.domain.strategy
  p_pay_*): each later bucket pays about half as often, and most of what is ever paid
  comes in the first three months. Its uncertainty is wide (`DEFAULT_SPREAD`).
* Measured cohorts: for cases placed at least H days ago, what was paid within H days
  over what was owed at placement (`Cohort`, summed by the server).

The two are combined by shrinkage, in two levels: the bucket's measured rate (all
segments) pulls the default toward this portfolio, then the segment's own cohort pulls
that toward the segment, each with the weight of its evidence (`PRIOR_CASES` pseudo-cases
for the level above). A thin 90- or 180-day cohort borrows the 30-day level: the default
curve is scaled by how this portfolio's first month compared with the default's. Every
figure carries its interval and the evidence behind it, in both languages.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel

from agentdesk.domain.money import Money

__all__ = [
    "DEFAULT_RECOVERY",
    "HORIZONS",
    "BatchCase",
    "Cohort",
    "HorizonEstimate",
    "PlacementPrice",
    "SegmentPrice",
    "price_batch",
]

HORIZONS: tuple[int, ...] = (30, 90, 180)
DEFAULT_RECOVERY: dict[str, tuple[float, float, float]] = {
    "M0": (0.45, 0.62, 0.68),
    "M1": (0.22, 0.38, 0.46),
    "M2": (0.11, 0.22, 0.29),
    "M3": (0.06, 0.13, 0.18),
    "M4+": (0.02, 0.05, 0.08),
}
DEFAULT_SPREAD = 0.35  # the default's standard deviation, relative to its rate
PRIOR_CASES = 40.0  # how many cases of evidence the level above counts for
Z95 = 1.959964


@dataclass(frozen=True)
class BatchCase:
    """One case of the batch being priced."""

    segment: str
    bucket: str
    overdue_minor: int


@dataclass(frozen=True)
class Cohort:
    """Cases placed at least `days` ago: what they owed at placement and paid within `days`
    (integer minor units, with the sums of squares the ratio's variance needs; only ratios
    are taken of them, so the unit cancels)."""

    cases: int = 0
    owed: int = 0
    paid: int = 0
    owed_sq: int = 0
    paid_sq: int = 0
    paid_owed: int = 0

    def rate(self) -> float:
        return self.paid / self.owed if self.owed > 0 else 0.0

    def variance(self) -> float:
        """Variance of the ratio estimate paid/owed across cases (delta method)."""
        if self.cases < 2 or self.owed <= 0:
            return math.inf
        r = self.rate()
        residual = self.paid_sq - 2 * r * self.paid_owed + r * r * self.owed_sq
        mean_owed = self.owed / self.cases
        return max(0.0, residual / (self.cases - 1)) / (self.cases * mean_owed * mean_owed)


class HorizonEstimate(BaseModel):
    days: int
    rate: float
    low: float
    high: float
    amount_minor: int
    low_minor: int
    high_minor: int
    history_cases: int  # cases of this portfolio behind the estimate
    history_weight: float  # 0: the documented default alone; 1: history alone
    source: Literal["default", "blend", "history"]


class SegmentPrice(BaseModel):
    segment: str
    name_zh: str
    name_en: str
    cases: int
    overdue_minor: int
    buckets: dict[str, int]
    horizons: list[HorizonEstimate]
    evidence_en: str
    evidence_zh: str


class PlacementPrice(BaseModel):
    """The estimate for a whole batch: per segment and in total (intervals at 95%)."""

    lender: str
    cases: int
    overdue_minor: int
    segments: list[SegmentPrice]
    total: list[HorizonEstimate]
    book_version: int
    as_of: datetime


@dataclass(frozen=True)
class _Estimate:
    rate: float
    sd: float
    cases: int
    weight: float


def _shrink(prior: float, prior_sd: float, cohort: Cohort | None) -> _Estimate:
    """Combine a prior rate with a cohort; the cohort weighs its owed amount against
    PRIOR_CASES cases of the same average size."""
    if cohort is None or cohort.cases == 0 or cohort.owed <= 0:
        return _Estimate(prior, prior_sd, 0, 0.0)
    mean_owed = cohort.owed / cohort.cases
    weight = cohort.owed / (cohort.owed + PRIOR_CASES * mean_owed)
    rate = weight * cohort.rate() + (1 - weight) * prior
    var_measured = cohort.variance()
    if math.isinf(var_measured):
        var_measured = prior_sd * prior_sd
    sd = math.sqrt(weight * weight * var_measured + (1 - weight) ** 2 * prior_sd * prior_sd)
    return _Estimate(min(1.0, max(0.0, rate)), sd, cohort.cases, weight)


def estimate_rate(bucket: str, horizon_index: int, bucket_cohorts: Mapping[int, Cohort],
                  segment_cohorts: Mapping[int, Cohort]) -> _Estimate:
    """The recovery rate of one (segment, bucket) at one horizon (index into HORIZONS)."""
    defaults = DEFAULT_RECOVERY.get(bucket, DEFAULT_RECOVERY["M4+"])
    first = HORIZONS[0]
    # The portfolio's first-month level against the default's, from the bucket (all segments).
    month = _shrink(defaults[0], defaults[0] * DEFAULT_SPREAD, bucket_cohorts.get(first))
    level = month.rate / defaults[0] if defaults[0] > 0 else 1.0
    days = HORIZONS[horizon_index]
    prior = min(1.0, defaults[horizon_index] * level)
    prior_sd = defaults[horizon_index] * DEFAULT_SPREAD * max(level, 0.25)
    bucket_level = _shrink(prior, prior_sd, bucket_cohorts.get(days)) if horizon_index else month
    segment_month = _shrink(month.rate, month.sd, segment_cohorts.get(first))
    if horizon_index:
        # The segment's own first month moves its curve as the bucket's moved the default.
        ratio = segment_month.rate / month.rate if month.rate > 0 else 1.0
        seg_prior = min(1.0, bucket_level.rate * ratio)
        est = _shrink(seg_prior, bucket_level.sd * max(ratio, 0.25), segment_cohorts.get(days))
    else:
        est = segment_month
    cases = max(est.cases, bucket_level.cases)
    weight = 1 - (1 - est.weight) * (1 - bucket_level.weight)
    return _Estimate(est.rate, est.sd, cases, weight)


def _horizon(days: int, rate: float, sd: float, owed_minor: int, cases: int, weight: float) -> HorizonEstimate:
    low, high = max(0.0, rate - Z95 * sd), min(1.0, rate + Z95 * sd)
    source: Literal["default", "blend", "history"] = (
        "default" if weight < 0.05 else "history" if weight > 0.9 else "blend")
    return HorizonEstimate(days=days, rate=rate, low=low, high=high, amount_minor=round(owed_minor * rate),
                           low_minor=round(owed_minor * low), high_minor=round(owed_minor * high),
                           history_cases=cases, history_weight=round(weight, 3), source=source)


def price_batch(batch: Sequence[BatchCase], history: Mapping[tuple[str, str, int], Cohort],
                names: Mapping[str, tuple[str, str]], *, lender: str, book_version: int,
                as_of: datetime) -> PlacementPrice:
    """The batch's expected recovery per segment and in total.

    `history` maps (segment, bucket, days) to a cohort, with segment "*" for the bucket
    over all segments. `names` gives each segment's (zh, en) name.
    """
    groups: dict[str, dict[str, int]] = {}
    counts: dict[str, dict[str, int]] = {}
    for case in batch:
        groups.setdefault(case.segment, {}).setdefault(case.bucket, 0)
        groups[case.segment][case.bucket] += case.overdue_minor
        counts.setdefault(case.segment, {}).setdefault(case.bucket, 0)
        counts[case.segment][case.bucket] += 1
    segments: list[SegmentPrice] = []
    totals = [[0.0, 0.0, 0.0, 0.0] for _ in HORIZONS]  # amount, variance, history cases, weighted weight
    all_owed = sum(case.overdue_minor for case in batch)
    order = list(names)
    for seg in sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k)):
        owed_by_bucket = groups[seg]
        owed = sum(owed_by_bucket.values())
        horizons: list[HorizonEstimate] = []
        for h, days in enumerate(HORIZONS):
            amount = var = weight_sum = 0.0
            cases_seen = 0
            for bucket, b_owed in owed_by_bucket.items():
                bucket_cohorts = {d: history[("*", bucket, d)] for d in HORIZONS if ("*", bucket, d) in history}
                seg_cohorts = {d: history[(seg, bucket, d)] for d in HORIZONS if (seg, bucket, d) in history}
                est = estimate_rate(bucket, h, bucket_cohorts, seg_cohorts)
                amount += b_owed * est.rate
                var += (b_owed * est.sd) ** 2
                weight_sum += est.weight * b_owed
                cases_seen += est.cases
            rate = amount / owed if owed else 0.0
            sd = math.sqrt(var) / owed if owed else 0.0
            weight = weight_sum / owed if owed else 0.0
            horizons.append(_horizon(days, rate, sd, owed, cases_seen, weight))
            totals[h][0] += amount
            totals[h][1] += var
            totals[h][2] = max(totals[h][2], cases_seen)  # the bucket cohorts are shared by segments
            totals[h][3] += weight_sum
        zh, en = names.get(seg, (seg, seg))
        segments.append(SegmentPrice(segment=seg, name_zh=zh, name_en=en, cases=sum(counts[seg].values()),
                                     overdue_minor=owed, buckets=dict(sorted(counts[seg].items())),
                                     horizons=horizons, **_evidence(horizons, owed)))
    total = []
    for h, days in enumerate(HORIZONS):
        amount, var, seen, weight_sum = totals[h]
        rate = amount / all_owed if all_owed else 0.0
        sd = math.sqrt(var) / all_owed if all_owed else 0.0
        total.append(_horizon(days, rate, sd, all_owed, int(seen), weight_sum / all_owed if all_owed else 0.0))
    return PlacementPrice(lender=lender, cases=len(batch), overdue_minor=all_owed, segments=segments, total=total,
                          book_version=book_version, as_of=as_of)


def _evidence(horizons: list[HorizonEstimate], owed_minor: int) -> dict[str, str]:
    """Where the segment's figures come from, in words a lender's account manager can repeat."""
    parts_en, parts_zh = [], []
    for h in horizons:
        if h.source == "default":
            parts_en.append(f"{h.days} d: documented default (no history yet)")
            parts_zh.append(f"{h.days} 天：默认参数（尚无历史数据）")
        else:
            share = f"{h.history_weight:.0%}"
            parts_en.append(f"{h.days} d: {h.history_cases:,} past cases, history weighs {share}")
            parts_zh.append(f"{h.days} 天：{h.history_cases:,} 个历史案件，历史数据权重 {share}")
    head_en = f"Overdue {Money(owed_minor).format()}. "
    head_zh = f"逾期 {Money(owed_minor).format()}。"
    return {"evidence_en": head_en + "; ".join(parts_en), "evidence_zh": head_zh + "；".join(parts_zh)}
