"""The compliance guard: may this contact happen now, and if not, when?

The same function guides the agent on the desktop (the dial action is greyed out with the
reason) and enforces on the server (every pushed attempt is re-evaluated against the
server's full history and flagged for the lead when it breaks a rule). Keeping one copy of
the rules is the point: a second, slightly different copy would let the two disagree.

The units of compliance are the **person** and the **number** (DOMAIN.md), not the case:
the history handed in is the person's, across all their cases and lenders, plus every
contact with the numbers involved, whoever they were made for. Each `PastContact` says
whether it concerned this person and which number it used; the counts here are per
number (any person) and per person (any number), each channel against its own limits.
`docs/compliance.md` lists every rule with its source and the choices made where a source
gives no number.

Rules are data (`resources/policies/*.yaml`, see `agentdesk.domain.policy`); this module
only knows how to apply them. Days are the debtor's calendar days (midnight to midnight in
their zone), which is how both the Chinese guidelines ("6 dial attempts a day") and the
CFPB's commentary on Regulation F's 7-in-7 count them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentdesk.domain.policy import ContactPolicy, PolicyError, load_policy

__all__ = [
    "ComplianceInputError",
    "ComplianceVerdict",
    "ContactBudget",
    "COUNT_HORIZON",
    "ContactPolicy",
    "HourOnlyVerdicts",
    "PastContact",
    "PlannedContact",
    "PolicyError",
    "Rule",
    "budget",
    "check_promise_date",
    "evaluate",
    "hour_only",
    "lasting_contacts",
    "load_policy",
    "next_allowed_time",
    "when_allowed",
]

_UTC = UTC
_J = TypeVar("_J")  # what `HourOnlyVerdicts` shares: a verdict, or its allowed and time
_ONE_DAY = timedelta(days=1)
_WEEK_DAYS = 7
_WEEK_BACK = timedelta(days=_WEEK_DAYS - 1)  # today and the days before it in a week
# next_allowed_time walks from one blocking rule's end to the next; real data needs a
# handful of steps, so hitting this bound means inconsistent input, not a long wait.
_MAX_STEPS = 64

DEBTOR = "debtor"
EMERGENCY = "emergency"
_NEVER_DIAL_STATUSES = {"invalid", "wrong_party", "do_not_contact"}
_KNOWN_STATUSES = {"unverified", "valid", *_NEVER_DIAL_STATUSES}
_CHANNELS = {"call", "sms", "visit"}


class Rule(StrEnum):
    """Stable identifiers of the rules; stored on flagged attempts and shown to leads."""

    CASE_CLOSED = "case_closed"
    HOLD = "hold"
    CONTACT_POINT_STATUS = "contact_point_status"
    THIRD_PARTY_NOT_REGISTERED = "third_party_not_registered"
    THIRD_PARTY_DEBTOR_REACHABLE = "third_party_debtor_reachable"
    THIRD_PARTY_ONCE = "third_party_once"
    THIRD_PARTY_CHANNEL = "third_party_channel"
    QUIET_HOURS = "quiet_hours"
    PROMISE_PENDING = "promise_pending"
    WAIT_AFTER_CONVERSATION = "wait_after_conversation"
    POINT_DAILY_LIMIT = "point_daily_limit"
    DEBTOR_DAILY_LIMIT = "debtor_daily_limit"
    DEBTOR_7D_LIMIT = "debtor_7d_limit"
    THIRD_PARTY_DAILY_LIMIT = "third_party_daily_limit"
    SMS_POINT_DAILY_LIMIT = "sms_point_daily_limit"
    SMS_DEBTOR_DAILY_LIMIT = "sms_debtor_daily_limit"
    SMS_DEBTOR_7D_LIMIT = "sms_debtor_7d_limit"


class ComplianceInputError(ValueError):
    """Input the guard cannot judge (naive datetime, unknown zone or status): a caller bug."""


@dataclass(frozen=True)
class PlannedContact:
    """A contact the agent is about to make (or, on the server, one that was made).

    `number` identifies the number across cases and persons (its normal form, or the
    opaque key a desk gets); None when the contact names no number, which is then counted
    against every number of the person, the cautious reading.
    """

    case_id: str
    contact_point_id: str | None
    contact_owner: str  # "debtor" | "emergency"; anything else is never contacted
    contact_status: str  # "unverified" | "valid" | "invalid" | "wrong_party" | "do_not_contact"
    channel: str  # "call" | "sms" | "visit"
    debtor_time_zone: str  # IANA name, e.g. "Asia/Shanghai"
    case_status: str  # "open" | "on_hold" | "closed"
    hold_reason: str | None
    consent_late_calls: bool = False  # the debtor's own recorded consent; never covers a third party
    pending_promise_due: date | None = None
    debtor_reachable: bool = True
    number: str | None = None


@dataclass(frozen=True)
class PastContact:
    """One earlier attempt that concerns this person or one of the numbers; `at` is aware.

    `same_person` is False for a contact with another person who shares a number with this
    one (it counts for the number, not for the person); `contact_owner` is who the number
    belonged to on the case the contact was made on.
    """

    contact_point_id: str | None
    at: datetime
    reached: str  # "right_party" | "third_party" | "nobody"
    contact_owner: str = DEBTOR
    # "call" | "sms" | "visit", or "inbound" for a call the debtor made: it is no contact we
    # placed (no limit counts it), but a conversation on it starts the wait after one.
    channel: str = "call"
    number: str | None = None
    same_person: bool = True


@dataclass(frozen=True)
class ComplianceVerdict:
    """Allowed, or blocked by `rule` with a reason in both UI languages.

    `next_allowed_at` is `now` when allowed, the earliest later instant when blocked by
    time, and None when no amount of waiting helps (hold, do-not-contact, closed case).
    """

    allowed: bool
    rule: str | None
    reason_en: str
    reason_zh: str
    next_allowed_at: datetime | None
    warnings: tuple[str, ...] = ()
    warnings_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContactBudget:
    """What is left today and this week for one channel (None: the preset sets no limit)."""

    channel: str
    number_today: int | None
    person_today: int | None
    person_week: int | None


# A reason or warning in both UI languages (en, zh), made only when it is read: the desk's
# ranking judges thousands of cases at each start and reads no text (`when_allowed`).
_Texts = Callable[[], tuple[str, str]]


class _Block(NamedTuple):
    rule: Rule
    lift_at: datetime | None  # None: waiting does not help
    texts: _Texts


@lru_cache(maxsize=512)
def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ComplianceInputError(
            f"unknown time zone '{name}': use an IANA name such as 'Asia/Shanghai' "
            "(on Windows the 'tzdata' package supplies the zone database)"
        ) from exc


def _require_aware(value: datetime, what: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ComplianceInputError(f"{what} must be timezone-aware (UTC), got naive {value.isoformat()}")


@lru_cache(maxsize=4096)
def _local_midnight(day: date, zone: tzinfo) -> datetime:
    """Start of a local day as a UTC instant (DST-gaps resolve to the first real instant).

    Kept per day and zone: the desk's ranking asks for the same few days' midnights for
    each of thousands of cases (the next day, the week's end)."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(_UTC)


@lru_cache(maxsize=256)
def _local_time(now: datetime, zone: tzinfo) -> datetime:
    """`now` on the debtor's clock; kept per instant and zone, which a ranking shares."""
    return now.astimezone(zone)


def _quiet_window(channel: str, policy: ContactPolicy) -> tuple[time, time]:
    return policy.sms_quiet() if channel == "sms" else (policy.quiet_start, policy.quiet_end)


def _in_quiet_hours(local_time: time, start: time, end: time) -> bool:
    if start == end:
        return False
    if start > end:  # the usual case: the window spans midnight (22:00-08:00)
        return local_time >= start or local_time < end
    return start <= local_time < end


def _quiet_end_after(local_now: datetime, end: time, zone: tzinfo) -> datetime:
    end_today = datetime.combine(local_now.date(), end, tzinfo=zone)
    if local_now.time() >= end:
        end_today = datetime.combine(local_now.date() + _ONE_DAY, end, tzinfo=zone)
    return end_today.astimezone(_UTC)


def _fmt_local(instant: datetime, zone: tzinfo, now: datetime) -> str:
    local = instant.astimezone(zone)
    if local.date() == now.astimezone(zone).date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def _permanent_blocks(attempt: PlannedContact, policy: ContactPolicy) -> list[_Block]:
    """Rules no amount of waiting lifts: they hold until a person changes the case."""
    blocks: list[_Block] = []
    if attempt.case_status == "closed":
        blocks.append(_Block(Rule.CASE_CLOSED, None, lambda: ("The case is closed.", "案件已结案，不得联系。")))
    elif attempt.case_status != "open":
        reason = attempt.hold_reason or "hold"
        blocks.append(
            _Block(
                Rule.HOLD,
                None,
                lambda: (f"The case is on hold ({reason}): no outbound contact until the hold ends.",
                         f"案件暂停催收（{reason}），暂停期间不得外呼或联系。"),
            )
        )
    if attempt.contact_status in _NEVER_DIAL_STATUSES:
        blocks.append(
            _Block(
                Rule.CONTACT_POINT_STATUS,
                None,
                lambda: (f"This contact point is marked '{attempt.contact_status}' and is never contacted.",
                         f"该联系方式已标记为「{attempt.contact_status}」，不得联系。"),
            )
        )
    if attempt.contact_owner not in (DEBTOR, EMERGENCY):
        blocks.append(
            _Block(
                Rule.THIRD_PARTY_NOT_REGISTERED,
                None,
                lambda: ("Only the debtor and registered emergency contacts may be contacted.",
                         "只可联系债务人本人及登记的紧急联系人，不得联系其他第三方。"),
            )
        )
    elif attempt.contact_owner == EMERGENCY:
        if attempt.channel == "sms" and not policy.sms_to_third_parties:
            blocks.append(
                _Block(
                    Rule.THIRD_PARTY_CHANNEL,
                    None,
                    lambda: ("No text messages to emergency contacts: they are only called, to locate the debtor.",
                             "不得向紧急联系人发送短信，仅可致电以联系债务人本人。"),
                )
            )
        if attempt.debtor_reachable:
            blocks.append(
                _Block(
                    Rule.THIRD_PARTY_DEBTOR_REACHABLE,
                    None,
                    lambda: ("Emergency contacts are called only when the debtor cannot be reached.",
                             "仅在无法联系到债务人本人时，才可联系紧急联系人。"),
                )
            )
    return blocks


@dataclass
class _Counts:
    """The person's and the number's contacts before `now`, in the debtor's days."""

    number_today: int = 0
    person_today: int = 0
    third_today: int = 0
    person_week_days: list[date] | None = None
    last_conversation_day: date | None = None
    third_party_conversations: int = 0


def _same_number(past: PastContact, attempt: PlannedContact) -> bool:
    if attempt.number is not None and past.number is not None:
        return past.number == attempt.number
    if attempt.contact_point_id is not None and past.contact_point_id is not None and past.number is None \
            and attempt.number is None:
        return past.contact_point_id == attempt.contact_point_id
    # A contact that names no number could have been to any of the person's numbers: it
    # counts against each of them (never as a fresh number that escapes the daily limit).
    return past.same_person


def _count(attempt: PlannedContact, history: Sequence[PastContact], channel: str, now: datetime,
           zone: tzinfo, today: date) -> _Counts:
    counts = _Counts(person_week_days=[])
    week_start = today - _WEEK_BACK
    is_debtor = attempt.contact_owner == DEBTOR
    for past in history:
        # Only contacts before `now` count: the server re-evaluates an attempt made offline
        # against a history that may already hold later attempts.
        if past.at > now:
            continue
        day = past.at.astimezone(zone).date()
        same_number = _same_number(past, attempt)
        if past.channel == channel:
            if day == today:
                if same_number:
                    counts.number_today += 1
                if past.same_person and past.contact_owner == DEBTOR:
                    counts.person_today += 1
                if past.same_person and past.contact_owner == EMERGENCY:
                    counts.third_today += 1
            if past.same_person and past.contact_owner == DEBTOR and week_start <= day <= today:
                assert counts.person_week_days is not None
                counts.person_week_days.append(day)
        # Conversations are spoken: only calls (and visits) start the wait after one.
        if past.channel == "sms":
            continue
        if _talked(past, is_debtor, same_number) and (
                counts.last_conversation_day is None or day > counts.last_conversation_day):
            counts.last_conversation_day = day
        if _third_party_talk(past, same_number):
            counts.third_party_conversations += 1
    return counts


def _talked(past: PastContact, is_debtor: bool, same_number: bool) -> bool:
    """A conversation (not an SMS) that starts the wait after one, for a debtor or an emergency contact."""
    return (is_debtor and past.same_person and past.reached == "right_party") or (
        not is_debtor and same_number and past.same_person and past.reached == "third_party")


def _third_party_talk(past: PastContact, same_number: bool) -> bool:
    """A conversation (not an SMS) with an emergency contact on the planned number."""
    return same_number and past.same_person and past.reached == "third_party"


# The day a contact is counted in is the debtor's; every count (the day, the seven days) looks
# back less than this from the moment judged, whatever the zone's offset or clock change.
COUNT_HORIZON = timedelta(days=_WEEK_DAYS + 2)


def lasting_contacts(attempt: PlannedContact, history: Sequence[PastContact]) -> list[int]:
    """Positions in `history` of the contacts that count for `attempt` however old they are:
    the conversation on the latest day (it starts the wait after one) and, when the attempt
    is to an emergency contact, every conversation with one on the number (the once-only
    rule; it does not limit calls to the debtor, so a debtor's case keeps one contact at most).

    Why: the desk ranks thousands of cases at each start and minute; a case's history of
    hundreds of attempts is mostly older than any count looks. `evaluate` (and `budget`) at
    `now` or later give the same verdict on these contacts plus those made within
    `COUNT_HORIZON` before `now` as on the whole history, as long as no contact is later than
    `now` (`tests/domain/test_compliance_properties.py`). Depends on the attempt, not on the
    clock, so it can be kept with the case.
    """
    zone = _zone(attempt.debtor_time_zone)
    is_debtor = attempt.contact_owner == DEBTOR
    keep: list[int] = []
    latest: tuple[date, int] | None = None
    for i, past in enumerate(history):
        if past.channel == "sms":
            continue
        same_number = _same_number(past, attempt)
        if _talked(past, is_debtor, same_number):
            day = past.at.astimezone(zone).date()
            if latest is None or day > latest[0]:
                latest = (day, i)
        if not is_debtor and _third_party_talk(past, same_number):  # the once-only rule is the emergency contact's
            keep.append(i)
    if latest is not None and latest[1] not in keep:
        keep.append(latest[1])
    return sorted(keep)


def _timed_blocks(
    attempt: PlannedContact,
    history: Sequence[PastContact],
    policy: ContactPolicy,
    now: datetime,
    zone: tzinfo,
) -> tuple[list[_Block], list[_Texts]]:
    """Rules that lift with time, with the instant each one lifts; plus near-limit warnings."""
    blocks: list[_Block] = []
    warnings: list[_Texts] = []
    local_now = _local_time(now, zone)
    today = local_now.date()
    is_debtor = attempt.contact_owner == DEBTOR
    sms = attempt.channel == "sms"
    if attempt.contact_status == "unverified":
        # New numbers from data repair may belong to someone else (DOMAIN.md).
        warnings.append(
            lambda: (
                "Unverified number: confirm identity before discussing the debt.",
                "号码未核实：确认对方身份后再谈及欠款。",
            )
        )

    quiet_start, quiet_end = _quiet_window(attempt.channel, policy)
    # A recorded consent covers only the person who gave it, never a third party.
    consented = attempt.consent_late_calls and is_debtor
    if not consented and _in_quiet_hours(local_now.time(), quiet_start, quiet_end):

        def quiet_texts() -> tuple[str, str]:
            start, end = quiet_start.strftime("%H:%M"), quiet_end.strftime("%H:%M")
            what_en, what_zh = ("text messages", "发送短信") if sms else ("contact", "联系")
            return (f"Debtor's local time is {local_now:%H:%M}: no {what_en} {start}-{end}.",
                    f"债务人当地时间 {local_now:%H:%M}，{start}至{end}不得{what_zh}。")

        blocks.append(_Block(Rule.QUIET_HOURS, _quiet_end_after(local_now, quiet_end, zone), quiet_texts))

    due = attempt.pending_promise_due
    if due is not None and is_debtor and not sms:
        first_day = due - timedelta(days=policy.promise_reminder_days)
        if today < first_day:
            blocks.append(
                _Block(
                    Rule.PROMISE_PENDING,
                    _local_midnight(first_day, zone),
                    lambda: (f"A promise to pay is pending until {due.isoformat()}: no collection contact before "
                             "it is due.", f"债务人已承诺于 {due.isoformat()} 还款，到期前不进行催收联系。"),
                )
            )
        elif today < due:
            warnings.append(
                lambda: (
                    f"Promise due {due.isoformat()}: a reminder only, no collection pressure.",
                    f"承诺还款日为 {due.isoformat()}：仅作提醒，不施加催收压力。",
                )
            )

    if attempt.channel == "visit":
        # The numeric limits in the sources are about calls and messages; visits are still
        # bound by hours, holds and contact-point status above.
        return blocks, warnings

    counts = _count(attempt, history, attempt.channel, now, zone, today)
    next_day = _local_midnight(today + _ONE_DAY, zone)

    def daily(count: int, limit: int | None, rule: Rule, en: str, zh: str) -> None:
        if limit is None:
            return
        if count >= limit:
            blocks.append(_Block(rule, next_day, lambda: (f"{en} limit reached today ({count}/{limit}).",
                                                          f"{zh}今日已达上限（{count}/{limit}）。")))
        elif count == limit - 1:
            warnings.append(lambda: (f"Last allowed today: {en.lower()} {count + 1}/{limit}.",
                                     f"今日最后一次：{zh} {count + 1}/{limit}。"))

    def weekly(days: list[date], limit: int | None, rule: Rule, en: str, zh: str) -> None:
        if limit is None:
            return
        if len(days) >= limit:
            days.sort()
            # Calendar days in the debtor's zone: the window is today and the 6 days before.
            # A slot frees at the local midnight after enough of the oldest days age out.
            oldest_to_go = days[len(days) - limit]
            lift = _local_midnight(oldest_to_go + timedelta(days=_WEEK_DAYS), zone)
            blocks.append(_Block(rule, lift, lambda: (f"{len(days)} {en} in the last 7 days (limit {limit}).",
                                                      f"近7天已{zh} {len(days)} 次（上限 {limit} 次）。")))
        elif len(days) == limit - 1:
            warnings.append(lambda: (f"Last allowed in 7 days: {en} {limit}/{limit}.",
                                     f"7天内最后一次：{limit}/{limit}。"))

    week_days = counts.person_week_days or []
    if sms:
        daily(counts.number_today, policy.max_sms_per_point_per_day, Rule.SMS_POINT_DAILY_LIMIT,
              "Text messages to this number", "该号码短信条数")
        if is_debtor:
            daily(counts.person_today, policy.max_sms_per_debtor_per_day, Rule.SMS_DEBTOR_DAILY_LIMIT,
                  "Text messages to the debtor", "对债务人的短信条数")
            weekly(week_days, policy.max_sms_per_debtor_7d, Rule.SMS_DEBTOR_7D_LIMIT, "messages", "发送短信")
        return blocks, warnings

    daily(counts.number_today, policy.max_dials_per_point_per_day, Rule.POINT_DAILY_LIMIT,
          "Dial attempts to this number", "该号码拨打次数")
    if is_debtor:
        daily(counts.person_today, policy.max_calls_per_debtor_per_day, Rule.DEBTOR_DAILY_LIMIT,
              "Calls to the debtor", "对债务人的拨打次数")
        weekly(week_days, policy.max_calls_per_debtor_7d, Rule.DEBTOR_7D_LIMIT, "calls", "拨打")
    else:
        daily(counts.third_today, policy.third_party_max_per_day, Rule.THIRD_PARTY_DAILY_LIMIT,
              "Calls to emergency contacts", "紧急联系人拨打次数")
        once = policy.third_party_max_conversations_per_point
        if once is not None and counts.third_party_conversations >= once:
            blocks.append(
                _Block(
                    Rule.THIRD_PARTY_ONCE,
                    None,
                    lambda: ("This emergency contact has already been spoken to; call again only if they asked "
                             "for it.", "已与该紧急联系人通过话，除非对方要求，不再联系。"),
                )
            )

    wait = policy.wait_after_conversation
    if wait is not None and counts.last_conversation_day is not None:
        # The conversation's date counts as day 1: calls resume on day (wait + 1), at its
        # local midnight, whatever clock change lies between.
        lift = _local_midnight(counts.last_conversation_day + timedelta(days=wait.days), zone)
        if now < lift:
            talked_on, waited = counts.last_conversation_day, wait.days
            blocks.append(
                _Block(
                    Rule.WAIT_AFTER_CONVERSATION,
                    lift,
                    lambda: (f"A conversation took place on {talked_on.isoformat()}: "
                             f"wait {waited} days before calling again.",
                             f"已于 {talked_on.isoformat()} 通话，需间隔 {waited} 天后再拨打。"),
                )
            )
    return blocks, warnings


def budget(attempt: PlannedContact, history: Sequence[PastContact], policy: ContactPolicy,
           now: datetime) -> ContactBudget:
    """How many more contacts of the attempt's channel the limits leave today and this week,
    to the number and to the person: what the desk shows while the agent works."""
    zone = _validate(attempt, history, now)
    now = now.astimezone(_UTC)
    today = now.astimezone(zone).date()
    counts = _count(attempt, history, attempt.channel, now, zone, today)
    if attempt.channel == "sms":
        limits = (policy.max_sms_per_point_per_day, policy.max_sms_per_debtor_per_day, policy.max_sms_per_debtor_7d)
    else:
        limits = (policy.max_dials_per_point_per_day, policy.max_calls_per_debtor_per_day,
                  policy.max_calls_per_debtor_7d)

    def left(limit: int | None, used: int) -> int | None:
        return None if limit is None else max(0, limit - used)

    return ContactBudget(
        channel=attempt.channel,
        number_today=left(limits[0], counts.number_today),
        person_today=left(limits[1], counts.person_today),
        person_week=left(limits[2], len(counts.person_week_days or [])),
    )


def _validate(attempt: PlannedContact, history: Sequence[PastContact], now: datetime) -> tzinfo:
    _require_aware(now, "now")
    for past in history:
        at = past.at
        if at.tzinfo is None or at.utcoffset() is None:  # `_require_aware`, inline: once per contact
            _require_aware(at, "PastContact.at")
    if attempt.contact_status not in _KNOWN_STATUSES:
        raise ComplianceInputError(
            f"unknown contact_status '{attempt.contact_status}': use one of {', '.join(sorted(_KNOWN_STATUSES))}"
        )
    if attempt.channel not in _CHANNELS:
        raise ComplianceInputError(f"unknown channel '{attempt.channel}': use one of {', '.join(sorted(_CHANNELS))}")
    return _zone(attempt.debtor_time_zone)


def _all_blocks(
    attempt: PlannedContact,
    history: Sequence[PastContact],
    policy: ContactPolicy,
    now: datetime,
    zone: tzinfo,
) -> tuple[list[_Block], list[_Texts]]:
    blocks = _permanent_blocks(attempt, policy)
    timed, warnings = _timed_blocks(attempt, history, policy, now, zone)
    return blocks + timed, warnings


def _earliest(
    attempt: PlannedContact,
    history: Sequence[PastContact],
    policy: ContactPolicy,
    now: datetime,
    zone: tzinfo,
    blocks: list[_Block],
) -> datetime | None:
    """Walk forward from each blocking rule's end until nothing blocks.

    Every rule's `lift_at` is a lower bound (nothing earlier can pass that rule), so the
    first instant where all pass is the earliest allowed one.
    """
    candidate = now
    for _ in range(_MAX_STEPS):
        if not blocks:
            return candidate
        lifts = [b.lift_at for b in blocks]
        if any(lift is None for lift in lifts):
            return None
        candidate = max(lift for lift in lifts if lift is not None)
        blocks, _warnings = _all_blocks(attempt, history, policy, candidate, zone)
    raise ComplianceInputError(
        f"no allowed time found within {_MAX_STEPS} steps for case {attempt.case_id}: "
        "check the policy and history for contradictions"
    )


def evaluate(
    attempt: PlannedContact,
    history: Sequence[PastContact],
    policy: ContactPolicy,
    now: datetime,
) -> ComplianceVerdict:
    """Judge one contact at `now` against the history of the same case.

    `history` holds the case's earlier attempts (all contact points and owners); entries
    after `now` are ignored. The reported rule is the most fundamental one that blocks
    (a hold before quiet hours), because that is what the agent has to act on.
    """
    zone = _validate(attempt, history, now)
    now = now.astimezone(_UTC)
    blocks, warned = _all_blocks(attempt, history, policy, now, zone)
    warnings = [texts() for texts in warned]
    warnings_en = tuple(en for en, _zh in warnings)
    warnings_zh = tuple(zh for _en, zh in warnings)
    if not blocks:
        return ComplianceVerdict(
            allowed=True,
            rule=None,
            reason_en="Allowed.",
            reason_zh="允许联系。",
            next_allowed_at=now,
            warnings=warnings_en,
            warnings_zh=warnings_zh,
        )
    first = blocks[0]
    next_at = _earliest(attempt, history, policy, now, zone, blocks)
    reason_en, reason_zh = first.texts()
    if next_at is not None:
        when = _fmt_local(next_at, zone, now)
        reason_en += f" Allowed from {when} debtor's time."
        reason_zh += f"债务人当地时间 {when} 起可联系。"
    return ComplianceVerdict(
        allowed=False,
        rule=str(first.rule),
        reason_en=reason_en,
        reason_zh=reason_zh,
        next_allowed_at=next_at,
        warnings=warnings_en,
        warnings_zh=warnings_zh,
    )


def hour_only(attempt: PlannedContact, history: Sequence[PastContact], policy: ContactPolicy,
              now: datetime) -> bool:
    """Whether `evaluate` at `now` or any later instant gives for `history` exactly the verdict
    it gives for no history at all: then the verdict depends only on the attempt, the policy
    and the hour, and attempts alike in those share it (`HourOnlyVerdicts`).

    True when every contact lies more than `COUNT_HORIZON` before `now` (no count reaches it,
    whatever the zone's offsets), the attempt is to the debtor (an emergency contact's
    once-only rule counts conversations however old) and the wait after each of the
    person's conversations has ended by `now`. Holds, statuses, quiet hours, consent and
    promises are the attempt's own, so they do not stop a verdict being shared. Why: the
    desk and the lead's "Case work" judge tens of thousands of cases at each start and
    minute, and most have no recent contact (`tests/domain/test_compliance_hour_only.py`).
    """
    if not history:
        return True
    if attempt.contact_owner != DEBTOR:
        return False
    _require_aware(now, "now")
    cutoff = now - COUNT_HORIZON
    wait = policy.wait_after_conversation
    zone: tzinfo | None = None
    for past in history:
        _require_aware(past.at, "PastContact.at")
        if past.at >= cutoff:
            return False
        if wait is not None and past.channel != "sms" and past.same_person and past.reached == "right_party":
            zone = zone or _zone(attempt.debtor_time_zone)
            if _local_midnight(past.at.astimezone(zone).date() + timedelta(days=wait.days), zone) > now:
                return False
    return True


class HourOnlyVerdicts:
    """`evaluate` under one policy, computed once for all the attempts alike in everything
    the verdict can depend on when their history cannot change it (`hour_only`): the
    zone, the channel, the statuses, the hold, consent and a pending promise. Other
    attempts are evaluated in full. The verdicts are exactly `evaluate`'s.

    Why: ranking a team's 96,000 cases evaluated each one; most share a handful of zones
    and statuses, so a start or a new minute computes a few hundred verdicts instead.
    """

    def __init__(self, policy: ContactPolicy) -> None:
        self.policy = policy
        self._shared: dict[tuple[object, ...], ComplianceVerdict] = {}
        self._shared_times: dict[tuple[object, ...], tuple[bool, datetime | None]] = {}
        self.shared = self.full = 0  # how many verdicts each way (for benches and tests)

    def evaluate(self, attempt: PlannedContact, history: Sequence[PastContact], now: datetime) -> ComplianceVerdict:
        """`evaluate(attempt, history, policy, now)`, shared where `hour_only` allows."""
        return self._judge(evaluate, self._shared, attempt, history, now)

    def when_allowed(self, attempt: PlannedContact, history: Sequence[PastContact],
                     now: datetime) -> tuple[bool, datetime | None]:
        """`when_allowed(attempt, history, policy, now)` (`evaluate`'s `allowed` and
        `next_allowed_at` without its texts), shared where `hour_only` allows."""
        return self._judge(when_allowed, self._shared_times, attempt, history, now)

    def _judge(self, judge: Callable[[PlannedContact, Sequence[PastContact], ContactPolicy, datetime], _J],
               shared: dict[tuple[object, ...], _J], attempt: PlannedContact, history: Sequence[PastContact],
               now: datetime) -> _J:
        if not hour_only(attempt, history, self.policy, now):
            self.full += 1
            return judge(attempt, history, self.policy, now)
        self.shared += 1
        key = _alike(attempt, now)
        found = shared.get(key)
        if found is None:
            found = shared[key] = judge(attempt, (), self.policy, now)
        return found


def _alike(a: PlannedContact, now: datetime) -> tuple[object, ...]:
    """Every field of the attempt but the case and the number, which matter only against a
    history; with the instant judged (`HourOnlyVerdicts`)."""
    return (now, a.contact_owner, a.contact_status, a.channel, a.debtor_time_zone, a.case_status, a.hold_reason,
            a.consent_late_calls, a.pending_promise_due, a.debtor_reachable)


def next_allowed_time(
    attempt: PlannedContact,
    history: Sequence[PastContact],
    policy: ContactPolicy,
    now: datetime,
) -> datetime | None:
    """Earliest instant at or after `now` when the contact passes; None while a hold,
    do-not-contact mark or similar lasts (waiting alone will not make it allowed)."""
    return when_allowed(attempt, history, policy, now)[1]


def when_allowed(
    attempt: PlannedContact,
    history: Sequence[PastContact],
    policy: ContactPolicy,
    now: datetime,
) -> tuple[bool, datetime | None]:
    """`evaluate(attempt, history, policy, now)`'s `allowed` and `next_allowed_at`, by the same
    rules, without making the reason and warning texts.

    Why: the desk's queue judges every case with recent contacts at each start and minute
    and reads only when each may be dialled; the texts (both languages, local times) cost
    more than the rules (`tests/domain/test_compliance_properties.py` pins it to `evaluate`).
    """
    zone = _validate(attempt, history, now)
    now = now.astimezone(_UTC)
    blocks, _warnings = _all_blocks(attempt, history, policy, now, zone)
    if not blocks:
        return True, now
    return False, _earliest(attempt, history, policy, now, zone, blocks)


def check_promise_date(due: date, today: date, policy: ContactPolicy) -> None:
    """Refuse a promise date in the past or beyond the policy's horizon, before it is stored.

    `today` is the debtor's local date. Raises ComplianceInputError naming the limit.
    """
    if due < today:
        raise ComplianceInputError(f"promise date {due.isoformat()} is in the past: choose today or a later date")
    latest = today + timedelta(days=policy.promise_horizon_days)
    if due > latest:
        raise ComplianceInputError(
            f"promise date {due.isoformat()} is more than {policy.promise_horizon_days} days "
            f"ahead: choose a date up to {latest.isoformat()}"
        )
