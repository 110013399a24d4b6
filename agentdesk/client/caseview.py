"""From a case document to what the agent sees and may do: read models, dial checks, track inputs.

Pure functions over the document (the server's, with local writes overlaid), so the
desktop and headless tests reach the same answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, Protocol

from agentdesk.client.views import (
    AccountView,
    AttemptView,
    CallbackView,
    CaseDetail,
    ContactPointView,
    NoteView,
    PaymentView,
    PromiseView,
    RelatedContact,
    SmsView,
    StrategyPlacement,
)
from agentdesk.domain import casewrites, compliance, talktracks
from agentdesk.domain.money import Money


def _dt(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def case_detail(doc: dict[str, Any]) -> CaseDetail:
    d = doc["debtor"]
    points = {p["id"]: p for p in doc.get("contact_points", [])}

    def label(point_id: str | None) -> str:
        p = points.get(point_id or "")
        if p is None:
            return ""
        who = p.get("contact_name") or ""
        rel = f"{p['relation']} " if p.get("relation") else ""
        return f"{rel}{who} {p['value_masked']}".strip()

    accounts = tuple(
        AccountView(
            id=a["id"], account_no=a["account_no"], product=a["product"],
            principal=Money(a["principal_minor"], a["currency"]),
            outstanding=Money(a["outstanding_minor"], a["currency"]),
            overdue=Money(a["overdue_minor"], a["currency"]),
            fees=Money(a.get("fees_minor", 0), a["currency"]),
            due_date=date.fromisoformat(a["due_date"]), days_past_due=a["days_past_due"], bucket=a["bucket"],
        )
        for a in doc.get("accounts", [])
    )
    attempts = tuple(
        AttemptView(
            id=a["id"], started_at=_dt(a["started_at"]), channel=a.get("channel", "call"),
            contact_point_id=a.get("contact_point_id"), contact_label=label(a.get("contact_point_id")),
            reached=a["reached"], outcome=a["outcome"], agent=a.get("agent", ""), note=a.get("note", ""),
            compliance_flag=a.get("compliance_flag"), pending=bool(a.get("pending")),
            rejected_reason=a.get("rejected_reason"),
        )
        for a in sorted(doc.get("attempts", []), key=lambda a: a["started_at"], reverse=True)
    )
    promises = tuple(
        PromiseView(
            id=p["id"], amount=Money(p["amount_minor"], p.get("currency", "CNY")),
            due_date=date.fromisoformat(p["due_date"]), status=p["status"],
            created_at=_dt(p["created_at"]), pending=bool(p.get("pending")),
        )
        for p in sorted(doc.get("promises", []), key=lambda p: p["created_at"], reverse=True)
    )
    notes = tuple(
        NoteView(id=n["id"], text=n["text"], author=n.get("author", ""), written_at=_dt(n["written_at"]),
                 pending=bool(n.get("pending")))
        for n in sorted(doc.get("notes", []), key=lambda n: n["written_at"], reverse=True)
    )
    payments = tuple(
        PaymentView(id=p["id"], amount=Money(p["amount_minor"], p.get("currency", "CNY")),
                    paid_on=date.fromisoformat(p["paid_on"]))
        for p in doc.get("payments", [])
    )
    sms = tuple(
        SmsView(
            id=m["id"], template_id=m["template_id"], template_version=m["template_version"],
            contact_point_id=m.get("contact_point_id"), contact_label=label(m.get("contact_point_id")),
            state=m["state"], origin=m.get("origin", "agent"), text=m.get("text", ""),
            created_at=_dt(m["created_at"]), sent_at=_dt(m["sent_at"]) if m.get("sent_at") else None,
            delivered_at=_dt(m["delivered_at"]) if m.get("delivered_at") else None,
            opened_at=_dt(m["opened_at"]) if m.get("opened_at") else None,
            pending=bool(m.get("pending")), rejected_reason=m.get("rejected_reason"),
        )
        for m in sorted(doc.get("sms", []), key=lambda m: m["created_at"], reverse=True)
    )
    return CaseDetail(
        case_id=doc["id"], lender=doc.get("lender", ""), status=doc.get("status", "open"),
        hold_reason=doc.get("hold_reason"), debtor_name=d["name"],
        national_id_masked=d.get("national_id_masked", ""),
        birth_date=date.fromisoformat(d["birth_date"]) if d.get("birth_date") else None,
        province=d.get("province", ""), city=d.get("city", ""), time_zone=d.get("time_zone", "Asia/Shanghai"),
        consent_late_calls=bool(doc.get("consent_late_calls")), assigned_agent=doc.get("assigned_agent"),
        accounts=accounts,
        contact_points=tuple(
            ContactPointView(id=p["id"], kind=p["kind"], value_masked=p["value_masked"], owner=p["owner"],
                             relation=p.get("relation"), contact_name=p.get("contact_name"),
                             status=p["status"], source=p.get("source", ""), number_key=p.get("number_key"))
            for p in doc.get("contact_points", [])
        ),
        attempts=attempts, promises=promises, notes=notes, payments=payments, sms=sms,
        person_key=d.get("person_key"), related=_related(doc),
        callbacks=tuple(
            CallbackView(id=c["id"], due_at=_dt(c["due_at"]), status=c.get("status", "open"),
                         pending=bool(c.get("pending")))
            for c in sorted(doc.get("callbacks", []), key=lambda c: c["due_at"])
        ),
        placement=_placement(doc.get("strategy")),
    )


def _placement(part: dict[str, Any] | None) -> StrategyPlacement | None:
    if not part or not part.get("segment"):
        return None
    return StrategyPlacement(segment=part["segment"], reason_en=part.get("reason_en", ""),
                             reason_zh=part.get("reason_zh", ""), arm=part.get("arm"),
                             challenger=part.get("challenger"), name_en=part.get("name_en") or part["segment"],
                             name_zh=part.get("name_zh") or part["segment"])


def _related(doc: dict[str, Any]) -> tuple[RelatedContact, ...]:
    return tuple(
        RelatedContact(id=r["id"], at=_dt(r["at"]), channel=r.get("channel", "call"), number_key=r.get("number_key"),
                       reached=r["reached"], owner=r.get("owner", "debtor"), same_person=bool(r.get("same_person")))
        for r in doc.get("related_contacts", [])
    )


class ContactHistory(Protocol):
    """What the dialing rules and the queue read of a case: a `CaseDetail`, or the lighter
    `ContactFacts` read straight from a document."""

    @property
    def case_id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def hold_reason(self) -> str | None: ...
    @property
    def time_zone(self) -> str: ...
    @property
    def consent_late_calls(self) -> bool: ...
    @property
    def contact_points(self) -> Sequence[Any]: ...  # .id .kind .owner .status
    @property
    def attempts(self) -> Sequence[Any]: ...  # .contact_point_id .started_at .reached .rejected_reason, newest first
    @property
    def promises(self) -> Sequence[Any]: ...  # .status .due_date
    @property
    def person_key(self) -> str | None: ...
    @property
    def related(self) -> Sequence[RelatedContact]: ...


class _Point(NamedTuple):
    id: str
    kind: str
    owner: str
    status: str
    number_key: str | None = None


class _Attempt(NamedTuple):
    contact_point_id: str | None
    started_at: datetime
    reached: str
    rejected_reason: str | None
    id: str = ""
    channel: str = "call"  # "inbound" for a call the debtor made (the rules' view of it)


class _Promise(NamedTuple):
    status: str
    due_date: date


@dataclass(frozen=True)
class ContactFacts:
    """The part of a case the dialing rules and the queue's ranking read."""

    case_id: str
    status: str
    hold_reason: str | None
    time_zone: str
    consent_late_calls: bool
    contact_points: tuple[_Point, ...]
    attempts: tuple[_Attempt, ...]
    promises: tuple[_Promise, ...]
    person_key: str | None = None
    related: tuple[RelatedContact, ...] = ()
    engaged_at: datetime | None = None  # the latest open of a link in one of our SMS


def _last_open(doc: dict[str, Any]) -> datetime | None:
    opens = [m["opened_at"] for m in doc.get("sms", ()) if m.get("opened_at")]
    return _dt(max(opens)) if opens else None


def contact_facts(doc: dict[str, Any]) -> ContactFacts:
    """`ContactHistory` of a document without building its whole `CaseDetail`.

    The queue reads this for every case when it starts cold (an agent's 5,000 cases, a
    lead's team of 100,000); money, notes, payments and labels are not needed for that.
    """
    return ContactFacts(
        case_id=doc["id"], status=doc.get("status", "open"), hold_reason=doc.get("hold_reason"),
        time_zone=doc["debtor"].get("time_zone", "Asia/Shanghai"),
        consent_late_calls=bool(doc.get("consent_late_calls")),
        contact_points=tuple(_Point(p["id"], p["kind"], p["owner"], p["status"], p.get("number_key"))
                             for p in doc.get("contact_points", [])),
        attempts=tuple(
            _Attempt(a.get("contact_point_id"), _dt(a["started_at"]), a["reached"], a.get("rejected_reason"),
                     a.get("id", ""), "inbound" if a.get("direction") == "inbound" else a.get("channel", "call"))
            for a in sorted(doc.get("attempts", []), key=lambda a: a["started_at"], reverse=True)
        ),
        promises=tuple(_Promise(p["status"], date.fromisoformat(p["due_date"])) for p in doc.get("promises", [])),
        person_key=doc["debtor"].get("person_key"), related=_related(doc),
        engaged_at=_last_open(doc),
    )


def _own_contacts(case: ContactHistory) -> list[tuple[str, compliance.PastContact]]:
    """(attempt id, contact) for the case's own attempts, as its own numbers and owners say."""
    points = {p.id: p for p in case.contact_points}
    out = []
    for a in case.attempts:
        if a.rejected_reason is not None:
            continue
        point = points.get(a.contact_point_id or "")
        out.append((a.id, compliance.PastContact(
            contact_point_id=a.contact_point_id, at=a.started_at, reached=a.reached,
            contact_owner=point.owner if point else "debtor", channel=a.channel,
            number=getattr(point, "number_key", None) if point else None)))
    return out


def past_contacts(detail: ContactHistory, siblings: Sequence[ContactHistory] = ()) -> list[compliance.PastContact]:
    """Everything the guard counts for a contact on `detail`: its own attempts, the contacts
    the server says concern its person or numbers, and the attempts of the other cases this
    desk holds for the same person or sharing a number (some still in the outbox, so the
    server could not have sent them yet). The same attempt seen twice counts once."""
    person = getattr(detail, "person_key", None)
    numbers = {p.number_key for p in detail.contact_points if getattr(p, "number_key", None)}
    seen: set[str] = set()
    out: list[compliance.PastContact] = []
    for attempt_id, contact in _own_contacts(detail):
        if attempt_id:
            seen.add(attempt_id)
        out.append(contact)
    related: list[tuple[str, compliance.PastContact]] = [
        (r.id, compliance.PastContact(contact_point_id=None, at=r.at, reached=r.reached, contact_owner=r.owner,
                                      channel=r.channel, number=r.number_key, same_person=r.same_person))
        for r in getattr(detail, "related", ())
    ]
    for sibling in siblings:
        same_person = person is not None and getattr(sibling, "person_key", None) == person
        for attempt_id, contact in _own_contacts(sibling):
            if same_person or contact.number in numbers:
                related.append((attempt_id, compliance.PastContact(
                    contact_point_id=None, at=contact.at, reached=contact.reached,
                    contact_owner=contact.contact_owner, channel=contact.channel, number=contact.number,
                    same_person=same_person)))
    for attempt_id, contact in related:
        if attempt_id and attempt_id in seen:
            continue
        if attempt_id:
            seen.add(attempt_id)
        if contact.same_person or (contact.number is not None and contact.number in numbers):
            out.append(contact)
    return out


def _debtor_reachable(detail: ContactHistory) -> bool:
    return any(p.owner == "debtor" and p.kind == "phone" and p.status in ("valid", "unverified")
               for p in detail.contact_points)


def planned(detail: ContactHistory, contact_point_id: str | None, channel: str = "call") -> compliance.PlannedContact:
    point = next((p for p in detail.contact_points if p.id == contact_point_id), None)
    number = getattr(point, "number_key", None) if point else None
    pending = [p.due_date for p in detail.promises if p.status == "pending"]
    return compliance.PlannedContact(
        case_id=detail.case_id, contact_point_id=contact_point_id,
        contact_owner=point.owner if point else "debtor",
        contact_status=point.status if point else "valid",
        channel=channel, debtor_time_zone=detail.time_zone, case_status=detail.status,
        hold_reason=detail.hold_reason, consent_late_calls=detail.consent_late_calls,
        pending_promise_due=min(pending) if pending else None,
        debtor_reachable=_debtor_reachable(detail),
        number=number,
    )


def dial_verdict(detail: ContactHistory, contact_point_id: str | None, policy: compliance.ContactPolicy,
                 now: datetime, siblings: Sequence[ContactHistory] = (), channel: str = "call",
                 past: Sequence[compliance.PastContact] | None = None) -> compliance.ComplianceVerdict:
    """The guard's verdict on contacting `contact_point_id` now; `past` is
    `past_contacts(detail, siblings)` when the caller already has it (the desk asks for a
    verdict and two budgets per number shown: one walk of the history, not three)."""
    history = past_contacts(detail, siblings) if past is None else past
    return compliance.evaluate(planned(detail, contact_point_id, channel), history, policy, now)


def contact_budget(detail: ContactHistory, contact_point_id: str | None, policy: compliance.ContactPolicy,
                   now: datetime, siblings: Sequence[ContactHistory] = (), channel: str = "call",
                   past: Sequence[compliance.PastContact] | None = None) -> compliance.ContactBudget:
    """What is left today and this week for this channel, to the number and to the person
    (`past` as in `dial_verdict`)."""
    history = past_contacts(detail, siblings) if past is None else past
    return compliance.budget(planned(detail, contact_point_id, channel), history, policy, now)


def primary_phone(detail: ContactHistory) -> str | None:
    """The debtor's first usable phone: what "call now" would dial."""
    for p in detail.contact_points:
        if p.owner == "debtor" and p.kind == "phone" and p.status in ("valid", "unverified"):
            return p.id
    return None


def case_state(detail: CaseDetail) -> casewrites.CaseState:
    """What the write rules (agentdesk.domain.casewrites) read of a case."""
    return casewrites.CaseState(status=detail.status, hold_reason=detail.hold_reason,
                                outstanding_minor=detail.outstanding.minor, currency=detail.outstanding.currency,
                                time_zone=detail.time_zone)


def with_person_marks(doc: dict[str, Any], siblings: Sequence[dict[str, Any]],
                      policy: compliance.ContactPolicy) -> dict[str, Any]:
    """The case as the person's other cases here say it is: a hold the preset makes
    person-wide on one of them holds this one too; a number marked invalid or do-not-contact
    on any case is marked here. The server does the same when it applies the write; this
    shows it at once, offline included."""
    person = doc.get("debtor", {}).get("person_key")
    number_marks: dict[str, str] = {}
    hold: str | None = None
    for other in siblings:
        if person and other.get("debtor", {}).get("person_key") == person and other.get("status") == "on_hold" \
                and other.get("hold_reason") in policy.person_wide_holds:
            hold = hold or other.get("hold_reason")
        for point in other.get("contact_points", []):
            key = point.get("number_key")
            if key and point.get("status") in casewrites.NUMBER_WIDE_STATUSES:
                number_marks[key] = casewrites.stricter_status(number_marks.get(key, "valid"), point["status"])
    if hold is None and not number_marks:
        return doc
    doc = dict(doc)
    if hold and doc.get("status") == "open":
        doc["status"], doc["hold_reason"] = "on_hold", hold
    if number_marks:
        doc["contact_points"] = [
            dict(p, status=casewrites.stricter_status(p["status"], number_marks[p["number_key"]]))
            if p.get("number_key") in number_marks else p
            for p in doc.get("contact_points", [])]
    return doc


def track_situation(detail: CaseDetail, third_party: bool = False) -> talktracks.TrackSituation:
    last = detail.attempts[0].outcome if detail.attempts else None
    return talktracks.TrackSituation(
        bucket=max((a.bucket for a in detail.accounts), default="M1"),
        first_contact=not any(a.reached == "right_party" for a in detail.attempts),
        broken_promise=any(p.status == "broken" for p in detail.promises[:1]),
        dispute=detail.hold_reason == "dispute",
        third_party=third_party,
        last_outcome=last,
    )


def track_variables(detail: CaseDetail, agent_name: str, lang: str,
                    policy: compliance.ContactPolicy) -> dict[str, str]:
    """A track's values for this case; the company names come from the preset in force."""
    return {
        "debtor_name": detail.debtor_name,
        "amount_due": detail.overdue.format(),
        "days_past_due": str(detail.days_past_due),
        "lender": detail.lender,
        "agent_name": agent_name,
        "company": policy.company_name(lang),
        "company_neutral": policy.neutral_company_name(lang),
    }
