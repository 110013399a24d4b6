"""The queue shows, row for row, what the per-case build showed (issue 20).

The build was made columnar (kept facts as arrays, one verdict per shared key, rows made
when painted); an agent or a lead must not see one row moved, re-scored or worded
differently. `queue_golden.json.gz` is the per-case code's queue of a fixed synthetic
portfolio (`queue_golden.py`) at pinned instants: day, the quiet hours, a clock set back;
with a filter and a search; and refreshed after local writes within the minute.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.client import queue_golden as golden


@pytest.fixture(scope="module")
def saved() -> dict[str, Any]:
    return orjson.loads(gzip.decompress(golden.GOLDEN.read_bytes()))


@pytest.fixture(scope="module")
def now_shown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return orjson.loads(orjson.dumps(golden.snapshot(tmp_path_factory.mktemp("golden"))))


def _first_difference(old: list[Any], new: list[Any]) -> str:
    for n, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b:
            return f"row {n}: was {a}, now {b}"
    return f"{len(old)} rows before, {len(new)} now"


@pytest.mark.parametrize("name", ["fresh-0", "fresh-1", "fresh-2", "promises", "search", "few-0", "few-1", "few-2",
                                  "after-writes-fresh"])
def test_every_row_is_what_the_per_case_build_showed(saved: dict[str, Any], now_shown: dict[str, Any],
                                                     name: str) -> None:
    assert len(saved[name]) > 50
    assert now_shown[name] == saved[name], _first_difference(saved[name], now_shown[name])


def test_a_save_within_the_minute_rescores_only_the_cases_it_touched(saved: dict[str, Any],
                                                                     now_shown: dict[str, Any]) -> None:
    for n in range(3):
        assert now_shown[f"few-{n}-rescored"] == saved[f"few-{n}-rescored"] < 5


def test_a_cache_kept_across_instants_shows_what_a_fresh_build_shows(tmp_path: Path,
                                                                     saved: dict[str, Any]) -> None:
    from agentdesk.client.queue import QueueCache, build_queue
    from agentdesk.domain import compliance

    store = golden.portfolio(tmp_path / "kept.db")
    cache, policy = QueueCache(), compliance.load_policy("china")
    try:
        for n, now in enumerate(golden.INSTANTS):
            shown = golden.rows_of(build_queue(store, policy, now, "all", "", "lead01", cache))
            assert orjson.loads(orjson.dumps(shown)) == saved[f"fresh-{n}"], n
    finally:
        store.close()


def test_the_facts_made_without_init_are_the_dataclasses_they_stand_for(tmp_path: Path) -> None:
    """`_facts` and `decode` fill frozen dataclasses field by field (issue 20: their generated
    __init__ was a third of a lead's decode); each object must be the one __init__ makes,
    every field given (a field added later must not go missing)."""
    from dataclasses import fields

    from agentdesk.client import queue
    from agentdesk.client.queue import QueueCache, _CaseFacts, build_queue
    from agentdesk.domain import compliance, priority

    # In declaration order: the instances' dicts then share their keys (memory).
    assert queue._PRIORITY_NAMES == tuple(f.name for f in fields(priority.CaseFacts))
    assert queue._CASE_FACTS_NAMES == tuple(f.name for f in fields(_CaseFacts))

    store = golden.portfolio(tmp_path / "kept.db")
    policy = compliance.load_policy("china")
    build_queue(store, policy, golden.INSTANTS[0], "all", "", "lead01", QueueCache())  # derives, keeps
    cache = QueueCache()
    build_queue(store, policy, golden.INSTANTS[0], "all", "", "lead01", cache)  # decodes the kept facts
    assert cache.last_kept > 800
    # Most kept facts rank their case undecoded (`_Light`): the others, and every kept row
    # decoded, must be the dataclasses.
    decoded = [f for f in cache._facts.values() if isinstance(f, _CaseFacts)]
    assert 50 < len(decoded) < 800
    kept = store.queue_facts(queue.FACTS_TAG)
    decoded += [_CaseFacts.decode(orjson.loads(key), facts, {}, case_id) for case_id, (key, facts) in kept.items()]
    # The ranking's facts of every queued case, made when read from the values the build
    # filled its table with (`ranking.FactsRows`): most cases were ranked without one.
    ranked = [cache.ranking_facts(i) for i in cache._last.index] if cache._last is not None else []
    assert len(ranked) > 800 and all(pf is not None for pf in ranked)
    for cls, made in ((priority.CaseFacts, [pf for _stamp, pf in cache._ranked.values()] + ranked),
                      (_CaseFacts, decoded),
                      (compliance.PlannedContact, [cf.planned for cf in decoded])):
        names = {f.name for f in fields(cls)}
        for one in made:
            assert set(vars(one)) == names
            assert one == cls(**{f.name: getattr(one, f.name) for f in fields(cls) if f.init}), one
    store.close()


def test_the_kept_facts_rank_most_cases_without_being_decoded(tmp_path: Path, saved: dict[str, Any]) -> None:
    """The golden rows above come from both ways of ranking a case with kept facts: from
    the kept values, its gate shared by the cases alike (`_Build._light`), and from the
    decoded facts (a recent contact or call, a conversation's wait); both must be in use
    at each instant, or the golden rows would not pin the shortcut."""
    from agentdesk.client.queue import QueueCache, build_queue
    from agentdesk.domain import compliance

    store = golden.portfolio(tmp_path / "kept.db")
    policy = compliance.load_policy("china")
    try:
        build_queue(store, policy, golden.INSTANTS[0], "all", "", "lead01", QueueCache())  # derives, keeps
        kept = QueueCache()
        for n, now in enumerate(golden.INSTANTS[:2]):
            for cache in (QueueCache(), kept):  # a start, and a build from the last build's facts
                shown = golden.rows_of(build_queue(store, policy, now, "all", "", "lead01", cache))
                assert orjson.loads(orjson.dumps(shown)) == saved[f"fresh-{n}"], n
                assert cache.last_derived == 0
                assert 200 < cache.last_light < len(shown) - 50, (n, cache.last_light)
    finally:
        store.close()


@pytest.mark.parametrize("wait_days", [1, 60])
def test_kept_facts_rank_as_the_documents_under_a_wait_after_conversation(tmp_path: Path, wait_days: int) -> None:
    """The golden policy has no wait after a conversation; under one, a conversation older
    than the counts' horizon may still hold a case back, and its kept facts must then not
    rank it from the shared gate (`_light_of`). The queue from the kept facts (a start, and
    a cache kept across instants and from a policy without the wait) is the queue derived
    from the documents."""
    from dataclasses import replace
    from datetime import timedelta

    from agentdesk.client.queue import QueueCache, build_queue
    from agentdesk.domain import compliance

    plain = compliance.load_policy("china")
    policy = replace(plain, name="china-wait", wait_after_conversation=timedelta(days=wait_days))
    store = golden.portfolio(tmp_path / "kept.db")
    try:
        build_queue(store, plain, golden.INSTANTS[0], "all", "", "lead01", QueueCache())  # derives, keeps
        kept = QueueCache()
        build_queue(store, plain, golden.INSTANTS[0], "all", "", "lead01", kept)  # _Light under no wait
        assert kept.last_light > 200
        for now in golden.INSTANTS[:2]:
            store.set_meta("queue_facts_version", "0/older")  # the next build derives every case
            derived = QueueCache()
            expected = golden.rows_of(build_queue(store, policy, now, "all", "", "lead01", derived))
            assert derived.last_kept == 0 and derived.last_light == 0
            start = QueueCache()
            assert golden.rows_of(build_queue(store, policy, now, "all", "", "lead01", start)) == expected
            assert start.last_derived == 0 and start.last_light > 200
            assert golden.rows_of(build_queue(store, policy, now, "all", "", "lead01", kept)) == expected
    finally:
        store.close()


def test_the_facts_of_a_row_ranked_undecoded_are_those_the_per_case_step_gives(tmp_path: Path) -> None:
    """A full build ranks most cases from columns and keeps, per row, the case's kept facts
    rather than its `priority.CaseFacts` (issue 20); the facts made again when a row's
    words are wanted must be those the per-case step (`_Build._ranking_facts`, what a
    refresh uses) gives the same case at the same instant, for every row."""
    from agentdesk.client.queue import QueueCache, _Build, _Light, build_queue
    from agentdesk.domain import compliance, priority
    from agentdesk.domain.strategy_book import default_book

    store = golden.portfolio(tmp_path / "kept.db")
    policy = compliance.load_policy("china")
    try:
        build_queue(store, policy, golden.INSTANTS[0], "all", "", "lead01", QueueCache())  # derives, keeps
        for now in golden.INSTANTS:
            cache = QueueCache()
            queue = build_queue(store, policy, now, "all", "", "lead01", cache)
            assert cache._last is not None and len(cache._last.index) == len(queue) > 800
            strategy = priority.default_strategy()
            book = default_book(dict(strategy.weights), strategy.version, strategy.name)
            rules = (policy.name, strategy.name, strategy.version, tuple(sorted(strategy.weights.items())),
                     book.version, book.name)
            step = _Build(store, policy, now, "all", "", "lead01", cache, book, rules)  # its groups' contacts
            with store.reading() as s:
                summary = {r.id: r for r in s.case_rows(search=False)}
            light = 0
            for case_id in cache._last.index:
                cf = cache._facts[case_id]
                light += type(cf) is _Light
                expected, _entry = step._ranking_facts(summary[case_id], cf, None)
                assert cache.ranking_facts(case_id) == expected, case_id
            assert light > 200
    finally:
        store.close()
