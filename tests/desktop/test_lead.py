"""The team lead console against a real server, real agent clients and the real windows.

Issue 7's proof: the lead moves every case of agent A (about 500) to agent B through the
console's filter, preview and commit; A's and B's own clients (syncing by themselves)
lose and gain them within 5 seconds with no action of theirs; undo gives them back. And
a lead's grid, board and requests never reach another team's cases.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from agentdesk.client import errors
from agentdesk.client.lead import GridFilter, ReassignProblem, TeamGrid, reassign_request
from agentdesk.client.session import ClientSession
from agentdesk.desktop.agent_state import next_state
from agentdesk.desktop.bridge import SessionEvents
from agentdesk.desktop.lead_console import LeadConsole
from agentdesk.desktop.lead_models import BoardModel, case_ids_mime
from agentdesk.desktop.tasks import Tasks
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import Case, User

from .conftest import GUI_TIMEOUT_MS, sign_in_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
PROPAGATION_MS = 5000


def _login(server: EmbeddedServer, username: str) -> ClientSession:
    session = ClientSession.login(server.url, username, "demo", remember=False, allow_unencrypted=True)
    session.sync_now()
    return session


def _owned(session: ClientSession, username: str) -> int:
    return TeamGrid(session.store).totals(GridFilter(agent=username))[0]


@pytest.fixture
def console_for(qtbot, styled_app: QApplication) -> Iterator:  # noqa: ANN001
    made: list[tuple[LeadConsole, Tasks, ClientSession]] = []

    def make(session: ClientSession) -> LeadConsole:
        tasks = Tasks()
        console = LeadConsole(session, tasks)
        events = SessionEvents(console)  # as the main window wires it
        events.cases_changed.connect(console.cases_changed)
        events.status_changed.connect(console.sync_status)
        events.attach(session)
        qtbot.addWidget(console)
        console.resize(1300, 800)
        console.show()
        qtbot.waitUntil(lambda: console.board_model.rowCount() > 0, timeout=GUI_TIMEOUT_MS)
        made.append((console, tasks, session))
        return console

    yield make
    for console, tasks, _session in made:
        console.shutdown()
        console.findChild(SessionEvents).blockSignals(True)
        tasks.wait_idle(10_000)


def test_lead_moves_all_of_agent_a_to_b_and_undoes(qtbot, big_team_server: EmbeddedServer, console_for) -> None:  # noqa: ANN001
    agent_a, agent_b = _login(big_team_server, "agent01"), _login(big_team_server, "agent02")
    lead = _login(big_team_server, "lead01")
    try:
        a_before, b_before = agent_a.store.case_count(), agent_b.store.case_count()
        assert a_before >= 450, "the big team fixture gives agent01 about 500 cases"
        for agent in (agent_a, agent_b):  # one at a time: the embedded server is SQLite
            agent.start_sync()
            qtbot.waitUntil(agent.sync.events_connected.is_set, timeout=GUI_TIMEOUT_MS)
        console = console_for(lead)
        lead.start_sync()

        # Filter the grid to agent A's cases, then "Reassign all filtered…" to B, one agent.
        with qtbot.waitSignal(console.grid_loaded, timeout=GUI_TIMEOUT_MS) as loaded:
            console.agentFilter.setCurrentIndex(console.agentFilter.findData("agent01"))
        assert loaded.args[0] == a_before
        b_id = next(a.id for a in console.board_model.agents() if a.username == "agent02")
        dialog = console.reassign_filtered()
        assert dialog is not None and not dialog.commitButton.isEnabled(), "no commit before a preview"
        dialog.targets.set_checked([b_id], exclusive=True)
        with qtbot.waitSignal(dialog.previewed, timeout=GUI_TIMEOUT_MS) as previewed:
            dialog.previewButton.click()
        preview = previewed.args[0]
        assert preview.total_cases == a_before
        loads = {p.username: p for p in preview.per_agent}
        assert loads["agent01"].after_cases == 0 and loads["agent02"].after_cases == b_before + a_before
        assert dialog.commitButton.isEnabled() and dialog.preview_model.rowCount() == 2

        with qtbot.waitSignal(console.reassigned, timeout=GUI_TIMEOUT_MS) as moved:
            dialog.commitButton.click()
        started = time.monotonic()
        assert moved.args[0].total_cases == a_before
        qtbot.waitUntil(lambda: agent_a.store.case_count() == 0 and agent_b.store.case_count() == b_before + a_before,
                        timeout=PROPAGATION_MS)
        assert time.monotonic() - started < PROPAGATION_MS / 1000
        assert all(r.assigned_agent == "agent02" for r in agent_b.store.case_rows())
        qtbot.waitUntil(lambda: console.cases_model.rowCount() == 0, timeout=GUI_TIMEOUT_MS)  # lead's grid follows
        with big_team_server.database.transaction() as s:
            a_id = s.scalar(select(User.id).where(User.username == "agent01"))
            assert s.scalar(select(func.count()).select_from(Case).where(Case.assigned_agent_id == a_id)) == 0

        assert console.undoButton.isEnabled()
        with qtbot.waitSignal(console.moves.confirming, timeout=GUI_TIMEOUT_MS) as asked:
            console.undoButton.click()
        assert f"Give back {a_before} cases?" in asked.args[0].text()  # undo asks first, saying what returns
        with qtbot.waitSignal(console.undone, timeout=GUI_TIMEOUT_MS) as undone:
            asked.args[0].property("giveBack").click()
        assert undone.args[0].restored == a_before
        qtbot.waitUntil(lambda: agent_a.store.case_count() == a_before and agent_b.store.case_count() == b_before,
                        timeout=PROPAGATION_MS)
        qtbot.waitUntil(lambda: not console.undoButton.isEnabled(), timeout=GUI_TIMEOUT_MS)
    finally:
        for session in (agent_a, agent_b, lead):
            session.stop()


def test_lead_sees_and_reaches_only_own_team(qtbot, live_server: EmbeddedServer, console_for) -> None:  # noqa: ANN001
    lead = _login(live_server, "lead01")
    try:
        console = console_for(lead)
        qtbot.waitUntil(lambda: console.cases_model.rowCount() > 0, timeout=GUI_TIMEOUT_MS)
        team = {f"agent{n:02d}" for n in range(1, 6)}
        assert set(TeamGrid(lead.store).agents()) <= team
        grid = TeamGrid(lead.store)
        assert not any(r.agent and r.agent not in team for r in grid.rows(console.cases_model.ids()))
        assert {a.username for a in console.board_model.agents()} == team
        with live_server.database.transaction() as s:
            other = s.scalar(select(Case.id).join(User, User.id == Case.assigned_agent_id)
                             .where(User.username == "agent06"))
            agent07 = s.scalar(select(User.id).where(User.username == "agent07"))
            agent01 = s.scalar(select(User.id).where(User.username == "agent01"))
        assert grid.rows([other]) == []
        with pytest.raises(errors.ServerError) as refused:
            console.lead.preview(reassign_request(case_ids=[other], mode="one", agent_ids=[agent01]))
        assert refused.value.status == 403
        with pytest.raises(errors.ClientError):
            mine = console.cases_model.ids()[:1]
            console.lead.reassign(reassign_request(case_ids=mine, mode="one", agent_ids=[agent07]))
    finally:
        lead.stop()


def test_drag_onto_agent_opens_a_preview_and_exports(qtbot, live_server: EmbeddedServer, console_for, tmp_path) -> None:  # noqa: ANN001
    lead = _login(live_server, "lead01")
    try:
        console = console_for(lead)
        qtbot.waitUntil(lambda: console.cases_model.rowCount() > 0, timeout=GUI_TIMEOUT_MS)
        ids = console.cases_model.ids()[:3]
        target = console.board_model.agents()[1]
        model: BoardModel = console.board_model
        dropped = model.dropMimeData(case_ids_mime(ids), _move(), -1, -1, model.index(1, 0))
        assert dropped is False and console.dialog is not None
        dialog = console.dialog
        assert dialog.targets.checked() == [target.id] and dialog.case_ids == ids
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=GUI_TIMEOUT_MS)
        assert dialog.preview.total_cases == sum(1 for r in console.lead.grid.rows(ids) if r.agent != target.username)
        dialog.reject()

        with qtbot.waitSignal(console.exported, timeout=GUI_TIMEOUT_MS):
            console.export_grid(tmp_path / "cases.xlsx")
        sheet = openpyxl.load_workbook(tmp_path / "cases.xlsx", read_only=True).active
        assert sum(1 for _ in sheet.iter_rows()) == len(console.cases_model.ids()) + 1
        with qtbot.waitSignal(console.exported, timeout=GUI_TIMEOUT_MS):
            console.export_board(tmp_path / "board.xlsx")
        board = openpyxl.load_workbook(tmp_path / "board.xlsx", read_only=True).active
        assert sum(1 for _ in board.iter_rows()) == 6

        with qtbot.waitSignal(console.review_loaded, timeout=GUI_TIMEOUT_MS):
            console.tabs.setCurrentIndex(2)
        with qtbot.waitSignal(console.charts_loaded, timeout=GUI_TIMEOUT_MS):
            console.tabs.setCurrentIndex(3)
        assert all(view.chart().series() for view in console.charts.views.values())
        assert len(console.charts.data["hours"].categories) == 24
    finally:
        lead.stop()


def test_lead_window_has_console_and_agent_window_reports_state(qtbot, desktop, live_server) -> None:  # noqa: ANN001
    window = sign_in_demo(qtbot, desktop, "agent01")
    assert window.lead_console is None and window.agent_state is not None
    control = window.agent_state
    qtbot.waitUntil(lambda: control.server_state == "available", timeout=GUI_TIMEOUT_MS)
    with qtbot.waitSignal(control.reported, timeout=GUI_TIMEOUT_MS, check_params_cb=lambda s: s == "break"):
        control.set_state("break")
    with live_server.database.transaction() as s:
        assert s.scalar(select(User.agent_state).where(User.username == "agent01")) == "break"


def test_grid_filters_and_request_rules(live_server: EmbeddedServer) -> None:
    lead = _login(live_server, "lead01")
    try:
        grid = TeamGrid(lead.store)
        everything = grid.ids()
        assert len(everything) == grid.totals()[0] > 0
        overdue = [r.overdue_minor for r in grid.rows(everything[:50])]
        assert overdue == sorted(overdue, reverse=True)
        f = GridFilter(bucket="M2", min_dpd=40, max_overdue_minor=500_000, status="open")
        rows = grid.rows(grid.ids(f, sort="dpd", descending=False))
        assert all(r.bucket == "M2" and r.days_past_due >= 40 and r.overdue_minor <= 500_000 for r in rows)
        assert [r.days_past_due for r in rows] == sorted(r.days_past_due for r in rows)
        assert grid.totals(GridFilter(promise_status="none"))[0] + sum(
            grid.totals(GridFilter(promise_status=p))[0] for p in ("pending", "kept", "broken")) <= len(everything)
    finally:
        lead.stop()
    with pytest.raises(ReassignProblem):
        reassign_request(case_ids=["a"], mode="one", agent_ids=["x", "y"])
    with pytest.raises(ReassignProblem):
        reassign_request(case_ids=[], mode="even", agent_ids=["x"])
    with pytest.raises(ReassignProblem):
        reassign_request(agent_filter="x", mode="even", agent_ids=["x", "y"])
    with pytest.raises(ReassignProblem):
        reassign_request(case_ids=["a"], mode="capacity", agent_ids=["x"], capacity={"x": 0})
    request = reassign_request(agent_filter="gone", mode="capacity", agent_ids=["x", "y"], capacity={"x": 5})
    assert request.filter is not None and request.filter.agent_id == "gone" and request.capacity == {"x": 5, "y": 0}


def test_agent_state_rule() -> None:
    assert next_state("available", "call_started") == "on_call"
    assert next_state("on_call", "outcome_saved") == "wrap_up"
    assert next_state("wrap_up", "case_opened") == "available"
    assert next_state("on_call", "case_opened") == "on_call"
    assert next_state("break", "call_started") == "break"


def _move():  # noqa: ANN202
    from PySide6.QtCore import Qt

    return Qt.DropAction.MoveAction
