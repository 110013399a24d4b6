"""The lead grid's columns (`TeamCases`): filters, sorts and sync patches, headless.

Each filter is checked three ways: against an oracle over the specs the cases were made
from, against the SQL answer (`TeamGrid.ids/totals`) and, after a sync, a patched
snapshot against a freshly read one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agentdesk.client.lead import GridFilter, TeamCases, TeamGrid
from agentdesk.client.store import LocalStore
from tests.support.lead_cases import CaseSpec, lead_store, matching, moved, random_specs, remove, upsert

FILTERS = [
    GridFilter(),
    GridFilter(agent="agent02"),
    GridFilter(agent=""),
    GridFilter(bucket="M2"),
    GridFilter(min_dpd=90),
    GridFilter(max_dpd=30),
    GridFilter(min_dpd=31, max_dpd=60),
    GridFilter(min_overdue_minor=1_000_000),
    GridFilter(min_overdue_minor=200_000, max_overdue_minor=600_000),
    GridFilter(status="on_hold"),
    GridFilter(last_outcome="refusal"),
    GridFilter(last_outcome="none"),
    GridFilter(promise_status="broken"),
    GridFilter(promise_status="none"),
    GridFilter(search="王"),
    GridFilter(search="  AC-  "),
    GridFilter(agent="agent01", bucket="M4+", status="open", min_overdue_minor=100_000, promise_status="pending"),
    GridFilter(agent="nobody-here"),
]


@pytest.fixture
def specs() -> list[CaseSpec]:
    return random_specs(700)


@pytest.fixture
def store(tmp_path: Path, specs: list[CaseSpec]) -> Iterator[LocalStore]:
    store = lead_store(tmp_path / "lead.db", specs)
    yield store
    store.close()


def _shown(cases: TeamCases, f: GridFilter, sort: str = "overdue", descending: bool = True) -> list[str]:
    return [cases.ids[i] for i in cases.select(f, sort, descending).order]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: repr(f)[10:60])
def test_filters_match_the_specs_and_sql(store: LocalStore, specs: list[CaseSpec], f: GridFilter) -> None:
    grid = TeamGrid(store)
    cases = grid.snapshot()
    view = cases.select(f)
    expected = matching(specs, f)
    assert {cases.ids[i] for i in view.order} == {s.id for s in expected}
    assert view.count == len(expected) == len(view.order)
    assert view.overdue_minor == sum(s.overdue_minor for s in expected)
    assert (view.count, view.overdue_minor) == grid.totals(f)
    assert set(grid.ids(f)) == {cases.ids[i] for i in view.order}


@pytest.mark.parametrize("sort", ["debtor", "agent", "overdue", "dpd", "status", "last_outcome", "promise", "lender"])
@pytest.mark.parametrize("descending", [False, True])
def test_sorts_order_by_the_column_then_biggest_case(store: LocalStore, sort: str, descending: bool) -> None:
    cases = TeamGrid(store).snapshot()
    rows = [cases.row(i) for i in cases.select(GridFilter(status="open"), sort, descending).order]
    field = {"debtor": "debtor_name", "agent": "agent", "overdue": "overdue_minor", "dpd": "days_past_due",
             "status": "status", "last_outcome": "last_outcome", "promise": "promise_status", "lender": "lender"}[sort]
    keys = [getattr(r, field) for r in rows]
    # None sorts first (as in SQLite); the same key keeps the largest overdue amount first.
    ranked = [(k is not None, k if k is not None else "") for k in keys]
    assert ranked == sorted(ranked, reverse=descending)
    if sort != "overdue":
        for a, b in zip(rows, rows[1:], strict=False):
            if getattr(a, field) == getattr(b, field):
                assert a.overdue_minor >= b.overdue_minor


def test_a_sync_patch_equals_a_fresh_read(store: LocalStore, specs: list[CaseSpec]) -> None:
    grid = TeamGrid(store)
    cases = grid.snapshot()
    before = cases.select(GridFilter(agent="agent01"))
    # A lead's sync: some cases move to a new agent, one gets an outcome never seen before,
    # intake brings new cases, and a few leave the team.
    to_new_agent = [moved(s, agent="agent99") for s in specs[:40]]
    new_outcome = [moved(specs[40], outcome="wrong_number", status="closed")]
    fresh_cases = random_specs(25, seed=77)
    upsert(store, [*to_new_agent, *new_outcome, *fresh_cases], "3")
    gone = [s.id for s in specs[100:130]]
    remove(store, gone, "4")
    changed = {s.id for s in [*to_new_agent, *new_outcome, *fresh_cases]}

    patched = grid.refreshed(cases, changed, set(gone))
    fresh = grid.snapshot()
    assert len(patched) == len(fresh) == len(specs) + 25 - 30
    assert {patched.ids[i]: patched.row(i) for i in range(len(patched))} == {
        fresh.ids[i]: fresh.row(i) for i in range(len(fresh))}
    now = [*to_new_agent, *new_outcome, *specs[41:100], *specs[130:], *fresh_cases]
    for f in [*FILTERS, GridFilter(agent="agent99"), GridFilter(last_outcome="wrong_number")]:
        assert set(_shown(patched, f)) == set(_shown(fresh, f))
        assert patched.select(f).count == len(matching(now, f)), f
    assert patched.select(GridFilter(agent="agent99")).count == 40
    assert "agent99" in patched.agents()
    # The snapshot it came from is untouched (the grid may still be showing it).
    assert cases.select(GridFilter(agent="agent01")) == before
    assert len(cases) == len(specs)


def test_a_big_change_reads_everything_again(store: LocalStore, specs: list[CaseSpec]) -> None:
    grid = TeamGrid(store)
    cases = grid.snapshot()
    upsert(store, [moved(s, agent="agent02") for s in specs], "5")
    refreshed = grid.refreshed(cases, {s.id for s in specs}, set())
    assert refreshed.select(GridFilter(agent="agent02")).count == len(specs)


def test_many_distinct_values_use_wider_codes(tmp_path: Path) -> None:
    specs = [moved(s, lender=f"lender {n:03d}") for n, s in enumerate(random_specs(300, seed=9))]
    store = lead_store(tmp_path / "wide.db", specs)
    try:
        cases = TeamGrid(store).snapshot()
        assert cases.columns["lender"].codes.typecode == "H"
        lenders = [cases.row(i).lender for i in cases.order("lender", False)]
        assert lenders == sorted(lenders)
        assert cases.select(GridFilter(agent="agent03")).count == len(matching(specs, GridFilter(agent="agent03")))
    finally:
        store.close()


def test_an_empty_replica() -> None:
    cases = TeamCases.empty()
    assert len(cases) == 0 and cases.agents() == []
    view = cases.select(GridFilter(agent="agent01", min_dpd=3, search="x"))
    assert (list(view.order), view.count, view.overdue_minor) == ([], 0, 0)
