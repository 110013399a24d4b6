"""Case documents served from the write-time cache are the documents the database describes.

What a user would notice if the cache went stale: a note they just saved missing from
their other desktop, a reassigned case still naming its old agent, a wrong balance after
an import. Each test changes cases through the API, then compares every pulled document
with one built afresh from the database.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from agentdesk.server import documents
from agentdesk.server.db import Database
from agentdesk.server.models import Case
from tests.server.helpers import login, pull_all, user_id


def fresh_documents(db: Database, case_ids: list[str]) -> dict[str, dict]:
    with db.sessions() as s:
        cases = documents.load_for_documents(s, case_ids)
        return {c.id: documents.case_document(c) for c in cases}


def pulled_documents(api: TestClient, headers: dict[str, str]) -> dict[str, dict]:
    changes, _cursor = pull_all(api, headers)
    return {c["id"]: c["data"] for c in changes if c["entity"] == "case" and c["op"] == "upsert"}


def test_a_pushed_note_and_call_reach_the_pulled_document_and_a_rejected_one_spoils_nothing(
        api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    held = pulled_documents(api, agent)
    first, second = sorted(held)[:2]
    now = datetime.now(UTC)
    mutations = [
        {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": first, "text": "客户称月底还款"}},
        {"id": str(uuid.uuid4()), "type": "attempt.record",
         "payload": {"attempt_id": str(uuid.uuid4()), "case_id": second, "started_at": (now - timedelta(minutes=3))
                     .isoformat(), "reached": "nobody", "outcome": "no_answer"}},
        # A promise on a case the agent does not own: rejected, its savepoint rolled back.
        {"id": str(uuid.uuid4()), "type": "promise.add",
         "payload": {"promise_id": str(uuid.uuid4()), "case_id": "no-such-case", "amount_minor": 150000,
                     "due_date": (now + timedelta(days=5)).date().isoformat()}},
    ]
    results = api.post("/v1/sync/push", json={"mutations": mutations}, headers=agent).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]

    with db.sessions() as s:
        touched = select(Case.id, Case.doc_cache).where(Case.id.in_([first, second]))
        cached = {cid: doc for cid, doc in s.execute(touched)}
    assert all(cached.values()), "the push rebuilt the touched documents once it was done"
    after = pulled_documents(api, agent)
    assert "客户称月底还款" in [n["text"] for n in after[first]["notes"]]
    assert len(after[second]["attempts"]) == len(held[second]["attempts"]) + 1
    assert after == fresh_documents(db, list(after))


def test_a_reassigned_case_names_its_new_agent_without_rebuilding_history(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    body = {"filter": {"agent_id": user_id(db, "agent01")}, "mode": "one", "agent_ids": [user_id(db, "agent02")]}
    with db.sessions() as s:
        cached_before = {cid: doc for cid, doc in s.execute(select(Case.id, Case.doc_cache))}
    assert api.post("/v1/cases/reassign", json=body, headers=lead).status_code == 200

    docs = pulled_documents(api, login(api, "agent02"))
    moved = [d for d in docs.values() if d["assigned_agent"] == "agent02"]
    assert len(moved) == len(docs) and docs == fresh_documents(db, list(docs))
    with db.sessions() as s:
        assert {cid: doc for cid, doc in s.execute(select(Case.id, Case.doc_cache))} == cached_before, (
            "a reassignment changes owners, not histories"
        )


def test_documents_missing_from_an_older_database_are_built_on_read_and_filled_at_migrate(
        api: TestClient, db: Database) -> None:
    agent = login(api, "agent03")
    cached = pulled_documents(api, agent)
    with db.transaction() as s:
        s.execute(update(Case).values(doc_cache=None))
    assert pulled_documents(api, agent) == cached
    with db.transaction() as s:
        total = s.scalar(select(func.count()).select_from(Case))
        assert documents.fill_missing(s) == total > 0
    with db.sessions() as s:
        assert s.scalar(select(Case.id).where(Case.doc_cache.is_(None)).limit(1)) is None
    assert pulled_documents(api, agent) == cached
