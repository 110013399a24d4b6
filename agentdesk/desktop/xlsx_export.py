"""Writes a table (headers and rows of plain values) to an XLSX workbook with openpyxl.

No Qt: the console hands it what a model shows, on the background helper, so exporting
100,000 cases does not freeze the window. openpyxl's write-only mode streams rows instead
of building the whole sheet in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

# Excel's limit on sheet names, and characters it refuses in them.
_SHEET_NAME_MAX = 31
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_table(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write one sheet; returns the number of data rows written."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title.translate(_BAD_SHEET_CHARS)[:_SHEET_NAME_MAX] or "Sheet")
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    sheet.freeze_panes = "A2"
    count = 0
    for row in rows:
        sheet.append(list(row))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return count
