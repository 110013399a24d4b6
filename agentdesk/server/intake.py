"""Lender files in: placements (cases) and the payments feed, from CSV or XLSX.

Lenders send spreadsheets with Chinese or English headers in no fixed order, so columns
are found by name (HEADERS). Every row is checked before anything is written: a bad file
yields a report of row, column and reason and imports nothing, unless the caller asks to
take the good rows. Accounts are keyed by (lender, account number), so importing the same
file twice changes nothing, and an updated file changes balances and days past due
without touching who holds the case or what happened on it. Amounts go through
Money.parse: never through float. Problem reasons never quote personal data.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.domain.identity import normalize_national_id
from agentdesk.domain.money import Money, MoneyFormatError
from agentdesk.server import documents, persons
from agentdesk.server.models import Account, Case, ContactPoint, Debtor, Payment, PromiseToPay, new_id
from agentdesk.server.sync import next_seqs, touch

MAX_ROWS = 200_000
CHUNK = 5000

_CASE_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "客户姓名", "借款人姓名", "借款人", "name", "debtorname", "customername", "fullname"),
    "national_id": ("身份证号", "身份证号码", "证件号码", "身份证", "nationalid", "idnumber", "idno", "idcard"),
    "phone": ("手机号", "手机号码", "联系电话", "电话", "本人电话", "phone", "mobile", "phonenumber", "mobilephone"),
    "overdue_amount": ("逾期金额", "逾期总额", "应还金额", "逾期应还", "overdueamount", "overdue", "amountoverdue"),
    "days_past_due": ("逾期天数", "dayspastdue", "dpd", "overduedays"),
    "account_no": ("账号", "合同号", "合同编号", "借据号", "贷款账号", "卡号", "accountno", "accountnumber",
                   "contractno", "loanno", "account"),
    "product": ("产品", "产品名称", "贷款产品", "product", "productname"),
    "principal": ("本金", "贷款本金", "借款金额", "贷款金额", "principal", "loanamount"),
    "outstanding": ("剩余本金", "欠款余额", "未还本金", "贷款余额", "outstanding", "balance", "outstandingbalance"),
    "due_date": ("到期日", "应还款日", "还款日", "到期日期", "duedate"),
    "province": ("省份", "省", "province"),
    "city": ("城市", "市", "city"),
    "birth_date": ("出生日期", "birthdate", "dateofbirth"),
    "emergency_name": ("紧急联系人", "紧急联系人姓名", "联系人姓名", "emergencycontact", "emergencyname"),
    "emergency_phone": ("紧急联系人电话", "紧急联系人手机", "紧急联系人手机号", "联系人电话", "emergencyphone"),
    "emergency_relation": ("关系", "与本人关系", "紧急联系人关系", "联系人关系", "relation", "emergencyrelation"),
}
_PAYMENT_HEADERS: dict[str, tuple[str, ...]] = {
    "account_no": _CASE_HEADERS["account_no"],
    "amount": ("还款金额", "实还金额", "金额", "amount", "paidamount", "paymentamount"),
    "paid_on": ("还款日期", "实还日期", "日期", "paidon", "paymentdate", "paiddate", "date"),
}
CASE_REQUIRED = ("name", "national_id", "account_no", "overdue_amount")
PAYMENT_REQUIRED = ("account_no", "amount", "paid_on")


class IntakeError(ValueError):
    """A file that cannot be read at all (not CSV/XLSX, empty, too large)."""


def _norm(header: str) -> str:
    text = re.sub(r"[（(][^)）]*[)）]", "", str(header or ""))
    return re.sub(r"[\s_\-:：./]", "", text).lower()


def map_headers(headers: list[str], known: dict[str, tuple[str, ...]]) -> dict[int, str]:
    """Column index → field; numbered emergency columns (紧急联系人2, relation_2 …) get the number appended."""
    lookup = {_norm(alias): name for name, aliases in known.items() for alias in aliases}
    mapped: dict[int, str] = {}
    for i, header in enumerate(headers):
        key = _norm(header)
        if key in lookup:
            mapped[i] = lookup[key]
            continue
        numbered = re.fullmatch(r"(\D+?)(\d)(\D*)", key)
        if numbered:
            base = lookup.get(numbered.group(1) + numbered.group(3))
            if base and base.startswith("emergency_"):
                mapped[i] = f"{base}{numbered.group(2)}"
    return mapped


def read_table(data: bytes, filename: str = "") -> tuple[list[str], list[list[Any]]]:
    """The header row and the data rows of a CSV (UTF-8 or GB18030) or XLSX file; blank rows kept as []."""
    if filename.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        rows = _read_xlsx(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError as exc:
                raise IntakeError("the file is neither UTF-8 nor GB18030 text nor an XLSX workbook") from exc
        if "\x00" in text:
            raise IntakeError("the file is not a CSV text file; save it as CSV (UTF-8) or XLSX")
        rows = [list(r) for r in csv.reader(io.StringIO(text))]
    while rows and not any(_blank(v) is False for v in rows[0]):
        rows.pop(0)
    if not rows:
        raise IntakeError("the file is empty: it needs a header row and at least one data row")
    if len(rows) - 1 > MAX_ROWS:
        raise IntakeError(f"the file has {len(rows) - 1} rows; split it into files of at most {MAX_ROWS}")
    return [str(h or "").strip() for h in rows[0]], rows[1:]


def _read_xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise IntakeError("the file is not a readable XLSX workbook; save it again as .xlsx or CSV") from exc
    try:
        sheet = book.worksheets[0]
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if value is not None else ""


def parse_amount(value: Any) -> int:
    """Minor units from "1,500.00", "¥1500元" or a spreadsheet number, without float arithmetic."""
    if isinstance(value, bool):
        raise MoneyFormatError("not an amount")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = format(Decimal(repr(value)).normalize(), "f")
    else:
        text = str(value).strip().replace("元", "").replace("CNY", "").replace("RMB", "").strip()
    return Money.parse(text).minor


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y-%m-%d %H:%M:%S")


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("not a date: write it like 2026-03-31")


def _phone(value: Any) -> str:
    digits = re.sub(r"[\s\-()]", "", _text(value))
    if not re.fullmatch(r"\+?\d{5,20}", digits):
        raise ValueError("not a phone number (5 to 20 digits)")
    return digits


def _time_zone(province: str) -> str:
    # China keeps one legal zone, but Xinjiang lives on local time: calling hours follow the debtor.
    return "Asia/Urumqi" if province.startswith("新疆") else "Asia/Shanghai"


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


def _local_today(now: datetime) -> date:
    """The lenders' business day: their files are dated in China time."""
    return now.astimezone(ZoneInfo("Asia/Shanghai")).date()


def _missing_columns(mapped: dict[int, str], required: Iterable[str],
                     known: dict[str, tuple[str, ...]]) -> list[contract.RowProblem]:
    have = set(mapped.values())
    return [contract.RowProblem(row=1, column=name,
                                reason=f"missing column; name it one of: {', '.join(known[name][:4])}")
            for name in required if name not in have]


def parse_case_rows(headers: list[str], rows: list[list[Any]],
                    today: date) -> tuple[list[CaseRow], list[contract.RowProblem], int]:
    """Checked rows, the problems found, and how many data rows there were (blank rows skipped)."""
    mapped = map_headers(headers, _CASE_HEADERS)
    problems = _missing_columns(mapped, CASE_REQUIRED, _CASE_HEADERS)
    if "days_past_due" not in mapped.values() and "due_date" not in mapped.values():
        problems.append(contract.RowProblem(row=1, column="days_past_due",
                                            reason="missing column: give 逾期天数 (days_past_due) "
                                                   "or 到期日 (due_date)"))
    if problems:
        return [], problems, sum(1 for r in rows if any(not _blank(v) for v in r))
    good: list[CaseRow] = []
    seen: dict[str, int] = {}
    count = 0
    for offset, raw in enumerate(rows):
        if not any(not _blank(v) for v in raw):
            continue
        count += 1
        number = offset + 2
        cells = _Row(number, headers, mapped, raw)
        values, row_problems, bad, text, amount = cells.values, cells.problems, cells.bad, cells.text, cells.amount
        name = text("name", 100, required=True)
        national_id = text("national_id", 32, required=True)
        if national_id and not re.fullmatch(r"[0-9A-Za-z]{6,32}", national_id):
            bad("national_id", "not an ID number (6 to 32 letters or digits)")
        account_no = text("account_no", 64, required=True)
        if account_no in seen:
            bad("account_no", f"the same account number is on row {seen[account_no]}")
        elif account_no:
            seen[account_no] = number
        overdue = amount("overdue_amount")
        if overdue is None and "overdue_amount" in mapped.values() and _blank(values.get("overdue_amount")):
            bad("overdue_amount", "empty; this column is required")
        outstanding = amount("outstanding")
        principal = amount("principal")
        dpd: int | None = None
        if not _blank(values.get("days_past_due")):
            dpd_text = _text(values["days_past_due"]).replace("天", "").strip()
            if re.fullmatch(r"\d{1,5}", dpd_text):
                dpd = int(dpd_text)
            else:
                bad("days_past_due", "not a whole number of days")
        due: date | None = None
        if not _blank(values.get("due_date")):
            try:
                due = parse_date(values["due_date"])
            except ValueError as exc:
                bad("due_date", str(exc))
        birth: date | None = None
        if not _blank(values.get("birth_date")):
            try:
                birth = parse_date(values["birth_date"])
            except ValueError as exc:
                bad("birth_date", str(exc))
        phone = None
        if not _blank(values.get("phone")):
            try:
                phone = _phone(values["phone"])
            except ValueError as exc:
                bad("phone", str(exc))
        emergency = []
        for suffix in ("", "1", "2", "3"):
            e_phone = values.get(f"emergency_phone{suffix}")
            if _blank(e_phone):
                continue
            try:
                emergency.append((_text(values.get(f"emergency_name{suffix}"))[:100], _phone(e_phone),
                                  _text(values.get(f"emergency_relation{suffix}"))[:20]))
            except ValueError as exc:
                bad(f"emergency_phone{suffix}", str(exc))
        if row_problems:
            problems += row_problems
            continue
        if dpd is None and due is None:
            problems.append(contract.RowProblem(row=number, column=headers[_col(mapped, "days_past_due")
                                                if "days_past_due" in mapped.values() else _col(mapped, "due_date")],
                                                reason="give days past due or a due date"))
            continue
        assert overdue is not None
        if dpd is None:
            assert due is not None
            dpd = max(0, (today - due).days)
        outstanding = outstanding if outstanding is not None else (principal if principal is not None else overdue)
        good.append(CaseRow(
            row=number, name=name, national_id=national_id.upper(), account_no=account_no,
            product=text("product", 100), principal=principal if principal is not None else outstanding,
            outstanding=outstanding, overdue=overdue, dpd=dpd, due_date=due or today - timedelta(days=dpd),
            province=text("province", 50), city=text("city", 50), birth_date=birth, phone=phone,
            emergency=emergency))
    return good, problems, count


def _col(mapped: dict[int, str], name: str) -> int:
    return next(i for i, n in mapped.items() if n == name)


class _Row:
    """One data row's cells by field, and the problems found in it (named by the file's own headers)."""

    def __init__(self, number: int, headers: list[str], mapped: dict[int, str], raw: list[Any]) -> None:
        self.number, self.headers, self.mapped = number, headers, mapped
        self.values = {name: raw[i] if i < len(raw) else None for i, name in mapped.items()}
        self.problems: list[contract.RowProblem] = []

    def bad(self, column: str, reason: str) -> None:
        self.problems.append(contract.RowProblem(row=self.number, column=self.headers[_col(self.mapped, column)],
                                                 reason=reason))

    def text(self, name: str, limit: int, required: bool = False) -> str:
        value = _text(self.values.get(name))
        if required and not value:
            self.bad(name, "empty; this column is required")
        elif len(value) > limit:
            self.bad(name, f"longer than {limit} characters")
            return value[:limit]
        return value

    def amount(self, name: str) -> int | None:
        if _blank(self.values.get(name)):
            return None
        try:
            return parse_amount(self.values[name])
        except MoneyFormatError:
            self.bad(name, "not an amount: write it like 1500 or 1,500.00")
            return None


@dataclass
class CaseImport:
    report: contract.ImportReport
    touched_agents: set[str] = field(default_factory=set)
    touched_teams: set[str] = field(default_factory=set)


def import_cases(session: Session, data: bytes, filename: str, lender: str, team_id: str | None,
                 accept_good_rows: bool = False, *, now: datetime) -> CaseImport:
    """Create new cases (unassigned, in `team_id`) and update balances of known accounts."""
    headers, rows = read_table(data, filename)
    good, problems, count = parse_case_rows(headers, rows, _local_today(now))
    bad_rows = len({p.row for p in problems if p.row > 1})
    file_level = any(p.row == 1 for p in problems)
    if file_level or (problems and not accept_good_rows):
        report = contract.ImportReport(imported=False, rows=count, created=0, updated=0, unchanged=0,
                                       rejected_rows=bad_rows if not file_level else count, problems=problems)
        return CaseImport(report)
    known: dict[str, tuple[Account, Case]] = {}
    numbers = [r.account_no for r in good]
    for start in range(0, len(numbers), CHUNK):
        for account, case in session.execute(
                select(Account, Case).join(Case, Case.id == Account.case_id)
                .where(Case.lender == lender, Account.account_no.in_(numbers[start:start + CHUNK]))):
            known[account.account_no] = (account, case)
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
    result = CaseImport(contract.ImportReport(imported=True, rows=count, created=created, updated=updated,
                                              unchanged=unchanged, rejected_rows=bad_rows, problems=problems))
    for case in changed_cases.values():
        if case.assigned_agent_id:
            result.touched_agents.add(case.assigned_agent_id)
        if case.team_id:
            result.touched_teams.add(case.team_id)
    if created and team_id:
        result.touched_teams.add(team_id)
    return result


def _create(session: Session, fresh: list[CaseRow], lender: str, team_id: str | None,
            changed_cases: dict[str, Case], now: datetime) -> int:
    """New accounts: onto the debtor's open case with this lender if there is one, else a new case."""
    if not fresh:
        return 0
    ids = sorted({r.national_id for r in fresh})
    open_cases: dict[str, Case] = {}
    for start in range(0, len(ids), CHUNK):
        for case, nid in session.execute(
                select(Case, Debtor.national_id).join(Debtor, Debtor.id == Case.debtor_id)
                .where(Case.lender == lender, Case.status != "closed", Debtor.national_id.in_(ids[start:start + CHUNK]))
        ):
            open_cases.setdefault(nid, case)
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
                                person_key=normalize_national_id(nid)[:32], birth_date=first.birth_date,
                                province=first.province, city=first.city, time_zone=_time_zone(first.province)))
            cases.append(dict(id=case_id, debtor_id=debtor_id, lender=lender, placement_ref=ref, status="open",
                              hold_reason=None, assigned_agent_id=None, team_id=team_id, consent_late_calls=False,
                              seq=next(seqs), created_at=now))
            position = 0
            for r in group:
                for phone, owner, name, relation in ([(r.phone, "debtor", None, None)] if r.phone else []) + [
                        (p, "emergency", n or None, rel or None) for n, p, rel in r.emergency]:
                    if any(p["value"] == phone and p["case_id"] == case_id for p in points):
                        continue
                    number = persons.phone_number(phone)
                    points.append(dict(id=new_id(), case_id=case_id,
                                       position=position if owner == "debtor" else 10 + position, kind="phone",
                                       value=phone, number=number, owner=owner, relation=relation,
                                       contact_name=name, status=marked.get(number or "", "valid"),
                                       source="lender" if owner == "debtor" else "application",
                                       created_at=now, added_by=None))
                    position += 1
        for r in group:
            accounts.append(dict(id=new_id(), case_id=case_id, account_no=r.account_no, product=r.product,
                                 currency="CNY", principal_minor=r.principal, outstanding_minor=r.outstanding,
                                 overdue_minor=r.overdue, fees_minor=0, due_date=r.due_date, days_past_due=r.dpd))
    for model, batch in ((Debtor, debtors), (Case, cases), (Account, accounts), (ContactPoint, points)):
        if batch:
            session.execute(insert(model), batch)
    documents.mark_stale(session, [c["id"] for c in cases])
    return len(accounts)


# --- payments ---------------------------------------------------------------------------


@dataclass
class PaymentImport:
    report: contract.PaymentsReport
    touched_agents: set[str] = field(default_factory=set)
    touched_teams: set[str] = field(default_factory=set)


def import_payments(session: Session, data: bytes, filename: str, lender: str | None = None,
                    accept_good_rows: bool = False, today: date | None = None,
                    team_id: str | None = None, *, now: datetime) -> PaymentImport:
    """Add the feed's payments (once each) and settle promises: kept when paid, broken when due and unpaid."""
    today = today or _local_today(now)
    headers, rows = read_table(data, filename)
    mapped = map_headers(headers, _PAYMENT_HEADERS)
    problems = _missing_columns(mapped, PAYMENT_REQUIRED, _PAYMENT_HEADERS)
    parsed: list[tuple[int, str, int, date]] = []
    count = 0
    if not problems:
        for offset, raw in enumerate(rows):
            if not any(not _blank(v) for v in raw):
                continue
            count += 1
            values = {name: raw[i] if i < len(raw) else None for i, name in mapped.items()}
            row_problems = []
            account_no = _text(values.get("account_no"))
            if not account_no:
                row_problems.append(("account_no", "empty; this column is required"))
            try:
                amount = parse_amount(values.get("amount") if not _blank(values.get("amount")) else "")
                if amount <= 0:
                    row_problems.append(("amount", "must be more than zero"))
            except MoneyFormatError:
                row_problems.append(("amount", "not an amount: write it like 1500 or 1,500.00"))
            try:
                paid_on = parse_date(values.get("paid_on"))
                if paid_on > today + timedelta(days=1):
                    row_problems.append(("paid_on", "in the future"))
            except ValueError as exc:
                row_problems.append(("paid_on", str(exc)))
            if row_problems:
                problems += [contract.RowProblem(row=offset + 2, column=headers[_col(mapped, c)], reason=why)
                             for c, why in row_problems]
                continue
            parsed.append((offset + 2, account_no, amount, paid_on))
    accounts: dict[str, tuple[str, str]] = {}
    numbers = sorted({p[1] for p in parsed})
    for start in range(0, len(numbers), CHUNK):
        query = (select(Account.account_no, Account.id, Account.case_id).join(Case, Case.id == Account.case_id)
                 .where(Account.account_no.in_(numbers[start:start + CHUNK])))
        if lender:
            query = query.where(Case.lender == lender)
        if team_id:
            query = query.where(Case.team_id == team_id)
        for number, account_id, case_id in session.execute(query):
            accounts[number] = (account_id, case_id)
    found = []
    for row, number, amount, paid_on in parsed:
        if number not in accounts:
            problems.append(contract.RowProblem(row=row, column=headers[_col(mapped, "account_no")],
                                                reason="no account with this number" + (" for this lender" if lender
                                                                                          else "")))
        else:
            found.append((accounts[number], amount, paid_on))
    if any(p.row == 1 for p in problems) or (problems and not accept_good_rows):
        return PaymentImport(contract.PaymentsReport(imported=False, rows=count, payments_added=0, duplicates=0,
                                                     promises_kept=0, promises_broken=0, problems=problems))
    wanted = Counter((acc_id, amount, paid_on) for (acc_id, _case), amount, paid_on in found)
    case_of = {acc_id: case_id for (acc_id, case_id), _a, _p in found}
    have: Counter[tuple[str, int, date]] = Counter()
    ids = sorted(case_of)
    for start in range(0, len(ids), CHUNK):
        for acc_id, amount, paid_on, n in session.execute(
                select(Payment.account_id, Payment.amount_minor, Payment.paid_on, func.count())
                .where(Payment.account_id.in_(ids[start:start + CHUNK]))
                .group_by(Payment.account_id, Payment.amount_minor, Payment.paid_on)):
            have[(acc_id, amount, paid_on)] = n
    new_rows = []
    duplicates = 0
    for key, n in wanted.items():
        missing = max(0, n - have[key])
        duplicates += n - missing
        new_rows += [dict(id=new_id(), case_id=case_of[key[0]], account_id=key[0], amount_minor=key[1],
                          currency="CNY", paid_on=key[2]) for _ in range(missing)]
    if new_rows:
        session.execute(insert(Payment), new_rows)
    paid_cases = {r["case_id"] for r in new_rows}
    kept, broken, settled = settle_promises(session, today, paid_cases)
    touched = list(session.scalars(select(Case).where(Case.id.in_(list(paid_cases | settled))))) if (
        paid_cases | settled) else []
    touch(session, touched)
    result = PaymentImport(contract.PaymentsReport(imported=True, rows=count, payments_added=len(new_rows),
                                                   duplicates=duplicates, promises_kept=kept, promises_broken=broken,
                                                   problems=problems))
    result.touched_agents = {c.assigned_agent_id for c in touched if c.assigned_agent_id}
    result.touched_teams = {c.team_id for c in touched if c.team_id}
    return result


def settle_promises(session: Session, today: date, paid_cases: set[str]) -> tuple[int, int, set[str]]:
    """Pending promises: kept once payments since the promise reach its amount; broken when due and short.

    A broken promise changes the case, so the agent's queue moves it up (priority reads it).
    """
    query = select(PromiseToPay).where(PromiseToPay.status == "pending")
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
