"""Which column of a table is which: the header found (in English or Chinese, below any title rows) and each
data row's cells named by it, or the columns of a file without a header in their simple order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from gdz_targets.domain.errors import Message, Problem, UsageError, msg

from .cells import blank
from .tables import HEAD_ROWS, SEPARATOR_NAMES, Cell, Row, Table, column_letters

# The columns gdz reads, and the names people give them (case, spaces, - and _ do not matter).
COLUMN_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "id": ("id", "entry", "entry id", "编号", "记录编号", "条目编号"),
    "target": ("target", "target id", "指标", "目标", "指标id", "指标编号", "指标代码"),
    "city": ("city", "城市"),
    "date": ("date", "as of", "日期", "截至日期", "数据日期", "时间"),
    "value": ("value", "figure", "数值", "值", "数据", "完成值"),
    "qualifier": ("qualifier", "bound", "限定", "限定词"),
    "unit": ("unit", "单位"),
    "note": ("note", "notes", "备注", "说明"),
    "source": ("source", "来源", "出处", "数据来源"),
    "recorded_by": ("recorded by", "by", "记录人", "填报人"),
    "recorded_at": ("recorded at", "at", "记录时间", "填报时间"),
}
REQUIRED: Final = ("target", "date", "value")
# A header-less file: the columns in this order (the shortest useful file is target,date,value).
SIMPLE_COLUMNS: Final = ("target", "date", "value", "city", "note", "source")
# Columns that only other exports have: a status or targets export imported by mistake is named as such.
STATUS_EXPORT_COLUMNS: Final = frozenset(
    {"progress_pct", "gap_to_target", "score", "days_left", "进度%", "得分"}
)
TARGETS_EXPORT_COLUMNS: Final = frozenset({"baseline_quote", "target_value", "原文", "目标值"})
# Rows a header may stand below: a title, merged or not, and blank rows. The reader keeps these rows whole and
# passes over blank rows below them.
HEADER_SEARCH: Final = HEAD_ROWS


def _key(name: object) -> str:
    return "".join(str(name).lower().replace("_", " ").replace("-", " ").split())


KNOWN_NAMES: Final = {_key(alias): column for column, aliases in COLUMN_NAMES.items() for alias in aliases}


class NamedRow(NamedTuple):
    """A row's cells by column name, with the column each came from."""

    row: Row
    cells: dict[str, tuple[int, Cell]]  # column name -> (1-based column number, cell)
    columns: dict[str, int]  # every column the table names -> its 1-based number (empty cells included)
    stray: Problem | None = None  # a cell outside the named columns: the row's other cells are still checked


def named_rows(table: Table, path: str) -> list[NamedRow]:
    """The data rows with their cells named by the header (found below any title rows), or by the simple
    order target, date, value, city, note, source where there is no header; a cell beyond the columns or
    under one without a name is the row's `stray` problem."""
    header_at, names = _header(table, path)
    rows = table.rows[header_at + 1 :] if names else table.rows
    columns = names or list(SIMPLE_COLUMNS)
    numbers = {name: n for n, name in enumerate(columns, start=1) if name}
    located = []
    for row in rows:
        if all(blank(cell) for cell in row.cells):
            continue
        stray = None
        extra = [n for n, cell in enumerate(row.cells, start=1) if n > len(columns) and not blank(cell)]
        unnamed = [n for n, cell in enumerate(row.cells[: len(columns)], start=1)
                   if not columns[n - 1] and not blank(cell)]  # fmt: skip
        if extra:
            problem = msg("import.extra_cells", count=len(row.cells), columns=len(columns))
            stray = table.problem(path, row.number, extra[0], problem)
        elif unnamed:
            stray = table.problem(path, row.number, unnamed[0], msg("import.unnamed_cell"))
        cells = {name: (n, cell) for n, (name, cell) in enumerate(zip(columns, row.cells, strict=False), 1)
                 if name and not blank(cell)}  # fmt: skip
        located.append(NamedRow(row, cells, numbers, stray))
    return located


def header_row(table: Table) -> int | None:
    """Where a row names target, date and value, if one does near the top."""
    for index, row in enumerate(table.rows[:HEADER_SEARCH]):
        names = {KNOWN_NAMES.get(_key(cell), "") for cell in row.cells if not blank(cell)}
        if set(REQUIRED) <= names:
            return index
    return None


def _header(table: Table, path: str) -> tuple[int, list[str]]:
    """Where the header row is and its column names; (-1, []) for a file without one. A row is the header
    when it names target, date and value (in English or Chinese); a column it does not know is refused."""
    refuse_other_report(table, path)
    for index, row in enumerate(table.rows[:HEADER_SEARCH]):
        names = [KNOWN_NAMES.get(_key(cell), "") if not blank(cell) else "" for cell in row.cells]
        if not set(REQUIRED) <= set(names):
            continue
        first: dict[str, int] = {}
        for column, (name, cell) in enumerate(zip(names, row.cells, strict=True), start=1):
            if not name and not blank(cell):
                unknown = msg("import.unknown_column", name=str(cell).strip(), known=", ".join(COLUMN_NAMES))
                raise UsageError(unknown, [table.problem(path, row.number, column, unknown)])
            if name in first:  # which of the two would count? Neither is guessed.
                other = column_letters(first[name]) if table.sheet else str(first[name])
                twice = msg("import.column_twice", name=str(cell).strip(), other=other)
                raise UsageError(twice, [table.problem(path, row.number, column, twice)])
            if name:
                first[name] = column
        return index, names
    if table.rows and not _looks_like_data(table.rows):
        separator = "" if table.sheet else msg("import.separator", name=_separator_name(table.separator))
        problem = msg("import.no_header", separator=separator)
        raise UsageError(problem, [table.problem(path, table.rows[0].number, None, problem)])
    return -1, []


def refuse_other_report(table: Table, path: str) -> None:
    """A status or targets report, given as entries by mistake, is named as what it is."""
    for row in table.rows[:HEADER_SEARCH]:
        texts = {_key(cell) for cell in row.cells if not blank(cell)}
        if texts & {_key(name) for name in STATUS_EXPORT_COLUMNS}:
            raise UsageError(msg("import.status_export", path=path))
        if texts & {_key(name) for name in TARGETS_EXPORT_COLUMNS}:
            raise UsageError(msg("import.targets_export", path=path))


def _looks_like_data(rows: Sequence[Row]) -> bool:
    """A file without a header starts with a data row: at least a target, a date and a value."""
    first = next((row for row in rows if not all(blank(cell) for cell in row.cells)), None)
    return first is not None and len([cell for cell in first.cells if not blank(cell)]) >= len(REQUIRED)


def _separator_name(separator: str | None) -> Message:
    return msg("separator." + SEPARATOR_NAMES.get(separator or ",", "comma"))
