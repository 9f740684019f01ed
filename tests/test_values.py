"""Strict parsing of typed values: numbers, dates, cities, milestone states."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdz_targets.domain.model import City, Qualifier, Unit
from gdz_targets.domain.values import (
    EARLIEST_DAY,
    LATEST_DAY,
    ValueRefused,
    format_number,
    parse_calendar_day,
    parse_city,
    parse_day,
    parse_figure,
    parse_milestone,
    parse_number,
    with_unit,
)
from gdz_targets.output.messages import render

TODAY = date(2025, 6, 30)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1020", 1020), ("85.5", 85.5), ("-3", -3), ("+7", 7), ("0.001", 0.001), (" 12 ", 12),
     ("１０２０", 1020), ("８５．５", 85.5), ("007", 7), ("1,050", 1050), ("1,234,567", 1234567),
     ("-1,234.5", -1234.5), ("１，０５０", 1050)],
)  # fmt: skip
def test_numbers_accepted(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed == value
    assert isinstance(parsed, int) == ("." not in text and "．" not in text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [(">1000", (1000, Qualifier.OVER)), ("超1000", (1000, Qualifier.OVER)), ("突破1000", (1000, Qualifier.OVER)),
     ("1000以上", (1000, Qualifier.AT_LEAST)), ("1000余", (1000, Qualifier.OVER)), ("＞1,000", (1000, Qualifier.OVER)),
     (">=100", (100, Qualifier.AT_LEAST)), ("不少于100", (100, Qualifier.AT_LEAST)), ("≥100", (100, Qualifier.AT_LEAST)),
     ("~25", (25, Qualifier.ABOUT)), ("约25", (25, Qualifier.ABOUT)), ("大约25.5", (25.5, Qualifier.ABOUT)),
     ("1020", (1020, None))],
)  # fmt: skip
def test_the_bound_a_source_states(text: str, figure: tuple[float, Qualifier | None]) -> None:
    assert parse_figure(text) == figure


@pytest.mark.parametrize(
    ("text", "hint"),
    [(">", "write a plain number like 1020 or 85.5"), ("超", "write a plain number like 1020 or 85.5"),
     ("1020 items", "leave out the unit: the target's unit is recorded"),
     ("1020项", "leave out the unit: the target's unit is recorded")],
)  # fmt: skip
def test_a_figure_refused_is_named_as_typed(text: str, hint: str) -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_figure(text)
    assert render(refused.value.message, "en") == f'"{text}" is not a number; {hint}'


PERCENT = Unit("percent", "%", "%", 0, 100, zero_based=True)
ITEMS = Unit("items", "项", "items", 0, integer=True, zero_based=True)
RANK = Unit("rank", "第{}名", "rank {}", 1, integer=True)
AREA = Unit("wan-sqm", "万平方米", "×10k m²", 0, zero_based=True)


@pytest.mark.parametrize(
    ("text", "unit", "figure"),
    [("42%", PERCENT, (42, None)), ("４２％", PERCENT, (42, None)), (">90%", PERCENT, (90, Qualifier.OVER)),
     ("85%以上", PERCENT, (85, Qualifier.AT_LEAST)), ("85以上", PERCENT, (85, Qualifier.AT_LEAST)),
     ("1020项", ITEMS, (1020, None)), ("1,080项", ITEMS, (1080, None)), ("1020 items", ITEMS, (1020, None)),
     ("1 item", ITEMS, (1, None)), ("1000余项", ITEMS, (1000, Qualifier.OVER)), ("超1000项", ITEMS, (1000, Qualifier.OVER)),
     ("第4名", RANK, (4, None)), ("rank 4", RANK, (4, None)), ("Rank 4", RANK, (4, None)),
     (">1000万平方米", AREA, (1000, Qualifier.OVER)), ("1000 ×10k m²", AREA, (1000, None))],
)  # fmt: skip
def test_a_figure_may_carry_the_targets_own_unit(
    text: str, unit: Unit, figure: tuple[float, Qualifier]
) -> None:
    assert parse_figure(text, unit) == figure


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("42%", ITEMS, "items"),
        ("1020个", ITEMS, "items"),
        ("1020 items", PERCENT, "%"),
        ("4名", AREA, "×10k m²"),
    ],
)
def test_another_unit_is_refused_naming_the_targets(text: str, unit: Unit, expected: str) -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_figure(text, unit)
    assert refused.value.message.key == "value.wrong_unit"
    assert f"the target is measured in {expected}" in render(refused.value.message, "en")


def test_two_bounds_that_disagree_are_refused() -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_figure(">1000以上", ITEMS)
    assert refused.value.message.key == "value.two_bounds"
    assert parse_figure("超1000余", ITEMS) == (1000, Qualifier.OVER)  # the same bound twice says one thing


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("nan", "write a finite number"),
        ("inf", "write a finite number"),
        ("-Infinity", "write a finite number"),
        ("1_000", "write digits without separators, like 1000"),
        ("1,00", "write digits without separators, like 1000"),  # not thousands: could be misread
        ("1,0000", "write digits without separators, like 1000"),
        ("1e3", "write the digits out, like 0.001"),
        ("85%", "a % sign goes only with a target measured in %; write the number in the target's unit"),
        ("", "write a plain number like 1020 or 85.5"),
        ("1.", "write a plain number like 1020 or 85.5"),
        (".5", "write a plain number like 1020 or 85.5"),
        ("0x10", "write a plain number like 1020 or 85.5"),
        ("一千", "write a plain number like 1020 or 85.5"),
        ("١٢", "write a plain number like 1020 or 85.5"),  # Arabic-Indic digits: not ASCII, not full-width
    ],
)
def test_numbers_refused_with_a_hint(text: str, hint: str) -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_number(text)
    assert render(refused.value.message, "en") == f'"{text}" is not a number; {hint}'


def test_too_many_digits_refused() -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_number("1234567890.1234567")
    assert (
        render(refused.value.message, "en")
        == '"1234567890.1234567" has more than 15 significant digits; round it'
    )


NUMBER_LIKE = st.from_regex(r"\A\s?[+-]?[0-9０-９]{1,18}([.．][0-9０-９]{1,18})?\s?\Z")


@given(st.one_of(st.text(max_size=30), NUMBER_LIKE))
def test_any_string_parses_to_its_exact_decimal_or_is_refused(text: str) -> None:
    try:
        value = parse_number(text)
    except ValueRefused:
        return
    normalised = text.strip().translate(str.maketrans("０１２３４５６７８９．－＋，", "0123456789.-+,"))
    assert Decimal(format_number(value)) == Decimal(normalised.replace(",", ""))


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**10), max_value=10**10))
def test_plain_decimals_round_trip_through_format(number: Decimal) -> None:
    text = format(number, "f")
    assert Decimal(format_number(parse_number(text))) == number


@pytest.mark.parametrize(
    ("text", "day"),
    [("2024-03-31", date(2024, 3, 31)), ("today", TODAY), ("yesterday", date(2025, 6, 29)), ("今天", TODAY),
     ("２０２４－０３－３１", date(2024, 3, 31)), ("2024-3-31", date(2024, 3, 31)), ("2024/3/31", date(2024, 3, 31)),
     ("2024/03/31", date(2024, 3, 31)), ("2024.3.31", date(2024, 3, 31)), ("2024年3月31日", date(2024, 3, 31)),
     ("2024-03-31 00:00:00", date(2024, 3, 31))],
)  # fmt: skip
def test_dates_accepted(text: str, day: date) -> None:
    assert parse_day(text, TODAY) == day


@pytest.mark.parametrize("text", ["20240331", "2024-W13-7", "tomorrow", "", "2024/3", "3月31日"])
def test_loose_dates_refused(text: str) -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_day(text, TODAY)
    assert render(refused.value.message, "en") == (
        f'"{text}" is not a date; use YYYY-MM-DD (or 2024/1/5), today or yesterday'
    )


@pytest.mark.parametrize("text", ["31/03/2024", "5/1/2024", "05-01-2024", "5.1.2024"])
def test_a_year_last_is_refused_with_the_reason(text: str) -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_calendar_day(text)
    assert "puts the year last, so its day and month cannot be told apart" in render(
        refused.value.message, "en"
    )


def test_a_day_not_in_the_calendar() -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_calendar_day("2024-02-30")
    assert render(refused.value.message, "en") == '"2024-02-30" is not a day of the calendar; check it'


def test_file_dates_do_not_offer_today() -> None:
    with pytest.raises(ValueRefused) as refused:
        parse_calendar_day("today")
    assert render(refused.value.message, "en") == '"today" is not a date; write it as 2024-01-05 or 2024/1/5'


@given(st.dates())
def test_iso_dates_round_trip_within_the_years_gdz_handles(day: date) -> None:
    if EARLIEST_DAY <= day <= LATEST_DAY:
        assert parse_day(day.isoformat(), TODAY) == day
    else:
        with pytest.raises(ValueRefused, match=r"value\.day_out_of_range"):
            parse_day(day.isoformat(), TODAY)


@pytest.mark.parametrize(
    ("text", "city"),
    [("dongguan", City.DONGGUAN), ("GZ", City.GUANGZHOU), ("深圳", City.SHENZHEN), (" sz ", City.SHENZHEN)],
)
def test_cities(text: str, city: City) -> None:
    assert parse_city(text) is city


def test_unknown_city_refused() -> None:
    with pytest.raises(ValueRefused):
        parse_city("foshan")


def test_milestone_states() -> None:
    assert parse_milestone("done") is True
    assert parse_milestone("NOT-DONE") is False
    assert parse_milestone("已完成") is True
    with pytest.raises(ValueRefused):
        parse_milestone("yes")


@pytest.mark.parametrize(
    ("value", "text"), [(1020, "1020"), (1020.0, "1020"), (0.00001, "0.00001"), (85.5, "85.5")]
)
def test_format_number_is_plain(value: float, text: str) -> None:
    assert format_number(value) == text


def test_a_figure_takes_its_unit_in_the_right_number() -> None:
    assert [with_unit("1", "items"), with_unit("1", "categories"), with_unit("2", "items")] == [
        "1 item",
        "1 category",
        "2 items",
    ]
    assert [with_unit("1", "×10k entities"), with_unit("1", "项"), with_unit("1", "rank {}")] == [
        "1×10k entities",  # ten thousand of them
        "1项",
        "rank 1",
    ]


@pytest.mark.parametrize(
    ("text", "bound"),
    [("over", Qualifier.OVER), ("at-least", Qualifier.AT_LEAST), ("At least", Qualifier.AT_LEAST),
     ("at  least", Qualifier.AT_LEAST), (">=", Qualifier.AT_LEAST), ("不少于", Qualifier.AT_LEAST),
     ("超过", Qualifier.OVER), ("about", Qualifier.ABOUT), ("约", Qualifier.ABOUT)],
)  # fmt: skip
def test_a_bound_column_reads_the_words_every_export_writes(text: str, bound: Qualifier) -> None:
    from gdz_targets.domain.values import parse_qualifier

    assert parse_qualifier(text) == bound


def test_a_bound_that_is_no_bound_is_refused() -> None:
    from gdz_targets.domain.values import ValueRefused, parse_qualifier

    for text in ("at most", "less", "≈"):
        with pytest.raises(ValueRefused):
            parse_qualifier(text)
