"""May this SMS go to this number now? The gate every message passes, twice.

The server asks when the agent's `sms.send` arrives (a refusal goes back to the agent)
and again right before it hands the message to the gateway (a message queued at 20:59
must not leave at 21:01; a stop request that came in meanwhile cancels it). The desktop
asks too, to grey out the send button with the same reason. In order:

1. disclosure: a template that carries the debt goes only to a number that is the
   debtor's and verified as theirs; anything else may get only a neutral template;
2. the number asked to stop (a T/TD/STOP reply);
3. the compliance guard, as an SMS (`compliance.evaluate`, channel "sms": holds,
   do-not-contact, the preset's SMS hours and SMS limits per number and per person, no SMS
   to third parties where the preset says so), on a history in which the SMS already sent
   are contacts with channel "sms";
4. the SMS operator's own rules for the preset (`resources/sms/rules.yaml`): per number
   per local day, per person in 7 days, and the minimum gap between two messages. Where
   both set a limit, the stricter one holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from agentdesk.domain import compliance
from agentdesk.domain.compliance import PastContact, PlannedContact
from agentdesk.domain.policy import ContactPolicy
from agentdesk.domain.sms_templates import PresetSmsRules, SmsTemplate

__all__ = ["SmsRule", "SmsVerdict", "check_send", "sms_contact"]


class SmsRule:
    DISCLOSURE = "sms_disclosure"
    OPTED_OUT = "sms_opted_out"
    PER_NUMBER_DAY = "sms_per_number_day"
    PER_DEBTOR_7D = "sms_per_debtor_7d"
    MIN_GAP = "sms_min_gap"


def sms_contact(at: datetime, contact_point_id: str | None, number: str | None, owner: str = "debtor",
                same_person: bool = True) -> PastContact:
    """An SMS that left (or is queued to leave), as the compliance guard counts contacts."""
    return PastContact(contact_point_id=contact_point_id, at=at, reached="nobody", contact_owner=owner,
                       channel="sms", number=number, same_person=same_person)


@dataclass(frozen=True)
class SmsVerdict:
    allowed: bool
    rule: str | None
    reason_en: str
    reason_zh: str
    next_allowed_at: datetime | None  # None while waiting cannot help


def _blocked(rule: str, en: str, zh: str, lift: datetime | None) -> SmsVerdict:
    return SmsVerdict(False, rule, en, zh, lift)


def _local_midnight(day: object, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)  # type: ignore[arg-type]


def _same_number(past: PastContact, planned: PlannedContact) -> bool:
    if planned.number is not None and past.number is not None:
        return past.number == planned.number
    return past.contact_point_id is not None and past.contact_point_id == planned.contact_point_id


def _sms_limits(planned: PlannedContact, history: Sequence[PastContact], rules: PresetSmsRules,
                now: datetime) -> SmsVerdict | None:
    zone = ZoneInfo(planned.debtor_time_zone)
    today = now.astimezone(zone).date()
    day_start = _local_midnight(today, zone)
    sent = [p for p in history if p.channel == "sms" and p.at <= now]
    to_number = [p.at for p in sent if _same_number(p, planned)]
    if sum(1 for at in to_number if at >= day_start) >= rules.max_per_number_per_day:
        return _blocked(SmsRule.PER_NUMBER_DAY,
                        f"This number already got {rules.max_per_number_per_day} SMS today.",
                        f"该号码今日已发送 {rules.max_per_number_per_day} 条短信。",
                        _local_midnight(today + timedelta(days=1), zone))
    person = sorted(p.at for p in sent if p.same_person)
    week = [at for at in person if at > now - timedelta(days=7)]
    if len(week) >= rules.max_per_debtor_7d:
        lift = week[len(week) - rules.max_per_debtor_7d] + timedelta(days=7)
        return _blocked(SmsRule.PER_DEBTOR_7D,
                        f"{len(week)} SMS to this debtor in 7 days (limit {rules.max_per_debtor_7d}).",
                        f"近7天已向该债务人发送 {len(week)} 条短信（上限 {rules.max_per_debtor_7d} 条）。", lift)
    gap = timedelta(hours=rules.min_hours_between)
    last = max([*person, *to_number], default=None)
    if last is not None and now < last + gap:
        return _blocked(SmsRule.MIN_GAP,
                        f"The last SMS left less than {rules.min_hours_between:g} hours ago.",
                        f"距上一条短信不足 {rules.min_hours_between:g} 小时。", last + gap)
    return None


def check_send(
    template: SmsTemplate,
    planned: PlannedContact,
    history: Sequence[PastContact],
    policy: ContactPolicy,
    rules: PresetSmsRules,
    now: datetime,
    *,
    opted_out: bool = False,
) -> SmsVerdict:
    """Judge one SMS at `now`. `history` is what the compliance guard counts for this case
    (the person's and the numbers' contacts), with the SMS already sent among them as
    contacts of channel "sms" (`sms_contact`). A blocked verdict says when it may go
    (`next_allowed_at`), or None when only a person can change the answer (a hold, an
    unverified number, a stop request)."""
    if planned.channel != "sms":
        raise compliance.ComplianceInputError("check_send judges SMS: plan the contact with channel='sms'")
    if template.audience == "debtor" and not (planned.contact_owner == "debtor" and planned.contact_status == "valid"):
        return _blocked(
            SmsRule.DISCLOSURE,
            f"'{template.title['en']}' mentions the debt: it goes only to the debtor's verified number. "
            "Use a neutral template for this number.",
            f"「{template.title['zh']}」涉及欠款信息，只能发送到已核实的债务人本人号码；此号码请用中性模板。",
            None,
        )
    if opted_out:
        return _blocked(SmsRule.OPTED_OUT, "This number asked to stop receiving SMS.",
                        "该号码已回复退订，不再发送短信。", None)
    verdict = compliance.evaluate(planned, history, policy, now)
    if not verdict.allowed:
        return SmsVerdict(False, verdict.rule, verdict.reason_en, verdict.reason_zh, verdict.next_allowed_at)
    limit = _sms_limits(planned, history, rules, now)
    if limit is None:
        return SmsVerdict(True, None, "Allowed.", "允许发送。", now)
    # A limit lifts at some instant; the guard may still block then (the SMS hours), so the
    # earliest time is the later of the two.
    if limit.next_allowed_at is not None:
        later = compliance.next_allowed_time(planned, history, policy, limit.next_allowed_at)
        return SmsVerdict(False, limit.rule, limit.reason_en, limit.reason_zh, later)
    return limit
