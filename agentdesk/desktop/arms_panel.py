"""The lead console's champion/challenger panel (ui/arms.ui): the two arms on the same period.

The verdict comes first, in plain words ("Challenger better at 95%", "Not enough data yet,
~N more cases"); under it every measure with both arms, the difference and its 95%
interval, and a chart of the rates side by side. The experiments are the running
challengers and those in the segments' history; a running one can be promoted or
stopped here. `arm_rows()` turns the report into plain rows (tested headless); the panel
draws them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

from agentdesk import contract
from agentdesk.client import errors
from agentdesk.client.strategy import StrategyDesk
from agentdesk.desktop import strategy_texts as words
from agentdesk.desktop import theme, uiload
from agentdesk.desktop.lead_models import RecordsModel
from agentdesk.desktop.tasks import Tasks

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
RATES = ("rpc_rate", "promise_rate", "kept_rate")
ARM_COLORS = ("#1F63D6", "#C07A00")


@dataclass(frozen=True)
class ArmRow:
    key: str
    name: str
    champion: str
    challenger: str
    difference: str
    interval: str
    finding: str


def _fmt(key: str, value: float) -> str:
    if key.endswith("_rate"):
        return f"{value * 100:.1f}%"
    if key.startswith("recovered"):
        return f"¥{value:,.2f}"
    return f"{value:.2f}"


def _signed(key: str, value: float | None) -> str:
    if value is None:
        return "—"
    text = _fmt(key, abs(value))
    return ("+" if value >= 0 else "−") + text


def arm_rows(report: contract.ArmsReport) -> list[ArmRow]:
    names, found = words.metrics(), words.findings()
    rows = []
    for m in report.metrics:
        interval = "—" if m.low is None or m.high is None else f"{_signed(m.key, m.low)} … {_signed(m.key, m.high)}"
        finding = found.get(m.finding, m.finding)
        if m.key == report.primary:
            finding += " ★"
        rows.append(ArmRow(m.key, names.get(m.key, m.key), f"{_fmt(m.key, m.champion)} (n={m.champion_n:,})",
                           f"{_fmt(m.key, m.challenger)} (n={m.challenger_n:,})", _signed(m.key, m.difference),
                           interval, finding))
    return rows


class ArmsPanel(QWidget):
    loaded = Signal(object)  # contract.ArmsReport
    decided = Signal(object)  # contract.Rules
    message = Signal(str)

    def __init__(self, session: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("arms", self)
        self.session = session
        self.tasks = tasks
        self.desk = StrategyDesk(session)
        self.report: contract.ArmsReport | None = None
        self.model = RecordsModel([
            (lambda: self.tr("Measure"), lambda r: r.name),
            (lambda: self.tr("Champion"), lambda r: r.champion),
            (lambda: self.tr("Challenger"), lambda r: r.challenger),
            (lambda: self.tr("Difference"), lambda r: r.difference),
            (lambda: self.tr("95% interval"), lambda r: r.interval),
            (lambda: self.tr("Finding"), lambda r: r.finding),
        ], self)
        self.metricsView.setModel(self.model)
        self.metricsView.verticalHeader().setVisible(False)
        self.metricsView.horizontalHeader().setStretchLastSection(True)
        self.metricsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.chart = QChartView(self.chartHost)
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setMinimumSize(320, 240)
        self.chartLayout.addWidget(self.chart)
        self.armsSplitter.setSizes([760, 440])
        self.periodCombo.blockSignals(True)
        for days in (7, 30, 90):
            self.periodCombo.addItem(self.tr("Last %1 days").replace("%1", str(days)), days)
        self.periodCombo.setCurrentIndex(1)
        self.periodCombo.blockSignals(False)
        self.experimentCombo.currentIndexChanged.connect(lambda _i: self.load())
        self.periodCombo.currentIndexChanged.connect(lambda _i: self.load())
        self.refreshArmsButton.clicked.connect(self.load)
        self.promoteArmButton.clicked.connect(lambda: self.decide(True))
        self.stopArmButton.clicked.connect(lambda: self.decide(False))
        self.fill_experiments()

    def tab_title(self) -> str:
        return self.tr("Champion / challenger")

    def retranslate(self) -> None:
        for i in range(self.periodCombo.count()):
            self.periodCombo.setItemText(i, self.tr("Last %1 days").replace("%1", str(self.periodCombo.itemData(i))))
        self.fill_experiments()
        if self.report is not None:
            self._arrived(self.report)  # the comparison on screen, in the new language

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def language(self) -> str:
        return "zh" if self.tr("en", "Language of the weights' labels and reasons: zh or en") == "zh" else "en"

    def fill_experiments(self, select: str | None = None) -> None:
        """Every experiment in the book in force: running challengers first, then past ones."""
        book = self.session.rules.strategy_book()
        lang = self.language()
        current = select or (self.experimentCombo.currentData() or ("", ""))[0]
        self.experimentCombo.blockSignals(True)
        self.experimentCombo.clear()
        for seg in book.segments:
            if seg.challenger is not None:
                text = self.tr("%1 · %2 (running)").replace("%1", seg.name(lang)).replace("%2", seg.challenger.name)
                self.experimentCombo.addItem(text, (seg.key, seg.challenger.id))
        for seg in book.segments:
            for record in reversed(seg.history):
                ended = self.tr("promoted") if record.outcome == "promoted" else self.tr("stopped")
                text = (self.tr("%1 · %2 (%3)").replace("%1", seg.name(lang))
                        .replace("%2", record.challenger.name).replace("%3", ended))
                self.experimentCombo.addItem(text, (seg.key, record.challenger.id))
        index = next((i for i in range(self.experimentCombo.count())
                      if self.experimentCombo.itemData(i)[0] == current), 0)
        self.experimentCombo.setCurrentIndex(index)
        self.experimentCombo.blockSignals(False)
        if self.experimentCombo.count() and self.report is None:
            self.verdictLabel.setText("")  # until the comparison arrives (load)
        if self.experimentCombo.count() == 0:
            self.verdictLabel.setText(self.tr("No challenger runs yet: start one in Segments."))
            self.detailLabel.setText("")
            self.model.set_items([])
            self.chart.setChart(QChart())
        self._buttons()

    def show_segment(self, segment: str) -> None:
        self.fill_experiments(select=segment)
        self.load()

    def load(self) -> None:
        chosen = self.experimentCombo.currentData()
        if not chosen:
            return
        segment, challenger = chosen
        days, desk = int(self.periodCombo.currentData() or 30), self.desk
        self.armsStatus.setText(self.tr("Comparing…"))
        self.tasks.run(lambda: desk.arms(segment, challenger, days), self._arrived, self._failed)

    def _arrived(self, report: contract.ArmsReport) -> None:
        self.report = report
        zh = self.language() == "zh"
        self.verdictLabel.setText(report.verdict_zh if zh else report.verdict_en)
        theme.set_tone(self.verdictLabel, {"challenger_better": "ok", "champion_better": "warn",
                                           "better_but_more_flags": "danger"}.get(report.verdict, ""))
        since = report.since.astimezone().strftime("%Y-%m-%d")
        until = report.until.astimezone().strftime("%Y-%m-%d")
        self.detailLabel.setText(
            self.tr("%1 vs %2 cases, %3 to %4; the challenger gets %5% of the segment's new cases. The verdict "
                    "rests on %6 (★), decided before the experiment; the other measures are for reading.")
            .replace("%1", f"{report.champion_cases:,}").replace("%2", f"{report.challenger_cases:,}")
            .replace("%3", since).replace("%4", until).replace("%5", f"{report.share * 100:.0f}")
            .replace("%6", words.metrics().get(report.primary, report.primary)))
        self.model.set_items(arm_rows(report))
        self.metricsView.resizeColumnsToContents()
        self.chart.setChart(self._chart(report))
        arms = words.arms()
        tracks = []
        for arm in ("champion", "challenger"):
            used = ", ".join(f"{name} ×{count}" for name, count in report.tracks.get(arm, {}).items())
            tracks.append(f"{arms[arm]}: {used or '—'}")
        self.tracksLabel.setText(self.tr("Talk tracks used: %1").replace("%1", "; ".join(tracks)))
        self.armsStatus.setText("")
        self._buttons()
        self.loaded.emit(report)

    def _chart(self, report: contract.ArmsReport) -> QChart:
        chart = QChart()
        app = QApplication.instance()
        dark = bool(app and app.property("agentdeskScheme") == "dark")
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundBrush(theme.color("surface"))
        chart.setTitle(self.tr("Rates by arm (%)"))
        chart.setTitleBrush(theme.color("text"))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        series = QBarSeries()
        by_key = {m.key: m for m in report.metrics}
        names = words.metrics()
        arms = words.arms()
        top = 0.0
        for i, arm in enumerate(("champion", "challenger")):
            bars = QBarSet(arms[arm])
            bars.setColor(QColor(ARM_COLORS[i]))
            values = [getattr(by_key[k], arm) * 100 for k in RATES if k in by_key]
            bars.append(values)
            top = max([top, *values])
            series.append(bars)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        short = words.metrics_short()
        axis_x.append([short.get(k, names[k]) for k in RATES if k in by_key])
        axis_x.setLabelsColor(theme.color("muted"))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(0, 100 if top > 50 else max(10.0, (int(top / 10) + 1) * 10.0))
        axis_y.setLabelFormat("%.0f")
        axis_y.setLabelsColor(theme.color("muted"))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setLabelColor(theme.color("text"))
        return chart

    def _buttons(self) -> None:
        live = self.report is not None and self.report.running
        self.promoteArmButton.setEnabled(live)
        self.stopArmButton.setEnabled(live)

    def decide(self, promote: bool) -> None:
        if self.report is None or not self.report.running:
            return
        report, desk = self.report, self.desk
        version = self.session.rules.strategy_book().version
        self.tasks.run(lambda: desk.decide(report.segment, report.challenger_id, promote, version),
                       self._decided, self._failed)

    def _decided(self, rules: contract.Rules) -> None:
        text = self.tr("Strategy saved as version %1; every desk uses it within seconds.").replace(
            "%1", str(rules.strategy.version))
        self.armsStatus.setText(text)
        self.message.emit(text)
        self.decided.emit(rules)
        self.fill_experiments()
        self.load()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, errors.ClientError):
            text = str(exc)
        else:
            log.error("arms panel: unexpected failure", exc_info=exc)
            text = self.tr("Unexpected error: %1").replace("%1", type(exc).__name__)
        self.armsStatus.setText(text)
        self.message.emit(text)
