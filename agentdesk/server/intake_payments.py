"""The lender's payments feed: payments added once each, and promises settled by them.

A line is a payment of an account the importing team holds (an account elsewhere reads as
"no account with this number", as one that does not exist). A feed line with the lender's
transaction serial (交易流水号) counts once however often it appears, in one file or across
files; lines without one count by (account, day, amount), so the same file imported twice
adds nothing. Settling then looks at the promises of the team's cases only: kept once
payments since the promise reach its amount, broken when due and short.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.server.intake_fields import FieldError, cell_text, parse_amount, parse_date
from agentdesk.server.intake_table import Table, columns, read_table
from agentdesk.server.models import Account, Case, Payment, PromiseToPay, new_id
from agentdesk.server.sync import touch

CHUNK = 5000
PAYMENT_REQUIRED = ("account_no", "amount", "paid_on")


@dataclass
class PaymentImport:
    report: contract.PaymentsReport
    touched_agents: set[str] = field(default_factory=set)
    touched_teams: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Line:
    row: int
    account_no: str
    amount: int
    paid_on: date
    ref: str | None


@dataclass
class ParsedPayments:
    table: Table
    lines: list[_Line]
    problems: list[contract.RowProblem]
    count: int
    file_level: bool


def parse_payments(data: bytes, filename: str, today: date) -> ParsedPayments:
    known = columns().payments
    table = read_table(data, filename, known)
    have = set(table.mapped.values())
    problems = [contract.RowProblem(row=table.header_row, column=name,
                                    reason=f"missing column; name it one of: {', '.join(known[name][:4])}")
                for name in PAYMENT_REQUIRED if name not in have]
    if problems:
        return ParsedPayments(table, [], problems, len(table.rows), file_level=True)
    lines: list[_Line] = []
    for number, raw in table.rows:
        values = {name: raw[i] if i < len(raw) else None for i, name in table.mapped.items()}
        found: list[tuple[str, str]] = []
        account_no = cell_text(values.get("account_no"))
        if not account_no:
            found.append(("account_no", "empty; this column is required"))
        elif len(account_no) > 64:
            found.append(("account_no", "longer than 64 characters"))
        amount = _checked(values.get("amount"), parse_amount, "amount", found)
        if amount == 0:
            found.append(("amount", "must be more than zero"))
        paid_on = _checked(values.get("paid_on"), parse_date, "paid_on", found)
        if paid_on is not None and paid_on > today + timedelta(days=1):
            found.append(("paid_on", "in the future"))
        ref = cell_text(values.get("txn_ref")) or None
        if ref is not None and len(ref) > 64:
            found.append(("txn_ref", "longer than 64 characters"))
        if found:
            problems += [contract.RowProblem(row=number, column=table.header_of(c), reason=why) for c, why in found]
            continue
        assert amount is not None and paid_on is not None
        lines.append(_Line(number, account_no, amount, paid_on, ref))
    return ParsedPayments(table, lines, problems, len(table.rows), file_level=False)


def _checked(value: Any, check: Any, name: str, found: list[tuple[str, str]]) -> Any:
    if not cell_text(value):
        found.append((name, "empty; this column is required"))
        return None
    try:
        return check(value)
    except FieldError as exc:
        found.append((name, str(exc)))
        return None


def import_payments(session: Session, data: bytes, filename: str, lender: str | None = None,
                    accept_good_rows: bool = False, today: date | None = None,
                    team_id: str | None = None, *, now: datetime) -> PaymentImport:
    """Read, check and write a payments feed in one go (the CLI's way; the API parses first)."""
    today = today or now.astimezone(ZoneInfo("Asia/Shanghai")).date()
    return apply_payments(session, parse_payments(data, filename, today), lender, accept_good_rows, today, team_id)


def apply_payments(session: Session, parsed: ParsedPayments, lender: str | None, accept_good_rows: bool,
                   today: date, team_id: str | None) -> PaymentImport:
    """Add the feed's payments (once each) and settle promises of `team_id`'s cases (None: every team's)."""
    problems = list(parsed.problems)
    accounts = _accounts(session, sorted({ln.account_no for ln in parsed.lines}), lender, team_id)
    found: list[tuple[_Line, str, str]] = []
    for line in parsed.lines:
        if line.account_no not in accounts:
            problems.append(contract.RowProblem(row=line.row, column=parsed.table.header_of("account_no"),
                                                reason="no account with this number" + (" for this lender"
                                                                                         if lender else "")))
        else:
            found.append((line, *accounts[line.account_no]))
    problems.sort(key=lambda p: p.row)

    def report(imported: bool, added: int = 0, duplicates: int = 0, kept: int = 0, broken: int = 0
               ) -> contract.PaymentsReport:
        return contract.PaymentsReport(imported=imported, rows=parsed.count, payments_added=added,
                                       duplicates=duplicates, promises_kept=kept, promises_broken=broken,
                                       problems=problems, header_row=parsed.table.header_row,
                                       columns=parsed.table.taken())

    if parsed.file_level or (problems and not accept_good_rows):
        return PaymentImport(report(False))
    new_rows, duplicates = _new_payments(session, found)
    if new_rows:
        session.execute(insert(Payment), new_rows)
    paid_cases = {r["case_id"] for r in new_rows}
    kept, broken, settled = settle_promises(session, today, paid_cases, team_id)
    changed = paid_cases | settled
    touched = list(session.scalars(select(Case).where(Case.id.in_(list(changed))))) if changed else []
    touch(session, touched)
    result = PaymentImport(report(True, len(new_rows), duplicates, kept, broken))
    result.touched_agents = {c.assigned_agent_id for c in touched if c.assigned_agent_id}
    result.touched_teams = {c.team_id for c in touched if c.team_id}
    return result


def _accounts(session: Session, numbers: list[str], lender: str | None, team_id: str | None
              ) -> dict[str, tuple[str, str]]:
    """Account number → (account id, case id), among the team's accounts (and the lender's)."""
    accounts: dict[str, tuple[str, str]] = {}
    for start in range(0, len(numbers), CHUNK):
        query = (select(Account.account_no, Account.id, Account.case_id).join(Case, Case.id == Account.case_id)
                 .where(Account.account_no.in_(numbers[start:start + CHUNK])))
        if lender:
            query = query.where(Case.lender == lender)
        if team_id:
            query = query.where(Case.team_id == team_id)
        for number, account_id, case_id in session.execute(query):
            accounts[number] = (account_id, case_id)
    return accounts


def _new_payments(session: Session, found: list[tuple[_Line, str, str]]) -> tuple[list[dict[str, Any]], int]:
    """The payments not yet stored, and how many lines were already there (or repeated)."""
    ids = sorted({acc for _line, acc, _case in found})
    have: Counter[tuple[str, int, date]] = Counter()
    have_unreferenced: Counter[tuple[str, int, date]] = Counter()
    refs: set[tuple[str, str]] = set()
    for start in range(0, len(ids), CHUNK):
        for acc_id, amount, paid_on, ref in session.execute(
                select(Payment.account_id, Payment.amount_minor, Payment.paid_on, Payment.txn_ref)
                .where(Payment.account_id.in_(ids[start:start + CHUNK]))):
            have[(acc_id, amount, paid_on)] += 1
            if ref is None:
                have_unreferenced[(acc_id, amount, paid_on)] += 1
            else:
                refs.add((acc_id, ref))
    new_rows: list[dict[str, Any]] = []
    duplicates = 0
    wanted: Counter[tuple[str, int, date]] = Counter()
    case_of: dict[str, str] = {}
    for line, acc_id, case_id in found:
        key = (acc_id, line.amount, line.paid_on)
        case_of[acc_id] = case_id
        if line.ref is None:
            wanted[key] += 1
            continue
        if (acc_id, line.ref) in refs:
            duplicates += 1
        elif have_unreferenced[key] > 0:  # stored by an earlier feed that had no serials
            have_unreferenced[key] -= 1
            refs.add((acc_id, line.ref))
            duplicates += 1
        else:
            refs.add((acc_id, line.ref))
            have[key] += 1
            new_rows.append(dict(id=new_id(), case_id=case_id, account_id=acc_id, amount_minor=line.amount,
                                 currency="CNY", paid_on=line.paid_on, txn_ref=line.ref))
    for key, n in wanted.items():
        missing = max(0, n - have[key])
        duplicates += n - missing
        new_rows += [dict(id=new_id(), case_id=case_of[key[0]], account_id=key[0], amount_minor=key[1],
                          currency="CNY", paid_on=key[2], txn_ref=None) for _ in range(missing)]
    return new_rows, duplicates


def settle_promises(session: Session, today: date, paid_cases: set[str],
                    team_id: str | None = None) -> tuple[int, int, set[str]]:
    """Pending promises of `team_id`'s cases (None: all): kept once payments since the promise
    reach its amount; broken when due and short.

    A broken promise changes the case, so the agent's queue moves it up (priority reads it).
    """
    query = select(PromiseToPay).where(PromiseToPay.status == "pending")
    if team_id:
        query = query.join(Case, Case.id == PromiseToPay.case_id).where(Case.team_id == team_id)
    candidates = [p for p in session.scalars(query) if p.due_date < today or p.case_id in paid_cases]
    if not candidates:
        return 0, 0, set()
    case_ids = sorted({p.case_id for p in candidates})
    payments: dict[str, list[tuple[date, int]]] = {}
    for start in range(0, len(case_ids), CHUNK):
        for case_id, paid_on, amount in session.execute(
                select(Payment.case_id, Payment.paid_on, Payment.amount_minor)
                .where(Payment.case_id.in_(case_ids[start:start + CHUNK]))):
            payments.setdefault(case_id, []).append((paid_on, amount))
    kept = broken = 0
    settled: set[str] = set()
    for promise in candidates:
        since = promise.created_at.date()
        paid = sum(a for d, a in payments.get(promise.case_id, []) if d >= since)
        if paid >= promise.amount_minor:
            promise.status = "kept"
            kept += 1
        elif promise.due_date < today:
            promise.status = "broken"
            broken += 1
        else:
            continue
        settled.add(promise.case_id)
    return kept, broken, settled


__all__ = ["ParsedPayments", "PaymentImport", "apply_payments", "import_payments", "parse_payments",
           "settle_promises"]
