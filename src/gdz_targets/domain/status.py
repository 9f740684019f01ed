"""The status report: a pure function of (plan, history, as-of date). No clock, no I/O.

Formulas (also in the README, with a worked example each). s = +1 when higher is better, -1 when lower.
- current: the latest non-voided Dongguan entry dated on or before the as-of date, else the plan's baseline.
- gap to target = s * (target - current); gap to a city = s * (city - current), for a comparable city only.
- progress = 100 * (current - start) / (target - start), start = baseline, else 0 for zero-based units; below
  100 (at most 99) until the target is met, so a strict target ("突破1000") only equalled is not full.
- score: 100 means "met the target and matched the best comparable peer". frontier = the more demanding of
  the target and the best comparable Guangzhou/Shenzhen figure; worst = the plan's baseline, else 0 for
  zero-based units ("no baseline published: counted from 0"); score = 100 * (current - worst) /
  (frontier - worst), clipped, and below 100 (at most 99) until the frontier is reached. Related figures never
  enter it. Bounds count: "突破/超" (strict) is met only when exceeded, a peer's ">90" is "more than 90".
- area and plan scores: the mean over all their targets weighted by the plan (a group of measures the
  article lists in one breath weighs as one target), a target without data counting 0; the mean over the
  targets with data is given beside it, with how many have data.
- pace: needed = (target - current) / days to the deadline; observed = change per day since the baseline
  (else the first entry); projected = current + observed * days from the current figure to the deadline.
"""

import math
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Final, NamedTuple

from .exact import at_scale, difference, scaled, share, weighted_mean
from .model import (
    BENCHMARK_CITIES,
    City,
    Direction,
    History,
    Kind,
    Observation,
    PeriodDate,
    Plan,
    Point,
    Qualifier,
    Target,
    Unit,
)

AT_RISK_SHARE: Final = 0.75  # projected to close at least this share of the remaining gap: at risk
SHORT_OF_FRONTIER: Final = 99.0  # the highest score (and progress) of a target short of its frontier (target)


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    OFF_TRACK = "off-track"
    OVERDUE = "overdue"
    OPEN = "open"  # has data, but no deadline or too few points to judge pace
    NO_DATA = "no-data"


STATUS_ORDER: Final = tuple(Status)


class Origin(StrEnum):
    LOG = "log"
    PLAN = "plan"


class Figure(NamedTuple):
    """A value with its date and where it came from: a log entry, or the plan's sourced figure."""

    value: float
    as_of: PeriodDate  # a day, or a month or year where the source gives no day
    origin: Origin
    observation: Observation | None = None  # the plan's figure, with its source and quote
    qualifier: Qualifier | None = None  # a bound the source states: ">90" is more than 90

    @classmethod
    def from_plan(cls, observation: Observation) -> "Figure":
        return cls(observation.value, observation.as_of, Origin.PLAN, observation, observation.qualifier)

    @classmethod
    def from_point(cls, point: Point) -> "Figure":
        return cls(point.value, PeriodDate(point.date), Origin.LOG, None, point.qualifier)


class Benchmark(NamedTuple):
    city: City
    figure: Figure
    gap: float | None  # s * (benchmark - current): how far Dongguan is behind; None for a related measure
    related: bool  # a related measure, not the target's own: shown, never compared


class Score(NamedTuple):
    value: float | None
    frontier: float | None  # what 100 stands for
    frontier_source: str | None  # guangzhou | shenzhen | target
    frontier_strict: bool  # reached only when passed ("突破", or a peer's "more than")
    worst: float | None  # what 0 stands for
    worst_source: str | None  # baseline | zero (no baseline published: counted from 0)


NO_SCORE: Final = Score(None, None, None, False, None, None)


class Pace(NamedTuple):
    needed_per_day: float | None
    observed_per_day: float | None
    projected: float | None  # value at the deadline if the observed pace holds
    days_left: int | None
    outlook: Status | None = None  # on track, at risk or off track, by the projection; None without one


class TargetStatus(NamedTuple):
    target: Target
    current: Figure | None
    progress: float | None  # percent, not clipped
    gap_to_target: float | None
    benchmarks: tuple[Benchmark, ...]
    frontier: Benchmark | None  # the best comparable peer figure
    score: Score
    pace: Pace
    status: Status | None  # None for context indicators
    stale: bool
    achieved_on: PeriodDate | None = None  # since when the target has been met, for an achieved target
    weight: float = 1.0  # its weight in the area and plan scores
    # The deadline has passed and the target is not shown met: overdue, or with no data at all (which a report
    # upwards must count too: nothing shows it was done).
    past_deadline: bool = False


class Aggregate(NamedTuple):
    """A score over several targets, never without its coverage."""

    score: float | None  # weighted mean over all the targets, those without data counting 0
    mean_with_data: float | None  # weighted mean over the targets with data only
    scored: int  # targets with data (a score)
    total: int  # targets the score covers


class AreaStatus(NamedTuple):
    area_id: str
    targets: tuple[TargetStatus, ...]
    aggregate: Aggregate


class StatusReport(NamedTuple):
    plan: Plan
    as_of: date
    areas: tuple[AreaStatus, ...]
    context: tuple[TargetStatus, ...]
    aggregate: Aggregate  # the whole plan: every target in the areas
    counts: Mapping[Status, int]
    plan_rows: tuple[TargetStatus, ...] = ()  # every target in the areas, whatever a filter leaves out

    def all_targets(self) -> list[TargetStatus]:
        return [row for area in self.areas for row in area.targets] + list(self.context)


def sign(direction: Direction) -> int:
    return 1 if direction is Direction.HIGHER else -1


def reaches(
    direction: Direction, value: float, qualifier: Qualifier | None, goal: float, strict: bool
) -> bool:
    """Whether a figure reaches `goal` (passes it, when `strict`). A figure that is a lower bound (">1000",
    "at least 100") reaches what its bound reaches; it can never show a lower-is-better goal reached."""
    margin = sign(direction) * (value - goal)
    if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        if direction is Direction.LOWER:
            return False
        if qualifier is Qualifier.OVER:
            return margin >= 0  # more than `value`, itself at or past the goal: passed
    return margin > 0 if strict else margin >= 0


def meets(target: Target, figure: Figure) -> bool:
    """Whether a figure meets the target (a milestone: done)."""
    if target.kind is Kind.MILESTONE:
        return figure.value >= 1
    assert target.target is not None
    return reaches(target.direction, figure.value, figure.qualifier, target.target, target.target_strict)


def current_figure(target: Target, history: History, as_of: date) -> Figure | None:
    point = history.of(target.id, City.DONGGUAN).latest(as_of)
    if point is not None:
        return Figure.from_point(point)
    baseline = target.baseline
    if baseline is not None and baseline.as_of.last_day <= as_of:
        return Figure.from_plan(baseline)
    return None


def progress(
    target: Target, unit: Unit | None, current: float, qualifier: Qualifier | None = None
) -> float | None:
    """How far from the start to the target, in percent: at most 99 until the target is met, a bound
    included (`>100` meets a target that must exceed 100, so it is full)."""
    if target.kind is Kind.MILESTONE:
        return 100.0 * current
    if target.target is None:
        return None
    start = _start_value(target, unit)
    if start is None:
        return None
    met = reaches(target.direction, current, qualifier, target.target, target.target_strict)
    if target.target == start:
        return 100.0 if met else 0.0
    done = share(current, start, target.target)
    if not math.isfinite(done):  # a target a hair's breadth from its start
        return None
    return done if met else min(done, SHORT_OF_FRONTIER)


def _start_value(target: Target, unit: Unit | None) -> float | None:
    if target.baseline is not None:
        return target.baseline.value
    if unit is not None and unit.zero_based:
        return 0.0
    return None


def parity_score(direction: Direction, current: float, worst: float, frontier: float) -> float:
    """Distance to frontier (World Bank Doing Business): 0 at the worst, 100 at the frontier or beyond."""
    s = sign(direction)
    if s * frontier <= s * worst:  # already at or past the frontier at the baseline
        return 100.0 if s * current >= s * frontier else 0.0
    return min(100.0, max(0.0, share(current, worst, frontier)))


def score(target: Target, unit: Unit | None, current: Figure | None, peer: Benchmark | None) -> Score:
    """The target's 0–100 score: 100 only once it has met its target and matched the best comparable peer."""
    if target.kind is Kind.CONTEXT:
        return NO_SCORE
    if target.kind is Kind.MILESTONE:
        done = None if current is None else 100.0 if meets(target, current) else 0.0
        return Score(done, 1, "target", False, 0, "zero")
    assert target.target is not None
    if target.baseline is not None:
        worst, worst_source = target.baseline.value, "baseline"
    elif unit is not None and unit.zero_based:
        worst, worst_source = 0.0, "zero"
    else:
        worst, worst_source = None, None
    frontier, strict, source = target.target, target.target_strict, "target"
    if peer is not None:
        # A peer's ">4" is passed only above 4 where higher is better; where lower is, 4 has beaten it.
        peer_strict = peer.figure.qualifier is Qualifier.OVER and target.direction is Direction.HIGHER
        margin = sign(target.direction) * (peer.figure.value - frontier)
        if margin > 0 or (margin == 0 and peer_strict and not strict):  # the peer asks more than the target
            frontier, strict, source = peer.figure.value, peer_strict, peer.city.value
    value = None
    if current is not None and worst is not None:
        if meets(target, current) and reaches(
            target.direction, current.value, current.qualifier, frontier, strict
        ):
            value = 100.0
        else:
            value = min(parity_score(target.direction, current.value, worst, frontier), SHORT_OF_FRONTIER)
    return Score(value, frontier, source, strict, worst, worst_source)


def benchmarks(
    target: Target, history: History, as_of: date, current: Figure | None
) -> tuple[Benchmark, ...]:
    """Each city's latest logged value on or before as-of, else the plan's sourced figure."""
    found = []
    for city in BENCHMARK_CITIES:
        point = history.of(target.id, city).latest(as_of)
        observation = target.benchmarks.get(city)
        if point is not None:
            figure = Figure.from_point(point)
        elif observation is not None:
            figure = Figure.from_plan(observation)
        else:
            continue
        related = target.is_related(city)
        gap = (
            None
            if current is None or related
            else sign(target.direction) * difference(figure.value, current.value)
        )
        found.append(Benchmark(city, figure, gap, related))
    return tuple(found)


def frontier_of(target: Target, found: tuple[Benchmark, ...]) -> Benchmark | None:
    """The best comparable peer figure; a related measure is never one."""
    comparable = [benchmark for benchmark in found if not benchmark.related]
    if not comparable:
        return None
    s = sign(target.direction)
    # Of two equal figures the more demanding: ">95" asks more where higher is better, less where lower.
    return max(
        comparable, key=lambda peer: (s * peer.figure.value, s * (peer.figure.qualifier is Qualifier.OVER))
    )


def pace(target: Target, history: History, as_of: date, current: Figure | None) -> Pace:
    """Needed and observed change per day, the projection to the deadline, and what the projection says —
    worked out exactly, so that a projection landing on the target is on track."""
    days_left = (target.deadline - as_of).days if target.deadline is not None else None
    if current is None or target.kind is not Kind.NUMERIC or target.target is None:
        return Pace(None, None, None, days_left)
    needed = None
    if days_left is not None and days_left > 0:
        (goal, now), exponent = scaled(target.target, current.value)
        needed = at_scale(goal - now, exponent, days_left)
    start = _pace_start(target, history, as_of) if current.origin is Origin.LOG else None
    current_day = current.as_of.last_day
    if start is None or start.date >= current_day:
        return Pace(needed, None, None, days_left)
    (goal, now, first), exponent = scaled(target.target, current.value, start.value)
    elapsed = (current_day - start.date).days
    observed = at_scale(now - first, exponent, elapsed)
    # A projection is to a deadline still ahead of the figure: from a figure dated after the deadline,
    # "projecting" backwards would give a figure nobody could have (a share of -80%).
    if target.deadline is None or target.deadline < current_day:
        return Pace(needed, observed, None, days_left)
    ahead = (target.deadline - current_day).days
    gained = (now - first) * ahead  # projected − current, times `elapsed`
    projected = at_scale(now * elapsed + gained, exponent, elapsed)
    margin = sign(target.direction) * (now * elapsed + gained - goal * elapsed)
    if margin > 0 or (margin == 0 and not target.target_strict):
        outlook = Status.ON_TRACK
    elif goal == now:  # exactly at a target that must be exceeded ("突破"), and not moving past it
        outlook = Status.AT_RISK
    else:  # the share of the remaining gap the projection closes, against AT_RISK_SHARE
        remaining = (goal - now) * elapsed
        (closes, wanted), _ = scaled(gained, AT_RISK_SHARE)  # `gained` is whole: its scale is 0
        closes_enough = closes >= wanted * remaining if remaining > 0 else closes <= wanted * remaining
        outlook = Status.AT_RISK if closes_enough else Status.OFF_TRACK
    return Pace(needed, observed, projected, days_left, outlook)


def _pace_start(target: Target, history: History, as_of: date) -> Point | None:
    if target.baseline is not None:
        return Point(target.baseline.as_of.last_day, target.baseline.value)
    return history.of(target.id, City.DONGGUAN).first(as_of)


def status_of(target: Target, current: Figure | None, pace_now: Pace, as_of: date) -> Status | None:
    if target.kind is Kind.CONTEXT:
        return None
    if current is None:
        return Status.NO_DATA
    if meets(target, current):
        return Status.ACHIEVED
    if target.deadline is None:
        return Status.OPEN
    if as_of > target.deadline:
        return Status.OVERDUE
    return pace_now.outlook or Status.OPEN


def achieved_since(target: Target, history: History, as_of: date, current: Figure) -> PeriodDate:
    """The date of the first figure of the unbroken run of figures that meet the target, up to the latest."""
    if current.origin is Origin.PLAN:
        return current.as_of
    since = current.as_of
    for point in history.of(target.id, City.DONGGUAN).newest_first(as_of):
        if not meets(target, Figure.from_point(point)):
            break
        since = PeriodDate(point.date)
    return since


def is_stale(target: Target, current: Figure | None, status: Status | None, as_of: date) -> bool:
    """No figure dated within the target's reporting interval (achieved targets, and one-off facts with no
    interval, need none)."""
    if current is None or status is Status.ACHIEVED or target.reporting_days is None:
        return False
    return (as_of - current.as_of.last_day).days > target.reporting_days


def as_known(target: Target, as_of: date) -> Target:
    """The target as the plan knew it on `as_of`: a baseline or a Guangzhou/Shenzhen figure dated later is
    left out, as a later entry is, so that a report as of a day is the report of that day."""
    baseline = target.baseline
    late = baseline is not None and baseline.as_of.last_day > as_of
    known = {city: figure for city, figure in target.benchmarks.items() if figure.as_of.last_day <= as_of}
    if not late and len(known) == len(target.benchmarks):
        return target
    return target._replace(baseline=None if late else baseline, benchmarks=known)


def target_status(plan: Plan, target: Target, history: History, as_of: date) -> TargetStatus:
    """One target's standing on `as_of`, from the figures dated on or before it."""
    target = as_known(target, as_of)
    unit = plan.unit_of(target)
    current = current_figure(target, history, as_of)
    found = benchmarks(target, history, as_of, current)
    frontier = frontier_of(target, found)
    pace_now = pace(target, history, as_of, current)
    status = status_of(target, current, pace_now, as_of)
    gap = None
    if current is not None and target.target is not None and target.kind is Kind.NUMERIC:
        gap = sign(target.direction) * difference(target.target, current.value)
    achieved = status is Status.ACHIEVED and current is not None
    return TargetStatus(
        target=target,
        current=current,
        progress=None if current is None else progress(target, unit, current.value, current.qualifier),
        gap_to_target=gap,
        benchmarks=found,
        frontier=frontier,
        score=score(target, unit, current, frontier),
        pace=pace_now,
        status=status,
        stale=is_stale(target, current, status, as_of),
        achieved_on=achieved_since(target, history, as_of, current) if achieved and current else None,
        weight=plan.weight(target),
        past_deadline=status in (Status.OVERDUE, Status.NO_DATA)
        and target.deadline is not None
        and as_of > target.deadline,
    )


def aggregate(rows: Sequence[TargetStatus]) -> Aggregate:
    """Coverage and weighted means of the targets' scores (context indicators take no part)."""
    counted = [row for row in rows if row.target.kind is not Kind.CONTEXT]
    with_data = [row for row in counted if row.score.value is not None]
    if not with_data:  # no data counts 0, even where nothing has any; with no target there is no score
        return Aggregate(0.0 if counted else None, None, 0, len(counted))
    scores = [row.score.value or 0.0 for row in with_data]
    weights = [row.weight for row in with_data]
    return Aggregate(
        weighted_mean(scores, weights, [row.weight for row in counted]),
        weighted_mean(scores, weights, weights),
        len(with_data),
        len(counted),
    )


def status_report(plan: Plan, history: History, as_of: date) -> StatusReport:
    """Every target's standing on `as_of`, grouped by area in the plan's order, with area and plan scores."""
    rows = {target.id: target_status(plan, target, history, as_of) for target in plan.targets}
    areas = []
    for area in plan.areas:
        members = tuple(rows[t.id] for t in plan.targets if t.area == area.id)
        areas.append(AreaStatus(area.id, members, aggregate(members)))
    context = tuple(rows[t.id] for t in plan.targets if t.area is None)
    every = tuple(row for area in areas for row in area.targets)
    return StatusReport(plan, as_of, tuple(areas), context, aggregate(every), count_statuses(areas), every)


def count_statuses(areas: Sequence[AreaStatus]) -> dict[Status, int]:
    """How many targets have each status; one past its deadline with no data at all counts as overdue, as
    the past-due list beside the counts names it (nothing shows it was done)."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for area in areas:
        for row in area.targets:
            if row.status is not None:
                counts[Status.OVERDUE if row.past_deadline else row.status] += 1
    return counts
