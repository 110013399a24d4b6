"""The lead console's Strategy engine tab against the real server, with real widgets:
edit a segment (a bad value named and focused, a good one saved for every desk), preview,
adjust, allocate and undo, give a collector a stand-in, read the arms' verdict, price a
file. Each waits on the panel's own signals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from agentdesk.client.session import ClientSession
from agentdesk.desktop.arms_panel import arm_rows
from agentdesk.desktop.lead_console import LeadConsole
from agentdesk.desktop.strategy_workbench import StrategyWorkbench
from agentdesk.desktop.tasks import Tasks
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import Case, User
from tests.support.lender_files import resident_id

from .conftest import GUI_TIMEOUT_MS

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def lead(live_server: EmbeddedServer) -> Iterator[ClientSession]:
    session = ClientSession.login(live_server.url, "lead01", "demo", remember=False, allow_unencrypted=True)
    session.sync_now()
    yield session
    session.stop()


@pytest.fixture
def bench(qtbot, styled_app: QApplication, lead: ClientSession) -> Iterator[StrategyWorkbench]:  # noqa: ANN001
    tasks = Tasks()
    widget = StrategyWorkbench(lead, tasks)
    qtbot.addWidget(widget)
    widget.resize(1300, 860)
    widget.show()
    yield widget
    tasks.wait_idle(10_000)


def test_the_console_has_the_strategy_engine_tab(qtbot, styled_app: QApplication,  # noqa: ANN001
                                                 lead: ClientSession) -> None:
    tasks = Tasks()
    console = LeadConsole(lead, tasks)
    qtbot.addWidget(console)
    assert console.tabs.indexOf(console.workbench) >= 0
    assert [console.workbench.tabs.tabText(i) for i in range(console.workbench.tabs.count())] == [
        "Segments", "Allocation", "Collectors", "Champion / challenger", "Pricing"]
    console.shutdown()
    tasks.wait_idle(10_000)


def test_a_bad_value_is_named_and_a_good_change_is_saved_for_every_desk(
        qtbot, bench: StrategyWorkbench, lead: ClientSession, live_server: EmbeddedServer) -> None:  # noqa: ANN001
    editor = bench.segments
    keys = [s["key"] for s in editor.working]
    assert keys[-1] == "rest" and not editor.saveButton.isEnabled()
    editor.segmentsList.setCurrentRow(keys.index("early"))
    assert editor.keyEdit.text() == "early" and editor.challengerCheck.isChecked()

    editor.callsPerDaySpin.setValue(9)  # the China preset allows 6 dials a day to a number
    assert not editor.saveButton.isEnabled()
    assert "segments[1].strategy.cadence.calls_per_day" in editor.statusLabel.text()
    editor.show_problem()
    assert editor.callsPerDaySpin.hasFocus()
    editor.callsPerDaySpin.setValue(3)
    assert editor.saveButton.isEnabled() and editor.statusLabel.text() == "Changed, not saved yet."

    # The challenger's variant: its own weight, stored as a difference from the champion's.
    editor.challengerRadio.setChecked(True)
    editor.form.spins["reach"].setValue(350.0)
    early = editor.working[keys.index("early")]
    assert early["challenger"]["weights"] == {"promise_follow_up": 700.0, "reach": 350.0}
    assert early["strategy"]["weights"] == {"reach": 200.0}
    assert early["strategy"]["cadence"]["calls_per_day"] == 3
    with qtbot.waitSignal(editor.saved, timeout=GUI_TIMEOUT_MS) as saved:
        qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    rules = saved.args[0]
    assert rules.book.version == 3 and lead.rules.book is not None and lead.rules.book.version == 3
    seg = next(s for s in rules.book.segments if s.key == "early")
    assert seg.strategy.cadence.calls_per_day == 3 and seg.challenger is not None
    assert seg.challenger.weights == {"promise_follow_up": 700.0, "reach": 350.0}
    assert lead.rules.strategy_book().strategy_for("early", "challenger").resolved()["reach"] == 350.0
    agent = ClientSession.login(live_server.url, "agent01", "demo", remember=False, allow_unencrypted=True)
    try:
        agent.sync_now()
        assert agent.rules.book is not None and agent.rules.book.version == 3
    finally:
        agent.stop()


def test_a_book_file_round_trip_through_the_editor(qtbot, bench: StrategyWorkbench, tmp_path: Path) -> None:  # noqa: ANN001
    editor = bench.segments
    path = tmp_path / "review.yaml"
    with qtbot.waitSignal(editor.message, timeout=GUI_TIMEOUT_MS):
        editor.export_to(path)
    assert "plan_first" in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("name_en: Late (M4+)", "name_en: Late cases"),
                    encoding="utf-8")
    with qtbot.waitSignal(editor.validated, timeout=GUI_TIMEOUT_MS):
        editor.import_from(path)
    assert any(s["name_en"] == "Late cases" for s in editor.working)
    assert editor.saveButton.isEnabled() and "review.yaml" in editor.statusLabel.text()


def test_preview_adjust_allocate_and_undo(qtbot, bench: StrategyWorkbench,  # noqa: ANN001
                                          live_server: EmbeddedServer) -> None:
    panel = bench.allocation
    bench.tabs.setCurrentWidget(panel)
    assert not panel.commitButton.isEnabled()
    with qtbot.waitSignal(panel.previewed, timeout=GUI_TIMEOUT_MS) as previewed:
        qtbot.mouseClick(panel.previewButton, Qt.MouseButton.LeftButton)
    preview = previewed.args[0]
    assert preview.total_cases > 0 and panel.items_model.rowCount() == len(preview.items)
    assert "cases to allocate" in panel.summaryLabel.text()
    # Give the first line to another collector than the one proposed.
    panel.itemsView.selectRow(0)
    first = preview.items[0]
    other = next(i for i in range(panel.targetCombo.count()) if panel.targetCombo.itemData(i) != first.to_agent_id)
    panel.targetCombo.setCurrentIndex(other)
    qtbot.mouseClick(panel.applyButton, Qt.MouseButton.LeftButton)
    chosen = panel.targetCombo.itemData(other)
    assert panel.assignments[first.case_id] == chosen
    with qtbot.waitSignal(panel.allocated, timeout=GUI_TIMEOUT_MS) as allocated:
        qtbot.mouseClick(panel.commitButton, Qt.MouseButton.LeftButton)
    assert allocated.args[0].moved > 0 and panel.items_model.rowCount() == 0
    with live_server.database.transaction() as s:
        assert s.scalar(select(Case.assigned_agent_id).where(Case.id == first.case_id)) == chosen
    assert panel.undoAllocationButton.isEnabled()
    with qtbot.waitSignal(panel.undone, timeout=GUI_TIMEOUT_MS) as undone:
        qtbot.mouseClick(panel.undoAllocationButton, Qt.MouseButton.LeftButton)
    assert undone.args[0].restored == allocated.args[0].moved
    with live_server.database.transaction() as s:
        assert s.scalar(select(Case.assigned_agent_id).where(Case.id == first.case_id)) == first.from_agent_id


def test_a_collector_gets_a_stand_in_from_the_form(qtbot, bench: StrategyWorkbench,  # noqa: ANN001
                                                   live_server: EmbeddedServer) -> None:
    panel = bench.collectors
    with qtbot.waitSignal(panel.loaded, timeout=GUI_TIMEOUT_MS):
        bench.tabs.setCurrentWidget(panel)
    names = [panel.model.item_at(r).username for r in range(panel.model.rowCount())]
    assert names == ["agent01", "agent02", "agent03", "agent04", "agent05"]
    panel.collectorsView.selectRow(0)
    assert panel.collectorName.text().startswith("agent01") and panel.capacitySpin.value() == 400
    panel.awayCheck.setChecked(True)
    panel.awayUntilEdit.setDate(panel.awayFromEdit.date().addDays(-1))
    qtbot.mouseClick(panel.saveCollectorButton, Qt.MouseButton.LeftButton)
    assert panel.collectorStatus.text().startswith("away_until") and panel.awayUntilEdit.hasFocus()
    panel.awayUntilEdit.setDate(panel.awayFromEdit.date().addDays(2))
    panel.standInCombo.setCurrentIndex(panel.standInCombo.findText("agent02"))
    panel.capacitySpin.setValue(280)
    with qtbot.waitSignal(panel.saved, timeout=GUI_TIMEOUT_MS) as saved:
        qtbot.mouseClick(panel.saveCollectorButton, Qt.MouseButton.LeftButton)
    info = saved.args[0]
    assert info.settings.capacity == 280 and info.stand_in_username == "agent02" and info.away_today
    assert "agent02" in panel.collectorStatus.text()
    with live_server.database.transaction() as s:
        stand_in = s.scalar(select(User.id).where(User.username == "agent02"))
        assert s.scalar(select(Case.id).where(Case.assigned_agent_id == stand_in)) is not None


def test_the_arms_verdict_and_its_measures(qtbot, bench: StrategyWorkbench) -> None:  # noqa: ANN001
    panel = bench.arms
    assert panel.experimentCombo.count() == 1 and "Plan first" in panel.experimentCombo.currentText()
    with qtbot.waitSignal(panel.loaded, timeout=GUI_TIMEOUT_MS) as loaded:
        bench.tabs.setCurrentWidget(panel)
    report = loaded.args[0]
    assert panel.verdictLabel.text() == report.verdict_en and report.champion_cases and report.challenger_cases
    rows = arm_rows(report)
    assert [r.key for r in rows][:3] == ["rpc_rate", "promise_rate", "kept_rate"] and panel.model.rowCount() == 6
    assert "★" in next(r.finding for r in rows if r.key == "promise_rate")
    assert panel.chart.chart().series() and "early_reminder_plan" in panel.tracksLabel.text()
    assert panel.promoteArmButton.isEnabled()


def test_a_file_is_priced_in_the_console(qtbot, bench: StrategyWorkbench, tmp_path: Path) -> None:  # noqa: ANN001
    panel = bench.pricing
    path = tmp_path / "placement.csv"
    lines = ["姓名,身份证号,手机号,逾期金额,逾期天数,账号,产品,省份"]
    lines += [f"客户{i},{resident_id(i)},1380013{i:04d},{1500 + i * 91}.00,{3 + i * 7},PX-{i:05d},现金贷,广东省"
              for i in range(30)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    panel.lenderCombo.setEditText("星河消费金融")
    with qtbot.waitSignal(panel.priced, timeout=GUI_TIMEOUT_MS) as priced:
        panel.price_file(path)
    price = priced.args[0]
    assert price.cases == 30 and panel.model.rowCount() == len(price.segments) > 0
    assert "30 cases" in panel.totalLabel.text() and "180 days" in panel.totalLabel.text()
    assert panel.evidenceLabel.text().startswith("Overdue")
