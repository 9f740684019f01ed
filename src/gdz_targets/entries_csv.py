"""The CSV layout of log entries: what `gdz export entries` writes and `gdz import` reads back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Final, NamedTuple

from .errors import Message, msg
from .model import Entry, Plan
from .values import format_number

ENTRY_COLUMNS: Final = (
    "id",
    "target",
    "city",
    "date",
    "value",
    "unit",
    "note",
    "source",
    "recorded_by",
    "recorded_at",
)
ENTRY_COLUMNS_ZH: Final = (
    "编号",
    "指标",
    "城市",
    "日期",
    "数值",
    "单位",
    "备注",
    "来源",
    "记录人",
    "记录时间",
)
# A hand-made file may leave out the header and the columns after `value`.
SIMPLE_COLUMNS: Final = ("target", "date", "value", "city", "note", "source")

# OWASP CSV injection: a text cell starting with one of these is read as a formula by spreadsheets.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", "\0")
_ESCAPE: Final = "'"


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would run; also to text already starting with one, so the
    prefix can always be taken off again on import."""
    return _ESCAPE + text if text.startswith((*FORMULA_STARTS, _ESCAPE)) else text


def restore(text: str) -> str:
    if text.startswith(_ESCAPE) and text[1:].startswith((*FORMULA_STARTS, _ESCAPE)):
        return text[1:]
    return text


def header(lang: str) -> tuple[str, ...]:
    return ENTRY_COLUMNS_ZH if lang == "zh" else ENTRY_COLUMNS


def entry_row(plan: Plan, entry: Entry) -> list[str]:
    target = plan.target(entry.target)
    unit = plan.unit_of(target) if target is not None else None
    value = (
        ("done" if entry.value else "not-done")
        if isinstance(entry.value, bool)
        else format_number(entry.value)
    )
    return [
        entry.id,
        entry.target,
        entry.city.value,
        entry.date.isoformat(),
        value,
        unit.id if unit else "",
        neutralise(entry.note or ""),
        neutralise(entry.source or ""),
        neutralise(entry.recorded_by),
        entry.recorded_at.isoformat(),
    ]


class CsvRow(NamedTuple):
    """One data row: its line in the file and its cells by column name."""

    line: int
    cells: dict[str, str]


class CsvLayoutError(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


def read_rows(text: str) -> Iterator[CsvRow]:
    """Rows of an entries CSV with or without a header row (English or Chinese names); blank rows skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    columns: Sequence[str] = SIMPLE_COLUMNS
    first = True
    for cells in reader:
        line = reader.line_num
        if first:
            first = False
            names = _header_names(cells)
            if names is not None:
                columns = names
                continue
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns):
            raise CsvLayoutError(
                msg("import.too_many_cells", line=line, count=len(cells), columns=len(columns))
            )
        yield CsvRow(line, {name: restore(cell) for name, cell in zip(columns, cells, strict=False)})


def _header_names(cells: Sequence[str]) -> list[str] | None:
    names = []
    known = dict(zip(ENTRY_COLUMNS_ZH, ENTRY_COLUMNS, strict=True))
    for cell in cells:
        name = cell.strip().lower()
        name = known.get(name, name)
        if name not in ENTRY_COLUMNS:
            return None
        names.append(name)
    if not {"target", "date", "value"} <= set(names):
        return None
    return names


def parse_recorded_at(text: str) -> datetime | None:
    """An ISO date-time with a UTC offset, as export writes it; None if it is not one."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if value.tzinfo is not None else None
