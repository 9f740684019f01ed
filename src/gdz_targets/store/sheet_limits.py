"""The limits of a workbook's sheets, read from what each declares — its used range, every row's and cell's
number, an .ods's repeated rows and columns, an .xls's or .xlsb's records — before the spreadsheet reader
reads one: a 2 KB file can claim a sheet of 512 GiB, and a reader that believes it aborts the process.

A little longer than 500 lines, for four formats that each declare a sheet's size their own way (XML in a
zip for .xlsx and .ods, records in a compound file for .xls, binary records for .xlsb): one concern, read
together."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Final, NamedTuple

from gdz_targets.domain.errors import UsageError, msg

if TYPE_CHECKING:
    from zipfile import ZipFile, ZipInfo


ZIP_MAGIC: Final = b"PK\x03\x04"  # .xlsx, .xlsb and .ods are zip files
OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0"  # the legacy .xls

# What gdz reads from one table, checked before a reader spends the memory (README, Reliability). Rows and
# columns are Excel's own limits, so nothing a department sends from Excel or WPS is refused; a text file's
# blank lines count, as a spreadsheet's empty rows do (20 MiB of blank lines once took 3.6 GB).
ROW_LIMIT: Final = 1 << 20  # 1,048,576 rows
COLUMN_LIMIT: Final = 1 << 14  # 16,384 columns (A to XFD)
# Cells a sheet spans from A1 (its last row × its last column), and cells written one by one: the reader holds
# each, empty or not (calamine ~32 bytes, then a Python list), so two cells at A1 and XFD1048576 — within both
# limits above — asked calamine for 512 GiB and aborted the process. 16,777,216 is Excel's full height at 16
# columns (every column gdz reads, 11, with room) or its full width at 1,024 rows: about 0.5 GiB at most.
CELL_LIMIT: Final = 1 << 24
# Bytes in one line of a text file, and characters in one cell: a row of entries is well under 1 KiB and a
# note of a few pages some 10 KiB, while a 200 MiB line was parsed, copied and checked until it was killed.
LINE_LIMIT: Final = 1 << 20
SHEET_NAMESPACE: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP_ID: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class Extent(NamedTuple):
    """How far a sheet reaches (its last row and column, 1-based) and the cells a reader holds one by one."""

    sheet: str
    rows: int
    columns: int
    cells: int


def refuse_past_limits(extent: Extent, path: str) -> None:
    if extent.rows > ROW_LIMIT:
        raise UsageError(msg("import.sheet_rows", path=path, sheet=extent.sheet, row=f"{extent.rows:,}",
                             limit=f"{ROW_LIMIT:,}"))  # fmt: skip
    if extent.columns > COLUMN_LIMIT:
        raise UsageError(msg("import.sheet_columns", path=path, sheet=extent.sheet,
                             column=f"{extent.columns:,}", limit=f"{COLUMN_LIMIT:,}"))  # fmt: skip
    if extent.rows * extent.columns > CELL_LIMIT:
        raise UsageError(msg("import.sheet_cells", path=path, sheet=extent.sheet, rows=f"{extent.rows:,}",
                             columns=f"{extent.columns:,}", limit=f"{CELL_LIMIT:,}"))  # fmt: skip
    if extent.cells > CELL_LIMIT:
        raise UsageError(msg("import.sheet_cells_written", path=path, sheet=extent.sheet,
                             cells=f"{extent.cells:,}", limit=f"{CELL_LIMIT:,}"))  # fmt: skip


def extents(data: bytes, path: str) -> Iterator[Extent]:
    """The extent of every sheet of a workbook — .xlsx/.xlsm, .ods, .xlsb or .xls — as its reader would place
    its cells; what cannot be read here is left to the reader, which says how it is damaged."""
    if data.startswith(OLE_MAGIC):
        yield from _xls_extents(data, path)
        return
    if not data.startswith(ZIP_MAGIC):
        return
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = _xlsx_sheet_names(book)
            binary = _xlsb_sheet_parts(book)
            for item in book.infolist():
                if item.filename == "content.xml":
                    yield from _ods_extents(book, path)
                elif item.filename in binary:
                    yield _xlsb_extent(b"".join(_chunks(book, item)), binary[item.filename])
                elif not item.is_dir():
                    sheet = names.get(item.filename) or item.filename.rpartition("/")[2].rpartition(".")[0]
                    found = _xml_extent(_chunks(book, item), sheet)
                    if found is not None and found.cells < 0:  # not written as Excel writes it: read in full
                        try:
                            found = _xml_extent_in_full(_chunks(book, item), sheet, path)
                        except (
                            UsageError
                        ):  # unreadable XML refuses a sheet, not a part the reader never reads
                            if item.filename in names or item.filename.startswith("xl/worksheets/"):
                                raise
                            found = None
                    if found is not None:
                        yield found
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        return  # a zip that cannot be opened: the reader says how


def _chunks(book: ZipFile, item: ZipInfo | str) -> Iterator[bytes]:
    """A part's bytes in chunks, as far as they can be read: a part damaged further on (a checksum, a cut)
    still has its readable start measured, which the reader reads before it finds the damage."""
    import zipfile
    import zlib

    try:
        with book.open(item) as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        return


def _xlsx_sheet_names(book: ZipFile) -> dict[str, str]:
    """The sheets of an .xlsx by the part each is read from, found as calamine finds them."""
    import zipfile
    import zlib
    from xml.etree import ElementTree

    try:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        relations = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, ValueError, LookupError, OSError, zipfile.BadZipFile,
            zlib.error, EOFError):  # fmt: skip
        return {}
    targets = {item.get("Id"): item.get("Target", "") for item in relations}
    found = {}
    for item in workbook.iter(f"{SHEET_NAMESPACE}sheet"):
        found[xlsx_part(targets.get(item.get(RELATIONSHIP_ID), ""))] = item.get("name", "")
    return found


def xlsx_part(target: str) -> str:
    """The part of an .xlsx a sheet's relationship names, as calamine (which reads its cells) finds it:
    `/xl/…` and `xl/…` from the package's root, anything else from `xl/`."""
    if target.startswith("/xl/"):
        return target[1:]
    return target if target.startswith("xl/") else f"xl/{target}"


# An .xlsx's sheet as Excel, LibreOffice, WPS, openpyxl and xlsxwriter write it: every row and cell numbered,
# the number first. Such a sheet is measured by searching its bytes (a tenth of a second for 100,000 rows);
# one written otherwise (a cell without its reference, a prefix, a comment around a tag) is read in full.
_ODD_TAG: Final = re.compile(
    rb'<[^\s<>/!?]+:(?:c|row|dimension)[\s/>]|<c(?! r="[A-Z]{1,3}[1-9][0-9]{0,6}")[\s/>]'
    rb'|<row(?! r="[1-9][0-9]{0,6}")[\s/>]|<dimension(?! ref="[A-Z]{1,3}[1-9][0-9]{0,6}'
    rb'(?::[A-Z]{1,3}[1-9][0-9]{0,6})?")[\s/>]|<!--|<!\[CDATA\['
)
_CELL_COLUMNS: Final = re.compile(rb'<c r="([A-Z]{1,3})[1-9]')
_CELL_ROWS: Final = re.compile(rb'<c r="[A-Z]{1,3}([1-9][0-9]{0,6})"')
_MILLIONTH_ROW: Final = re.compile(rb'<c r="[A-Z]{1,3}[1-9][0-9]{6}"')  # a cell at row 1,000,000 or further
_ROW_NUMBERS: Final = re.compile(rb'<row r="([1-9][0-9]{0,6})"')
_DIMENSIONS: Final = re.compile(
    rb'<dimension ref="(?:[A-Z]{1,3}[1-9][0-9]{0,6}:)?([A-Z]{1,3})([1-9][0-9]{0,6})"'
)
_CHUNK: Final = 4 << 20  # bytes of a part read at a time


def _xml_extent(chunks: Iterator[bytes], sheet: str) -> Extent | None:
    """An XML part's extent, searched for where every cell and row is written as Excel writes it (cells -1
    where one is not: it is then parsed; None for a part that is not XML)."""
    rows = columns = cells = 0
    carry = b""
    first = True
    for read in chunks:
        if first and read.startswith((b"\xff\xfe", b"\xfe\xff")):
            return Extent(sheet, 0, 0, -1)  # UTF-16: parsed
        if first and not read.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            return None  # an image, a binary part
        first = False
        chunk, carry = (carry + read if carry else read), b""
        cut = chunk.rfind(b"<")
        if cut >= 0 and len(chunk) - cut < 64:  # a tag cut at the chunk's end is read with the next chunk
            chunk, carry = chunk[:cut], chunk[cut:]
        if _ODD_TAG.search(chunk):
            return Extent(sheet, 0, 0, -1)
        letters = _CELL_COLUMNS.findall(chunk)
        cells += len(letters)
        if letters:
            width = max(map(_column_number, set(letters)))
            columns = max(columns, width)
            # Below row 1,000,000 and 16 columns a sheet is within every limit: no need to find its last row.
            if width * 999_999 > CELL_LIMIT or _MILLIONTH_ROW.search(chunk):
                rows = max(rows, *map(int, _CELL_ROWS.findall(chunk)))
        numbers = _ROW_NUMBERS.findall(chunk)
        if numbers:
            rows = max(rows, *map(int, numbers))
        for letters_at, row_at in _DIMENSIONS.findall(chunk):  # the used range the sheet declares
            rows, columns = max(rows, int(row_at)), max(columns, _column_number(letters_at))
    if carry and _ODD_TAG.search(carry):
        return Extent(sheet, 0, 0, -1)
    return Extent(sheet, rows, columns, cells)


def _xml_extent_in_full(chunks: Iterator[bytes], sheet: str, path: str) -> Extent:
    """An XML sheet's extent, parsed as calamine reads it: a cell without its reference stands after the one
    before it, in a row without a number after the row before it."""
    at_row = at_column = rows = columns = cells = 0  # 0-based, as the reader counts

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal at_row, at_column, rows, columns, cells
        local = tag.rpartition(":")[2]
        if local == "row" and (number := attributes.get("r", "")).isdigit():
            at_row = max(int(number) - 1, 0)
            rows = max(rows, int(number))
        elif local == "c":
            place = _reference(attributes.get("r"))
            if place is not None:
                at_row, at_column = place[0] - 1, place[1] - 1
            rows, columns, cells = max(rows, at_row + 1), max(columns, at_column + 1), cells + 1
            at_column += 1
        elif local == "dimension" and (last := _reference(attributes.get("ref", "").rpartition(":")[2])):
            rows, columns = max(rows, last[0]), max(columns, last[1])

    def end(tag: str) -> None:
        nonlocal at_row, at_column
        if tag.rpartition(":")[2] == "row":
            at_row, at_column = at_row + 1, 0

    _parse_xml(chunks, start, end, path)
    return Extent(sheet, rows, columns, cells)


def _parse_xml(
    chunks: Iterator[bytes],
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None],
    path: str,
) -> None:
    """Feed an XML part to expat in chunks; one it cannot read is refused, as the reader would."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except (
        expat.ExpatError,
        LookupError,
        ValueError,
    ) as exc:  # LookupError: an encoding Python does not know
        raise UsageError(msg("import.bad_spreadsheet", path=path, detail=f"XML: {exc}")) from None


def _reference(text: str | None) -> tuple[int, int] | None:
    """`C12` → (12, 3), 1-based; None for what is no cell reference."""
    found = re.fullmatch(r"([A-Za-z]+)([0-9]+)", text or "")
    return (int(found.group(2)), _column_number(found.group(1).upper())) if found else None


def _column_number(letters: bytes | str) -> int:
    """`A` → 1, `XFD` → 16384."""
    number = 0
    for letter in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + letter - ord("A") + 1
    return number


_ODS_VALUES: Final = ("office:value", "office:string-value", "office:date-value", "office:time-value",
                      "office:boolean-value", "table:formula")  # fmt: skip


def _ods_extents(book: ZipFile, path: str) -> list[Extent]:
    """Each table of an .ods as calamine reads it: rows and cells repeated as often as they say, empty ones at
    the end free (LibreOffice ends every sheet with a million of them), up to the last with content."""
    found: list[Extent] = []
    sheet, rows, last_row, columns, cells = "", 0, 0, 0, 0
    repeats = column = last_column = 0

    def times(value: str | None) -> int:
        return max(int(value), 1) if value is not None and value.lstrip("+").isdigit() else 1

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal sheet, rows, last_row, columns, cells, repeats, column, last_column
        if tag == "table:table":
            sheet, rows, last_row, columns, cells = attributes.get("table:name", ""), 0, 0, 0, 0
        elif tag == "table:table-row":
            repeats, column, last_column = times(attributes.get("table:number-rows-repeated")), 0, 0
        elif tag in ("table:table-cell", "table:covered-table-cell"):
            column += times(attributes.get("table:number-columns-repeated"))
            if attributes.get("office:value-type") == "string" or any(
                key in attributes for key in _ODS_VALUES
            ):
                last_column = column

    def end(tag: str) -> None:
        nonlocal rows, last_row, columns, cells
        if tag == "table:table-row":
            rows += repeats
            if last_column:  # a row with content: the rows before it are held, empty or not
                last_row, columns, cells = rows, max(columns, last_column), cells + last_column
        elif tag == "table:table":
            found.append(Extent(sheet, last_row, columns, cells))

    _parse_xml(_chunks(book, "content.xml"), start, end, path)
    return found


def _xls_extents(data: bytes, path: str) -> Iterator[Extent]:
    """Each sheet of a legacy .xls as calamine reads it — all of them, when the workbook is opened: the range
    each declares (calamine sets that much memory aside) and each cell's row and column."""
    stream = _compound_stream(data, ("Workbook", "Book"))
    if stream is None:
        return  # the reader says what is wrong
    sheets: list[tuple[int, str]] = []
    for kind, body in _biff_records(stream, 0):
        if kind == 0x0085 and len(body) >= 8:  # BoundSheet8: where the sheet starts, and its name
            sheets.append((int.from_bytes(body[:4], "little"), _short_name(body[6:])))
        elif (
            kind == 0x00FC and len(body) >= 8
        ):  # SST: calamine sets aside room for as many strings as it says
            count = int.from_bytes(body[4:8], "little", signed=True)
            if not 0 <= count <= len(stream):  # each string takes 3 bytes at least
                raise UsageError(msg("import.bad_spreadsheet", path=path, detail=f"{count:,} shared strings"))
        elif kind == 0x000A:  # EOF
            break
    for start, sheet in sheets:
        rows = columns = cells = 0
        for kind, body in _biff_records(stream, start):
            if kind == 0x0200 and len(body) in (10, 14):  # Dimensions: first row, row past the last, columns
                row_size = 4 if len(body) == 14 else 2
                first_row, past_row, first_column, past_column = (
                    int.from_bytes(body[at : at + size], "little")
                    for at, size in (
                        (0, row_size),
                        (row_size, row_size),
                        (2 * row_size, 2),
                        (2 * row_size + 2, 2),
                    )
                )
                rows, columns = (
                    max(rows, past_row, first_row + 1),
                    max(columns, past_column, first_column + 1),
                )
                if past_row and past_column:  # calamine sets aside this many, wrapping below zero as unsigned
                    cells = max(
                        cells, (past_row - first_row) % (1 << 32) * ((past_column - first_column) % (1 << 32))
                    )
            elif kind in (0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006) and len(body) >= 4:
                row, column = int.from_bytes(body[:2], "little"), int.from_bytes(body[2:4], "little")
                rows, columns, cells = max(rows, row + 1), max(columns, column + 1), cells + 1
            elif kind == 0x00BD and len(body) >= 6:  # MulRk: cells from a first column on, 6 bytes each
                row, column = int.from_bytes(body[:2], "little"), int.from_bytes(body[2:4], "little")
                count = (len(body) - 6) // 6
                rows, columns = max(rows, row + 1), max(columns, column + count)
                cells += count
            elif kind == 0x000A:
                break
        yield Extent(sheet, rows, columns, cells)


def _short_name(body: bytes) -> str:
    """A sheet's name in a BoundSheet8 record (a count, a flag for two bytes a character, the characters)."""
    count, wide = body[0], len(body) > 1 and body[1] & 1
    text = body[2 : 2 + count * (2 if wide else 1)]
    return text.decode("utf-16-le" if wide else "latin-1", "replace")


def _biff_records(stream: bytes, at: int) -> Iterator[tuple[int, bytes]]:
    """The records of a BIFF stream from `at`: a type and a length (two bytes each), then the body."""
    while at + 4 <= len(stream):
        kind, size = (
            int.from_bytes(stream[at : at + 2], "little"),
            int.from_bytes(stream[at + 2 : at + 4], "little"),
        )
        body = stream[at + 4 : at + 4 + size]
        if len(body) < size:
            return
        yield kind, body
        at += 4 + size


_END_OF_CHAIN: Final = 0xFFFFFFFA  # sector numbers from here up end a chain or mark a free sector


def _compound_stream(data: bytes, names: tuple[str, ...]) -> bytes | None:
    """The first stream named in `names` of a compound file (the container of an .xls), or None where the file
    cannot be read as one; each chain of sectors is followed at most once around, whatever its links say."""
    from array import array

    if len(data) < 512:
        return None
    shift, mini_shift = int.from_bytes(data[30:32], "little"), int.from_bytes(data[32:34], "little")
    if not 7 <= shift <= 16 or mini_shift >= shift:
        return None
    size = 1 << shift

    def numbers(raw: bytes) -> list[int]:
        table = array("I")
        table.frombytes(raw[: len(raw) // 4 * 4])
        if sys.byteorder == "big":
            table.byteswap()
        return table.tolist()

    def sector(number: int) -> bytes:
        return data[(number + 1) * size : (number + 2) * size]

    def chain(first: int, table: list[int]) -> list[int]:
        found, seen = [], set()
        while first < _END_OF_CHAIN and first < len(table) and first not in seen:
            seen.add(first)
            found.append(first)
            first = table[first]
        return found

    fat_count, directory_start = int.from_bytes(data[44:48], "little"), int.from_bytes(data[48:52], "little")
    mini_cutoff, mini_start = int.from_bytes(data[56:60], "little"), int.from_bytes(data[60:64], "little")
    difat, next_difat, seen = numbers(data[76:512]), int.from_bytes(data[68:72], "little"), set()
    while next_difat < _END_OF_CHAIN and next_difat not in seen and (next_difat + 1) * size < len(data):
        seen.add(next_difat)
        block = numbers(sector(next_difat))
        difat, next_difat = difat + block[:-1], block[-1] if block else _END_OF_CHAIN
    fat = numbers(b"".join(sector(number) for number in difat[:fat_count] if number < _END_OF_CHAIN))
    directory = b"".join(sector(number) for number in chain(directory_start, fat))
    entries = []
    for at in range(0, len(directory) - 127, 128):
        length = min(int.from_bytes(directory[at + 64 : at + 66], "little"), 64)
        name = directory[at : at + max(length - 2, 0)].decode("utf-16-le", "replace")
        first = int.from_bytes(directory[at + 116 : at + 120], "little")
        entries.append(
            (name, directory[at + 66], first, int.from_bytes(directory[at + 120 : at + 124], "little"))
        )
    if not entries:
        return None
    for wanted in names:
        for name, kind, first, length in entries:
            if kind != 2 or name.lower() != wanted.lower():
                continue
            if length >= mini_cutoff:
                return b"".join(sector(number) for number in chain(first, fat))[:length]
            mini = b"".join(sector(number) for number in chain(entries[0][2], fat))
            table = numbers(b"".join(sector(number) for number in chain(mini_start, fat)))
            step = 1 << mini_shift
            return b"".join(mini[number * step : (number + 1) * step] for number in chain(first, table))[
                :length
            ]
    return None


def _xlsb_sheet_parts(book: ZipFile) -> dict[str, str]:
    """The binary sheets of an .xlsb, by part, with a name to give them."""
    parts = [
        name
        for name in book.namelist()
        if name.startswith("xl/worksheets/") and name.lower().endswith(".bin")
    ]
    return {part: part.rpartition("/")[2].rpartition(".")[0] for part in parts}


def _xlsb_extent(data: bytes, sheet: str) -> Extent:
    """An .xlsb sheet's extent from its records: the range it declares, each row's number, each cell's
    column."""
    rows = columns = cells = 0
    row = 0
    for kind, body in _xlsb_records(data):
        if kind == 0x0000 and len(body) >= 4:  # BrtRowHdr
            row = int.from_bytes(body[:4], "little")
            rows = max(rows, row + 1)
        elif 0x0002 <= kind <= 0x000B and len(body) >= 4:  # a cell: its column first
            columns, cells = max(columns, int.from_bytes(body[:4], "little") + 1), cells + 1
            rows = max(rows, row + 1)
        elif kind == 0x0094 and len(body) >= 16:  # BrtWsDim: first and last row, first and last column
            rows = max(rows, int.from_bytes(body[4:8], "little") + 1)
            columns = max(columns, int.from_bytes(body[12:16], "little") + 1)
    return Extent(sheet, rows, columns, cells)


def _xlsb_records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The records of a BIFF12 part: a type and a length, each a little-endian number of 7-bit bytes."""
    at = 0
    while at < len(data):
        numbers = []
        for most in (2, 4):
            value = shift = 0
            for _ in range(most):
                if at >= len(data):
                    return
                byte = data[at]
                at += 1
                value |= (byte & 0x7F) << shift
                shift += 7
                if not byte & 0x80:
                    break
            numbers.append(value)
        kind, size = numbers
        yield kind, data[at : at + size]
        at += size


UNPACKED_LIMIT: Final = 1 << 30  # bytes: a workbook's parts unpacked (a sheet of a million rows is far less)


def refuse_a_bomb(data: bytes, name: str) -> None:
    """Refuse a zipped workbook (.xlsx, .ods) whose parts unpack to more than UNPACKED_LIMIT, before reading
    it: a small file can unpack to gigabytes."""
    if not data.startswith(ZIP_MAGIC):
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
