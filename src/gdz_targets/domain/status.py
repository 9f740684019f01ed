"""The status report: a pure function of (plan, history, as-of date). No clock, no I/O.

Formulas (also in the README). s = +1 when higher is better, -1 when lower is better.
- current: the latest non-voided Dongguan entry dated on or before the as-of date, else the plan's baseline.
- gap to target = s * (target - current); gap to a city = s * (city - current). Positive: Dongguan is behind.
- progress = 100 * (current - start) / (target - start), start = baseline, else 0 for zero-based units.
- parity score = 100 * (current - worst) / (frontier - worst), clipped to 0..100; worst = Dongguan's baseline
  (else 0 for counts and percentages), frontier = the better of Guangzhou and Shenzhen (else the target).
- pace: needed = (target - current) / days to the deadline; observed = change per day since the baseline
  (else the first entry); projected = current + observed * days from the current figure to the deadline.
"""

import math
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Final, NamedTuple

from .model import BENCHMARK_CITIES, City, Direction, History, Kind, Observation, Plan, Point, Target, Unit

AT_RISK_SHARE: Final = (
    0.75  # projected to close at least this share of the remaining gap: at risk, else off track
)


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
    as_of: str  # ISO date, or a month or year where the source gives no day
    origin: Origin
    observation: Observation | None = None  # the plan's figure, with its source and quote

    @classmethod
    def from_plan(cls, observation: Observation) -> "Figure":
        return cls(observation.value, str(observation.as_of), Origin.PLAN, observation)


class Benchmark(NamedTuple):
    city: City
    figure: Figure
    gap: float | None  # s * (benchmark - current): how far Dongguan is behind this city


class Score(NamedTuple):
    value: float | None
    frontier: float | None
    frontier_source: str | None  # guangzhou | shenzhen | target
    worst: float | None
    worst_source: str | None  # baseline | zero


class Pace(NamedTuple):
    needed_per_day: float | None
    observed_per_day: float | None
    projected: float | None  # value at the deadline if the observed pace holds
    days_left: int | None


class TargetStatus(NamedTuple):
    target: Target
    current: Figure | None
    progress: float | None  # percent, not clipped
    gap_to_target: float | None
    benchmarks: tuple[Benchmark, ...]
    frontier: Benchmark | None
    score: Score
    pace: Pace
    status: Status | None  # None for context indicators
    stale: bool


class AreaStatus(NamedTuple):
    area_id: str
    targets: tuple[TargetStatus, ...]
    score: float | None  # mean over the targets that have a score
    scored: int  # how many targets that is: a score over few targets says little


class StatusReport(NamedTuple):
    plan: Plan
    as_of: date
    areas: tuple[AreaStatus, ...]
    context: tuple[TargetStatus, ...]
    score: float | None
    scored: int  # targets with a score, over all areas
    total: int  # targets in the areas: the plan score covers `scored` of them
    counts: Mapping[Status, int]

    def all_targets(self) -> list[TargetStatus]:
        return [row for area in self.areas for row in area.targets] + list(self.context)


def sign(direction: Direction) -> int:
    return 1 if direction is Direction.HIGHER else -1


def meets(target: Target, value: float) -> bool:
    """Whether `value` reaches the target (a strict target, "突破", must be passed)."""
    assert target.target is not None
    margin = sign(target.direction) * (value - target.target)
    return margin > 0 if target.target_strict else margin >= 0


def current_figure(target: Target, history: History, as_of: date) -> Figure | None:
    point = history.of(target.id, City.DONGGUAN).latest(as_of)
    if point is not None:
        return Figure(point.value, point.date.isoformat(), Origin.LOG)
    baseline = target.baseline
    if baseline is not None and baseline.as_of.last_day <= as_of:
        return Figure.from_plan(baseline)
    return None


def progress(target: Target, unit: Unit | None, current: float) -> float | None:
    if target.kind is Kind.MILESTONE:
        return 100.0 * current
    if target.target is None:
        return None
    start = _start_value(target, unit)
    if start is None:
        return None
    if target.target == start:
        return 100.0 if meets(target, current) else 0.0
    share = 100.0 * (current - start) / (target.target - start)
    return share if math.isfinite(share) else None  # a target a hair's breadth from its start


def _start_value(target: Target, unit: Unit | None) -> float | None:
    if target.baseline is not None:
        return target.baseline.value
    if unit is not None and unit.zero_based:
        return 0.0
    return None


def parity_score(direction: Direction, current: float, worst: float, frontier: float) -> float:
    """Distance to frontier (World Bank Doing Business): 0 at the worst, 100 at the frontier or beyond."""
    s = sign(direction)
    good_current, good_worst, good_frontier = s * current, s * worst, s * frontier
    if good_frontier <= good_worst:  # already at or past the frontier at the baseline
        return 100.0 if good_current >= good_frontier else 0.0
    share = (good_current - good_worst) / (good_frontier - good_worst)
    return 100.0 * min(1.0, max(0.0, share))


def score(target: Target, unit: Unit | None, current: Figure | None, frontier: Benchmark | None) -> Score:
    if target.kind is Kind.MILESTONE:
        return Score(None if current is None else 100.0 * current.value, 1, "target", 0, "zero")
    if target.baseline is not None:
        worst, worst_source = target.baseline.value, "baseline"
    elif unit is not None and unit.zero_based:
        worst, worst_source = 0.0, "zero"
    else:
        worst, worst_source = None, None
    if frontier is not None:
        best, best_source = frontier.figure.value, frontier.city.value
    elif target.target is not None:
        best, best_source = target.target, "target"
    else:
        best, best_source = None, None
    value = None
    if current is not None and worst is not None and best is not None:
        value = parity_score(target.direction, current.value, worst, best)
    return Score(value, best, best_source, worst, worst_source)


def benchmarks(
    target: Target, history: History, as_of: date, current: Figure | None
) -> tuple[Benchmark, ...]:
    """Each city's latest logged value on or before as-of, else the plan's sourced figure."""
    found = []
    for city in BENCHMARK_CITIES:
        point = history.of(target.id, city).latest(as_of)
        observation = target.benchmarks.get(city)
        if point is not None:
            figure = Figure(point.value, point.date.isoformat(), Origin.LOG)
        elif observation is not None:
            figure = Figure.from_plan(observation)
        else:
            continue
        gap = None if current is None else sign(target.direction) * (figure.value - current.value)
        found.append(Benchmark(city, figure, gap))
    return tuple(found)


def frontier_of(target: Target, found: tuple[Benchmark, ...]) -> Benchmark | None:
    if not found:
        return None
    s = sign(target.direction)
    return max(found, key=lambda benchmark: s * benchmark.figure.value)


def pace(target: Target, history: History, as_of: date, current: Figure | None) -> Pace:
    days_left = (target.deadline - as_of).days if target.deadline is not None else None
    if current is None or target.kind is not Kind.NUMERIC or target.target is None:
        return Pace(None, None, None, days_left)
    needed = (target.target - current.value) / days_left if days_left is not None and days_left > 0 else None
    observed = None
    if current.origin is Origin.LOG:
        start = _pace_start(target, history, as_of)
        current_day = date.fromisoformat(current.as_of)
        if start is not None and start.date < current_day:
            observed = (current.value - start.value) / (current_day - start.date).days
    projected = None
    if observed is not None and target.deadline is not None:
        projected = current.value + observed * (target.deadline - date.fromisoformat(current.as_of)).days
    return Pace(needed, observed, projected, days_left)


def _pace_start(target: Target, history: History, as_of: date) -> Point | None:
    if target.baseline is not None:
        return Point(target.baseline.as_of.last_day, target.baseline.value)
    return history.of(target.id, City.DONGGUAN).first(as_of)


def status_of(target: Target, current: Figure | None, pace_now: Pace, as_of: date) -> Status | None:
    if target.kind is Kind.CONTEXT:
        return None
    if current is None:
        return Status.NO_DATA
    achieved = current.value >= 1 if target.kind is Kind.MILESTONE else meets(target, current.value)
    if achieved:
        return Status.ACHIEVED
    if target.deadline is None:
        return Status.OPEN
    if as_of > target.deadline:
        return Status.OVERDUE
    if pace_now.projected is None or target.target is None:
        return Status.OPEN
    if meets(target, pace_now.projected):
        return Status.ON_TRACK
    remaining = target.target - current.value
    if remaining == 0:  # exactly at a target that must be exceeded ("突破"), and not moving past it
        return Status.AT_RISK
    share = (pace_now.projected - current.value) / remaining
    return Status.AT_RISK if share >= AT_RISK_SHARE else Status.OFF_TRACK


def is_stale(target: Target, current: Figure | None, status: Status | None, as_of: date) -> bool:
    """No figure dated within the target's reporting interval (achieved targets need none)."""
    if current is None or status is Status.ACHIEVED:
        return False
    last_day = date.fromisoformat(current.as_of) if current.origin is Origin.LOG else None
    if last_day is None and current.observation is not None:
        last_day = current.observation.as_of.last_day
    return last_day is not None and (as_of - last_day).days > target.reporting_days


def target_status(plan: Plan, target: Target, history: History, as_of: date) -> TargetStatus:
    unit = plan.unit_of(target)
    current = current_figure(target, history, as_of)
    found = benchmarks(target, history, as_of, current)
    frontier = frontier_of(target, found)
    pace_now = pace(target, history, as_of, current)
    status = status_of(target, current, pace_now, as_of)
    gap = None
    if current is not None and target.target is not None and target.kind is Kind.NUMERIC:
        gap = sign(target.direction) * (target.target - current.value)
    return TargetStatus(
        target=target,
        current=current,
        progress=None if current is None else progress(target, unit, current.value),
        gap_to_target=gap,
        benchmarks=found,
        frontier=frontier,
        score=score(target, unit, current, frontier),
        pace=pace_now,
        status=status,
        stale=is_stale(target, current, status, as_of),
    )


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def status_report(plan: Plan, history: History, as_of: date) -> StatusReport:
    """Every target's standing on `as_of`, grouped by area in the plan's order, with area and plan scores."""
    rows = {target.id: target_status(plan, target, history, as_of) for target in plan.targets}
    areas = []
    for area in plan.areas:
        members = tuple(rows[t.id] for t in plan.targets if t.area == area.id)
        scores = [row.score.value for row in members if row.score.value is not None]
        areas.append(AreaStatus(area.id, members, _mean(scores) if scores else None, len(scores)))
    context = tuple(rows[t.id] for t in plan.targets if t.area is None)
    area_scores = [area.score for area in areas if area.score is not None]
    plan_score = _mean(area_scores) if area_scores else None
    scored = sum(area.scored for area in areas)
    total = sum(len(area.targets) for area in areas)
    return StatusReport(plan, as_of, tuple(areas), context, plan_score, scored, total, count_statuses(areas))


def count_statuses(areas: Sequence[AreaStatus]) -> dict[Status, int]:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for area in areas:
        for row in area.targets:
            if row.status is not None:
                counts[row.status] += 1
    return counts
