"""Lender placements in: new cases for a team, new balances for its known accounts.

A file is read and every row checked before anything is written (`parse_cases`, outside
any transaction): the header row is found among the top rows by its column names
(intake_table.py), every cell is normalised and checked (intake_fields.py: resident ID
check digits, mainland phone numbers, amounts as lenders write them). A file with bad rows
yields a report of row, column and reason and imports nothing, unless the caller asks to
take the good rows, and then exactly those.

Writing (`apply_cases`) stays inside the importing team: accounts are keyed by (lender,
account number) and a known account is updated only when its case is the team's; a row
naming an account or a debtor (by resident ID) of another team's open case is refused with
one neutral reason, and counts as a refused row, so neither the report nor its counts tell
whether something exists elsewhere. Importing the same file twice changes nothing; an
updated file changes balances and days past due without touching who holds the case or
what happened on it. Problem reasons never quote personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.domain import identity
from agentdesk.server import documents, persons
from agentdesk.server.intake_fields import (
    FieldError,
    cell_text,
    normalize_national_id,
    normalize_phone,
    parse_amount,
    parse_date,
    parse_days,
)
from agentdesk.server.intake_payments import PaymentImport, import_payments, settle_promises
from agentdesk.server.intake_table import MAX_ROWS, IntakeError, Table, columns, read_table
from agentdesk.server.models import Account, Case, ContactPoint, Debtor, new_id
from agentdesk.server.sync import next_seqs, touch

CHUNK = 5000
CASE_REQUIRED = ("name", "national_id", "account_no", "overdue_amount")
# One wording for every row that would reach another team's data: it must not tell which.
NOT_YOURS = "cannot be imported into this team: an administrator can check the account and the person"

__all__ = ["MAX_ROWS", "CaseImport", "CaseRow", "IntakeError", "ParsedCases", "PaymentImport", "apply_cases",
           "import_cases", "import_payments", "parse_cases", "settle_promises"]


def _time_zone(province: str) -> str:
    # China keeps one legal zone, but Xinjiang lives on local time: calling hours follow the debtor.
    return "Asia/Urumqi" if province.startswith("新疆") else "Asia/Shanghai"


def local_today(now: datetime) -> date:
    """The lenders' business day: their files are dated in China time."""
    return now.astimezone(ZoneInfo("Asia/Shanghai")).date()


@dataclass
class CaseRow:
    row: int
    name: str
    national_id: str
    account_no: str
    product: str
    principal: int
    outstanding: int
    overdue: int
    dpd: int
    due_date: date
    province: str
    city: str
    birth_date: date | None
    phone: str | None
    emergency: list[tuple[str, str, str]] = field(default_factory=list)  # (name, phone, relation)


@dataclass
class ParsedCases:
    """A placement file read and checked, not yet written."""

    table: Table
    good: list[CaseRow]
    problems: list[contract.RowProblem]
    count: int  # data rows (blank and totals rows left out)
    file_level: bool  # a problem of the whole file (a missing column): nothing can be imported


class _Cells:
    """One data row's cells by field, and the problems found in it (named by the file's own headers)."""

    def __init__(self, number: int, table: Table, raw: list[Any]) -> None:
        self.number, self.table = number, table
        self.values = {name: raw[i] if i < len(raw) else None for i, name in table.mapped.items()}
        self.problems: list[contract.RowProblem] = []

    def blank(self, name: str) -> bool:
        return not cell_text(self.values.get(name))

    def bad(self, name: str, reason: str) -> None:
        self.problems.append(contract.RowProblem(row=self.number, column=self.table.header_of(name), reason=reason))

    def text(self, name: str, limit: int, required: bool = False) -> str:
        value = cell_text(self.values.get(name))
        if required and not value:
            self.bad(name, "empty; this column is required")
        elif len(value) > limit:
            self.bad(name, f"longer than {limit} characters")
            return value[:limit]
        return value

    def checked(self, name: str, check: Callable[[Any], Any], required: bool = False) -> Any:
        """`check(cell)` for a filled cell; None for an empty one (a problem if required)."""
        if self.blank(name):
            if required:
                self.bad(name, "empty; this column is required")
            return None
        try:
            return check(self.values[name])
        except FieldError as exc:
            self.bad(name, str(exc))
            return None


def _missing_columns(table: Table, required: tuple[str, ...], known: dict[str, tuple[str, ...]]
                     ) -> list[contract.RowProblem]:
    have = set(table.mapped.values())
    return [contract.RowProblem(row=table.header_row, column=name,
                                reason=f"missing column; name it one of: {', '.join(known[name][:4])}")
            for name in required if name not in have]


def parse_cases(data: bytes, filename: str, today: date) -> ParsedCases:
    """Read a placement and check every row; raises IntakeError for a file that is no table."""
    known = columns().cases
    table = read_table(data, filename, known)
    problems = _missing_columns(table, CASE_REQUIRED, known)
    have = set(table.mapped.values())
    if "days_past_due" not in have and "due_date" not in have:
        problems.append(contract.RowProblem(
            row=table.header_row, column="days_past_due",
            reason="missing column: give 逾期天数 (days_past_due) or 到期日 (due_date)"))
    if problems:
        return ParsedCases(table, [], problems, len(table.rows), file_level=True)
    good: list[CaseRow] = []
    seen: dict[str, int] = {}
    for number, raw in table.rows:
        row = _case_row(_Cells(number, table, raw), seen, today)
        if isinstance(row, CaseRow):
            good.append(row)
        else:
            problems += row
    return ParsedCases(table, good, problems, len(table.rows), file_level=False)


def _case_row(cells: _Cells, seen: dict[str, int], today: date) -> CaseRow | list[contract.RowProblem]:
    name = cells.text("name", 100, required=True)
    national_id = cells.checked("national_id", lambda v: normalize_national_id(cell_text(v)), required=True)
    account_no = cells.text("account_no", 64, required=True)
    if account_no in seen:
        cells.bad("account_no", f"the same account number is on row {seen[account_no]}")
    elif account_no:
        seen[account_no] = cells.number
    overdue = cells.checked("overdue_amount", parse_amount, required=True)
    outstanding = cells.checked("outstanding", parse_amount)
    principal = cells.checked("principal", parse_amount)
    dpd = cells.checked("days_past_due", parse_days)
    due = cells.checked("due_date", parse_date)
    birth = cells.checked("birth_date", parse_date)
    phone = cells.checked("phone", lambda v: normalize_phone(cell_text(v)))
    emergency = []
    for suffix in ("", "1", "2", "3"):
        e_phone = cells.checked(f"emergency_phone{suffix}", lambda v: normalize_phone(cell_text(v)))
        if e_phone:
            emergency.append((cell_text(cells.values.get(f"emergency_name{suffix}"))[:100], e_phone,
                              cell_text(cells.values.get(f"emergency_relation{suffix}"))[:20]))
    if dpd is None and due is None and not cells.problems:
        have = set(cells.table.mapped.values())
        cells.bad("days_past_due" if "days_past_due" in have else "due_date", "give days past due or a due date")
    if cells.problems:
        return cells.problems
    assert overdue is not None and national_id is not None
    if dpd is None:
        dpd = max(0, (today - due).days)
    outstanding = outstanding if outstanding is not None else (principal if principal is not None else overdue)
    return CaseRow(
        row=cells.number, name=name, national_id=national_id, account_no=account_no,
        product=cells.text("product", 100), principal=principal if principal is not None else outstanding,
        outstanding=outstanding, overdue=overdue, dpd=dpd, due_date=due or today - timedelta(days=dpd),
        province=cells.text("province", 50), city=cells.text("city", 50), birth_date=birth, phone=phone,
        emergency=emergency)


@dataclass
class CaseImport:
    report: contract.ImportReport
    touched_agents: set[str] = field(default_factory=set)
    touched_teams: set[str] = field(default_factory=set)
    refused_elsewhere: int = 0  # rows that named another team's data: for the audit, never the report


def import_cases(session: Session, data: bytes, filename: str, lender: str, team_id: str,
                 accept_good_rows: bool = False, *, now: datetime) -> CaseImport:
    """Read, check and write a placement in one go (the CLI's way; the API parses first)."""
    return apply_cases(session, parse_cases(data, filename, local_today(now)), lender, team_id, accept_good_rows,
                       now=now)


def apply_cases(session: Session, parsed: ParsedCases, lender: str, team_id: str, accept_good_rows: bool = False,
                *, now: datetime) -> CaseImport:
    """Create new cases (unassigned, in `team_id`) and update balances of the team's known accounts."""
    problems = list(parsed.problems)
    known = _known_accounts(session, lender, [r.account_no for r in parsed.good])
    others = _debtors_elsewhere(session, team_id, [r.national_id for r in parsed.good])
    good: list[CaseRow] = []
    refused = 0
    for r in parsed.good:
        hit = known.get(r.account_no)
        if (hit is not None and hit[1].team_id != team_id) or (hit is None and r.national_id in others):
            column = "account_no" if hit is not None else "national_id"
            problems.append(contract.RowProblem(row=r.row, column=parsed.table.header_of(column), reason=NOT_YOURS))
            refused += 1
        else:
            good.append(r)
    problems.sort(key=lambda p: p.row)
    bad_rows = len({p.row for p in problems if not parsed.file_level})

    def report(imported: bool, created: int = 0, updated: int = 0, unchanged: int = 0) -> contract.ImportReport:
        return contract.ImportReport(imported=imported, rows=parsed.count, created=created, updated=updated,
                                     unchanged=unchanged, rejected_rows=parsed.count if parsed.file_level else bad_rows,
                                     problems=problems, header_row=parsed.table.header_row,
                                     columns=parsed.table.taken())

    if parsed.file_level or (problems and not accept_good_rows):
        return CaseImport(report(False), refused_elsewhere=refused)
    updated, unchanged = 0, 0
    changed_cases: dict[str, Case] = {}
    fresh: list[CaseRow] = []
    for r in good:
        if r.account_no not in known:
            fresh.append(r)
            continue
        account, case = known[r.account_no]
        new = {"principal_minor": r.principal, "outstanding_minor": r.outstanding, "overdue_minor": r.overdue,
               "days_past_due": r.dpd, "due_date": r.due_date}
        if r.product:
            new["product"] = r.product
        if all(getattr(account, k) == v for k, v in new.items()):
            unchanged += 1
            continue
        for k, v in new.items():
            setattr(account, k, v)
        updated += 1
        changed_cases[case.id] = case
    created = _create(session, fresh, lender, team_id, changed_cases, now)
    session.flush()
    touch(session, list(changed_cases.values()))
    result = CaseImport(report(True, created, updated, unchanged), refused_elsewhere=refused)
    for case in changed_cases.values():
        if case.assigned_agent_id:
            result.touched_agents.add(case.assigned_agent_id)
        if case.team_id:
            result.touched_teams.add(case.team_id)
    if created:
        result.touched_teams.add(team_id)
    return result


def _known_accounts(session: Session, lender: str, numbers: list[str]) -> dict[str, tuple[Account, Case]]:
    """The lender's accounts with these numbers, whichever team holds them."""
    known: dict[str, tuple[Account, Case]] = {}
    for start in range(0, len(numbers), CHUNK):
        for account, case in session.execute(
                select(Account, Case).join(Case, Case.id == Account.case_id)
                .where(Case.lender == lender, Account.account_no.in_(numbers[start:start + CHUNK]))):
            known[account.account_no] = (account, case)
    return known


def _person_key(national_id: str) -> str:
    """The person behind a row (agentdesk.domain.identity), as `Debtor.person_key` holds it."""
    return identity.normalize_national_id(national_id)[:32]


def _debtors_elsewhere(session: Session, team_id: str, national_ids: list[str]) -> set[str]:
    """The rows' IDs whose person has an open case held by another team (or by none)."""
    keys = {_person_key(nid): nid for nid in national_ids}
    wanted = sorted(keys)
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        found.update(keys[k] for k in session.scalars(
            select(Debtor.person_key).join(Case, Case.debtor_id == Debtor.id)
            .where(Debtor.person_key.in_(wanted[start:start + CHUNK]), Case.status != "closed",
                   (Case.team_id != team_id) | Case.team_id.is_(None))))
    return found


def _create(session: Session, fresh: list[CaseRow], lender: str, team_id: str,
            changed_cases: dict[str, Case], now: datetime) -> int:
    """New accounts: onto the debtor's open case with this lender in this team if there is one, else a new case."""
    if not fresh:
        return 0
    keys = {_person_key(r.national_id): r.national_id for r in fresh}
    wanted = sorted(keys)
    open_cases: dict[str, Case] = {}
    for start in range(0, len(wanted), CHUNK):
        for case, key in session.execute(
                select(Case, Debtor.person_key).join(Debtor, Debtor.id == Case.debtor_id)
                .where(Case.lender == lender, Case.status != "closed", Case.team_id == team_id,
                       Debtor.person_key.in_(wanted[start:start + CHUNK]))):
            open_cases.setdefault(keys[key], case)
    by_debtor: dict[str, list[CaseRow]] = {}
    for r in fresh:
        by_debtor.setdefault(r.national_id, []).append(r)
    new_debtors = [nid for nid in by_debtor if nid not in open_cases]
    seqs = iter(next_seqs(session, len(new_debtors))) if new_debtors else iter(())
    # A number already marked invalid or do-not-contact on another case keeps its mark here.
    marked = persons.marked_numbers(session, {persons.phone_number(p) for r in fresh
                                              for p in [r.phone, *(e[1] for e in r.emergency)] if p} - {None})
    debtors, cases, accounts, points = [], [], [], []
    ref = f"{lender[:20]}-{now:%Y%m%d}"
    for nid, group in by_debtor.items():
        first = group[0]
        if nid in open_cases:
            case_id = open_cases[nid].id
            changed_cases[case_id] = open_cases[nid]
        else:
            debtor_id, case_id = new_id(), new_id()
            debtors.append(dict(id=debtor_id, name=first.name, national_id=nid,
                                person_key=_person_key(nid), birth_date=first.birth_date,
                                province=first.province, city=first.city, time_zone=_time_zone(first.province)))
            cases.append(dict(id=case_id, debtor_id=debtor_id, lender=lender, placement_ref=ref, status="open",
                              hold_reason=None, assigned_agent_id=None, team_id=team_id, consent_late_calls=False,
                              seq=next(seqs), created_at=now))
            points += _contact_points(case_id, group, marked, now)
        for r in group:
            accounts.append(dict(id=new_id(), case_id=case_id, account_no=r.account_no, product=r.product,
                                 currency="CNY", principal_minor=r.principal, outstanding_minor=r.outstanding,
                                 overdue_minor=r.overdue, fees_minor=0, due_date=r.due_date, days_past_due=r.dpd))
    for model, batch in ((Debtor, debtors), (Case, cases), (Account, accounts), (ContactPoint, points)):
        if batch:
            session.execute(insert(model), batch)
    documents.mark_stale(session, [c["id"] for c in cases])
    return len(accounts)


def _contact_points(case_id: str, group: list[CaseRow], marked: dict[str, str], now: datetime
                    ) -> list[dict[str, Any]]:
    """The debtor's numbers first, then the emergency contacts'; each number once per case.
    A number already marked invalid or do-not-contact on another case keeps its mark here."""
    points: list[dict[str, Any]] = []
    position = 0
    for r in group:
        for phone, owner, name, relation in ([(r.phone, "debtor", None, None)] if r.phone else []) + [
                (p, "emergency", n or None, rel or None) for n, p, rel in r.emergency]:
            if any(p["value"] == phone for p in points):
                continue
            number = persons.phone_number(phone)
            points.append(dict(id=new_id(), case_id=case_id, position=position if owner == "debtor" else 10 + position,
                               kind="phone", value=phone, number=number, owner=owner, relation=relation,
                               contact_name=name, status=marked.get(number or "", "valid"),
                               source="lender" if owner == "debtor" else "application", created_at=now,
                               added_by=None))
            position += 1
    return points
