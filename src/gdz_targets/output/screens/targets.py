"""`gdz targets`: the plan's targets under their areas."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from gdz_targets.domain.model import (
    BENCHMARK_CITIES,
    Kind,
    Observation,
    Plan,
    Target,
)
from gdz_targets.domain.status import Figure
from gdz_targets.output.text import (
    RELATED_MARK,
    UNKNOWN,
    area_numbers,
    cities_legend,
    figure_value,
    target_value,
    unit_label,
    with_unit,
    word,
)
from gdz_targets.output.textwidth import wrap

from .layout import (
    NARROW,
    Cell,
    Column,
    cell,
    fit_columns,
    grid,
)


def targets_view(plan: Plan, targets: Sequence[Target], lang: str, width: int) -> Text:
    """The plan's targets under their areas: what each asks, by when, from what baseline, and Guangzhou's and
    Shenzhen's figures (≈ where they measure something related). Both cities show, or neither."""
    columns = [
        Column("id", word("ui.id", lang), 1),
        Column("title", word("ui.title", lang), 2, flexible=True, min_width=20, max_width=72),
        Column("target", word("ui.target", lang), 3, "right"),
        Column("deadline", word("ui.deadline", lang), 4),
        Column("baseline", word("ui.baseline", lang), 7, "right"),  # gives way before the cities: the mission
        Column("guangzhou", word("ui.gz", lang), 5, "right"),
        Column("shenzhen", word("ui.sz", lang), 6, "right"),
    ]
    numbers = area_numbers(plan)
    sections: list[tuple[str, list[dict[str, Cell]]]] = []
    for area_id in [*(area.id for area in plan.areas), None]:
        rows = [_target_row(plan, target, lang) for target in targets if target.area == area_id]
        if rows:
            area = plan.area(area_id) if area_id else None
            title = f"{numbers[area.id]} {area.title(lang)}" if area else word("ui.context_section", lang)
            sections.append((title, rows))
    step = 2 if width >= NARROW else 0
    every = [row for _, rows in sections for row in rows]
    fitted = fit_columns(columns, every, max(width - step, 1), blank=UNKNOWN)
    cities = [column for column, _ in fitted if column.key in ("guangzhou", "shenzhen")]
    if len(cities) == 1:  # one city alone would read as the only benchmark: room for both, or for neither
        others = [column for column in columns if column.key not in ("guangzhou", "shenzhen")]
        fitted = fit_columns(others, every, max(width - step, 1), blank=UNKNOWN)
    view = Text()
    for number, (title, rows) in enumerate(sections):
        view.append(("\n" if number else "") + "\n".join(wrap(title, width)) + "\n", style="bold")
        view.append_text(grid(fitted, rows, show_header=number == 0, indent=step))
    if {"guangzhou", "shenzhen"} & {column.key for column, _ in fitted}:
        related = any(target.related for target in targets)
        legend = [word("ui.legend_related", lang), cities_legend(lang)][0 if related else 1 :]
        view.append("\n" + "".join(line + "\n" for part in legend for line in wrap(part, width)), style="dim")
    return view


def _target_row(plan: Plan, target: Target, lang: str) -> dict[str, Cell]:
    unit = "" if target.kind is Kind.MILESTONE else unit_label(plan, target, lang)
    row = {
        "id": cell(target.id, "bold"),
        "title": cell(target.title(lang)),
        "target": cell(UNKNOWN if target.kind is Kind.CONTEXT else target_value(plan, target, lang)),
        "deadline": cell(target.deadline.isoformat() if target.deadline else UNKNOWN),
        "baseline": cell(_observation(target, target.baseline, unit, lang)),
    }
    for city in BENCHMARK_CITIES:
        figure = _observation(target, target.benchmarks.get(city), unit, lang)
        related = target.is_related(city) and figure != UNKNOWN  # ≈ marks a figure, never an absent one
        row[city.value] = cell(RELATED_MARK + figure if related else figure, "dim" if related else "")
    return row


def _observation(target: Target, observation: Observation | None, unit: str, lang: str) -> str:
    """A sourced figure with its unit, its date below it (a narrower column): `>400 items` / `2021-10`."""
    if observation is None:
        return UNKNOWN
    figure = Figure.from_plan(observation)
    return f"{with_unit(figure_value(target, figure, lang), unit)}\n{figure.as_of}"
