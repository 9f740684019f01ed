"""Plain-text formatting shared by the terminal renderer and the Markdown export (no Rich here)."""

from __future__ import annotations

from typing import Final

from gdz_targets.domain.model import City, Entry, Kind, Plan, Qualifier, Target
from gdz_targets.domain.status import Figure, Status, TargetStatus
from gdz_targets.domain.values import format_number

from .messages import CATALOGUE

UNKNOWN: Final = "—"
QUALIFIER_MARK: Final = {Qualifier.OVER: ">", Qualifier.AT_LEAST: ">=", Qualifier.ABOUT: "~"}
# Narrow, non-ambiguous characters only, so columns stay aligned in CJK terminals.
STATUS_MARK: Final = {
    Status.ACHIEVED: "✔",
    Status.ON_TRACK: "✓",
    Status.AT_RISK: "!",
    Status.OFF_TRACK: "✗",
    Status.OVERDUE: "✖",
    Status.OPEN: "~",
    Status.NO_DATA: "?",
}
STATUS_STYLE: Final = {
    Status.ACHIEVED: "green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.OFF_TRACK: "red",
    Status.OVERDUE: "bold red",
    Status.OPEN: "cyan",
    Status.NO_DATA: "dim",
}


def word(key: str, lang: str) -> str:
    english, chinese = CATALOGUE[key]
    return chinese if lang == "zh" else english


def number(value: float | None, digits: int = 2) -> str:
    """A figure for reading: whole numbers plain, others rounded to `digits` places."""
    if value is None:
        return UNKNOWN
    rounded = round(value, digits)
    if rounded == 0:
        rounded = 0.0  # never print -0
    return format_number(rounded)


def signed(value: float | None) -> str:
    if value is None:
        return UNKNOWN
    text = number(value)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def percent(value: float | None) -> str:
    return UNKNOWN if value is None else f"{number(value, 0)}%"


def unit_label(plan: Plan, target: Target, lang: str) -> str:
    unit = plan.unit_of(target)
    return unit.label(lang) if unit is not None else ""


def with_unit(text: str, unit: str) -> str:
    if not unit or text == UNKNOWN:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def milestone_state(value: float, lang: str) -> str:
    return word("ui.done" if value >= 1 else "ui.not_done", lang)


def figure_value(target: Target, figure: Figure | None, lang: str) -> str:
    """A value as published: `>400` for "超400", `~25` for "约25", done / not done for milestones."""
    if figure is None:
        return UNKNOWN
    if target.kind is Kind.MILESTONE:
        return milestone_state(figure.value, lang)
    observation = figure.observation
    mark = QUALIFIER_MARK[observation.qualifier] if observation and observation.qualifier else ""
    return f"{mark}{number(figure.value)}"


def target_value(plan: Plan, target: Target, lang: str) -> str:
    if target.kind is Kind.MILESTONE:
        return word("ui.done", lang)
    if target.target is None:
        return UNKNOWN
    mark = ">" if target.target_strict else ""
    return with_unit(f"{mark}{number(target.target)}", unit_label(plan, target, lang))


def score_text(score: float | None, scored: int, total: int, lang: str) -> str:
    """`score 45 (3 of 12 targets scored)`: a mean over few targets says little, so say how few."""
    return word("ui.score_of", lang).format(score=number(score, 0), scored=scored, total=total)


def area_numbers(plan: Plan) -> dict[str, int]:
    """Each area's number in the plan's order, the same whatever a report leaves out."""
    return {area.id: number for number, area in enumerate(plan.areas, start=1)}


def status_text(status: Status | None, lang: str) -> str:
    if status is None:
        return UNKNOWN
    return f"{STATUS_MARK[status]} {word('status.' + status.value, lang)}"


def progress_bar(share: float | None, width: int = 10) -> str:
    if share is None:
        return ""
    filled = round(max(0.0, min(100.0, share)) / 100 * width)
    return "▮" * filled + "▯" * (width - filled)


def entry_summary(plan: Plan, entry: Entry, lang: str) -> str:
    """`01JDQ3ZK… cross-city-total = 1020 items (Dongguan, 2023-12-31)`"""
    target = plan.target(entry.target)
    if target is not None and target.kind is Kind.MILESTONE:
        value = milestone_state(entry.value, lang)
    else:
        value = with_unit(number(entry.value, 6), unit_label(plan, target, lang) if target else "")
    city = word("city." + entry.city.value, lang)
    return f"{entry.id} {entry.target} = {value} ({city}, {entry.date.isoformat()})"


def standing_line(plan: Plan, entry: Entry, row: TargetStatus, lang: str) -> str:
    """What `gdz log` prints: the entry, then the target's standing today, on one line."""
    target = row.target
    parts = [word("ui.logged", lang) + " " + entry_summary(plan, entry, lang)]
    if row.current is not None:
        parts.append(
            word("ui.now", lang)
            + " "
            + with_unit(
                figure_value(target, row.current, lang),
                "" if target.kind is Kind.MILESTONE else unit_label(plan, target, lang),
            )
        )
    if row.gap_to_target is not None:
        parts.append(word("ui.gap", lang) + " " + signed(row.gap_to_target))
    if row.score.value is not None and target.kind is not Kind.CONTEXT:
        parts.append(word("ui.score", lang) + " " + number(row.score.value, 0))
    if entry.city is not City.DONGGUAN:
        benchmark = next((b for b in row.benchmarks if b.city is entry.city), None)
        if benchmark is not None and benchmark.gap is not None:
            parts.append(
                word("ui.gap_to", lang).format(city=word("city." + entry.city.value, lang))
                + " "
                + signed(benchmark.gap)
            )
    if row.status is not None:
        parts.append(status_text(row.status, lang))
    return " · ".join(parts)
