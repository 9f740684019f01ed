"""The domain: the plan, its targets, and the progress records logged against them (stdlib only).

Records are typed NamedTuples, not frozen dataclasses: as immutable and as typed, but a frozen dataclass costs
about a millisecond to define at import, and gdz pays every import on every run (see bench/).
"""

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

from .errors import Words


class Kind(StrEnum):
    """What a target measures."""

    NUMERIC = "numeric"  # a number to reach by a deadline
    MILESTONE = "milestone"  # a named reform: done or not done
    CONTEXT = "context"  # an indicator the plan reports, with no target of its own


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class City(StrEnum):
    DONGGUAN = "dongguan"
    GUANGZHOU = "guangzhou"
    SHENZHEN = "shenzhen"


BENCHMARK_CITIES: tuple[City, City] = (City.GUANGZHOU, City.SHENZHEN)


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Qualifier(StrEnum):
    """How a published figure relates to the number recorded ("超400项" is over 400)."""

    OVER = "over"
    AT_LEAST = "at-least"
    ABOUT = "about"


class Measure(StrEnum):
    """Whether a Guangzhou/Shenzhen figure measures what the target measures, or something related."""

    SAME = "same"
    RELATED = "related"


class PeriodDate(NamedTuple):
    """A date known to a day, a month or a year; compared by the period's last day."""

    last_day: date
    precision: Precision = Precision.DAY

    @classmethod
    def of_year(cls, year: int) -> "PeriodDate":
        return cls(date(year, 12, 31), Precision.YEAR)

    @classmethod
    def of_month(cls, year: int, month: int) -> "PeriodDate":
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return cls(following - timedelta(days=1), Precision.MONTH)

    @property
    def first_day(self) -> date:
        if self.precision is Precision.YEAR:
            return date(self.last_day.year, 1, 1)
        if self.precision is Precision.MONTH:
            return self.last_day.replace(day=1)
        return self.last_day

    def __str__(self) -> str:
        if self.precision is Precision.YEAR:
            return f"{self.last_day.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.last_day.year:04d}-{self.last_day.month:02d}"
        return self.last_day.isoformat()


class Source(NamedTuple):
    id: str
    publisher: str
    title: str
    published: PeriodDate | None = None
    url: str | None = None
    note: str | None = None
    unverified: bool = False  # read on a re-hosted copy whose original could not be opened


class Unit(NamedTuple):
    """A unit of measure and the values it admits."""

    id: str
    zh: str
    en: str
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    # Counts and percentages start from zero, so zero can stand in for an unknown baseline.
    zero_based: bool = False

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Observation(NamedTuple):
    """A sourced figure: a baseline or a Guangzhou/Shenzhen benchmark."""

    value: float
    as_of: PeriodDate
    source: str
    quote: str
    qualifier: Qualifier | None = None
    note: Words | None = None
    related: bool = False  # a benchmark of a related measure, not the target's own: shown, never scored


class Area(NamedTuple):
    id: str
    title_zh: str
    title_en: str
    source: str
    quote: str  # the sentence the area rests on: the six areas are the project's reading of the article
    note: str | None = None

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en


DEFAULT_REPORTING_DAYS = 90
ID_SYNTAX = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # ids of areas, targets, sources and units: words joined by hyphens
NO_BENCHMARKS: Mapping[City, Observation] = MappingProxyType({})
NO_RELATED: Mapping[City, Words] = MappingProxyType({})


class Target(NamedTuple):
    id: str
    area: str | None  # None only for context indicators outside the six areas
    kind: Kind
    title_zh: str
    title_en: str
    unit: str | None  # None for milestones
    direction: Direction
    source: str
    quote: str
    baseline: Observation | None = None
    target: float | None = None
    target_strict: bool = False  # "突破1000项": the target is passed only by exceeding it
    deadline: date | None = None
    benchmarks: Mapping[City, Observation] = NO_BENCHMARKS
    note: Words | None = None
    reporting_days: int | None = DEFAULT_REPORTING_DAYS  # None: a one-off fact, never late
    # Cities whose figures measure something related to the target, not the same thing, with how they differ:
    # their figures (in the plan or logged) are shown, marked, and never set a frontier, a gap or a score.
    related: Mapping[City, Words] = NO_RELATED
    group: str | None = None  # measures the article lists in one breath: together they weigh as one target
    continues: str | None = None  # the earlier target a later one restates or extends
    # A few words naming the target where its title would not fit (lists, narrow columns), unique in the plan.
    short_zh: str | None = None
    short_en: str | None = None

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def short(self, lang: str) -> str:
        """Its short title, else its title: how it is named in a list or a narrow column."""
        short = self.short_zh if lang == "zh" else self.short_en
        return short or self.title(lang)

    def is_related(self, city: City) -> bool:
        return city in self.related


class PlanMeta(NamedTuple):
    title_zh: str
    title_en: str
    issuer_zh: str
    issuer_en: str
    issued: PeriodDate
    policies: int
    source: str
    quote: str
    note: str | None = None
    issued_source: str | None = None  # where the issue date comes from, when not from `source`
    issued_quote: str | None = None
    time_zone: str | None = None  # IANA name (Asia/Shanghai): whose "today" the plan's dates are counted in

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en


class Plan(NamedTuple):
    meta: PlanMeta
    sources: Mapping[str, Source]
    units: Mapping[str, Unit]
    areas: tuple[Area, ...]
    targets: tuple[Target, ...]

    def target(self, target_id: str) -> Target | None:
        for target in self.targets:
            if target.id == target_id:
                return target
        return None

    def unit_of(self, target: Target) -> Unit | None:
        return self.units.get(target.unit) if target.unit else None

    def area(self, area_id: str) -> Area | None:
        return next((area for area in self.areas if area.id == area_id), None)

    def weight(self, target: Target) -> float:
        """A target's weight in the area and plan scores: 1, shared equally by the members of a group."""
        if target.group is None:
            return 1.0
        return 1.0 / sum(1 for other in self.targets if other.group == target.group)


# Milestones are logged as "done" / "not-done" and held as True / False (which count as 1 / 0).
DONE = True
NOT_DONE = False


SHORT_ID_LENGTH = 8


def short_id(record_id: str) -> str:
    """An id's last 8 characters, its random part: what tables show and `gdz void` accepts."""
    return record_id[-SHORT_ID_LENGTH:]


class Entry(NamedTuple):
    """One figure logged for a target: the value for a city as of a date."""

    id: str
    target: str
    city: City
    date: date
    value: int | float
    recorded_by: str
    recorded_at: datetime
    note: str | None = None
    source: str | None = None
    qualifier: Qualifier | None = None  # a bound the source states: "超1000" is logged as >1000
    batch: str | None = None  # the import it came in with (the id of its Batch record), if any


class Batch(NamedTuple):
    """The record that closes an import: its rows, written just before it, count only once it is there, so
    that an import cut short (a crash, a kill) adds nothing."""

    id: str
    file: str  # the file imported, as named on the command line
    entries: int  # how many rows it wrote
    recorded_by: str
    recorded_at: datetime


class Void(NamedTuple):
    """A correction: the entry it names no longer counts; both stay in the log."""

    id: str
    entry: str
    reason: str
    recorded_by: str
    recorded_at: datetime


Record = Entry | Void | Batch  # what one line of the progress log holds


class Point(NamedTuple):
    date: date
    value: float
    qualifier: Qualifier | None = None


# How a series stores qualifiers: one small integer per figure (the index keeps them in a byte array).
QUALIFIER_CODES: tuple[Qualifier | None, ...] = (None, Qualifier.OVER, Qualifier.AT_LEAST, Qualifier.ABOUT)


class Series:
    """One target's figures for one city, sorted by date; later records win on the same date."""

    __slots__ = ("_days", "_marks", "_values")

    def __init__(self, days: Sequence[int], values: Sequence[float], marks: Sequence[int] = ()) -> None:
        self._days = days  # proleptic ordinals, ascending
        self._values = values
        self._marks = marks  # QUALIFIER_CODES indexes, or empty when no figure has a qualifier

    def __len__(self) -> int:
        return len(self._days)

    def _count_until(self, as_of: date) -> int:
        return bisect_right(self._days, as_of.toordinal())

    def _point(self, position: int) -> Point:
        mark = QUALIFIER_CODES[self._marks[position]] if self._marks else None
        return Point(date.fromordinal(self._days[position]), self._values[position], mark)

    def latest(self, as_of: date) -> Point | None:
        count = self._count_until(as_of)
        return self._point(count - 1) if count else None

    def first(self, as_of: date) -> Point | None:
        return self._point(0) if self._count_until(as_of) else None

    def points(self, as_of: date) -> list[Point]:
        return [self._point(position) for position in range(self._count_until(as_of))]

    def newest_first(self, as_of: date) -> Iterator[Point]:
        """The figures up to `as_of`, latest first, made one at a time: a walk back stops where it likes
        without building a million points."""
        for position in range(self._count_until(as_of) - 1, -1, -1):
            yield self._point(position)

    def revised(self, replaced: Mapping[date, Point], until: date) -> "Series":
        """This series up to `until`, each day of `replaced` holding that one figure instead of its own: the
        spans between those days copied whole, never made into a point per figure, so that a series of any
        length costs a copy."""
        count = self._count_until(until)
        marks = self._marks or [0] * count
        days, values, codes = _empty_like(self._days), _empty_like(self._values), _empty_like(marks)

        def copy(start: int, end: int) -> None:
            days.extend(self._days[start:end])
            values.extend(self._values[start:end])
            codes.extend(marks[start:end])

        kept = 0  # the figures copied so far
        for day, point in sorted(replaced.items()):
            ordinal = day.toordinal()
            copy(kept, bisect_left(self._days, ordinal, 0, count))
            days.append(ordinal)
            values.append(point.value)
            codes.append(QUALIFIER_CODES.index(point.qualifier))
            kept = bisect_right(self._days, ordinal, 0, count)
        copy(kept, count)
        return Series(days, values, codes)

    def on(self, day: date) -> Point | None:
        """The figure that counts for `day` itself (the last recorded), if one was logged for that day."""
        count = self._count_until(day)
        return self._point(count - 1) if count and self._days[count - 1] == day.toordinal() else None


def _empty_like(figures: Sequence[Any]) -> Any:
    """An empty sequence of the same kind: an array of the same type (spans copy as machine numbers), else a
    list."""
    return array(figures.typecode) if isinstance(figures, array) else []


EMPTY_SERIES = Series((), ())


class History(Mapping[tuple[str, City], Series]):
    """Every target's non-voided figures, by (target id, city)."""

    def __init__(self, series: Mapping[tuple[str, City], Series]) -> None:
        self._series = dict(series)

    def __getitem__(self, key: tuple[str, City]) -> Series:
        return self._series[key]

    def __iter__(self) -> Iterator[tuple[str, City]]:
        return iter(self._series)

    def __len__(self) -> int:
        return len(self._series)

    def of(self, target: str, city: City) -> Series:
        return self._series.get((target, city), EMPTY_SERIES)
