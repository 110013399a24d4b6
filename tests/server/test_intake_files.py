"""Lender files as lenders really send them, through the upload endpoint and the CLI: a title
row and merged title cells above the header, the columns' many names, amounts and dates as
people write them, full-width digits, old 15-digit IDs, a totals row, legacy .xls, bad cells
reported at the row Excel shows, a file that unpacks to half a million rows, and no way to
reach another team's cases through a file."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from agentdesk.clock import local_today
from agentdesk.server import cli
from agentdesk.server.db import Database
from agentdesk.server.intake import NOT_YOURS
from agentdesk.server.models import Account, Case, ContactPoint, Debtor, Payment, PromiseToPay, Team, User
from tests.server.helpers import login
from tests.support.lender_files import expanding_xlsx, resident_id, xls, xlsx

LENDER = "星河消费金融"
HEADER = ["借款合同号", "客户姓名", "证件号码", "手机号码", "逾期总额(元)", "逾期天数", "应还款日", "紧急联系人",
          "紧急联系人电话", "与本人关系"]


def _upload(api: TestClient, headers: dict[str, str], data: bytes, name: str = "placement.xlsx",
            path: str = "/v1/intake/cases", **form: str) -> dict:
    response = api.post(path, headers=headers, files={"file": (name, data)}, data={"lender": LENDER, **form})
    assert response.status_code == 200, response.text
    return response.json()


def _good(i: int, **changes: object) -> list[object]:
    row: dict[str, object] = {"借款合同号": f"XH-{i:05d}", "客户姓名": f"客户{i}", "证件号码": resident_id(i),
                              "手机号码": f"1390000{i:04d}", "逾期总额(元)": "1,500.00", "逾期天数": 31,
                              "应还款日": "", "紧急联系人": f"联系人{i}", "紧急联系人电话": f"1370000{i:04d}",
                              "与本人关系": "配偶"}
    row.update(changes)
    return [row[h] for h in HEADER]


def test_a_lenders_workbook_with_a_merged_title_and_its_own_column_names(api: TestClient, db: Database) -> None:
    full_width_id = resident_id(4).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    old_id = resident_id(5, born="19770101")[:6] + "770101" + resident_id(5, born="19770101")[14:17]
    rows = [
        HEADER,
        _good(1, **{"逾期总额(元)": "12,345.60"}),
        _good(2, **{"逾期总额(元)": "￥3,000", "逾期天数": "", "应还款日": "2026/11/05"}),
        _good(3, **{"逾期总额(元)": "3000元", "逾期天数": "", "应还款日": "2026年11月5日"}),
        _good(4, **{"逾期总额(元)": "1.2万", "证件号码": full_width_id, "手机号码": "１３９ ００００ ０００４"}),
        _good(5, **{"逾期总额(元)": 880.5, "证件号码": old_id, "逾期天数": "", "应还款日": datetime(2026, 10, 1)}),
        _good(6, **{"逾期天数": "", "应还款日": "20261105"}),
        ["合计", "", "", "", "35,726.10", "", "", "", "", ""],
    ]
    data = xlsx(rows, title="星河消费金融 2026年11月 委外催收清单", merge_title=True, blank_rows=1)
    report = _upload(api, login(api, "lead01"), data)
    assert report["imported"] is True and report["problems"] == []
    assert report["header_row"] == 3 and report["rows"] == 6 and report["created"] == 6  # the totals row is no case
    assert report["columns"]["account_no"] == "借款合同号" and report["columns"]["national_id"] == "证件号码"
    assert report["columns"]["overdue_amount"] == "逾期总额(元)" and report["columns"]["phone"] == "手机号码"
    with db.transaction() as s:
        accounts = {a.account_no: a for a in s.scalars(select(Account).where(Account.account_no.like("XH-%")))}
        assert [accounts[f"XH-{i:05d}"].overdue_minor for i in range(1, 7)] == [
            1234560, 300000, 300000, 1200000, 88050, 150000]
        assert accounts["XH-00002"].due_date == accounts["XH-00003"].due_date == date(2026, 11, 5)
        assert accounts["XH-00006"].due_date == date(2026, 11, 5) and accounts["XH-00005"].due_date == date(2026, 10, 1)
        national_ids = {d.name: d.national_id for d in s.scalars(select(Debtor).where(Debtor.name.like("客户%")))}
        assert national_ids["客户4"] == resident_id(4)  # full-width digits made plain
        assert national_ids["客户5"] == resident_id(5, born="19770101")  # 15 digits upgraded to 18
        phone = s.scalar(select(ContactPoint.value).where(ContactPoint.case_id == accounts["XH-00004"].case_id,
                                                          ContactPoint.owner == "debtor"))
        assert phone == "13900000004"


def test_bad_cells_are_reported_where_excel_shows_them_and_good_rows_are_taken_exactly(
        api: TestClient, db: Database) -> None:
    bad_check_digit = resident_id(12)[:17] + ("0" if resident_id(12)[17] != "0" else "1")
    rows = [
        HEADER,
        _good(11),
        _good(12, **{"证件号码": bad_check_digit}),
        _good(13, **{"手机号码": "5551234"}),  # a 7-digit number: no area code
        _good(14),
        _good(15, **{"逾期总额(元)": "99999999999999999999999"}),
        _good(16, **{"逾期总额(元)": "12.345"}),
        _good(17, **{"逾期天数": "", "应还款日": "2026-13-40"}),
        _good(18, **{"客户姓名": ""}),
        _good(19),
        _good(20, **{"借款合同号": "XH-00011"}),  # the same account as row 4
    ]
    data = xlsx(rows, title="委外清单", merge_title=True)  # the header is row 2, the first case row 3
    lead = login(api, "lead01")
    report = _upload(api, lead, data)
    assert report["imported"] is False and report["created"] == 0 and report["rejected_rows"] == 7
    where = {(p["row"], p["column"]) for p in report["problems"]}
    assert where == {(4, "证件号码"), (5, "手机号码"), (7, "逾期总额(元)"), (8, "逾期总额(元)"), (9, "应还款日"),
                     (10, "客户姓名"), (12, "借款合同号")}
    reasons = {p["row"]: p["reason"] for p in report["problems"]}
    assert "check digit" in reasons[4] and "area code" in reasons[5] and "larger than" in reasons[7]
    assert all(bad_check_digit not in p["reason"] and "5551234" not in p["reason"] for p in report["problems"])
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Account).where(Account.account_no.like("XH-%"))) == 0
    taken = _upload(api, lead, data, accept_good_rows="true")
    assert taken["imported"] is True and taken["created"] == 3 and taken["rejected_rows"] == 7
    with db.transaction() as s:
        numbers = set(s.scalars(select(Account.account_no).where(Account.account_no.like("XH-%"))))
    assert numbers == {"XH-00011", "XH-00014", "XH-00019"}


def test_a_legacy_xls_file_is_read(api: TestClient, db: Database) -> None:
    rows = [HEADER, _good(31, **{"逾期天数": "", "应还款日": date(2026, 9, 30)}), _good(32)]
    report = _upload(api, login(api, "lead01"), xls(rows, title="星河 委外清单"), name="placement.xls")
    assert report["imported"] is True and report["created"] == 2 and report["header_row"] == 2
    with db.transaction() as s:
        account = s.scalar(select(Account).where(Account.account_no == "XH-00031"))
        assert account is not None and account.due_date == date(2026, 9, 30)


def test_a_small_file_that_unpacks_to_half_a_million_rows_is_refused_at_once(api: TestClient) -> None:
    data = expanding_xlsx(500_000)
    assert len(data) < 100_000
    start = time.monotonic()
    response = api.post("/v1/intake/cases", headers=login(api, "lead01"), files={"file": ("big.xlsx", data)},
                        data={"lender": LENDER})
    took = time.monotonic() - start
    assert response.status_code == 422 and "200,000" in response.json()["message"], response.text
    assert took < 5, f"refused after {took:.1f} s"  # it took 20-33 s before


def test_an_entity_bomb_is_refused_as_a_damaged_workbook(api: TestClient) -> None:
    start = time.monotonic()
    response = api.post("/v1/intake/cases", headers=login(api, "lead01"),
                        files={"file": ("laughs.xlsx", expanding_xlsx(2, entity_bomb=True))}, data={"lender": LENDER})
    assert response.status_code == 422 and response.json()["code"] == "unreadable_file", response.text
    assert time.monotonic() - start < 5


def test_a_file_cannot_reach_another_teams_accounts_or_people(api: TestClient, db: Database) -> None:
    with db.transaction() as s:
        team2 = s.scalar(select(Team.id).where(Team.name == "催收二组"))
        account, case, debtor = s.execute(
            select(Account, Case, Debtor).join(Case, Case.id == Account.case_id).join(Debtor)
            .where(Case.team_id == team2, Case.status != "closed").limit(1)).one()
        theirs = {c.id: c.seq for c in s.scalars(select(Case).where(Case.team_id == team2))}
        balances = {a.id: a.overdue_minor for a in s.scalars(select(Account).join(Case).where(Case.team_id == team2))}
        lender, number, person = case.lender, account.account_no, debtor.national_id
    rows = [HEADER,
            _good(41, **{"借款合同号": number}),  # team 2's account number, same lender
            _good(42, **{"证件号码": person}),  # a new account for team 2's debtor
            _good(43)]
    lead = login(api, "lead01")
    response = api.post("/v1/intake/cases", headers=lead, files={"file": ("p.xlsx", xlsx(rows))},
                        data={"lender": lender, "accept_good_rows": "true"})
    report = response.json()
    assert report["created"] == 1 and report["updated"] == 0 and report["rejected_rows"] == 2
    assert [(p["row"], p["reason"]) for p in report["problems"]] == [(2, NOT_YOURS), (3, NOT_YOURS)]
    assert "二组" not in response.text and team2 not in response.text and case.id not in response.text
    # A lead naming the other team outright is refused before the file is read.
    other = api.post("/v1/intake/cases", headers=lead, files={"file": ("p.xlsx", xlsx(rows))},
                     data={"lender": lender, "team_id": team2})
    assert other.status_code == 403
    with db.transaction() as s:
        assert {c.id: c.seq for c in s.scalars(select(Case).where(Case.team_id == team2))} == theirs
        assert {a.id: a.overdue_minor for a in s.scalars(select(Account).join(Case).where(Case.team_id == team2))} \
            == balances


def test_payment_serials_count_once_and_a_feed_stays_in_its_team(api: TestClient, db: Database) -> None:
    lead = login(api, "lead01")
    _upload(api, lead, xlsx([HEADER, _good(51), _good(52)]))
    with db.transaction() as s:
        team2 = s.scalar(select(Team.id).where(Team.name == "催收二组"))
        foreign = s.scalar(select(Account.account_no).join(Case).where(Case.team_id == team2))
        due = PromiseToPay(case_id=s.scalar(select(Case.id).where(Case.team_id == team2)), amount_minor=100,
                           due_date=date(2020, 1, 1), created_at=datetime.fromisoformat("2019-12-01T00:00:00+00:00"))
        s.add(due)
        s.flush()
        promise_id = due.id
    paid = (local_today("Asia/Shanghai") - timedelta(days=2)).isoformat()
    feed = [["交易流水号", "借据号", "实还金额", "还款日期"],
            ["T-1", "XH-00051", "500.00", paid],
            ["T-1", "XH-00051", "500.00", paid],  # the lender sent the same line twice
            ["T-2", "XH-00052", "￥200", paid],
            ["T-3", foreign, "100", paid]]
    report = _upload(api, lead, xlsx(feed, title="还款明细"), path="/v1/intake/payments", accept_good_rows="true")
    assert report["payments_added"] == 2 and report["duplicates"] == 1
    assert [(p["row"], p["reason"]) for p in report["problems"]] == [(6, "no account with this number for this lender")]
    again = _upload(api, lead, xlsx(feed), path="/v1/intake/payments", accept_good_rows="true")
    assert again["payments_added"] == 0 and again["duplicates"] == 3
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Payment).where(Payment.txn_ref.is_not(None))) == 2
        promise = s.get(PromiseToPay, promise_id)
        assert promise is not None and promise.status == "pending"  # another team's promise is not lead01's to break


def test_the_cli_reports_an_oversized_amount_instead_of_crashing(db: Database, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "placement.xlsx"
    path.write_bytes(xlsx([HEADER, _good(61), _good(62, **{"逾期总额(元)": "99999999999999999999999"})]))
    args = ["--database-url", db.url, "import", "cases", str(path), "--lender", LENDER, "--team", "催收一组"]
    assert cli.main(args) == 1
    captured = capsys.readouterr()
    assert "row 3, column 逾期总额(元): larger than any amount accepted" in captured.err
    assert "header row 1" in captured.out and "借款合同号 → account_no" in captured.out
    assert cli.main([*args, "--accept-good-rows"]) == 0
    with db.transaction() as s:
        case_team = s.scalar(select(Team.name).join(Case, Case.team_id == Team.id).join(Account)
                             .where(Account.account_no == "XH-00061"))
        assert case_team == "催收一组"
        assert s.scalar(select(func.count()).select_from(User)) > 0
    with pytest.raises(SystemExit):  # a placement names its team
        cli.main(["--database-url", db.url, "import", "cases", str(path), "--lender", LENDER])
