"""Pricing a lender's file (定价) and placing its new cases: the step after an import.

`price_file` reads a placement file the way intake does (agentdesk.server.intake's
`parse_cases`, unchanged), places each row in the segment the book in
force would give it, and prices the batch from the portfolio's own history
(agentdesk.domain.pricing). It writes nothing, so a lead can price a file before accepting
it. `after_import` runs after an import in the same transaction: it places the team's
new (never placed) cases in their segments, recording their challenger arms, and prices
the file for the import report.

History: every case placed at least 30/90/180 days ago, by its bucket at placement (days
past due then) and its segment now, with what it owed at placement (overdue now plus
what was paid since) and what was paid within those days.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agentdesk.domain.money import bucket_for
from agentdesk.domain.pricing import HORIZONS, BatchCase, Cohort, PlacementPrice, price_batch
from agentdesk.domain.segments import CaseProfile
from agentdesk.domain.strategy_book import StrategyBook
from agentdesk.server import intake, segmentation, strategy_store
from agentdesk.server.models import Account, Case, Debtor, Payment

LENDER_ZONE = ZoneInfo("Asia/Shanghai")  # lenders date their files in China time (as intake does)


def history_cohorts(session: Session, now: datetime) -> dict[tuple[str, str, int], Cohort]:
    """(segment or "*", bucket at placement, days) -> what cases placed that long ago did."""
    oldest = now - timedelta(days=HORIZONS[0])
    accounts = (select(Account.case_id.label("case_id"), func.max(Account.days_past_due).label("dpd"),
                       func.sum(Account.overdue_minor).label("overdue")).group_by(Account.case_id).subquery())
    cases = session.execute(
        select(Case.id, Case.created_at, Case.segment, accounts.c.dpd, accounts.c.overdue)
        .join(accounts, accounts.c.case_id == Case.id).where(Case.created_at <= oldest)).all()
    if not cases:
        return {}
    payments: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for case_id, paid_on, amount in session.execute(
            select(Payment.case_id, Payment.paid_on, Payment.amount_minor)
            .join(Case, Case.id == Payment.case_id).where(Case.created_at <= oldest)):
        payments[case_id].append((paid_on, amount))
    sums: dict[tuple[str, str, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for case_id, created, segment, dpd, overdue in cases:
        age = (now - created).days
        paid_all = sum(a for _d, a in payments.get(case_id, ()))
        owed = int(overdue or 0) + paid_all  # minor units
        if owed <= 0:
            continue
        # Unpaid, days past due grow with the calendar: at placement it was `age` days fewer.
        bucket = bucket_for(max(0, int(dpd or 0) - age))
        placed = created.date()
        for days in HORIZONS:
            if age < days:
                continue
            until = placed + timedelta(days=days)
            paid = sum(a for d, a in payments.get(case_id, ()) if d <= until)
            for key in [("*", bucket, days)] + ([(segment, bucket, days)] if segment else []):
                row = sums[key]
                row[0] += 1
                row[1] += owed
                row[2] += paid
                row[3] += owed * owed
                row[4] += paid * paid
                row[5] += paid * owed
    return {key: Cohort(*v) for key, v in sums.items()}


def _profiles(session: Session, rows: list[intake.CaseRow], lender: str) -> list[CaseProfile]:
    ids = sorted({r.national_id for r in rows})
    returning: set[str] = set()
    for start in range(0, len(ids), segmentation.CHUNK):
        returning |= set(session.scalars(
            select(Debtor.national_id).join(Case, Case.debtor_id == Debtor.id)
            .where(Case.lender == lender, Debtor.national_id.in_(ids[start:start + segmentation.CHUNK]))))
    return [CaseProfile(case_id=f"row-{r.row}", days_past_due=r.dpd, overdue_minor=r.overdue, lender=lender,
                        products=(r.product,) if r.product else (), region=r.province, promise_history="none",
                        contactability="untried" if r.phone else "no_valid_phone",
                        placement="returned" if r.national_id in returning else "first") for r in rows]


def price_rows(session: Session, rows: list[intake.CaseRow], lender: str, now: datetime,
               book: StrategyBook | None = None) -> PlacementPrice:
    book = book or strategy_store.current_book(session)
    batch = [BatchCase(book.place(p).key, p.bucket, p.overdue_minor) for p in _profiles(session, rows, lender)]
    names = {s.key: (s.name_zh, s.name_en) for s in book.segments}
    return price_batch(batch, history_cohorts(session, now), names, lender=lender, book_version=book.version,
                       as_of=now)


def price_file(session: Session, data: bytes, filename: str, lender: str, now: datetime) -> PlacementPrice:
    """The file's good rows priced (bad rows are the import report's business); IntakeError
    when the file cannot be read at all."""
    parsed = intake.parse_cases(data, filename, now.astimezone(LENDER_ZONE).date())
    return price_rows(session, parsed.good, lender, now)


def after_import(session: Session, rows: list[intake.CaseRow], lender: str, team_id: str | None,
                 now: datetime) -> tuple[PlacementPrice, segmentation.Resegmented]:
    """Place the team's new cases in their segments and price the file's good rows (same transaction)."""
    session.flush()
    book = strategy_store.current_book(session)
    query = select(Case.id).where(Case.segment.is_(None), Case.status != "closed", Case.lender == lender)
    if team_id is not None:
        query = query.where(Case.team_id == team_id)
    placed = segmentation.resegment(session, book, list(session.scalars(query)), now)
    return price_rows(session, rows, lender, now), placed
