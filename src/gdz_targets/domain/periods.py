"""Reporting periods: a month (2024-03), a quarter (2024Q1), a half (2024H1) or a year (2024); the day their
returns are due, and which period a day falls in (stdlib only)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum
from typing import Final, NamedTuple

from .errors import msg
from .values import EARLIEST_DAY, LATEST_DAY, ValueRefused, parse_calendar_day


class Cadence(StrEnum):
    """How often a workspace collects its returns."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


MONTHS: Final = {Cadence.MONTH: 1, Cadence.QUARTER: 3, Cadence.HALF: 6, Cadence.YEAR: 12}

# The words a cadence is written with in gdz.toml or on the command line, in either language.
CADENCE_WORDS: Final = {
    "month": Cadence.MONTH,
    "monthly": Cadence.MONTH,
    "月": Cadence.MONTH,
    "月度": Cadence.MONTH,
    "月报": Cadence.MONTH,
    "每月": Cadence.MONTH,
    "quarter": Cadence.QUARTER,
    "quarterly": Cadence.QUARTER,
    "季": Cadence.QUARTER,
    "季度": Cadence.QUARTER,
    "季报": Cadence.QUARTER,
    "每季度": Cadence.QUARTER,
    "half": Cadence.HALF,
    "half-year": Cadence.HALF,
    "半年": Cadence.HALF,
    "半年度": Cadence.HALF,
    "半年报": Cadence.HALF,
    "year": Cadence.YEAR,
    "yearly": Cadence.YEAR,
    "annual": Cadence.YEAR,
    "年": Cadence.YEAR,
    "年度": Cadence.YEAR,
    "年报": Cadence.YEAR,
    "每年": Cadence.YEAR,
}

_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／ＱＨｑｈ", "0123456789-/QHqh")
_CHINESE_NUMBERS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_HALVES: Final = {"上": 1, "下": 2}
_MONTH = re.compile(r"([0-9]{4})(?:-|/|\.|年)([0-9]{1,2})月?")
_QUARTER = re.compile(r"([0-9]{4})(?:[-年]?[Qq]([1-4])|年?第?([一二三四1-4])季度?)")
_HALF = re.compile(r"([0-9]{4})(?:[-年]?[Hh]([12])|年?([上下])半年度?)")
_YEAR = re.compile(r"([0-9]{4})(?:年度?)?")
# As English labels write them: March 2024, Mar 2024, Q1 2024, H1 2024 (the year last).
MONTH_NAMES: Final = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December")  # fmt: skip
_NAMED_MONTH = re.compile(r"([a-z]{3,})\.?([0-9]{4})")
_YEAR_LAST = re.compile(r"([qh])([1-4])([0-9]{4})")


class Period(NamedTuple):
    """One reporting period; `number` is the month (1–12), quarter (1–4) or half (1–2), and 1 for a year."""

    cadence: Cadence
    year: int
    number: int = 1

    @property
    def first_day(self) -> date:
        return date(self.year, (self.number - 1) * MONTHS[self.cadence] + 1, 1)

    @property
    def last_day(self) -> date:
        return self.following().first_day - timedelta(days=1)

    def following(self) -> Period:
        last = 12 // MONTHS[self.cadence]
        if self.number == last:
            return Period(self.cadence, self.year + 1, 1)
        return Period(self.cadence, self.year, self.number + 1)

    def previous(self) -> Period:
        if self.number == 1:
            return Period(self.cadence, self.year - 1, 12 // MONTHS[self.cadence])
        return Period(self.cadence, self.year, self.number - 1)

    def holds(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        """The code a period is typed with: 2024-03, 2024Q1, 2024H1, 2024."""
        if self.cadence is Cadence.MONTH:
            return f"{self.year:04d}-{self.number:02d}"
        if self.cadence is Cadence.QUARTER:
            return f"{self.year:04d}Q{self.number}"
        if self.cadence is Cadence.HALF:
            return f"{self.year:04d}H{self.number}"
        return f"{self.year:04d}"


def containing(day: date, cadence: Cadence) -> Period:
    """The period of `cadence` that holds `day`."""
    return Period(cadence, day.year, (day.month - 1) // MONTHS[cadence] + 1)


def latest_ended(today: date, cadence: Cadence) -> Period:
    """The latest period that has ended by `today` (its last day before it): the one whose returns are being
    collected, or chased."""
    return containing(today, cadence).previous()


def parse_cadence(text: str) -> Cadence:
    """A cadence as written: month, quarter, half or year, in English or Chinese (月、季度、半年、年)."""
    found = CADENCE_WORDS.get(text.strip().lower())
    if found is None:
        raise ValueRefused(msg("period.bad_cadence", value=text))
    return found


def parse_period(text: str) -> Period:
    """A period as people write it: 2024-03, 2024年3月, 2024Q1, 2024年第一季度, 2024H1, 2024年上半年, 2024."""
    cleaned = re.sub(r"[\s,]+", "", text.translate(_FULL_WIDTH))  # `2024 Q1` as `2024Q1`
    period: Period | None = None
    lowered = cleaned.lower()
    if found := _NAMED_MONTH.fullmatch(lowered):
        month = next(
            (n for n, name in enumerate(MONTH_NAMES, 1) if name.lower().startswith(found.group(1))), 0
        )
        period = Period(Cadence.MONTH, int(found.group(2)), month) if month else None
    elif found := _YEAR_LAST.fullmatch(lowered):
        cadence, count = Cadence.QUARTER if found.group(1) == "q" else Cadence.HALF, int(found.group(2))
        period = Period(cadence, int(found.group(3)), count) if count <= 12 // MONTHS[cadence] else None
    elif found := _MONTH.fullmatch(cleaned):
        month = int(found.group(2))
        period = Period(Cadence.MONTH, int(found.group(1)), month) if 1 <= month <= 12 else None
    elif found := _QUARTER.fullmatch(cleaned):
        quarter = found.group(2) or found.group(3)
        period = Period(Cadence.QUARTER, int(found.group(1)), _CHINESE_NUMBERS[quarter])
    elif found := _HALF.fullmatch(cleaned):
        half = int(found.group(2)) if found.group(2) else _HALVES[found.group(3)]
        period = Period(Cadence.HALF, int(found.group(1)), half)
    elif found := _YEAR.fullmatch(cleaned):
        period = Period(Cadence.YEAR, int(found.group(1)))
    if period is None:
        raise ValueRefused(msg("period.bad", value=text))
    if not EARLIEST_DAY.year <= period.year <= LATEST_DAY.year:
        raise ValueRefused(
            msg("value.day_out_of_range", date=text, earliest=EARLIEST_DAY.year, latest=LATEST_DAY.year)
        )
    return period


DEFAULT_DUE_DAY: Final = 5  # returns are due on the 5th of the month after the period, unless gdz.toml says


def due_date(period: Period, due_day: int) -> date:
    """The day returns are due: `due_day` of the month after the period ends, or that month's last day where
    it is shorter (31 is always the month's end)."""
    following = period.last_day + timedelta(days=1)
    month_end = Period(Cadence.MONTH, following.year, following.month).last_day
    return following.replace(day=min(due_day, month_end.day))


def parse_due(text: str, period: Period) -> date:
    """A due day as typed: a day of the month after the period (5, as gdz.toml writes it), or a date."""
    cleaned = text.strip().translate(_FULL_WIDTH)
    if cleaned.isdecimal() and len(cleaned) <= 2:
        if not 1 <= int(cleaned) <= 31:
            raise ValueRefused(msg("period.bad_due_day", value=text))
        return due_date(period, int(cleaned))
    try:
        day = parse_calendar_day(text)
    except ValueRefused:
        raise ValueRefused(msg("period.bad_due", value=text)) from None
    if day < period.first_day:
        raise ValueRefused(msg("period.due_before", due=day.isoformat(), period=str(period)))
    return day
