"""One cell of a lender file, checked and normalised: ID numbers, phone numbers, amounts, dates.

Small pure functions, each raising `FieldError` with a reason a lender's clerk can act on
(reasons never quote the cell: it may be personal data). What they accept is what lenders
really send: full-width digits (１３８…), thousands separators, a currency sign or 元 after
the amount, 万 for ten thousands, dates as 2026/11/05, 2026年11月5日, 20261105 or real Excel
dates, and the old 15-digit resident IDs, which become 18 digits so that the same person
matches across files.

The integrator folds `normalize_phone` and `normalize_national_id` together with
agentdesk/domain/identity.py; they stay small and pure for that.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

# The largest amount a lender file may carry for one account or payment: ¥10,000,000,000.00.
# Far above any consumer loan, far below what a BIGINT of minor units holds.
MAX_AMOUNT_MINOR = 10**12
MAX_DAYS_PAST_DUE = 36_500
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug folded in)

# GB 11643-1999: weights of the first 17 digits, and the check character for each remainder mod 11.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


class FieldError(ValueError):
    """A cell that cannot be taken; str() says what to fix, without quoting the cell."""


def halfwidth(text: str) -> str:
    """Full-width digits, letters and signs as their ASCII forms (NFKC), spaces trimmed; NULs
    (which an old .xls can hold and no database text column takes) dropped."""
    return unicodedata.normalize("NFKC", text.replace("\x00", "")).strip()


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ".0", everything half-width."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return halfwidth(str(value))


# --- resident ID numbers ---------------------------------------------------------------------


def id_check_char(first17: str) -> str:
    """The 18th character of a resident ID number (GB 11643-1999, ISO 7064 MOD 11-2)."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def _birth(text: str) -> date:
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise FieldError("the birth date inside the ID number is not a real date; check the number") from exc
    if born.year < EARLIEST_YEAR:
        raise FieldError("the birth date inside the ID number is too early; check the number")
    return born


def normalize_national_id(text: str) -> str:
    """A mainland resident ID as its 18 characters (a 15-digit one upgraded, x made X).

    Other identity documents (passports, Hong Kong or Macau permits) contain letters and are
    kept as they are, upper-cased; an all-digit number of another length is a typo.
    """
    value = re.sub(r"[\s\-]", "", halfwidth(text)).upper()
    if not value:
        raise FieldError("empty; this column is required")
    if re.fullmatch(r"\d{17}[\dX]", value):
        _birth(value[6:14])
        if id_check_char(value[:17]) != value[17]:
            raise FieldError("the ID number's check digit is wrong (GB 11643): a digit is mistyped")
        return value
    if re.fullmatch(r"\d{15}", value):
        first17 = value[:6] + "19" + value[6:]
        _birth(first17[6:14])
        return first17 + id_check_char(first17)
    if re.fullmatch(r"[\dX]+", value):
        raise FieldError("not a resident ID number: it needs 18 characters (or the old 15 digits)")
    if re.fullmatch(r"\d{17}[A-Z]", value):
        raise FieldError("the ID number's last character must be a digit or X")
    if not re.fullmatch(r"[0-9A-Z]{6,32}", value):
        raise FieldError("not an ID number: 18 digits for a resident ID, or 6 to 32 letters and digits")
    return value


# --- phone numbers ---------------------------------------------------------------------------


def normalize_phone(text: str) -> str:
    """A mainland number as its digits: a mobile as 11 digits (1[3-9]…), a landline with its
    area code (010 or 02x and 8 digits, 0xxx and 7 or 8 digits). +86 / 0086 and spaces,
    dashes, dots and brackets are dropped."""
    value = re.sub(r"[\s\-().]", "", halfwidth(text))
    for prefix in ("+86", "0086"):
        if value.startswith(prefix):
            value = value[len(prefix):]
    if len(value) == 13 and value.startswith("86") and value[2] == "1":
        value = value[2:]
    if not value.isascii() or not value.isdigit():
        raise FieldError("not a phone number: only digits, with spaces or dashes between them")
    if value.startswith("1"):
        if re.fullmatch(r"1[3-9]\d{9}", value):
            return value
        raise FieldError("not a mainland mobile number: 11 digits starting 13 to 19")
    if value.startswith("0"):
        if re.fullmatch(r"0(?:10|2\d)\d{8}", value) or re.fullmatch(r"0[3-9]\d{2}\d{7,8}", value):
            return value
        raise FieldError("not a landline number: give the area code and the 7 or 8 digit number (0755-12345678)")
    if len(value) in (7, 8):
        raise FieldError("a landline number needs its area code (0755-12345678)")
    raise FieldError("not a mainland phone number: a mobile (11 digits) or a landline with its area code")


# --- amounts and counts ----------------------------------------------------------------------

_CURRENCY = re.compile(r"^(?:¥|￥|RMB|CNY|人民币)|(?:元|RMB|CNY|人民币)$", re.IGNORECASE)
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def parse_amount(value: Any) -> int:
    """Minor units (fen) of a positive amount, without float arithmetic: 12,345.60, ￥3,000,
    3000元, 1.2万 or a spreadsheet number. Refused: signs, more than two decimals (after 万),
    and anything over MAX_AMOUNT_MINOR."""
    if isinstance(value, bool):
        raise FieldError("not an amount: write it like 1500 or 1,500.00")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
        rounded = amount.quantize(Decimal("0.01"))
        if abs(amount - rounded) < Decimal("0.000001"):  # 1234.5600000001 from a spreadsheet formula
            amount = rounded
    elif isinstance(value, Decimal):
        amount = value
    else:
        amount = _amount_text(cell_text(value))
    if not amount.is_finite() or amount < 0:
        raise FieldError("not an amount: write it like 1500 or 1,500.00")
    minor = amount * 100
    if minor != minor.to_integral_value():
        raise FieldError("more than two decimals: amounts are in yuan and fen (1,500.25)")
    if minor > MAX_AMOUNT_MINOR:
        raise FieldError("larger than any amount accepted (10,000,000,000.00); check the column and the unit")
    return int(minor)


def _amount_text(text: str) -> Decimal:
    compact = text.replace(" ", "").replace("，", ",")
    previous = None
    while previous != compact:  # a sign may stand before and a unit after: ¥3,000元
        previous = compact
        compact = _CURRENCY.sub("", compact)
    scale = 1
    if compact.endswith("万"):
        compact, scale = compact[:-1], 10_000
        compact = _CURRENCY.sub("", compact)
    if len(compact) > 30 or not (_PLAIN.match(compact) or _GROUPED.match(compact)):
        raise FieldError("not an amount: write it like 1500, 1,500.00 or 1.2万")
    try:
        return Decimal(compact.replace(",", "")) * scale
    except InvalidOperation as exc:  # pragma: no cover - the patterns above admit only numbers
        raise FieldError("not an amount: write it like 1500 or 1,500.00") from exc


def parse_days(value: Any) -> int:
    """Days past due: a whole number from 0 to MAX_DAYS_PAST_DUE ("45", 45, "45天")."""
    if isinstance(value, bool):
        raise FieldError("not a whole number of days")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = cell_text(value).removesuffix("天").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 6 or int(text) > MAX_DAYS_PAST_DUE:
        raise FieldError(f"not a whole number of days from 0 to {MAX_DAYS_PAST_DUE}")
    return int(text)


# --- dates -----------------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value: Any) -> date:
    """A date from a date cell, an Excel serial number, or text: 2026-11-05, 2026/11/5,
    2026.11.05, 2026年11月5日, 20261105 (a time after it is ignored)."""
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        found = _from_number(value)
    else:
        text = cell_text(value)
        match = _DATE.match(text) or _COMPACT.match(text)
        if not match:
            if re.fullmatch(r"\d{5}(?:\.\d+)?", text):
                return _checked(_from_number(float(text)))
            raise FieldError("not a date: write it like 2026-03-31, 2026/3/31 or 2026年3月31日")
        try:
            found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError as exc:
            raise FieldError("not a real date (check the month and the day)") from exc
    return _checked(found)


def _from_number(number: float) -> date:
    """20261105 as a date, or an Excel serial (days since 1899-12-30)."""
    if float(number).is_integer() and 19000101 <= number <= 29991231:
        try:
            return date(int(number) // 10000, int(number) // 100 % 100, int(number) % 100)
        except ValueError as exc:
            raise FieldError("not a real date (check the month and the day)") from exc
    if 1 <= number < 2_958_466:  # Excel's serials stop at 9999-12-31
        return _EXCEL_EPOCH + timedelta(days=int(number))
    raise FieldError("not a date: write it like 2026-03-31")


def _checked(found: date) -> date:
    if not EARLIEST_YEAR <= found.year <= LATEST_YEAR:
        raise FieldError(f"the year must lie between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return found
