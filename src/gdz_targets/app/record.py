"""Recording progress: typed input checked into entries, appended under the log's lock, and voided."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from gdz_targets.domain.errors import UsageError, msg
from gdz_targets.domain.model import Entry, Kind, Plan, Point, Qualifier, Target, Void
from gdz_targets.domain.query import require_target
from gdz_targets.domain.rules import date_problem, value_problem
from gdz_targets.domain.values import check_text, parse_city, parse_day, parse_figure, parse_milestone

from .session import Session

if TYPE_CHECKING:
    from gdz_targets.domain.status import TargetStatus


class EntryInput(NamedTuple):
    """An entry as typed: on the command line or in one row of a spreadsheet."""

    target: str
    value: str
    day: str
    city: str = "dongguan"
    note: str | None = None
    source: str | None = None


class Logged(NamedTuple):
    entry: Entry
    standing: TargetStatus  # the target's standing today, with the entry counted
    repeated: bool = False  # the log already said exactly this for that day: nothing was written
    replaced: Point | None = None  # the other figure the log held for that day, which this one now overrides


class Voided(NamedTuple):
    void: Void
    entry: Entry


def parse_value(plan: Plan, target: Target, text: str) -> tuple[int | float, Qualifier | None]:
    """A milestone's state, or a number with the bound its source states (`>1000`); `42%` in a % target."""
    if target.kind is Kind.MILESTONE:
        return parse_milestone(text), None
    unit = plan.unit_of(target)
    return parse_figure(text, percent=unit is not None and unit.en == "%")


def build_entry(
    plan: Plan,
    given: EntryInput,
    by: str,
    now: datetime,
    today: date,
    force: bool,
    record_id: str | None = None,
) -> Entry:
    """Check typed input into an Entry, or raise UsageError naming the problem and the fix."""
    from gdz_targets.store.records import new_record_id

    target = require_target(plan, given.target)
    city = parse_city(given.city)
    value, qualifier = parse_value(plan, target, given.value)
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
    return Entry(record_id or new_record_id(), target.id, city, day, value, by, now, note, source, qualifier)


def log_entry(session: Session, given: EntryInput, by: str | None = None, force: bool = False) -> Logged:
    """Record one figure; returns it with the target's standing now that it counts."""
    from gdz_targets.domain.status import target_status

    plan = session.plan()
    entry = build_entry(plan, given, session.recorder(by), session.now(), session.today(), force)
    target = plan.target(entry.target)
    assert target is not None
    with session.log_for_writing() as log:
        # The same figure again for the same day, with nothing new to say about it (no note or source, or the
        # ones already logged with it), would change nothing: a script run twice, or a command repeated from
        # the shell's history. Only then are the day's entries read.
        counted = log.history().of(entry.target, entry.city).on(entry.date)
        figure = Point(entry.date, float(entry.value), entry.qualifier)
        repeated = counted == figure and (
            not (entry.note or entry.source)
            or any(_says_the_same(old, entry) for old in log.entries(entry.target))
        )
        if not repeated:
            log.append([entry])
    replaced = counted if counted is not None and counted[1:] != figure[1:] else None
    return Logged(entry, target_status(plan, target, log.history(), session.today()), repeated, replaced)


def _says_the_same(logged: Entry, entry: Entry) -> bool:
    """Both record the same figure for the same day and city, with the same note and source."""
    same = ("city", "date", "value", "qualifier", "note", "source")
    return all(getattr(logged, name) == getattr(entry, name) for name in same)


def last_entry(session: Session, by: str | None = None) -> Entry:
    """The newest entry that still counts recorded by `by` (default: whoever records in this session)."""
    me = session.recorder(by)
    entry = session.log().last_by(me)
    if entry is None:
        raise UsageError(msg("undo.nothing", by=me))
    return entry


def void_entry(session: Session, entry: Entry | str, reason: str, by: str | None = None) -> Voided:
    """Void an entry (given as an Entry or any unique part of its id): it stops counting, both stay."""
    from gdz_targets.store.records import new_record_id

    cleaned = check_text(reason.strip(), "--reason")
    if not cleaned:
        raise UsageError(msg("void.no_reason"))
    who = session.recorder(by)
    with session.log_for_writing() as log:
        found = log.find(entry) if isinstance(entry, str) else entry
        earlier = log.voids().get(found.id)
        if earlier is not None:
            raise UsageError(msg("void.already", id=found.id, reason=earlier.reason))
        void = Void(new_record_id(), found.id, cleaned, who, session.now())
        log.append([void])
    return Voided(void, found)
