"""The lead console's "Moves" tab (ui/moves.ui): the team's history of case moves, each undoable.

Every move (a lead's reassignment, an allocation, a stand-in cover) is listed with who made
it and when, how many cases went from whom to whom, and how many of them are untouched
since. Undoing asks first: the server says what would return now (how many cases to whom,
how many changed since and stay), the lead confirms in a dialog, and only then is the move
undone; the answer says how many went back and how many stayed. The server keeps a lead
to their own team's moves. Network calls run on the background helper.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.lead import TeamLead
from agentdesk.desktop import uiload
from agentdesk.desktop.lead_models import RecordsModel
from agentdesk.desktop.tasks import Tasks

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
HISTORY_LIMIT = 100


def mode_label(mode: str) -> str:
    return {
        "one": translate("MovesPanel", "To one agent"),
        "even": translate("MovesPanel", "Split evenly"),
        "capacity": translate("MovesPanel", "By capacity"),
        "allocate": translate("MovesPanel", "Allocation"),
        "stand_in": translate("MovesPanel", "Stand-in"),
    }.get(mode, mode)


def _who(username: str) -> str:
    return username or translate("MovesPanel", "(unassigned)")


def agents_text(counts: list[contract.AgentCount]) -> str:
    """"agent01 (5) · agent02 (3)": who gave or received how many cases of a move."""
    return " · ".join(f"{_who(c.username)} ({c.cases:,})" for c in counts)


def state_text(move: contract.MoveRecord) -> str:
    if move.undone_at is not None:
        return translate("MovesPanel", "Undone %1").replace("%1", move.undone_at.astimezone().strftime("%m-%d %H:%M"))
    if move.undoable == 0:
        return translate("MovesPanel", "All worked since: nothing to give back")
    undoable = move.undoable  # a plain name: pyside6-lupdate skips a count written as an attribute
    return translate("MovesPanel", "%n can go back", "", undoable)


def undo_question(preview: contract.UndoPreview) -> str:
    """What the confirmation says will happen: how many cases return to whom, how many stay."""
    total = sum(r.cases for r in preview.returns)
    lines = [translate("MovesPanel", "Give back %n cases?", "", total)]
    for back in preview.returns:
        cases = back.cases  # a plain name: pyside6-lupdate skips a count written as an attribute
        lines.append(translate("MovesPanel", "%n to %1", "", cases).replace("%1", _who(back.username)))
    stay = preview.stay
    if stay:
        lines.append(translate("MovesPanel", "%n cases changed since the move and stay where they are.", "", stay))
    return "\n".join(lines)


def undo_answer(result: contract.UndoResult) -> str:
    """The status bar's account of an undo: how many went back, how many stayed put."""
    restored, skipped = result.restored, result.skipped  # plain names, as pyside6-lupdate needs
    text = translate("MovesPanel", "%n cases given back.", "", restored)
    if skipped:
        text += " " + translate("MovesPanel", "%n cases changed since the move and stay where they are.", "", skipped)
    return text


class MovesPanel(QWidget):
    loaded = Signal(int)  # moves listed
    confirming = Signal(object)  # the confirmation QMessageBox, once it is shown
    undone = Signal(object)  # contract.UndoResult
    message = Signal(str)

    def __init__(self, lead: TeamLead, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("moves", self)
        self.lead = lead
        self.tasks = tasks
        self.confirm: QMessageBox | None = None
        self._moves: list[contract.MoveRecord] = []
        self._total: int | None = None  # moves the server has for the team, once loaded
        self.model = RecordsModel([
            (lambda: self.tr("When"), lambda m: m.at.astimezone().strftime("%Y-%m-%d %H:%M")),
            (lambda: self.tr("By"), lambda m: m.by),
            (lambda: self.tr("How"), lambda m: mode_label(m.mode)),
            (lambda: self.tr("Cases"), lambda m: f"{m.case_count:,}"),
            (lambda: self.tr("From"), lambda m: agents_text(m.sources)),
            (lambda: self.tr("To"), lambda m: agents_text(m.targets)),
            (lambda: self.tr("Undo"), state_text),
        ], self)
        self.movesView.setModel(self.model)
        self.movesView.verticalHeader().setVisible(False)
        self.movesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.movesView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.movesView.horizontalHeader().setStretchLastSection(True)
        self.movesView.selectionModel().selectionChanged.connect(lambda *_a: self._selection())
        self.movesView.doubleClicked.connect(lambda _i: self.undo_selected())
        self.undoMoveButton.clicked.connect(self.undo_selected)
        self.refreshMovesButton.clicked.connect(self.reload)
        self._selection()

    def tab_title(self) -> str:
        return self.tr("Moves")

    def moves(self) -> list[contract.MoveRecord]:
        return list(self._moves)

    # --- history ----------------------------------------------------------------------------

    def reload(self) -> None:
        lead = self.lead
        self.tasks.run(lambda: lead.history(HISTORY_LIMIT), self._arrived, self._report)

    def _arrived(self, history: contract.MoveHistory) -> None:
        selected = self.selected_move()
        self._moves = list(history.items)
        self.model.set_items(self._moves)
        self.movesView.resizeColumnsToContents()
        if selected is not None:
            for row, move in enumerate(self._moves):
                if move.id == selected.id:
                    self.movesView.selectRow(row)
        self._total = history.total
        self._show_total()
        self._selection()
        self.loaded.emit(len(self._moves))

    def _show_total(self) -> None:
        total = self._total
        if total is not None:
            self.movesSummary.setText(self.tr("%n moves of the team's cases", "", total))

    def selected_move(self) -> contract.MoveRecord | None:
        rows = self.movesView.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def select(self, reassignment_id: str) -> None:
        for row, move in enumerate(self._moves):
            if move.id == reassignment_id:
                self.movesView.selectRow(row)

    def _selection(self) -> None:
        move = self.selected_move()
        self.undoMoveButton.setEnabled(move is not None and move.undone_at is None and move.undoable > 0)

    def latest_undoable(self) -> contract.MoveRecord | None:
        return next((m for m in self._moves if m.undone_at is None and m.undoable > 0), None)

    # --- undo -------------------------------------------------------------------------------

    def undo_selected(self) -> None:
        move = self.selected_move()
        if move is not None and move.undone_at is None:
            self.undo_move(move.id)

    def undo_move(self, reassignment_id: str) -> None:
        """Ask the server what would return, show it in a confirmation, undo only on "Give back"."""
        lead = self.lead
        self.undoMoveButton.setEnabled(False)
        self.tasks.run(lambda: lead.undo_preview(reassignment_id), self._confirm,
                       lambda exc: (self._selection(), self._report(exc)))

    def _confirm(self, preview: contract.UndoPreview) -> None:
        self._selection()
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Undo a move"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        if preview.undone or not preview.returns:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(self.tr("This move was already undone.") if preview.undone else self.tr(
                "None of these cases can go back: every one changed since the move."))
            box.setStandardButtons(QMessageBox.StandardButton.Close)
        else:
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(undo_question(preview))
            give = box.addButton(self.tr("Give back"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.setProperty("giveBack", give)
            give.clicked.connect(lambda: self._undo(preview.reassignment_id))
        box.finished.connect(lambda _r: setattr(self, "confirm", None))
        self.confirm = box
        box.open()
        self.confirming.emit(box)

    def _undo(self, reassignment_id: str) -> None:
        lead = self.lead

        def done(result: contract.UndoResult) -> None:
            self.message.emit(undo_answer(result))
            self.undone.emit(result)
            self.reload()

        self.tasks.run(lambda: lead.undo(reassignment_id), done, self._report)

    # --- language and errors ----------------------------------------------------------------

    def retranslate(self) -> None:
        self._show_total()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        if self._moves:
            self.model.set_items(self._moves)

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, errors.ClientError):
            self.message.emit(str(exc))
        else:
            log.error("moves: unexpected failure", exc_info=exc)
            self.message.emit(self.tr("Unexpected error: %1").replace("%1", type(exc).__name__))
