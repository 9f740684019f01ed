"""Who has reported for a period: per owner, the targets it owes and which of them have a Dongguan figure
dated within the period. Derived from the plan, the owners and the log, never stored (stdlib only).

Which targets a period asks for: every target an owner holds, except one set after the period ended, a
milestone done before the period began, a target met whose deadline passed before the period began, a yearly
series in a period that holds no 31 December, and a one-off fact (logged when it happens, never asked for).
A target past its deadline and not met is asked for until it is met.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum
from typing import Final, NamedTuple

from .model import City, History, Kind, Plan, Point, Target
from .owners import Owner, Owners, Role
from .periods import Period
from .status import Figure, current_figure, meets

YEARLY_DAYS: Final = 365  # a target reported once a year (its reporting interval): asked at the year's end


class Skip(StrEnum):
    """Why a period does not ask for a target."""

    NOT_SET = "not-set"  # set after the period ended (its source was published later)
    DONE = "done"  # a milestone done before the period began
    MET = "met"  # met, and its deadline passed before the period began
    YEAR_END = "year-end"  # a yearly series, in a period that holds no 31 December
    ONE_OFF = "one-off"  # a one-off fact: logged when it happens


def skip_reason(plan: Plan, target: Target, history: History, period: Period) -> Skip | None:
    """Why `period` does not ask for `target`, or None where it does."""
    if _set_on(plan, target) > period.last_day:
        return Skip.NOT_SET
    if target.reporting_days is None:
        return Skip.ONE_OFF
    if target.reporting_days >= YEARLY_DAYS and period.last_day.month != 12:
        return Skip.YEAR_END
    before = current_figure(target, history, period.first_day - timedelta(days=1))
    if target.kind is Kind.MILESTONE and before is not None and meets(target, before):
        return Skip.DONE
    finished = target.deadline is not None and target.deadline < period.first_day
    if target.kind is Kind.NUMERIC and finished and before is not None and meets(target, before):
        return Skip.MET
    return None


def _set_on(plan: Plan, target: Target) -> date:
    """The day a target was set: the plan's issue for its own targets, else its source's publication."""
    source = plan.sources.get(target.source)
    if target.source == plan.meta.source or source is None or source.published is None:
        return plan.meta.issued.first_day
    return source.published.first_day


class Asked(NamedTuple):
    """A target a period asks an owner about, and what the log holds for it."""

    target: Target
    role: Role
    figure: Point | None  # the latest Dongguan figure dated within the period: the return, if any
    previous: Figure | None  # the latest figure (else the plan's baseline) before the period began


class State(StrEnum):
    LATE = "late"  # the due day has passed, something is missing
    PENDING = "pending"  # something is missing, the due day has not passed
    COMPLETE = "complete"
    NOTHING = "nothing-due"  # the period asks it for nothing


STATE_ORDER: Final = tuple(State)


class OwnerReturn(NamedTuple):
    owner: Owner
    state: State
    asked: tuple[Asked, ...]  # the targets it leads, then those it helps with
    skipped: tuple[tuple[Target, Skip], ...]  # its targets the period does not ask for

    @property
    def owed(self) -> tuple[Asked, ...]:
        return tuple(asked for asked in self.asked if asked.role is Role.LEAD)

    @property
    def returned(self) -> tuple[Asked, ...]:
        return tuple(asked for asked in self.owed if asked.figure is not None)

    @property
    def missing(self) -> tuple[Asked, ...]:
        return tuple(asked for asked in self.owed if asked.figure is None)


class Returns(NamedTuple):
    period: Period
    due: date
    today: date
    owners: tuple[OwnerReturn, ...]  # the most urgent first: late, then pending, most missing first
    unowned: tuple[Target, ...]  # asked for in the period, but led by no owner

    @property
    def due_passed(self) -> bool:
        return self.today > self.due

    def count(self, state: State) -> int:
        return sum(1 for found in self.owners if found.state is state)


def compute_returns(
    plan: Plan, owners: Owners, history: History, period: Period, due: date, today: date
) -> Returns:
    """Each owner's returns for `period`, due on `due`, as the log holds them `today`."""
    reasons: dict[str, Skip | None] = {}
    asked: dict[str, tuple[Point | None, Figure | None]] = {}

    def reason(target: Target) -> Skip | None:
        if target.id not in reasons:
            reasons[target.id] = skip_reason(plan, target, history, period)
        return reasons[target.id]

    def found(target: Target) -> tuple[Point | None, Figure | None]:
        if target.id not in asked:
            point = history.of(target.id, City.DONGGUAN).latest(period.last_day)
            figure = point if point is not None and point.date >= period.first_day else None
            asked[target.id] = (figure, current_figure(target, history, period.first_day - timedelta(days=1)))
        return asked[target.id]

    rows = []
    for owner in owners.owners:
        targets = [
            (plan.target(target_id), role)
            for role, ids in ((Role.LEAD, owner.leads), (Role.CO, owner.helps))
            for target_id in ids
        ]
        held = [(target, role) for target, role in targets if target is not None]
        chosen = tuple(Asked(target, role, *found(target)) for target, role in held if reason(target) is None)
        skipped = tuple((target, skip) for target, _ in held if (skip := reason(target)) is not None)
        rows.append(OwnerReturn(owner, _state(chosen, due, today), chosen, skipped))
    ranked = sorted(rows, key=lambda row: (STATE_ORDER.index(row.state), -len(row.missing)))
    led = {target for owner in owners.owners for target in owner.leads}
    unowned = tuple(
        target
        for target in plan.targets
        if target.kind is not Kind.CONTEXT and target.id not in led and reason(target) is None
    )
    return Returns(period, due, today, tuple(ranked), unowned)


def _state(asked: Sequence[Asked], due: date, today: date) -> State:
    owed = [row for row in asked if row.role is Role.LEAD]
    if not owed:
        return State.NOTHING
    if all(row.figure is not None for row in owed):
        return State.COMPLETE
    return State.LATE if today > due else State.PENDING
