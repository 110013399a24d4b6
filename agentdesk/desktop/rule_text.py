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
}


def describe(error: Any) -> tuple[str, str]:
    """(form field, sentence) for a refused write: field is outcome, promise, callback or form."""
    code = getattr(error, "code", "")
    found = _WORDS.get(code)
    if found is None:
        return "form", str(error)
    field, word = found
    return field, word(getattr(error, "params", {}) or {})
