"""Which field a queue search matched (queue_columns.matched_field)."""

from agentdesk.domain.queue_columns import history_columns, matched_field


def test_name_phone_tail_and_account_number_are_told_apart() -> None:
    doc = {"debtor": {"name": "王芳"},
           "contact_points": [{"kind": "phone", "value_masked": "138****4038"},
                              {"kind": "address", "value_masked": "广东省…"}],
           "accounts": [{"account_no": "HT-2026-774038", "overdue_minor": 1, "outstanding_minor": 1,
                         "currency": "CNY", "days_past_due": 3, "bucket": "M1"}]}
    text = history_columns(doc)["search_text"]
    assert matched_field(text, "王芳", "王") == "name"
    assert matched_field(text, "王芳", "4038") == "phone"
    assert matched_field(text, "王芳", "774038") == "account"
    assert matched_field(text, "王芳", "ht-2026") == "account"
    assert matched_field(text, "王芳", "9999") is None
    assert matched_field(text, "王芳", "") is None
