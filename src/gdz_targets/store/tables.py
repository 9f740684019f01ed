"""Tables from the files people send: CSV or tab-separated text in UTF-8, UTF-16 or GB18030 (what Excel on
Chinese Windows saves), and spreadsheets (.xlsx, .xls, .xlsb, .ods) read with calamine. A table is rows of
cells, each row knowing where it stands in the file, so that every problem can be named by its place."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Final, NamedTuple

from gdz_targets.domain.errors import Message, Problem, UsageError, msg

Cell = str | float | int | bool | date | datetime | time | timedelta | None
SPREADSHEET_SUFFIXES: Final = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
SEPARATORS: Final = (",", "\t", ";")
SEPARATOR_NAMES: Final = {",": "comma", "\t": "tab", ";": "semicolon"}
_UTF16_BOMS: Final = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
_ZIP: Final = b"PK\x03\x04"  # .xlsx, .xlsb and .ods are zip files
_OLE: Final = b"\xd0\xcf\x11\xe0"  # the legacy .xls


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
    return name.lower().endswith(SPREADSHEET_SUFFIXES) or data.startswith((_ZIP, _OLE))


def read_tables(data: bytes, name: str, sheet: str | None = None) -> list[Table]:
    """The rows of a text table, or of a workbook's sheets in order (only `sheet` if it names one)."""
    if is_spreadsheet(data, name):
        return _read_sheets(data, name, sheet)
    return [_read_text(data, name, sheet)]


def _read_text(data: bytes, name: str, sheet: str | None) -> Table:
    if sheet is not None:
        raise UsageError(msg("import.sheet_of_text", path=name))
    text, encoding = _decode(data, name)
    separator = _separator(text)
    csv.field_size_limit(len(data) + 1)  # a long note exports fine, so it must import too
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[Row] = []
    start = 1  # a quoted cell may hold line breaks: a row is named by the line it starts on
    try:
        for cells in reader:
            rows.append(Row(start, list(cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        problem = Problem(name, msg("import.bad_csv", detail=str(exc)), reader.line_num + 1, None)
        raise UsageError(problem.message, [problem]) from None
    return Table(rows, None, encoding, separator)


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
    _refuse_a_bomb(data, name)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names: Sequence[str] = workbook.sheet_names
        if not names or (sheet is not None and sheet not in names):
            raise UsageError(msg("import.no_sheet", path=name, sheet=sheet or "", sheets="、".join(names)))
        tables = []
        for chosen in [sheet] if sheet is not None else names:
            values = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
            rows = [Row(number, [None if cell == "" else cell for cell in cells]) for number, cells in
                    enumerate(values, start=1)]  # fmt: skip
            tables.append(Table(rows, chosen, None, None, percent_cells(data, chosen)))
    except UsageError:
        raise
    except Exception as exc:  # calamine raises its own errors for damaged or encrypted files
        raise UsageError(msg("import.bad_spreadsheet", path=name, detail=str(exc).splitlines()[0])) from None
    return tables


UNPACKED_LIMIT: Final = 1 << 30  # bytes: a workbook's parts unpacked (a sheet of a million rows is far less)


def _refuse_a_bomb(data: bytes, name: str) -> None:
    """Refuse a zipped workbook (.xlsx, .ods) whose parts unpack to more than UNPACKED_LIMIT, before reading
    it: a small file can unpack to gigabytes."""
    if not data.startswith(_ZIP):
        return
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            unpacked = sum(item.file_size for item in book.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # damaged: the reader says how
    if unpacked > UNPACKED_LIMIT:
        size, limit = f"{unpacked >> 20} MiB", f"{UNPACKED_LIMIT >> 20} MiB"
        raise UsageError(msg("import.unpacks_too_large", path=name, size=size, limit=limit))


_MAIN: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PERCENT_FORMATS: Final = frozenset({9, 10})  # Excel's built-in 0% and 0.00%


def percent_cells(data: bytes, sheet: str) -> frozenset[tuple[int, int]] | None:
    """The cells of an .xlsx sheet formatted as a percentage — the cell holds 0.95 and shows 95% — as (row,
    column), 1-based; None for a workbook whose formats are not read here (.xls, .ods) or cannot be."""
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
            relations = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
            styles = ElementTree.fromstring(book.read("xl/styles.xml"))
            sheet_id = next(
                item.get(_RELATIONSHIP)
                for item in workbook.iter(f"{_MAIN}sheet")
                if item.get("name") == sheet
            )
            target = next(item.get("Target", "") for item in relations if item.get("Id") == sheet_id)
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            styled = _percent_styles(styles)
            found = set()
            with book.open(path) as stream:
                for _, element in ElementTree.iterparse(stream):
                    if element.tag == f"{_MAIN}c":
                        if int(element.get("s", "0")) in styled:
                            found.add(_place(element.get("r", "")))
                        element.clear()
            return frozenset(found)
    except (zipfile.BadZipFile, KeyError, StopIteration, ValueError, ElementTree.ParseError, OSError):
        return None


def _percent_styles(styles: object) -> set[int]:
    """The cell styles (indexes into cellXfs) whose number format shows a percentage."""
    from xml.etree.ElementTree import Element

    assert isinstance(styles, Element)
    codes = {
        int(item.get("numFmtId", "0")): item.get("formatCode", "") for item in styles.iter(f"{_MAIN}numFmt")
    }
    percent = set(_PERCENT_FORMATS) | {number for number, code in codes.items() if "%" in _unquoted(code)}
    cell_formats = styles.find(f"{_MAIN}cellXfs")
    formats = list(cell_formats) if cell_formats is not None else []
    return {index for index, xf in enumerate(formats) if int(xf.get("numFmtId", "0")) in percent}


def _unquoted(code: str) -> str:
    """A number format less its quoted text and bracketed parts: `0"%"` shows a % sign, not a percentage."""
    import re

    return re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)


def _place(reference: str) -> tuple[int, int]:
    """`C12` → (12, 3)."""
    letters = "".join(char for char in reference if char.isalpha())
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(reference[len(letters) :]), column
