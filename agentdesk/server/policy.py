"""The compliance policy in force on this server, and the server's re-check of attempts.

The client guides the agent with the same `agentdesk.domain.compliance.evaluate`; the
server evaluates every pushed attempt again against its own full history, because a
client may be offline, out of date or wrong. A violation never loses the attempt: it is
stored and flagged for the lead.
"""

from __future__ import annotations

import os
from datetime import datetime
from functools import lru_cache

from sqlalchemy.orm import Session

from agentdesk.domain import compliance
from agentdesk.server import persons
from agentdesk.server.models import Case, ContactPoint

ENV_POLICY = "AGENTDESK_POLICY"


@lru_cache(maxsize=4)
def _load(name: str) -> compliance.ContactPolicy:
    return compliance.load_policy(name)


def policy_in_force() -> compliance.ContactPolicy:
    return _load(os.environ.get(ENV_POLICY, "china"))


def promise_horizon_days() -> int:
    return int(policy_in_force().promise_horizon_days)


def planned_contact(
    case: Case, point: ContactPoint | None, channel: str, debtor_reachable: bool = True
) -> compliance.PlannedContact:
    pending = [p.due_date for p in case.promises if p.status == "pending"]
    return compliance.PlannedContact(
        case_id=case.id,
        contact_point_id=point.id if point else None,
        contact_owner=point.owner if point else "debtor",
        contact_status=point.status if point else "valid",
        channel=channel,
        debtor_time_zone=case.debtor.time_zone,
        case_status=case.status,
        hold_reason=case.hold_reason,
        consent_late_calls=case.consent_late_calls,
        pending_promise_due=min(pending) if pending else None,
        debtor_reachable=debtor_reachable,
        number=point.number if point else None,
    )


def flag_attempt(
    session: Session, case: Case, point: ContactPoint | None, at: datetime, channel: str
) -> list[str]:
    """The rules this attempt broke, as plain sentences for the lead; empty when none.

    Judged against the person's whole history (every case, every lender) and every contact
    with the number, as the desk's guard is (agentdesk.server.persons.history).
    """
    history = persons.history(session, case, at)
    # Promises made in this same call are not yet "pending before" the attempt.
    session.flush()
    debtor_points = [p for p in case.contact_points if p.owner == "debtor" and p.kind == "phone"]
    reachable = any(p.status in ("valid", "unverified") for p in debtor_points)
    verdict = compliance.evaluate(
        planned_contact(case, point, channel, debtor_reachable=reachable),
        history,
        policy_in_force(),
        at,
    )
    if verdict.allowed:
        return []
    return [f"{verdict.rule}: {verdict.reason_en}"]


__all__ = ["flag_attempt", "planned_contact", "policy_in_force", "promise_horizon_days"]
