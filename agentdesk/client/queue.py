"""The agent's prioritized queue, built from the local store for "now".

Filtering and search happen on the store's columns; ranking and the reasons come from
`agentdesk.domain.priority`, the compliance window from `agentdesk.domain.compliance`,
the same code the server uses.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from agentdesk.client import caseview
from agentdesk.client.store import CaseRow, LocalStore, overlay
from agentdesk.client.views import PriorityReason, QueueRow
from agentdesk.domain import compliance, priority
from agentdesk.domain.money import Money

FILTERS = ("all", "callbacks", "promises", "M1", "M2", "M3", "M4+")


def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _keep(row: CaseRow, filter: str, needle: str, now: datetime) -> bool:
    if row.status == "closed":
        return False
    if needle and needle not in row.search_text:
        return False
    if filter == "callbacks":
        due = _dt(row.callback_due_at)
        return due is not None and due <= now.replace(hour=23, minute=59)
    if filter == "promises":
        return row.promise_status in ("pending", "broken")
    if filter in ("M1", "M2", "M3", "M4+"):
        return row.bucket == filter
    return True


def build_queue(store: LocalStore, policy: compliance.ContactPolicy, now: datetime, filter: str = "all",
                search: str = "", me: str = "") -> list[QueueRow]:
    if filter not in FILTERS:
        raise ValueError(f"unknown queue filter '{filter}': use one of {', '.join(FILTERS)}")
    needle = search.strip().lower()
    rows = [r for r in store.case_rows() if _keep(r, filter, needle, now)]
    with store.sessions() as s:
        local = store._local_rows(s, [r.id for r in rows]) if rows else {}
    facts: list[priority.CaseFacts] = []
    details = {}
    for row in rows:
        doc = overlay(row.doc, local[row.id], me) if row.id in local else row.doc
        detail = caseview.case_detail(doc)
        details[row.id] = (row, detail)
        facts.append(_facts(row, detail, policy, now))
    ranked = priority.rank(facts, now)
    out: list[QueueRow] = []
    for r in ranked:
        row, detail = details[r.case_id]
        out.append(QueueRow(
            case_id=row.id, debtor_name=row.debtor_name, lender=row.lender,
            overdue=Money(row.overdue_minor, row.currency), outstanding=Money(row.outstanding_minor, row.currency),
            days_past_due=row.days_past_due, bucket=row.bucket, status=row.status,
            last_outcome=row.last_outcome, last_attempt_at=_dt(row.last_attempt_at), score=r.score,
            reasons=tuple(PriorityReason(f.key, f.text_en, f.text_zh, f.points) for f in r.factors),
            callable_from=r.callable_from, assigned_agent=row.assigned_agent,
            has_pending=row.id in local,
        ))
    return out


def _facts(row: CaseRow, detail: object, policy: compliance.ContactPolicy, now: datetime) -> priority.CaseFacts:
    assert hasattr(detail, "attempts")
    zone = ZoneInfo(detail.time_zone)  # type: ignore[attr-defined]
    today_local = now.astimezone(zone).date()
    rpc = [0] * 24
    tries = [0] * 24
    attempts_today = fruitless_today = 0
    for a in detail.attempts:  # type: ignore[attr-defined]
        local = a.started_at.astimezone(zone)
        tries[local.hour] += 1
        if a.reached == "right_party":
            rpc[local.hour] += 1
        if local.date() == today_local:
            attempts_today += 1
            if a.reached == "nobody":
                fruitless_today += 1
    phone = caseview.primary_phone(detail)  # type: ignore[arg-type]
    verdict = caseview.dial_verdict(detail, phone, policy, now)  # type: ignore[arg-type]
    callable_from = None if verdict.allowed else (verdict.next_allowed_at or datetime.max.replace(tzinfo=UTC))
    promise_due = date.fromisoformat(row.promise_due) if row.promise_due else None
    broken_at = None
    if row.promise_status == "broken" and promise_due is not None:
        broken_at = datetime(promise_due.year, promise_due.month, promise_due.day, tzinfo=UTC)
    return priority.CaseFacts(
        case_id=row.id, overdue_minor=row.overdue_minor, days_past_due=row.days_past_due, status=row.status,
        debtor_time_zone=detail.time_zone,  # type: ignore[attr-defined]
        callback_due_at=_dt(row.callback_due_at), promise_due=promise_due, promise_status=row.promise_status,
        broken_promise_at=broken_at, attempts_today=attempts_today, fruitless_today=fruitless_today,
        rpc_by_hour=tuple(rpc), attempts_by_hour=tuple(tries), callable_from=callable_from,
    )
