"""The status and score rules at their boundaries (README, "The status report" and "The score"; the formulas
of domain/status.py and the exact arithmetic of domain/exact.py), each value worked out by hand."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gdz_targets.domain.errors import Words
from gdz_targets.domain.exact import at_scale, decimal_digits, difference, quotient, scaled, share
from gdz_targets.domain.model import (
    Area,
    City,
    Direction,
    Entry,
    Kind,
    Observation,
    PeriodDate,
    Plan,
    PlanMeta,
    Qualifier,
    Target,
    Unit,
)
from gdz_targets.domain.status import (
    NO_SCORE,
    Aggregate,
    Benchmark,
    Figure,
    Origin,
    Pace,
    Score,
    Status,
    TargetStatus,
    aggregate,
    parity_score,
    progress,
    reaches,
    status_report,
    target_status,
)
from gdz_targets.store.plan_file import load_plan

from .conftest import ROOT, history_of

AS_OF = date(2025, 6, 30)
START = date(2025, 1, 1)  # the day the pace tests' baselines are dated
PERCENT = Unit("percent", "%", "%", minimum=0, maximum=100, zero_based=True)
DAYS = Unit("days", "天", "days", minimum=0)  # not zero-based: without a baseline there is no start
UNITS: Mapping[str, Unit] = {"percent": PERCENT, "days": DAYS}
META = PlanMeta("测试", "Test", "测试市", "Test City", PeriodDate(date(2023, 9, 1)), 1, "s", "q")
AREAS = (Area("first", "一", "First", "s", "q"), Area("second", "二", "Second", "s", "q"))
HIGHER, LOWER = Direction.HIGHER, Direction.LOWER
_ids = itertools.count(1)


def day(offset: int) -> date:
    """The day `offset` days after START."""
    return START + timedelta(days=offset)


def observed(
    value: float, when: date | PeriodDate = START, qualifier: Qualifier | None = None
) -> Observation:
    """A sourced figure of the plan (a baseline or a peer's), dated a day or a period."""
    period = when if isinstance(when, PeriodDate) else PeriodDate(when)
    return Observation(value, period, "s", "q", qualifier)


def numeric(goal: float = 90, *, target_id: str = "t", baseline: Observation | None = None,
            direction: Direction = HIGHER, strict: bool = False, deadline: date | None = None,
            unit: str = "percent", peers: Mapping[City, Observation] | None = None,
            related: tuple[City, ...] = (), reporting_days: int | None = 90,
            area: str = "first") -> Target:  # fmt: skip
    """A numeric target, in the first area unless said otherwise."""
    return Target(id=target_id, area=area, kind=Kind.NUMERIC, title_zh=target_id, title_en=target_id,
                  unit=unit, direction=direction, source="s", quote="q", baseline=baseline, target=goal,
                  target_strict=strict, deadline=deadline, benchmarks=dict(peers or {}),
                  related={city: Words("n", "n") for city in related},
                  reporting_days=reporting_days)  # fmt: skip


def milestone(target_id: str = "t", *, group: str | None = None, deadline: date | None = None) -> Target:
    """A milestone in the first area."""
    return Target(id=target_id, area="first", kind=Kind.MILESTONE, title_zh=target_id, title_en=target_id,
                  unit=None, direction=HIGHER, source="s", quote="q", deadline=deadline,
                  group=group)  # fmt: skip


def context(target_id: str = "c") -> Target:
    """A context indicator: outside the areas, no target, no score."""
    return Target(id=target_id, area=None, kind=Kind.CONTEXT, title_zh=target_id, title_en=target_id,
                  unit="percent", direction=HIGHER, source="s", quote="q", reporting_days=None)  # fmt: skip


def entry(value: float, when: date, *, target_id: str = "t", city: City = City.DONGGUAN,
          qualifier: Qualifier | None = None) -> Entry:  # fmt: skip
    return Entry(f"01J{next(_ids):023d}", target_id, city, when, value, "tester",
                 datetime(2025, 1, 1, tzinfo=UTC), qualifier=qualifier)  # fmt: skip


def plan_of(*targets: Target) -> Plan:
    return Plan(META, {}, UNITS, AREAS, targets)


def status(target: Target, *entries: Entry, as_of: date = AS_OF) -> TargetStatus:
    """The target's row in a plan holding it alone."""
    return target_status(plan_of(target), target, history_of(entries), as_of)


# --- exact arithmetic ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "digits"),
    [(87.6, (876, -1)), (7, (7, 0)), (1020.0, (1020, 0)), (1e22, (10**22, 0)), (1e-07, (1, -7)),
     (1.5e-07, (15, -8)), (-0.5, (-5, -1)), (0.001, (1, -3)), (123456789012345.6, (1234567890123456, -1))],
)  # fmt: skip
def test_decimal_digits_are_the_figure_as_written(value: float, digits: tuple[int, int]) -> None:
    found = decimal_digits(value)
    assert found == digits
    assert type(found[0]) is int  # a whole float is an integer, never a float that only compares equal


def test_scaled_puts_every_figure_over_the_finest_power_of_ten() -> None:
    assert scaled(87.6, 100, 0.25) == ([8760, 10000, 25], -2)
    assert scaled(1e-07, 2) == ([1, 20000000], -7)


def test_quotient_is_the_nearest_float_whatever_the_signs() -> None:
    assert quotient(1, 4) == 0.25
    assert quotient(1, -4) == -0.25
    assert quotient(-1, 4) == -0.25
    assert quotient(-1, -4) == 0.25
    assert quotient(200, 2) == 100.0
    assert quotient(-1, 3) == -1 / 3


def test_quotient_is_never_rounded_up_onto_the_whole_number_above() -> None:
    """99.999999999999999 is 100.0 as a float: the float below 100 is given; -100.00000000000000001 alike."""
    below_100 = math.nextafter(100.0, -math.inf)
    assert quotient(10**17 - 1, 10**15) == below_100
    assert quotient(-(10**17 - 1), -(10**15)) == below_100
    assert quotient(-(10**17 + 1), 10**15) == math.nextafter(-100.0, -math.inf)
    assert quotient(-(10**17 - 1), 10**15) == -100.0  # rounded down onto -100: allowed


def test_quotient_beyond_any_float_is_infinite_with_its_sign() -> None:
    assert quotient(10**400, 3) == math.inf
    assert quotient(-(10**400), 3) == -math.inf
    assert quotient(10**400, -3) == -math.inf


@given(st.integers(-(10**18), 10**18), st.integers(1, 10**18))
def test_quotient_rounded_down_is_the_exact_quotient_rounded_down(numerator: int, denominator: int) -> None:
    """What a score shown rounded down shows is the exact score rounded down, and the signs do not matter."""
    assume(abs(numerator) < denominator * 2**50)
    assert math.floor(quotient(numerator, denominator)) == numerator // denominator
    assert quotient(-numerator, -denominator) == quotient(numerator, denominator)


def test_at_scale_is_number_times_a_power_of_ten_over_a_divisor() -> None:
    assert at_scale(15, -1, 3) == 0.5
    assert at_scale(3, 2, 4) == 75.0
    assert at_scale(7, 0) == 7.0
    assert at_scale(-124, -1) == -12.4
    assert at_scale(12, 3) == 12000.0
    assert at_scale(1234, -2) == 12.34
    assert at_scale(5, -3, 2) == 0.0025


def test_difference_and_share_are_exact_as_written() -> None:
    assert difference(100, 87.6) == 12.4
    assert difference(87.6, 100) == -12.4
    assert difference(0.3, 0.1) == 0.2  # 0.19999999999999998 in binary floating point
    assert share(29, 0, 50) == 58
    assert share(12.5, 20, 5) == 50
    assert share(20, 20, 5) == 0


# --- bounds: what a figure reaches --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "value", "qualifier", "goal", "strict", "expected"),
    [
        (HIGHER, 100, None, 100, False, True),  # equalled: met
        (HIGHER, 100, None, 100, True, False),  # 突破100 equalled: not met
        (HIGHER, 101, None, 100, True, True),
        (HIGHER, 99, None, 100, False, False),
        (HIGHER, 100, Qualifier.OVER, 100, True, True),  # ">100" passes 100
        (HIGHER, 99, Qualifier.OVER, 100, True, False),  # ">99" may be 99.5
        (HIGHER, 99, Qualifier.OVER, 100, False, False),
        (HIGHER, 100, Qualifier.AT_LEAST, 100, False, True),
        (HIGHER, 100, Qualifier.AT_LEAST, 100, True, False),  # ">=100" may be exactly 100
        (HIGHER, 100, Qualifier.ABOUT, 100, False, True),  # "about" is no bound: the figure as written
        (HIGHER, 100, Qualifier.ABOUT, 100, True, False),
        (LOWER, 5, None, 5, False, True),
        (LOWER, 5, None, 5, True, False),
        (LOWER, 4, None, 5, True, True),
        (LOWER, 6, None, 5, False, False),
        (LOWER, 4, Qualifier.OVER, 5, False, False),  # a lower bound never shows a lower-is-better goal
        (LOWER, 4, Qualifier.AT_LEAST, 5, False, False),
        (LOWER, 4, Qualifier.ABOUT, 5, False, True),
    ],
)
def test_bounds_over_at_least_and_about_reach_what_they_promise(
    direction: Direction, value: float, qualifier: Qualifier | None, goal: float, strict: bool, expected: bool
) -> None:
    assert reaches(direction, value, qualifier, goal, strict) is expected


# --- the current figure and the plan's figures as of a day --------------------------------------------------


def test_current_is_the_latest_dongguan_entry_on_or_before_the_as_of_day() -> None:
    row = status(numeric(), entry(50, date(2025, 3, 31)),
                 entry(60, AS_OF, qualifier=Qualifier.AT_LEAST), entry(99, AS_OF, city=City.GUANGZHOU),
                 entry(70, AS_OF + timedelta(days=1)))  # fmt: skip
    assert row.current == Figure(60, PeriodDate(AS_OF), Origin.LOG, None, Qualifier.AT_LEAST)


def test_without_an_entry_current_is_the_baseline_from_its_own_day() -> None:
    baseline = observed(40, AS_OF, Qualifier.ABOUT)
    row = status(numeric(baseline=baseline))
    assert row.current == Figure(40, PeriodDate(AS_OF), Origin.PLAN, baseline, Qualifier.ABOUT)
    assert row.target.baseline == baseline
    before = status(numeric(baseline=baseline), as_of=AS_OF - timedelta(days=1))
    assert (before.current, before.status, before.target.baseline) == (None, Status.NO_DATA, None)


def test_a_baseline_known_to_the_month_counts_from_the_months_last_day() -> None:
    baseline = observed(40, PeriodDate.of_month(2025, 6))
    assert status(numeric(baseline=baseline), as_of=date(2025, 6, 29)).current is None
    assert status(numeric(baseline=baseline), as_of=date(2025, 6, 30)).current is not None


def test_as_of_leaves_out_a_baseline_dated_later_and_counts_from_zero() -> None:
    """65 against 90 from zero is 72.2; once the baseline of 40 is known, it is 50."""
    target = numeric(baseline=observed(40, AS_OF + timedelta(days=1)))
    before = status(target, entry(65, date(2025, 6, 1)))
    assert before.target.baseline is None
    assert before.score == Score(6500 / 90, 90, "target", False, 0.0, "zero")
    assert before.progress == 6500 / 90
    after = status(target, entry(65, date(2025, 6, 1)), as_of=AS_OF + timedelta(days=1))
    assert after.score == Score(50.0, 90, "target", False, 40, "baseline")


def test_as_of_leaves_out_a_peers_figure_dated_later() -> None:
    shenzhen = observed(85, PeriodDate.of_month(2025, 6))
    guangzhou = observed(95, AS_OF + timedelta(days=1))
    target = numeric(peers={City.GUANGZHOU: guangzhou, City.SHENZHEN: shenzhen})
    row = status(target, entry(75, AS_OF))
    assert dict(row.target.benchmarks) == {City.SHENZHEN: shenzhen}
    assert [b.city for b in row.benchmarks] == [City.SHENZHEN]
    assert row.score.frontier == 90
    later = status(target, entry(75, AS_OF), as_of=AS_OF + timedelta(days=1))
    assert [b.city for b in later.benchmarks] == [City.GUANGZHOU, City.SHENZHEN]
    assert (later.score.frontier, later.score.frontier_source) == (95, "guangzhou")


# --- progress -----------------------------------------------------------------------------------------------


def test_progress_is_the_share_of_the_way_from_the_start_to_the_target() -> None:
    assert progress(numeric(baseline=observed(40)), PERCENT, 65) == 50.0
    assert progress(numeric(50), PERCENT, 29) == 58.0  # from zero: 100 × 29 / 50, exactly
    assert progress(numeric(5, baseline=observed(20), direction=LOWER, unit="days"), DAYS, 12.5) == 50.0


def test_progress_is_at_most_99_until_the_target_is_met_and_passes_100_beyond_it() -> None:
    assert progress(numeric(200), PERCENT, 199) == 99.0  # 99.5% of the way, not met
    assert progress(numeric(50), PERCENT, 60) == 120.0
    assert progress(numeric(100, strict=True), PERCENT, 100) == 99.0  # 突破100 only equalled
    assert progress(numeric(100, strict=True), PERCENT, 100, Qualifier.OVER) == 100.0  # ">100": met


def test_progress_to_a_target_equal_to_its_baseline_is_all_or_nothing() -> None:
    level = numeric(90, baseline=observed(90))
    assert progress(level, PERCENT, 95) == 100.0
    assert progress(level, PERCENT, 90) == 100.0
    assert progress(level, PERCENT, 89) == 0.0
    strict = numeric(90, baseline=observed(90), strict=True)
    assert progress(strict, PERCENT, 90) == 0.0
    assert progress(strict, PERCENT, 91) == 100.0
    assert progress(numeric(5, baseline=observed(5), direction=LOWER, unit="days"), DAYS, 6) == 0.0


def test_progress_without_a_baseline_needs_a_zero_based_unit() -> None:
    assert progress(numeric(5, direction=LOWER, unit="days"), DAYS, 6) is None
    assert progress(numeric(5, unit="days"), None, 6) is None
    assert status(numeric(5, direction=LOWER, unit="days"), entry(6, AS_OF)).progress is None


def test_a_milestones_progress_is_0_or_100_and_a_context_indicator_has_none() -> None:
    assert progress(milestone(), None, True) == 100.0
    assert progress(milestone(), None, False) == 0.0
    assert progress(context(), PERCENT, 50) is None


def test_a_target_a_hairs_breadth_from_its_start_has_no_progress() -> None:
    assert progress(numeric(1e-300), PERCENT, 1e14) is None


# --- the score ----------------------------------------------------------------------------------------------


def test_readme_score_example_a_peer_below_the_target_leaves_the_target_as_frontier() -> None:
    """A target of 90, Guangzhou at 88: the frontier is 90; 75 against a baseline of 40 scores 70."""
    target = numeric(baseline=observed(40), peers={City.GUANGZHOU: observed(88)})
    assert status(target, entry(75, AS_OF)).score == Score(70.0, 90, "target", False, 40, "baseline")


def test_a_comparable_peer_above_the_target_is_the_frontier() -> None:
    target = numeric(baseline=observed(40), peers={City.SHENZHEN: observed(95)})
    met = status(target, entry(92, AS_OF))
    assert met.status is Status.ACHIEVED
    assert met.score == Score(5200 / 55, 95, "shenzhen", False, 40, "baseline")  # 100 × 52 / 55
    assert status(target, entry(95, AS_OF)).score.value == 100.0


def test_a_peer_just_above_the_target_is_the_frontier() -> None:
    target = numeric(baseline=observed(40), peers={City.SHENZHEN: observed(90.5)})
    row = status(target, entry(90, AS_OF))
    assert (row.score.frontier, row.score.frontier_source) == (90.5, "shenzhen")
    assert row.score.value == 99.0  # 100 × 50 / 50.5 = 99.0099…, met but the peer not matched


def test_a_tie_with_a_peer_leaves_the_target_as_frontier() -> None:
    target = numeric(peers={City.SHENZHEN: observed(90)})
    row = status(target, entry(90, AS_OF))
    assert row.score == Score(100.0, 90, "target", False, 0.0, "zero")


def test_a_peers_more_than_at_the_target_asks_more_than_the_target() -> None:
    """Shenzhen ">90" against a target of 90: 90 meets the target but not the peer; ">90" matches both."""
    target = numeric(peers={City.SHENZHEN: observed(90, qualifier=Qualifier.OVER)})
    level = status(target, entry(90, AS_OF))
    assert level.status is Status.ACHIEVED
    assert level.score == Score(99.0, 90, "shenzhen", True, 0.0, "zero")
    assert status(target, entry(90, AS_OF, qualifier=Qualifier.OVER)).score.value == 100.0


def test_a_peers_more_than_at_a_strict_target_is_no_more_demanding() -> None:
    target = numeric(strict=True, peers={City.SHENZHEN: observed(90, qualifier=Qualifier.OVER)})
    row = status(target, entry(91, AS_OF))
    assert row.score == Score(100.0, 90, "target", True, 0.0, "zero")


def test_a_peers_more_than_below_the_target_is_not_the_frontier() -> None:
    target = numeric(peers={City.SHENZHEN: observed(85, qualifier=Qualifier.OVER)})
    row = status(target, entry(90, AS_OF))
    assert row.score == Score(100.0, 90, "target", False, 0.0, "zero")


def test_lower_is_better_scores_against_the_lowest_peer() -> None:
    """Target 5 days from a baseline of 20, Guangzhou 7, Shenzhen 4: the frontier is Shenzhen's 4."""
    target = numeric(5, direction=LOWER, unit="days", baseline=observed(20),
                     peers={City.GUANGZHOU: observed(7), City.SHENZHEN: observed(4)})  # fmt: skip
    met = status(target, entry(5, AS_OF))
    assert met.status is Status.ACHIEVED
    assert met.score == Score(93.75, 4, "shenzhen", False, 20, "baseline")  # 100 × 15 / 16
    assert met.frontier is not None and met.frontier.city is City.SHENZHEN
    assert status(target, entry(4, AS_OF)).score.value == 100.0
    assert status(target, entry(12.5, AS_OF)).score.value == 46.875  # 100 × 7.5 / 16
    assert status(target, entry(25, AS_OF)).score.value == 0.0  # worse than the baseline: clipped


def test_without_a_baseline_a_zero_based_unit_counts_from_zero_and_another_has_no_score() -> None:
    assert status(numeric(100), entry(95, AS_OF)).score == Score(95.0, 100, "target", False, 0.0, "zero")
    rank = numeric(5, direction=LOWER, unit="days")
    assert status(rank, entry(6, AS_OF)).score == Score(None, 5, "target", False, None, None)


def test_a_target_not_met_scores_at_most_99() -> None:
    assert status(numeric(200), entry(199, AS_OF)).score.value == 99.0  # 99.5 of the way


def test_milestones_score_0_or_100() -> None:
    assert status(milestone(), entry(True, AS_OF)).score == Score(100.0, 1, "target", False, 0, "zero")
    assert status(milestone(), entry(False, AS_OF)).score == Score(0.0, 1, "target", False, 0, "zero")
    assert status(milestone()).score == Score(None, 1, "target", False, 0, "zero")


def test_a_context_indicator_has_no_score_and_no_status() -> None:
    row = status(context("t"), entry(50, AS_OF))
    assert row.score == NO_SCORE == Score(None, None, None, False, None, None)
    assert row.status is None


def test_parity_score_when_the_baseline_is_already_at_or_past_the_frontier() -> None:
    assert parity_score(HIGHER, 90, 95, 90) == 100.0  # at the frontier
    assert parity_score(HIGHER, 89, 95, 90) == 0.0
    assert parity_score(LOWER, 5, 4, 5) == 100.0
    assert parity_score(LOWER, 6, 4, 5) == 0.0
    assert parity_score(HIGHER, 90, 90, 90) == 100.0


# --- Guangzhou and Shenzhen ---------------------------------------------------------------------------------


def test_a_peers_figure_is_its_latest_logged_one_else_the_plans() -> None:
    guangzhou, shenzhen = (
        observed(80, PeriodDate.of_year(2024)),
        observed(85, PeriodDate.of_month(2024, 6), Qualifier.OVER),
    )
    target = numeric(peers={City.GUANGZHOU: guangzhou, City.SHENZHEN: shenzhen})
    row = status(target, entry(75, date(2025, 3, 31)), entry(88, date(2025, 1, 31), city=City.GUANGZHOU),
                 entry(99, AS_OF + timedelta(days=1), city=City.GUANGZHOU))  # fmt: skip
    assert row.benchmarks == (
        Benchmark(City.GUANGZHOU, Figure(88, PeriodDate(date(2025, 1, 31)), Origin.LOG), 13, False),
        Benchmark(City.SHENZHEN,
                  Figure(85, PeriodDate.of_month(2024, 6), Origin.PLAN, shenzhen, Qualifier.OVER), 10, False),
    )  # fmt: skip
    assert row.frontier is row.benchmarks[0]


def test_a_gap_to_a_city_is_signed_by_direction_and_exact() -> None:
    wait = numeric(5, direction=LOWER, unit="days", baseline=observed(20),
                   peers={City.GUANGZHOU: observed(7), City.SHENZHEN: observed(4)})  # fmt: skip
    assert [b.gap for b in status(wait, entry(18, AS_OF)).benchmarks] == [11, 14]
    rate = numeric(peers={City.GUANGZHOU: observed(87.6)})
    assert [b.gap for b in status(rate, entry(75.3, AS_OF)).benchmarks] == [12.3]  # not 12.299999999999997


def test_a_related_city_has_no_gap_and_no_frontier() -> None:
    target = numeric(peers={City.SHENZHEN: observed(95)}, related=(City.SHENZHEN,))
    row = status(target, entry(90, AS_OF))
    assert [(b.gap, b.related) for b in row.benchmarks] == [(None, True)]
    assert row.frontier is None
    assert row.score == Score(100.0, 90, "target", False, 0.0, "zero")


def test_without_a_current_figure_there_is_no_gap() -> None:
    row = status(numeric(peers={City.GUANGZHOU: observed(80)}))
    assert [b.gap for b in row.benchmarks] == [None]
    assert row.gap_to_target is None and row.progress is None


# --- the gap to the target, weights, past due ---------------------------------------------------------------


def test_the_gap_to_the_target_is_signed_by_direction_and_exact() -> None:
    assert status(numeric(), entry(75, AS_OF)).gap_to_target == 15
    assert status(numeric(5, direction=LOWER, unit="days"), entry(18, AS_OF)).gap_to_target == 13
    assert status(numeric(100), entry(87.6, AS_OF)).gap_to_target == 12.4
    assert status(numeric(100), entry(120, AS_OF)).gap_to_target == -20
    assert status(milestone(), entry(False, AS_OF)).gap_to_target is None


@pytest.mark.parametrize(
    ("entries", "as_of", "expected"),
    [
        ((), date(2025, 6, 30), False),  # no data on the deadline day itself: not yet past it
        ((), date(2025, 7, 1), True),  # no data the day after: past due
        (((75, date(2025, 6, 1)),), date(2025, 7, 1), True),  # overdue
        (((95, date(2025, 6, 1)),), date(2025, 7, 1), False),  # met: never past due
    ],
)
def test_past_due_is_a_passed_deadline_without_the_target_shown_met(
    entries: tuple[tuple[float, date], ...], as_of: date, expected: bool
) -> None:
    target = numeric(deadline=date(2025, 6, 30))
    row = status(target, *(entry(value, when) for value, when in entries), as_of=as_of)
    assert row.past_deadline is expected


def test_a_target_without_a_deadline_is_never_past_due() -> None:
    row = status(numeric(), as_of=date(2030, 1, 1))
    assert (row.status, row.past_deadline) == (Status.NO_DATA, False)


# --- pace and status ----------------------------------------------------------------------------------------


def test_pace_needed_observed_and_projected_from_the_baseline() -> None:
    """40 on day 0, 70 on day 100: 0.3 a day; 100 by the deadline on day 200; 20 to go in the 50 days left."""
    target = numeric(baseline=observed(40), deadline=day(200))
    row = status(target, entry(70, day(100)), as_of=day(150))
    assert row.pace == Pace(0.4, 0.3, 100.0, 50, Status.ON_TRACK)
    assert row.status is Status.ON_TRACK


def test_pace_without_a_baseline_runs_from_the_first_entry_and_landing_on_the_target_is_on_track() -> None:
    target = numeric(100, deadline=day(160))
    row = status(target, entry(20, day(0)), entry(50, day(60)), as_of=day(60))
    assert row.pace == Pace(0.5, 0.5, 100.0, 100, Status.ON_TRACK)


def test_a_projection_landing_on_a_strict_target_is_at_risk() -> None:
    target = numeric(100, strict=True, deadline=day(160))
    row = status(target, entry(20, day(0)), entry(50, day(60)), as_of=day(60))
    assert (row.pace.projected, row.status) == (100.0, Status.AT_RISK)  # closes the whole gap, passes nothing


def test_a_projection_the_smallest_step_beyond_the_target_is_on_track() -> None:
    target = numeric(99, baseline=observed(0), deadline=day(2))
    row = status(target, entry(50, day(1)), as_of=day(1))
    assert row.pace == Pace(49.0, 50.0, 100.0, 1, Status.ON_TRACK)


def test_a_projection_is_exact_so_landing_on_a_lower_target_is_on_track() -> None:
    """0.7, then 0.5 a day later, 0.3 wanted the next day: 0.5 + (0.5 − 0.7) is 0.30000000000000004 in
    floats."""
    target = numeric(0.3, direction=LOWER, baseline=observed(0.7), deadline=day(2))
    row = status(target, entry(0.5, day(1)), as_of=day(1))
    assert row.pace == Pace(-0.2, -0.2, 0.3, 1, Status.ON_TRACK)


def test_the_projection_runs_from_the_current_figures_day_not_the_as_of_day() -> None:
    target = numeric(baseline=observed(40), deadline=day(200))
    row = status(target, entry(70, day(100)), as_of=day(199))
    assert row.pace == Pace(20.0, 0.3, 100.0, 1, Status.ON_TRACK)  # 70 + 0.3 × 100, not 70 + 0.3 × 1


@pytest.mark.parametrize(
    ("deadline", "projected", "expected"),
    [(275, 82.5, Status.AT_RISK), (274, 82.2, Status.OFF_TRACK)],
)
def test_at_risk_is_a_projection_closing_at_least_75_percent_of_the_gap(
    deadline: int, projected: float, expected: Status
) -> None:
    """0 then 30 on day 100, 100 wanted: 175 more days close 52.5 of the 70 to go (75%), 174 close 52.2."""
    target = numeric(100, baseline=observed(0), deadline=day(deadline))
    row = status(target, entry(30, day(100)), as_of=day(100))
    assert (row.pace.projected, row.pace.outlook, row.status) == (projected, expected, expected)


@pytest.mark.parametrize(
    ("deadline", "projected", "expected"),
    [(275, 17.5, Status.AT_RISK), (274, 17.8, Status.OFF_TRACK)],
)
def test_at_risk_for_lower_is_better_is_the_same_share_of_the_gap(
    deadline: int, projected: float, expected: Status
) -> None:
    """100 then 70 on day 100, 0 wanted: 175 more days close 52.5 of the 70 to go (75%), 174 close 52.2."""
    target = numeric(0, direction=LOWER, unit="days", baseline=observed(100), deadline=day(deadline))
    row = status(target, entry(70, day(100)), as_of=day(100))
    assert (row.pace.projected, row.status) == (projected, expected)


@pytest.mark.parametrize(
    ("direction", "baseline", "now", "goal"),
    [(HIGHER, 50, 40, 90), (LOWER, 10, 15, 5)],
)
def test_moving_away_from_the_target_is_off_track(
    direction: Direction, baseline: float, now: float, goal: float
) -> None:
    target = numeric(goal, direction=direction, unit="days", baseline=observed(baseline), deadline=day(200))
    assert status(target, entry(now, day(100)), as_of=day(100)).status is Status.OFF_TRACK


def test_exactly_at_a_strict_target_and_not_moving_past_it_is_at_risk() -> None:
    target = numeric(1000, unit="days", strict=True, baseline=observed(1010), deadline=day(200))
    row = status(target, entry(1000, day(100)), as_of=day(100))
    assert (row.pace.projected, row.status) == (990.0, Status.AT_RISK)


def test_one_unit_short_on_the_deadline_day_is_off_track_not_yet_overdue() -> None:
    target = numeric(100, baseline=observed(99, day(99)), deadline=day(100))
    row = status(target, entry(99, day(100)), as_of=day(100))
    assert row.pace == Pace(None, 0.0, 99.0, 0, Status.OFF_TRACK)
    assert row.status is Status.OFF_TRACK


def test_the_projection_on_the_deadline_day_is_the_current_figure_and_the_day_after_is_overdue() -> None:
    target = numeric(baseline=observed(40), deadline=day(100))
    on_the_day = status(target, entry(70, day(100)), as_of=day(100))
    assert on_the_day.pace == Pace(None, 0.3, 70.0, 0, Status.OFF_TRACK)
    assert (on_the_day.status, on_the_day.past_deadline) == (Status.OFF_TRACK, False)
    after = status(target, entry(70, day(100)), as_of=day(101))
    assert after.pace == Pace(None, 0.3, 70.0, -1, Status.OFF_TRACK)
    assert (after.status, after.past_deadline) == (Status.OVERDUE, True)


def test_no_projection_from_a_figure_dated_after_the_deadline() -> None:
    target = numeric(baseline=observed(40), deadline=day(50))
    row = status(target, entry(70, day(100)), as_of=day(100))
    assert row.pace == Pace(None, 0.3, None, -50, None)
    assert row.status is Status.OVERDUE


def test_a_single_entry_gives_the_pace_needed_but_no_outlook() -> None:
    row = status(numeric(deadline=day(100)), entry(50, day(0)), as_of=day(0))
    assert row.pace == Pace(0.4, None, None, 100, None)
    assert row.status is Status.OPEN


def test_the_baseline_alone_gives_the_pace_needed_but_no_outlook() -> None:
    row = status(numeric(baseline=observed(40), deadline=day(100)), as_of=day(50))
    assert row.pace == Pace(1.0, None, None, 50, None)
    assert row.status is Status.OPEN


def test_the_day_before_the_deadline_the_whole_gap_is_needed_that_day() -> None:
    row = status(numeric(deadline=day(100)), entry(70, day(99)), as_of=day(99))
    assert row.pace.needed_per_day == 20.0


def test_without_a_deadline_there_is_no_projection_and_the_status_is_open() -> None:
    row = status(numeric(baseline=observed(40)), entry(70, day(100)), as_of=day(100))
    assert row.pace == Pace(None, 0.3, None, None, None)
    assert row.status is Status.OPEN


def test_days_left_are_counted_without_data_and_for_milestones() -> None:
    assert status(numeric(deadline=date(2025, 12, 31))).pace == Pace(None, None, None, 184)
    done = status(milestone(deadline=date(2025, 12, 31)), entry(False, AS_OF))
    assert done.pace == Pace(None, None, None, 184)
    assert done.status is Status.OPEN


def test_a_met_target_is_achieved_past_its_deadline_and_a_milestone_not_done_is_overdue() -> None:
    assert status(numeric(deadline=day(10)), entry(95, day(20)), as_of=day(30)).status is Status.ACHIEVED
    late = status(milestone(deadline=day(10)), entry(False, day(5)), as_of=day(11))
    assert (late.status, late.past_deadline) == (Status.OVERDUE, True)


# --- met since ----------------------------------------------------------------------------------------------


def test_met_since_is_the_first_figure_of_the_unbroken_run_that_meets_the_target() -> None:
    row = status(numeric(), entry(95, day(10)), entry(80, day(20)), entry(92, day(30)), entry(96, day(40)),
                 entry(70, day(60)), as_of=day(50))  # fmt: skip
    assert row.status is Status.ACHIEVED
    assert row.achieved_on == PeriodDate(day(30))


def test_met_since_a_run_met_from_the_first_figure() -> None:
    row = status(numeric(), entry(91, day(10)), entry(92, day(20)), as_of=day(20))
    assert row.achieved_on == PeriodDate(day(10))


def test_met_since_counts_the_target_alone_and_milestones_from_done() -> None:
    target = numeric()
    others = (entry(50, day(15), target_id="other"), entry(50, day(15), city=City.SHENZHEN))
    row = status(target, entry(91, day(10)), *others, entry(92, day(20)), as_of=day(20))
    assert row.achieved_on == PeriodDate(day(10))
    reform = status(milestone(), entry(False, day(1)), entry(True, day(2)), entry(True, day(3)), as_of=day(3))
    assert reform.achieved_on == PeriodDate(day(2))


def test_met_since_a_baseline_that_meets_the_target_is_its_period() -> None:
    row = status(numeric(baseline=observed(95, PeriodDate.of_month(2024, 6))))
    assert (row.status, row.achieved_on) == (Status.ACHIEVED, PeriodDate.of_month(2024, 6))


def test_a_target_not_met_has_no_met_since() -> None:
    assert status(numeric(), entry(80, AS_OF)).achieved_on is None


# --- stale --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reporting_days", "age", "stale"),
    [(90, 90, False), (90, 91, True), (365, 365, False), (365, 366, True), (None, 5000, False)],
)
def test_stale_is_a_figure_older_than_the_reporting_interval(
    reporting_days: int | None, age: int, stale: bool
) -> None:
    row = status(numeric(reporting_days=reporting_days), entry(50, day(0)), as_of=day(age))
    assert row.status is Status.OPEN
    assert row.stale is stale


def test_a_figure_known_to_the_month_is_as_old_as_the_months_last_day() -> None:
    target = numeric(baseline=observed(40, PeriodDate.of_month(2025, 3)))
    assert status(target, as_of=date(2025, 6, 29)).stale is False  # 90 days after 31 March
    assert status(target, as_of=date(2025, 6, 30)).stale is True


def test_an_achieved_target_and_a_target_without_data_are_never_stale() -> None:
    assert status(numeric(), entry(95, day(0)), as_of=day(1000)).stale is False
    assert status(numeric(), as_of=day(1000)).stale is False


# --- area and plan scores, counts, context ------------------------------------------------------------------


def _report_plan() -> Plan:
    """First area: a numeric target and a group of two milestones; second area: one target; one context."""
    return plan_of(
        numeric(target_id="rate", baseline=observed(40)),
        milestone("m1", group="g"),
        context("c"),
        milestone("m2", group="g"),
        numeric(100, target_id="space", area="second"),
    )


def test_area_and_plan_scores_are_weighted_means_with_no_data_counting_zero() -> None:
    """rate 70 (weight 1), m1 done 100 (0.5), m2 no data (0.5): the area scores 120 / 2, 80 among those with
    data."""
    history = history_of([entry(75, AS_OF, target_id="rate"), entry(True, AS_OF, target_id="m1"),
                          entry(50, AS_OF, target_id="c")])  # fmt: skip
    report = status_report(_report_plan(), history, AS_OF)
    first, second = report.areas
    assert (first.area_id, second.area_id) == ("first", "second")
    assert [row.target.id for row in first.targets] == ["rate", "m1", "m2"]
    assert [row.weight for row in first.targets] == [1.0, 0.5, 0.5]
    assert first.aggregate == Aggregate(60.0, 80.0, 2, 3)
    assert second.aggregate == Aggregate(0.0, None, 0, 1)  # no data counts 0, and nothing to average over
    assert report.aggregate == Aggregate(40.0, 80.0, 2, 4)  # 120 / 3


def test_statuses_are_counted_for_the_areas_targets_only() -> None:
    history = history_of([entry(75, AS_OF, target_id="rate"), entry(True, AS_OF, target_id="m1"),
                          entry(50, AS_OF, target_id="c")])  # fmt: skip
    report = status_report(_report_plan(), history, AS_OF)
    assert list(report.counts.items()) == [
        (Status.ACHIEVED, 1), (Status.ON_TRACK, 0), (Status.AT_RISK, 0), (Status.OFF_TRACK, 0),
        (Status.OVERDUE, 0), (Status.OPEN, 1), (Status.NO_DATA, 2),
    ]  # fmt: skip
    assert [row.target.id for row in report.context] == ["c"]
    assert report.context[0].current is not None and report.context[0].status is None
    assert [row.target.id for row in report.plan_rows] == ["rate", "m1", "m2", "space"]
    assert [row.target.id for row in report.all_targets()] == ["rate", "m1", "m2", "space", "c"]


def test_a_baseline_alone_is_data_scoring_zero() -> None:
    report = status_report(_report_plan(), history_of([]), AS_OF)
    assert report.aggregate == Aggregate(0.0, 0.0, 1, 4)  # rate at its baseline of 40: 0, with data
    assert (report.counts[Status.OPEN], report.counts[Status.NO_DATA]) == (1, 3)


def test_before_any_figure_the_plan_scores_zero_and_every_target_counts_without_data() -> None:
    report = status_report(_report_plan(), history_of([]), START - timedelta(days=1))
    assert report.aggregate == Aggregate(0.0, None, 0, 4)
    assert report.counts[Status.NO_DATA] == 4 and sum(report.counts.values()) == 4


def test_context_indicators_take_no_part_in_an_aggregate() -> None:
    assert aggregate([status(context("t"), entry(50, AS_OF))]) == Aggregate(None, None, 0, 0)


def test_readme_plan_score_example_missing_data_cannot_raise_the_headline() -> None:
    """feedback-rate at 87.6 and cross-city-total met, nothing else: 187.6 over the plan's weight, 93.8 among
    the two."""
    plan = load_plan(ROOT / "data" / "targets.toml")
    entries = [entry(87.6, date(2023, 12, 31), target_id="feedback-rate"),
               entry(1020, date(2023, 12, 31), target_id="cross-city-total")]  # fmt: skip
    whole = status_report(plan, history_of(entries), date(2024, 6, 30)).aggregate
    scored = [target for target in plan.targets if target.kind is not Kind.CONTEXT]
    assert (whole.scored, whole.total) == (2, len(scored))
    assert whole.mean_with_data == pytest.approx(93.8)  # (87.6 + 100) / 2
    assert whole.score == pytest.approx(187.6 / sum(plan.weight(target) for target in scored))
    assert whole.score is not None and whole.score < 10


# --- peers stated with a bound -------------------------------------------------------------------------------


def test_of_two_peers_at_the_same_figure_the_one_stated_as_more_than_is_the_frontier() -> None:
    peers = {City.GUANGZHOU: observed(95), City.SHENZHEN: observed(95, qualifier=Qualifier.OVER)}
    row = status(numeric(peers=peers), entry(95, AS_OF))
    assert (row.score.frontier_source, row.score.frontier_strict, row.score.value) == ("shenzhen", True, 99.0)


def test_lower_is_better_a_peers_more_than_is_matched_by_its_own_figure() -> None:
    target = numeric(5, direction=LOWER, unit="days", baseline=observed(20),
                     peers={City.SHENZHEN: observed(4, qualifier=Qualifier.OVER)})  # fmt: skip
    row = status(target, entry(4, AS_OF))
    assert (row.status, row.score.value) == (Status.ACHIEVED, 100.0)
