"""Lead operations as a lead (and the agents) would notice them: board, reassignment with
preview and undo, review lists, number verification, reveals and the charts' figures."""

from __future__ import annotations

import functools
import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from agentdesk import clock
from agentdesk.clock import local_today
from agentdesk.domain.casewrites import stricter_status
from agentdesk.server.db import Database
from agentdesk.server.models import AuditEntry, Case, ContactPoint, Team, User
from tests.server.helpers import case_ids, login, pull_all, user_id
from tests.support.times import last_local


def _attempt(case_id: str, **extra: object) -> dict:
    payload = {"attempt_id": str(uuid.uuid4()), "case_id": case_id,
               "started_at": clock.now().isoformat(), "reached": "right_party",
               "outcome": "promise_to_pay"}
    payload.update(extra)
    return {"id": str(uuid.uuid4()), "type": "attempt.record", "payload": payload}


def _open_case(api: TestClient, headers: dict[str, str]) -> dict:
    changes, _ = pull_all(api, headers)
    return next(c["data"] for c in changes if c["entity"] == "case" and c["data"]["status"] == "open")


def _audited(db: Database, action: str) -> int:
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0


def test_board_shows_state_queue_and_todays_work(api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    assert api.post("/v1/agent/state", json={"state": "on_call"}, headers=agent).status_code == 204
    case = _open_case(api, agent)
    attempt = _attempt(case["id"])
    promise = {"id": str(uuid.uuid4()), "type": "promise.add",
               "payload": {"promise_id": str(uuid.uuid4()), "case_id": case["id"],
                           "attempt_id": attempt["payload"]["attempt_id"], "amount_minor": 12345,
                           "due_date": (local_today("Asia/Shanghai") + timedelta(days=3)).isoformat()}}
    results = api.post("/v1/sync/push", json={"mutations": [attempt, promise]}, headers=agent).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied"]

    response = api.get("/v1/team/board", headers=login(api, "lead01"))
    assert response.status_code == 200, response.text
    board = response.json()
    rows = {a["username"]: a for a in board["agents"]}
    assert set(rows) == {"agent01", "agent02", "agent03"}
    me = rows["agent01"]
    assert me["state"] == "on_call" and me["state_since"]
    assert me["queue_size"] == 20 and me["queue_value_minor"] > 0
    assert me["attempts_today"] >= 1 and me["rpc_today"] >= 1
    assert me["promises_today"] >= 1 and me["promised_minor_today"] >= 12345
    assert rows["agent02"]["state"] == "offline"
    assert _audited(db, "team.board") == 1
    # A time zone that is no time zone is a 422 with a way out, not a 500.
    bad = api.get("/v1/team/board", params={"tz": "Mars/Olympus"}, headers=login(api, "lead01"))
    assert bad.status_code == 422 and "Asia/Shanghai" in bad.json()["message"]


def test_agents_and_other_teams_are_refused_and_audited(api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    for method, path in (("get", "/v1/team/board"), ("get", "/v1/review/flagged"), ("get", "/v1/reports/funnel")):
        response = getattr(api, method)(path, headers=agent)
        assert response.status_code == 403 and response.json()["code"] == "lead_only"
    with db.transaction() as s:
        other_team = s.scalar(select(Team.id).where(Team.name == "催收二组"))
    lead = login(api, "lead01")
    response = api.get("/v1/team/board", params={"team_id": other_team}, headers=lead)
    assert response.status_code == 403 and response.json()["code"] == "other_team"
    assert _audited(db, "scope.denied") == 4
    # The admin sees any team.
    admin = api.get("/v1/team/board", params={"team_id": other_team}, headers=login(api, "admin")).json()
    assert {a["username"] for a in admin["agents"]} == {"agent04", "agent05", "agent06"}


def test_reassign_preview_commit_and_undo_reach_both_agents(api: TestClient, db: Database) -> None:
    a1, a2 = login(api, "agent01"), login(api, "agent02")
    held1, cursor1 = pull_all(api, a1)
    held2, cursor2 = pull_all(api, a2)
    before1, before2 = case_ids(held1), case_ids(held2)
    lead = login(api, "lead01")
    body = {"filter": {"agent_id": user_id(db, "agent01")}, "mode": "one", "agent_ids": [user_id(db, "agent02")]}

    preview = api.post("/v1/cases/reassign/preview", json=body, headers=lead)
    assert preview.status_code == 200, preview.text
    p = preview.json()
    assert p["total_cases"] == 20 and len(p["moves"]) == 20 and p["total_minor"] > 0
    loads = {row["username"]: row for row in p["per_agent"]}
    assert loads["agent01"]["before_cases"] == 20 and loads["agent01"]["after_cases"] == 0
    assert loads["agent02"]["after_cases"] == 40
    assert loads["agent02"]["after_minor"] == loads["agent02"]["before_minor"] + p["total_minor"]
    assert case_ids(pull_all(api, a1, cursor1)[0]) == set()  # the preview moved nothing

    done = api.post("/v1/cases/reassign", json=body, headers=lead)
    assert done.status_code == 200, done.text
    rid = done.json()["reassignment_id"]
    changes1, cursor1 = pull_all(api, a1, cursor1)
    assert {c["id"] for c in changes1 if c["op"] == "remove"} == before1
    changes2, cursor2 = pull_all(api, a2, cursor2)
    assert case_ids(changes2) == before1
    assert all(c["data"]["assigned_agent"] == "agent02" for c in changes2 if c["op"] == "upsert")
    assert _audited(db, "case.reassign") == 20

    undo = api.post(f"/v1/cases/reassign/{rid}/undo", headers=lead)
    assert undo.json() == {"restored": 20, "skipped": 0}
    assert case_ids(pull_all(api, a1, cursor1)[0]) == before1
    changes2, _ = pull_all(api, a2, cursor2)
    assert {c["id"] for c in changes2 if c["op"] == "remove"} == before1
    a2_id = user_id(db, "agent02")
    with db.transaction() as s:
        mine = set(s.scalars(select(Case.id).where(Case.assigned_agent_id == a2_id)))
    assert mine == before2
    again = api.post(f"/v1/cases/reassign/{rid}/undo", headers=lead)
    assert again.status_code == 409 and again.json()["code"] == "already_undone"


def test_undo_leaves_cases_that_changed_since(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    held, _ = pull_all(api, login(api, "agent01"))
    ids = sorted(case_ids(held))[:5]
    done = api.post("/v1/cases/reassign", headers=lead,
                    json={"case_ids": ids, "mode": "one", "agent_ids": [user_id(db, "agent03")]}).json()
    note = {"id": str(uuid.uuid4()), "type": "note.add", "payload": {"case_id": ids[0], "text": "已联系"}}
    assert api.post("/v1/sync/push", json={"mutations": [note]},
                    headers=login(api, "agent03")).json()["results"][0]["status"] == "applied"
    undo = api.post(f"/v1/cases/reassign/{done['reassignment_id']}/undo", headers=lead).json()
    assert undo == {"restored": 4, "skipped": 1}
    a3_id = user_id(db, "agent03")
    with db.transaction() as s:
        assert s.get(Case, ids[0]).assigned_agent_id == a3_id  # type: ignore[union-attr]


def test_redistribute_an_absent_agents_queue_evenly(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    body = {"filter": {"agent_id": user_id(db, "agent01")}, "mode": "even",
            "agent_ids": [user_id(db, "agent02"), user_id(db, "agent03")]}
    result = api.post("/v1/cases/reassign", json=body, headers=lead).json()
    loads = {row["username"]: row for row in result["per_agent"]}
    assert loads["agent01"]["after_cases"] == 0
    gained = [loads[a]["after_cases"] - loads[a]["before_cases"] for a in ("agent02", "agent03")]
    assert gained == [10, 10]
    a1_id = user_id(db, "agent01")
    with db.transaction() as s:
        left = s.scalar(select(func.count()).select_from(Case).where(Case.assigned_agent_id == a1_id))
    assert left == 0


def test_capacity_mode_splits_by_room_left(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    a2, a3 = user_id(db, "agent02"), user_id(db, "agent03")
    body = {"filter": {"agent_id": user_id(db, "agent01")}, "mode": "capacity", "agent_ids": [a2, a3],
            "capacity": {a2: 25, a3: 35}}  # both hold 20: room for 5 and 15
    preview = api.post("/v1/cases/reassign/preview", json=body, headers=lead).json()
    moved = {}
    for m in preview["moves"]:
        moved[m["to_agent_id"]] = moved.get(m["to_agent_id"], 0) + 1
    assert moved == {a2: 5, a3: 15}
    body["capacity"] = {a2: 21, a3: 21}
    over = api.post("/v1/cases/reassign/preview", json=body, headers=lead)
    assert over.status_code == 422 and over.json()["code"] == "over_capacity"
    assert "2 more cases" in over.json()["message"]


def test_reassign_stays_within_the_team(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    foreign = sorted(case_ids(pull_all(api, login(api, "agent04"))[0]))[:3]
    own = sorted(case_ids(pull_all(api, login(api, "agent01"))[0]))[:3]
    refused = api.post("/v1/cases/reassign", headers=lead,
                       json={"case_ids": own + foreign, "mode": "one", "agent_ids": [user_id(db, "agent02")]})
    assert refused.status_code == 403 and "3 of the 6 cases" in refused.json()["message"]
    wrong_agent = api.post("/v1/cases/reassign", headers=lead,
                           json={"case_ids": own, "mode": "one", "agent_ids": [user_id(db, "agent04")]})
    assert wrong_agent.status_code == 422 and wrong_agent.json()["code"] == "agent_not_in_team"
    both = api.post("/v1/cases/reassign/preview", headers=lead,
                    json={"case_ids": own, "filter": {}, "mode": "one", "agent_ids": [user_id(db, "agent02")]})
    assert both.status_code == 422
    with db.transaction() as s:
        owners = set(s.scalars(select(Case.assigned_agent_id).where(Case.id.in_(own + foreign))))
    assert owners == {user_id(db, "agent01"), user_id(db, "agent04")}
    agent = api.post("/v1/cases/reassign", headers=login(api, "agent01"),
                     json={"case_ids": own, "mode": "one", "agent_ids": [user_id(db, "agent02")]})
    assert agent.status_code == 403


def test_filters_pick_the_right_cases(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    target = [user_id(db, "agent03")]
    held = [c["data"] for c in pull_all(api, lead)[0] if c["entity"] == "case"]

    def moved(flt: dict) -> set[str]:
        response = api.post("/v1/cases/reassign/preview", headers=lead,
                            json={"filter": flt, "mode": "one", "agent_ids": target})
        assert response.status_code == 200, response.text
        return {m["case_id"] for m in response.json()["moves"]}

    not_a3 = [c for c in held if c["assigned_agent"] != "agent03"]
    m2 = {c["id"] for c in not_a3 if 31 <= max(a["days_past_due"] for a in c["accounts"]) <= 60}
    assert moved({"bucket": "M2"}) == m2
    on_hold = {c["id"] for c in not_a3 if c["status"] == "on_hold"}
    assert moved({"status": "on_hold"}) == on_hold
    big = {c["id"] for c in not_a3 if sum(a["overdue_minor"] for a in c["accounts"]) >= 500000}
    assert moved({"min_overdue_minor": 500000}) == big
    kept = {c["id"] for c in not_a3
            if [p for p in c["promises"] if p["status"] != "replaced"]
            and sorted((p for p in c["promises"] if p["status"] != "replaced"),
                       key=lambda p: p["created_at"])[-1]["status"] == "kept"}
    assert moved({"promise_status": "kept"}) == kept


@pytest.mark.usefixtures("daytime")  # the attempt made "now" must be allowed
def test_review_lists_and_number_verification(api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    changes, cursor = pull_all(api, agent)
    cases = [c["data"] for c in changes if c["entity"] == "case" and c["data"]["status"] == "open"
             and c["data"]["debtor"]["time_zone"] == "Asia/Shanghai"]
    night = last_local(clock.now(), 23)  # 23:00 in Beijing, inside the quiet hours
    flagged = _attempt(cases[0]["id"], started_at=night.isoformat(), reached="nobody", outcome="no_answer")
    dispute = _attempt(cases[1]["id"], outcome="dispute")
    promise = {"id": str(uuid.uuid4()), "type": "promise.add",
               "payload": {"promise_id": str(uuid.uuid4()), "case_id": cases[1]["id"], "amount_minor": 100,
                           "due_date": (local_today("Asia/Shanghai") + timedelta(days=2)).isoformat()}}
    point_id = str(uuid.uuid4())
    add = {"id": str(uuid.uuid4()), "type": "contact_point.add",
           "payload": {"point_id": point_id, "case_id": cases[2]["id"], "kind": "phone", "value": "139-0011-2233",
                       "owner": "debtor"}}
    results = api.post("/v1/sync/push", json={"mutations": [flagged, dispute, promise, add]},
                       headers=agent).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected", "applied"]

    lead = login(api, "lead01")
    f = api.get("/v1/review/flagged", headers=lead).json()
    assert f["total"] >= 1 and f["items"][0]["attempt_id"] == flagged["payload"]["attempt_id"]
    assert f["items"][0]["agent"] == "agent01" and f["items"][0]["compliance_flag"]
    r = api.get("/v1/review/rejected", headers=lead).json()
    assert [i["mutation_id"] for i in r["items"]] == [promise["id"]] and "on hold" in r["items"][0]["reason"]
    n = api.get("/v1/review/numbers", headers=lead).json()
    assert n["total"] == 1
    item = n["items"][0]
    assert item["id"] == point_id and item["value_masked"] == "139****2233" and item["added_by"] == "agent01"
    # Another team's lead sees none of it.
    assert api.get("/v1/review/numbers", headers=login(api, "lead02")).json()["total"] == 0

    ok = api.post(f"/v1/contact-points/{point_id}/verify", json={"approve": True}, headers=lead)
    assert ok.status_code == 200 and ok.json()["status"] == "valid"
    doc = next(c["data"] for c in pull_all(api, agent, cursor)[0] if c["id"] == cases[2]["id"])
    assert next(p for p in doc["contact_points"] if p["id"] == point_id)["status"] == "valid"
    assert api.get("/v1/review/numbers", headers=lead).json()["total"] == 0
    twice = api.post(f"/v1/contact-points/{point_id}/verify", json={"approve": False}, headers=lead)
    assert twice.status_code == 409
    assert api.post(f"/v1/contact-points/{point_id}/verify", json={"approve": True},
                    headers=login(api, "lead02")).status_code == 404
    assert _audited(db, "contact_point.verify") == 1


def test_agent_added_numbers_and_marks_are_checked(api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    case = _open_case(api, agent)
    phones = [p for p in case["contact_points"] if p["kind"] == "phone" and p["owner"] == "debtor"]
    phone = next((p for p in phones if p["status"] in ("valid", "unverified")), phones[0])

    def push(type_: str, payload: dict) -> dict:
        mutation = {"id": str(uuid.uuid4()), "type": type_, "payload": payload}
        return api.post("/v1/sync/push", json={"mutations": [mutation]}, headers=agent).json()["results"][0]

    no_relation = push("contact_point.add", {"point_id": str(uuid.uuid4()), "case_id": case["id"],
                                             "value": "13800001111", "owner": "emergency"})
    assert no_relation["status"] == "rejected" and "relation" in no_relation["reason"]
    bad_number = push("contact_point.add", {"point_id": str(uuid.uuid4()), "case_id": case["id"],
                                            "value": "call me", "owner": "debtor"})
    assert bad_number["status"] == "rejected" and "value" in bad_number["reason"]
    with db.transaction() as s:
        existing = s.get(ContactPoint, phone["id"])
        assert existing is not None
        full = existing.value
        # The demo may give this number to another case too, already marked there: a mark is
        # the number's, so it ends as the stricter of the marks.
        elsewhere = [p.status for p in s.scalars(select(ContactPoint).where(
            ContactPoint.number == existing.number, ContactPoint.id != existing.id))] if existing.number else []
        elsewhere.append(existing.status)  # the demo may have marked it already: a mark never lifts one
    expected = functools.reduce(stricter_status, elsewhere, "wrong_party")
    dup = push("contact_point.add", {"point_id": str(uuid.uuid4()), "case_id": case["id"], "value": full,
                                     "owner": "debtor"})
    assert dup["status"] == "rejected" and "already" in dup["reason"]
    marked = push("contact_point.mark", {"case_id": case["id"], "contact_point_id": phone["id"],
                                         "status": "wrong_party"})
    assert marked["status"] == "applied"
    with db.transaction() as s:
        assert s.get(ContactPoint, phone["id"]).status == expected  # type: ignore[union-attr]


def test_reveal_gives_the_full_number_in_scope_and_is_audited(api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    case = _open_case(api, agent)
    point = next(p for p in case["contact_points"] if p["kind"] == "phone")
    shown = api.post(f"/v1/contact-points/{point['id']}/reveal", headers=agent)
    assert shown.status_code == 200
    value = shown.json()["value"]
    assert "*" not in value and value[-4:] == point["value_masked"][-4:]
    assert api.post(f"/v1/contact-points/{point['id']}/reveal", headers=login(api, "agent02")).status_code == 404
    assert api.post(f"/v1/contact-points/{point['id']}/reveal", headers=login(api, "lead01")).status_code == 200
    with db.transaction() as s:
        reveals = s.scalars(select(AuditEntry).where(AuditEntry.action == "pii.reveal")).all()
        denied = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "scope.denied"))
    assert len(reveals) == 2 and all(r.entity_id == point["id"] for r in reveals)
    assert denied == 1


@pytest.mark.usefixtures("daytime")  # the attempt made "now" falls in the calling hours
def test_report_figures_for_the_charts(api: TestClient, db: Database) -> None:
    agent = login(api, "agent01")
    case = _open_case(api, agent)
    tracked = _attempt(case["id"], talk_track_id="m1-first-contact", talk_track_version=2)
    assert api.post("/v1/sync/push", json={"mutations": [tracked]},
                    headers=agent).json()["results"][0]["status"] == "applied"
    lead = login(api, "lead01")
    daily = api.get("/v1/reports/daily", params={"days": 30}, headers=lead).json()
    assert len(daily) == 30 and daily[-1]["day"] == local_today("Asia/Shanghai").isoformat()
    assert sum(d["promises"] for d in daily) > 0 and sum(d["collected_minor"] for d in daily) > 0
    assert [d["day"] for d in daily] == sorted(d["day"] for d in daily)
    hours = api.get("/v1/reports/rpc-by-hour", headers=lead).json()
    assert [h["hour"] for h in hours] == list(range(24))
    assert sum(h["attempts"] for h in hours) > 0
    # The seed calls only between 09:00 and 20:59 the debtor's time (Beijing or Urumqi clock).
    assert all(h["attempts"] == 0 for h in hours if h["hour"] < 7 or h["hour"] > 21)
    assert all(h["rpc"] <= h["attempts"] for h in hours)
    funnel = api.get("/v1/reports/funnel", headers=lead).json()
    assert [f["username"] for f in funnel] == ["agent01", "agent02", "agent03"]
    assert all(f["attempts"] >= f["contacts"] >= 0 and f["promises"] >= f["kept"] for f in funnel)
    tracks = api.get("/v1/reports/talk-tracks", headers=lead).json()
    assert {"talk_track_id": "m1-first-contact", "version": 2, "attempts": 1, "rpc": 1, "promises": 1} in tracks
    # The demo's month of calls says which track each used (the strategy seed), so the chart is never empty.
    assert {"first_contact", "early_reminder", "early_reminder_plan"} <= {t["talk_track_id"] for t in tracks}
    assert _audited(db, "report.funnel") == 1


def test_agent_state_is_validated_and_stored(api: TestClient, db: Database) -> None:
    agent = login(api, "agent02")
    assert api.post("/v1/agent/state", json={"state": "asleep"}, headers=agent).status_code == 422
    assert api.post("/v1/agent/state", json={"state": "break"}, headers=agent).status_code == 204
    with db.transaction() as s:
        row = s.scalar(select(User).where(User.username == "agent02"))
        assert row is not None and row.agent_state == "break" and row.agent_state_at is not None
