"""Properties of the SMS send guard on generated moments, histories, numbers and stops:
no SMS outside the preset's hours or over its limits, none with debt content to a number
that may not be the debtor's, none after a stop request. The dispatcher asks this guard
right before every hand-over to the gateway (agentdesk.server.sms.dispatcher)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.compliance import PlannedContact, _in_quiet_hours, load_policy
from agentdesk.domain.sms_guard import PastSms, check_send
from agentdesk.domain.sms_templates import disclosure_problems, load_rules, load_templates, render

RULES = load_rules()
TEMPLATES = load_templates(rules=RULES)
POLICIES = {name: load_policy(name) for name in ("china", "us")}
ZONES = ["Asia/Shanghai", "America/New_York", "Asia/Urumqi"]
BASE = datetime(2026, 3, 1, tzinfo=UTC)
POINTS = {"p1": ("debtor", "valid"), "p2": ("debtor", "unverified"), "e1": ("emergency", "valid")}

moments = st.integers(0, 30 * 24 * 60).map(lambda m: BASE + timedelta(minutes=m))


def _planned(point: str, zone: str, case_status: str = "open", hold: str | None = None) -> PlannedContact:
    owner, status = POINTS[point]
    return PlannedContact(case_id="c1", contact_point_id=point, contact_owner=owner, contact_status=status,
                          channel="sms", debtor_time_zone=zone, case_status=case_status, hold_reason=hold,
                          debtor_reachable=False)


@settings(max_examples=400, deadline=None)
@given(now=moments, zone=st.sampled_from(ZONES), preset=st.sampled_from(sorted(POLICIES)),
       point=st.sampled_from(sorted(POINTS)), template=st.sampled_from(TEMPLATES),
       sent=st.lists(st.tuples(st.integers(0, 8 * 24 * 60), st.sampled_from(sorted(POINTS))), max_size=8),
       hold=st.sampled_from([None, None, "cease_contact", "dispute"]), opted_out=st.booleans())
def test_an_allowed_sms_breaks_no_rule(now: datetime, zone: str, preset: str, point: str, template: object,
                                        sent: list[tuple[int, str]], hold: str | None, opted_out: bool) -> None:
    policy, rules = POLICIES[preset], RULES.for_preset(preset)
    past = [PastSms(now - timedelta(minutes=ago), p) for ago, p in sent]
    planned = _planned(point, zone, "on_hold" if hold else "open", hold)
    verdict = check_send(template, planned, [], past, policy, rules, now, opted_out=opted_out)  # type: ignore[arg-type]
    if not verdict.allowed:
        assert verdict.next_allowed_at is None or verdict.next_allowed_at > now
        return
    local = now.astimezone(ZoneInfo(zone))
    assert not _in_quiet_hours(local.time(), policy), f"sent at {local:%H:%M} local"
    assert hold is None and not opted_out  # a stop request (hold or reply) stops every SMS
    if template.audience == "debtor":  # type: ignore[attr-defined]
        assert POINTS[point] == ("debtor", "valid")  # debt content only to the debtor's verified number
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    same_day = [s for s in past if s.contact_point_id == point and s.at.astimezone(ZoneInfo(zone)) >= day_start]
    assert len(same_day) < rules.max_per_number_per_day
    assert len([s for s in past if s.at > now - timedelta(days=7)]) < rules.max_per_debtor_7d
    assert all(now - s.at >= timedelta(hours=rules.min_hours_between) for s in past)


@settings(max_examples=150, deadline=None)
@given(start=moments, zone=st.sampled_from(ZONES), preset=st.sampled_from(sorted(POLICIES)),
       steps=st.lists(st.tuples(st.integers(1, 9 * 60), st.sampled_from(["p1", "p2", "e1"])),
                      min_size=5, max_size=60),
       stop_after=st.integers(0, 70))
def test_a_dispatcher_that_asks_the_guard_never_oversends(start: datetime, zone: str, preset: str,
                                                         steps: list[tuple[int, str]], stop_after: int) -> None:
    """Messages arrive every few minutes to hours; each goes out only if the guard allows it
    then. Whatever the sequence, what went out keeps the limits, and nothing follows a stop."""
    policy, rules = POLICIES[preset], RULES.for_preset(preset)
    reminder = next(t for t in TEMPLATES if t.id == ("us_balance_notice" if preset == "us" else "payment_reminder"))
    neutral = next(t for t in TEMPLATES if t.audience == "any_party")
    now, sent, stopped_at = start, [], None
    for index, (gap, point) in enumerate(steps):
        now += timedelta(minutes=gap)
        if index == stop_after:
            stopped_at = now
        template = reminder if POINTS[point] == ("debtor", "valid") else neutral
        if template.presets != (preset,) and preset not in template.presets:
            template = reminder
        planned = _planned(point, zone)
        verdict = check_send(template, planned, [], sent, policy, rules, now, opted_out=stopped_at is not None)
        if verdict.allowed:
            sent.append(PastSms(now, point))
    zone_info = ZoneInfo(zone)
    per_day = Counter((s.contact_point_id, s.at.astimezone(zone_info).date()) for s in sent)
    assert all(n <= rules.max_per_number_per_day for n in per_day.values())
    assert all(not _in_quiet_hours(s.at.astimezone(zone_info).time(), policy) for s in sent)
    assert all(b.at - a.at >= timedelta(hours=rules.min_hours_between) for a, b in zip(sent, sent[1:], strict=False))
    for s in sent:
        assert len([o for o in sent if s.at - timedelta(days=7) < o.at <= s.at]) <= rules.max_per_debtor_7d
    if stopped_at is not None:
        assert all(s.at < stopped_at for s in sent)


@given(name=st.text(min_size=1, max_size=6), lang=st.sampled_from(["zh", "en"]))
def test_a_neutral_template_never_carries_the_debt_whatever_the_name(name: str, lang: str) -> None:
    for template in TEMPLATES:
        if template.audience != "any_party":
            continue
        text = render(template, lang, {"debtor_name": name}, RULES, template.presets[0]).text
        assert disclosure_problems(text.replace(name, " ")) == []
