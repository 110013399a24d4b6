"""Case documents served from the write-time cache are the documents the database describes.

What a user would notice if the cache went stale: a note they just saved missing from
their other desktop, a reassigned case still naming its old agent, a wrong balance after
an import. Each test changes cases through the API, then compares every pulled document
with one built afresh from the database.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, event, func, select, update

from agentdesk import clock
from agentdesk.contract import PULL_LINES_MEDIA_TYPE
from agentdesk.domain.queue_columns import queue_columns
from agentdesk.server import document_rows, documents
from agentdesk.server.db import Database
from agentdesk.server.models import Case, CaseDocument, ContactAttempt, Note, User
from agentdesk.server.sms.models import SmsMessage
from tests.server.helpers import login, pull_all, user_id


def fresh_documents(db: Database, case_ids: list[str]) -> dict[str, dict]:
    with db.sessions() as s:
        cases = documents.load_for_documents(s, case_ids)
        return {c.id: documents.case_document(s, c) for c in cases}


def pulled_documents(api: TestClient, headers: dict[str, str]) -> dict[str, dict]:
    changes, _cursor = pull_all(api, headers)
    return {c["id"]: c["data"] for c in changes if c["entity"] == "case" and c["op"] == "upsert"}


def note_and_call(first: str, second: str) -> list[dict]:
    """A note on `first` and an unanswered call on `second`, as a desk pushes them."""
    started = clock.now() - timedelta(minutes=3)
    return [
        {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": first, "text": "客户称月底还款"}},
        {"id": str(uuid.uuid4()), "type": "attempt.record",
         "payload": {"attempt_id": str(uuid.uuid4()), "case_id": second, "started_at": started.isoformat(),
                     "reached": "nobody", "outcome": "no_answer"}},
    ]


def test_a_pushed_note_and_call_reach_the_pulled_document_and_a_rejected_one_spoils_nothing(
        api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    held = pulled_documents(api, agent)
    first, second = sorted(held)[:2]
    now = clock.now()
    mutations = [
        *note_and_call(first, second),
        # A promise on a case the agent does not own: rejected, its transaction rolled back.
        {"id": str(uuid.uuid4()), "type": "promise.add",
         "payload": {"promise_id": str(uuid.uuid4()), "case_id": "no-such-case", "amount_minor": 150000,
                     "due_date": (now + timedelta(days=5)).date().isoformat()}},
    ]
    results = api.post("/v1/sync/push", json={"mutations": mutations}, headers=agent).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]

    with db.sessions() as s:
        touched = select(CaseDocument.case_id, CaseDocument.doc_cache).where(CaseDocument.case_id.in_([first, second]))
        cached = {cid: doc for cid, doc in s.execute(touched)}
    assert set(cached) == {first, second} and all(cached.values()), (
        "the push rebuilt the touched documents once it was done")
    after = pulled_documents(api, agent)
    assert "客户称月底还款" in [n["text"] for n in after[first]["notes"]]
    assert len(after[second]["attempts"]) == len(held[second]["attempts"]) + 1
    assert after == fresh_documents(db, list(after))


def test_a_reassigned_case_names_its_new_agent_without_rebuilding_history(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    body = {"filter": {"agent_id": user_id(db, "agent01")}, "mode": "one", "agent_ids": [user_id(db, "agent02")]}
    with db.sessions() as s:
        cached_before = dict(s.execute(select(CaseDocument.case_id, CaseDocument.doc_cache)).all())
    assert api.post("/v1/cases/reassign", json=body, headers=lead).status_code == 200

    docs = pulled_documents(api, login(api, "agent02"))
    moved = [d for d in docs.values() if d["assigned_agent"] == "agent02"]
    assert len(moved) == len(docs) and docs == fresh_documents(db, list(docs))
    with db.sessions() as s:
        assert dict(s.execute(select(CaseDocument.case_id, CaseDocument.doc_cache)).all()) == cached_before, (
            "a reassignment changes owners, not histories"
        )


def test_documents_missing_from_an_older_database_are_built_on_read_and_filled_at_migrate(
        api: TestClient, db: Database) -> None:
    agent = login(api, "agent03")
    cached = pulled_documents(api, agent)
    lines_before = pulled_lines(api, agent)
    with db.transaction() as s:
        s.execute(delete(CaseDocument))
    assert pulled_documents(api, agent) == cached
    assert pulled_lines(api, agent) == lines_before
    with db.transaction() as s:
        total = s.scalar(select(func.count()).select_from(Case))
        assert documents.fill_missing(s) == total > 0
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CaseDocument)) == total
    assert pulled_documents(api, agent) == cached
    assert pulled_lines(api, agent) == lines_before


def test_a_rebuild_in_batches_gives_the_documents_of_one_pass(
        api: TestClient, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild of many cases goes in batches (SQLite binds at most 32,766 values, and the
    related contacts' query binds each person and number of its batch twice); a case's
    related contacts on another batch's cases must still be in its document."""
    agent = login(api, "agent03")
    cached = pulled_documents(api, agent)
    lines_before = pulled_lines(api, agent)
    assert any(doc["related_contacts"] for doc in cached.values()), "the seed relates some cases"
    monkeypatch.setattr(documents, "REBUILD_BATCH", 3)
    with db.transaction() as s:
        ids = list(s.scalars(select(Case.id)))
        s.execute(delete(CaseDocument))
        assert documents.rebuild(s, ids) == len(ids)
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CaseDocument)) == len(ids)
    assert pulled_documents(api, agent) == cached
    assert pulled_lines(api, agent) == lines_before


def pulled_lines(api: TestClient, headers: dict[str, str], cursor: str | None = None,
                 limit: int = 50) -> list[tuple[dict, dict | None]]:
    """Every change of a pull in lines, as (header, document or None), following pages."""
    out: list[tuple[dict, dict | None]] = []
    while True:
        params: dict[str, object] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        response = api.get("/v1/sync/pull", params=params, headers={**headers, "Accept": PULL_LINES_MEDIA_TYPE})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(PULL_LINES_MEDIA_TYPE)
        lines = response.content.split(b"\n")
        envelope, rest = orjson.loads(lines[0]), iter(lines[1:])
        for _ in range(envelope["changes"]):
            head = orjson.loads(next(rest))
            doc = orjson.loads(next(rest)) if head["entity"] == "case" and head["op"] == "upsert" else None
            out.append((head, doc))
        assert next(rest, None) is None, "no line beyond the counted changes"
        cursor = envelope["cursor"]
        if not envelope["has_more"]:
            return out


def test_a_pull_in_lines_carries_the_json_pull_with_each_cases_queue_columns_beside_its_document(
        api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    held = sorted(i for i, d in pulled_documents(api, agent).items() if d["status"] == "open")
    _, cursor = pull_all(api, agent)
    now = clock.now()
    attempt_id = str(uuid.uuid4())
    mutations = [  # give the queue columns something to derive: an outcome, a promise, a callback
        {"id": str(uuid.uuid4()), "type": "attempt.record",
         "payload": {"attempt_id": attempt_id, "case_id": held[0], "started_at": (now - timedelta(minutes=5))
                     .isoformat(), "reached": "right_party", "outcome": "promise_to_pay"}},
        {"id": str(uuid.uuid4()), "type": "promise.add",
         "payload": {"promise_id": str(uuid.uuid4()), "case_id": held[0], "attempt_id": attempt_id,
                     "amount_minor": 150000, "due_date": (now + timedelta(days=5)).date().isoformat()}},
        {"id": str(uuid.uuid4()), "type": "callback.add",
         "payload": {"callback_id": str(uuid.uuid4()), "case_id": held[1],
                     "due_at": (now + timedelta(hours=3)).isoformat()}},
    ]
    results = api.post("/v1/sync/push", json={"mutations": mutations}, headers=agent).json()["results"]
    assert [r["status"] for r in results] == ["applied"] * 3
    with db.transaction() as s:  # one case between a push's commit and its rebuild: built on read
        s.execute(delete(CaseDocument).where(CaseDocument.case_id == held[2]))

    json_changes, _ = pull_all(api, agent, limit=50)
    lines = pulled_lines(api, agent)
    assert [(h["entity"], h["op"], h["id"]) for h, _ in lines] == [
        (c["entity"], c["op"], c["id"]) for c in json_changes]
    by_id = {c["id"]: c["data"] for c in json_changes if c["entity"] == "case"}
    for head, doc in lines:
        if head["entity"] != "case":
            continue
        assert doc == by_id[head["id"]]
        assert head["queue"] == queue_columns(doc)
    queues = {h["id"]: h["queue"] for h, _ in lines if h["entity"] == "case"}
    assert queues[held[0]]["last_outcome"] == "promise_to_pay" and queues[held[0]]["promise_status"] == "pending"
    assert queues[held[1]]["callback_due_at"] is not None

    # An incremental pull: the two changed cases and, for a case reassigned away, a removal
    # with no document line.
    lead = login(api, "lead01")
    body = {"case_ids": [held[3]], "mode": "one", "agent_ids": [user_id(db, "agent02")]}
    assert api.post("/v1/cases/reassign", json=body, headers=lead).status_code == 200
    increment = pulled_lines(api, agent, cursor)
    assert ({"entity": "case", "op": "remove", "id": held[3]}, None) in increment
    assert {h["id"] for h, d in increment if d is not None} == {held[0], held[1]}


def test_documents_built_from_plain_rows_are_the_documents_built_through_the_orm(api: TestClient, db: Database) -> None:
    """A push rebuilds its cases' documents from plain rows (document_rows.py, one UNION ALL
    of the cases and their eight relations); the pulled document must be the very one the
    ORM-loaded case gives, for every case of the demo (attempts with and without an agent,
    notes, promises, callbacks, payments, contact points, text messages), each relation in
    its relationship's order."""
    agent = login(api, "agent01")
    case_id = sorted(pulled_documents(api, agent))[0]
    now = clock.now()
    api.post("/v1/sync/push", headers=agent, json={"mutations": [
        {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": case_id, "text": "第二次联系"}},
        {"id": str(uuid.uuid4()), "type": "attempt.record",
         "payload": {"attempt_id": str(uuid.uuid4()), "case_id": case_id, "reached": "nobody", "outcome": "no_answer",
                     "started_at": (now - timedelta(minutes=2)).isoformat()}}]})
    with db.transaction() as s:  # as an import brings them: a call with no agent, a note with no author
        s.add(ContactAttempt(id=str(uuid.uuid4()), case_id=case_id, agent_id=None, channel="call", reached="nobody",
                             outcome="no_answer", started_at=now - timedelta(days=3), received_at=now))
        s.add(Note(id=str(uuid.uuid4()), case_id=case_id, author_id=None, text="导入备注", written_at=now))
        for minutes, state in ((5, "delivered"), (1, "queued")):  # text messages, one sent, one waiting
            s.add(SmsMessage(id=str(uuid.uuid4()), case_id=case_id, contact_point_id=None, to_number="+8613800000000",
                             template_id="reminder", template_version=1, lang="zh", text="还款提醒", segments=1,
                             encoding="UCS2", origin="agent", created_at=now - timedelta(minutes=minutes),
                             not_before=now - timedelta(minutes=minutes), state=state, state_at=now,
                             delivered_at=now if state == "delivered" else None))
    with db.sessions() as s:
        ids = sorted(s.scalars(select(Case.id)))
        through_orm = documents.build_caches(s, documents.load_for_documents(s, ids))
    with db.sessions() as s:  # a session of its own: the rows' statement reads the identity key too
        statements: list[str] = []

        def sent(*args: object) -> None:
            if not str(args[2]).startswith("BEGIN"):  # SQLite's BEGIN IMMEDIATE (db.py)
                statements.append(str(args[2]))

        event.listen(db.engine, "before_cursor_execute", sent)
        try:
            from_rows = documents.build_caches(s, document_rows.load(s, ids))
        finally:
            event.remove(db.engine, "before_cursor_execute", sent)
        loaded = document_rows.load(s, ids)
    assert from_rows == through_orm
    assert len(statements) == 2, "the cases with their relations and key, then the related contacts"
    for part in ("attempts", "notes", "promises", "accounts", "contact_points", "callbacks", "payments",
                 "sms_messages"):
        assert any(getattr(c, part) for c in loaded), f"the demo has no {part}: the comparison would not cover them"
    # The users and debtors are joined into the rows' own queries: both sides of each join.
    attempts = [a for c in loaded for a in c.attempts]
    assert {a.agent is None for a in attempts} == {True, False}, "attempts with and without an agent"
    assert {n.author is None for c in loaded for n in c.notes} == {True, False}, "notes with and without an author"
    assert all(c.debtor is not None and c.debtor.id == c.debtor_id for c in loaded)
    assert len(from_rows) == len(ids)


def test_every_pulled_case_names_its_agent_as_the_users_table_does(api: TestClient, db: Database) -> None:
    """A page reads only the usernames it names (an agent's own page: none at all); each
    caller's documents, in both forms, must still carry the assigned agent's username."""
    with db.transaction() as s:
        expected = dict(s.execute(select(Case.id, User.username)
                                  .outerjoin(User, User.id == Case.assigned_agent_id)).all())
        s.execute(update(Case).where(Case.id == min(expected)).values(assigned_agent_id=None))
        expected[min(expected)] = None
    for username in ("agent01", "lead01", "admin"):
        headers = login(api, username)
        docs = pulled_documents(api, headers)
        assert docs and {i: d["assigned_agent"] for i, d in docs.items()} == {i: expected[i] for i in docs}
        lines = [doc for head, doc in pulled_lines(api, headers, limit=40) if doc is not None]
        assert {d["id"]: d["assigned_agent"] for d in lines} == {i: expected[i] for i in docs}
    assert len({expected[i] for i in docs}) > 3  # the admin's pages name many agents, and none


def test_a_push_of_one_change_replaces_its_documents_in_its_own_commit(api: TestClient, db: Database) -> None:
    """A desk pushes each outcome alone: its transaction rebuilds the touched documents
    before it commits (documents.rebuild_in_place), so at no moment after the commit does
    another desk's pull find the case without its document, or with the old one."""
    agent = login(api, "agent01")
    held = pulled_documents(api, agent)
    first, second = sorted(held)[:2]
    seen_at_commit: list[dict[str, str | None]] = []

    def look(_session: object) -> None:  # another connection, right after each commit
        with db.engine.connect() as other:
            seen_at_commit.append(dict(other.execute(
                select(CaseDocument.case_id, CaseDocument.doc_cache).where(CaseDocument.case_id.in_([first, second])))
                .all()))

    pushes = note_and_call(first, second)
    event.listen(db.sessions, "after_commit", look)
    try:
        for mutation in pushes:
            results = api.post("/v1/sync/push", json={"mutations": [mutation]}, headers=agent).json()["results"]
            assert [r["status"] for r in results] == ["applied"]
    finally:
        event.remove(db.sessions, "after_commit", look)
    assert len(seen_at_commit) >= len(pushes)
    for seen in seen_at_commit:
        assert set(seen) == {first, second} and all(seen.values()), "no document missing at any commit"
    with db.sessions() as s:
        fresh = documents.build_caches(s, documents.load_for_documents(s, [first, second]))
    assert seen_at_commit[-1] == {case_id: doc for case_id, (doc, _queue) in fresh.items()}
    assert "客户称月底还款" in str(seen_at_commit[-1][first])
    after = pulled_documents(api, agent)
    assert len(after[second]["attempts"]) == len(held[second]["attempts"]) + 1
    assert after == fresh_documents(db, list(after))
