"""The lead console's "Team cases" grid as a lead uses it, over a replica with known cases.

No server: the lead's store is filled through the client's own `apply_changes` (as a
pull would) and the API is a stub that answers the board and reassignment previews, so
each test can say exactly which rows and amounts a lead must see for each filter, sort,
selection and sync. The whole-program proof against a real server is in test_lead.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, Qt
from PySide6.QtWidgets import QApplication

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.api import ApiClient
from agentdesk.client.credentials import SecretStore
from agentdesk.client.lead import GridFilter
from agentdesk.client.session import ClientSession
from agentdesk.desktop.lead_console import LeadConsole
from agentdesk.desktop.lead_models import TeamCasesModel, money
from agentdesk.desktop.tasks import Tasks
from tests.support.lead_cases import CaseSpec, board, lead_store, matching, moved, random_specs, remove, upsert

from .conftest import GUI_TIMEOUT_MS

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

N_CASES = 1500


class StubApi:
    """Answers the board and reassignment previews; records every request."""

    def __init__(self, specs: list[CaseSpec]) -> None:
        self.specs = specs
        self.requests: list[tuple[str, str, Any]] = []

    def call(self, method: str, path: str, **kw: Any) -> Any:
        self.requests.append((method, path, kw.get("json")))
        if path == "/v1/team/board":
            return board(self.specs)
        if path == "/v1/cases/reassign/preview":
            ids = kw["json"]["case_ids"]
            return {"moves": [], "total_cases": len(ids), "total_minor": 0, "per_agent": []}
        raise errors.ClientError(f"not served by the stub: {method} {path}")


def _session(store: Any, api: StubApi, clock: Any = None) -> ClientSession:
    user = contract.UserInfo(id="u-lead01", username="lead01", display_name="Lead", role="lead", team_id="t1")
    session = ClientSession(ApiClient("http://127.0.0.1:9"), store,
                            SecretStore("http://127.0.0.1:9", "lead01", memory_only=True), user, clock=clock)
    session.api.call = api.call  # type: ignore[method-assign]
    return session


@pytest.fixture
def specs() -> list[CaseSpec]:
    return random_specs(N_CASES, seed=21)


@pytest.fixture
def lead(tmp_path: Path, specs: list[CaseSpec]) -> Iterator[tuple[ClientSession, StubApi]]:
    api = StubApi(specs)
    session = _session(lead_store(tmp_path / "lead.db", specs), api)
    yield session, api
    session.stop()


@pytest.fixture
def console(qtbot, styled_app: QApplication, lead) -> Iterator[LeadConsole]:  # noqa: ANN001
    session, _api = lead
    tasks = Tasks()
    console = LeadConsole(session, tasks)
    qtbot.addWidget(console)
    console.resize(1300, 800)
    console.tabs.setCurrentWidget(console.casesPage)
    console.show()
    qtbot.waitUntil(lambda: console.cases_model.rowCount() == N_CASES and console.board_model.rowCount() > 0,
                    timeout=GUI_TIMEOUT_MS)
    yield console
    console.shutdown()
    tasks.wait_idle(10_000)


def _apply(qtbot, console: LeadConsole, change: Callable[[], Any]) -> int:  # noqa: ANN001
    with qtbot.waitSignal(console.grid_loaded, timeout=GUI_TIMEOUT_MS) as loaded:
        change()
    return loaded.args[0]


def _shown(console: LeadConsole, column: int) -> list[str]:
    model = console.cases_model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _expect(console: LeadConsole, expected: list[CaseSpec]) -> None:
    """What the lead sees: the rows, the count and the overdue sum under the grid."""
    assert console.cases_model.rowCount() == len(expected)
    assert set(console.cases_model.ids()) == {s.id for s in expected}
    text = console.casesCount.text()
    assert f"{QLocale().toString(len(expected))} cases" in text  # %Ln: digit groups as the locale writes them
    assert money(sum(s.overdue_minor for s in expected)) in text


def _pick(combo: Any, key: str | None) -> Callable[[], None]:
    return lambda: combo.setCurrentIndex(combo.findData(key))


def test_each_filter_shows_what_the_lead_asked_for(qtbot, console: LeadConsole, specs: list[CaseSpec]) -> None:  # noqa: ANN001
    c = console
    steps: list[tuple[Callable[[], None], GridFilter]] = [
        (_pick(c.agentFilter, "agent02"), GridFilter(agent="agent02")),
        (_pick(c.agentFilter, ""), GridFilter(agent="")),
        (_pick(c.bucketFilter, "M2"), GridFilter(bucket="M2")),
        (lambda: c.minDpdSpin.setValue(90), GridFilter(min_dpd=90)),
        (lambda: c.maxDpdSpin.setValue(30), GridFilter(max_dpd=30)),
        (lambda: c.minAmountSpin.setValue(10_000), GridFilter(min_overdue_minor=1_000_000)),
        (lambda: c.maxAmountSpin.setValue(5_000), GridFilter(max_overdue_minor=500_000)),
        (_pick(c.statusFilter, "on_hold"), GridFilter(status="on_hold")),
        (_pick(c.outcomeFilter, "refusal"), GridFilter(last_outcome="refusal")),
        (_pick(c.outcomeFilter, "none"), GridFilter(last_outcome="none")),
        (_pick(c.promiseFilter, "broken"), GridFilter(promise_status="broken")),
        (_pick(c.promiseFilter, "none"), GridFilter(promise_status="none")),
        (lambda: c.searchFilter.setText("王00"), GridFilter(search="王00")),
    ]
    for change, f in steps:
        expected = matching(specs, f)
        assert 0 < len(expected) < N_CASES, f"the fixture should make {f} a real narrowing"
        assert _apply(qtbot, c, change) == len(expected)
        _expect(c, expected)
        assert c.grid_filter() == f
        assert _apply(qtbot, c, c.clear_filters) == N_CASES
        assert c.grid_filter() == GridFilter()


def test_filters_combine_and_amounts_are_shown_in_yuan(qtbot, console: LeadConsole, specs: list[CaseSpec]) -> None:  # noqa: ANN001
    c = console
    for change in (_pick(c.agentFilter, "agent01"), _pick(c.statusFilter, "open"),
                   lambda: c.minAmountSpin.setValue(5_000), lambda: c.maxDpdSpin.setValue(120)):
        _apply(qtbot, c, change)
    f = GridFilter(agent="agent01", status="open", min_overdue_minor=500_000, max_dpd=120)
    expected = matching(specs, f)
    _expect(c, expected)
    by_id = {s.id: s for s in expected}
    first = c.cases_model.case_id(0)
    assert first is not None
    spec = by_id[first]
    assert spec.overdue_minor == max(s.overdue_minor for s in expected), "biggest overdue first by default"
    model = c.cases_model
    assert model.data(model.index(0, TeamCasesModel.OVERDUE)) == money(spec.overdue_minor)
    assert model.data(model.index(0, TeamCasesModel.DPD)) == f"{spec.dpd} · {spec.bucket}"
    assert model.data(model.index(0, TeamCasesModel.AGENT)) == "agent01"
    assert all(v == "agent01" for v in _shown(c, TeamCasesModel.AGENT))


def test_sorting_by_a_column_header(qtbot, console: LeadConsole, specs: list[CaseSpec]) -> None:  # noqa: ANN001
    header = console.casesView.horizontalHeader()
    _apply(qtbot, console, lambda: header.setSortIndicator(TeamCasesModel.DPD, Qt.SortOrder.AscendingOrder))
    by_id = {s.id: s for s in specs}
    dpds = [by_id[i].dpd for i in console.cases_model.ids()]
    assert dpds == sorted(dpds)
    _apply(qtbot, console, lambda: header.setSortIndicator(TeamCasesModel.DEBTOR, Qt.SortOrder.DescendingOrder))
    names = _shown(console, TeamCasesModel.DEBTOR)
    assert names == sorted(names, reverse=True)
    _apply(qtbot, console, lambda: header.setSortIndicator(TeamCasesModel.OVERDUE, Qt.SortOrder.AscendingOrder))
    amounts = [by_id[i].overdue_minor for i in console.cases_model.ids()]
    assert amounts == sorted(amounts)
    # A filter keeps the chosen sort.
    _apply(qtbot, console, _pick(console.bucketFilter, "M1"))
    amounts = [by_id[i].overdue_minor for i in console.cases_model.ids()]
    assert amounts == sorted(amounts) and len(amounts) == len(matching(specs, GridFilter(bucket="M1")))


def test_select_all_reaches_every_filtered_case(qtbot, console: LeadConsole, specs: list[CaseSpec], lead) -> None:  # noqa: ANN001
    _session, api = lead
    _apply(qtbot, console, _pick(console.agentFilter, "agent03"))
    expected = matching(specs, GridFilter(agent="agent03"))
    console.casesView.setFocus()
    console.casesView.selectAll()
    assert f"{len(expected):,} selected" in console.casesCount.text()
    assert sorted(console.selected_case_ids()) == sorted(s.id for s in expected)
    assert console.reassignSelectedButton.isEnabled()

    dialog = console.reassign_selected()
    assert dialog is not None and sorted(dialog.case_ids or []) == sorted(s.id for s in expected)
    dialog.targets.set_checked(["u-agent04"], exclusive=True)
    with qtbot.waitSignal(dialog.previewed, timeout=GUI_TIMEOUT_MS) as previewed:
        dialog.previewButton.click()
    assert previewed.args[0].total_cases == len(expected)
    sent = [body for _m, path, body in api.requests if path == "/v1/cases/reassign/preview"]
    assert sorted(sent[-1]["case_ids"]) == sorted(s.id for s in expected)
    dialog.reject()

    # A few rows picked by hand, with Ctrl: exactly those.
    console.casesView.clearSelection()
    for row in (0, 2, 3):
        console.casesView.selectionModel().select(
            console.cases_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    ids = console.cases_model.ids()
    assert console.selected_case_ids() == [ids[0], ids[2], ids[3]]
    assert "3 selected" in console.casesCount.text()


def test_a_sync_updates_the_grid_and_keeps_the_selection(qtbot, console: LeadConsole, specs: list[CaseSpec],  # noqa: ANN001
                                                         lead) -> None:
    session, _api = lead
    _apply(qtbot, console, _pick(console.agentFilter, "agent01"))
    mine = matching(specs, GridFilter(agent="agent01"))
    keep = console.cases_model.ids()[:5]
    console.casesView.selectRow(0)
    for row in range(1, 5):
        console.casesView.selectionModel().select(
            console.cases_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(console.selected_case_ids()) == sorted(keep)

    # Another lead moved 10 of agent01's cases (not the selected ones) to agent02, and two
    # cases left the team; the sync tells the console which ids changed.
    away = [moved(s, agent="agent02") for s in mine if s.id not in keep][:10]
    gone = [s.id for s in mine if s.id not in keep and s.id not in {a.id for a in away}][:2]
    upsert(session.store, away, "7")
    remove(session.store, gone, "8")
    with qtbot.waitSignal(console.grid_loaded, timeout=GUI_TIMEOUT_MS) as loaded:
        console.cases_changed(frozenset(a.id for a in away), frozenset(gone))
    assert loaded.args[0] == len(mine) - 12
    now = [*(s for s in specs if s.id not in gone and s.id not in {a.id for a in away}), *away]
    _expect(console, matching(now, GridFilter(agent="agent01")))
    assert sorted(console.selected_case_ids()) == sorted(keep)
    assert _apply(qtbot, console, _pick(console.agentFilter, "agent02")) == len(
        matching(now, GridFilter(agent="agent02")))


def test_export_writes_every_filtered_case(qtbot, console: LeadConsole, specs: list[CaseSpec], tmp_path: Path) -> None:  # noqa: ANN001
    _apply(qtbot, console, _pick(console.bucketFilter, "M3"))
    expected = matching(specs, GridFilter(bucket="M3"))
    with qtbot.waitSignal(console.exported, timeout=GUI_TIMEOUT_MS):
        console.export_grid(tmp_path / "m3.xlsx")
    book = openpyxl.load_workbook(tmp_path / "m3.xlsx")
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == len(expected) + 1
    assert rows[0][:7] == ("Case ID", "Account no.", "Debtor", "Agent", "Overdue", "Days past due", "Bucket")
    by_id = {s.id: s for s in expected}
    assert {r[0] for r in rows[1:]} == set(by_id)  # case ids, so a row leads back to its case
    assert all(r[1] == f"AC-{r[0][:8]}" for r in rows[1:])  # and its account
    assert sorted(r[4] for r in rows[1:]) == sorted(s.overdue_minor / 100 for s in expected)
    assert all(r[5] == by_id[r[0]].dpd and isinstance(r[5], int) for r in rows[1:])  # a number, not "70 · M3"
    assert {r[6] for r in rows[1:]} == {"M3"}
    assert sheet["E2"].number_format == '"¥"#,##0.00' and sheet["E2"].data_type == "n"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:M{len(rows)}"


class _Stopped:
    """A clock that stays at one instant: the queue ranked ahead and the one ranked on
    opening are for the same minute."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at


def test_lead_window_shows_the_team_queue_ranked_ahead_when_case_work_opens(
        qtbot, styled_app: QApplication, tmp_path: Path, specs: list[CaseSpec]) -> None:  # noqa: ANN001
    """The team's queue is ranked off the GUI thread once the grid is up, but not shown
    while the lead is on another tab; "Case work" then shows it at once (issue 20: ~2 s at
    100,000 cases otherwise), the same rows a ranking on opening gives; after a sync it
    shows at once and is ranked anew."""
    from agentdesk.desktop.mainwindow import MainWindow
    from agentdesk.desktop.settings import Settings

    session = _session(lead_store(tmp_path / "lead.db", specs), StubApi(specs),
                       _Stopped(datetime(2026, 12, 2, 3, 0, tzinfo=UTC)))
    tasks = Tasks()
    ranked: list[int] = []
    window = MainWindow(session, Settings(), tasks, language="en")
    qtbot.addWidget(window)
    window.queue_loaded.connect(lambda n: ranked.append(n))
    window.resize(1300, 800)
    window.show()
    console = window.lead_console
    assert console is not None
    try:
        qtbot.waitUntil(lambda: console.cases_model.rowCount() == N_CASES and console.board_model.rowCount() > 0,
                        timeout=GUI_TIMEOUT_MS)
        tasks.wait_idle(10_000)
        QApplication.processEvents()  # deliver any finished background result
        assert ranked == [] and window.queue_model.rowCount() == 0, "not shown on the board's tab"

        console.tabs.setCurrentWidget(window.mainSplitter)
        assert ranked and window.queue_model.rowCount() == ranked[0] > 0, "shown at once, not after a build"
        assert tasks.active == 0, "nothing ranked again: the same minute, nothing changed"
        expected = [r.case_id for r in session.queue()]
        assert [r.case_id for r in window.queue_model.rows()] == expected

        # A sync while the lead looks at the board: the tab shows its queue at once, then
        # the queue ranked anew.
        changed = expected[0]
        console.tabs.setCurrentWidget(console.casesPage)
        window.events.cases_changed.emit(frozenset({changed}), frozenset())
        with qtbot.waitSignal(window.queue_loaded, timeout=GUI_TIMEOUT_MS):
            console.tabs.setCurrentWidget(window.mainSplitter)
            assert window.queue_model.rowCount() == len(expected)
        assert [r.case_id for r in window.queue_model.rows()] == [r.case_id for r in session.queue()]
        assert console.tabs.tabText(console.tabs.indexOf(window.mainSplitter)) == "Case work"
    finally:
        window.shutdown()
        tasks.wait_idle(10_000)


def test_filter_choices_read_right_in_chinese(styled_app: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    from agentdesk.desktop import i18n

    i18n.install_translators("zh_CN")
    try:
        def zh(text: str) -> str:
            return QCoreApplication.translate("LeadConsole", text)

        assert zh("All last outcomes") == "全部最近结果"
        assert zh("All promises") == "全部承诺"
        assert zh("No attempt yet") == "尚无拨打"
    finally:
        i18n.install_translators("en")
