"""The agent's own QA scores (ui/myscores.ui): each scored call, its score, the lead's
comment and the sheet's answers, so an agent learns what the lead heard.

Read from the server through the client (`RecordingLibrary.my_scores`) on the background
helper when the dialog opens; the menu action lives in the Case menu.
"""

from __future__ import annotations

import html
import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QMenu, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.recordings import RecordingLibrary
from agentdesk.desktop import uiload
from agentdesk.desktop.tasks import Tasks


class MyScoresDialog(QDialog):
    loaded = Signal(int)  # scored calls shown

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None, *, language: str = "zh") -> None:
        # The lead's table models (with the team grid's numpy columns) load when the dialog
        # opens, not with every agent's window (issue 20, cold start).
        from agentdesk.desktop.lead_models import RecordsModel

        super().__init__(parent)
        uiload.load_form("myscores", self)
        self.tasks = tasks
        self.language = "zh" if language.startswith("zh") else "en"
        self.library = RecordingLibrary(session)
        self.sheet: contract.ScoreSheetInfo | None = None
        self.model = RecordsModel([
            (lambda: self.tr("Call"), lambda s: s.call_started_at.astimezone().strftime("%Y-%m-%d %H:%M")
             if s.call_started_at else ""),
            (lambda: self.tr("Score"), lambda s: s.score),
            (lambda: self.tr("Scored by"), lambda s: s.scored_by),
            (lambda: self.tr("Comment"), lambda s: s.comment),
        ], self)
        self.scoresView.setModel(self.model)
        self.scoresView.verticalHeader().setVisible(False)
        self.scoresView.horizontalHeader().setStretchLastSection(True)
        self.scoresView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.scoresView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scoresView.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self.buttons.rejected.connect(self.reject)
        self.scoresSummary.setText(self.tr("Loading your scores…"))
        self.reload()

    def reload(self) -> None:
        library = self.library
        self.tasks.run(lambda: (library.my_scores(), library.sheet()), self._arrived, self._failed)

    def _arrived(self, result: tuple[list[contract.QaScoreInfo], contract.ScoreSheetInfo]) -> None:
        scores, self.sheet = result
        self.model.set_items(scores)
        if scores:
            average = sum(s.score for s in scores) / len(scores)
            self.scoresSummary.setText(self.tr("%1 calls scored, average %2").replace("%1", str(len(scores)))
                                       .replace("%2", f"{average:.0f}"))
            self.scoresView.selectRow(0)
        else:
            self.scoresSummary.setText(self.tr("None of your calls has been scored yet."))
        self.loaded.emit(len(scores))

    def _failed(self, exc: BaseException) -> None:
        self.scoresSummary.setText(str(exc) if isinstance(exc, errors.ClientError)
                                   else self.tr("Unexpected error: %1").replace("%1", type(exc).__name__))

    def _show_selected(self) -> None:
        rows = self.scoresView.selectionModel().selectedRows()
        score = self.model.item_at(rows[0].row()) if rows else None
        self.scoreDetail.setHtml(self.detail_html(score) if score is not None else "")

    def detail_html(self, score: contract.QaScoreInfo) -> str:
        marks = {"pass": self.tr("Pass"), "fail": self.tr("Fail"), "na": self.tr("Not applicable")}
        texts = {i.id: i.text[self.language] for i in self.sheet.items} if self.sheet else {}
        rows = "".join(
            f"<tr><td>{html.escape(texts.get(item_id, item_id))}</td>"
            f"<td><b>{html.escape(marks.get(a, a))}</b></td></tr>"
            for item_id, a in score.answers.items())
        comment = f"<p>{html.escape(score.comment)}</p>" if score.comment else ""
        title = self.tr("Score %1").replace("%1", str(score.score))
        return f"<h3>{html.escape(title)}</h3>{comment}<table cellspacing='6'>{rows}</table>"


def add_menu_action(menu: QMenu, session: Any, tasks: Tasks, window: QWidget, language: str) -> QAction:
    """"My QA scores…" in `menu`: opens the dialog over `window`.

    The slot holds the window and the session weakly: a strong reference from a child
    action's connection back to its window keeps a closed window's wrapper alive into
    Qt's own teardown of it.
    """
    action = QAction(QCoreApplication.translate("MainWindow", "My QA scores…"), window)
    action.setObjectName("actionMyScores")
    window_ref, session_ref, tasks_ref = weakref.ref(window), weakref.ref(session), weakref.ref(tasks)

    def open_dialog() -> None:
        parent, live_session, live_tasks = window_ref(), session_ref(), tasks_ref()
        if parent is None or live_session is None or live_tasks is None:
            return
        dialog = MyScoresDialog(live_session, live_tasks, parent, language=language)
        dialog.setObjectName("myScoresDialog")
        dialog.open()

    action.triggered.connect(open_dialog)
    menu.addAction(action)
    return action
