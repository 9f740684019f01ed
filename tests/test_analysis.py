"""The report's maths: gaps, progress, parity scores, pace and status, as pure functions."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gdz_targets.domain.model import (
    City,
    Direction,
    Entry,
    History,
    Kind,
    Observation,
    PeriodDate,
    Target,
    Unit,
    Void,
)
from gdz_targets.domain.status import (
    Status,
    pace,
    parity_score,
    progress,
    status_report,
    target_status,
)
from gdz_targets.store.files import read_bytes
from gdz_targets.store.plan_file import load_plan
from gdz_targets.store.records import scan

from .conftest import FIXTURE_LOG, FIXTURE_PLAN, history_of

finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
AS_OF = date(2025, 6, 30)


@given(finite, finite, finite, st.sampled_from(list(Direction)))
def test_score_is_between_0_and_100(
    current: float, worst: float, frontier: float, direction: Direction
) -> None:
    score = parity_score(direction, current, worst, frontier)
    assert 0.0 <= score <= 100.0
    assert not math.isnan(score)


@given(finite, finite, finite)
def test_score_direction_symmetry(current: float, worst: float, frontier: float) -> None:
    higher = parity_score(Direction.HIGHER, current, worst, frontier)
    lower = parity_score(Direction.LOWER, -current, -worst, -frontier)
    assert higher == pytest.approx(lower)


@given(finite, finite, finite, finite)
def test_score_is_monotonic_in_the_current_value(a: float, b: float, worst: float, frontier: float) -> None:
    low, high = sorted((a, b))
    assert (
        parity_score(Direction.HIGHER, low, worst, frontier)
        <= parity_score(Direction.HIGHER, high, worst, frontier) + 1e-9
    )
    assert (
        parity_score(Direction.LOWER, high, worst, frontier)
        <= parity_score(Direction.LOWER, low, worst, frontier) + 1e-9
    )


@given(finite, finite)
def test_score_when_worst_equals_frontier_is_0_or_100(current: float, point: float) -> None:
    assert parity_score(Direction.HIGHER, current, point, point) in (0.0, 100.0)


def test_score_examples() -> None:
    assert parity_score(Direction.HIGHER, 40, 40, 90) == 0
    assert parity_score(Direction.HIGHER, 65, 40, 90) == 50
    assert parity_score(Direction.HIGHER, 95, 40, 90) == 100
    assert parity_score(Direction.LOWER, 12.5, 20, 5) == 50
    assert parity_score(Direction.HIGHER, 50, 60, 40) == 100  # already past the frontier at the baseline


def _target(direction: Direction, baseline: float | None, goal: float, deadline: date | None, strict: bool = False,
            baseline_day: date = date(2024, 1, 1)) -> Target:  # fmt: skip
    return Target(
        id="t", area="a", kind=Kind.NUMERIC, title_zh="t", title_en="t", unit="u", direction=direction,
        source="s", quote="q", target=goal, target_strict=strict, deadline=deadline,
        baseline=Observation(baseline, PeriodDate(baseline_day), "s", "q") if baseline is not None else None,
    )  # fmt: skip


UNIT = Unit("u", "u", "u", zero_based=True)


@given(finite, finite, finite, st.sampled_from(list(Direction)))
def test_progress_never_divides_by_zero(
    baseline: float, goal: float, current: float, direction: Direction
) -> None:
    value = progress(_target(direction, baseline, goal, None), UNIT, current)
    assert value is None or math.isfinite(
        value
    )  # None only where the target is a hair's breadth from its start
    if abs(goal - baseline) > 1e-6:
        assert value is not None


def test_progress_is_direction_aware() -> None:
    assert progress(_target(Direction.HIGHER, 40, 90, None), UNIT, 65) == 50
    assert progress(_target(Direction.LOWER, 20, 5, None), UNIT, 12.5) == 50
    assert progress(_target(Direction.HIGHER, 90, 90, None), UNIT, 90) == 100  # baseline equals target


def _entry(number: int, day: date, value: float, city: City = City.DONGGUAN, target: str = "t") -> Entry:
    record_id = f"01J{number:023d}"
    at = datetime(2025, 1, 1, tzinfo=UTC)
    return Entry(record_id, target, city, day, value, "tester", at)


@st.composite
def histories(draw: st.DrawFn) -> list[Entry]:
    days = draw(st.lists(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)), max_size=6))
    values = draw(st.lists(finite, min_size=len(days), max_size=len(days)))
    return [_entry(n, day, value) for n, (day, value) in enumerate(zip(days, values, strict=True))]


@given(
    histories(),
    st.one_of(st.none(), finite),
    finite,
    st.one_of(st.none(), st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 1, 1))),
    st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 1, 1)),
    st.sampled_from(list(Direction)),
    st.booleans(),
)
def test_a_target_status_never_fails(
    entries: list[Entry], baseline: float | None, goal: float, deadline: date | None, as_of: date,
    direction: Direction, strict: bool,
) -> None:  # fmt: skip
    """Coinciding dates, baseline = target, no data, past deadlines: every case yields a status, no error."""
    from gdz_targets.domain.model import Area, Plan, PlanMeta

    target = _target(direction, baseline, goal, deadline, strict)
    plan = Plan(PlanMeta("p", "p", "i", "i", PeriodDate(date(2023, 9, 1)), 1, "s", "q"), {}, {"u": UNIT},
                (Area("a", "a", "a", "s", "q"),), (target,))  # fmt: skip
    row = target_status(plan, target, history_of(entries), as_of)
    assert row.status is not None
    for number in (row.progress, row.gap_to_target, row.score.value, row.pace.needed_per_day,
                   row.pace.observed_per_day, row.pace.projected):  # fmt: skip
        assert number is None or math.isfinite(number)


def test_strict_target_reached_exactly_but_not_passed() -> None:
    from gdz_targets.domain.model import Area, Plan, PlanMeta

    target = _target(Direction.HIGHER, None, 1000, date(2025, 12, 31), strict=True)
    plan = Plan(PlanMeta("p", "p", "i", "i", PeriodDate(date(2023, 9, 1)), 1, "s", "q"), {}, {"u": UNIT},
                (Area("a", "a", "a", "s", "q"),), (target,))  # fmt: skip
    history = history_of([_entry(1, date(2025, 1, 1), 1000), _entry(2, date(2025, 3, 1), 1000)])
    row = target_status(plan, target, history, AS_OF)
    assert row.status is Status.AT_RISK
    history = history_of([_entry(1, date(2025, 1, 1), 990), _entry(2, date(2025, 3, 1), 1001)])
    assert target_status(plan, target, history, AS_OF).status is Status.ACHIEVED


def test_observed_pace_when_dates_coincide_is_unknown() -> None:
    target = _target(Direction.HIGHER, 40, 90, date(2025, 12, 31), baseline_day=date(2025, 3, 31))
    history = history_of([_entry(1, date(2025, 3, 31), 60)])
    assert pace(target, history, AS_OF, target_status_current(target, history)).observed_per_day is None


def target_status_current(target: Target, history: History):  # type: ignore[no-untyped-def]
    from gdz_targets.domain.status import current_figure

    return current_figure(target, history, AS_OF)


@given(finite, finite, finite)
def test_gap_direction_symmetry(baseline: float, goal: float, current: float) -> None:
    from gdz_targets.domain.model import Area, Plan, PlanMeta

    rows = []
    for direction, sign in ((Direction.HIGHER, 1), (Direction.LOWER, -1)):
        target = _target(direction, sign * baseline, sign * goal, None)
        plan = Plan(PlanMeta("p", "p", "i", "i", PeriodDate(date(2023, 9, 1)), 1, "s", "q"), {}, {"u": UNIT},
                    (Area("a", "a", "a", "s", "q"),), (target,))  # fmt: skip
        history = history_of([_entry(1, date(2025, 1, 1), sign * current)])
        rows.append(target_status(plan, target, history, AS_OF))
    assume(rows[0].gap_to_target is not None)
    assert rows[0].gap_to_target == pytest.approx(rows[1].gap_to_target)
    assert rows[0].status == rows[1].status


# --- every status label, on the fixture plan and log ----------------------------------------------------------


@pytest.fixture
def report():  # type: ignore[no-untyped-def]
    plan = load_plan(FIXTURE_PLAN)
    result = scan(read_bytes(FIXTURE_LOG), str(FIXTURE_LOG))
    entries = [record for _, _, record in result.records if isinstance(record, Entry)]
    voids = [record for _, _, record in result.records if isinstance(record, Void)]
    return status_report(plan, history_of([*entries, *voids]), AS_OF)


@pytest.mark.parametrize(
    ("target", "status", "stale"),
    [
        ("pass-rate", Status.ON_TRACK, True),
        ("wait-days", Status.OFF_TRACK, False),
        ("new-services", Status.OVERDUE, True),
        ("hotline", Status.ACHIEVED, False),
        ("service-map", Status.NO_DATA, False),
        ("space-started", Status.OPEN, False),
        ("approval-cut", Status.AT_RISK, False),
        ("credit-files", Status.OVERDUE, True),
    ],
)
def test_every_status_label(report, target: str, status: Status, stale: bool) -> None:  # type: ignore[no-untyped-def]
    row = next(row for row in report.all_targets() if row.target.id == target)
    assert (row.status, row.stale) == (status, stale)


def test_voided_entry_does_not_count_and_logged_benchmark_wins(report) -> None:  # type: ignore[no-untyped-def]
    row = next(row for row in report.all_targets() if row.target.id == "pass-rate")
    assert row.current is not None and row.current.value == 75  # the voided 95 is ignored
    guangzhou = next(b for b in row.benchmarks if b.city is City.GUANGZHOU)
    assert (guangzhou.figure.value, guangzhou.figure.origin.value) == (88, "log")
    assert row.frontier is not None and row.frontier.city is City.GUANGZHOU
    # 100 is the more demanding of the target (90) and the best comparable peer (88): the target
    assert (row.score.frontier, row.score.frontier_source) == (90, "target")
    assert row.score.value == pytest.approx(100 * (75 - 40) / (90 - 40))
    assert row.gap_to_target == 15


def test_lower_is_better_gaps(report) -> None:  # type: ignore[no-untyped-def]
    row = next(row for row in report.all_targets() if row.target.id == "wait-days")
    assert row.gap_to_target == 13  # 18 days now, 5 wanted
    assert [(b.city, b.gap) for b in row.benchmarks] == [(City.GUANGZHOU, 11), (City.SHENZHEN, 14)]
    assert row.frontier is not None and row.frontier.city is City.SHENZHEN


def test_area_and_plan_scores_count_missing_data_as_zero(report) -> None:  # type: ignore[no-untyped-def]
    """The headline score is the weighted mean over every target, no data counting 0; the mean over the
    targets with data stands beside it; the hotline and the service map (one group) weigh as one target."""
    services = next(area for area in report.areas if area.area_id == "services")
    weights = {row.target.id: row.weight for row in services.targets}
    assert weights == {"pass-rate": 1, "wait-days": 1, "new-services": 1, "hotline": 0.5, "service-map": 0.5}
    scores = {row.target.id: row.score.value for row in services.targets}
    assert scores["service-map"] is None  # no data
    weighted = sum(weights[t] * (scores[t] or 0) for t in scores)
    assert services.aggregate.score == pytest.approx(weighted / 4)
    assert services.aggregate.mean_with_data == pytest.approx(weighted / 3.5)
    assert (services.aggregate.scored, services.aggregate.total) == (4, 5)
    every = [row for area in report.areas for row in area.targets]
    total = sum(row.weight * (row.score.value or 0) for row in every)
    assert report.aggregate.score == pytest.approx(total / sum(row.weight for row in every))
    assert report.aggregate.total == 8 and report.aggregate.scored == 7


def test_report_as_of_an_earlier_date_ignores_later_entries(report) -> None:  # type: ignore[no-untyped-def]
    plan = load_plan(FIXTURE_PLAN)
    result = scan(read_bytes(FIXTURE_LOG), str(FIXTURE_LOG))
    entries = [record for _, _, record in result.records if isinstance(record, Entry)]
    later = [entries[0]._replace(id="01JZZZZZZZZZZZZZZZZZZZZZZZ", date=AS_OF + timedelta(days=1),
                                 value=99)]  # fmt: skip
    voids = [record for _, _, record in result.records if isinstance(record, Void)]
    again = status_report(plan, history_of([*entries, *later, *voids]), AS_OF)
    assert again == report
