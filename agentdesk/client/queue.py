"""The agent's prioritized queue, built from the local store for "now".

Filtering and search happen on the store's columns; ranking and the reasons come from
`agentdesk.domain.priority`, the compliance window from `agentdesk.domain.compliance`,
the same code the server uses.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import orjson
from sqlalchemy import func, select

from agentdesk.client import caseview
from agentdesk.client.store import CaseDoc, CaseRow, LocalStore, OutboxRow, overlay
from agentdesk.client.views import PriorityReason, QueueRow
from agentdesk.domain import compliance, priority
from agentdesk.domain.cadence import Cadence, next_call_at
from agentdesk.domain.money import Money
from agentdesk.domain.queue_columns import matched_field
from agentdesk.domain.strategy_book import StrategyBook, default_book

log = logging.getLogger(__name__)

FILTERS = ("all", "callbacks", "promises", "M1", "M2", "M3", "M4+")


def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _keep(row: Any, filter: str, needle: str, now: datetime) -> bool:
    if row.status == "closed":
        return False
    if needle and needle not in row.search_text:
        return False
    if filter == "callbacks":
        due = _dt(row.callback_due_at)
        return due is not None and due <= now.replace(hour=23, minute=59)
    if filter == "promises":
        return row.promise_status in ("pending", "broken")
    if filter in ("M1", "M2", "M3", "M4+"):
        return row.bucket == filter
    return True


@dataclass(frozen=True)
class _CaseFacts:
    """What a case contributes to the queue that does not depend on the clock.

    Parsing the document and walking its history is the expensive part of a queue refresh;
    it changes only when the case's change number or its local writes change.
    """

    key: Any  # change number, local writes, and those of the cases that share the person or a number
    time_zone: str
    zone: ZoneInfo
    rpc_by_hour: tuple[int, ...]
    attempts_by_hour: tuple[int, ...]
    attempt_days: tuple[tuple[date, bool], ...]  # (debtor-local day, nobody reached) per attempt
    planned: compliance.PlannedContact
    past: tuple[compliance.PastContact, ...]
    engaged_at: datetime | None = None  # the debtor opened an SMS link (priority.CaseFacts)
    call_times: tuple[datetime, ...] = ()  # the case's own calls, for its segment's cadence


class QueueCache:
    """Per-case queue work, keyed by case id + change number + local writes (+ the minute).

    A refresh after one changed case recomputes that case only: its facts (document parse
    and history walk), its dial verdict and its explanation. The key makes a stale entry
    impossible to use; the sync engine's change listener (`invalidate`) drops what a sync
    touched and re-measures the portfolio's reach by hour, the prior every explanation
    uses (as `priority.rank` advises, it is re-measured on sync, not on each local write).
    Clock-dependent parts (verdicts, "attempts today") are reused within the same minute.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._facts: dict[str, _CaseFacts] = {}
        self._ranked: dict[str, tuple[Any, priority.CaseFacts]] = {}
        self._rows: dict[str, tuple[Any, QueueRow]] = {}
        self._prior: list[float] | None = None
        self._prior_for: tuple[str, str] | None = None
        self._prior_gen = 0

    def invalidate(self, changes: Any) -> None:
        """Change listener: forget the cases a sync touched or removed."""
        ids = set(getattr(changes, "upserted", ())) | set(getattr(changes, "removed", ()))
        with self._lock:
            for case_id in ids:
                self._forget(case_id)
            if ids:
                self._prior = None

    def _forget(self, case_id: str) -> None:
        self._facts.pop(case_id, None)
        self._ranked.pop(case_id, None)
        self._rows.pop(case_id, None)

    def __len__(self) -> int:
        return len(self._facts)


# More rows than this to explain: one full `rank` with explanations beats one call per row.
_EXPLAIN_ONE_BY_ONE = 200


_LIGHT_COLUMNS = list(CaseRow.__table__.columns)  # the summary row; documents are in CaseDoc


def build_queue(store: LocalStore, policy: compliance.ContactPolicy, now: datetime, filter: str = "all",
                search: str = "", me: str = "", cache: QueueCache | None = None, *,
                strategy: priority.Strategy | None = None, book: StrategyBook | None = None) -> list[QueueRow]:
    """The ranked queue for `now` under `policy` and the strategy `book` (each case by its
    segment's weights and cadence, or its challenger arm's); without a book, every case by
    `strategy` (default: the documented one).

    Pass the session's `cache` so a refresh costs what changed; its entries carry the rules
    they were made under, so new rules from the server re-evaluate every case.
    """
    if filter not in FILTERS:
        raise ValueError(f"unknown queue filter '{filter}': use one of {', '.join(FILTERS)}")
    cache = cache if cache is not None else QueueCache()
    strategy = strategy or priority.default_strategy()
    if book is None:
        book = default_book(dict(strategy.weights), strategy.version, strategy.name)
    rules_tag = (policy.name, strategy.name, strategy.version, tuple(sorted(strategy.weights.items())),
                 book.version, book.name)
    placed = _Placements(book)
    needle = search.strip().lower()
    with store.sessions() as s:
        # The queue's columns (a table without the documents): documents are read only for
        # cases whose cached facts are missing or stale.
        every = list(s.execute(select(*_LIGHT_COLUMNS)))
        rows = [r for r in every if _keep(r, filter, needle, now)]  # type: ignore[arg-type]
        signatures: dict[str, list[tuple[int, str]]] = {}
        for case_id, seq, state in s.execute(select(OutboxRow.case_id, OutboxRow.seq, OutboxRow.state)
                                             .where(OutboxRow.state != "applied").order_by(OutboxRow.seq)):
            signatures.setdefault(case_id or "", []).append((seq, state))
        own = {r.id: (r.seq, tuple(signatures.get(r.id, ()))) for r in every}
        siblings = _siblings(every)
        # A case's facts also depend on the person's other cases and the cases sharing a
        # number (their attempts count, their holds and marks reach it): their change
        # numbers and local writes are part of its key.
        keys = {r.id: (own[r.id], tuple((i, own[i]) for i in siblings.get(r.id, ())),
                       policy.name if r.id in siblings else "") for r in rows}
        with cache._lock:
            stale = [r.id for r in rows if (f := cache._facts.get(r.id)) is None or f.key != keys[r.id]]
        fresh: dict[str, _CaseFacts] = {}
        for chunk in range(0, len(stale), 500):
            ids = stale[chunk:chunk + 500]
            wanted = sorted(set(ids).union(*(siblings.get(i, ()) for i in ids)))
            # The documents' JSON bytes, parsed by orjson (a cold build reads every document
            # of the team).
            query = select(CaseDoc.id, CaseDoc.doc).where(CaseDoc.id.in_(wanted))
            docs: dict[str, dict[str, Any]] = {}
            for case_id, raw in s.execute(query):
                try:
                    docs[case_id] = orjson.loads(raw)
                except orjson.JSONDecodeError:
                    # One unreadable document must not empty the whole queue: that case
                    # stays out of it (and says so in the log) until a pull replaces it.
                    log.error("case %s: its stored document is not valid JSON; left out of the queue", case_id)
            local = store._local_rows(s, [i for i in wanted if i in signatures])
            for case_id in wanted:
                if case_id in local and case_id in docs:
                    docs[case_id] = overlay(docs[case_id], local[case_id], me)
            for case_id in ids:
                if case_id not in docs:
                    continue
                others = [docs[i] for i in siblings.get(case_id, ()) if i in docs]
                doc = caseview.with_person_marks(docs[case_id], others, policy) if others else docs[case_id]
                fresh[case_id] = _case_facts(keys[case_id], caseview.contact_facts(doc),
                                             [caseview.contact_facts(o) for o in others])
        unreadable = {i for i in stale if i not in fresh}
        if unreadable:
            rows = [r for r in rows if r.id not in unreadable]
    minute = now.replace(second=0, microsecond=0)
    with cache._lock:
        cache._facts.update(fresh)
        facts_by_id = {r.id: cache._facts[r.id] for r in rows}
        if filter == "all" and not needle:
            for gone in [i for i in cache._facts if i not in keys]:
                cache._forget(gone)
        ranked_cache = dict(cache._ranked)
    pfacts: list[priority.CaseFacts] = []
    new_ranked: dict[str, tuple[Any, priority.CaseFacts]] = {}
    for row in rows:
        cf = facts_by_id[row.id]
        hit = ranked_cache.get(row.id)
        stamp = (cf.key, minute, policy.name, row.segment, row.arm, book.version)
        if hit is not None and hit[0] == stamp:
            pf = hit[1]
        else:
            verdict = compliance.evaluate(cf.planned, cf.past, policy, now)
            callable_from = None if verdict.allowed else (verdict.next_allowed_at or priority.NOT_CALLABLE)
            gate = ""
            paced = next_call_at(placed.cadence(row.segment, row.arm), cf.call_times, now, cf.zone)
            if paced is not None and (callable_from is None or paced > callable_from):
                # The segment's cadence holds the case back longer than the guard does.
                after = compliance.evaluate(cf.planned, cf.past, policy, paced)
                callable_from = paced if after.allowed else (after.next_allowed_at or paced)
                gate = "cadence"
            pf = _facts(row, cf, now, callable_from, gate)
            if hit is not None and hit[1] == pf:
                # Unchanged in the new minute: keep the object, and with it the ranking's memo
                # of its score (priority.rank), so the next rank need not recompute it.
                pf = hit[1]
            new_ranked[row.id] = (stamp, pf)
        pfacts.append(pf)
    with cache._lock:
        cache._ranked.update(new_ranked)
        if cache._prior is None or cache._prior_for != (filter, needle):
            cache._prior = priority.portfolio_reach_by_hour(pfacts)
            cache._prior_for = (filter, needle)
            cache._prior_gen += 1
        prior, generation = cache._prior, cache._prior_gen
        rows_cache = dict(cache._rows)
    stamps = {r.id: (facts_by_id[r.id].key, minute, generation, rules_tag) for r in rows}
    unexplained = sum(1 for r in rows if (done := rows_cache.get(r.id)) is None or done[0] != stamps[r.id])
    explain_all = unexplained > _EXPLAIN_ONE_BY_ONE
    arms = {r.id: (r.segment, r.arm) for r in rows}

    def strategy_of(pf: priority.CaseFacts) -> priority.Strategy:
        return placed.strategy(*arms[pf.case_id])

    ranked = priority.rank_segmented(pfacts, now, strategy_of, portfolio_rpc_by_hour=prior,
                                     explain_top=None if explain_all else 0)
    by_id = {r.id: r for r in rows}
    pf_by_id = {pf.case_id: pf for pf in pfacts}
    out: list[QueueRow] = []
    new_rows: dict[str, tuple[Any, QueueRow]] = {}
    for r in ranked:
        cached = rows_cache.get(r.case_id)
        if cached is not None and cached[0] == stamps[r.case_id]:
            queue_row = cached[1]
            if queue_row.score != r.score or queue_row.callable_from != r.callable_from:
                queue_row = replace(queue_row, score=r.score, callable_from=r.callable_from)
            out.append(queue_row)
            continue
        factors = r.factors if explain_all else priority.explain_case(pf_by_id[r.case_id], now, prior,
                                                                       strategy_of(pf_by_id[r.case_id])).factors
        row = by_id[r.case_id]
        queue_row = QueueRow(
            case_id=row.id, debtor_name=row.debtor_name, lender=row.lender,
            overdue=Money(row.overdue_minor, row.currency), outstanding=Money(row.outstanding_minor, row.currency),
            days_past_due=row.days_past_due, bucket=row.bucket, status=row.status,
            last_outcome=row.last_outcome, last_attempt_at=_dt(row.last_attempt_at), score=r.score,
            reasons=tuple(PriorityReason(f.key, f.text_en, f.text_zh, f.points) for f in factors),
            callable_from=r.callable_from, assigned_agent=row.assigned_agent,
            has_pending=row.id in signatures,
        )
        new_rows[r.case_id] = (stamps[r.case_id], queue_row)
        out.append(queue_row)
    with cache._lock:
        cache._rows.update(new_rows)
    if needle:
        out = [replace(q, matched=matched_field(by_id[q.case_id].search_text, q.debtor_name, needle)) for q in out]
    return out


def count_matches(store: LocalStore, search: str) -> int:
    """Open and held cases whose name, phone tail or account number holds `search`, whatever
    the queue's filter: the desk says when a filter hides some of them."""
    needle = search.strip().lower()
    with store.sessions() as s:
        query = select(func.count()).select_from(CaseRow).where(CaseRow.status != "closed")
        if needle:
            query = query.where(CaseRow.search_text.contains(needle, autoescape=True))
        return int(s.scalar(query) or 0)


class _Placements:
    """Each (segment, arm)'s strategy and cadence from the book, made once per queue build."""

    def __init__(self, book: StrategyBook) -> None:
        self.book = book
        self._strategies: dict[tuple[str | None, str | None], priority.Strategy] = {}
        self._cadences: dict[tuple[str | None, str | None], Cadence] = {}

    def strategy(self, segment: str | None, arm: str | None) -> priority.Strategy:
        key = (segment, arm)
        found = self._strategies.get(key)
        if found is None:
            found = self._strategies[key] = self.book.strategy_for(segment, arm)
        return found

    def cadence(self, segment: str | None, arm: str | None) -> Cadence:
        key = (segment, arm)
        found = self._cadences.get(key)
        if found is None:
            found = self._cadences[key] = self.book.cadence_for(segment, arm)
        return found


def _siblings(rows: list[Any]) -> dict[str, tuple[str, ...]]:
    """For each case with any: the other cases of the same person or sharing a number."""
    groups: dict[str, list[str]] = {}
    for r in rows:
        if r.person_key:
            groups.setdefault("p:" + r.person_key, []).append(r.id)
        for key in (r.number_keys or "").split():
            groups.setdefault("n:" + key, []).append(r.id)
    found: dict[str, set[str]] = {}
    for members in groups.values():
        if len(members) > 1:
            for case_id in members:
                found.setdefault(case_id, set()).update(m for m in members if m != case_id)
    return {case_id: tuple(sorted(others)) for case_id, others in found.items()}


def _case_facts(key: Any, detail: caseview.ContactHistory,
                siblings: list[caseview.ContactFacts] | None = None) -> _CaseFacts:
    zone = ZoneInfo(detail.time_zone)
    rpc = [0] * 24
    tries = [0] * 24
    days: list[tuple[date, bool]] = []
    calls = tuple(a.started_at for a in detail.attempts if getattr(a, "channel", "call") == "call")
    for a in detail.attempts:
        local = a.started_at.astimezone(zone)
        tries[local.hour] += 1
        if a.reached == "right_party":
            rpc[local.hour] += 1
        days.append((local.date(), a.reached == "nobody"))
    phone = caseview.primary_phone(detail)
    return _CaseFacts(
        key=key, time_zone=detail.time_zone, zone=zone, rpc_by_hour=tuple(rpc), attempts_by_hour=tuple(tries),
        attempt_days=tuple(days), planned=caseview.planned(detail, phone),
        past=tuple(caseview.past_contacts(detail, siblings or ())), engaged_at=getattr(detail, "engaged_at", None),
        call_times=calls,
    )


def _facts(row: Any, cf: _CaseFacts, now: datetime, callable_from: datetime | None,
           gate: str = "") -> priority.CaseFacts:
    today_local = now.astimezone(cf.zone).date()
    attempts_today = fruitless_today = 0
    for day, fruitless in cf.attempt_days:
        if day == today_local:
            attempts_today += 1
            fruitless_today += fruitless
    promise_due = date.fromisoformat(row.promise_due) if row.promise_due else None
    broken_at = None
    if row.promise_status == "broken" and promise_due is not None:
        broken_at = datetime(promise_due.year, promise_due.month, promise_due.day, tzinfo=UTC)
    return priority.CaseFacts(
        case_id=row.id, overdue_minor=row.overdue_minor, days_past_due=row.days_past_due, status=row.status,
        debtor_time_zone=cf.time_zone,
        callback_due_at=_dt(row.callback_due_at), promise_due=promise_due, promise_status=row.promise_status,
        broken_promise_at=broken_at, attempts_today=attempts_today, fruitless_today=fruitless_today,
        rpc_by_hour=cf.rpc_by_hour, attempts_by_hour=cf.attempts_by_hour, callable_from=callable_from,
        engaged_at=cf.engaged_at,
        gate=gate if callable_from is not None else "",
    )
