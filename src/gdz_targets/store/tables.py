"""Tables from the files people send: CSV or tab-separated text in UTF-8, UTF-16 or GB18030 (what Excel on
Chinese Windows saves), and spreadsheets (.xlsx, .xls, .xlsb, .ods) read with calamine. A table is rows of
cells, each row knowing where it stands in the file, so that every problem can be named by its place."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import AnyStr, Final, NamedTuple

from gdz_targets.domain.errors import Message, Problem, UsageError, msg

from .sheet_limits import (
    COLUMN_LIMIT,
    LINE_LIMIT,
    OLE_MAGIC,
    RELATIONSHIP_ID,
    ROW_LIMIT,
    SHEET_NAMESPACE,
    ZIP_MAGIC,
    Extent,
    extents,
    refuse_a_bomb,
    refuse_past_limits,
    xlsx_part,
)

Cell = str | float | int | bool | date | datetime | time | timedelta | None
SPREADSHEET_SUFFIXES: Final = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
SEPARATORS: Final = (",", "\t", ";")
SEPARATOR_NAMES: Final = {",": "comma", "\t": "tab", ";": "semicolon"}
_UTF16_BOMS: Final = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
HEAD_ROWS: Final = 10  # the top rows, kept blank or not: where a header may stand (import's HEADER_SEARCH)


class Row(NamedTuple):
    number: int  # the line of a text file, the row of a sheet (1-based)
    cells: list[Cell]


class Table(NamedTuple):
    rows: list[Row]
    sheet: str | None  # the sheet read, for a spreadsheet
    encoding: str | None  # how a text file was decoded, when that is worth saying (not UTF-8)
    separator: str | None  # of a text file
    # The (row, column) of cells a spreadsheet shows as a percentage (0.95 shown as 95%); None where the
    # formats could not be read (a text file holds no formats: 95% is typed as such).
    percent_cells: frozenset[tuple[int, int]] | None = frozenset()

    def problem(self, path: str, row: int, column: int | None, message: Message) -> Problem:
        """A problem at its place: `file:line:column` in a text file, `file sheet!B5` in a spreadsheet."""
        if self.sheet is None:
            return Problem(path, message, row, column)
        cell = f"{column_letters(column)}{row}" if column is not None else f"{row}:{row}"
        return Problem(path, message, place=f"{self.sheet}!{cell}")


def column_letters(column: int) -> str:
    """Spreadsheet column letters for a 1-based column number: 1 → A, 27 → AA."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def is_spreadsheet(data: bytes, name: str) -> bool:
    return name.lower().endswith(SPREADSHEET_SUFFIXES) or data.startswith((ZIP_MAGIC, OLE_MAGIC))


def read_tables(data: bytes, name: str, sheet: str | None = None) -> list[Table]:
    """The rows of a text table, or of a workbook's sheets in order (only `sheet` if it names one)."""
    if is_spreadsheet(data, name):
        return _read_sheets(data, name, sheet)
    return [_read_text(data, name, sheet)]


def _read_text(data: bytes, name: str, sheet: str | None) -> Table:
    if sheet is not None:
        raise UsageError(msg("import.sheet_of_text", path=name))
    _refuse_a_long_line(data, name, (b"\n", b"\r"), LINE_LIMIT)
    text, encoding = _decode(data, name)
    if encoding == "UTF-16":  # a byte 0x0a may be half of a character here: measured again, in characters
        _refuse_a_long_line(text, name, ("\n", "\r"), LINE_LIMIT // 2)
    separator = _separator(text)
    csv.field_size_limit(LINE_LIMIT)  # characters in one cell: a quoted cell may run over many short lines
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[Row] = []
    start = 1  # a quoted cell may hold line breaks: a row is named by the line it starts on
    count = 0  # rows read, blank ones too
    try:
        for cells in reader:
            count += 1
            if count > ROW_LIMIT:
                raise UsageError(msg("import.too_many_lines", path=name, limit=f"{ROW_LIMIT:,}"))
            if len(cells) > COLUMN_LIMIT:
                wide = msg("import.too_many_cells", count=f"{len(cells):,}", limit=f"{COLUMN_LIMIT:,}")
                raise UsageError(wide, [Problem(name, wide, start, None)])
            # A blank row is passed over by the import: not kept, past the rows a header may stand among.
            if count <= HEAD_ROWS or any(map(str.strip, cells)):
                rows.append(Row(start, list(cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        if str(exc).startswith("field larger than field limit"):
            long = msg("import.cell_too_long", limit=f"{LINE_LIMIT:,}")
            raise UsageError(long, [Problem(name, long, start, None)]) from None
        problem = Problem(name, msg("import.bad_csv", detail=str(exc)), reader.line_num + 1, None)
        raise UsageError(problem.message, [problem]) from None
    return Table(rows, None, encoding, separator)


def _refuse_a_long_line(text: AnyStr, name: str, breaks: tuple[AnyStr, AnyStr], limit: int) -> None:
    """Refuse a text with a line over `limit` (bytes or characters), naming it: each step jumps to the last
    line break within `limit` of where it stands, so a file is read in steps of about `limit`, not by line."""
    start = 0
    while len(text) - start > limit:
        end = start + limit + 1
        last = max(text.rfind(breaks[0], start, end), text.rfind(breaks[1], start, end))
        if last < 0:
            line = (text.count(breaks[0], 0, start) or text.count(breaks[1], 0, start)) + 1
            size = f"{limit >> 20} MiB" if isinstance(text, bytes) else f"{limit * 2 >> 20} MiB"
            long = msg("import.line_too_long", limit=size)
            raise UsageError(long, [Problem(name, long, line, None)])
        start = last + 1


def _decode(data: bytes, name: str) -> tuple[str, str | None]:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else GB18030 (said, so that nobody is surprised)."""
    for bom, encoding in _UTF16_BOMS.items():
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), "UTF-16"
            except UnicodeDecodeError:
                break
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8"), None
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "GB18030"
        except UnicodeDecodeError:
            start = utf8_error.start
            line = data.count(b"\n", 0, start) + 1
            column = start - (data.rfind(b"\n", 0, start) + 1) + 1
            problem = Problem(name, msg("import.not_text", byte=f"0x{data[start]:02x}"), line, column)
            raise UsageError(problem.message, [problem]) from None


def _separator(text: str) -> str:
    """The separator of the first line that has one: the one it holds most of (a comma when none)."""
    for line in text.splitlines()[:20]:
        counts = {separator: line.count(separator) for separator in SEPARATORS}
        best = max(counts, key=lambda separator: counts[separator])
        if counts[best]:
            return best
    return ","


def _read_sheets(data: bytes, name: str, sheet: str | None) -> list[Table]:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - a dependency of gdz; only a broken install lacks it
        raise UsageError(msg("import.no_reader", path=name)) from None
    refuse_a_bomb(data, name)
    for extent in extents(data, name):  # every sheet the reader could read, before it reads one
        refuse_past_limits(extent, name)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names: Sequence[str] = workbook.sheet_names
        if not names or (sheet is not None and sheet not in names):
            raise UsageError(msg("import.no_sheet", path=name, sheet=sheet or "", sheets="、".join(names)))
        tables = []
        for chosen in [sheet] if sheet is not None else names:
            read = workbook.get_sheet_by_name(chosen)
            end = read.end  # the same limits on what was read, before it becomes Python lists
            if end is not None:
                refuse_past_limits(Extent(chosen, end[0] + 1, end[1] + 1, 0), name)
            rows = [Row(number, [None if cell == "" else cell for cell in cells])
                    for number, cells in enumerate(read.to_python(skip_empty_area=False), start=1)
                    if number <= HEAD_ROWS or not _blank_cells(cells)]  # fmt: skip
            tables.append(Table(rows, chosen, None, None, percent_cells(data, chosen)))
    except UsageError:
        raise
    except Exception as exc:  # calamine raises its own errors for damaged or encrypted files
        raise UsageError(msg("import.bad_spreadsheet", path=name, detail=_first_line(exc))) from None
    except BaseException as exc:  # a panic inside calamine: pyo3 raises it as a BaseException
        if type(exc).__name__ != "PanicException":
            raise
        raise UsageError(msg("import.bad_spreadsheet", path=name, detail=_first_line(exc))) from None
    return tables


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def _blank_cells(cells: Sequence[object]) -> bool:
    """A row with nothing in it (what the import passes over): every cell empty or spaces."""
    return all(isinstance(cell, str) and not cell.strip() for cell in cells)


_PERCENT_FORMATS: Final = frozenset({9, 10})  # Excel's built-in 0% and 0.00%


def percent_cells(data: bytes, sheet: str) -> frozenset[tuple[int, int]] | None:
    """The cells of an .xlsx sheet formatted as a percentage — the cell holds 0.95 and shows 95% — as (row,
    column), 1-based; None for a workbook whose formats are not read here (.xls, .ods) or cannot be."""
    import zipfile
    import zlib
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
            relations = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
            styles = ElementTree.fromstring(book.read("xl/styles.xml"))
            sheet_id = next(
                item.get(RELATIONSHIP_ID)
                for item in workbook.iter(f"{SHEET_NAMESPACE}sheet")
                if item.get("name") == sheet
            )
            target = next(item.get("Target", "") for item in relations if item.get("Id") == sheet_id)
            path = xlsx_part(target)
            styled = _percent_styles(styles)
            if (
                not styled
            ):  # no cell can show a percentage: the sheet is not read again (a second per 40,000 rows)
                return frozenset()
            found = set()
            with book.open(path) as stream:
                for _, element in ElementTree.iterparse(stream):
                    if element.tag == f"{SHEET_NAMESPACE}c":
                        if int(element.get("s", "0")) in styled:
                            found.add(_place(element.get("r", "")))
                        element.clear()
            return frozenset(found)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, StopIteration, ValueError, LookupError,
            ElementTree.ParseError, OSError):  # fmt: skip
        return None


def _percent_styles(styles: object) -> set[int]:
    """The cell styles (indexes into cellXfs) whose number format shows a percentage."""
    from xml.etree.ElementTree import Element

    assert isinstance(styles, Element)
    codes = {
        int(item.get("numFmtId", "0")): item.get("formatCode", "")
        for item in styles.iter(f"{SHEET_NAMESPACE}numFmt")
    }
    percent = set(_PERCENT_FORMATS) | {number for number, code in codes.items() if "%" in _unquoted(code)}
    cell_formats = styles.find(f"{SHEET_NAMESPACE}cellXfs")
    formats = list(cell_formats) if cell_formats is not None else []
    return {index for index, xf in enumerate(formats) if int(xf.get("numFmtId", "0")) in percent}


def _unquoted(code: str) -> str:
    """A number format less its quoted text and bracketed parts: `0"%"` shows a % sign, not a percentage."""

    return re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)


def _place(reference: str) -> tuple[int, int]:
    """`C12` → (12, 3)."""
    letters = "".join(char for char in reference if char.isalpha())
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(reference[len(letters) :]), column
