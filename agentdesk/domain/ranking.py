"""The queue's score, computed over per-case columns (numpy) instead of per-case objects.

Why: a lead's scope is ~100k cases and the desk re-ranks after every save; a Python loop
over case objects costs more than the aim (50 ms for 100k) on its own. `CaseTable` holds
what `priority.CaseFacts` says, one array per field; `rank_table` scores every row in a
few vector operations and orders them with one `lexsort`; `Ranking.update` re-scores only
the rows a save touched and moves them (binary search into the sorted keys).

This is the one home of the score arithmetic: `priority.rank`, `rank_segmented` and
`explain_case` build a table and call it, so a single row and 100k rows are scored by the
same code. The arithmetic is that of the straightforward per-case scorer kept in
`tests/domain/priority_reference.py`, operation for operation, so scores agree to the last
bit (`tests/domain/test_priority_fast_path.py`, `tests/domain/test_ranking_columns.py`).
The logarithm is the one non-elementary step, and numpy's vectorised log10 may differ from
the C library's in the last bit; it does not depend on the clock, so it is taken with
`math.log10` once per row, strategy and prior and kept (`CaseTable._ev`).

The words of an explanation stay in `priority._factors`; they are built only for the rows
shown (`Ranking.row`).
"""

from __future__ import annotations

import math
import operator
import threading
import weakref
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from agentdesk.domain.strategy import Strategy, StrategyError, default_strategy

if TYPE_CHECKING:
    from agentdesk.domain.priority import CaseFacts, Factor, RankedCase, _Context

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)
_NEVER = np.iinfo(np.int64).max  # "no such time" for times compared with <= now
_ALWAYS = np.iinfo(np.int64).min  # "callable now" (no callable_from)

# promise_status as a code: what the score distinguishes.
_P_NONE, _P_PENDING, _P_BROKEN, _P_KEPT = 0, 1, 2, 3
_STATUS = {"open": 0, "on_hold": 1, "closed": 2}

# Group of a row in the order: callable now, callable later, held or closed.
_NOW, _LATER, _HELD = 0, 1, 2


def _us(moment: datetime) -> int:
    """Microseconds since the epoch, exactly (datetime arithmetic is integer arithmetic)."""
    return (moment - _EPOCH) // _US


def _code(case: CaseFacts) -> int:
    return _code_of(case.promise_status, case.promise_due)


def _code_of(status: str | None, due: Any) -> int:
    if status == "pending":
        return _P_PENDING if due is not None else _P_NONE
    return _P_BROKEN if status == "broken" else _P_KEPT if status == "kept" else _P_NONE


# `CaseTable`'s fields of a `priority.CaseFacts`, in the order it unpacks them.
_FIELD_NAMES = ("overdue_minor", "days_past_due", "status", "debtor_time_zone", "callback_due_at", "promise_due",
                "promise_status", "broken_promise_at", "attempts_today", "fruitless_today", "rpc_by_hour",
                "attempts_by_hour", "callable_from", "engaged_at")
_FIELDS = operator.attrgetter(*_FIELD_NAMES)


# `priority.CaseFacts`' fields in declaration order (what `CaseTable.of_values` is given), and
# where `_FIELDS`' are among them.
_NAMES = ("case_id", "overdue_minor", "days_past_due", "status", "debtor_time_zone", "callback_due_at",
          "promise_due", "promise_status", "broken_promise_at", "attempts_today", "fruitless_today",
          "rpc_by_hour", "attempts_by_hour", "callable_from", "currency", "engaged_at", "gate")
_FIELD_AT = tuple(_NAMES.index(name) for name in _FIELD_NAMES)
VALUES = operator.attrgetter(*_NAMES)  # a `priority.CaseFacts` as `CaseTable.of_values` takes it


class FactsRows(Sequence["CaseFacts"]):
    """A table's `priority.CaseFacts` kept as tuples of their values (`_NAMES`' order), each
    made into the object when first read: only the rows shown need one (their words).

    With `make`, a row may instead hold anything else its values can be made again from
    (`make(row, held)` gives them): the queue keeps each case's kept facts, which it holds
    anyway, not a tuple of 17 values per row (issue 20: ~16 MB at a lead's 96,000 cases)."""

    __slots__ = ("_items", "_make")

    def __init__(self, values: list[Any], make: Callable[[int, Any], tuple[Any, ...]] | None = None) -> None:
        self._items: list[Any] = values
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._items)))]
        found = self._items[i]
        kind = type(found)
        if kind is tuple:
            found = self._items[i] = _case_facts(found)
        elif self._make is not None and kind is not _facts_class():
            found = self._items[i] = _case_facts(self._make(i if i >= 0 else i + len(self._items), found))
        return found

    def __setitem__(self, i: int, case: CaseFacts) -> None:
        self._items[i] = case


def _facts_class() -> type[CaseFacts]:
    from agentdesk.domain.priority import CaseFacts

    return CaseFacts


def _case_facts(values: tuple[Any, ...]) -> CaseFacts:
    """The frozen dataclass without its generated __init__ (one `object.__setattr__` a field):
    the same object, its dict filled in declaration order (shared keys)."""
    from agentdesk.domain.priority import CaseFacts

    made = object.__new__(CaseFacts)
    found = made.__dict__
    for name, value in zip(_NAMES, values, strict=True):
        found[name] = value
    return made


def _instants(values: Sequence[datetime | None], none: int) -> list[int]:
    """Each time as `_us`, `none` for None (most are None: computed only for the others)."""
    out = [none] * len(values)
    for i, value in enumerate(values):
        if value is not None:
            out[i] = _us(value)
    return out


class Hourly:
    """Each row's 24 counts by hour, kept as the distinct rows and each row's index among
    them: the queue shares one tuple among the cases with the same counts (a lead's 96,000
    cases have a few thousand), so an (n, 24) array was ~9 MB a column of repeats (issue
    20), and converting 2.3 million Python ints was ~0.1 s a column. Each distinct row
    object is converted once."""

    def __init__(self, rows: list[Sequence[int]], n: int) -> None:
        ids = list(map(id, rows))
        firsts = dict(zip(ids, rows, strict=True))  # by object: the first of each (a later one is the same)
        position = dict(zip(firsts, range(len(firsts)), strict=True))
        self.distinct = np.array(list(firsts.values()), np.int32).reshape(len(firsts), 24)
        # 32 bits per row, not 64: a lead's 96,000 rows (issue 20).
        self.index = np.fromiter(map(position.__getitem__, ids), np.int32, n)

    def at(self, rows: np.ndarray | None, hour: np.ndarray) -> np.ndarray:
        """The count of each of `rows` (all when None) at its own `hour`."""
        return self.distinct[self.index if rows is None else self.index[rows], hour]

    def totals(self) -> np.ndarray:
        """Each row's sum over the day (int32: a day's calls of one case)."""
        return self.distinct.sum(axis=1, dtype=np.int64).astype(np.int32)[self.index]

    def by_hour(self) -> list[int]:
        """The 24 sums over every row."""
        times = np.bincount(self.index, minlength=len(self.distinct)).astype(np.int64)
        return (times @ self.distinct.astype(np.int64)).tolist()  # type: ignore[no-any-return]

    def set(self, i: int, counts: Sequence[int]) -> None:
        """Row `i`'s counts replaced (a new distinct row: a save changes few)."""
        self.distinct = np.vstack([self.distinct, np.asarray(counts, np.int32).reshape(1, 24)])
        self.index[i] = len(self.distinct) - 1


class CaseTable:
    """`priority.CaseFacts` as columns, one row per case, in the order given.

    `facts` keeps the objects for the words of an explanation (only shown rows need them).
    `set_row` replaces one case's facts in place, so a save changes one row, not the table.
    """

    def __init__(self, facts: Sequence[CaseFacts]) -> None:
        self.facts: list[CaseFacts] | FactsRows = list(facts)
        self._columns(zip(*map(_FIELDS, self.facts), strict=True) if self.facts else None)

    @classmethod
    def of_values(cls, values: list[tuple[Any, ...]], held: list[Any] | None = None,
                  make: Callable[[int, Any], tuple[Any, ...]] | None = None) -> CaseTable:
        """The table of cases given as the values of their `priority.CaseFacts`, in its
        fields' order (`FactsRows`), without one object per case (issue 20: a lead's 96,000
        cases; an object is made only for a row whose words are wanted). `held` and `make`:
        what the table keeps of each row instead of its values, and how they are made again
        from it (`FactsRows`); `values` is then read only here."""
        if held is not None and len(held) != len(values):
            raise ValueError("a table needs one held item per row")
        table = cls.__new__(cls)
        table.facts = FactsRows(values if held is None else held, make)
        table._columns(operator.itemgetter(*_FIELD_AT)(tuple(zip(*values, strict=True))) if values else None)
        return table

    @classmethod
    def of_columns(cls, columns: Sequence[Sequence[Any]], held: list[Any],
                   make: Callable[[int, Any], tuple[Any, ...]] | None = None) -> CaseTable:
        """The table of cases given as their `priority.CaseFacts`' fields read as columns
        (one sequence per field of `_FIELD_NAMES`, in that order, a value per row), keeping
        `held` for the facts (`FactsRows`, with `make`): no tuple per case, even for a moment
        (issue 20: ~96,000 tuples made and freed among the objects a lead's queue keeps left
        ~16 MB of the process's memory unusable for other things)."""
        if len(columns) != len(_FIELD_NAMES) or any(len(column) != len(held) for column in columns):
            raise ValueError("a table needs one value per row in each of its columns")
        table = cls.__new__(cls)
        table.facts = FactsRows(held, make)
        table._columns(columns if held else None)
        return table

    def _columns(self, columns: Any) -> None:
        """The arrays from the facts' fields read as columns (`_FIELDS`' order; None: no rows)."""
        from agentdesk.domain.priority import _ZEROS_24

        self.zones: list[str] = []
        self._zone_index: dict[str, int] = {}
        # The fields read column by column in C (`attrgetter` and `zip`), then one array per
        # column; Python code runs only for the few values that are set (times, promises) and
        # per distinct zone (a lead's 96,000 cases: a per-case loop was ~1 s). Setting numpy
        # elements one at a time costs ten times more.
        if columns is not None:
            (overdue, dpd, statuses, zone_names, callbacks, dues, promise_status, brokens, attempts, fruitless,
             rpc_by_hour, att_by_hour, callables, engaged_at) = columns
        else:
            overdue = dpd = statuses = zone_names = callbacks = dues = promise_status = brokens = attempts = ()
            fruitless = rpc_by_hour = att_by_hour = callables = engaged_at = ()
        zone_at = {name: self._zone_of(name) for name in dict.fromkeys(zone_names)}
        zone = list(map(zone_at.__getitem__, zone_names))
        status_of = _STATUS.get
        status = [status_of(value, 1) for value in statuses]
        callback = _instants(callbacks, _NEVER)
        broken = _instants(brokens, _NEVER)
        callable_from = _instants(callables, _ALWAYS)
        engaged = _instants(engaged_at, _NEVER)
        promise = list(map(_code_of, promise_status, dues))
        due = [d.toordinal() if c == _P_PENDING else 0  # type: ignore[union-attr]
               for c, d in zip(promise, dues, strict=True)]
        # As the per-case scorer: a case without history (the shared zeros) takes the prior.
        history = [a is not _ZEROS_24 for a in att_by_hour]
        rpc_rows = [r if h else _ZEROS_24 for r, h in zip(rpc_by_hour, history, strict=True)]
        att_rows = [a if h else _ZEROS_24 for a, h in zip(att_by_hour, history, strict=True)]
        n = len(self.facts)
        self.overdue = np.array(overdue, np.float64)
        # The counts (days, calls today) and the due day's ordinal in 32 bits: each int64
        # column is 0.75 MB at a lead's 96,000 cases (issue 20); the arithmetic on them
        # widens as before (`_scores`).
        self.dpd = np.array(dpd, np.int32)
        self.status = np.array(status, np.int8)
        self.zone = np.array(zone, np.int32)
        self.callback_us = np.array(callback, np.int64)
        self.promise = np.array(promise, np.int8)
        self.promise_due = np.array(due, np.int32)  # proleptic ordinal of the due date
        self.broken_us = np.array(broken, np.int64)
        self.attempts_today = np.array(attempts, np.int32)
        self.fruitless_today = np.array(fruitless, np.int32)
        self.has_history = np.array(history, bool)
        try:
            # 32 bits hold any count of calls by hour and halve the two largest columns (a
            # lead's 100,000 cases: 18 MB each at 64); sums and arithmetic widen as before.
            self.rpc = Hourly(rpc_rows, n)
            self.att = Hourly(att_rows, n)
        except ValueError as exc:
            raise StrategyError("every case needs 24 hourly counts in rpc_by_hour and attempts_by_hour") from exc
        self.rpc_total = self.rpc.totals()
        self.att_total = self.att.totals()
        self.callable_us = np.array(callable_from, np.int64)
        self.engaged_us = np.array(engaged, np.int64)
        # Per strategy-and-prior: the expected-value points (see the module docstring).
        self._ev: dict[Any, np.ndarray] = {}
        # The rankings of this table still alive: a row's parts are derived from the table
        # when worded (`RankingParts`), so `set_row` first has each keep the row's old ones.
        self._rankings: weakref.WeakSet[Ranking] = weakref.WeakSet()

    def __len__(self) -> int:
        return len(self.facts)

    def reach_by_hour(self) -> list[float]:
        """`priority.portfolio_reach_by_hour` of the table's cases, from its columns (the
        rows without history hold zeros there, as that function leaves them out)."""
        from agentdesk.domain.priority import reach_from_totals

        return reach_from_totals(self.rpc.by_hour(), self.att.by_hour())

    def _zone_of(self, name: str) -> int:
        found = self._zone_index.get(name)
        if found is None:
            from agentdesk.domain.priority import _zone  # validates the name: a clear error

            _zone(name)
            found = self._zone_index[name] = len(self.zones)
            self.zones.append(name)
        return found

    def _fill(self, i: int, case: CaseFacts) -> None:
        from agentdesk.domain.priority import _ZEROS_24

        self.overdue[i] = case.overdue_minor
        self.dpd[i] = case.days_past_due
        self.status[i] = _STATUS.get(case.status, 1)
        self.zone[i] = self._zone_of(case.debtor_time_zone)
        self.callback_us[i] = _NEVER if case.callback_due_at is None else _us(case.callback_due_at)
        code = _code(case)
        self.promise_due[i] = case.promise_due.toordinal() if code == _P_PENDING else 0  # type: ignore[union-attr]
        self.promise[i] = code
        self.broken_us[i] = _NEVER if case.broken_promise_at is None else _us(case.broken_promise_at)
        self.attempts_today[i] = case.attempts_today
        self.fruitless_today[i] = case.fruitless_today
        # As the per-case scorer: a case without history (the shared zeros) takes the prior.
        history = case.attempts_by_hour is not _ZEROS_24
        self.has_history[i] = history
        if history:
            if len(case.rpc_by_hour) != 24 or len(case.attempts_by_hour) != 24:
                raise StrategyError("every case needs 24 hourly counts in rpc_by_hour and attempts_by_hour")
            self.rpc.set(i, case.rpc_by_hour)
            self.att.set(i, case.attempts_by_hour)
            self.rpc_total[i] = sum(case.rpc_by_hour)
            self.att_total[i] = sum(case.attempts_by_hour)
        else:
            self.rpc.set(i, _ZEROS_24)
            self.att.set(i, _ZEROS_24)
            self.rpc_total[i] = self.att_total[i] = 0
        self.callable_us[i] = _ALWAYS if case.callable_from is None else _us(case.callable_from)
        self.engaged_us[i] = _NEVER if case.engaged_at is None else _us(case.engaged_at)

    def set_row(self, i: int, case: CaseFacts) -> None:
        """Replace row `i`'s facts (a save changed that case); cached points of the row go.
        Every ranking of the table keeps the row's parts as they were (`RankingParts.hold`)."""
        for ranking in list(self._rankings):
            ranking.parts.hold(i)
        self.facts[i] = case
        self._fill(i, case)
        for ev in self._ev.values():
            ev[i] = np.nan  # recomputed for this row on the next use


class _Weights:
    """Each weight as a scalar (one strategy) or a per-row array (a strategy per row)."""

    def __init__(self, strategies: Sequence[Strategy], which: np.ndarray | None, rows: np.ndarray | None) -> None:
        resolved = [s.resolved() for s in strategies]
        self.key = tuple(tuple(sorted(w.items())) for w in resolved)

        def pick(name: str) -> Any:
            if len(resolved) == 1 or which is None:
                return resolved[0][name]
            values = np.array([w[name] for w in resolved], np.float64)
            return values[which if rows is None else which[rows]]

        self.pick = pick


# Python's float arithmetic, which the per-case scorer used, overflows to inf silently (a
# lead may set a weight such as a fade of 1e-300 days), and it never evaluated a branch it
# did not take (`np.where` computes both: a zero weight divides by zero in the one not
# taken). numpy's must not warn where Python was silent.
@np.errstate(all="ignore")
def _scores(table: CaseTable, ctx: _Context, strategies: Sequence[Strategy], which: np.ndarray | None,
            rows: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Every part of the score for `rows` (all when None): the per-case scorer's arithmetic,
    in its order, over columns."""
    w = _Weights(strategies, which, rows)

    def col(a: np.ndarray) -> np.ndarray:
        return a if rows is None else a[rows]

    now_us = _us(ctx.now)
    hours = np.zeros(len(table.zones), np.int64)
    todays = np.zeros(len(table.zones), np.int64)
    for z, name in enumerate(table.zones):
        hour, today, _tz = ctx.local_now(name)
        hours[z] = hour
        todays[z] = today.toordinal()
    zone = col(table.zone)
    hour = hours[zone]
    today = todays[zone]
    prior = np.asarray(ctx.prior, np.float64)
    pm = ctx.prior_mean

    callback = np.where(col(table.callback_us) <= now_us, w.pick("callback_due"), 0.0)
    code = col(table.promise)
    follow = (code == _P_PENDING) & (col(table.promise_due) <= today)
    pending = (code == _P_PENDING) & ~follow
    broken = code == _P_BROKEN
    broken_us = col(table.broken_us)
    fade_seconds = w.pick("broken_promise_fade_days") * 86400.0
    age = np.where(broken_us == _NEVER, 0, now_us - np.where(broken_us == _NEVER, 0, broken_us)) / 1e6
    fade = np.where(broken_us == _NEVER, 1.0, np.maximum(0.25, 1.0 - np.maximum(age, 0.0) / fade_seconds))
    promise = np.where(follow, w.pick("promise_follow_up"),
                       np.where(pending, w.pick("promise_pending"),
                                np.where(broken, w.pick("broken_promise") * fade, 0.0)))
    kind = np.where(follow, 1, np.where(pending, 2, np.where(broken, 3, 0)))

    dpd = col(table.dpd)
    bucket = (dpd > 0).astype(np.int64) + (dpd > 30) + (dpd > 60) + (dpd > 90)
    k = w.pick("reach_prior_attempts")
    base = prior[hour]
    has_history = col(table.has_history)
    rpc_h = table.rpc.at(rows, hour)
    att_h = table.att.at(rows, hour)
    p_reach = np.where(has_history, (rpc_h + k * base) / (att_h + k), base)
    total_att = np.where(has_history, col(table.att_total), 0)
    reach = w.pick("reach") * p_reach
    # In floats, as when the counts were kept as floats (a weight may be a Python int).
    fruitless = np.multiply(w.pick("fruitless_today"), col(table.fruitless_today), dtype=np.float64)
    attempts = np.multiply(w.pick("attempts_today"), col(table.attempts_today), dtype=np.float64)

    ev = _expected_value(table, ctx, strategies, which, rows, w, bucket, code, has_history, total_att, k, pm)

    engaged_us = col(table.engaged_us)
    lasts = w.pick("sms_link_opened_hours") * 3600.0
    seen = engaged_us != _NEVER
    e_age = (now_us - np.where(seen, engaged_us, now_us)) / 1e6
    engaged = np.where(seen & (e_age >= 0.0) & (e_age < lasts), w.pick("sms_link_opened") * (1.0 - e_age / lasts), 0.0)

    score = callback + promise + ev + reach + fruitless + attempts + engaged
    # `ev` may be the table's kept column, which `set_row` changes in place: the parts
    # returned are the caller's own (`RankingParts.columns` writes held rows into them).
    ev = ev.copy() if rows is None else ev
    # The integer parts as narrow as their values (a kind and a bucket are 0-4, a count of
    # calls fits 32 bits). `parts_at` reads them as ints.
    return {"score": score, "callback": callback, "kind": kind.astype(np.int8), "promise": promise, "ev": ev,
            "reach": reach, "p_reach": p_reach, "fruitless": fruitless, "attempts": attempts,
            "bucket": bucket.astype(np.int8), "total_att": total_att.astype(np.int32), "engaged": engaged}


def _expected_value(table: CaseTable, ctx: _Context, strategies: Sequence[Strategy], which: np.ndarray | None,
                    rows: np.ndarray | None, w: _Weights, bucket: np.ndarray, code: np.ndarray,
                    has_history: np.ndarray, total_att: np.ndarray, k: Any, pm: float) -> np.ndarray:
    """The expected-value points: clock-free, so kept per (strategies, prior) on the table."""
    key = (w.key, tuple(ctx.prior), None if which is None else which.tobytes())
    kept = table._ev.get(key)
    if kept is not None and rows is None and not np.isnan(kept).any():
        return kept
    p_pay = np.array([[s.resolved()[f"p_pay_{b}"] for b in ("M0", "M1", "M2", "M3", "M4+")] for s in strategies])
    if which is None or len(strategies) == 1:
        prob = p_pay[0][bucket]
    else:
        prob = p_pay[which if rows is None else which[rows], bucket]
    prob = np.where(code == _P_KEPT, np.minimum(1.0, prob * w.pick("kept_promise_multiplier")), prob)
    answered = has_history & (total_att > 0)
    rpc_total = table.rpc_total if rows is None else table.rpc_total[rows]
    ratio = (rpc_total + k * pm) / (total_att + k) / pm
    scaled = prob * np.where(ratio > 2.0, 2.0, np.where(ratio < 0.5, 0.5, ratio))
    prob = np.where(answered, np.where(scaled > 1.0, 1.0, scaled), prob)
    overdue = table.overdue if rows is None else table.overdue[rows]
    ev_major = overdue * prob / 100.0
    w_ev = w.pick("expected_value")
    positive = np.flatnonzero(ev_major > 0)
    logs = np.zeros(len(ev_major))
    if kept is not None and rows is None:  # only the rows `set_row` changed
        stale = np.flatnonzero(np.isnan(kept))
        todo = np.intersect1d(stale, positive, assume_unique=True)
        logs[todo] = np.fromiter(map(math.log10, (1.0 + ev_major[todo]).tolist()), np.float64, len(todo))
        weight: Any = w_ev if np.isscalar(w_ev) else w_ev[stale]
        kept[stale] = np.where(ev_major[stale] > 0, weight * logs[stale], 0.0)
        return kept
    logs[positive] = np.fromiter(map(math.log10, (1.0 + ev_major[positive]).tolist()), np.float64, len(positive))
    ev = np.where(ev_major > 0, w_ev * logs, 0.0)
    if rows is None:
        if len(table._ev) >= 8:
            table._ev.clear()
        table._ev[key] = ev
    return ev


def _ascending(keys: np.ndarray) -> np.ndarray:
    """Positions that sort `keys` ascending, equal keys in position order (a stable sort).

    Introsort and then re-ordering the runs of equal keys: twice as fast as numpy's stable
    sort on 100k floats, and queues have few ties.
    """
    order = np.argsort(keys)
    ranked = keys[order]
    tie = np.flatnonzero(ranked[1:] == ranked[:-1])
    if tie.size:
        at = np.union1d(tie, tie + 1)  # every position inside a run of equal keys
        # The runs are contiguous and `ranked` is sorted, so sorting these positions by
        # (key, position) only reorders each run within itself.
        order[at] = order[at][np.lexsort((order[at], ranked[at]))]
    return order


def _sort_keys(table: CaseTable, now_us: int) -> tuple[np.ndarray, np.ndarray]:
    """(group, when) per row: callable now, callable later (by when), held or closed."""
    later = table.callable_us > now_us
    group = np.where(table.status != 0, _HELD, np.where(later, _LATER, _NOW)).astype(np.int8)
    when = np.where(group == _LATER, table.callable_us, 0)
    return group, when


class Ranking:
    """A ranked table: `order` holds row indices best first; rows are materialised on demand.

    The sort keys are kept in rank order (group, when, -score, row), so a re-scored row is
    moved by binary search (`update`), not by sorting the queue again.
    """

    def __init__(self, table: CaseTable, ctx: _Context, strategies: Sequence[Strategy],
                 which: np.ndarray | None) -> None:
        self.table = table
        self.ctx = ctx
        self.strategies = list(strategies)
        self.which = which
        self.now_us = _us(ctx.now)
        self.scores = _scores(table, ctx, self.strategies, which)["score"]
        # Rows' parts held as they were before the table changed them, and derived ones (`RankingParts`).
        self._held: dict[int, tuple[Any, ...]] = {}
        self._near: dict[int, tuple[Any, ...]] = {}
        table._rankings.add(self)  # noqa: SLF001 - its `set_row` has `parts` keep a row's
        self.group, self.when = _sort_keys(table, self.now_us)
        neg = -self.scores
        groups = []
        for group in (_NOW, _LATER, _HELD):
            rows = np.flatnonzero(self.group == group)
            if group == _LATER:  # earliest first, then by score; lexsort is stable
                groups.append(rows[np.lexsort((neg[rows], self.when[rows]))])
            else:
                groups.append(rows[_ascending(neg[rows])])
        self.order = np.concatenate(groups)
        self._sorted: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.order)

    @property
    def parts(self) -> RankingParts:
        """The parts of every row's score (`RankingParts`, a view: not kept, so no cycle)."""
        return RankingParts(self)

    def update(self, rows: Sequence[int]) -> None:
        """Re-score the table rows a save changed (`CaseTable.set_row`) and move each to its
        new place; every other row keeps its score and place."""
        if not len(rows):
            return
        changed = np.unique(np.asarray(rows, np.int64))
        self.scores[changed] = _scores(self.table, self.ctx, self.strategies, self.which, changed)["score"]
        self.parts.forget(changed.tolist())  # the rows' parts are the table's again
        later = self.table.callable_us[changed] > self.now_us
        status = self.table.status[changed]
        self.group[changed] = np.where(status != 0, _HELD, np.where(later, _LATER, _NOW))
        self.when[changed] = np.where(self.group[changed] == _LATER, self.table.callable_us[changed], 0)
        order = self.order
        if self._sorted is None:
            self._sorted = (self.group[order], self.when[order], -self.scores[order])
        g, t, s = self._sorted
        keep = ~np.isin(order, changed)
        order, g, t, s = order[keep], g[keep], t[keep], s[keep]
        for row in changed.tolist():
            at = _place(g, t, s, order, int(self.group[row]), int(self.when[row]), float(-self.scores[row]), row)
            order = np.insert(order, at, row)
            g = np.insert(g, at, self.group[row])
            t = np.insert(t, at, self.when[row])
            s = np.insert(s, at, -self.scores[row])
        self.order = order
        self._sorted = (g, t, s)

    def row(self, position: int, explain: bool = True) -> RankedCase:
        """The RankedCase at `position` (0 = best), with its explanation when `explain`."""
        from agentdesk.domain.priority import RankedCase

        i = int(self.order[position])
        factors = self.explain(i) if explain else ()
        return tuple.__new__(RankedCase, (self.table.facts[i].case_id, float(self.scores[i]), factors,
                                          self.callable_from(i)))

    def explain(self, i: int) -> tuple[Factor, ...]:
        """Table row `i`'s reasons, largest first (`priority._factors`, from this ranking's parts)."""
        from agentdesk.domain.priority import _factors

        return _factors(self.table.facts[i], self.parts_of(i), self.ctx)

    def callable_from(self, i: int) -> datetime | None:
        """When table row `i` may be called, if it sits among the cases callable later."""
        return self.table.facts[i].callable_from if self.group[i] == _LATER else None

    def parts_of(self, i: int) -> tuple[Any, ...]:
        """Row `i`'s contributions in the order `priority._factors` takes them."""
        return parts_at(self.parts, i)

    def all_parts(self) -> list[tuple[Any, ...]]:
        """Every row's `parts_of`, made column by column (a whole queue's rows at once)."""
        p = self.parts.columns()
        ints = {"kind", "bucket", "total_att"}
        columns = [(p[n].astype(np.int64) if n in ints else p[n].astype(np.float64)).tolist() for n in _PART_NAMES]
        return list(zip(*columns, strict=True))

    def rows(self, explain_top: int | None = None) -> list[RankedCase]:
        """Every row best first; only the first `explain_top` explained (all when None)."""
        limit = len(self.order) if explain_top is None else max(0, explain_top)
        return [self.row(p, p < limit) for p in range(len(self.order))]


def _place(g: np.ndarray, t: np.ndarray, s: np.ndarray, order: np.ndarray,
           group: int, when: int, neg_score: float, row: int) -> int:
    """Where (group, when, -score, row) goes in keys sorted by that tuple: binary searches
    narrowing one key at a time."""
    lo = int(np.searchsorted(g, group, "left"))
    hi = int(np.searchsorted(g, group, "right"))
    lo, hi = lo + int(np.searchsorted(t[lo:hi], when, "left")), lo + int(np.searchsorted(t[lo:hi], when, "right"))
    lo, hi = lo + int(np.searchsorted(s[lo:hi], neg_score, "left")), lo + int(np.searchsorted(s[lo:hi], neg_score,
                                                                                                  "right"))
    return lo + int(np.searchsorted(order[lo:hi], row, "left"))


def rank_table(table: CaseTable, ctx: _Context, strategies: Sequence[Strategy] | None = None,
               which: np.ndarray | None = None) -> Ranking:
    """Rank every row of `table` under `ctx` (now, prior, display zone): each row by
    `strategies[which[row]]`, or all by `strategies[0]` (default: the documented weights)."""
    chosen = list(strategies) if strategies else [default_strategy()]
    if which is not None and len(which) != len(table):
        raise ValueError(f"one strategy index per row: {len(which)} for {len(table)} rows")
    return Ranking(table, ctx, chosen, which if len(chosen) > 1 else None)


class RankingParts:
    """A ranking's parts of the score (`_scores`), a row's derived from the table when asked.

    Why (issue 20): the parts are wanted only for the words of the rows the desk shows, and
    kept as columns they were ~7 MB at a lead's 96,000 rows (eleven columns beside the
    score). A row's parts are the same arithmetic on the same values whether computed for
    every row or for one (elementwise IEEE operations; `math.log10` in both), so deriving
    them later gives what the ranking computed, as long as the row's values in the table
    are those it was ranked on: `CaseTable.set_row` first has every live ranking of the
    table `hold` the row's parts as they are, and `Ranking.update`, which re-scores the row
    from the new values, lets them go (`forget`).

    A row asked for brings its neighbours in rank order (`_NEAR`, one `_scores` call: the
    desk words the rows it paints, a screenful at a time), kept until `_NEAR_KEPT` are."""

    __slots__ = ("_ranking",)

    def __init__(self, ranking: Ranking) -> None:
        self._ranking = ranking

    def at(self, i: int) -> tuple[Any, ...]:
        """Row `i`'s contributions, in the order `priority._factors` takes them."""
        r = self._ranking
        found = r._held.get(i)  # noqa: SLF001 - the ranking's, kept there (this is a view)
        if found is not None:
            return found
        # The derived rows are a dict replaced, never changed, while the desk words rows
        # (the GUI thread) and the queue's thread changes the table (`hold`, `forget`): rows
        # derived while a row's values changed are not kept (`_DERIVED`, the dict's identity).
        near = r._near  # noqa: SLF001
        found = near.get(i)
        if found is None:
            place = np.flatnonzero(r.order == i)
            start = max(0, int(place[0]) - _NEAR // 4) if len(place) else 0
            rows = np.union1d(r.order[start:start + _NEAR], [i]).astype(np.int64)
            columns = _scores(r.table, r.ctx, r.strategies, r.which, rows)
            made = {row: parts_at(columns, k) for k, row in enumerate(rows.tolist())}
            found = made[i]
            with _DERIVED:
                if r._near is near:  # noqa: SLF001 - no row held or forgotten meanwhile
                    r._near = made if len(near) + len(made) > _NEAR_KEPT else {**near, **made}  # noqa: SLF001
        return found

    def hold(self, i: int) -> None:
        """Keep row `i`'s parts as they are now: the table's values of the row are about to change."""
        r = self._ranking
        if i not in r._held:  # noqa: SLF001
            parts = self.at(i)
            with _DERIVED:
                r._held[i] = parts  # noqa: SLF001
                r._near = {}  # noqa: SLF001

    def forget(self, rows: Sequence[int]) -> None:
        """Rows re-scored by the ranking from the table's values: derived from them again."""
        r = self._ranking
        with _DERIVED:
            for i in rows:
                r._held.pop(i, None)  # noqa: SLF001
            r._near = {}  # noqa: SLF001

    def columns(self) -> dict[str, np.ndarray]:
        """Every row's parts as columns (`_scores`), the held rows' as they were held."""
        r = self._ranking
        found = _scores(r.table, r.ctx, r.strategies, r.which)
        for i, values in r._held.items():  # noqa: SLF001
            for name, value in zip(_PART_NAMES, values, strict=True):
                found[name][i] = value
        return found


_NEAR = 64  # rows whose parts one `RankingParts.at` derives together
# A store of derived rows against a row's values changing (`RankingParts`): one lock for all
# rankings, held for a dict's replacement only.
_DERIVED = threading.Lock()
_NEAR_KEPT = 1024  # derived parts kept (~0.5 MB of tuples), then forgotten all at once
_PART_NAMES = ("score", "callback", "kind", "promise", "ev", "reach", "p_reach", "fruitless", "attempts", "bucket",
               "total_att", "engaged")


def parts_at(parts: dict[str, Any] | RankingParts, i: int) -> tuple[Any, ...]:
    """Row `i`'s contributions from a ranking's `parts` (or `_scores`' columns), in the
    order `priority._factors` takes them (what `Ranking.parts_of` gives)."""
    if isinstance(parts, RankingParts):
        return parts.at(i)
    p = parts
    return (float(p["score"][i]), float(p["callback"][i]), int(p["kind"][i]), float(p["promise"][i]),
            float(p["ev"][i]), float(p["reach"][i]), float(p["p_reach"][i]), float(p["fruitless"][i]),
            float(p["attempts"][i]), int(p["bucket"][i]), int(p["total_att"][i]), float(p["engaged"][i]))
