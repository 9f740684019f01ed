"""Reporting periods: every way an office writes one reads back as the same period, the calendar arithmetic
holds for every period gdz takes, and anything else is refused as bad input, never a crash."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdz_targets.domain.periods import (
    MONTHS,
    Cadence,
    Period,
    containing,
    due_date,
    latest_ended,
    parse_cadence,
    parse_due,
    parse_period,
)
from gdz_targets.domain.values import ValueRefused
from gdz_targets.output.round_text import period_label


@st.composite
def periods(draw: st.DrawFn) -> Period:
    cadence = draw(st.sampled_from(list(Cadence)))
    year = draw(st.integers(1900, 2199))
    return Period(cadence, year, draw(st.integers(1, 12 // MONTHS[cadence])))


@given(periods())
def test_a_period_reads_back_from_its_code_and_from_its_labels_in_both_languages(period: Period) -> None:
    assert parse_period(str(period)) == period
    assert parse_period(period_label(period, "zh")) == period
    assert parse_period(period_label(period, "en")) == period


@given(periods())
def test_periods_tile_the_calendar(period: Period) -> None:
    assert period.first_day <= period.last_day
    assert period.following().first_day == period.last_day + timedelta(days=1)
    assert period.following().previous() == period
    assert containing(period.first_day, period.cadence) == period
    assert containing(period.last_day, period.cadence) == period
    assert period.holds(period.last_day) and not period.holds(period.last_day + timedelta(days=1))


@given(periods(), st.integers(1, 31))
def test_returns_are_due_in_the_month_after_the_period(period: Period, day: int) -> None:
    due = due_date(period, day)
    following = period.last_day + timedelta(days=1)
    assert (due.year, due.month) == (following.year, following.month)
    assert due.day == day or (day > due.day and (due + timedelta(days=1)).day == 1)  # the month's end


@given(st.dates(date(1900, 2, 1), date(2199, 12, 31)), st.sampled_from(list(Cadence)))
def test_the_default_period_is_the_latest_that_has_ended(today: date, cadence: Cadence) -> None:
    period = latest_ended(today, cadence)
    assert period.last_day < today <= period.following().last_day


@given(st.text(max_size=30))
def test_any_text_is_a_period_or_refused_as_bad_input(text: str) -> None:
    try:
        period = parse_period(text)
    except ValueRefused as refused:
        key = refused.message.key
        period = None
    if period is None:
        assert key in ("period.bad", "value.day_out_of_range")
    else:
        assert 1900 <= period.year <= 2199


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2024-03", "2024-03"), ("2024-3", "2024-03"), ("2024/03", "2024-03"), ("2024年3月", "2024-03"),
        ("２０２４年３月", "2024-03"), ("March 2024", "2024-03"), ("Mar 2024", "2024-03"), ("2024Q1", "2024Q1"),
        ("2024-Q1", "2024Q1"), ("2024 q1", "2024Q1"), ("Q1 2024", "2024Q1"), ("2024年第一季度", "2024Q1"),
        ("2024年一季度", "2024Q1"), ("2024年第1季度", "2024Q1"), ("2024H2", "2024H2"), ("2024年下半年", "2024H2"),
        ("H1 2024", "2024H1"), ("2024", "2024"), ("2024年", "2024"), ("2024年度", "2024"),
    ],
)  # fmt: skip
def test_periods_as_offices_write_them(text: str, code: str) -> None:
    assert str(parse_period(text)) == code


@pytest.mark.parametrize(
    "text", ["2024-13", "2024Q5", "2024H3", "24-03", "2024-03-31", "Ma 2024", "", "本月"]
)
def test_what_is_no_period_is_refused(text: str) -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_period(text)
    assert refused.value.message.key == "period.bad"


def test_a_period_outside_the_years_gdz_takes_is_refused() -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_period("9999-01")
    assert refused.value.message.key == "value.day_out_of_range"


def test_cadences_in_either_language() -> None:
    assert [parse_cadence(word) for word in ("month", "月", "季度", "quarterly", "半年", "年度")] == [
        Cadence.MONTH, Cadence.MONTH, Cadence.QUARTER, Cadence.QUARTER, Cadence.HALF, Cadence.YEAR,
    ]  # fmt: skip
    with pytest.raises(ValueRefused):
        parse_cadence("fortnight")


def test_a_due_day_is_a_day_of_the_following_month_or_a_date() -> None:
    march = Period(Cadence.MONTH, 2024, 3)
    assert parse_due("5", march) == date(2024, 4, 5)
    assert parse_due("31", march) == date(2024, 4, 30)  # April has 30 days: its last
    assert parse_due("2024-04-10", march) == date(2024, 4, 10)
    assert due_date(Period(Cadence.MONTH, 2024, 1), 31) == date(2024, 2, 29)
    assert due_date(Period(Cadence.QUARTER, 2024, 4), 5) == date(2025, 1, 5)
    for bad, key in (("0", "period.bad_due_day"), ("32", "period.bad_due_day"), ("soon", "period.bad_due"),
                     ("2024-02-10", "period.due_before")):  # fmt: skip
        with pytest.raises(ValueRefused) as refused:
            parse_due(bad, march)
        assert refused.value.message.key == key
