"""A lender file as rows numbered as the lender sees them, and the header row found in it.

Reads CSV (UTF-8 or GB18030), XLSX and legacy Excel 97 XLS, streaming: an XLSX is checked
before it is parsed (the sheet's declared size, then a count of its row tags straight from
the compressed stream), so a small file that expands to half a million rows is refused at
once instead of after half a minute of parsing. Row numbers are the spreadsheet's own (an
XLSX row 7 is row 7 whatever lies above it; a CSV row is its line).

The header is not assumed to be the first row: lenders put a title (often merged across
the columns), a date line or a blank row above it. The header row is the first of the top
rows that names enough known columns; the names and their variants are data, in
resources/intake/columns.yaml, and the report says which column was taken for what.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from agentdesk.paths import resources_dir

MAX_ROWS = 200_000
MAX_UNPACKED = 400 * 1024 * 1024  # an XLSX's parts together, unpacked (200,000 wide rows fit)
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")


class IntakeError(ValueError):
    """A file that cannot be read at all (not CSV/XLSX/XLS, empty, too large)."""


@dataclass(frozen=True)
class Columns:
    """The synonym table of resources/intake/columns.yaml."""

    cases: dict[str, tuple[str, ...]]
    payments: dict[str, tuple[str, ...]]
    totals_markers: frozenset[str]
    header_scan_rows: int
    header_min_fields: int


@lru_cache(maxsize=1)
def columns() -> Columns:
    data = yaml.safe_load((resources_dir() / "intake" / "columns.yaml").read_text(encoding="utf-8"))

    def table(section: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
        return {name: tuple(dict.fromkeys(normalize_header(a) for a in aliases)) for name, aliases in section.items()}

    return Columns(cases=table(data["cases"]), payments=table(data["payments"]),
                   totals_markers=frozenset(normalize_header(m) for m in data["totals_markers"]),
                   header_scan_rows=int(data["header_scan_rows"]), header_min_fields=int(data["header_min_fields"]))


def normalize_header(text: Any) -> str:
    value = unicodedata.normalize("NFKC", str(text or ""))
    value = re.sub(r"[(\[【][^)\]】]*[)\]】]", "", value)
    return re.sub(r"[\s_\-:./*#]", "", value).lower()


@dataclass(frozen=True)
class Table:
    header_row: int
    headers: list[str]
    mapped: dict[int, str]  # column index → field
    rows: list[tuple[int, list[Any]]]  # (spreadsheet row number, cells), blank and totals rows left out

    def header_of(self, field: str) -> str:
        return next(self.headers[i] for i, name in self.mapped.items() if name == field)

    def taken(self) -> dict[str, str]:
        """Which of the file's columns was taken for which field."""
        return {name: self.headers[i] for i, name in sorted(self.mapped.items())}


def map_headers(headers: list[str], known: dict[str, tuple[str, ...]]) -> dict[int, str]:
    """Column index → field. For each field the column named by its earliest synonym wins;
    numbered emergency columns (紧急联系人2, relation_2) get their number appended."""
    keys = [normalize_header(h) for h in headers]
    mapped: dict[int, str] = {}
    for name, aliases in known.items():
        for alias in aliases:
            hit = next((i for i, key in enumerate(keys) if key == alias and i not in mapped), None)
            if hit is not None:
                mapped[hit] = name
                break
    lookup = {alias: name for name, aliases in known.items() for alias in aliases}
    for i, key in enumerate(keys):
        if i in mapped:
            continue
        numbered = re.fullmatch(r"(\D+?)(\d)(\D*)", key)
        if numbered:
            base = lookup.get(numbered.group(1) + numbered.group(3))
            if base and base.startswith("emergency_"):
                mapped[i] = f"{base}{numbered.group(2)}"
    return mapped


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_table(data: bytes, filename: str, known: dict[str, tuple[str, ...]]) -> Table:
    """The file's header row (found among its top rows) and its data rows."""
    config = columns()
    rows = _rows(data, filename)
    top: list[tuple[int, list[Any]]] = []
    for number, cells in rows:
        if any(not _blank(v) for v in cells):
            top.append((number, cells))
        if len(top) >= config.header_scan_rows or number > config.header_scan_rows * 4:
            break
    if not top:
        raise IntakeError("the file is empty: it needs a header row and at least one data row")
    best: tuple[int, int, list[str], dict[int, str]] | None = None
    for number, cells in top:
        headers = [str(v).strip() if v is not None else "" for v in cells]
        mapped = map_headers(headers, known)
        fields = len({name.rstrip("0123456789") for name in mapped.values()})
        if fields >= config.header_min_fields and (best is None or fields > best[1]):
            best = (number, fields, headers, mapped)
    if best is None:
        number, cells = top[0]
        headers = [str(v).strip() if v is not None else "" for v in cells]
        best = (number, 0, headers, map_headers(headers, known))
    header_row, _fields, headers, mapped = best
    body: list[tuple[int, list[Any]]] = []
    for number, cells in top:
        if number > header_row:
            body.append((number, cells))
    last = top[-1][0]
    for number, cells in rows:  # the generator goes on after the rows already scanned
        if number <= last:
            continue
        body.append((number, cells))
        if len(body) > MAX_ROWS + 1000:
            break
    data_rows = [(n, c) for n, c in body if any(not _blank(v) for v in c) and not _is_totals(c, config)]
    if len(data_rows) > MAX_ROWS:
        raise IntakeError(f"the file has more than {MAX_ROWS:,} rows; split it into files of at most {MAX_ROWS:,}")
    return Table(header_row=header_row, headers=headers, mapped=mapped, rows=data_rows)


def _is_totals(cells: list[Any], config: Columns) -> bool:
    first = next((v for v in cells if not _blank(v)), None)
    return first is not None and normalize_header(first) in config.totals_markers


# --- the three formats -----------------------------------------------------------------------


def _rows(data: bytes, filename: str) -> Iterator[tuple[int, list[Any]]]:
    name = filename.lower()
    if data[:4] == b"PK\x03\x04" or name.endswith((".xlsx", ".xlsm")):
        return _xlsx_rows(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or name.endswith(".xls"):
        return _xls_rows(data)
    return _csv_rows(data)


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise IntakeError("the file is neither UTF-8 nor GB18030 text nor an Excel workbook") from exc
    if "\x00" in text:
        raise IntakeError("the file is not a CSV text file; save it as CSV (UTF-8), XLSX or XLS")
    reader = csv.reader(io.StringIO(text))
    try:
        for cells in reader:
            yield reader.line_num, list(cells)
            if reader.line_num > MAX_ROWS * 2:
                raise IntakeError(f"the file has more than {MAX_ROWS:,} rows; split it")
    except csv.Error as exc:
        raise IntakeError(f"the CSV file cannot be read near line {reader.line_num}: save it again as CSV") from exc


def _count_row_tags(archive: zipfile.ZipFile, part: str, limit: int) -> int:
    """Row tags in a sheet part, counted from the decompressed stream up to `limit` (C speed)."""
    count = 0
    tail = b""
    with archive.open(part) as stream:
        while True:
            chunk = stream.read(1 << 20)
            if not chunk:
                return count
            window = tail + chunk
            count += len(_ROW_TAG.findall(window, 0, len(window) - 16)) if len(window) > 16 else 0
            tail = window[-16:] if len(window) > 16 else window
            if count > limit:
                return count


def _first_sheet_part(archive: zipfile.ZipFile) -> str | None:
    """The zip member of the workbook's first sheet, found as Excel does (package relationships,
    then the workbook's): openpyxl would otherwise parse a whole sheet that declares no size
    just to learn its size, before a single row could be counted."""
    # The standard parser: expat 2.4.1 and later refuses entity-expansion bombs itself, and
    # (openpyxl's choice too, without defusedxml) no external entity is ever fetched.
    from xml.etree.ElementTree import fromstring

    def xml(name: str) -> Any:
        info = archive.getinfo(name)
        if info.file_size > 4 * 1024 * 1024:
            raise IntakeError("the workbook's structure is damaged; save it again as .xlsx or CSV")
        return fromstring(archive.read(name))

    def target(rels_name: str, base: str, rel_type: str, rel_id: str | None = None) -> str | None:
        for rel in xml(rels_name):
            if (rel_id is None and rel.get("Type", "").endswith(rel_type)) or (rel_id and rel.get("Id") == rel_id):
                where = rel.get("Target", "")
                return where.lstrip("/") if where.startswith("/") else posixpath.normpath(posixpath.join(base, where))
        return None

    book = target("_rels/.rels", "", "/officeDocument")
    if book is None:
        return None
    folder, name = posixpath.split(book)
    first = next((el for el in xml(book).iter() if el.tag.endswith("}sheet")), None)
    if first is None:
        return None
    rel_id = next((v for k, v in first.attrib.items() if k.endswith("}id")), None)
    return target(posixpath.join(folder, "_rels", name + ".rels"), folder, "/worksheet", rel_id)


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    too_many = IntakeError(f"the sheet has more than {MAX_ROWS:,} rows; split it into files of at most {MAX_ROWS:,}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
            raise IntakeError("the workbook unpacks to more than 400 MB; save the sheet alone as CSV or a smaller XLSX")
        part = _first_sheet_part(archive)
        if part and _count_row_tags(archive, part, MAX_ROWS + 1000) > MAX_ROWS + 1000:
            raise too_many
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if not book.worksheets:
            raise IntakeError("the workbook has no sheet")
        if (book.worksheets[0].max_row or 0) > MAX_ROWS + 1000:  # the size the sheet declares
            raise too_many
    except IntakeError:
        raise
    except (zipfile.BadZipFile, zlib.error, KeyError, OSError, ValueError, TypeError, EOFError, SyntaxError) as exc:
        # SyntaxError: ElementTree's ParseError (a damaged part, or expat refusing an entity bomb).
        raise IntakeError("the file is not a readable XLSX workbook; save it again as .xlsx or CSV") from exc
    return _sheet_rows(book)


def _sheet_rows(book: Any) -> Iterator[tuple[int, list[Any]]]:
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # some tools write a wrong size; read what is there
        number = 0
        for cells in sheet.iter_rows():
            number += 1
            for cell in cells:
                row = getattr(cell, "row", None)
                if row:
                    number = row
                    break
            yield number, [getattr(cell, "value", None) for cell in cells]
    except (ValueError, KeyError, TypeError, SyntaxError, zlib.error, zipfile.BadZipFile) as exc:
        raise IntakeError("the XLSX workbook is damaged; save it again as .xlsx or CSV") from exc
    finally:
        book.close()


def _xls_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """Excel 97-2003 workbooks through xlrd: dates come back as dates, numbers as numbers."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
        sheet = book.sheet_by_index(0)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, ValueError, IndexError, KeyError, AssertionError,
            EOFError, OSError) as exc:
        raise IntakeError("the file is not a readable Excel 97 (.xls) workbook; save it again as .xlsx or CSV") \
            from exc
    if sheet.nrows > MAX_ROWS + 1000:
        raise IntakeError(f"the sheet has more than {MAX_ROWS:,} rows; split it")

    def cell(kind: int, value: Any) -> Any:
        if kind == xlrd.XL_CELL_DATE:
            try:
                return xlrd.xldate_as_datetime(value, book.datemode)
            except (xlrd.xldate.XLDateError, OverflowError, ValueError):
                return value
        if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return None
        if kind in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_BOOLEAN):
            return str(value)
        return value

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for r in range(sheet.nrows):
                yield r + 1, [cell(k, v) for k, v in zip(sheet.row_types(r), sheet.row_values(r), strict=False)]
        finally:
            book.release_resources()

    return rows()
