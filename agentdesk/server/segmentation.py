"""Placing cases in segments on the server, and recording their challenger arms.

`resegment` reads the facts a segment rule looks at for many cases in a few set-based
queries (accounts, promises, contacts, earlier cases of the same person with the same
lender), asks the book (agentdesk.domain.strategy_book) which segment takes each case and
why, and writes the answer on the case row (`segment`, `segment_reason`, `arm`,
`challenger`) with a fresh change number when it changed, so every desk in scope pulls
it: like a reassignment, without rebuilding any case history. It runs when cases arrive
(intake), when the book's rules change, each morning in the scheduled run (days past due
move on; promises are kept or broken), and after a payments file.

Arms: a case takes part in a challenger's experiment only if it enters the challenger's
segment after the challenger started (a new case, or one that moved in), so both arms hold
cases of the same vintage. Its arm is then recorded once in `case_arms` and reused ever
after, even if the case leaves the segment and comes back: a case's arm never flips.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, aliased

from agentdesk.domain.segments import CaseProfile
from agentdesk.domain.strategy_book import StrategyBook, arm_of
from agentdesk.server.models import Account, Case, ContactAttempt, ContactPoint, Debtor, PromiseToPay
from agentdesk.server.strategy_models import CaseArm

CHUNK = 5000
DIALLABLE = ("valid", "unverified")


@functools.lru_cache(maxsize=1024)
def _reason(text: str) -> dict[str, Any]:
    """A segment's reason, parsed once per distinct text: cases of one segment share it,
    and a pull of 10,000 cases parsed it 10,000 times. Read only, never changed."""
    return dict(json.loads(text))


def document_part(segment: str | None, reason: str | None, arm: str | None,
                  challenger: str | None) -> dict[str, Any] | None:
    """The "strategy" member of a case document: segment, why, and arm."""
    if segment is None:
        return None
    why = _reason(reason) if reason else {}
    return {"segment": segment, "name_en": why.get("name_en", segment), "name_zh": why.get("name_zh", segment),
            "arm": arm, "challenger": challenger, "reason_en": why.get("en", ""), "reason_zh": why.get("zh", ""),
            "book_version": why.get("book")}


@dataclass(frozen=True)
class CaseFacts:
    """A case's segment profile and what the allocation needs beside it."""

    profile: CaseProfile
    team_id: str | None
    agent_id: str | None
    status: str
    person_key: str
    created_at: datetime
    segment: str | None
    reason: str | None
    arm: str | None
    challenger: str | None
    has_history: bool


def open_cases(team_id: str | None = None) -> list[Any]:
    """The conditions selecting the open cases (of a team): for `load_facts(where=...)`."""
    return [Case.status != "closed"] + ([Case.team_id == team_id] if team_id is not None else [])


def open_case_ids(session: Session, team_id: str | None = None) -> list[str]:
    query = select(Case.id).where(Case.status != "closed")
    if team_id is not None:
        query = query.where(Case.team_id == team_id)
    return list(session.scalars(query.order_by(Case.id)))


def load_facts(session: Session, case_ids: Sequence[str] = (), *, where: Sequence[Any] = ()) -> dict[str, CaseFacts]:
    """The facts of `case_ids` (in chunks small enough for any database's parameter limit),
    or of the cases matching `where` (conditions on Case; one pass with a subquery: ten
    thousand ids bound as parameters cost more to compile than the queries take to run)."""
    if where:
        return _load_chunk(session, select(Case.id).where(*where).scalar_subquery())
    out: dict[str, CaseFacts] = {}
    ids = list(dict.fromkeys(case_ids))
    for start in range(0, len(ids), CHUNK):
        out.update(_load_chunk(session, ids[start:start + CHUNK]))
    return out


def _load_chunk(session: Session, ids: Any) -> dict[str, CaseFacts]:
    cases = session.execute(
        select(Case.id, Case.lender, Case.team_id, Case.assigned_agent_id, Case.status, Case.created_at,
               Case.segment, Case.segment_reason, Case.arm, Case.challenger, Debtor.province, Debtor.person_key)
        .join(Debtor, Debtor.id == Case.debtor_id).where(Case.id.in_(ids))).all()
    accounts: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for case_id, dpd, overdue, product, currency in session.execute(
            select(Account.case_id, Account.days_past_due, Account.overdue_minor, Account.product, Account.currency)
            .where(Account.case_id.in_(ids))):
        accounts[case_id].append((dpd, overdue, product, currency))
    promises: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
    for case_id, status, created in session.execute(
            select(PromiseToPay.case_id, PromiseToPay.status, PromiseToPay.created_at)
            .where(PromiseToPay.case_id.in_(ids), PromiseToPay.status.in_(("pending", "kept", "broken")))):
        promises[case_id].append((created, status))
    tried: set[str] = set()
    reached: set[str] = set()
    answered = func.max(sql_case((ContactAttempt.reached == "right_party", 1), else_=0))
    for case_id, any_rpc in session.execute(select(ContactAttempt.case_id, answered)
                                            .where(ContactAttempt.case_id.in_(ids)).group_by(ContactAttempt.case_id)):
        tried.add(case_id)
        if any_rpc:
            reached.add(case_id)
    phones = set(session.scalars(select(ContactPoint.case_id).where(
        ContactPoint.case_id.in_(ids), ContactPoint.kind == "phone", ContactPoint.owner == "debtor",
        ContactPoint.status.in_(DIALLABLE)).group_by(ContactPoint.case_id)))
    # Returned: the same person had an earlier case with this lender (an index lookup per case).
    earlier_case, earlier_debtor = aliased(Case), aliased(Debtor)
    earlier = (select(earlier_case.id).join(earlier_debtor, earlier_debtor.id == earlier_case.debtor_id)
               .where(earlier_debtor.person_key == Debtor.person_key, earlier_case.lender == Case.lender,
                      earlier_case.created_at < Case.created_at).correlate(Case, Debtor).exists())
    returned = set(session.scalars(select(Case.id).join(Debtor, Debtor.id == Case.debtor_id)
                                   .where(Case.id.in_(ids), Debtor.person_key != "", earlier)))
    out: dict[str, CaseFacts] = {}
    for row in cases:
        accs = accounts.get(row.id, [])
        dpd = max((a[0] for a in accs), default=0)
        overdue = sum(a[1] for a in accs)
        products = tuple(dict.fromkeys(a[2] for a in accs if a[2]))
        history = sorted(promises.get(row.id, []))
        if any(status == "pending" for _c, status in history):
            promise = "pending"
        elif history:
            promise = history[-1][1]
        else:
            promise = "none"
        if row.id not in phones:
            contact = "no_valid_phone"
        elif row.id in reached:
            contact = "reached"
        elif row.id in tried:
            contact = "never_reached"
        else:
            contact = "untried"
        placement = "returned" if row.id in returned else "first"
        profile = CaseProfile(case_id=row.id, days_past_due=dpd, overdue_minor=overdue, lender=row.lender,
                              products=products, region=row.province or "", promise_history=promise,
                              contactability=contact, placement=placement,
                              currency=accs[0][3] if accs else "CNY")
        out[row.id] = CaseFacts(profile, row.team_id, row.assigned_agent_id, row.status, row.person_key or "",
                                row.created_at, row.segment, row.segment_reason, row.arm, row.challenger,
                                row.id in tried)
    return out


@dataclass
class Resegmented:
    changed: list[str]
    agents: set[str]
    teams: set[str]
    new_arms: int


def resegment(session: Session, book: StrategyBook, case_ids: Sequence[str], now: datetime,
              facts: dict[str, CaseFacts] | None = None, *, where: Sequence[Any] = ()) -> Resegmented:
    """Place `case_ids` (or the cases matching `where`) with `book`; write what changed with
    fresh change numbers."""
    from agentdesk.server.sync import next_seqs  # sync imports documents, which imports this module

    facts = facts if facts is not None else load_facts(session, case_ids, where=where)
    names_en, names_zh = book.names("en"), book.names("zh")
    running = {s.key: s.challenger for s in book.segments if s.challenger is not None}
    recorded: dict[tuple[str, str], str] = {}
    challenger_ids = [c.id for c in running.values()]
    if challenger_ids:
        # Every arm the running experiments recorded: a few thousand rows, cheaper to read
        # whole than to ask for by case id.
        for row in session.execute(select(CaseArm.case_id, CaseArm.challenger_id, CaseArm.arm)
                                   .where(CaseArm.challenger_id.in_(challenger_ids))):
            if row[0] in facts:
                recorded[(row[0], row[1])] = row[2]
    updates: list[dict[str, Any]] = []
    arms: list[dict[str, Any]] = []
    agents: set[str] = set()
    teams: set[str] = set()
    for case_id, f in facts.items():
        if f.status == "closed":
            continue
        match = book.place(f.profile)
        reason = json.dumps({"en": match.text("en", names_en), "zh": match.text("zh", names_zh),
                             "name_en": names_en[match.key], "name_zh": names_zh[match.key],
                             "book": book.version}, ensure_ascii=False)
        arm: str | None = None
        ch_id: str | None = None
        challenger = running.get(match.key)
        if challenger is not None:
            known = recorded.get((case_id, challenger.id))
            started = challenger.started_at or now
            # Entering: moved in from another segment, or arrived after the challenger started.
            entering = (f.segment is not None and f.segment != match.key) or f.created_at >= started
            if known is not None:
                arm, ch_id = known, challenger.id
            elif entering and (challenger.started_at is None or now >= challenger.started_at):
                arm, ch_id = arm_of(challenger, case_id), challenger.id
                arms.append({"case_id": case_id, "challenger_id": ch_id, "segment_key": match.key, "arm": arm,
                             "assigned_at": now})
        if (f.segment, f.reason, f.arm, f.challenger) == (match.key, reason, arm, ch_id):
            continue
        updates.append({"id": case_id, "segment": match.key, "segment_reason": reason, "arm": arm,
                        "challenger": ch_id})
        if f.agent_id:
            agents.add(f.agent_id)
        if f.team_id:
            teams.add(f.team_id)
    if arms:
        session.execute(insert(CaseArm), arms)
    if updates:
        for change, seq in zip(updates, next_seqs(session, len(updates)), strict=True):
            change["seq"] = seq
        session.execute(update(Case), updates)
    return Resegmented([u["id"] for u in updates], agents, teams, len(arms))
