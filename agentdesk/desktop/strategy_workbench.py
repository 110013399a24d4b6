"""The lead console's "Strategy engine" tab: segments, allocation, collectors, arms, pricing.

One tab of the console holding the strategy engine's panels as sub-tabs, so the console
itself grows by one line. Panels talk to each other only through signals: "Compare arms"
in the segments editor opens the arms panel on that segment; a saved strategy refreshes
the experiments the arms panel lists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from agentdesk.desktop.allocation_panel import AllocationPanel
from agentdesk.desktop.arms_panel import ArmsPanel
from agentdesk.desktop.collectors_panel import CollectorsPanel
from agentdesk.desktop.pricing_panel import PricingPanel
from agentdesk.desktop.segments_editor import SegmentsEditor
from agentdesk.desktop.tasks import Tasks


class StrategyWorkbench(QWidget):
    message = Signal(str)

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strategyWorkbench")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("strategyTabs")
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.segments = SegmentsEditor(session, tasks, self)
        self.allocation = AllocationPanel(session, tasks, self)
        self.collectors = CollectorsPanel(session, tasks, self)
        self.arms = ArmsPanel(session, tasks, self)
        self.pricing = PricingPanel(session, tasks, self)
        self.panels = (self.segments, self.allocation, self.collectors, self.arms, self.pricing)
        for panel in self.panels:
            self.tabs.addTab(panel, panel.tab_title())
            panel.message.connect(self.message)
        self.segments.compare_requested.connect(self._compare)
        self.segments.saved.connect(lambda _r: self.arms.fill_experiments())
        self.arms.decided.connect(lambda rules: self.segments.load(rules.book))
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._shown)

    def tab_title(self) -> str:
        return self.tr("Strategy engine")

    def _compare(self, segment: str) -> None:
        self.tabs.setCurrentWidget(self.arms)
        self.arms.show_segment(segment)

    def _shown(self, index: int) -> None:
        """Load a panel's data from the server the first time it is shown."""
        if index in self._loaded:
            return
        self._loaded.add(index)
        widget = self.tabs.widget(index)
        if widget is self.collectors:
            self.collectors.load()
        elif widget is self.arms:
            self.arms.load()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        self._shown(self.tabs.currentIndex())
        super().showEvent(event)

    def refresh(self) -> None:
        """F5: the panel in view."""
        widget = self.tabs.currentWidget()
        if widget is self.collectors:
            self.collectors.load()
        elif widget is self.arms:
            self.arms.load()
        elif widget is self.allocation:
            self.allocation.run_preview()
        elif widget is self.segments:
            self.segments.load()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            for i, panel in enumerate(self.panels):
                self.tabs.setTabText(i, panel.tab_title())
        super().changeEvent(event)
