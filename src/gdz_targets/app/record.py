"""Recording progress: typed input checked into entries, appended under the log's lock, and voided."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from gdz_targets.domain.errors import UsageError, msg
from gdz_targets.domain.model import Batch, City, Entry, Kind, Plan, Point, Qualifier, Void
from gdz_targets.domain.query import require_target
from gdz_targets.domain.rules import date_problem, value_problem
from gdz_targets.domain.values import check_text, in_range, in_years, parse_city, parse_day, parse_value

from .session import Session

if TYPE_CHECKING:
    from gdz_targets.domain.status import TargetStatus


class EntryInput(NamedTuple):
    """A figure to record, typed: `read_entry` makes one from what a person types."""

    target: str  # its id, or a part of its title that only it holds
    value: int | float | bool  # a number in the target's unit; True (done) or False for a milestone
    day: date  # the day the figure describes
    city: City = City.DONGGUAN
    note: str | None = None
    source: str | None = None
    qualifier: Qualifier | None = None  # the bound the source states: >1000 is 1000 with Qualifier.OVER


def read_entry(
    session: Session,
    target: str,
    value: str,
    day: str = "today",
    city: str = "dongguan",
    note: str | None = None,
    source: str | None = None,
) -> EntryInput:
    """An entry from what a person types (`>1000`, `85%以上`, `done`; `2023-12-31`, `yesterday`; `gz`), or
    UsageError naming what cannot be read."""
    plan = session.plan()
    found = require_target(plan, target)
    figure, qualifier = parse_value(value, plan.unit_of(found), found.kind is Kind.MILESTONE)
    return EntryInput(
        target, figure, parse_day(day, session.today()), parse_city(city), note, source, qualifier
    )


class Logged(NamedTuple):
    entry: Entry
    standing: TargetStatus  # the target's standing today, with the entry counted
    repeated: bool = False  # the log already said exactly this for that day: nothing was written
    replaced: Point | None = None  # the other figure the log held for that day, which this one now overrides


class Voided(NamedTuple):
    void: Void
    entry: Entry


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
    if not isinstance(given.value, bool) and not in_range(given.value):
        raise UsageError(msg("log.bad_value"))
    from gdz_targets.store.records import new_record_id

    target = require_target(plan, given.target)
    city, value, qualifier, day = given.city, given.value, given.qualifier, in_years(given.day)
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


class LastAct(NamedTuple):
    """What `gdz undo` takes back: one entry, or an import as a whole (its rows that still count)."""

    entries: tuple[Entry, ...]
    batch: Batch | None = None  # the import's closing record, where the act was an import


def last_act(session: Session, by: str | None = None) -> LastAct:
    """The newest act that still counts recorded by `by` (default: whoever records in this session): its
    last entry, or every row of the import it came with — an import is one act, all rows or none."""
    me = session.recorder(by)
    log = session.log()
    voids: dict[str, Void] | None = None
    for act in log.acts_by(me):
        if isinstance(act, Entry):
            return LastAct((act,))
        voids = log.voids() if voids is None else voids
        rows = tuple(row for row in log.entries() if row.batch == act.id and row.id not in voids)
        if rows:  # an import whose rows were all voided since, or came in before, is no act to undo
            return LastAct(rows, act)
    raise UsageError(msg("undo.nothing", by=me))


def void_entry(session: Session, entry: Entry | str, reason: str, by: str | None = None) -> Voided:
    """Void an entry (given as an Entry or any unique part of its id): it stops counting, both stay."""
    return void_entries(session, [entry], reason, by)[0]


def void_entries(
    session: Session, entries: Sequence[Entry | str], reason: str, by: str | None = None
) -> list[Voided]:
    """Void entries (each an Entry or a unique part of its id) in one write: all of them, or none."""
    from gdz_targets.store.records import new_record_id

    cleaned = check_text(reason.strip(), "--reason")
    if not cleaned:
        raise UsageError(msg("void.no_reason"))
    who, now = session.recorder(by), session.now()  # one act, one moment
    with session.log_for_writing() as log:
        voids = log.voids()
        done = []
        for given in entries:
            found = log.find(given) if isinstance(given, str) else given
            earlier = voids.get(found.id)
            if earlier is not None:
                raise UsageError(msg("void.already", id=found.id, reason=earlier.reason))
            done.append(Voided(Void(new_record_id(), found.id, cleaned, who, now), found))
        log.append([voided.void for voided in done])
    return done
