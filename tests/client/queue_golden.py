"""A fixed synthetic portfolio and the queue the desk showed for it, row by row.

Why: the queue's build was made columnar (issue 20) and must show exactly what the
per-case build showed: the same order, scores, "callable from" and reasons for every row.
`snapshot` builds the queue at pinned instants (day, the quiet hours, a clock set back)
and after a local write (the refresh that re-scores a few cases), and writes every row as
plain values; `queue_golden.json.gz` holds the snapshot the per-case code (main at
7c2e17c) gave, and `tests/client/test_queue_golden.py` compares today's code against it.

Regenerate only on purpose (a rule change that changes what is shown):
    PYTHONPATH=. .venv/bin/python -m tests.client.queue_golden tests/client/queue_golden.json.gz
"""

from __future__ import annotations

import gzip
import random
import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
# 11:05 Beijing (day); 23:30 Beijing (quiet hours there, day in London); 18:00 New York
# on the day before (a clock set back behind the history's newest contacts).
INSTANTS = (datetime(2026, 11, 27, 3, 5, 30, tzinfo=UTC), datetime(2026, 11, 27, 15, 30, tzinfo=UTC),
            datetime(2026, 11, 20, 23, 0, 10, tzinfo=UTC))
ZONES = ("Asia/Shanghai", "Asia/Shanghai", "Asia/Urumqi", "America/New_York", "Europe/London")
OUTCOMES = (("nobody", "no_answer"), ("nobody", "busy"), ("right_party", "refusal"),
            ("third_party", "message_left"), ("right_party", "callback_requested"),
            ("right_party", "promise_to_pay"))
GOLDEN = Path(__file__).with_name("queue_golden.json.gz")


def _case(rnd: random.Random, i: int) -> dict[str, Any]:
    """A case with the variety the queue distinguishes: zones, holds, histories today and
    months ago (all channels), promises, callbacks, consent, people and numbers shared."""
    case_id = str(uuid.UUID(int=rnd.getrandbits(128)))
    phone = f"cp-{i}"
    dpd = rnd.choice((0, rnd.randrange(1, 30), rnd.randrange(30, 120), rnd.randrange(1, 400)))
    overdue = rnd.randrange(0, 5_000_000) if i % 41 else 0
    bucket = "M0" if dpd < 1 else ("M1" if dpd <= 30 else "M2" if dpd <= 60 else "M3" if dpd <= 90 else "M4+")
    agent = f"agent{i % 5:02d}" if i % 50 else None
    status = rnd.choices(("open", "on_hold", "closed"), (85, 10, 5))[0]
    zone = ZONES[i % len(ZONES)]
    history = []
    for _ in range(rnd.choice((0, 0, 1, 3, 8))):
        reached, outcome = rnd.choice(OUTCOMES)
        back = rnd.choice((timedelta(minutes=rnd.randrange(2, 600)), timedelta(days=rnd.randrange(0, 9)),
                           timedelta(days=rnd.randrange(0, 200), hours=rnd.randrange(0, 24))))
        started = NOW - back
        history.append({"id": str(uuid.UUID(int=rnd.getrandbits(128))), "started_at": started.isoformat(),
                        "ended_at": None, "channel": rnd.choice(("call", "call", "call", "sms")),
                        "contact_point_id": phone, "reached": reached, "outcome": outcome,
                        "agent": agent or "agent01", "note": "", "compliance_flag": None,
                        "talk_track_id": None, "talk_track_version": None})
    promises = []
    if rnd.random() < 0.3:
        promises.append({"id": str(uuid.UUID(int=rnd.getrandbits(128))), "attempt_id": None,
                         "amount_minor": max(1, overdue // 2), "currency": "CNY",
                         "due_date": (date(2026, 11, 27) + timedelta(days=rnd.randrange(-20, 20))).isoformat(),
                         "status": rnd.choice(("pending", "kept", "broken")),
                         "created_at": (NOW - timedelta(days=rnd.randrange(1, 30))).isoformat()})
    callbacks = []
    if rnd.random() < 0.15:
        callbacks.append({"id": str(uuid.UUID(int=rnd.getrandbits(128))),
                          "due_at": (NOW + timedelta(minutes=rnd.randrange(-600, 900))).isoformat(),
                          "status": "open"})
    debtor: dict[str, Any] = {"id": f"d{i}", "name": f"债务人{i:04d}", "national_id_masked": "110***********1234",
                              "birth_date": "1985-01-01", "province": "北京", "city": "北京", "time_zone": zone}
    if i % 13 == 0 or i % 13 == 1:  # pairs of cases of one person
        debtor["person_key"] = f"person-{i // 13}"
    point = {"id": phone, "kind": "phone", "value_masked": f"138****{i % 10000:04d}", "owner": "debtor",
             "relation": None, "contact_name": None, "status": rnd.choice(("valid", "valid", "valid", "invalid")),
             "source": "lender"}
    if i % 17 in (3, 4):  # pairs of cases sharing a number
        point["number_key"] = f"number-{i // 17}"
    return {
        "id": case_id, "seq": i + 1, "lender": rnd.choice(("示例消费金融", "华东小贷")),
        "status": status, "hold_reason": rnd.choice(("dispute", "legal", None)) if status == "on_hold" else None,
        "assigned_agent_id": agent and f"u-{agent}", "assigned_agent": agent, "team_id": "t1",
        "consent_late_calls": i % 29 == 0, "debtor": debtor,
        "accounts": [{"id": f"a{i}", "account_no": f"AC{i:08d}", "product": "现金贷", "currency": "CNY",
                      "principal_minor": overdue * 2, "outstanding_minor": overdue * 2, "overdue_minor": overdue,
                      "fees_minor": 0, "due_date": (date(2026, 11, 27) - timedelta(days=dpd)).isoformat(),
                      "days_past_due": dpd, "bucket": bucket}],
        "contact_points": [point],
        "attempts": history, "promises": promises, "callbacks": callbacks, "notes": [], "payments": [],
    }


def portfolio(path: Path, cases: int = 900) -> Any:
    """The store of `cases` synthetic cases (seeded: the same every time)."""
    from agentdesk import contract
    from agentdesk.client.store import LocalStore
    from agentdesk.clock import FixedClock

    store = LocalStore(path, "0" * 64, clock=FixedClock(NOW))
    rnd = random.Random(20)
    docs = [_case(rnd, i) for i in range(cases)]
    store.apply_changes([contract.Change(entity="case", op="upsert", id=d["id"], data=d) for d in docs], "1")
    return store


def _write(store: Any, case_id: str, n: int, me: str) -> None:
    """A local unanswered call on `case_id` (what a wrap-up writes), not yet sent."""
    with store.transaction() as s:
        doc = store.case_doc(case_id)
        point = doc["contact_points"][0]["id"]
        store.enqueue(s, "attempt.record", {
            "attempt_id": f"local-{n}", "case_id": case_id,
            "started_at": (INSTANTS[0] - timedelta(minutes=1)).isoformat(),
            "ended_at": None, "channel": "call", "contact_point_id": point, "reached": "nobody",
            "outcome": "no_answer", "note": ""}, case_id, mutation_id=f"m-{n}")
        store.refresh_summary(s, case_id, me)


def rows_of(queue: Any) -> list[list[Any]]:
    """Every row as plain values: what the desk shows of it (scores to the last bit)."""
    out = []
    for r in queue:
        out.append([r.case_id, r.debtor_name, r.lender, r.overdue.minor, r.overdue.currency, r.outstanding.minor,
                    r.days_past_due, r.bucket, r.status, r.last_outcome,
                    r.last_attempt_at.isoformat() if r.last_attempt_at else None, float(r.score).hex(),
                    [[x.key, x.text_en, x.text_zh, float(x.points).hex()] for x in r.reasons],
                    r.callable_from.isoformat() if r.callable_from else None, r.assigned_agent, r.has_pending,
                    r.matched])
    return out


def snapshot(folder: Path) -> dict[str, Any]:
    """The queue at each instant (a fresh cache, then one kept across the instants), with a
    filter and a search, and after local writes refreshed within the minute (`few`)."""
    from agentdesk.client.queue import QueueCache, build_queue
    from agentdesk.domain import compliance

    store = portfolio(folder / "golden.db")
    policy = compliance.load_policy("china")
    me = "lead01"
    out: dict[str, Any] = {}
    for n, now in enumerate(INSTANTS):
        out[f"fresh-{n}"] = rows_of(build_queue(store, policy, now, "all", "", me, QueueCache()))
    out["promises"] = rows_of(build_queue(store, policy, INSTANTS[1], "promises", "", me, QueueCache()))
    out["search"] = rows_of(build_queue(store, policy, INSTANTS[0], "all", "01", me, QueueCache()))
    now = INSTANTS[0]
    cache = QueueCache()
    first = build_queue(store, policy, now, "all", "", me, cache)
    sibling = next(r.case_id for r in first if r.debtor_name == "债务人0013")  # shares a person with 0014
    for n, case_id in enumerate([first[0].case_id, first[len(first) // 2].case_id, sibling]):
        _write(store, case_id, n, me)
        out[f"few-{n}"] = rows_of(build_queue(store, policy, now + timedelta(seconds=n), "all", "", me, cache))
        out[f"few-{n}-rescored"] = cache.last_rescored
    out["after-writes-fresh"] = rows_of(build_queue(store, policy, now, "all", "", me, QueueCache()))
    store.close()
    return out


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        found = snapshot(Path(folder))
    Path(sys.argv[1]).write_bytes(gzip.compress(orjson.dumps(found), 9, mtime=0))


if __name__ == "__main__":
    main()
