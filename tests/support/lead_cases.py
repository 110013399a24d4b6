"""A lead's replica with known team cases, built without a server, and an independent oracle.

`CaseSpec` says what a case is (agent, days past due, amount, status, last outcome,
promise); `case_doc` turns it into a server-shaped document that the client's own
`LocalStore.apply_changes` stores, as a pull would. `matching` answers "which cases would
a lead see" straight from the specs, so the grid's filters are checked against plain
Python, not against themselves.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from agentdesk import contract
from agentdesk.client.lead import GridFilter
from agentdesk.client.store import LocalStore
from agentdesk.domain.money import bucket_for

AGENTS = ("agent01", "agent02", "agent03", "agent04")
OUTCOMES = (None, "no_answer", "refusal", "promise_to_pay")
PROMISES = (None, "pending", "kept", "broken")
NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


@dataclass(frozen=True)
class CaseSpec:
    id: str
    name: str
    agent: str | None
    dpd: int
    overdue_minor: int
    status: str = "open"
    outcome: str | None = None
    promise: str | None = None
    lender: str = "示例消费金融"
    phone_tail: str = "0000"

    @property
    def bucket(self) -> str:
        return bucket_for(self.dpd)


def random_specs(n: int, seed: int = 5) -> list[CaseSpec]:
    rnd = random.Random(seed)
    return [
        CaseSpec(
            id=str(uuid.UUID(int=rnd.getrandbits(128))), name=f"{rnd.choice('王李张刘陈')}{i:04d}",
            agent=rnd.choice((*AGENTS, None)), dpd=rnd.randrange(0, 200),
            overdue_minor=rnd.randrange(10_000, 3_000_000) // 100 * 100,
            status=rnd.choices(("open", "on_hold", "closed"), (8, 1, 1))[0],
            outcome=rnd.choice(OUTCOMES), promise=rnd.choice(PROMISES),
            lender=rnd.choice(("示例消费金融", "华东小贷")), phone_tail=f"{rnd.randrange(10_000):04d}",
        )
        for i in range(n)
    ]


def case_doc(spec: CaseSpec, seq: int = 1) -> dict[str, Any]:
    phone = f"p-{spec.id}"
    attempts = [] if spec.outcome is None else [{
        "id": f"att-{spec.id}", "started_at": (NOW - timedelta(days=1)).isoformat(), "ended_at": None,
        "channel": "call", "contact_point_id": phone, "reached": "right_party", "outcome": spec.outcome,
        "agent": spec.agent or "agent01", "note": "", "compliance_flag": None, "talk_track_id": None,
        "talk_track_version": None,
    }]
    promises = [] if spec.promise is None else [{
        "id": f"pr-{spec.id}", "attempt_id": None, "amount_minor": spec.overdue_minor // 2, "currency": "CNY",
        "due_date": (date(2026, 12, 1)).isoformat(), "status": spec.promise,
        "created_at": (NOW - timedelta(days=2)).isoformat(),
    }]
    return {
        "id": spec.id, "seq": seq, "lender": spec.lender, "status": spec.status, "hold_reason": None,
        "assigned_agent_id": spec.agent and f"u-{spec.agent}", "assigned_agent": spec.agent, "team_id": "t1",
        "consent_late_calls": False,
        "debtor": {"id": f"d-{spec.id}", "name": spec.name, "national_id_masked": "110***********1234",
                   "birth_date": "1985-01-01", "province": "北京", "city": "北京", "time_zone": "Asia/Shanghai"},
        "accounts": [{"id": f"a-{spec.id}", "account_no": f"AC-{spec.id[:8]}", "product": "现金贷",
                      "currency": "CNY", "principal_minor": spec.overdue_minor * 2,
                      "outstanding_minor": spec.overdue_minor * 2, "overdue_minor": spec.overdue_minor,
                      "fees_minor": 0, "due_date": (date(2026, 11, 27) - timedelta(days=spec.dpd)).isoformat(),
                      "days_past_due": spec.dpd, "bucket": spec.bucket}],
        "contact_points": [{"id": phone, "kind": "phone", "value_masked": f"138****{spec.phone_tail}",
                            "owner": "debtor", "relation": None, "contact_name": None, "status": "valid",
                            "source": "lender"}],
        "attempts": attempts, "promises": promises, "callbacks": [], "notes": [], "payments": [],
    }


def upsert(store: LocalStore, specs: Iterable[CaseSpec], cursor: str = "1") -> None:
    changes = [contract.Change(entity="case", op="upsert", id=s.id, data=case_doc(s)) for s in specs]
    store.apply_changes(changes, cursor)


def remove(store: LocalStore, ids: Iterable[str], cursor: str = "2") -> None:
    store.apply_changes([contract.Change(entity="case", op="remove", id=i) for i in ids], cursor)


def lead_store(path: Path, specs: Sequence[CaseSpec]) -> LocalStore:
    store = LocalStore(path, None)  # unencrypted: the tests need no keyring
    for start in range(0, len(specs), 1000):
        upsert(store, specs[start:start + 1000], str(start))
    store.set_meta("username", "lead01")
    return store


def matching(specs: Iterable[CaseSpec], f: GridFilter) -> list[CaseSpec]:
    """The cases a lead should see for `f`, decided from the specs alone."""
    def keep(s: CaseSpec) -> bool:
        return all((
            f.agent is None or (s.agent or "") == f.agent,
            not f.bucket or s.bucket == f.bucket,
            f.min_dpd is None or s.dpd >= f.min_dpd,
            f.max_dpd is None or s.dpd <= f.max_dpd,
            f.min_overdue_minor is None or s.overdue_minor >= f.min_overdue_minor,
            f.max_overdue_minor is None or s.overdue_minor <= f.max_overdue_minor,
            not f.status or s.status == f.status,
            not f.last_outcome or s.outcome == (None if f.last_outcome == "none" else f.last_outcome),
            not f.promise_status or s.promise == (None if f.promise_status == "none" else f.promise_status),
            not f.search.strip() or f.search.strip().lower() in f"{s.name} {s.phone_tail} ac-{s.id[:8]}".lower(),
        ))
    return [s for s in specs if keep(s)]


def moved(spec: CaseSpec, **changes: Any) -> CaseSpec:
    return replace(spec, **changes)


def board(specs: Sequence[CaseSpec]) -> dict[str, Any]:
    """A /v1/team/board answer for the specs' agents."""
    return {"as_of": NOW.isoformat(), "agents": [
        {"id": f"u-{a}", "username": a, "display_name": a.title(), "state": "available",
         "queue_size": sum(1 for s in specs if s.agent == a),
         "queue_value_minor": sum(s.overdue_minor for s in specs if s.agent == a),
         "attempts_today": 0, "rpc_today": 0, "promises_today": 0, "promised_minor_today": 0,
         "collected_minor_today": 0}
        for a in AGENTS]}
