"""The score cannot say more than the data supports: each case of the plan's own targets, by the rules in the
README (comparable peers only, bounds honoured, an honest zero, coverage, weights, status and score agree)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdz_targets.domain.errors import Words
from gdz_targets.domain.model import City, Direction, Entry, Kind, Observation, PeriodDate, Qualifier, Target
from gdz_targets.domain.status import Status, TargetStatus, status_report, target_status
from gdz_targets.store.plan_file import load_plan

from .conftest import ROOT, Gdz, history_of

PLAN = load_plan(ROOT / "data" / "targets.toml")
AS_OF = date(2024, 6, 30)
_numbers = iter(range(1, 10**6))


def entry(target: str, value: float | bool, day: date = date(2023, 12, 31), city: City = City.DONGGUAN,
          qualifier: Qualifier | None = None) -> Entry:  # fmt: skip
    return Entry(f"01J{next(_numbers):023d}", target, city, day, value, "tester", datetime(2024, 1, 1, tzinfo=UTC),
                 qualifier=qualifier)  # fmt: skip


def row(target_id: str, *entries: Entry, as_of: date = AS_OF) -> TargetStatus:
    target = PLAN.target(target_id)
    assert target is not None
    return target_status(PLAN, target, history_of(entries), as_of)


def test_a_related_peer_below_the_target_never_gives_full_marks_to_a_target_not_met() -> None:
    licences = row("e-licence-top100", entry("e-licence-top100", 96))
    assert licences.status is Status.OVERDUE
    assert licences.frontier is None  # Shenzhen's ">90" measures licence needs covered: related
    assert next(b for b in licences.benchmarks if b.city is City.SHENZHEN).related
    assert (licences.score.frontier, licences.score.frontier_source) == (100, "target")
    assert licences.score.value == 96


def test_a_target_met_scores_100_when_no_comparable_peer_asks_more() -> None:
    space = row("industrial-space", entry("industrial-space", 1000))
    assert space.status is Status.ACHIEVED
    assert space.score.value == 100  # Shenzhen's 2000 (a yearly plan to build) is related, not a frontier
    assert str(space.achieved_on) == "2023-12-31"


def test_more_than_is_met_only_when_exceeded() -> None:
    exactly = row("cross-city-total", entry("cross-city-total", 1000))
    assert exactly.status is Status.OVERDUE and exactly.score.value == 99  # 突破1000项: not yet
    passed = row("cross-city-total", entry("cross-city-total", 1001))
    assert passed.status is Status.ACHIEVED and passed.score.value == 100
    over = row("cross-city-total", entry("cross-city-total", 1000, qualifier=Qualifier.OVER))
    assert over.status is Status.ACHIEVED  # ">1000", as published: more than 1000
    assert (
        exactly.progress == 99 and passed.progress is not None and passed.progress > 100
    )  # full only when met


def test_show_agrees_with_the_status_a_target_is_in(gdz: Gdz, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDZ_TODAY", "2026-11-30")
    assert gdz("log", "industrial-space", "1000", "--date", "2023-12-20").exit_code == 0
    met = gdz("show", "industrial-space", env={"COLUMNS": "120"}).stdout
    assert "2023-12-31" in met and "days over" not in met  # met before its deadline: never "late"
    assert gdz("log", "cross-city-total", "1000", "--date", "2023-12-31").exit_code == 0
    level = gdz("show", "cross-city-total", env={"COLUMNS": "120"}).stdout
    assert "99%" in level and "level with the target, which must be exceeded" in level  # 突破1000项: not full
    tier = gdz("show", "provincial-tier", env={"COLUMNS": "120"}).stdout
    assert "Dongguan 1 place behind Shenzhen" in tier  # a gap between tiers is in places, not "tier 1"


def test_at_least_is_met_when_equalled() -> None:
    new = row("cross-city-new", entry("cross-city-new", 100))
    assert new.status is Status.ACHIEVED and new.score.value == 100


def test_without_a_baseline_progress_counts_from_zero_and_says_so() -> None:
    employment = row("employment-rate", entry("employment-rate", 95))
    assert (employment.score.value, employment.score.worst, employment.score.worst_source) == (95, 0, "zero")


def test_a_comparable_peer_above_the_target_is_the_frontier_and_more_than_is_strict() -> None:
    target = _target(goal=90, peer=Observation(95, PeriodDate(date(2024, 1, 1)), "s", "q", Qualifier.OVER))
    met = _status(target, 95)
    assert (met.score.frontier, met.score.frontier_source, met.score.frontier_strict) == (
        95,
        "shenzhen",
        True,
    )
    assert met.status is Status.ACHIEVED and met.score.value == 99  # the peer is ">95": not matched yet
    assert _status(target, 96).score.value == 100


def test_a_logged_figure_of_a_related_city_is_related_and_changes_no_score(gdz: Gdz) -> None:
    assert gdz("log", "cross-city-total", "1020", "--date", "2023-12-31").exit_code == 0
    before = gdz("export", "status", "-f", "json").stdout
    result = gdz("log", "cross-city-total", "1500", "--city", "guangzhou", "--date", "2024-01-31")
    assert result.exit_code == 0
    assert "recorded as a related measure; it does not change the score" in result.stdout
    after = gdz("export", "status", "-f", "json").stdout
    assert _scores(before) == _scores(after)


def _scores(document: str) -> dict[str, object]:
    import json

    data = json.loads(document)
    return {"targets": {row["target"]: row["score"] for row in data["targets"]}, "summary": data["summary"]}


def test_missing_data_cannot_raise_the_headline_score() -> None:
    entries = [entry("feedback-rate", 87.6), entry("cross-city-total", 1020)]
    report = status_report(PLAN, history_of(entries), AS_OF)
    whole = report.aggregate
    assert whole.scored == 2 and whole.total == len([t for t in PLAN.targets if t.kind is not Kind.CONTEXT])
    assert whole.score is not None and whole.mean_with_data is not None
    assert whole.score < 10 and whole.mean_with_data > 90  # two targets with data do not make the plan "94"
    benchmarking = next(area for area in report.areas if area.area_id == "benchmarking")
    # four milestones of one sentence (weight 1 together), feedback-loop, feedback-rate, the 12345 rate, the
    # difficult problems solved (2025): 5
    assert benchmarking.aggregate.scored == 1
    assert benchmarking.aggregate.score == pytest.approx(87.6 / 5)


def test_a_group_weighs_as_one_target() -> None:
    group = [t for t in PLAN.targets if t.group == "pre-review"]
    assert len(group) == 5
    assert {PLAN.weight(t) for t in group} == {0.2}
    all_done = [entry(t.id, True) for t in group]
    report = status_report(PLAN, history_of(all_done), AS_OF)
    services = next(area for area in report.areas if area.area_id == "government-services")
    weights = sum(PLAN.weight(t) for t in PLAN.targets if t.area == "government-services")
    assert services.aggregate.score == pytest.approx(100 / weights)  # five milestones count as one


def test_context_indicators_have_no_score() -> None:
    report = status_report(PLAN, history_of([]), AS_OF)
    assert all(context.score.value is None for context in report.context)


# --- properties -----------------------------------------------------------------------------------------------


def _target(goal: float, peer: Observation | None = None, strict: bool = False, baseline: float | None = None,
            direction: Direction = Direction.HIGHER, related: bool = False) -> Target:  # fmt: skip
    benchmarks = {City.SHENZHEN: peer._replace(related=related)} if peer is not None else {}
    return Target("t", "a", Kind.NUMERIC, "t", "t", "percent", direction, "s", "q",
                  baseline=Observation(baseline, PeriodDate(date(2023, 1, 1)), "s", "q") if baseline is not None
                  else None, target=goal, target_strict=strict, benchmarks=benchmarks,
                  related={City.SHENZHEN: Words("n", "n")} if related else {})  # fmt: skip


def _status(target: Target, value: float, extra: tuple[Entry, ...] = ()) -> TargetStatus:
    plan = PLAN._replace(targets=(target,))
    return target_status(plan, target, history_of([entry("t", value), *extra]), AS_OF)


percent = st.floats(min_value=0, max_value=100, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(goal=percent, value=percent, peer=st.one_of(st.none(), percent), baseline=st.one_of(st.none(), percent),
       strict=st.booleans(), peer_over=st.booleans(), direction=st.sampled_from(list(Direction)))  # fmt: skip
def test_no_target_below_its_own_target_scores_100(
    goal: float, value: float, peer: float | None, baseline: float | None, strict: bool, peer_over: bool,
    direction: Direction,
) -> None:  # fmt: skip
    observation = None
    if peer is not None:
        observation = Observation(
            peer, PeriodDate(date(2024, 1, 1)), "s", "q", Qualifier.OVER if peer_over else None
        )
    result = _status(_target(goal, observation, strict, baseline, direction), value)
    if result.status is not Status.ACHIEVED:
        assert result.score.value is None or result.score.value < 100
    if result.score.value == 100:
        assert result.status is Status.ACHIEVED


@settings(max_examples=200, deadline=None)
@given(goal=percent, value=percent, related=percent, logged=st.one_of(st.none(), percent),
       baseline=st.one_of(st.none(), percent), direction=st.sampled_from(list(Direction)))  # fmt: skip
def test_a_related_figure_never_changes_a_score(
    goal: float,
    value: float,
    related: float,
    logged: float | None,
    baseline: float | None,
    direction: Direction,
) -> None:
    plain = _status(_target(goal, baseline=baseline, direction=direction), value)
    observation = Observation(related, PeriodDate(date(2024, 1, 1)), "s", "q")
    target = _target(goal, observation, baseline=baseline, direction=direction, related=True)
    extra = (entry("t", logged, city=City.SHENZHEN),) if logged is not None else ()
    with_related = _status(target, value, extra)
    assert with_related.score == plain.score
    assert with_related.status == plain.status
    assert with_related.frontier is None


def test_no_projection_from_a_figure_dated_after_the_deadline() -> None:
    from gdz_targets.domain.model import History, Series
    from gdz_targets.domain.status import Figure, Origin, pace

    goal = _target(goal=100, baseline=50)._replace(deadline=date(2024, 12, 31))
    figures = History({("t", City.DONGGUAN): Series([date(2025, 6, 30).toordinal()], [60.0])})
    current = Figure(60.0, PeriodDate(date(2025, 6, 30)), Origin.LOG)
    assert pace(goal, figures, date(2025, 7, 1), current).projected is None
