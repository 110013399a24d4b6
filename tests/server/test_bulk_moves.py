"""Reassignment written set-based (agentdesk/server/bulk_moves.py), over real HTTP on
loopback, on SQLite and on PostgreSQL, with real desks (store + sync engine) on both ends.

What a lead and the agents would notice if the bulk path lost a behaviour: a moved case
still on the old agent's desk, or arriving at the new one's without its history; the
former owner's calls made before the move refused (or their decisions taken); another
team's case moved, or half a batch moved before the refusal; an audit trail without a
row per case, or with the wrong owners; an undo that gives back a case changed since.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, select

from agentdesk import clock
from agentdesk.client.api import ApiClient
from agentdesk.client.store import LocalStore
from agentdesk.client.sync import SyncEngine
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import (
    AuditEntry,
    Case,
    Reassignment,
    ReassignmentItem,
    ScopeExit,
    SyncCounter,
    User,
)


class Desk:
    """An agent's desk: the real local store and sync engine against the server."""

    def __init__(self, server: EmbeddedServer, username: str, folder: Path) -> None:
        self.api = ApiClient(server.url)
        self.api.login(username, "demo")
        self.store = LocalStore(folder / f"{username}.db", None)
        self.engine = SyncEngine(self.api, self.store)
        self.engine.sync_once()

    def ids(self) -> set[str]:
        return {row.id for row in self.store.case_rows()}

    def close(self) -> None:
        self.store.close()
        self.api.close()


def _login(client: httpx.Client, username: str) -> dict[str, str]:
    response = client.post("/v1/auth/login", json={"username": username, "password": "demo"})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _user(server: EmbeddedServer, username: str) -> str:
    with server.database.transaction() as s:
        found = s.scalar(select(User.id).where(User.username == username))
    assert found is not None
    return found


def _push(client: httpx.Client, headers: dict[str, str], type_: str, payload: dict) -> dict:
    body = {"mutations": [{"id": str(uuid.uuid4()), "type": type_, "payload": payload}]}
    response = client.post("/v1/sync/push", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["results"][0]


def test_moved_cases_leave_the_old_desk_and_arrive_at_the_new_one_with_their_history(
        server: EmbeddedServer, tmp_path: Path) -> None:
    a1, a2 = Desk(server, "agent01", tmp_path), Desk(server, "agent02", tmp_path)
    try:
        before1, before2 = a1.ids(), a2.ids()
        # The cases that carry history on agent01's desk (calls made on them), and two more.
        with_history = sorted(i for i in before1 if (a1.store.case_doc(i) or {}).get("attempts"))[:8]
        moving = with_history + sorted(before1 - set(with_history))[:2]
        assert len(with_history) >= 3, "the demo seeds calls on agent01's cases"
        history = {i: (a1.store.case_doc(i) or {})["attempts"] for i in moving}
        a1.store.take_notices()
        with httpx.Client(base_url=server.url, timeout=30) as client:
            lead = _login(client, "lead01")
            agent01 = _login(client, "agent01")
            called = clock.now() - timedelta(minutes=2)  # a call made before the move, delivered after it
            done = client.post("/v1/cases/reassign", headers=lead,
                               json={"case_ids": moving, "mode": "one", "agent_ids": [_user(server, "agent02")]})
            assert done.status_code == 200, done.text
            assert done.json()["total_cases"] == len(moving)

            pulled2 = a2.engine.sync_once()
            assert pulled2.upserted == set(moving) and a2.ids() == before2 | set(moving)
            for case_id in moving:
                doc = a2.store.case_doc(case_id)
                assert doc is not None and doc["assigned_agent"] == "agent02"
                assert doc["attempts"] == history[case_id], "the case arrives with its calls"
            rows = {r.id: r for r in a2.store.case_rows()}
            assert all(rows[i].assigned_agent == "agent02" for i in moving)

            pulled1 = a1.engine.sync_once()
            assert pulled1.removed == set(moving) and a1.ids() == before1 - set(moving)
            assert len([n for n in a1.store.take_notices() if n.kind == "reassigned"]) == len(moving)

            # The former owner's window for late facts starts at the move: a call made before
            # it is taken, a decision or a note written after it is not.
            late_call = _push(client, agent01, "attempt.record", {
                "attempt_id": str(uuid.uuid4()), "case_id": moving[0], "started_at": called.isoformat(),
                "reached": "nobody", "outcome": "no_answer"})
            assert late_call["status"] == "applied", late_call
            note = _push(client, agent01, "note.add", {"case_id": moving[1], "text": "后来写的",
                                                       "written_at": clock.now().isoformat()})
            assert note["status"] == "rejected" and "before the move" in note["reason"]
            promise = _push(client, agent01, "promise.add", {
                "promise_id": str(uuid.uuid4()), "case_id": moving[2], "amount_minor": 10000,
                "due_date": (clock.now() + timedelta(days=3)).date().isoformat()})
            assert promise["status"] == "rejected" and "reassigned" in promise["reason"]

            # Undo: the cases go back, and each desk learns it on its next pull; the case the
            # late call changed since stays with agent02, the call on it.
            undo = client.post(f"/v1/cases/reassign/{done.json()['reassignment_id']}/undo", headers=lead)
            assert undo.status_code == 200 and undo.json() == {"restored": len(moving) - 1, "skipped": 1}
            kept, returned = moving[0], set(moving[1:])
            assert a2.engine.sync_once().removed == returned and a2.ids() == before2 | {kept}
            stayed = a2.store.case_doc(kept)
            assert stayed is not None and len(stayed["attempts"]) == len(history[kept]) + 1
            assert a1.engine.sync_once().upserted >= returned and a1.ids() == before1 - {kept}
            back = a1.store.case_doc(moving[1])
            assert back is not None and back["assigned_agent"] == "agent01"
            assert back["attempts"] == history[moving[1]]
    finally:
        a1.close()
        a2.close()


def test_a_batch_with_another_teams_case_moves_nothing(server: EmbeddedServer, tmp_path: Path) -> None:
    a1 = Desk(server, "agent01", tmp_path)
    try:
        mine, other, a2 = _user(server, "agent01"), _user(server, "agent06"), _user(server, "agent02")
        with server.database.transaction() as s:
            own = list(s.scalars(select(Case.id).where(Case.assigned_agent_id == mine).order_by(Case.id)
                                 .limit(50)))
            foreign = s.scalar(select(Case.id).where(Case.assigned_agent_id == other).order_by(Case.id).limit(1))
            counter = s.scalar(select(SyncCounter.value))
        held = a1.ids()
        with httpx.Client(base_url=server.url, timeout=30) as client:
            lead = _login(client, "lead01")
            refused = client.post("/v1/cases/reassign", headers=lead,
                                  json={"case_ids": [*own, foreign], "mode": "one", "agent_ids": [a2]})
        assert refused.status_code == 403 and refused.json()["code"] == "case_out_of_scope"
        assert f"1 of the {len(own) + 1} cases" in refused.json()["message"]
        with server.database.transaction() as s:
            owners = set(s.scalars(select(Case.assigned_agent_id).where(Case.id.in_([*own, foreign]))))
            assert owners == {mine, other}  # agent06 is of the other team
            assert s.scalar(select(SyncCounter.value)) == counter, "no change number was spent"
            for table in (Reassignment, ReassignmentItem, ScopeExit):
                assert s.scalar(select(func.count()).select_from(table)) == 0, table.__name__
            assert s.scalar(select(func.count()).select_from(AuditEntry)
                            .where(AuditEntry.action == "case.reassign")) == 0
        changes = a1.engine.sync_once()
        assert not changes.removed and a1.ids() == held
    finally:
        a1.close()


def test_every_moved_case_has_its_audit_row_scope_exit_and_own_change_number(server: EmbeddedServer) -> None:
    a1, a2, a3 = _user(server, "agent01"), _user(server, "agent02"), _user(server, "agent03")
    with server.database.transaction() as s:
        ids = list(s.scalars(select(Case.id).where(Case.assigned_agent_id.in_([a1, a2])).order_by(Case.id)))
        unowned = ids[0]
        s.get(Case, unowned).assigned_agent_id = None  # type: ignore[union-attr] - e.g. a new placement
        owner_before = dict(s.execute(select(Case.id, Case.assigned_agent_id).where(Case.id.in_(ids))).all())
        top_before = s.scalar(select(func.max(Case.seq))) or 0
    with httpx.Client(base_url=server.url, timeout=30) as client:
        lead = _login(client, "lead01")
        done = client.post("/v1/cases/reassign", headers=lead, json={"case_ids": ids, "mode": "one", "agent_ids": [a3]})
        assert done.status_code == 200, done.text
        rid = done.json()["reassignment_id"]
        lead_id = _user(server, "lead01")
        with server.database.transaction() as s:
            seqs = dict(s.execute(select(Case.id, Case.seq).where(Case.id.in_(ids))).all())
            assert len(set(seqs.values())) == len(ids) and min(seqs.values()) > top_before
            assert set(s.scalars(select(Case.assigned_agent_id).where(Case.id.in_(ids)))) == {a3}
            items = {i.case_id: i for i in s.scalars(select(ReassignmentItem)
                                                       .where(ReassignmentItem.reassignment_id == rid))}
            assert {c: (i.from_agent_id, i.to_agent_id, i.seq_after) for c, i in items.items()} == {
                c: (owner_before[c], a3, seqs[c]) for c in ids}
            audits = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "case.reassign")))
            assert sorted(a.entity_id for a in audits) == sorted(ids)
            assert {a.entity_id: a.detail for a in audits} == {
                c: {"reassignment": rid, "from": owner_before[c], "to": a3} for c in ids}
            assert {(a.user_id, a.entity) for a in audits} == {(lead_id, "case")}
            moved_at = s.get(Reassignment, rid).created_at  # type: ignore[union-attr]
            assert all(a.at == moved_at for a in audits)
            exits = list(s.scalars(select(ScopeExit).where(ScopeExit.case_id.in_(ids))))
            # One exit per case that had an owner (the unowned case leaves nobody's desk).
            assert {e.case_id: (e.agent_id, e.seq, e.team_id) for e in exits} == {
                c: (owner_before[c], seqs[c], None) for c in ids if c != unowned}
            assert all(e.left_at == moved_at for e in exits)

        # Undo: new change numbers above the move's, exits for agent03, audit rows per case.
        undo = client.post(f"/v1/cases/reassign/{rid}/undo", headers=lead)
        assert undo.json() == {"restored": len(ids), "skipped": 0}
        with server.database.transaction() as s:
            now_owner = dict(s.execute(select(Case.id, Case.assigned_agent_id).where(Case.id.in_(ids))).all())
            assert now_owner == owner_before
            after = dict(s.execute(select(Case.id, Case.seq).where(Case.id.in_(ids))).all())
            assert len(set(after.values())) == len(ids) and min(after.values()) > max(seqs.values())
            undo_audits = {a.entity_id: a.detail for a in s.scalars(
                select(AuditEntry).where(AuditEntry.action == "case.reassign.undo"))}
            assert undo_audits == {c: {"reassignment": rid, "from": a3, "to": owner_before[c]} for c in ids}
            back_exits = {e.case_id: e.seq for e in s.scalars(select(ScopeExit).where(ScopeExit.agent_id == a3))}
            assert back_exits == after
