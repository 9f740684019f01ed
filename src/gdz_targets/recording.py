"""Recording progress: validating new entries, appending them under the lock, finding and voiding entries."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from .checks import date_problem, value_problem
from .errors import UsageError, msg
from .ledger import (
    LOG_HEADER,
    check_text,
    encode_entry,
    encode_void,
    locked,
    new_record_id,
    read_lines_at,
)
from .logindex import LogState, open_log
from .model import Entry, Kind, Plan, Target, Void
from .selection import require_target
from .values import parse_city, parse_day, parse_milestone, parse_number


def recorder_name(option: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """`--by`, else GDZ_USER, else the login name."""
    for name in (option, environ.get("GDZ_USER")):
        if name and name.strip():
            return check_text(name.strip(), "--by")
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers)
        return "unknown"


class EntryInput(NamedTuple):
    """An entry as typed: on the command line or in one CSV row."""

    target: str
    value: str
    day: str
    city: str = "dongguan"
    note: str | None = None
    source: str | None = None


def parse_value(target: Target, text: str) -> int | float:
    return parse_milestone(text) if target.kind is Kind.MILESTONE else parse_number(text)


def build_entry(
    plan: Plan,
    given: EntryInput,
    by: str,
    now: datetime,
    today: date,
    force: bool,
    record_id: str | None = None,
) -> Entry:
    """Validate typed input into an Entry, or raise UsageError naming the problem and the fix."""
    target = require_target(plan, given.target)
    city = parse_city(given.city)
    value = parse_value(target, given.value)
    day = parse_day(given.day, today)
    problem = value_problem(plan, target, value, isinstance(value, bool))
    if problem is not None:
        raise UsageError(problem)
    if not force:
        problem = date_problem(target, city, day, today, plan.meta.issued.first_day)
        if problem is not None:
            raise UsageError(msg("entry.needs_force", reason=problem))
    note = check_text(given.note, "--note") if given.note else None
    source = check_text(given.source, "--source") if given.source else None
    return Entry(record_id or new_record_id(), target.id, city, day, value, by, now, note, source)


def append_records(
    log: Path, cache_dir: Path, records: Sequence[Entry | Void], skip_known: bool = False
) -> LogState:
    """Append records in one write while holding the log's lock; the log must parse and end cleanly.

    `skip_known`: leave out entries whose id is already in the log (an import of an exported file)."""
    with locked(log):
        state = open_log(log, cache_dir, entries=skip_known, holding_lock=True)
        if skip_known:  # checked again under the lock: another import may have added them meanwhile
            records = [r for r in records if isinstance(r, Void) or state.index.entry_number(r.id) is None]
        if records:
            lines = [encode_void(r) if isinstance(r, Void) else encode_entry(r) for r in records]
            state.append(lines, LOG_HEADER)
    return state


def find_entry(state: LogState, fragment: str) -> Entry:
    """The one entry whose id contains `fragment` (case-insensitive): the full id, or its short form."""
    wanted = fragment.strip().upper()
    if len(wanted) < 4:
        raise UsageError(msg("void.prefix_short", prefix=fragment))
    matches = [number for number, record_id in enumerate(state.index.entry_ids()) if wanted in record_id]
    if not matches:
        raise UsageError(msg("void.not_found", id=fragment))
    if len(matches) > 1:
        raise UsageError(msg("void.ambiguous", id=fragment, count=len(matches)))
    record = next(read_lines_at(state.path, [state.index.offsets[matches[0]]]))
    assert isinstance(record, Entry)
    return record


def voids_by_entry(state: LogState) -> dict[str, Void]:
    voids: dict[str, Void] = {}
    for record in read_lines_at(state.path, state.index.void_offsets):
        if isinstance(record, Void):
            voids.setdefault(record.entry, record)
    return voids


def last_entry_by(state: LogState, user: str) -> Entry | None:
    """The newest entry in the log recorded by `user` that still counts."""
    index = state.index
    newest_first = [index.offsets[n] for n in range(len(index.offsets) - 1, -1, -1) if not index.voided[n]]
    for record in read_lines_at(state.path, newest_first):  # read lazily: it stops at the first match
        if isinstance(record, Entry) and record.recorded_by == user:
            return record
    return None


def entries_at(state: LogState, offsets: Sequence[int]) -> list[Entry]:
    return [record for record in read_lines_at(state.path, offsets) if isinstance(record, Entry)]


def new_void(entry: Entry, reason: str, by: str, now: datetime) -> Void:
    if not reason.strip():
        raise UsageError(msg("void.no_reason"))
    return Void(new_record_id(), entry.id, check_text(reason.strip(), "--reason"), by, now)
