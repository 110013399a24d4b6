"""Segments: every case lands in exactly one (the first whose rule fits), with the reason;
a book that could leave a case without a segment, or that breaks a bound, is refused by field."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.money import bucket_for
from agentdesk.domain.policy import load_policy
from agentdesk.domain.segments import BUCKETS, CaseProfile, SegmentRule
from agentdesk.domain.strategy_book import (
    BookError,
    Challenger,
    Segment,
    StrategyBook,
    arm_of,
    default_book,
    parse_book,
)

LENDERS = ("星河消费金融", "青禾小额贷款", "锦程银行信用卡中心")
PRODUCTS = ("现金贷", "信用卡", "汽车分期")
REGIONS = ("广东省", "四川省", "新疆维吾尔自治区")


def _fits(rule: SegmentRule, p: CaseProfile) -> bool:
    """An oracle written from the rule's documented meaning, independent of `reasons`."""
    return all([
        not rule.buckets or bucket_for(p.days_past_due) in rule.buckets,
        rule.min_dpd is None or p.days_past_due >= rule.min_dpd,
        rule.max_dpd is None or p.days_past_due <= rule.max_dpd,
        not rule.lenders or p.lender in rule.lenders,
        not rule.products or any(x in rule.products for x in p.products),
        rule.min_overdue_minor is None or p.overdue_minor >= rule.min_overdue_minor,
        rule.max_overdue_minor is None or p.overdue_minor <= rule.max_overdue_minor,
        not rule.regions or p.region in rule.regions,
        rule.promise_history in ("any", p.promise_history),
        rule.contactability in ("any", p.contactability),
        rule.placement in ("any", p.placement),
    ])


def _some(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), max_size=2, unique=True)


@st.composite
def rules(draw: st.DrawFn) -> SegmentRule:
    low = draw(st.none() | st.integers(0, 200))
    high = draw(st.none() | st.integers(low or 0, 400))
    money_low = draw(st.none() | st.integers(0, 5_000_000))
    money_high = draw(st.none() | st.integers(money_low or 0, 10_000_000))
    rule = SegmentRule(
        buckets=draw(_some(BUCKETS)), min_dpd=low, max_dpd=high, lenders=draw(_some(LENDERS)),
        products=draw(_some(PRODUCTS)), min_overdue_minor=money_low, max_overdue_minor=money_high,
        regions=draw(_some(REGIONS)),
        promise_history=draw(st.sampled_from(("any", "none", "pending", "kept", "broken"))),
        contactability=draw(st.sampled_from(("any", "untried", "reached", "never_reached", "no_valid_phone"))),
        placement=draw(st.sampled_from(("any", "first", "returned"))),
    )
    return rule if not rule.is_catch_all() else SegmentRule(buckets=["M1"])


profiles = st.builds(
    CaseProfile, case_id=st.uuids().map(str), days_past_due=st.integers(0, 400),
    overdue_minor=st.integers(0, 10_000_000), lender=st.sampled_from(LENDERS),
    products=st.lists(st.sampled_from(PRODUCTS), max_size=2).map(tuple), region=st.sampled_from(REGIONS),
    promise_history=st.sampled_from(("none", "pending", "kept", "broken")),
    contactability=st.sampled_from(("untried", "reached", "never_reached", "no_valid_phone")),
    placement=st.sampled_from(("first", "returned")),
)


def _book(rule_list: list[SegmentRule]) -> StrategyBook:
    segments = [Segment(key=f"s{i}", name_zh=f"分群{i}", name_en=f"Segment {i}", rule=r)
                for i, r in enumerate(rule_list)]
    segments.append(Segment(key="rest", name_zh="其他", name_en="Everything else"))
    return parse_book(StrategyBook(segments=segments))


@settings(max_examples=80, deadline=None)
@given(st.lists(rules(), max_size=6), st.lists(profiles, min_size=1, max_size=12))
def test_every_case_lands_in_exactly_one_segment_the_first_that_fits(rule_list: list[SegmentRule],
                                                                     cases: list[CaseProfile]) -> None:
    book = _book(rule_list)
    for p in cases:
        placed = book.place(p)
        fitting = [i for i, seg in enumerate(book.segments) if _fits(seg.rule, p)]
        assert fitting, "the catch-all takes every case"
        assert placed.index == fitting[0] and placed.key == book.segments[fitting[0]].key
        # The reason names a fitting condition, and each earlier segment's failed one.
        assert placed.reasons and len(placed.passed_over) == placed.index
        assert [k for k, _r in placed.passed_over] == [s.key for s in book.segments[:placed.index]]


def test_the_reason_says_which_conditions_fit_and_why_earlier_segments_did_not() -> None:
    book = parse_book({"segments": [
        {"key": "early", "name_zh": "早期首催", "name_en": "Early first contact",
         "rule": {"buckets": ["M1"], "placement": "first"}},
        {"key": "big_m2", "name_zh": "M2 大额", "name_en": "Large M2",
         "rule": {"buckets": ["M2"], "min_overdue_minor": 500000}},
        {"key": "rest", "name_zh": "其他", "name_en": "Everything else"},
    ]})
    placed = book.place(CaseProfile("c", days_past_due=45, overdue_minor=812_300, lender="星河消费金融"))
    assert placed.key == "big_m2"
    en = placed.text("en", book.names("en"))
    zh = placed.text("zh", book.names("zh"))
    assert "bucket M2" in en and "overdue ¥8,123.00" in en and "Early first contact: bucket M2 is not M1" in en
    assert "账龄 M2" in zh and "早期首催：账龄 M2 不属于 M1" in zh
    small = book.place(CaseProfile("d", days_past_due=45, overdue_minor=1_000))
    assert small.key == "rest" and small.reasons[0].key == "catch_all"


@pytest.mark.parametrize(("segments", "field", "code"), [
    ([{"key": "a", "name_zh": "甲", "name_en": "A", "rule": {"buckets": ["M1"]}}], "segments[0].rule", "no_catch_all"),
    ([{"key": "a", "name_zh": "甲", "name_en": "A"}, {"key": "b", "name_zh": "乙", "name_en": "B"}],
     "segments[0].rule", "unreachable"),
    ([{"key": "a", "name_zh": "甲", "name_en": "A", "rule": {"buckets": ["M1"]}},
      {"key": "a", "name_zh": "乙", "name_en": "B"}], "segments[1].key", "duplicate_key"),
    ([{"key": "a", "name_zh": "甲", "name_en": "A", "rule": {"min_dpd": 30, "max_dpd": 10}},
      {"key": "b", "name_zh": "乙", "name_en": "B"}], "segments[0].rule.max_dpd", "invalid"),
    ([{"key": "a", "name_zh": "甲", "name_en": "A", "strategy": {"weights": {"promise_pending": 100}}}],
     "segments[0].strategy.weights.promise_pending", "bad_weight"),
    ([{"key": "a", "name_zh": "甲", "name_en": "A", "strategy": {"cadence": {"calls_per_day": 9}}}],
     "segments[0].strategy.cadence.calls_per_day", "cadence_over_policy"),
    ([{"key": "a", "name_zh": "甲", "name_en": "A", "strategy": {"talk_tracks": {"third_party": "early_reminder"}}}],
     "segments[0].strategy.talk_tracks.third_party", "third_party_track"),
    ([{"key": "Bad Key", "name_zh": "甲", "name_en": "A"}], "segments[0].key", "invalid"),
])
def test_a_bad_book_is_refused_naming_the_field(segments: list[dict], field: str, code: str) -> None:
    tracks = {"early_reminder": False, "first_contact": False, "third_party": True}
    with pytest.raises(BookError) as refused:
        parse_book({"segments": segments}, load_policy("china"), tracks)
    assert refused.value.field == field and refused.value.code == code
    assert field in str(refused.value)


def test_the_default_book_is_todays_weights_for_every_case() -> None:
    book = default_book({"reach": 300.0, "callback_due": 1000.0})
    assert [s.key for s in book.segments] == ["all"] and book.segments[0].rule.is_catch_all()
    strategy = book.strategy_for("all")
    assert strategy.resolved()["reach"] == 300.0 and strategy.weights == {"reach": 300.0}
    assert book.strategy_for("gone-segment").resolved() == strategy.resolved()


def test_a_challengers_weights_apply_to_its_arm_only() -> None:
    started = datetime(2026, 11, 1, tzinfo=UTC)
    book = parse_book(StrategyBook(segments=[Segment(
        key="all", name_zh="全部", name_en="All", strategy={"weights": {"reach": 200}},
        challenger=Challenger(id="more_reach", name="More reach", share=0.3, weights={"reach": 400},
                              started_at=started))]))
    assert book.strategy_for("all", "champion").resolved()["reach"] == 200
    assert book.strategy_for("all", "challenger").resolved()["reach"] == 400
    challenger = book.segments[0].challenger
    assert challenger is not None
    arms = [arm_of(challenger, f"case-{i}") for i in range(2000)]
    assert arms == [arm_of(challenger, f"case-{i}") for i in range(2000)]  # stable
    assert 480 <= arms.count("challenger") <= 720  # 30% of 2,000 within its 99.9% bounds
