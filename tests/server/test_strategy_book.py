"""The strategy book over HTTP on both databases: versions, validation by field, re-placing
cases with the reason in their documents, challengers that keep their arms and history,
the desk's rules, and the demo's month of two arms."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from agentdesk.clock import PROCESS
from agentdesk.server import arms_report, strategy_store
from agentdesk.server.db import Database
from agentdesk.server.embedded import prepare_database
from agentdesk.server.models import AuditEntry, Case, ContactAttempt
from agentdesk.server.strategy_models import CaseArm
from tests.server.helpers import login, pull_all


def _book(api: TestClient, headers: dict[str, str]) -> dict:
    response = api.get("/v1/strategy/book", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def _put(api: TestClient, headers: dict[str, str], book: dict, expected: int | None) -> object:
    return api.put("/v1/strategy/book", json={"book": book, "expected_version": expected}, headers=headers)


def test_a_book_change_is_a_new_version_checked_by_field_and_every_case_says_its_segment(
        api: TestClient, db: Database) -> None:
    agent, lead = login(api, "agent01"), login(api, "lead01")
    assert api.get("/v1/strategy/book", headers=agent).status_code == 403
    book = _book(api, lead)
    assert book["version"] == 2 and [s["key"] for s in book["segments"]][-1] == "rest"

    bad = {**book, "segments": [dict(book["segments"][0], rule={"min_dpd": 90, "max_dpd": 30}),
                                *book["segments"][1:]]}
    refused = _put(api, lead, bad, 2)
    assert refused.status_code == 422 and refused.json()["message"].startswith("segments[0].rule.max_dpd")
    over = {**book, "segments": [dict(book["segments"][0], strategy={"cadence": {"calls_per_day": 9}}),
                                 *book["segments"][1:]]}
    refused = _put(api, lead, over, 2)
    assert refused.status_code == 422 and "segments[0].strategy.cadence.calls_per_day" in refused.json()["message"]

    # A lead adds a segment for large M4+ accounts, worked by someone with legal skills.
    legal = {"key": "legal", "name_zh": "法务大额", "name_en": "Legal, large",
             "rule": {"buckets": ["M4+"], "min_overdue_minor": 300_000},
             "strategy": {"profile": {"required_skills": ["法务"]}, "cadence": {"calls_per_day": 2}}}
    book["segments"].insert(0, legal)
    saved = _put(api, lead, book, 2)
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] == "china-s3" and saved.json()["book"]["segments"][0]["key"] == "legal"
    assert _put(api, lead, book, 2).status_code == 409  # someone else's change is not overwritten
    rules = api.get("/v1/rules", headers=agent).json()
    assert rules["book"]["version"] == 3 and rules["book"]["segments"][0]["key"] == "legal"

    docs = {c["id"]: c["data"] for c in pull_all(api, lead)[0] if c["entity"] == "case" and c["op"] == "upsert"}
    placed = {d["strategy"]["segment"] for d in docs.values() if d["status"] != "closed"}
    assert "legal" in placed and None not in placed
    legal_doc = next(d for d in docs.values() if d["strategy"]["segment"] == "legal")
    assert "bucket M4+" in legal_doc["strategy"]["reason_en"] and "账龄 M4+" in legal_doc["strategy"]["reason_zh"]
    assert all(max(a["days_past_due"] for a in d["accounts"]) > 90 for d in docs.values()
               if d["strategy"]["segment"] == "legal")
    versions = api.get("/v1/strategy/book/versions", headers=lead).json()
    assert [v["version"] for v in versions] == [3, 2] and versions[0]["saved_by"] == "lead01"
    assert api.get("/v1/strategy/book/versions/2", headers=lead).json()["segments"][0]["key"] == "broken"
    assert api.get("/v1/strategy/book/versions/99", headers=lead).status_code == 404
    with db.transaction() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "strategy.book"))
        assert entry is not None and entry.detail["added"] == ["legal"] and entry.entity_id == "3"


def test_a_running_challenger_keeps_its_share_its_arms_and_its_history(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    book = _book(api, lead)
    early = next(s for s in book["segments"] if s["key"] == "early")
    with db.transaction() as s:
        arms_before = dict(s.execute(select(CaseArm.case_id, CaseArm.arm)
                                     .where(CaseArm.challenger_id == "plan_first")).all())
    assert arms_before and set(arms_before.values()) == {"champion", "challenger"}

    early["challenger"]["share"] = 0.2
    refused = _put(api, lead, book, 2)
    assert refused.status_code == 422 and refused.json()["code"] == "challenger_changed"

    promoted = api.post("/v1/strategy/segments/early/challenger/plan_first/promote", json={"expected_version": 2},
                        headers=lead)
    assert promoted.status_code == 200, promoted.text
    after = next(s for s in promoted.json()["book"]["segments"] if s["key"] == "early")
    assert after["challenger"] is None
    assert after["strategy"]["talk_tracks"] == {"early_reminder": "early_reminder_plan"}
    assert [(r["challenger"]["id"], r["outcome"]) for r in after["history"]] == [("plan_first", "promoted")]
    # Its results stay readable, and a new experiment cannot reuse the id (its cases would mix).
    report = api.get("/v1/strategy/arms", params={"segment": "early", "challenger": "plan_first"}, headers=lead)
    assert report.status_code == 200 and report.json()["running"] is False
    book = _book(api, lead)
    seg = next(s for s in book["segments"] if s["key"] == "early")
    seg["challenger"] = {"id": "plan_first", "name": "Again", "share": 0.3}
    again = _put(api, lead, book, 3)
    assert again.status_code == 422 and "plan_first" in again.json()["message"]
    seg["challenger"] = {"id": "calm_close", "name": "Calm close", "share": 0.3, "weights": {"reach": 100}}
    started = _put(api, lead, book, 3)
    assert started.status_code == 200, started.text
    running = next(s for s in started.json()["book"]["segments"] if s["key"] == "early")["challenger"]
    assert running["started_at"] is not None  # stamped by the server
    with db.transaction() as s:
        # Recorded arms never change: the old experiment's are all still there, as they were.
        assert dict(s.execute(select(CaseArm.case_id, CaseArm.arm)
                              .where(CaseArm.challenger_id == "plan_first")).all()) == arms_before
        # Cases already in the segment when the new challenger started take no part in it.
        assert s.scalar(select(func.count()).select_from(CaseArm).where(CaseArm.challenger_id == "calm_close")) == 0
    assert api.post("/v1/strategy/segments/early/challenger/nope/stop", json={}, headers=lead).status_code == 404


def test_put_strategy_changes_the_weights_of_the_segment_that_takes_every_case(api: TestClient) -> None:
    lead = login(api, "lead01")
    saved = api.put("/v1/strategy", json={"name": "reach", "weights": {"reach": 300}, "expected_version": 2},
                    headers=lead)
    assert saved.status_code == 200, saved.text
    book = saved.json()["book"]
    assert book["segments"][-1]["strategy"]["weights"] == {"reach": 300.0}
    assert next(s for s in book["segments"] if s["key"] == "early")["strategy"]["weights"] == {"reach": 200.0}


def test_the_demo_month_shows_the_challenger_better_and_fills_the_talk_track_chart(demo_db_template: Path,
                                                                                   tmp_path: Path) -> None:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db_template, copy)
    db = Database(f"sqlite:///{copy}")
    try:
        with db.transaction() as s:
            book = strategy_store.current_book(s)
            report = arms_report.arms_report(s, book, "early", None, None, 30, PROCESS.now())
            tracked = s.scalar(select(func.count()).select_from(Case).where(Case.segment.is_not(None)))
    finally:
        db.dispose()
    assert tracked and report.champion_cases >= 30 and report.challenger_cases >= 30
    assert report.verdict == "challenger_better", report.verdict_en
    assert report.verdict_en == "Challenger better at 95% (Promise rate)"
    promise = next(m for m in report.metrics if m.key == "promise_rate")
    assert promise.low is not None and promise.low > 0
    assert report.tracks["challenger"].get("early_reminder_plan v1", 0) > 0
    assert "early_reminder_plan v1" not in report.tracks["champion"]


def test_the_demo_seeded_twice_at_one_instant_is_the_same_demo(tmp_path: Path, set_clock) -> None:  # noqa: ANN001
    """Ids decide the demo's order and its challenger arms: random ids made two demos of
    one instant differ, and about one in twelve showed no winner in the month."""
    set_clock("2026-09-09T09:09:00Z")

    def demo(name: str) -> tuple[list[tuple[str, str | None]], list[str]]:
        db = prepare_database(f"sqlite:///{tmp_path / name}", seed=True, cases=80)
        try:
            with db.transaction() as s:
                arms = [(i, a) for i, a in s.execute(select(Case.id, Case.arm).order_by(Case.id))]
                attempts = list(s.scalars(select(ContactAttempt.id).order_by(ContactAttempt.id)))
        finally:
            db.dispose()
        return arms, attempts

    first, second = demo("one.db"), demo("two.db")
    assert first == second
    assert any(arm == "challenger" for _, arm in first[0]) and len(first[1]) > 80
    ids = [case_id for case_id, _ in first[0]]
    assert len(set(ids)) == len(ids) and all(uuid.UUID(i).version == 4 for i in ids)
