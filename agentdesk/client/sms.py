"""SMS on the desk: what each template would say to this number, whether it may go now, and
the outbox write that sends it.

The preview fills the same templates with the same domain function as the server
(`agentdesk.domain.sms_templates.case_values`) from the local copy of the case, and asks
the same send guard (`agentdesk.domain.sms_guard`), so the send button is greyed out for
the same reason the server would give. The link in the preview is a stand-in of the real
one's length: the server makes the real link (and its token) when it takes the message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from agentdesk.client import caseview
from agentdesk.client.views import CaseDetail
from agentdesk.domain import compliance, sms_guard, sms_templates
from agentdesk.domain.money import Money
from agentdesk.domain.sms_templates import SmsRules, SmsTemplate, SmsTemplateError
from agentdesk.domain.sms_text import SegmentCount, count_segments

# States in which a message counts as sent (or about to be) for the limits.
_COUNTED = frozenset({"queued", "sending", "uncertain", "submitted", "delivered", "failed", "pending"})
LINK_STAND_IN = "/s/" + "x" * 12  # as long as the real token, so the count is the real one


class SmsNotAllowed(Exception):
    """The guard refuses this message now; the message says why, in English (`reason_zh`: Chinese)."""

    def __init__(self, reason_en: str, reason_zh: str) -> None:
        super().__init__(reason_en)
        self.reason_zh = reason_zh


@dataclass(frozen=True)
class SmsPreview:
    template: SmsTemplate
    text: str  # filled for this case; empty when it cannot be filled (then `verdict` says why)
    segments: SegmentCount
    verdict: sms_guard.SmsVerdict


@lru_cache(maxsize=1)
def rules() -> SmsRules:
    return sms_templates.load_rules()


@lru_cache(maxsize=1)
def templates() -> tuple[SmsTemplate, ...]:
    return tuple(sms_templates.load_templates(rules=rules()))


def values_for(detail: CaseDetail) -> dict[str, str]:
    live = sorted((p for p in detail.promises if p.status in ("pending", "broken")), key=lambda p: p.created_at)
    promise = (live[-1].amount, live[-1].due_date) if live else None
    currency = detail.accounts[0].overdue.currency if detail.accounts else "CNY"
    return sms_templates.case_values(detail.debtor_name, Money(detail.overdue.minor, currency), promise,
                                     min((a.due_date for a in detail.accounts), default=None))


def history_with_sms(detail: CaseDetail, siblings: Sequence[Any] = ()) -> list[compliance.PastContact]:
    """What the guard counts for an SMS on this case: the person's and the numbers' contacts
    (caseview.past_contacts) and this case's SMS, as contacts of channel "sms". The server
    counts the person's SMS on other cases as well, and has the last word."""
    numbers = {p.id: getattr(p, "number_key", None) for p in detail.contact_points}
    owners = {p.id: p.owner for p in detail.contact_points}
    history = caseview.past_contacts(detail, siblings)
    for m in detail.sms:
        if m.state in _COUNTED and not m.rejected_reason:
            point = m.contact_point_id or ""
            history.append(sms_guard.sms_contact(m.sent_at or m.created_at, m.contact_point_id, numbers.get(point),
                                                 owners.get(point, "debtor")))
    return history


def previews(detail: CaseDetail, contact_point_id: str, lang: str, policy: compliance.ContactPolicy,
             now: datetime, server_url: str, siblings: Sequence[Any] = ()) -> list[SmsPreview]:
    """Every template written for the preset in force, filled for this number, with its verdict."""
    preset = rules().for_preset(policy.name)
    planned = caseview.planned(detail, contact_point_id, channel="sms")
    history = history_with_sms(detail, siblings)
    values = values_for(detail)
    values["link"] = server_url.rstrip("/") + LINK_STAND_IN
    out: list[SmsPreview] = []
    newest: dict[str, SmsTemplate] = {}
    for template in templates():
        if policy.name in template.presets and (template.id not in newest
                                                or template.version > newest[template.id].version):
            newest[template.id] = template
    for template in sorted(newest.values(), key=lambda t: (t.audience != "debtor", t.id)):
        verdict = sms_guard.check_send(template, planned, history, policy, preset, now)
        try:
            rendered = sms_templates.render(template, lang, values, rules(), policy.name)
            text, segments = rendered.text, rendered.segments
        except SmsTemplateError as exc:
            text, segments = "", count_segments("")
            verdict = sms_guard.SmsVerdict(False, "template", str(exc), str(exc), None)
        out.append(SmsPreview(template, text, segments, verdict))
    return out


def suggested(detail: CaseDetail, contact_point_id: str, previews_: Sequence[SmsPreview], today: date) -> int:
    """Which preview to offer first: the one written for the case's situation (a broken
    promise, a promise due tomorrow, else the plain reminder; a neutral one for a number
    that is not the debtor's verified one), if the guard allows it; else the first allowed;
    else the fitting one, whose refusal is then the reason the agent reads."""
    point = next((p for p in detail.contact_points if p.id == contact_point_id), None)
    live = sorted((p for p in detail.promises if p.status in ("pending", "broken")), key=lambda p: p.created_at)
    if point is None or point.owner != "debtor" or point.status != "valid":
        purpose = "locate"
    elif live and live[-1].status == "broken":
        purpose = "broken_promise"
    elif live and (live[-1].due_date - today).days <= 1:
        purpose = "promise_reminder"
    else:
        purpose = "reminder"
    for want in (lambda p: p.template.purpose == purpose and p.verdict.allowed, lambda p: p.verdict.allowed,
                 lambda p: p.template.purpose == purpose):  # none may go: show why the fitting one may not
        for index, preview in enumerate(previews_):
            if want(preview):
                return index
    return 0


def default_lang(policy: compliance.ContactPolicy) -> str:
    """The language of the debtor's messages under the preset (not the agent's UI language)."""
    return rules().for_preset(policy.name).lang


def send_payload(message_id: str, case_id: str, contact_point_id: str, template: SmsTemplate,
                 lang: str) -> dict[str, Any]:
    return {"message_id": message_id, "case_id": case_id, "contact_point_id": contact_point_id,
            "template_id": template.id, "template_version": template.version, "lang": lang}


def overlay_sms(items: Sequence[dict[str, Any]], row: Any, flags: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's `sms` list with an outbox `sms.send` laid over it (shown at once)."""
    p = row.payload
    out = list(items)
    if any(m["id"] == p["message_id"] for m in out):
        return out
    out.append({"id": p["message_id"], "template_id": p["template_id"], "template_version": p["template_version"],
                "contact_point_id": p.get("contact_point_id"), "state": "pending", "origin": "agent", "text": "",
                "segments": 0, "created_at": row.created_at, "sent_at": None, "delivered_at": None,
                "failed_at": None, "opened_at": None, **flags})
    return out


def template_by_key(template_id: str, version: int, pool: Iterable[SmsTemplate] | None = None) -> SmsTemplate:
    return sms_templates.latest(tuple(pool) if pool is not None else templates(), template_id, version)
