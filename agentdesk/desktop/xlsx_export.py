"""Writes a table to an XLSX workbook with openpyxl: typed cells a lead can sort, sum and filter.

No Qt: the console hands it columns and rows of plain values, on the background helper, so
exporting 100,000 cases does not freeze the window. openpyxl's write-only mode streams rows
instead of building the whole sheet in memory.

Each column declares its kind: numbers and days stay numbers, money is a number in major
units with its currency's number format, dates and times are Excel dates, ids and names are
text. Text is always written as text: a debtor name from a lender file such as
`=HYPERLINK(...)` or `+86...` must not become a live formula (CSV/formula injection,
OWASP), so text starting with = + - @ or a tab is stored as a string cell with Excel's quote
prefix. The header row is bold and frozen, with auto-filters over the data.

openpyxl (with numpy under it) is imported when a table is written, not with this module:
every desk imports the column kinds, and openpyxl was a third of the agent's start-up imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from agentdesk.domain.money import Money

# Excel's limit on sheet names, and characters it refuses in them.
_SHEET_NAME_MAX = 31
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})
# What makes Excel (or LibreOffice) read a cell typed or pasted as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CURRENCY_FORMATS = {"CNY": '"¥"#,##0.00', "USD": '"$"#,##0.00', "EUR": '"€"#,##0.00', "HKD": '"HK$"#,##0.00'}
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

Kind = Literal["text", "integer", "number", "money", "date", "datetime"]


@dataclass(frozen=True)
class Column:
    """A column's header and the kind of its values (see the module docstring); `width` in characters."""

    header: str
    kind: Kind = "text"
    width: int | None = None


def money_format(currency: str) -> str:
    return _CURRENCY_FORMATS.get(currency, f'#,##0.00 "{currency}"')


def _cell(sheet: Any, kind: Kind, value: Any, cell_type: type) -> Any:
    if value is None or value == "":
        return None
    if kind == "money":
        money = value if isinstance(value, Money) else Money(int(value), "CNY")
        cell = cell_type(sheet, value=Decimal(money.minor) / 100)
        cell.number_format = money_format(money.currency)
        return cell
    if kind in ("integer", "number") and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    if kind == "date":
        day = value if isinstance(value, date) else _parse_date(str(value))
        if day is not None:
            cell = cell_type(sheet, value=day)
            cell.number_format = DATE_FORMAT
            return cell
    if kind == "datetime":
        moment = value if isinstance(value, datetime) else _parse_datetime(str(value))
        if moment is not None:
            # Excel has no time zones: the lead reads the export in their own local time.
            local = moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment
            cell = cell_type(sheet, value=local)
            cell.number_format = DATETIME_FORMAT
            return cell
    return _text(sheet, str(value), cell_type)


def _text(sheet: Any, text: str, cell_type: type) -> Any:
    cell = cell_type(sheet, value=text)
    if text.startswith(_FORMULA_STARTS):
        cell.data_type = "s"  # openpyxl took "=..." for a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    return cell


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _parse_datetime(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def write_table(path: Path, title: str, columns: Sequence[Column | str], rows: Iterable[Sequence[Any]]) -> int:
    """Write one sheet; returns the number of data rows written. A plain string column is text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    cols = [c if isinstance(c, Column) else Column(c) for c in columns]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title.translate(_BAD_SHEET_CHARS)[:_SHEET_NAME_MAX] or "Sheet")
    for i, col in enumerate(cols, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = col.width or max(10, min(40, len(col.header) * 2 + 2))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for col in cols:
        cell = _text(sheet, col.header, WriteOnlyCell)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, col.kind, value, WriteOnlyCell) for col, value in zip(cols, row, strict=False)])
        count += 1
    if cols:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{count + 1}"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return count
