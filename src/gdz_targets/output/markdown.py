"""Markdown reports, ready to paste into a briefing: per-area tables, summary counts and scores."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from gdz_targets.domain.model import BENCHMARK_CITIES, City, Entry, Kind, Plan, Target
from gdz_targets.domain.status import Figure, StatusReport, TargetStatus
from gdz_targets.output.text import (
    area_numbers,
    area_score,
    bare_target,
    city_figure,
    figure_value,
    milestone_state,
    number,
    period_or_as_of,
    score_text,
    score_value,
    signed,
    status_detail,
    status_text,
    unit_label,
    with_unit,
)

from .text import RELATED_MARK, UNKNOWN, word
from .textwidth import printable

if TYPE_CHECKING:
    from gdz_targets.domain.movement import Movement

# What a Markdown renderer would act on in text from the plan or the log, made literal: a tag or an entity
# (HTML-escaped); a link, an image, emphasis, strikethrough, code, math, a heading's closing #, a table's
# pipe (backslash-escaped; the backslash first, since the others add one). `>` opens nothing inside a line,
# but is escaped with its pair all the same.
_ENTITIES: Final = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_SIGNS: Final = "\\`*_~[]|$#"


def md(text: str) -> str:
    """Text from the plan or the log as Markdown that shows it as it is and runs or fetches nothing; control
    characters shown as escapes, so that it stays on its line of the table."""
    text = printable(text)
    for sign, entity in _ENTITIES:  # a few passes at C speed: faster than one of str.translate
        text = text.replace(sign, entity)
    for sign in _SIGNS:
        text = text.replace(sign, "\\" + sign)
    return text


def _table(header: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> list[str]:
    """A table of cells that are Markdown already (gdz's own words, and the plan's and log's through `md`)."""
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _unit(plan: Plan, target: Target, lang: str) -> str:
    return "" if target.kind is Kind.MILESTONE else md(unit_label(plan, target, lang))


def _target_value(plan: Plan, target: Target, lang: str) -> str:
    """What the target asks, as `text.target_value` says it, its unit (the plan's) made literal."""
    if target.kind is Kind.CONTEXT:
        return UNKNOWN
    return with_unit(bare_target(target, lang), _unit(plan, target, lang))


def _status_row(plan: Plan, row: TargetStatus, lang: str) -> list[str]:
    target = row.target
    current = with_unit(figure_value(target, row.current, lang), _unit(plan, target, lang))
    if row.current is not None:
        current += f" ({row.current.as_of})"
    by_city = {benchmark.city: benchmark for benchmark in row.benchmarks}
    cities = []
    for city in BENCHMARK_CITIES:
        benchmark = by_city.get(city)
        gap = f" ({signed(benchmark.gap)})" if benchmark is not None and benchmark.gap is not None else ""
        cities.append(city_figure(target, row, city, lang) + gap)
    parts = (status_text(row.status, lang), status_detail(row, lang))
    status = " · ".join(part for part in parts if part)
    return [
        f"{md(target.title(lang))} (`{target.id}`)",  # an id is [a-z0-9-]: safe in a code span
        current,
        _target_value(plan, target, lang),
        signed(row.gap_to_target),
        *cities,
        score_value(row.score.value) if target.kind is not Kind.CONTEXT else "",
        target.deadline.isoformat() if target.deadline else UNKNOWN,
        status,
    ]


def status_markdown(report: StatusReport, lang: str, moved: Movement | None = None) -> str:
    """The status report as a briefing in Markdown; with `moved`, for the period since an earlier day: what
    moved first, each area's score then → now and each target's change."""
    plan = report.plan
    header = [
        word(key, lang)
        for key in (
            "ui.target_col",
            "ui.current",
            "ui.target",
            "ui.gap",
            "city.guangzhou",
            "city.shenzhen",
            "ui.score",
            "ui.deadline",
            "ui.status",
        )
    ]
    whole = score_text(report.aggregate, lang)
    intro = word("ui.md_intro", lang).format(as_of=report.as_of.isoformat(), score=whole)
    lines = [f"# {md(plan.meta.title(lang))}", "", intro, ""]
    changes: dict[str, list[str]] = {}  # a target's change cell, in a last column, since an earlier day
    if moved is not None:
        from .changes import change_cells, movement_lines

        period = period_or_as_of(report.as_of, moved.since, lang)
        lines[2] = word("since.md_intro", lang).format(period=period, score=whole)
        lines += [f"## {word('since.label', lang)}", ""]
        lines += [f"- {md(line)}" for line, _ in movement_lines(moved, lang)] + [""]
        header.append(word("since.column", lang))
        changes = {target: [md(cell)] for target, cell in change_cells(plan, moved, report.all_targets(),
                                                                          lang).items()}  # fmt: skip
    align = "lrrrrrrll" + ("l" if changes else "")

    def row_cells(row: TargetStatus) -> list[str]:
        return _status_row(plan, row, lang) + changes.get(row.target.id, [])

    counts = [(status_text(status, lang), str(count)) for status, count in report.counts.items() if count]
    lines += [*_table([word("ui.status", lang), word("ui.count", lang)], "lr", counts), ""]
    numbers = area_numbers(plan)
    for area in report.areas:
        area_info = plan.area(area.area_id)
        assert area_info is not None
        score = area_score(area.area_id, area.aggregate, lang, moved)
        lines += [f"## {numbers[area.area_id]}. {md(area_info.title(lang))} — {score}", ""]
        lines += [*_table(header, align, [row_cells(row) for row in area.targets]), ""]
    if report.context:
        lines += [f"## {word('ui.context_section', lang)}", ""]
        lines += [*_table(header, align, [row_cells(row) for row in report.context]), ""]
    lines.append(f"_{word('ui.score_method', lang)}_")
    return "\n".join(lines) + "\n"


def entries_markdown(plan: Plan, entries: Sequence[Entry], lang: str) -> str:
    header = [
        word(key, lang) for key in ("ui.date", "ui.target_col", "ui.city", "ui.value", "ui.by", "ui.note")
    ]
    rows = []
    for entry in entries:
        target = plan.target(entry.target)
        milestone = target is not None and target.kind is Kind.MILESTONE
        value = milestone_state(entry.value, lang) if milestone else number(entry.value, 6)
        unit = "" if target is None else _unit(plan, target, lang)
        note = " · ".join(md(part) for part in (entry.note, entry.source) if part)
        rows.append(
            [
                entry.date.isoformat(),
                md(entry.target),  # the log's: an unknown target is shown as it was written
                word("city." + entry.city.value, lang),
                with_unit(value, unit),
                md(entry.recorded_by),
                note,
            ]
        )
    return "\n".join(_table(header, "lllrll", rows)) + "\n"


def targets_markdown(plan: Plan, targets: Sequence[Target], lang: str) -> str:
    header = [
        word(key, lang)
        for key in (
            "ui.target_col",
            "ui.title",
            "ui.target",
            "ui.deadline",
            "city.guangzhou",
            "city.shenzhen",
        )
    ]
    rows = []
    for target in targets:
        cities = [_plan_city_figure(target, city, lang) for city in BENCHMARK_CITIES]
        rows.append(
            [
                f"`{target.id}`",
                md(target.title(lang)),
                _target_value(plan, target, lang),
                target.deadline.isoformat() if target.deadline else UNKNOWN,
                *cities,
            ]
        )
    return f"# {md(plan.meta.title(lang))}\n\n" + "\n".join(_table(header, "llrlrr", rows)) + "\n"


def _plan_city_figure(target: Target, city: City, lang: str) -> str:
    """The plan's figure for a city as every output writes it: `≈>=90` for a related measure, — if none."""
    observation = target.benchmarks.get(city)
    if observation is None:
        return UNKNOWN
    mark = RELATED_MARK if target.is_related(city) else ""
    return mark + figure_value(target, Figure.from_plan(observation), lang)
