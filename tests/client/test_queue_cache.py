"""The queue's per-case cache: a refresh is quick and never shows stale facts.

What the agent notices: after a wrap-up the case's row changes at once (its new outcome,
"waiting to send"), and after a sync the queue is exactly what a fresh build would show.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from agentdesk import clock
from agentdesk.client.queue import QueueCache, build_queue
from agentdesk.client.session import ClientSession
from agentdesk.client.views import QueueRow
from agentdesk.server.embedded import EmbeddedServer
from tests.client.helpers import no_answer, open_cases


def _shown(rows: list[QueueRow]) -> list[tuple[Any, ...]]:
    return [(r.case_id, r.score, r.reasons, r.callable_from, r.last_outcome, r.has_pending) for r in rows]


def test_a_refresh_after_a_wrap_up_shows_the_change_and_a_sync_matches_a_fresh_build(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    now = clock.now()
    first = session.queue(now)
    assert len(session.queue_cache) == len(first)
    assert _shown(session.queue(now)) == _shown(first), "a refresh with nothing changed shows the same queue"

    case_id = next(r.case_id for r in first if r.status == "open" and r.last_outcome != "no_answer")
    session.record_outcome(no_answer(session, case_id, note="无人接听"))
    row = next(r for r in session.queue(now) if r.case_id == case_id)
    assert row.has_pending and row.last_outcome == "no_answer"
    assert any(r.key for r in row.reasons), "the changed case still says why it sits where it sits"

    session.sync_now()
    cached = session.queue(now)
    fresh = build_queue(session.store, session.policy, now, "all", "", session.user.username, QueueCache(),
                        strategy=session.strategy, book=session.rules.book)
    assert _shown(cached) == _shown(fresh), "after a sync the cached queue is exactly a fresh one"
    assert not next(r for r in cached if r.case_id == case_id).has_pending
    session.stop()


def test_the_queues_light_reading_of_a_case_gives_the_dialing_facts_of_its_full_view(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    """The queue reads `contact_facts` (a cold start reads every case); the case view reads
    `case_detail`. Both must give the same dial verdicts and ranking inputs, or the queue
    would offer a case the case view then refuses to dial."""
    from agentdesk.client import caseview
    from agentdesk.client.queue import _case_facts
    from agentdesk.client.store import overlay

    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    some = [r.case_id for r in session.queue(clock.now())[:3]]
    for case_id in some:  # pending local attempts laid over the server's history
        session.record_outcome(no_answer(session, case_id, note="本地未发送"))
    store, me = session.store, session.user.username
    now = clock.now()
    compared = with_history = 0
    for row in store.case_rows():
        doc = overlay(row.doc, store.local_writes(row.id), me)
        light, full = caseview.contact_facts(doc), caseview.case_detail(doc)
        key = (row.seq, ())
        assert _case_facts(key, light) == _case_facts(key, full), row.id
        for point in [None, *(p.id for p in full.contact_points)]:
            assert (caseview.dial_verdict(light, point, session.policy, now)
                    == caseview.dial_verdict(full, point, session.policy, now)), (row.id, point)
        compared += 1
        with_history += bool(full.attempts)
    assert compared > 20 and with_history > 5
    session.stop()


# --- the facts kept in the local store between starts ---------------------------------------


def _build(session: ClientSession, now: Any, cache: QueueCache | None = None, policy: Any = None,
           strategy: Any = None) -> list[QueueRow]:
    """A start's queue: a new cache (what a new process has) over the session's store."""
    return build_queue(session.store, policy or session.policy, now, "all", "", session.user.username,
                       cache if cache is not None else QueueCache(), strategy=strategy or session.strategy,
                       book=None if strategy is not None else session.rules.book)


def _fresh(session: ClientSession, now: Any, policy: Any = None, strategy: Any = None) -> list[QueueRow]:
    """The queue derived from the documents alone: no facts kept from an earlier start."""
    from sqlalchemy import delete

    from agentdesk.client.store import QueueFactsRow

    with session.store.transaction() as s:
        s.execute(delete(QueueFactsRow))
    cache = QueueCache()
    rows = _build(session, now, cache, policy, strategy)
    assert cache.last_kept == 0 and cache.last_derived == len(rows)
    return rows


def _same_person(session: ClientSession, case_id: str, other_id: str) -> None:
    """A pull says the second case's debtor is the first one's person."""
    from agentdesk import contract

    doc, other = session.store.case_doc(case_id), session.store.case_doc(other_id)
    assert doc is not None and other is not None
    person = doc["debtor"].get("person_key") or "person-of-" + case_id[:8]
    changed = [{**d, "seq": d["seq"] + 50_000, "debtor": {**d["debtor"], "person_key": person}} for d in (doc, other)]
    session.store.apply_changes([contract.Change(entity="case", op="upsert", id=d["id"], data=d) for d in changed],
                                "pulled-person")


def _started(session: ClientSession, now: Any, **kw: Any) -> tuple[list[QueueRow], QueueCache]:
    cache = QueueCache()
    return _build(session, now, cache, **kw), cache


def test_a_start_on_kept_facts_shows_the_queue_a_fresh_build_shows_at_any_hour(
        live_server: EmbeddedServer, secret_service: Any, daytime: Any) -> None:
    """The second start reads the facts the first one kept instead of every document: the
    order, the reasons and the callable-from times (quiet hours in each debtor's zone, the
    person's limits across their other cases) must be exactly those of a fresh build, also
    hours and days later (the clock-dependent parts are worked out at each start).

    It starts at 10:00 in Beijing (`daytime`): the calls it makes "minutes ago" to reach a
    person's limit for the day must fall on the debtor's today (at 00:01 they did not)."""
    from datetime import timedelta

    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    now = clock.now()
    # A person with two cases (a pull says so), and attempts of today on some cases, one of
    # them that person's: today's counts and the person-wide limits must come out the same.
    from datetime import time

    from agentdesk.domain.compliance import load_policy

    # A preset of three calls a day per person and, here, no quiet hours.
    us = replace(load_policy("us"), name="us-all-day", quiet_start=time(0), quiet_end=time(0))
    free = [r.case_id for r in _fresh(session, now, policy=us) if r.status == "open" and r.callable_from is None]
    first_case, second_case = free[:2]
    others = [i for i in open_cases(session, 4) if i not in (first_case, second_case)][:2]
    _same_person(session, first_case, second_case)
    assert session.store.sibling_ids(second_case) == [first_case]
    for case_id in [first_case, *others]:
        session.record_outcome(no_answer(session, case_id, note="今天未接通"))

    first = _fresh(session, now)
    callable_at: set[frozenset[str]] = set()
    for hours in range(0, 49, 7):
        later = now + timedelta(hours=hours)
        kept, cache = _started(session, later)
        assert cache.last_kept == len(kept) and cache.last_derived == 0, "the start read no document"
        assert kept == _fresh(session, later), f"{hours} h later the kept facts give the fresh queue"
        callable_at.add(frozenset(r.case_id for r in kept if r.callable_from is None and r.status == "open"))
    assert len(callable_at) > 1, "over two days the quiet hours and the days change what is callable"
    assert _started(session, now)[0] == first

    # Three calls a day per person: three calls on the person's first case hold the second
    # one until the debtor's next day, so at the next start too.
    assert next(r for r in _fresh(session, now, policy=us) if r.case_id == second_case).callable_from is None
    for minutes in (2, 3):
        session.record_outcome(no_answer(session, first_case, minutes_ago=minutes))
    kept = _started(session, now, policy=us)[0]
    assert kept == _fresh(session, now, policy=us)
    held = next(r for r in kept if r.case_id == second_case)
    assert held.callable_from is not None and held.callable_from > now, "the person's limit holds the other case"
    session.stop()


def test_a_pulled_change_a_new_policy_or_strategy_and_a_local_write_show_at_the_next_start(
        live_server: EmbeddedServer, secret_service: Any, daytime: Any) -> None:
    """At 10:00 in Beijing (`daytime`): the case the pull changes is callable before it."""
    from datetime import timedelta

    from agentdesk import contract
    from agentdesk.domain import priority
    from agentdesk.domain.compliance import load_policy

    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    now = clock.now()
    before = _fresh(session, now)
    target = next(r for r in before if r.status == "open" and r.callable_from is None)

    # A pull brings the case with a conversation an hour ago: the wait after it holds the case.
    doc = session.store.case_doc(target.case_id)
    assert doc is not None
    point = next(p["id"] for p in doc["contact_points"] if p["owner"] == "debtor" and p["kind"] == "phone")
    talked = (now - timedelta(hours=1)).isoformat()
    doc = {**doc, "seq": doc["seq"] + 100_000, "attempts": [*doc["attempts"], {
        "id": "pulled-attempt", "started_at": talked, "ended_at": talked, "channel": "call",
        "contact_point_id": point, "reached": "right_party", "outcome": "refusal", "agent": "agent02", "note": "",
        "compliance_flag": None}]}
    session.store.apply_changes([contract.Change(entity="case", op="upsert", id=target.case_id, data=doc)], "pulled")
    after, cache = _started(session, now)
    assert cache.last_derived >= 1 and cache.last_kept >= len(after) - 10, "only the changed cases are derived"
    row = next(r for r in after if r.case_id == target.case_id)
    assert row.callable_from is not None and row.callable_from > now, "the pulled conversation holds the case"
    assert after == _fresh(session, now)

    # Another policy, another strategy: the kept facts serve them, the queue is theirs.
    us = load_policy("us")
    assert _started(session, now, policy=us)[0] == _fresh(session, now, policy=us)
    heavy = priority.Strategy(name="callbacks-first", version=99,
                              weights={**priority.default_strategy().weights, "expected_value": 0.0})
    by_strategy = _started(session, now, strategy=heavy)[0]
    assert by_strategy == _fresh(session, now, strategy=heavy)
    assert [r.case_id for r in by_strategy] != [r.case_id for r in after], "the strategy reorders the queue"

    # A save (an unsent local write) changes its case's key: derived again, and kept.
    other = next(r for r in after if r.status == "open" and r.case_id != target.case_id)
    session.record_outcome(no_answer(session, other.case_id, note="本地"))
    saved, cache = _started(session, now)
    assert 1 <= cache.last_derived < len(saved)
    assert next(r for r in saved if r.case_id == other.case_id).has_pending
    assert saved == _fresh(session, now)
    session.stop()


def test_kept_facts_of_another_version_or_unreadable_are_derived_again(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    from sqlalchemy import update

    from agentdesk.client import queue as queue_mod
    from agentdesk.client.store import QueueFactsRow

    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    now = clock.now()
    fresh = _fresh(session, now)
    spoilt = [r.case_id for r in fresh[:3]]
    with session.store.transaction() as s:
        s.execute(update(QueueFactsRow).where(QueueFactsRow.id == spoilt[0]).values(facts=b"\x00garbage"))
        s.execute(update(QueueFactsRow).where(QueueFactsRow.id == spoilt[1]).values(facts=b"[1, 2, 3]"))
        s.execute(update(QueueFactsRow).where(QueueFactsRow.id == spoilt[2]).values(facts=b'["UTC"]'))
    rows, cache = _started(session, now)
    assert rows == fresh and cache.last_derived == 3, "unreadable kept facts are derived again"
    assert _started(session, now)[1].last_derived == 0, "and kept again"

    session.store.set_meta("queue_facts_version", "0/older")
    rows, cache = _started(session, now)
    assert rows == fresh and cache.last_kept == 0, "facts kept by other code are not trusted"
    assert session.store.get_meta("queue_facts_version") == queue_mod.FACTS_TAG
    assert _started(session, now)[1].last_kept == len(fresh)
    session.stop()


def test_kept_facts_round_trip_exactly() -> None:
    """What a start reads back is what was derived (instants with their offsets included)."""
    from datetime import UTC, datetime, timedelta, timezone

    from agentdesk.client import caseview
    from agentdesk.client.queue import _case_facts, _CaseFacts

    def at(hours: int, tz: Any = UTC) -> str:
        return (datetime(2026, 3, 7, 12, tzinfo=UTC) + timedelta(hours=hours)).astimezone(tz).isoformat()

    doc = {"id": "c1", "status": "open", "debtor": {"time_zone": "America/New_York", "person_key": "p1"},
           "contact_points": [{"id": "cp1", "kind": "phone", "owner": "debtor", "status": "valid", "number_key": "n1"}],
           "attempts": [{"id": f"a{i}", "started_at": at(-i * 20, timezone(timedelta(hours=8)) if i % 2 else UTC),
                         "contact_point_id": "cp1", "reached": ("nobody", "right_party")[i % 2], "channel": "call"}
                        for i in range(30)],
           "promises": [{"status": "pending", "due_date": "2026-03-20"}],
           "sms": [{"opened_at": at(-3)}], "related": []}
    derived = _case_facts(("k",), caseview.contact_facts(doc))
    now = datetime(2026, 3, 8, 6, 40, tzinfo=UTC)
    back = _CaseFacts.decode(("k",), derived.encode(now))
    assert replace(back, contacts=derived.contacts, lasting=derived.lasting, calls=derived.calls,
                   since=None) == derived, "everything but the history no count reaches any more"
    assert len(back.contacts[0]) < len(derived.contacts[0]), "a start reads less than the whole history"
    for later in (now, now + timedelta(hours=5), now + timedelta(days=3)):
        assert back.covers(later)
        assert back.past(later) == derived.past(later) and len(derived.past(later)) < 30
        assert [(c, c.tzinfo) for c in back.recent_calls(later)] == [
            (c, c.tzinfo) for c in derived.recent_calls(later)]
    # Kept at `now`: a clock set back before it needs the whole history (derived again).
    assert not back.covers(now - timedelta(minutes=1)) and derived.covers(now - timedelta(days=30))
    # Kept before every contact was made, nothing is left out.
    whole = _CaseFacts.decode(("k",), derived.encode(datetime(2026, 1, 1, tzinfo=UTC)))
    assert whole == derived and whole.since is None


def test_kept_facts_read_with_shared_values_are_the_same_facts() -> None:
    """A lead's build reads ~100,000 kept facts sharing repeated values (zones, statuses,
    the by-hour counts, empty histories): each case's facts equal those read alone, and the
    repeated values are one object across cases."""
    from datetime import UTC, datetime, timedelta

    from agentdesk.client import caseview
    from agentdesk.client.queue import _case_facts, _CaseFacts

    def doc(i: int) -> dict[str, Any]:
        start = datetime(2026, 3, 7, 12, tzinfo=UTC)
        return {"id": f"c{i}", "status": ("open", "on_hold", "closed")[i % 3],
                "hold_reason": "dispute" if i % 3 == 1 else None,
                "debtor": {"time_zone": ("Asia/Shanghai", "America/New_York", "Asia/Urumqi")[i % 3],
                           "person_key": f"p{i}"},
                "contact_points": [{"id": f"cp{i}", "kind": "phone", "owner": ("debtor", "emergency")[i % 2],
                                    "status": ("valid", "unverified")[i % 2], "number_key": f"n{i}"}],
                "attempts": [{"id": f"a{i}-{k}", "started_at": (start - timedelta(hours=7 * k + i)).isoformat(),
                              "contact_point_id": f"cp{i}", "reached": ("nobody", "right_party")[k % 2],
                              "channel": "call"} for k in range(i % 5)],
                "promises": [{"status": "pending", "due_date": "2026-03-20"}] if i % 4 == 0 else [],
                "sms": [], "related": []}

    now = datetime(2026, 3, 7, 14, tzinfo=UTC)
    kept = [_case_facts(("k", i), caseview.contact_facts(doc(i))).encode(now) for i in range(12)]
    shared: dict[Any, Any] = {}
    together = [_CaseFacts.decode(("k", i), raw, shared, f"c{i}") for i, raw in enumerate(kept)]
    alone = [_CaseFacts.decode(("k", i), raw) for i, raw in enumerate(kept)]
    assert together == alone
    for a, b in zip(together, alone, strict=True):
        assert a.planned == b.planned and a.past(now) == b.past(now) and a.recent_calls(now) == b.recent_calls(now)
    assert together[0].rpc_by_hour == together[5].rpc_by_hour and together[0].rpc_by_hour is together[5].rpc_by_hour, \
        "equal by-hour counts are one object"
    assert together[0].time_zone is together[3].time_zone
    assert together[0].planned.case_id == "c0"


def test_kept_facts_ranked_undecoded_keep_each_cases_own_link_open_and_wait() -> None:
    """A lead's build ranks most cases from their kept values (`_Light`), the values many
    cases repeat (first instant covered, gate group, link opened, the policy's wait) as one
    object (issue 20): read together, each case keeps its own (an SMS link opened at another
    instant, or none, ranks it otherwise), equal to the case's values read alone."""
    from datetime import UTC, datetime, timedelta

    from agentdesk.client import caseview
    from agentdesk.client.queue import _case_facts, _Light, _light_of

    start = datetime(2026, 3, 1, 12, tzinfo=UTC)

    def doc(i: int) -> dict[str, Any]:
        return {"id": f"c{i}", "status": "open", "debtor": {"time_zone": "Asia/Shanghai", "person_key": f"p{i}"},
                "contact_points": [{"id": f"cp{i}", "kind": "phone", "owner": "debtor", "status": "valid",
                                    "number_key": f"n{i}"}],
                "attempts": [{"id": f"a{i}", "started_at": start.isoformat(), "contact_point_id": f"cp{i}",
                              "reached": "nobody", "channel": "call"}],
                "promises": [], "related": [],
                "sms": [{"opened_at": (start + timedelta(hours=i % 3)).isoformat()}] if i % 3 else []}

    kept_at = start + timedelta(days=20)
    now_us = (kept_at + timedelta(hours=2) - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
    kept = [_case_facts(((i + 1000, ()), (), ""), caseview.contact_facts(doc(i))).encode(kept_at) for i in range(9)]
    for wait in (None, timedelta(days=2)):
        shared: dict[Any, Any] = {}
        together = [_light_of(((i + 1000, ()), (), ""), raw, shared, {}, now_us, wait) for i, raw in enumerate(kept)]
        alone = [_light_of(((i + 1000, ()), (), ""), raw, {}, {}, now_us, wait) for i, raw in enumerate(kept)]
        assert all(type(x) is _Light for x in together + alone)
        names = ("key", "from_us", "group", "engaged_at", "wait", "rpc_by_hour", "attempts_by_hour", "days")
        for a, b in zip(together, alone, strict=True):
            assert [getattr(a, n) for n in names] == [getattr(b, n) for n in names]
        assert [x.engaged_at for x in together[:3]] == [None, start + timedelta(hours=1), start + timedelta(hours=2)]
        assert {x.wait for x in together} == {wait}
        assert together[1]._at is together[4]._at and together[0]._at is together[3]._at, "alike: one tuple"


def test_the_last_builds_columns_answer_as_the_dicts_they_replace() -> None:
    """`_Every` and `_Own` (a lead's 100,000 cases as columns, issue 20) give what the
    per-case dicts gave: each case's own key part, and whether its groups changed (any of
    the person, the numbers, the segment or the arm), so a refresh takes the same path."""
    from agentdesk.client.queue import _Every, _groups, _Own
    from agentdesk.client.store import CaseColumns

    blank = dict.fromkeys(CaseColumns._fields)
    rows = [CaseColumns(**{**blank, "id": f"c{i}", "seq": 1000 + i, "person_key": f"p{i % 7}" if i % 3 else None,
                           "number_keys": f"n{i % 5} n{i % 11}" if i % 2 else "", "segment": ("a", "b", None)[i % 3],
                           "arm": (None, "x")[i % 2]}) for i in range(60)]
    signatures = {"c3": ((5, "pending"),), "c10": ((6, "rejected"), (7, "pending"))}
    every = _Every([r.id for r in rows], [r.seq for r in rows], [_groups(r) for r in rows], list(range(len(rows))))
    own = _Own(every, signatures)
    assert {i: own[i] for i in own} == {r.id: (r.seq, signatures.get(r.id, ())) for r in rows}
    refreshed = _Own(every, signatures, {"c3": 77})
    assert refreshed["c3"] == (77, ((5, "pending"),)) and refreshed["c4"] == (1004, ())
    assert "c59" in every and "c60" not in every
    for r in rows:
        assert every.same_groups(r.id, _groups(r))
        for field, other in (("person_key", "p-other"), ("number_keys", "n-other"), ("segment", "c"), ("arm", "y")):
            assert not every.same_groups(r.id, _groups(r._replace(**{field: other}))), field


def test_the_cases_kept_from_the_summary_s_columns_are_those_kept_row_by_row(tmp_path: Any) -> None:
    """`_kept_places` (the full build reads the summary as columns, issue 20) keeps, for
    every filter with and without a search, exactly the cases `_keep` keeps of the rows."""
    from datetime import UTC, datetime

    from agentdesk.client.queue import FILTERS, _keep, _kept_places
    from agentdesk.client.store import CaseColumns

    blank = dict.fromkeys(CaseColumns._fields)
    rows = [CaseColumns(**{**blank, "id": f"c{i}", "status": ("open", "on_hold", "closed", "open")[i % 4],
                           "search_text": f"王{i % 7} 138{i:04d}", "bucket": ("M1", "M2", "M3", "M4+", "M0")[i % 5],
                           "callback_due_at": (None, "2026-12-02T15:00:00+00:00", "2026-12-02T23:59:30+00:00",
                                               "2026-12-03T01:00:00+08:00", "2026-12-04T09:00:00")[i % 5],
                           "promise_status": (None, "pending", "broken", "kept")[i % 3]}) for i in range(120)]
    columns = {name: [getattr(r, name) for r in rows] for name in CaseColumns._fields}
    places = list(range(len(rows)))
    now = datetime(2026, 12, 2, 16, 0, 30, tzinfo=UTC)
    for filter in FILTERS:
        for needle in ("", "王3", "1380", "none such"):
            kept = _kept_places(columns, places, filter, needle, now)
            assert kept == [p for p in places if _keep(rows[p], filter, needle, now)], (filter, needle)
    assert 0 < len(_kept_places(columns, places, "callbacks", "", now)) < len(rows)


def test_the_last_builds_index_answers_as_the_dict_it_replaces() -> None:
    """`_Index` (the queued cases' table rows, issue 20) answers as the dict by id did:
    membership, rows, order and length; a case not queued is not in it."""
    from agentdesk.client.queue import _Index

    ids = [f"c{i}" for i in range(50)]
    where = dict(zip(ids, range(len(ids)), strict=True))
    at = [p for p in range(len(ids)) if p % 3 != 1]
    queued = [ids[p] for p in at]
    index = _Index(where, at, queued)
    was = dict(zip(queued, range(len(queued)), strict=True))
    assert list(index) == list(was) and len(index) == len(was) and dict(index) == was
    for case_id in [*ids, "c50", "nobody"]:
        assert (case_id in index) == (case_id in was), case_id
        if case_id in was:
            assert index[case_id] == was[case_id]
        else:
            with pytest.raises(KeyError):
                index[case_id]
    assert "c1" in where and "c1" not in index


def test_a_rebuild_after_a_pull_that_adds_and_removes_cases_finds_every_case_at_its_row(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    """After a pull (one case new, one gone, one changed) the queue ranked anew from the
    facts in memory is the one a new start shows, each case found at its row; and it
    holds one id string per case, the one its kept facts already had (issue 20: a lead's
    re-rank held two, ~8 MB)."""
    from types import SimpleNamespace

    from agentdesk import contract

    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    now = clock.now()
    cache = QueueCache()
    first = _build(session, now, cache)
    gone, changed = first[0].case_id, first[1].case_id
    doc, twin = session.store.case_doc(changed), session.store.case_doc(first[2].case_id)
    assert doc is not None and twin is not None
    new_id = "00000000-0000-4000-8000-" + "0" * 11 + "1"
    new = {**twin, "id": new_id, "seq": twin["seq"] + 90_000}
    doc = {**doc, "seq": doc["seq"] + 90_000, "accounts": [{**a, "overdue_minor": a["overdue_minor"] * 7}
                                                           for a in doc["accounts"]]}
    session.store.apply_changes([contract.Change(entity="case", op="remove", id=gone, data={}),
                                 contract.Change(entity="case", op="upsert", id=changed, data=doc),
                                 contract.Change(entity="case", op="upsert", id=new_id, data=new)], "pulled")
    cache.invalidate(SimpleNamespace(upserted=[changed, new_id], removed=[gone]))  # as the sync engine does
    again = build_queue(session.store, session.policy, now, "all", "", session.user.username, cache,
                        strategy=session.strategy, book=session.rules.book)
    assert _shown(list(again)) == _shown(_build(session, now)), "the same queue as a new start's"
    ids = [r.case_id for r in again]
    assert gone not in ids and new_id in ids and changed in ids
    assert all(again.position(case_id) == at for at, case_id in enumerate(ids)), "each case found at its row"
    assert again.position(gone) is None
    held = {i: i for i in cache._facts}  # noqa: SLF001 - the strings the kept facts hold
    assert all(held[case_id] is case_id for case_id in ids), "one id string per case"
    session.stop()
