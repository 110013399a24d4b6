"""Dials and the attempts they allow: no outcome without a call (issue 18).

Every way the desk dials (F5, the Call button, a double-click, the hand-off link) asks
`begin()` first: the compliance guard's verdict on the number now, read from the local
store; a number the rules block gets `CallNotAllowed` and nothing is dialled. Once the
phone has really placed the call, `placed()` notes the dial in the local store (it
survives a restart, like the draft of its wrap-up). `check()` is what recording an
outcome asks: was a call to this number placed from this desk for this case, or is it
the explicit "the debtor called in"? A forbidden call cannot be dialled, so it cannot be
recorded as made by this desk either. Recording the outcome uses the dial up.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from agentdesk.client.errors import CallNotAllowed, InvalidOutcome, NoCallPlaced
from agentdesk.domain.compliance import ComplianceVerdict

_KEY = "dial:"


@dataclass(frozen=True)
class DialTicket:
    """A dial the guard allowed: its id follows the call into the wrap-up and the attempt."""

    dial_id: str
    case_id: str
    contact_point_id: str
    at: datetime

    def to_json(self) -> str:
        return json.dumps({"dial_id": self.dial_id, "case_id": self.case_id,
                           "contact_point_id": self.contact_point_id, "at": self.at.isoformat()})

    @classmethod
    def from_json(cls, text: str) -> DialTicket | None:
        try:
            raw = json.loads(text)
            return cls(raw["dial_id"], raw["case_id"], raw["contact_point_id"], datetime.fromisoformat(raw["at"]))
        except (ValueError, KeyError, TypeError):
            return None


def begin(case_id: str, contact_point_id: str | None, verdict: ComplianceVerdict, now: datetime) -> DialTicket:
    """A ticket for the dial, or `CallNotAllowed` carrying the guard's verdict."""
    if not contact_point_id:
        raise CallNotAllowed(None, "choose the number to call")
    if not verdict.allowed:
        raise CallNotAllowed(verdict, verdict.reason_en or "the rules do not allow this call now")
    return DialTicket(str(uuid.uuid4()), case_id, contact_point_id, now)


def placed(store: Any, ticket: DialTicket) -> None:
    """The phone placed the call: it may now have an outcome (kept across a restart)."""
    store.set_meta(_KEY + ticket.case_id, ticket.to_json())


def meta_key(case_id: str) -> str:
    """Where the store keeps the case's last dial (a meta value)."""
    return _KEY + case_id


def ticket(raw: str | None) -> DialTicket | None:
    """The dial kept as `raw` (empty once an outcome used it up)."""
    return DialTicket.from_json(raw) if raw else None


def last(store: Any, case_id: str) -> DialTicket | None:
    return ticket(store.get_meta(meta_key(case_id)))


def check(store: Any, case_id: str, contact_point_id: str | None, inbound: bool,
          reached_someone: bool) -> DialTicket | None:
    """The dial an outcome stands on (None for an inbound call), or `NoCallPlaced`."""
    if inbound:
        if not reached_someone:
            raise InvalidOutcome("when the debtor called in, someone was reached: choose who", "inbound_nobody")
        return None
    ticket = last(store, case_id)
    if ticket is None:
        raise NoCallPlaced("no call was placed from this desk for this case: dial first, or choose "
                           "'the debtor called in'", "no_call")
    if contact_point_id and contact_point_id != ticket.contact_point_id:
        raise NoCallPlaced("the number in the wrap-up is not the number that was called", "not_the_number_called")
    return ticket


def use_up(store: Any, session: Any, case_id: str) -> None:
    """One dial, one attempt: recording the outcome consumes it (in the same transaction)."""
    store.set_meta(_KEY + case_id, "", session=session)
