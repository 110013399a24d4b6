"""What a write does to a case: one home for the rules of every mutation's effects.

The wrap-up form (before the agent saves), the client session (before the write enters
the outbox, and when it lays pending writes over the server's document) and the server's
push (when it applies the write) all call these functions, so the three can never hold
three ideas of "today", of which outcome starts which hold, or of what a number's mark
means. Errors are `CaseWriteError`s with a stable `code` and named `params`: the desk
words them in the agent's language from the code, never by parsing the English text.

Sources and choices: docs/compliance.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentdesk.domain.outcomes import Outcome, OutcomeError, Reached, check_outcome
from agentdesk.domain.policy import ContactPolicy

__all__ = [
    "AttemptEffects",
    "CaseState",
    "CaseWriteError",
    "attempt_effects",
    "check_attempt",
    "check_callback",
    "check_promise",
    "debtor_today",
    "promise_window",
    "stricter_status",
]

# From least to most restrictive: a later mark never lifts a stricter one.
_STATUS_ORDER = ("valid", "unverified", "wrong_party", "invalid", "do_not_contact")
# Marks that belong to the number itself, wherever it appears (every case, every person).
NUMBER_WIDE_STATUSES = frozenset({"invalid", "do_not_contact"})


class CaseWriteError(ValueError):
    """A write the rules refuse. `code` is stable (the desk translates by it); `params`
    carry the values the message names; str() is the English sentence for logs and APIs."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class CaseState:
    """What the write rules read of a case."""

    status: str  # open | on_hold | closed
    hold_reason: str | None
    outstanding_minor: int
    currency: str
    time_zone: str  # the debtor's IANA zone: their calendar decides "today"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise CaseWriteError("bad_time_zone", f"unknown time zone '{name}'", zone=name) from exc


def debtor_today(time_zone: str, now: datetime) -> date:
    """The debtor's date at `now`: the only "today" a promise or a due date is judged by."""
    return now.astimezone(_zone(time_zone)).date()


def promise_window(state: CaseState, now: datetime, policy: ContactPolicy) -> tuple[date, date]:
    """The first and last date a promise may name, in the debtor's calendar."""
    today = debtor_today(state.time_zone, now)
    return today, today + timedelta(days=int(policy.promise_horizon_days))


def check_promise(state: CaseState, amount_minor: int, currency: str, due: date, now: datetime,
                  policy: ContactPolicy) -> None:
    """Refuse a promise the case cannot take: on hold, not a positive amount, more than is
    owed, another currency, a date before the debtor's today or beyond the horizon."""
    if state.status != "open":
        raise CaseWriteError("case_on_hold", f"the case is on hold ({state.hold_reason}): no promise can be taken",
                             reason=state.hold_reason or state.status)
    if amount_minor <= 0:
        raise CaseWriteError("amount_not_positive", "the promised amount must be more than zero")
    if currency.upper() != state.currency.upper():
        raise CaseWriteError("wrong_currency", f"the case is in {state.currency}, not {currency}",
                             expected=state.currency, given=currency)
    if amount_minor > state.outstanding_minor:
        raise CaseWriteError("amount_over_outstanding",
                             f"the promise exceeds the outstanding balance {state.outstanding_minor / 100:,.2f}",
                             outstanding_minor=state.outstanding_minor, currency=state.currency)
    first, last = promise_window(state, now, policy)
    if due < first:
        raise CaseWriteError("date_in_past", f"the promise date {due.isoformat()} is before the debtor's today "
                             f"({first.isoformat()})", today=first.isoformat())
    if due > last:
        raise CaseWriteError("date_beyond_horizon", f"the promise date must be within {policy.promise_horizon_days} "
                             f"days (by {last.isoformat()})", days=policy.promise_horizon_days, last=last.isoformat())


def check_callback(state: CaseState, due_at: datetime, now: datetime) -> None:
    """A callback is a commitment to call: only on an open case, and not in the past."""
    if state.status != "open":
        raise CaseWriteError("case_on_hold", f"the case is on hold ({state.hold_reason}); no callback can be booked",
                             reason=state.hold_reason or state.status)
    if due_at.tzinfo is None:
        raise CaseWriteError("time_without_zone", "the callback time needs a time zone")
    if due_at <= now - timedelta(minutes=5):
        raise CaseWriteError("callback_in_past", "the callback time has already passed")


def check_attempt(reached: Reached, outcome: Outcome, *, has_promise: bool, has_callback: bool) -> None:
    """The outcome fits who was reached and carries what it needs (domain.outcomes)."""
    try:
        check_outcome(reached, outcome, has_promise=has_promise, has_callback=has_callback)
    except OutcomeError as exc:
        raise CaseWriteError("outcome_mismatch", str(exc), reached=reached.value, outcome=outcome.value) from exc


@dataclass(frozen=True)
class AttemptEffects:
    """What recording one attempt changes beyond the attempt itself."""

    hold: str | None = None  # hold reason the case goes on
    person_wide: bool = False  # ...and every open case of the same person (the preset says which)
    point_status: str | None = None  # this person's view of the number (wrong_party)
    number_status: str | None = None  # the number's own mark, on every case (invalid, do_not_contact)
    fulfils_callbacks_before: datetime | None = None  # open callbacks due before this are done
    notes: tuple[str, ...] = field(default=())


# Outcomes that stop contact, and who must have said so for it to count.
_HOLDS: dict[tuple[Reached, Outcome], str] = {
    (Reached.RIGHT_PARTY, Outcome.DISPUTE): "dispute",
    (Reached.RIGHT_PARTY, Outcome.HARDSHIP): "hardship",
    (Reached.RIGHT_PARTY, Outcome.CEASE_CONTACT): "cease_contact",
    (Reached.RIGHT_PARTY, Outcome.BANKRUPT): "bankrupt",
    # A relative reporting a death is reason enough to stop at once, pending proof.
    (Reached.THIRD_PARTY, Outcome.DECEASED): "deceased",
}


def attempt_effects(reached: Reached, outcome: Outcome, *, started_at: datetime, time_zone: str,
                    policy: ContactPolicy | None, has_contact_point: bool) -> AttemptEffects:
    """The effects of an attempt with this outcome, under `policy` (which decides which holds
    bind the person; without one, as on a desk showing its own pending write, only the case)."""
    hold = _HOLDS.get((reached, outcome))
    point_status = number_status = None
    if has_contact_point:
        if outcome is Outcome.WRONG_NUMBER:
            point_status = "wrong_party"  # not this person's number; it may be someone else's
        elif outcome is Outcome.INVALID_NUMBER:
            number_status = "invalid"  # nobody's: no case may dial it
        elif outcome is Outcome.CEASE_CONTACT and reached is Reached.THIRD_PARTY:
            number_status = "do_not_contact"  # the third party asked not to be called again
    fulfils = None
    if reached is Reached.RIGHT_PARTY:
        # A conversation with the debtor answers the callbacks due today (their calendar):
        # "callback due" must not stay at the top of the queue after the call it asked for.
        zone = _zone(time_zone)
        day = started_at.astimezone(zone).date()
        fulfils = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return AttemptEffects(
        hold=hold,
        person_wide=hold is not None and policy is not None and hold in policy.person_wide_holds,
        point_status=point_status,
        number_status=number_status,
        fulfils_callbacks_before=fulfils,
    )


def stricter_status(current: str, new: str) -> str:
    """The status a contact point ends with: the stricter of the two (unknown ones count as valid)."""
    rank = {s: i for i, s in enumerate(_STATUS_ORDER)}
    return new if rank.get(new, 0) > rank.get(current, 0) else current
