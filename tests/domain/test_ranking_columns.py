"""One rule, two sizes: a case scored alone gives the score, reasons and place it gets in
the 100k-row column ranking, and a save that re-scores one row leaves the queue exactly as
a full re-rank would.

What the agent would notice otherwise: a row's tooltip (scored alone when it scrolls into
view) disagreeing with where the row sits, or the queue after a wrap-up differing from the
queue after a restart.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from agentdesk.domain.priority import (
    NOT_CALLABLE,
    CaseFacts,
    RankedCase,
    Strategy,
    explain_case,
    portfolio_reach_by_hour,
    rank_columns,
    rank_segmented,
    strategy_indices,
)
from agentdesk.domain.ranking import CaseTable

NOW = datetime(2026, 11, 28, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai, 01:30 in New York
QUIET = datetime(2026, 12, 2, 15, 30, tzinfo=UTC)  # 23:30 in Shanghai: quiet hours there
ZONES = ("Asia/Shanghai", "Asia/Urumqi", "America/New_York", "Pacific/Kiritimati", "UTC")

CHAMPION = Strategy("champion", {}, version=1)
CHALLENGER = Strategy("challenger", {"reach": 400.0, "fruitless_today": 0.0, "p_pay_M4+": 0.3}, version=2)
EARLY = Strategy("early-arrears", {"expected_value": 90.0, "promise_follow_up": 900.0, "sms_link_opened": 200.0},
                 version=1)


def _next_local_eight(now: datetime, zone: str) -> datetime:
    """When quiet hours end in the debtor's zone: the guard's `callable_from` at night."""
    local = now.astimezone(ZoneInfo(zone))
    eight = local.replace(hour=8, minute=0, second=0, microsecond=0)
    return (eight if eight > local else eight + timedelta(days=1)).astimezone(UTC)


def edge_portfolio(n: int, seed: int, now: datetime) -> list[CaseFacts]:
    """Every situation the rule distinguishes, mixed: callbacks due and not, promises due
    today in the debtor's zone (whose date may differ from UTC's), pending, broken (fading)
    and kept, SMS links opened, quiet hours in the debtor's zone, the segment's cadence, no
    callable number, holds and closures, no history, and exact duplicates (ties)."""
    rnd = random.Random(seed)
    cases: list[CaseFacts] = []
    for i in range(n):
        zone = rnd.choice(ZONES)
        local_today = now.astimezone(ZoneInfo(zone)).date()
        kind = rnd.random()
        attempts = [rnd.randrange(0, 6) if rnd.random() < 0.4 else 0 for _ in range(24)]
        rpc = [rnd.randrange(0, a + 1) for a in attempts]
        history: dict[str, Any] = ({"rpc_by_hour": tuple(rpc), "attempts_by_hour": tuple(attempts)}
                                   if rnd.random() < 0.8 else {})
        gate, callable_from = "", None
        roll = rnd.random()
        if roll < 0.08:
            callable_from = _next_local_eight(now, zone)  # quiet hours in the debtor's zone
        elif roll < 0.12:
            callable_from = NOT_CALLABLE  # every number dead or a stop request
        elif roll < 0.16:
            callable_from, gate = now + timedelta(minutes=rnd.randrange(5, 300)), "cadence"
        elif roll < 0.20:
            callable_from = now - timedelta(minutes=rnd.randrange(0, 30))  # already open again
        status = None if kind > 0.45 else rnd.choice(["pending", "broken", "kept", "pending"])
        due = (local_today + timedelta(days=rnd.choice([-3, -1, 0, 0, 1, 4]))) if status else None
        cases.append(CaseFacts(
            case_id=f"c{i:05d}",
            overdue_minor=rnd.choice([0, rnd.randrange(100, 90_000_000)]),
            days_past_due=rnd.choice([-2, 0, 1, 30, 31, 60, 61, 90, 91, rnd.randrange(0, 700)]),
            status="open" if rnd.random() > 0.07 else rnd.choice(["on_hold", "closed"]),
            debtor_time_zone=zone,
            callback_due_at=(now + timedelta(minutes=rnd.choice([-90, -1, 0, 1, 45]))) if kind < 0.1 else None,
            promise_due=due,
            promise_status=status,
            broken_promise_at=(now - timedelta(hours=rnd.randrange(0, 800))) if status == "broken" and
            rnd.random() < 0.8 else None,
            attempts_today=rnd.randrange(0, 5),
            fruitless_today=rnd.randrange(0, 4),
            callable_from=callable_from,
            gate=gate,
            engaged_at=(now - timedelta(minutes=rnd.randrange(-10, 60 * 30))) if rnd.random() < 0.1 else None,
            currency=rnd.choice(["CNY", "CNY", "USD"]),
            **history,
        ))
    cases += [replace(cases[j], case_id=f"dup{j}") for j in range(0, n, max(1, n // 15))]
    rnd.shuffle(cases)
    return cases


def by_segment(case: CaseFacts) -> Strategy:
    """A segment per debtor zone and a challenger arm on a third of the cases."""
    if case.case_id.endswith(("3", "6", "9")):
        return CHALLENGER
    return EARLY if case.debtor_time_zone == "America/New_York" else CHAMPION


def scalar_queue(cases: list[CaseFacts], now: datetime, strategy_of: Any, prior: list[float]) -> list[RankedCase]:
    """Each case scored on its own (`explain_case`), then put in order by Python's sort with
    the documented rule: callable now by score, then callable later by when, then held."""
    rows = [explain_case(c, now, prior, strategy_of(c)) for c in cases]

    def key(i: int) -> tuple[Any, ...]:
        case, row = cases[i], rows[i]
        if case.status != "open":
            return (2, 0, -row.score, i)
        if case.callable_from is not None and case.callable_from > now:
            return (1, case.callable_from, -row.score, i)
        return (0, 0, -row.score, i)

    return [rows[i] for i in sorted(range(len(cases)), key=key)]


@pytest.mark.parametrize("now", [NOW, QUIET, NOW + timedelta(hours=17, minutes=59)], ids=["day", "quiet", "dusk"])
def test_a_case_scored_alone_matches_its_row_and_place_in_the_column_ranking(now: datetime) -> None:
    cases = edge_portfolio(700, seed=5, now=now)
    prior = portfolio_reach_by_hour(cases)
    columns = rank_segmented(cases, now, by_segment, portfolio_rpc_by_hour=prior)
    alone = scalar_queue(cases, now, by_segment, prior)
    assert [r.case_id for r in columns] == [r.case_id for r in alone]
    assert columns == alone, "same scores to the last bit, same reasons, same 'callable from'"
    # The situations are all there (a test of nothing would pass too).
    keys = {f.key for r in columns for f in r.factors}
    assert {"callback_due", "promise_follow_up", "promise_pending", "broken_promise", "sms_link_opened",
            "not_callable", "cadence", "callable_from", "on_hold", "case_closed"} <= keys


def test_strategies_per_segment_score_each_case_by_its_own_weights() -> None:
    cases = edge_portfolio(300, seed=8, now=NOW)
    prior = portfolio_reach_by_hour(cases)
    mixed = {r.case_id: r.score for r in rank_segmented(cases, NOW, by_segment, portfolio_rpc_by_hour=prior)}
    for strategy in (CHAMPION, CHALLENGER, EARLY):
        members = [c for c in cases if by_segment(c) is strategy]
        alone = rank_segmented(members, NOW, lambda _c, s=strategy: s, portfolio_rpc_by_hour=prior)
        assert members and all(mixed[r.case_id] == r.score for r in alone)
    assert len(set(mixed.values())) > len(cases) // 2


def _assert_same_as_full(table: CaseTable, ranking: Any, now: datetime, strategies: list[Strategy],
                         which: Any, prior: list[float]) -> None:
    full = rank_columns(table, now, strategies, which, prior)
    assert ranking.order.tolist() == full.order.tolist()
    assert np.array_equal(ranking.scores, full.scores)
    shown = [ranking.row(p) for p in range(0, len(ranking), 37)]
    assert shown == [full.row(p) for p in range(0, len(full), 37)]


def _segmented(n: int, seed: int) -> tuple[CaseTable, Any, Any, Any, Any]:
    """An edge portfolio ranked by segment: the table, its ranking, the strategies, which
    strategy each case takes, and the portfolio's reach by hour."""
    cases = edge_portfolio(n, seed=seed, now=NOW)
    prior = portfolio_reach_by_hour(cases)
    strategies, which = strategy_indices(cases, by_segment)
    table = CaseTable(cases)
    return table, rank_columns(table, NOW, strategies, which, prior), strategies, which, prior


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_save_re_scores_one_case_and_the_queue_equals_a_full_re_rank(seed: int) -> None:
    rnd = random.Random(seed)
    table, ranking, strategies, which, prior = _segmented(1500, seed)
    for _save in range(40):
        i = rnd.randrange(len(table))
        case = table.facts[i]
        # What a wrap-up changes: attempts today, a promise or callback, a hold, the guard's verdict.
        change = rnd.choice([
            {"attempts_today": case.attempts_today + 1, "fruitless_today": case.fruitless_today + 1},
            {"promise_status": "pending", "promise_due": date(2026, 11, 28)},
            {"callback_due_at": NOW - timedelta(minutes=1)},
            {"status": "on_hold"},
            {"callable_from": NOT_CALLABLE},
            {"callable_from": NOW + timedelta(hours=2), "gate": "cadence"},
            {"callable_from": None, "status": "open"},
        ])
        table.set_row(i, replace(case, **change))
        ranking.update([i])
        _assert_same_as_full(table, ranking, NOW, strategies, which, prior)
        assert sorted(ranking.order.tolist()) == list(range(len(table)))
    # Several rows at once (a sync's worth) move as well.
    rows = rnd.sample(range(len(table)), 25)
    for i in rows:
        table.set_row(i, replace(table.facts[i], overdue_minor=table.facts[i].overdue_minor * 3 + 1))
    ranking.update(rows)
    _assert_same_as_full(table, ranking, NOW, strategies, which, prior)


def test_a_save_that_makes_a_tie_keeps_the_input_order_of_equal_rows() -> None:
    cases = edge_portfolio(200, seed=4, now=NOW)
    prior = portfolio_reach_by_hour(cases)
    table = CaseTable(cases)
    ranking = rank_columns(table, NOW, portfolio_rpc_by_hour=prior)
    # Row 0 becomes an exact copy of the last row's facts: equal scores, input order decides.
    last = len(table) - 1
    table.set_row(0, replace(table.facts[last], case_id=table.facts[0].case_id))
    ranking.update([0])
    order = ranking.order.tolist()
    assert ranking.scores[0] == ranking.scores[last] and order.index(0) < order.index(last)
    _assert_same_as_full(table, ranking, NOW, [Strategy("champion", {}, version=1)], None, prior)


def test_an_opened_sms_link_counts_fully_at_the_open_and_fades_to_nothing() -> None:
    """The link-opened points as documented (strategy.WEIGHTS): the full weight when the
    debtor opens the link, falling linearly to none after `sms_link_opened_hours`."""
    weights = CHAMPION.resolved()
    full, hours = weights["sms_link_opened"], weights["sms_link_opened_hours"]
    base = CaseFacts("c", 500_000, 20, "open", "Asia/Shanghai")
    prior = [0.2] * 24
    for age_s, expected in ((0, full), (3600, full * (1.0 - 3600 / (hours * 3600.0))),
                            (hours * 3600 - 1, full * (1.0 - (hours * 3600 - 1) / (hours * 3600.0))),
                            (hours * 3600, 0.0), (-60, 0.0)):
        opened = replace(base, engaged_at=NOW - timedelta(seconds=age_s))
        row = explain_case(opened, NOW, prior, CHAMPION)
        points = [f.points for f in row.factors if f.key == "sms_link_opened"]
        plain = explain_case(base, NOW, prior, CHAMPION).score
        assert row.score == plain + expected
        if expected:
            assert points == [expected] or len(row.factors) == 3  # shown unless three larger reasons


@pytest.mark.parametrize("weights", [{"broken_promise_fade_days": 2.2e-311}, {"sms_link_opened_hours": 1e-300},
                                     {"broken_promise": 5000, "broken_promise_fade_days": 1e-300}],
                         ids=["tiny-fade", "tiny-link-hours", "largest-with-tiny-fade"])
def test_extreme_weights_rank_as_each_case_alone_without_a_warning(weights: dict[str, float]) -> None:
    """Found by hypothesis in a full run: a weight the rules accept ("above 0") made numpy
    warn (an error here) where Python's floats overflowed to inf silently."""
    strategy = Strategy(name="extreme", weights=weights, version=1)
    cases = edge_portfolio(200, seed=3, now=NOW)
    prior = portfolio_reach_by_hour(cases)
    columns = rank_segmented(cases, NOW, lambda _c: strategy, portfolio_rpc_by_hour=prior)
    assert columns == scalar_queue(cases, NOW, lambda _c: strategy, prior)


@pytest.mark.parametrize("now", [NOW, QUIET])
def test_a_rankings_parts_stay_as_ranked_when_its_table_changes_later(now: datetime) -> None:
    """The desk words a row's reasons when it first paints it, from the ranking's columns
    (`parts_at`); a save that changes the table (reused by the next ranking) must not change
    what an earlier ranking says of its rows."""
    from agentdesk.domain.ranking import parts_at

    cases = edge_portfolio(400, seed=5, now=now)
    prior = portfolio_reach_by_hour(cases)
    table = CaseTable(cases)
    first = rank_columns(table, now, portfolio_rpc_by_hour=prior)
    before = [first.parts_of(i) for i in range(len(table))]
    for i in range(0, len(table), 7):
        table.set_row(i, replace(table.facts[i], overdue_minor=table.facts[i].overdue_minor * 5 + 3))
    second = rank_columns(table, now, portfolio_rpc_by_hour=prior)
    assert [parts_at(first.parts, i) for i in range(len(table))] == before
    assert any(second.parts_of(i) != before[i] for i in range(0, len(table), 7)), "the new ranking sees the change"


@pytest.mark.parametrize("seed", [4, 7])
def test_every_rows_reasons_read_in_any_order_after_saves_are_the_case_scored_alone(seed: int) -> None:
    """A ranking words a row's reasons only when the desk asks (its parts derived from the
    table then, a screenful at a time, issue 20): read in any order, before and after saves
    that re-score some rows, every row's score and reasons are those of its case scored alone."""
    rnd = random.Random(seed)
    table, ranking, strategies, which, prior = _segmented(900, seed)

    def read_all() -> None:
        positions = list(range(len(ranking)))
        rnd.shuffle(positions)
        for p in positions[:300] + sorted(positions[300:]):  # scattered reads, then a scroll through
            row = ranking.row(p)
            alone = explain_case(table.facts[int(ranking.order[p])], NOW, prior, by_segment(table.facts[
                int(ranking.order[p])]))
            assert row == alone

    read_all()
    for i in rnd.sample(range(len(table)), 30):
        table.set_row(i, replace(table.facts[i], overdue_minor=table.facts[i].overdue_minor * 7 + 5,
                                 attempts_today=table.facts[i].attempts_today + 1))
        ranking.update([i])
    read_all()


@pytest.mark.parametrize("seed", [5, 6])
def test_a_table_given_the_facts_values_ranks_as_the_table_of_the_objects(seed: int) -> None:
    """`CaseTable.of_values` (the queue's build: no object per case, issue 20) ranks, scores,
    words and re-scores exactly as the table of the `CaseFacts`, and measures the same prior;
    the objects it makes when read are the facts it was given. A save that changes a case's
    calls by hour (its hourly counts kept once per distinct row) moves it as a full re-rank."""
    from dataclasses import fields

    from agentdesk.domain import ranking as ranking_mod

    assert ranking_mod._NAMES == tuple(f.name for f in fields(CaseFacts))
    rnd = random.Random(seed)
    cases = edge_portfolio(1200, seed=seed, now=QUIET if seed % 2 else NOW)
    strategies, which = strategy_indices(cases, by_segment)
    objects = CaseTable(cases)
    table = CaseTable.of_values([ranking_mod.VALUES(c) for c in cases])  # the same objects: no history shared
    assert table.reach_by_hour() == objects.reach_by_hour() == portfolio_reach_by_hour(cases)
    prior = portfolio_reach_by_hour(cases)
    ranking = rank_columns(table, NOW, strategies, which, prior)
    _assert_same_as_full(objects, ranking, NOW, strategies, which, prior)
    assert [table.facts[i] for i in range(0, len(cases), 7)] == cases[::7]
    for i in rnd.sample(range(len(cases)), 30):
        hours = tuple(rnd.randrange(4) for _ in range(24))
        case = replace(table.facts[i], attempts_by_hour=hours, rpc_by_hour=tuple(h // 2 for h in hours))
        table.set_row(i, case)
        objects.set_row(i, case)
        ranking.update([i])
        _assert_same_as_full(objects, ranking, NOW, strategies, which, prior)
    assert table.reach_by_hour() == portfolio_reach_by_hour([table.facts[i] for i in range(len(table))])


@pytest.mark.parametrize("kept", [1024, 0])
def test_a_save_landing_while_the_desk_words_rows_leaves_no_stale_reasons(kept: int,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk (GUI thread) derives a screenful of rows' parts while the queue's thread
    saves one of them (`set_row`, then `update`): what was derived from the row's old values
    must not be kept, or the row would keep wording its reasons from before the save.
    `kept` 0: every derivation replaces the kept rows (what happens once ~1,000 are kept)."""
    from agentdesk.domain import ranking as ranking_mod

    monkeypatch.setattr(ranking_mod, "_NEAR_KEPT", kept)
    cases = edge_portfolio(300, seed=9, now=NOW)
    prior = portfolio_reach_by_hour(cases)
    table = CaseTable(cases)
    ranking = rank_columns(table, NOW, portfolio_rpc_by_hour=prior)
    saved = int(ranking.order[1])
    real = ranking_mod._scores
    landed: list[int] = []

    def while_deriving(*args: Any) -> Any:
        columns = real(*args)  # the screenful, from the values before the save
        if args[-1] is not None and not landed:  # meanwhile the queue's thread saves a row of it
            landed.append(saved)
            table.set_row(saved, replace(table.facts[saved], overdue_minor=table.facts[saved].overdue_minor * 9 + 1,
                                         attempts_today=table.facts[saved].attempts_today + 2))
            ranking.update([saved])
        return columns

    monkeypatch.setattr(ranking_mod, "_scores", while_deriving)
    ranking.parts.at(int(ranking.order[0]))
    assert landed == [saved]
    monkeypatch.setattr(ranking_mod, "_scores", real)
    place = int(np.flatnonzero(ranking.order == saved)[0])
    assert ranking.row(place) == explain_case(table.facts[saved], NOW, prior), "the saved row words the new values"
