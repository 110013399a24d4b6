"""SMS length as a network counts it, and the template validator's refusals."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from agentdesk.domain.sms_templates import (
    SmsTemplateError,
    load_rules,
    load_templates,
    render,
    validate_template_data,
)
from agentdesk.domain.sms_text import count_segments

RULES = load_rules()


@pytest.mark.parametrize(("text", "encoding", "units", "segments"), [
    ("a" * 160, "gsm7", 160, 1),
    ("a" * 161, "gsm7", 161, 2),
    ("a" * 306, "gsm7", 306, 2),
    ("a" * 307, "gsm7", 307, 3),
    ("{" * 80, "gsm7", 160, 1),  # extension characters take two septets
    ("a" * 152 + "{" + "a" * 152, "gsm7", 306, 3),  # an escape pair is never split: it moves on
    ("您" * 70, "ucs2", 70, 1),
    ("您" * 71, "ucs2", 71, 2),
    ("您" * 134, "ucs2", 134, 2),
    ("您" * 135, "ucs2", 135, 3),
    ("a" * 159 + "您", "ucs2", 160, 3),  # one Chinese character makes the whole message UCS-2
    ("😀" * 35, "ucs2", 70, 1),  # outside the BMP: a surrogate pair, two units
])
def test_segments_are_counted_as_the_network_bills_them(text: str, encoding: str, units: int, segments: int) -> None:
    count = count_segments(text)
    assert (count.encoding, count.units, count.segments) == (encoding, units, segments)


EN = "【{company}】{link} Reply T to unsubscribe"


def _template(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "t", "version": 1, "title": {"zh": "提醒", "en": "Reminder"}, "purpose": "reminder",
        "audience": "debtor", "presets": ["china"], "link": True,
        "text": {"zh": "【{company}】{debtor_name}您好，账款{amount_due}请于{due_date}前处理：{link} 回T退订",
                 "en": "【{company}】{debtor_name}: {amount_due} due {due_date}: {link} Reply T to unsubscribe"},
    }
    merged = copy.deepcopy(data)
    merged.update(changes)
    return merged


def test_every_shipped_template_passes_its_presets() -> None:
    templates = load_templates(rules=RULES)
    assert {t.id for t in templates} >= {"payment_reminder", "promise_reminder", "broken_promise", "please_call_back"}
    for template in templates:
        for (preset, _lang), count in template.measured.items():
            assert count.segments <= RULES.for_preset(preset).max_segments


@pytest.mark.parametrize(("change", "problem"), [
    ({"text": {"zh": "{debtor_name}您好，账款{amount_due}：{link} 回T退订", "en": EN}},
     "text (zh) under preset 'china': no sender signature"),
    ({"text": {"zh": "【{company}】账款{amount_due}：{link}", "en": EN}},
     "no opt-out line '回T退订'"),
    ({"audience": "any_party"}, "would disclose the debt"),
    ({"audience": "any_party", "link": False,
      "text": {"zh": "【{company}】请{debtor_name}尽快还款 回T退订",
               "en": "【{company}】call us Reply T to unsubscribe"}},
     "contains '还款'"),
    ({"text": {"zh": "【{company}】{nickname}您好 {link} 回T退订", "en": EN}},
     "unknown variable '{nickname}'"),
    ({"text": {"zh": "【{company}】" + "您好" * 80 + "{link} 回T退订", "en": EN}},
     "segments (ucs2"),
    ({"presets": ["us"], "text": {"zh": "{company}：余额{amount_due} {link} 回复STOP退订",
                                  "en": "{company}: {amount_due} due {due_date} {link} Reply STOP to opt out"}},
     "the required phrase '债务催收' is missing"),
    ({"text": {"zh": "【{company}】不还就告诉你单位 {link} 回T退订", "en": EN}},
     "banned phrase '告诉你单位'"),
])
def test_a_template_that_would_break_a_rule_is_refused_with_file_and_reason(change: dict[str, Any],
                                                                           problem: str) -> None:
    with pytest.raises(SmsTemplateError) as caught:
        validate_template_data(_template(**change), "resources/sms/templates/t.yaml", RULES)
    assert "resources/sms/templates/t.yaml" in str(caught.value)
    assert problem in str(caught.value)


def test_rendering_fills_once_and_rechecks_the_filled_length() -> None:
    template = validate_template_data(_template(), "t.yaml", RULES)
    values = {"debtor_name": "{amount_due}", "amount_due": "¥1,000.00", "due_date": "2026-12-31",
              "link": "https://x.cn/s/abc"}
    text = render(template, "zh", values, RULES, "china").text
    assert text.startswith("【安信服务中心】{amount_due}您好")  # a name holding braces stays literal
    with pytest.raises(SmsTemplateError, match="segments"):
        render(template, "zh", {**values, "debtor_name": "长" * 200}, RULES, "china")
