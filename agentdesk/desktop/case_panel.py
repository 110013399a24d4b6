"""The case in the middle of the window (ui/casepanel.ui): who, how much, may I call.

Shows the debtor header (masked ID, place, the debtor's local time), the amount overdue
and the compliance verdict for the selected number prominently, the contact points and
accounts as small table models, and the timeline. It reads nothing itself: the window
hands it a `CaseDetail` and a function that judges a dial (the client's guard).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QWidget

from agentdesk.client.views import AccountView, CaseDetail, ContactPointView
from agentdesk.clock import PROCESS, Clock
from agentdesk.desktop import labels, selectable, theme, uiload, view_paint
from agentdesk.desktop.timeline import timeline_entries
from agentdesk.desktop.timeline_view import MORE_ROWS, TimelineDelegate, TimelineModel, rows_that_fit
from agentdesk.domain.compliance import ComplianceVerdict, ContactBudget

_Index = QModelIndex | QPersistentModelIndex
_NEVER_DIAL = {"invalid", "wrong_party", "do_not_contact"}


translate = QCoreApplication.translate


class _RowsModel(QAbstractTableModel):
    """A read-only table over a tuple of dataclasses; subclasses say what each cell shows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        # Asked for at every step of a view's layout and paint; the headers' translations
        # change with the language, their number does not.
        self._columns = len(self.headers())

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._columns

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell(item, index.column())
        return self.style_cell(item, index.column(), role)

    def style_cell(self, item: Any, column: int, role: int) -> Any:
        return None


class ContactPointModel(_RowsModel):
    def headers(self) -> list[str]:
        return [
            translate("CasePanel", "Phone / address"),
            translate("CasePanel", "Whose"),
            translate("CasePanel", "Status"),
        ]

    def cell(self, item: ContactPointView, column: int) -> str:
        if column == 0:
            return item.value_masked
        if column == 1:
            return labels.owner_label(item.owner, item.relation, item.contact_name)
        return labels.label(labels.contact_status_labels(), item.status)

    def style_cell(self, item: ContactPointView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            if item.status in _NEVER_DIAL:
                return theme.color("danger")
            if item.status == "valid":
                return theme.color("ok")
            return theme.color("warn")
        return None


class AccountModel(_RowsModel):
    def headers(self) -> list[str]:
        return [
            translate("CasePanel", "Account"),
            translate("CasePanel", "Product"),
            translate("CasePanel", "Overdue"),
            translate("CasePanel", "Outstanding"),
            translate("CasePanel", "Fees"),
            translate("CasePanel", "Due"),
            translate("CasePanel", "DPD"),
        ]

    def cell(self, item: AccountView, column: int) -> str:
        return [
            item.account_no,
            item.product,
            item.overdue.format(),
            item.outstanding.format(),
            item.fees.format(),
            item.due_date.isoformat(),
            f"{item.days_past_due} · {item.bucket}",
        ][column]

    def style_cell(self, item: AccountView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def placement_text(detail: CaseDetail, lang: str, full: bool = False) -> str:
    """The case's segment, its challenger arm, and why (the strategy engine's placement)."""
    p = detail.placement
    if p is None:
        return ""
    name = p.name_zh if lang == "zh" else p.name_en
    text = translate("CasePanel", "Segment: %1").replace("%1", name)
    if p.arm:
        arm = translate("CasePanel", "challenger arm") if p.arm == "challenger" else translate(
            "CasePanel", "champion arm")
        text += f" · {arm}"
    reason = p.reason_zh if lang == "zh" else p.reason_en
    if not full:
        reason = reason.split("；")[0].split("; ")[0]  # the fitting conditions; the rest in the tooltip
    return f"{text} — {reason}" if reason else text


def verdict_text(verdict: ComplianceVerdict, lang: str, now: datetime) -> tuple[str, str, str]:
    """(tone, title, detail) for the compliance banner."""
    warnings = verdict.warnings_zh if lang == "zh" else verdict.warnings
    if verdict.allowed:
        return "ok", translate("CasePanel", "Call allowed now"), " · ".join(warnings)
    reason = verdict.reason_zh if lang == "zh" else verdict.reason_en
    if verdict.next_allowed_at is None:
        return "danger", translate("CasePanel", "Do not call"), reason
    when = labels.short_time(verdict.next_allowed_at, now)
    return "warn", translate("CasePanel", "Not now — next allowed %1").replace("%1", when), reason


class CasePanel(QWidget):
    contact_selected = Signal(str)  # contact point id
    call_requested = Signal(str)  # contact point id

    def __init__(self, parent: QWidget | None = None, clock: Clock = PROCESS) -> None:
        super().__init__(parent)
        uiload.load_form("casepanel", self)
        self._clock = clock
        self._detail: CaseDetail | None = None
        self._judge: Callable[[str | None], ComplianceVerdict] | None = None
        self._budget: Callable[[str | None], tuple[ContactBudget, ContactBudget]] | None = None
        self._lang = "zh"
        self._verdict: ComplianceVerdict | None = None
        self._call_active = False  # one call at a time: no second dial while one is up
        self.contacts = ContactPointModel(self)
        self.accounts = AccountModel(self)
        self.contactsView.setModel(self.contacts)
        self.accountsView.setModel(self.accounts)
        for view in (self.contactsView, self.accountsView):
            view.verticalHeader().setVisible(False)
            view.verticalHeader().setDefaultSectionSize(26)
            view.horizontalHeader().setHighlightSections(False)
        header = self.contactsView.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.accountsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.accountsView.horizontalHeader().setStretchLastSection(True)
        self.contactsView.selectionModel().currentRowChanged.connect(self._contact_changed)
        view_paint.header_apart_from_selection(self.contactsView)  # a number selected does not redraw it
        self.contactsView.doubleClicked.connect(lambda _i: self.request_call())
        self.callButton.clicked.connect(self.request_call)
        # One tick at each new minute updates the debtor's clock and the guard's verdict
        # together, so the header never says 22:00 while the banner still allows a call.
        self._minute_timer = QTimer(self)
        self._minute_timer.setSingleShot(True)
        self._minute_timer.timeout.connect(self._minute_tick)
        self._arm_minute_timer()
        # The history is a list model drawn by a delegate (timeline_view.py): the newest
        # rows are laid out and drawn when a case opens, the older ones follow in parts.
        self.timeline = TimelineModel(self)
        self._timeline_delegate = TimelineDelegate(self.timelineView)
        self.timeline.modelReset.connect(self._timeline_delegate.forget)
        self.timelineView.setItemDelegate(self._timeline_delegate)
        self.timelineView.setModel(self.timeline)
        self._older_entries = QTimer(self)  # brings the older entries, a part per turn
        self._older_entries.setInterval(0)
        self._older_entries.timeout.connect(self._append_older_entries)
        QShortcut(QKeySequence.StandardKey.Copy, self.timelineView, self._copy_timeline_entry,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.caseStack.setCurrentWidget(self.emptyPage)
        # Selectable with the mouse, without a text document to rebuild on every case opened.
        for label in (self.debtorName, self.identityLine):
            selectable.selectable_on_hover(label)

    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    def selected_contact(self) -> str | None:
        point = self.contacts.row_at(self.contactsView.currentIndex().row())
        return point.id if point else None

    def show_case(
        self,
        detail: CaseDetail | None,
        judge: Callable[[str | None], ComplianceVerdict] | None,
        lang: str,
        contact_point_id: str | None = None,
        budget: Callable[[str | None], tuple[ContactBudget, ContactBudget]] | None = None,
    ) -> None:
        """Show `detail`; `judge(contact_point_id)` returns the guard's verdict for a dial and
        `budget(contact_point_id)` what the limits leave (calls, texts) to that number and person."""
        same_case = detail is not None and self._detail is not None and detail.case_id == self._detail.case_id
        keep = contact_point_id or (self.selected_contact() if same_case else None)
        self._detail, self._judge, self._lang = detail, judge, lang
        self._budget = budget
        if detail is None:
            self.caseStack.setCurrentWidget(self.emptyPage)
            self.contacts.set_rows([])
            self.accounts.set_rows([])
            self.timeline.set_entries([], self._clock.now())
            self._older_entries.stop()
            return
        self.caseStack.setCurrentWidget(self.casePage)
        selectable.set_text(self.debtorName, detail.debtor_name)
        born = (
            translate("CasePanel", ", born %1").replace("%1", str(detail.birth_date.year)) if detail.birth_date else ""
        )
        selectable.set_text(self.identityLine, translate("CasePanel", "ID %1%2 · %3")
                            .replace("%1", detail.national_id_masked)
                            .replace("%2", born)
                            .replace("%3", detail.lender))
        self.bucketChip.setText(max((a.bucket for a in detail.accounts), default=""))
        theme.set_tone(self.bucketChip, "accent")
        status = labels.label(labels.case_status_labels(), detail.status)
        if detail.hold_reason:
            status += f" · {detail.hold_reason.replace('_', ' ')}"
        self.statusChip.setText(status)
        theme.set_tone(self.statusChip, "ok" if detail.status == "open" else "danger")
        self.overdueAmount.setText(detail.overdue.format())
        self.outstandingAmount.setText(detail.outstanding.format())
        self.dpdValue.setText(str(detail.days_past_due))
        self.strategyLine.setText(placement_text(detail, lang))
        self.strategyLine.setToolTip(placement_text(detail, lang, full=True))
        self.strategyLine.setVisible(detail.placement is not None)
        self._refresh_time()
        self.contacts.set_rows(detail.contact_points)
        self.accounts.set_rows(detail.accounts)
        self._show_timeline(detail)
        self._select_contact(keep or first_dialable(detail))

    def _show_timeline(self, detail: CaseDetail) -> None:
        entries = timeline_entries(detail)
        self.timeline.set_entries(entries, self._clock.now(), first=rows_that_fit(self.timelineView))
        self.timelineEmpty.setText(translate("Timeline", "No contact with this debtor yet."))
        self.timelineEmpty.setVisible(not entries)
        self.timelineView.setVisible(bool(entries))
        if entries:
            # Laid out now, not on the view's delayed layout a turn later: the paint pass
            # that shows the case draws the newest entries (no second pass for them).
            self.timelineView.doItemsLayout()
        if self.timeline.complete():
            self._older_entries.stop()
        else:
            self._older_entries.start()

    def _append_older_entries(self) -> None:
        self.timeline.append_more(MORE_ROWS)
        if self.timeline.complete():
            self._older_entries.stop()

    def timeline_complete(self) -> bool:
        """Every entry of the history is in the view (bench_workstation.py waits on it)."""
        return self.timeline.complete()

    def timeline_text(self) -> list[str]:
        """The history as the agent reads it (and a screen reader says it), newest first;
        older entries count before they are rows of the view."""
        if self.timelineEmpty.isVisible() or not self.timeline.entry_count():
            return [self.timelineEmpty.text()] if self._detail is not None else []
        return [self.timeline.entry_text(row) for row in range(self.timeline.entry_count())]

    def _copy_timeline_entry(self) -> None:
        index = self.timelineView.currentIndex()
        if index.isValid():
            QGuiApplication.clipboard().setText(self.timeline.entry_text(index.row()))

    def _select_contact(self, contact_point_id: str | None) -> None:
        rows = [p.id for p in (self._detail.contact_points if self._detail else ())]
        row = rows.index(contact_point_id) if contact_point_id in rows else (0 if rows else -1)
        if row >= 0 and self.contactsView.currentIndex().row() != row:
            # Moving the selection asks the guard once (`_contact_changed`); asking again here
            # would evaluate the same dial twice per case opened.
            self.contactsView.setCurrentIndex(self.contacts.index(row, 0))
        else:
            self.refresh_verdict()

    def _arm_minute_timer(self) -> None:
        now = self._clock.now()
        into_minute_ms = now.second * 1000 + now.microsecond // 1000
        self._minute_timer.start(60_000 - into_minute_ms + 50)

    def _minute_tick(self) -> None:
        self._refresh_time()
        self.refresh_verdict()
        self._arm_minute_timer()

    def _refresh_time(self) -> None:
        if self._detail is None:
            return
        now = self._clock.now()
        place = " ".join(x for x in (self._detail.province, self._detail.city) if x)
        self.placeLine.setText(
            translate("CasePanel", "%1 · debtor's local time %2")
            .replace("%1", place)
            .replace("%2", labels.debtor_clock(self._detail.time_zone, now))
        )

    def _contact_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        point = self.contacts.row_at(current.row())
        self.refresh_verdict()
        if point is not None:
            self.contact_selected.emit(point.id)

    def refresh_verdict(self) -> None:
        """Ask the guard again (after a sync, a save, or as time passes)."""
        if self._detail is None or self._judge is None:
            return
        self._verdict = self._judge(self.selected_contact())
        tone, title, detail = verdict_text(self._verdict, self._lang, self._clock.now())
        self.complianceTitle.setText(title)
        self.complianceDetail.setText(detail)
        self.complianceDetail.setVisible(bool(detail))
        self.callButton.setEnabled(self._verdict.allowed and self.selected_contact() is not None
                                   and not self._call_active)
        theme.set_tone(self.complianceBanner, tone)
        line = labels.budget_text(*self._budget(self.selected_contact())) if self._budget is not None else ""
        self.budgetLine.setText(line)
        self.budgetLine.setVisible(bool(line))

    def set_call_active(self, active: bool) -> None:
        """A call is up (or over): the Call button follows, the guard's verdict still decides."""
        self._call_active = active
        self.refresh_verdict()

    def request_call(self) -> None:
        point = self.selected_contact()
        if point is not None and self._verdict is not None and self._verdict.allowed and not self._call_active:
            self.call_requested.emit(point)


def first_dialable(detail: CaseDetail) -> str | None:
    """The number to start on: the debtor's first callable phone, else anyone's callable
    phone; a "never dial" number only when the case has nothing else."""
    phones = [p for p in detail.contact_points if p.kind == "phone"]
    for candidates in ([p for p in phones if p.owner == "debtor"], phones):
        for point in candidates:
            if point.status not in _NEVER_DIAL:
                return point.id
    return phones[0].id if phones else (detail.contact_points[0].id if detail.contact_points else None)
