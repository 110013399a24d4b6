"""The compliance guard: may this contact happen now, and if not, when?

The same function guides the agent on the desktop (the dial action is greyed out with the
reason) and enforces on the server (every pushed attempt is re-evaluated against the
server's full history and flagged for the lead when it breaks a rule). Keeping one copy of
the rules is the point: a second, slightly different copy would let the two disagree.

Rules are data (`resources/policies/*.yaml`, see `agentdesk.domain.policy`); this module
only knows how to apply them. Counting happens in the debtor's local day because that is
the day the sources talk about ("no more than 6 dial attempts a day").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentdesk.domain.policy import ContactPolicy, PolicyError, load_policy

__all__ = [
    "ComplianceInputError",
    "ComplianceVerdict",
    "ContactPolicy",
    "PastContact",
    "PlannedContact",
    "PolicyError",
    "Rule",
    "check_promise_date",
    "evaluate",
    "load_policy",
    "next_allowed_time",
]

_UTC = UTC
_SEVEN_DAYS = timedelta(days=7)
_ONE_DAY = timedelta(days=1)
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
    QUIET_HOURS = "quiet_hours"
    PROMISE_PENDING = "promise_pending"
    WAIT_AFTER_CONVERSATION = "wait_after_conversation"
    POINT_DAILY_LIMIT = "point_daily_limit"
    DEBTOR_DAILY_LIMIT = "debtor_daily_limit"
    DEBTOR_7D_LIMIT = "debtor_7d_limit"
    THIRD_PARTY_DAILY_LIMIT = "third_party_daily_limit"


class ComplianceInputError(ValueError):
    """Input the guard cannot judge (naive datetime, unknown zone or status): a caller bug."""


@dataclass(frozen=True)
class PlannedContact:
    """A contact the agent is about to make (or, on the server, one that was made)."""

    case_id: str
    contact_point_id: str | None
    contact_owner: str  # "debtor" | "emergency"; anything else is never contacted
    contact_status: str  # "unverified" | "valid" | "invalid" | "wrong_party" | "do_not_contact"
    channel: str  # "call" | "sms" | "visit"
    debtor_time_zone: str  # IANA name, e.g. "Asia/Shanghai"
    case_status: str  # "open" | "on_hold" | "closed"
    hold_reason: str | None
    consent_late_calls: bool = False
    pending_promise_due: date | None = None
    debtor_reachable: bool = True


@dataclass(frozen=True)
class PastContact:
    """One earlier attempt on the same case; `at` is aware (UTC preferred)."""

    contact_point_id: str | None
    at: datetime
    reached: str  # "right_party" | "third_party" | "nobody"
    contact_owner: str = DEBTOR
    channel: str = "call"


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
class _Block:
    rule: Rule
    en: str
    zh: str
    lift_at: datetime | None  # None: waiting does not help


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


def _local_midnight(day: date, zone: tzinfo) -> datetime:
    """Start of a local day as a UTC instant (DST-gaps resolve to the first real instant)."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(_UTC)


def _in_quiet_hours(local_time: time, policy: ContactPolicy) -> bool:
    start, end = policy.quiet_start, policy.quiet_end
    if start == end:
        return False
    if start > end:  # the usual case: the window spans midnight (22:00-08:00)
        return local_time >= start or local_time < end
    return start <= local_time < end


def _quiet_end_after(local_now: datetime, policy: ContactPolicy, zone: tzinfo) -> datetime:
    end_today = datetime.combine(local_now.date(), policy.quiet_end, tzinfo=zone)
    if local_now.time() >= policy.quiet_end:
        end_today = datetime.combine(local_now.date() + _ONE_DAY, policy.quiet_end, tzinfo=zone)
    return end_today.astimezone(_UTC)


def _fmt_local(instant: datetime, zone: tzinfo, now: datetime) -> str:
    local = instant.astimezone(zone)
    if local.date() == now.astimezone(zone).date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def _permanent_blocks(attempt: PlannedContact) -> list[_Block]:
    """Rules no amount of waiting lifts: they hold until a person changes the case."""
    blocks: list[_Block] = []
    if attempt.case_status == "closed":
        blocks.append(_Block(Rule.CASE_CLOSED, "The case is closed.", "案件已结案，不得联系。", None))
    elif attempt.case_status != "open":
        reason = attempt.hold_reason or "hold"
        blocks.append(
            _Block(
                Rule.HOLD,
                f"The case is on hold ({reason}): no outbound contact until the hold ends.",
                f"案件暂停催收（{reason}），暂停期间不得外呼或联系。",
                None,
            )
        )
    if attempt.contact_status in _NEVER_DIAL_STATUSES:
        blocks.append(
            _Block(
                Rule.CONTACT_POINT_STATUS,
                f"This contact point is marked '{attempt.contact_status}' and is never contacted.",
                f"该联系方式已标记为「{attempt.contact_status}」，不得联系。",
                None,
            )
        )
    if attempt.contact_owner not in (DEBTOR, EMERGENCY):
        blocks.append(
            _Block(
                Rule.THIRD_PARTY_NOT_REGISTERED,
                "Only the debtor and registered emergency contacts may be contacted.",
                "只可联系债务人本人及登记的紧急联系人，不得联系其他第三方。",
                None,
            )
        )
    elif attempt.contact_owner == EMERGENCY and attempt.debtor_reachable:
        blocks.append(
            _Block(
                Rule.THIRD_PARTY_DEBTOR_REACHABLE,
                "Emergency contacts are called only when the debtor cannot be reached.",
                "仅在无法联系到债务人本人时，才可联系紧急联系人。",
                None,
            )
        )
    return blocks


def _timed_blocks(
    attempt: PlannedContact,
    history: Sequence[PastContact],
    policy: ContactPolicy,
    now: datetime,
    zone: tzinfo,
) -> tuple[list[_Block], list[tuple[str, str]]]:
    """Rules that lift with time, with the instant each one lifts; plus near-limit warnings."""
    blocks: list[_Block] = []
    warnings: list[tuple[str, str]] = []
    local_now = now.astimezone(zone)
    today = local_now.date()
    if attempt.contact_status == "unverified":
        # New numbers from data repair may belong to someone else (DOMAIN.md).
        warnings.append(
            (
                "Unverified number: confirm identity before discussing the debt.",
                "号码未核实：确认对方身份后再谈及欠款。",
            )
        )

    if not attempt.consent_late_calls and _in_quiet_hours(local_now.time(), policy):
        start, end = policy.quiet_start.strftime("%H:%M"), policy.quiet_end.strftime("%H:%M")
        blocks.append(
            _Block(
                Rule.QUIET_HOURS,
                f"Debtor's local time is {local_now:%H:%M}: no contact {start}-{end}.",
                f"债务人当地时间 {local_now:%H:%M}，{start}至{end}不得联系。",
                _quiet_end_after(local_now, policy, zone),
            )
        )

    due = attempt.pending_promise_due
    if due is not None and attempt.contact_owner == DEBTOR:
        first_day = due - timedelta(days=policy.promise_reminder_days)
        if today < first_day:
            blocks.append(
                _Block(
                    Rule.PROMISE_PENDING,
                    f"A promise to pay is pending until {due.isoformat()}: no collection contact before it is due.",
                    f"债务人已承诺于 {due.isoformat()} 还款，到期前不进行催收联系。",
                    _local_midnight(first_day, zone),
                )
            )
        elif today < due:
            warnings.append(
                (
                    f"Promise due {due.isoformat()}: a reminder only, no collection pressure.",
                    f"承诺还款日为 {due.isoformat()}：仅作提醒，不施加催收压力。",
                )
            )

    if attempt.channel != "call":
        # The numeric limits in the sources are about calls (dial attempts); other
        # channels are still bound by hours, holds and contact-point status above.
        return blocks, warnings

    # Only contacts before `now` count: the server re-evaluates an attempt made offline
    # against a history that may already hold later attempts.
    day_start = _local_midnight(today, zone)
    next_day = _local_midnight(today + _ONE_DAY, zone)
    week_start = now - _SEVEN_DAYS
    point_today = 0
    debtor_today = 0
    third_today = 0
    debtor_week: list[datetime] = []
    last_conversation: datetime | None = None
    third_party_conversations = 0
    is_debtor = attempt.contact_owner == DEBTOR
    for past in history:
        at = past.at
        if at > now or past.channel != "call":
            continue
        same_point = attempt.contact_point_id is not None and past.contact_point_id == attempt.contact_point_id
        if at >= day_start:
            if same_point:
                point_today += 1
            if past.contact_owner == DEBTOR:
                debtor_today += 1
            else:
                third_today += 1
        if past.contact_owner == DEBTOR and at > week_start:
            debtor_week.append(at)
        if (
            is_debtor
            and past.reached == "right_party"
            or (not is_debtor and same_point and past.reached == "third_party")
        ):
            if last_conversation is None or at > last_conversation:
                last_conversation = at
        if same_point and past.reached == "third_party":
            third_party_conversations += 1

    def daily(count: int, limit: int | None, rule: Rule, en: str, zh: str) -> None:
        if limit is None:
            return
        if count >= limit:
            blocks.append(
                _Block(
                    rule,
                    f"{en} limit reached today ({count}/{limit}).",
                    f"{zh}今日已达上限（{count}/{limit}）。",
                    next_day,
                )
            )
        elif count == limit - 1:
            warnings.append(
                (
                    f"Last allowed call today: {en.lower()} {count + 1}/{limit}.",
                    f"今日最后一次可拨打：{zh} {count + 1}/{limit}。",
                )
            )

    daily(
        point_today,
        policy.max_dials_per_point_per_day,
        Rule.POINT_DAILY_LIMIT,
        "Dial attempts to this number",
        "该号码拨打次数",
    )
    if is_debtor:
        daily(
            debtor_today,
            policy.max_calls_per_debtor_per_day,
            Rule.DEBTOR_DAILY_LIMIT,
            "Calls to the debtor",
            "对债务人的拨打次数",
        )
        limit_7d = policy.max_calls_per_debtor_7d
        if limit_7d is not None:
            if len(debtor_week) >= limit_7d:
                debtor_week.sort()
                # The window frees a slot when enough of the oldest calls have aged out.
                lift = debtor_week[len(debtor_week) - limit_7d] + _SEVEN_DAYS
                blocks.append(
                    _Block(
                        Rule.DEBTOR_7D_LIMIT,
                        f"{len(debtor_week)} calls in the last 7 days (limit {limit_7d}).",
                        f"近7天已拨打 {len(debtor_week)} 次（上限 {limit_7d} 次）。",
                        lift,
                    )
                )
            elif len(debtor_week) == limit_7d - 1:
                warnings.append(
                    (
                        f"Last allowed call in 7 days: {limit_7d}/{limit_7d}.",
                        f"7天内最后一次可拨打：{limit_7d}/{limit_7d}。",
                    )
                )
    else:
        daily(
            third_today,
            policy.third_party_max_per_day,
            Rule.THIRD_PARTY_DAILY_LIMIT,
            "Calls to emergency contacts",
            "紧急联系人拨打次数",
        )
        once = policy.third_party_max_conversations_per_point
        if once is not None and third_party_conversations >= once:
            blocks.append(
                _Block(
                    Rule.THIRD_PARTY_ONCE,
                    "This emergency contact has already been spoken to; call again only if they asked for it.",
                    "已与该紧急联系人通过话，除非对方要求，不再联系。",
                    None,
                )
            )

    wait = policy.wait_after_conversation
    if wait is not None and last_conversation is not None and now < last_conversation + wait:
        lift = last_conversation + wait
        blocks.append(
            _Block(
                Rule.WAIT_AFTER_CONVERSATION,
                f"A conversation took place on {last_conversation.astimezone(zone):%Y-%m-%d}: "
                f"wait {wait.days} days before calling again.",
                f"已于 {last_conversation.astimezone(zone):%Y-%m-%d} 通话，需间隔 {wait.days} 天后再拨打。",
                lift,
            )
        )
    return blocks, warnings


def _validate(attempt: PlannedContact, history: Sequence[PastContact], now: datetime) -> tzinfo:
    _require_aware(now, "now")
    for past in history:
        _require_aware(past.at, "PastContact.at")
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
) -> tuple[list[_Block], list[tuple[str, str]]]:
    blocks = _permanent_blocks(attempt)
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
    blocks, warnings = _all_blocks(attempt, history, policy, now, zone)
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
    reason_en, reason_zh = first.en, first.zh
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


def next_allowed_time(
    attempt: PlannedContact,
    history: Sequence[PastContact],
    policy: ContactPolicy,
    now: datetime,
) -> datetime | None:
    """Earliest instant at or after `now` when the contact passes; None while a hold,
    do-not-contact mark or similar lasts (waiting alone will not make it allowed)."""
    zone = _validate(attempt, history, now)
    now = now.astimezone(_UTC)
    blocks, _warnings = _all_blocks(attempt, history, policy, now, zone)
    return _earliest(attempt, history, policy, now, zone, blocks)


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
