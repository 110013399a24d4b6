"""Words and formats the desktop shows for domain values (outcomes, statuses, times).

Each label is a literal inside a `translate()` call so `pyside6-lupdate` finds it; the
functions are plain and testable without a window. Times arrive in UTC and are shown in
the agent's own time zone (the debtor's local time is shown separately, on the case).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication

from agentdesk.domain.compliance import ContactBudget
from agentdesk.domain.outcomes import Outcome, Reached
from agentdesk.domain.priority import NOT_CALLABLE

translate = QCoreApplication.translate


def reached_labels() -> dict[str, str]:
    return {
        Reached.RIGHT_PARTY.value: translate("Labels", "Right party (debtor)"),
        Reached.THIRD_PARTY.value: translate("Labels", "Third party"),
        Reached.NOBODY.value: translate("Labels", "Nobody reached"),
    }


def outcome_labels() -> dict[str, str]:
    return {
        Outcome.PROMISE_TO_PAY.value: translate("Labels", "Promise to pay"),
        Outcome.CLAIMS_PAID.value: translate("Labels", "Claims already paid"),
        Outcome.DISPUTE.value: translate("Labels", "Dispute"),
        Outcome.HARDSHIP.value: translate("Labels", "Hardship"),
        Outcome.REFUSAL.value: translate("Labels", "Refuses to pay"),
        Outcome.CALLBACK_REQUESTED.value: translate("Labels", "Callback requested"),
        Outcome.WRONG_NUMBER.value: translate("Labels", "Wrong number"),
        Outcome.CEASE_CONTACT.value: translate("Labels", "Asks not to be contacted"),
        Outcome.DECEASED.value: translate("Labels", "Deceased"),
        Outcome.BANKRUPT.value: translate("Labels", "Bankrupt"),
        Outcome.MESSAGE_LEFT.value: translate("Labels", "Message left"),
        Outcome.NO_ANSWER.value: translate("Labels", "No answer"),
        Outcome.BUSY.value: translate("Labels", "Busy"),
        Outcome.SWITCHED_OFF.value: translate("Labels", "Switched off"),
        Outcome.INVALID_NUMBER.value: translate("Labels", "Invalid number"),
        Outcome.VOICEMAIL.value: translate("Labels", "Voicemail"),
    }


def contact_status_labels() -> dict[str, str]:
    return {
        "unverified": translate("Labels", "Unverified"),
        "valid": translate("Labels", "Valid"),
        "invalid": translate("Labels", "Invalid"),
        "wrong_party": translate("Labels", "Wrong party"),
        "do_not_contact": translate("Labels", "Do not contact"),
    }


def case_status_labels() -> dict[str, str]:
    return {
        "open": translate("Labels", "Open"),
        "on_hold": translate("Labels", "On hold"),
        "closed": translate("Labels", "Closed"),
    }


def promise_status_labels() -> dict[str, str]:
    return {
        "pending": translate("Labels", "Pending"),
        "kept": translate("Labels", "Kept"),
        "broken": translate("Labels", "Broken"),
    }


def channel_labels() -> dict[str, str]:
    return {
        "call": translate("Labels", "Call"),
        "sms": translate("Labels", "SMS"),
        "visit": translate("Labels", "Visit"),
    }


def queue_filters() -> list[tuple[str, str]]:
    """(client filter key, label) in the order the filter box lists them."""
    return [
        ("all", translate("Labels", "All cases")),
        ("callbacks", translate("Labels", "Callbacks due")),
        ("promises", translate("Labels", "Promises due")),
        ("M1", translate("Labels", "Bucket M1 (1–30 days)")),
        ("M2", translate("Labels", "Bucket M2 (31–60 days)")),
        ("M3", translate("Labels", "Bucket M3 (61–90 days)")),
        ("M4+", translate("Labels", "Bucket M4+ (91+ days)")),
    ]


def label(table: dict[str, str], key: str | None) -> str:
    """The label for `key`, or the key itself when the table has none (a newer server)."""
    if not key:
        return ""
    return table.get(key, key.replace("_", " "))


def owner_label(owner: str, relation: str | None, name: str | None) -> str:
    if owner == "debtor":
        return translate("Labels", "Debtor")
    parts = [p for p in (relation, name) if p]
    return translate("Labels", "Emergency contact") + (f" · {' '.join(parts)}" if parts else "")


def local_time(value: datetime) -> datetime:
    """A UTC instant in the agent's own time zone."""
    return value.astimezone()


def short_time(value: datetime | None, now: datetime) -> str:
    """'14:05' today, 'Tomorrow 09:00', else '03-12 14:05' (agent's local time)."""
    if value is None:
        return ""
    if value >= NOT_CALLABLE:
        return translate("Labels", "Not callable")
    here = local_time(value)
    today = local_time(now).date()
    if here.date() == today:
        return here.strftime("%H:%M")
    if here.date() == today + timedelta(days=1):
        return translate("Labels", "Tomorrow") + here.strftime(" %H:%M")
    if here.year == today.year:
        return here.strftime("%m-%d %H:%M")
    return here.strftime("%Y-%m-%d")


def debtor_clock(time_zone: str, now: datetime) -> str:
    """The debtor's wall-clock time, e.g. '21:47 (Asia/Urumqi)'."""
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return time_zone
    return now.astimezone(zone).strftime("%H:%M") + f" ({time_zone})"


def next_call_text(callable_from: datetime | None, now: datetime) -> str:
    if callable_from is None or callable_from <= now:
        return translate("Labels", "Now")
    return short_time(callable_from, now)


def budget_text(calls: ContactBudget, texts: ContactBudget) -> str:
    """What the limits leave, e.g. 'Left today: this number 4 calls, 2 texts · the debtor 2 texts
    · this week 5 calls'. Limits the preset does not set are left out; empty when none."""
    def part(label: str, call_left: int | None, sms_left: int | None) -> str:
        pieces = []
        if call_left is not None:
            # Two strings instead of Qt's %n plurals, which pyside6-lupdate does not mark as such.
            pieces.append(translate("Labels", "1 call") if call_left == 1
                          else translate("Labels", "%1 calls").replace("%1", str(call_left)))
        if sms_left is not None:
            pieces.append(translate("Labels", "1 text") if sms_left == 1
                          else translate("Labels", "%1 texts").replace("%1", str(sms_left)))
        return f"{label} " + ", ".join(pieces) if pieces else ""

    parts = [p for p in (
        part(translate("Labels", "this number"), calls.number_today, texts.number_today),
        part(translate("Labels", "the debtor"), calls.person_today, texts.person_today),
    ) if p]
    week = part(translate("Labels", "this week"), calls.person_week, texts.person_week)
    if not parts and not week:
        return ""
    text = translate("Labels", "Left today: %1").replace("%1", " · ".join(parts)) if parts else ""
    return " · ".join(x for x in (text, week) if x)
