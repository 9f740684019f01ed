"""Markdown reports, ready to paste into a briefing: per-area tables, summary counts and scores."""

from __future__ import annotations

from collections.abc import Sequence

from gdz_targets.domain.model import BENCHMARK_CITIES, City, Entry, Kind, Plan, Target
from gdz_targets.domain.status import Figure, StatusReport, TargetStatus

from . import text as d
from .text import UNKNOWN, word
from .textwidth import printable


def _cell(text: str) -> str:
    """Table-safe: pipes escaped, line breaks as <br>."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def _table(header: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(cell) for cell in header) + " |"]
    lines.append("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def _status_row(plan: Plan, row: TargetStatus, lang: str) -> list[str]:
    target = row.target
    unit = "" if target.kind is Kind.MILESTONE else d.unit_label(plan, target, lang)
    current = d.with_unit(d.figure_value(target, row.current, lang), unit)
    if row.current is not None:
        current += f" ({row.current.as_of})"
    by_city = {benchmark.city: benchmark for benchmark in row.benchmarks}
    cities = []
    for city in BENCHMARK_CITIES:
        benchmark = by_city.get(city)
        gap = f" ({d.signed(benchmark.gap)})" if benchmark is not None and benchmark.gap is not None else ""
        cities.append(d.city_figure(target, row, city, lang) + gap)
    parts = (d.status_text(row.status, lang), d.status_detail(row, lang))
    status = " · ".join(part for part in parts if part)
    return [
        f"{target.title(lang)} (`{target.id}`)",
        current,
        UNKNOWN if target.kind is Kind.CONTEXT else d.target_value(plan, target, lang),
        d.signed(row.gap_to_target),
        *cities,
        d.score_value(row.score.value) if target.kind is not Kind.CONTEXT else "",
        target.deadline.isoformat() if target.deadline else UNKNOWN,
        status,
    ]


def status_markdown(report: StatusReport, lang: str) -> str:
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
    lines = [
        f"# {plan.meta.title(lang)}",
        "",
        word("ui.md_intro", lang).format(
            as_of=report.as_of.isoformat(),
            score=d.score_text(report.aggregate, lang),
        ),
        "",
    ]
    counts = [(d.status_text(status, lang), str(count)) for status, count in report.counts.items() if count]
    lines += [*_table([word("ui.status", lang), word("ui.count", lang)], "lr", counts), ""]
    numbers = d.area_numbers(plan)
    for area in report.areas:
        area_info = plan.area(area.area_id)
        assert area_info is not None
        score = d.score_text(area.aggregate, lang)
        lines += [f"## {numbers[area.area_id]}. {area_info.title(lang)} — {score}", ""]
        lines += [*_table(header, "lrrrrrrll", [_status_row(plan, row, lang) for row in area.targets]), ""]
    if report.context:
        lines += [f"## {word('ui.context_section', lang)}", ""]
        lines += [*_table(header, "lrrrrrrll", [_status_row(plan, row, lang) for row in report.context]), ""]
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
        value = d.milestone_state(entry.value, lang) if milestone else d.number(entry.value, 6)
        unit = "" if milestone or target is None else d.unit_label(plan, target, lang)
        note = " · ".join(printable(part) for part in (entry.note, entry.source) if part)
        rows.append(
            [
                entry.date.isoformat(),
                entry.target,
                word("city." + entry.city.value, lang),
                d.with_unit(value, unit),
                printable(entry.recorded_by),
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
        cities = [d.figure_value(target, _plan_figure(target, city), lang) for city in BENCHMARK_CITIES]
        rows.append(
            [
                f"`{target.id}`",
                target.title(lang),
                UNKNOWN if target.kind is Kind.CONTEXT else d.target_value(plan, target, lang),
                target.deadline.isoformat() if target.deadline else UNKNOWN,
                *cities,
            ]
        )
    return f"# {plan.meta.title(lang)}\n\n" + "\n".join(_table(header, "llrlrr", rows)) + "\n"


def _plan_figure(target: Target, city: City) -> Figure | None:
    observation = target.benchmarks.get(city)
    return Figure.from_plan(observation) if observation is not None else None
