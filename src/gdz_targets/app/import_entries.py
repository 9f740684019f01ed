"""`gdz import`: read a CSV of entries, check every row, and say what is new (all or nothing)."""

from __future__ import annotations

import csv
import io
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Final, NamedTuple

from gdz_targets.domain.errors import GdzError, Message, Problem, UsageError, msg
from gdz_targets.domain.model import Entry, Plan
from gdz_targets.output.entries_csv import (
    ENTRY_COLUMNS,
    ENTRY_COLUMNS_ZH,
    ESCAPE,
    FORMULA_STARTS,
    SIMPLE_COLUMNS,
)
from gdz_targets.store.files import decode_utf8, read_bytes
from gdz_targets.store.records import is_record_id

from .record import EntryInput, append, build_entry
from .session import Session

IMPORT_LIMIT: Final = 256 << 20  # bytes: a spreadsheet of a million rows is well under this


@dataclass
class ImportPlan:
    new: list[Entry] = field(default_factory=list)
    already_present: int = 0
    problems: list[Problem] = field(default_factory=list)


def _content(entry: Entry) -> tuple[Hashable, ...]:
    return (entry.target, entry.city, entry.date, entry.value, entry.note, entry.source)


STDIN: Final = "-"


def read_source(file: Path | str) -> bytes:
    """The bytes to import: a regular file, or standard input for `-` (bounded as files are)."""
    if str(file) == STDIN:
        import sys

        data = sys.stdin.buffer.read(IMPORT_LIMIT + 1) if sys.stdin is not None else b""
        if len(data) > IMPORT_LIMIT:
            raise UsageError(msg("file.too_large", path=STDIN, limit=f"{IMPORT_LIMIT >> 20} MiB"))
        return data
    return read_bytes(Path(file), IMPORT_LIMIT, error=UsageError)


def plan_import(session: Session, file: Path | str, by: str | None = None, force: bool = False) -> ImportPlan:
    """Every row checked; rows already in the log (same id, or same content) are skipped, not repeated."""
    data = read_source(file)
    plan, log = session.plan(), session.log()
    now, today, who, path = session.now(), session.today(), session.recorder(by), str(file)
    try:
        text = decode_utf8(data, path)
    except GdzError as error:
        problems = [
            Problem(p.path, msg("import.not_utf8", reason=p.message), p.line, p.column)
            for p in error.problems
        ]
        raise UsageError(problems[0].message, problems) from None
    result = ImportPlan()
    known: dict[str, set[tuple[Hashable, ...]]] = {}
    seen_ids: set[str] = set()
    try:
        rows = list(read_rows(text))
    except CsvLayoutError as error:
        raise UsageError(error.message) from None
    for row in rows:
        outcome = _row_entry(plan, row.cells, who, now, today, force)
        if not isinstance(outcome, Entry):
            result.problems.append(Problem(path, outcome, row.line))
            continue
        entry = outcome
        if entry.target not in known:
            known[entry.target] = {_content(old) for old in log.entries(entry.target, include_voided=True)}
        from_file = bool(row.cells.get("id", "").strip())
        logged = log.entry(entry.id) if from_file else None
        if logged is not None and _content(logged) != _content(entry):
            result.problems.append(Problem(path, msg("import.id_clash", id=entry.id), row.line))
            continue
        if from_file and (entry.id in seen_ids or logged is not None):
            result.already_present += 1
            continue
        if _content(entry) in known[entry.target]:
            result.already_present += 1
            continue
        known[entry.target].add(_content(entry))
        seen_ids.add(entry.id)
        result.new.append(entry)
    return result


def _row_entry(
    plan: Plan, cells: dict[str, str], by: str, now: datetime, today: date, force: bool
) -> Entry | Message:
    """The entry a row describes, or what is wrong with it."""
    missing = [name for name in ("target", "date", "value") if not cells.get(name, "").strip()]
    if missing:
        return msg("import.missing_cells", cells=", ".join(missing))
    record_id = cells.get("id", "").strip() or None
    if record_id is not None and not is_record_id(record_id):
        return msg("import.bad_id", id=record_id)
    recorded_at = now
    if cells.get("recorded_at", "").strip():
        parsed_at = parse_recorded_at(cells["recorded_at"])
        if parsed_at is None:
            return msg("import.bad_recorded_at", value=cells["recorded_at"])
        recorded_at = parsed_at
    given = EntryInput(
        target=cells["target"].strip(),
        value=cells["value"],
        day=cells["date"],
        city=cells.get("city", "").strip() or "dongguan",
        note=cells.get("note") or None,
        source=cells.get("source") or None,
    )
    recorder = cells.get("recorded_by", "").strip() or by
    try:
        entry = build_entry(plan, given, recorder, recorded_at, today, force, record_id)
    except UsageError as error:
        return error.message
    target = plan.target(entry.target)
    unit_cell = cells.get("unit", "").strip()
    if unit_cell and target is not None and unit_cell != (target.unit or ""):
        return msg("import.unit_mismatch", unit=unit_cell, target=entry.target, expected=target.unit or "—")
    return entry


def import_entries(
    session: Session, file: Path | str, by: str | None = None, force: bool = False, dry_run: bool = False
) -> ImportPlan:
    """Import a file's new entries, all or none (`dry_run`: none): raises UsageError listing every bad row."""
    outcome = plan_import(session, file, by, force)
    if outcome.problems:
        raise UsageError(msg("import.refused", path=str(file), count=len(outcome.problems)), outcome.problems)
    if outcome.new and not dry_run:
        append(session, outcome.new, skip_known=True)
    return outcome


def restore(text: str) -> str:
    if text.startswith(ESCAPE) and text[1:].startswith((*FORMULA_STARTS, ESCAPE)):
        return text[1:]
    return text


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
    csv.field_size_limit(IMPORT_LIMIT)  # a long note exports fine, so it must import too
    reader = csv.reader(io.StringIO(text, newline=""))
    columns: Sequence[str] = SIMPLE_COLUMNS
    first = True
    for cells in reader:
        line = reader.line_num
        if first:
            first = False
            names = _header_names(cells, line)
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


def _header_names(cells: Sequence[str], line: int) -> list[str] | None:
    """The column names of a header row, or None if the row is data (it names no target, date and value)."""
    known = dict(zip(ENTRY_COLUMNS_ZH, ENTRY_COLUMNS, strict=True))
    names = [known.get(cell.strip().lower(), cell.strip().lower()) for cell in cells]
    if not {"target", "date", "value"} <= set(names):
        return None
    for column, name in enumerate(names, start=1):
        if name not in ENTRY_COLUMNS:
            raise CsvLayoutError(
                msg("import.unknown_column", line=line, column=column, name=cells[column - 1])
            )
    return names


def parse_recorded_at(text: str) -> datetime | None:
    """An ISO date-time with a UTC offset, as export writes it; None if it is not one."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if value.tzinfo is not None else None
