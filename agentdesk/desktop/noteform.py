"""The wrap-up form (ui/noteform.ui): who was reached, outcome, promise, callback, note.

Thin by design: it shows choices the domain allows (outcomes filtered by who was
reached), collects `WrapupFields`, and lets `wrapup.check_fields` decide. Every change is
offered as a draft (debounced) so nothing typed is lost; a restored draft is announced
with a Discard button. It emits `submitted(draft, open_next)`; the window records it.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QTextEdit, QWidget

from agentdesk.client.dialing import DialTicket
from agentdesk.client.views import CaseDetail
from agentdesk.clock import PROCESS, Clock, local_today
from agentdesk.desktop import labels, theme, uiload
from agentdesk.desktop.case_panel import first_dialable
from agentdesk.desktop.phone.base import CallResult
from agentdesk.desktop.wrapup import (
    RuleChecks,
    WrapupFields,
    check_fields,
    needs_callback,
    needs_promise,
    outcomes_for,
)

DRAFT_DELAY_MS = 400


class NoteForm(QWidget):
    submitted = Signal(object, bool)  # OutcomeDraft, open the next case afterwards
    draft_changed = Signal(str, dict)  # case id, fields
    draft_discarded = Signal(str)

    def __init__(self, parent: QWidget | None = None, clock: Clock = PROCESS) -> None:
        super().__init__(parent)
        uiload.load_form("noteform", self)
        self._clock = clock
        self._detail: CaseDetail | None = None
        self._rules: RuleChecks | None = None
        self._lang = "zh"
        self._loading = False
        self._started_at = ""
        self._call: dict[str, str] = {}  # dial_id, sip_call_id, answered_at, talk_seconds, call_summary
        # Submitted and being written (the window writes off the GUI thread): what the form
        # shows is saved, so it is no draft, leaving it loses nothing and it cannot be
        # submitted twice. The next `set_case` (or `release` after a failed write) ends it.
        self._held = False
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._emit_draft)
        self.reachedCombo.setPlaceholderText(self.tr("Choose…"))
        self.outcomeCombo.setPlaceholderText(self.tr("Choose…"))
        self.reachedCombo.currentIndexChanged.connect(self._reached_changed)
        self.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        for signal in (
            self.promiseAmountEdit.textChanged,
            self.promiseDateEdit.dateChanged,
            self.callbackEdit.dateTimeChanged,
            self.contactCombo.currentIndexChanged,
            self.noteEdit.textChanged,
            self.inboundCheck.toggled,
            self.conductReasonEdit.textChanged,
            self.consentCheck.toggled,
        ):
            signal.connect(self._changed)
        self.saveButton.clicked.connect(lambda: self.submit(open_next=False))
        self.saveNextButton.clicked.connect(lambda: self.submit(open_next=True))
        self.discardDraftButton.clicked.connect(self._discard_draft)
        self.setEnabled(False)

    # --- case in ---------------------------------------------------------------------------

    def set_case(
        self,
        detail: CaseDetail | None,
        rules: RuleChecks | None,
        lang: str,
        draft: dict | None = None,
        contact_point_id: str | None = None,
        dial: DialTicket | None = None,
    ) -> None:
        """Show an empty form for `detail` (or restore `draft`); None clears the form.

        `dial` is the call this desk placed for the case whose outcome is not recorded yet
        (kept in the local store): the form stands on it even when no draft was saved."""
        self._draft_timer.stop()
        self._held = False
        self._detail, self._rules, self._lang = detail, rules, lang
        self._loading = True
        try:
            self._clear_errors()
            self.setEnabled(detail is not None and detail.status != "closed")
            self._fill_reached()
            self._fill_contacts(detail)
            self.promiseAmountEdit.clear()
            instant = self._clock.now()
            # A promise date is a day in the debtor's calendar, not the agent's.
            debtor_today = local_today(detail.time_zone, self._clock) if detail is not None else instant.date()
            today = QDate(debtor_today.year, debtor_today.month, debtor_today.day)
            # The callback editor shows the agent's wall clock, to the minute (its format).
            now = QDateTime(instant.astimezone().replace(tzinfo=None, second=0, microsecond=0))
            # Set only what differs from the last case: a date editor given a value, even
            # the same one, parses it again and measures itself, and the form lays itself
            # out again in the paint pass that shows the case (issue 20).
            if self.promiseDateEdit.minimumDate() != today:
                self.promiseDateEdit.setMinimumDate(today)
            if self.promiseDateEdit.date() != today.addDays(3):
                self.promiseDateEdit.setDate(today.addDays(3))
            if self.callbackEdit.minimumDateTime() != now:
                self.callbackEdit.setMinimumDateTime(now)
            if self.callbackEdit.dateTime() != now.addSecs(3600):
                self.callbackEdit.setDateTime(now.addSecs(3600))
            _clear_note(self.noteEdit)
            self.conductReasonEdit.clear()
            self.consentCheck.setChecked(False)
            self._started_at = instant.isoformat()
            self._call = {}
            self.inboundCheck.setChecked(False)
            if contact_point_id:
                self.select_contact(contact_point_id)
            restored = detail is not None and draft is not None
            if restored:
                self._apply(WrapupFields.from_draft(detail.case_id, draft))
            if dial is not None and detail is not None and dial.case_id == detail.case_id \
                    and not self._call.get("dial_id"):
                self._adopt_dial(dial)
            self._show_call()
            self.draftBanner.setVisible(restored)
            self.draftState.setText("")
            self._sync_enabled()
        finally:
            self._loading = False

    def mark_call_started(self) -> None:
        """The agent dialled: the attempt starts now, not when the case opened."""
        self._started_at = self._clock.now().isoformat()

    # --- the call ----------------------------------------------------------------------------

    def call_placed(self, dial: DialTicket) -> None:
        """A call went out for this case: the wrap-up stands on it and keeps its number."""
        if self._detail is None or dial.case_id != self._detail.case_id:
            return
        self._call = {}
        self._adopt_dial(dial)
        self._call["call_summary"] = self.tr("Calling…")
        self._show_call()
        self._changed()
        self.flush_draft()

    def _adopt_dial(self, dial: DialTicket) -> None:
        self._call["dial_id"] = dial.dial_id
        self._started_at = dial.at.isoformat()
        self.select_contact(dial.contact_point_id)
        self.inboundCheck.setChecked(False)

    def call_progress(self, dial_id: str, text: str) -> None:
        """Calling, ringing, connected: the wrap-up says where its call is."""
        if self._call.get("dial_id") == dial_id:
            self._call["call_summary"] = text
            self._show_call()

    def apply_call_result(self, result: CallResult, summary: str) -> None:
        """The call ended: its facts go on the attempt, and a no-contact result fills
        who was reached and the outcome by itself; after a conversation the agent says."""
        if self._detail is None or result.case_id != self._detail.case_id \
                or self._call.get("dial_id") != result.dial_id:
            return
        self._call.update(
            sip_call_id=result.sip_call_id,
            answered_at=result.answered_at.isoformat() if result.answered_at else "",
            talk_seconds=str(result.talk_seconds) if result.connected else "",
            call_summary=summary,
        )
        if result.outcome is not None and not self.reachedCombo.currentData():
            self.reachedCombo.setCurrentIndex(self.reachedCombo.findData("nobody"))
            self.outcomeCombo.setCurrentIndex(self.outcomeCombo.findData(result.outcome.value))
        self._show_call()
        self._changed()
        if result.connected and not self.reachedCombo.currentData():
            self.reachedCombo.setFocus()

    def _show_call(self) -> None:
        dialled = bool(self._call.get("dial_id"))
        inbound = self.inboundCheck.isChecked()
        if inbound:
            text = self.tr("The debtor called in: no call from this desk is needed.")
        elif dialled:
            text = self._call.get("call_summary") or self.tr("Call placed from this desk.")
        else:
            text = self.tr("No call placed yet: dial first (F5).")
        self.callResultLabel.setText(text)
        # The attempt is about the number called: it cannot be switched to another one.
        self.contactCombo.setEnabled(not dialled or inbound)
        self.inboundCheck.setVisible(not dialled)

    def has_unsaved(self) -> bool:
        """Would leaving lose something? Entered fields, or a call with no outcome yet."""
        return self._detail is not None and self.isEnabled() and not self._held and self.fields().unsaved()

    def dial_id(self) -> str:
        return self._call.get("dial_id", "")

    def select_contact(self, contact_point_id: str) -> None:
        index = self.contactCombo.findData(contact_point_id)
        if index >= 0:
            self.contactCombo.setCurrentIndex(index)

    def _fill_reached(self) -> None:
        self.reachedCombo.blockSignals(True)
        _set_items(self.reachedCombo, [(text, key) for key, text in labels.reached_labels().items()])
        self.reachedCombo.setCurrentIndex(-1)
        self.reachedCombo.blockSignals(False)
        self._fill_outcomes("")

    def _fill_outcomes(self, reached: str) -> None:
        current = self.outcomeCombo.currentData()
        names = labels.outcome_labels()
        self.outcomeCombo.blockSignals(True)
        _set_items(self.outcomeCombo, [(names.get(key, key), key) for key in outcomes_for(reached)])
        self.outcomeCombo.setCurrentIndex(self.outcomeCombo.findData(current) if current else -1)
        self.outcomeCombo.setEnabled(bool(reached))
        self.outcomeCombo.blockSignals(False)

    def _fill_contacts(self, detail: CaseDetail | None) -> None:
        self.contactCombo.clear()
        if detail is None:
            return
        statuses = labels.contact_status_labels()
        for point in detail.contact_points:
            if point.kind != "phone":
                continue
            who = labels.owner_label(point.owner, point.relation, point.contact_name)
            status = labels.label(statuses, point.status)
            self.contactCombo.addItem(f"{point.value_masked} · {who} · {status}", point.id)
        # The default is a number that may be called (the debtor's first), never a
        # "do not call" one while valid ones exist.
        default = first_dialable(detail)
        if default is not None:
            self.select_contact(default)

    # --- fields ----------------------------------------------------------------------------

    def fields(self) -> WrapupFields:
        case_id = self._detail.case_id if self._detail else ""
        outcome = self.outcomeCombo.currentData() or ""
        return WrapupFields(
            case_id=case_id,
            reached=self.reachedCombo.currentData() or "",
            outcome=outcome,
            promise_amount=self.promiseAmountEdit.text().strip() if needs_promise(outcome) else "",
            promise_date=self.promiseDateEdit.date().toString("yyyy-MM-dd") if needs_promise(outcome) else "",
            callback_at=(
                self.callbackEdit.dateTime().toPython().astimezone().isoformat() if needs_callback(outcome) else ""
            ),
            contact_point_id=self.contactCombo.currentData() or "",
            note=self.noteEdit.toPlainText(),
            started_at=self._started_at,
            inbound="1" if self.inboundCheck.isChecked() else "",
            **{k: self._call.get(k, "") for k in ("dial_id", "sip_call_id", "answered_at", "talk_seconds",
                                                  "call_summary")},
            conduct_reason=self.conductReasonEdit.text() if self.conductBox.isVisible() else "",
            consent_late_calls=self.consentCheck.isChecked() and self.consentCheck.isEnabled(),
        )

    def _apply(self, fields: WrapupFields) -> None:
        self.reachedCombo.setCurrentIndex(self.reachedCombo.findData(fields.reached))
        self._fill_outcomes(fields.reached)
        self.outcomeCombo.setCurrentIndex(self.outcomeCombo.findData(fields.outcome))
        self.promiseAmountEdit.setText(fields.promise_amount)
        if fields.promise_date:
            self.promiseDateEdit.setDate(QDate.fromString(fields.promise_date, "yyyy-MM-dd"))
        if fields.callback_at:
            try:
                when = datetime.fromisoformat(fields.callback_at)
                self.callbackEdit.setDateTime(QDateTime(when.astimezone().replace(tzinfo=None)))
            except ValueError:
                pass
        if fields.contact_point_id:
            self.select_contact(fields.contact_point_id)
        self.noteEdit.setPlainText(fields.note)
        self.conductReasonEdit.setText(fields.conduct_reason)
        self.consentCheck.setChecked(fields.consent_late_calls)
        if fields.started_at:
            self._started_at = fields.started_at
        self._call = {k: getattr(fields, k) for k in ("dial_id", "sip_call_id", "answered_at", "talk_seconds",
                                                       "call_summary") if getattr(fields, k)}
        self.inboundCheck.setChecked(fields.inbound == "1")
        if fields.contact_point_id:  # the number called, after the combo was filled
            self.select_contact(fields.contact_point_id)

    def set_promise(self, amount: str, due: date) -> None:
        """Fill the promise fields (used by the talk track's quick actions and tests)."""
        self.promiseAmountEdit.setText(amount)
        self.promiseDateEdit.setDate(QDate(due.year, due.month, due.day))

    def suggest_outcome(self, outcome: str) -> None:
        """A talk-track branch suggests an outcome: choose it (and who was reached, if needed)."""
        reached = self.reachedCombo.currentData() or ""
        if outcome not in outcomes_for(reached):
            reached = next((r for r in labels.reached_labels() if outcome in outcomes_for(r)), "")
            if not reached:
                return
            self.reachedCombo.setCurrentIndex(self.reachedCombo.findData(reached))
        self.outcomeCombo.setCurrentIndex(self.outcomeCombo.findData(outcome))

    def _reached_changed(self) -> None:
        self._fill_outcomes(self.reachedCombo.currentData() or "")
        self._changed()

    def _outcome_changed(self) -> None:
        self._changed()

    def _sync_enabled(self) -> None:
        outcome = self.outcomeCombo.currentData() or ""
        promise, callback = needs_promise(outcome), needs_callback(outcome)
        for widget in (self.promiseAmountEdit, self.promiseDateEdit, self.promiseAmountLabel, self.promiseDateLabel):
            widget.setEnabled(promise)
        for widget in (self.callbackEdit, self.callbackLabel):
            widget.setEnabled(callback)
        # Only the debtor can consent, and only on a call where they were reached.
        self.consentCheck.setEnabled((self.reachedCombo.currentData() or "") == "right_party")

    def _changed(self) -> None:
        if self._loading:
            return
        self._show_call()
        self._sync_enabled()
        self._clear_errors()
        if self._detail is not None and not self._held:
            self.draftState.setText(self.tr("Draft…"))
            self._draft_timer.start()

    def _emit_draft(self) -> None:
        if self._detail is None or self._held:
            return
        self.draft_changed.emit(self._detail.case_id, self.fields().to_draft())
        self.draftState.setText(self.tr("Draft saved"))

    def flush_draft(self) -> None:
        """Write a pending draft now (before switching case or closing)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._emit_draft()

    def _discard_draft(self) -> None:
        if self._detail is None:
            return
        case_id = self._detail.case_id
        self.draft_discarded.emit(case_id)
        self.set_case(self._detail, self._rules, self._lang)

    # --- submit ----------------------------------------------------------------------------

    def submit(self, open_next: bool) -> bool:
        """Check the fields; on success emit `submitted` and return True."""
        if self._detail is None or self._rules is None or not self.isEnabled() or self._held:
            return False
        check = check_fields(self.fields(), self._detail, self._rules, self._lang, self._clock.now())
        if check.draft is None:
            self.show_errors(check.errors)
            self._mark(check.flagged)
            return False
        self._draft_timer.stop()
        self.submitted.emit(check.draft, open_next)
        return True

    def hold(self) -> None:
        """The submitted wrap-up is being written: no draft of it, no second submit."""
        self._held = True
        self._draft_timer.stop()

    def release(self) -> None:
        """The write failed: the wrap-up is the agent's unsaved work again."""
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def show_errors(self, errors: dict[str, str]) -> None:
        self._clear_errors()
        targets = {
            "call": (self.callError, [self.inboundCheck]),
            "outcome": (self.outcomeError, [self.reachedCombo, self.outcomeCombo]),
            "promise": (self.promiseError, [self.promiseAmountEdit, self.promiseDateEdit]),
            "callback": (self.callbackError, [self.callbackEdit]),
            "note": (self.conductLabel, [self.noteEdit]),
            "form": (self.formError, []),
        }
        first = None
        shown: dict[int, str] = {}
        for key, message in errors.items():
            label, widgets = targets.get(key, targets["form"])
            if id(label) in shown:  # two messages for one label: both, one per line
                message = shown[id(label)] + "\n" + message
            shown[id(label)] = message
            label.setText(message)
            label.setVisible(True)
            if key == "note":
                self.conductBox.setVisible(True)
            for widget in widgets:
                _set_invalid(widget, True)
                first = first or widget
        if first is not None:
            first.setFocus()

    def _mark(self, findings: list) -> None:
        """Underline the flagged phrases in the note, where the agent is typing."""
        selections = []
        for finding in findings:
            selection = QTextEdit.ExtraSelection()
            cursor = self.noteEdit.textCursor()
            cursor.setPosition(finding.start)
            cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(theme.color("danger_bg"))
            selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            selection.format.setUnderlineColor(theme.color("danger"))
            selections.append(selection)
        self.noteEdit.setExtraSelections(selections)

    def marked_phrases(self) -> list[str]:
        """The note's phrases marked now (tests, accessibility)."""
        return [s.cursor.selectedText() for s in self.noteEdit.extraSelections()]

    def _clear_errors(self) -> None:
        for label in (self.formError, self.callError, self.outcomeError, self.promiseError, self.callbackError,
                      self.conductLabel):
            label.setVisible(False)
            label.clear()
        if not self.conductReasonEdit.text():
            self.conductBox.setVisible(False)
        self.noteEdit.setExtraSelections([])
        for widget in (
            self.reachedCombo,
            self.outcomeCombo,
            self.promiseAmountEdit,
            self.promiseDateEdit,
            self.callbackEdit,
        ):
            _set_invalid(widget, False)


def _set_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _clear_note(edit: QPlainTextEdit) -> None:
    """Empty the note for the next case. An already empty note with no undo history (the
    usual case) is left alone: clearing it rebuilds its document and repaints it in the
    paint pass that shows the case (issue 20)."""
    document = edit.document()
    if document.isEmpty() and not document.isUndoAvailable() and not document.isRedoAvailable():
        return
    edit.clear()


def _set_items(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Make `combo` hold `items` ((text, data) pairs, in order). Every case opened asks for
    the same choices again: a combo that already holds them is left as it is, since
    refilling it makes it measure its items again and the form lay itself out again
    (inside the block that shows the next case, issue 20)."""
    if combo.count() == len(items) and all(
            combo.itemText(i) == text and combo.itemData(i) == data for i, (text, data) in enumerate(items)):
        return
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
