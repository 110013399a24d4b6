"""The lead's charts (QtCharts): what works, from the server's reports.

Seven charts: promises and collections per day; right-party contact rate by the debtor's
local hour (when to call); a funnel per agent (attempts → contacts → promises → kept);
right-party and promise rates per talk track and version; the average QA score of the
calls leads scored, per agent and per talk track; and per SMS template and version, how
many were sent, delivered, had their link opened, and were followed by a payment within
7 days (counts on the bars). `chart_series()` turns the
reports into plain numbers (tested headless); `ChartsPanel` only draws them.

A rate is only as good as its sample: the rate charts write under each bar how many calls
it rests on, and draw a bar grey when that is fewer than `MIN_SAMPLE` (two calls answered
out of two is no "100% right-party rate"). Talk tracks and templates are shown by their
display names, not their ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

from agentdesk.client import sms as client_sms
from agentdesk.client.lead import Reports, rate
from agentdesk.desktop import theme
from agentdesk.domain import talktracks

translate = QCoreApplication.translate
MIN_SAMPLE = 20  # a rate from fewer calls than this is drawn grey: too few to go by


@dataclass(frozen=True)
class BarData:
    """Categories and named value sets for one bar chart."""

    categories: list[str]
    sets: list[tuple[str, list[float]]]
    unit: str = ""
    counts_on_bars: bool = False
    # Per set, per category: how many records the rate rests on (None: counts, not rates).
    samples: list[list[int]] | None = None

    def thin(self, set_index: int) -> list[int]:
        """The categories whose rate in set `set_index` rests on fewer than MIN_SAMPLE records."""
        if self.samples is None:
            return []
        return [i for i, n in enumerate(self.samples[set_index]) if n < MIN_SAMPLE]


def chart_series(reports: Reports) -> dict[str, BarData]:
    daily = reports.daily
    # Day of month fits under thirty narrow bars; longer periods need the month to stay unique.
    days = [r.day.strftime("%d" if len(daily) <= 31 else "%m-%d") for r in daily]
    by_hour = sorted(reports.by_hour, key=lambda r: r.hour)
    funnel = sorted(reports.funnel, key=lambda r: r.username)
    tracks = sorted(reports.tracks, key=lambda r: (r.talk_track_id or "", r.version or 0))
    qa_agents = [r for r in (reports.qa.by_agent if reports.qa else []) if r.average is not None]
    qa_tracks = list(reports.qa.by_track) if reports.qa else []
    sms = sorted(reports.sms, key=lambda r: (r.template_id, r.version))
    return {
        "daily": BarData(
            days,
            [(translate("LeadCharts", "Promised"), [r.promised_minor / 100 for r in daily]),
             (translate("LeadCharts", "Collected"), [r.collected_minor / 100 for r in daily])],
            "¥",
        ),
        "hours": BarData(
            [f"{r.hour:02d}\n{r.attempts}" for r in by_hour],  # the hour, and the calls under its rate
            [(translate("LeadCharts", "Right-party contact rate"), [rate(r.rpc, r.attempts) for r in by_hour])],
            "%",
            samples=[[r.attempts for r in by_hour]],
        ),
        "funnel": BarData(
            [r.username for r in funnel],
            [(translate("LeadCharts", "Attempts"), [float(r.attempts) for r in funnel]),
             (translate("LeadCharts", "Right-party contacts"), [float(r.contacts) for r in funnel]),
             (translate("LeadCharts", "Promises"), [float(r.promises) for r in funnel]),
             (translate("LeadCharts", "Kept"), [float(r.kept) for r in funnel])],
        ),
        # The same rates as the champion/challenger comparison (agentdesk.domain.arms): contacts
        # per call, promises per right-party contact.
        "tracks": BarData(
            [track_label(r.talk_track_id, r.version) + "\n" + translate("LeadCharts", "%1 calls · %2 reached")
             .replace("%1", str(r.attempts)).replace("%2", str(r.rpc)) for r in tracks],
            [(translate("LeadCharts", "Right-party contact rate"), [rate(r.rpc, r.attempts) for r in tracks]),
             (translate("LeadCharts", "Promises per right-party contact"), [rate(r.promises, r.rpc) for r in tracks])],
            "%",
            samples=[[r.attempts for r in tracks], [r.rpc for r in tracks]],
        ),
        "qa_agents": BarData(
            [f"{r.username} ({r.scored})" for r in qa_agents],
            [(translate("LeadCharts", "Average QA score"), [float(r.average or 0) for r in qa_agents])],
            "%",
        ),
        "qa_tracks": BarData(
            [f"{track_label(r.talk_track_id, r.version)} ({r.scored})" for r in qa_tracks],
            [(translate("LeadCharts", "Average QA score"), [float(r.average or 0) for r in qa_tracks])],
            "%",
        ),
        "sms": BarData(
            [sms_label(r.template_id, r.version) for r in sms],
            [(translate("LeadCharts", "Sent"), [float(r.sent) for r in sms]),
             (translate("LeadCharts", "Delivered"), [float(r.delivered) for r in sms]),
             (translate("LeadCharts", "Link opened"), [float(r.opened) for r in sms]),
             (translate("LeadCharts", "Paid within 7 days"), [float(r.paid_7d) for r in sms])],
            counts_on_bars=True,
        ),
    }


def _lang() -> str:
    return "zh" if translate("LeadCharts", "Sent") != "Sent" else "en"


def sms_label(template_id: str, version: int) -> str:
    """The template's title in the UI's language, with its version."""
    titles = {(t.id, t.version): t.title[_lang()] for t in client_sms.templates()}
    return f"{titles.get((template_id, version), template_id)} v{version}"


@lru_cache(maxsize=1)
def _track_titles() -> dict[str, dict[str, str]]:
    """Each talk track's display name by language, from the tracks in resources."""
    return {t.id: dict(t.title) for t in talktracks.load_tracks()}


def track_label(track_id: str | None, version: int | None) -> str:
    """The track's display name in the UI's language (its id only if no track has that id), with its version."""
    if not track_id:
        return translate("LeadCharts", "(no track)")
    name = _track_titles().get(track_id, {}).get(_lang()) or track_id
    return f"{name} v{version}" if version is not None else name


def chart_titles() -> dict[str, str]:
    return {
        "daily": translate("LeadCharts", "Promised and collected per day (¥)"),
        "hours": translate("LeadCharts", "Right-party contact rate by debtor's local hour (%)"),
        "funnel": translate("LeadCharts", "Funnel per agent"),
        "tracks": translate("LeadCharts", "Outcome rates per talk track (%)"),
        "qa_agents": translate("LeadCharts", "Average QA score per agent (scored calls)"),
        "qa_tracks": translate("LeadCharts", "Average QA score per talk track (scored calls)"),
        "sms": translate("LeadCharts", "SMS per template: sent, delivered, link opened, paid within 7 days"),
    }


SERIES_COLORS = ("#1F63D6", "#137A4E", "#C07A00", "#8E44AD")
THIN_COLOR = "#A7ADB5"  # grey: a rate from fewer than MIN_SAMPLE records


class ChartsPanel:
    """Seven QChartViews in the console's chart grid, two a row; `show_reports()` redraws them."""

    KEYS = ("daily", "hours", "funnel", "tracks", "qa_agents", "qa_tracks", "sms")

    def __init__(self, grid: QGridLayout, host: QWidget) -> None:
        self.views: dict[str, QChartView] = {}
        for i, key in enumerate(self.KEYS):
            view = QChartView(host)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(320, 220)
            view.setAccessibleName(chart_titles()[key])
            if key == "sms":
                grid.addWidget(view, i // 2, 0, 1, 2)  # the last one takes the whole row
            else:
                grid.addWidget(view, i // 2, i % 2)
            self.views[key] = view
        self.data: dict[str, BarData] = {}

    def show_reports(self, reports: Reports) -> None:
        self.data = chart_series(reports)
        titles = chart_titles()
        dark = _is_dark()
        for key, view in self.views.items():
            title = titles[key]
            if not self.data[key].categories:
                title += " — " + translate("LeadCharts", "no data in this period yet")
            elif any(self.data[key].thin(i) for i in range(len(self.data[key].sets))):
                title += " — " + translate("LeadCharts", "grey: fewer than %1 calls, too few to go by").replace(
                    "%1", str(MIN_SAMPLE))
            view.setChart(_bar_chart(title, self.data[key], dark, sparse_labels=(key == "daily")))

    def retitle(self) -> None:
        for key, view in self.views.items():
            view.setAccessibleName(chart_titles()[key])


def _is_dark() -> bool:
    app = QApplication.instance()
    return bool(app and app.property("agentdeskScheme") == "dark")


def _bar_chart(title: str, data: BarData, dark: bool, sparse_labels: bool = False) -> QChart:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundBrush(theme.color("surface"))
    chart.setTitle(title)
    title_font = chart.titleFont()
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    series = QBarSeries()
    top = 0.0
    for i, (name, values) in enumerate(data.sets):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(SERIES_COLORS[i % len(SERIES_COLORS)]))
        bar_set.setBorderColor(QColor(SERIES_COLORS[i % len(SERIES_COLORS)]))
        bar_set.append(values)
        bar_set.setLabelColor(theme.color("text"))  # counts above the bars, readable on the chart's surface
        bar_set.setSelectedColor(QColor(THIN_COLOR))  # "selected" bars: rates from too few records
        bar_set.selectBars(data.thin(i))
        series.append(bar_set)
        top = max([top, *values])
    if data.counts_on_bars:
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(data.categories) or [""])
    if sparse_labels:
        small = axis_x.labelsFont()
        small.setPointSizeF(7)
        axis_x.setLabelsFont(small)  # a day number under each of thirty narrow bars
    if sparse_labels and len(data.categories) > 31:
        axis_x.setLabelsVisible(False)  # ninety dates do not fit; the bars still show the trend
    axis_x.setLabelsColor(theme.color("muted"))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setRange(0, _nice_top(top, data.unit))
    axis_y.setLabelFormat("%.0f")
    axis_y.setLabelsColor(theme.color("muted"))
    axis_y.setTickCount(5)
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    chart.legend().setVisible(len(data.sets) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setLabelColor(theme.color("text"))
    chart.setTitleBrush(theme.color("text"))
    return chart


def _nice_top(top: float, unit: str) -> float:
    if unit == "%":
        return 100.0 if top > 50 else max(10.0, float(int(top / 10) + 1) * 10)
    if top <= 0:
        return 1.0
    step = 10 ** max(0, len(str(int(top))) - 1)
    return float((int(top / step) + 1) * step)

