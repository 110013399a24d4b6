"""Segments: named rules over a case's facts, ordered, so that every case lands in exactly one.

A collection strategy manager cuts the portfolio by what predicts how a debtor pays and
what work a case needs: the bucket and days past due, the lender and the product, the
amount overdue, the region, the debtor's promise history, whether anyone ever reached
them, and whether the account comes for the first time or was returned. A `SegmentRule`
is a conjunction of such conditions (an empty field means "any"); the book's segments are
tried in order and the first whose rule fits takes the case. The book's last segment must
take everything (no condition), so no case is ever left without a segment.

`match_segment` returns the segment and the reason in both languages: the conditions
that fitted, and for each earlier segment the first condition that did not, which is what
the case document shows the agent and the lead ("M2 · overdue ≥ ¥5,000; not 'early
first contact': bucket M2 is not M1").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from agentdesk.domain.money import Money, bucket_for

__all__ = [
    "BUCKETS",
    "CONTACTABILITY",
    "PLACEMENTS",
    "PROMISE_HISTORIES",
    "CaseProfile",
    "Reason",
    "SegmentMatch",
    "SegmentRule",
    "match_segment",
]

Bucket = Literal["M0", "M1", "M2", "M3", "M4+"]
BUCKETS: tuple[str, ...] = ("M0", "M1", "M2", "M3", "M4+")
PROMISE_HISTORIES = ("any", "none", "pending", "kept", "broken")
CONTACTABILITY = ("any", "untried", "reached", "never_reached", "no_valid_phone")
PLACEMENTS = ("any", "first", "returned")

Name = Annotated[str, Field(min_length=1, max_length=100)]

_PROMISE_TEXT = {
    "none": ("no promise yet", "从未承诺"),
    "pending": ("a promise pending", "有未到期承诺"),
    "kept": ("last promise kept", "上次承诺已兑现"),
    "broken": ("last promise broken", "上次承诺未兑现"),
}
_CONTACT_TEXT = {
    "untried": ("not called yet", "尚未拨打"),
    "reached": ("debtor reached before", "曾联系到本人"),
    "never_reached": ("debtor never reached", "从未联系到本人"),
    "no_valid_phone": ("no working phone of the debtor", "本人无有效电话"),
}
_PLACEMENT_TEXT = {"first": ("first placement", "首次委案"), "returned": ("returned account", "退回再委案")}


@dataclass(frozen=True)
class CaseProfile:
    """What a segment rule may look at, pre-aggregated by the caller (server or test).

    `promise_history`: "pending" when a promise is pending, else the status of the latest
    settled promise ("kept" / "broken"), else "none". `contactability`: "no_valid_phone"
    when the debtor has no phone that may be dialled, else "untried" before the first
    attempt, "reached" once anyone reached the debtor, else "never_reached" (tried, never
    reached: the cases data repair is for). `placement`: "returned" when the same person
    had an earlier case with this lender.
    """

    case_id: str
    days_past_due: int
    overdue_minor: int
    lender: str = ""
    products: tuple[str, ...] = ()
    region: str = ""
    promise_history: str = "none"
    contactability: str = "untried"
    placement: str = "first"
    currency: str = "CNY"

    @property
    def bucket(self) -> str:
        return bucket_for(self.days_past_due)


@dataclass(frozen=True)
class Reason:
    """One condition of a rule, as the lead and the agent read it."""

    key: str  # the rule's field ("buckets", "min_overdue_minor", ...; "catch_all")
    text_en: str
    text_zh: str


def _money(minor: int) -> str:
    return Money(minor).format()


def _join(values: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(values)


class SegmentRule(BaseModel):
    """Conditions over case facts; every condition given must hold (AND), lists mean "any of".

    Amounts are minor units; day counts are days past due of the case's most overdue
    account. An empty rule takes every case (the book's last segment must be one).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    buckets: Annotated[list[Bucket], Field(max_length=5)] = []
    min_dpd: Annotated[int, Field(ge=0, le=100_000)] | None = None
    max_dpd: Annotated[int, Field(ge=0, le=100_000)] | None = None
    lenders: Annotated[list[Name], Field(max_length=50)] = []
    products: Annotated[list[Name], Field(max_length=50)] = []
    min_overdue_minor: Annotated[int, Field(ge=0, le=10**13)] | None = None
    max_overdue_minor: Annotated[int, Field(ge=0, le=10**13)] | None = None
    regions: Annotated[list[Annotated[str, Field(min_length=1, max_length=50)]], Field(max_length=60)] = []
    promise_history: Literal["any", "none", "pending", "kept", "broken"] = "any"
    contactability: Literal["any", "untried", "reached", "never_reached", "no_valid_phone"] = "any"
    placement: Literal["any", "first", "returned"] = "any"

    @model_validator(mode="after")
    def _ranges(self) -> SegmentRule:
        if self.min_dpd is not None and self.max_dpd is not None and self.min_dpd > self.max_dpd:
            raise ValueError("max_dpd: must not be below min_dpd")
        if (self.min_overdue_minor is not None and self.max_overdue_minor is not None
                and self.min_overdue_minor > self.max_overdue_minor):
            raise ValueError("max_overdue_minor: must not be below min_overdue_minor")
        return self

    def is_catch_all(self) -> bool:
        """True when the rule has no condition at all: it takes every case."""
        return self == SegmentRule()

    def reasons(self, profile: CaseProfile) -> tuple[list[Reason], Reason | None]:
        """(the conditions that hold, the first that does not, or None when all hold)."""
        held: list[Reason] = []
        for check in (self._bucket, self._dpd, self._lender, self._product, self._amount, self._region,
                      self._promise, self._contact, self._placement):
            found = check(profile)
            if found is None:
                continue
            ok, reason = found
            if not ok:
                return held, reason
            held.append(reason)
        return held, None

    # Each check: None when the rule does not look at that fact, else (holds, reason).

    def _bucket(self, p: CaseProfile) -> tuple[bool, Reason] | None:
        if not self.buckets:
            return None
        listed_en, listed_zh = _join(self.buckets, "en"), _join(self.buckets, "zh")
        if p.bucket in self.buckets:
            return True, Reason("buckets", f"bucket {p.bucket} (one of {listed_en})",
                                f"账龄 {p.bucket}（属于 {listed_zh}）")
        return False, Reason("buckets", f"bucket {p.bucket} is not {listed_en}", f"账龄 {p.bucket} 不属于 {listed_zh}")

    def _dpd(self, p: CaseProfile) -> tuple[bool, Reason] | None:
        low, high = self.min_dpd, self.max_dpd
        if low is None and high is None:
            return None
        if low is not None and high is not None:
            span_en, span_zh = f"{low}–{high} days past due", f"逾期 {low}–{high} 天"
        elif low is not None:
            span_en, span_zh = f"at least {low} days past due", f"逾期至少 {low} 天"
        else:
            span_en, span_zh = f"at most {high} days past due", f"逾期至多 {high} 天"
        ok = (low is None or p.days_past_due >= low) and (high is None or p.days_past_due <= high)
        verb_en, verb_zh = ("within", "在") if ok else ("not within", "不在")
        return ok, Reason("dpd", f"{p.days_past_due} days past due, {verb_en} {span_en}",
                          f"逾期 {p.days_past_due} 天，{verb_zh}{span_zh}范围内")

    def _lender(self, p: CaseProfile) -> tuple[bool, Reason] | None:
        if not self.lenders:
            return None
        if p.lender in self.lenders:
            return True, Reason("lenders", f"lender {p.lender}", f"委托方 {p.lender}")
        return False, Reason("lenders", f"lender {p.lender or '?'} is not listed",
                             f"委托方 {p.lender or '?'} 不在列表中")

    def _product(self, p: CaseProfile) -> tuple[bool, Reason] | None:
        if not self.products:
            return None
        hit = next((x for x in p.products if x in self.products), None)
        if hit is not None:
            return True, Reason("products", f"product {hit}", f"产品 {hit}")
        shown_en, shown_zh = _join(p.products, "en") or "?", _join(p.products, "zh") or "?"
        return False, Reason("products", f"product {shown_en} is not listed", f"产品 {shown_zh} 不在列表中")

    def _amount(self, p: CaseProfile) -> tuple[bool, Reason] | None:
        low, high = self.min_overdue_minor, self.max_overdue_minor
        if low is None and high is None:
            return None
        ok = (low is None or p.overdue_minor >= low) and (high is None or p.overdue_minor <= high)
        amount = _money(p.overdue_minor)
        if low is not None and high is not None:
            band_en, band_zh = f"{_money(low)}–{_money(high)}", f"{_money(low)}–{_money(high)}"
        elif low is not None:
            band_en, band_zh = f"at least {_money(low)}", f"不低于 {_money(low)}"
        else:
            assert high is not None
            band_en, band_zh = f"at most {_money(high)}", f"不高于 {_money(high)}"
        if ok:
            return True, Reason("overdue", f"overdue {amount} ({band_en})", f"逾期金额 {amount}（{band_zh}）")
        return False, Reason("overdue", f"overdue {amount} is not {band_en}", f"逾期金额 {amount} 不在{band_zh}范围")

    def _region(self, p: CaseProfile) -> tuple[bool, Reason] | None:
        if not self.regions:
            return None
        if p.region in self.regions:
            return True, Reason("regions", f"region {p.region}", f"地区 {p.region}")
        return False, Reason("regions", f"region {p.region or '?'} is not listed", f"地区 {p.region or '?'} 不在列表中")

    def _promise(self, p: CaseProfile) -> tuple[bool, Reason] | None:
        if self.promise_history == "any":
            return None
        en, zh = _PROMISE_TEXT.get(p.promise_history, (p.promise_history, p.promise_history))
        want_en, want_zh = _PROMISE_TEXT[self.promise_history]
        if p.promise_history == self.promise_history:
            return True, Reason("promise_history", en, zh)
        return False, Reason("promise_history", f"{en}, not {want_en}", f"{zh}，不是{want_zh}")

    def _contact(self, p: CaseProfile) -> tuple[bool, Reason] | None:
        if self.contactability == "any":
            return None
        en, zh = _CONTACT_TEXT.get(p.contactability, (p.contactability, p.contactability))
        want_en, want_zh = _CONTACT_TEXT[self.contactability]
        if p.contactability == self.contactability:
            return True, Reason("contactability", en, zh)
        return False, Reason("contactability", f"{en}, not {want_en}", f"{zh}，不是{want_zh}")

    def _placement(self, p: CaseProfile) -> tuple[bool, Reason] | None:
        if self.placement == "any":
            return None
        en, zh = _PLACEMENT_TEXT.get(p.placement, (p.placement, p.placement))
        want_en, want_zh = _PLACEMENT_TEXT[self.placement]
        if p.placement == self.placement:
            return True, Reason("placement", en, zh)
        return False, Reason("placement", f"{en}, not {want_en}", f"{zh}，不是{want_zh}")


CATCH_ALL_REASON = Reason("catch_all", "no earlier segment's rule fits", "不符合前面任何分群的规则")


@dataclass(frozen=True)
class SegmentMatch:
    """Which segment took the case, the conditions that fitted, and why earlier ones did not."""

    key: str
    index: int
    reasons: tuple[Reason, ...]
    passed_over: tuple[tuple[str, Reason], ...]  # (earlier segment's key, its first failing condition)

    def text(self, lang: str, names: dict[str, str] | None = None) -> str:
        """One line: the fitting conditions, then what ruled out the earlier segments."""
        pick = (lambda r: r.text_zh) if lang == "zh" else (lambda r: r.text_en)
        sep = "；" if lang == "zh" else "; "
        line = (" · " if lang != "zh" else "，").join(pick(r) for r in self.reasons)
        if self.passed_over:
            names = names or {}
            skipped = [f"{names.get(k, k)}: {pick(r)}" if lang != "zh" else f"{names.get(k, k)}：{pick(r)}"
                       for k, r in self.passed_over]
            line += sep + ("not " if lang != "zh" else "不属于") + sep.join(skipped)
        return line


class HasRule(Protocol):
    """What `match_segment` needs of a segment: its key and its rule (a Segment of the book)."""

    @property
    def key(self) -> str: ...

    @property
    def rule(self) -> SegmentRule: ...


def match_segment(segments: Sequence[HasRule], profile: CaseProfile) -> SegmentMatch:
    """The first segment whose rule fits `profile`, with the reasons.

    The book guarantees a catch-all last segment; without one a case that fits nothing
    raises ValueError (a caller's bug, never a silent "no segment").
    """
    passed: list[tuple[str, Reason]] = []
    for index, segment in enumerate(segments):
        held, failed = segment.rule.reasons(profile)
        if failed is None:
            return SegmentMatch(segment.key, index, tuple(held) or (CATCH_ALL_REASON,), tuple(passed))
        passed.append((segment.key, failed))
    raise ValueError("no segment fits the case: the last segment must take every case (no conditions)")
