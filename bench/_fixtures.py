"""Synthetic case documents and stores for the benchmarks (no server, no keyring).

The documents have the server's shape (what a pull hands to `LocalStore.apply_changes`),
so a store filled from them is the store a real first sync would leave. Shared by
bench_queue.py (the client core alone) and bench_workstation.py (the real main window).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from agentdesk import contract
from agentdesk.client.store import LocalStore
from agentdesk.domain.money import bucket_for

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)  # 11:00 in Beijing: calls allowed
OUTCOMES = (("nobody", "no_answer"), ("nobody", "busy"), ("right_party", "refusal"),
            ("third_party", "message_left"), ("right_party", "callback_requested"))
RELATIONS = (("spouse", "配偶"), ("colleague", "同事"), ("parent", "父亲"), ("friend", "朋友"))


def synthetic_case(rnd: random.Random, i: int, attempts: int, *, now: datetime = NOW,
                   time_zone: str = "Asia/Shanghai", third_parties: int = 0) -> dict[str, Any]:
    """Case `i` with `attempts` earlier calls in the 120 days before `now`.

    `third_parties` adds that many emergency contacts (numbers drawn after everything
    else, so the default documents stay identical for a given seed).
    """
    case_id = str(uuid.UUID(int=rnd.getrandbits(128)))
    phone = str(uuid.UUID(int=rnd.getrandbits(128)))
    dpd = rnd.randrange(1, 400)
    overdue = rnd.randrange(50_000, 3_000_000)
    history = []
    for _ in range(attempts):
        reached, outcome = rnd.choice(OUTCOMES)
        started = now - timedelta(days=rnd.randrange(0, 120), hours=rnd.randrange(0, 10), minutes=rnd.randrange(60))
        history.append({"id": str(uuid.UUID(int=rnd.getrandbits(128))), "started_at": started.isoformat(),
                        "ended_at": None, "channel": "call", "contact_point_id": phone, "reached": reached,
                        "outcome": outcome, "agent": "agent01", "note": "已跟进", "compliance_flag": None,
                        "talk_track_id": None, "talk_track_version": None})
    today = now.astimezone(ZoneInfo(time_zone)).date()
    points = [{"id": phone, "kind": "phone", "value_masked": "138****0000", "owner": "debtor",
               "relation": None, "contact_name": None, "status": "valid", "source": "lender"}]
    for n in range(third_parties):
        relation, name = RELATIONS[n % len(RELATIONS)]
        points.append({"id": str(uuid.UUID(int=rnd.getrandbits(128))), "kind": "phone",
                       "value_masked": f"139****{n:04d}", "owner": "third_party", "relation": relation,
                       "contact_name": f"{name}{i % 100:02d}", "status": "valid", "source": "lender"})
    return {
        "id": case_id, "seq": i + 1, "lender": "示例消费金融", "status": "open", "hold_reason": None,
        "assigned_agent_id": "u1", "assigned_agent": "agent01", "team_id": "t1", "consent_late_calls": False,
        "debtor": {"id": f"d{i}", "name": f"债务人{i:05d}", "national_id_masked": "110***********1234",
                   "birth_date": "1985-01-01", "province": "北京", "city": "北京", "time_zone": time_zone},
        "accounts": [{"id": f"a{i}", "account_no": f"AC{i:08d}", "product": "现金贷", "currency": "CNY",
                      "principal_minor": overdue * 2, "outstanding_minor": overdue * 2, "overdue_minor": overdue,
                      "fees_minor": 0, "due_date": (today - timedelta(days=dpd)).isoformat(),
                      "days_past_due": dpd, "bucket": bucket_for(dpd)}],
        "contact_points": points,
        "attempts": history, "promises": [], "callbacks": [], "notes": [], "payments": [],
    }


def fill_store(store: LocalStore, docs: Sequence[dict[str, Any]], page: int = 1000) -> None:
    """Apply the documents as a pull would: pages of upserts, each with its cursor."""
    for start in range(0, len(docs), page):
        store.apply_changes([contract.Change(entity="case", op="upsert", id=d["id"], data=d)
                             for d in docs[start:start + page]], str(start + page))


def daytime_zone(now: datetime) -> str:
    """A debtor time zone where `now` is within calling hours (Beijing when it is daytime
    there), so a benchmark run at any hour finds callable cases."""
    if 9 <= now.astimezone(ZoneInfo("Asia/Shanghai")).hour < 20:
        return "Asia/Shanghai"
    offset = 12 - now.astimezone(UTC).hour  # hours east of UTC where it is about noon: -11..12
    return "Etc/GMT" + (f"-{offset}" if offset > 0 else f"+{-offset}" if offset < 0 else "")


def spread_attempts(total: int, cases: int, seed: int = 5) -> list[int]:
    """`total` attempts over `cases`, unevenly as in a real portfolio: new cases have a few,
    old ones many (log-normal weights; median about 0.6 of the mean, p95 about 3 times it)."""
    rnd = random.Random(seed)
    weights = [rnd.lognormvariate(0.0, 1.0) for _ in range(cases)]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in rnd.sample(range(cases), total - sum(counts)):  # the rounding remainder
        counts[i] += 1
    return counts
