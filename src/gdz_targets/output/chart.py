"""A target's chart — the one picture everyone asks for: Dongguan's figures over time, the target as a line
to its deadline, the baseline, and Guangzhou's and Shenzhen's figures as marked points (hollow where they
measure something related).

The value axis is scaled to Dongguan's figures, the baseline, the target and the comparable cities' figures:
a related figure outside it is an arrow at the edge with a note, never a reason to squash Dongguan's line.
Nothing hides anything: a marker on another's place is set beside it, and every label's box is kept inside
the picture and clear of every other label, marker and drawn line — moved round its mark or along its line
until it is, and said under the legend where no place is free.

It is longer than 500 lines: the axes, the marks and the placing of the labels are one layout over one
frame, each part placed against what the others took; split, they would pass the frame and the boxes
taken back and forth."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Final, NamedTuple

from gdz_targets.domain.errors import UsageError, msg
from gdz_targets.domain.model import City, Direction, Kind, Plan, Point, Unit
from gdz_targets.domain.status import TargetStatus
from gdz_targets.domain.values import QUALIFIER_MARKS, unit_name
from gdz_targets.output.text import (
    RELATED_MARK,
    bare_target,
    figure_value,
    number,
    period_or_as_of,
    unit_label,
    with_unit,
)

from .drawing import (
    INK,
    MUTED,
    RULE,
    Bounds,
    Box,
    Dot,
    Label,
    Line,
    Marker,
    Picture,
    Shape,
    dot_box,
    fit_text,
    label_box,
    overlaps,
    picture_bytes,
    text_width,
    wrap_text,
)
from .text import word
from .textwidth import cut

WIDTH: Final = 720
WIDEST_UNIT: Final = 24  # cells of a unit's label: it stands beside every figure and over the axis
HEIGHT: Final = 420  # without the legend's second row or notes under it
LEFT, RIGHT, TOP, BOTTOM = 64.0, 28.0, 84.0, 92.0
TITLE_LEFT: Final = LEFT - 40
GAP: Final = 2.0  # the least room between a label and anything else
DONGGUAN: Final = "#0969da"
TARGET: Final = "#1a7f37"
CITY_STYLE: Final[dict[City, tuple[str, Marker]]] = {
    City.GUANGZHOU: ("#bc4c00", "square"),
    City.SHENZHEN: ("#8250df", "diamond"),
}


class _Scale(NamedTuple):
    """The value axis: its ends, its ticks, and whether it runs downwards (first place at the top)."""

    low: float
    high: float
    ticks: tuple[float, ...]
    inverted: bool = False


class _Frame:
    """The plot area and its two scales: days across, values up (or down, for an axis turned over)."""

    def __init__(self, first: date, last: date, scale: _Scale | None, left: float, top: float) -> None:
        self.first, self.last, self.scale = first, last, scale
        self.low, self.high = (scale.low, scale.high) if scale else (0.0, 1.0)
        self.left, self.right, self.top, self.bottom = left, WIDTH - RIGHT, top, HEIGHT - BOTTOM

    def x(self, day: date) -> float:
        return self.left + (day - self.first).days / max((self.last - self.first).days, 1) * (
            self.right - self.left
        )

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low) * (self.bottom - self.top)
        return self.top + share if self.scale and self.scale.inverted else self.bottom - share

    def holds(self, value: float) -> bool:
        return self.scale is not None and self.low <= value <= self.high


def chart_picture(
    plan: Plan, row: TargetStatus, points: list[Point], as_of: date, lang: str, since: date | None = None
) -> Picture:
    """The chart of one numeric target or context indicator, as of a date (`since`: with a mark at that
    earlier day, and the period under the title)."""
    target, baseline = row.target, row.target.baseline
    unit = cut(unit_label(plan, target, lang), WIDEST_UNIT)
    goal = target.target if target.kind is Kind.NUMERIC else None
    values = [point.value for point in points] + [
        peer.figure.value for peer in row.benchmarks if not peer.related
    ]
    values += ([baseline.value] if baseline else []) + ([goal] if goal is not None else [])
    # Where nothing of Dongguan's, the plan's or a comparable city's is known, a related figure alone sets the
    # axis: drawn hollow, it is compared with nothing.
    values = values or [peer.figure.value for peer in row.benchmarks]
    scale = _value_scale(values, plan.unit_of(target), target.direction)
    days = [point.date for point in points] + [peer.figure.as_of.last_day for peer in row.benchmarks]
    days += ([baseline.as_of.last_day] if baseline else []) + ([target.deadline] if target.deadline else [])
    days += [since] if since else []
    first, last = (min(days), max(days)) if days else (_shifted(as_of, -365), as_of)
    margin = max(45, (last - first).days // 12)  # room for the marks and labels at either end
    fixed, below = _heading(row, as_of, since, lang)
    tick_labels = [number(tick, _digits(scale)) for tick in scale.ticks] if scale else []
    widest = max((text_width(text, 11) for text in tick_labels), default=0.0)
    left = max(LEFT, TITLE_LEFT + 8 + widest)  # the ticks' labels all inside the picture
    frame = _Frame(_shifted(first, -margin), _shifted(last, margin), scale, left, TOP + below)
    fixed += _axes(frame, tick_labels, _axis_heading(plan, row, unit, lang))
    guides = _target_and_deadline(frame, row) + _since_upright(frame, since)
    line, dots = _series(frame, points)
    marks, notes, tags = _peers(frame, row, dots, lang, unit)
    room = _Room((frame.left + 2, frame.top - 8, WIDTH - 4, frame.bottom - 1))
    room.taken += [label_box(shape) for shape in fixed if isinstance(shape, Label)]
    room.taken += [dot_box(dot) for dot in dots + marks] + [_arrow_box(frame, note) for note in notes]
    room.lines += [guide.points for guide in guides] + [
        ((frame.left, frame.bottom), (frame.right, frame.bottom))
    ]
    room.lines += list(itertools.pairwise(line.points)) if line else []
    unplaced = _labels(frame, room, row, points, tags, lang, unit, since)
    legend = _legend(lang, bool(points), goal is not None and scale is not None, baseline is not None, marks)
    said, height = _footer(unplaced, max((s.y for s in legend if isinstance(s, Label)), default=HEIGHT - 30))
    drawn = [*guides, *marks, *_arrows(frame, notes), *([line] if line else []), *dots, *room.placed]
    return Picture(
        WIDTH, height, (*fixed, *drawn, *legend, *said), lang, f"{target.title(lang)} · {target.id}"
    )


def _heading(row: TargetStatus, as_of: date, since: date | None, lang: str) -> tuple[list[Shape], float]:
    """The title, whole on two lines where one is not enough, and the target's id and day (or period) under
    it; and how much lower than one line's title that puts the plot."""
    title = wrap_text(row.target.title(lang), WIDTH - 2 * TITLE_LEFT, 16, 2, bold=True)
    below = 22.0 * (len(title) - 1)
    period = period_or_as_of(as_of, since, lang)
    subtitle = f"{row.target.id} · {period}"
    return [
        *(Label(TITLE_LEFT, 26 + 22 * n, line, 16, bold=True) for n, line in enumerate(title)),
        Label(TITLE_LEFT, 46 + below, fit_text(subtitle, WIDTH - 2 * TITLE_LEFT, 12), 12, MUTED),
    ], below


# --- the value axis ----------------------------------------------------------------------------------------


def _is_position(unit: Unit | None) -> bool:
    """A rank or a tier: the plan writes one around its number (`第{}名`, `rank {}`), or counts it from 1."""
    if unit is None:
        return False
    return "{}" in unit.en or "{}" in unit.zh or (unit.integer and unit.minimum == 1 and not unit.zero_based)


def _value_scale(values: list[float], unit: Unit | None, direction: Direction) -> _Scale | None:
    """The value axis for these figures (None: there is nothing to scale).

    Quantities rise from zero, as in any chart people trust — those where lower is better too (days, hours):
    a height stands for an amount, and an axis turned over would draw 0 days as the tallest; the axis heading
    says that lower is better instead. Ranks and tiers are an order, not an amount: their axis fits their
    range and, where lower is better (first place is best), runs downwards, so that 16th to 12th rises. Ticks
    are whole numbers for whole-number units (ranks, tiers, counts)."""
    if not values:
        return None
    whole = unit is not None and unit.integer
    if unit is not None and _is_position(unit):
        return _position_scale(values, unit, whole, inverted=direction is Direction.LOWER)
    low, high = min(0.0, *values), max(0.0, *values)
    step = _step(high - low, whole)
    bottom = math.floor(low / step) * step
    top = max(math.ceil(high * 1.05 / step) * step, bottom + step)  # room over the highest for its label
    if unit is not None and unit.maximum is not None and top > unit.maximum >= high:
        top = unit.maximum  # a share never passes 100%: neither does its axis
    return _Scale(bottom, top, _ticks(bottom, top, step))


def _position_scale(values: list[float], unit: Unit, whole: bool, inverted: bool) -> _Scale:
    first = min(unit.minimum if unit.minimum is not None else 1.0, *values)
    low, high = min(values), max(values)
    if low - first <= max(high - low, 3):  # near the top places: from first place, so the distance shows
        low = first
    pad = max((high - low) * 0.1, 1.0 if whole else 0.5)
    low, high = max(first, low - pad) if low > first else low, high + pad
    step = _step(high - low, whole)
    bottom = max(first, math.floor(low / step) * step)
    if step <= 2 or bottom % step == 0:  # 1, 2, 3 … or 1, 3, 5 …, or 10, 20, 30 …
        top = bottom + math.ceil((high - bottom) / step) * step
        return _Scale(bottom, top, _ticks(bottom, top, step), inverted)
    top = math.ceil(high / step) * step  # first place, then the round numbers: 1, 10, 20 …
    return _Scale(bottom, top, (bottom, *_ticks(math.ceil((bottom + step / 2) / step) * step, top, step)),
                  inverted)  # fmt: skip


def _step(span: float, whole: bool) -> float:
    """1, 2 or 5 × 10^k for about five gridlines; at least 1 for whole numbers."""
    if span < 1e-9:  # one value, or two so close (5e-324) that a step between them would be no number at all
        span = 1.0
    raw = span / 5
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(factor * power for factor in (1, 2, 5, 10) if factor * power >= raw)
    return max(float(round(step)), 1.0) if whole else step


def _ticks(bottom: float, top: float, step: float) -> tuple[float, ...]:
    # Counted, not added up step by step: a sum of floats can fall short of the top or pass it.
    return tuple(bottom + n * step for n in range(math.floor((top - bottom) / step + 1e-9) + 1))


def _digits(scale: _Scale | None) -> int:
    """Decimal places a tick needs: two, or as many as a finer step has."""
    if scale is None or len(scale.ticks) < 2:
        return 2
    return max(2, 1 - math.floor(math.log10(abs(scale.ticks[-1] - scale.ticks[-2]))))


def _axis_heading(plan: Plan, row: TargetStatus, unit: str, lang: str) -> str:
    """The unit over the axis, and which way is better where it is not up."""
    position = _is_position(plan.unit_of(row.target))
    if row.target.direction is not Direction.LOWER:
        return unit_name(unit)
    better = word("chart.best_up" if position else "direction.lower", lang)
    return f"{unit_name(unit)} · {better}" if unit else better


def _axes(frame: _Frame, tick_labels: list[str], heading: str) -> list[Shape]:
    shapes: list[Shape] = []
    for tick, text in zip(frame.scale.ticks if frame.scale else (), tick_labels, strict=True):
        y = frame.y(tick)
        shapes.append(Line(((frame.left, y), (frame.right, y)), RULE, 0.75))
        shapes.append(Label(frame.left - 8, y + 4, text, 11, MUTED, "end"))
    if frame.scale and heading:
        shapes.append(
            Label(TITLE_LEFT, frame.top - 14, fit_text(heading, WIDTH - 2 * TITLE_LEFT, 11), 11, MUTED)
        )
    labels: list[Label] = []
    for start, end, text in _periods(frame.first, frame.last):
        if frame.first < start:  # a tick where a period begins
            x = frame.x(start)
            shapes.append(Line(((x, frame.bottom), (x, frame.bottom + 5)), MUTED, 0.75))
        shown_start, shown_end = max(start, frame.first), min(end, frame.last)
        if (shown_end - shown_start).days >= 0.35 * (end - start).days:  # labelled where enough of it shows
            middle = shown_start + (shown_end - shown_start) / 2
            half = text_width(text, 11) / 2  # kept inside the picture
            x = min(max(frame.x(middle), half + 2), WIDTH - half - 2)
            labels.append(Label(x, frame.bottom + 18, text, 11, MUTED, "middle"))
    shapes += _thinned(labels)
    shapes.append(Line(((frame.left, frame.bottom), (frame.right, frame.bottom)), MUTED, 1))
    return shapes


def _thinned(labels: list[Label]) -> list[Label]:
    """Every label, or every second, third … where neighbours would touch (many years on a narrow axis)."""
    for every in range(1, len(labels) + 1):
        kept = labels[::every]
        if not any(overlaps(label_box(a), label_box(b), 6) for a, b in itertools.pairwise(kept)):
            return kept
    return labels[:1]


# --- what is drawn in the plot -----------------------------------------------------------------------------


def _target_and_deadline(frame: _Frame, row: TargetStatus) -> list[Line]:
    """The target as a dashed line across, and the deadline as a dashed upright."""
    target = row.target
    lines: list[Line] = []
    if target.kind is Kind.NUMERIC and target.target is not None and frame.scale:
        level = frame.y(target.target)
        lines.append(Line(((frame.left, level), (frame.right, level)), TARGET, 1.5, "6 4"))
    if target.deadline is not None:
        x = frame.x(target.deadline)
        lines.append(Line(((x, frame.top), (x, frame.bottom)), MUTED, 1, "3 3"))
    return lines


def _since_upright(frame: _Frame, since: date | None) -> list[Line]:
    """The earlier day a report is compared with, as a dotted upright (labelled with the other labels)."""
    if since is None:
        return []
    x = frame.x(since)
    return [Line(((x, frame.top), (x, frame.bottom)), INK, 1, "1 3")]


def _series(frame: _Frame, points: list[Point]) -> tuple[Line | None, list[Dot]]:
    """Dongguan's figures joined by a line (where there are two or more), each marked."""
    line = tuple((frame.x(point.date), frame.y(point.value)) for point in points)
    return Line(line, DONGGUAN, 2.25) if len(line) > 1 else None, [
        Dot(x, y, 3.5, DONGGUAN, DONGGUAN) for x, y in line
    ]


class _Note(NamedTuple):
    """A related figure outside the axis: where its arrow stands, pointing up or down, and what it says."""

    x: float
    up: bool
    text: str
    colour: str


class _Tag(NamedTuple):
    """A label to place: where it may go, best first, and what is said under the legend if nowhere."""

    candidates: Iterable[tuple[Label, ...]]
    said: str


def _peers(
    frame: _Frame, row: TargetStatus, dots: list[Dot], lang: str, unit: str
) -> tuple[list[Dot], list[_Note], list[_Tag]]:
    """The baseline and the cities' figures as markers, each set beside any marker already at its place, the
    cities' labelled; a related figure outside the axis as a note instead."""
    target = row.target
    marks: list[Dot] = []
    notes: list[_Note] = []
    tags: list[_Tag] = []
    if target.baseline is not None and frame.holds(target.baseline.value):
        day, value = target.baseline.as_of.last_day, target.baseline.value
        marks.append(_beside(Dot(frame.x(day), frame.y(value), 4.5, None, INK), dots + marks, frame))
    for peer in row.benchmarks:
        colour, marker = CITY_STYLE[peer.city]
        x, value = frame.x(peer.figure.as_of.last_day), peer.figure.value
        city = word("city." + peer.city.value, lang)
        if not frame.holds(value):  # only a related figure can be: the others set the axis
            figure = RELATED_MARK + with_unit(figure_value(target, peer.figure, lang), unit)
            text = word("chart.off_scale", lang).format(city=city, figure=figure)
            notes.append(_Note(x, frame.y(value) < frame.top, text, colour))
            tags.append(_Tag(_beside_arrow(frame, notes[-1]), text))
            continue
        dot = Dot(x, frame.y(value), 4.5, None if peer.related else colour, colour, marker)
        marks.append(_beside(dot, dots + marks, frame))
        text = (RELATED_MARK if peer.related else "") + figure_value(target, peer.figure, lang)
        tags.append(_Tag(_around(marks[-1].x, marks[-1].y, 5.6, text, 11, colour), f"{city} {text}"))
    return marks, notes, tags


def _beside(dot: Dot, placed: list[Dot], frame: _Frame) -> Dot:
    """`dot`, or moved sideways a marker's width at a time until it covers no marker drawn before it: two
    cities with one figure on one day both stay in sight (the day read off the axis is a few days out)."""
    step = 2 * (dot_box(dot)[2] - dot.x) + 1
    for shift in (n * sign for n in range(40) for sign in (1, -1)):
        moved = dot._replace(x=dot.x + shift * step)
        inside = frame.left <= moved.x <= frame.right
        if inside and not any(overlaps(dot_box(moved), dot_box(other)) for other in placed):
            return moved
    return dot


def _arrows(frame: _Frame, notes: list[_Note]) -> list[Shape]:
    """An arrow at the top (or bottom) edge of the plot for each figure off the scale."""
    shapes: list[Shape] = []
    for note in notes:
        tip, tail = (frame.top + 2, frame.top + 16) if note.up else (frame.bottom - 2, frame.bottom - 16)
        head = 4 if note.up else -4
        shapes.append(Line(((note.x, tail), (note.x, tip)), note.colour, 1.5))
        shapes.append(
            Line(((note.x - 3.5, tip + head), (note.x, tip), (note.x + 3.5, tip + head)), note.colour, 1.5)
        )
    return shapes


def _arrow_box(frame: _Frame, note: _Note) -> Bounds:
    top = frame.top if note.up else frame.bottom - 18
    return note.x - 4, top, note.x + 4, top + 18


# --- labels placed where they hide nothing -----------------------------------------------------------------

Segment = tuple[tuple[float, float], ...]  # two points


class _Room:
    """Where a chart's labels may go: inside `bounds`, clear of every box taken and every line drawn."""

    def __init__(self, bounds: Bounds) -> None:
        self.bounds = bounds
        self.taken: list[Bounds] = []
        self.lines: list[Segment] = []
        self.placed: list[Label] = []

    def free(self, box: Bounds) -> bool:
        left, top, right, bottom = self.bounds
        inside = left <= box[0] and box[2] <= right and top <= box[1] and box[3] <= bottom
        return (
            inside
            and not any(overlaps(box, other, GAP) for other in self.taken)
            and not any(_crosses(line, box) for line in self.lines)
        )

    def place(self, candidates: Iterable[tuple[Label, ...]]) -> bool:
        """The first group of labels whose every box is free, taken; False where none is."""
        for group in candidates:
            boxes = [label_box(label) for label in group]
            if all(self.free(box) for box in boxes):
                self.taken += boxes
                self.placed += group
                return True
        return False


def _crosses(line: Segment, box: Bounds) -> bool:
    """Whether a line segment passes through a box grown by GAP (Liang and Barsky's clipping)."""
    (x1, y1), (x2, y2) = line[0], line[1]
    left, top, right, bottom = box[0] - GAP, box[1] - GAP, box[2] + GAP, box[3] + GAP
    enter, leave = 0.0, 1.0
    for p, q in ((x1 - x2, x1 - left), (x2 - x1, right - x1), (y1 - y2, y1 - top), (y2 - y1, bottom - y1)):
        if p == 0:
            if q < 0:
                return False
        elif p < 0:
            enter = max(enter, q / p)
        else:
            leave = min(leave, q / p)
    return enter <= leave


def _labels(
    frame: _Frame,
    room: _Room,
    row: TargetStatus,
    points: list[Point],
    tags: list[_Tag],
    lang: str,
    unit: str,
    since: date | None = None,
) -> list[str]:
    """Every label of the plot placed where it is free, most important first; what finds no place is handed
    back, as a line to say under the legend."""
    target, unplaced = row.target, []
    goal = with_unit(bare_target(target, lang), unit) if target.kind is Kind.NUMERIC and frame.scale else ""
    goal = goal if target.target is not None else ""
    known = [f"{word('ui.target', lang)} {goal}"] if goal else []
    known += [f"{word('ui.deadline', lang)} {target.deadline.isoformat()}"] if target.deadline else []
    if not points:  # said in the plot: that there is nothing of Dongguan's yet, and what the plan asks
        said = word("chart.no_figures", lang)
        if not room.place(_centred(frame, said, " · ".join(known))):
            unplaced.append(" · ".join([said, *known]))
    else:
        latest = points[-1]
        mark = QUALIFIER_MARKS[latest.qualifier] if latest.qualifier else ""
        text = with_unit(mark + number(latest.value), unit)
        where = _around(frame.x(latest.date), frame.y(latest.value), 3.5, text, 12, DONGGUAN)
        if not room.place(where):
            unplaced.append(f"{word('city.dongguan', lang)} {text}")
        if goal and not room.place(_along_level(frame, frame.y(target.target or 0.0), known[0])):
            unplaced.append(known[0])
        if target.deadline and not room.place(_along_upright(frame, frame.x(target.deadline), known[-1])):
            unplaced.append(known[-1])
    if since is not None:
        said = word("since.chart_mark", lang).format(since=since.isoformat())
        if not room.place(_along_upright(frame, frame.x(since), said)):
            unplaced.append(said)
    for tag in tags:
        if not room.place(tag.candidates):
            unplaced.append(tag.said)
    return unplaced


def _around(x: float, y: float, reach: float, text: str, size: float, colour: str) -> Iterator[tuple[Label]]:
    """A label beside a mark: right, left, above, below, then the corners, each farther out in turn."""
    lift, drop = 0.375 * size, 1.05 * size  # from a label's baseline to its middle, and to its top
    for far in (reach + GAP + 3, reach + 12, reach + 24, reach + 40):
        yield (Label(x + far, y + lift, text, size, colour, "start"),)
        yield (Label(x - far, y + lift, text, size, colour, "end"),)
        yield (Label(x, y - far - 0.3 * size, text, size, colour, "middle"),)
        yield (Label(x, y + far + drop, text, size, colour, "middle"),)
        for across, down in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
            baseline = y + far + drop if down > 0 else y - far - 0.3 * size
            yield (Label(x + across * far, baseline, text, size, colour, "start" if across > 0 else "end"),)


def _along_level(frame: _Frame, level: float, text: str) -> Iterator[tuple[Label]]:
    """The target's label over its line, or under it, from the right end leftwards."""
    x, width = frame.right - 4, text_width(text, 12)
    while x - width >= frame.left:
        yield (Label(x, level - GAP - 1 - 0.3 * 12, text, 12, TARGET, "end"),)
        yield (Label(x, level + GAP + 1 + 1.05 * 12, text, 12, TARGET, "end"),)
        x -= 16


def _along_upright(frame: _Frame, x: float, text: str) -> Iterator[tuple[Label]]:
    """The deadline's label beside its upright, right or left of it, from the top down."""
    y = frame.top + 1.05 * 11 + GAP
    while y <= frame.bottom:
        yield (Label(x + GAP + 3, y, text, 11, MUTED, "start"),)
        yield (Label(x - GAP - 3, y, text, 11, MUTED, "end"),)
        y += 13


def _centred(frame: _Frame, said: str, known: str) -> list[tuple[Label, ...]]:
    """The note of a plot without Dongguan's figures: near the middle, between gridlines where it can be."""
    grid = [frame.y(tick) for tick in frame.scale.ticks] if frame.scale else []
    middle, centre = (frame.left + frame.right) / 2, (frame.top + frame.bottom) / 2
    ranked: list[tuple[bool, float, tuple[Label, ...]]] = []
    for across in range(-4, 5):
        for down in range(-36, 37):
            x, y = middle + 60 * across, centre + 4 * down
            first = Label(x, y, said, 14, MUTED, "middle", bold=True)
            group = (first, Label(x, y + 20, known, 12, MUTED, "middle")) if known else (first,)
            top, bottom = y - 1.05 * 14 - GAP, group[-1].y + 0.3 * group[-1].size + GAP
            ranked.append((any(top <= line <= bottom for line in grid), abs(across) + abs(down) / 9, group))
    return [group for _, _, group in sorted(ranked, key=lambda item: item[:2])]


def _beside_arrow(frame: _Frame, note: _Note) -> Iterator[tuple[Label]]:
    """A note beside its arrow, right or left of it, moving away from the edge."""
    y = frame.top + 12 if note.up else frame.bottom - 6
    for step in range(12):
        shifted = y + 13 * step if note.up else y - 13 * step
        yield (Label(note.x + 7, shifted, note.text, 11, note.colour, "start"),)
        yield (Label(note.x - 7, shifted, note.text, 11, note.colour, "end"),)


# --- the legend, and what is said under it ------------------------------------------------------------------


def _legend(lang: str, dongguan: bool, goal: bool, baseline: bool, marks: list[Dot]) -> list[Shape]:
    """What each mark stands for, in rows as wide as the picture."""
    items: list[tuple[list[Shape], str]] = []
    if dongguan:
        sample: list[Shape] = [Line(((0, -4), (18, -4)), DONGGUAN, 2.25), Dot(9, -4, 3.5, DONGGUAN, DONGGUAN)]
        items.append((sample, word("city.dongguan", lang)))
    if goal:
        items.append(([Line(((0, -4), (18, -4)), TARGET, 1.5, "6 4")], word("ui.target", lang)))
    if baseline:
        items.append(([Dot(9, -4, 4.5, None, INK)], word("ui.baseline", lang)))
    for city in (City.GUANGZHOU, City.SHENZHEN):
        colour, shape = CITY_STYLE[city]
        if any(mark.stroke == colour for mark in marks):
            items.append(([Dot(9, -4, 4.5, colour, colour, shape)], word("city." + city.value, lang)))
    if any(mark.fill is None and mark.stroke != INK for mark in marks):
        items.append(([Dot(9, -4, 4.5, None, MUTED)], word("chart.related", lang)))
    y = HEIGHT - 30
    shapes: list[Shape] = [Box(TITLE_LEFT, y - 18, WIDTH - TITLE_LEFT - RIGHT, 0.75, RULE)]
    x = TITLE_LEFT
    for sample, whole in items:
        name = fit_text(whole, WIDTH - RIGHT - TITLE_LEFT - 24, 12)
        if x > TITLE_LEFT and x + 24 + text_width(name, 12) > WIDTH - RIGHT:
            x, y = TITLE_LEFT, y + 20
        shapes += [_moved(mark, x, y) for mark in sample]
        shapes.append(Label(x + 24, y, name, 12))
        x += 24 + text_width(name, 12) + 22
    return shapes


def _moved(shape: Shape, dx: float, dy: float) -> Shape:
    if isinstance(shape, Line):
        return shape._replace(points=tuple((x + dx, y + dy) for x, y in shape.points))
    if isinstance(shape, Dot):
        return shape._replace(x=shape.x + dx, y=shape.y + dy)
    return shape


def _footer(lines: list[str], last: float) -> tuple[list[Label], float]:
    """What found no place in the plot, under the legend (whose last row is at `last`); and the picture's
    height."""
    said: list[Label] = []
    for text in lines:
        for line in wrap_text(text, WIDTH - 2 * TITLE_LEFT, 11, 3):
            last += 18
            said.append(Label(TITLE_LEFT, last, line, 11, MUTED))
    return said, max(HEIGHT, last + 30)


# --- the time axis ------------------------------------------------------------------------------------------

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
