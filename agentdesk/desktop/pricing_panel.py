"""The lead console's pricing panel (ui/pricing.ui): what a lender's file would recover.

The lead picks the lender and a placement file; the server prices it (per segment, 30/90/
180 days, a 95% range, the evidence behind each figure) without importing anything, so a
lead can quote a lender or decide whom to staff before accepting the file. The same
figures come back in the report of an actual import.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.strategy import StrategyDesk
from agentdesk.desktop import uiload
from agentdesk.desktop.lead_models import RecordsModel, money
from agentdesk.desktop.tasks import Tasks

log = logging.getLogger(__name__)
LENDERS_META = "pricing_lenders"


def horizon_text(h: Any) -> str:
    """"¥12,345.00 (18.5%, 95%: 14.0–23.1%)"."""
    return f"{money(h.amount_minor)} ({h.rate:.1%}, 95%: {h.low:.1%}–{h.high:.1%})"


class PricingPanel(QWidget):
    priced = Signal(object)  # contract.PlacementPrice
    message = Signal(str)

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("pricing", self)
        self.session = session
        self.tasks = tasks
        self.desk = StrategyDesk(session)
        self.price: contract.PlacementPrice | None = None

        def at(days: int) -> Any:
            return lambda s: horizon_text(next(h for h in s.horizons if h.days == days))

        self.model = RecordsModel([
            (lambda: self.tr("Segment"), self._name),
            (lambda: self.tr("Cases"), lambda s: f"{s.cases:,}"),
            (lambda: self.tr("Overdue"), lambda s: money(s.overdue_minor)),
            (lambda: self.tr("30 days"), at(30)),
            (lambda: self.tr("90 days"), at(90)),
            (lambda: self.tr("180 days"), at(180)),
        ], self)
        self.pricingView.setModel(self.model)
        self.pricingView.verticalHeader().setVisible(False)
        self.pricingView.horizontalHeader().setStretchLastSection(True)
        self.pricingView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.pricingView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pricingView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pricingView.selectionModel().selectionChanged.connect(lambda *_a: self._evidence())
        self.lenderCombo.setMinimumWidth(220)
        self.lenderCombo.addItems([x for x in (session.store.get_meta(LENDERS_META) or "").split("\n") if x])
        self.chooseFileButton.clicked.connect(self._ask_file)
        self.retranslate()

    def tab_title(self) -> str:
        return self.tr("Pricing")

    def retranslate(self) -> None:
        self.lenderCombo.lineEdit().setPlaceholderText(self.tr("the lender's name, as on its files"))
        if self.price is None:
            self.totalLabel.setText(self.tr("Choose the lender and a placement file to price it."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def language(self) -> str:
        return "zh" if self.tr("en", "Language of the weights' labels and reasons: zh or en") == "zh" else "en"

    def _name(self, s: contract.SegmentPrice) -> str:
        return s.name_zh if self.language() == "zh" else s.name_en

    def _ask_file(self) -> None:
        if not self.lenderCombo.currentText().strip():
            self.pricingStatus.setText(self.tr("Give the lender first: history and segments depend on it."))
            self.lenderCombo.setFocus()
            return
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Placement file to price"), str(Path.home()),
                                               self.tr("Lender files (*.csv *.xlsx)"))
        if path:
            self.price_file(Path(path))

    def price_file(self, path: Path) -> None:
        lender, desk = self.lenderCombo.currentText().strip(), self.desk
        self.fileLabel.setText(path.name)
        self.pricingStatus.setText(self.tr("Pricing %1…").replace("%1", path.name))
        self.chooseFileButton.setEnabled(False)
        self.tasks.run(lambda: desk.price(path, lender), self._arrived, self._failed)

    def _arrived(self, price: contract.PlacementPrice) -> None:
        self.chooseFileButton.setEnabled(True)
        self.price = price
        known = [self.lenderCombo.itemText(i) for i in range(self.lenderCombo.count())]
        if price.lender not in known:
            self.lenderCombo.addItem(price.lender)
            self.session.store.set_meta(LENDERS_META, "\n".join([*known, price.lender][-20:]))
        total = " · ".join(self.tr("%1 days: %2").replace("%1", str(h.days)).replace("%2", horizon_text(h))
                           for h in price.total)
        self.totalLabel.setText(self.tr("%1 cases, %2 overdue. Expected recovery: %3").replace(
            "%1", f"{price.cases:,}").replace("%2", money(price.overdue_minor)).replace("%3", total))
        self.model.set_items(price.segments)
        self.pricingView.resizeColumnsToContents()
        if price.segments:
            self.pricingView.selectRow(0)
        self.pricingStatus.setText(self.tr("Priced with strategy version %1. Nothing was imported.").replace(
            "%1", str(price.book_version)))
        self.priced.emit(price)

    def _evidence(self) -> None:
        rows = self.pricingView.selectionModel().selectedRows()
        item = self.model.item_at(rows[0].row()) if rows else None
        if item is None:
            self.evidenceLabel.setText("")
            return
        self.evidenceLabel.setText(item.evidence_zh if self.language() == "zh" else item.evidence_en)

    def _failed(self, exc: BaseException) -> None:
        self.chooseFileButton.setEnabled(True)
        if isinstance(exc, errors.ClientError):
            text = str(exc)
        elif isinstance(exc, OSError):
            text = self.tr("The file cannot be read: %1").replace("%1", exc.strerror or type(exc).__name__)
        else:
            log.error("pricing failed", exc_info=exc)
            text = self.tr("Unexpected error: %1").replace("%1", type(exc).__name__)
        self.pricingStatus.setText(text)
        self.message.emit(text)
