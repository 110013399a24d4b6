"""The queue's columns of a case, derived from its document: one definition for both sides.

The desktop sorts, filters and searches its queue on these columns without reading the
documents. The server caches the history-derived part when it serializes a case's
history (agentdesk.server.documents) and sends the columns beside each document in a
bulk pull, so a first sync of 20,000 cases does not parse 20,000 documents on the
desktop; the desktop derives them itself only for a case with local writes laid over
its document. Both sides call this module, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# Columns taken from the case's own (live) fields: they change without its history
# changing (a reassignment, a status change), so the server never caches them.
LIVE_COLUMNS = ("id", "seq", "status", "lender", "assigned_agent", "segment", "arm")

# Columns derived from the history part of the document (debtor, accounts, contacts,
# attempts, promises, callbacks).
HISTORY_COLUMNS = (
    "debtor_name",
    "search_text",
    "overdue_minor",
    "outstanding_minor",
    "currency",
    "days_past_due",
    "bucket",
    "last_outcome",
    "last_attempt_at",
    "callback_due_at",
    "promise_due",
    "promise_status",
    # The person behind the case and its phone numbers, as opaque keys: the desk finds a
    # person's other cases, and the cases sharing a number, without reading documents.
    "person_key",
    "number_keys",
)

QUEUE_COLUMNS = LIVE_COLUMNS + HISTORY_COLUMNS

_LIVE_PROMISE = frozenset(("pending", "broken", "kept"))


def live_columns(doc: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": doc["id"],
        "seq": doc.get("seq", 0),
        "status": doc.get("status", "open"),
        "lender": doc.get("lender", ""),
        "assigned_agent": doc.get("assigned_agent"),
        # The strategy engine's placement: the queue orders by the segment's (and arm's) weights.
        "segment": (doc.get("strategy") or {}).get("segment"),
        "arm": (doc.get("strategy") or {}).get("arm"),
    }


def history_columns(history: Mapping[str, Any]) -> dict[str, Any]:
    """The history-derived columns of a document (or of its history part alone).

    Runs for every case of a first sync on the server's rebuild path and for locally
    amended cases on the desktop, hence single passes and no sorts.
    """
    accounts = history.get("accounts", [])
    last = _latest(history.get("attempts", ()), "started_at")
    open_callbacks = [c["due_at"] for c in history.get("callbacks", ()) if c.get("status") == "open"]
    promise = _latest((p for p in history.get("promises", ()) if p["status"] in _LIVE_PROMISE), "created_at")
    name = history.get("debtor", {}).get("name", "")
    tails = " ".join(p["value_masked"][-4:] for p in history.get("contact_points", ()) if p["kind"] == "phone")
    account_nos = " ".join(a["account_no"] for a in accounts)
    return {
        "debtor_name": name,
        "search_text": f"{name} {tails} {account_nos}".lower(),
        "overdue_minor": sum(a["overdue_minor"] for a in accounts),
        "outstanding_minor": sum(a["outstanding_minor"] for a in accounts),
        "currency": accounts[0]["currency"] if accounts else "CNY",
        "days_past_due": max((a["days_past_due"] for a in accounts), default=0),
        "bucket": max((a["bucket"] for a in accounts), default="M0"),
        "last_outcome": last["outcome"] if last else None,
        "last_attempt_at": last["started_at"] if last else None,
        "callback_due_at": min(open_callbacks) if open_callbacks else None,
        "promise_due": promise["due_date"] if promise else None,
        "promise_status": promise["status"] if promise else None,
        "person_key": history.get("debtor", {}).get("person_key"),
        "number_keys": " ".join(sorted({p["number_key"] for p in history.get("contact_points", ())
                                        if p.get("number_key")})),
    }


def queue_columns(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Every queue column of a whole case document."""
    return {**live_columns(doc), **history_columns(doc)}


def _latest(items: Iterable[dict[str, Any]], field: str) -> dict[str, Any] | None:
    """The item with the greatest `field`; among equals the later one (as a stable sort's last)."""
    best = None
    for item in items:
        if best is None or item[field] >= best[field]:
            best = item
    return best


def matched_field(search_text: str, name: str, needle: str) -> str | None:
    """Which of a case's searchable fields holds `needle` (lower case): "name", "phone" (the
    last four digits of a number) or "account"; None when none does. The desk shows it, so an
    agent who typed 4038 sees whether the phone or an account number matched.

    `search_text` is `history_columns`' column: the name, the phones' four-digit tails, then
    the account numbers, separated by spaces.
    """
    if not needle:
        return None
    lowered = name.lower()
    if needle in lowered:
        return "name"
    rest = search_text[len(lowered):] if search_text.startswith(lowered) else search_text
    for token in rest.split():
        if needle in token:
            return "phone" if len(token) == 4 and len(needle) <= 4 else "account"
    return "account" if needle in rest else None

