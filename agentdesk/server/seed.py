"""The demo portfolio: two teams, their agents and leads, and a few thousand Chinese cases.

Deterministic (fixed seeds) so screenshots and tests see the same data; dates are relative
to the moment of seeding so the queue always has callbacks due, promises pending and
history from the last weeks. Every demo account's password is `demo` — demo only: real
deployments add users with `agentdesk-server add-user`, never with a default password.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from faker import Faker
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from agentdesk import clock
from agentdesk.domain.identity import normalize_national_id, normalize_phone
from agentdesk.domain.outcomes import ALLOWED_OUTCOMES, Reached
from agentdesk.server import documents
from agentdesk.server.auth import hash_password
from agentdesk.server.models import (
    Account,
    Callback,
    Case,
    ContactAttempt,
    ContactPoint,
    Debtor,
    Note,
    Payment,
    PromiseToPay,
    Team,
    User,
    new_id,
    seeded_ids,
)
from agentdesk.server.strategy_seed import seed_strategy
from agentdesk.server.sync import next_seqs

DEMO_PASSWORD = "demo"
LENDERS = ("星河消费金融", "青禾小额贷款", "锦程银行信用卡中心", "安盈普惠金融")
PRODUCTS = ("现金贷", "分期消费贷", "信用卡", "汽车分期", "小微经营贷")
RELATIONS = ("配偶", "父亲", "母亲", "兄弟", "姐妹", "同事", "朋友")
# Real provinces with real cities in them: Faker draws the two independently, and an agent
# who reads "青海省 通辽" (a city of Inner Mongolia) stops trusting the demo data.
PLACES: dict[str, tuple[str, ...]] = {
    "广东省": ("广州市", "深圳市", "东莞市", "佛山市", "珠海市"),
    "江苏省": ("南京市", "苏州市", "无锡市", "徐州市"),
    "浙江省": ("杭州市", "宁波市", "温州市", "金华市"),
    "山东省": ("济南市", "青岛市", "烟台市", "潍坊市"),
    "河南省": ("郑州市", "洛阳市", "南阳市", "新乡市"),
    "四川省": ("成都市", "绵阳市", "宜宾市", "南充市"),
    "湖北省": ("武汉市", "宜昌市", "襄阳市"),
    "湖南省": ("长沙市", "株洲市", "衡阳市"),
    "河北省": ("石家庄市", "保定市", "唐山市"),
    "福建省": ("福州市", "厦门市", "泉州市"),
    "安徽省": ("合肥市", "芜湖市", "蚌埠市"),
    "陕西省": ("西安市", "宝鸡市", "咸阳市"),
    "辽宁省": ("沈阳市", "大连市", "鞍山市"),
    "江西省": ("南昌市", "赣州市", "九江市"),
    "广西壮族自治区": ("南宁市", "柳州市", "桂林市"),
    "云南省": ("昆明市", "曲靖市", "大理白族自治州"),
    "北京市": ("北京市",),
    "上海市": ("上海市",),
    "重庆市": ("重庆市",),
    "新疆维吾尔自治区": ("乌鲁木齐市", "喀什地区", "伊犁哈萨克自治州"),
}
NOTE_LINES = (
    "客户表示本周发工资后还款。",
    "客户称已失业，正在找工作，请求延期。",
    "电话无人接听，稍后再拨。",
    "客户对利息有异议，要求核对账单。",
    "客户态度配合，已告知还款渠道。",
    "紧急联系人表示会转告本人。",
)


class AlreadySeeded(Exception):
    """The database already holds users; seeding twice would duplicate the portfolio."""


@dataclass(frozen=True)
class SeedSummary:
    teams: int
    agents: int
    leads: int
    cases: int
    attempts: int


_DEMO_HASHES: dict[str, str] = {}


def _demo_hash(username: str) -> str:
    """Each account's own argon2 hash (own salt) of the demo password: one shared hash would
    show that the accounts share a password and let one cracking run open them all.

    Kept per process and username: the test suite seeds hundreds of databases, and each
    hash costs tens of milliseconds by design; a real seed runs once per process anyway.
    """
    if username not in _DEMO_HASHES:
        _DEMO_HASHES[username] = hash_password(DEMO_PASSWORD)
    return _DEMO_HASHES[username]


def seed_demo(session: Session, cases: int = 2400, agents_per_team: int = 5,
              now: datetime | None = None) -> SeedSummary:
    """The demo portfolio as of `now` (default: the process clock, which AGENTDESK_NOW moves).

    The same `now` gives the same demo, ids included (`seeded_ids`)."""
    if session.scalar(select(func.count()).select_from(User)):
        raise AlreadySeeded("the database already has users; seed a fresh database instead")
    with seeded_ids(2026):
        summary = _seed_demo(session, cases, agents_per_team, now or clock.now())
        session.flush()  # every row gets its id inside the block
    return summary


def _seed_demo(session: Session, cases: int, agents_per_team: int, now: datetime) -> SeedSummary:
    rng = random.Random(2026)
    fake = Faker("zh_CN")
    fake.seed_instance(2026)

    teams = [Team(id=new_id(), name="催收一组"), Team(id=new_id(), name="催收二组")]
    session.add_all(teams)
    agents: list[User] = []
    n = 0
    for t_index, team in enumerate(teams):
        session.add(User(id=new_id(), username=f"lead{t_index + 1:02d}", display_name=fake.name(),
                         password_hash=_demo_hash(f"lead{t_index + 1:02d}"), role="lead", team_id=team.id))
        for _ in range(agents_per_team):
            n += 1
            agent = User(id=new_id(), username=f"agent{n:02d}", display_name=fake.name(),
                         password_hash=_demo_hash(f"agent{n:02d}"), role="agent", team_id=team.id)
            agents.append(agent)
            session.add(agent)
    session.add(User(id=new_id(), username="admin", display_name="系统管理员", password_hash=_demo_hash("admin"),
                     role="admin", team_id=None))
    session.flush()

    rows: dict[type, list[dict[str, Any]]] = {m: [] for m in
                                              (Debtor, Case, Account, ContactPoint, ContactAttempt,
                                               PromiseToPay, Callback, Payment, Note)}
    seqs = next_seqs(session, cases)
    attempt_count = 0
    earlier: list[tuple[dict[str, Any], str, str]] = []  # (debtor row, lender, debtor's phone)
    for i in range(cases):
        agent = agents[i % len(agents)]
        debtor_id, case_id = new_id(), new_id()
        # About one debtor in sixteen has a second loan, from another lender: one person,
        # two cases (often with different agents), one phone number.
        again = earlier[rng.randrange(len(earlier))] if earlier and rng.random() < 0.06 else None
        if again is not None:
            person, previous_lender, shared_phone = again
            province, city = person["province"], person["city"]
            rows[Debtor].append(dict(person, id=debtor_id))
            lender = rng.choice([name for name in LENDERS if name != previous_lender])
        else:
            province = rng.choice(tuple(PLACES))
            city = rng.choice(PLACES[province])
            born = fake.date_of_birth(minimum_age=22, maximum_age=60)
            national_id = fake.ssn(min_age=22, max_age=60)
            rows[Debtor].append(dict(
                id=debtor_id, name=fake.name(), national_id=national_id, person_key=normalize_national_id(national_id),
                birth_date=born, province=province, city=city,
                time_zone="Asia/Urumqi" if province.startswith("新疆") else "Asia/Shanghai",
            ))
            lender = rng.choice(LENDERS)
            shared_phone = None
        dpd = _days_past_due(rng)
        hold = rng.random() < 0.04
        rows[Case].append(dict(
            id=case_id, debtor_id=debtor_id, lender=lender, placement_ref=f"P{now:%Y%m}-{i // 500 + 1:02d}",
            status="on_hold" if hold else "open",
            hold_reason=rng.choice(("dispute", "hardship")) if hold else None,
            assigned_agent_id=agent.id, team_id=agent.team_id, consent_late_calls=False,
            seq=seqs[i], created_at=now - timedelta(days=dpd),
        ))
        outstanding_total = 0
        for _account in range(1 if rng.random() < 0.8 else 2):
            principal = rng.choice((3000, 5000, 8000, 10000, 20000, 30000, 50000, 80000)) * 100
            outstanding = int(principal * rng.uniform(0.3, 1.0)) // 100 * 100
            overdue = min(outstanding, int(outstanding * rng.uniform(0.08, 0.6)) // 10 * 10 + rng.randint(0, 99))
            fees = 0  # the China preset forbids collecting extra fees; lender fees arrive in `overdue`
            outstanding_total += outstanding
            rows[Account].append(dict(
                id=new_id(), case_id=case_id, account_no=f"{lender[:2]}{rng.randint(10**9, 10**10 - 1)}",
                product=rng.choice(PRODUCTS), currency="CNY", principal_minor=principal,
                outstanding_minor=outstanding, overdue_minor=overdue, fees_minor=fees,
                due_date=(now - timedelta(days=dpd)).date(), days_past_due=dpd,
            ))
        points = []
        for p in range(rng.choice((1, 1, 2))):
            phone = shared_phone if (shared_phone and p == 0) else fake.phone_number()
            points.append(dict(id=new_id(), case_id=case_id, position=p, kind="phone",
                               value=phone, number=normalize_phone(phone), owner="debtor", relation=None,
                               contact_name=None,
                               status="invalid" if rng.random() < 0.08 and not shared_phone else "valid",
                               source="lender", created_at=now - timedelta(days=dpd)))
        if again is None:
            earlier.append((rows[Debtor][-1], lender, points[0]["value"]))
        for p in range(rng.choice((1, 2))):
            phone = fake.phone_number()
            points.append(dict(id=new_id(), case_id=case_id, position=10 + p, kind="phone",
                               value=phone, number=normalize_phone(phone), owner="emergency",
                               relation=rng.choice(RELATIONS), contact_name=fake.name(),
                               status="valid", source="application",
                               created_at=now - timedelta(days=dpd)))
        points.append(dict(id=new_id(), case_id=case_id, position=20, kind="address",
                           value=_street_address(fake, province, city), number=None, owner="debtor", relation=None,
                           contact_name=None,
                           status="unverified", source="lender", created_at=now - timedelta(days=dpd)))
        rows[ContactPoint].extend(points)
        attempt_count += _history(rows, rng, fake, now, case_id, agent.id, points, dpd,
                                  outstanding_total, hold)
    for model in (Debtor, Case, Account, ContactPoint, ContactAttempt, PromiseToPay, Callback, Payment, Note):
        if rows[model]:
            session.execute(insert(model), rows[model])
    seed_strategy(session, now)  # segments, collectors, a month of champion/challenger history (issue 14)
    documents.mark_stale(session, [row["id"] for row in rows[Case]])
    return SeedSummary(teams=len(teams), agents=len(agents), leads=len(teams), cases=cases,
                       attempts=attempt_count)


def _days_past_due(rng: random.Random) -> int:
    bucket = rng.choices((1, 2, 3, 4), weights=(45, 25, 15, 15))[0]
    return {1: rng.randint(1, 30), 2: rng.randint(31, 60), 3: rng.randint(61, 90),
            4: rng.randint(91, 360)}[bucket]


def _history(rows: dict[type, list[dict[str, Any]]], rng: random.Random, fake: Faker, now: datetime,
             case_id: str, agent_id: str, points: list[dict[str, Any]], dpd: int,
             outstanding: int, hold: bool) -> int:
    """Past attempts at permitted hours (09:00–20:00 Beijing) with outcomes that fit who answered."""
    phones = [p for p in points if p["kind"] == "phone"]
    count = rng.choices((0, 1, 2, 3, 5, 8), weights=(12, 20, 25, 20, 15, 8))[0]
    days_back = max(1, min(dpd, 30))
    starts = []
    for _ in range(count):
        day = now - timedelta(days=rng.randint(1, days_back))
        local_hour = rng.choices(range(9, 21), weights=(3, 5, 6, 5, 3, 3, 4, 5, 5, 6, 7, 6))[0]
        starts.append(day.replace(hour=(local_hour - 8) % 24, minute=rng.randint(0, 59), second=0, microsecond=0))
    today = _earlier_today(rng, now)
    if today is not None and not hold and rng.random() < 0.15:
        starts.append(today)  # the team's work so far today: the lead's board is not all zeros
        count += 1
    for started in sorted(starts):
        point = rng.choice(phones)
        if point["owner"] == "emergency":
            reached = rng.choices((Reached.THIRD_PARTY, Reached.NOBODY), weights=(4, 6))[0]
        else:
            reached = rng.choices((Reached.RIGHT_PARTY, Reached.NOBODY), weights=(35, 65))[0]
        options = [o for o in ALLOWED_OUTCOMES[reached] if o.value not in
                   ("dispute", "hardship", "cease_contact", "deceased", "bankrupt", "callback_requested")]
        outcome = rng.choice(options)
        attempt_id = new_id()
        rows[ContactAttempt].append(dict(
            id=attempt_id, case_id=case_id, agent_id=agent_id, contact_point_id=point["id"],
            channel="call", started_at=started, ended_at=started + timedelta(seconds=rng.randint(20, 400)),
            reached=reached.value, outcome=outcome.value,
            note=rng.choice(NOTE_LINES) if reached is not Reached.NOBODY else "",
            recording_ref=f"rec-{attempt_id[:8]}", talk_track_id=None, talk_track_version=None,
            compliance_flag=None, received_at=started,
        ))
        if outcome.value == "promise_to_pay":
            due = started.date() + timedelta(days=rng.randint(2, 10))
            status = "pending" if due >= now.date() else rng.choice(("kept", "broken"))
            if due == now.date() and rng.random() < 0.5:
                status = "kept"  # paid this morning: the board's "collected" has something today
            amount = max(10000, outstanding // rng.choice((2, 3, 4)) // 100 * 100)
            promise = dict(id=new_id(), case_id=case_id, attempt_id=attempt_id, agent_id=agent_id,
                                amount_minor=amount, currency="CNY", due_date=due, status=status,
                                created_at=started)
            rows[PromiseToPay].append(promise)
            if status == "kept":
                rows[Payment].append(dict(id=new_id(), case_id=case_id, amount_minor=amount,
                                          currency="CNY", paid_on=due))
    if not hold and count and rng.random() < 0.05:
        due = now + timedelta(minutes=rng.randint(-90, 240))
        rows[Callback].append(dict(id=new_id(), case_id=case_id, attempt_id=None, due_at=due, status="open"))
    if rng.random() < 0.1:
        rows[Note].append(dict(id=new_id(), case_id=case_id, author_id=agent_id,
                               text=rng.choice(NOTE_LINES), written_at=now - timedelta(days=rng.randint(1, 20))))
    return count


def _earlier_today(rng: random.Random, now: datetime) -> datetime | None:
    """A time today between 09:00 Beijing and a few minutes ago, or None before 09:30."""
    beijing = now + timedelta(hours=8)
    opened = beijing.replace(hour=9, minute=0, second=0, microsecond=0)
    latest = min(beijing - timedelta(minutes=5), beijing.replace(hour=20, minute=55))
    if latest <= opened + timedelta(minutes=30):
        return None
    span = int((latest - opened).total_seconds())
    return opened + timedelta(seconds=rng.randint(0, span)) - timedelta(hours=8)


def _street_address(fake: Any, province: str, city: str) -> str:
    """A made-up street in the debtor's real province and city (municipalities named once)."""
    place = city if province == city else f"{province}{city}"
    return f"{place}{fake.street_name()}{fake.random_int(1, 899)}号"
