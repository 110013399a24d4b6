"""Plurals (issue 18): counts read "1 case given back" / "2 cases given back" in English and
take the Chinese form, through Qt's %n numerus messages and the real compiled catalogues;
and `i18n update` keeps those messages numerus across pyside6-lupdate, which would drop them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from agentdesk import contract
from agentdesk.desktop import i18n, i18n_plurals
from agentdesk.desktop.moves_panel import undo_answer, undo_question

translate = QCoreApplication.translate


@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    def use(name: str) -> None:
        i18n.install_translators(name)

    yield use
    i18n.install_translators("en")


def test_english_counts_take_the_singular_and_the_plural(language) -> None:  # noqa: ANN001
    language("en")
    assert translate("MovesPanel", "%n cases given back.", "", 1) == "1 case given back."
    assert translate("MovesPanel", "%n cases given back.", "", 2) == "2 cases given back."
    assert translate("LeadConsole", "Move %Ln selected cases.", "", 1) == "Move 1 selected case."
    # %Ln writes the count as the desk's locale writes numbers (digit groups where it uses them).
    many = translate("LeadConsole", "Move %Ln selected cases.", "", 1200)
    assert many == f"Move {QLocale().toString(1200)} selected cases."
    assert undo_answer(contract.UndoResult(restored=1, skipped=1)) == (
        "1 case given back. 1 case changed since the move and stays where it is.")
    assert undo_answer(contract.UndoResult(restored=2, skipped=0)) == "2 cases given back."
    preview = contract.UndoPreview(reassignment_id="r", stay=0, undone=False,
                                   returns=[contract.AgentCount(agent_id="a", username="agent01", cases=1)])
    assert undo_question(preview) == "Give back 1 case?\n1 to agent01"


def test_chinese_counts_take_the_chinese_form(language) -> None:  # noqa: ANN001
    language("zh_CN")
    assert translate("MovesPanel", "%n cases given back.", "", 1) == "已退回 1 个案件。"
    assert translate("MovesPanel", "%n cases given back.", "", 2) == "已退回 2 个案件。"
    assert translate("LeadConsole", "Move %Ln selected cases.", "", 3) == "移动所选的 3 个案件。"
    assert undo_answer(contract.UndoResult(restored=4, skipped=1)) == (
        "已退回 4 个案件。 1 个案件在移动后有变动，保持不变。")


SOURCE = '''
from PySide6.QtCore import QCoreApplication
translate = QCoreApplication.translate


def given_back(restored):
    return translate("Demo", "%n cases given back.", "", restored)


def plain():
    return translate("Demo", "Give back")
'''

BEFORE = '''<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="{language}">
<context>
    <name>Demo</name>
    <message numerus="yes">
        <location filename="demo.py" line="7"/>
        <source>%n cases given back.</source>
        <translation>{forms}
        </translation>
    </message>
</context>
</TS>
'''


@pytest.mark.parametrize(("language", "forms", "expected"), [
    ("en", ["%n case given back.", "%n cases given back."], ["1 case given back.", "2 cases given back."]),
    ("zh_CN", ["已退回 %n 个案件。"], ["已退回 1 个案件。", "已退回 2 个案件。"]),
])
def test_update_keeps_numerus_forms_across_lupdate(qapp: QApplication, tmp_path: Path, language: str,  # noqa: ARG001
                                                   forms: list[str], expected: list[str]) -> None:
    source = tmp_path / "demo.py"
    source.write_text(SOURCE, encoding="utf-8")
    ts = tmp_path / f"demo_{language}.ts"
    ts.write_text(BEFORE.format(language=language, forms="".join(
        f"\n            <numerusform>{f}</numerusform>" for f in forms)), encoding="utf-8")

    i18n.update_catalogue(ts, [str(source)], language)

    text = ts.read_text(encoding="utf-8")
    assert text.count('numerus="yes"') == 1 and "<source>Give back</source>" in text
    assert i18n_plurals.read_numerus(ts)[("Demo", "%n cases given back.")].forms == tuple(forms)
    qm = tmp_path / "demo.qm"
    assert i18n.compile_ts(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert [translate("Demo", "%n cases given back.", "", n) for n in (1, 2)] == expected
    finally:
        QCoreApplication.removeTranslator(translator)
