"""Charts read as their readers read them: axes that follow the measure (first place at the top, whole ticks for
ranks, tiers and counts), an axis scaled to Dongguan's figures and the target (a huge related figure is a note
at the edge), markers that never hide each other, labels whose boxes never meet or leave the picture — for
every target of the shipped plan with the published figures, in both languages, and for hostile ones — a
plot without figures that says so, and table pictures whose columns hold their cells."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdz_targets.domain.model import City, History, Kind, Plan, Series
from gdz_targets.domain.status import TargetStatus, target_status
from gdz_targets.output.chart import DONGGUAN, chart_picture
from gdz_targets.output.drawing import RULE, Dot, Label, Line, Picture, text_width, to_svg
from gdz_targets.store.plan_file import load_plan

from .conftest import FIXTURE_PLAN, ROOT, Gdz

SHIPPED = load_plan(ROOT / "data" / "targets.toml")
FIXTURE = load_plan(FIXTURE_PLAN)
SVG = "{http://www.w3.org/2000/svg}"
Box = tuple[float, float, float, float]


# --- reading a picture back ---------------------------------------------------------------------------------


def _label_box(label: Label) -> Box:
    """Where a label's ink can be: its estimated width placed by its anchor, an em and a bit above its
    baseline and a third of an em below (the PNG test below checks the real font stays inside)."""
    width = text_width(label.text, label.size, label.bold)
    left = label.x - {"start": 0.0, "middle": width / 2, "end": width}[label.anchor]
    return left, label.y - 1.05 * label.size, left + width, label.y + 0.3 * label.size


def _dot_box(dot: Dot) -> Box:
    reach = dot.radius * {"circle": 1.0, "square": 0.9, "diamond": 1.25}[dot.shape]
    return dot.x - reach, dot.y - reach, dot.x + reach, dot.y + reach


def _meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crosses(line: Line, box: Box) -> bool:
    """Whether a polyline passes through a box (sampled every half point: lines here are short and straight)."""
    for (x1, y1), (x2, y2) in itertools.pairwise(line.points):
        steps = max(int(max(abs(x2 - x1), abs(y2 - y1)) * 2), 1)
        for n in range(steps + 1):
            x, y = x1 + (x2 - x1) * n / steps, y1 + (y2 - y1) * n / steps
            if box[0] < x < box[2] and box[1] < y < box[3]:
                return True
    return False


def assert_laid_out(picture: Picture, what: object = "") -> None:
    """No label leaves the picture, meets another label or a marker, or is crossed by a drawn line (the light
    gridlines aside); no marker of one series covers another's."""
    labels = [shape for shape in picture.shapes if isinstance(shape, Label) and shape.text]
    dots = [shape for shape in picture.shapes if isinstance(shape, Dot)]
    lines = [shape for shape in picture.shapes if isinstance(shape, Line) and shape.stroke != RULE]
    for label in labels:
        left, top, right, bottom = _label_box(label)
        assert left >= 0 and top >= 0 and right <= picture.width and bottom <= picture.height, (what, label)
        assert not [dot for dot in dots if _meet(_label_box(label), _dot_box(dot))], (what, label)
        assert not [line for line in lines if _crosses(line, _label_box(label))], (what, label)
    for a, b in itertools.combinations(labels, 2):
        assert not _meet(_label_box(a), _label_box(b)), (what, a, b)
    for one, other in itertools.combinations(dots, 2):
        if (one.fill, one.stroke, one.shape) != (
            other.fill,
            other.stroke,
            other.shape,
        ):  # a series' own may touch
            assert not _meet(_dot_box(one), _dot_box(other)), (what, one, other)


def _svg(picture: Picture) -> ElementTree.Element:
    return ElementTree.fromstring(to_svg(picture))


def _texts(picture: Picture) -> list[str]:
    return [element.text or "" for element in _svg(picture).iter(f"{SVG}text")]


def _dongguan_marks(picture: Picture) -> list[tuple[float, float]]:
    """Dongguan's marks as the SVG places them, left to right (the legend's sample, below the plot, left out)."""
    circles = [element for element in _svg(picture).iter(f"{SVG}circle") if element.get("fill") == DONGGUAN]
    marks = sorted((float(c.get("cx") or 0), float(c.get("cy") or 0)) for c in circles)
    return [mark for mark in marks if mark[1] < picture.height - 60]


def _ticks(picture: Picture) -> dict[float, str]:
    """The value axis's tick labels by their height: the labels left of where a gridline starts, at its height."""
    grid = {line.points[0] for line in picture.shapes if isinstance(line, Line) and line.stroke == RULE}
    return {
        label.y: label.text
        for label in picture.shapes
        if isinstance(label, Label) and any(label.x < x and abs(label.y - 4 - y) < 0.01 for x, y in grid)
    }


def _history(entries: Sequence[tuple[str, City, date, float]]) -> History:
    grouped: dict[tuple[str, City], list[tuple[date, float]]] = {}
    for target, city, day, value in sorted(entries, key=lambda entry: entry[2]):
        grouped.setdefault((target, city), []).append((day, value))
    return History(
        {
            key: Series([day.toordinal() for day, _ in found], [value for _, value in found])
            for key, found in grouped.items()
        }
    )


def _chart(plan: Plan, target_id: str, history: History, as_of: date, lang: str) -> Picture:
    target = plan.target(target_id)
    assert target is not None
    row: TargetStatus = target_status(plan, target, history, as_of)
    return chart_picture(plan, row, history.of(target_id, City.DONGGUAN).points(as_of), as_of, lang)


def _published(gdz: Gdz) -> History:
    """The history of the published figures, imported as a person imports them."""
    from gdz_targets.app import Session

    imported = gdz("import", str(ROOT / "data" / "published.csv"), env={"GDZ_TODAY": "2026-12-01"})
    assert imported.exit_code == 0, imported
    return Session().history()


# --- every chart of the shipped plan ------------------------------------------------------------------------


@pytest.mark.parametrize("as_of", [date(2024, 6, 30), date(2026, 12, 1)])
def test_every_shipped_chart_keeps_its_labels_apart_and_inside(gdz: Gdz, as_of: date) -> None:
    history = _published(gdz)
    drawn = 0
    for target in SHIPPED.targets:
        if target.kind is Kind.MILESTONE:
            continue
        for lang in ("zh", "en"):
            assert_laid_out(_chart(SHIPPED, target.id, history, as_of, lang), (target.id, lang))
            drawn += 1
    assert drawn >= 40


def test_the_target_and_deadline_labels_no_longer_meet(gdz: Gdz) -> None:
    """The two targets whose labels overwrote each other: both labels drawn, whole, apart."""
    history = _published(gdz)
    for target_id in ("hotline-resolution-rate", "e-licence-top100"):
        for lang in ("zh", "en"):
            history_with = _history([(target_id, City.DONGGUAN, date(2024, 12, 31), 95)])
            picture = _chart(
                SHIPPED, target_id, History({**history, **history_with}), date(2026, 12, 1), lang
            )
            texts = _texts(picture)
            words = ("目标 ", "期限 ") if lang == "zh" else ("target ", "deadline ")
            assert all(sum(text.startswith(word) for text in texts) == 1 for word in words), texts
            assert_laid_out(picture, (target_id, lang))


# --- the axis follows the measure ---------------------------------------------------------------------------


def test_a_rank_rising_from_16th_to_12th_rises_on_the_chart() -> None:
    history = _history([("national-ranking", City.DONGGUAN, date(2023, 12, 31), 16),
                        ("national-ranking", City.DONGGUAN, date(2024, 12, 31), 12)])  # fmt: skip
    for lang in ("zh", "en"):
        picture = _chart(SHIPPED, "national-ranking", history, date(2025, 6, 30), lang)
        (_, worse), (_, better) = _dongguan_marks(picture)
        assert better < worse  # 12th above 16th: SVG's y grows downwards
        ticks = _ticks(picture)
        assert all(text.isdigit() for text in ticks.values()), ticks
        by_height = [int(ticks[y]) for y in sorted(ticks)]
        assert by_height == sorted(by_height)  # smaller ranks higher up
        assert ("越靠上越好" if lang == "zh" else "best at the top") in " ".join(_texts(picture))
        assert_laid_out(picture, lang)


def test_a_tier_axis_has_whole_tiers_first_on_top(gdz: Gdz) -> None:
    history = _published(gdz)
    picture = _chart(SHIPPED, "provincial-tier", history, date(2026, 12, 1), "zh")
    ticks = _ticks(picture)
    assert set(ticks.values()) == {"1", "2", "3"}, ticks  # never 0.5 or 1.5 on a tier scale
    assert ticks[min(ticks)] == "1"


def test_a_duration_where_lower_is_better_rises_from_zero_and_says_so() -> None:
    """Days are an amount: upright from zero (a turned axis would draw 0 days tallest), said to be better low."""
    history = _history([("wait-days", City.DONGGUAN, date(2025, 3, 31), 9)])
    for lang, said in (("zh", "越低越好"), ("en", "lower is better")):
        picture = _chart(FIXTURE, "wait-days", history, date(2025, 6, 30), lang)
        ticks = _ticks(picture)
        assert ticks[max(ticks)] == "0"
        assert any(said in text for text in _texts(picture))


# Ranks, a tier, counts and a share, each with a target or none.
SERIES_TARGETS = ["national-ranking", "provincial-tier", "hotline-quality-rank", "little-giants", "cross-city-total",
                  "hotline-resolution-rate"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    target_id=st.sampled_from(SERIES_TARGETS),
    values=st.lists(st.integers(1, 100), min_size=1, max_size=12),
    start=st.dates(date(2021, 1, 1), date(2025, 1, 1)),
    gap=st.integers(1, 400),
    lang=st.sampled_from(["zh", "en"]),
)
def test_any_series_has_whole_ticks_for_whole_units_and_labels_apart(
    target_id: str, values: list[int], start: date, gap: int, lang: str
) -> None:
    target = SHIPPED.target(target_id)
    assert target is not None
    unit = SHIPPED.unit_of(target)
    entries = [(target_id, City.DONGGUAN, date.fromordinal(start.toordinal() + n * gap), value)
               for n, value in enumerate(values)]  # fmt: skip
    picture = _chart(SHIPPED, target_id, _history(entries), date(2026, 12, 1), lang)
    if unit is not None and unit.integer:
        assert all(text.isdigit() for text in _ticks(picture).values()), _ticks(picture)
    assert_laid_out(picture, (target_id, values))


# --- an axis scaled to Dongguan's figures -------------------------------------------------------------------


def test_a_huge_related_figure_is_a_note_at_the_edge_not_a_squashed_line() -> None:
    history = _history([("industrial-space", City.DONGGUAN, date(2023, 3, 31), 200),
                        ("industrial-space", City.DONGGUAN, date(2023, 6, 30), 500),
                        ("industrial-space", City.DONGGUAN, date(2023, 9, 30), 800),
                        ("industrial-space", City.SHENZHEN, date(2023, 6, 30), 100_000)])  # fmt: skip
    for lang, related in (("zh", "相关口径"), ("en", "related measure")):
        picture = _chart(SHIPPED, "industrial-space", history, date(2023, 12, 31), lang)
        grid = [
            shape.points[0][1] for shape in picture.shapes if isinstance(shape, Line) and shape.stroke == RULE
        ]
        heights = [y for _, y in _dongguan_marks(picture)]
        share = (max(heights) - min(heights)) / (max(grid) - min(grid))
        assert share >= 0.45  # 200 to 800 on an axis of 0 to 1000 or so, not 0 to 100000
        note = [text for text in _texts(picture) if "≈100000" in text]
        assert len(note) == 1 and related in note[0] and ("深圳" if lang == "zh" else "Shenzhen") in note[0]
        assert "100000" not in _ticks(picture).values()
        assert_laid_out(picture, lang)


def test_a_related_figure_within_the_axis_is_drawn_hollow_in_place(gdz: Gdz) -> None:
    picture = _chart(SHIPPED, "hotline-resolution-rate", _published(gdz), date(2026, 12, 1), "zh")
    hollow = [
        dot for dot in picture.shapes if isinstance(dot, Dot) and dot.fill is None and dot.shape == "diamond"
    ]
    assert len(hollow) == 1 and hollow[0].y < 200  # Shenzhen's ≈>99%, near the top of 0–100%
    assert "≈>99" in _texts(picture)  # with its bound, as the source states it


# --- markers and a plot without figures ---------------------------------------------------------------------


def test_two_cities_on_one_day_at_one_figure_both_show(gdz: Gdz) -> None:
    """Guangzhou's and Shenzhen's tier 1 of 2023, on the same day and figure: side by side, not one on the other."""
    picture = _chart(SHIPPED, "provincial-tier", _published(gdz), date(2024, 6, 30), "zh")
    plotted = [dot for dot in picture.shapes if isinstance(dot, Dot) and dot.y < picture.height - 60]
    square, diamond = (next(dot for dot in plotted if dot.shape == shape) for shape in ("square", "diamond"))
    assert square.y == diamond.y and not _meet(_dot_box(square), _dot_box(diamond))
    assert abs(square.x - diamond.x) < 20  # still at its day, within a few days
    assert_laid_out(picture)


@pytest.mark.parametrize(("lang", "said", "known"), [
    ("zh", "东莞尚无数据", "目标 >1000项 · 期限 2023-12-31"),
    ("en", "No figures for Dongguan yet", "target >1000 items · deadline 2023-12-31"),
])  # fmt: skip
def test_a_chart_without_figures_says_so_with_the_target_and_deadline(
    lang: str, said: str, known: str
) -> None:
    picture = _chart(SHIPPED, "cross-city-total", History({}), date(2026, 12, 1), lang)
    texts = _texts(picture)
    assert said in texts and known in texts
    assert picture.height == 420  # in the plot, not under the legend
    assert_laid_out(picture)


def test_a_context_indicator_without_anything_says_so() -> None:
    target = SHIPPED.target("business-entities")
    assert target is not None
    plan = SHIPPED._replace(targets=(target._replace(baseline=None),))
    picture = _chart(plan, "business-entities", History({}), date(2026, 12, 1), "zh")
    assert "东莞尚无数据" in _texts(picture) and not _ticks(picture)  # no made-up scale either
    assert_laid_out(picture)


# --- hostile charts -----------------------------------------------------------------------------------------


def _hostile(title: str, unit_text: str) -> Plan:
    targets = tuple(
        t._replace(title_zh=title + t.title_zh, title_en=title + t.title_en) for t in FIXTURE.targets
    )
    units = {
        key: unit._replace(zh=unit.zh + unit_text, en=unit.en + unit_text)
        for key, unit in FIXTURE.units.items()
    }
    return FIXTURE._replace(targets=targets, units=units)


HOSTILE_SERIES = {
    "edges": [(date(2024, 1, 1), 0.0), (date(2024, 6, 30), 100.0), (date(2025, 6, 30), 99.99)],
    "huge": [(date(2024, 1, 1), 1e14), (date(2025, 3, 31), 9.99e14)],
    "negative": [(date(2024, 1, 1), -5e9), (date(2025, 3, 31), 3.0)],
    "tiny": [(date(2024, 1, 1), 1e-7), (date(2025, 3, 31), 2e-7)],
    "many": [(date.fromordinal(date(2023, 1, 1).toordinal() + 3 * n), float(n % 37)) for n in range(200)],
    "years": [(date(1990 + n, 6, 30), float(n)) for n in range(35)],
    "one day": [(date(2025, 3, 31), 50.0)],
}


@pytest.mark.parametrize("series", sorted(HOSTILE_SERIES))
@pytest.mark.parametrize("title", ["", "很长的标题" * 80, "W" * 400, "<&>" * 50])
def test_hostile_charts_keep_their_labels_apart_and_inside(series: str, title: str) -> None:
    plan = _hostile(title, "单位" * 30 if title else "")
    figures = HOSTILE_SERIES[series]
    for target_id in ("pass-rate", "wait-days", "space-started", "entities", "tier"):
        entries = [(target_id, City.DONGGUAN, day, value) for day, value in figures]
        entries += [(target_id, City.SHENZHEN, figures[-1][0], figures[-1][1]),
                    (target_id, City.GUANGZHOU, figures[-1][0], figures[-1][1])]  # fmt: skip
        for lang in ("zh", "en"):
            picture = _chart(plan, target_id, _history(entries), date(2025, 6, 30), lang)
            assert_laid_out(picture, (series, target_id, lang))
            assert picture.height < 700


def test_many_years_are_labelled_without_touching() -> None:
    """21 years, one label each, do not fit side by side: every second one is labelled."""
    target = SHIPPED.target("little-giants")
    assert target is not None
    plan = SHIPPED._replace(targets=(target._replace(baseline=None),))
    history = _history([("little-giants", City.DONGGUAN, date(2003 + n, 12, 31), 100 + n) for n in range(18)])
    picture = _chart(plan, "little-giants", history, date(2025, 6, 30), "en")
    years = [label for label in picture.shapes if isinstance(label, Label) and label.text.isdigit()
             and len(label.text) == 4 and label.anchor == "middle"]  # fmt: skip
    assert 6 <= len(years) < 21
    assert_laid_out(picture)


# --- the entries picture ------------------------------------------------------------------------------------


def _rows(svg: ElementTree.Element) -> dict[float, list[Label]]:
    """The picture's texts as labels, by the height of their row."""
    rows: dict[float, list[Label]] = {}
    for element in svg.iter(f"{SVG}text"):
        size = float(element.get("font-size") or 0)
        label = Label(float(element.get("x") or 0), float(element.get("y") or 0), element.text or "", size,
                      anchor=element.get("text-anchor") or "start", bold=element.get("font-weight") == "bold")  # type: ignore[arg-type]  # fmt: skip
        rows.setdefault(label.y, []).append(label)
    return rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_cell_of_the_entries_picture_stays_in_its_column(gdz: Gdz, lang: str) -> None:
    _published(gdz)
    svg = ElementTree.fromstring(gdz("export", "entries", "-f", "svg", "--lang", lang).stdout)
    width = float(svg.get("width") or 0)
    rows = [row for row in _rows(svg).values() if len(row) >= 5]  # the heading row and each entry's
    assert len(rows) >= 17
    ids = [
        label.text for row in rows for label in row if len(label.text) == 26 and label.text.startswith("01M8")
    ]
    assert len(ids) == 16  # every id whole
    for row in rows:
        boxes = sorted(_label_box(label) for label in row if label.text)
        assert all(box[0] >= 0 and box[2] <= width for box in boxes), row
        for left, right in itertools.pairwise(boxes):
            assert left[2] + 6 <= right[0], (left, right, row)  # a gap between columns, never an overlap
