"""The desktop's plain logic, without windows: queue order, wording, settings, themes, i18n."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from agentdesk.client.views import PriorityReason, QueueRow, SyncStatus
from agentdesk.desktop import i18n, rule_text, theme
from agentdesk.desktop.queue_model import QueueModel, next_callable, next_to_open, reason_text, reasons_tooltip
from agentdesk.desktop.settings import Settings
from agentdesk.desktop.status import sync_summary
from agentdesk.desktop.wrapup import WrapupFields, outcomes_for
from agentdesk.domain.casewrites import CaseWriteError
from agentdesk.domain.money import Money

NOW = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def _row(case_id: str, status: str = "open", callable_from: datetime | None = None) -> QueueRow:
    return QueueRow(
        case_id=case_id,
        debtor_name="王芳",
        lender="某银行",
        overdue=Money(123_456),
        outstanding=Money(500_000),
        days_past_due=42,
        bucket="M2",
        status=status,
        last_outcome="no_answer",
        last_attempt_at=None,
        score=1.0,
        reasons=(
            PriorityReason("dpd", "42 days past due", "逾期 42 天", 3.0),
            PriorityReason("ptp", "Promise broken", "承诺违约", 9.0),
        ),
        callable_from=callable_from,
    )


def test_the_priority_tooltip_shows_whole_points_largest_first() -> None:
    row = _row("a")
    row = QueueRow(**{**row.__dict__, "reasons": (
        PriorityReason("reach", "Usual reach this hour", "当前时段接通率一般", 241.424),
        PriorityReason("fruitless_today", "2 unanswered today", "今日 2 次未接通", -40.0))})
    assert reasons_tooltip(row, "en") == "Usual reach this hour  (+241)\n2 unanswered today  (-40)"


def test_a_case_never_callable_reads_not_callable_in_the_queue() -> None:
    from agentdesk.desktop.labels import next_call_text
    from agentdesk.domain.priority import NOT_CALLABLE

    assert next_call_text(NOT_CALLABLE, NOW) == "Not callable"


def test_next_case_skips_the_open_one_held_and_not_yet_callable() -> None:
    rows = [_row("a"), _row("b", status="on_hold"), _row("c", callable_from=NOW + timedelta(hours=2)), _row("d")]
    assert next_callable(rows, None, NOW) == "a"
    assert next_callable(rows, "a", NOW) == "d"
    assert next_callable(rows[:3], "a", NOW) is None


def test_in_the_quiet_hours_next_case_opens_the_first_one_callable_at_all() -> None:
    later, latest = NOW + timedelta(hours=2), NOW + timedelta(hours=9)
    rows = [_row("a", callable_from=latest), _row("b", status="on_hold"), _row("c", callable_from=later),
            _row("d", callable_from=later)]
    chosen = next_to_open(rows, None, NOW)
    assert chosen is not None and chosen.case_id == "c", "the soonest, then the higher ranked"
    assert next_to_open(rows, "c", NOW).case_id == "d"
    assert next_to_open([*rows, _row("e")], "c", NOW).case_id == "e", "a case callable now comes first"
    assert next_to_open([_row("b", status="on_hold")], None, NOW) is None


def test_queue_model_shows_money_bucket_and_strongest_reason(qapp) -> None:  # noqa: ANN001
    model = QueueModel("zh")
    model.set_rows([_row("a")], now=NOW)
    assert model.rowCount() == 1 and model.columnCount() == 6
    assert model.index(0, QueueModel.OVERDUE).data() == "¥1,234.56"
    assert model.index(0, QueueModel.DPD).data() == "42 · M2"
    assert reason_text(model.case_at(0), "zh") == "承诺违约"
    assert model.index(0, QueueModel.WHY).data() == "承诺违约"
    assert QueueModel("en", show_agent=True).columnCount() == 7


def test_sync_summary_words_each_state(qapp) -> None:  # noqa: ANN001
    tone, state, pending, last = sync_summary(SyncStatus("offline", 3, 0, None, "down"), NOW)
    assert tone == "warn" and "Offline" in state and pending.startswith("3") and "Not synced" in last
    tone, _state, pending, _last = sync_summary(SyncStatus("online", 0, 1, NOW, None), NOW)
    assert tone == "danger" and "rejected" in pending


def test_settings_round_trip_and_refuse_bad_values(tmp_path) -> None:  # noqa: ANN001
    settings = Settings(tmp_path / "s.json")
    settings.set("server_url", "https://agentdesk.example.com")
    settings.set("theme", "dark")
    again = Settings(tmp_path / "s.json")
    assert again.get("server_url") == "https://agentdesk.example.com" and again.get("theme") == "dark"
    with pytest.raises(ValueError):
        again.set("theme", "purple")
    (tmp_path / "s.json").write_text("{not json", encoding="utf-8")
    assert Settings(tmp_path / "s.json").get("theme") == "auto"


def test_both_stylesheets_fill_every_placeholder() -> None:
    for scheme in ("light", "dark"):
        sheet = theme.stylesheet(scheme)
        assert not re.search(r"\{[a-z_]+\}", sheet), f"{scheme}: a colour role is missing"
        assert set(theme.read_colors("light")) == set(theme.read_colors(scheme))


def test_chinese_catalogue_builds_and_translates(qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    qm = i18n.qm_path("zh_CN")
    assert qm is not None and qm.is_file()
    i18n.install_translators("zh_CN")
    try:
        assert QCoreApplication.translate("Labels", "Promise to pay") == "承诺还款"
        assert QCoreApplication.translate("MainWindow", "&Next case") == "下一个案件(&N)"
    finally:
        i18n.install_translators("en")
    assert QCoreApplication.translate("Labels", "Promise to pay") == "Promise to pay"


def test_every_chinese_string_is_translated() -> None:
    text = (i18n.translations_dir() / "agentdesk_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "run lupdate and translate the new strings"


def test_wrapup_helpers(qapp) -> None:  # noqa: ANN001
    assert "promise_to_pay" in outcomes_for("right_party") and "promise_to_pay" not in outcomes_for("third_party")
    assert outcomes_for("bogus") == ()
    fields = WrapupFields.from_draft("c1", {"note": "hi", "reached": "nobody", "unknown": 1})
    assert fields.case_id == "c1" and fields.note == "hi" and not fields.is_blank()
    refused = CaseWriteError("amount_over_outstanding", "the promise exceeds the outstanding balance 10.00",
                             outstanding_minor=1000, currency="CNY")
    assert rule_text.describe(refused) == ("promise", "The promise exceeds the outstanding balance ¥10.00.")
    # A code this desk does not know yet keeps the error's own sentence, under the form.
    assert rule_text.describe(CaseWriteError("brand_new_rule", "something new")) == ("form", "something new")
