"""What moved since an earlier day: the status report as of that day against the report as of a later one, per
target, per area and for the plan. Pure: no clock, no I/O.

The later report is the report `--as-of` gives. The earlier one is the report as of the earlier day too, with
one difference, so that it says what a report made that day said: a day on which an entry was voided (a
correction) counts as the log held it at the end of the earlier day — an entry logged by then and voided after
still counts in it, and a figure logged after it for such a day does not. Every other figure counts by the
day it describes, whenever it was logged, as `--as-of` counts it (a March figure logged in April is March's).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Final, NamedTuple

from .errors import UsageError, msg
from .exact import difference
from .model import (
    BENCHMARK_CITIES,
    City,
    Direction,
    Entry,
    History,
    Kind,
    Plan,
    Point,
    Qualifier,
    Series,
    Void,
)
from .status import Aggregate, Figure, Origin, Status, StatusReport, TargetStatus, sign, status_report


class Change(StrEnum):
    """A kind of movement, in order of importance: what a reader must see first comes first."""

    OVERDUE = "newly-overdue"  # past its deadline and not met, and was not
    WENT_BACK = "went-back"  # its figure moved the wrong way, or is gone (a correction lowered it)
    CORRECTED = "corrected"  # the figure the earlier report showed has since been voided
    STALE = "newly-stale"  # its newest figure has grown older than its reporting interval
    MET = "newly-met"
    FIRST = "first-figure"  # a figure where there was none
    NEW_FIGURE = "new-figure"  # a Dongguan figure logged for a day after the earlier one
    FRONTIER = "frontier-moved"  # a Guangzhou or Shenzhen figure changed what 100 stands for


CHANGE_ORDER: Final = tuple(Change)
# The changes of status: a target's change and `gdz show` say them in words, the summary names their targets.
NAMED: Final = (Change.OVERDUE, Change.WENT_BACK, Change.CORRECTED, Change.STALE, Change.MET)


class FigureChange(NamedTuple):
    """Dongguan's figure now less its figure then, exact as written; `bound` as a figure's: OVER is "more than
    `amount`", ABOUT "about" (from a bound the later figure states, or an approximate earlier one)."""

    amount: float
    bound: Qualifier | None = None


class TargetMovement(NamedTuple):
    since: date
    then: TargetStatus  # as of `since`
    now: TargetStatus
    changes: tuple[Change, ...]  # in order of importance
    figure: FigureChange | None  # where both figures are known and comparable

    @property
    def moved(self) -> bool:
        """Whether anything a report shows of it differs: its figure, its score or its status."""
        return bool(self.changes) or self.then.current != self.now.current or self.score_change is not None

    @property
    def score_change(self) -> tuple[float, float] | None:
        """The score then and now, where both are known and differ."""
        then, now = self.then.score.value, self.now.score.value
        return None if then is None or now is None or then == now else (then, now)


class Movement(NamedTuple):
    """The whole plan's movement since `since`, whatever a filter shows."""

    since: date
    then: StatusReport  # the whole plan as of `since`
    now: StatusReport  # the whole plan as of the later day
    targets: Mapping[str, TargetMovement]  # every target and context indicator, by id

    def of(self, target_id: str) -> TargetMovement:
        return self.targets[target_id]

    def moved(self) -> list[TargetMovement]:
        """The targets (not context indicators) that moved, the most important change first, then in the
        plan's order."""
        moved = [
            row for row in self.targets.values() if row.moved and row.now.target.kind is not Kind.CONTEXT
        ]
        return sorted(moved, key=importance)

    def area_then(self, area_id: str) -> Aggregate:
        return next(area.aggregate for area in self.then.areas if area.area_id == area_id)


def importance(row: TargetMovement) -> int:
    """Where a target's most important change ranks: 0 first, targets without a named change last."""
    return min((CHANGE_ORDER.index(change) for change in row.changes), default=len(CHANGE_ORDER))


def check_period(since: date, as_of: date) -> None:
    """An earlier day must come before (or be) the later one."""
    if since > as_of:
        raise UsageError(msg("since.after_as_of", since=since.isoformat(), as_of=as_of.isoformat()))


def movement(
    plan: Plan,
    history: History,
    now: StatusReport,
    since: date,
    corrections: Sequence[Entry | Void] = (),
    known_by: datetime | None = None,
) -> Movement:
    """What moved between the report as of `since` and `now` (the whole plan's report as of a later day).
    `corrections`: the log's records of the days a void touched, in the log's order; `known_by`: the first
    moment after `since` (in the plan's time zone), by which a record had to be made to count then."""
    check_period(since, now.as_of)
    then_history, corrected = (
        history_then(history, corrections, since, known_by) if known_by else (history, ())
    )
    then = status_report(plan, then_history, since)
    earlier = {row.target.id: row for row in then.all_targets()}
    fixed = {target for target, _ in corrected}
    targets = {
        row.target.id: target_movement(earlier[row.target.id], row, since, row.target.id in fixed)
        for row in now.all_targets()
    }
    return Movement(since, then, now, targets)


def history_then(
    history: History, corrections: Sequence[Entry | Void], since: date, known_by: datetime
) -> tuple[History, tuple[tuple[str, City], ...]]:
    """The series as the report as of `since` saw them: on a day a void touched, the last figure logged before
    `known_by` and not voided before it, where there is one. Also the series whose latest figure as of `since`
    this changes: the figure the earlier report showed has since been corrected."""
    voided_at: dict[str, datetime] = {}
    for record in corrections:
        if isinstance(record, Void):
            voided_at[record.entry] = min(voided_at.get(record.entry, record.recorded_at), record.recorded_at)
    held: dict[tuple[str, City], dict[date, Point]] = {}
    for record in corrections:  # in the log's order: the last held of a day is the one that counted
        if not isinstance(record, Entry) or record.date > since or record.recorded_at >= known_by:
            continue
        if record.id in voided_at and voided_at[record.id] < known_by:
            continue
        key = (record.target, record.city)
        held.setdefault(key, {})[record.date] = Point(record.date, float(record.value), record.qualifier)
    replaced: dict[tuple[str, City], Series] = {}
    for key, days in held.items():
        series = history.of(*key)
        changed = {day: point for day, point in days.items() if series.on(day) != point}
        if changed:
            replaced[key] = series.revised(changed, since)
    then = History({**{key: history[key] for key in history}, **replaced})
    corrected = tuple(
        key for key, series in replaced.items() if series.latest(since) != history.of(*key).latest(since)
    )
    return then, corrected


def target_movement(then: TargetStatus, now: TargetStatus, since: date, corrected: bool) -> TargetMovement:
    """One target's changes between two reports, in order of importance."""
    figure = figure_change(then.current, now.current)
    found = {
        Change.OVERDUE: now.past_deadline and not then.past_deadline,
        Change.WENT_BACK: went_back(then, now, figure),
        Change.CORRECTED: corrected,
        Change.STALE: now.stale and not then.stale,
        Change.MET: now.status is Status.ACHIEVED and then.status is not Status.ACHIEVED,
        Change.FIRST: then.current is None and now.current is not None,
        Change.NEW_FIGURE: now.current is not None
        and now.current.origin is Origin.LOG
        and now.current.as_of.last_day > since,
        Change.FRONTIER: _frontier(then) != _frontier(now)
        and bool({then.score.frontier_source, now.score.frontier_source} & PEER_SOURCES),
    }
    return TargetMovement(since, then, now, tuple(change for change in CHANGE_ORDER if found[change]), figure)


PEER_SOURCES: Final = frozenset(city.value for city in BENCHMARK_CITIES)


def _frontier(row: TargetStatus) -> tuple[float | None, bool, str | None]:
    return row.score.frontier, row.score.frontier_strict, row.score.frontier_source


def figure_change(then: Figure | None, now: Figure | None) -> FigureChange | None:
    """Now less then, where both are known and the earlier is no bound (">1000" then and 1020 now could be a
    rise or a fall): exact, with the later figure's bound, or "about" where either is approximate."""
    if then is None or now is None or then.qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        return None
    bound = Qualifier.ABOUT if Qualifier.ABOUT in (then.qualifier, now.qualifier) else now.qualifier
    return FigureChange(difference(now.value, then.value), bound)


def went_back(then: TargetStatus, now: TargetStatus, figure: FigureChange | None) -> bool:
    """Whether the target's figure moved the wrong way for its direction, no longer meets a target it met, or
    is gone (a correction took it away). A bound counts: "more than −5" is no certain fall."""
    if then.current is not None and now.current is None:
        return True
    if then.status is Status.ACHIEVED and now.status is not Status.ACHIEVED and now.current is not None:
        return True
    if figure is None:
        return False
    direction = then.target.direction
    if figure.bound in (Qualifier.OVER, Qualifier.AT_LEAST):  # the true change lies above `amount`
        rises = figure.amount > 0 or (figure.amount == 0 and figure.bound is Qualifier.OVER)
        return direction is Direction.LOWER and rises
    return sign(direction) * figure.amount < 0
