"""`gdz show`: one target in full — what the plan asks and where, where it stands, its score and history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from gdz_targets.domain.model import (
    BENCHMARK_CITIES,
    City,
    Entry,
    Kind,
    Plan,
    Point,
    Target,
    Void,
)
from gdz_targets.domain.status import Benchmark, Figure, Status, TargetStatus
from gdz_targets.output.text import (
    RELATED_MARK,
    STATUS_STYLE,
    UNKNOWN,
    area_numbers,
    days_text,
    figure_value,
    gap_words,
    joined,
    number,
    percent,
    progress_bar,
    score_value,
    signed,
    source_text,
    status_detail,
    status_text,
    target_gap_words,
    target_value,
    unit_label,
    with_unit,
    word,
)
from gdz_targets.output.textwidth import width_of, wrap

if TYPE_CHECKING:  # loaded only when what moved since an earlier day is asked for (`--since`)
    from gdz_targets.domain.movement import TargetMovement

from .history import history_table
from .layout import (
    ADDRESS,
    NARROW,
    Cell,
    Column,
    cell,
    grid,
)


def show_view(
    report_row: TargetStatus,
    plan: Plan,
    lang: str,
    series: Sequence[Point],
    records: Sequence[Entry],
    voided: dict[str, Void],
    width: int,
    change: TargetMovement | None = None,
    owners: Sequence[tuple[str, str]] | None = None,
) -> Text:
    """One target in full: what the plan asks and where it says so, who owns it (where the workspace says),
    where it stands (and, with `change`, what moved since an earlier day), how the score is formed, the
    Guangzhou and Shenzhen figures with their sources, and every entry. `owners`: (name, role) pairs, leads
    first; None where the workspace declares no owners."""
    width = max(width, 1)
    target = report_row.target
    facts = _target_facts(report_row, plan, lang, series, change)
    if owners is not None:  # after the area: who in the city answers for the target
        named = [word("owners.named", lang).format(name=name, role=word("role." + role, lang))
                 for name, role in owners]  # fmt: skip
        shown = cell(joined(named, lang)) if named else cell(word("owners.none_for", lang), "yellow")
        facts.insert(2, {"label": [(word("owners.label", lang), "bold")], "value": shown})
    label_width = max(width_of(row["label"][0][0]) for row in facts)
    view = Text()
    for line in wrap(target.id, width):
        view.append(line + "\n", style="bold")
    if width >= label_width + 2 + NARROW:  # labels in a column beside their values
        fitted = [
            (Column("label", "", 1), label_width),
            (Column("value", "", 2, flexible=True), width - label_width - 2),
        ]
        view.append_text(grid(fitted, facts, show_header=False, gap=2))
    else:  # too narrow for two columns: each label above its value
        for fact in facts:
            for text, style in [*fact["label"], *fact["value"]]:
                for piece in wrap(text, width):
                    view.append(piece + "\n", style=style)
    view.append("\n" + "\n".join(wrap(word("ui.history", lang), width)) + "\n", style="bold")
    if records:
        view.append_text(history_table(plan, records, voided, lang, width, show_target=False))
    else:
        view.append("\n".join(wrap(word("ui.no_entries", lang), width)) + "\n", style="dim")
    return view


Fact = tuple[str, Cell]  # a label's catalogue key, and the value's lines


def _target_facts(
    report_row: TargetStatus, plan: Plan, lang: str, series: Sequence[Point], change: TargetMovement | None
) -> list[dict[str, Cell]]:
    """The label and value lines of `gdz show`: what the plan asks, then where the target stands, then what
    moved since an earlier day, where one is asked for."""
    facts = [*_plan_facts(report_row, plan, lang), *_standing_facts(report_row, plan, lang, series)]
    if change is not None:
        from gdz_targets.output.changes import change_sentence

        facts.append(
            ("since.show_label", cell(change_sentence(plan, change, lang), "bold" if change.moved else ""))
        )
    return [{"label": [(word(label, lang), "bold")], "value": value} for label, value in facts]


def _plan_facts(row: TargetStatus, plan: Plan, lang: str) -> list[Fact]:
    """What the plan says: titles, area, kind and weight, the source and its quote, baseline, target."""
    target = row.target
    shown_unit = "" if target.kind is Kind.MILESTONE else unit_label(plan, target, lang)
    area = plan.area(target.area) if target.area else None
    numbers = area_numbers(plan)
    kind = word("kind." + target.kind.value, lang)
    if target.kind is Kind.NUMERIC:
        kind += " · " + word("direction." + target.direction.value, lang)
    if target.group:
        weight = number(row.weight)
        kind += " · " + word("ui.in_group", lang).format(group=target.group, weight=weight)
    facts: list[Fact] = [
        ("ui.title", cell(f"{target.title_zh}\n{target.title_en}")),
        ("ui.area", cell(f"{numbers[area.id]} {area.title(lang)}" if area else word("ui.context", lang))),
        ("ui.kind", cell(kind)),
        ("ui.source", _quoted(plan, target.source, target.quote, lang)),
    ]
    if target.note:
        facts.append(("ui.note", cell(target.note.in_lang(lang), "dim")))
    if target.continues:
        facts.append(("ui.continues", cell(target.continues)))
    later = [other.id for other in plan.targets if other.continues == target.id]
    if later:
        facts.append(("ui.continued_by", cell(joined(later, lang))))
    if target.baseline is not None:
        baseline = Figure.from_plan(target.baseline)
        shown = f"{with_unit(figure_value(target, baseline, lang), shown_unit)} ({baseline.as_of})"
        quoted = _quoted(plan, target.baseline.source, target.baseline.quote, lang)
        facts.append(("ui.baseline", [*cell(shown), *quoted]))
    if target.kind is not Kind.CONTEXT:
        goal = target_value(plan, target, lang)
        if target.target_strict:
            goal += " " + word("ui.strict", lang)
        facts += [("ui.target", cell(goal)), ("ui.deadline", cell(_deadline_text(row, lang)))]
    return facts


def _standing_facts(row: TargetStatus, plan: Plan, lang: str, series: Sequence[Point]) -> list[Fact]:
    """Where the target stands: now, progress, gap, the two cities, the score and how it is formed, pace,
    status, and the trend of its figures."""
    target = row.target
    unit = unit_label(plan, target, lang)
    current = figure_value(target, row.current, lang)
    if row.current is not None:
        current = f"{with_unit(current, '' if target.kind is Kind.MILESTONE else unit)} ({row.current.as_of})"
    facts: list[Fact] = [("ui.current", cell(current))]
    if target.kind is not Kind.CONTEXT:
        facts.append(("ui.progress", cell(f"{progress_bar(row.progress)} {percent(row.progress)}".strip())))
    if target.kind is Kind.NUMERIC:
        facts.append(("ui.gap", cell(target_gap_words(row, unit, lang))))
    for city in BENCHMARK_CITIES:
        benchmark = next((b for b in row.benchmarks if b.city is city), None)
        facts.append(("city." + city.value, _benchmark_fact(plan, target, benchmark, city, unit, lang)))
    if target.kind is not Kind.CONTEXT:
        facts.append(("ui.score", _score_fact(plan, row, lang)))
    pace = row.pace
    if target.kind is Kind.NUMERIC:
        known = (pace.needed_per_day, pace.observed_per_day, pace.projected) != (None, None, None)
        text = word("ui.pace_detail", lang).format(
            needed=signed(pace.needed_per_day),
            observed=signed(pace.observed_per_day),
            projected=number(pace.projected),
        )
        facts.append(("ui.pace", cell(text if known else UNKNOWN)))
    status = status_text(row.status, lang) if row.status else ""
    style = STATUS_STYLE[row.status] if row.status else ""
    parts = [part for part in (status, status_detail(row, lang)) if part]
    facts.append(("ui.status", cell(" · ".join(parts) or UNKNOWN, style)))
    if series and target.kind is not Kind.MILESTONE:
        trend = sparkline([point.value for point in series], target.target)
        dates = f"{series[0].date.isoformat()} → {series[-1].date.isoformat()}"
        key = "ui.trend_legend_target" if target.target is not None else "ui.trend_legend"
        facts.append(("ui.series", [(f"{trend}  {dates}", ""), (word(key, lang), "dim")]))
    return facts


def _quoted(plan: Plan, source_id: str, quote: str, lang: str) -> Cell:
    """A source and the sentence quoted from it."""
    source = plan.sources.get(source_id)
    lines = [(f"“{quote}”", ""), (source_text(source, lang, address=False), "dim")]
    if source is not None and source.url:  # on a line of its own, never broken: it is copied whole
        lines.append((source.url, ADDRESS))
    return lines


def _score_fact(plan: Plan, row: TargetStatus, lang: str) -> Cell:
    """The score and how it is formed: what 0 and 100 stand for, in words a manager can check by hand."""
    score = row.score
    lines = cell(UNKNOWN) if score.value is None else cell(score_value(score.value), "bold")
    if row.target.kind is Kind.MILESTONE:
        lines.append((word("ui.score_milestone", lang), "dim"))
        return lines
    unit = unit_label(plan, row.target, lang)
    if score.frontier is not None:
        source = score.frontier_source or "target"
        frontier = with_unit((">" if score.frontier_strict else "") + number(score.frontier), unit)
        key = "ui.score_100_target" if source == "target" else "ui.score_100_peer"
        city = word("city." + source, lang) if source != "target" else ""
        lines.append((word(key, lang).format(value=frontier, city=city), "dim"))
    if score.worst_source == "baseline":
        lines.append(
            (word("ui.score_0_baseline", lang).format(value=with_unit(number(score.worst), unit)), "dim")
        )
    elif score.worst_source == "zero":
        lines.append((word("ui.score_0_zero", lang), "dim"))
    else:
        lines.append((word("ui.score_0_unknown", lang), "dim"))
    if score.value is not None and score.value < 100:
        lines.append((word("ui.score_short", lang), "dim"))
    return lines


def _deadline_text(row: TargetStatus, lang: str) -> str:
    target = row.target
    if target.deadline is None or row.pace.days_left is None:
        return word("ui.no_deadline", lang)
    if row.status is Status.ACHIEVED:  # days over a deadline already met would read as late
        return target.deadline.isoformat()
    return f"{target.deadline.isoformat()} ({days_text(row.pace.days_left, lang)})"


def _benchmark_fact(
    plan: Plan, target: Target, benchmark: Benchmark | None, city: City, unit: str, lang: str
) -> Cell:
    related = target.related.get(city)
    if benchmark is None:
        lines = cell(UNKNOWN, "dim")
    else:
        figure = benchmark.figure
        headline = f"{with_unit(figure_value(target, figure, lang), unit)} ({figure.as_of})"
        if benchmark.related:
            headline = RELATED_MARK + headline
        elif benchmark.gap is not None:
            headline += "  " + gap_words(benchmark.gap, unit, lang, word("city." + city.value, lang))
        lines = cell(headline)
        if figure.observation is None:
            lines.append((word("ui.from_log", lang), "dim"))
        else:
            lines += [(text, style or "dim") for text, style in _quoted(plan, figure.observation.source,
                                                            figure.observation.quote, lang)]  # fmt: skip
            if figure.observation.note and not benchmark.related:
                lines.append((figure.observation.note.in_lang(lang), "dim"))
    if related is not None:
        lines.append((word("ui.related_measure", lang) + " " + related.in_lang(lang), "yellow"))
    return lines


SPARK_LEVELS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], goal: float | None) -> str:
    """One character per value, scaled together with the target (after ┊) so the gap to it shows; bars rise
    from zero, as in a bar chart, so 92.5 against 100 looks close, not like the lowest against the highest."""
    if not values:
        return ""
    scale = [*values, goal] if goal is not None else list(values)
    low, high = min(0.0, *scale), max(0.0, *scale)
    span = high - low or 1.0
    line = "".join(SPARK_LEVELS[round((value - low) / span * (len(SPARK_LEVELS) - 1))] for value in values)
    if goal is not None:
        line += " ┊" + SPARK_LEVELS[round((goal - low) / span * (len(SPARK_LEVELS) - 1))]
    return line
