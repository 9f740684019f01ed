"""`gdz import`: read a CSV of entries, validate every row, and say what is new (all or nothing)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date, datetime

from .entries_csv import CsvLayoutError, parse_recorded_at, read_rows
from .errors import GdzError, Message, Problem, UsageError, msg
from .files import decode_utf8
from .ledger import is_record_id
from .logindex import LogState
from .model import Entry, Plan
from .recording import EntryInput, build_entry, entries_at


@dataclass
class ImportPlan:
    new: list[Entry] = field(default_factory=list)
    already_present: int = 0
    problems: list[Problem] = field(default_factory=list)


def _content(entry: Entry) -> tuple[Hashable, ...]:
    return (entry.target, entry.city, entry.date, entry.value, entry.note, entry.source)


def plan_import(
    plan: Plan, state: LogState, data: bytes, path: str, by: str, now: datetime, today: date, force: bool
) -> ImportPlan:
    """Every row checked; rows already in the log (same id, or same content) are skipped, not repeated."""
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
        outcome = _row_entry(plan, row.cells, by, now, today, force)
        if not isinstance(outcome, Entry):
            result.problems.append(Problem(path, outcome, row.line))
            continue
        entry = outcome
        if entry.target not in known:
            offsets = state.index.entry_offsets(entry.target, include_voided=True)
            known[entry.target] = {_content(existing) for existing in entries_at(state, offsets)}
        from_file = bool(row.cells.get("id", "").strip())
        if from_file and (entry.id in seen_ids or state.index.entry_number(entry.id) is not None):
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
