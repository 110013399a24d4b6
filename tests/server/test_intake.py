"""Lender files in: a placement creates unassigned cases a lead then assigns; re-import
changes nothing; an updated file changes balances only; a bad file is reported row by row;
the payments feed settles promises. Through the CLI and the upload endpoint."""

from __future__ import annotations

import io
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlalchemy import func, select

from agentdesk import clock
from agentdesk.clock import local_today
from agentdesk.server import cli
from agentdesk.server.db import Database
from agentdesk.server.models import Account, Case, ContactPoint, Payment, PromiseToPay
from tests.server.helpers import login, pull_all, user_id

HEADER = ["姓名", "身份证号", "手机号", "逾期金额(元)", "逾期天数", "合同号", "产品", "本金", "剩余本金",
          "到期日", "省份", "城市", "紧急联系人", "紧急联系人电话", "关系"]


def resident_id(i: int, born: str = "19900307") -> str:
    """A well-formed 18-digit resident ID (GB 11643 check character computed here, independently)."""
    first17 = f"110105{born}{i % 1000:03d}"
    weights = [2 ** (17 - k) % 11 for k in range(17)]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def _row(i: int, overdue: str = "1,234.50", dpd: int = 45) -> list[str]:
    return [f"测试{i}", resident_id(i), f"1390000{i:04d}", overdue, str(dpd), f"HT-{i:05d}", "现金贷",
            "10000", "8,000.00", "2026-01-15", "新疆维吾尔自治区" if i == 1 else "广东省", "广州市",
            f"联系人{i}", f"1370000{i:04d}", "配偶"]


def _csv(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    return "\n".join(",".join(f'"{v}"' for v in r) for r in [header, *rows]).encode("utf-8")


def _upload(api: TestClient, headers: dict[str, str], data: bytes, name: str = "placement.csv",
            **form: str) -> dict:
    response = api.post("/v1/intake/cases", headers=headers, files={"file": (name, data)},
                        data={"lender": "星河消费金融", **form})
    assert response.status_code == 200, response.text
    return response.json()


def test_placement_lands_unassigned_and_reimport_changes_nothing(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    _, cursor = pull_all(api, lead)
    data = _csv([_row(i) for i in range(1, 6)])
    report = _upload(api, lead, data)
    pricing = report.pop("pricing")  # the strategy engine's price of the batch (tests/server/test_strategy_*.py)
    assert pricing["cases"] == 5 and pricing["overdue_minor"] > 0
    assert {k: v for k, v in report.items() if k not in ("columns", "header_row")} == {
        "imported": True, "rows": 5, "created": 5, "updated": 0, "unchanged": 0, "rejected_rows": 0, "problems": []}
    with db.transaction() as s:
        new = s.scalars(select(Case).join(Account).where(Account.account_no.like("HT-%"))).all()
        assert len(new) == 5 and all(c.assigned_agent_id is None and c.team_id for c in new)
        account = s.scalar(select(Account).where(Account.account_no == "HT-00001"))
        assert account is not None and account.overdue_minor == 123450 and account.outstanding_minor == 800000
        assert account.principal_minor == 1000000 and account.days_past_due == 45
        first = s.get(Case, account.case_id)
        assert first is not None and first.debtor.time_zone == "Asia/Urumqi"
        points = s.scalars(select(ContactPoint).where(ContactPoint.case_id == account.case_id)).all()
        assert {(p.owner, p.relation) for p in points} == {("debtor", None), ("emergency", "配偶")}
        seq_before = {c.id: c.seq for c in new}
    # The lead's replica gets the new cases; the team's leads then assign them.
    assert len({c["id"] for c in pull_all(api, lead, cursor)[0] if c["entity"] == "case"}) == 5

    again = _upload(api, lead, data)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 5)
    with db.transaction() as s:
        assert {c.id: c.seq for c in s.scalars(select(Case).where(Case.id.in_(list(seq_before))))} == seq_before

    # The lead assigns the fresh cases with the ordinary reassignment, by filter.
    moved = api.post("/v1/cases/reassign", headers=lead, json={
        "filter": {"unassigned": True}, "mode": "even",
        "agent_ids": [user_id(db, "agent01"), user_id(db, "agent02")]}).json()
    assert moved["total_cases"] == 5
    # An updated file changes balances and days past due, not owners or history.
    changed = _csv([_row(1, overdue="999.00", dpd=50)] + [_row(i) for i in range(2, 6)])
    update = _upload(api, lead, changed)
    assert (update["created"], update["updated"], update["unchanged"]) == (0, 1, 4)
    with db.transaction() as s:
        account = s.scalar(select(Account).where(Account.account_no == "HT-00001"))
        assert account is not None and account.overdue_minor == 99900 and account.days_past_due == 50
        case = s.get(Case, account.case_id)
        assert case is not None and case.assigned_agent_id is not None and case.seq > seq_before[case.id]


def test_a_bad_file_is_reported_and_imports_nothing_unless_asked(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    bad = _row(2, overdue="12.345")
    bad[1] = "???"
    rows = [_row(1), bad, _row(3)]
    report = _upload(api, lead, _csv(rows))
    assert report["imported"] is False and report["created"] == 0 and report["rejected_rows"] == 1
    assert {(p["row"], p["column"]) for p in report["problems"]} == {(3, "身份证号"), (3, "逾期金额(元)")}
    assert all("???" not in p["reason"] for p in report["problems"])  # no personal data echoed
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Account).where(Account.account_no.like("HT-%"))) == 0
    partial = _upload(api, lead, _csv(rows), accept_good_rows="true")
    assert partial["imported"] is True and partial["created"] == 2 and partial["rejected_rows"] == 1
    missing = _upload(api, lead, _csv([["a", "b"]], header=["姓名", "备注"]))
    assert missing["imported"] is False and {p["column"] for p in missing["problems"]} >= {"national_id",
                                                                                        "account_no"}
    garbage = api.post("/v1/intake/cases", headers=lead, files={"file": ("x.xlsx", b"PK\x03\x04nope")},
                       data={"lender": "星河消费金融"})
    assert garbage.status_code == 422 and garbage.json()["code"] == "unreadable_file"
    agent = api.post("/v1/intake/cases", headers=login(api, "agent01"), files={"file": ("x.csv", b"a")},
                     data={"lender": "x"})
    assert agent.status_code == 403


def test_xlsx_with_english_headers_and_numeric_cells(api: TestClient, db: Database) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "National ID", "Phone", "Overdue Amount", "Due Date", "Account No", "Outstanding"])
    sheet.append(["Li Lei", resident_id(7), 13900001111, 1500.5, datetime(2026, 1, 1), "EN-1", 20000])
    buffer = io.BytesIO()
    book.save(buffer)
    report = _upload(api, login(api, "admin"), buffer.getvalue(), name="placement.xlsx",
                     team_id=_team_of(db, "agent01"))
    assert report["created"] == 1, report
    with db.transaction() as s:
        account = s.scalar(select(Account).where(Account.account_no == "EN-1"))
        assert account is not None and account.overdue_minor == 150050 and account.outstanding_minor == 2000000
        assert account.due_date == date(2026, 1, 1) and account.days_past_due > 0


def _team_of(db: Database, username: str) -> str:
    from agentdesk.server.models import User

    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None and user.team_id
        return user.team_id


def test_cli_imports_cases_and_payments_settle_promises(db: Database, tmp_path: Path, capsys: object) -> None:
    placement = tmp_path / "placement.csv"
    placement.write_bytes(_csv([_row(i) for i in range(1, 4)]))
    url = db.url
    assert cli.main(["--database-url", url, "import", "cases", str(placement), "--lender", "星河消费金融",
                     "--team", "催收一组"]) == 0
    with db.transaction() as s:
        accounts = {a.account_no: a for a in s.scalars(select(Account).where(Account.account_no.like("HT-%")))}
        today = local_today("Asia/Shanghai")
        created = clock.now() - timedelta(days=10)
        # Promise 1 is due and fully paid: kept. Promise 2 is due and short: broken. Promise 3 is not yet due.
        for i, (amount, due) in enumerate(((50000, today - timedelta(days=2)), (50000, today - timedelta(days=1)),
                                           (50000, today + timedelta(days=5))), start=1):
            s.add(PromiseToPay(id=str(uuid.uuid4()), case_id=accounts[f"HT-{i:05d}"].case_id, amount_minor=amount,
                               due_date=due, created_at=created))
    pay_day = (local_today("Asia/Shanghai") - timedelta(days=3)).isoformat()
    payments = tmp_path / "payments.csv"
    payments.write_text(f"合同号,还款金额,还款日期\nHT-00001,500.00,{pay_day}\nHT-00002,100,{pay_day}\n",
                        encoding="utf-8")
    assert cli.main(["--database-url", url, "import", "payments", str(payments)]) == 0
    assert cli.main(["--database-url", url, "import", "payments", str(payments)]) == 0  # again: no double count
    with db.transaction() as s:
        statuses = {s.scalar(select(Account.account_no).where(Account.case_id == p.case_id)): p.status
                    for p in s.scalars(select(PromiseToPay).where(PromiseToPay.due_date >= today - timedelta(days=3),
                                                                  PromiseToPay.created_at == created))}
        assert statuses == {"HT-00001": "kept", "HT-00002": "broken", "HT-00003": "pending"}
        assert s.scalar(select(func.count()).select_from(Payment).where(Payment.account_id.is_not(None))) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("合同号,还款金额,还款日期\nNOPE,abc,2026-13-01\n", encoding="utf-8")
    assert cli.main(["--database-url", url, "import", "payments", str(bad)]) == 1
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "row 2, column 还款金额" in err and "row 2, column 还款日期" in err
