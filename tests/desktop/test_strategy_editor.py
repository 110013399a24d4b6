"""The lead's Strategy tab against the real server: change a weight, save, every desk follows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from agentdesk.client.session import ClientSession
from agentdesk.desktop import i18n
from agentdesk.desktop.lead_console import LeadConsole
from agentdesk.desktop.strategy_editor import StrategyEditor
from agentdesk.desktop.tasks import Tasks
from agentdesk.domain.strategy import DEFAULT_WEIGHTS, weight_spec
from agentdesk.server.embedded import EmbeddedServer

from .conftest import GUI_TIMEOUT_MS

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def sessions(live_server: EmbeddedServer) -> Iterator:  # noqa: ANN001
    made: list[ClientSession] = []

    def login(username: str) -> ClientSession:
        session = ClientSession.login(live_server.url, username, "demo", remember=False, allow_unencrypted=True)
        session.sync_now()
        made.append(session)
        return session

    yield login
    for session in made:
        session.stop()


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    helper = Tasks()
    yield helper
    helper.wait_idle(10_000)


def test_a_lead_saves_a_weight_and_an_agent_gets_it(qtbot, styled_app: QApplication, sessions,  # noqa: ANN001
                                                     tasks: Tasks) -> None:
    lead, agent = sessions("lead01"), sessions("agent01")
    editor = StrategyEditor(lead, tasks)
    qtbot.addWidget(editor)
    editor.show()
    reach = editor.spins["reach"]
    assert reach.value() == DEFAULT_WEIGHTS["reach"]
    assert weight_spec("reach").reason_en in reach.toolTip(), "the documented reason is the help text"
    assert not editor.save_button.isEnabled(), "nothing to save before an edit"

    reach.setValue(420.0)
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.saved, timeout=GUI_TIMEOUT_MS) as saved:
        qtbot.mouseClick(editor.save_button, _left())
    assert saved.args[0].strategy.weights["reach"] == 420.0 and saved.args[0].strategy.version == 3
    assert lead.strategy.weights["reach"] == 420.0 and not editor.is_edited()
    assert "lead01" in editor.source.text()

    agent.sync_now()
    assert agent.strategy.weights["reach"] == 420.0 and agent.rules.version == "china-s3"


def test_a_refusal_is_shown_and_nothing_changes(qtbot, styled_app: QApplication, sessions,  # noqa: ANN001
                                                tasks: Tasks) -> None:
    agent = sessions("agent02")
    editor = StrategyEditor(agent, tasks)
    qtbot.addWidget(editor)
    editor.spins["attempts_today"].setValue(-20.0)
    with qtbot.waitSignal(editor.message, timeout=GUI_TIMEOUT_MS) as told:
        editor.save()
    assert "403" in told.args[0] and editor.is_edited(), "the edit stays on screen to be fixed or reverted"
    assert agent.strategy.weights["attempts_today"] == DEFAULT_WEIGHTS["attempts_today"]
    editor.revert_button.click()
    assert not editor.is_edited()


def test_the_lead_console_has_the_strategy_tab(qtbot, styled_app: QApplication, sessions,  # noqa: ANN001
                                               tasks: Tasks) -> None:
    console = LeadConsole(sessions("lead02"), tasks)
    qtbot.addWidget(console)
    index = console.tabs.indexOf(console.strategy_editor)
    assert index >= 0 and console.tabs.tabText(index) == "Strategy"
    console.shutdown()


def test_f5_refreshes_whichever_tab_the_lead_is_on(qtbot, styled_app: QApplication, sessions,  # noqa: ANN001
                                                  tasks: Tasks) -> None:
    console = LeadConsole(sessions("lead01"), tasks)
    qtbot.addWidget(console)
    # Offscreen there is no active window to deliver key presses to shortcuts: fire the
    # console's F5 shortcut itself, as Qt does when the key is pressed.
    f5 = next(s for s in console.findChildren(QShortcut) if s.key() == QKeySequence("F5"))

    def press_f5() -> None:
        f5.activated.emit()

    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
        press_f5()
    # The Strategy tab's F5 reloads the form: an unsaved edit is replaced by the weights in force.
    key = next(iter(console.strategy_editor.spins))
    in_force = console.strategy_editor.spins[key].value()
    console.strategy_editor.spins[key].setValue(console.strategy_editor.spins[key].maximum())
    console.tabs.setCurrentWidget(console.strategy_editor)
    press_f5()
    assert console.strategy_editor.spins[key].value() == in_force
    tasks.wait_idle(GUI_TIMEOUT_MS)
    console.shutdown()


def test_in_chinese_the_labels_and_reasons_are_the_chinese_ones(qtbot, styled_app: QApplication,  # noqa: ANN001
                                                                sessions, tasks: Tasks) -> None:
    editor = StrategyEditor(sessions("lead01"), tasks)
    qtbot.addWidget(editor)
    spec = weight_spec("fruitless_today")
    assert editor.labels[spec.key].text() == spec.label_en
    try:
        i18n.install_translators("zh_CN")  # Qt sends LanguageChange; the editor re-labels itself
        qtbot.waitUntil(lambda: editor.labels[spec.key].text() == spec.label_zh, timeout=GUI_TIMEOUT_MS)
        assert spec.reason_zh in editor.spins[spec.key].toolTip()
        assert editor.save_button.text() == "保存并下发(&S)"
    finally:
        i18n.install_translators("en")
    qtbot.waitUntil(lambda: editor.labels[spec.key].text() == spec.label_en, timeout=GUI_TIMEOUT_MS)


def _left():  # noqa: ANN202

    return Qt.MouseButton.LeftButton
