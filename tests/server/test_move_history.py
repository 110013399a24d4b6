"""The lead's history of moves and its per-move undo (issue 18), over real HTTP on loopback,
on SQLite and on PostgreSQL: who moved how many cases when, from and to whom; an earlier
move (not the last) is undone on its own, cases changed since stay put and the answer
says how many; the confirmation's preview tells what will return to whom; and a lead
never sees or undoes another team's moves."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import select

from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import Case, User


def _login(client: httpx.Client, username: str) -> dict[str, str]:
    response = client.post("/v1/auth/login", json={"username": username, "password": "demo"})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _ids(server: EmbeddedServer, *usernames: str) -> list[str]:
    with server.database.transaction() as s:
        return [s.scalar(select(User.id).where(User.username == u)) or "" for u in usernames]


def _cases_of(server: EmbeddedServer, agent_id: str, n: int) -> list[str]:
    with server.database.transaction() as s:
        return list(s.scalars(select(Case.id).where(Case.assigned_agent_id == agent_id, Case.status == "open")
                              .order_by(Case.id).limit(n)))


def _owner(server: EmbeddedServer, case_id: str) -> str | None:
    with server.database.transaction() as s:
        return s.scalar(select(Case.assigned_agent_id).where(Case.id == case_id))


def _move(client: httpx.Client, lead: dict[str, str], case_ids: list[str], to: str) -> str:
    body = {"case_ids": case_ids, "mode": "one", "agent_ids": [to]}
    done = client.post("/v1/cases/reassign", headers=lead, json=body)
    assert done.status_code == 200, done.text
    return str(done.json()["reassignment_id"])


def test_an_earlier_move_is_undone_on_its_own_after_its_preview(server: EmbeddedServer) -> None:
    a1, a2, a3, a4, a6, a7 = _ids(server, "agent01", "agent02", "agent03", "agent04", "agent06", "agent07")
    with httpx.Client(base_url=server.url, timeout=30) as client:
        lead, other_lead = _login(client, "lead01"), _login(client, "lead02")
        first = _cases_of(server, a1, 5)
        second = _cases_of(server, a3, 3)
        move_a = _move(client, lead, first, a2)
        move_b = _move(client, lead, second, a4)
        move_c = _move(client, other_lead, _cases_of(server, a6, 2), a7)  # the other team's own move

        history = client.get("/v1/cases/reassign/history", headers=lead)
        assert history.status_code == 200, history.text
        items = history.json()["items"]
        assert [m["id"] for m in items] == [move_b, move_a], "newest first, and only this team's moves"
        b, a = items
        assert a["by"] == "lead01" and a["case_count"] == 5 and a["undoable"] == 5 and a["undone_at"] is None
        assert [(s["username"], s["cases"]) for s in a["sources"]] == [("agent01", 5)]
        assert [(t["username"], t["cases"]) for t in a["targets"]] == [("agent02", 5)]
        assert b["case_count"] == 3 and b["targets"][0]["username"] == "agent04"

        # agent02 works one of the moved cases: it no longer goes back.
        note = {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": first[0], "text": "已联系"}}
        pushed = client.post("/v1/sync/push", json={"mutations": [note]}, headers=_login(client, "agent02"))
        assert pushed.json()["results"][0]["status"] == "applied"
        a_now = next(m for m in client.get("/v1/cases/reassign/history", headers=lead).json()["items"]
                     if m["id"] == move_a)
        assert a_now["undoable"] == 4

        preview = client.get(f"/v1/cases/reassign/{move_a}/undo/preview", headers=lead)
        assert preview.status_code == 200, preview.text
        assert preview.json() == {"reassignment_id": move_a, "undone": False, "stay": 1,
                                  "returns": [{"agent_id": a1, "username": "agent01", "cases": 4}]}

        # The other team's lead neither sees nor undoes this team's move (nor learns it exists).
        theirs = client.get("/v1/cases/reassign/history", headers=other_lead).json()["items"]
        assert [m["id"] for m in theirs] == [move_c]
        for call in (client.get(f"/v1/cases/reassign/{move_a}/undo/preview", headers=other_lead),
                     client.post(f"/v1/cases/reassign/{move_a}/undo", headers=other_lead)):
            assert call.status_code == 404 and call.json()["code"] == "reassignment_not_found"
        assert _owner(server, first[1]) == a2
        agent = client.get("/v1/cases/reassign/history", headers=_login(client, "agent01"))
        assert agent.status_code == 403

        # Undo the earlier move A while B (the last) stays.
        undo = client.post(f"/v1/cases/reassign/{move_a}/undo", headers=lead)
        assert undo.status_code == 200 and undo.json() == {"restored": 4, "skipped": 1}
        assert [_owner(server, c) for c in first] == [a2, a1, a1, a1, a1]
        assert all(_owner(server, c) == a4 for c in second)
        after = {m["id"]: m for m in client.get("/v1/cases/reassign/history", headers=lead).json()["items"]}
        assert after[move_a]["undone_at"] is not None and after[move_a]["undoable"] == 0
        assert after[move_b]["undone_at"] is None and after[move_b]["undoable"] == 3
        again = client.post(f"/v1/cases/reassign/{move_a}/undo", headers=lead)
        assert again.status_code == 409 and again.json()["code"] == "already_undone"
        assert client.get(f"/v1/cases/reassign/{move_a}/undo/preview", headers=lead).json()["undone"] is True


def test_preview_shows_each_receivers_capacity(server: EmbeddedServer) -> None:
    a1, a2 = _ids(server, "agent01", "agent02")
    with httpx.Client(base_url=server.url, timeout=30) as client:
        lead = _login(client, "lead01")
        body = {"filter": {"agent_id": a1}, "mode": "one", "agent_ids": [a2]}
        settings = client.get("/v1/collectors", headers=lead).json()
        mine = next(c for c in settings if c["username"] == "agent02")["settings"]
        assert client.put(f"/v1/collectors/{a2}", headers=lead, json={**mine, "capacity": 20}).status_code == 200
        preview = client.post("/v1/cases/reassign/preview", json=body, headers=lead).json()
        loads = {p["username"]: p for p in preview["per_agent"]}
        assert loads["agent02"]["capacity"] == 20 and loads["agent02"]["after_cases"] > 20
