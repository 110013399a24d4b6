"""Properties of the SMS send guard on generated moments, histories, numbers and stops:
no SMS outside the preset's SMS hours or over its limits (the preset's SMS limits and the
SMS operator's own, whichever is stricter), none with debt content to a number that may
not be the debtor's, none to a third party where the preset forbids it, none after a stop
request. The dispatcher asks this guard right before every hand-over to the gateway
(agentdesk.server.sms.dispatcher), so what holds here holds for what leaves."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.compliance import PastContact, PlannedContact, _in_quiet_hours, load_policy
from agentdesk.domain.sms_guard import check_send, sms_contact
from agentdesk.domain.sms_templates import disclosure_problems, load_rules, load_templates, render

RULES = load_rules()
TEMPLATES = load_templates(rules=RULES)
POLICIES = {name: load_policy(name) for name in ("china", "us")}
ZONES = ["Asia/Shanghai", "America/New_York", "Asia/Urumqi"]
BASE = datetime(2026, 3, 1, tzinfo=UTC)
# contact point -> (owner, status, number)
POINTS = {"p1": ("debtor", "valid", "13800000001"), "p2": ("debtor", "unverified", "13800000002"),
          "e1": ("emergency", "valid", "13900000003")}

moments = st.integers(0, 30 * 24 * 60).map(lambda m: BASE + timedelta(minutes=m))


def _planned(point: str, zone: str, case_status: str = "open", hold: str | None = None) -> PlannedContact:
    owner, status, number = POINTS[point]
    return PlannedContact(case_id="c1", contact_point_id=point, contact_owner=owner, contact_status=status,
                          channel="sms", debtor_time_zone=zone, case_status=case_status, hold_reason=hold,
                          debtor_reachable=False, number=number)


def _sent(at: datetime, point: str) -> PastContact:
    owner, _status, number = POINTS[point]
    return sms_contact(at, point, number, owner)


def _limit(*values: int | None) -> int:
    return min(v for v in values if v is not None)


@settings(max_examples=400, deadline=None)
@given(now=moments, zone=st.sampled_from(ZONES), preset=st.sampled_from(sorted(POLICIES)),
       point=st.sampled_from(sorted(POINTS)), template=st.sampled_from(TEMPLATES),
       sent=st.lists(st.tuples(st.integers(0, 8 * 24 * 60), st.sampled_from(sorted(POINTS))), max_size=8),
       hold=st.sampled_from([None, None, "cease_contact", "dispute"]), opted_out=st.booleans())
def test_an_allowed_sms_breaks_no_rule(now: datetime, zone: str, preset: str, point: str, template: object,
                                        sent: list[tuple[int, str]], hold: str | None, opted_out: bool) -> None:
    policy, rules = POLICIES[preset], RULES.for_preset(preset)
    past = [_sent(now - timedelta(minutes=ago), p) for ago, p in sent]
    planned = _planned(point, zone, "on_hold" if hold else "open", hold)
    verdict = check_send(template, planned, past, policy, rules, now, opted_out=opted_out)  # type: ignore[arg-type]
    if not verdict.allowed:
        assert verdict.next_allowed_at is None or verdict.next_allowed_at > now
        return
    local = now.astimezone(ZoneInfo(zone))
    assert not _in_quiet_hours(local.time(), *policy.sms_quiet()), f"sent at {local:%H:%M} local"
    assert hold is None and not opted_out  # a stop request (hold or reply) stops every SMS
    owner, status, _number = POINTS[point]
    if template.audience == "debtor":  # type: ignore[attr-defined]
        assert (owner, status) == ("debtor", "valid")  # debt content only to the debtor's verified number
    assert owner == "debtor" or policy.sms_to_third_parties
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    today = [s for s in past if s.at.astimezone(ZoneInfo(zone)) >= day_start]
    assert len([s for s in today if s.contact_point_id == point]) < _limit(
        rules.max_per_number_per_day, policy.max_sms_per_point_per_day)
    assert len(today) < _limit(policy.max_sms_per_debtor_per_day, 10**6)
    assert len([s for s in past if s.at > now - timedelta(days=7)]) < _limit(
        rules.max_per_debtor_7d, policy.max_sms_per_debtor_7d)
    assert all(now - s.at >= timedelta(hours=rules.min_hours_between) for s in past)


@settings(max_examples=150, deadline=None)
@given(start=moments, zone=st.sampled_from(ZONES), preset=st.sampled_from(sorted(POLICIES)),
       steps=st.lists(st.tuples(st.integers(1, 9 * 60), st.sampled_from(sorted(POINTS))),
                      min_size=5, max_size=60),
       stop_after=st.integers(0, 70))
def test_a_dispatcher_that_asks_the_guard_never_oversends(start: datetime, zone: str, preset: str,
                                                         steps: list[tuple[int, str]], stop_after: int) -> None:
    """Messages come due every few minutes to hours; each leaves only if the guard allows it
    then. Whatever the sequence, what left keeps the limits and hours, and nothing follows a stop."""
    policy, rules = POLICIES[preset], RULES.for_preset(preset)
    reminder = next(t for t in TEMPLATES if t.id == ("us_balance_notice" if preset == "us" else "payment_reminder"))
    neutral = next(t for t in TEMPLATES if t.audience == "any_party")
    now, sent, stopped_at = start, [], None
    for index, (gap, point) in enumerate(steps):
        now += timedelta(minutes=gap)
        if index == stop_after:
            stopped_at = now
        template = reminder if POINTS[point][:2] == ("debtor", "valid") else neutral
        verdict = check_send(template, _planned(point, zone), sent, policy, rules, now,
                             opted_out=stopped_at is not None)
        if verdict.allowed:
            sent.append(_sent(now, point))
    zone_info = ZoneInfo(zone)
    per_number_day = Counter((s.contact_point_id, s.at.astimezone(zone_info).date()) for s in sent)
    per_day = Counter(s.at.astimezone(zone_info).date() for s in sent)
    assert all(n <= _limit(rules.max_per_number_per_day, policy.max_sms_per_point_per_day)
               for n in per_number_day.values())
    assert all(n <= _limit(policy.max_sms_per_debtor_per_day, 10**6) for n in per_day.values())
    assert all(not _in_quiet_hours(s.at.astimezone(zone_info).time(), *policy.sms_quiet()) for s in sent)
    assert all(b.at - a.at >= timedelta(hours=rules.min_hours_between) for a, b in zip(sent, sent[1:], strict=False))
    for s in sent:
        assert len([o for o in sent if s.at - timedelta(days=7) < o.at <= s.at]) <= _limit(
            rules.max_per_debtor_7d, policy.max_sms_per_debtor_7d)
        assert POINTS[str(s.contact_point_id)][0] == "debtor" or policy.sms_to_third_parties
    if stopped_at is not None:
        assert all(s.at < stopped_at for s in sent)


@given(name=st.text(min_size=1, max_size=6), lang=st.sampled_from(["zh", "en"]))
def test_a_neutral_template_never_carries_the_debt_whatever_the_name(name: str, lang: str) -> None:
    for template in TEMPLATES:
        if template.audience != "any_party":
            continue
        text = render(template, lang, {"debtor_name": name}, RULES, template.presets[0]).text
        assert disclosure_problems(text.replace(name, " ")) == []
