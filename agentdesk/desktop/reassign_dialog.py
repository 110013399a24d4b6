"""The reassignment dialog (ui/reassign.ui): choose how, preview, then commit.

The dialog never moves a case without a preview of exactly the same request: any change
to the mode, the agents or a capacity drops the preview and disables "Reassign" until
the lead previews again. Requests are built by `agentdesk.client.lead.reassign_request`
(plain, tested headless); the network calls run on the background helper.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.lead import ReassignProblem, TeamLead, reassign_request
from agentdesk.desktop import theme, uiload
from agentdesk.desktop.lead_models import PreviewModel, is_over_capacity, money
from agentdesk.desktop.tasks import Tasks

_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


class TargetsModel(QAbstractTableModel):
    """The agents who may receive cases: a check box each and, for "by capacity", a limit."""

    changed = Signal()

    def __init__(self, agents: Sequence[contract.BoardAgent], parent: Any = None) -> None:
        super().__init__(parent)
        self._agents = list(agents)
        self._checked: set[str] = set()
        # A starting limit the lead edits: a little above the longest queue, so "by capacity"
        # fills the shorter queues first.
        # The collector's own capacity when the board knows it.
        top = max((a.queue_size for a in agents), default=0)
        self._capacity = {a.id: a.capacity if a.capacity is not None else top + 50 for a in agents}

    def checked(self) -> list[str]:
        return [a.id for a in self._agents if a.id in self._checked]

    def capacity(self) -> dict[str, int]:
        return dict(self._capacity)

    def set_checked(self, agent_ids: Sequence[str], exclusive: bool = False) -> None:
        self._checked = set(agent_ids) if exclusive else self._checked | set(agent_ids)
        self._refresh()

    def set_capacity(self, agent_id: str, value: int) -> None:
        self._capacity[agent_id] = max(0, int(value))
        self._refresh()

    def _refresh(self) -> None:
        if self._agents:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._agents) - 1, 2))
        self.changed.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._agents)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [translate("ReassignDialog", "Agent"), translate("ReassignDialog", "Queue now"),
                    translate("ReassignDialog", "Capacity (queue size)")][section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == 2:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        agent = self._agents[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return [f"{agent.display_name} ({agent.username})",
                    f"{agent.queue_size} · {money(agent.queue_value_minor)}",
                    str(self._capacity.get(agent.id, 0))][col]
        if role == Qt.ItemDataRole.EditRole and col == 2:
            return self._capacity.get(agent.id, 0)
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if agent.id in self._checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        agent = self._agents[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            if Qt.CheckState(value) == Qt.CheckState.Checked:
                self._checked.add(agent.id)
            else:
                self._checked.discard(agent.id)
            self._refresh()
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == 2:
            try:
                self.set_capacity(agent.id, int(value))
            except (TypeError, ValueError):
                return False
            return True
        return False


class ReassignDialog(QDialog):
    """Move `case_ids` (or all cases of `source_agent_id`) after a preview; emits `reassigned`."""

    reassigned = Signal(object)  # contract.ReassignResult
    previewed = Signal(object)  # contract.ReassignPreview

    def __init__(
        self,
        lead: TeamLead,
        tasks: Tasks,
        agents: Sequence[contract.BoardAgent],
        *,
        case_ids: Sequence[str] | None = None,
        source_agent_id: str | None = None,
        description: str = "",
        mode: str = "one",
        targets: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        uiload.load_form("reassign", self)
        self.lead = lead
        self.tasks = tasks
        self.case_ids = list(case_ids) if case_ids is not None else None
        self.source_agent_id = source_agent_id
        self.preview: contract.ReassignPreview | None = None
        self.result: contract.ReassignResult | None = None
        self._generation = 0
        receivers = [a for a in agents if a.id != source_agent_id]
        self.targets = TargetsModel(receivers, self)
        self.targetsView.setModel(self.targets)
        self.preview_model = PreviewModel(self)
        self.previewView.setModel(self.preview_model)
        for view in (self.targetsView, self.previewView):
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.targetsView.setMaximumHeight(220)
        self.summaryLabel.setText(description)
        self.commitButton.setEnabled(False)
        {"one": self.oneRadio, "even": self.evenRadio, "capacity": self.capacityRadio}.get(
            mode, self.oneRadio).setChecked(True)
        if targets:
            self.targets.set_checked(targets, exclusive=True)
        for radio in (self.oneRadio, self.evenRadio, self.capacityRadio):
            radio.toggled.connect(self._inputs_changed)
        self.targets.changed.connect(self._inputs_changed)
        self.previewButton.clicked.connect(self.run_preview)
        self.commitButton.clicked.connect(self.commit)
        self.cancelButton.clicked.connect(self.reject)
        self.setWindowTitle(self.tr("Reassign cases"))
        self.resize(760, 680)
        self._show_problem("")
        self._show_capacity(None)
        if self.targets.checked():
            self.run_preview()

    # --- inputs -----------------------------------------------------------------------------

    def mode(self) -> str:
        if self.evenRadio.isChecked():
            return "even"
        if self.capacityRadio.isChecked():
            return "capacity"
        return "one"

    def request(self) -> contract.ReassignRequest:
        return reassign_request(
            case_ids=self.case_ids, agent_filter=self.source_agent_id if self.case_ids is None else None,
            mode=self.mode(), agent_ids=self.targets.checked(), capacity=self.targets.capacity(),
        )

    def _inputs_changed(self, *_args: Any) -> None:
        self._generation += 1
        self.preview = None
        self.preview_model.set_preview(None)
        self.previewSummary.setText("")
        self.commitButton.setEnabled(False)
        self._show_problem("")
        self._show_capacity(None)

    def _show_capacity(self, preview: contract.ReassignPreview | None) -> None:
        text = capacity_warning(preview) if preview is not None else ""
        self.capacityWarning.setText(text)
        self.capacityWarning.setVisible(bool(text))
        theme.set_tone(self.capacityWarning, "warn" if text else "")

    def _show_problem(self, text: str) -> None:
        self.problemLabel.setText(text)
        self.problemLabel.setVisible(bool(text))
        theme.set_tone(self.problemLabel, "danger" if text else "")

    # --- preview and commit -------------------------------------------------------------------

    def run_preview(self) -> None:
        try:
            request = self.request()
        except ReassignProblem as exc:
            self._show_problem(problem_text(str(exc)))
            return
        except ValueError as exc:  # the contract's own validation
            self._show_problem(str(exc).splitlines()[0])
            return
        self._generation += 1
        generation = self._generation
        self.previewButton.setEnabled(False)
        self.previewSummary.setText(self.tr("Asking the server for a preview…"))
        lead = self.lead
        self.tasks.run(lambda: lead.preview(request),
                       lambda p: self._preview_arrived(generation, p),
                       lambda exc: self._failed(generation, exc))

    def _preview_arrived(self, generation: int, preview: contract.ReassignPreview) -> None:
        self.previewButton.setEnabled(True)
        if generation != self._generation:
            return
        self.preview = preview
        self.preview_model.set_preview(preview)
        self.previewSummary.setText(
            self.tr("%Ln cases, %1 overdue, change owner.", "", preview.total_cases)
            .replace("%1", money(preview.total_minor))
        )
        self._show_capacity(preview)
        self.commitButton.setEnabled(preview.total_cases > 0)
        if not preview.total_cases:
            self._show_problem(self.tr("Nothing to move: these cases already sit with the chosen agents."))
        self.previewed.emit(preview)

    def _failed(self, generation: int, exc: BaseException) -> None:
        self.previewButton.setEnabled(True)
        self.commitButton.setEnabled(False)
        if generation != self._generation:
            return
        self.previewSummary.setText("")
        if isinstance(exc, errors.ClientError):
            self._show_problem(str(exc))
        else:
            self._show_problem(self.tr("Unexpected error: %1").replace("%1", type(exc).__name__))

    def commit(self) -> None:
        if self.preview is None:
            return
        request = self.request()
        self._generation += 1
        generation = self._generation
        self.commitButton.setEnabled(False)
        self.previewButton.setEnabled(False)
        self.previewSummary.setText(self.tr("Moving the cases…"))
        lead = self.lead
        self.tasks.run(lambda: lead.reassign(request), self._committed, lambda exc: self._failed(generation, exc))

    def _committed(self, result: contract.ReassignResult) -> None:
        self.result = result
        self.reassigned.emit(result)
        self.accept()


def capacity_warning(preview: contract.ReassignPreview) -> str:
    """One line per receiving queue the move takes over its collector's capacity ("" if none)."""
    lines = []
    for load in preview.per_agent:
        if is_over_capacity(load):
            after = load.after_cases  # a plain name: pyside6-lupdate skips a count written as an attribute
            lines.append(translate("ReassignDialog", "Over capacity: %1 would hold %Ln cases, capacity %2.", "", after)
                         .replace("%1", load.username).replace("%2", f"{load.capacity:,}"))
    return "\n".join(lines)


def problem_text(message: str) -> str:
    """The client's reason a request cannot be made yet, in the lead's language."""
    known = {
        "choose at least one agent to receive the cases": translate(
            "ReassignDialog", "Tick at least one agent to receive the cases."),
        "'to one agent' takes exactly one agent": translate(
            "ReassignDialog", "\"To one agent\" takes exactly one ticked agent."),
        "no cases chosen": translate("ReassignDialog", "No cases are chosen."),
        "the absent agent cannot receive their own cases": translate(
            "ReassignDialog", "The absent agent cannot receive their own cases."),
        "give at least one agent a capacity above zero": translate(
            "ReassignDialog", "Give at least one ticked agent a capacity above zero."),
    }
    return known.get(message, message)
