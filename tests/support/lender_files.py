"""Lender files as lenders make them, built in the tests: XLSX with title rows and merged
cells (openpyxl), legacy XLS (xlwt), and a small XLSX that unpacks to a huge sheet."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook


def resident_id(i: int, born: str = "19900307", region: str = "110105") -> str:
    """A well-formed 18-digit resident ID (GB 11643 check character computed here, independently)."""
    first17 = f"{region}{born}{i % 1000:03d}"
    weights = [2 ** (17 - k) % 11 for k in range(17)]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def xlsx(rows: Sequence[Sequence[Any]], *, title: str | None = None, merge_title: bool = False,
         blank_rows: int = 0) -> bytes:
    """A workbook whose sheet has an optional title row (merged over the columns) and blank rows
    above the header; `rows` are the header and the data."""
    book = Workbook()
    sheet = book.active
    width = max(len(r) for r in rows)
    if title is not None:
        sheet.append([title])
        if merge_title:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for _ in range(blank_rows):
        sheet.append([])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls(rows: Sequence[Sequence[Any]], *, title: str | None = None) -> bytes:
    """A legacy Excel 97 workbook (xlwt), dates written as real Excel dates."""
    import datetime

    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("清单")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    offset = 0
    if title is not None:
        sheet.write_merge(0, 0, 0, max(len(r) for r in rows) - 1, title)
        offset = 1
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write(r + offset, c, value, date_style)
            else:
                sheet.write(r + offset, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def expanding_xlsx(rows: int, *, entity_bomb: bool = False) -> bytes:
    """A small XLSX whose one sheet holds `rows` identical rows and no size declaration: it
    compresses to a few dozen KB and unpacks to tens of MB of XML. With `entity_bomb`, a
    cell's text is a "billion laughs" entity instead (a kilobyte that expands to gigabytes)."""
    row = b"<row><c t=\"inlineStr\"><is><t>1</t></is></c></row>"
    prolog = b'<?xml version="1.0" encoding="UTF-8"?>'
    if entity_bomb:
        prolog += b'<!DOCTYPE worksheet [<!ENTITY a0 "laugh">' + b"".join(
            b'<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;">' % ((i,) + (i - 1,) * 10)
            for i in range(1, 10)) + b"]>"
        row = b"<row><c t=\"inlineStr\"><is><t>&a9;</t></is></c></row>"
    sheet = (prolog + b'<worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><sheetData>' + row * rows + b"</sheetData></worksheet>")
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()
