"""A case's history as one list, newest first: attempts, notes, promises, payments.

Plain functions: `timeline_entries()` merges what `CaseDetail` holds into entries that
`timeline_view.py` shows (a list model and a delegate). Entries still in the outbox say
so; a rejected one says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from PySide6.QtCore import QCoreApplication

from agentdesk.client import sms as client_sms
from agentdesk.client.views import CaseDetail
from agentdesk.desktop import labels

translate = QCoreApplication.translate


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # attempt | note | promise | payment | sms
    title: str
    detail: str
    body: str
    tone: str  # ok | warn | danger | accent | ""
    pending: bool = False
    problem: str = ""


def _day_start(value: object) -> datetime:
    return datetime.combine(value, time(0), tzinfo=UTC)  # type: ignore[arg-type]


def timeline_entries(detail: CaseDetail) -> list[TimelineEntry]:
    outcomes = labels.outcome_labels()
    reached = labels.reached_labels()
    channels = labels.channel_labels()
    promise_status = labels.promise_status_labels()
    entries: list[TimelineEntry] = []
    for a in detail.attempts:
        tone = "ok" if a.reached == "right_party" else ("accent" if a.reached == "third_party" else "")
        if a.compliance_flag or a.rejected_reason:
            tone = "danger"
        problem = a.rejected_reason or (
            translate("Timeline", "Flagged: %1").replace("%1", a.compliance_flag) if a.compliance_flag else ""
        )
        entries.append(
            TimelineEntry(
                at=a.started_at,
                kind="attempt",
                title=labels.label(outcomes, a.outcome),
                detail=" · ".join(
                    x
                    for x in (
                        labels.label(channels, a.channel),
                        a.contact_label,
                        labels.label(reached, a.reached),
                        a.agent,
                    )
                    if x
                ),
                body=a.note,
                tone=tone,
                pending=a.pending,
                problem=problem,
            )
        )
    for n in detail.notes:
        entries.append(
            TimelineEntry(n.written_at, "note", translate("Timeline", "Note"), n.author, n.text, "", n.pending)
        )
    for p in detail.promises:
        tone = {"kept": "ok", "broken": "danger"}.get(p.status, "warn")
        entries.append(
            TimelineEntry(
                p.created_at,
                "promise",
                translate("Timeline", "Promise %1 by %2")
                .replace("%1", p.amount.format())
                .replace("%2", p.due_date.isoformat()),
                labels.label(promise_status, p.status),
                "",
                tone,
                p.pending,
            )
        )
    for pay in detail.payments:
        entries.append(
            TimelineEntry(
                _day_start(pay.paid_on),
                "payment",
                translate("Timeline", "Payment received %1").replace("%1", pay.amount.format()),
                "",
                "",
                "ok",
            )
        )
    entries.extend(sms_entries(detail))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries


def sms_entries(detail: CaseDetail) -> list[TimelineEntry]:
    """Each SMS with what became of it: queued, delivered, failed, link opened."""
    states = sms_state_labels()
    # The template's own title in the UI's language ("zh" when the Chinese catalogue is in use).
    lang = "zh" if translate("Timeline", "SMS") != "SMS" else "en"
    titles = {(t.id, t.version): t.title[lang] for t in client_sms.templates()}
    out: list[TimelineEntry] = []
    for m in detail.sms:
        tone = {"delivered": "ok", "failed": "danger", "rejected": "danger", "cancelled": "warn"}.get(m.state, "")
        state = labels.label(states, "pending" if m.pending else m.state)
        facts = [state, m.contact_label]
        if m.origin.startswith("cadence:"):
            facts.append(translate("Timeline", "scheduled by the strategy"))
        if m.opened_at is not None:
            opened = labels.short_time(m.opened_at, m.opened_at)
            facts.append(translate("Timeline", "link opened %1").replace("%1", opened))
            tone = "accent"
        out.append(TimelineEntry(
            at=m.sent_at or m.created_at, kind="sms",
            title=translate("Timeline", "SMS: %1").replace("%1", titles.get((m.template_id, m.template_version),
                                                                           m.template_id)),
            detail=" · ".join(x for x in facts if x), body=m.text, tone=tone, pending=m.pending,
            problem=m.rejected_reason or "",
        ))
    return out


def sms_state_labels() -> dict[str, str]:
    return {
        "pending": translate("Timeline", "waiting to sync"),
        "queued": translate("Timeline", "queued"),
        "sending": translate("Timeline", "sending"),
        "uncertain": translate("Timeline", "sending"),
        "submitted": translate("Timeline", "sent"),
        "delivered": translate("Timeline", "delivered"),
        "failed": translate("Timeline", "not delivered"),
        "cancelled": translate("Timeline", "cancelled (not sent)"),
        "rejected": translate("Timeline", "refused by the gateway"),
    }
