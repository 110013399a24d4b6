"""The lead's view (issue 18), met as a team lead would in the console against a real server:
the history of moves with an undo per move after a confirmation, the redistribute dialog's
starting choice and capacity warning, the review tab naming debtor, agent and rule, and
charts that show counts and grey out rates from too few samples."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QGridLayout, QMessageBox, QWidget
from sqlalchemy import select

from agentdesk import clock, contract
from agentdesk.client.lead import Reports, TeamGrid, TeamLead, reassign_request
from agentdesk.client.session import ClientSession
from agentdesk.client.strategy import StrategyDesk
from agentdesk.clock import local_today
from agentdesk.desktop import i18n, rule_text
from agentdesk.desktop.bridge import SessionEvents
from agentdesk.desktop.lead_charts import MIN_SAMPLE, THIN_COLOR, ChartsPanel, chart_series
from agentdesk.desktop.lead_console import LeadConsole
from agentdesk.desktop.tasks import Tasks
from agentdesk.domain.collectors import CollectorSettings
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import Case, ContactPoint, Debtor, User

from .conftest import GUI_TIMEOUT_MS, sign_in_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _login(server: EmbeddedServer, username: str) -> ClientSession:
    session = ClientSession.login(server.url, username, "demo", remember=False, allow_unencrypted=True)
    session.sync_now()
    return session


@pytest.fixture
def lead_console(qtbot, styled_app: QApplication, live_server: EmbeddedServer) -> Iterator[Callable[[], LeadConsole]]:  # noqa: ANN001
    made: list[tuple[LeadConsole, Tasks, ClientSession]] = []

    def make() -> LeadConsole:
        session = _login(live_server, "lead01")
        tasks = Tasks()
        console = LeadConsole(session, tasks)
        events = SessionEvents(console)
        events.cases_changed.connect(console.cases_changed)
        events.attach(session)
        qtbot.addWidget(console)
        console.resize(1300, 800)
        console.show()
        qtbot.waitUntil(lambda: console.board_model.rowCount() > 0, timeout=GUI_TIMEOUT_MS)
        made.append((console, tasks, session))
        return console

    yield make
    for console, tasks, session in made:
        console.shutdown()
        console.findChild(SessionEvents).blockSignals(True)
        tasks.wait_idle(10_000)
        session.stop()


def _users(server: EmbeddedServer) -> dict[str, str]:
    with server.database.transaction() as s:
        return {name: uid for uid, name in s.execute(select(User.id, User.username))}


def _cases_of(server: EmbeddedServer, agent_id: str, n: int) -> list[str]:
    with server.database.transaction() as s:
        return list(s.scalars(select(Case.id).where(Case.assigned_agent_id == agent_id, Case.status == "open")
                              .order_by(Case.id).limit(n)))


def _owners(server: EmbeddedServer, case_ids: list[str]) -> set[str | None]:
    with server.database.transaction() as s:
        return set(s.scalars(select(Case.assigned_agent_id).where(Case.id.in_(case_ids))))


def test_lead_undoes_an_earlier_move_from_the_history_after_confirming(
        qtbot, live_server: EmbeddedServer, lead_console: Callable[[], LeadConsole]) -> None:  # noqa: ANN001
    users = _users(live_server)
    console = lead_console()
    earlier, later = _cases_of(live_server, users["agent01"], 3), _cases_of(live_server, users["agent03"], 2)
    lead = TeamLead(console.session)
    first = lead.reassign(reassign_request(case_ids=earlier, mode="one", agent_ids=[users["agent02"]]))
    lead.reassign(reassign_request(case_ids=later, mode="one", agent_ids=[users["agent04"]]))

    console.tabs.setCurrentWidget(console.moves)
    qtbot.waitUntil(lambda: console.moves.model.rowCount() == 2, timeout=GUI_TIMEOUT_MS)
    rows = [[console.moves.model.index(r, c).data() for c in range(console.moves.model.columnCount())]
            for r in range(2)]
    assert rows[0][1] == "lead01" and "agent03 (2)" in rows[0][4] and "agent04 (2)" in rows[0][5]
    assert rows[1][3] == "3" and "agent01 (3)" in rows[1][4] and "agent02 (3)" in rows[1][5]
    assert rows[1][6] == "3 can go back"

    # The earlier move (the second row), not the last one: first cancelled, then confirmed.
    console.moves.movesView.selectRow(1)
    assert console.moves.undoMoveButton.isEnabled()
    with qtbot.waitSignal(console.moves.confirming, timeout=GUI_TIMEOUT_MS) as asked:
        console.moves.undoMoveButton.click()
    box: QMessageBox = asked.args[0]
    assert box.isVisible() and box.text().splitlines() == ["Give back 3 cases?", "3 to agent01"]
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: console.moves.confirm is None, timeout=GUI_TIMEOUT_MS)
    assert _owners(live_server, earlier) == {users["agent02"]}, "cancelled: nothing moved"

    with qtbot.waitSignal(console.moves.confirming, timeout=GUI_TIMEOUT_MS) as asked:
        console.moves.undoMoveButton.click()
    with qtbot.waitSignal(console.undone, timeout=GUI_TIMEOUT_MS) as undone, \
            qtbot.waitSignal(console.message, timeout=GUI_TIMEOUT_MS) as said:
        asked.args[0].property("giveBack").click()
    assert (undone.args[0].restored, undone.args[0].skipped) == (3, 0)
    assert said.args[0] == "3 cases given back."
    assert _owners(live_server, earlier) == {users["agent01"]}
    assert _owners(live_server, later) == {users["agent04"]}, "the last move stays"
    qtbot.waitUntil(lambda: console.moves.model.index(1, 6).data().startswith("Undone"), timeout=GUI_TIMEOUT_MS)
    assert console.moves.model.index(0, 6).data() == "2 can go back"
    assert first.reassignment_id == console.moves.moves()[1].id
    # In Chinese the tab, its summary and its rows read in Chinese.
    i18n.install_translators("zh_CN")
    try:
        console.retranslate()
        assert console.tabs.tabText(console.tabs.indexOf(console.moves)) == "调整记录"
        assert console.moves.movesSummary.text() == "本组案件共调整 2 次"
        assert console.moves.model.index(0, 6).data() == "2 个可退回"
    finally:
        i18n.install_translators("en")
        console.retranslate()


def test_redistribute_ticks_every_present_agent_and_warns_over_capacity(
        qtbot, live_server: EmbeddedServer, lead_console: Callable[[], LeadConsole]) -> None:  # noqa: ANN001
    users = _users(live_server)
    console = lead_console()
    desk = StrategyDesk(console.session)
    today = local_today("Asia/Shanghai")
    desk.save_collector(users["agent03"], CollectorSettings(away_from=today, away_until=today + timedelta(days=2)))
    queue2 = next(a.queue_size for a in console.board_model.agents() if a.username == "agent02")
    desk.save_collector(users["agent02"], CollectorSettings(capacity=queue2 + 1))
    with qtbot.waitSignal(console.board_loaded, timeout=GUI_TIMEOUT_MS):
        console.refresh_board()
    row = next(i for i, a in enumerate(console.board_model.agents()) if a.username == "agent01")
    console.boardView.selectRow(row)

    dialog = console.redistribute_selected()
    assert dialog is not None and dialog.evenRadio.isChecked()
    ticked = {a.username for a in console.board_model.agents() if a.id in dialog.targets.checked()}
    agents = console.board_model.agents()
    away = {a.username for a in agents if a.away_today}
    assert away == {"agent03", "agent05"}  # agent05 is on leave in the demo portfolio
    state = [console.board_model.index(r, console.board_model.STATE).data() for r in range(len(agents))]
    assert [s.endswith(" · away today") for s in state] == [a.username in away for a in agents]
    assert ticked == {"agent02", "agent04"}, "everyone but the source and the absent agents"
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=GUI_TIMEOUT_MS)
    assert dialog.capacityWarning.isVisible()
    lines = dialog.capacityWarning.text().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Over capacity: agent02 would hold ")
    assert lines[0].endswith(f"cases, capacity {queue2 + 1}.")
    row2 = next(i for i, p in enumerate(dialog.preview.per_agent) if p.username == "agent02")
    assert dialog.preview_model.index(row2, 1).data(Qt.ItemDataRole.ToolTipRole).startswith("Over capacity")
    # Without agent02 no queue goes over: the warning goes away with the new preview.
    dialog.targets.set_checked([users["agent04"]], exclusive=True)
    assert not dialog.capacityWarning.isVisible()
    with qtbot.waitSignal(dialog.previewed, timeout=GUI_TIMEOUT_MS):
        dialog.previewButton.click()
    assert not dialog.capacityWarning.isVisible() and dialog.commitButton.isEnabled()
    dialog.reject()


def _flag_an_attempt(server: EmbeddedServer) -> tuple[str, str]:
    """agent01 records a call to a number marked not to be contacted: the server flags it.
    Returns (case id, debtor name)."""
    with server.database.transaction() as s:
        agent = s.scalar(select(User.id).where(User.username == "agent01"))
        case_id, point_id, name = s.execute(
            select(Case.id, ContactPoint.id, Debtor.name).join(ContactPoint, ContactPoint.case_id == Case.id)
            .join(Debtor, Debtor.id == Case.debtor_id)
            # A case not on hold: a hold would be the flag's first rule (the demo has such cases).
            .where(Case.assigned_agent_id == agent, ContactPoint.status == "invalid", ContactPoint.kind == "phone",
                   Case.status == "open", Case.hold_reason.is_(None))
            .order_by(Case.id).limit(1)).one()
    attempt = {"attempt_id": str(uuid.uuid4()), "case_id": case_id, "contact_point_id": point_id,
               "started_at": clock.now().isoformat(), "reached": "nobody", "outcome": "no_answer"}
    with httpx.Client(base_url=server.url, timeout=30) as client:
        token = client.post("/v1/auth/login", json={"username": "agent01", "password": "demo"}).json()["access_token"]
        pushed = client.post("/v1/sync/push", headers={"Authorization": f"Bearer {token}"},
                             json={"mutations": [{"id": str(uuid.uuid4()), "type": "attempt.record",
                                                  "payload": attempt}]})
    assert pushed.json()["results"][0]["status"] == "applied", pushed.text
    return case_id, name


def test_review_names_debtor_agent_and_rule_and_opens_the_case(
        qtbot, live_server: EmbeddedServer, desktop) -> None:  # noqa: ANN001
    case_id, debtor = _flag_an_attempt(live_server)
    window = sign_in_demo(qtbot, desktop, "lead01")
    console = window.lead_console
    assert console is not None
    with qtbot.waitSignal(console.review_loaded, timeout=GUI_TIMEOUT_MS):
        console.tabs.setCurrentWidget(console.reviewPage)
    model = console.flagged_model
    row = next(r for r in range(model.rowCount()) if model.item_at(r).case_id == case_id)
    cells = {str(model.headerData(c, Qt.Orientation.Horizontal)): model.index(row, c).data()
             for c in range(model.columnCount())}
    shown = TeamGrid(window.session.store).rows([case_id])[0].debtor_name  # as the Team cases grid shows it
    assert cells["Debtor"] == shown and debtor[0] in shown and cells["Agent"] == "agent01"
    assert cells["Rule"] == "Number marked not to be contacted"
    assert not any(case_id[:8] in str(v) for v in cells.values()), "no raw case id in the row"

    console.flaggedView.setFocus()
    console.flaggedView.setCurrentIndex(model.index(row, 0))
    with qtbot.waitSignal(window.case_opened, timeout=GUI_TIMEOUT_MS) as opened:
        qtbot.keyClick(console.flaggedView, Qt.Key.Key_Return)
    assert opened.args[0] == case_id and window.current_case == case_id
    assert console.tabs.currentWidget() is window.mainSplitter, "the case shows under Case work"


def test_flag_rules_read_in_chinese(qapp: QApplication) -> None:  # noqa: ARG001
    i18n.install_translators("zh_CN")
    try:
        flag = ("quiet_hours: Outside contact hours.; recorded after the case was reassigned; "
                "brand_new_rule: something new")
        assert rule_text.flag_text(flag) == "不在债务人可联系时间 · 案件改派后才记录 · brand_new_rule: something new"
        kept = rule_text.flag_text("conduct_override: 老赖 (reason: 家属原话)")
        assert kept == "催收员保留了被提示的措辞: 老赖 (reason: 家属原话)"
    finally:
        i18n.install_translators("en")


def _reports() -> Reports:
    day = local_today("Asia/Shanghai")
    by_hour = [contract.HourRow(hour=h, attempts=0, rpc=0) for h in range(24)]
    by_hour[6] = contract.HourRow(hour=6, attempts=2, rpc=2)  # 100% from two calls
    by_hour[10] = contract.HourRow(hour=10, attempts=80, rpc=20)
    tracks = [contract.TalkTrackRow(talk_track_id="early_reminder", version=1, attempts=2, rpc=1, promises=1),
              contract.TalkTrackRow(talk_track_id="first_contact", version=3, attempts=120, rpc=40, promises=10)]
    return Reports(daily=[contract.DailyRow(day=day, promises=1, promised_minor=100, collected_minor=0)],
                   by_hour=by_hour, funnel=[], tracks=tracks)


def test_charts_show_counts_grey_out_thin_rates_and_use_display_names(qtbot, styled_app: QApplication) -> None:  # noqa: ANN001
    host = QWidget()
    grid = QGridLayout(host)
    qtbot.addWidget(host)
    panel = ChartsPanel(grid, host)
    host.resize(1200, 900)
    host.show()
    panel.show_reports(_reports())

    hours = panel.views["hours"].chart()
    bars = hours.series()[0].barSets()[0]
    assert bars.at(6) == 100.0 and bars.isBarSelected(6), "a 100% from two calls is drawn grey"
    assert bars.selectedColor() == QColor(THIN_COLOR) != bars.color()
    assert bars.at(10) == 25.0 and not bars.isBarSelected(10)
    labels = hours.axes(Qt.Orientation.Horizontal)[0].categories()
    assert labels[6] == "06\n2" and labels[10] == "10\n80", "the calls under each hour's rate"
    assert f"fewer than {MIN_SAMPLE} calls" in hours.title()

    tracks = panel.views["tracks"].chart()
    names = tracks.axes(Qt.Orientation.Horizontal)[0].categories()
    assert names == ["Early-bucket reminder v1\n2 calls · 1 reached", "First contact v3\n120 calls · 40 reached"]
    contact, promise = tracks.series()[0].barSets()
    assert contact.isBarSelected(0) and not contact.isBarSelected(1)
    assert promise.isBarSelected(0) and not promise.isBarSelected(1)  # 1 reached (thin), 40 reached (enough)
    assert not any("early_reminder" in n for n in names)


def test_charts_name_talk_tracks_in_chinese(qtbot, styled_app: QApplication) -> None:  # noqa: ANN001
    i18n.install_translators("zh_CN")
    try:
        data = chart_series(_reports())
        assert data["tracks"].categories[0] == "早期提醒 v1\n2 次呼叫 · 1 次接通本人"
    finally:
        i18n.install_translators("en")
