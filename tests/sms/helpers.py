"""Helpers the SMS tests share: sendable cases, pushing `sms.send`, a dispatcher on Kannel."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from agentdesk import clock
from agentdesk.domain import sms_templates
from agentdesk.server.db import Database
from agentdesk.server.models import Case, User
from agentdesk.server.sms import outbox
from agentdesk.server.sms.dispatcher import Dispatcher, DispatchSettings
from agentdesk.server.sms.gateway import KannelConfig, KannelGateway
from tests.support.kannel import Kannel


@dataclass(frozen=True)
class Sendable:
    case_id: str
    point_id: str
    number: str
    agent: str


def sendable_cases(db: Database, template_id: str = "payment_reminder", limit: int = 1000,
                   agents: tuple[str, ...] | None = None, zone: str | None = None,
                   check: bool = True) -> list[Sendable]:
    """Cases whose debtor's verified number the guard lets `template_id` reach right now
    (all such cases when not `check`), one per number (a number shared by two debtors
    would be limited by the other); `zone`: only debtors in that time zone."""
    template = sms_templates.latest(outbox.templates(), template_id)
    now = clock.now()
    found: list[Sendable] = []
    seen: set[str] = set()
    with db.transaction() as s:
        users = {u.id: u.username for u in s.scalars(select(User))}
        cases = s.scalars(select(Case).where(Case.status == "open", Case.assigned_agent_id.is_not(None))
                          .order_by(Case.id).options(selectinload(Case.contact_points),
                                                     selectinload(Case.debtor))).all()
        for case in cases:
            if agents and users.get(case.assigned_agent_id or "") not in agents:
                continue
            if zone and case.debtor.time_zone != zone:
                continue
            point = next((p for p in case.contact_points if p.kind == "phone" and p.owner == "debtor"
                          and p.status == "valid"), None)
            # One per number and one per person: a person with two loans is one debtor to the
            # SMS limits, and a second message to them the same day is (rightly) refused.
            person = case.debtor.person_key or case.debtor_id
            if point is None or outbox.normalized(point.value) in seen or person in seen:
                continue
            if check and not outbox.verdict_for(s, case, point, template, now).allowed:
                continue
            seen.add(outbox.normalized(point.value))
            seen.add(person)
            found.append(Sendable(case.id, point.id, point.value, users[case.assigned_agent_id or ""]))
            if len(found) >= limit:
                break
    return found


def login(base_url: str, username: str) -> dict[str, str]:
    r = httpx.post(f"{base_url}/v1/auth/login", json={"username": username, "password": "demo"}, trust_env=False)
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def send_mutation(target: Sendable, template_id: str = "payment_reminder", version: int = 1,
                  message_id: str | None = None, lang: str = "zh") -> dict[str, object]:
    return {"id": str(uuid.uuid4()), "type": "sms.send", "payload": {
        "message_id": message_id or str(uuid.uuid4()), "case_id": target.case_id,
        "contact_point_id": target.point_id, "template_id": template_id, "template_version": version,
        "lang": lang}}


def push(base_url: str, headers: dict[str, str], mutations: list[dict[str, object]]) -> list[dict[str, object]]:
    results: list[dict[str, object]] = []
    for start in range(0, len(mutations), 500):
        r = httpx.post(f"{base_url}/v1/sync/push", json={"mutations": mutations[start:start + 500]},
                       headers=headers, timeout=120, trust_env=False)
        r.raise_for_status()
        results += r.json()["results"]
    return results


def kannel_dispatcher(db: Database, kannel: Kannel, callback_base: str, sendsms_url: str | None = None,
                      grace: float = 600.0, timeout: float = 10.0, batch: int = 200,
                      concurrency: int = 4) -> Dispatcher:
    gateway = KannelGateway(KannelConfig(
        sendsms_url=sendsms_url or kannel.sendsms_url, username=kannel.username, password=kannel.password,
        admin_url=kannel.admin_url, admin_password=kannel.admin_password, timeout=timeout))
    settings = DispatchSettings(callback_base=callback_base, uncertain_grace=timedelta(seconds=grace),
                                backoff_max=timedelta(seconds=1), lease=timedelta(seconds=30), batch=batch,
                                concurrency=concurrency)
    return Dispatcher(db, gateway, settings)
