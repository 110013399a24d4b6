"""The cell checks a lender file's rows go through, one function each: resident IDs (GB 11643
check digit, 15-digit upgrade), mainland phone numbers, amounts and dates as people write
them, and the header row found under a title."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.server.intake_fields import (
    MAX_AMOUNT_MINOR,
    FieldError,
    id_check_char,
    normalize_national_id,
    normalize_phone,
    parse_amount,
    parse_date,
    parse_days,
)
from agentdesk.server.intake_table import columns, map_headers, normalize_header
from tests.support.lender_files import resident_id

FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def test_the_published_example_id_has_its_check_character() -> None:
    # GB 11643-1999's own example: 11010519491231002X.
    assert id_check_char("11010519491231002") == "X"
    assert normalize_national_id("11010519491231002x") == "11010519491231002X"


@given(st.integers(0, 999), st.dates(date(1920, 1, 1), date(2010, 12, 31)))
def test_every_well_formed_id_passes_and_every_single_digit_typo_is_caught(serial: int, born: date) -> None:
    number = resident_id(serial, born.strftime("%Y%m%d"))
    assert normalize_national_id(number) == number
    assert normalize_national_id(" " + number.translate(FULL_WIDTH)) == number
    for position in (0, 5, 10, 16):
        typo = number[:position] + str((int(number[position]) + 1) % 10) + number[position + 1:]
        with pytest.raises(FieldError):
            normalize_national_id(typo)


def test_old_fifteen_digit_ids_become_the_eighteen_digit_id_of_the_same_person() -> None:
    eighteen = resident_id(123, "19770315")
    fifteen = eighteen[:6] + eighteen[8:17]
    assert normalize_national_id(fifteen) == eighteen


@pytest.mark.parametrize("bad", ["1101051990030712", "11010519901340123X", "ABC", "", "11010519900307123Y"])
def test_what_is_no_resident_id_is_refused(bad: str) -> None:
    with pytest.raises(FieldError):
        normalize_national_id(bad)


def test_passports_and_permits_pass_as_they_are() -> None:
    assert normalize_national_id("e12345678") == "E12345678"
    assert normalize_national_id("H01234567") == "H01234567"


@pytest.mark.parametrize(("given_", "expected"), [
    ("13812345678", "13812345678"), ("+86 138-1234-5678", "13812345678"), ("0086 13812345678", "13812345678"),
    ("8613812345678", "13812345678"), ("１３８１２３４５６７８", "13812345678"), ("(010) 8765-4321", "01087654321"),
    ("0755-12345678", "075512345678"), ("0571 1234567", "05711234567"), ("021.5888.8888", "02158888888"),
])
def test_mainland_numbers_are_normalised(given_: str, expected: str) -> None:
    assert normalize_phone(given_) == expected


@pytest.mark.parametrize(("bad", "why"), [
    ("5551234", "area code"), ("12812345678", "mobile"), ("1381234567", "mobile"), ("138123456789", "mobile"),
    ("075-1234", "landline"), ("abc", "digits"), ("400-123-4567", "mainland"),
])
def test_what_cannot_be_dialled_is_refused_with_why(bad: str, why: str) -> None:
    with pytest.raises(FieldError, match=why):
        normalize_phone(bad)


@pytest.mark.parametrize(("written", "minor"), [
    ("12,345.60", 1234560), ("￥3,000", 300000), ("¥3,000.5", 300050), ("3000元", 300000), ("1.2万", 1200000),
    ("RMB 1,000", 100000), ("１，２３４．５", 123450), (1500.5, 150050), (1234.5600000001, 123456), (880, 88000),
    ("0", 0),
])
def test_amounts_as_lenders_write_them(written: object, minor: int) -> None:
    assert parse_amount(written) == minor


@pytest.mark.parametrize("bad", ["12.345", "-100", "1,23", "abc", "99999999999999999999999", True, "1e5",
                                 str(MAX_AMOUNT_MINOR // 100 + 1)])
def test_bad_or_oversized_amounts_are_refused(bad: object) -> None:
    with pytest.raises(FieldError):
        parse_amount(bad)


@pytest.mark.parametrize("written", ["2026-11-05", "2026/11/05", "2026/11/5", "2026.11.05", "2026年11月5日",
                                     "20261105", 20261105, 46331, datetime(2026, 11, 5, 8, 0), date(2026, 11, 5),
                                     "2026-11-05 00:00:00", "２０２６年１１月５日"])
def test_dates_as_lenders_write_them(written: object) -> None:
    assert parse_date(written) == date(2026, 11, 5)


@pytest.mark.parametrize("bad", ["2026-13-01", "2026-02-30", "0001-01-01", "9999-12-31", "next week", 99999999])
def test_impossible_dates_are_refused(bad: object) -> None:
    with pytest.raises(FieldError):
        parse_date(bad)


def test_days_past_due() -> None:
    assert [parse_days(v) for v in (45, 45.0, "45", "45天", "０")] == [45, 45, 45, 45, 0]
    for bad in ("-1", "4.5", "9" * 30, True):
        with pytest.raises(FieldError):
            parse_days(bad)


def test_header_names_come_from_the_synonym_table_and_the_report_says_which_was_taken() -> None:
    known = columns().cases
    headers = ["序号", "借款合同号", "客户姓名", "证件号码（身份证）", "逾期总额(元)", "*逾期天数", "Mobile No.",
               "紧急联系人2", "紧急联系人2电话", "与本人关系2"]
    mapped = map_headers(headers, known)
    assert {headers[i]: field for i, field in mapped.items()} == {
        "借款合同号": "account_no", "客户姓名": "name", "证件号码（身份证）": "national_id",
        "逾期总额(元)": "overdue_amount",
        "*逾期天数": "days_past_due", "Mobile No.": "phone", "紧急联系人2": "emergency_name2",
        "紧急联系人2电话": "emergency_phone2", "与本人关系2": "emergency_relation2"}
    assert normalize_header("Ａｃｃｏｕｎｔ　Ｎｏ．") == "accountno"
