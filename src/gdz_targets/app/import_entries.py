"""`gdz import`: read the table a department sent (CSV, tab-separated text or a spreadsheet), check every cell
of every row, and say what is new — all rows or none, and never a guess."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Final, NamedTuple, TypeVar

from gdz_targets.domain.errors import Message, Problem, UsageError, counted, msg
from gdz_targets.domain.model import Batch, City, Entry, Kind, Plan, Qualifier, Target
from gdz_targets.domain.query import require_target
from gdz_targets.domain.rules import date_problem, value_problem
from gdz_targets.domain.values import (
    FORMULA_ESCAPE,
    FORMULA_STARTS,
    LARGEST,
    QUALIFIER_MARKS,
    QUALIFIER_PREFIXES,
    QUALIFIER_SUFFIXES,
    ValueRefused,
    check_text,
    in_years,
    parse_calendar_day,
    parse_city,
    parse_figure,
    parse_milestone,
    parse_value,
    unit_name,
)
from gdz_targets.store.files import read_bytes
from gdz_targets.store.log import Log
from gdz_targets.store.records import is_record_id, new_record_id
from gdz_targets.store.tables import (
    HEAD_ROWS,
    SEPARATOR_NAMES,
    Cell,
    Row,
    Table,
    column_letters,
    read_tables,
)

from .session import Session

IMPORT_LIMIT: Final = 256 << 20  # bytes: a spreadsheet of a million rows is well under this
STDIN: Final = "-"
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
EXCEL_EPOCH: Final = date(1899, 12, 30)  # day 0 of Excel's (1900) date serial numbers, from serial 61 on
EXCEL_FALSE_LEAP_DAY: Final = 60  # Excel's 1900-02-29, kept from Lotus 1-2-3: serials 1–59 are a day later


def _key(name: object) -> str:
    return "".join(str(name).lower().replace("_", " ").replace("-", " ").split())


KNOWN_NAMES: Final = {_key(alias): column for column, aliases in COLUMN_NAMES.items() for alias in aliases}


@dataclass
class ImportPlan:
    """What an import would do: the entries to add, those already in the log, and every problem."""

    new: list[Entry] = field(default_factory=list)
    present: list[Entry] = field(default_factory=list)
    repeated: list[Entry] = field(default_factory=list)  # a row the same as an earlier row of the file
    problems: list[Problem] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)  # how the file was read, where that is worth saying
    batch: Batch | None = None  # the record that closed the import, once written


class Located(NamedTuple):
    """A row's cells by column name, with the column each came from."""

    row: Row
    cells: dict[str, tuple[int, Cell]]  # column name -> (1-based column number, cell)
    columns: dict[str, int]  # every column the table names -> its 1-based number (empty cells included)
    stray: Problem | None = None  # a cell outside the named columns: the row's other cells are still checked


def read_source(file: Path | str) -> bytes:
    """The bytes to import: a regular file, or standard input for `-` (bounded as files are)."""
    if str(file) == STDIN:
        import sys

        if sys.stdin is None:  # started with standard input closed (`gdz import - <&-`)
            raise UsageError(msg("import.stdin_closed"))
        data = sys.stdin.buffer.read(IMPORT_LIMIT + 1)
        if len(data) > IMPORT_LIMIT:
            raise UsageError(msg("file.too_large", path=STDIN, limit=f"{IMPORT_LIMIT >> 20} MiB"))
        return data
    return read_bytes(Path(file), IMPORT_LIMIT, error=UsageError)


def plan_import(
    session: Session,
    table: Table,
    path: str,
    log: Log,
    by: str | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Every cell of every row checked; rows already in `log` (same id, or same figure) are skipped."""
    plan = session.plan()
    result = ImportPlan()
    if table.encoding:
        result.notes.append(msg("import.read_as", encoding=table.encoding))
    if table.sheet is not None:
        result.notes.append(msg("import.read_sheet", sheet=table.sheet))
    rows = _located_rows(table, path)
    context = _RowContext(plan, session.recorder(by), session.now(), session.today(), force, table, path)
    matcher = _Matcher(log, table, path)
    for number, located in enumerate(rows, start=1):
        if progress is not None and number % 1000 == 0:
            progress(number, len(rows))
        entry, problems = context.entry(located)
        if located.stray is not None or entry is None:
            result.problems += [*problems, located.stray] if located.stray else problems
            continue
        place, found = matcher.place(located, entry)
        if isinstance(found, Problem):
            result.problems.append(found)
        else:
            getattr(result, place).append(found)  # new, present or repeated
    return result


def import_entries(
    session: Session,
    file: Path | str,
    by: str | None = None,
    force: bool = False,
    dry_run: bool = False,
    sheet: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Import a file's new entries, all or none (`dry_run`: none): raises UsageError listing every problem."""
    path = str(file)
    tables = read_tables(read_source(file), path, sheet)
    # Without --sheet, the first sheet with a header of entries: a gdz workbook opens with its summary. Where
    # none has one, a sheet that is another report (a status or targets workbook) says so.
    table = next((table for table in tables if _header_row(table) is not None), None)
    if table is None:
        for other in tables:
            _refuse_other_report(other, path)
        table = tables[0]
    if dry_run:
        return _checked(plan_import(session, table, path, session.log(), by, force, progress), path)
    # Planned under the lock: an import running at the same time waits, then finds these rows logged.
    with session.log_for_writing() as log:
        outcome = _checked(plan_import(session, table, path, log, by, force, progress), path)
        if outcome.new:
            # The rows name the import, and its closing record comes last: a kill at any moment of the write
            # leaves rows without it, which never count (README, Import).
            batch = Batch(new_record_id(), path, len(outcome.new), session.recorder(by), session.now())
            outcome.new = [entry._replace(batch=batch.id) for entry in outcome.new]
            log.append([*outcome.new, batch])
            outcome.batch = batch
    return outcome


def _checked(outcome: ImportPlan, path: str) -> ImportPlan:
    if outcome.problems:
        refused = msg("import.refused", path=path, problems=counted("problem", len(outcome.problems)))
        raise UsageError(refused, outcome.problems)
    return outcome


class _Matcher:
    """Where each row of an import goes: new, already in the log, repeating an earlier row, or a clash.

    A row with an id is that entry of a log (an export read back): matched by its id alone, so two entries of
    one day, however alike, both come back. A row without one is a figure, matched by its content."""

    def __init__(self, log: Log, table: Table, path: str) -> None:
        self.log, self.table, self.path = log, table, path
        self.known: dict[str, dict[Hashable, list[Entry]]] = {}  # by target, the entries of each figure
        self.seen: dict[tuple[str, City, date], tuple[int, Entry]] = {}  # rows without an id, by day
        self.in_file: dict[str, tuple[int, Entry]] = {}  # rows with an id, by id: one id is one entry
        self.added: set[str] = set()
        self.void_ids: set[str] | None = None  # the ids of the log's voids, read for the first row with an id

    def place(self, located: Located, entry: Entry) -> tuple[str, Entry | Problem]:
        """The list of `ImportPlan` the row goes to ("new", "present", "repeated" or "problem"), and what."""
        if "id" in located.cells:
            return self._by_id(located, entry)
        same_day = (entry.target, entry.city, entry.date)
        earlier = self.seen.get(same_day)
        if earlier is not None and (earlier[1].value, earlier[1].qualifier) != (entry.value, entry.qualifier):
            clash = msg("import.same_day_clash", line=_where(self.table, earlier[0]), target=entry.target)
            return "problem", self.table.problem(self.path, located.row.number, None, clash)
        figures = self._figures(entry.target)
        match = next((old for old in figures.get(_figure(entry), []) if _same(old, entry)), None)
        if match is not None and match.id in self.added:  # the same row again (a note or source of its own
            return "repeated", entry  # makes it an entry of its own, as `gdz log` records it)
        if match is not None:
            return "present", match
        self.seen[same_day] = (located.row.number, entry)
        figures.setdefault(_figure(entry), []).append(entry)
        self.added.add(entry.id)
        return "new", entry

    def _by_id(self, located: Located, entry: Entry) -> tuple[str, Entry | Problem]:
        logged, twin = self.log.entry(entry.id), self.in_file.get(entry.id)
        column = located.cells["id"][0]
        if self.void_ids is None:
            self.void_ids = {void.id for void in self.log.voids().values()}
        if entry.id in self.void_ids:  # one id, one record: `gdz show ID` could not tell which
            clash = msg("import.id_of_void", id=entry.id)
            return "problem", self.table.problem(self.path, located.row.number, column, clash)
        if twin is not None and not _same(twin[1], entry):
            clash = msg("import.id_twice", id=entry.id, line=_where(self.table, twin[0]))
            return "problem", self.table.problem(self.path, located.row.number, column, clash)
        if logged is not None and not _same(logged, entry):
            clash = msg("import.id_clash", id=entry.id)
            return "problem", self.table.problem(self.path, located.row.number, column, clash)
        self.in_file.setdefault(entry.id, (located.row.number, entry))
        if twin is not None:
            return "repeated", entry
        if logged is None:  # the same figure logged under another id (shipped figures imported before they
            logged = self._logged_figure(entry)  # had ids): that entry, not a second copy of it
        return ("present", logged) if logged is not None else ("new", entry)

    def _logged_figure(self, entry: Entry) -> Entry | None:
        """The entry already in the log (not one this import adds) that says what `entry` says."""
        figures = self._figures(entry.target)
        found = figures.get(_figure(entry), [])
        says = (entry.note, entry.source)
        return next(
            (old for old in found if old.id not in self.added and (old.note, old.source) == says), None
        )

    def _figures(self, target: str) -> dict[Hashable, list[Entry]]:
        """The log's entries of a target (voided ones too), by the figure each records."""
        figures = self.known.get(target)
        if figures is None:
            figures = self.known[target] = {}
            for old in self.log.entries(target, include_voided=True):
                figures.setdefault(_figure(old), []).append(old)
        return figures


def _figure(entry: Entry) -> tuple[Hashable, ...]:
    return (entry.target, entry.city, entry.date, entry.value, entry.qualifier)


def _same(logged: Entry, row: Entry) -> bool:
    """The row is the logged entry: the same figure; note and source agree where the file gives them."""
    pairs = ((row.note, logged.note), (row.source, logged.source))
    return _figure(logged) == _figure(row) and all(given is None or given == kept for given, kept in pairs)


def _where(table: Table, row: int) -> str:
    return f"{table.sheet}!{row}:{row}" if table.sheet else str(row)


# --- the header ---------------------------------------------------------------------------------------------


def _located_rows(table: Table, path: str) -> list[Located]:
    """The data rows with their cells named by the header (found below any title rows), or by the simple
    order target, date, value, city, note, source where there is no header; a cell beyond the columns or
    under one without a name is the row's `stray` problem."""
    header_at, names = _header(table, path)
    rows = table.rows[header_at + 1 :] if names else table.rows
    columns = names or list(SIMPLE_COLUMNS)
    numbers = {name: n for n, name in enumerate(columns, start=1) if name}
    located = []
    for row in rows:
        if all(_blank(cell) for cell in row.cells):
            continue
        stray = None
        extra = [n for n, cell in enumerate(row.cells, start=1) if n > len(columns) and not _blank(cell)]
        unnamed = [n for n, cell in enumerate(row.cells[: len(columns)], start=1)
                   if not columns[n - 1] and not _blank(cell)]  # fmt: skip
        if extra:
            problem = msg("import.extra_cells", count=len(row.cells), columns=len(columns))
            stray = table.problem(path, row.number, extra[0], problem)
        elif unnamed:
            stray = table.problem(path, row.number, unnamed[0], msg("import.unnamed_cell"))
        cells = {name: (n, cell) for n, (name, cell) in enumerate(zip(columns, row.cells, strict=False), 1)
                 if name and not _blank(cell)}  # fmt: skip
        located.append(Located(row, cells, numbers, stray))
    return located


def _header_row(table: Table) -> int | None:
    """Where a row names target, date and value, if one does near the top."""
    for index, row in enumerate(table.rows[:HEADER_SEARCH]):
        names = {KNOWN_NAMES.get(_key(cell), "") for cell in row.cells if not _blank(cell)}
        if set(REQUIRED) <= names:
            return index
    return None


def _header(table: Table, path: str) -> tuple[int, list[str]]:
    """Where the header row is and its column names; (-1, []) for a file without one. A row is the header
    when it names target, date and value (in English or Chinese); a column it does not know is refused."""
    _refuse_other_report(table, path)
    for index, row in enumerate(table.rows[:HEADER_SEARCH]):
        names = [KNOWN_NAMES.get(_key(cell), "") if not _blank(cell) else "" for cell in row.cells]
        if not set(REQUIRED) <= set(names):
            continue
        first: dict[str, int] = {}
        for column, (name, cell) in enumerate(zip(names, row.cells, strict=True), start=1):
            if not name and not _blank(cell):
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


def _refuse_other_report(table: Table, path: str) -> None:
    """A status or targets report, given as entries by mistake, is named as what it is."""
    for row in table.rows[:HEADER_SEARCH]:
        texts = {_key(cell) for cell in row.cells if not _blank(cell)}
        if texts & {_key(name) for name in STATUS_EXPORT_COLUMNS}:
            raise UsageError(msg("import.status_export", path=path))
        if texts & {_key(name) for name in TARGETS_EXPORT_COLUMNS}:
            raise UsageError(msg("import.targets_export", path=path))


def _looks_like_data(rows: Sequence[Row]) -> bool:
    """A file without a header starts with a data row: at least a target, a date and a value."""
    first = next((row for row in rows if not all(_blank(cell) for cell in row.cells)), None)
    return first is not None and len([cell for cell in first.cells if not _blank(cell)]) >= len(REQUIRED)


def _separator_name(separator: str | None) -> Message:
    return msg("separator." + SEPARATOR_NAMES.get(separator or ",", "comma"))


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


# --- one row --------------------------------------------------------------------------------------


_Read = TypeVar("_Read")


class _Cells:
    """One row's cells, read one column at a time; a cell that cannot be read is a problem at its place."""

    def __init__(self, located: Located, table: Table, path: str) -> None:
        self.located, self.table, self.path = located, table, path
        self.problems: list[Problem] = []
        self._columns: list[str] = []  # the column of each problem

    def read(self, column: str, reader: Callable[[Cell], _Read]) -> _Read | None:
        try:
            return reader(self.located.cells.get(column, (0, None))[1])
        except ValueRefused as refused:
            self.refuse(column, refused.message)
            return None

    def refuse(self, column: str, message: Message) -> None:
        """A problem at the cell of `column`, kept in the order of the columns (as a reader goes along)."""
        where = self.located.columns.get(column)
        problem = self.table.problem(self.path, self.located.row.number, where, message)
        columns = [self.located.columns.get(name, 0) for name in self._columns]
        at = next((n for n, other in enumerate(columns) if other > (where or 0)), len(columns))
        self.problems.insert(at, problem)
        self._columns.insert(at, column)


class _RowContext:
    """Turns one row into an entry, naming every problem of every cell (not only the first)."""

    def __init__(
        self, plan: Plan, by: str, now: datetime, today: date, force: bool, table: Table, path: str
    ) -> None:
        self.plan, self.by, self.now, self.today, self.force = plan, by, now, today, force
        self.table, self.path = table, path
        # Each target text resolved once per import: an unknown one's "did you mean" compares it with every id
        # and title (difflib), which for a million rows of one unknown target took over 20 minutes.
        self.targets: dict[str, Target | Message] = {}

    def entry(self, located: Located) -> tuple[Entry | None, list[Problem]]:
        """The row's entry, or every problem of its cells."""
        cells = _Cells(located, self.table, self.path)
        for name in REQUIRED:
            if name not in located.cells:
                cells.refuse(name, msg("import.empty_cell", column=msg("column." + name)))
        target = cells.read("target", self._target) if "target" in located.cells else None
        day = cells.read("date", self._day) if "date" in located.cells else None
        city = cells.read("city", _city)
        record_id = cells.read("id", _record_id)
        recorded_at = cells.read("recorded_at", self._recorded_at)
        recorder = cells.read("recorded_by", self._recorder)
        note, source = cells.read("note", _text), cells.read("source", _text)
        figure = None
        if target is not None and "value" in located.cells:
            place = (located.row.number, located.cells["value"][0])
            known = self.table.percent_cells
            percent = None if known is None else place in known
            figure = cells.read("value", lambda cell: _value(self.plan, target, cell, percent))
            cells.read("unit", lambda cell: _unit(self.plan, target, cell))
        elif (
            "value" in located.cells
        ):  # no target to read it by, but a value no target could take is said too
            cells.read("value", _any_value)
        qualifier = cells.read("qualifier", _qualifier)
        if cells.problems or target is None or day is None or city is None or figure is None:
            return None, cells.problems
        value, stated = figure
        if qualifier is not None and stated is not None and qualifier is not stated:  # which bound holds?
            given = _as_text(located.cells["value"][1])
            cells.refuse("qualifier", msg("import.two_bounds", value=given, qualifier=qualifier.value))
        for column, refusal in (
            ("value", value_problem(self.plan, target, value, isinstance(value, bool))),
            ("date", None if self.force else self._date(target, city, day)),
        ):
            if refusal is not None:
                cells.refuse(column, refusal)
        if cells.problems or recorded_at is None or recorder is None:
            return None, cells.problems
        entry = Entry(record_id or new_record_id(), target.id, city, day, value, recorder, recorded_at, note,
                      source, qualifier or stated)  # fmt: skip
        return entry, []

    def _date(self, target: Target, city: City, day: date) -> Message | None:
        refusal = date_problem(target, city, day, self.today, self.plan.meta.issued.first_day)
        return msg("import.needs_force", reason=refusal) if refusal is not None else None

    def _target(self, cell: Cell) -> Target:
        text = _as_text(cell).strip()
        found = self.targets.get(text)
        if found is None:
            try:
                found = require_target(self.plan, text)
            except UsageError as error:
                found = error.message
            self.targets[text] = found
        if isinstance(found, Message):
            raise ValueRefused(found)
        return found

    def _day(self, cell: Cell) -> date:
        if isinstance(cell, datetime):
            return in_years(cell.date())
        if isinstance(cell, date):
            return in_years(cell)
        if isinstance(cell, int | float) and not isinstance(cell, bool) and self.table.sheet is not None:
            return _excel_serial(cell)  # a date column of a sheet may hold the serial number of the day
        return parse_calendar_day(_as_text(cell))

    def _recorded_at(self, cell: Cell) -> datetime:
        if cell is None:
            return self.now
        try:
            parsed = datetime.fromisoformat(_as_text(cell).strip())
        except ValueError:
            parsed = None
        offset = parsed.utcoffset() if parsed is not None else None
        # The log writes offsets as TOML does, in hours and minutes: +05:30:15 could not be read back.
        if parsed is None or offset is None or offset % timedelta(minutes=1):
            raise ValueRefused(msg("import.bad_recorded_at", value=_as_text(cell)))
        return parsed

    def _recorder(self, cell: Cell) -> str:
        return self.by if cell is None else check_text(_as_text(cell).strip(), "recorded_by", one_line=True)


def _as_text(cell: Cell) -> str:
    """A cell as text: text as it is (less the prefix that kept a formula from running), a number plainly."""
    if isinstance(cell, str):
        return cell[1:] if cell.startswith(FORMULA_ESCAPE) and cell[1:].startswith(FORMULA_STARTS) else cell
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell)


def _value(
    plan: Plan, target: Target, cell: Cell, percent: bool | None
) -> tuple[int | float, Qualifier | None]:
    """A milestone's state, or a number: a number cell as it shows (without float noise), text as typed.
    `percent`: whether the cell is shown as a percentage (0.95 as 95%), None where that is unknown."""
    if target.kind is Kind.MILESTONE and isinstance(cell, bool):
        return cell, None
    if target.kind is not Kind.MILESTONE and isinstance(cell, bool | date):
        raise ValueRefused(msg("value.not_number", value=_as_text(cell), hint=msg("hint.number_example")))
    if target.kind is not Kind.MILESTONE and isinstance(cell, int | float):
        unit = plan.unit_of(target)
        in_percent = unit is not None and unit.en == "%"
        if percent:  # the cell holds 0.95 and shows 95%: the figure is what it shows, in a % target only
            if not in_percent:
                raise ValueRefused(msg("import.percent_cell", value=_as_text(cell), target=target.id))
            return _spreadsheet_number(cell * 100), None
        if percent is None and in_percent and 0 < abs(cell) <= 1:  # 0.95: 95% or 0.95%? Not guessed.
            raise ValueRefused(msg("import.percent_unknown", value=_as_text(cell)))
        return _spreadsheet_number(cell), None
    return parse_value(_as_text(cell), plan.unit_of(target), target.kind is Kind.MILESTONE)


def _any_value(cell: Cell) -> object:
    """A value some target could take: a number, a bound figure or a milestone's state."""
    if isinstance(cell, int | float):
        return cell
    text = _as_text(cell)
    try:
        return parse_figure(text)
    except ValueRefused as refused:
        hint = refused.message.params.get("hint")
        if isinstance(hint, Message) and hint.key in ("hint.no_unit", "hint.no_percent_sign"):
            return text  # a figure with a unit: whose, the unknown target would say
        if any(char.isdigit() for char in text):
            raise  # a number gdz cannot take (1e20): its own reason
    try:
        return parse_milestone(text)
    except ValueRefused:
        raise ValueRefused(msg("import.not_a_value", value=text)) from None


def _spreadsheet_number(value: float) -> int | float:
    """A number a spreadsheet stored, as the figure it shows: 0.30000000000000004 is 0.3 (15 digits, what
    Excel holds), a whole number an int."""
    if not math.isfinite(value) or not -LARGEST < value < LARGEST:
        raise ValueRefused(msg("log.bad_value"))
    shown = float(f"{value:.15g}")
    return int(shown) if shown.is_integer() else shown


def _excel_serial(value: float) -> date:
    """The day an Excel serial number stands for (the 1900 date system spreadsheets use). Excel counts a
    29 February 1900 that never was (serial 60, refused), so serials below it start a day later."""
    if not 1 <= value < 2_958_466 or value != int(value) or value == EXCEL_FALSE_LEAP_DAY:
        raise ValueRefused(msg("value.not_file_date", value=_as_text(value)))
    return in_years(EXCEL_EPOCH + timedelta(days=int(value) + (1 if value < EXCEL_FALSE_LEAP_DAY else 0)))


def _city(cell: Cell) -> City:
    return City.DONGGUAN if cell is None else parse_city(_as_text(cell))


def _record_id(cell: Cell) -> str | None:
    if cell is None:
        return None
    text = _as_text(cell).strip()
    if not is_record_id(text):
        raise ValueRefused(msg("import.bad_id", id=text))
    return text


def _text(cell: Cell) -> str | None:
    return None if cell is None else check_text(_as_text(cell), "note")


def _qualifier(cell: Cell) -> Qualifier | None:
    if cell is None:
        return None
    text = _as_text(cell).strip().lower()
    # The code (`over`), the mark (`>`), or the word a Chinese export or source writes (超过, 不少于, 约).
    marks = {mark: qualifier for qualifier, mark in QUALIFIER_MARKS.items()}
    marks |= dict(QUALIFIER_PREFIXES) | dict(QUALIFIER_SUFFIXES)
    if text in Qualifier._value2member_map_:
        return Qualifier(text)
    if text in marks:
        return marks[text]
    raise ValueRefused(msg("import.bad_qualifier", value=text))


def _unit(plan: Plan, target: Target, cell: Cell) -> None:
    """A unit column, where there is one, must be the target's: its id or its label in either language."""
    unit = plan.unit_of(target)
    text = _as_text(cell).strip()
    if (
        cell is None
        or (unit is not None and text in (unit.id, unit.en, unit.zh, unit_name(unit.en), unit_name(unit.zh)))
        or (unit is None and not text)
    ):
        return
    raise ValueRefused(
        msg("import.unit_mismatch", unit=text, target=target.id, expected=unit.id if unit else "—")
    )
