"""Contact cadence per segment: which channels, how many calls a day, how far apart, when
third parties may be tried. Always inside the compliance preset's limits, never beyond them.

The compliance guard (agentdesk.domain.compliance) says what the law and the preset allow;
the cadence says what the strategy *wants* for a segment, which is usually less: two calls
a day to an early-bucket debtor who answers, five to one who never does. A cadence that
asks for more than the preset allows is refused when the book is saved
(`check_against_policy`), so the queue never pushes an agent toward a call the guard
would stop. On the desk the cadence decides when a case comes back into the callable part
of the queue (`next_call_at`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta, tzinfo
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from agentdesk.domain.policy import ContactPolicy

__all__ = ["Cadence", "CadenceProblem", "check_against_policy", "next_call_at", "third_party_allowed"]


class Cadence(BaseModel):
    """What a segment's strategy wants of its contacts (the preset's limits still apply)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    channels: Annotated[list[Literal["call", "sms"]], Field(min_length=1, max_length=2)] = ["call"]
    calls_per_day: Annotated[int, Field(ge=1, le=20)] = 3
    hours_between_calls: Annotated[float, Field(ge=0, le=24)] = 2.0
    # Days of calling the debtor without reaching them before the registered emergency
    # contacts may be tried (to locate the debtor only); None: never.
    third_party_after_days: Annotated[int, Field(ge=0, le=365)] | None = 7
    sms_per_week: Annotated[int, Field(ge=0, le=21)] = 0


class CadenceProblem(ValueError):
    """A cadence that asks for more than the compliance preset allows; names the field."""

    def __init__(self, field: str, limit: int, asked: int, message: str) -> None:
        super().__init__(message)
        self.field, self.limit, self.asked = field, limit, asked


def check_against_policy(cadence: Cadence, policy: ContactPolicy) -> None:
    """Raise CadenceProblem when the cadence exceeds one of the preset's limits."""
    per_day = [v for v in (policy.max_calls_per_debtor_per_day, policy.max_dials_per_point_per_day) if v]
    if "call" in cadence.channels and per_day and cadence.calls_per_day > min(per_day):
        limit = min(per_day)
        raise CadenceProblem("calls_per_day", limit, cadence.calls_per_day,
                             f"calls_per_day is {cadence.calls_per_day}, but the '{policy.name}' preset allows at "
                             f"most {limit} a day; lower it.")
    weekly = policy.max_calls_per_debtor_7d
    if "call" in cadence.channels and weekly and cadence.calls_per_day > weekly:
        raise CadenceProblem("calls_per_day", weekly, cadence.calls_per_day,
                             f"calls_per_day is {cadence.calls_per_day}, but the '{policy.name}' preset allows at "
                             f"most {weekly} calls in 7 days; lower it.")
    sms_week = policy.max_sms_per_debtor_7d
    if "sms" in cadence.channels and sms_week is not None and cadence.sms_per_week > sms_week:
        raise CadenceProblem("sms_per_week", sms_week, cadence.sms_per_week,
                             f"sms_per_week is {cadence.sms_per_week}, but the '{policy.name}' preset allows at most "
                             f"{sms_week} texts in 7 days; lower it.")
    if "sms" not in cadence.channels and cadence.sms_per_week:
        raise CadenceProblem("sms_per_week", 0, cadence.sms_per_week,
                             "sms_per_week is set but SMS is not among the channels; add it or set 0.")


def next_call_at(cadence: Cadence, calls: Sequence[datetime], now: datetime, zone: tzinfo) -> datetime | None:
    """When the cadence lets the next call to this debtor be made, or None for "now".

    `calls` are the debtor's earlier call attempts on this case (any order). The day is the
    debtor's: the day's quota opens again at the debtor's local midnight (the guard then
    keeps the quiet hours).
    """
    if "call" not in cadence.channels:
        return _next_midnight(now, zone) + timedelta(days=3650)  # a segment worked by SMS only
    local_today = now.astimezone(zone).date()
    today = [c for c in calls if c.astimezone(zone).date() == local_today and c <= now]
    gates: list[datetime] = []
    if len(today) >= cadence.calls_per_day:
        gates.append(_next_midnight(now, zone))
    if today and cadence.hours_between_calls > 0:
        gates.append(max(today) + timedelta(hours=cadence.hours_between_calls))
    later = [g for g in gates if g > now]
    return max(later) if later else None


def third_party_allowed(cadence: Cadence, first_call: datetime | None, reached_debtor: bool, now: datetime) -> bool:
    """Whether the strategy lets the agent try an emergency contact now (the guard still decides).

    Only for a debtor never reached, and only once the debtor's own numbers have been
    tried for `third_party_after_days` days.
    """
    if cadence.third_party_after_days is None or reached_debtor or first_call is None:
        return False
    return now - first_call >= timedelta(days=cadence.third_party_after_days)


def _next_midnight(now: datetime, zone: tzinfo) -> datetime:
    local = now.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=zone)
