"""The wrap-up form's logic without widgets: fields to `OutcomeDraft`, and inline checks.

The note form collects plain values (`WrapupFields`); `check_fields()` turns them into an
`OutcomeDraft` or into messages per field, in the agent's language. The rules themselves
stay in one place: outcome pairs in `agentdesk.domain.outcomes`, what a write may be in
`agentdesk.domain.casewrites` (worded by code in `rule_text`), allowed hours in the
compliance guard. This module
only asks them and words their answers, so a headless test reaches all of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from agentdesk.client.views import CaseDetail, OutcomeDraft
from agentdesk.desktop import rule_text
from agentdesk.domain.casewrites import CaseWriteError
from agentdesk.domain.compliance import ComplianceVerdict
from agentdesk.domain.disclosure import Finding, conduct_findings
from agentdesk.domain.money import Money, MoneyFormatError
from agentdesk.domain.outcomes import ALLOWED_OUTCOMES, Outcome, OutcomeError, Reached, check_outcome

translate = QCoreApplication.translate


class RuleChecks(Protocol):
    """What the form asks the client core; `SessionRules` in mainwindow answers it."""

    def promise_problem(self, detail: CaseDetail, amount: Money, due: date) -> CaseWriteError | None: ...

    def verdict_at(self, detail: CaseDetail, contact_point_id: str | None, when: datetime) -> ComplianceVerdict: ...


@dataclass
class WrapupFields:
    """What the agent entered; JSON-friendly so it doubles as the saved draft."""

    case_id: str
    reached: str = ""
    outcome: str = ""
    promise_amount: str = ""
    promise_date: str = ""  # ISO date
    callback_at: str = ""  # ISO datetime with offset
    contact_point_id: str = ""
    note: str = ""
    started_at: str = ""  # ISO datetime: when the agent opened the case or dialled
    # The call (issue 13/18): the dial placed from this desk, or the debtor's own call.
    dial_id: str = ""
    inbound: str = ""  # "1" when the debtor called in (strings: the draft is JSON of strings)
    sip_call_id: str = ""
    answered_at: str = ""  # ISO datetime
    talk_seconds: str = ""
    call_summary: str = ""  # the call's result as the form showed it, for a restored draft
    conduct_reason: str = ""  # why flagged wording must stay (reviewed by the lead)
    consent_late_calls: bool = False

    def to_draft(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_draft(cls, case_id: str, data: dict[str, Any]) -> WrapupFields:
        known: dict[str, Any] = {k: str(v) for k, v in data.items() if k in cls.__dataclass_fields__ and v is not None}
        known["case_id"] = case_id
        known["consent_late_calls"] = data.get("consent_late_calls") is True
        return cls(**known)

    def is_blank(self) -> bool:
        return not (self.reached or self.outcome or self.promise_amount or self.note.strip())

    def unsaved(self) -> bool:
        """Something an agent would lose by leaving: what they entered, or a call placed
        whose outcome is not recorded yet."""
        return not self.is_blank() or bool(self.dial_id)


@dataclass
class FormCheck:
    draft: OutcomeDraft | None
    errors: dict[str, str] = field(default_factory=dict)  # field: outcome|promise|callback|note|form
    flagged: list[Finding] = field(default_factory=list)  # phrases of the note to mark


def conduct_check(note: str, reason: str) -> tuple[list[Finding], str | None, dict[str, Any] | None]:
    """(phrases found, the message to show or None, the override to record or None).

    A note that threatens, insults, shames or deceives is stopped before it is saved, with
    the phrases marked; the agent rephrases it, or keeps it with a reason the lead reviews.
    """
    found = conduct_findings(note)
    if not found:
        return [], None, None
    phrases = sorted({f.phrase for f in found})
    kinds = "、".join(sorted({f.title_zh for f in found})) + " / " + ", ".join(sorted({f.title_en for f in found}))
    if len(reason.strip()) >= 3:
        return found, None, {"phrases": phrases[:20], "reason": reason.strip()[:500]}
    message = translate("Wrapup", "The note contains %1 (%2). Rephrase it, or say below why it must stay.") \
        .replace("%1", "、".join(f"「{p}」" for p in phrases)).replace("%2", kinds)
    return found, message, None


def outcomes_for(reached: str) -> tuple[str, ...]:
    try:
        return tuple(o.value for o in ALLOWED_OUTCOMES[Reached(reached)])
    except ValueError:
        return ()


def needs_promise(outcome: str) -> bool:
    return outcome == Outcome.PROMISE_TO_PAY.value


def needs_callback(outcome: str) -> bool:
    return outcome == Outcome.CALLBACK_REQUESTED.value


def _parse_dt(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.astimezone()


def check_fields(
    fields: WrapupFields,
    detail: CaseDetail,
    rules: RuleChecks,
    lang: str,
    now: datetime,
) -> FormCheck:
    """Validate what the agent entered; return a draft to record or messages per field."""
    errors: dict[str, str] = {}
    inbound = fields.inbound == "1"
    if not inbound and not fields.dial_id:
        errors["call"] = translate(
            "Wrapup", "No call was placed from this desk for this case: dial first (F5), or tick "
            "\u201cThe debtor called in\u201d.")
    elif inbound and fields.reached == Reached.NOBODY.value:
        errors["call"] = translate("Wrapup", "When the debtor called in, someone was reached: choose who.")
    if not fields.reached:
        errors["outcome"] = translate("Wrapup", "Choose who was reached.")
    elif not fields.outcome:
        errors["outcome"] = translate("Wrapup", "Choose the outcome of the call.")
    elif fields.outcome not in outcomes_for(fields.reached):
        errors["outcome"] = translate("Wrapup", "This outcome does not fit who was reached.")

    amount: Money | None = None
    due: date | None = None
    if needs_promise(fields.outcome):
        currency = detail.outstanding.currency
        try:
            amount = Money.parse(fields.promise_amount, currency)
        except MoneyFormatError:
            errors["promise"] = translate("Wrapup", "Write the amount like 1500 or 1,500.00.")
        try:
            due = date.fromisoformat(fields.promise_date)
        except ValueError:
            errors.setdefault("promise", translate("Wrapup", "Choose the date the debtor will pay."))
        if amount is not None and due is not None:
            problem = rules.promise_problem(detail, amount, due)
            if problem is not None:
                field_name, text = rule_text.describe(problem)
                errors[field_name] = text

    callback: datetime | None = None
    if needs_callback(fields.outcome):
        callback = _parse_dt(fields.callback_at)
        if callback is None:
            errors["callback"] = translate("Wrapup", "Choose when to call back.")
        elif callback <= now:
            errors["callback"] = translate("Wrapup", "The callback time has already passed.")
        else:
            verdict = rules.verdict_at(detail, fields.contact_point_id or None, callback)
            if not verdict.allowed and verdict.rule == "quiet_hours":
                reason = verdict.reason_zh if lang == "zh" else verdict.reason_en
                errors["callback"] = translate("Wrapup", "Not an allowed hour for a call: %1").replace("%1", reason)

    flagged, conduct_message, override = conduct_check(fields.note, fields.conduct_reason)
    if conduct_message:
        errors["note"] = conduct_message
    if errors:
        return FormCheck(None, errors, flagged)
    try:
        check_outcome(
            Reached(fields.reached),
            Outcome(fields.outcome),
            has_promise=amount is not None and due is not None,
            has_callback=callback is not None,
        )
    except (OutcomeError, ValueError):
        return FormCheck(None, {"outcome": translate("Wrapup", "This outcome does not fit who was reached.")})
    started = _parse_dt(fields.started_at) or now
    draft = OutcomeDraft(
        case_id=fields.case_id,
        reached=fields.reached,
        outcome=fields.outcome,
        started_at=started,
        ended_at=now,
        contact_point_id=fields.contact_point_id or None,
        note=fields.note.strip(),
        promise_amount=amount,
        promise_date=due,
        callback_at=callback,
        dial_id=None if inbound else fields.dial_id or None,
        inbound=inbound,
        sip_call_id=fields.sip_call_id or None,
        answered_at=_parse_dt(fields.answered_at) if fields.answered_at else None,
        talk_seconds=int(fields.talk_seconds) if fields.talk_seconds.isdigit() else None,
        consent_late_calls=fields.consent_late_calls and fields.reached == Reached.RIGHT_PARTY.value,
        conduct_override=override,
    )
    return FormCheck(draft, {}, flagged)
