"""The words for a refused write, in the agent's language, by the rule's code.

The client core refuses writes with typed errors (`agentdesk.domain.casewrites.CaseWriteError`,
`agentdesk.client.errors.InvalidOutcome`) that carry a stable `code` and named `params`;
this module turns each code into a sentence and says which field of the wrap-up form it is
about, so the message sits under that field. A code it does not know (a newer server's)
is shown with the error's own English sentence under the form: never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from agentdesk.domain.money import Money

translate = QCoreApplication.translate


def _money(params: Mapping[str, Any], key: str) -> str:
    return Money(int(params.get(key, 0)), str(params.get("currency", "CNY"))).format()


# code: (field of the form, wording)
_WORDS: dict[str, tuple[str, Callable[[Mapping[str, Any]], str]]] = {
    "case_on_hold": ("form", lambda p: translate("RuleText", "The case is on hold (%1): this cannot be recorded.")
                     .replace("%1", str(p.get("reason", "")))),
    "amount_not_positive": ("promise", lambda p: translate("RuleText", "The promised amount must be more than zero.")),
    "amount_over_outstanding": ("promise", lambda p: translate(
        "RuleText", "The promise exceeds the outstanding balance %1.").replace("%1", _money(p, "outstanding_minor"))),
    "wrong_currency": ("promise", lambda p: translate("RuleText", "The case is in %1; promise in that currency.")
                       .replace("%1", str(p.get("expected", "")))),
    "date_in_past": ("promise", lambda p: translate(
        "RuleText", "The promise date is before the debtor's today (%1).").replace("%1", str(p.get("today", "")))),
    "date_beyond_horizon": ("promise", lambda p: translate(
        "RuleText", "The promise date must be within %1 days (by %2).")
        .replace("%1", str(p.get("days", ""))).replace("%2", str(p.get("last", "")))),
    "callback_in_past": ("callback", lambda p: translate("RuleText", "The callback time has already passed.")),
    "time_without_zone": ("callback", lambda p: translate("RuleText", "The callback time needs a time zone.")),
    "outcome_mismatch": ("outcome", lambda p: translate("RuleText", "This outcome does not fit who was reached.")),
    "unknown_outcome": ("outcome", lambda p: translate("RuleText", "Choose who was reached and the outcome.")),
    "case_gone": ("form", lambda p: translate("RuleText", "This case is no longer in your queue.")),
    # This computer's store refused the write (client.errors.StoreWriteFailed): the wrap-up
    # stays on screen, so the agent saves again once the cause is gone.
    "store_full": ("form", lambda p: translate(
        "RuleText", "Not saved: the disk of this computer is full. Free some space, then save again.")),
    "store_read_only": ("form", lambda p: translate(
        "RuleText", "Not saved: this computer's store cannot be written (read-only). Ask IT, then save again.")),
    "store_busy": ("form", lambda p: translate(
        "RuleText", "Not saved: another program holds this computer's store. Close it, then save again.")),
    "store_failed": ("form", lambda p: translate(
        "RuleText", "Not saved: this computer's store could not be written. Save again; if it fails again, ask IT.")),
}


def describe(error: Any) -> tuple[str, str]:
    """(form field, sentence) for a refused write: field is outcome, promise, callback or form."""
    code = getattr(error, "code", "")
    found = _WORDS.get(code)
    if found is None:
        return "form", str(error)
    field, word = found
    return field, word(getattr(error, "params", {}) or {})


# The compliance rules a flagged attempt broke (agentdesk.domain.compliance.Rule), for the lead.
_RULES: dict[str, Callable[[], str]] = {
    "case_closed": lambda: translate("RuleText", "Contact with a closed case"),
    "hold": lambda: translate("RuleText", "Contact while the case is on hold"),
    "contact_point_status": lambda: translate("RuleText", "Number marked not to be contacted"),
    "third_party_not_registered": lambda: translate("RuleText", "Third party not registered on the case"),
    "third_party_debtor_reachable": lambda: translate("RuleText", "Third party called while the debtor is reachable"),
    "third_party_once": lambda: translate("RuleText", "Third party contacted more than once"),
    "third_party_channel": lambda: translate("RuleText", "Channel not allowed for a third party"),
    "quiet_hours": lambda: translate("RuleText", "Outside the debtor's contact hours"),
    "promise_pending": lambda: translate("RuleText", "Called while a promise is pending"),
    "wait_after_conversation": lambda: translate("RuleText", "Too soon after a conversation"),
    "point_daily_limit": lambda: translate("RuleText", "Daily limit for the number exceeded"),
    "debtor_daily_limit": lambda: translate("RuleText", "Daily limit for the debtor exceeded"),
    "debtor_7d_limit": lambda: translate("RuleText", "7-day limit for the debtor exceeded"),
    "third_party_daily_limit": lambda: translate("RuleText", "Daily limit for third parties exceeded"),
    "sms_point_daily_limit": lambda: translate("RuleText", "Daily SMS limit for the number exceeded"),
    "sms_debtor_daily_limit": lambda: translate("RuleText", "Daily SMS limit for the debtor exceeded"),
    "sms_debtor_7d_limit": lambda: translate("RuleText", "7-day SMS limit for the debtor exceeded"),
    "conduct_override": lambda: translate("RuleText", "Flagged wording kept by the agent"),
}
_LATE = "recorded after the case was reassigned"


def flag_text(flag: str) -> str:
    """A flagged attempt's rules in the lead's language: the server stores "rule: English reason"
    parts joined by "; " (`agentdesk.server.policy.flag_attempt`); a part this desk does not know
    keeps its own text."""
    parts = []
    for part in (p.strip() for p in flag.split("; ") if p.strip()):
        code, _sep, detail = part.partition(":")
        if part == _LATE:
            parts.append(translate("RuleText", "Recorded after the case was reassigned"))
        elif code.strip() == "conduct_override":  # the words kept and the agent's reason are the point
            parts.append(f"{_RULES['conduct_override']()}: {detail.strip()}")
        elif code.strip() in _RULES:
            parts.append(_RULES[code.strip()]())
        else:
            parts.append(part)
    return " · ".join(parts)
