"""The server's reassignment write, set-based beside the per-row baseline (bench_reassign.py).

Both run in process on their own copy of the same seeded database and move the same
10,000 cases (agent01's and agent02's, to agent03), in one transaction each, committed:

* baseline: the writer before issue 20, kept here only to be measured: an ORM bulk UPDATE
  by primary key (one statement per case), executemany INSERTs of scope exits, items and
  audit rows; on the layout it ran on, with the cached documents inside each case row
  and an index on the owner alone (both restored on the baseline's copy);
* now: `reassign.reassign_cases` (agentdesk/server/bulk_moves.py) on today's layout.

The plan (`reassign.plan_moves`) is the same code for both and printed apart.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.clock import PROCESS
from agentdesk.server import reassign
from agentdesk.server.db import Database
from agentdesk.server.models import AuditEntry, Case, Reassignment, ReassignmentItem, ScopeExit, User
from agentdesk.server.sync import next_seqs


def per_row_write(session: Session, user: User, plan: reassign.Plan, mode: str, now: datetime) -> str:
    """The writer before issue 20 (agentdesk/server/reassign.py at 83d6b05), unchanged."""
    record = Reassignment(team_id=plan.team_id, user_id=user.id, mode=mode, case_count=len(plan.moves),
                          created_at=now)
    session.add(record)
    session.flush()
    seqs = next_seqs(session, len(plan.moves))
    rows = [(c.case_id, c.agent_id, to, seq) for (c, to), seq in zip(plan.moves, seqs, strict=True)]
    session.execute(update(Case), [{"id": cid, "assigned_agent_id": to, "seq": seq} for cid, _f, to, seq in rows])
    exits = [{"seq": seq, "case_id": cid, "agent_id": frm, "team_id": None, "left_at": now}
             for cid, frm, _t, seq in rows if frm]
    if exits:
        session.execute(insert(ScopeExit), exits)
    session.execute(insert(ReassignmentItem), [
        {"reassignment_id": record.id, "case_id": c.case_id, "from_agent_id": c.agent_id, "to_agent_id": to,
         "seq_after": seq}
        for (c, to), seq in zip(plan.moves, seqs, strict=True)
    ])
    session.execute(insert(AuditEntry), [
        {"at": now, "user_id": user.id, "action": "case.reassign", "entity": "case", "entity_id": c.case_id,
         "detail": {"reassignment": record.id, "from": c.agent_id, "to": to}}
        for c, to in plan.moves
    ])
    return record.id


def former_layout(source: Path, target: Path) -> None:
    """A copy of `source` with the cached documents back inside the case rows and the owner's
    own index, as before migration 0011."""
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    conn.executescript("""
        ALTER TABLE cases ADD COLUMN doc_cache TEXT;
        ALTER TABLE cases ADD COLUMN queue_cache TEXT;
        UPDATE cases SET doc_cache = (SELECT d.doc_cache FROM case_documents d WHERE d.case_id = cases.id),
                         queue_cache = (SELECT d.queue_cache FROM case_documents d WHERE d.case_id = cases.id);
        DELETE FROM case_documents;
        CREATE INDEX IF NOT EXISTS ix_cases_assigned_agent_id ON cases (assigned_agent_id);
    """)
    conn.commit()
    conn.execute("VACUUM")  # rows laid out as a database that always had them, not grown in place
    conn.close()


def _run(db_file: Path, writer: str) -> tuple[int, float, float, float]:
    db = Database(f"sqlite:///{db_file}")
    try:
        with db.transaction() as s:
            users = {u.username: u for u in s.scalars(select(User))}
            ids = list(s.scalars(select(Case.id).where(
                Case.assigned_agent_id.in_([users["agent01"].id, users["agent02"].id]))))
            lead_id, target = users["lead01"].id, users["agent03"].id
        request = contract.ReassignRequest(case_ids=ids, mode="one", agent_ids=[target])
        started = time.perf_counter()
        with db.transaction() as s:
            lead = s.get(User, lead_id)
            assert lead is not None and lead.team_id is not None
            plan = reassign.plan_moves(s, lead.team_id, request)
            planned = time.perf_counter()
            if writer == "per-row":
                per_row_write(s, lead, plan, "one", PROCESS.now())
            else:
                reassign.reassign_cases(s, lead, plan, "one", PROCESS.now())
            written = time.perf_counter()
        committed = time.perf_counter()
        return len(plan.moves), planned - started, written - planned, committed - written
    finally:
        db.dispose()


def compare_writers(seeded: Path, runs: int) -> None:
    """Print the plan, write and commit of both writers (best of `runs`, alternating)."""
    with tempfile.TemporaryDirectory(prefix="agentdesk-bench-writers-") as folder:
        former, work = Path(folder) / "former.db", Path(folder) / "run.db"
        former_layout(seeded, former)
        best: dict[str, tuple[int, float, float, float]] = {}
        for _ in range(runs):
            for writer, source in (("per-row", former), ("set-based", seeded)):
                shutil.copy(source, work)
                result = _run(work, writer)
                if writer not in best or sum(result[2:]) < sum(best[writer][2:]):
                    best[writer] = result
                work.unlink()
    print(f"[1] the server's write in process (best of {runs}, each on its own copy of the database)")
    for writer, label in (("per-row", "baseline: per row, documents in the case row"),
                          ("set-based", "now: set-based, documents apart")):
        moves, plan, write, commit = best[writer]
        print(f"  {label:<48} {moves:,} moves: plan {1000 * plan:,.0f} ms, write {1000 * write:,.0f} ms, "
              f"commit {1000 * commit:,.0f} ms → write + commit {1000 * (write + commit):,.0f} ms")
    ratio = sum(best["per-row"][2:]) / max(sum(best["set-based"][2:]), 1e-9)
    print(f"  write + commit: {ratio:.1f}× faster than the baseline")
