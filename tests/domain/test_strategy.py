"""The weights' declaration: defaults inside their own bounds, each with its reason, and a
strategy that breaks a bound refused with the weight's name."""

from __future__ import annotations

import pytest

from agentdesk.domain.strategy import DEFAULT_WEIGHTS, WEIGHTS, Strategy, StrategyError, default_strategy, weight_spec


def test_every_default_is_documented_and_allowed() -> None:
    assert [s.key for s in WEIGHTS] == list(DEFAULT_WEIGHTS)
    for spec in WEIGHTS:
        assert spec.reason_en and spec.reason_zh and spec.label_en and spec.label_zh, spec.key
        spec.check(spec.default, "default")
    assert default_strategy().resolved() == DEFAULT_WEIGHTS


@pytest.mark.parametrize(("key", "value"), [
    ("fruitless_today", 5.0),  # a penalty turned into a reward for re-dialling
    ("attempts_today", 0.5),
    ("promise_pending", 10.0),  # pressing before the promised date rewarded
    ("p_pay_M2", 1.2),
    ("reach_prior_attempts", 0.0),
    ("broken_promise_fade_days", 0.0),
    ("callback_due", float("nan")),
    ("reach", float("inf")),
])
def test_a_weight_out_of_bounds_is_refused_by_name(key: str, value: float) -> None:
    with pytest.raises(StrategyError, match=key) as refused:
        Strategy("lead's", {key: value}).resolved()
    assert refused.value.weight == key


def test_unknown_weights_and_unusable_names_are_refused() -> None:
    with pytest.raises(StrategyError, match="calback_due") as refused:
        Strategy("typo", {"calback_due": 1.0}).resolved()
    assert refused.value.weight == "calback_due"
    for name in ("", "   ", "x" * 65, "tab\there"):
        with pytest.raises(StrategyError, match="name"):
            Strategy(name, {}).resolved()
    with pytest.raises(StrategyError, match="reach"):
        Strategy("text", {"reach": "high"}).resolved()  # type: ignore[dict-item]


def test_weights_left_out_take_their_default() -> None:
    assert Strategy("one", {"reach": 300}).resolved() == {**DEFAULT_WEIGHTS, "reach": 300.0}
    assert weight_spec("reach").default == 150.0
