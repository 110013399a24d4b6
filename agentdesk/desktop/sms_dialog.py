"""Send an SMS from the case (ui/smsdialog.ui): pick a template, read it filled in, send.

Opened with one key (Ctrl+M) on the open case. The list holds every template written for
the preset in force; each shows what the debtor would read with this case's values, its
length in segments, and whether the guard lets it go now (and why not). Sending writes
one `sms.send` into the outbox; the message leaves the server once, when its gateway takes
it. On a server without a gateway (the embedded demo) the dialog and its button say that
the message is recorded but not sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from agentdesk.client import sms as client_sms
from agentdesk.client.session import ClientSession
from agentdesk.client.views import CaseDetail
from agentdesk.desktop import labels, theme, uiload
from agentdesk.desktop.tasks import Tasks

translate = QCoreApplication.translate
SHORTCUT = "Ctrl+M"
_PREVIEW_ROLE = Qt.ItemDataRole.UserRole + 1


def segments_text(preview: client_sms.SmsPreview) -> str:
    count = preview.segments
    encoding = "UCS-2" if count.encoding == "ucs2" else "GSM-7"
    if count.segments == 1:
        return (translate("SmsDialog", "1 SMS · %1 of %2 characters · %3")
                .replace("%1", str(count.units)).replace("%2", str(count.per_segment)).replace("%3", encoding))
    return (translate("SmsDialog", "%1 SMS, joined on the phone · %2 characters, %3 a part · %4")
            .replace("%1", str(count.segments)).replace("%2", str(count.units))
            .replace("%3", str(count.per_segment)).replace("%4", encoding))


class SmsDialog(QDialog):
    sent = Signal(str, str)  # case id, message id

    def __init__(self, session: ClientSession, detail: CaseDetail, contact_point_id: str | None, *,
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("smsdialog", self)
        self.session = session
        self.detail = detail
        self.language = language
        self.message_id: str | None = None
        self.templates_model = QStandardItemModel(self)
        self.templateList.setModel(self.templates_model)
        self.templateList.selectionModel().currentChanged.connect(self._show)
        phones = [p for p in detail.contact_points if p.kind == "phone"]
        statuses = labels.contact_status_labels()
        for p in phones:
            text = (f"{p.value_masked} · {labels.owner_label(p.owner, p.relation, p.contact_name)} · "
                    f"{labels.label(statuses, p.status)}")
            self.numberCombo.addItem(text, p.id)
        start = next((i for i, p in enumerate(phones) if p.id == contact_point_id), None)
        if start is None:
            start = next((i for i, p in enumerate(phones) if p.owner == "debtor" and p.status == "valid"), 0)
        self.numberCombo.setCurrentIndex(start)
        self.languageCombo.addItem("中文", "zh")
        self.languageCombo.addItem("English", "en")
        # The debtor's language under the preset, whatever the agent's screen is in.
        self.languageCombo.setCurrentIndex(self.languageCombo.findData(client_sms.default_lang(session.policy)))
        self.numberCombo.currentIndexChanged.connect(lambda _i: self.reload())
        self.languageCombo.currentIndexChanged.connect(lambda _i: self.reload())
        self.sendButton.clicked.connect(self.send)
        self.cancelButton.clicked.connect(self.reject)
        self.setWindowTitle(translate("SmsDialog", "Send SMS — %1").replace("%1", detail.debtor_name))
        self._show_gateway()
        self.reload()
        self.templateList.setFocus()

    @property
    def demo(self) -> bool:
        return self.session.sms_gateway() == "none"

    def _show_gateway(self) -> None:
        if self.demo:
            self.gatewayLabel.setText(translate(
                "SmsDialog", "Demo server: no SMS gateway is connected. The message is recorded on the case "
                "and checked like a real one, but it is not sent to any phone."))
            self.sendButton.setText(translate("SmsDialog", "Record (demo: not sent)"))
        else:
            self.gatewayLabel.setText(translate(
                "SmsDialog", "Sent once through the centre's SMS gateway; delivery and link opens show in the "
                "case's timeline."))
            self.sendButton.setText(translate("SmsDialog", "Send"))

    def reload(self) -> None:
        """Fill every template for the chosen number and language; keep the selection."""
        point = self.numberCombo.currentData()
        current = self._current()
        keep = current.template.key if current else None
        self.templates_model.clear()
        if point is None:
            self._show(QModelIndex())
            return
        previews = self.session.sms_previews(self.detail.case_id, point, self.languageCombo.currentData())
        title_lang = "zh" if self.language.startswith("zh") else "en"
        today = self.session.clock.now().astimezone(ZoneInfo(self.detail.time_zone)).date()
        select = client_sms.suggested(self.detail, point, previews, today)
        for row, preview in enumerate(previews):
            mark = "" if preview.verdict.allowed else "  ⛔"
            item = QStandardItem(preview.template.title[title_lang] + mark)
            item.setEditable(False)
            item.setData(preview, _PREVIEW_ROLE)
            item.setToolTip(f"{preview.template.id} v{preview.template.version}")
            self.templates_model.appendRow(item)
            if preview.template.key == keep and preview.verdict.allowed:  # e.g. only the language changed
                select = row
        if previews:
            self.templateList.setCurrentIndex(self.templates_model.index(select, 0))
        else:
            self._show(QModelIndex())

    def _current(self) -> client_sms.SmsPreview | None:
        index = self.templateList.currentIndex()
        if not index.isValid():
            return None
        value = index.data(_PREVIEW_ROLE)
        return value if isinstance(value, client_sms.SmsPreview) else None

    def _show(self, _index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        preview = self._current()
        if preview is None:
            self.previewText.setPlainText("")
            self.segmentsLabel.setText("")
            self.verdictLabel.setText(translate("SmsDialog", "This case has no phone number."))
            self.sendButton.setEnabled(False)
            return
        self.previewText.setPlainText(preview.text)
        self.segmentsLabel.setText(segments_text(preview) if preview.text else "")
        verdict = preview.verdict
        if verdict.allowed:
            self.verdictLabel.setText(translate("SmsDialog", "Allowed now."))
            theme.set_tone(self.verdictLabel, "ok")
        else:
            reason = verdict.reason_zh if self.language.startswith("zh") else verdict.reason_en
            self.verdictLabel.setText(reason)
            theme.set_tone(self.verdictLabel, "danger")
        self.sendButton.setEnabled(verdict.allowed)

    def send(self) -> None:
        preview = self._current()
        point = self.numberCombo.currentData()
        if preview is None or point is None or not preview.verdict.allowed:
            return
        try:
            self.message_id = self.session.send_sms(self.detail.case_id, point, preview.template.id,
                                                    preview.template.version, self.languageCombo.currentData())
        except client_sms.SmsNotAllowed as exc:
            self.verdictLabel.setText(exc.reason_zh if self.language.startswith("zh") else str(exc))
            theme.set_tone(self.verdictLabel, "danger")
            self.sendButton.setEnabled(False)
            return
        self.sent.emit(self.detail.case_id, self.message_id)
        self.accept()


def sms_action(parent: QWidget) -> QAction:
    """The window's "Send SMS…" action (Ctrl+M), for its menu and shortcut list."""
    action = QAction(translate("SmsDialog", "Send &SMS…"), parent)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(translate("SmsDialog", "Send the open case an SMS from a template (%1)").replace("%1", SHORTCUT))
    return action


class SmsControl:
    """The window's SMS action and dialog, kept out of MainWindow, which makes one."""

    def __init__(self, window: QWidget, session: ClientSession, tasks: Tasks, *, language: str, menu: QMenu,
                 current_case: Callable[[], str | None], selected_contact: Callable[[], str | None],
                 after_send: Callable[[str], None], ask_gateway_on: Any = None) -> None:
        """`ask_gateway_on`: a signal after which the gateway's kind is asked (the window's
        first queue shown); None: at once."""
        self.window = window
        self.session = session
        self.language = language
        self.dialog: SmsDialog | None = None
        self._current_case = current_case
        self._selected_contact = selected_contact
        self._after_send = after_send
        self.action = sms_action(window)
        self.action.triggered.connect(self.open_dialog)
        window.addAction(self.action)
        menu.addAction(self.action)
        # Which gateway the server has decides the button's words; asked once, off the GUI
        # thread. Unknown (offline) means the words of a real gateway until it answers.
        def ask() -> None:
            tasks.run(session.fetch_sms_info, None, lambda _exc: None)

        if ask_gateway_on is None:
            ask()
        else:
            ask_gateway_on.connect(ask)

    def open_dialog(self) -> None:
        case_id = self._current_case()
        detail = self.session.case_detail(case_id) if case_id else None
        if detail is None:
            return
        dialog = SmsDialog(self.session, detail, self._selected_contact(), language=self.language,
                           parent=self.window)
        dialog.sent.connect(lambda case, _message: self._after_send(case))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
