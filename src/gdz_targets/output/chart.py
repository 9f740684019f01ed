"""A target's chart — the one picture everyone asks for: Dongguan's figures over time, the target as a line
to its deadline, the baseline, and Guangzhou's and Shenzhen's figures as marked points (hollow where they
measure something related). Values rise from zero, as in any bar or line chart people trust."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Final

from gdz_targets.domain.errors import UsageError, msg
from gdz_targets.domain.model import City, Kind, Plan, Point
from gdz_targets.domain.status import TargetStatus
from gdz_targets.domain.values import QUALIFIER_MARKS, unit_name
from gdz_targets.output.text import number, unit_label, with_unit

from .drawing import (
    INK,
    MUTED,
    RULE,
    Anchor,
    Box,
    Dot,
    Label,
    Line,
    Marker,
    Picture,
    Shape,
    picture_bytes,
    text_width,
)
from .text import word
from .textwidth import cut, wrap

WIDTH: Final = 720
WIDEST_UNIT: Final = 24  # cells of a unit's label: it stands beside every figure and over the axis
HEIGHT: Final = 420
LEFT, RIGHT, TOP, BOTTOM = 64.0, 28.0, 84.0, 92.0
TITLE_LEFT: Final = LEFT - 40
DONGGUAN: Final = "#0969da"
TARGET: Final = "#1a7f37"
CITY_STYLE: Final[dict[City, tuple[str, Marker]]] = {
    City.GUANGZHOU: ("#bc4c00", "square"),
    City.SHENZHEN: ("#8250df", "diamond"),
}


class _Frame:
    """The plot area and its two scales: days across, values up from zero (or from the lowest value)."""

    def __init__(self, first: date, last: date, low: float, high: float, top: float = TOP) -> None:
        self.first, self.last, self.low, self.high = first, last, low, high
        self.left, self.right, self.top, self.bottom = LEFT, WIDTH - RIGHT, top, HEIGHT - BOTTOM

    def x(self, day: date) -> float:
        return self.left + (day - self.first).days / max((self.last - self.first).days, 1) * (
            self.right - self.left
        )

    def y(self, value: float) -> float:
        return self.bottom - (value - self.low) / (self.high - self.low) * (self.bottom - self.top)


Peer = tuple[City, date, float, bool]  # a city, the day its figure stands for, the figure, related or not


def chart_picture(
    plan: Plan, row: TargetStatus, points: list[Point], as_of: date, lang: str, since: date | None = None
) -> Picture:
    """The chart of one numeric target or context indicator, as of a date (`since`: with a mark at that
    earlier day, the period in its subtitle)."""
    target = row.target
    unit = cut(unit_label(plan, target, lang), WIDEST_UNIT)
    dongguan = [(point.date, point.value) for point in points]
    baseline = (target.baseline.as_of.last_day, target.baseline.value) if target.baseline else None
    peers: list[Peer] = [(b.city, b.figure.as_of.last_day, b.figure.value, b.related) for b in row.benchmarks]
    goal = target.target if target.kind is Kind.NUMERIC else None
    days = [day for day, _ in dongguan] + [peer[1] for peer in peers] + ([baseline[0]] if baseline else [])
    days += [target.deadline] if target.deadline else []
    days += [since] if since else []
    first, last = (min(days), max(days)) if days else (_shifted(as_of, -365), as_of)
    margin = max(45, (last - first).days // 12)  # room for the marks and labels at either end
    first, last = _shifted(first, -margin), _shifted(last, margin)
    values = (
        [value for _, value in dongguan] + [peer[2] for peer in peers] + ([baseline[1]] if baseline else [])
    )
    values += [goal] if goal is not None else []
    low, high, step = _scale(min([0.0, *values]), max([0.0, *values]))
    bound = plan.unit_of(target)
    if bound is not None and bound.maximum is not None and high > bound.maximum >= max(values, default=0):
        high = bound.maximum  # a share never passes 100%: neither does its axis
    title = target.title(lang)
    # The title whole, on two lines where one is not enough (the second cut with "…" if even that is not).
    room = int((WIDTH - 2 * TITLE_LEFT) / (16 * 0.55))  # cells of a 16-point line
    first_line = wrap(cut(title, room * 3), room)[0]  # folding three lines' worth finds the first line's end
    rest = title[len(first_line) :].strip()
    lines = [first_line, cut(rest, room)] if rest else [first_line]
    below = 22.0 * (len(lines) - 1)
    frame = _Frame(first, last, low, high, TOP + below)
    period = f"{word('ui.as_of', lang)} {as_of.isoformat()}"
    if since is not None:
        from gdz_targets.output.changes import period_words

        period = period_words(since, as_of, lang)
    shapes: list[Shape] = [
        *(Label(TITLE_LEFT, 26 + 22 * n, line, 16, bold=True) for n, line in enumerate(lines)),
        Label(TITLE_LEFT, 46 + below, f"{target.id} · {period}", 12, MUTED),
        *_axes(frame, step, unit),
    ]
    marks: list[Shape] = []
    if baseline is not None:
        marks.append(Dot(frame.x(baseline[0]), frame.y(baseline[1]), 4.5, None, INK))
    level = frame.y(goal) if goal is not None else None
    for city, day, value, related in peers:
        colour, marker = CITY_STYLE[city]
        x, y = frame.x(day), frame.y(value)
        marks.append(Dot(x, y, 4.5, None if related else colour, colour, marker))
        text = ("≈" if related else "") + number(value)
        anchor: Anchor = "start" if x < frame.right - 60 else "end"
        # Beside its mark, unless the target's dashed line runs through there: then above or below it.
        text_y = y + 4 if level is None or abs(y - level) >= 10 else y - 9 if y <= level else y + 17
        marks.append(Label(x + (8 if anchor == "start" else -8), text_y, text, 11, colour, anchor))
    marks += _series(frame, dongguan, points, unit)  # last: Dongguan's marks are never hidden under a city's
    shapes += [_clear_of(shape, marks, frame) for shape in _target_and_deadline(frame, row, unit, lang)]
    shapes += [_clear_of(shape, marks, frame) for shape in _since_mark(frame, since, lang)]
    shapes += marks
    shapes += _legend(lang, bool(dongguan), goal is not None, baseline is not None, peers)
    return Picture(WIDTH, HEIGHT, tuple(shapes), lang, f"{title} · {target.id}")


def _clear_of(shape: Shape, marks: list[Shape], frame: _Frame) -> Shape:
    """A label of the target line or the deadline moved off the figures' marks and labels where it would
    cover one: below its line, or higher, else the same on the other side."""
    if not isinstance(shape, Label):
        return shape
    boxes = [_extent(mark) for mark in marks]
    below, higher = shape.y + shape.size + 6, shape.y - shape.size - 4
    other_side = frame.left + 4 + (text_width(shape.text, shape.size) if shape.anchor == "end" else 0)
    moves = [shape._replace(x=x, y=y) for x in (shape.x, other_side) for y in (shape.y, below, higher)]
    return next((moved for moved in moves if not any(_overlap(_extent(moved), box) for box in boxes)), shape)


def _extent(shape: Shape) -> tuple[float, float, float, float]:
    """The box a mark or a label covers: left, top, right, bottom."""
    if isinstance(shape, Label):
        width = text_width(shape.text, shape.size)
        left = {"start": shape.x, "middle": shape.x - width / 2, "end": shape.x - width}[shape.anchor]
        return left, shape.y - shape.size, left + width, shape.y + 2
    if isinstance(shape, Dot):
        return shape.x - shape.radius, shape.y - shape.radius, shape.x + shape.radius, shape.y + shape.radius
    return (0.0, 0.0, 0.0, 0.0)  # lines are crossed freely


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two boxes come within a few points (touching reads as overlapping; widths are estimates)."""
    return a[0] - 8 < b[2] and b[0] - 8 < a[2] and a[1] - 2 < b[3] and b[1] - 2 < a[3]


def _target_and_deadline(frame: _Frame, row: TargetStatus, unit: str, lang: str) -> list[Shape]:
    """The target as a dashed line up to its deadline, and the deadline as a dashed upright."""
    target = row.target
    shapes: list[Shape] = []
    if target.kind is Kind.NUMERIC and target.target is not None:
        level = frame.y(target.target)
        figure = with_unit((">" if target.target_strict else "") + number(target.target), unit)
        label = f"{word('ui.target', lang)} {figure}"
        shapes.append(Line(((frame.left, level), (frame.right, level)), TARGET, 1.5, "6 4"))
        shapes.append(Label(frame.right - 4, level - 6, label, 12, TARGET, "end"))
    if target.deadline is not None:
        x = frame.x(target.deadline)
        label = f"{word('ui.deadline', lang)} {target.deadline.isoformat()}"
        anchor: Anchor = "start" if x < frame.right - 120 else "end"
        shapes.append(Line(((x, frame.top), (x, frame.bottom)), MUTED, 1, "3 3"))
        shapes.append(Label(x + (5 if anchor == "start" else -5), frame.top + 12, label, 11, MUTED, anchor))
    return shapes


def _since_mark(frame: _Frame, since: date | None, lang: str) -> list[Shape]:
    """The earlier day a report is compared with, as a dotted upright labelled at its foot."""
    if since is None:
        return []
    x = frame.x(since)
    anchor: Anchor = "start" if x < frame.right - 120 else "end"
    label = word("since.chart_mark", lang).format(since=since.isoformat())
    return [
        Line(((x, frame.top), (x, frame.bottom)), INK, 1, "1 3"),
        Label(x + (5 if anchor == "start" else -5), frame.bottom - 6, label, 11, INK, anchor),
    ]


def _series(frame: _Frame, dongguan: list[tuple[date, float]], points: list[Point], unit: str) -> list[Shape]:
    """Dongguan's figures joined by a line, the latest labelled with its bound and unit."""
    if not dongguan:
        return []
    line = tuple((frame.x(day), frame.y(value)) for day, value in dongguan)
    shapes: list[Shape] = [Line(line, DONGGUAN, 2.25)] if len(line) > 1 else []
    shapes += [Dot(x, y, 3.5, DONGGUAN, DONGGUAN) for x, y in line]
    (x, y), latest = line[-1], points[-1]
    mark = QUALIFIER_MARKS[latest.qualifier] if latest.qualifier else ""
    anchor: Anchor = "start" if x < frame.right - 80 else "end"
    label = with_unit(mark + number(latest.value), unit)
    shapes.append(Label(x + (8 if anchor == "start" else -8), y + 16, label, 12, DONGGUAN, anchor))
    return shapes


def _scale(low: float, high: float) -> tuple[float, float, float]:
    """Round ends and a step of 1, 2 or 5 × 10^k for about five gridlines."""
    if high - low < 1e-9:  # equal, or so close (5e-324) that a step between them would be no number at all
        high = low + 1
    raw = (high - low) / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(factor * power for factor in (1, 2, 5, 10) if factor * power >= raw)
    return math.floor(low / step) * step, math.ceil(high * 1.05 / step) * step, step


def _axes(frame: _Frame, step: float, unit: str) -> list[Shape]:
    shapes: list[Shape] = []
    # Counted, not added up step by step: a sum of floats can fall short of the top or pass it.
    for n in range(round((frame.high - frame.low) / step) + 1):
        value = frame.low + n * step
        y = frame.y(value)
        shapes.append(Line(((frame.left, y), (frame.right, y)), RULE, 0.75))
        shapes.append(Label(frame.left - 8, y + 4, number(value), 11, MUTED, "end"))
    if unit:
        shapes.append(Label(frame.left - 8, frame.top - 12, unit_name(unit), 11, MUTED, "end"))
    for start, end, text in _periods(frame.first, frame.last):
        if frame.first < start:  # a tick where a period begins
            x = frame.x(start)
            shapes.append(Line(((x, frame.bottom), (x, frame.bottom + 5)), MUTED, 0.75))
        shown_start, shown_end = max(start, frame.first), min(end, frame.last)
        if (shown_end - shown_start).days >= 0.35 * (end - start).days:  # labelled where enough of it shows
            middle = shown_start + (shown_end - shown_start) / 2
            shapes.append(Label(frame.x(middle), frame.bottom + 18, text, 11, MUTED, "middle"))
    shapes.append(Line(((frame.left, frame.bottom), (frame.right, frame.bottom)), MUTED, 1))
    return shapes


# Years a label stands for on a long axis, so that about eight labels fit: years 1 to 9999 in five.
YEAR_STEPS: Final = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
MOST_YEARS: Final = 24  # labelled one by one up to this many
MOST_SPANS: Final = 8  # labels of several years each ("2000–2009") are wider: fewer of them


def _periods(first: date, last: date) -> list[tuple[date, date, str]]:
    """The years (or quarters or months for a short span, decades or more for a long one) the axis covers,
    each labelled in its middle: a figure of 31 December sits at the end of its year, not under the next's."""
    # No period begins or ends past the last day a date can hold (9999-12-31): a log may hold that day.
    months = (last.year - first.year) * 12 + last.month - first.month
    if months > 30:
        step = _years_per_label(last.year - first.year + 1)
        periods = []
        for year in range(first.year // step * step, last.year + 1, step):
            start, end = _first_of(max(year, 1), 1), _first_of(year + step, 1)
            label = str(year) if step == 1 else f"{max(year, 1)}–{year + step - 1}"
            periods.append((start, end, label))
        return periods
    every = 3 if months > 8 else 1
    year, month = first.year, (first.month - 1) // every * every + 1
    periods = []
    while year <= date.max.year and date(year, month, 1) <= last:
        start = date(year, month, 1)
        year, month = (year + 1, month + every - 12) if month + every > 12 else (year, month + every)
        label = f"{start.year} Q{(start.month + 2) // 3}" if every == 3 else f"{start.year}-{start.month:02d}"
        periods.append((start, _first_of(year, month), label))
    return periods


def _years_per_label(years: int) -> int:
    if years <= MOST_YEARS:
        return 1
    return next((step for step in YEAR_STEPS[1:] if years / step <= MOST_SPANS), YEAR_STEPS[-1])


def _first_of(year: int, month: int) -> date:
    """The first day of a month, or the last day there is where the month is past the calendar's end."""
    return date(year, month, 1) if year <= date.max.year else date.max


def _shifted(day: date, days: int) -> date:
    """`day` moved by `days`, stopping at the first and the last day a date can hold."""
    ordinal = min(max(day.toordinal() + days, date.min.toordinal()), date.max.toordinal())
    return date.fromordinal(ordinal)


def _legend(lang: str, dongguan: bool, goal: bool, baseline: bool, peers: list[Peer]) -> list[Shape]:
    items: list[tuple[list[Shape], str]] = []
    y = HEIGHT - 30
    if dongguan:
        marks: list[Shape] = [
            Line(((0, y - 4), (18, y - 4)), DONGGUAN, 2.25),
            Dot(9, y - 4, 3.5, DONGGUAN, DONGGUAN),
        ]
        items.append((marks, word("city.dongguan", lang)))
    if goal:
        items.append(([Line(((0, y - 4), (18, y - 4)), TARGET, 1.5, "6 4")], word("ui.target", lang)))
    if baseline:
        items.append(([Dot(9, y - 4, 4.5, None, INK)], word("ui.baseline", lang)))
    for city in (City.GUANGZHOU, City.SHENZHEN):
        if any(peer[0] is city for peer in peers):
            colour, shape = CITY_STYLE[city]
            items.append(([Dot(9, y - 4, 4.5, colour, colour, shape)], word("city." + city.value, lang)))
    if any(peer[3] for peer in peers):
        items.append(([Dot(9, y - 4, 4.5, None, MUTED)], word("chart.related", lang)))
    shapes: list[Shape] = [Box(TITLE_LEFT, y - 18, WIDTH - TITLE_LEFT - RIGHT, 0.75, RULE)]
    x = TITLE_LEFT
    for marks, name in items:
        shapes += [_moved(mark, x) for mark in marks]
        shapes.append(Label(x + 24, y, name, 12))
        x += 24 + text_width(name, 12) + 22
    return shapes


def _moved(shape: Shape, dx: float) -> Shape:
    if isinstance(shape, Line):
        return shape._replace(points=tuple((x + dx, y) for x, y in shape.points))
    if isinstance(shape, Dot):
        return shape._replace(x=shape.x + dx)
    return shape


def choose_chart_format(option: str | None, output: str | None) -> str:
    """--format, else the file's extension (.svg or .png), else SVG."""
    if option is not None:
        return option
    suffix = Path(output).suffix.lower() if output not in (None, "-") else ""
    if suffix in (".svg", ".png"):
        return suffix[1:]
    if suffix:
        raise UsageError(msg("chart.format", suffix=suffix))
    return "svg"


def chart_file(
    plan: Plan,
    row: TargetStatus,
    points: list[Point],
    as_of: date,
    lang: str,
    fmt: str,
    since: date | None = None,
) -> bytes:
    """A target's chart as an SVG document or a PNG picture."""
    if row.target.kind is Kind.MILESTONE:
        raise UsageError(msg("chart.milestone", target=row.target.id))
    return picture_bytes(chart_picture(plan, row, points, as_of, lang, since), fmt)
