"""`gdz import`: read the table a department sent (CSV, tab-separated text or a spreadsheet), check every cell
of every row, and say what is new — all rows or none, and never a guess."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Final, TypeVar

from gdz_targets.domain.errors import Message, Problem, UsageError, counted, msg
from gdz_targets.domain.model import Batch, City, Entry, Kind, Plan, Qualifier, Target, Unit
from gdz_targets.domain.query import require_target
from gdz_targets.domain.rules import date_problem, value_problem
from gdz_targets.domain.values import (
    ValueRefused,
    check_text,
    names_unit,
    parse_city,
    parse_qualifier,
)
from gdz_targets.store.cells import any_value, cell_day, cell_figure, cell_text
from gdz_targets.store.files import read_bytes
from gdz_targets.store.forms import Form, find_form
from gdz_targets.store.headers import REQUIRED, NamedRow, header_row, named_rows, refuse_other_report
from gdz_targets.store.log import Log
from gdz_targets.store.records import is_record_id, new_record_id
from gdz_targets.store.tables import (
    Cell,
    Table,
    read_tables,
)

from .session import Session

IMPORT_LIMIT: Final = 256 << 20  # bytes: a spreadsheet of a million rows is well under this
STDIN: Final = "-"


@dataclass
class ImportPlan:
    """What an import would do: the entries to add, those already in the log, and every problem."""

    new: list[Entry] = field(default_factory=list)
    present: list[Entry] = field(default_factory=list)
    repeated: list[Entry] = field(default_factory=list)  # a row the same as an earlier row of the file
    problems: list[Problem] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)  # how the file was read, where that is worth saying
    batch: Batch | None = None  # the record that closed the import, once written
    form: Form | None = None  # a fill-in form sent back: its owner, period and rows without a figure


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
    form: Form | None = None,
) -> ImportPlan:
    """Every cell of every row checked; rows already in `log` (same id, or same figure) are skipped. A form's
    rows are those it has with a figure."""
    plan = session.plan()
    result = ImportPlan(form=form)
    if table.encoding:
        result.notes.append(msg("import.read_as", encoding=table.encoding))
    if table.sheet is not None:
        result.notes.append(msg("import.read_sheet", sheet=table.sheet))
    rows = form.rows if form is not None else named_rows(table, path)
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
    # A fill-in form sent back (it opens with its instructions); else, without --sheet, the first sheet with a
    # header of entries: a gdz workbook opens with its summary. Where none has one, a sheet that is another
    # report (a status or targets workbook) says so.
    form = find_form(tables, path)
    table = form.table if form is not None else next((t for t in tables if header_row(t) is not None), None)
    if table is None:
        for other in tables:
            refuse_other_report(other, path)
        table = tables[0]
    if dry_run:
        return _checked(plan_import(session, table, path, session.log(), by, force, progress, form), path)
    # Planned under the lock: an import running at the same time waits, then finds these rows logged.
    with session.log_for_writing() as log:
        outcome = _checked(plan_import(session, table, path, log, by, force, progress, form), path)
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

    def place(self, located: NamedRow, entry: Entry) -> tuple[str, Entry | Problem]:
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

    def _by_id(self, located: NamedRow, entry: Entry) -> tuple[str, Entry | Problem]:
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


# --- one row --------------------------------------------------------------------------------------


_Read = TypeVar("_Read")


class _Cells:
    """One row's cells, read one column at a time; a cell that cannot be read is a problem at its place."""

    def __init__(self, located: NamedRow, table: Table, path: str) -> None:
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

    def entry(self, located: NamedRow) -> tuple[Entry | None, list[Problem]]:
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
            unit, milestone = self.plan.unit_of(target), target.kind is Kind.MILESTONE
            figure = cells.read("value", lambda cell: cell_figure(cell, unit, milestone, percent))
            cells.read("unit", lambda cell: _unit(unit, target, cell))
        elif (
            "value" in located.cells
        ):  # no target to read it by, but a value no target could take is said too
            cells.read("value", any_value)
        qualifier = cells.read("qualifier", _qualifier)
        if cells.problems or target is None or day is None or city is None or figure is None:
            return None, cells.problems
        value, stated = figure
        if qualifier is not None and stated is not None and qualifier is not stated:  # which bound holds?
            given = cell_text(located.cells["value"][1])
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
        text = cell_text(cell).strip()
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
        return cell_day(cell, sheet=self.table.sheet is not None)

    def _recorded_at(self, cell: Cell) -> datetime:
        if cell is None:
            return self.now
        if isinstance(cell, date) and self.table.sheet is not None:  # a sheet's date-time holds no zone:
            # the plan's, as gdz wrote it there; a reader gives a midnight as a day alone
            moment = cell if isinstance(cell, datetime) else datetime(cell.year, cell.month, cell.day)
            if moment.tzinfo is None:
                return moment.replace(microsecond=0, tzinfo=self.now.tzinfo)
        try:
            parsed = datetime.fromisoformat(cell_text(cell).strip())
        except ValueError:
            parsed = None
        offset = parsed.utcoffset() if parsed is not None else None
        # The log writes offsets as TOML does, in hours and minutes: +05:30:15 could not be read back.
        if parsed is None or offset is None or offset % timedelta(minutes=1):
            raise ValueRefused(msg("import.bad_recorded_at", value=cell_text(cell)))
        return parsed

    def _recorder(self, cell: Cell) -> str:
        return self.by if cell is None else check_text(cell_text(cell).strip(), "recorded_by", one_line=True)


def _city(cell: Cell) -> City:
    return City.DONGGUAN if cell is None else parse_city(cell_text(cell))


def _record_id(cell: Cell) -> str | None:
    if cell is None:
        return None
    text = cell_text(cell).strip()
    if not is_record_id(text):
        raise ValueRefused(msg("import.bad_id", id=text))
    return text


def _text(cell: Cell) -> str | None:
    return None if cell is None else check_text(cell_text(cell), "note")


def _qualifier(cell: Cell) -> Qualifier | None:
    return None if cell is None else parse_qualifier(cell_text(cell))


def _unit(unit: Unit | None, target: Target, cell: Cell) -> None:
    """A unit column, where there is one, must be the target's."""
    if cell is not None and not names_unit(unit, cell_text(cell)):
        expected = unit.id if unit else "—"
        raise ValueRefused(msg("import.unit_mismatch", unit=cell_text(cell).strip(), target=target.id,
                               expected=expected))  # fmt: skip
