"""Switching the language while signed in re-labels everything on screen: after English →
中文 no visible widget keeps an English text the catalogue translates (the demo banner,
"Choose…", the role, the case count and the F2 hint once kept theirs)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTabWidget, QWidget

from agentdesk.desktop import i18n
from agentdesk.desktop.app import DesktopApp

from .conftest import sign_in_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _translated_english() -> list[re.Pattern[str]]:
    """Every English source the Chinese catalogue translates differently, as a pattern that
    matches a widget text made from it (%1… stand for any value)."""
    patterns = []
    root = ET.parse(i18n.translations_dir() / "agentdesk_zh_CN.ts").getroot()
    for message in root.iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        plain = source.replace("&", "")
        if not translation or translation == source or len(plain) < 4 or not re.search(r"[A-Za-z]{3}", plain):
            continue
        pieces = [re.escape(p) for p in re.split(r"%(?:\d|n|Ln)", plain)]
        patterns.append(re.compile("^" + "(.+?)".join(pieces) + "$", re.S))
    return patterns


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((name, widget.title()))
        elif isinstance(widget, QLineEdit):
            texts.append((name, widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            texts += [(f"{name}[{i}]", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [(f"{name}.tab{i}", widget.tabText(i)) for i in range(widget.count())]
    return [(n, t.replace("&", "").strip()) for n, t in texts if t and t.strip()]


@pytest.mark.parametrize("username", ["agent01", "lead01"])
def test_switching_to_chinese_leaves_no_english_on_screen(qtbot, desktop: DesktopApp, username: str) -> None:  # noqa: ANN001
    window = sign_in_demo(qtbot, desktop, username)
    window.resize(1440, 900)
    english = _translated_english()
    settle = lambda: qtbot.waitUntil(lambda: window.tasks.active == 0, timeout=20_000)  # noqa: E731
    settle()
    before = [(n, t) for n, t in _visible_texts(window) if any(p.match(t) for p in english)]
    assert len(before) > 10, "the check sees the English screen"
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.queue_model._lang == "zh", timeout=5000)
    settle()
    left = [(n, t) for n, t in _visible_texts(window) if any(p.match(t) for p in english)]
    status = window.statusBar()
    left += [("statusBar", w.text()) for w in status.findChildren(QLabel)
             if w.isVisibleTo(window) and any(p.match(w.text().strip()) for p in english)]
    console = window.lead_console
    if console is not None:  # every tab of the lead console, and every panel of the strategy engine
        for index in range(console.tabs.count()):
            console.tabs.setCurrentIndex(index)
            settle()
            left += [(n, t) for n, t in _visible_texts(window) if any(p.match(t) for p in english)]
        console.tabs.setCurrentWidget(console.workbench)
        for index in range(console.workbench.tabs.count()):
            console.workbench.tabs.setCurrentIndex(index)
            settle()
            left += [(n, t) for n, t in _visible_texts(window) if any(p.match(t) for p in english)]
    assert not left, f"still in English after switching to Chinese: {sorted(set(left))}"
    window.set_language("en")
