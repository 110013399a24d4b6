"""The lead console's Strategy tab: the queue's weights, one spin box each, with the reason.

Every row comes from the one declaration of the weights (`agentdesk.domain.strategy.WEIGHTS`):
its range, its label and the documented reason for its default, shown under the box and as
its tooltip. Save goes through the client core (`client.rules.update_strategy`) on the
background helper; the desktop never speaks HTTP. The server refuses a weight out of range
(422), an agent (403) and a save over someone else's newer change (409); each refusal is
shown as the server's sentence. The form is built in code rather than in ui/ because its
rows are the declaration's, not a fixed layout.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client import rules as rules_mod
from agentdesk.desktop.tasks import Tasks
from agentdesk.domain.strategy import DEFAULT_WEIGHTS, WEIGHTS, StrategyError, WeightSpec

log = logging.getLogger(__name__)


class StrategyEditor(QWidget):
    saved = Signal(object)  # contract.Rules now in force
    message = Signal(str)  # for the window's status bar

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strategyEditor")
        self.session = session
        self.tasks = tasks
        self._saving = False
        self._shown_version: int | None = None  # the strategy version the form was filled from

        self.title = QLabel(self)
        self.title.setProperty("role", "paneTitle")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.source = QLabel(self)
        self.source.setProperty("role", "hint")
        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(64)
        self.name_label.setBuddy(self.name_edit)

        form = QWidget(self)
        self.form_layout = QFormLayout(form)
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.reasons: dict[str, QLabel] = {}
        self.form_layout.addRow(self.name_label, self.name_edit)
        for spec in WEIGHTS:
            self._add_row(form, spec)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.defaults_button = QPushButton(self)
        self.revert_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.source)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.name_edit.textChanged.connect(lambda _t: self._update_status())
        self.defaults_button.clicked.connect(self.reset_to_defaults)
        self.revert_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        self.retranslate()
        self.load()

    def _add_row(self, form: QWidget, spec: WeightSpec) -> None:
        spin = QDoubleSpinBox(form)
        spin.setObjectName(f"weight_{spec.key}")
        spin.setDecimals(spec.decimals)
        step = 10.0 ** -spec.decimals
        # An exclusive minimum (a number of days, a prior strength) must stay above it.
        spin.setRange(spec.minimum + (step if spec.exclusive_minimum else 0.0), spec.maximum)
        # A step of about a tenth of the default's size: 1000 moves by 100, 0.40 by 0.01.
        magnitude = 10.0 ** (math.floor(math.log10(abs(spec.default))) - 1) if spec.default else step
        spin.setSingleStep(max(step, magnitude))
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda _v: self._update_status())
        label = QLabel(form)
        label.setBuddy(spin)
        reason = QLabel(form)
        reason.setWordWrap(True)
        reason.setProperty("role", "hint")
        cell = QWidget(form)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 6)
        column.setSpacing(2)
        column.addWidget(spin)
        column.addWidget(reason)
        self.form_layout.addRow(label, cell)
        self.labels[spec.key], self.spins[spec.key], self.reasons[spec.key] = label, spin, reason

    # --- language -------------------------------------------------------------------------------

    def language(self) -> str:
        """'zh' or 'en': which of the domain's two texts to show.

        Read from the installed translation (as Qt reads its layout direction from one), so
        it follows the interface language, including a switch while the program runs.
        """
        return "zh" if self.tr("en", "Language of the weights' labels and reasons: zh or en") == "zh" else "en"

    def tab_title(self) -> str:
        return self.tr("Strategy")

    def retranslate(self) -> None:
        zh = self.language() == "zh"
        self.title.setText(self.tr("Queue strategy"))
        self.intro.setText(self.tr(
            "These are the base weights of every agent's queue: each segment starts from them and may set some of "
            "its own (Strategy engine tab). A change reaches every desk within seconds; hover over a weight or read "
            "the line under it for why its default is what it is."))
        self.name_label.setText(self.tr("&Name"))
        self.defaults_button.setText(self.tr("Documented &defaults"))
        self.revert_button.setText(self.tr("&Revert"))
        self.save_button.setText(self.tr("&Save for everyone"))
        for spec in WEIGHTS:
            label = spec.label_zh if zh else spec.label_en
            reason = spec.reason_zh if zh else spec.reason_en
            default = self.tr("Default %1.").replace("%1", f"{spec.default:.{spec.decimals}f}")
            self.labels[spec.key].setText(label)
            self.reasons[spec.key].setText(f"{reason} {default}")
            spin = self.spins[spec.key]
            spin.setToolTip(f"<b>{spec.key}</b><br>{reason}<br>{default}")
            spin.setWhatsThis(reason)
            spin.setAccessibleName(label)
        tabs = self._tab_widget()
        if tabs is not None:
            tabs.setTabText(tabs.indexOf(self), self.tab_title())
        self._show_source()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _tab_widget(self) -> QTabWidget | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        return parent if isinstance(parent, QTabWidget) and parent.indexOf(self) >= 0 else None

    # --- the weights ------------------------------------------------------------------------------

    def weights(self) -> dict[str, float]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def set_weights(self, weights: dict[str, float]) -> None:
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(weights.get(key, DEFAULT_WEIGHTS[key]))
            spin.blockSignals(False)
        self._update_status()

    def is_edited(self) -> bool:
        strategy = self.session.strategy
        shown = {**DEFAULT_WEIGHTS, **strategy.weights}
        return self.name_edit.text().strip() != strategy.name or any(
            abs(value - shown[key]) > 1e-9 for key, value in self.weights().items())

    def load(self) -> None:
        """Fill the form from the strategy in force on this desk (no network: the session's)."""
        strategy = self.session.strategy
        self.name_edit.setText(strategy.name)
        self.set_weights(strategy.weights)
        self._shown_version = strategy.version
        self._show_source()
        self._update_status()

    def reset_to_defaults(self) -> None:
        self.set_weights(DEFAULT_WEIGHTS)
        self.name_edit.setText("default")
        self._update_status()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        # The rules may have changed since (another lead saved): show them unless edits would be lost.
        if not self.is_edited() and self.session.strategy.version != self._shown_version:
            self.load()
        super().showEvent(event)

    def _show_source(self) -> None:
        info = self.session.rules.info
        if info is None or info.changed_at is None:
            text = self.tr("Version %1: the documented defaults.").replace("%1", str(self.session.strategy.version))
        else:
            text = (self.tr("Version %1, saved by %2 on %3.").replace("%1", str(info.version))
                    .replace("%2", info.changed_by or "?")
                    .replace("%3", info.changed_at.astimezone().strftime("%Y-%m-%d %H:%M")))
        self.source.setText(text)

    def _update_status(self) -> None:
        edited = self.is_edited()
        self.save_button.setEnabled(edited and not self._saving and bool(self.name_edit.text().strip()))
        self.revert_button.setEnabled(edited and not self._saving)
        if self._saving:
            self.status.setText(self.tr("Saving…"))
        elif edited:
            self.status.setText(self.tr("Changed, not saved yet."))
        else:
            self.status.setText("")

    # --- saving -----------------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        session, name, weights = self.session, self.name_edit.text().strip(), self.weights()
        expected = self._shown_version
        self._saving = True
        self._update_status()
        self.tasks.run(lambda: rules_mod.update_strategy(session, name, weights, expected),
                       self._saved, self._failed)

    def _saved(self, rules: contract.Rules) -> None:
        self._saving = False
        self.load()
        text = self.tr("Strategy saved as version %1; every queue now uses it.").replace(
            "%1", str(rules.strategy.version))
        self.status.setText(text)
        self.message.emit(text)
        self.saved.emit(rules)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self._update_status()
        if isinstance(exc, StrategyError):
            if exc.weight in self.spins:
                self.spins[exc.weight].setFocus()
            text = str(exc)
        elif isinstance(exc, errors.ServerError) and exc.status == 409:
            text = self.tr("Someone saved the strategy meanwhile. Press Revert to see theirs, then make your "
                           "change again.")
        elif isinstance(exc, errors.ClientError):
            text = str(exc)
        else:
            log.error("saving the strategy failed", exc_info=exc)
            text = self.tr("Unexpected error: %1").replace("%1", type(exc).__name__)
        self.status.setText(text)
        self.message.emit(text)
