"""Reports: the status of every target, one target in full, and the entries of the log, as data to render."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from gdz_targets.domain.model import City, Entry, Plan, Point, Void
from gdz_targets.domain.query import require_target, select_targets
from gdz_targets.domain.status import Origin, StatusReport, TargetStatus, status_report, target_status

from .session import Session

if TYPE_CHECKING:
    from gdz_targets.domain.movement import Movement, TargetMovement
    from gdz_targets.store.log import Log


def status(
    session: Session,
    as_of: date | None = None,
    area: str | None = None,
    statuses: Sequence[str] | None = None,
    sort: str = "plan",
    owner: str | None = None,
) -> StatusReport:
    """Every target's standing on `as_of` (default today), narrowed and ordered as asked; `owner`: only the
    targets that owner (责任单位, named by a part of its name) leads or helps with."""
    report = status_report(session.plan(), session.history(), as_of or session.today())
    if area is None and not statuses and sort == "plan" and owner is None:
        return report  # the whole plan in its own order: nothing to narrow
    from gdz_targets.domain.query import narrow_report

    return narrow_report(report, area, statuses, sort, _held_by(session, owner))


def _held_by(session: Session, owner: str | None) -> frozenset[str] | None:
    """The targets an owner (named by a part of its name) leads or helps with; None: no owner asked for."""
    if owner is None:
        return None
    from .owners import declared_owners

    return frozenset(declared_owners(session)[0].named(owner).targets())


class Compared(NamedTuple):
    """A report since an earlier day: the report as of the later day (narrowed and ordered as asked), and what
    moved since the earlier one across the whole plan."""

    report: StatusReport
    movement: Movement


def compared(
    session: Session,
    since: date,
    as_of: date | None = None,
    area: str | None = None,
    statuses: Sequence[str] | None = None,
    sort: str = "plan",
    owner: str | None = None,
) -> Compared:
    """The report as of `as_of` (default today) and what moved since `since`, narrowed as `status` narrows:
    one reading of the log. What moved stays the whole plan's, as the summary does."""
    from gdz_targets.domain.query import narrow_report

    log = session.report_log()
    moved = movement_since(session, log, since, as_of or session.today())
    return Compared(narrow_report(moved.now, area, statuses, sort, _held_by(session, owner), moved), moved)


def movement_since(session: Session, log: Log, since: date, as_of: date) -> Movement:
    """What moved across the whole plan between `since` and `as_of`: the report as of `as_of`, and the one as
    of `since` with the days a void touched as the log then held them."""
    from gdz_targets.domain.movement import check_period, movement  # loaded by --since alone

    check_period(since, as_of)
    history = log.history()
    now = status_report(session.plan(), history, as_of)
    return movement(session.plan(), history, now, since, log.corrections(), session.end_of_day(since))


class TargetDetail(NamedTuple):
    """What `gdz show` prints: the target's standing, its Dongguan series, and every entry with its voids."""

    plan: Plan
    standing: TargetStatus
    series: list[Point]
    entries: list[Entry]
    voids: dict[str, Void]
    change: TargetMovement | None = None  # what moved since an earlier day, where one is asked for


def target_detail(
    session: Session, target_id: str, as_of: date | None = None, since: date | None = None
) -> TargetDetail:
    plan = session.plan()
    target = require_target(plan, target_id)
    day = as_of or session.today()
    log = session.log()
    history = log.history()
    change = movement_since(session, log, since, day).of(target.id) if since is not None else None
    return TargetDetail(
        plan,
        target_status(plan, target, history, day),
        history.of(target.id, City.DONGGUAN).points(day),
        log.entries(target.id, include_voided=True),
        log.voids(),
        change,
    )


class EntryFilter(NamedTuple):
    """Which entries a listing keeps; every field narrows, None keeps all."""

    target: str | None = None
    area: str | None = None
    city: City | None = None
    since: date | None = None
    until: date | None = None
    include_voided: bool = False
    last: int | None = None  # only the last N, after the other filters


ALL_ENTRIES = EntryFilter()


def entries(session: Session, wanted: EntryFilter = ALL_ENTRIES) -> tuple[list[Entry], dict[str, Void]]:
    """The log's entries by date (a day's in the log's order), filtered; with the voids of those voided (when
    they are included). The target is named as everywhere: its id, a part of its title, its short title."""
    plan = session.plan()
    target = require_target(plan, wanted.target).id if wanted.target is not None else None
    in_area = {t.id for t in select_targets(plan, area=wanted.area)} if wanted.area else None
    log = session.log()
    found = [
        entry
        for entry in log.entries(target, include_voided=wanted.include_voided)
        if (in_area is None or entry.target in in_area)
        and (wanted.city is None or entry.city is wanted.city)
        and (wanted.since is None or entry.date >= wanted.since)
        and (wanted.until is None or entry.date <= wanted.until)
    ]
    if wanted.last is not None:
        found = found[-wanted.last :]
    return found, log.voids() if wanted.include_voided else {}


def next_steps(session: Session, report: StatusReport) -> tuple[str, ...]:
    """What to do next, for the summary: how to begin on an empty log, else the everyday commands."""
    from gdz_targets.store.paths import shipped_published_path

    # The published figures are for the shipped plan: another plan's targets are not theirs.
    published = shipped_published_path() if session.plan_location().rule == "shipped" else None
    if published is not None:
        try:
            shown = str(published.relative_to(session.cwd or Path.cwd()))
        except ValueError:
            shown = str(published)
    # Whatever the filters show, the advice is for the whole plan: a log with entries needs no first steps.
    logged = any(
        figure is not None and figure.origin is Origin.LOG
        for row in (*report.plan_rows, *report.context)
        for figure in (row.current, *(benchmark.figure for benchmark in row.benchmarks))
    )
    if logged:
        return ("gdz log TARGET VALUE", "gdz show TARGET", "gdz status --all")
    # A template, not an example with a figure: copied as it is, an example would log an invented value.
    first = (f"gdz import {shown}",) if published is not None else ()
    return (*first, "gdz targets", "gdz log TARGET VALUE --date YYYY-MM-DD")
